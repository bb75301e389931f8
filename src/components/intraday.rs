//! The intraday requirement: the day's volumes (typed or pasted from a
//! spreadsheet), the chart of volume and required agents, and day totals.

use leptos::prelude::*;

use crate::charts::{draw_intraday, IntradayData, IntradayLabels};
use crate::components::chart_canvas::ChartCanvas;
use crate::i18n::{fixed, percent, seconds, text, Key};
use crate::state::{interval_label, parse_volumes, typical_weekday};
use crate::store::use_store;

#[component]
pub fn Intraday() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let as_text = move || {
        store.inputs.with(|i| {
            i.intraday
                .iter()
                .map(|v| v.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        })
    };
    let draft = RwSignal::new(None::<String>);
    let bad_lines = RwSignal::new(Vec::<usize>::new());

    let apply = move |typed: String| match parse_volumes(&typed) {
        Ok(volumes) => {
            bad_lines.set(Vec::new());
            store.update(|i| i.intraday = volumes);
        }
        Err(lines) => bad_lines.set(lines),
    };
    let on_input = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        apply(typed.clone());
        draft.set(Some(typed));
    };
    let reset = move |_| {
        draft.set(None);
        bad_lines.set(Vec::new());
        store.update(|i| i.intraday = typical_weekday(i.interval_min));
    };

    let draw = move |area: &_, scale: f64| {
        let lang = lang.get();
        let minutes = store.inputs.with(|i| i.interval_min);
        let data = store.outcome.with(|o| IntradayData {
            intervals: match &o.day {
                Ok(plan) => plan
                    .intervals
                    .iter()
                    .enumerate()
                    .map(|(n, row)| (interval_label(n, minutes), row.volume, row.agents))
                    .collect(),
                Err(_) => Vec::new(),
            },
        });
        let labels = IntradayLabels {
            x_axis: text(lang, Key::AxisTime).into(),
            volume_axis: text(lang, Key::AxisContacts).into(),
            agents_axis: text(lang, Key::AxisAgents).into(),
            volume: text(lang, Key::AxisContacts).into(),
            agents: text(lang, Key::RequiredAgents).into(),
        };
        if let Err(problem) = draw_intraday(area, &data, &labels, scale) {
            leptos::logging::warn!("intraday chart not drawn: {problem}");
        }
    };

    let totals = move || {
        store
            .outcome
            .with(|o| o.day.as_ref().ok().map(|d| d.totals))
    };
    let total = move |f: fn(&ccplan_engine::plan::DayTotals, crate::i18n::Lang) -> String| {
        move || totals().map_or("—".to_string(), |t| f(&t, lang.get()))
    };
    let count = move || store.inputs.with(|i| i.intraday.len());

    view! {
        <section class="panel chart-panel intraday">
            <h2>{move || text(lang.get(), Key::Intraday)}</h2>
            {move || {
                store.outcome.with(|o| o.day.clone().err()).map(|p| view! {
                    <p class="message error">{format!("{} ({})", text(lang.get(), p.key), p.detail)}</p>
                })
            }}
            <div class="intraday-grid">
                <div class="intraday-editor">
                    <label for="paste-volumes">{move || text(lang.get(), Key::IntradayVolumes)}</label>
                    <p class="help" id="paste-help">{move || text(lang.get(), Key::IntradayHelp)}</p>
                    <textarea
                        id="paste-volumes"
                        data-testid="paste-volumes"
                        rows="8"
                        aria-describedby="paste-help"
                        spellcheck="false"
                        prop:value=move || draft.get().unwrap_or_else(as_text)
                        on:input=on_input
                        on:blur=move |_| if bad_lines.get_untracked().is_empty() { draft.set(None) }
                    ></textarea>
                    <p class="field-error" role="alert">
                        {move || {
                            let lines = bad_lines.get();
                            (!lines.is_empty()).then(|| {
                                let list: Vec<String> = lines.iter().take(10).map(|l| l.to_string()).collect();
                                format!("{} {}", text(lang.get(), Key::ErrPaste), list.join(", "))
                            })
                        }}
                    </p>
                    <p class="help">{move || format!("{} {}", count(), text(lang.get(), Key::Intervals))}</p>
                    <button type="button" on:click=reset>{move || text(lang.get(), Key::IntradayReset)}</button>
                </div>
                <ChartCanvas
                    test_id="intraday-chart"
                    label=Signal::derive(move || text(lang.get(), Key::Intraday).to_string())
                    draw=draw
                />
                <dl class="figures day-totals" data-testid="day-totals">
                    <div class="figure"><dt>{move || text(lang.get(), Key::DayVolume)}</dt>
                        <dd><span class="value" data-testid="day-volume">{total(|t, _| fixed(t.volume, 0))}</span></dd></div>
                    <div class="figure"><dt>{move || text(lang.get(), Key::DayServiceLevel)}</dt>
                        <dd><span class="value" data-testid="day-service-level">{total(|t, _| percent(t.service_level))}</span></dd></div>
                    <div class="figure"><dt>{move || text(lang.get(), Key::DayAsa)}</dt>
                        <dd><span class="value" data-testid="day-asa">{total(|t, l| t.asa_s.map_or("—".into(), |v| seconds(l, v)))}</span></dd></div>
                    <div class="figure"><dt>{move || text(lang.get(), Key::PeakAgents)}</dt>
                        <dd><span class="value" data-testid="day-peak-agents">{total(|t, _| fixed(t.peak_agents, 0))}</span></dd></div>
                    <div class="figure"><dt>{move || text(lang.get(), Key::AgentHours)}</dt>
                        <dd><span class="value" data-testid="day-agent-hours">{total(|t, l| format!("{} {}", fixed(t.agent_hours, 1), text(l, Key::PerHour)))}</span></dd></div>
                    <div class="figure"><dt>{move || text(lang.get(), Key::PaidHours)}</dt>
                        <dd><span class="value" data-testid="day-paid-hours">{total(|t, l| format!("{} {}", fixed(t.paid_hours, 1), text(l, Key::PerHour)))}</span></dd></div>
                    <div class="figure"><dt>{move || text(lang.get(), Key::DayCost)}</dt>
                        <dd><span class="value" data-testid="day-cost">{total(|t, _| fixed(t.cost.unwrap_or(0.0), 2))}</span></dd></div>
                </dl>
            </div>
        </section>
    }
}
