#![forbid(unsafe_code)]
fn main() {
    // The engine worker loads this same wasm (see `worker_loader.js`): there
    // is no window there, and the worker's entry is `run_engine_worker`.
    if web_sys::window().is_none() {
        return;
    }
    ccplan_app::install_panic_banner();
    leptos::mount::mount_to_body(ccplan_app::App);
    ccplan_app::remove_boot_screen();
    #[cfg(feature = "test-panic")]
    ccplan_app::panic_if_asked();
}
