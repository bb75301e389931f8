//! Scenarios side by side: each one computed, the table's rows (which
//! figure, its precision, which way is better), and each change from the
//! first scenario judged on numbers. The staffing outcome is computed here;
//! the capacity plan, the shifts and heavy days come from the worker and
//! are filled in when they arrive.

use crate::model::scenario::Inputs;
use ccplan_engine::capacity::CapacityInputs;

use crate::model::fields::StaffingField;
use crate::model::schedule::{ScheduleOutcome, Solved};
use crate::model::scorecard::{capacity_inputs, Projection};
use crate::model::staffing::{compute, ModelChoice, Outcome, Problem};

/// The most scenarios compared at once.
pub const MAX_COMPARED: usize = 4;

/// A scenario the user can pick for comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// The inputs on the staffing and scorecard pages now.
    Current,
    /// The built-in example.
    Example,
    /// A saved scenario, by name.
    Saved(String),
}

impl Choice {
    /// Its stored form (the compare page's last choice is kept as these).
    pub fn id(&self) -> String {
        match self {
            Choice::Current => "current".into(),
            Choice::Example => "example".into(),
            Choice::Saved(name) => format!("s:{name}"),
        }
    }

    /// A stored choice read back; `None` for one that is not a choice.
    pub fn from_id(id: &str) -> Option<Choice> {
        match id {
            "current" => Some(Choice::Current),
            "example" => Some(Choice::Example),
            _ => id.strip_prefix("s:").map(|name| Choice::Saved(name.into())),
        }
    }
}

/// The choices still available, in order, without repeats, at most
/// [`MAX_COMPARED`]: a saved scenario since deleted drops out.
pub fn available(stored: &[String], saved_names: &[&str]) -> Vec<Choice> {
    let mut list: Vec<Choice> = Vec::new();
    for choice in stored.iter().filter_map(|id| Choice::from_id(id)) {
        let exists = match &choice {
            Choice::Saved(name) => saved_names.contains(&name.as_str()),
            Choice::Current | Choice::Example => true,
        };
        if exists && !list.contains(&choice) && list.len() < MAX_COMPARED {
            list.push(choice);
        }
    }
    list
}

/// One scenario on the comparison page, with everything computed for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Compared {
    pub name: String,
    pub inputs: Inputs,
    pub outcome: Outcome,
    /// `None` while the plan is being computed.
    pub projection: Option<Result<Projection, Problem>>,
    /// The day's shifts (the scenario's templates), `None` while solving.
    pub schedule: Option<ScheduleOutcome>,
}

impl Compared {
    /// The capacity plan, once computed and if it could be.
    pub fn plan(&self) -> Option<&Projection> {
        self.projection.as_ref()?.as_ref().ok()
    }

    /// The solved shifts, once solved and if they could be.
    pub fn shifts(&self) -> Option<&Solved> {
        self.schedule.as_ref()?.result.as_ref().ok()
    }

    /// The capacity-plan inputs of this scenario (for the plan's summary);
    /// `None` when its targets are ones no staffing meets (it has no plan then).
    pub fn capacity_inputs(&self) -> Option<CapacityInputs> {
        capacity_inputs(&self.inputs.staffing, &self.inputs.scorecard).ok()
    }
}

/// Computes each scenario's staffing; its plan is `None` until given.
pub fn compare(scenarios: &[(String, Inputs)]) -> Vec<Compared> {
    scenarios
        .iter()
        .map(|(name, inputs)| Compared {
            name: name.clone(),
            inputs: inputs.clone(),
            outcome: compute(&inputs.staffing),
            projection: None,
            schedule: None,
        })
        .collect()
}

/// A named line of (x, y) points.
pub type Line = (String, Vec<(f64, f64)>);

