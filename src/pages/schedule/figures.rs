//! The schedule's figures: paid hours against the requirement's, cost,
//! agents, shortfall and the day's (or week's) service level.

use leptos::prelude::*;

use crate::format::{fixed, grouped, percent};
use crate::i18n::{text, Key, Lang};
use crate::model::schedule::{PaidAgainst, Solved};
use crate::store::use_store;

#[component]
pub fn ScheduleFigures() -> impl IntoView {
    let store = use_store();
    move || {
        let lang = store.lang.get();
        store.with_solved(|o, r| Some(summary_cards(lang, r, o.days > 1)))
    }
}

fn summary_cards(lang: Lang, r: &Solved, week: bool) -> impl IntoView {
    let card = |key: Key, value: String, test_id: &'static str| {
        view! {
            <div class="figure">
                <dt>{text(lang, key)}</dt>
                <dd><span class="value" data-testid=test_id>{value}</span></dd>
            </div>
        }
    };
    // Under a headcount cap the paid hours may fall below the requirement's:
    // said so, with a positive share, rather than "above" and a minus.
    let (against, pct) = r.paid_against_requirement();
    let against_key = match against {
        PaidAgainst::Above => Key::ScheduleOverRequirement,
        PaidAgainst::Below => Key::ScheduleBelowRequirement,
    };
    view! {
        <dl class="figures" data-testid="schedule-figures">
            {card(Key::PaidHours, grouped(r.paid_hours, 1), "schedule-paid-hours")}
            {card(against_key, format!("{} %", fixed(pct, 1)), "schedule-over-pct")}
            {card(Key::ScheduleCost, grouped(r.schedule.cost, 0), "schedule-cost")}
            {card(Key::ColAgentsCount, grouped(r.schedule.heads as f64, 0), "schedule-heads")}
            {card(Key::ScheduleShort, grouped(r.schedule.under as f64, 0), "schedule-under")}
            {card(if week { Key::ScheduleWeekSl } else { Key::ScheduleDaySl }, percent(r.day_service_level), "schedule-sl")}
        </dl>
    }
}
