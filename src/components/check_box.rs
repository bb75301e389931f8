//! A check box with its words after it, inside one label (so a click on
//! the words ticks it): the staffing page's reverse mode, the scorecard's
//! hiring to the requirement, the schedule's cap and paid breaks.

use leptos::prelude::*;

use crate::i18n::{text, Key};
use crate::store::use_store;

/// `label`: the words; `class`: the label's, if any.
#[component]
pub fn CheckBox(
    label: Key,
    checked: Signal<bool>,
    on_change: Callback<bool>,
    test_id: &'static str,
    #[prop(optional)] class: Option<&'static str>,
) -> impl IntoView {
    let lang = use_store().lang;
    view! {
        <label class=class>
            <input type="checkbox" data-testid=test_id prop:checked=move || checked.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev)) />
            {move || text(lang.get(), label)}
        </label>
    }
}
