//! The balanced scorecard: four perspectives (Customer, Operations,
//! Finance, People), each KPI with a target, its value month by month and a
//! red / amber / green status.
//!
//! KPIs are named by [`KpiId`] (serialised as `"csat"`, `"service_level"`, …)
//! and described by one table, [`KPIS`]: perspective, direction, source,
//! unit and [`TargetRule`]. KPIs the capacity plan computes are marked [`Source::Computed`]; those it
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
use std::fmt;
use std::str::FromStr;

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

/// The identity of a KPI. Serialised as its snake-case name (`"csat"`,
/// `"service_level"`, …): the keys of saved targets and entered values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KpiId {
    Csat,
    Nps,
    Ces,
    Fcr,
    ServiceLevel,
    AnswerRate,
    Abandon,
    Asa,
    Occupancy,
    SelfService,
    RequiredFte,
    AvailableFte,
    CostPerContact,
    CostPerResolved,
    TotalCost,
    Attrition,
    Attendance,
    TrainingCompletion,
    Esat,
}

impl KpiId {
    /// Every KPI, in display order (the order of [`KPIS`]).
    pub const ALL: [KpiId; 19] = [
        KpiId::Csat,
        KpiId::Nps,
        KpiId::Ces,
        KpiId::Fcr,
        KpiId::ServiceLevel,
        KpiId::AnswerRate,
        KpiId::Abandon,
        KpiId::Asa,
        KpiId::Occupancy,
        KpiId::SelfService,
        KpiId::RequiredFte,
        KpiId::AvailableFte,
        KpiId::CostPerContact,
        KpiId::CostPerResolved,
        KpiId::TotalCost,
        KpiId::Attrition,
        KpiId::Attendance,
        KpiId::TrainingCompletion,
        KpiId::Esat,
    ];

    /// The stable name (as serialised; `data-kpi` in the app).
    ///
    /// ```
    /// use ccplan_engine::scorecard::KpiId;
    /// assert_eq!(KpiId::ServiceLevel.as_str(), "service_level");
    /// assert_eq!(KpiId::from_str_id("service_level"), Some(KpiId::ServiceLevel));
    /// assert_eq!("abandon".parse::<KpiId>(), Ok(KpiId::Abandon));
    /// assert_eq!(KpiId::from_str_id("happiness"), None);
    /// ```
    pub const fn as_str(self) -> &'static str {
        KPIS[self as usize].name
    }

    /// The KPI whose stable name is `name` (exactly; `None` for any other text).
    pub fn from_str_id(name: &str) -> Option<KpiId> {
        KpiId::ALL.into_iter().find(|id| id.as_str() == name)
    }
}

impl fmt::Display for KpiId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Text that names no KPI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownKpiId;

impl fmt::Display for UnknownKpiId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown KPI id")
    }
}

impl std::error::Error for UnknownKpiId {}

impl FromStr for KpiId {
    type Err = UnknownKpiId;

    fn from_str(name: &str) -> Result<KpiId, UnknownKpiId> {
        KpiId::from_str_id(name).ok_or(UnknownKpiId)
    }
}

/// What a KPI's values are judged against.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TargetRule {
    /// A target the planner may change; this is its default.
    Editable(f64),
    /// No target and no status (the requirement itself).
    None,
    /// The staff available, judged month by month against the requirement.
    Requirement,
    /// The monthly budget, when one is set.
    Budget,
}

/// One KPI of the scorecard.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Kpi {
    pub id: KpiId,
    /// Stable name, as [`KpiId::as_str`].
    pub name: &'static str,
    pub perspective: Perspective,
    pub direction: Direction,
    pub source: Source,
    pub unit: Unit,
    pub target: TargetRule,
}

impl Kpi {
    /// Whether the planner sets this KPI's target.
    pub fn has_editable_target(&self) -> bool {
        matches!(self.target, TargetRule::Editable(_))
    }

    /// The default of an editable target (`None` for the other rules).
    pub fn default_target(&self) -> Option<f64> {
        match self.target {
            TargetRule::Editable(default) => Some(default),
            TargetRule::None | TargetRule::Requirement | TargetRule::Budget => None,
        }
    }

    /// Whether its values are entered by the planner (the model cannot compute them).
    pub fn is_entered(&self) -> bool {
        self.source == Source::Input
    }
}

const fn kpi_row(
    id: KpiId,
    name: &'static str,
    (perspective, direction): (Perspective, Direction),
    source: Source,
    unit: Unit,
    target: TargetRule,
) -> Kpi {
    Kpi {
        id,
        name,
        perspective,
        direction,
        source,
        unit,
        target,
    }
}

use Direction::{AtLeast, AtMost};
use Perspective::{Customer, Finance, Operations, People};
use Source::{Assumption, Computed, Input};
use TargetRule::Editable;

