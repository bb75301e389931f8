//! The Web Worker that computes capacity plans and heavy days off the page's thread.

use gloo_worker::Registrable;

fn main() {
    ccplan_app::worker::EngineTask::registrar().register();
}
