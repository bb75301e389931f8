//! Says, above a page's results, that they leave out a box the user is
//! editing: its text is not a valid value, so they use its last valid one.

use leptos::prelude::*;

use crate::i18n::{text, Key};
use crate::store::use_store;

#[component]
pub fn StaleNotice() -> impl IntoView {
    let store = use_store();
    view! {
        <Show when=move || store.results_stale()>
            <p class="message warning stale-notice" data-testid="stale-notice" role="status">
                {move || text(store.lang.get(), Key::StaleResults)}
            </p>
        </Show>
    }
}
