//! The page's side of the engine worker: one worker for the page, shared
//! by every request. Each request gets its own answer, once; a worker that
//! has never answered within [`WORKER_TIMEOUT`] (it failed to load) is
//! replaced by computing on the page.

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use super::wire::{EngineJob, EngineReply};
use super::EngineTask;
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

    /// Runs `job` in the worker and hands its answer to `done`, once: the
    /// worker's, or the page's own if the worker has never answered within
    /// [`WORKER_TIMEOUT`]. Whether the answer is still wanted is the
    /// caller's to decide (`store::Latest`).
    pub fn run<J: EngineJob>(self, job: J, done: impl FnOnce(J::Answer) + 'static) {
        let request = job.into_request();
        let done = Rc::new(Cell::new(Some(done)));
        // Whichever answer comes first is handed over; the other is dropped.
        let hand_over = move |reply: EngineReply| {
            if let Some(answer) = J::read(reply) {
                if let Some(done) = done.take() {
                    done(answer);
                }
            }
        };
        let here = request.clone();
        let hand_over_here = hand_over.clone();
        set_timeout(
            move || {
                if self.answered_once.try_get_value() == Some(false) {
                    hand_over_here(here.compute());
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
            hand_over(reply);
        });
    }
}
