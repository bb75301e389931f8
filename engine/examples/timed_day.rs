//! The engine's side of `engine/benches/pyworkforce_side_by_side.py`: reads a
//! day's offered loads (Erlangs, one per line) from standard input, finds the
//! Erlang C requirement of each interval (AHT 300 s, 80 % answered within
//! 20 s) two ways and prints one JSON line: the agents per interval and the
//! time per day, measured inside the process as the script measures
//! pyworkforce inside Python (no process start, no parsing, no output).
//!
//! - `plan_day`, the engine's day plan (what the app and `ccplan plan` run):
//!   it starts the intervals' Erlang B recursions four side by side and
//!   searches a load equal to an earlier interval's only once (the day is
//!   symmetric: about a fifth of its loads repeat, bit for bit).
//! - `required_agents` once per interval, as pyworkforce's
//!   `required_positions` is called: nothing shared between intervals.
//!
//! ```text
//! cargo build --profile bench -p ccplan-engine --example timed_day
//! ```

use std::io::Read;
use std::time::Instant;

use ccplan_engine::plan::{plan_day, IntervalForecast, PlanSettings};
use ccplan_engine::staffing::{required_agents, Model, Targets};

/// Days timed per sample, and samples; the median sample is reported.
const DAYS_PER_SAMPLE: u32 = 200;
const SAMPLES: usize = 11;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input)?;
    let loads = input
        .split_whitespace()
        .map(str::parse::<f64>)
        .collect::<Result<Vec<_>, _>>()?;
    let targets = Targets::new(0.8, 20.0)?;
    let each_interval = |loads: &[f64]| -> Result<Vec<u32>, ccplan_engine::Error> {
        loads
            .iter()
            .map(|&a| required_agents(a, 300.0, Model::ErlangC, &targets).map(|r| r.agents))
            .collect()
    };
    // Calls per 15 minutes at 300 s: the loads back exactly (volume · 300 / 900).
    let forecast: Vec<IntervalForecast> = loads
        .iter()
        .map(|&a| IntervalForecast {
            volume: a * 3.0,
            aht_s: None,
        })
        .collect();
    let settings = PlanSettings {
        interval_minutes: 15.0,
        aht_s: 300.0,
        model: Model::ErlangC,
        targets,
        shrinkage: 0.0,
        cost_per_paid_hour: None,
    };
    let day_plan = |forecast: &[IntervalForecast]| -> Result<Vec<u32>, ccplan_engine::Error> {
        Ok(plan_day(forecast, &settings)?
            .intervals
            .iter()
            .map(|i| i.agents as u32)
            .collect())
    };
    let agents = each_interval(&loads)?;
    let planned = day_plan(&forecast)?;
    let per_interval_ms = median_ms(|| each_interval(std::hint::black_box(&loads)).map(drop))?;
    let plan_ms = median_ms(|| day_plan(std::hint::black_box(&forecast)).map(drop))?;
    println!(
        "{{\"agents\":{agents:?},\"per_day_ms\":{per_interval_ms},\"plan_day_agents\":{planned:?},\"plan_day_ms\":{plan_ms}}}"
    );
    Ok(())
}

/// The median over `SAMPLES` of the time per call of `day`, in milliseconds.
fn median_ms(
    mut day: impl FnMut() -> Result<(), ccplan_engine::Error>,
) -> Result<f64, ccplan_engine::Error> {
    let mut samples = Vec::with_capacity(SAMPLES);
    for _ in 0..SAMPLES {
        let start = Instant::now();
        for _ in 0..DAYS_PER_SAMPLE {
            day()?;
        }
        samples.push(start.elapsed().as_secs_f64() * 1e3 / f64::from(DAYS_PER_SAMPLE));
    }
    samples.sort_by(f64::total_cmp);
    Ok(samples[SAMPLES / 2])
}
