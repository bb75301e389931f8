//! Work the store has done in the engine worker (`crate::engine_worker`):
//! the scorecard page's projection of the current inputs, and a staffing
//! day too heavy for the page. Only the latest request's answer is kept
//! ([`Latest`]).

use leptos::prelude::*;

use super::{Latest, Route, Store};
use crate::engine_worker::{DayRequest, ProjectRequest};

impl Store {
    /// Keeps `latest` at the projection of the current inputs while the
    /// scorecard page is shown; the last answer stays on screen until the
    /// next arrives (`requests` says whether it has).
    pub(super) fn project_in_worker(self) {
        let (requests, latest) = (self.projections, self.projected);
        Effect::new(move |_| {
            let request = ProjectRequest {
                staffing: self.staffing.get(),
                scorecard: self.scorecard.get(),
            };
            if self.route.get() != Route::Scorecard {
                return;
            }
            let apply = requests.request(move |result| latest.set(Some(result)));
            self.engine.run(request, apply);
        });
    }

    /// Plans a heavy day (left pending by `compute`) in the worker; the
    /// answer is kept with the inputs it is for.
    pub(super) fn plan_day_in_worker(self) {
        let (pending, answer) = (self.day_pending, self.planned_day);
        let requests = Latest::new();
        Effect::new(move |_| {
            if !pending.get() {
                return;
            }
            // `pending` follows the inputs, so this runs again for each edit.
            let inputs = self.staffing.get();
            let answered = inputs.clone();
            let apply = requests.request(move |day| answer.set(Some((answered, day))));
            self.engine.run(DayRequest(inputs), apply);
        });
    }
}
