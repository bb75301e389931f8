//! The queue a class can watch (the Learn page): the current interval's
//! agents and callers, simulated call by call at a speed the trainer sets.
//! Each tick moves the simulated clock a bounded number of events, so the
//! page never freezes however fast it runs.

use std::time::Duration;

use leptos::prelude::*;

use ccplan_engine::simulation::{LiveQueue, Snapshot};

use crate::components::flag_message::FlagMessage;
use crate::format::percent;
use crate::i18n::{text, Key};
use crate::model::learn::simulation_setup;
use crate::store::use_store;

/// Simulated seconds per real second the trainer can choose.
const SPEEDS: [f64; 4] = [1.0, 10.0, 60.0, 300.0];
const TICK: Duration = Duration::from_millis(50);
/// Most events one tick may handle (the clock stops at the last).
const EVENTS_PER_TICK: usize = 2_000;
/// Agents and waiting callers drawn one by one; beyond, counted.
const DRAWN: u32 = 120;

fn clock(seconds: f64) -> String {
    let s = seconds.max(0.0) as u64;
    format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

#[component]
pub fn LiveQueueView() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let live = StoredValue::new(None::<LiveQueue>);
    let shown = RwSignal::new(None::<Snapshot>);
    let problem = RwSignal::new(false);
    let speed = RwSignal::new(60.0_f64);
    let ticking = StoredValue::new(None::<IntervalHandle>);
    let playing = RwSignal::new(false);
    let stop = move || {
        if let Some(handle) = ticking.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        playing.try_set(false);
    };
    let reset = move || {
        stop();
        let queue = store
            .outcome
            .with_untracked(|o| o.interval.clone().ok())
            .and_then(|r| {
                let setup = store
                    .staffing
                    .with_untracked(|i| simulation_setup(i, &r, 1, 1.0, 1));
                LiveQueue::new(&setup).ok()
            });
        problem.set(queue.is_none());
        shown.set(queue.as_ref().map(LiveQueue::snapshot));
        live.set_value(queue);
    };
    let play = move || {
        if live.with_value(Option::is_none) {
            reset();
        }
        if live.with_value(Option::is_none) || playing.get_untracked() {
            return;
        }
        let tick = move || {
            let seconds = TICK.as_secs_f64() * speed.get_untracked();
            let snapshot = live.try_update_value(|q| {
                q.as_mut().map(|q| {
                    q.advance(seconds, EVENTS_PER_TICK);
                    q.snapshot()
                })
            });
            if let Some(snapshot) = snapshot.flatten() {
                shown.try_set(Some(snapshot));
            }
        };
        ticking.set_value(set_interval_with_handle(tick, TICK).ok());
        playing.set(true);
    };
    on_cleanup(stop);
    let set_speed = move |ev: leptos::ev::Event| {
        let chosen: Result<f64, _> = event_target_value(&ev).parse();
        if let Ok(v) = chosen {
            speed.set(v);
        }
    };

    let picture = move || {
        let s = shown.get()?;
        let agents = (0..s.agents.min(DRAWN))
            .map(|i| view! { <rect class=if i < s.busy { "agent busy" } else { "agent idle" } x=(i % 20) * 14 y=(i / 20) * 14 width="11" height="11" rx="2" /> })
            .collect_view();
        let rows = s.agents.min(DRAWN).div_ceil(20).max(1);
        let waiting = (0..s.waiting.min(DRAWN))
            .map(|i| view! { <circle class="caller" cx=(i % 20) * 14 + 6 cy=rows * 14 + 14 + (i / 20) * 14 r="5" /> })
            .collect_view();
        let height = rows * 14 + 14 + s.waiting.min(DRAWN).div_ceil(20).max(1) * 14 + 4;
        let lang = lang.get();
        let sl = s.service_level();
        Some(view! {
            <svg class="live-queue" data-testid="live-queue-picture" role="img" aria-label=text(lang, Key::LiveQueueTitle)
                viewBox=format!("0 0 {} {height}", 20 * 14) preserveAspectRatio="xMinYMin meet">
                {agents}
                {waiting}
            </svg>
            <dl class="figures live-figures" data-testid="live-queue-figures">
                <div class="figure"><dt>{text(lang, Key::LiveClock)}</dt><dd><span class="value" data-testid="live-clock">{clock(s.time_s)}</span></dd></div>
                <div class="figure"><dt>{text(lang, Key::LiveBusy)}</dt><dd><span class="value" data-testid="live-busy">{format!("{} / {}", s.busy, s.agents)}</span></dd></div>
                <div class="figure"><dt>{text(lang, Key::LiveWaiting)}</dt><dd><span class="value" data-testid="live-waiting">{s.waiting}</span></dd></div>
                <div class="figure"><dt>{text(lang, Key::LiveOffered)}</dt><dd><span class="value" data-testid="live-offered">{s.offered}</span></dd></div>
                <div class="figure"><dt>{text(lang, Key::LiveAbandoned)}</dt><dd><span class="value" data-testid="live-abandoned">{s.abandoned}</span></dd></div>
                <div class="figure"><dt>{text(lang, Key::LiveServiceLevel)}</dt><dd><span class="value" data-testid="live-sl">{percent(sl)}</span></dd></div>
            </dl>
        })
    };
    view! {
        <div class="live-queue-panel" data-testid="live-queue">
            <p>{move || text(lang.get(), Key::LiveQueueIntro)}</p>
            <div class="sim-controls">
                <label class="sim-choice">
                    <span>{move || text(lang.get(), Key::LiveSpeed)}</span>
                    <select data-testid="live-speed" on:change=set_speed>
                        {SPEEDS.into_iter().map(|v| view! { <option value=v.to_string() selected=move || speed.get() == v>{format!("{v}×")}</option> }).collect_view()}
                    </select>
                </label>
                <button type="button" data-testid="live-play" on:click=move |_| if playing.get_untracked() { stop() } else { play() }>
                    {move || text(lang.get(), if playing.get() { Key::LivePause } else { Key::LivePlay })}
                </button>
                <button type="button" class="secondary" data-testid="live-reset" on:click=move |_| reset()>{move || text(lang.get(), Key::LiveReset)}</button>
            </div>
            <FlagMessage when=problem class="message error" test_id="live-problem" key=Key::MathUnstable />
            {picture}
        </div>
    }
}
