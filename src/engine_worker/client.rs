//! The page's side of the engine worker: one Web Worker for the page,
//! shared by every request, each answered once. The page never computes a
//! job itself: a slow answer is waited for (`status` says for how long, and
//! [`EngineWorker::cancel`] stops it), and a worker that fails to load or
//! crashes is replaced by a new one and the user told.

use leptos::prelude::*;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::codec;
use super::wire::{EngineJob, EngineReply};
pub use crate::model::staffing::Stopped;

/// How many times in a row a worker that fails to load is started again
/// before the page says the engine cannot load.
const LOAD_ATTEMPTS: u32 = 3;

/// The worker's loader, with the whole app's glue and wasm, as the page
/// names them (`index.html`'s `ccplan-app` meta tag, filled in by the
/// build): the worker runs the whole app's wasm.
fn loader_url() -> String {
    let meta = document()
        .query_selector(r#"meta[name="ccplan-app"]"#)
        .ok()
        .flatten();
    let name = |attribute: &str| {
        meta.as_ref()
            .and_then(|m| m.get_attribute(attribute))
            .unwrap_or_default()
    };
    let query = |text: &str| String::from(js_sys::encode_uri_component(text));
    format!(
        "./worker_loader.js?glue={}&wasm={}",
        query(&name("data-glue")),
        query(&name("data-wasm"))
    )
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A request sent (or waiting for the worker to load) and not yet answered.
struct Pending {
    message: JsValue,
    sent_ms: f64,
    deliver: Box<dyn FnOnce(Result<EngineReply, Stopped>)>,
}

/// One running Web Worker and its handlers (kept alive with it).
struct Connection {
    worker: web_sys::Worker,
    /// Whether the worker said its wasm is loaded: until then messages
    /// would be lost, so they wait in `pending` and are posted on "ready".
    ready: bool,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(JsValue)>,
}

#[derive(Default)]
struct State {
    connection: Option<Connection>,
    /// Bumped for each worker started, so a dead worker's late events are ignored.
    generation: u64,
    next_id: u64,
    /// By request number: the order they were sent, the order the worker
    /// answers them.
    pending: BTreeMap<u64, Pending>,
    failed_loads: u32,
}

/// The one engine worker of the page, shared by every request.
#[derive(Clone, Copy)]
pub struct EngineWorker {
    state: StoredValue<State, LocalStorage>,
    /// Since when the worker has been computing (the time (ms) when
    /// the oldest request still unanswered was sent); `None` when idle.
    pub busy_since_ms: RwSignal<Option<f64>>,
    /// Why the last work ended without an answer; cleared by the next request.
    pub stopped: RwSignal<Option<Stopped>>,
}

/// What the worker's handlers tell the page.
enum Event {
    Ready,
    LoadFailed,
    Reply(u64, JsValue),
    Error,
}

impl EngineWorker {
    /// The page's engine worker, started by the first request (a page
    /// that asks nothing of it never downloads a second wasm instance).
    pub fn start() -> Self {
        EngineWorker {
            state: StoredValue::new_local(State::default()),
            busy_since_ms: RwSignal::new(None),
            stopped: RwSignal::new(None),
        }
    }

    /// Runs `job` in the worker and hands its answer to `done`, once. If
    /// the work is stopped (cancelled, crashed, never loaded), the job
    /// turns that into its own answer where it has one (a [`Problem`]), or
    /// `done` is dropped unanswered (see `store::Latest`).
    ///
    /// [`Problem`]: crate::model::staffing::Problem
    pub fn run<J: EngineJob>(self, job: J, done: impl FnOnce(J::Answer) + 'static) {
        self.ask(job, move |answer| match answer {
            Ok(answer) => done(answer),
            Err(why) => {
                if let Some(answer) = J::stopped(why) {
                    done(answer);
                }
            }
        });
    }

    /// Runs `job` in the worker; `done` gets its answer, or why there is none.
    pub fn ask<J: EngineJob>(
        self,
        job: J,
        done: impl FnOnce(Result<J::Answer, Stopped>) + 'static,
    ) {
        let message = match codec::encode(&job.into_request()) {
            Ok(bytes) => bytes,
            // Nothing the page builds fails to encode; if it did, it is not an answer.
            Err(_) => return done(Err(Stopped::Crashed)),
        };
        let deliver = Box::new(move |reply: Result<EngineReply, Stopped>| match reply {
            Ok(reply) => {
                if let Some(answer) = J::read(reply) {
                    done(Ok(answer));
                }
            }
            Err(why) => done(Err(why)),
        });
        if self.state.try_with_value(|s| s.connection.is_none()) == Some(true) {
            self.state.update_value(|s| s.failed_loads = 0);
            self.connect();
        }
        let sent = self.state.try_update_value(|s| {
            let id = s.next_id;
            s.next_id += 1;
            let pending = Pending {
                message: message.into(),
                sent_ms: now_ms(),
                deliver,
            };
            if let Some(c) = s.connection.as_ref().filter(|c| c.ready) {
                let _ = c.worker.post_message(&envelope(id, &pending.message));
            }
            s.pending.insert(id, pending);
        });
        if sent.is_some() {
            if self.stopped.get_untracked().is_some() {
                self.stopped.try_set(None);
            }
            self.show_busy();
        }
    }

    /// Stops whatever the worker is computing: every unanswered request
    /// ends as [`Stopped::Cancelled`] and a fresh worker is started.
    pub fn cancel(self) {
        let stopped = self.drop_connection(std::mem::take);
        self.connect();
        self.finish(stopped, Stopped::Cancelled);
    }

    /// Starts a worker and wires its messages and errors to `handle`.
    fn connect(self) {
        let Some(generation) = self.state.try_update_value(|s| {
            s.generation += 1;
            s.generation
        }) else {
            return;
        };
        let worker = match web_sys::Worker::new(&loader_url()) {
            Ok(worker) => worker,
            Err(_) => {
                let stopped = self
                    .state
                    .try_update_value(|s| std::mem::take(&mut s.pending));
                self.finish(stopped.unwrap_or_default(), Stopped::NotLoaded);
                return;
            }
        };
        let on_message = Closure::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            let event = if data.as_string().as_deref() == Some("ready") {
                Event::Ready
            } else if data.as_string().is_some() {
                Event::LoadFailed
            } else {
                let parts = js_sys::Array::from(&data);
                match parts.get(0).as_f64() {
                    Some(id) => Event::Reply(id as u64, parts.get(1)),
                    None => Event::Error,
                }
            };
            self.handle(generation, event);
        });
        let on_error = Closure::new(move |_: JsValue| self.handle(generation, Event::Error));
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        self.state.update_value(|s| {
            s.connection = Some(Connection {
                worker,
                ready: false,
                _on_message: on_message,
                _on_error: on_error,
            });
        });
    }

    fn handle(self, generation: u64, event: Event) {
        if self.state.try_with_value(|s| s.generation) != Some(generation) {
            return;
        }
        match event {
            Event::Ready => {
                self.state.update_value(|s| {
                    s.failed_loads = 0;
                    if let Some(c) = s.connection.as_mut() {
                        c.ready = true;
                        for (id, p) in &s.pending {
                            let _ = c.worker.post_message(&envelope(*id, &p.message));
                        }
                    }
                });
            }
            Event::Reply(id, bytes) => {
                let pending = self
                    .state
                    .try_update_value(|s| s.pending.remove(&id))
                    .flatten();
                if let Some(p) = pending {
                    match codec::decode::<EngineReply>(&bytes) {
                        Ok(reply) => (p.deliver)(Ok(reply)),
                        Err(_) => (p.deliver)(Err(Stopped::Crashed)),
                    }
                }
                self.show_busy();
            }
            Event::LoadFailed | Event::Error => {
                let loaded = self
                    .state
                    .try_with_value(|s| s.connection.as_ref().is_some_and(|c| c.ready))
                    .unwrap_or(false);
                if loaded {
                    // The oldest request was being computed: it crashed the
                    // worker, and would again. The others go to a new worker.
                    let crashed = self.drop_connection(|pending| match pending.pop_first() {
                        Some((id, p)) => BTreeMap::from([(id, p)]),
                        None => BTreeMap::new(),
                    });
                    self.connect();
                    self.resend();
                    self.finish(crashed, Stopped::Crashed);
                } else {
                    let attempts = self.state.try_update_value(|s| {
                        s.failed_loads += 1;
                        s.failed_loads
                    });
                    if attempts.unwrap_or(LOAD_ATTEMPTS) < LOAD_ATTEMPTS {
                        self.drop_connection(|_| BTreeMap::new());
                        self.connect();
                    } else {
                        // Given up: the next request tries again from scratch.
                        let stopped = self.drop_connection(std::mem::take);
                        self.finish(stopped, Stopped::NotLoaded);
                    }
                }
            }
        }
    }

    /// Terminates the worker; returns the requests `take` removes from
    /// the pending ones.
    fn drop_connection(
        self,
        take: impl FnOnce(&mut BTreeMap<u64, Pending>) -> BTreeMap<u64, Pending>,
    ) -> BTreeMap<u64, Pending> {
        self.state
            .try_update_value(|s| {
                if let Some(c) = s.connection.take() {
                    c.worker.terminate();
                }
                take(&mut s.pending)
            })
            .unwrap_or_default()
    }

    /// Marks the pending requests to be sent again once the new worker loads.
    fn resend(self) {
        self.state.update_value(|s| {
            let now = now_ms();
            for p in s.pending.values_mut() {
                p.sent_ms = now;
            }
        });
    }

    /// Tells each of `stopped` why it gets no answer, and shows it.
    fn finish(self, stopped: BTreeMap<u64, Pending>, why: Stopped) {
        let any = !stopped.is_empty();
        for p in stopped.into_values() {
            (p.deliver)(Err(why));
        }
        if any {
            self.stopped.try_set(Some(why));
        }
        self.show_busy();
    }

    fn show_busy(self) {
        let oldest = self
            .state
            .try_with_value(|s| s.pending.values().map(|p| p.sent_ms).reduce(f64::min))
            .flatten();
        if self.busy_since_ms.get_untracked() != oldest {
            self.busy_since_ms.try_set(oldest);
        }
    }
}

/// A request as posted: its number and its bytes.
fn envelope(id: u64, message: &JsValue) -> JsValue {
    js_sys::Array::of2(&JsValue::from_f64(id as f64), message).into()
}