/// Every KPI, in display order, indexed by `KpiId as usize`. Default
/// targets come from the industry planning documents.
pub const KPIS: [Kpi; 19] = [
    kpi_row(
        KpiId::Csat,
        "csat",
        (Customer, AtLeast),
        Input,
        Unit::Share,
        Editable(0.85),
    ),
    kpi_row(
        KpiId::Nps,
        "nps",
        (Customer, AtLeast),
        Input,
        Unit::Number,
        Editable(50.0),
    ),
    kpi_row(
        KpiId::Ces,
        "ces",
        (Customer, AtLeast),
        Input,
        Unit::Share,
        Editable(0.70),
    ),
    kpi_row(
        KpiId::Fcr,
        "fcr",
        (Customer, AtLeast),
        Assumption,
        Unit::Share,
        Editable(0.70),
    ),
    kpi_row(
        KpiId::ServiceLevel,
        "service_level",
        (Operations, AtLeast),
        Computed,
        Unit::Share,
        Editable(0.80),
    ),
    kpi_row(
        KpiId::AnswerRate,
        "answer_rate",
        (Operations, AtLeast),
        Computed,
        Unit::Share,
        Editable(0.90),
    ),
    kpi_row(
        KpiId::Abandon,
        "abandon",
        (Operations, AtMost),
        Computed,
        Unit::Share,
        Editable(0.08),
    ),
    kpi_row(
        KpiId::Asa,
        "asa",
        (Operations, AtMost),
        Computed,
        Unit::Seconds,
        Editable(60.0),
    ),
    kpi_row(
        KpiId::Occupancy,
        "occupancy",
        (Operations, AtMost),
        Computed,
        Unit::Share,
        Editable(0.80),
    ),
    kpi_row(
        KpiId::SelfService,
        "self_service",
        (Operations, AtLeast),
        Assumption,
        Unit::Share,
        Editable(0.40),
    ),
    kpi_row(
        KpiId::RequiredFte,
        "required_fte",
        (Operations, AtMost),
        Computed,
        Unit::Fte,
        TargetRule::None,
    ),
    kpi_row(
        KpiId::AvailableFte,
        "available_fte",
        (Operations, AtLeast),
        Computed,
        Unit::Fte,
        TargetRule::Requirement,
    ),
    kpi_row(
        KpiId::CostPerContact,
        "cost_per_contact",
        (Finance, AtMost),
        Computed,
        Unit::Money,
        Editable(4.2),
    ),
    kpi_row(
        KpiId::CostPerResolved,
        "cost_per_resolved",
        (Finance, AtMost),
        Computed,
        Unit::Money,
        TargetRule::None,
    ),
    kpi_row(
        KpiId::TotalCost,
        "total_cost",
        (Finance, AtMost),
        Computed,
        Unit::Money,
        TargetRule::Budget,
    ),
    kpi_row(
        KpiId::Attrition,
        "attrition",
        (People, AtMost),
        Computed,
        Unit::Share,
        Editable(0.15),
    ),
    kpi_row(
        KpiId::Attendance,
        "attendance",
        (People, AtLeast),
        Input,
        Unit::Share,
        Editable(0.95),
    ),
    kpi_row(
        KpiId::TrainingCompletion,
        "training_completion",
        (People, AtLeast),
        Input,
        Unit::Share,
        Editable(1.0),
    ),
    kpi_row(
        KpiId::Esat,
        "esat",
        (People, AtLeast),
        Input,
        Unit::Share,
        Editable(0.80),
    ),
];

/// The KPI `id`.
pub const fn kpi(id: KpiId) -> &'static Kpi {
    &KPIS[id as usize]
}

/// What the planner sets for the scorecard: target overrides and the values
/// of the KPIs the model cannot compute (by KPI id; shares as fractions).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ScorecardInputs {
    pub targets: BTreeMap<KpiId, f64>,
    pub entered: BTreeMap<KpiId, f64>,
    /// Monthly budget, for the status of `total_cost` (none: no status).
    pub monthly_budget: Option<f64>,
    /// Amber margin as a share of the target (0.05 when absent).
    pub amber_margin: Option<f64>,
}

