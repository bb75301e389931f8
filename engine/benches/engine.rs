//! Engine benchmarks (criterion). Run: `cargo bench -p ccplan-engine`.
//! Numbers and the machine they came from: BENCHMARKS.md.

use ccplan_engine::capacity::{plan_capacity, CapacityInputs, Hiring, Month};
use ccplan_engine::plan::{plan_day, IntervalForecast, PlanSettings};
use ccplan_engine::staffing::{required_agents, staffing_curve, Model, Targets};
use ccplan_engine::uncertainty::agents_for_uncertainty;
use criterion::{black_box, criterion_group, criterion_main, Criterion};

const ERLANG_A: Model = Model::ErlangA { patience_s: 120.0 };

fn eighty_twenty() -> Targets {
    Targets::new(0.8, 20.0).unwrap()
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

/// A 36-month capacity plan of a large centre (about 500 to 700 Erlangs at the
/// daily peak): Erlang A (patience 120 s), 80/20, 15-minute intervals over
/// 24 hours, seasonal, growing 0.5 % a month, hiring to the requirement.
fn thirty_six_months() -> CapacityInputs {
    CapacityInputs {
        first_month: Month {
            year: 2027,
            month: 1,
        },
        horizon_months: 36,
        base_volume: 3_000_000.0,
        growth_per_month: 0.005,
        seasonality: [
            1.05, 0.95, 1.0, 1.0, 0.98, 0.97, 1.02, 1.0, 1.03, 1.01, 1.08, 1.12,
        ],
        fcr: 0.75,
        repeat_share: 0.6,
        deflection: 0.2,
        aht_s: 300.0,
        aht_trend_per_month: 0.0,
        model: ERLANG_A,
        targets: eighty_twenty(),
        shrinkage: 0.3,
        open_days_per_month: 30.0,
        open_hours_per_day: 24.0,
        interval_minutes: 15.0,
        profile: (0..24)
            .map(|h| 0.1 + (std::f64::consts::PI * f64::from(h) / 23.0).sin())
            .collect(),
        paid_hours_per_fte: 165.0,
        start_headcount: 3_000.0,
        attrition_per_month: 0.02,
        hiring: Hiring::ToRequirement,
        training_months: 1,
        ramp: vec![1.3, 1.1],
        cost_per_paid_hour: 20.0,
        overhead: 0.15,
    }
}

fn benches(c: &mut Criterion) {
    let targets = eighty_twenty();
    let models = [("erlang_c", Model::ErlangC), ("erlang_a", ERLANG_A)];
    for (name, model) in models {
        c.bench_function(&format!("required_agents/{name}/A=100"), |b| {
            b.iter(|| required_agents(black_box(100.0), 300.0, model, &targets))
        });
    }
    let day = busy_day();
    for (name, model) in models {
        c.bench_function(&format!("plan_day/{name}/96 intervals 50-5000 E"), |b| {
            b.iter(|| plan_day(black_box(&day), &settings(model)))
        });
    }
    for (name, model) in models {
        c.bench_function(&format!("required_agents/{name}/A=50000"), |b| {
            b.iter(|| required_agents(black_box(50_000.0), 300.0, model, &targets))
        });
    }
    // 36 months of Erlang A at 15-minute intervals over 24 hours: 3 456
    // interval requirements and as many reverse evaluations.
    let plan = thirty_six_months();
    c.bench_function("plan_capacity/erlang_a/36 months 96 intervals", |b| {
        b.iter(|| plan_capacity(black_box(&plan)))
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

#[path = "../tests/support/bank_day.rs"]
mod bank_day;

fn scheduling(c: &mut Criterion) {
    use ccplan_engine::allocate::{allocate, proportional_cut};
    use ccplan_engine::schedule::{
        expand, expand_week, solve, template_limits, work_patterns, Objective,
    };
    let traffic = bank_day::traffic();
    let (requirement, templates, grid) = bank_day::realistic_day();
    c.bench_function("schedule/bank day, 81 variants, least cost (proven)", |b| {
        b.iter(|| {
            let columns: Vec<_> = expand(&templates, &grid)
                .unwrap()
                .into_iter()
                .map(|v| v.column)
                .collect();
            solve(
                black_box(&requirement),
                &columns,
                Objective::MinCost,
                &template_limits(&templates, None),
            )
        })
    });
    let columns: Vec<_> = expand(&templates, &grid)
        .unwrap()
        .into_iter()
        .map(|v| v.column)
        .collect();
    c.bench_function(
        "schedule/bank day, 318-head cap, least gap (5 000 nodes)",
        |b| {
            b.iter(|| {
                solve(
                    black_box(&requirement),
                    &columns,
                    Objective::MinGap,
                    &template_limits(&templates, Some(318)),
                )
            })
        },
    );
    // A week of the bank day: Monday to Friday, Saturday at half the
    // volume, Sunday closed; each agent works 5 of the 6 open days at the
    // same times (6 patterns × 81 variants), 200 nodes as the page runs it.
    let saturday: Vec<u32> = traffic
        .iter()
        .map(|a| {
            required_agents(a * 0.5, 240.0, Model::ErlangC, &eighty_twenty())
                .unwrap()
                .agents
        })
        .collect();
    let mut week_requirement = Vec::new();
    for day in 0..7 {
        match day {
            0..=4 => week_requirement.extend(&requirement),
            5 => week_requirement.extend(&saturday),
            _ => week_requirement.extend(vec![0; 28]),
        }
    }
    let open = [true, true, true, true, true, true, false];
    let patterns = vec![work_patterns([true; 7], open, 5); 2];
    let day_variants = expand(&templates, &grid).unwrap();
    let week_columns: Vec<_> = expand_week(&day_variants, &patterns, 28)
        .unwrap()
        .into_iter()
        .map(|w| w.column)
        .collect();
    let mut week_limits = template_limits(&templates, None);
    week_limits.node_limit = 200;
    let week = solve(
        &week_requirement,
        &week_columns,
        Objective::MinCost,
        &week_limits,
    )
    .unwrap();
    println!(
        "bank week: {} paid hours, bound {:.1}, requirement {} agent-hours, optimal {}",
        week.cost,
        week.bound,
        week_requirement.iter().sum::<u32>() as f64 / 2.0,
        week.optimal
    );
    c.bench_function(
        "schedule/bank week, 486 columns, least cost (200 nodes)",
        |b| {
            b.iter(|| {
                solve(
                    black_box(&week_requirement),
                    &week_columns,
                    Objective::MinCost,
                    &week_limits,
                )
            })
        },
    );
    let needed: u32 = requirement.iter().sum();
    let budget = u64::from(needed) * 95 / 100;
    for (name, model) in [
        ("erlang_c", Model::ErlangC),
        ("erlang_a", Model::ErlangA { patience_s: 120.0 }),
    ] {
        c.bench_function(
            &format!("allocate/{name}/bank day, 95 % of the requirement"),
            |b| b.iter(|| allocate(black_box(&traffic), 240.0, 20.0, model, budget)),
        );
        c.bench_function(&format!("proportional_cut/{name}/bank day, 95 %"), |b| {
            b.iter(|| proportional_cut(black_box(&traffic), 240.0, 20.0, model, budget, 0.8))
        });
    }
}

criterion_group!(engine, benches, forecasting, scheduling);
criterion_main!(engine);
