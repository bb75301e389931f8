//! An exercise opened from a link (`#x=…`) at the top of the page, or a
//! message when the link cannot be read.

use leptos::prelude::*;

use crate::components::exercise_card::ExerciseCard;
use crate::i18n::{text, Key};
use crate::model::exercise::Exercise;
use crate::share::{decode_value, exercise_payload_of};
use crate::store::use_store;

/// `hash`: the URL fragment.
#[component]
pub fn LinkedExercise(hash: Signal<String>) -> impl IntoView {
    let lang = use_store().lang;
    let from_link = move || {
        let hash = hash.get();
        let payload = exercise_payload_of(&hash)?;
        Some(
            decode_value::<Exercise>(payload)
                .ok()
                .filter(Exercise::is_valid),
        )
    };
    move || {
        from_link().map(|found| match found {
            Some(exercise) => {
                let question = exercise.question.clone();
                view! {
                    <section class="panel exercise-from-link">
                        <h2>{move || text(lang.get(), Key::ExerciseFromLink)}</h2>
                        <ExerciseCard exercise=exercise question=Signal::derive(move || question.clone()) test_id="linked-exercise".to_string() />
                    </section>
                }
                .into_any()
            }
            None => view! {
                <p class="message error" data-testid="exercise-link-bad">{move || text(lang.get(), Key::ExerciseLinkBad)}</p>
            }
            .into_any(),
        })
    }
}
