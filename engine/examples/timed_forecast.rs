//! Times the forecast fit on long histories, inside the process (no
//! process start, no JSON): `forecast_daily` on daily series of 1 000 to
//! 10 000 values (season 7, every model tried, as `ccplan eval`'s
//! `forecast` op does) and, given a history CSV as the first argument,
//! `forecast_history` on it (as the app's worker and `ccplan forecast` do).
//! Prints one line per case: the size, the model chosen, the time, and the
//! Nelder–Mead objective evaluations.
//!
//! ```text
//! cargo run --release -p ccplan-engine --example timed_forecast [-- history.csv]
//! ```

use std::time::Instant;

use ccplan_engine::forecast::{forecast_daily, forecast_history, ModelChoice};
use ccplan_engine::history::{assemble, parse_history};

/// A weekly season on a slow trend and a yearly wave, with 5 % noise from
/// a fixed linear congruential stream (the same series on every run).
fn series(n: usize) -> Vec<Option<f64>> {
    let shape = [1.2, 1.05, 1.0, 0.98, 0.95, 0.6, 0.4];
    let mut state: u64 = 1;
    let mut uniform = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    (0..n)
        .map(|t| {
            let t_f = t as f64;
            let base = 1000.0 + 0.02 * t_f + 100.0 * (t_f / 365.0 * std::f64::consts::TAU).sin();
            let noise = (uniform() + uniform() + uniform() - 1.5) * 0.1;
            Some((base * shape[t % 7] * (1.0 + noise)).round())
        })
        .collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    for n in [1_000, 2_000, 4_000, 10_000] {
        let y = series(n);
        let start = Instant::now();
        let f = forecast_daily(&y, 7, 28, ModelChoice::Auto, 0.95)?;
        println!(
            "forecast_daily n={n}: {} in {:.3} s (tried {:?})",
            f.fit.model().name(),
            start.elapsed().as_secs_f64(),
            f.tried
        );
    }
    if let Some(path) = std::env::args().nth(1) {
        let text = std::fs::read_to_string(&path)?;
        let start = Instant::now();
        let parsed = parse_history(&text);
        let history = assemble(&parsed.rows)?;
        let read = start.elapsed().as_secs_f64();
        let f = forecast_history(&history, &[], &[], 60, ModelChoice::Auto, 0.95, 4)?;
        println!(
            "forecast_history {path}: {} days, read in {read:.3} s, {} in {:.3} s in all",
            history.days.len(),
            f.daily.fit.model().name(),
            start.elapsed().as_secs_f64()
        );
    }
    Ok(())
}
