//! The schedule page's state: the shift templates and headcount cap
//! (saved under their own key when they change), and the schedule the
//! worker solved for them and the staffing page's day.

use leptos::prelude::*;

use super::{Route, Store};
use crate::model::schedule::{ScheduleOutcome, ScheduleSettings};
use crate::model::staffing::StaffingInputs;
use crate::storage::{self, Notice};

#[derive(Clone, Copy)]
pub struct ScheduleStore {
    pub settings: RwSignal<ScheduleSettings>,
    /// The worker's answer, with the day and settings it answers.
    pub outcome: RwSignal<Option<(StaffingInputs, ScheduleSettings, ScheduleOutcome)>>,
    pub running: RwSignal<bool>,
}

impl ScheduleStore {
    /// Reads what was saved (a notice if it could not be read: its backup
    /// was kept).
    pub(super) fn load() -> (ScheduleStore, Option<Notice>) {
        let (saved, notice) = match storage::load_schedule() {
            Ok(saved) => (saved.unwrap_or_default(), None),
            Err(notice) => (ScheduleSettings::default(), Some(notice)),
        };
        (
            ScheduleStore {
                settings: RwSignal::new(saved),
                outcome: RwSignal::new(None),
                running: RwSignal::new(false),
            },
            notice,
        )
    }
}

impl Store {
    /// Saves the templates when they change; while the schedule page is
    /// shown, has the worker solve the day whenever the day or the
    /// templates change (only the latest request's answer is kept).
    pub(super) fn follow_schedule(self) {
        let s = self.schedule;
        let first = StoredValue::new(true);
        Effect::new(move |_| {
            let settings = s.settings.get();
            // Nothing changed yet: do not write back what was just read.
            if std::mem::replace(&mut *first.write_value(), false) {
                return;
            }
            match storage::save_schedule(&settings) {
                Ok(()) => {
                    if self.notice.get_untracked() == Some(Notice::Full) {
                        self.notice.set(None);
                    }
                }
                Err(problem) => self.notice.set(Some(problem)),
            }
        });
        let sent = StoredValue::new(0u64);
        Effect::new(move |_| {
            if self.route.get() != Route::Schedule {
                return;
            }
            let inputs = self.staffing.get();
            let settings = s.settings.get();
            let answered = s.outcome.with_untracked(|o| {
                o.as_ref()
                    .is_some_and(|(i, t, _)| *i == inputs && *t == settings)
            });
            if answered {
                return;
            }
            let number = sent.get_value() + 1;
            sent.set_value(number);
            s.running.set(true);
            let (asked_inputs, asked_settings) = (inputs.clone(), settings.clone());
            self.engine.schedule(inputs, settings, move |outcome| {
                if sent.try_get_value() == Some(number) {
                    s.outcome.set(Some((asked_inputs, asked_settings, outcome)));
                    s.running.set(false);
                }
            });
        });
    }
}
