//! The staffing-curve chart: service level, abandonment and ASA for each
//! number of agents around the requirement.

use leptos::prelude::*;

use crate::charts::{curve_agent_range, draw_staffing_curve, CurveData, CurveFigures, CurveLabels};
use crate::components::chart_canvas::ChartCanvas;
use crate::components::curve_table::CurveTable;
use crate::i18n::{inputs_caption, text, Key};
use crate::model::staffing::ModelChoice;
use crate::store::use_store;

#[component]
pub fn StaffingCurve() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let curve_data = move || {
        store.outcome.with(|o| CurveData {
            points: o
                .curve
                .iter()
                .map(|p| {
                    let figures = p.metrics.map(|m| CurveFigures {
                        service_level_pct: m.service_level * 100.0,
                        abandon_pct: m.p_abandon * 100.0,
                        asa_s: m.asa_s,
                    });
                    (p.agents, figures)
                })
                .collect(),
            target_pct: store.staffing.with(|i| i.sl_target_pct),
            chosen: o.interval.as_ref().map_or(f64::NAN, |r| r.agents),
            show_abandon: store.staffing.with(|i| i.model == ModelChoice::ErlangA),
            asa_cap: store
                .staffing
                .with(|i| (i.max_asa_s > 0.0).then_some(i.max_asa_s)),
            abandon_cap_pct: store
                .staffing
                .with(|i| (i.max_abandon_pct > 0.0).then_some(i.max_abandon_pct)),
        })
    };
    // The agents the axis runs over, on the panel for tests and tools
    // (issue 25, item 12: the chosen staffing is always inside).
    let range = Memo::new(move |_| curve_agent_range(&curve_data()));
    let chosen = move || {
        store
            .outcome
            .with(|o| o.interval.as_ref().ok().map(|r| r.agents.to_string()))
    };
    let draw = move |area: &_, scale: f64| {
        let lang = lang.get();
        let data = curve_data();
        let labels = CurveLabels {
            x_axis: text(lang, Key::AxisAgents).into(),
            y_axis: text(lang, Key::AxisPercent).into(),
            asa_axis: text(lang, Key::AxisSeconds).into(),
            service_level: text(lang, Key::ServiceLevel).into(),
            abandon: text(lang, Key::Abandon).into(),
            asa: text(lang, Key::Asa).into(),
            target: text(lang, Key::Target).into(),
            chosen: text(lang, Key::Chosen).into(),
            asa_cap: text(lang, Key::MaxAsaLine).into(),
            abandon_cap: text(lang, Key::MaxAbandonLine).into(),
        };
        if let Err(problem) = draw_staffing_curve(area, &data, &labels, scale) {
            leptos::logging::warn!("staffing curve not drawn: {problem}");
        }
    };
    view! {
        <section class="panel chart-panel" data-testid="staffing-curve-panel"
            data-axis-from=move || range.get().map(|r| r.0)
            data-axis-to=move || range.get().map(|r| r.1)
            data-chosen=chosen>
            <h2>{move || text(lang.get(), Key::StaffingCurve)}</h2>
            <p class="help">{move || text(lang.get(), Key::StaffingCurveHelp)}</p>
            <ChartCanvas
                test_id="staffing-curve"
                label=Signal::derive(move || text(lang.get(), Key::StaffingCurve).to_string())
                draw=draw
                caption=Signal::derive(move || store.staffing.with(|i| inputs_caption(lang.get(), i, false)))
                reads=Signal::derive(move || {
                    lang.track();
                    store.outcome.track();
                    store.staffing.track();
                })
            />
            <CurveTable />
        </section>
    }
}
