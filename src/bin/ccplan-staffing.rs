#![forbid(unsafe_code)]
//! The page's entry: the first visit's app, the staffing page alone
//! (`ccplan_app::first_visit`). The whole app loads when it is needed.
fn main() {
    ccplan_app::install_panic_banner();
    ccplan_app::first_visit::mount();
    ccplan_app::remove_boot_screen();
    #[cfg(feature = "test-panic")]
    ccplan_app::panic_if_asked();
}
