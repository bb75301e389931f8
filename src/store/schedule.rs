//! The schedule page's state: the shift templates, headcount cap and
//! budget (part of the inputs: saved, kept in scenarios and share links),
//! and the schedule the worker solved for them and the staffing page's day.

use leptos::prelude::*;

use super::{Route, Store};
use crate::model::schedule::{ScheduleOutcome, ScheduleSettings};
use crate::model::staffing::StaffingInputs;

#[derive(Clone, Copy)]
pub struct ScheduleStore {
    pub settings: RwSignal<ScheduleSettings>,
    /// The worker's answer, with the day and settings it answers.
    pub outcome: RwSignal<Option<(StaffingInputs, ScheduleSettings, ScheduleOutcome)>>,
    pub running: RwSignal<bool>,
}

impl ScheduleStore {
    /// The templates saved with the current inputs.
    pub(super) fn new(saved: ScheduleSettings) -> ScheduleStore {
        ScheduleStore {
            settings: RwSignal::new(saved),
            outcome: RwSignal::new(None),
            running: RwSignal::new(false),
        }
    }
}

impl Store {
    /// While the schedule page is shown, has the worker solve the day
    /// whenever the day or the templates change (only the latest request's
    /// answer is kept). The templates are saved with the other inputs
    /// (`autosave`), in scenarios and in share links.
    pub(super) fn follow_schedule(self) {
        let s = self.schedule;
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
