//! The capacity plan and scorecard, computed in a Web Worker so that a
//! heavy plan (months of Erlang A days) never blocks the page: the request
//! is both pages' inputs, the reply the projection. The worker binary
//! (`src/bin/worker.rs`) registers [`ProjectTask`]; `store::projection`
//! sends to it.

use serde::{Deserialize, Serialize};

use crate::i18n::Key;
use crate::model::scorecard::{project, Projection, ScorecardSettings};
use crate::model::staffing::{Problem, StaffingInputs};

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

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ProjectReply(pub Result<Projection, WireProblem>);

/// Runs `model::scorecard::project` (in the worker).
#[gloo_worker::oneshot::oneshot]
pub async fn ProjectTask(request: ProjectRequest) -> ProjectReply {
    ProjectReply(project(&request.staffing, &request.scorecard).map_err(WireProblem::from))
}
