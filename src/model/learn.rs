//! The Learn page's live numbers: economies of scale and square-root
//! staffing, pooling, trunks (Erlang B) and Erlang C beside Erlang A, each
//! for the current inputs' service-level target and handle time.

use ccplan_engine::erlang_b::lines_needed;
use ccplan_engine::erlang_c::halfin_whitt_p_wait;
use ccplan_engine::plan::DayPlan;
use ccplan_engine::simulation::{simulate, Setup, Summary};
use ccplan_engine::staffing::{metrics, required_agents, Metrics, Model, Targets};

use crate::model::staffing::{IntervalResult, Problem, ProblemKind, StaffingInputs};

/// Loads of the economies-of-scale table, Erlangs.
pub const SCALE_LOADS: [f64; 10] = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0];

/// One load of the economies-of-scale table (service-level target only).
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleRow {
    pub traffic: f64,
    pub agents: u32,
    pub occupancy: f64,
    /// The safety margin β = (N − A)/√A.
    pub beta: f64,
    pub p_wait: f64,
    /// P(wait) in the Halfin–Whitt limit for this β.
    pub p_wait_limit: Option<f64>,
}

/// The service-level target alone (no caps): what the scale effect is about.
fn service_level_only(inputs: &StaffingInputs) -> Result<Targets, ccplan_engine::Error> {
    Targets::new(inputs.sl_target_pct / 100.0, inputs.sl_seconds)
}

/// Required agents under Erlang C for each of [`SCALE_LOADS`].
pub fn scale_table(inputs: &StaffingInputs) -> Vec<ScaleRow> {
    // Targets no staffing meets: no load has a requirement, no row.
    let Ok(targets) = service_level_only(inputs) else {
        return Vec::new();
    };
    SCALE_LOADS
        .iter()
        .filter_map(|&traffic| {
            let r = required_agents(traffic, inputs.aht_s, Model::ErlangC, &targets).ok()?;
            let beta = (f64::from(r.agents) - traffic) / traffic.sqrt();
            Some(ScaleRow {
                traffic,
                agents: r.agents,
                occupancy: r.metrics.occupancy,
                beta,
                p_wait: r.metrics.p_wait,
                p_wait_limit: halfin_whitt_p_wait(beta),
            })
        })
        .collect()
}

/// Separate queues against one pooled queue of the same total load.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pooling {
    pub queues: u32,
    pub traffic_each: f64,
    /// Agents for all the queues apart (each staffed on its own).
    pub apart: u32,
    pub pooled: u32,
    /// `pooled / apart − 1` (negative: fewer agents).
    pub change: f64,
}

/// `queues` queues of `traffic_each` Erlangs, apart and pooled, Erlang C at
/// the inputs' service-level target.
pub fn pooling(inputs: &StaffingInputs, queues: u32, traffic_each: f64) -> Option<Pooling> {
    let targets = service_level_only(inputs).ok()?;
    let need = |traffic: f64| {
        required_agents(traffic, inputs.aht_s, Model::ErlangC, &targets)
            .ok()
            .map(|r| r.agents)
    };
    let apart = need(traffic_each)? * queues;
    let pooled = need(traffic_each * f64::from(queues))?;
    Some(Pooling {
        queues,
        traffic_each,
        apart,
        pooled,
        change: f64::from(pooled) / f64::from(apart) - 1.0,
    })
}

/// Telephone lines (trunks) for the interval: calls hold a line while they
/// talk and while they wait, so the lines carry `A + Lq` Erlangs (Little's
/// law: the mean number waiting is `Lq = λ·W`), and Erlang B gives the
/// lines for which at most `max_blocking` of callers hear a busy signal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trunks {
    pub traffic_on_lines: f64,
    pub max_blocking: f64,
    pub lines: u32,
}

/// The grade of service for trunks when the user has not chosen one: 1 %.
pub const DEFAULT_MAX_BLOCKING: f64 = 0.01;

pub fn trunks(result: &IntervalResult, max_blocking: f64) -> Option<Trunks> {
    let m = result.metrics?;
    let traffic_on_lines = result.traffic + m.queue_length;
    let lines = lines_needed(traffic_on_lines, max_blocking).ok()?;
    Some(Trunks {
        traffic_on_lines,
        max_blocking,
        lines,
    })
}

/// The same interval under Erlang C and Erlang A (the inputs' patience),
/// each at its own requirement for the service-level target alone, and
/// both at the Erlang C requirement.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CVersusA {
    pub patience_s: f64,
    pub required_c: u32,
    pub required_a: u32,
    /// Erlang C's figures at `required_c` agents.
    pub c: Metrics,
    /// Erlang A's figures at the same `required_c` agents.
    pub a_at_c: Metrics,
}

