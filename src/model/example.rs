//! The built-in example scenario.

use ccplan_engine::scorecard::KpiId;
use std::collections::BTreeMap;

use crate::model::limits::{DEFAULT_DAY_START_MIN, DEFAULT_VOLUME_SCALE_PCT};
use crate::model::scenario::Inputs;
use crate::model::scorecard::ScorecardSettings;
use crate::model::staffing::{typical_weekday_with_peak, ModelChoice, StaffingInputs};

/// The built-in example: one support centre's annual plan from the industry
/// planning documents (about 7.2 M contacts a year, 450 staff, 80/20, 7 %
/// abandonment target, a cost of about 50 M a year).
pub fn example_inputs() -> Inputs {
    let targets = BTreeMap::from([(KpiId::Abandon, 0.07), (KpiId::CostPerContact, 7.0)]);
    Inputs {
        staffing: StaffingInputs {
            // The busiest half-hour of its day (the calculator shows it).
            volume: 1_500.0,
            aht_s: 270.0,
            sl_target_pct: 80.0,
            sl_seconds: 20.0,
            interval_min: 30.0,
            shrinkage_pct: 25.0,
            max_occupancy_pct: 85.0,
            max_asa_s: 0.0,
            max_abandon_pct: 7.0,
            model: ModelChoice::ErlangA,
            patience_s: 120.0,
            cost_per_hour: 48.0,
            reverse: false,
            agents: 220.0,
            // The built-in weekday's shape at this centre's size: busiest 1 500.
            intraday: typical_weekday_with_peak(1_500.0),
            intraday_aht: Vec::new(),
            day_start_min: DEFAULT_DAY_START_MIN,
            volume_scale_pct: DEFAULT_VOLUME_SCALE_PCT,
            calculator_interval: None,
            aht_change_s: 0.0,
        },
        scorecard: ScorecardSettings {
            first_year: 2027,
            first_month: 1,
            horizon: 12.0,
            monthly_volume: 600_000.0,
            growth_pct: -0.3,
            fcr_pct: 68.0,
            repeat_pct: 30.0,
            deflection_pct: 10.0,
            open_days: 21.0,
            open_hours: 12.0,
            paid_hours_per_fte: 165.0,
            start_headcount: 450.0,
            attrition_pct: 2.5,
            hire_to_requirement: true,
            overhead_pct: 15.0,
            monthly_budget: 4_170_000.0,
            targets,
            ..ScorecardSettings::default()
        },
        schedule: crate::model::schedule::ScheduleSettings::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scorecard::{capacity_inputs, project};

    #[test]
    fn example_is_valid_and_needs_hiring() {
        let example = example_inputs();
        assert!(example.is_valid());
        let projection = project(&example.staffing, &example.scorecard).unwrap();
        let offered_per_year: f64 = projection.plan.months.iter().map(|m| m.offered).sum();
        // About the 7.16 M of the source plan.
        assert!(
            (6.5e6..7.5e6).contains(&offered_per_year),
            "{offered_per_year}"
        );
        let summary = projection
            .plan
            .summary(&capacity_inputs(&example.staffing, &example.scorecard).unwrap());
        assert!(summary.total_hires > 0.0);
    }
}
