//! Work done off the page's thread (see `crate::worker`): the scorecard
//! page's projection of the current inputs, the compare page's projection of
//! each scenario, and a staffing day too heavy for the page. Each request
//! gets its own answer; a worker that has never answered within
//! [`WORKER_TIMEOUT`] (it failed to load) is replaced by computing here.

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use super::{Route, Store};
use crate::model::forecast::{self, ForecastOutcome, ForecastSettings, IntervalNeed, NeedsRequest};
use crate::model::learn::run_simulation;
use crate::model::schedule::{self, ScheduleOutcome, ScheduleSettings};
use crate::model::scorecard::{project, Projection};
use crate::model::staffing::{plan_whole_day, Problem, StaffingInputs};
use crate::worker::{EngineReply, EngineRequest, EngineTask, ProjectRequest};
use ccplan_engine::plan::DayPlan;
use ccplan_engine::simulation::{Setup, Summary};
use gloo_worker::oneshot::OneshotBridge;
use gloo_worker::Spawnable;

/// How long the worker may take before the page computes the answer itself.
const WORKER_TIMEOUT: Duration = Duration::from_secs(20);

/// The worker's loader, with the page's glue and wasm as the page preloads
/// them (`<link rel="modulepreload">` and `<link rel="preload">`, written by
/// Trunk). Without them the loader fails, and the page computes the answers
/// itself (see `WORKER_TIMEOUT`).
fn loader_url() -> String {
    let href = |selector: &str| {
        document()
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|link| link.get_attribute("href"))
            .unwrap_or_default()
    };
    let glue = href(r#"link[rel="modulepreload"][href$=".js"]"#);
    let wasm = href(r#"link[rel="preload"][href$="_bg.wasm"]"#);
    let query = |text: &str| String::from(js_sys::encode_uri_component(text));
    format!(
        "./worker_loader.js?glue={}&wasm={}",
        query(&glue),
        query(&wasm)
    )
}

/// The one engine worker of the page, shared by every request.
#[derive(Clone, Copy)]
pub struct EngineWorker {
    bridge: StoredValue<OneshotBridge<EngineTask>, LocalStorage>,
    /// Whether the worker has ever answered: only one that never did is
    /// taken for one that failed to load (heavy work is waited for).
    answered_once: StoredValue<bool>,
}

impl EngineWorker {
    /// Spawns the worker (it loads in the background), telling its loader
    /// where the page's own wasm and glue are (their names carry a hash).
    pub fn start() -> Self {
        EngineWorker {
            bridge: StoredValue::new_local(EngineTask::spawner().spawn_with_loader(&loader_url())),
            answered_once: StoredValue::new(false),
        }
    }

    /// Computes the projection of `request` and hands it to `done`, once.
    pub fn project(
        self,
        request: ProjectRequest,
        done: impl FnOnce(Result<Projection, Problem>) + 'static,
    ) {
        let here = request.clone();
        self.run(
            EngineRequest::Project(Box::new(request)),
            move || project(&here.staffing, &here.scorecard),
            move |reply| match reply {
                EngineReply::Project(result) => Some(result),
                _ => None,
            },
            done,
        );
    }

    /// Plans the whole day of `inputs` and hands it to `done`, once.
    pub fn plan_day(
        self,
        inputs: StaffingInputs,
        done: impl FnOnce(Result<DayPlan, Problem>) + 'static,
    ) {
        let here = inputs.clone();
        self.run(
            EngineRequest::Day(inputs),
            move || plan_whole_day(&here),
            move |reply| match reply {
                EngineReply::Day(result) => Some(result),
                _ => None,
            },
            done,
        );
    }

    /// Simulates the days of `setup` (a class's queue simulation) and hands
    /// the result to `done`, once.
    pub fn simulate(self, setup: Setup, done: impl FnOnce(Result<Summary, Problem>) + 'static) {
        self.run(
            EngineRequest::Simulate(setup.into()),
            move || run_simulation(&setup),
            move |reply| match reply {
                EngineReply::Simulate(result) => Some(result),
                _ => None,
            },
            done,
        );
    }

    /// Reads and forecasts `history` with `settings` and hands the outcome
    /// to `done`, once.
    pub fn forecast(
        self,
        history: String,
        settings: ForecastSettings,
        done: impl FnOnce(ForecastOutcome) + 'static,
    ) {
        let (here_text, here_settings) = (history.clone(), settings.clone());
        self.run(
            EngineRequest::Forecast(Box::new((history, settings))),
            move || Ok(forecast::run(&here_text, &here_settings)),
            move |reply| match reply {
                EngineReply::Forecast(outcome) => Some(Ok(*outcome)),
                _ => None,
            },
            move |result: Result<ForecastOutcome, Problem>| {
                if let Ok(outcome) = result {
                    done(outcome);
                }
            },
        );
    }

    /// Staffs a forecast day's intervals allowing for its uncertainty and
    /// hands the rows to `done`, once.
    pub fn needs(self, request: NeedsRequest, done: impl FnOnce(Vec<IntervalNeed>) + 'static) {
        let here = request.clone();
        self.run(
            EngineRequest::Needs(Box::new(request)),
            move || Ok(forecast::interval_needs(&here)),
            move |reply| match reply {
                EngineReply::Needs(rows) => Some(Ok(rows)),
                _ => None,
            },
            move |result: Result<Vec<IntervalNeed>, Problem>| {
                if let Ok(rows) = result {
                    done(rows);
                }
            },
        );
    }

    /// Schedules shifts for the day of `inputs` with `settings` and hands
    /// the outcome to `done`, once.
    pub fn schedule(
        self,
        inputs: StaffingInputs,
        settings: ScheduleSettings,
        done: impl FnOnce(ScheduleOutcome) + 'static,
    ) {
        let (here_inputs, here_settings) = (inputs.clone(), settings.clone());
        self.run(
            EngineRequest::Schedule(Box::new((inputs, settings))),
            move || Ok(schedule::run(&here_inputs, &here_settings)),
            move |reply| match reply {
                EngineReply::Schedule(outcome) => Some(Ok(*outcome)),
                _ => None,
            },
            move |result: Result<ScheduleOutcome, Problem>| {
                if let Ok(outcome) = result {
                    done(outcome);
                }
            },
        );
    }

    fn run<T: 'static>(
        self,
        request: EngineRequest,
        compute_here: impl FnOnce() -> Result<T, Problem> + 'static,
        unpack: impl FnOnce(EngineReply) -> Option<Result<T, Problem>> + 'static,
        done: impl FnOnce(Result<T, Problem>) + 'static,
    ) {
        let done = Rc::new(Cell::new(Some(done)));
        let finish = {
            let done = Rc::clone(&done);
            move |result| {
                if let Some(done) = done.take() {
                    done(result);
                }
            }
        };
        let finish_here = finish.clone();
        set_timeout(
            move || {
                if self.answered_once.try_get_value() == Some(false) {
                    finish_here(compute_here());
                }
            },
            WORKER_TIMEOUT,
        );
        let Some(mut fork) = self.bridge.try_with_value(|b| b.fork()) else {
            return;
        };
        spawn_local(async move {
            let reply = fork.run(request).await;
            self.answered_once.try_set_value(true);
            if let Some(result) = unpack(reply) {
                finish(result);
            }
        });
    }
}

