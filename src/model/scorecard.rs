//! The scorecard page's settings and the 12-to-36-month projection made
//! from them together with the staffing page's inputs: the engine's
//! capacity plan and balanced scorecard.

use ccplan_engine::capacity::{plan_capacity, CapacityInputs, CapacityPlan, Hiring, Month};
use ccplan_engine::scorecard::{kpi, scorecard, KpiId, KpiRow, ScorecardInputs};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::model::fields::ScorecardField;
use crate::model::limits::{
    MAX_KPI_MAGNITUDE, MAX_RAMP_MONTHS, RAMP_MAX, RAMP_MIN, SEASONAL_INDEX_MAX,
};
use crate::model::number::parse_number;
use crate::model::staffing::{Problem, StaffingInputs};

/// The scorecard page's own settings; the rest (AHT, targets, shrinkage,
/// model, cost, intraday profile) is shared with the staffing page.
/// Percentages as the user sees them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ScorecardSettings {
    pub first_year: i32,
    pub first_month: u32,
    pub horizon: f64,
    /// New contacts per month, before seasonality, deflection and repeats.
    pub monthly_volume: f64,
    pub growth_pct: f64,
    /// Index per calendar month, January first.
    pub seasonality: [f64; 12],
    pub fcr_pct: f64,
    pub repeat_pct: f64,
    pub deflection_pct: f64,
    pub aht_trend_pct: f64,
    pub open_days: f64,
    pub open_hours: f64,
    pub paid_hours_per_fte: f64,
    pub start_headcount: f64,
    /// Per month.
    pub attrition_pct: f64,
    pub hire_to_requirement: bool,
    pub hires: f64,
    pub training_months: f64,
    /// AHT multipliers of new agents' first productive months.
    pub ramp: Vec<f64>,
    pub overhead_pct: f64,
    /// Monthly budget; 0 means none.
    pub monthly_budget: f64,
    /// Target overrides by KPI id, in engine units (fractions for shares).
    pub targets: BTreeMap<KpiId, f64>,
    /// Entered values of the KPIs the model cannot compute, engine units.
    pub entered: BTreeMap<KpiId, f64>,
}

impl Default for ScorecardSettings {
    fn default() -> Self {
        ScorecardSettings {
            first_year: 2027,
            first_month: 1,
            horizon: 12.0,
            monthly_volume: 70_000.0,
            growth_pct: 1.0,
            seasonality: [
                1.05, 0.95, 1.0, 0.97, 0.98, 1.0, 0.95, 0.93, 1.02, 1.03, 1.08, 1.15,
            ],
            fcr_pct: 72.0,
            repeat_pct: 50.0,
            deflection_pct: 20.0,
            aht_trend_pct: -0.3,
            open_days: 22.0,
            open_hours: 12.0,
            paid_hours_per_fte: 165.0,
            start_headcount: 90.0,
            attrition_pct: 2.5,
            hire_to_requirement: true,
            hires: 5.0,
            training_months: 1.0,
            ramp: vec![1.3, 1.15, 1.05],
            overhead_pct: 15.0,
            monthly_budget: 0.0,
            targets: BTreeMap::new(),
            entered: BTreeMap::from([
                (KpiId::Csat, 0.86),
                (KpiId::Nps, 42.0),
                (KpiId::Ces, 0.72),
                (KpiId::Attendance, 0.94),
                (KpiId::TrainingCompletion, 1.0),
                (KpiId::Esat, 0.78),
            ]),
        }
    }
}

impl ScorecardSettings {
    /// The target of `id`: the planner's, else the KPI's default (`None` if
    /// the KPI has no editable target).
    pub fn target(&self, id: KpiId) -> Option<f64> {
        self.targets
            .get(&id)
            .copied()
            .or_else(|| kpi(id).default_target())
    }

    /// Whether every value is in range: what storage and links must satisfy.
    pub fn is_valid(&self) -> bool {
        let finite_kpi = |v: &f64| v.is_finite() && v.abs() <= MAX_KPI_MAGNITUDE;
        ScorecardField::ALL
            .iter()
            .all(|f| f.spec().check(f.get(self)).is_ok())
            && (1..=12).contains(&self.first_month)
            && crate::model::limits::valid_first_year(self.first_year)
            && self
                .seasonality
                .iter()
                .all(|s| s.is_finite() && (0.0..=SEASONAL_INDEX_MAX).contains(s))
            && self.ramp.len() <= MAX_RAMP_MONTHS
            && self.ramp.iter().all(|r| (RAMP_MIN..=RAMP_MAX).contains(r))
            && self
                .targets
                .values()
                .chain(self.entered.values())
                .all(finite_kpi)
    }
}

/// The capacity plan and scorecard from the inputs of both pages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Projection {
    pub plan: CapacityPlan,
    pub rows: Vec<KpiRow>,
    /// Hires over the plan that hiring to the requirement would make: the
    /// answer to "how many must I hire?" whatever hiring the plan assumes.
    pub hires_needed: f64,
}

