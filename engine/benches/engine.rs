//! Engine benchmarks (criterion). Run: `cargo bench -p ccplan-engine`.
//! Numbers and the machine they came from: BENCHMARKS.md.

use ccplan_engine::plan::{plan_day, IntervalForecast, PlanSettings};
use ccplan_engine::staffing::{required_agents, staffing_curve, Model, Targets};
use ccplan_engine::uncertainty::agents_for_uncertainty;
use criterion::{black_box, criterion_group, criterion_main, Criterion};

const ERLANG_A: Model = Model::ErlangA { patience_s: 120.0 };

fn eighty_twenty() -> Targets {
    Targets::service_level(0.8, 20.0)
}

/// A 96-interval day whose load runs from 50 to 5 000 Erlangs and back.
fn busy_day() -> Vec<IntervalForecast> {
    (0..96)
        .map(|i| {
            let shape = (std::f64::consts::PI * f64::from(i) / 95.0).sin();
            let traffic = 50.0 + 4_950.0 * shape;
            IntervalForecast {
                volume: traffic * 900.0 / 300.0,
                aht_s: None,
            }
        })
        .collect()
}

fn settings(model: Model) -> PlanSettings {
    PlanSettings {
        interval_minutes: 15.0,
        aht_s: 300.0,
        model,
        targets: eighty_twenty(),
        shrinkage: 0.3,
        cost_per_paid_hour: Some(25.0),
    }
}

fn benches(c: &mut Criterion) {
    let targets = eighty_twenty();
    c.bench_function("required_agents/erlang_c/A=100", |b| {
        b.iter(|| required_agents(black_box(100.0), 300.0, Model::ErlangC, &targets))
    });
    c.bench_function("required_agents/erlang_a/A=100", |b| {
        b.iter(|| required_agents(black_box(100.0), 300.0, ERLANG_A, &targets))
    });
    let day = busy_day();
    c.bench_function("plan_day/erlang_c/96 intervals 50-5000 E", |b| {
        b.iter(|| plan_day(black_box(&day), &settings(Model::ErlangC)))
    });
    c.bench_function("plan_day/erlang_a/96 intervals 50-5000 E", |b| {
        b.iter(|| plan_day(black_box(&day), &settings(ERLANG_A)))
    });
    c.bench_function("required_agents/erlang_c/A=50000", |b| {
        b.iter(|| required_agents(black_box(50_000.0), 300.0, Model::ErlangC, &targets))
    });
    c.bench_function("required_agents/erlang_a/A=50000", |b| {
        b.iter(|| required_agents(black_box(50_000.0), 300.0, ERLANG_A, &targets))
    });
    // The staffing page's heaviest day: 96 intervals at the 100 000-Erlang limit.
    let extreme: Vec<IntervalForecast> = (0..96)
        .map(|i| IntervalForecast {
            volume: (100_000.0 - f64::from(i)) * 900.0 / 300.0,
            aht_s: None,
        })
        .collect();
    c.bench_function("plan_day/erlang_c/96 intervals at 100000 E", |b| {
        b.iter(|| plan_day(black_box(&extreme), &settings(Model::ErlangC)))
    });
    c.bench_function("plan_day/erlang_a/96 intervals at 100000 E", |b| {
        b.iter(|| plan_day(black_box(&extreme), &settings(ERLANG_A)))
    });
    c.bench_function("staffing_curve/erlang_c/200 points A=1000", |b| {
        b.iter(|| staffing_curve(black_box(1_000.0), 300.0, Model::ErlangC, 20.0, 950, 1_149))
    });
    c.bench_function("staffing_curve/erlang_a/200 points A=1000", |b| {
        b.iter(|| staffing_curve(black_box(1_000.0), 300.0, ERLANG_A, 20.0, 950, 1_149))
    });
    // Forecast uncertainty: ±10 % (cv 0.1), 90 % chance, 80/20 at AHT 300 s.
    for traffic in [100.0, 5_000.0] {
        for (name, model) in [("erlang_c", Model::ErlangC), ("erlang_a", ERLANG_A)] {
            c.bench_function(&format!("agents_for_uncertainty/{name}/A={traffic}"), |b| {
                b.iter(|| {
                    agents_for_uncertainty(black_box(traffic), 300.0, model, &targets, 0.1, 0.9)
                })
            });
        }
    }
}

/// Forecasting the bank history: read a year-sized text, fit each model to
/// the daily totals (the holidays missing), forecast 20 days.
fn forecasting(c: &mut Criterion) {
    use ccplan_engine::ets::{fit, EtsModel};
    use ccplan_engine::forecast::{forecast_daily, ModelChoice};
    use ccplan_engine::history::{assemble, parse_history};
    let text = include_str!("../tests/reference/bank-calls-train-30min.csv");
    c.bench_function("history/read and assemble 4 176 lines", |b| {
        b.iter(|| assemble(&parse_history(black_box(text)).rows))
    });
    let history = assemble(&parse_history(text).rows).unwrap();
    let daily: Vec<Option<f64>> = history.daily(&[], &[]).into_iter().map(|d| d.1).collect();
    for model in EtsModel::ALL {
        c.bench_function(&format!("ets/fit {}/149 days", model.code()), |b| {
            b.iter(|| fit(model, black_box(&daily), 5))
        });
    }
    c.bench_function("forecast/auto (three fits) 149 days, 20 ahead", |b| {
        b.iter(|| forecast_daily(black_box(&daily), 5, 20, ModelChoice::Auto, 0.95))
    });
}

criterion_group!(engine, benches, forecasting);
criterion_main!(engine);