/// The service-level curves of the compared scenarios, for one chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Curves {
    /// Per scenario: (agents, service level in %) — agents counted from
    /// the scenario's own requirement when `relative`.
    pub lines: Vec<Line>,
    /// The scenarios' agent ranges share no number of agents, so on one
    /// axis of agents each curve would be squeezed into its own corner
    /// (34 agents beside 277): each is drawn around its requirement.
    pub relative: bool,
}

/// Each scenario's curve in agents, or around its requirement when the
/// ranges do not meet (see [`Curves::relative`]).
pub fn curves(list: &[Compared]) -> Curves {
    let absolute: Vec<(Line, Option<f64>)> = list
        .iter()
        .map(|c| {
            let points = c
                .outcome
                .curve
                .iter()
                .filter_map(|p| {
                    p.metrics
                        .map(|m| (f64::from(p.agents), m.service_level * 100.0))
                })
                .collect();
            let required = c
                .outcome
                .interval
                .as_ref()
                .ok()
                .map(|r| f64::from(r.required_agents));
            ((c.name.clone(), points), required)
        })
        .collect();
    let range = |points: &[(f64, f64)]| {
        let first = points.first().map_or(0.0, |p| p.0);
        let last = points.last().map_or(0.0, |p| p.0);
        (first, last)
    };
    let drawn = absolute
        .iter()
        .filter(|((_, points), _)| !points.is_empty());
    let highest_start = drawn
        .clone()
        .map(|((_, p), _)| range(p).0)
        .fold(f64::MIN, f64::max);
    let lowest_end = drawn.map(|((_, p), _)| range(p).1).fold(f64::MAX, f64::min);
    let relative = highest_start > lowest_end;
    let lines = absolute
        .into_iter()
        .map(|((name, points), required)| match (relative, required) {
            (true, Some(required)) => (
                name,
                points
                    .into_iter()
                    .map(|(n, sl)| (n - required, sl))
                    .collect(),
            ),
            (true, None) => (name, Vec::new()),
            (false, _) => (name, points),
        })
        .collect();
    Curves { lines, relative }
}

/// `value − base` and, where `base` is not 0, the relative change.
pub fn difference(value: f64, base: f64) -> (f64, Option<f64>) {
    let delta = value - base;
    (delta, (base != 0.0).then(|| delta / base.abs()))
}

/// How a row's figures are shown, which fixes the precision of a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    Count,
    One,
    Money,
    /// A share (0–1), shown as a percentage; its changes in percentage points.
    Share,
    Seconds,
}

impl Show {
    /// The decimals a change is shown with (a share's in percentage points).
    pub fn decimals(self) -> i32 {
        match self {
            Show::Count => 0,
            Show::One | Show::Share | Show::Seconds => 1,
            Show::Money => 2,
        }
    }

    /// The amount of a change in the unit it is shown in.
    pub fn shown_amount(self, delta: f64) -> f64 {
        match self {
            Show::Share => delta * 100.0,
            _ => delta,
        }
    }
}

/// Which way a row's change is good news.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Better {
    Higher,
    Lower,
    /// An input, or a figure that is neither (occupancy, a count of agents).
    Neither,
}

/// A change from the first scenario judged good or bad.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Better,
    Worse,
}

/// The change from the first scenario's figure to another's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Change {
    /// Exactly the same.
    Same,
    /// Different, but by less than the row shows ("≈").
    Negligible,
    /// `delta` = value − base; `relative` = delta ÷ |base| (none for a base
    /// of 0); `factor` = value ÷ base where both are above 0.
    Changed {
        delta: f64,
        relative: Option<f64>,
        factor: Option<f64>,
        verdict: Option<Verdict>,
    },
}

impl Change {
    /// Whether the change is good or bad news (none for no real change).
    pub fn verdict(self) -> Option<Verdict> {
        match self {
            Change::Changed { verdict, .. } => verdict,
            Change::Same | Change::Negligible => None,
        }
    }
}

