//! The reactive store: the signals every component shares, provided once as
//! context, and the only code that calls `storage`. Components read the
//! signals and call these methods; they never touch local storage.

use leptos::prelude::*;
use std::time::Duration;

use crate::i18n::Lang;
use crate::share::{self, LinkError};
use crate::state::{compute, project, Inputs, Outcome, Problem, Projection};
use crate::storage::{self, Notice, Scenario};

/// How long the inputs must rest before they are saved.
const SAVE_DELAY: Duration = Duration::from_millis(400);

/// The page shown, from the URL fragment (`#/` or `#/scorecard`), so each
/// page has its own URL that works on a static host.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Staffing,
    Scorecard,
    Compare,
}

impl Route {
    pub fn from_hash(hash: &str) -> Route {
        if hash.starts_with("#/scorecard") {
            Route::Scorecard
        } else if hash.starts_with("#/compare") {
            Route::Compare
        } else {
            Route::Staffing
        }
    }

    pub fn hash(self) -> &'static str {
        match self {
            Route::Staffing => "#/",
            Route::Scorecard => "#/scorecard",
            Route::Compare => "#/compare",
        }
    }
}

fn current_route() -> Route {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    Route::from_hash(&hash)
}

/// Why a scenario operation did not happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScenarioProblem {
    NameTaken,
    ListFull,
    /// Storage refused the write (the store's notice says why).
    NotSaved,
}

#[derive(Clone, Copy)]
pub struct Store {
    pub inputs: RwSignal<Inputs>,
    pub outcome: Memo<Outcome>,
    /// The capacity plan and scorecard; computed only while a view reads it.
    pub projection: Memo<Result<Projection, Problem>>,
    pub route: RwSignal<Route>,
    /// Name of the scenario opened from a share link; while set, nothing is
    /// saved automatically (the link is an unsaved copy).
    pub from_link: RwSignal<Option<String>>,
    /// Why the last share link was refused.
    pub link_problem: RwSignal<Option<LinkError>>,
    pub lang: RwSignal<Lang>,
    pub notice: RwSignal<Option<Notice>>,
    pub scenarios: RwSignal<Vec<Scenario>>,
    /// Bumped when inputs are replaced wholesale (a scenario loaded), so
    /// fields drop whatever half-typed text they hold.
    pub revision: RwSignal<u32>,
}

impl Store {
    /// Reads what was saved (recovering from bad data), provides the store as
    /// context and starts the debounced autosave.
    pub fn provide() -> Store {
        let mut first_notice = None;
        let inputs = match storage::load_current() {
            Ok(saved) => saved.unwrap_or_default(),
            Err(notice) => {
                first_notice = Some(notice);
                Inputs::default()
            }
        };
        let scenarios = match storage::load_scenarios() {
            Ok(list) => list,
            Err(notice) => {
                first_notice = first_notice.or(Some(notice));
                Vec::new()
            }
        };
        let lang = storage::load_lang().unwrap_or_else(|| {
            let languages: Vec<String> = web_sys::window()
                .map(|w| {
                    w.navigator()
                        .languages()
                        .iter()
                        .filter_map(|v| v.as_string())
                        .collect()
                })
                .unwrap_or_default();
            Lang::from_browser(&languages)
        });
        let inputs = RwSignal::new(inputs);
        let store = Store {
            inputs,
            outcome: Memo::new(move |_| inputs.with(compute)),
            projection: Memo::new(move |_| inputs.with(project)),
            route: RwSignal::new(current_route()),
            from_link: RwSignal::new(None),
            link_problem: RwSignal::new(None),
            lang: RwSignal::new(lang),
            notice: RwSignal::new(first_notice),
            scenarios: RwSignal::new(scenarios),
            revision: RwSignal::new(0),
        };
        store.open_link_in_url();
        store.autosave();
        let listener = window_event_listener(leptos::ev::hashchange, move |_| {
            store.route.set(current_route());
            store.open_link_in_url();
        });
        on_cleanup(move || listener.remove());
        provide_context(store);
        store
    }

