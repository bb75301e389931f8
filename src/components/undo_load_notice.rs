//! Issue 25, item 9: after "Load" (the example or a saved scenario), says
//! what was loaded and offers to put back the inputs it replaced.

use leptos::prelude::*;

use crate::i18n::{loaded_text, text, Key};
use crate::store::use_store;

#[component]
pub fn UndoLoadNotice() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    move || {
        // What was loaded: the example (None) or a scenario's name.
        let loaded = store
            .undo_load
            .with(|u| u.as_ref().map(|u| u.loaded.clone()));
        loaded.map(|loaded| {
            view! {
                <div class="notice info undo-load" role="status" data-testid="undo-load">
                    <span>{move || format!("{} — ", loaded_text(lang.get(), loaded.as_deref()))}
                        <button type="button" data-testid="undo-load-button" on:click=move |_| store.undo_last_load()>
                            {move || text(lang.get(), Key::UndoLoad)}
                        </button>
                    </span>
                    <button type="button" data-testid="undo-load-dismiss" on:click=move |_| store.undo_load.set(None)>
                        {move || text(lang.get(), Key::Dismiss)}
                    </button>
                </div>
            }
        })
    }
}
