//! Shift scheduling against independent answers: the Python workforce
//! library's (pyworkforce) documented example, and a realistic day of the
//! bank's arrivals solved by SciPy's MILP (HiGHS) in
//! `reference/schedule_generate.py` → `reference/schedule_reference.json`.

use ccplan_engine::schedule::{
    expand, solve, template_limits, Column, DayGrid, Limits, Objective, ShiftTemplate,
};
use serde_json::Value;

#[path = "support/bank_day.rs"]
mod bank_day;
use bank_day::realistic_day;

fn reference() -> Value {
    serde_json::from_str(include_str!("reference/schedule_reference.json")).unwrap()
}

/// pyworkforce's example: two days of 24 hourly periods; each shift works
/// the same hours every day (inclusive hour indices); at most 27 agents
/// at work in a period and 25 on a shift on a day.
fn pyworkforce_example() -> (Vec<u32>, Vec<Column>, Limits) {
    let requirement = [
        9, 11, 17, 9, 7, 12, 5, 11, 8, 9, 18, 17, 8, 12, 16, 8, 7, 12, 11, 10, 13, 19, 16,
        7, // day 1
        13, 13, 12, 15, 18, 20, 13, 16, 17, 8, 13, 11, 6, 19, 11, 20, 19, 17, 10, 13, 14, 23, 16,
        8, // day 2
    ]
    .to_vec();
    let shifts: [Vec<usize>; 4] = [
        (5..=12).collect(),               // Morning
        (13..=20).collect(),              // Afternoon
        (21..=23).chain(0..=4).collect(), // Night: 21–23 and 00–04 of the same day
        (9..=16).collect(),               // Mixed
    ];
    let columns = (0..2)
        .flat_map(|day| {
            shifts.iter().map(move |hours| Column {
                cover: hours.iter().map(|h| day * 24 + h).collect(),
                cost: 1.0,
                max: Some(25),
                group: None,
            })
        })
        .collect();
    let limits = Limits {
        max_per_interval: Some(27),
        ..Limits::default()
    };
    (requirement, columns, limits)
}

#[test]
fn pyworkforce_least_over_and_under_staffing_is_157() {
    let (requirement, columns, limits) = pyworkforce_example();
    let s = solve(&requirement, &columns, Objective::MinGap, &limits).unwrap();
    assert!(s.optimal);
    assert_eq!(s.over + s.under, 157);
    assert_eq!(s.objective, 157.0);
    assert!(s.coverage.iter().all(|c| *c <= 27));
    assert!(s.counts.iter().all(|k| *k <= 25));
    // The documented split (74 over, 83 under) is one of several optima
    // (microlp's is 58 over, 99 under): only the total is checked.
}

#[test]
fn pyworkforce_least_heads_covering_everything_is_113() {
    let (requirement, columns, limits) = pyworkforce_example();
    let s = solve(&requirement, &columns, Objective::MinCost, &limits).unwrap();
    assert!(s.optimal);
    assert_eq!(s.heads, 113);
    assert_eq!(s.cost, 113.0);
    assert_eq!(s.under, 0);
}

/// The covering columns of `templates` on `grid`.
fn columns(templates: &[ShiftTemplate], grid: &DayGrid) -> Vec<Column> {
    expand(templates, grid)
        .unwrap()
        .into_iter()
        .map(|v| v.column)
        .collect()
}

#[test]
fn the_realistic_day_has_scipys_requirement_and_variants() {
    let r = reference();
    let day = &r["realistic_day"];
    let (requirement, templates, grid) = realistic_day();
    let expected: Vec<u32> = day["requirement_agents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap() as u32)
        .collect();
    assert_eq!(requirement, expected);
    let variants = expand(&templates, &grid).unwrap();
    let listed = day["variants"].as_array().unwrap();
    assert_eq!(variants.len(), listed.len());
    for (v, l) in variants.iter().zip(listed) {
        let cover: Vec<usize> = l["cover"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
            .filter(|(_, f)| f.as_u64() == Some(1))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(v.column.cover, cover, "{}", l["name"]);
        assert_eq!(v.column.cost, l["cost"].as_f64().unwrap(), "{}", l["name"]);
    }
}

#[test]
fn the_realistic_day_costs_what_scipy_proved() {
    let r = reference();
    let min_cost = &r["realistic_day"]["min_cost"];
    let (requirement, templates, grid) = realistic_day();
    let columns = columns(&templates, &grid);
    let s = solve(
        &requirement,
        &columns,
        Objective::MinCost,
        &template_limits(&templates, None),
    )
    .unwrap();
    assert!(s.optimal);
    assert_eq!(s.cost, min_cost["optimal_cost"].as_f64().unwrap());
    assert_eq!(s.under, 0);
    assert_eq!(s.over, min_cost["over_agent_intervals"].as_u64().unwrap());
    // Paid hours only 0.85 % above the requirement's own agent-hours.
    let required_hours = requirement.iter().sum::<u32>() as f64 / 2.0;
    assert!((s.cost / required_hours - 1.0 - 0.008_535_784_635_587_657).abs() < 1e-12);
}

#[test]
fn the_realistic_day_under_a_headcount_cap_misses_what_scipy_proved() {
    let r = reference();
    let min_gap = &r["realistic_day"]["min_gap"];
    let (requirement, templates, grid) = realistic_day();
    let columns = columns(&templates, &grid);
    let cap = min_gap["headcount_cap_H"].as_u64().unwrap() as u32;
    let s = solve(
        &requirement,
        &columns,
        Objective::MinGap,
        &template_limits(&templates, Some(cap)),
    )
    .unwrap();
    // microlp finds SciPy's proven optimum, 153 agent-intervals short, but
    // without cutting planes cannot prove it: its bound stays at the LP
    // relaxation's 150.33, i.e. no schedule misses fewer than 151. The
    // schedule says so rather than claiming optimality.
    assert_eq!(s.objective, min_gap["optimal_gap"].as_f64().unwrap());
    assert_eq!((s.bound, s.optimal), (151.0, false));
    assert_eq!(s.over + s.under, 153);
    assert!(s.heads <= u64::from(cap));
}
