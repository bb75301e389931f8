//! Saving the current inputs by themselves, a moment after the last change.

use leptos::prelude::*;
use std::time::Duration;

use super::Store;
use crate::model::scenario::Inputs;
use crate::storage::{self, Notice};

/// How long the inputs must rest before they are saved.
const SAVE_DELAY: Duration = Duration::from_millis(400);

impl Store {
    /// Saves both pages' inputs `SAVE_DELAY` after they last changed, except
    /// while they are an unsaved copy from a link. The inputs never hold an
    /// invalid value: a box with one puts back the value it had before the
    /// edit (see `components::number_box`), and that is what is saved.
    pub(super) fn autosave(self) {
        let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
        let first = StoredValue::new(true);
        Effect::new(move |_| {
            let inputs = Inputs {
                staffing: self.staffing.get(),
                scorecard: self.scorecard.get(),
            };
            if first.get_value() {
                // Nothing changed yet: do not overwrite what was read (or its backup notice).
                first.set_value(false);
                return;
            }
            if let Some(handle) = pending.get_value() {
                handle.clear();
            }
            if self.from_link.get_untracked().is_some() {
                return;
            }
            let notice = self.notice;
            let handle = set_timeout_with_handle(
                move || match storage::save_current(&inputs) {
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
    }
}
