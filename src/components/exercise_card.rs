//! One classroom exercise for a student: the question (shown as text,
//! whoever wrote it), the situation, a box for the answer and a verdict,
//! and the worked solution on demand — the same formulas as "show the
//! math", for the exercise's own inputs — unless the trainer hid it (then
//! it is not rendered at all, not merely folded).

use leptos::prelude::*;

use crate::components::show_math::worked_view;
use crate::format::{grouped, percent};
use crate::i18n::{labelled, seconds, text, Key, Lang};
use crate::model::exercise::{Asked, Exercise, Verdict};
use crate::model::math::worked;
use crate::model::staffing::ModelChoice;
use crate::store::use_store;

/// The words for the figure an exercise asks for.
pub fn asked_key(asked: Asked) -> Key {
    match asked {
        Asked::Load => Key::Load,
        Asked::RequiredAgents => Key::RequiredAgents,
        Asked::ServiceLevel => Key::ServiceLevel,
        Asked::Asa => Key::Asa,
        Asked::Occupancy => Key::Occupancy,
        Asked::Fte => Key::ScheduledFte,
        Asked::Lines => Key::Lines,
        Asked::Cost => Key::Cost,
    }
}

fn situation(lang: Lang, e: &Exercise) -> Vec<String> {
    let i = &e.inputs;
    let mut lines = vec![
        labelled(lang, text(lang, Key::Volume), &grouped(i.volume, 0)),
        labelled(lang, text(lang, Key::Interval), &grouped(i.interval_min, 0)),
        labelled(lang, text(lang, Key::Aht), &grouped(i.aht_s, 0)),
        labelled(
            lang,
            text(lang, Key::SlTarget),
            &grouped(i.sl_target_pct, 0),
        ),
        labelled(lang, text(lang, Key::SlSeconds), &grouped(i.sl_seconds, 0)),
        labelled(
            lang,
            text(lang, Key::MaxOccupancy),
            &grouped(i.max_occupancy_pct, 0),
        ),
        labelled(
            lang,
            text(lang, Key::Shrinkage),
            &grouped(i.shrinkage_pct, 0),
        ),
    ];
    if e.asked == Asked::Cost {
        lines.push(labelled(
            lang,
            text(lang, Key::CostPerHour),
            &grouped(i.cost_per_hour, 2),
        ));
    }
    if i.model == ModelChoice::ErlangA {
        lines.push(labelled(
            lang,
            text(lang, Key::Model),
            &format!("Erlang A, {}", seconds(lang, i.patience_s)),
        ));
    }
    lines
}

#[component]
pub fn ExerciseCard(
    exercise: Exercise,
    #[prop(into)] question: Signal<String>,
    test_id: String,
) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let typed = RwSignal::new(String::new());
    let verdict = RwSignal::new(None::<Verdict>);
    let asked = exercise.asked;
    let hide_solution = exercise.hide_solution;
    // Kept once, so the closures below are Copy.
    let exercise = StoredValue::new(exercise);
    let check = move || {
        verdict.set(Some(
            exercise.with_value(|e| e.check(&typed.get_untracked())),
        ))
    };
    let shown_answer = move || {
        exercise.with_value(|e| {
            e.answer().map_or("—".to_string(), |a| match e.asked {
                Asked::ServiceLevel | Asked::Occupancy => percent(a / 100.0),
                Asked::Asa => seconds(lang.get(), a),
                other => grouped(a, other.decimals()),
            })
        })
    };
    let solution = move || {
        exercise.with_value(|e| {
            let r = e.result()?;
            let w = worked(&e.inputs, &r);
            Some(worked_view(lang.get(), &w, store.currency.get()))
        })
    };
    view! {
        <article class="exercise" data-testid=test_id>
            <p class="question" data-testid="exercise-question">{move || question.get()}</p>
            <ul class="situation">
                {move || exercise.with_value(|e| situation(lang.get(), e)).into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
            <div class="answer-row">
                <label>
                    <span>{move || format!("{} — {}", text(lang.get(), Key::ExerciseYourAnswer), text(lang.get(), asked_key(asked)))}</span>
                    <input
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        data-testid="exercise-answer"
                        prop:value=move || typed.get()
                        on:input=move |ev| { typed.set(event_target_value(&ev)); verdict.set(None); }
                        on:keydown=move |ev| if ev.key() == "Enter" { check() }
                    />
                </label>
                <button type="button" data-testid="exercise-check" on:click=move |_| check()>{move || text(lang.get(), Key::ExerciseCheck)}</button>
            </div>
            {move || verdict.get().map(|v| {
                let lang = lang.get();
                let (class, words) = match v {
                    Verdict::Right => ("mark met", format!("{} {}", text(lang, Key::ExerciseRight), shown_answer())),
                    Verdict::Wrong if hide_solution => ("mark not-met", text(lang, Key::ExerciseWrongNoSolution).to_string()),
                    Verdict::Wrong => ("mark not-met", text(lang, Key::ExerciseWrong).to_string()),
                    Verdict::Unreadable => ("mark not-met", text(lang, Key::ExerciseUnreadable).to_string()),
                    // Not an attempt: no mark, just what to type.
                    Verdict::Empty => ("help", text(lang, Key::ExerciseEmpty).to_string()),
                };
                view! { <p class=class data-testid="exercise-verdict" role="status">{words}</p> }
            })}
            {if hide_solution {
                view! { <p class="help" data-testid="exercise-solution-hidden">{move || text(lang.get(), Key::ExerciseSolutionHidden)}</p> }.into_any()
            } else {
                view! {
                    <details class="show-math" data-testid="exercise-solution">
                        <summary>{move || text(lang.get(), Key::ExerciseSolution)}</summary>
                        <p class="answer-line" data-testid="exercise-answer-shown">{move || labelled(lang.get(), text(lang.get(), asked_key(asked)), &shown_answer())}</p>
                        {solution}
                    </details>
                }.into_any()
            }}
        </article>
    }
}
