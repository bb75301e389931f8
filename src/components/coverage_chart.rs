//! The schedule page's chart: agents required against agents scheduled,
//! interval by interval, over- and under-staffing shaded.

use leptos::prelude::*;

use crate::charts::schedule::{draw_coverage, CoverageChartData, CoverageChartLabels};
use crate::components::chart_canvas::ChartCanvas;
use crate::i18n::{text, Key};
use crate::model::staffing::interval_label;
use crate::store::use_store;

/// `day`: which day of a week to show (0 when one day is scheduled).
#[component]
pub fn CoverageChart(day: Signal<usize>) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let s = store.schedule;
    let draw = move |area: &_, scale: f64| {
        let lang = lang.get();
        let day = day.get();
        s.outcome.with(|outcome| {
            let Some((_, _, o)) = outcome else { return };
            let Ok(r) = &o.result else { return };
            let rows = o.day_rows(day);
            let t = |k| text(lang, k).to_string();
            let labels = CoverageChartLabels {
                x_axis: t(Key::AxisTime),
                y_axis: t(Key::AxisAgentsScheduled),
                requirement: t(Key::ColRequired),
                scheduled: t(Key::ColScheduled),
                over: t(Key::ChartOver),
                under: t(Key::ChartUnder),
            };
            let data = CoverageChartData {
                x_labels: (0..rows.len())
                    .map(|i| {
                        interval_label(i, f64::from(o.interval_min), f64::from(o.day_start_min))
                    })
                    .collect(),
                requirement: o.required_fte[rows.clone()].to_vec(),
                scheduled: r.schedule.coverage[rows]
                    .iter()
                    .map(|c| f64::from(*c))
                    .collect(),
            };
            let _ = draw_coverage(area, &data, &labels, scale);
        });
    };
    view! {
        <ChartCanvas test_id="coverage-chart" label=Signal::derive(move || text(lang.get(), Key::CoverageChartTitle).to_string()) draw=draw />
    }
}
