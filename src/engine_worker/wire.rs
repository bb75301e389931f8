//! What crosses between the page and the engine worker: one request type
//! per job, the [`EngineRequest`] and [`EngineReply`] enums they travel
//! in (the worker takes one input and one output type), and
//! [`EngineJob`], which ties each request to the answer the page gets.

use serde::{Deserialize, Serialize};

use super::Stopped;
use crate::model::forecast::{self, ForecastOutcome, ForecastSettings, IntervalNeed, NeedsRequest};
use crate::model::learn::run_simulation;
use crate::model::schedule::{self, ScheduleOutcome, ScheduleSettings};
use crate::model::scorecard::{project, Projection, ScorecardSettings};
use crate::model::staffing::{plan_whole_day, Problem, StaffingInputs};
use ccplan_engine::plan::DayPlan;
use ccplan_engine::simulation::{Setup, Summary};
use ccplan_engine::staffing::Model;

/// The capacity plan and scorecard of both pages' inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectRequest {
    pub staffing: StaffingInputs,
    pub scorecard: ScorecardSettings,
}

/// The whole day of a staffing page too heavy to plan on the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DayRequest(pub StaffingInputs);

/// A history text read and forecast with the forecast page's settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForecastRequest {
    pub history: String,
    pub settings: ForecastSettings,
}

/// The staffing page's day (or week) covered by the schedule page's shifts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScheduleRequest {
    pub inputs: StaffingInputs,
    pub settings: ScheduleSettings,
}

/// A simulation's setup as it crosses to the worker: the engine's `Model`
/// is an internally tagged enum, which the worker's binary codec cannot
/// read, so the model travels as its patience (`None`: Erlang C).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SimulateRequest {
    pub traffic: f64,
    pub aht_s: f64,
    pub agents: u32,
    pub patience_s: Option<f64>,
    pub target_s: f64,
    pub hours: f64,
    pub days: u32,
    pub seed: u64,
}

impl From<Setup> for SimulateRequest {
    fn from(s: Setup) -> Self {
        SimulateRequest {
            traffic: s.traffic,
            aht_s: s.aht_s,
            agents: s.agents,
            patience_s: match s.model {
                Model::ErlangC => None,
                Model::ErlangA { patience_s } => Some(patience_s),
            },
            target_s: s.target_s,
            hours: s.hours,
            days: s.days,
            seed: s.seed,
        }
    }
}

impl From<SimulateRequest> for Setup {
    fn from(r: SimulateRequest) -> Self {
        Setup {
            traffic: r.traffic,
            aht_s: r.aht_s,
            agents: r.agents,
            model: r
                .patience_s
                .map_or(Model::ErlangC, |patience_s| Model::ErlangA { patience_s }),
            target_s: r.target_s,
            hours: r.hours,
            days: r.days,
            seed: r.seed,
        }
    }
}

/// What the worker is asked to compute.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum EngineRequest {
    Project(Box<ProjectRequest>),
    Day(Box<DayRequest>),
    Simulate(Box<SimulateRequest>),
    Forecast(Box<ForecastRequest>),
    /// A forecast day's intervals, to staff allowing for its uncertainty.
    Needs(Box<NeedsRequest>),
    Schedule(Box<ScheduleRequest>),
}

/// Its answer, of the kind asked for.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum EngineReply {
    Project(Result<Projection, Problem>),
    Day(Result<DayPlan, Problem>),
    Simulate(Result<Summary, Problem>),
    Forecast(Box<ForecastOutcome>),
    Needs(Vec<IntervalNeed>),
    Schedule(Box<ScheduleOutcome>),
}

impl EngineRequest {
    /// The answer: what the worker runs (never the page: `EngineWorker`).
    pub fn compute(self) -> EngineReply {
        match self {
            EngineRequest::Project(r) => EngineReply::Project(project(&r.staffing, &r.scorecard)),
            EngineRequest::Day(r) => EngineReply::Day(plan_whole_day(&r.0)),
            EngineRequest::Simulate(r) => EngineReply::Simulate(run_simulation(&(*r).into())),
            EngineRequest::Forecast(r) => {
                EngineReply::Forecast(Box::new(forecast::run(&r.history, &r.settings)))
            }
            EngineRequest::Needs(r) => EngineReply::Needs(forecast::interval_needs(&r)),
            EngineRequest::Schedule(r) => {
                EngineReply::Schedule(Box::new(schedule::run(&r.inputs, &r.settings)))
            }
        }
    }
}

/// One kind of work for the engine worker: the request, the variant it
/// travels as, and the answer the page is handed. `EngineWorker::run`
/// takes any of them, so a new job is a request type, a variant of each
/// enum, an arm of [`EngineRequest::compute`] and a line below.
pub trait EngineJob {
    /// What the page gets back (problems turned back into the page's
    /// [`Problem`]).
    type Answer: 'static;
    fn into_request(self) -> EngineRequest;
    /// The answer in `reply`, if the reply is this job's kind.
    fn read(reply: EngineReply) -> Option<Self::Answer>;
    /// The answer when the work was stopped, if the answer can say so (a
    /// [`Problem`]); `None` leaves the request unanswered (`store::Latest`
    /// then stops waiting for it).
    fn stopped(why: Stopped) -> Option<Self::Answer>;
}

