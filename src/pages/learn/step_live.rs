//! Each step's live numbers from the current scenario: the objective, the
//! inputs, the day's workload, the load and agents, the lines, the FTE,
//! the peak and the day's cost.

use crate::format::{grouped, money, percent, Currency};
use crate::i18n::{agents_text, labelled, limit_text, text, Key, Lang};
use crate::model::learn::{trunks, workload_hours, DayFigures, DEFAULT_MAX_BLOCKING};
use crate::model::number::format_plain;
use crate::model::staffing::{IntervalResult, StaffingInputs};

/// Step `index`'s live line (none while its figures are not there).
pub fn live(
    index: usize,
    lang: Lang,
    inputs: &StaffingInputs,
    r: Option<&IntervalResult>,
    day: Option<DayFigures>,
    currency: Currency,
) -> Option<String> {
    let t = |k| text(lang, k);
    match index {
        0 => r.map(|r| {
            let objective = r
                .by_limit
                .iter()
                .map(|l| limit_text(lang, l.limit, &r.targets))
                .collect::<Vec<_>>()
                .join(" · ");
            labelled(lang, t(Key::LearnYourObjective), &objective)
        }),
        1 => Some(format!(
            "{} · {} · {}",
            labelled(lang, t(Key::Volume), &grouped(inputs.volume, 0)),
            labelled(lang, t(Key::Aht), &format_plain(inputs.aht_s)),
            labelled(lang, t(Key::Intervals), &inputs.intraday.len().to_string()),
        )),
        2 => Some(labelled(
            lang,
            t(Key::LearnDayWorkload),
            &format!("{} {}", grouped(workload_hours(inputs), 1), t(Key::PerHour)),
        )),
        3 => r.map(|r| {
            format!(
                "A = {} {} → N = {}",
                grouped(r.traffic, 2),
                t(Key::Erlangs),
                agents_text(lang, r.required_agents)
            )
        }),
        4 => r.and_then(|r| trunks(r, DEFAULT_MAX_BLOCKING)).map(|tr| {
            let traffic = format!("{} {}", grouped(tr.traffic_on_lines, 2), t(Key::Erlangs));
            let lines = format!(
                "{} ({} ≤ {})",
                tr.lines,
                t(Key::LearnBusy),
                percent(tr.max_blocking)
            );
            format!(
                "{} · {}",
                labelled(lang, t(Key::LearnLinesTraffic), &traffic),
                labelled(lang, t(Key::LearnLinesNeeded), &lines),
            )
        }),
        5 => r.map(|r| {
            let (agents, shrinkage, fte) = (
                grouped(r.agents, 0),
                percent(inputs.shrinkage_pct / 100.0),
                grouped(r.scheduled_fte, 1),
            );
            match lang {
                Lang::En => format!("{agents} / (1 − {shrinkage}) = {fte} FTE"),
                Lang::Zh => format!("全职等效人数 = {agents} / (1 − {shrinkage}) = {fte}"),
            }
        }),
        6 => day.map(|d| labelled(lang, t(Key::PeakAgents), &grouped(d.peak_agents, 0))),
        7 => day.map(|d| {
            let hours = format!("{} {}", grouped(d.paid_hours, 1), t(Key::PerHour));
            format!(
                "{} · {} · {}",
                labelled(lang, t(Key::PaidHours), &hours),
                labelled(lang, t(Key::DayCost), &money(currency, d.cost, 2)),
                labelled(
                    lang,
                    t(Key::CostPerContact),
                    &money(currency, d.cost_per_contact, 2)
                ),
            )
        }),
        _ => None,
    }
}
