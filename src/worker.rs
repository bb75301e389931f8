//! Work computed in a Web Worker so that it never blocks the page: the
//! capacity plan and scorecard (months of days), and a staffing day too
//! heavy for the page's thread. The worker runs the page's own wasm (one
//! download for both): `worker_loader.js` loads it and calls
//! [`run_engine_worker`], which registers [`EngineTask`];
//! `store::projection` sends to it.

use gloo_worker::Registrable;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::wasm_bindgen;

use crate::i18n::Key;
use crate::model::scorecard::{project, Projection, ScorecardSettings};
use crate::model::staffing::{plan_whole_day, Problem, StaffingInputs};
use ccplan_engine::plan::DayPlan;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ProjectRequest {
    pub staffing: StaffingInputs,
    pub scorecard: ScorecardSettings,
}

/// Why the engine could not answer, as it crosses to the page.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum WireProblem {
    TooLarge(String),
    PatienceRatio(String),
    Engine(String),
}

impl From<Problem> for WireProblem {
    fn from(problem: Problem) -> Self {
        match problem.key {
            Key::ErrTooLarge => WireProblem::TooLarge(problem.detail),
            Key::ErrPatienceRatio => WireProblem::PatienceRatio(problem.detail),
            _ => WireProblem::Engine(problem.detail),
        }
    }
}

impl From<WireProblem> for Problem {
    fn from(problem: WireProblem) -> Self {
        let (key, detail) = match problem {
            WireProblem::TooLarge(detail) => (Key::ErrTooLarge, detail),
            WireProblem::PatienceRatio(detail) => (Key::ErrPatienceRatio, detail),
            WireProblem::Engine(detail) => (Key::ErrEngine, detail),
        };
        Problem { key, detail }
    }
}

/// What the worker is asked to compute.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum EngineRequest {
    Project(Box<ProjectRequest>),
    Day(StaffingInputs),
}

/// Its answer, of the kind asked for.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum EngineReply {
    Project(Result<Projection, WireProblem>),
    Day(Result<DayPlan, WireProblem>),
}

/// Runs `model::scorecard::project` or `model::staffing::plan_whole_day` (in the worker).
#[gloo_worker::oneshot::oneshot]
pub async fn EngineTask(request: EngineRequest) -> EngineReply {
    match request {
        EngineRequest::Project(r) => {
            EngineReply::Project(project(&r.staffing, &r.scorecard).map_err(WireProblem::from))
        }
        EngineRequest::Day(inputs) => {
            EngineReply::Day(plan_whole_day(&inputs).map_err(WireProblem::from))
        }
    }
}

/// The worker's entry, called by `worker_loader.js` once the wasm is loaded.
#[wasm_bindgen]
pub fn run_engine_worker() {
    EngineTask::registrar().register();
}
