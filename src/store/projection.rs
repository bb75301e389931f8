//! The capacity plan and scorecard, computed off the page's thread (see
//! `crate::worker`) while the scorecard page is shown. Each change of the
//! inputs sends a request; only the answer to the latest one is kept, and
//! the last answer stays on screen until it arrives. A worker that has
//! never answered within [`WORKER_TIMEOUT`] (it failed to load) is replaced
//! by computing here.

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

use super::{Route, Store};
use crate::model::scorecard::{project, Projection};
use crate::model::staffing::Problem;
use crate::worker::{ProjectRequest, ProjectTask};
use gloo_worker::Spawnable;

/// How long the worker may take before the page computes the plan itself.
const WORKER_TIMEOUT: Duration = Duration::from_secs(20);

impl Store {
    pub(super) fn project_in_worker(self, latest: RwSignal<Option<Result<Projection, Problem>>>) {
        let bridge =
            StoredValue::new_local(ProjectTask::spawner().spawn_with_loader("./worker_loader.js"));
        // Requests sent, and the last one answered.
        let sent = StoredValue::new(0u64);
        let answered = StoredValue::new(0u64);
        Effect::new(move |_| {
            let request = ProjectRequest {
                staffing: self.staffing.get(),
                scorecard: self.scorecard.get(),
            };
            if self.route.get() != Route::Scorecard {
                return;
            }
            let number = sent.get_value() + 1;
            sent.set_value(number);
            self.projection_settled.set(false);
            let settle = move |result: Result<Projection, Problem>| {
                if answered.try_get_value().is_some_and(|a| a < number)
                    && sent.try_get_value() == Some(number)
                {
                    answered.set_value(number);
                    latest.set(Some(result));
                    self.projection_settled.set(true);
                }
            };
            let fallback = request.clone();
            // Only a worker that never answered is taken for one that failed
            // to load; a slow answer to a heavy plan is waited for.
            set_timeout(
                move || {
                    if answered.try_get_value() == Some(0) && sent.try_get_value() == Some(number) {
                        settle(project(&fallback.staffing, &fallback.scorecard));
                    }
                },
                WORKER_TIMEOUT,
            );
            let mut fork = bridge.with_value(|b| b.fork());
            spawn_local(async move {
                let reply = fork.run(request).await;
                settle(reply.0.map_err(Problem::from));
            });
        });
    }
}
