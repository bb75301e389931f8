//! Tells the user when saved data was recovered from or could not be saved.

use leptos::prelude::*;

use crate::components::notice_bar::NoticeBar;
use crate::i18n::Key;
use crate::storage::Notice;
use crate::store::use_store;

#[component]
pub fn StorageNotice() -> impl IntoView {
    let store = use_store();
    let message = Signal::derive(move || {
        store.notice.get().map(|notice| match notice {
            Notice::Corrupt => Key::StorageCorrupt,
            Notice::UnknownVersion => Key::StorageUnknownVersion,
            Notice::KeptInPlace => Key::StorageKeptInPlace,
            Notice::Full => Key::StorageFull,
            Notice::Unavailable => Key::StorageUnavailable,
            Notice::KeptNotOverwritten => Key::StorageKeptNotOverwritten,
            Notice::WouldNotRead => Key::StorageWouldNotRead,
            Notice::ChangedElsewhere => Key::StorageChangedElsewhere,
            Notice::CurrentChangedElsewhere => Key::StorageCurrentChangedElsewhere,
        })
    });
    let dismiss = Callback::new(move |()| store.notice.set(None));
    view! { <NoticeBar role="status" test_id="storage-notice" message=message on_dismiss=dismiss /> }
}
