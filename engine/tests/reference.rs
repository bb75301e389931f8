//! Every figure checked against 50-digit references.
//!
//! `tests/reference/reference.jsonl` is written by `tests/reference/generate.py`
//! (Python, mpmath at 50 significant digits, inputs taken as the exact
//! doubles the engine sees); see `tests/reference/README.md`.

use ccplan_engine::{erlang_a, erlang_b, erlang_c};
use serde_json::Value;

/// Relative error allowed against the 50-digit values: the accuracy promised
/// in the README for loads to 50 000 Erlangs and up to 60 000 agents.
const RELATIVE: f64 = 1e-10;

fn number(line: &Value, field: &str) -> f64 {
    line[field]
        .as_f64()
        .unwrap_or_else(|| panic!("{field} missing in {line}"))
}

fn reference(line: &Value, field: &str) -> f64 {
    let text = line[field]
        .as_str()
        .unwrap_or_else(|| panic!("{field} missing in {line}"));
    text.parse().unwrap()
}

fn relative_error(value: f64, expected: f64) -> f64 {
    if expected == 0.0 {
        value.abs()
    } else {
        ((value - expected) / expected).abs()
    }
}

#[test]
fn all_models_match_the_references() {
    let text = include_str!("reference/reference.jsonl");
    let mut failures = Vec::new();
    let mut counts = [0usize; 3];
    let mut worst = [0.0f64; 3];
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).unwrap();
        let traffic = number(&case, "traffic");
        let agents = number(&case, "agents");
        let (model, figures): (usize, Vec<(&str, f64)>) = match case["model"].as_str().unwrap() {
            "erlang_b" => (
                0,
                vec![("blocking", erlang_b::blocking(traffic, agents).unwrap())],
            ),
            "erlang_c" => {
                let c = erlang_c::evaluate(
                    traffic,
                    agents,
                    number(&case, "aht_s"),
                    number(&case, "target_s"),
                )
                .unwrap()
                .stable()
                .unwrap_or_else(|| panic!("unstable: {line}"));
                (
                    1,
                    vec![
                        ("p_wait", c.p_wait),
                        ("service_level", c.service_level),
                        ("asa_s", c.asa_s),
                        ("occupancy", c.occupancy),
                        ("queue_length", c.queue_length),
                    ],
                )
            }
            "erlang_a" => {
                let a = erlang_a::evaluate(
                    traffic,
                    agents,
                    number(&case, "aht_s"),
                    number(&case, "patience_s"),
                    number(&case, "target_s"),
                )
                .unwrap_or_else(|e| panic!("{e}: {line}"));
                (
                    2,
                    vec![
                        ("p_wait", a.p_wait),
                        ("p_abandon", a.p_abandon),
                        ("service_level", a.service_level),
                        ("service_level_answered", a.service_level_answered),
                        ("asa_s", a.asa_s),
                        ("occupancy", a.occupancy),
                    ],
                )
            }
            other => panic!("unknown model {other}"),
        };
        counts[model] += 1;
        for (field, value) in figures {
            let expected = reference(&case, field);
            let error = relative_error(value, expected);
            worst[model] = worst[model].max(error);
            if error.is_nan() || error > RELATIVE {
                failures.push(format!("{field}: got {value:e}, expected {expected:e} (relative {error:.1e}) in {line}"));
            }
        }
    }
    eprintln!("cases (B, C, A): {counts:?}; worst relative error: {worst:?}");
    assert!(
        counts.iter().all(|&c| c >= 20),
        "too few reference cases: {counts:?}"
    );
    assert!(
        failures.is_empty(),
        "{} figures off:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
