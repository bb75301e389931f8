//! The balanced scorecard: four perspectives (Customer, Operations,
//! Finance, People), each KPI with a target, its value month by month and a
//! red / amber / green status.
//!
//! KPIs the capacity plan computes are marked [`Source::Computed`]; those it
//! cannot (CSAT, NPS, ESAT, …) are [`Source::Input`]: the value the planner
//! entered, shown against its target, never presented as computed. Default
//! targets come from the industry planning documents the product was
//! commissioned from.
//!
//! Status: green when the target is met; amber when missed by no more than
//! the amber margin (5 % of the target by default); red beyond that.

use crate::capacity::{CapacityInputs, CapacityPlan};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Perspective {
    Customer,
    Operations,
    Finance,
    People,
}

/// Which way is good.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    AtLeast,
    AtMost,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Computed by the capacity plan.
    Computed,
    /// A planning assumption the plan is built on (FCR, self-service).
    Assumption,
    /// Entered by the planner; the model does not compute it.
    Input,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Green,
    Amber,
    Red,
}

/// How a value is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A share, shown as a percentage.
    Share,
    Seconds,
    /// A count of full-time equivalents.
    Fte,
    /// Currency units.
    Money,
    /// A plain number (NPS).
    Number,
}

/// One KPI of the scorecard.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Kpi {
    /// Stable identifier (`data-kpi` in the app, keys of targets).
    pub id: &'static str,
    pub perspective: Perspective,
    pub direction: Direction,
    pub source: Source,
    pub unit: Unit,
    pub default_target: f64,
}

const fn kpi(
    id: &'static str,
    perspective: Perspective,
    direction: Direction,
    source: Source,
    unit: Unit,
    default_target: f64,
) -> Kpi {
    Kpi {
        id,
        perspective,
        direction,
        source,
        unit,
        default_target,
    }
}

use Direction::{AtLeast, AtMost};
use Perspective::{Customer, Finance, Operations, People};
use Source::{Assumption, Computed, Input};

/// Every KPI, in display order. `required_fte` has no target of its own:
/// its status compares the available staff with it.
pub const KPIS: [Kpi; 18] = [
    kpi("csat", Customer, AtLeast, Input, Unit::Share, 0.85),
    kpi("nps", Customer, AtLeast, Input, Unit::Number, 50.0),
    kpi("ces", Customer, AtLeast, Input, Unit::Share, 0.70),
    kpi("fcr", Customer, AtLeast, Assumption, Unit::Share, 0.70),
    kpi(
        "service_level",
        Operations,
        AtLeast,
        Computed,
        Unit::Share,
        0.80,
    ),
    kpi(
        "answer_rate",
        Operations,
        AtLeast,
        Computed,
        Unit::Share,
        0.90,
    ),
    kpi("abandon", Operations, AtMost, Computed, Unit::Share, 0.08),
    kpi("asa", Operations, AtMost, Computed, Unit::Seconds, 60.0),
    kpi("occupancy", Operations, AtMost, Computed, Unit::Share, 0.80),
    kpi(
        "self_service",
        Operations,
        AtLeast,
        Assumption,
        Unit::Share,
        0.40,
    ),
    kpi("required_fte", Operations, AtMost, Computed, Unit::Fte, 0.0),
    kpi(
        "available_fte",
        Operations,
        AtLeast,
        Computed,
        Unit::Fte,
        0.0,
    ),
    kpi(
        "cost_per_contact",
        Finance,
        AtMost,
        Computed,
        Unit::Money,
        4.2,
    ),
    kpi("total_cost", Finance, AtMost, Computed, Unit::Money, 0.0),
    kpi("attrition", People, AtMost, Computed, Unit::Share, 0.15),
    kpi("attendance", People, AtLeast, Input, Unit::Share, 0.95),
    kpi(
        "training_completion",
        People,
        AtLeast,
        Input,
        Unit::Share,
        1.0,
    ),
    kpi("esat", People, AtLeast, Input, Unit::Share, 0.80),
];