/// The change from `base` to `value` on a row shown as `show`, judged by
/// `better`; decided on the numbers, at the precision the row shows.
pub fn change(show: Show, better: Better, value: f64, base: f64) -> Change {
    let (delta, relative) = difference(value, base);
    if delta == 0.0 {
        return Change::Same;
    }
    let scale = 10f64.powi(show.decimals());
    if (show.shown_amount(delta).abs() * scale).round() == 0.0 {
        return Change::Negligible;
    }
    let verdict = match (better, delta > 0.0) {
        (Better::Neither, _) => None,
        (Better::Higher, true) | (Better::Lower, false) => Some(Verdict::Better),
        _ => Some(Verdict::Worse),
    };
    Change::Changed {
        delta,
        relative,
        // Not from a base that shows as 0 (×inf, ×1e300 say nothing).
        factor: (base > 0.0 && value > 0.0 && (show.shown_amount(base) * scale).round() != 0.0)
            .then(|| value / base)
            .filter(|f| f.is_finite()),
        verdict,
    }
}

/// The groups of rows of the comparison table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Inputs,
    Interval,
    Day,
    Shifts,
    Plan,
}

impl Group {
    pub const ALL: [Group; 5] = [
        Group::Inputs,
        Group::Interval,
        Group::Day,
        Group::Shifts,
        Group::Plan,
    ];

    /// Whether this group's figures for `c` are still being computed.
    pub fn pending(self, c: &Compared) -> bool {
        match self {
            Group::Inputs | Group::Interval => false,
            Group::Day => c.outcome.day_pending(),
            Group::Shifts => c.schedule.is_none(),
            Group::Plan => c.projection.is_none(),
        }
    }

    /// The figures of this group, one row each, in order.
    pub fn rows(self) -> &'static [Figure] {
        use Figure as F;
        use StaffingField as S;
        match self {
            Group::Inputs => &[
                F::Input(S::Volume),
                F::Input(S::VolumeScale),
                F::Input(S::Aht),
                // Issue 25, item 2: the AHT what-if beside the volume's.
                F::Input(S::AhtChange),
                F::Input(S::SlTarget),
                F::Input(S::SlSeconds),
                F::Input(S::Interval),
                F::Input(S::Shrinkage),
                F::Input(S::MaxOccupancy),
                F::Input(S::Patience),
                F::Input(S::CostPerHour),
            ],
            Group::Interval => &[
                F::RequiredAgents,
                F::ScheduledFte,
                F::ServiceLevel,
                F::Asa,
                F::Abandon,
                F::Occupancy,
                F::Cost,
            ],
            Group::Day => &[
                F::DayVolume,
                F::DayServiceLevel,
                F::PeakAgents,
                F::DayPaidHours,
                F::DayCost,
            ],
            Group::Shifts => &[
                F::ShiftPaidHours,
                F::ShiftAgents,
                F::ShiftOverRequirement,
                F::ShiftServiceLevel,
                F::ShiftCost,
            ],
            Group::Plan => &[
                F::PlanHires,
                F::PlanPeakFte,
                F::PlanTotalCost,
                F::PlanCostPerContact,
                F::PlanCostPerResolved,
            ],
        }
    }
}

/// A figure a row of the comparison table shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    /// One of the staffing inputs.
    Input(StaffingField),
    RequiredAgents,
    ScheduledFte,
    ServiceLevel,
    Asa,
    Abandon,
    Occupancy,
    Cost,
    DayVolume,
    DayServiceLevel,
    PeakAgents,
    DayPaidHours,
    DayCost,
    ShiftPaidHours,
    ShiftAgents,
    ShiftOverRequirement,
    ShiftServiceLevel,
    ShiftCost,
    PlanHires,
    PlanPeakFte,
    /// The plan's cost over its horizon.
    PlanTotalCost,
    PlanCostPerContact,
    PlanCostPerResolved,
}

