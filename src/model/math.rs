//! The worked example behind the staffing page's answer ("show the math"):
//! every number the formulas use, taken from the engine, so the substituted
//! formulas end in the very numbers the cards show.

use ccplan_engine::erlang_b;
use ccplan_engine::staffing::Metrics;

use crate::model::learn::{trunks, Trunks, DEFAULT_MAX_BLOCKING};
use crate::model::staffing::{IntervalResult, ModelChoice, StaffingInputs};

/// The inputs and results of one interval, as the formulas name them.
#[derive(Debug, Clone, PartialEq)]
pub struct Worked {
    /// λ: contacts in the interval.
    pub volume: f64,
    pub aht_s: f64,
    pub interval_s: f64,
    /// A = λ·AHT / interval, Erlangs.
    pub traffic: f64,
    /// N: the agents the figures are for (required, or fixed in reverse mode).
    pub agents: f64,
    pub required_agents: u32,
    /// T: the service-level threshold, seconds.
    pub threshold_s: f64,
    /// Shrinkage as a share (0.3 for 30 %).
    pub shrinkage: f64,
    pub cost_per_hour: f64,
    /// Mean patience under Erlang A; `None` under Erlang C.
    pub patience_s: Option<f64>,
    /// B(N, A), Erlang B's blocking at the agents shown.
    pub blocking: Option<f64>,
    /// `None` when Erlang C's queue is unstable (N ≤ A).
    pub metrics: Option<Metrics>,
    pub scheduled_fte: f64,
    pub agent_hours: f64,
    pub cost: f64,
    /// Lines for the calls talking and waiting (Erlang B), when there are figures.
    pub trunks: Option<Trunks>,
}

/// The worked example of `result`, computed for `inputs`.
pub fn worked(inputs: &StaffingInputs, result: &IntervalResult) -> Worked {
    Worked {
        volume: inputs.volume,
        aht_s: inputs.calculator_aht(),
        interval_s: inputs.interval_min * 60.0,
        traffic: result.traffic,
        agents: result.agents,
        required_agents: result.required_agents,
        threshold_s: inputs.sl_seconds,
        shrinkage: inputs.shrinkage_pct / 100.0,
        cost_per_hour: inputs.cost_per_hour,
        patience_s: (inputs.model == ModelChoice::ErlangA).then_some(inputs.patience_s),
        blocking: erlang_b::blocking(result.traffic, result.agents).ok(),
        metrics: result.metrics,
        scheduled_fte: result.scheduled_fte,
        agent_hours: result.agent_hours,
        cost: result.cost,
        trunks: trunks(result, DEFAULT_MAX_BLOCKING),
    }
}

impl Worked {
    /// The interval in hours (agent-hours and paid hours per agent).
    pub fn interval_h(&self) -> f64 {
        self.interval_s / 3600.0
    }

    /// The exponent of Erlang C's service level, `(N − A)·T / AHT`.
    pub fn sl_exponent(&self) -> f64 {
        (self.agents - self.traffic) * self.threshold_s / self.aht_s
    }
}

/// A number with at most four significant digits for a step of a worked
/// formula, trailing zeros dropped (`0.05331`, `33.33`, `2,222`, `0.3`,
/// `200`): enough to follow the step, not the card's figure.
pub fn significant(value: f64) -> String {
    if value == 0.0 || !value.is_finite() {
        return "0".into();
    }
    let magnitude = value.abs().log10().floor() as i32;
    let decimals = (3 - magnitude).clamp(0, 12) as usize;
    let text = crate::format::grouped(value, decimals);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::staffing::compute;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * b.abs().max(1.0)
    }

    /// The formulas the page shows, evaluated with the numbers it shows,
    /// give the engine's figures (Erlang C, defaults and reverse mode).
    #[test]
    fn the_shown_formulas_give_the_engines_figures() {
        for reverse in [false, true] {
            let inputs = StaffingInputs {
                reverse,
                agents: 37.0,
                ..StaffingInputs::default()
            };
            let result = compute(&inputs).interval.unwrap();
            let w = worked(&inputs, &result);
            let (a, n, b) = (w.traffic, w.agents, w.blocking.unwrap());
            assert!(close(a, w.volume * w.aht_s / w.interval_s));
            let m = w.metrics.unwrap();
            let p_wait = n * b / (n - a * (1.0 - b));
            assert!(close(p_wait, m.p_wait), "{p_wait} {}", m.p_wait);
            assert!(close(
                1.0 - p_wait * (-w.sl_exponent()).exp(),
                m.service_level
            ));
            assert!(close(p_wait * w.aht_s / (n - a), m.asa_s));
            assert!(close(a / n, m.occupancy));
            assert!(close(n / (1.0 - w.shrinkage), w.scheduled_fte));
            assert!(close(n * w.interval_h(), w.agent_hours));
            assert!(close(
                w.scheduled_fte * w.interval_h() * w.cost_per_hour,
                w.cost
            ));
        }
    }

    #[test]
    fn erlang_a_occupancy_is_the_carried_load() {
        let inputs = StaffingInputs {
            model: ModelChoice::ErlangA,
            ..StaffingInputs::default()
        };
        let w = worked(&inputs, &compute(&inputs).interval.unwrap());
        let m = w.metrics.unwrap();
        assert_eq!(w.patience_s, Some(120.0));
        assert!(close(
            w.traffic * (1.0 - m.p_abandon) / w.agents,
            m.occupancy
        ));
    }

    #[test]
    fn four_significant_digits() {
        assert_eq!(significant(0.053_312_4), "0.05331");
        assert_eq!(significant(33.333_33), "33.33");
        assert_eq!(significant(2222.2), "2,222");
        assert_eq!(significant(0.3), "0.3");
        assert_eq!(significant(200.0), "200");
        assert_eq!(significant(1800.0), "1,800");
        assert_eq!(significant(0.0), "0");
        assert_eq!(significant(f64::NAN), "0");
    }
}
