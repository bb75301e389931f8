//! The forecast panel: the forecast's choices, its chart, the model that
//! made it, its holdout score and the forecast days.

use leptos::prelude::*;

use super::days_table::DaysTable;
use super::holdout_line::HoldoutLine;
use super::model_line::ModelLine;
use super::settings_row::SettingsRow;
use crate::components::forecast_chart::ForecastChart;
use crate::i18n::{text, Key};
use crate::store::use_store;

#[component]
pub fn ForecastResult() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let has_result = move || store.with_forecast(|_, _| Some(())).is_some();
    view! {
        <section class="panel" data-testid="forecast-panel">
            <h2>{move || text(lang.get(), Key::ForecastResultTitle)}</h2>
            <SettingsRow />
            {move || has_result().then(|| view! { <ForecastChart /> })}
            <ModelLine />
            <HoldoutLine />
            <DaysTable />
        </section>
    }
}
