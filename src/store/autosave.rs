//! Saving the current inputs by themselves, a moment after the last change.

use leptos::prelude::*;
use std::time::Duration;

use super::Store;
use crate::model::scenario::Inputs;
use crate::storage::{self, SaveTarget};

/// How long the inputs must rest before they are saved.
const SAVE_DELAY: Duration = Duration::from_millis(400);

impl Store {
    /// Saves the pages' inputs `SAVE_DELAY` after they last changed, except
    /// while they are an unsaved copy from a link. The inputs never hold an
    /// invalid value: a box with one puts back the value it had before the
    /// edit (see `components::number_box`), and that is what is saved.
    /// A page hidden or left (reload, tab closed, phone switching apps)
    /// before the delay is over, or an app unmounted, saves at once, so no
    /// last edit is lost.
    pub(super) fn autosave(self) {
        let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
        let unsaved: StoredValue<Option<Inputs>> = StoredValue::new(None);
        let first = StoredValue::new(true);
        let save = move || {
            let Some(inputs) = unsaved.try_update_value(Option::take).flatten() else {
                return;
            };
            self.saved(SaveTarget::Inputs, storage::save_current(&inputs));
        };
        let save_now = move || {
            if let Some(handle) = pending.try_update_value(Option::take).flatten() {
                handle.clear();
            }
            save();
        };
        let left = window_event_listener(leptos::ev::pagehide, move |_| save_now());
        let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().hidden() {
                save_now();
            }
        });
        // The app is unmounted (the whole app takes over from the first
        // visit's): what was waiting to be saved is saved now.
        on_cleanup(move || {
            left.remove();
            hidden.remove();
            save_now();
        });
        Effect::new(move |_| {
            let inputs = Inputs {
                staffing: self.staffing.get(),
                scorecard: self.scorecard.get(),
                schedule: self.schedule.settings.get(),
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
                unsaved.set_value(None);
                return;
            }
            unsaved.set_value(Some(inputs));
            pending.set_value(set_timeout_with_handle(save, SAVE_DELAY).ok());
        });
    }
}
