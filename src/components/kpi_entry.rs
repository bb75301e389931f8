//! A number box for a scorecard value kept in a map: an entered KPI or a
//! target override. Shares are typed as percentages.

use leptos::prelude::*;

use crate::i18n::{text, Key};

#[component]
pub fn KpiEntry(
    test_id: String,
    label: Signal<String>,
    /// The value in engine units (a share as a fraction); `None` when empty.
    value: Signal<Option<f64>>,
    /// Shares are shown and typed as percentages.
    percent: bool,
    /// Called with a valid value in engine units, or `None` when cleared.
    on_set: impl Fn(Option<f64>) + 'static,
    lang: Signal<crate::i18n::Lang>,
) -> impl IntoView {
    let factor = if percent { 100.0 } else { 1.0 };
    let invalid = RwSignal::new(false);
    let draft = RwSignal::new(None::<String>);
    let shown = move || {
        draft.get().unwrap_or_else(|| {
            value
                .get()
                .map(|v| format!("{}", (v * factor * 1e6).round() / 1e6))
                .unwrap_or_default()
        })
    };
    let on_input = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        let cleaned = typed.trim().replace(',', ".");
        if cleaned.is_empty() {
            invalid.set(false);
            on_set(None);
        } else {
            match cleaned.parse::<f64>() {
                Ok(v)
                    if v.is_finite()
                        && v.abs() <= 1e9
                        && (!percent || (0.0..=100.0).contains(&v)) =>
                {
                    invalid.set(false);
                    on_set(Some(v / factor));
                }
                _ => invalid.set(true),
            }
        }
        draft.set(Some(typed));
    };
    view! {
        <input
            type="number"
            class="kpi-entry"
            class:invalid=move || invalid.get()
            data-testid=test_id
            aria-label=move || label.get()
            aria-invalid=move || invalid.get().to_string()
            title=move || if invalid.get() { text(lang.get(), if percent { Key::ErrPercent } else { Key::ErrNotNumber }) } else { "" }
            prop:value=shown
            on:input=on_input
            on:blur=move |_| if !invalid.get_untracked() { draft.set(None) }
        />
    }
}