pub fn c_versus_a(inputs: &StaffingInputs, traffic: f64) -> Option<CVersusA> {
    let targets = service_level_only(inputs).ok()?;
    let model_a = Model::ErlangA {
        patience_s: inputs.patience_s,
    };
    let c = required_agents(traffic, inputs.aht_s, Model::ErlangC, &targets).ok()?;
    let a = required_agents(traffic, inputs.aht_s, model_a, &targets).ok()?;
    let a_at_c = metrics(
        traffic,
        inputs.aht_s,
        model_a,
        f64::from(c.agents),
        inputs.sl_seconds,
    )
    .ok()
    .flatten()?;
    Some(CVersusA {
        patience_s: inputs.patience_s,
        required_c: c.agents,
        required_a: a.agents,
        c: c.metrics,
        a_at_c,
    })
}

/// The day's workload (step 3): contacts × handle time over its intervals,
/// in hours, each interval at its own AHT where the day gives one.
pub fn workload_hours(inputs: &StaffingInputs) -> f64 {
    inputs
        .intraday
        .iter()
        .enumerate()
        .map(|(n, volume)| volume * inputs.interval_aht(n))
        .sum::<f64>()
        / 3600.0
}

/// The lowest and highest service level of simulated days (1 and 0 when
/// there are none, so any day widens the range).
pub fn service_level_range(run: &Summary) -> (f64, f64) {
    run.days.iter().fold((1.0, 0.0), |(low, high), d| {
        (low.min(d.service_level), high.max(d.service_level))
    })
}

/// The day's figures the Learn page quotes (steps 7 and 8).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DayFigures {
    pub peak_agents: f64,
    pub paid_hours: f64,
    pub cost: f64,
    /// Cost over contacts; 0 for a day with none.
    pub cost_per_contact: f64,
}

pub fn day_figures(day: &DayPlan) -> DayFigures {
    let t = &day.totals;
    let cost = t.cost.unwrap_or(0.0);
    DayFigures {
        peak_agents: t.peak_agents,
        paid_hours: t.paid_hours,
        cost,
        cost_per_contact: if t.volume > 0.0 { cost / t.volume } else { 0.0 },
    }
}

/// Days of the current interval's conditions to simulate (the Learn page's
/// choices: no typed numbers, so nothing to refuse but the engine's limits).
pub const SIMULATION_DAYS: [u32; 4] = [10, 50, 100, 200];
pub const SIMULATION_HOURS: [f64; 4] = [4.0, 8.0, 12.0, 24.0];

/// The simulation of `days` days of `hours` with the interval's load, AHT,
/// model and the agents its figures are for (whole agents).
pub fn simulation_setup(
    inputs: &StaffingInputs,
    result: &IntervalResult,
    days: u32,
    hours: f64,
    seed: u64,
) -> Setup {
    Setup {
        traffic: result.traffic,
        aht_s: inputs.aht_s,
        agents: result.agents.round().clamp(0.0, f64::from(u32::MAX)) as u32,
        model: inputs.model(),
        target_s: inputs.sl_seconds,
        hours,
        days,
        seed,
    }
}