/// Implements [`EngineJob`] for a request crossing as `EngineRequest::$variant`
/// and answered by `EngineReply::$variant`, read by `$read`; `$stopped`
/// turns a stop into an answer (or `None`).
macro_rules! engine_job {
    ($job:ty => $variant:ident, $answer:ty, |$reply:ident| $read:expr, |$why:ident| $stopped:expr) => {
        impl EngineJob for $job {
            type Answer = $answer;
            fn into_request(self) -> EngineRequest {
                EngineRequest::$variant(Box::new(self))
            }
            fn read(reply: EngineReply) -> Option<$answer> {
                match reply {
                    EngineReply::$variant($reply) => Some($read),
                    _ => None,
                }
            }
            fn stopped($why: Stopped) -> Option<$answer> {
                $stopped
            }
        }
    };
}

engine_job!(ProjectRequest => Project, Result<Projection, Problem>, |r| r, |why| Some(Err(why.into())));
engine_job!(DayRequest => Day, Result<DayPlan, Problem>, |r| r, |why| Some(Err(why.into())));
engine_job!(SimulateRequest => Simulate, Result<Summary, Problem>, |r| r, |why| Some(Err(why.into())));
// These pages keep their last answer and say why none came (engine_status).
engine_job!(ForecastRequest => Forecast, ForecastOutcome, |outcome| *outcome, |_why| None);
engine_job!(NeedsRequest => Needs, Vec<IntervalNeed>, |rows| rows, |_why| None);
engine_job!(ScheduleRequest => Schedule, ScheduleOutcome, |outcome| *outcome, |_why| None);

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::DeserializeOwned;

    /// `value` after the worker's codec (bincode, `super::codec`): an
    /// internally tagged enum would not survive it.
    fn cross<T: Serialize + DeserializeOwned>(value: &T) -> T {
        bincode::deserialize(&bincode::serialize(value).unwrap()).unwrap()
    }

    /// `job`'s answer as the page gets it from the worker: the request
    /// crosses, is computed there, and the reply crosses back.
    fn through_worker<J: EngineJob>(job: J) -> J::Answer {
        J::read(cross(&cross(&job.into_request()).compute())).expect("a reply of the job's kind")
    }

    #[test]
    fn a_simulation_crosses_to_the_worker_and_back() {
        for model in [Model::ErlangC, Model::ErlangA { patience_s: 120.0 }] {
            let setup = Setup {
                traffic: 10.0,
                aht_s: 180.0,
                agents: 14,
                model,
                target_s: 20.0,
                hours: 8.0,
                days: 3,
                seed: 9,
            };
            assert_eq!(Setup::from(cross(&SimulateRequest::from(setup))), setup);
            let summary = through_worker(SimulateRequest::from(setup)).unwrap();
            assert_eq!(summary.days.len(), 3);
            assert_eq!(summary, run_simulation(&setup).unwrap());
        }
    }

    #[test]
    fn a_forecast_crosses_to_the_worker_and_back() {
        let request = ForecastRequest {
            history: include_str!("../../engine/tests/reference/bank-calls-train-30min.csv")
                .to_string(),
            settings: ForecastSettings::default(),
        };
        assert_eq!(cross(&request), request);
        let answer = through_worker(request.clone());
        assert_eq!(answer, forecast::run(&request.history, &request.settings));
        let result = answer.result.as_ref().unwrap();
        let needs = NeedsRequest::new(
            &answer,
            &result.days[0],
            StaffingInputs::default(),
            result.days[0].cv(0.95),
            0.9,
        );
        assert_eq!(cross(&needs), needs);
        let rows = through_worker(needs);
        assert_eq!(rows.len(), 29);
        assert!(rows.iter().all(|r| r.agents.is_some()));
    }

    #[test]
    fn a_schedule_crosses_to_the_worker_and_back() {
        let request = ScheduleRequest {
            inputs: StaffingInputs::default(),
            settings: ScheduleSettings::default(),
        };
        assert_eq!(cross(&request), request);
        let answer = through_worker(request);
        let here = schedule::run(&StaffingInputs::default(), &ScheduleSettings::default());
        // Everything but the solver's own timing.
        let rows = |o: &ScheduleOutcome| o.result.as_ref().map(|r| r.rows.clone()).unwrap();
        assert_eq!(answer.requirement, here.requirement);
        assert_eq!(rows(&answer), rows(&here));
    }

    #[test]
    fn a_projection_and_a_day_cross_to_the_worker_and_back() {
        let inputs = crate::model::example::example_inputs();
        let request = ProjectRequest {
            staffing: inputs.staffing.clone(),
            scorecard: inputs.scorecard.clone(),
        };
        assert_eq!(
            through_worker(request),
            project(&inputs.staffing, &inputs.scorecard)
        );
        assert_eq!(
            through_worker(DayRequest(inputs.staffing.clone())),
            plan_whole_day(&inputs.staffing)
        );
    }
}
