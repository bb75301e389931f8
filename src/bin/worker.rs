//! The Web Worker that computes capacity plans off the page's thread.

use gloo_worker::Registrable;

fn main() {
    ccplan_app::worker::ProjectTask::registrar().register();
}