/// One row of the scorecard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KpiRow {
    pub kpi: KpiId,
    pub perspective: Perspective,
    pub source: Source,
    pub unit: Unit,
    pub direction: Direction,
    /// `None` for a KPI without a target (no status either).
    pub target: Option<f64>,
    /// Per month; `None` where not available (an input left empty; ASA,
    /// answer rate and abandonment of an unstable month).
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
                    KpiId::ServiceLevel => Some(m.service_level),
                    // A month whose queue cannot keep up (Erlang C: no ASA)
                    // answers nobody in time; its answer rate and abandonment
                    // are not known, never a green 100 % and 0 %.
                    KpiId::AnswerRate => m.asa_s.map(|_| 1.0 - m.p_abandon),
                    KpiId::Abandon => m.asa_s.map(|_| m.p_abandon),
                    KpiId::Asa => m.asa_s,
                    KpiId::Occupancy => Some(m.occupancy),
                    KpiId::RequiredFte => Some(m.required_fte),
                    KpiId::AvailableFte => Some(m.available_fte),
                    KpiId::CostPerContact => Some(m.cost_per_contact),
                    KpiId::CostPerResolved => Some(m.cost_per_resolved),
                    KpiId::TotalCost => Some(m.total_cost),
                    KpiId::Fcr => Some(assumptions.fcr),
                    KpiId::SelfService => Some(assumptions.deflection),
                    KpiId::Attrition if m.headcount > 0.0 => {
                        Some(1.0 - (1.0 - m.leavers / m.headcount).powi(12))
                    }
                    KpiId::Attrition => None,
                    KpiId::Csat
                    | KpiId::Nps
                    | KpiId::Ces
                    | KpiId::Attendance
                    | KpiId::TrainingCompletion
                    | KpiId::Esat => inputs
                        .entered
                        .get(&kpi.id)
                        .copied()
                        .filter(|v| v.is_finite()),
                })
                .collect();
            let target = match kpi.target {
                TargetRule::Editable(default) => Some(
                    inputs
                        .targets
                        .get(&kpi.id)
                        .copied()
                        .filter(|t| t.is_finite())
                        .unwrap_or(default),
                ),
                TargetRule::None | TargetRule::Requirement => None,
                TargetRule::Budget => inputs.monthly_budget,
            };
            let statuses = values
                .iter()
                .zip(&plan.months)
                .map(|(value, month)| match (kpi.target, value, target) {
                    (TargetRule::Requirement, Some(v), _) => {
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
        inputs.entered.insert(KpiId::Csat, 0.83);
        let rows = scorecard(&flat(), &plan, &inputs);
        let fcr = rows.iter().find(|r| r.kpi == KpiId::Fcr).unwrap();
        assert_eq!(
            (fcr.source, fcr.values[0]),
            (Source::Assumption, Some(0.75))
        );
        let attrition = rows.iter().find(|r| r.kpi == KpiId::Attrition).unwrap();
        assert_eq!(attrition.values[0], Some(0.0));
        assert_eq!(rows.len(), KPIS.len());
        let sl = rows.iter().find(|r| r.kpi == KpiId::ServiceLevel).unwrap();
        assert_eq!(sl.source, Source::Computed);
        assert_eq!(sl.values[0], Some(plan.months[0].service_level));
        assert_eq!(sl.values.len(), 12);
        let csat = rows.iter().find(|r| r.kpi == KpiId::Csat).unwrap();
        assert_eq!(
            (csat.source, csat.values[3], csat.statuses[3]),
            (Source::Input, Some(0.83), Some(Status::Amber))
        );
        let nps = rows.iter().find(|r| r.kpi == KpiId::Nps).unwrap();
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
        let attrition = rows.iter().find(|r| r.kpi == KpiId::Attrition).unwrap();
        // 2 % a month is 21.5 % a year: above the 15 % target by more than the margin.
        assert!((attrition.values[0].unwrap() - (1.0 - 0.98f64.powi(12))).abs() < 1e-12);
        assert_eq!(attrition.statuses[0], Some(Status::Red));
        let available = rows.iter().find(|r| r.kpi == KpiId::AvailableFte).unwrap();
        assert_eq!(available.statuses[0], Some(Status::Red));
        let sl = rows.iter().find(|r| r.kpi == KpiId::ServiceLevel).unwrap();
        assert_eq!(sl.statuses[0], Some(Status::Red));
    }

    #[test]
    fn an_unstable_month_shows_no_answer_rate_or_abandonment() {
        // One agent for the flat plan's load: Erlang C cannot keep up.
        let assumptions = CapacityInputs {
            start_headcount: 1.0,
            ..flat()
        };
        let plan = plan_capacity(&assumptions).unwrap();
        assert_eq!(plan.months[0].asa_s, None);
        let rows = scorecard(&assumptions, &plan, &ScorecardInputs::default());
        for id in [KpiId::AnswerRate, KpiId::Abandon, KpiId::Asa] {
            let row = rows.iter().find(|r| r.kpi == id).unwrap();
            assert_eq!((row.values[0], row.statuses[0]), (None, None), "{id:?}");
        }
        let sl = rows.iter().find(|r| r.kpi == KpiId::ServiceLevel).unwrap();
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
        inputs.targets.insert(KpiId::Abandon, 0.0);
        let rows = scorecard(&flat(), &plan, &inputs);
        let total = rows.iter().find(|r| r.kpi == KpiId::TotalCost).unwrap();
        assert_eq!(total.statuses[0], Some(Status::Amber));
        let abandon = rows.iter().find(|r| r.kpi == KpiId::Abandon).unwrap();
        assert_eq!(abandon.target, Some(0.0));
        assert_eq!(
            abandon.statuses[0],
            Some(Status::Green),
            "Erlang C: nobody abandons"
        );
    }

    #[test]
    fn the_table_is_indexed_by_id_and_ids_keep_their_stored_names() {
        for (index, id) in KpiId::ALL.into_iter().enumerate() {
            assert_eq!(KPIS[index].id, id);
            assert_eq!(kpi(id).id, id);
            let json = serde_json::to_string(&id).unwrap();
            assert_eq!(json, format!("\"{}\"", id.as_str()));
            assert_eq!(KpiId::from_str_id(id.as_str()), Some(id));
            assert_eq!(id.as_str().parse::<KpiId>(), Ok(id));
            assert_eq!(id.to_string(), id.as_str());
        }
        let names: Vec<&str> = KpiId::ALL.iter().map(|id| id.as_str()).collect();
        assert_eq!(
            names,
            [
                "csat",
                "nps",
                "ces",
                "fcr",
                "service_level",
                "answer_rate",
                "abandon",
                "asa",
                "occupancy",
                "self_service",
                "required_fte",
                "available_fte",
                "cost_per_contact",
                "cost_per_resolved",
                "total_cost",
                "attrition",
                "attendance",
                "training_completion",
                "esat",
            ]
        );
        assert_eq!(KpiId::from_str_id("Abandon"), None);
        assert_eq!("".parse::<KpiId>(), Err(UnknownKpiId));
        let map = BTreeMap::from([(KpiId::Abandon, 0.07), (KpiId::CostPerContact, 7.0)]);
        let json = serde_json::to_string(&map).unwrap();
        assert_eq!(json, r#"{"abandon":0.07,"cost_per_contact":7.0}"#);
        assert_eq!(
            serde_json::from_str::<BTreeMap<KpiId, f64>>(&json).unwrap(),
            map
        );
        assert!(serde_json::from_str::<BTreeMap<KpiId, f64>>(r#"{"happiness":1}"#).is_err());
        let editable: Vec<&str> = KPIS
            .iter()
            .filter(|k| !k.has_editable_target())
            .map(|k| k.name)
            .collect();
        assert_eq!(
            editable,
            [
                "required_fte",
                "available_fte",
                "cost_per_resolved",
                "total_cost"
            ]
        );
        assert_eq!(KPIS.iter().filter(|k| k.is_entered()).count(), 6);
    }

    #[test]
    fn default_targets_are_the_planning_documents_values() {
        let defaults: Vec<(KpiId, Option<f64>)> =
            KPIS.iter().map(|k| (k.id, k.default_target())).collect();
        assert_eq!(
            defaults,
            [
                (KpiId::Csat, Some(0.85)),
                (KpiId::Nps, Some(50.0)),
                (KpiId::Ces, Some(0.70)),
                (KpiId::Fcr, Some(0.70)),
                (KpiId::ServiceLevel, Some(0.80)),
                (KpiId::AnswerRate, Some(0.90)),
                (KpiId::Abandon, Some(0.08)),
                (KpiId::Asa, Some(60.0)),
                (KpiId::Occupancy, Some(0.80)),
                (KpiId::SelfService, Some(0.40)),
                (KpiId::RequiredFte, None),
                (KpiId::AvailableFte, None),
                (KpiId::CostPerContact, Some(4.2)),
                (KpiId::CostPerResolved, None),
                (KpiId::TotalCost, None),
                (KpiId::Attrition, Some(0.15)),
                (KpiId::Attendance, Some(0.95)),
                (KpiId::TrainingCompletion, Some(1.0)),
                (KpiId::Esat, Some(0.80)),
            ]
        );
        for k in &KPIS {
            assert_eq!(k.has_editable_target(), k.default_target().is_some());
        }
        assert_eq!(kpi(KpiId::AvailableFte).target, TargetRule::Requirement);
        assert_eq!(kpi(KpiId::TotalCost).target, TargetRule::Budget);
        assert_eq!(kpi(KpiId::RequiredFte).target, TargetRule::None);
    }

    #[test]
    fn rag_edges() {
        assert_eq!(status(60.0, 60.0, Direction::AtMost, 0.05), Status::Green);
        assert_eq!(status(63.0, 60.0, Direction::AtMost, 0.05), Status::Amber);
        assert_eq!(status(63.1, 60.0, Direction::AtMost, 0.05), Status::Red);
    }
}
