//! A list under its label, bound to one preference chosen by its code: the
//! language and the currency switches in the header.

use leptos::prelude::*;

use crate::format::Currency;
use crate::i18n::{text, Key, Lang};
use crate::store::use_store;

/// A preference the user picks from a list, known by a stable code.
pub trait Choice: Copy + Send + Sync + 'static {
    fn code(self) -> &'static str;
    fn from_code(code: &str) -> Option<Self>;
}

impl Choice for Lang {
    fn code(self) -> &'static str {
        Lang::code(self)
    }
    fn from_code(code: &str) -> Option<Self> {
        Lang::from_code(code)
    }
}

impl Choice for Currency {
    fn code(self) -> &'static str {
        Currency::code(self)
    }
    fn from_code(code: &str) -> Option<Self> {
        Currency::from_code(code)
    }
}

/// `chosen`: the preference the list shows and sets; `children`: its
/// options, each with a choice's code as its value.
#[component]
pub fn LabelledSelect<T: Choice>(
    class: &'static str,
    label: Key,
    test_id: &'static str,
    chosen: RwSignal<T>,
    children: Children,
) -> impl IntoView {
    let lang = use_store().lang;
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(choice) = T::from_code(&event_target_value(&ev)) {
            chosen.set(choice);
        }
    };
    view! {
        <label class=class>
            <span>{move || text(lang.get(), label)}</span>
            <select data-testid=test_id prop:value=move || chosen.get().code() on:change=on_change>
                {children()}
            </select>
        </label>
    }
}
