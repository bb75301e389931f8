//! Named scenarios: save the current inputs as, load, rename, duplicate, delete.

use leptos::prelude::*;

use crate::components::share_box::ShareBox;
use crate::components::undo_load_notice::UndoLoadNotice;
use crate::download::{download_text, read_picked_file};
use crate::i18n::{text, Key, Lang};
use crate::model::io::scenarios_json::{export_scenarios, import_scenarios, ImportProblem};
use crate::model::scenario::{valid_name, Scenario, ScenarioProblem};
use crate::store::use_store;

/// The message for a scenario operation that did not happen (storage
/// problems have their own notice).
fn problem_key(problem: ScenarioProblem) -> Option<Key> {
    match problem {
        ScenarioProblem::NameTaken => Some(Key::ErrNameTaken),
        ScenarioProblem::ListFull => Some(Key::ErrListFull),
        ScenarioProblem::NotSaved => None,
    }
}

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
        match store.save_as(&typed) {
            Ok(()) => {
                problem.set(None);
                name.set(String::new());
            }
            Err(e) => problem.set(problem_key(e)),
        }
    };
    // The outcome of the last import, as (names added, problems).
    let imported = RwSignal::new(None::<Result<(Vec<String>, Vec<ImportProblem>), ImportProblem>>);
    let export_all = move |_| {
        let mut list = store.scenarios.get_untracked();
        if list.is_empty() {
            list.push(Scenario {
                name: text(lang.get_untracked(), Key::ShareUrl).to_string(),
                inputs: store.inputs(),
            });
        }
        download_text(
            "ccplan-scenarios.json",
            "application/json",
            &export_scenarios(&list),
        );
    };
    let on_import = move |ev: leptos::ev::Event| {
        read_picked_file(&ev, move |content| {
            let Some(content) = content else {
                imported.set(Some(Err(ImportProblem::NotScenarios)));
                return;
            };
            let outcome = import_scenarios(&content, &store.scenarios.get_untracked()).map(
                |(added, problems)| {
                    let names = added.iter().map(|s| s.name.clone()).collect();
                    if !added.is_empty() {
                        let _ = store.add_scenarios(added);
                    }
                    (names, problems)
                },
            );
            imported.set(Some(outcome));
        });
    };
    let import_message = move || {
        let lang: Lang = lang.get();
        imported.get().map(|outcome| match outcome {
            Err(ImportProblem::UnknownVersion) => text(lang, Key::ImportUnknownVersion).to_string(),
            Err(ImportProblem::TooLarge) => text(lang, Key::ImportTooLarge).to_string(),
            Err(_) => text(lang, Key::ImportNotScenarios).to_string(),
            Ok((names, problems)) => {
                let mut message = format!(
                    "{} {}",
                    text(lang, Key::Imported),
                    if names.is_empty() {
                        "—".to_string()
                    } else {
                        names.join(", ")
                    }
                );
                for problem in problems {
                    match problem {
                        ImportProblem::BadScenario(n) => message
                            .push_str(&format!(" · {} {n}", text(lang, Key::ImportBadScenario))),
                        ImportProblem::ListFull => {
                            message.push_str(&format!(" · {}", text(lang, Key::ImportListFull)))
                        }
                        _ => {}
                    }
                }
                message
            }
        })
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
                        maxlength=crate::model::limits::MAX_NAME_CHARS
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                    <button type="submit" data-testid="scenario-save">{move || text(lang.get(), Key::SaveAs)}</button>
                </div>
                // An alert only while it has something to say (issue 25, item 12).
                <p class="field-error" role=move || problem.get().map(|_| "alert")>{move || problem.get().map(|k| text(lang.get(), k))}</p>
            </form>
            <ShareBox name=Signal::derive(move || name.get()) />
            <div class="files">
                <button type="button" class="secondary" data-testid="export-json" on:click=export_all>{move || text(lang.get(), Key::ExportJson)}</button>
                <label class="file-button">
                    <span>{move || text(lang.get(), Key::ImportJson)}</span>
                    <input type="file" accept=".json,application/json" data-testid="import-file" on:change=on_import />
                </label>
            </div>
            // A status only while it has something to say (issue 25, item 12).
            <p class="files-messages" role=move || imported.with(Option::is_some).then_some("status") data-testid="import-message">{import_message}</p>
            <UndoLoadNotice />
            <ul class="scenario-list" data-testid="scenario-list" aria-label=move || text(lang.get(), Key::SavedScenarios)>
                <li data-builtin="example" class="example">
                    <span class="scenario-name">
                        {move || text(lang.get(), Key::Example)}
                        <span class="example-mark">{move || text(lang.get(), Key::ExampleMark)}</span>
                    </span>
                    <span class="actions">
                        <button type="button" data-action="load" data-testid="load-example" on:click=move |_| store.load_example()>
                            {move || text(lang.get(), Key::LoadScenario)}
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
                        let export_name = label.clone();
                        let (load, rename, duplicate, delete, group) =
                            (label.clone(), label.clone(), label.clone(), label.clone(), label.clone());
                        view! {
                            <li data-scenario=scenario_name>
                                <span class="scenario-name">{label}</span>
                                // Its buttons are read out with the scenario's name ("Peak week, group: Load").
                                <span class="actions" role="group" aria-label=group>
                                    <button type="button" data-action="load" on:click=move |_| store.load(&load)>
                                        {move || text(lang.get(), Key::LoadScenario)}
                                    </button>
                                    <button type="button" data-action="rename" on:click=move |_| {
                                        let to = name.get_untracked();
                                        if valid_name(&to) {
                                            match store.rename(&rename, &to) {
                                                Ok(()) => {
                                                    problem.set(None);
                                                    name.set(String::new());
                                                }
                                                Err(e) => problem.set(problem_key(e)),
                                            }
                                        } else {
                                            problem.set(Some(Key::ErrNameEmpty));
                                        }
                                    }>{move || text(lang.get(), Key::Rename)}</button>
                                    <button type="button" data-action="duplicate" on:click=move |_| {
                                        let outcome = store.duplicate(&duplicate, text(lang.get_untracked(), Key::CopyOf));
                                        problem.set(outcome.err().and_then(problem_key));
                                    }>{move || text(lang.get(), Key::Duplicate)}</button>
                                    <button type="button" data-action="export" on:click={
                                        let name = export_name;
                                        move |_| {
                                            let one: Vec<Scenario> = store.scenarios.get_untracked().into_iter().filter(|s| s.name == name).collect();
                                            download_text(&format!("ccplan-{}.json", name.replace(|c: char| !c.is_alphanumeric(), "-")), "application/json", &export_scenarios(&one));
                                        }
                                    }>{move || text(lang.get(), Key::ExportOne)}</button>
                                    <button type="button" data-action="delete" class="danger" on:click=move |_| {
                                        let _ = store.delete(&delete);
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
