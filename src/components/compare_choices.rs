//! The compare page's picker: the current inputs, the example and every
//! saved scenario as check boxes; a fifth is refused with a message.

use leptos::prelude::*;

use crate::i18n::{text, Key};
use crate::model::compare::Choice;
use crate::store::use_store;

#[component]
pub fn CompareChoices(chosen: Memo<Vec<Choice>>) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let too_many = RwSignal::new(false);
    let choices = move || {
        let lang = lang.get();
        let mut list = vec![
            (Choice::Current, text(lang, Key::CurrentInputs).to_string()),
            (Choice::Example, text(lang, Key::Example).to_string()),
        ];
        list.extend(
            store
                .scenarios
                .get()
                .into_iter()
                .map(|s| (Choice::Saved(s.name.clone()), s.name)),
        );
        list
    };
    let ready = move || chosen.with(|c| c.len() >= 2);
    view! {
        <section class="panel">
            <h2>{move || text(lang.get(), Key::CompareTitle)}</h2>
            <p class="help">{move || text(lang.get(), Key::CompareHelp)}</p>
            <ul class="compare-choices" data-testid="compare-choices">
                {move || choices().into_iter().map(|(choice, label)| {
                    let id = choice.id();
                    let checked = choice.clone();
                    view! {
                        <li>
                            <label>
                                <input type="checkbox" data-choice=id
                                    prop:checked=move || chosen.with(|c| c.contains(&checked))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let taken = store.toggle_compared(chosen, choice.clone(), on);
                                        too_many.set(!taken);
                                        if !taken {
                                            event_target::<web_sys::HtmlInputElement>(&ev).set_checked(false);
                                        }
                                    } />
                                {label}
                            </label>
                        </li>
                    }
                }).collect_view()}
            </ul>
            // An alert only while it has something to say (issue 25, item 12).
            <p class="field-error" role=move || too_many.get().then_some("alert")>{move || too_many.get().then(|| text(lang.get(), Key::CompareMax))}</p>
            <Show when=move || !ready()>
                <p class="help">{move || text(lang.get(), Key::CompareNeedTwo)}</p>
            </Show>
        </section>
    }
}
