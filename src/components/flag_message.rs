//! A one-line message shown while a flag is up: a box's text that is not
//! a value, a run in progress, a queue that cannot be simulated.

use leptos::prelude::*;

use crate::i18n::{text, Key};
use crate::store::use_store;

/// `role`: "alert" for a message the user must act on; `key`: its words.
#[component]
pub fn FlagMessage(
    #[prop(into)] when: Signal<bool>,
    class: &'static str,
    #[prop(optional)] role: Option<&'static str>,
    test_id: &'static str,
    #[prop(into)] key: Signal<Key>,
) -> impl IntoView {
    let lang = use_store().lang;
    view! {
        <Show when=move || when.get()>
            <p class=class role=role data-testid=test_id>{move || text(lang.get(), key.get())}</p>
        </Show>
    }
}
