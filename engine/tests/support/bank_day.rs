//! The bank's mean weekday and its shifts, shared by the scheduling
//! reference test (`schedule_reference.rs`) and the benchmarks
//! (`benches/engine.rs`), so both solve the same day.

use ccplan_engine::history::{assemble, parse_history};
use ccplan_engine::schedule::{BreakRule, DayGrid, ShiftTemplate};
use ccplan_engine::staffing::{required_agents, Model, Targets};

/// The bank's mean weekday in half-hours 07:00–21:00 as Erlangs at an AHT
/// of 240 s.
pub fn traffic() -> Vec<f64> {
    let parsed = parse_history(include_str!("../reference/bank-calls-train-30min.csv"));
    let history = assemble(&parsed.rows).unwrap();
    let days = history.days.len() as f64;
    (0..28)
        .map(|i| {
            let calls = history.days.iter().map(|d| d.contacts[i]).sum::<f64>() / days;
            calls * 240.0 / 1800.0
        })
        .collect()
}

/// The realistic day: the bank's mean weekday in half-hours 07:00–21:00,
/// Erlang C at AHT 240 s and 80/20 (no occupancy cap, no shrinkage), an
/// 8.5-hour shift with a 30-minute unpaid break 3 to 5 hours in and a
/// 4-hour part-time shift, both paid 1 an hour.
pub fn realistic_day() -> (Vec<u32>, Vec<ShiftTemplate>, DayGrid) {
    let targets = Targets::new(0.8, 20.0).unwrap();
    let requirement = traffic()
        .into_iter()
        .map(|traffic| {
            required_agents(traffic, 240.0, Model::ErlangC, &targets)
                .unwrap()
                .agents
        })
        .collect();
    let full_time = ShiftTemplate {
        name: "full-time".into(),
        earliest_start_min: 7 * 60,
        latest_start_min: 12 * 60 + 30,
        start_step_min: 30,
        length_min: 510,
        breaks: vec![BreakRule {
            length_min: 30,
            earliest_after_min: 180,
            latest_after_min: 300,
            paid: false,
        }],
        cost_per_paid_hour: 1.0,
        max_heads: None,
    };
    let part_time = ShiftTemplate {
        name: "part-time".into(),
        latest_start_min: 17 * 60,
        length_min: 240,
        breaks: Vec::new(),
        ..full_time.clone()
    };
    let grid = DayGrid {
        start_min: 7 * 60,
        interval_min: 30,
        intervals: 28,
    };
    (requirement, vec![full_time, part_time], grid)
}
