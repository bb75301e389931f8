#![forbid(unsafe_code)]
//! The whole app: every page, and the engine worker's side. It is not the
//! page's entry: the first visit's app (`src/bin/ccplan-staffing.rs`)
//! loads it on demand and calls [`mount_app`]; the engine worker loads it
//! and calls [`run_engine_worker`]. So `main` does nothing.
use wasm_bindgen::prelude::*;

fn main() {}

/// Mounts every page, taking over from the first visit's app with what it
/// hands over (a JSON `handover::Handover`; anything else reads storage).
#[wasm_bindgen]
pub fn mount_app(handover: &str) {
    ccplan_app::install_panic_banner();
    let handover = ccplan_app::handover::Handover::from_json(handover);
    let focus = handover.as_ref().and_then(|h| h.focus.clone());
    let scroll_y = handover.as_ref().map_or(0.0, |h| h.scroll_y);
    leptos::mount::mount_to_body(move || leptos::view! { <ccplan_app::App handover /> });
    ccplan_app::remove_boot_screen();
    // Tells the browser tests (and anyone inspecting the page) which app runs.
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let _ = body.set_attribute("data-app", "whole");
    }
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, scroll_y);
    }
    if let Some(focus) = focus {
        focus.restore();
    }
}

/// The engine worker's entry (`worker_loader.js`).
#[wasm_bindgen]
pub fn run_engine_worker() {
    ccplan_app::engine_worker::serve();
}
