//! Tells the user when saved data was recovered from or could not be saved.

use leptos::prelude::*;

use crate::i18n::{text, Key};
use crate::storage::Notice;
use crate::store::use_store;

#[component]
pub fn StorageNotice() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let message = move || {
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
    };
    view! {
        <Show when=move || message().is_some()>
            <div class="notice" role="status" data-testid="storage-notice">
                <span>{move || message().map(|k| text(lang.get(), k))}</span>
                <button type="button" on:click=move |_| store.notice.set(None)>{move || text(lang.get(), Key::Dismiss)}</button>
            </div>
        </Show>
    }
}
