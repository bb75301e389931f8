//! Named scenarios: the list operations are `model::scenario`'s; this
//! applies them to the list as stored now (another tab may have changed it),
//! saves the result, and keeps the list on screen as it was when storage
//! refuses. Changes made in another tab arrive by the `storage` event.

use leptos::prelude::*;

use super::Store;
use crate::model::example::example_inputs;
use crate::model::limits::MAX_SCENARIOS;
use crate::model::scenario::{self, Inputs, Scenario, ScenarioProblem};
use crate::storage::{self, Notice, SaveTarget};

/// Issue 25, item 9: what a "Load" replaced, so that one click puts it
/// back — the inputs as they were, and whether they were a link's unsaved
/// copy (then what was saved before, which the load's autosave overwrote).
#[derive(Debug, Clone, PartialEq)]
pub struct UndoLoad {
    /// What was loaded: `None` for the built-in example, else the scenario's name.
    pub loaded: Option<String>,
    previous: Inputs,
    from_link: Option<String>,
    saved_before: Option<Inputs>,
}

impl Store {
    /// The list as stored now, shown if another tab changed it; the list on
    /// screen if storage cannot be read.
    fn latest_scenarios(self) -> Vec<Scenario> {
        match storage::stored_scenarios() {
            Some(stored) => {
                if self.scenarios.with_untracked(|shown| *shown != stored) {
                    self.scenarios.set(stored.clone());
                    self.notice.set(Some(Notice::ChangedElsewhere));
                }
                stored
            }
            None => self.scenarios.get_untracked(),
        }
    }

    /// Follows changes another tab makes to the saved scenarios, and says
    /// when another tab saved its current inputs (each tab keeps its own on
    /// screen; the last to change saves).
    pub(super) fn follow_other_tabs(self) {
        let listener = window_event_listener(leptos::ev::storage, move |event| {
            match event.key().as_deref() {
                Some(storage::KEY_SCENARIOS) => {
                    self.latest_scenarios();
                }
                Some(storage::KEY_CURRENT) => {
                    self.notice.set(Some(Notice::CurrentChangedElsewhere));
                }
                _ => {}
            }
        });
        on_cleanup(move || listener.remove());
    }

    fn save_scenarios(
        self,
        list: Result<Vec<Scenario>, ScenarioProblem>,
    ) -> Result<(), ScenarioProblem> {
        let list = list?;
        let result = storage::save_scenarios(&list);
        self.saved(SaveTarget::Scenarios, result);
        match result {
            Ok(()) => {
                self.scenarios.set(list);
                Ok(())
            }
            Err(_) => Err(ScenarioProblem::NotSaved),
        }
    }

    /// Saves the current inputs under `name`, replacing a scenario of that name.
    pub fn save_as(self, name: &str) -> Result<(), ScenarioProblem> {
        let list = self.latest_scenarios();
        self.save_scenarios(scenario::save_as(list, name, self.inputs()))?;
        if self.from_link.get_untracked().is_some() {
            // Saved under a name: from now on it is the user's own.
            self.from_link.set(None);
            self.saved(SaveTarget::Inputs, storage::save_current(&self.inputs()));
        }
        Ok(())
    }

    pub fn load(self, name: &str) {
        let found = self
            .scenarios
            .with_untracked(|list| list.iter().find(|s| s.name == name).cloned());
        if let Some(s) = found {
            self.load_keeping_undo(Some(s.name), s.inputs);
        }
    }

    /// Replaces the inputs with `inputs` (the example, or the scenario
    /// named `loaded`), keeping what they replace for "Undo".
    fn load_keeping_undo(self, loaded: Option<String>, inputs: Inputs) {
        let from_link = self.from_link.get_untracked();
        let saved_before = from_link
            .is_some()
            .then(|| storage::load_current().ok().flatten())
            .flatten();
        self.undo_load.set(Some(UndoLoad {
            loaded,
            previous: self.inputs(),
            from_link,
            saved_before,
        }));
        // The user's own again: autosave resumes (a link is an unsaved copy only until then).
        self.from_link.set(None);
        self.replace_inputs(inputs);
    }

    /// Puts back the inputs the last "Load" replaced, and what was saved:
    /// they are saved again (autosave), or, if they were a link's unsaved
    /// copy, it stays unsaved and what was saved before is written back.
    pub fn undo_last_load(self) {
        let Some(undo) = self.undo_load.try_update(Option::take).flatten() else {
            return;
        };
        self.from_link.set(undo.from_link.clone());
        self.replace_inputs(undo.previous);
        if let (Some(_), Some(saved)) = (undo.from_link, undo.saved_before) {
            self.saved(SaveTarget::Inputs, storage::save_current(&saved));
        }
    }

    /// Adds imported scenarios, renamed where a name is taken (in the list
    /// as stored now), so nothing saved is overwritten.
    pub fn add_scenarios(self, added: Vec<Scenario>) -> Result<(), ScenarioProblem> {
        let mut list = self.latest_scenarios();
        for mut scenario in added {
            let taken: Vec<String> = list.iter().map(|s| s.name.clone()).collect();
            scenario.name = scenario::free_name(&scenario.name, &taken);
            list.push(scenario);
        }
        list.truncate(MAX_SCENARIOS);
        self.save_scenarios(Ok(list))
    }

    /// Loads the built-in example (never stored in the list, never overwritten).
    pub fn load_example(self) {
        self.load_keeping_undo(None, example_inputs());
    }

    pub fn rename(self, from: &str, to: &str) -> Result<(), ScenarioProblem> {
        let list = self.latest_scenarios();
        self.save_scenarios(scenario::rename(list, from, to))
    }

    /// Adds a copy named "name (copy)", "name (copy 2)", … (`suffix` is "copy" translated).
    pub fn duplicate(self, name: &str, suffix: &str) -> Result<(), ScenarioProblem> {
        let list = self.latest_scenarios();
        self.save_scenarios(scenario::duplicate(list, name, suffix))
    }

    pub fn delete(self, name: &str) -> Result<(), ScenarioProblem> {
        let list = self.latest_scenarios();
        self.save_scenarios(Ok(scenario::delete(list, name)))
    }
}
