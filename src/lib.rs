#![forbid(unsafe_code)]
//! ccplan in the browser. Two apps share this library: the first visit's
//! small one (`first_visit`, the staffing page alone, `src/bin/ccplan-staffing.rs`)
//! and the whole [`App`] (`main.rs`), which takes the page over when another
//! page is opened. The engine does the math (`model::staffing::compute`),
//! the store holds the signals, components render.

pub mod charts;
pub mod components;
pub mod download;
pub mod engine_worker;
pub mod first_visit;
pub mod format;
pub mod handover;
pub mod i18n;
pub mod mathml;
pub mod model;
pub mod pages;
pub mod share;
pub mod storage;
pub mod store;

use leptos::prelude::*;

use components::currency_switch::CurrencySwitch;
use components::engine_status::EngineStatus;
use components::lang_switch::LangSwitch;
use components::link_notice::LinkNotice;
use components::nav::Nav;
use components::storage_notice::StorageNotice;
use handover::Handover;
use i18n::{text, Key};
use pages::compare::ComparePage;
use pages::forecast::ForecastPage;
use pages::learn::LearnPage;
use pages::schedule::SchedulePage;
use pages::scorecard::ScorecardPage;
use pages::staffing::StaffingPage;
use store::{Route, Store};

/// Every page; `handover` is what the first visit's app hands over.
#[component]
pub fn App(handover: Option<Handover>) -> impl IntoView {
    let store = Store::provide(handover);
    view! {
        <TopBar />
        <EngineStatus />
        <LinkNotice />
        <main>
            {move || match store.route.get() {
                Route::Staffing => view! { <StaffingPage /> }.into_any(),
                Route::Scorecard => view! { <ScorecardPage /> }.into_any(),
                Route::Compare => view! { <ComparePage /> }.into_any(),
                Route::Forecast => view! { <ForecastPage /> }.into_any(),
                Route::Schedule => view! { <SchedulePage /> }.into_any(),
                Route::Learn => view! { <LearnPage /> }.into_any(),
            }}
        </main>
    }
}

/// The header (title, the pages, language and currency) and the storage
/// notices, above every page of both apps.
#[component]
pub fn TopBar() -> impl IntoView {
    let lang = store::use_store().lang;
    view! {
        <header class="top">
            <div class="brand">
                <h1>{move || text(lang.get(), Key::AppTitle)}</h1>
                <p>{move || text(lang.get(), Key::AppSubtitle)}</p>
            </div>
            <Nav />
            <LangSwitch />
            <CurrencySwitch />
        </header>
        <StorageNotice />
    }
}

/// Removes `index.html`'s static first paint (the header and "loading"),
/// which stands in for the app until the wasm has run.
pub fn remove_boot_screen() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
}

/// Shows the static banner of `index.html` when the app panics, so the
/// user sees a message instead of a frozen page.
pub fn install_panic_banner() {
    std::panic::set_hook(Box::new(|info| {
        // The message and where (the browser's console adds a stack).
        leptos::logging::error!("{info}");
        if let Some(banner) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("error-banner"))
        {
            let _ = banner.remove_attribute("hidden");
        }
    }));
}

/// A deliberate panic for the end-to-end test of the banner
/// (`?ccplan-test-panic` in the URL). Compiled only with the `test-panic`
/// feature, which only the test build (`run.sh test`, into
/// `target/dist-panic`) enables: the shipped site has no crash switch.
#[cfg(feature = "test-panic")]
pub fn panic_if_asked() {
    let asked = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|s| s.contains("ccplan-test-panic"));
    if asked {
        panic!("test panic requested by the URL");
    }
}
