//! Links between the pages; each page has its own URL fragment.

use leptos::prelude::*;

use crate::i18n::{text, Key};
use crate::store::{use_store, Route};

#[component]
pub fn Nav() -> impl IntoView {
    let store = use_store();
    let link = move |route: Route, key: Key, test_id: &'static str| {
        view! {
            <a
                href=route.hash()
                data-testid=test_id
                class:active=move || store.route.get() == route
                aria-current=move || (store.route.get() == route).then_some("page")
            >
                {move || text(store.lang.get(), key)}
            </a>
        }
    };
    view! {
        <nav class="nav">
            {link(Route::Staffing, Key::NavStaffing, "nav-staffing")}
            {link(Route::Scorecard, Key::NavScorecard, "nav-scorecard")}
            {link(Route::Compare, Key::NavCompare, "compare")}
            {link(Route::Forecast, Key::NavForecast, "nav-forecast")}
            {link(Route::Schedule, Key::NavSchedule, "nav-schedule")}
            {link(Route::Learn, Key::NavLearn, "nav-learn")}
        </nav>
    }
}
