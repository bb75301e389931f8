//! Simulated days beside the formula (the Learn page): the current
//! interval's conditions held for whole days, simulated in the Web Worker
//! with a seed the trainer can change, and each day's service level
//! plotted around the formula's value — why a real day scatters.

use leptos::prelude::*;

use ccplan_engine::simulation::Summary;

use crate::components::flag_message::FlagMessage;
use crate::engine_worker::SimulateRequest;
use crate::format::percent;
use crate::i18n::{problem_text, text, Key};
use crate::model::learn::{
    service_level_range, simulation_setup, SIMULATION_DAYS, SIMULATION_HOURS,
};
use crate::model::staffing::Problem;
use crate::store::use_store;

/// The plot's own units: one step per day across, 0–100 % up.
const STEP: f64 = 10.0;

#[component]
pub fn SimulatedDays() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let days = RwSignal::new(50_u32);
    let hours = RwSignal::new(8.0_f64);
    let seed = RwSignal::new(1_u64);
    let running = RwSignal::new(false);
    // The answer and the formula's service level it is compared with.
    let answer = RwSignal::new(None::<(Result<Summary, Problem>, Option<f64>, String)>);
    let run = move || {
        let Some(result) = store.outcome.with_untracked(|o| o.interval.clone().ok()) else {
            return;
        };
        let setup = store.staffing.with_untracked(|i| {
            simulation_setup(
                i,
                &result,
                days.get_untracked(),
                hours.get_untracked(),
                seed.get_untracked(),
            )
        });
        let formula = result.metrics.map(|m| m.service_level);
        let what = format!(
            "N = {} · A = {:.2} · {} × {} h · seed {}",
            setup.agents, setup.traffic, setup.days, setup.hours, setup.seed
        );
        running.set(true);
        store
            .engine
            .run(SimulateRequest::from(setup), move |summary| {
                answer.try_set(Some((summary, formula, what)));
                running.try_set(false);
            });
    };
    let picker = move |label: Key,
                       test_id: &'static str,
                       options: Vec<String>,
                       current: Signal<String>,
                       set: Callback<String>| {
        view! {
            <label class="sim-choice">
                <span>{move || text(lang.get(), label)}</span>
                <select data-testid=test_id on:change=move |ev| set.run(event_target_value(&ev))>
                    {options.into_iter().map(|o| {
                        let (value, shown) = (o.clone(), o.clone());
                        view! { <option value=o selected=move || current.get() == value>{shown}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
    };
    let outcome = move || {
        let lang = lang.get();
        let (summary, formula, what) = answer.get()?;
        Some(match summary {
            Err(problem) => view! {
                <p class="message error" data-testid="sim-problem">
                    {problem_text(lang, &problem)}
                </p>
            }
            .into_any(),
            Ok(run) => {
                let (low, high) = service_level_range(&run);
                let width = run.days.len() as f64 * STEP;
                // From a round 10 % below the lowest point up to 100 %, so the scatter shows.
                let lowest = formula.map_or(low, |f| f.min(low));
                let bottom = ((lowest - 0.05) * 10.0).floor().max(0.0) / 10.0;
                let y = move |sl: f64| (1.0 - sl) / (1.0 - bottom).max(0.1) * 100.0;
                let dots = run
                    .days
                    .iter()
                    .enumerate()
                    .map(|(i, d)| view! { <circle cx=(i as f64 + 0.5) * STEP cy=y(d.service_level) r="3" /> })
                    .collect_view();
                let line = formula.map(
                    |f| view! { <line class="formula-line" x1="0" x2=width y1=y(f) y2=y(f) /> },
                );
                view! {
                    <p class="help" data-testid="sim-setup">{what}</p>
                    <dl class="figures sim-figures">
                        <div class="figure"><dt>{text(lang, Key::SimFormula)}</dt><dd><span class="value" data-testid="sim-formula">{formula.map_or("—".to_string(), percent)}</span></dd></div>
                        <div class="figure"><dt>{text(lang, Key::SimMean)}</dt><dd><span class="value" data-testid="sim-mean">{percent(run.mean)}</span></dd></div>
                        <div class="figure"><dt>{text(lang, Key::SimSd)}</dt><dd><span class="value" data-testid="sim-sd">{format!("{} pp", crate::format::fixed(run.sd * 100.0, 1))}</span></dd></div>
                        <div class="figure"><dt>{text(lang, Key::SimRange)}</dt><dd><span class="value" data-testid="sim-range">{format!("{} – {}", percent(low), percent(high))}</span></dd></div>
                    </dl>
                    <svg class="sim-days" data-testid="sim-days" role="img" aria-label=text(lang, Key::SimChart) viewBox=format!("0 -3 {width} 106") preserveAspectRatio="none">
                        {line}
                        {dots}
                    </svg>
                    <p class="help">{format!("{} ({} – 100 %)", text(lang, Key::SimChart), crate::format::fixed(bottom * 100.0, 0))}</p>
                }
                .into_any()
            }
        })
    };
    view! {
        <div class="simulated-days" data-testid="simulated-days">
            <p>{move || text(lang.get(), Key::SimIntro)}</p>
            <div class="sim-controls">
                {picker(Key::SimDays, "sim-days-count", SIMULATION_DAYS.iter().map(|d| d.to_string()).collect(), Signal::derive(move || days.get().to_string()), Callback::new(move |v: String| if let Ok(v) = v.parse() { days.set(v) }))}
                {picker(Key::SimHours, "sim-hours", SIMULATION_HOURS.iter().map(|h| h.to_string()).collect(), Signal::derive(move || hours.get().to_string()), Callback::new(move |v: String| if let Ok(v) = v.parse() { hours.set(v) }))}
                <button type="button" data-testid="sim-run" on:click=move |_| run()>{move || text(lang.get(), Key::SimRun)}</button>
                <button type="button" class="secondary" data-testid="sim-new-seed" on:click=move |_| { seed.update(|s| *s += 1); run(); }>{move || text(lang.get(), Key::SimNewSeed)}</button>
            </div>
            <FlagMessage when=running class="message" test_id="sim-running" key=Key::SimRunning />
            {outcome}
        </div>
    }
}
