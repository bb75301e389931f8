//! The language switch (English / 简体中文), remembered by the store.

use leptos::prelude::*;

use crate::components::labelled_select::LabelledSelect;
use crate::i18n::Key;
use crate::store::use_store;

#[component]
pub fn LangSwitch() -> impl IntoView {
    let store = use_store();
    view! {
        <LabelledSelect class="lang" label=Key::Language test_id="lang" chosen=store.lang>
            <option value="en">"English"</option>
            <option value="zh">"简体中文"</option>
        </LabelledSelect>
    }
}
