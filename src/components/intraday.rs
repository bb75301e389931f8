//! The intraday requirement: the day's volumes (typed or pasted from a
//! spreadsheet), the chart of volume and required agents, and day totals.

use leptos::prelude::*;

use crate::charts::{draw_intraday, IntradayData, IntradayLabels};
use crate::components::chart_canvas::ChartCanvas;
use crate::components::csv_bom_choice::CsvBomChoice;
use crate::components::day_table::DayTable;
use crate::components::import_review::ImportReview;
use crate::components::interval_import::{IntervalImport, PasteDraft};
use crate::download::download_csv;
use crate::format::{grouped, money, percent};
use crate::i18n::{inputs_caption, intervals_text, problem_text, seconds, text, Key};
use crate::model::io::csv_out::interval_csv;
use crate::model::staffing::Computed;
use crate::store::use_store;

#[component]
pub fn Intraday() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let paste = PasteDraft::new();
    // Another day loaded (a scenario, a link, the built-in day) ends the draft.
    Effect::new(move |_| {
        store.revision.track();
        paste.clear();
    });
    let reset = move |_| {
        store.reset_day();
    };
    let export = move |_| {
        let csv = store.outcome.with(|o| {
            o.day.ready().map(|day| {
                let labels: Vec<String> = store.staffing.with(|s| {
                    (0..day.intervals.len())
                        .map(|n| s.interval_label(n))
                        .collect()
                });
                interval_csv(day, &labels)
            })
        });
        if let Some(csv) = csv {
            download_csv("ccplan-intervals.csv", csv, store);
        }
    };

    // The day alone, its interval labels and the mode: typing in the
    // calculator's boxes changes the inputs and the interval, not the day,
    // so the chart and the totals below are not even run dry then (a memo
    // passes a change on only when its value differs; issue 26, item 4).
    let day = Memo::new(move |_| store.outcome.with(|o| o.day.clone()));
    let labels = Memo::new(move |_| {
        let count = day.with(|d| d.ready().map_or(0, |plan| plan.intervals.len()));
        store
            .staffing
            .with(|s| (0..count).map(|n| s.interval_label(n)).collect::<Vec<_>>())
    });
    let reverse = Memo::new(move |_| store.staffing.with(|s| s.reverse));
    let draw = move |area: &_, scale: f64| {
        let lang = lang.get();
        let data = day.with(|d| IntradayData {
            intervals: match d.ready() {
                Some(plan) => labels.with(|labels| {
                    plan.intervals
                        .iter()
                        .zip(labels)
                        .map(|(row, label)| (label.clone(), row.volume, row.agents))
                        .collect()
                }),
                None => Vec::new(),
            },
        });
        let labels = IntradayLabels {
            x_axis: text(lang, Key::AxisTime).into(),
            volume_axis: text(lang, Key::AxisContacts).into(),
            agents_axis: text(lang, Key::AxisAgents).into(),
            volume: text(lang, Key::AxisContacts).into(),
            agents: if reverse.get() {
                text(lang, Key::FixedAgentsLine).into()
            } else {
                text(lang, Key::RequiredAgents).into()
            },
        };
        if let Err(problem) = draw_intraday(area, &data, &labels, scale) {
            leptos::logging::warn!("intraday chart not drawn: {problem}");
        }
    };

    let totals = move || day.with(|d| d.ready().map(|d| d.totals));
    let total = move |f: fn(&ccplan_engine::plan::DayTotals, crate::i18n::Lang) -> String| {
        move || totals().map_or("—".to_string(), |t| f(&t, lang.get()))
    };
    let count = move || store.staffing.with(|s| s.intraday.len());

    view! {
        <section class="panel chart-panel intraday">
            <h2>{move || text(lang.get(), Key::Intraday)}</h2>
            {move || {
                day.with(|d| match d {
                    Computed::Pending => Some(view! { <p class="message" data-testid="day-computing">{text(lang.get(), Key::ComputingDay)}</p> }.into_any()),
                    Computed::Failed(p) => Some(view! { <p class="message error">{problem_text(lang.get(), p)}</p> }.into_any()),
                    Computed::Ready(_) => None,
                })
            }}
            <div class="intraday-grid">
                <div>
                    {move || { store.revision.track(); view! { <IntervalImport paste /> } }}
                    <p class="help">{move || intervals_text(lang.get(), count())}</p>
                    <div class="row-buttons">
                        // Puts back the built-in day (discarding a pasted one): not the primary action.
                        <button type="button" class="secondary" on:click=reset>{move || text(lang.get(), Key::IntradayReset)}</button>
                        <button type="button" class="secondary" data-testid="export-csv" on:click=export>{move || text(lang.get(), Key::ExportCsv)}</button>
                        <CsvBomChoice />
                    </div>
                </div>
                <ChartCanvas
                    test_id="intraday-chart"
                    label=Signal::derive(move || text(lang.get(), Key::Intraday).to_string())
                    draw=draw
                    caption=Signal::derive(move || store.staffing.with(|i| inputs_caption(lang.get(), i, true)))
                />
                <ImportReview paste />
                <dl class="figures day-totals" data-testid="day-totals">
                    <div class="figure"><dt>{move || text(lang.get(), Key::DayVolume)}</dt>
                        <dd><span class="value" data-testid="day-volume">{total(|t, _| grouped(t.volume, 0))}</span></dd></div>
                    <div class="figure"><dt>{move || text(lang.get(), Key::DayServiceLevel)}</dt>
                        <dd><span class="value" data-testid="day-service-level">{total(|t, _| percent(t.service_level))}</span></dd></div>
                    <div class="figure"><dt>{move || text(lang.get(), Key::DayAsa)}</dt>
                        <dd><span class="value" data-testid="day-asa">{total(|t, l| t.asa_s.map_or("—".into(), |v| seconds(l, v)))}</span></dd></div>
                    <div class="figure"><dt>{move || text(lang.get(), Key::PeakAgents)}</dt>
                        <dd><span class="value" data-testid="day-peak-agents">{total(|t, _| grouped(t.peak_agents, 0))}</span></dd></div>
                    <div class="figure"><dt>{move || text(lang.get(), Key::AgentHours)}</dt>
                        <dd><span class="value" data-testid="day-agent-hours">{total(|t, l| format!("{} {}", grouped(t.agent_hours, 1), text(l, Key::PerHour)))}</span></dd></div>
                    <div class="figure"><dt>{move || text(lang.get(), Key::PaidHours)}</dt>
                        <dd><span class="value" data-testid="day-paid-hours">{total(|t, l| format!("{} {}", grouped(t.paid_hours, 1), text(l, Key::PerHour)))}</span></dd></div>
                    <div class="figure"><dt>{move || text(lang.get(), Key::DayCost)}</dt>
                        <dd><span class="value" data-testid="day-cost">{move || totals().map_or("—".to_string(), |t| money(store.currency.get(), t.cost.unwrap_or(0.0), 2))}</span></dd></div>
                </dl>
            </div>
            <DayTable />
        </section>
    }
}
