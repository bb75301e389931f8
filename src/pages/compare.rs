//! The comparison page (`#/compare`): two to four scenarios side by side —
//! their inputs and results with the difference to the first, their staffing
//! curves overlaid and their monthly requirements overlaid.

use leptos::prelude::*;

use crate::components::compare_charts::CompareCharts;
use crate::components::compare_choices::CompareChoices;
use crate::components::compare_table::CompareTable;
use crate::store::use_store;

#[component]
pub fn ComparePage() -> impl IntoView {
    let store = use_store();
    let chosen = store.compare_chosen();
    let compared = store.compared(chosen);
    let ready = move || compared.with(|c| c.len() >= 2);
    view! {
        <div class="page compare-page">
            <CompareChoices chosen />
            <Show when=ready>
                <CompareTable compared />
                <CompareCharts compared />
            </Show>
        </div>
    }
}
