//! The forecast's choices, each a list: model, horizon, interval level,
//! holdout days, the forecast error to staff for, and the weeks a
//! weekday's intraday shape is taken from.

use leptos::prelude::*;

use crate::format::fixed;
use crate::i18n::{text, Key};
use crate::model::forecast::{ForecastSettings, CV_CHOICES, HOLDOUTS, HORIZONS, LEVELS};
use crate::model::limits::SHAPE_WEEK_CHOICES;
use crate::store::use_store;
use ccplan_engine::forecast::ModelChoice;

fn model_key(choice: ModelChoice) -> Key {
    match choice {
        ModelChoice::Auto => Key::ModelAuto,
        ModelChoice::Ana => Key::ModelAna,
        ModelChoice::Mnm => Key::ModelMnm,
        ModelChoice::Adda => Key::ModelAdda,
    }
}

fn model_code(choice: ModelChoice) -> &'static str {
    match choice {
        ModelChoice::Auto => "auto",
        ModelChoice::Ana => "ana",
        ModelChoice::Mnm => "mnm",
        ModelChoice::Adda => "adda",
    }
}

/// A select over `options` (value, code, words) bound to one setting.
fn setting_select<T: Copy + PartialEq + Send + Sync + 'static>(
    label: Key,
    test_id: &'static str,
    options: Vec<(T, String, Signal<String>)>,
    get: impl Fn(&ForecastSettings) -> T + Copy + Send + Sync + 'static,
    set: impl Fn(&mut ForecastSettings, T) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let store = use_store();
    let f = store.forecast;
    let values: Vec<(T, String)> = options
        .iter()
        .map(|(v, code, _)| (*v, code.clone()))
        .collect();
    let on_change = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev);
        if let Some((v, _)) = values.iter().find(|(_, code)| *code == chosen) {
            store.set_forecast_setting(|s| set(s, *v));
        }
    };
    view! {
        <label class="sim-choice">
            <span>{move || text(store.lang.get(), label)}</span>
            <select data-testid=test_id on:change=on_change>
                {options.into_iter().map(|(v, code, shown)| view! {
                    <option value=code selected=move || f.settings.with(|s| get(s) == v)>{move || shown.get()}</option>
                }).collect_view()}
            </select>
        </label>
    }
}

#[component]
pub fn SettingsRow() -> impl IntoView {
    let lang = use_store().lang;
    let words = move |k: Key| Signal::derive(move || text(lang.get(), k).to_string());
    let days_word =
        move |n: u32| Signal::derive(move || format!("{n} {}", text(lang.get(), Key::DaysWord)));
    let pct = |v: f64| Signal::derive(move || format!("{} %", fixed(v, 0)));
    view! {
        <div class="sim-controls" data-testid="forecast-settings">
            {setting_select(Key::ForecastModel, "forecast-model",
                [ModelChoice::Auto, ModelChoice::Ana, ModelChoice::Mnm, ModelChoice::Adda].into_iter()
                    .map(|m| (m, model_code(m).to_string(), words(model_key(m)))).collect(),
                |s| s.model, |s, v| s.model = v)}
            {setting_select(Key::ForecastHorizon, "forecast-horizon",
                HORIZONS.into_iter().map(|h| (h, h.to_string(), days_word(h))).collect(),
                |s| s.horizon_days, |s, v| s.horizon_days = v)}
            {setting_select(Key::ForecastLevel, "forecast-level",
                LEVELS.into_iter().map(|l| (l as u32, fixed(l, 0), pct(l))).collect(),
                |s| s.level_pct as u32, |s, v| s.level_pct = f64::from(v))}
            {setting_select(Key::ForecastHoldout, "forecast-holdout-days",
                HOLDOUTS.into_iter().map(|h| (h, h.to_string(), if h == 0 { words(Key::HoldoutNone) } else { days_word(h) })).collect(),
                |s| s.holdout_days, |s, v| s.holdout_days = v)}
            {setting_select(Key::ForecastCv, "forecast-cv",
                std::iter::once((0u32, "model".to_string(), words(Key::CvFromModel)))
                    .chain(CV_CHOICES.into_iter().map(|c| (c as u32, fixed(c, 0), pct(c))))
                    .collect(),
                |s| s.cv_pct.map_or(0, |c| c as u32), |s, v| s.cv_pct = (v > 0).then_some(f64::from(v)))}
            {setting_select(Key::ForecastShapeWeeks, "forecast-weeks",
                SHAPE_WEEK_CHOICES.into_iter().map(|w| (w, w.to_string(), Signal::derive(move || format!("{w} {}", text(lang.get(), Key::WeeksWord))))).collect(),
                |s| s.recent_weeks, |s, v| s.recent_weeks = v)}
        </div>
    }
}
