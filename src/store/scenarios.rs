//! Named scenarios: the list operations are `model::scenario`'s; this
//! saves their result and keeps the list on screen as it was when storage
//! refuses.

use leptos::prelude::*;

use super::Store;
use crate::model::example::example_inputs;
use crate::model::limits::MAX_SCENARIOS;
use crate::model::scenario::{self, Scenario, ScenarioProblem};
use crate::storage;

impl Store {
    fn save_scenarios(
        self,
        list: Result<Vec<Scenario>, ScenarioProblem>,
    ) -> Result<(), ScenarioProblem> {
        let list = list?;
        match storage::save_scenarios(&list) {
            Ok(()) => {
                self.scenarios.set(list);
                Ok(())
            }
            Err(problem) => {
                self.notice.set(Some(problem));
                Err(ScenarioProblem::NotSaved)
            }
        }
    }

    /// Saves the current inputs under `name`, replacing a scenario of that name.
    pub fn save_as(self, name: &str) -> Result<(), ScenarioProblem> {
        let list = self.scenarios.get_untracked();
        self.save_scenarios(scenario::save_as(list, name, self.inputs()))?;
        if self.from_link.get_untracked().is_some() {
            // Saved under a name: from now on it is the user's own.
            self.from_link.set(None);
            if let Err(problem) = storage::save_current(&self.inputs()) {
                self.notice.set(Some(problem));
            }
        }
        Ok(())
    }

    pub fn load(self, name: &str) {
        let found = self
            .scenarios
            .with_untracked(|list| list.iter().find(|s| s.name == name).cloned());
        if let Some(s) = found {
            // The user's own again: autosave resumes (a link is an unsaved copy only until then).
            self.from_link.set(None);
            self.replace_inputs(s.inputs);
        }
    }

    /// Adds imported scenarios (already renamed where a name was taken).
    pub fn add_scenarios(self, added: Vec<Scenario>) -> Result<(), ScenarioProblem> {
        let mut list = self.scenarios.get_untracked();
        list.extend(added);
        list.truncate(MAX_SCENARIOS);
        self.save_scenarios(Ok(list))
    }

    /// Loads the built-in example (never stored in the list, never overwritten).
    pub fn load_example(self) {
        self.from_link.set(None);
        self.replace_inputs(example_inputs());
    }

    pub fn rename(self, from: &str, to: &str) -> Result<(), ScenarioProblem> {
        let list = self.scenarios.get_untracked();
        self.save_scenarios(scenario::rename(list, from, to))
    }

    /// Adds a copy named "name (copy)", "name (copy 2)", … (`suffix` is "copy" translated).
    pub fn duplicate(self, name: &str, suffix: &str) -> Result<(), ScenarioProblem> {
        let list = self.scenarios.get_untracked();
        self.save_scenarios(scenario::duplicate(list, name, suffix))
    }

    pub fn delete(self, name: &str) -> Result<(), ScenarioProblem> {
        let list = self.scenarios.get_untracked();
        self.save_scenarios(Ok(scenario::delete(list, name)))
    }
}
