//! The trainer's form: a question about the current inputs and the figure
//! asked for, made into a link a student opens (or why it cannot be).

use leptos::prelude::*;

use crate::components::exercise_card::asked_key;
use crate::i18n::{text, Key};
use crate::model::exercise::{Asked, Exercise, MAX_QUESTION_CHARS};
use crate::store::use_store;

#[component]
pub fn ExerciseForm() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let question = RwSignal::new(String::new());
    let asked = RwSignal::new(Asked::RequiredAgents);
    let made = RwSignal::new(None::<Option<String>>);
    let make = move |_| {
        let exercise = Exercise {
            question: question.get_untracked().trim().to_string(),
            asked: asked.get_untracked(),
            inputs: store.staffing.get_untracked(),
        };
        made.set(Some(
            exercise.is_valid().then(|| store.exercise_url(&exercise)),
        ));
    };
    view! {
        <div class="exercise-form">
            <label for="exercise-question">{move || text(lang.get(), Key::ExerciseQuestion)}</label>
            <textarea id="exercise-question" data-testid="exercise-question-input" rows="3" maxlength=MAX_QUESTION_CHARS
                prop:value=move || question.get()
                on:input=move |ev| { question.set(event_target_value(&ev)); made.set(None); }></textarea>
            <label for="exercise-asked">{move || text(lang.get(), Key::ExerciseAsked)}</label>
            <select id="exercise-asked" data-testid="exercise-asked" on:change=move |ev| {
                if let Some(a) = Asked::from_code(&event_target_value(&ev)) { asked.set(a); made.set(None); }
            }>
                {Asked::ALL.into_iter().map(|a| view! {
                    <option value=a.code() selected=move || asked.get() == a>{move || text(lang.get(), asked_key(a))}</option>
                }).collect_view()}
            </select>
            <button type="button" data-testid="exercise-make" on:click=make>{move || text(lang.get(), Key::ExerciseMake)}</button>
            {move || made.get().map(|link| match link {
                Some(url) => view! {
                    <input type="text" readonly data-testid="exercise-link" prop:value=url.clone() on:focus=move |ev| {
                        use wasm_bindgen::JsCast;
                        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) { input.select(); }
                    } />
                    <a href=url data-testid="exercise-open">{move || text(lang.get(), Key::ExerciseOpen)}</a>
                }.into_any(),
                None => view! { <p class="message error" data-testid="exercise-cannot">{move || text(lang.get(), Key::ExerciseCannot)}</p> }.into_any(),
            })}
        </div>
    }
}
