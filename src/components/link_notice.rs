//! Tells the user about a share link: refused (and why), or opened as an
//! unsaved copy.

use leptos::prelude::*;

use crate::i18n::{text, Key};
use crate::share::LinkError;
use crate::store::use_store;

#[component]
pub fn LinkNotice() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let refused = move || {
        store.link_problem.get().map(|p| match p {
            LinkError::TooLong => Key::LinkTooLong,
            LinkError::Malformed => Key::LinkMalformed,
            LinkError::UnknownVersion => Key::LinkUnknownVersion,
            LinkError::Invalid => Key::LinkInvalid,
        })
    };
    view! {
        {move || refused().map(|key| view! {
            <div class="notice" role="alert" data-testid="link-notice">
                <span>{move || text(lang.get(), key)}</span>
                <button type="button" on:click=move |_| store.link_problem.set(None)>{move || text(lang.get(), Key::Dismiss)}</button>
            </div>
        })}
        {move || store.from_link.get().map(|name| view! {
            <div class="notice info" role="status" data-testid="link-opened">
                <span>{move || text(lang.get(), Key::LinkOpened)}" "<strong>{name.clone()}</strong></span>
            </div>
        })}
    }
}
