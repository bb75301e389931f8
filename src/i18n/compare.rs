//! The comparison table in words: its groups and rows named, figures and
//! changes written as the row shows them.

use super::{field_label, text, Key, Lang};
use crate::format::{grouped, money, percent, Currency};
use crate::model::compare::{Change, Figure, Group, Show, Verdict};

/// The heading of a group of rows.
pub fn group_label(group: Group) -> Key {
    match group {
        Group::Inputs => Key::CompareGroupInputs,
        Group::Interval => Key::CompareGroupInterval,
        Group::Day => Key::CompareGroupDay,
        Group::Shifts => Key::CompareGroupShifts,
        Group::Plan => Key::CompareGroupPlan,
    }
}

/// The name of a row.
pub fn figure_label(figure: Figure) -> Key {
    use Figure as F;
    match figure {
        F::Input(field) => field_label(field.into()),
        F::RequiredAgents => Key::RequiredAgents,
        F::ScheduledFte => Key::ScheduledFte,
        F::ServiceLevel => Key::ServiceLevel,
        F::Asa => Key::Asa,
        F::Abandon => Key::Abandon,
        F::Occupancy => Key::Occupancy,
        F::Cost => Key::Cost,
        F::DayVolume => Key::DayVolume,
        F::DayServiceLevel => Key::DayServiceLevel,
        F::PeakAgents => Key::PeakAgents,
        F::DayPaidHours => Key::DayPaidHours,
        F::DayCost => Key::DayCost,
        F::ShiftPaidHours => Key::PaidHours,
        F::ShiftAgents => Key::ColAgentsCount,
        F::ShiftOverRequirement => Key::ShiftPaidAgainstRequirement,
        F::ShiftServiceLevel => Key::CompareShiftsSl,
        F::ShiftCost => Key::ScheduleCost,
        F::PlanHires => Key::PlanHires,
        F::PlanPeakFte => Key::PlanPeakFte,
        F::PlanCostPerContact => Key::PlanCostPerContact,
        F::PlanCostPerResolved => Key::PlanCostPerResolved,
        F::PlanTotalCost => Key::PlanTotalCost,
    }
}

/// A figure as its row shows it, money with the chosen currency.
pub fn shown_value(lang: Lang, currency: Currency, how: Show, v: f64) -> String {
    match how {
        Show::Count => grouped(v, 0),
        Show::One => grouped(v, 1),
        Show::Money => money(currency, v, 2),
        Show::Share => percent(v),
        Show::Seconds => format!("{} {}", grouped(v, 1), text(lang, Key::Seconds)),
    }
}

/// A change from the first scenario: the amount (shares in percentage
/// points), then the relative change where it says something — as a
/// percentage up to ±100 %, as a factor beyond (`×21.3`, not `+2030.0 %`),
/// and not at all for shares or a base of 0. "=" for none, "≈" for one
/// smaller than the row shows.
pub fn change_text(lang: Lang, how: Show, change: Change) -> String {
    let (delta, relative, factor) = match change {
        Change::Same => return "=".into(),
        Change::Negligible => return "≈".into(),
        Change::Changed {
            delta,
            relative,
            factor,
            ..
        } => (delta, relative, factor),
    };
    let sign = if delta > 0.0 { "+" } else { "−" };
    let amount = match how {
        Show::Share => match lang {
            Lang::En => format!("{:.1} pp", delta.abs() * 100.0),
            Lang::Zh => format!("{:.1} 个百分点", delta.abs() * 100.0),
        },
        other => shown_value(lang, Currency::None, other, delta.abs()),
    };
    let amount = format!("{sign}{amount}");
    match (how, relative) {
        (Show::Share, _) | (_, None) => amount,
        (_, Some(r)) if r.abs() <= 1.0 => format!("{amount} ({sign}{:.1} %)", r.abs() * 100.0),
        (_, Some(_)) => match factor {
            Some(factor) => format!("{amount} (×{factor:.1})"),
            None => amount,
        },
    }
}

/// The tooltip of a change: "Difference", and whether it is good news.
pub fn change_title(lang: Lang, verdict: Option<Verdict>) -> String {
    let difference = text(lang, Key::Difference);
    match verdict {
        Some(Verdict::Better) => format!("{difference} · {}", text(lang, Key::Better)),
        Some(Verdict::Worse) => format!("{difference} · {}", text(lang, Key::Worse)),
        None => difference.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::compare::{change, Better};

    fn shown(lang: Lang, how: Show, better: Better, value: f64, base: f64) -> String {
        change_text(lang, how, change(how, better, value, base))
    }

    #[test]
    fn differences_read_plainly() {
        let (en, neither) = (Lang::En, Better::Neither);
        assert_eq!(
            shown(en, Show::Count, neither, 300.0, 200.0),
            "+100 (+50.0 %)"
        );
        assert_eq!(shown(en, Show::Count, neither, 200.0, 200.0), "=");
        // From a base that shows as 0: the amount alone, never "×inf".
        assert_eq!(shown(en, Show::Count, neither, 200.0, 1e-320), "+200");
        assert_eq!(shown(en, Show::Count, neither, 200.0, 1e-300), "+200");
        // More than double: a factor, not +2030 %.
        assert_eq!(
            shown(en, Show::Seconds, neither, 15.0, 0.7),
            "+14.3 s (×21.4)"
        );
        // Shares change in percentage points; a change below the shown
        // precision is "≈", never "−0.0 pp" (nor "+0.0 个百分点").
        assert_eq!(shown(en, Show::Share, neither, 0.917, 0.878), "+3.9 pp");
        assert_eq!(shown(en, Show::Share, neither, 0.8000001, 0.8), "≈");
        assert_eq!(shown(Lang::Zh, Show::Share, neither, 0.8000001, 0.8), "≈");
        assert_eq!(shown(Lang::Zh, Show::Share, neither, 0.8004, 0.8), "≈");
        assert_eq!(shown(en, Show::Money, neither, 10.001, 10.0), "≈");
        assert_eq!(shown(en, Show::Count, neither, 5.0, 0.0), "+5");
        assert_eq!(
            shown(en, Show::Count, neither, 1_500.0, 250.0),
            "+1,250 (×6.0)"
        );
        assert_eq!(
            shown(en, Show::Count, neither, 150.0, 200.0),
            "−50 (−25.0 %)"
        );
        assert_eq!(
            shown_value(en, Currency::None, Show::Money, 12_232.144),
            "12,232.14"
        );
        assert_eq!(
            shown_value(en, Currency::None, Show::Count, -1_234_567.0),
            "-1,234,567"
        );
        assert_eq!(
            shown(Lang::Zh, Show::Share, neither, 0.917, 0.878),
            "+3.9 个百分点"
        );
        assert_eq!(shown(Lang::Zh, Show::Seconds, neither, 8.6, 8.6), "=");
        assert_eq!(change_title(en, Some(Verdict::Better)), "vs first · better");
    }
}
