//! The exercises panel: the built-in exercises, then the trainer's form.

use leptos::prelude::*;

use super::exercise_form::ExerciseForm;
use crate::components::exercise_card::ExerciseCard;
use crate::i18n::{built_in_question, text, Key};
use crate::model::exercise::built_in;
use crate::store::use_store;

#[component]
pub fn Exercises() -> impl IntoView {
    let lang = use_store().lang;
    let built_ins = move || {
        built_in()
            .into_iter()
            .enumerate()
            .map(|(i, exercise)| {
                let key = built_in_question(exercise.asked);
                view! {
                    <ExerciseCard exercise=exercise question=Signal::derive(move || text(lang.get(), key).to_string()) test_id=format!("exercise-{}", i + 1) />
                }
            })
            .collect_view()
    };
    view! {
        <section class="panel" data-testid="exercises">
            <h2>{move || text(lang.get(), Key::ExercisesTitle)}</h2>
            <p>{move || text(lang.get(), Key::ExercisesIntro)}</p>
            <div class="exercise-list">{built_ins}</div>
            <h3>{move || text(lang.get(), Key::ExerciseWrite)}</h3>
            <ExerciseForm />
        </section>
    }
}