impl Figure {
    /// How the figure is shown (which fixes the precision of a change).
    pub fn show(self) -> Show {
        use Figure as F;
        use StaffingField as S;
        match self {
            F::Input(S::SlTarget | S::Shrinkage | S::MaxOccupancy | S::VolumeScale) => Show::One,
            F::Input(S::CostPerHour) => Show::Money,
            F::Input(_) | F::RequiredAgents | F::DayVolume | F::PeakAgents => Show::Count,
            F::ShiftAgents | F::PlanHires => Show::Count,
            F::ScheduledFte | F::DayPaidHours | F::ShiftPaidHours | F::PlanPeakFte => Show::One,
            F::ServiceLevel | F::Abandon | F::Occupancy | F::DayServiceLevel => Show::Share,
            F::ShiftOverRequirement | F::ShiftServiceLevel => Show::Share,
            F::Asa => Show::Seconds,
            F::Cost | F::DayCost | F::ShiftCost => Show::Money,
            F::PlanTotalCost | F::PlanCostPerContact | F::PlanCostPerResolved => Show::Money,
        }
    }

    /// Which way a change of it is good news.
    pub fn better(self) -> Better {
        use Figure as F;
        match self {
            F::ServiceLevel | F::DayServiceLevel | F::ShiftServiceLevel => Better::Higher,
            F::Asa | F::Abandon | F::Cost | F::DayCost => Better::Lower,
            F::ShiftPaidHours | F::ShiftOverRequirement | F::ShiftCost => Better::Lower,
            F::PlanTotalCost | F::PlanCostPerContact | F::PlanCostPerResolved => Better::Lower,
            // Inputs, and figures that are neither (occupancy, counts of agents).
            _ => Better::Neither,
        }
    }

    /// This figure for `c`; `None` where it has none (yet).
    pub fn of(self, c: &Compared) -> Option<f64> {
        use Figure as F;
        let staffing = &c.inputs.staffing;
        let interval = c.outcome.interval.as_ref().ok();
        let metric = |f: fn(&ccplan_engine::staffing::Metrics) -> f64| {
            interval.and_then(|r| r.metrics.map(|m| f(&m)))
        };
        let day = c.outcome.day.ready().map(|d| d.totals);
        let summary = || {
            c.plan()
                .zip(c.capacity_inputs())
                .map(|(p, inputs)| p.plan.summary(&inputs))
        };
        match self {
            // Patience is an input of Erlang A only.
            F::Input(StaffingField::Patience) if staffing.model != ModelChoice::ErlangA => None,
            F::Input(field) => Some(field.get(staffing)),
            F::RequiredAgents => interval.map(|r| f64::from(r.required_agents)),
            F::ScheduledFte => interval.map(|r| r.scheduled_fte),
            F::ServiceLevel => metric(|m| m.service_level),
            F::Asa => metric(|m| m.asa_s),
            F::Abandon => metric(|m| m.p_abandon),
            F::Occupancy => metric(|m| m.occupancy),
            F::Cost => interval.map(|r| r.cost),
            F::DayVolume => day.map(|t| t.volume),
            F::DayServiceLevel => day.map(|t| t.service_level),
            F::PeakAgents => day.map(|t| t.peak_agents),
            F::DayPaidHours => day.map(|t| t.paid_hours),
            F::DayCost => day.and_then(|t| t.cost),
            F::ShiftPaidHours => c.shifts().map(|s| s.paid_hours),
            F::ShiftAgents => c.shifts().map(|s| s.schedule.heads as f64),
            F::ShiftOverRequirement => c.shifts().map(|s| s.over_pct() / 100.0),
            F::ShiftServiceLevel => c.shifts().map(|s| s.day_service_level),
            F::ShiftCost => c.shifts().map(|s| s.schedule.cost),
            F::PlanHires => summary().map(|s| s.total_hires),
            F::PlanPeakFte => summary().map(|s| s.peak_required_fte),
            F::PlanTotalCost => summary().map(|s| s.total_cost),
            F::PlanCostPerContact => summary().map(|s| s.cost_per_contact),
            F::PlanCostPerResolved => summary().map(|s| s.cost_per_resolved),
        }
    }
}

