//! Tells the user about a share link: refused (and why), or opened as an
//! unsaved copy.

use leptos::prelude::*;

use crate::components::notice_bar::NoticeBar;
use crate::i18n::{text, Key};
use crate::share::LinkError;
use crate::store::use_store;

#[component]
pub fn LinkNotice() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let refused = Signal::derive(move || store.link_problem.get().map(refusal));
    let dismiss = Callback::new(move |()| store.link_problem.set(None));
    view! {
        <NoticeBar role="alert" test_id="link-notice" message=refused on_dismiss=dismiss />
        {move || store.from_link.get().map(|name| view! {
            <div class="notice info" role="status" data-testid="link-opened">
                <span>{move || text(lang.get(), Key::LinkOpened)}" "<strong>{name.clone()}</strong></span>
            </div>
        })}
    }
}

/// Why a link was refused, in words.
fn refusal(problem: LinkError) -> Key {
    match problem {
        LinkError::TooLong => Key::LinkTooLong,
        LinkError::Malformed => Key::LinkMalformed,
        LinkError::UnknownVersion => Key::LinkUnknownVersion,
        LinkError::Invalid => Key::LinkInvalid,
    }
}
