//! The remembered choice of a byte-order mark on CSV downloads (on by
//! default, so Excel opens Chinese names; off for scripts), beside each
//! CSV button.

use leptos::prelude::*;

use crate::components::check_box::CheckBox;
use crate::i18n::Key;
use crate::store::use_store;

#[component]
pub fn CsvBomChoice() -> impl IntoView {
    let store = use_store();
    view! {
        <CheckBox class="check csv-bom" test_id="csv-bom" label=Key::CsvBom
            checked=Signal::derive(move || store.csv_bom.get())
            on_change=Callback::new(move |on| store.csv_bom.set(on)) />
    }
}
