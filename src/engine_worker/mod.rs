//! The engine worker: a Web Worker that runs the engine's heavy jobs (the
//! capacity plan and scorecard, a staffing day too heavy for the page, the
//! Learn page's simulated days, the forecast and its staffing needs, the
//! schedule) so that they never block typing. The page never runs them
//! itself: it waits, shows how long, and can cancel.
//!
//! | module | owns |
//! |---|---|
//! | `wire` | what crosses: a request type per job, `EngineRequest` / `EngineReply`, `EngineJob` (request → answer, and the answer when the work was stopped) and `EngineRequest::compute` |
//! | `codec` | how a request or reply crosses: bincode bytes in a `Uint8Array` |
//! | `client` | `EngineWorker`, the page's side: starts the worker, `run`s any job, shows how long it has been busy, cancels, restarts a worker that fails to load or crashes |
//!
//! The worker runs the whole app's wasm (one download for both, the one
//! the first visit's app fetches for the other pages): `worker_loader.js`
//! loads it and calls its `run_engine_worker` ([`serve`]), which answers
//! each message `[number, request]` with `[number, reply]`.

mod client;
pub mod codec;
pub mod wire;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub use client::{EngineWorker, Stopped};
pub use wire::{
    DayRequest, EngineJob, EngineReply, EngineRequest, ForecastRequest, ProjectRequest,
    ScheduleRequest, SimulateRequest,
};

/// The worker's side: answers every request, in the order they come, then
/// says it is ready (the page holds its requests until then). The whole
/// app's wasm exports it as `run_engine_worker` (`main.rs`), which
/// `worker_loader.js` calls once the wasm is loaded; the first visit's app
/// does not link it.
pub fn serve() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let parts = js_sys::Array::from(&event.data());
            let request: EngineRequest = match codec::decode(&parts.get(1)) {
                Ok(request) => request,
                // Only a page of another build could send this: an error
                // event, which the page takes for a crash.
                Err(_) => wasm_bindgen::throw_str("unreadable engine request"),
            };
            let reply = request.compute();
            match codec::encode(&reply) {
                Ok(bytes) => {
                    let _ = replies.post_message(&js_sys::Array::of2(&parts.get(0), &bytes));
                }
                Err(_) => wasm_bindgen::throw_str("unencodable engine reply"),
            }
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as its handler.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
