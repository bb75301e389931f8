//! A notice across the top of the page with a button that dismisses it:
//! a refused share link, or saved data recovered or not saved.

use leptos::prelude::*;

use crate::i18n::{text, Key};
use crate::store::use_store;

/// `role`: "alert" when the user must know at once, else "status".
#[component]
pub fn NoticeBar(
    role: &'static str,
    test_id: &'static str,
    #[prop(into)] message: Signal<Option<Key>>,
    on_dismiss: Callback<()>,
) -> impl IntoView {
    let lang = use_store().lang;
    move || {
        message.get().map(|key| {
            view! {
                <div class="notice" role=role data-testid=test_id>
                    <span>{move || text(lang.get(), key)}</span>
                    <button type="button" on:click=move |_| on_dismiss.run(())>{move || text(lang.get(), Key::Dismiss)}</button>
                </div>
            }
        })
    }
}