/// The KPI with identifier `id`.
pub fn kpi_by_id(id: &str) -> Option<&'static Kpi> {
    KPIS.iter().find(|k| k.id == id)
}

/// What the planner sets for the scorecard: target overrides and the values
/// of the KPIs the model cannot compute (by KPI id; shares as fractions).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ScorecardInputs {
    pub targets: BTreeMap<String, f64>,
    pub entered: BTreeMap<String, f64>,
    /// Monthly budget, for the status of `total_cost` (none: no status).
    pub monthly_budget: Option<f64>,
    /// Amber margin as a share of the target (0.05 when absent).
    pub amber_margin: Option<f64>,
}

/// One row of the scorecard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KpiRow {
    pub kpi: &'static str,
    pub perspective: Perspective,
    pub source: Source,
    pub unit: Unit,
    pub direction: Direction,
    /// `None` for a KPI without a target (no status either).
    pub target: Option<f64>,
    /// Per month; `None` where not available (an input left empty, ASA of an unstable month).
    pub values: Vec<Option<f64>>,
    pub statuses: Vec<Option<Status>>,
}

/// Red / amber / green of `value` against `target`.
///
/// ```
/// use ccplan_engine::scorecard::{status, Direction, Status};
/// assert_eq!(status(0.81, 0.80, Direction::AtLeast, 0.05), Status::Green);
/// assert_eq!(status(0.77, 0.80, Direction::AtLeast, 0.05), Status::Amber);
/// assert_eq!(status(0.70, 0.80, Direction::AtLeast, 0.05), Status::Red);
/// ```
pub fn status(value: f64, target: f64, direction: Direction, amber_margin: f64) -> Status {
    let margin = target.abs() * amber_margin;
    let shortfall = match direction {
        Direction::AtLeast => target - value,
        Direction::AtMost => value - target,
    };
    if shortfall <= 0.0 {
        Status::Green
    } else if shortfall <= margin {
        Status::Amber
    } else {
        Status::Red
    }
}