impl Store {
    /// Keeps `latest` at the projection of the current inputs while the
    /// scorecard page is shown; only the answer to the latest request is kept,
    /// and the last answer stays on screen until it arrives.
    pub(super) fn project_in_worker(self, latest: RwSignal<Option<Result<Projection, Problem>>>) {
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
            self.engine.project(request, move |result| {
                if answered.try_get_value().is_some_and(|a| a < number)
                    && sent.try_get_value() == Some(number)
                {
                    answered.set_value(number);
                    latest.set(Some(result));
                    self.projection_settled.set(true);
                }
            });
        });
    }

    /// Plans a heavy day (left pending by `compute`) in the worker; the
    /// answer is kept with the inputs it is for.
    pub(super) fn plan_day_in_worker(
        self,
        pending: Memo<bool>,
        answer: RwSignal<Option<(StaffingInputs, Result<DayPlan, Problem>)>>,
    ) {
        let sent = StoredValue::new(0u64);
        Effect::new(move |_| {
            if !pending.get() {
                return;
            }
            // `pending` follows the inputs, so this runs again for each edit.
            let inputs = self.staffing.get();
            let number = sent.get_value() + 1;
            sent.set_value(number);
            let answered_inputs = inputs.clone();
            self.engine.plan_day(inputs, move |result| {
                if sent.try_get_value() == Some(number) {
                    answer.set(Some((answered_inputs, result)));
                }
            });
        });
    }
}
