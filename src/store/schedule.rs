//! The schedule page's state: the shift templates, headcount cap and
//! budget (part of the inputs: saved, kept in scenarios and share links),
//! and the schedule the worker solved for them and the staffing page's day.

use leptos::prelude::*;

use super::{Latest, Route, Store};
use crate::engine_worker::ScheduleRequest;
use crate::model::schedule::{ScheduleOutcome, ScheduleSettings};
use crate::model::staffing::StaffingInputs;

#[derive(Clone, Copy)]
pub struct ScheduleStore {
    pub settings: RwSignal<ScheduleSettings>,
    /// The worker's answer, with the day and settings it answers.
    pub outcome: RwSignal<Option<(StaffingInputs, ScheduleSettings, ScheduleOutcome)>>,
    /// Whether the worker is solving (the newest day and settings).
    pub running: Signal<bool>,
    solving: Latest,
}

impl ScheduleStore {
    /// The templates saved with the current inputs.
    pub(super) fn new(saved: ScheduleSettings) -> ScheduleStore {
        let solving = Latest::new();
        ScheduleStore {
            settings: RwSignal::new(saved),
            outcome: RwSignal::new(None),
            running: solving.in_flight(),
            solving,
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
                s.solving.already_answered();
                return;
            }
            let (asked_inputs, asked_settings) = (inputs.clone(), settings.clone());
            let apply = s.solving.request(move |outcome| {
                s.outcome.set(Some((asked_inputs, asked_settings, outcome)));
            });
            self.engine.run(ScheduleRequest { inputs, settings }, apply);
        });
    }
}
