//! A labelled text box holding a draft (a date, a time, a number) that a
//! form's button reads; Enter may submit the form.

use leptos::prelude::*;

use crate::i18n::{text, Key};
use crate::store::use_store;

/// `on_enter`: what Enter in the box does (nothing when absent).
#[component]
pub fn TextEntry(
    label: Key,
    test_id: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] placeholder: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] on_enter: Option<Callback<()>>,
) -> impl IntoView {
    let lang = use_store().lang;
    view! {
        <label>
            <span>{move || text(lang.get(), label)}</span>
            <input type="text" inputmode=inputmode placeholder=placeholder data-testid=test_id prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                on:keydown=move |ev| if let Some(submit) = on_enter.filter(|_| ev.key() == "Enter") { submit.run(()) } />
        </label>
    }
}