/// The engine's capacity-plan inputs: the scorecard page's settings plus
/// the staffing page's AHT, targets, model, shrinkage, cost and intraday
/// profile; refused when the targets are ones no staffing meets.
pub fn capacity_inputs(
    staffing: &StaffingInputs,
    s: &ScorecardSettings,
) -> Result<CapacityInputs, ccplan_engine::Error> {
    Ok(CapacityInputs {
        first_month: Month {
            year: s.first_year,
            month: s.first_month,
        },
        horizon_months: s.horizon as u32,
        base_volume: staffing.scaled_volume(s.monthly_volume),
        growth_per_month: s.growth_pct / 100.0,
        seasonality: s.seasonality,
        fcr: s.fcr_pct / 100.0,
        repeat_share: s.repeat_pct / 100.0,
        deflection: s.deflection_pct / 100.0,
        // The AHT what-if moves the plan's handle time too.
        aht_s: staffing.changed_aht(staffing.aht_s),
        aht_trend_per_month: s.aht_trend_pct / 100.0,
        model: staffing.model(),
        targets: staffing.targets()?,
        shrinkage: staffing.shrinkage_pct / 100.0,
        open_days_per_month: s.open_days,
        open_hours_per_day: s.open_hours,
        interval_minutes: staffing.interval_min,
        profile: staffing.intraday.clone(),
        paid_hours_per_fte: s.paid_hours_per_fte,
        start_headcount: s.start_headcount,
        attrition_per_month: s.attrition_pct / 100.0,
        hiring: if s.hire_to_requirement {
            Hiring::ToRequirement
        } else {
            Hiring::Fixed { per_month: s.hires }
        },
        training_months: s.training_months as u32,
        ramp: s.ramp.clone(),
        cost_per_paid_hour: staffing.cost_per_hour,
        overhead: s.overhead_pct / 100.0,
    })
}

/// Runs the capacity plan and the scorecard.
pub fn project(
    staffing: &StaffingInputs,
    settings: &ScorecardSettings,
) -> Result<Projection, Problem> {
    let assumptions = capacity_inputs(staffing, settings)?;
    let plan = plan_capacity(&assumptions)?;
    let hires_needed = if assumptions.hiring == Hiring::ToRequirement {
        plan.months.iter().map(|m| m.hires).sum()
    } else {
        let to_requirement = CapacityInputs {
            hiring: Hiring::ToRequirement,
            ..assumptions.clone()
        };
        plan_capacity(&to_requirement)?
            .months
            .iter()
            .map(|m| m.hires)
            .sum()
    };
    let mut targets = settings.targets.clone();
    // The service-level target is the staffing page's, on both pages.
    targets.insert(KpiId::ServiceLevel, staffing.sl_target_pct / 100.0);
    // So are its caps, unless the planner set the scorecard's own: a month
    // staffed to the occupancy cap is not red for it.
    targets
        .entry(KpiId::Occupancy)
        .or_insert(staffing.max_occupancy_pct / 100.0);
    if staffing.max_asa_s > 0.0 {
        targets.entry(KpiId::Asa).or_insert(staffing.max_asa_s);
    }
    if staffing.model == crate::model::staffing::ModelChoice::ErlangA
        && staffing.max_abandon_pct > 0.0
    {
        targets
            .entry(KpiId::Abandon)
            .or_insert(staffing.max_abandon_pct / 100.0);
    }
    let card = ScorecardInputs {
        targets,
        entered: settings.entered.clone(),
        monthly_budget: (settings.monthly_budget > 0.0).then_some(settings.monthly_budget),
        amber_margin: None,
    };
    let rows = scorecard(&assumptions, &plan, &card);
    Ok(Projection {
        plan,
        rows,
        hires_needed,
    })
}

/// For each month of `projection`, why `kpi` has no value there when the
/// reason is the queue: a month whose agents cannot keep up with its load
/// (Erlang C without patience) has no ASA, answer rate or abandonment, and
/// the table says "unstable" rather than a bare dash. `false` elsewhere.
pub fn unstable_months(projection: &Projection, kpi: KpiId) -> Vec<bool> {
    let queue_kpi = matches!(kpi, KpiId::Asa | KpiId::AnswerRate | KpiId::Abandon);
    projection
        .plan
        .months
        .iter()
        .map(|m| queue_kpi && m.asa_s.is_none())
        .collect()
}

/// A plan started from elsewhere (a forecast) starts with the headcount its
/// first month requires, whole agents, rather than a default unrelated to
/// its volume; unchanged (and None) when the plan cannot be computed or the
/// headcount would be out of range. The headcount set, to say so.
pub fn carry_headcount(staffing: &StaffingInputs, settings: &mut ScorecardSettings) -> Option<f64> {
    let required = project(staffing, settings)
        .ok()?
        .plan
        .months
        .first()?
        .required_fte;
    let carried = ScorecardSettings {
        start_headcount: required.ceil(),
        ..settings.clone()
    };
    carried.is_valid().then(|| {
        *settings = carried;
        settings.start_headcount
    })
}

