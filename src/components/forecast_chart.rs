//! The forecast page's chart: daily history, the forecast with its
//! interval, known events, and the holdout forecast over the held-back days.

use leptos::prelude::*;

use crate::charts::forecast::{draw_forecast, ForecastChartData, ForecastChartLabels};
use crate::components::chart_canvas::ChartCanvas;
use crate::i18n::{text, Key};
use crate::store::use_store;

#[component]
pub fn ForecastChart() -> impl IntoView {
    let store = use_store();
    let draw = move |area: &_, scale: f64| {
        let lang = store.lang.get();
        let level = store.forecast.settings.with(|s| s.level_pct);
        store.with_forecast(|o, r| {
            let t = |k| text(lang, k).to_string();
            let labels = ForecastChartLabels {
                x_axis: t(Key::AxisDate),
                y_axis: t(Key::AxisContactsPerDay),
                history: t(Key::ChartHistory),
                forecast: t(Key::ChartForecast),
                band: format!(
                    "{} {}",
                    crate::format::fixed(level, 0) + " %",
                    t(Key::ChartInterval)
                ),
                event: t(Key::ChartEvent),
                missing: t(Key::ChartMissing),
                holdout: t(Key::ChartHoldout),
            };
            let data = ForecastChartData {
                x_labels: o
                    .daily
                    .iter()
                    .map(|d| d.0.to_string())
                    .chain(r.days.iter().map(|d| d.date.to_string()))
                    .collect(),
                history: o.daily.iter().map(|d| d.1).collect(),
                mean: r.days.iter().map(|d| d.mean).collect(),
                lower: r.days.iter().map(|d| d.lower).collect(),
                upper: r.days.iter().map(|d| d.upper).collect(),
                events: r
                    .days
                    .iter()
                    .enumerate()
                    .filter(|(_, d)| d.event)
                    .map(|(i, _)| i)
                    .collect(),
                holdout: r.holdout.as_ref().map(|h| (h.start, h.mean.clone())),
            };
            draw_forecast(area, &data, &labels, scale).ok()
        });
    };
    view! {
        <ChartCanvas test_id="forecast-chart" label=Signal::derive(move || text(store.lang.get(), Key::ForecastChartTitle).to_string()) draw=draw />
    }
}