/// What one cell of the table holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell {
    /// The figure, and its change from the first scenario (none in the first column).
    Value(f64, Option<Change>),
    /// Still being computed in the worker.
    Pending,
    /// This scenario has no such figure (the engine refused, or it does not apply).
    Missing,
}

/// The cells of the row of `figure` (in `group`) for each compared scenario.
pub fn cells(group: Group, figure: Figure, list: &[Compared]) -> Vec<Cell> {
    let base = list.first().and_then(|c| figure.of(c));
    list.iter()
        .enumerate()
        .map(|(i, c)| match figure.of(c) {
            Some(value) => {
                let change = match (i, base) {
                    (0, _) | (_, None) => None,
                    (_, Some(base)) => Some(change(figure.show(), figure.better(), value, base)),
                };
                Cell::Value(value, change)
            }
            None if group.pending(c) => Cell::Pending,
            None => Cell::Missing,
        })
        .collect()
}

#[cfg(test)]
mod compare_tests {
    use super::*;

    #[test]
    fn compared_scenarios_and_differences() {
        let mut busier = Inputs::default();
        busier.staffing.volume = 300.0;
        let list = compare(&[
            ("Base".into(), Inputs::default()),
            ("Busier".into(), busier),
        ]);
        let agents = |c: &Compared| c.outcome.interval.as_ref().unwrap().required_agents;
        assert!(agents(&list[1]) > agents(&list[0]));
        assert_eq!(difference(12.0, 10.0), (2.0, Some(0.2)));
        assert_eq!(difference(3.0, 0.0), (3.0, None));
    }

    #[test]
    fn rows_are_shown_and_judged_as_before() {
        use Better::*;
        let of = |f: Figure| (f.show(), f.better());
        assert_eq!(
            of(Figure::Input(StaffingField::Volume)),
            (Show::Count, Neither)
        );
        assert_eq!(
            of(Figure::Input(StaffingField::SlTarget)),
            (Show::One, Neither)
        );
        assert_eq!(
            of(Figure::Input(StaffingField::CostPerHour)),
            (Show::Money, Neither)
        );
        assert_eq!(of(Figure::ServiceLevel), (Show::Share, Higher));
        assert_eq!(of(Figure::Asa), (Show::Seconds, Lower));
        assert_eq!(of(Figure::Occupancy), (Show::Share, Neither));
        assert_eq!(of(Figure::PeakAgents), (Show::Count, Neither));
        assert_eq!(of(Figure::ShiftPaidHours), (Show::One, Lower));
        assert_eq!(of(Figure::ShiftOverRequirement), (Show::Share, Lower));
        assert_eq!(of(Figure::PlanPeakFte), (Show::One, Neither));
        assert_eq!(of(Figure::PlanCostPerResolved), (Show::Money, Lower));
        let rows: usize = Group::ALL.iter().map(|g| g.rows().len()).sum();
        // 33: the AHT what-if's input row (issue 25, item 2).
        assert_eq!(rows, 33);
    }

    #[test]
    fn a_change_is_judged_on_numbers_at_the_row_precision() {
        use Better::*;
        assert_eq!(change(Show::Count, Neither, 200.0, 200.0), Change::Same);
        // Below the shown precision: "≈" in every language, never "+0.0 pp".
        assert_eq!(
            change(Show::Share, Higher, 0.8000001, 0.8),
            Change::Negligible
        );
        assert_eq!(change(Show::Share, Higher, 0.8004, 0.8), Change::Negligible);
        assert_eq!(change(Show::Money, Lower, 10.001, 10.0), Change::Negligible);
        assert_eq!(change(Show::Seconds, Lower, 8.64, 8.6), Change::Negligible);
        let changed = |show, better, value, base| match change(show, better, value, base) {
            Change::Changed { verdict, .. } => verdict,
            other => panic!("{other:?}"),
        };
        // 0.06 pp shows as 0.1 pp: a change, and it is judged.
        assert_eq!(
            changed(Show::Share, Higher, 0.8006, 0.8),
            Some(Verdict::Better)
        );
        assert_eq!(changed(Show::Share, Lower, 0.9, 0.8), Some(Verdict::Worse));
        assert_eq!(
            changed(Show::Money, Lower, 9.0, 10.0),
            Some(Verdict::Better)
        );
        assert_eq!(changed(Show::Count, Neither, 201.0, 200.0), None);
    }

