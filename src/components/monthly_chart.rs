//! One chart of the capacity plan: staff, service or cost by month.

use leptos::prelude::*;

use crate::charts::monthly::{draw_cost, draw_fte, draw_service, MonthlyLabels};
use crate::components::chart_canvas::ChartCanvas;
use crate::i18n::{money_title, month_label, text, Key};
use crate::store::use_store;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthlyKind {
    Fte,
    Service,
    Cost,
}

impl MonthlyKind {
    fn test_id(self) -> &'static str {
        match self {
            MonthlyKind::Fte => "fte-chart",
            MonthlyKind::Service => "scorecard-chart",
            MonthlyKind::Cost => "cost-chart",
        }
    }

    fn title(self) -> Key {
        match self {
            MonthlyKind::Fte => Key::FteChart,
            MonthlyKind::Service => Key::ScorecardChart,
            MonthlyKind::Cost => Key::CostChart,
        }
    }
}

#[component]
pub fn MonthlyChart(kind: MonthlyKind) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let draw = move |area: &_, scale: f64| {
        let lang = lang.get();
        let t = |k| text(lang, k).to_string();
        let target_pct = store.staffing.with(|i| i.sl_target_pct);
        store.projection.with(|projection| {
            let Some(p) = projection.ready() else { return };
            let months = &p.plan.months;
            let pick = |f: fn(&ccplan_engine::capacity::MonthPlan) -> f64| {
                months.iter().map(f).collect::<Vec<_>>()
            };
            let mut labels = MonthlyLabels {
                months: months.iter().map(|m| month_label(m.month)).collect(),
                x_axis: t(Key::AxisMonth),
                y_axis: t(Key::AxisFte),
                y2_axis: String::new(),
                series: [t(Key::RequiredFte), t(Key::AvailableFte), t(Key::HiresBars)],
            };
            let drawn = match kind {
                MonthlyKind::Fte => draw_fte(
                    area,
                    &pick(|m| m.required_fte),
                    &pick(|m| m.available_fte),
                    &pick(|m| m.hires),
                    &labels,
                    scale,
                ),
                MonthlyKind::Service => {
                    labels.y_axis = t(Key::AxisPercent);
                    labels.series = [t(Key::ServiceLevel), t(Key::Abandon), t(Key::TargetBand)];
                    draw_service(
                        area,
                        &pick(|m| m.service_level * 100.0),
                        &pick(|m| m.p_abandon * 100.0),
                        target_pct,
                        &labels,
                        scale,
                    )
                }
                MonthlyKind::Cost => {
                    let currency = store.currency.get();
                    labels.y_axis = money_title(text(lang, Key::AxisMoney), currency);
                    labels.y2_axis = money_title(text(lang, Key::CostPerContact), currency);
                    labels.series = [t(Key::TotalCost), t(Key::CostPerContact), String::new()];
                    draw_cost(
                        area,
                        &pick(|m| m.total_cost),
                        &pick(|m| m.cost_per_contact),
                        &labels,
                        scale,
                    )
                }
            };
            if let Err(problem) = drawn {
                leptos::logging::warn!("monthly chart not drawn: {problem}");
            }
        });
    };
    view! {
        <section class="panel chart-panel">
            <h2>{move || text(lang.get(), kind.title())}</h2>
            <ChartCanvas
                test_id=kind.test_id()
                label=Signal::derive(move || text(lang.get(), kind.title()).to_string())
                draw=draw
                reads=Signal::derive(move || {
                    lang.track();
                    store.staffing.track();
                    store.projection.track();
                    store.currency.track();
                })
            />
        </section>
    }
}
