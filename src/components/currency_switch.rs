//! The currency money is shown in (none, ¥, $, €, £), remembered by the store.

use leptos::prelude::*;

use crate::components::labelled_select::LabelledSelect;
use crate::format::Currency;
use crate::i18n::{text, Key};
use crate::store::use_store;

#[component]
pub fn CurrencySwitch() -> impl IntoView {
    let store = use_store();
    let options = move || {
        let lang = store.lang.get();
        Currency::ALL
            .into_iter()
            .map(|c| {
                let label = match c {
                    Currency::None => text(lang, Key::NoCurrency).to_string(),
                    other => other.symbol().to_string(),
                };
                view! { <option value=c.code() selected=move || store.currency.get() == c>{label}</option> }
            })
            .collect_view()
    };
    view! {
        <LabelledSelect class="lang currency" label=Key::Currency test_id="currency" chosen=store.currency>
            {options}
        </LabelledSelect>
    }
}
