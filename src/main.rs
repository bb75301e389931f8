fn main() {
    ccplan_app::install_panic_banner();
    leptos::mount::mount_to_body(ccplan_app::App);
    ccplan_app::remove_boot_screen();
    ccplan_app::panic_if_asked();
}
