//! The language switch (English / 简体中文), remembered by the store.

use leptos::prelude::*;

use crate::i18n::{text, Key, Lang};
use crate::store::use_store;

#[component]
pub fn LangSwitch() -> impl IntoView {
    let store = use_store();
    view! {
        <label class="lang">
            <span>{move || text(store.lang.get(), Key::Language)}</span>
            <select
                data-testid="lang"
                prop:value=move || store.lang.get().code()
                on:change=move |ev| {
                    if let Some(lang) = Lang::from_code(&event_target_value(&ev)) {
                        store.lang.set(lang);
                    }
                }
            >
                <option value="en">"English"</option>
                <option value="zh">"简体中文"</option>
            </select>
        </label>
    }
}
