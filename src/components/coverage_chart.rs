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
    let draw = move |area: &_, scale: f64| {
        let (lang, day) = (store.lang.get(), day.get());
        store.with_solved(|o, r| {
            let rows = o.day_rows(day);
            let [x_axis, y_axis, requirement, scheduled, over, under] = [
                Key::AxisTime,
                Key::AxisAgentsScheduled,
                Key::ColRequired,
                Key::ColScheduled,
                Key::ChartOver,
                Key::ChartUnder,
            ]
            .map(|k| text(lang, k).to_string());
            let labels = CoverageChartLabels {
                x_axis,
                y_axis,
                requirement,
                scheduled,
                over,
                under,
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
            draw_coverage(area, &data, &labels, scale).ok()
        });
    };
    view! {
        <ChartCanvas test_id="coverage-chart" label=Signal::derive(move || text(store.lang.get(), Key::CoverageChartTitle).to_string()) draw=draw />
    }
}
