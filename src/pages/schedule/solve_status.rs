//! The solve's status: solving, the problem that stopped it, or whether
//! the schedule is proven the best (else the best found and its bound),
//! with the variants, nodes and time it took.

use leptos::prelude::*;

use super::problem_text;
use crate::format::{fixed, grouped};
use crate::i18n::{best_found_text, text, Key};
use crate::store::use_store;

#[component]
pub fn SolveStatus() -> impl IntoView {
    let store = use_store();
    move || {
        let lang = store.lang.get();
        if store.schedule.running.get() {
            return view! { <p class="message" data-testid="schedule-running">{text(lang, Key::Solving)}</p> }.into_any();
        }
        store.schedule.outcome.with(|outcome| {
            let Some((_, settings, o)) = outcome.as_ref() else {
                return ().into_any();
            };
            match &o.result {
                Err(problem) => view! { <p class="message error" role="alert" data-testid="schedule-problem">{problem_text(lang, problem, o)}</p> }.into_any(),
                Ok(r) => {
                    let proof = if r.schedule.optimal {
                        text(lang, Key::ScheduleProven).to_string()
                    } else {
                        // The bound is of what the search minimises: the gap under a cap, else the cost.
                        let (found, bound) = (bound_text(r.schedule.objective), bound_text(r.schedule.bound));
                        best_found_text(lang, settings.max_heads.is_some(), &found, &bound)
                    };
                    view! {
                        <p class=if r.schedule.optimal { "message" } else { "message warning" } data-testid="schedule-status">
                            {format!("{proof} · {} {} · {} {} · {} ms", r.variants, text(lang, Key::ScheduleVariants), grouped(r.schedule.nodes as f64, 0), text(lang, Key::ScheduleNodes), fixed(r.schedule.elapsed_s * 1000.0, 0))}
                        </p>
                    }.into_any()
                }
            }
        })
    }
}

/// A proven bound: whole when it is whole to rounding (the relaxation's
/// 81 400.000 000 1 is 81 400).
fn bound_text(bound: f64) -> String {
    let whole = (bound - bound.round()).abs() < 1e-6;
    grouped(bound, if whole { 0 } else { 2 })
}
