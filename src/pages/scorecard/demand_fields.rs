//! Demand: the first month, horizon, monthly volume and growth, the
//! seasonal indices, first-contact resolution, repeats, deflection and the
//! AHT trend.

use leptos::prelude::*;

use super::seasonality::Seasonality;
use crate::components::number_field::number_fields;
use crate::i18n::{text, Key};
use crate::model::fields::ScorecardField as F;
use crate::store::use_store;

#[component]
pub fn DemandFields() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let first_month = move || {
        store
            .scorecard
            .with(|s| format!("{:04}-{:02}", s.first_year, s.first_month))
    };
    // The month box reads `YYYY-MM`; anything else is left as it was.
    let on_first_month = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        let mut parts = typed.split('-');
        if let (Some(Ok(year)), Some(Ok(month))) = (
            parts.next().map(str::parse::<i32>),
            parts.next().map(str::parse::<u32>),
        ) {
            store.set_first_month(year, month);
        }
    };
    view! {
        <h3>{move || text(lang.get(), Key::Demand)}</h3>
        <div class="field">
            <label for="first-month">{move || text(lang.get(), Key::FirstMonth)}</label>
            <input id="first-month" type="month" data-testid="first-month" prop:value=first_month on:change=on_first_month />
        </div>
        {number_fields(&[F::Horizon, F::MonthlyVolume, F::Growth])}
        <Seasonality />
        {number_fields(&[F::Fcr, F::Repeat, F::Deflection, F::AhtTrend])}
    }
}