    fn autosave(self) {
        let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
        let first = StoredValue::new(true);
        Effect::new(move |_| {
            let snapshot = self.inputs.get();
            if first.get_value() {
                // Nothing changed yet: do not overwrite what was read (or its backup notice).
                first.set_value(false);
                return;
            }
            if self.from_link.get_untracked().is_some() {
                // An opened link is an unsaved copy until the user saves it.
                return;
            }
            if let Some(handle) = pending.get_value() {
                handle.clear();
            }
            let notice = self.notice;
            let handle = set_timeout_with_handle(
                move || match storage::save_current(&snapshot) {
                    Ok(()) => {
                        if notice.get_untracked() == Some(Notice::Full) {
                            notice.set(None);
                        }
                    }
                    Err(problem) => notice.set(Some(problem)),
                },
                SAVE_DELAY,
            )
            .ok();
            pending.set_value(handle);
        });
        let first_lang = StoredValue::new(true);
        Effect::new(move |_| {
            let lang = self.lang.get();
            if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                if let Some(root) = document.document_element() {
                    let _ = root.set_attribute("lang", lang.html());
                }
            }
            if first_lang.get_value() {
                // Not chosen yet: keep following the browser's language until the user picks one.
                first_lang.set_value(false);
                return;
            }
            if let Err(problem) = storage::save_lang(lang) {
                self.notice.set(Some(problem));
            }
        });
    }

    /// Opens a share link in the URL fragment, if there is one.
    fn open_link_in_url(self) {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        let Some(payload) = share::payload_of(&hash) else {
            return;
        };
        match share::decode(payload) {
            Ok(scenario) => {
                self.link_problem.set(None);
                self.from_link.set(Some(scenario.name));
                self.inputs.set(scenario.inputs);
                self.revision.update(|r| *r += 1);
            }
            Err(problem) => self.link_problem.set(Some(problem)),
        }
    }

    /// The link that opens the current inputs as `name`.
    pub fn share_url(self, name: &str) -> String {
        let scenario = Scenario {
            name: name.to_string(),
            inputs: self.inputs.get_untracked(),
        };
        let base = web_sys::window()
            .and_then(|w| {
                let location = w.location();
                Some(format!(
                    "{}{}{}",
                    location.origin().ok()?,
                    location.pathname().ok()?,
                    location.search().ok()?
                ))
            })
            .unwrap_or_default();
        format!("{base}#s={}", share::encode(&scenario))
    }

    pub fn update(self, change: impl FnOnce(&mut Inputs)) {
        self.inputs.update(change);
    }

    fn save_scenarios(self, list: Vec<Scenario>) -> Result<(), ScenarioProblem> {
        match storage::save_scenarios(&list) {
            Ok(()) => {
                self.scenarios.set(list);
                Ok(())
            }
            Err(problem) => {
                // Keep the list on screen as it was; say why it was not saved.
                self.notice.set(Some(problem));
                Err(ScenarioProblem::NotSaved)
            }
        }
    }

    /// Saves the current inputs under `name`, replacing a scenario of that name.
    /// Saves the current inputs under `name`, replacing a scenario of that name.
    pub fn save_as(self, name: &str) -> Result<(), ScenarioProblem> {
        let name = name.trim().to_string();
        let mut list = self.scenarios.get_untracked();
        let scenario = Scenario {
            name: name.clone(),
            inputs: self.inputs.get_untracked(),
        };
        let full = list.len() >= storage::MAX_SCENARIOS;
        match list.iter_mut().find(|s| s.name == name) {
            Some(existing) => *existing = scenario,
            None if full => return Err(ScenarioProblem::ListFull),
            None => list.push(scenario),
        }
        self.save_scenarios(list)?;
        if self.from_link.get_untracked().is_some() {
            // Saved under a name: from now on it is the user's own.
            self.from_link.set(None);
            if let Err(problem) = storage::save_current(&self.inputs.get_untracked()) {
                self.notice.set(Some(problem));
            }
        }
        Ok(())
    }

    pub fn load(self, name: &str) {
        if let Some(s) = self
            .scenarios
            .get_untracked()
            .into_iter()
            .find(|s| s.name == name)
        {
            self.inputs.set(s.inputs);
            self.revision.update(|r| *r += 1);
        }
    }

    /// Adds imported scenarios (already renamed where a name was taken).
    pub fn add_scenarios(self, added: Vec<Scenario>) -> Result<(), ScenarioProblem> {
        let mut list = self.scenarios.get_untracked();
        list.extend(added);
        list.truncate(storage::MAX_SCENARIOS);
        self.save_scenarios(list)
    }

    /// Loads the built-in example (never stored in the list, never overwritten).
    pub fn load_example(self) {
        self.inputs.set(crate::state::example_inputs());
        self.revision.update(|r| *r += 1);
    }

    pub fn rename(self, from: &str, to: &str) -> Result<(), ScenarioProblem> {
        let to = to.trim();
        let mut list = self.scenarios.get_untracked();
        if list.iter().any(|s| s.name == to) {
            return Err(ScenarioProblem::NameTaken);
        }
        if let Some(s) = list.iter_mut().find(|s| s.name == from) {
            s.name = to.to_string();
        }
        self.save_scenarios(list)
    }

    /// Adds a copy named "name (copy)", "name (copy 2)", …, shortening the
    /// name so the copy's stays within the limit.
    pub fn duplicate(self, name: &str, suffix: &str) -> Result<(), ScenarioProblem> {
        let mut list = self.scenarios.get_untracked();
        let Some(original) = list.iter().find(|s| s.name == name).cloned() else {
            return Ok(());
        };
        if list.len() >= storage::MAX_SCENARIOS {
            return Err(ScenarioProblem::ListFull);
        }
        let room = storage::MAX_NAME_CHARS.saturating_sub(suffix.chars().count() + 8);
        let base: String = name.chars().take(room).collect();
        let base = base.trim_end();
        let mut copy_name = format!("{base} ({suffix})");
        let mut n = 2;
        while list.iter().any(|s| s.name == copy_name) {
            copy_name = format!("{base} ({suffix} {n})");
            n += 1;
        }
        list.push(Scenario {
            name: copy_name,
            inputs: original.inputs,
        });
        self.save_scenarios(list)
    }

    pub fn delete(self, name: &str) -> Result<(), ScenarioProblem> {
        let mut list = self.scenarios.get_untracked();
        list.retain(|s| s.name != name);
        self.save_scenarios(list)
    }
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}
