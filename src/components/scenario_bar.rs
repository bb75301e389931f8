//! Named scenarios: save the current inputs as, load, rename, duplicate, delete.

use leptos::prelude::*;

use crate::components::share_box::ShareBox;
use crate::i18n::{text, Key};
use crate::storage::valid_name;
use crate::store::use_store;

#[component]
pub fn ScenarioBar() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let name = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Key>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = name.get_untracked();
        if !valid_name(&typed) {
            problem.set(Some(Key::ErrNameEmpty));
            return;
        }
        problem.set(None);
        if store.save_as(&typed) {
            name.set(String::new());
        }
    };
    view! {
        <section class="panel scenarios">
            <h2>{move || text(lang.get(), Key::Scenarios)}</h2>
            <form class="scenario-form" on:submit=save>
                <label for="scenario-name">{move || text(lang.get(), Key::ScenarioName)}</label>
                <div class="row">
                    <input
                        id="scenario-name"
                        data-testid="scenario-name"
                        type="text"
                        maxlength="80"
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                    <button type="submit" data-testid="scenario-save">{move || text(lang.get(), Key::SaveAs)}</button>
                </div>
                <p class="field-error" role="alert">{move || problem.get().map(|k| text(lang.get(), k))}</p>
            </form>
            <ShareBox name=Signal::derive(move || name.get()) />
            <ul class="scenario-list" data-testid="scenario-list" aria-label=move || text(lang.get(), Key::SavedScenarios)>
                <li data-scenario="example" class="example">
                    <span class="scenario-name">
                        {move || text(lang.get(), Key::Example)}
                        <span class="example-mark">{move || text(lang.get(), Key::ExampleMark)}</span>
                    </span>
                    <span class="actions">
                        <button type="button" data-action="load" data-testid="load-example" on:click=move |_| store.load_example()>
                            {move || text(lang.get(), Key::Load_)}
                        </button>
                    </span>
                </li>
                <Show when=move || store.scenarios.with(Vec::is_empty)>
                    <li class="empty">{move || text(lang.get(), Key::NoScenarios)}</li>
                </Show>
                <For
                    each=move || store.scenarios.get()
                    key=|s| s.name.clone()
                    children=move |scenario| {
                        let scenario_name = scenario.name.clone();
                        let label = scenario_name.clone();
                        let (load, rename, duplicate, delete) =
                            (label.clone(), label.clone(), label.clone(), label.clone());
                        view! {
                            <li data-scenario=scenario_name>
                                <span class="scenario-name">{label}</span>
                                <span class="actions">
                                    <button type="button" data-action="load" on:click=move |_| store.load(&load)>
                                        {move || text(lang.get(), Key::Load_)}
                                    </button>
                                    <button type="button" data-action="rename" on:click=move |_| {
                                        let to = name.get_untracked();
                                        if valid_name(&to) {
                                            problem.set(None);
                                            if store.rename(&rename, &to) {
                                                name.set(String::new());
                                            }
                                        } else {
                                            problem.set(Some(Key::ErrNameEmpty));
                                        }
                                    }>{move || text(lang.get(), Key::Rename)}</button>
                                    <button type="button" data-action="duplicate" on:click=move |_| {
                                        store.duplicate(&duplicate, text(lang.get_untracked(), Key::CopyOf));
                                    }>{move || text(lang.get(), Key::Duplicate)}</button>
                                    <button type="button" data-action="delete" class="danger" on:click=move |_| {
                                        store.delete(&delete);
                                    }>{move || text(lang.get(), Key::Delete)}</button>
                                </span>
                            </li>
                        }
                    }
                />
            </ul>
        </section>
    }
}