/// Runs a simulation (in the worker); a refused setup becomes a message
/// (too few agents for Erlang C says so in the user's words).
pub fn run_simulation(setup: &Setup) -> Result<Summary, Problem> {
    simulate(setup).map_err(|error| match error {
        ccplan_engine::Error::Agents(_) => Problem {
            kind: ProblemKind::Unstable,
            detail: String::new(),
        },
        ccplan_engine::Error::TooLarge {
            what: "simulated calls",
            ..
        } => Problem {
            kind: ProblemKind::TooManySimulatedCalls,
            detail: String::new(),
        },
        other => Problem::from(other),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::staffing::compute;

    #[test]
    fn too_many_simulated_calls_is_its_own_refusal() {
        // 20 000 contacts per 30 minutes at 300 s (3 333 Erlangs), 200 days of 24 h.
        let setup = Setup {
            traffic: 20_000.0 * 300.0 / 1800.0,
            aht_s: 300.0,
            agents: 3922,
            model: Model::ErlangC,
            target_s: 20.0,
            hours: 24.0,
            days: 200,
            seed: 1,
        };
        let problem = run_simulation(&setup).unwrap_err();
        // Not "beyond 100 000 Erlangs" (3 333 are fine) with the engine's English after it.
        assert_eq!(problem.kind, ProblemKind::TooManySimulatedCalls);
        assert_eq!(problem.detail, "");
    }

    /// 80/20 at AHT 180 s (issue 11's figures).
    fn eighty_twenty_180() -> StaffingInputs {
        StaffingInputs {
            aht_s: 180.0,
            ..StaffingInputs::default()
        }
    }

    #[test]
    fn big_centres_run_hotter_at_the_same_service_level() {
        let rows = scale_table(&eighty_twenty_180());
        let at = |a: f64| rows.iter().find(|r| r.traffic == a).unwrap();
        assert_eq!(
            (
                at(10.0).agents,
                format!("{:.1}", at(10.0).occupancy * 100.0)
            ),
            (14, "71.4".into())
        );
        assert_eq!(
            (
                at(100.0).agents,
                format!("{:.1}", at(100.0).occupancy * 100.0)
            ),
            (107, "93.5".into())
        );
        assert_eq!(
            (
                at(1000.0).agents,
                format!("{:.1}", at(1000.0).occupancy * 100.0)
            ),
            (1011, "98.9".into())
        );
        assert!(rows.windows(2).all(|w| w[1].occupancy > w[0].occupancy));
        // The margin β shrinks with size while P(wait) stays near its limit.
        assert!((at(100.0).beta - 0.7).abs() < 1e-12);
        assert!(at(1000.0).p_wait_limit.is_some());
    }

    #[test]
    fn the_days_workload_and_cost_per_contact() {
        let inputs = StaffingInputs {
            intraday: vec![100.0, 200.0],
            intraday_aht: vec![Some(360.0)],
            ..StaffingInputs::default()
        };
        // 100 × 360 s + 200 × 300 s = 96 000 s.
        assert!((workload_hours(&inputs) - 96_000.0 / 3600.0).abs() < 1e-12);
        let day = compute(&inputs).day.into_ready().unwrap();
        let figures = day_figures(&day);
        assert!((figures.cost_per_contact * 300.0 - day.totals.cost.unwrap()).abs() < 1e-9);
    }

    #[test]
    fn pooling_ten_queues_of_ten_erlangs() {
        let p = pooling(&eighty_twenty_180(), 10, 10.0).unwrap();
        assert_eq!((p.apart, p.pooled), (140, 107));
        assert_eq!(format!("{:.1}", p.change * 100.0), "-23.6");
    }

    #[test]
    fn trunks_carry_the_calls_talking_and_waiting() {
        let inputs = StaffingInputs::default();
        let result = compute(&inputs).interval.unwrap();
        let t = trunks(&result, DEFAULT_MAX_BLOCKING).unwrap();
        let m = result.metrics.unwrap();
        assert!((t.traffic_on_lines - (result.traffic + m.queue_length)).abs() < 1e-12);
        assert!(t.lines > result.required_agents);
        assert_eq!(t.lines, lines_needed(t.traffic_on_lines, 0.01).unwrap());
        // An unstable queue has no figures, so no trunks either.
        let short = StaffingInputs {
            reverse: true,
            agents: 30.0,
            ..inputs
        };
        assert_eq!(trunks(&compute(&short).interval.unwrap(), 0.01), None);
    }

    #[test]
    fn ignoring_abandonment_understates_the_service_level() {
        // Issue 11: A = 10, 11 agents, AHT 180 s: Erlang C 39.0 %; with 120 s patience much higher.
        let inputs = StaffingInputs {
            aht_s: 180.0,
            patience_s: 120.0,
            ..StaffingInputs::default()
        };
        let cmp = c_versus_a(&inputs, 10.0).unwrap();
        assert_eq!(cmp.required_c, 14);
        assert!(cmp.required_a <= cmp.required_c);
        assert!(cmp.a_at_c.service_level > cmp.c.service_level);
        let c11 = metrics(10.0, 180.0, Model::ErlangC, 11.0, 20.0)
            .unwrap()
            .unwrap();
        let a11 = metrics(
            10.0,
            180.0,
            Model::ErlangA { patience_s: 120.0 },
            11.0,
            20.0,
        )
        .unwrap()
        .unwrap();
        assert_eq!(format!("{:.1}", c11.service_level * 100.0), "39.0");
        assert!(
            a11.service_level > 0.74 && a11.service_level < 0.82,
            "{}",
            a11.service_level
        );
    }

    #[test]
    fn the_interval_simulated_for_a_class() {
        let inputs = eighty_twenty_180();
        let result = compute(&inputs).interval.unwrap();
        let setup = simulation_setup(&inputs, &result, 50, 8.0, 1);
        assert_eq!((setup.agents, setup.days), (result.required_agents, 50));
        let run = run_simulation(&setup).unwrap();
        let formula = result.metrics.unwrap().service_level;
        assert!(
            (run.mean - formula).abs() < 0.015,
            "{} vs {formula}",
            run.mean
        );
        // Too few agents for Erlang C: a message, not a run.
        let short = StaffingInputs {
            reverse: true,
            agents: 5.0,
            ..inputs
        };
        let short_result = compute(&short).interval.unwrap();
        let refused = run_simulation(&simulation_setup(&short, &short_result, 50, 8.0, 1));
        assert_eq!(refused.unwrap_err().kind, ProblemKind::Unstable);
    }
}