/// The scorecard of a capacity plan made from `assumptions`. FCR and
/// self-service are the plan's own assumptions (inputs); attrition is the
/// plan's monthly leavers over headcount, annualised: `1 − (1 − leavers/headcount)^12`.
pub fn scorecard(
    assumptions: &CapacityInputs,
    plan: &CapacityPlan,
    inputs: &ScorecardInputs,
) -> Vec<KpiRow> {
    let margin = inputs.amber_margin.unwrap_or(0.05).clamp(0.0, 1.0);
    KPIS.iter()
        .map(|kpi| {
            let values: Vec<Option<f64>> = plan
                .months
                .iter()
                .map(|m| match kpi.id {
                    "service_level" => Some(m.service_level),
                    "answer_rate" => Some(1.0 - m.p_abandon),
                    "abandon" => Some(m.p_abandon),
                    "asa" => m.asa_s,
                    "occupancy" => Some(m.occupancy),
                    "required_fte" => Some(m.required_fte),
                    "available_fte" => Some(m.available_fte),
                    "cost_per_contact" => Some(m.cost_per_contact),
                    "total_cost" => Some(m.total_cost),
                    "fcr" => Some(assumptions.fcr),
                    "self_service" => Some(assumptions.deflection),
                    "attrition" if m.headcount > 0.0 => {
                        Some(1.0 - (1.0 - m.leavers / m.headcount).powi(12))
                    }
                    "attrition" => None,
                    other => inputs.entered.get(other).copied().filter(|v| v.is_finite()),
                })
                .collect();
            let target = match kpi.id {
                "required_fte" => None,
                // Staffing is judged against the requirement, month by month.
                "available_fte" => None,
                "total_cost" => inputs.monthly_budget,
                id => Some(
                    inputs
                        .targets
                        .get(id)
                        .copied()
                        .filter(|t| t.is_finite())
                        .unwrap_or(kpi.default_target),
                ),
            };
            let statuses = values
                .iter()
                .zip(&plan.months)
                .map(|(value, month)| match (kpi.id, value, target) {
                    ("available_fte", Some(v), _) => {
                        Some(status(*v, month.required_fte, Direction::AtLeast, margin))
                    }
                    (_, Some(v), Some(t)) => Some(status(*v, t, kpi.direction, margin)),
                    _ => None,
                })
                .collect();
            KpiRow {
                kpi: kpi.id,
                perspective: kpi.perspective,
                source: kpi.source,
                unit: kpi.unit,
                direction: kpi.direction,
                target,
                values,
                statuses,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capacity::{plan_capacity, tests::flat, CapacityInputs};

    #[test]
    fn computed_kpis_come_from_the_plan_and_inputs_stay_inputs() {
        let plan = plan_capacity(&flat()).unwrap();
        let mut inputs = ScorecardInputs::default();
        inputs.entered.insert("csat".into(), 0.83);
        let rows = scorecard(&flat(), &plan, &inputs);
        let fcr = rows.iter().find(|r| r.kpi == "fcr").unwrap();
        assert_eq!(
            (fcr.source, fcr.values[0]),
            (Source::Assumption, Some(0.75))
        );
        let attrition = rows.iter().find(|r| r.kpi == "attrition").unwrap();
        assert_eq!(attrition.values[0], Some(0.0));
        assert_eq!(rows.len(), KPIS.len());
        let sl = rows.iter().find(|r| r.kpi == "service_level").unwrap();
        assert_eq!(sl.source, Source::Computed);
        assert_eq!(sl.values[0], Some(plan.months[0].service_level));
        assert_eq!(sl.values.len(), 12);
        let csat = rows.iter().find(|r| r.kpi == "csat").unwrap();
        assert_eq!(
            (csat.source, csat.values[3], csat.statuses[3]),
            (Source::Input, Some(0.83), Some(Status::Amber))
        );
        let nps = rows.iter().find(|r| r.kpi == "nps").unwrap();
        assert_eq!((nps.values[0], nps.statuses[0]), (None, None));
    }

    #[test]
    fn staffing_status_compares_available_with_required() {
        let assumptions = CapacityInputs {
            start_headcount: 10.0,
            attrition_per_month: 0.02,
            ..flat()
        };
        let short = plan_capacity(&assumptions).unwrap();
        let rows = scorecard(&assumptions, &short, &ScorecardInputs::default());
        let attrition = rows.iter().find(|r| r.kpi == "attrition").unwrap();
        // 2 % a month is 21.5 % a year: above the 15 % target by more than the margin.
        assert!((attrition.values[0].unwrap() - (1.0 - 0.98f64.powi(12))).abs() < 1e-12);
        assert_eq!(attrition.statuses[0], Some(Status::Red));
        let available = rows.iter().find(|r| r.kpi == "available_fte").unwrap();
        assert_eq!(available.statuses[0], Some(Status::Red));
        let sl = rows.iter().find(|r| r.kpi == "service_level").unwrap();
        assert_eq!(sl.statuses[0], Some(Status::Red));
    }

    #[test]
    fn targets_can_be_overridden_and_budget_sets_the_cost_status() {
        let plan = plan_capacity(&flat()).unwrap();
        let cost = plan.months[0].total_cost;
        let mut inputs = ScorecardInputs {
            monthly_budget: Some(cost * 0.97),
            ..Default::default()
        };
        inputs.targets.insert("abandon".into(), 0.0);
        let rows = scorecard(&flat(), &plan, &inputs);
        let total = rows.iter().find(|r| r.kpi == "total_cost").unwrap();
        assert_eq!(total.statuses[0], Some(Status::Amber));
        let abandon = rows.iter().find(|r| r.kpi == "abandon").unwrap();
        assert_eq!(abandon.target, Some(0.0));
        assert_eq!(
            abandon.statuses[0],
            Some(Status::Green),
            "Erlang C: nobody abandons"
        );
    }

    #[test]
    fn rag_edges() {
        assert_eq!(status(60.0, 60.0, Direction::AtMost, 0.05), Status::Green);
        assert_eq!(status(63.0, 60.0, Direction::AtMost, 0.05), Status::Amber);
        assert_eq!(status(63.1, 60.0, Direction::AtMost, 0.05), Status::Red);
    }
}
