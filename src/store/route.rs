//! Which page is shown, from the URL fragment (`#/`, `#/scorecard`,
//! `#/compare`, `#/forecast`, `#/schedule`, `#/learn`), so each page has its own URL that works on a static host.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Staffing,
    Scorecard,
    Compare,
    Forecast,
    Schedule,
    Learn,
}

impl Route {
    pub fn from_hash(hash: &str) -> Route {
        if hash.starts_with("#/scorecard") {
            Route::Scorecard
        } else if hash.starts_with("#/compare") {
            Route::Compare
        } else if hash.starts_with("#/forecast") {
            Route::Forecast
        } else if hash.starts_with("#/schedule") {
            Route::Schedule
        } else if hash.starts_with("#/learn") || hash.starts_with("#x=") {
            Route::Learn
        } else {
            Route::Staffing
        }
    }

    pub fn hash(self) -> &'static str {
        match self {
            Route::Staffing => "#/",
            Route::Scorecard => "#/scorecard",
            Route::Compare => "#/compare",
            Route::Forecast => "#/forecast",
            Route::Schedule => "#/schedule",
            Route::Learn => "#/learn",
        }
    }
}

/// The URL fragment of the page, `""` when there is none.
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

pub fn current_route() -> Route {
    Route::from_hash(&current_hash())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_round_trip() {
        for route in [
            Route::Staffing,
            Route::Scorecard,
            Route::Compare,
            Route::Forecast,
            Route::Schedule,
            Route::Learn,
        ] {
            assert_eq!(Route::from_hash(route.hash()), route);
        }
        assert_eq!(Route::from_hash("#s=1.abc"), Route::Staffing);
        // An exercise link opens on the Learn page.
        assert_eq!(Route::from_hash("#x=1.abc"), Route::Learn);
        assert_eq!(Route::from_hash(""), Route::Staffing);
    }
}