    #[test]
    fn choices_read_back_and_drop_what_is_gone() {
        for choice in [
            Choice::Current,
            Choice::Example,
            Choice::Saved("Base s:1".into()),
        ] {
            assert_eq!(Choice::from_id(&choice.id()), Some(choice));
        }
        assert_eq!(Choice::from_id("nonsense"), None);
        let stored: Vec<String> = [
            "current", "s:Gone", "s:Base", "current", "example", "s:Peak", "s:More",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            available(&stored, &["Base", "Peak", "More"]),
            vec![
                Choice::Current,
                Choice::Saved("Base".into()),
                Choice::Example,
                Choice::Saved("Peak".into()),
            ]
        );
    }

    #[test]
    fn cells_say_what_is_being_computed_and_what_is_missing() {
        let list = compare(&[
            ("Base".into(), Inputs::default()),
            ("Other".into(), Inputs::default()),
        ]);
        // No shifts and no plan yet: being computed, not missing.
        for group in [Group::Shifts, Group::Plan] {
            for figure in group.rows() {
                assert_eq!(cells(group, *figure, &list), vec![Cell::Pending; 2]);
            }
        }
        // Patience is an input of Erlang A only: missing under Erlang C.
        let patience = Figure::Input(StaffingField::Patience);
        assert!(Group::Inputs.rows().contains(&patience));
        assert_eq!(
            cells(Group::Inputs, patience, &list),
            vec![Cell::Missing; 2]
        );
        let volume = Group::Inputs.rows()[0];
        assert_eq!(
            cells(Group::Inputs, volume, &list),
            vec![
                Cell::Value(200.0, None),
                Cell::Value(200.0, Some(Change::Same))
            ]
        );
    }

    #[test]
    fn curves_share_an_axis_of_agents_unless_their_ranges_do_not_meet() {
        let mut busier = Inputs::default();
        busier.staffing.volume = 300.0;
        let near = curves(&compare(&[
            ("Base".into(), Inputs::default()),
            ("Busier".into(), busier),
        ]));
        assert!(!near.relative);
        assert!(near.lines[0].1.iter().any(|p| p.0 == 40.0));

        let mut huge = Inputs::default();
        huge.staffing.volume = 5000.0;
        let apart = compare(&[("Base".into(), Inputs::default()), ("Huge".into(), huge)]);
        let required: Vec<f64> = apart
            .iter()
            .map(|c| f64::from(c.outcome.interval.as_ref().unwrap().required_agents))
            .collect();
        let drawn = curves(&apart);
        assert!(drawn.relative);
        for ((_, points), (c, required)) in drawn.lines.iter().zip(apart.iter().zip(required)) {
            // Each curve keeps its points and service levels, shifted by its requirement.
            let stable = c
                .outcome
                .curve
                .iter()
                .filter(|p| p.metrics.is_some())
                .count();
            assert_eq!(points.len(), stable);
            let at_requirement = points.iter().find(|p| p.0 == 0.0).unwrap().1;
            let own = c
                .outcome
                .curve
                .iter()
                .find(|p| f64::from(p.agents) == required)
                .unwrap();
            assert_eq!(at_requirement, own.metrics.unwrap().service_level * 100.0);
        }
    }
}
