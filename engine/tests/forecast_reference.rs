//! The forecasting models against statsmodels 0.14.6 on the shared bank
//! call-centre data (daily totals, Monday–Friday, holidays filled with the
//! same weekday a week earlier): `reference/forecast_generate.py` writes
//! `reference/forecast_reference.json`; `reference/forecast_notes.md` says
//! what statsmodels computes and where it differs from the textbook.

use ccplan_engine::ets::{
    fit, forecast, heuristic_states, holt_winters_additive, EtsModel, Fit, Smoothing, States,
};
use ccplan_engine::forecast::{accuracy, seasonal_naive};
use serde_json::Value;

fn reference() -> Value {
    serde_json::from_str(include_str!("reference/forecast_reference.json")).unwrap()
}

fn numbers(v: &Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

fn series(r: &Value) -> (Vec<Option<f64>>, Vec<Option<f64>>) {
    let all: Vec<Option<f64>> = numbers(&r["data"]["daily_filled"])
        .into_iter()
        .map(Some)
        .collect();
    let train = r["data"]["train_n"].as_u64().unwrap() as usize;
    (all[..train].to_vec(), all[train..].to_vec())
}

fn assert_relative(got: f64, want: f64, tolerance: f64, what: &str) {
    let error = (got - want).abs() / want.abs().max(1e-300);
    assert!(
        error <= tolerance,
        "{what}: {got} vs {want} (relative {error:e})"
    );
}

#[test]
fn heuristic_initial_states_match() {
    let r = reference();
    let (train, _) = series(&r);
    let h = &r["heuristic_init_train"];
    let s = heuristic_states(&train, 5).unwrap();
    assert_relative(
        s.level,
        h["initial_level"].as_f64().unwrap(),
        1e-12,
        "level",
    );
    assert_relative(s.trend, h["initial_trend"].as_f64().unwrap(), 1e-9, "trend");
    for (got, want) in s
        .season
        .iter()
        .zip(numbers(&h["initial_seasonal_time_order"]))
    {
        assert_relative(*got, want, 1e-9, "season");
    }
    assert_eq!(heuristic_states(&train[..9], 5), None);
}

/// Holt–Winters with fixed constants and heuristic initial states: fitted
/// values, SSE and forecasts to 1e-6. At h = 5, 10, … statsmodels 0.14.6
/// forecasts with the season before the last update (its issue #9538);
/// there the textbook value it also records is the reference.
#[test]
fn holt_winters_with_fixed_constants_matches() {
    let r = reference();
    let all: Vec<Option<f64>> = numbers(&r["data"]["daily_filled"])
        .into_iter()
        .map(Some)
        .collect();
    for (key, damped) in [
        ("additive_seasonal_no_trend", false),
        ("additive_damped_trend_additive_seasonal", true),
    ] {
        let hw = &r["holt_winters_fixed"][key];
        let smoothing = Smoothing {
            alpha: hw["smoothing_level"].as_f64().unwrap(),
            beta: hw["smoothing_trend"].as_f64().unwrap_or(0.0),
            gamma: hw["smoothing_seasonal"].as_f64().unwrap(),
            phi: hw["damping_trend"].as_f64().unwrap_or(1.0),
        };
        let (filtered, mean) = holt_winters_additive(&all, 5, smoothing, damped, 20).unwrap();
        assert_relative(filtered.sse, hw["sse"].as_f64().unwrap(), 1e-6, key);
        for (got, want) in filtered.fitted.iter().zip(numbers(&hw["fittedvalues"])) {
            assert_relative(*got, want, 1e-6, key);
        }
        let statsmodels = numbers(&hw["forecast"]);
        let textbook = numbers(&hw["forecast_textbook"]);
        for h in 1..=20 {
            let want = if h % 5 == 0 {
                textbook[h - 1]
            } else {
                statsmodels[h - 1]
            };
            assert_relative(mean[h - 1], want, 1e-6, &format!("{key} h={h}"));
        }
    }
}

/// The likelihood at a fixed parameter vector, exactly as statsmodels'
/// `ETSModel.loglike` gives it (its seasonal parameters are in reversed
/// time order; ours are in time order).
#[test]
fn log_likelihood_at_fixed_parameters_matches() {
    let r = reference();
    let (train, _) = series(&r);
    let f = &r["ets_ana_loglike_fixed"];
    let first: Vec<f64> = train[..5].iter().map(|v| v.unwrap()).collect();
    let level = first.iter().sum::<f64>() / 5.0;
    let initial = States {
        level,
        trend: 0.0,
        season: first.iter().map(|v| v - level).collect(),
    };
    let s = Smoothing {
        alpha: 0.3,
        beta: 0.0,
        gamma: 0.1,
        phi: 1.0,
    };
    let ll = Fit::with_parameters(EtsModel::Ana, s, initial, &train)
        .unwrap()
        .log_likelihood();
    assert_relative(ll, f["llf"].as_f64().unwrap(), 1e-10, "log-likelihood");
}

fn thorough(r: &Value, key: &str) -> Value {
    r[key]["mle_thorough"].clone()
}

/// Our maximum-likelihood fits reach statsmodels' likelihood at its true
/// maximum (found by the generator's multi-start search; the default
/// `ETSModel.fit()` stops far below it on this data, see the notes), with
/// parameters within 0.05.
#[test]
fn fitted_parameters_match_the_maximum_likelihood() {
    let r = reference();
    let (train, _) = series(&r);
    for (key, model) in [
        ("ets_ana", EtsModel::Ana),
        ("ets_adda", EtsModel::AddA),
        ("ets_mnm", EtsModel::Mnm),
    ] {
        let want = thorough(&r, key);
        let p = &want["params"];
        let got = fit(model, &train, 5).unwrap();
        let close = |name: &str, value: f64| {
            let target = p[name].as_f64().unwrap();
            assert!(
                (value - target).abs() <= 0.05,
                "{key} {name}: {value} vs {target}"
            );
        };
        close("smoothing_level", got.smoothing().alpha);
        close("smoothing_seasonal", got.smoothing().gamma);
        if model == EtsModel::AddA {
            close("smoothing_trend", got.smoothing().beta);
            close("damping_trend", got.smoothing().phi);
        }
        let llf = want["llf"].as_f64().unwrap();
        // ETS(M,N,M): statsmodels fits with Winters' seasonal update, we with
        // the state-space one (notes §3); the likelihoods differ slightly.
        let slack = if model == EtsModel::Mnm { 0.05 } else { 1e-5 };
        assert!(
            got.log_likelihood() >= llf - slack,
            "{key}: log-likelihood {} vs {llf}",
            got.log_likelihood()
        );
    }
}

/// A fit made from statsmodels' own parameters and initial states.
fn fit_from_reference(r: &Value, key: &str, model: EtsModel, train: &[Option<f64>]) -> Fit {
    let t = thorough(r, key);
    let p = &t["params"];
    let get = |name: &str| p[name].as_f64();
    let smoothing = Smoothing {
        alpha: get("smoothing_level").unwrap(),
        beta: get("smoothing_trend").unwrap_or(0.0),
        gamma: get("smoothing_seasonal").unwrap(),
        phi: get("damping_trend").unwrap_or(1.0),
    };
    let initial = States {
        level: get("initial_level").unwrap(),
        trend: get("initial_trend").unwrap_or(0.0),
        season: numbers(&t["initial_seasonal_time_order"]),
    };
    Fit::with_parameters(model, smoothing, initial, train).unwrap()
}

/// Prediction intervals of the additive models (analytic) within 1 % of
/// statsmodels', at 95 % and 80 %, from the same parameters; and from our
/// own fit, within 1 % of statsmodels' at its maximum.
#[test]
fn additive_prediction_intervals_match() {
    let r = reference();
    let (train, _) = series(&r);
    for (key, model) in [("ets_ana", EtsModel::Ana), ("ets_adda", EtsModel::AddA)] {
        let t = thorough(&r, key);
        let same = fit_from_reference(&r, key, model, &train);
        assert_relative(same.sigma2(), t["mse"].as_f64().unwrap(), 1e-9, "sigma2");
        let ours = fit(model, &train, 5).unwrap();
        for (level, name) in [(0.95, "95"), (0.8, "80")] {
            let pi = &t["prediction_intervals"][name];
            for f in [forecast(&same, 20, level), forecast(&ours, 20, level)] {
                for (i, (lo, hi)) in f.lower.iter().zip(&f.upper).enumerate() {
                    let (want_lo, want_hi) = (
                        pi["lower"][i].as_f64().unwrap(),
                        pi["upper"][i].as_f64().unwrap(),
                    );
                    assert!(
                        (lo - want_lo).abs() / want_lo.abs() <= 0.01,
                        "{key} {name}% lower h={}: {lo} vs {want_lo}",
                        i + 1
                    );
                    assert!(
                        (hi - want_hi).abs() / want_hi.abs() <= 0.01,
                        "{key} {name}% upper h={}: {hi} vs {want_hi}",
                        i + 1
                    );
                }
            }
        }
    }
}

/// ETS(M,N,M)'s interval is simulated (ours 5 000 paths, statsmodels'
/// 1 000): the two agree to a few per cent.
#[test]
fn multiplicative_intervals_are_close() {
    let r = reference();
    let (train, _) = series(&r);
    let t = thorough(&r, "ets_mnm");
    let same = fit_from_reference(&r, "ets_mnm", EtsModel::Mnm, &train);
    let f = forecast(&same, 20, 0.95);
    let pi = &t["prediction_intervals"]["95"];
    for i in 0..20 {
        for (got, want) in [
            (f.lower[i], pi["lower"][i].as_f64().unwrap()),
            (f.upper[i], pi["upper"][i].as_f64().unwrap()),
        ] {
            assert_relative(got, want, 0.03, &format!("ETS(M,N,M) 95 % h={}", i + 1));
        }
    }
}

/// The holdout the issue asks for: the last 20 days, trained on the rest.
/// Printed for BENCHMARKS.md (`cargo test -p ccplan-engine --test
/// forecast_reference -- --nocapture holdout`); asserted: our forecasts'
/// accuracy equals what statsmodels' same models give at their maximum.
#[test]
fn holdout_accuracy() {
    let r = reference();
    let (train, test) = series(&r);
    let naive = seasonal_naive(&train, 5, 20);
    let baseline = accuracy(&test, &naive).unwrap();
    println!(
        "seasonal naive: MAPE {:.2} %, WAPE {:.2} %",
        baseline.mape * 100.0,
        baseline.wape * 100.0
    );
    for (key, model) in [
        ("ets_ana", EtsModel::Ana),
        ("ets_adda", EtsModel::AddA),
        ("ets_mnm", EtsModel::Mnm),
    ] {
        let ours = forecast(&fit(model, &train, 5).unwrap(), 20, 0.95);
        let mean: Vec<Option<f64>> = ours.mean.iter().copied().map(Some).collect();
        let a = accuracy(&test, &mean).unwrap();
        let theirs: Vec<Option<f64>> = numbers(&thorough(&r, key)["forecast"])
            .into_iter()
            .map(Some)
            .collect();
        let b = accuracy(&test, &theirs).unwrap();
        println!(
            "{}: MAPE {:.2} % (statsmodels at its maximum {:.2} %), WAPE {:.2} %, bias {:+.2} %",
            model.name(),
            a.mape * 100.0,
            b.mape * 100.0,
            a.wape * 100.0,
            a.bias * 100.0
        );
        assert!(
            (a.mape - b.mape).abs() < 0.002,
            "{key}: {} vs {}",
            a.mape,
            b.mape
        );
    }
}
