//! What the engine worker is doing, when the user should know: a
//! calculation running for over a second (how long, and Cancel), or work
//! that ended without an answer (why, and what to do).

use leptos::prelude::*;
use std::time::Duration;

use crate::i18n::{stopped_text, text, working_text, Key};
use crate::store::use_store;

/// How long a calculation runs before the page says so.
const SHOW_AFTER_MS: f64 = 1000.0;

#[component]
pub fn EngineStatus() -> impl IntoView {
    let store = use_store();
    let (engine, lang) = (store.engine, store.lang);
    let now = RwSignal::new(0.0);
    let clock = StoredValue::new(None::<IntervalHandle>);
    // The clock ticks only while the worker is busy.
    Effect::new(move |_| {
        let busy = engine.busy_since_ms.get().is_some();
        if let Some(handle) = clock.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        if busy {
            let tick = move || {
                now.try_set(js_sys::Date::now());
            };
            tick();
            clock.set_value(set_interval_with_handle(tick, Duration::from_millis(250)).ok());
        }
    });
    on_cleanup(move || {
        if let Some(handle) = clock.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    });
    let busy_for_s = move || {
        let since = engine.busy_since_ms.get()?;
        let elapsed = now.get() - since;
        (elapsed >= SHOW_AFTER_MS).then(|| (elapsed / 1000.0).floor() as u64)
    };
    view! {
        {move || busy_for_s().map(|seconds| view! {
            <div class="notice info engine-busy" role="status" data-testid="engine-busy">
                <span data-testid="engine-busy-text">{move || working_text(lang.get(), seconds)}</span>
                <button type="button" data-testid="engine-cancel" on:click=move |_| engine.cancel()>
                    {move || text(lang.get(), Key::EngineCancel)}
                </button>
            </div>
        })}
        {move || engine.stopped.get().map(|why| view! {
            <div class="notice" role="alert" data-testid="engine-stopped">
                <span>{move || text(lang.get(), stopped_text(why))}</span>
                <button type="button" on:click=move |_| engine.stopped.set(None)>
                    {move || text(lang.get(), Key::Dismiss)}
                </button>
            </div>
        })}
    }
}
