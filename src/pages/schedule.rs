//! The schedule page (`#/schedule`): shift templates, the staffing page's
//! day covered by them at the least cost (or as closely as a headcount cap
//! allows), the coverage against the requirement, the service the
//! scheduled agents give, and the schedule and coverage as CSV.
//!
//! The page is a list of its sections, each in its own file below
//! `schedule/` (they belong to this page alone):
//!
//! | module | owns |
//! |---|---|
//! | `setup` | the first panel: title, the day to schedule, day or week, the templates, the cap |
//! | `week_days` | a week's boxes: each weekday's volume as % of the day |
//! | `cap_box` | the headcount cap: on or off, and its box |
//! | `coverage` | the second panel: the solve's status, figures, chart, tables and CSV |
//! | `solve_status` | solving, the problem, or the proof status of the schedule |
//! | `figures` | the schedule's figures (paid hours, cost, agents, shortfall, service) |
//! | `shortfall` | the intervals left short: why, and what would cover them |
//! | `day_picker` | which day of a week the chart and coverage table show |
//! | `shift_table` | who starts when: the schedule's rows |
//! | `coverage_table` | each interval's required, scheduled, gap and service level |
//! | `budget` | the third panel: a budget of paid hours or heads, its box |
//! | `budget_result` | what the budget buys beside a proportional cut |

mod budget;
mod budget_result;
mod cap_box;
mod coverage;
mod coverage_table;
mod day_picker;
mod figures;
mod setup;
mod shift_table;
mod shortfall;
mod solve_status;
mod week_days;

use leptos::prelude::*;

use crate::i18n::{schedule_error_text, schedule_row_name, text, Key, Lang};
use crate::model::schedule::{ScheduleOutcome, ScheduleProblem};

#[component]
pub fn SchedulePage() -> impl IntoView {
    // Which day of a week the chart and the coverage table show.
    let shown_day = RwSignal::new(0usize);
    view! {
        <div class="page schedule-page">
            <setup::ScheduleSetup shown_day=shown_day />
            <coverage::CoverageSection shown_day=shown_day />
            <budget::BudgetSection />
        </div>
    }
}

/// A problem's message in the page's language (an interval named by its
/// start, from `o`'s day).
fn problem_text(lang: Lang, problem: &ScheduleProblem, o: &ScheduleOutcome) -> String {
    match problem {
        ScheduleProblem::Day(d) => format!("{} {d}", text(lang, Key::ScheduleDayProblem)),
        ScheduleProblem::Budget(d) => format!("{} {d}", text(lang, Key::BudgetProblem)),
        ScheduleProblem::UnpaidFirstShift(name) => {
            format!("“{name}”: {}", text(lang, Key::BudgetHeadsUnpaid))
        }
        ScheduleProblem::Schedule(e) => {
            schedule_error_text(lang, e, &|i| schedule_row_name(lang, o, i))
        }
    }
}
