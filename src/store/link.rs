//! Share links: opening the one in the URL, and making one for the inputs.

use leptos::prelude::*;

use super::route::current_hash;
use super::Store;
use crate::model::exercise::Exercise;
use crate::model::scenario::Scenario;
use crate::share;

impl Store {
    /// Opens a share link in the URL fragment, if there is one, as an
    /// unsaved copy.
    pub(super) fn open_link_in_url(self) {
        let hash = current_hash();
        let Some(payload) = share::payload_of(&hash) else {
            return;
        };
        match share::decode(payload) {
            Ok(scenario) => {
                self.link_problem.set(None);
                self.from_link.set(Some(scenario.name));
                self.replace_inputs(scenario.inputs);
            }
            Err(problem) => self.link_problem.set(Some(problem)),
        }
    }

    /// The link that opens the current inputs as `name`.
    pub fn share_url(self, name: &str) -> String {
        let scenario = Scenario {
            name: name.to_string(),
            inputs: self.inputs(),
        };
        format!("{}#s={}", page_url(), share::encode(&scenario))
    }

    /// The link that opens `exercise` for a student (`#x=…`).
    pub fn exercise_url(self, exercise: &Exercise) -> String {
        format!("{}#x={}", page_url(), share::encode_value(exercise))
    }
}

/// This page's address without its fragment.
fn page_url() -> String {
    web_sys::window()
        .and_then(|w| {
            let location = w.location();
            Some(format!(
                "{}{}{}",
                location.origin().ok()?,
                location.pathname().ok()?,
                location.search().ok()?
            ))
        })
        .unwrap_or_default()
}
