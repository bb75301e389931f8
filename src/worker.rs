//! Work computed in a Web Worker so that it never blocks the page: the
//! capacity plan and scorecard (months of days), and a staffing day too
//! heavy for the page's thread. The worker runs the page's own wasm (one
//! download for both): `worker_loader.js` loads it and calls
//! [`run_engine_worker`], which registers [`EngineTask`];
//! `store::projection` sends to it.

use gloo_worker::Registrable;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::wasm_bindgen;

use crate::model::forecast::{self, ForecastOutcome, ForecastSettings, IntervalNeed, NeedsRequest};
use crate::model::learn::run_simulation;
use crate::model::schedule::{self, ScheduleOutcome, ScheduleSettings};
use crate::model::scorecard::{project, Projection, ScorecardSettings};
use crate::model::staffing::{plan_whole_day, Problem, StaffingInputs};
use ccplan_engine::plan::DayPlan;
use ccplan_engine::simulation::{Setup, Summary};
use ccplan_engine::staffing::Model;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ProjectRequest {
    pub staffing: StaffingInputs,
    pub scorecard: ScorecardSettings,
}

/// A simulation's setup as it crosses to the worker: the engine's `Model`
/// is an internally tagged enum, which the worker's binary codec cannot
/// read, so the model travels as its patience (`None`: Erlang C).
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
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
    Day(StaffingInputs),
    Simulate(SimulateRequest),
    /// History text and the forecast page's settings.
    Forecast(Box<(String, ForecastSettings)>),
    /// A forecast day's intervals, to staff allowing for its uncertainty.
    Needs(Box<NeedsRequest>),
    /// The staffing page's day and the schedule page's shift templates.
    Schedule(Box<(StaffingInputs, ScheduleSettings)>),
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

/// Runs `model::scorecard::project`, `model::staffing::plan_whole_day`,
/// `model::learn::run_simulation` or `model::forecast::run` (in the worker).
#[gloo_worker::oneshot::oneshot]
pub async fn EngineTask(request: EngineRequest) -> EngineReply {
    match request {
        EngineRequest::Project(r) => EngineReply::Project(project(&r.staffing, &r.scorecard)),
        EngineRequest::Day(inputs) => EngineReply::Day(plan_whole_day(&inputs)),
        EngineRequest::Simulate(setup) => EngineReply::Simulate(run_simulation(&setup.into())),
        EngineRequest::Forecast(request) => {
            EngineReply::Forecast(Box::new(forecast::run(&request.0, &request.1)))
        }
        EngineRequest::Needs(request) => EngineReply::Needs(forecast::interval_needs(&request)),
        EngineRequest::Schedule(request) => {
            EngineReply::Schedule(Box::new(schedule::run(&request.0, &request.1)))
        }
    }
}

/// The worker's entry, called by `worker_loader.js` once the wasm is loaded.
#[wasm_bindgen]
pub fn run_engine_worker() {
    EngineTask::registrar().register();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every request and reply survives the worker's codec (bincode), as
    /// gloo-worker sends them: an internally tagged enum would not.
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
            let request = EngineRequest::Simulate(setup.into());
            let bytes = bincode::serialize(&request).unwrap();
            let EngineRequest::Simulate(back) = bincode::deserialize(&bytes).unwrap() else {
                panic!("not a simulation")
            };
            assert_eq!(Setup::from(back), setup);
            let reply = EngineReply::Simulate(run_simulation(&setup));
            let bytes = bincode::serialize(&reply).unwrap();
            let EngineReply::Simulate(Ok(summary)) = bincode::deserialize(&bytes).unwrap() else {
                panic!("not a simulation's days")
            };
            assert_eq!(summary.days.len(), 3);
        }
    }

    #[test]
    fn a_forecast_crosses_to_the_worker_and_back() {
        let text = include_str!("../engine/tests/reference/bank-calls-train-30min.csv").to_string();
        let request =
            EngineRequest::Forecast(Box::new((text.clone(), ForecastSettings::default())));
        let EngineRequest::Forecast(back) =
            bincode::deserialize(&bincode::serialize(&request).unwrap()).unwrap()
        else {
            panic!("not a forecast")
        };
        assert_eq!(back.0, text);
        let outcome = forecast::run(&back.0, &back.1);
        let reply = EngineReply::Forecast(Box::new(outcome.clone()));
        let EngineReply::Forecast(answer) =
            bincode::deserialize(&bincode::serialize(&reply).unwrap()).unwrap()
        else {
            panic!("not a forecast's answer")
        };
        assert_eq!(*answer, outcome);
        let result = answer.result.as_ref().unwrap();
        let needs = NeedsRequest::new(
            &answer,
            &result.days[0],
            StaffingInputs::default(),
            result.days[0].cv(0.95),
            0.9,
        );
        let request = EngineRequest::Needs(Box::new(needs.clone()));
        let EngineRequest::Needs(back) =
            bincode::deserialize(&bincode::serialize(&request).unwrap()).unwrap()
        else {
            panic!("not a needs request")
        };
        assert_eq!(*back, needs);
        let reply = EngineReply::Needs(forecast::interval_needs(&back));
        let EngineReply::Needs(rows) =
            bincode::deserialize(&bincode::serialize(&reply).unwrap()).unwrap()
        else {
            panic!("not the needs")
        };
        assert_eq!(rows.len(), 29);
        assert!(rows.iter().all(|r| r.agents.is_some()));
    }

    #[test]
    fn a_schedule_crosses_to_the_worker_and_back() {
        let request = EngineRequest::Schedule(Box::new((
            StaffingInputs::default(),
            ScheduleSettings::default(),
        )));
        let EngineRequest::Schedule(back) =
            bincode::deserialize(&bincode::serialize(&request).unwrap()).unwrap()
        else {
            panic!("not a schedule request")
        };
        assert_eq!(back.1, ScheduleSettings::default());
        let outcome = schedule::run(&back.0, &back.1);
        let reply = EngineReply::Schedule(Box::new(outcome.clone()));
        let EngineReply::Schedule(answer) =
            bincode::deserialize(&bincode::serialize(&reply).unwrap()).unwrap()
        else {
            panic!("not a schedule")
        };
        assert_eq!(*answer, outcome);
        assert!(answer.result.is_ok(), "{:?}", answer.result);
    }
}