/// Reads a ramp typed as "1.3, 1.15, 1.05" (commas, semicolons or
/// spaces, full-width too, separate the months; each is read by [`parse_number`]).
pub fn parse_ramp(text: &str) -> Option<Vec<f64>> {
    let values: Option<Vec<f64>> = text
        .split([',', ';', ' ', '，', '；', '\u{3000}'])
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            parse_number(p)
                .ok()
                .filter(|v| (RAMP_MIN..=RAMP_MAX).contains(v))
        })
        .collect();
    values.filter(|v| v.len() <= MAX_RAMP_MONTHS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_volume_what_if_scales_the_monthly_plan() {
        let settings = ScorecardSettings::default();
        let base = StaffingInputs::default();
        let busier = StaffingInputs {
            volume_scale_pct: 115.0,
            ..base.clone()
        };
        let scaled = capacity_inputs(&busier, &settings).unwrap().base_volume;
        assert!((scaled - settings.monthly_volume * 1.15).abs() < 1e-6);
        let cost = |s: &StaffingInputs| {
            let p = project(s, &settings).unwrap();
            p.plan
                .summary(&capacity_inputs(s, &settings).unwrap())
                .total_cost
        };
        assert!(cost(&busier) > cost(&base));
    }

    #[test]
    fn default_projection_runs() {
        let settings = ScorecardSettings::default();
        assert!(settings.is_valid());
        let projection = project(&StaffingInputs::default(), &settings).unwrap();
        assert_eq!(projection.plan.months.len(), 12);
    }

    #[test]
    fn only_the_queues_figures_of_an_unstable_month_are_unstable() {
        // 10 agents at the start for the default plan's hundreds of
        // Erlangs, none hired: every month's queue grows without end.
        let staffing = StaffingInputs::default();
        let settings = ScorecardSettings {
            start_headcount: 10.0,
            hire_to_requirement: false,
            hires: 0.0,
            ..ScorecardSettings::default()
        };
        let projection = project(&staffing, &settings).unwrap();
        for id in [KpiId::Asa, KpiId::AnswerRate, KpiId::Abandon] {
            assert!(
                unstable_months(&projection, id).iter().all(|u| *u),
                "{id:?}"
            );
        }
        for id in [KpiId::ServiceLevel, KpiId::Occupancy, KpiId::TotalCost] {
            assert!(
                !unstable_months(&projection, id).iter().any(|u| *u),
                "{id:?}"
            );
        }
        // With the default plan's staff no month is.
        let stable = project(&staffing, &ScorecardSettings::default()).unwrap();
        assert!(!unstable_months(&stable, KpiId::Asa).iter().any(|u| *u));
    }

    #[test]
    fn the_scorecards_targets_are_the_staffing_pages() {
        let staffing = StaffingInputs::default();
        let target = |settings: &ScorecardSettings, id: KpiId| {
            project(&staffing, settings)
                .unwrap()
                .rows
                .iter()
                .find(|r| r.kpi == id)
                .and_then(|r| r.target)
        };
        let settings = ScorecardSettings::default();
        // The occupancy cap (85 %), not the catalogue's 80 %.
        assert_eq!(
            target(&settings, KpiId::Occupancy),
            Some(staffing.max_occupancy_pct / 100.0)
        );
        assert_eq!(
            target(&settings, KpiId::ServiceLevel),
            Some(staffing.sl_target_pct / 100.0)
        );
        // The planner's own scorecard target still wins.
        let mut own = settings.clone();
        own.targets.insert(KpiId::Occupancy, 0.8);
        assert_eq!(target(&own, KpiId::Occupancy), Some(0.8));
    }

    #[test]
    fn a_carried_headcount_is_the_first_months_requirement() {
        let staffing = StaffingInputs::default();
        let mut settings = ScorecardSettings {
            monthly_volume: 10.0 * ScorecardSettings::default().monthly_volume,
            ..ScorecardSettings::default()
        };
        let required = project(&staffing, &settings).unwrap().plan.months[0].required_fte;
        assert!(required > settings.start_headcount, "{required}");
        assert_eq!(
            carry_headcount(&staffing, &mut settings),
            Some(required.ceil())
        );
        assert_eq!(settings.start_headcount, required.ceil());
    }

    #[test]
    fn ramp_text() {
        assert_eq!(parse_ramp("1.3, 1.15 1.05"), Some(vec![1.3, 1.15, 1.05]));
        assert_eq!(parse_ramp("1.3；1.15"), Some(vec![1.3, 1.15]));
        assert_eq!(parse_ramp(""), Some(vec![]));
        assert_eq!(parse_ramp("1.3, x"), None);
        assert_eq!(parse_ramp("0.5"), None);
    }
}
