//! Times `schedule::solve` on the week of issue 24: 96 quarter-hours a day,
//! 7 days, the bank's weekday curve (its half-hours 07:00–21:00 split in
//! two, Erlang C 80/20 at AHT 240 s, scaled to peak near 100 agents;
//! Saturday at 60 %, Sunday at 40 %), one 8-hour template starting every
//! quarter-hour 00:00–16:00 worked 5 days of 7 (65 × 21 = 1 365 week
//! variants), or the same with 3 placements of a 15-minute break
//! (4 095). Each case solved with a cap of 120 heads and uncapped; prints
//! one line per case: variants, heads, under, over, optimal, bound,
//! relaxations counted, seconds.
//!
//! ```text
//! cargo run --release -p ccplan-engine --example capped_week [PEAK [every-day]]
//! ```

#[path = "../tests/support/bank_day.rs"]
#[allow(dead_code)]
mod bank_day;

use std::time::Instant;

use ccplan_engine::schedule::{
    expand, expand_week, solve, work_patterns, BreakRule, Column, DayGrid, Limits, Objective,
    ShiftTemplate, WEEK_DAYS,
};
use ccplan_engine::staffing::{required_agents, Model, Targets};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let targets = Targets::new(0.8, 20.0)?;
    // Quarter-hours: each half-hour's load halved over 15 minutes is the
    // same Erlangs; scaled so the peak is 90 Erlangs (about 100 agents).
    let traffic = bank_day::traffic();
    // `capped_week 5 every-day`: issue 24's "Singular matrix" week (peak 5
    // Erlangs, every day at 100 %, 20 an hour).
    let args: Vec<String> = std::env::args().collect();
    let peak: f64 = args.get(1).map_or(Ok(90.0), |a| a.parse())?;
    let every_day = args.get(2).is_some_and(|a| a == "every-day");
    let scale = peak / traffic.iter().copied().fold(0.0, f64::max);
    let mut day = vec![0u32; 96];
    for (h, traffic) in traffic.into_iter().enumerate() {
        let agents = required_agents(traffic * scale, 240.0, Model::ErlangC, &targets)?.agents;
        day[28 + 2 * h] = agents;
        day[29 + 2 * h] = agents;
    }
    // Saturday at 60 %, Sunday at 40 %.
    let mut requirement = Vec::with_capacity(WEEK_DAYS * day.len());
    let week = if every_day {
        [100; WEEK_DAYS]
    } else {
        [100, 100, 100, 100, 100, 60, 40]
    };
    for pct in week {
        requirement.extend(day.iter().map(|r| (r * pct).div_ceil(100)));
    }
    let grid = DayGrid {
        intervals: 96,
        interval_min: 15,
        start_min: 0,
    };
    let eight = ShiftTemplate {
        name: "8 h".into(),
        earliest_start_min: 0,
        latest_start_min: 16 * 60,
        start_step_min: 15,
        length_min: 480,
        breaks: Vec::new(),
        cost_per_paid_hour: if every_day { 20.0 } else { 1.0 },
        max_heads: None,
    };
    let with_break = ShiftTemplate {
        breaks: vec![BreakRule {
            length_min: 15,
            earliest_after_min: 225,
            latest_after_min: 255,
            paid: true,
        }],
        ..eight.clone()
    };
    println!(
        "peak {} agents, {} agent-intervals a week",
        day.iter().max().unwrap_or(&0),
        requirement.iter().map(|r| u64::from(*r)).sum::<u64>()
    );
    for template in [eight, with_break] {
        let variants = expand(std::slice::from_ref(&template), &grid)?;
        let patterns = vec![work_patterns([true; WEEK_DAYS], [true; WEEK_DAYS], 5)];
        let week = expand_week(&variants, &patterns, grid.intervals)?;
        let columns: Vec<Column> = week.into_iter().map(|w| w.column).collect();
        for (objective, cap) in [(Objective::MinGap, Some(120)), (Objective::MinCost, None)] {
            let limits = Limits {
                max_heads: cap,
                node_limit: 200,
                ..Limits::default()
            };
            let started = Instant::now();
            let outcome = solve(&requirement, &columns, objective, &limits);
            let seconds = started.elapsed().as_secs_f64();
            match outcome {
                Ok(s) => println!(
                    "{} variants, cap {cap:?}: {} heads, under {}, over {}, optimal {}, bound {}, objective {}, nodes {}, work {}, {seconds:.2} s",
                    columns.len(),
                    s.heads,
                    s.under,
                    s.over,
                    s.optimal,
                    s.bound,
                    s.objective,
                    s.nodes,
                    s.work
                ),
                Err(e) => println!("{} variants, cap {cap:?}: error {e}, {seconds:.2} s", columns.len()),
            }
        }
    }
    Ok(())
}
