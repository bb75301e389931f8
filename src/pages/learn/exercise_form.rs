//! The trainer's form: a question about the current inputs and the figure
//! asked for, made into a link a student opens (or why it cannot be). The
//! link is copied to the clipboard where the browser allows it and always
//! shown, selectable; the trainer may hide the worked solution from students.

use leptos::prelude::*;

use crate::components::exercise_card::asked_key;
use crate::download::copy_to_clipboard_confirmed;
use crate::i18n::{text, Key};
use crate::model::exercise::{Asked, Exercise, MAX_QUESTION_CHARS};
use crate::store::use_store;

#[component]
pub fn ExerciseForm() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let question = RwSignal::new(String::new());
    let asked = RwSignal::new(Asked::RequiredAgents);
    let hide_solution = RwSignal::new(false);
    let made = RwSignal::new(None::<Option<String>>);
    // Whether the made link reached the clipboard; `None` until the browser answers.
    let copied = RwSignal::new(None::<bool>);
    let make = move |_| {
        let exercise = Exercise {
            question: question.get_untracked().trim().to_string(),
            asked: asked.get_untracked(),
            inputs: store.staffing.get_untracked(),
            hide_solution: hide_solution.get_untracked(),
        };
        let url = exercise.is_valid().then(|| store.exercise_url(&exercise));
        copied.set(None);
        if let Some(url) = url.clone() {
            leptos::task::spawn_local(async move {
                let done = copy_to_clipboard_confirmed(&url).await;
                // Only if this link is still the one shown.
                if made.get_untracked() == Some(Some(url)) {
                    copied.set(Some(done));
                }
            });
        }
        made.set(Some(url));
    };
    view! {
        <div class="exercise-form" data-testid="exercise-form">
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
            <label class="check">
                <input type="checkbox" data-testid="exercise-hide-solution" prop:checked=move || hide_solution.get()
                    on:change=move |ev| { hide_solution.set(event_target_checked(&ev)); made.set(None); } />
                <span>{move || text(lang.get(), Key::ExerciseHideSolution)}</span>
            </label>
            <button type="button" data-testid="exercise-make" on:click=make>{move || text(lang.get(), Key::ExerciseMake)}</button>
            {move || made.get().map(|link| match link {
                Some(url) => view! {
                    <input type="text" readonly data-testid="exercise-link" prop:value=url.clone() on:focus=move |ev| {
                        use wasm_bindgen::JsCast;
                        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) { input.select(); }
                    } />
                    <a href=url data-testid="exercise-open">{move || text(lang.get(), Key::ExerciseOpen)}</a>
                    {move || copied.get().map(|done| {
                        let (class, key) = if done { ("help", Key::ExerciseLinkCopied) } else { ("message error", Key::ExerciseLinkNotCopied) };
                        view! { <p class=class role="status" data-testid="exercise-copied">{move || text(lang.get(), key)}</p> }
                    })}
                }.into_any(),
                None => view! { <p class="message error" data-testid="exercise-cannot">{move || text(lang.get(), Key::ExerciseCannot)}</p> }.into_any(),
            })}
        </div>
    }
}
