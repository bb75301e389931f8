//! The forecast page (`#/forecast`): history in, the daily forecast with
//! its interval and the model that made it, accuracy on held-back days
//! beside the seasonal naive forecast, known events and days left out, and
//! a forecast day interval by interval with the agents it needs — at the
//! forecast and allowing for its uncertainty — ready for the staffing page.
//!
//! The page is a list of its sections, each in its own file below
//! `forecast/` (they belong to this page alone):
//!
//! | module | owns |
//! |---|---|
//! | `result` | the forecast panel: settings, chart, model, holdout, days |
//! | `settings_row` | the forecast's choices (model, horizon, level, holdout, CV, shape weeks) |
//! | `model_line` | the model chosen, its smoothing parameters and each model's AICc |
//! | `holdout_line` | the holdout score beside the seasonal naive forecast's |
//! | `days_table` | the forecast days, one to show interval by interval |
//! | `day_detail` | a forecast day's intervals with the agents they need, and where to use it |
//! | `exclusions` | days left out of the fit or counted at a corrected total |
//! | `events` | known events: an uplift or added contacts on a day or interval |

mod day_detail;
mod days_table;
mod events;
mod exclusions;
mod holdout_line;
mod model_line;
mod result;
mod settings_row;

use leptos::prelude::*;

use crate::components::history_import::HistoryImport;
use crate::i18n::{text, Key};
use crate::store::use_store;

#[component]
pub fn ForecastPage() -> impl IntoView {
    let lang = use_store().lang;
    view! {
        <div class="page forecast-page">
            <section class="panel">
                <h1>{move || text(lang.get(), Key::ForecastTitle)}</h1>
                <p class="help">{move || text(lang.get(), Key::ForecastIntro)}</p>
            </section>
            <HistoryImport />
            <result::ForecastResult />
            <day_detail::DayDetail />
            <section class="panel forecast-adjust">
                <exclusions::Exclusions />
                <events::Events />
            </section>
        </div>
    }
}
