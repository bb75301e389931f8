//! A compact number box for a value kept outside the field table: an
//! entered KPI, a target or a seasonal index. Shares are typed as
//! percentages; the reason a value is refused shows under the box (and as
//! its tooltip).

use leptos::prelude::*;

use crate::components::number_box::NumberBox;
use crate::i18n::field_message;
use crate::model::fields::{FieldError, Spec};
use crate::store::{use_store, BoxId};

/// How a share is shown: 0.855 → 85.5 (no floating-point tail).
fn to_display(value: f64, percent: bool) -> f64 {
    if percent {
        (value * 100.0 * 1e6).round() / 1e6
    } else {
        value
    }
}

fn from_display(value: f64, percent: bool) -> f64 {
    if percent {
        value / 100.0
    } else {
        value
    }
}

#[component]
pub fn KpiEntry(
    id: BoxId,
    spec: Spec,
    test_id: String,
    label: Signal<String>,
    /// The value in engine units (a share as a fraction); `None` when empty.
    value: Signal<Option<f64>>,
    /// Shares are shown and typed as percentages.
    percent: bool,
    /// Called with a valid value in engine units, or `None` when cleared.
    on_set: Callback<Option<f64>>,
) -> impl IntoView {
    let store = use_store();
    let error = RwSignal::new(None::<FieldError>);
    let shown = Signal::derive(move || value.get().map(|v| to_display(v, percent)));
    let on_commit = Callback::new(move |typed: Option<f64>| {
        on_set.run(typed.map(|v| from_display(v, percent)));
    });
    let message = move || {
        error
            .get()
            .map(|e| field_message(store.lang.get(), &spec, e))
    };
    view! {
        <span class="kpi-entry-wrap" title=move || message().unwrap_or_default()>
            <NumberBox
                id=id
                spec=spec
                value=shown
                on_commit=on_commit
                test_id=test_id
                error=error
                class="kpi-entry"
                label=label
            />
            // An alert only while it has something to say (issue 25, item 12).
            <span class="field-error kpi-error" role=move || error.get().map(|_| "alert")>{message}</span>
        </span>
    }
}
