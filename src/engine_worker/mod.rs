//! The engine worker: a Web Worker that runs the engine's heavy jobs (the
//! capacity plan and scorecard, a staffing day too heavy for the page, the
//! Learn page's simulated days, the forecast and its staffing needs, the
//! schedule) so that they never block typing.
//!
//! | module | owns |
//! |---|---|
//! | `wire` | what crosses: a request type per job, `EngineRequest` / `EngineReply`, `EngineJob` (request → answer) and `EngineRequest::compute` |
//! | `client` | `EngineWorker`, the page's side: starts the worker, `run`s any job, computes on the page if the worker never answered within 20 s |
//!
//! The worker runs the page's own wasm (one download for both):
//! `worker_loader.js` loads it and calls [`run_engine_worker`], which
//! registers [`EngineTask`].

mod client;
pub mod wire;

use gloo_worker::Registrable;
use wasm_bindgen::prelude::wasm_bindgen;

pub use client::EngineWorker;
pub use wire::{
    DayRequest, EngineJob, EngineReply, EngineRequest, ForecastRequest, ProjectRequest,
    ScheduleRequest, SimulateRequest,
};

/// Computes a request in the worker (see [`EngineRequest::compute`]).
#[gloo_worker::oneshot::oneshot]
pub async fn EngineTask(request: EngineRequest) -> EngineReply {
    request.compute()
}

/// The worker's entry, called by `worker_loader.js` once the wasm is loaded.
#[wasm_bindgen]
pub fn run_engine_worker() {
    EngineTask::registrar().register();
}
