//! The compare page's charts: the scenarios' service-level curves on one
//! axis of agents (or each around its own requirement), and their monthly
//! required FTE.

use leptos::prelude::*;

use crate::charts::compare::{draw_lines, LineLabels, Series};
use crate::components::chart_backend::ChartBackend;
use crate::components::chart_canvas::ChartCanvas;
use crate::i18n::{month_labels, text, Key};
use crate::model::compare::{curves, Compared};
use crate::store::use_store;
use plotters::coord::Shift;
use plotters::prelude::DrawingArea;

#[component]
pub fn CompareCharts(compared: Memo<Vec<Compared>>) -> impl IntoView {
    let lang = use_store().lang;
    let draw_curves = move |area: &_, scale: f64| {
        let lang = lang.get();
        compared.with(|list| {
            let curves = curves(list);
            let series: Vec<Series> = curves
                .lines
                .into_iter()
                .map(|(name, points)| Series { name, points })
                .collect();
            let x_axis = if curves.relative {
                Key::AxisAgentsFromRequired
            } else {
                Key::AxisAgents
            };
            let labels = LineLabels {
                x_axis: text(lang, x_axis).into(),
                y_axis: text(lang, Key::AxisPercent).into(),
                x_names: None,
            };
            if let Err(problem) = draw_lines(area, &series, &labels, scale) {
                leptos::logging::warn!("comparison chart not drawn: {problem}");
            }
        });
    };
    let draw_projection = move |area: &_, scale: f64| {
        let lang = lang.get();
        compared.with(|list| {
            let longest = list
                .iter()
                .filter_map(Compared::plan)
                .max_by_key(|p| p.plan.months.len())
                .map(|p| month_labels(&p.plan));
            let series: Vec<Series> = list
                .iter()
                .map(|c| Series {
                    name: c.name.clone(),
                    points: c.plan().map_or(Vec::new(), |p| {
                        p.plan
                            .months
                            .iter()
                            .enumerate()
                            .map(|(i, m)| (i as f64, m.required_fte))
                            .collect()
                    }),
                })
                .collect();
            let labels = LineLabels {
                x_axis: text(lang, Key::AxisMonth).into(),
                y_axis: text(lang, Key::AxisFte).into(),
                x_names: longest,
            };
            if let Err(problem) = draw_lines(area, &series, &labels, scale) {
                leptos::logging::warn!("comparison chart not drawn: {problem}");
            }
        });
    };
    view! {
        <ChartPanel title=Key::CompareCurve test_id="compare-curve" draw=draw_curves />
        <ChartPanel title=Key::CompareProjection test_id="compare-projection" draw=draw_projection />
    }
}

/// A titled panel holding one chart.
#[component]
fn ChartPanel<D>(title: Key, test_id: &'static str, draw: D) -> impl IntoView
where
    D: Fn(&DrawingArea<ChartBackend, Shift>, f64) + 'static,
{
    let lang = use_store().lang;
    view! {
        <section class="panel chart-panel">
            <h2>{move || text(lang.get(), title)}</h2>
            <ChartCanvas test_id=test_id label=Signal::derive(move || text(lang.get(), title).to_string()) draw=draw />
        </section>
    }
}
