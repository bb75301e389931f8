//! Invariants that must hold for every input, checked with proptest.
//!
//! Monotonicity is checked up to a rounding allowance of `ROUNDING` (relative):
//! the exact functions are strictly monotone, but two neighbouring values can
//! differ by less than the last bits of a double.

use ccplan_engine::staffing::{metrics, required_agents, requirement_by_limit, Model, Targets};
use ccplan_engine::{erlang_a, erlang_b, erlang_c};
use proptest::prelude::*;

const ROUNDING: f64 = 1e-12;

fn no_worse(better: f64, worse: f64) -> bool {
    better >= worse - ROUNDING * worse.abs().max(1e-300)
}

fn probability(p: f64) -> bool {
    (0.0..=1.0).contains(&p)
}

fn traffic() -> impl Strategy<Value = f64> {
    prop_oneof![0.001f64..1.0, 1.0f64..100.0, 100.0f64..5_000.0]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn erlang_b_is_a_probability_falling_with_servers(a in traffic(), n in 0.0f64..300.0) {
        let b = erlang_b::blocking(a, n).unwrap();
        let b_more = erlang_b::blocking(a, n + 0.5).unwrap();
        prop_assert!(probability(b) && probability(b_more));
        prop_assert!(no_worse(b, b_more));
    }

    #[test]
    fn erlang_c_improves_with_every_agent(a in traffic(), extra in 0.01f64..50.0, aht in 10.0f64..900.0, t in 0.0f64..120.0) {
        let n = a + extra;
        let c = erlang_c::evaluate(a, n, aht, t).unwrap().stable().unwrap();
        let more = erlang_c::evaluate(a, n + 1.0, aht, t).unwrap().stable().unwrap();
        prop_assert!(probability(c.p_wait) && probability(c.service_level) && probability(c.occupancy));
        prop_assert!(c.asa_s.is_finite() && c.asa_s >= 0.0);
        prop_assert!(no_worse(more.service_level, c.service_level));
        prop_assert!(no_worse(c.p_wait, more.p_wait));
        prop_assert!(no_worse(c.asa_s, more.asa_s));
    }

    #[test]
    fn erlang_a_improves_with_every_agent(
        a in traffic(), n in 1u32..400, aht in 30.0f64..900.0, patience in 5.0f64..900.0, t in 0.0f64..120.0,
    ) {
        let n = f64::from(n);
        let x = erlang_a::evaluate(a, n, aht, patience, t).unwrap();
        let more = erlang_a::evaluate(a, n + 1.0, aht, patience, t).unwrap();
        for p in [x.p_wait, x.p_abandon, x.service_level, x.service_level_answered, x.occupancy] {
            prop_assert!(probability(p), "{x:?}");
        }
        prop_assert!(x.asa_s.is_finite() && x.asa_s >= 0.0 && x.queue_length.is_finite());
        prop_assert!(x.p_abandon <= x.p_wait * (1.0 + ROUNDING));
        prop_assert!(no_worse(x.service_level_answered, x.service_level));
        prop_assert!(no_worse(more.service_level, x.service_level), "{x:?} {more:?}");
        prop_assert!(no_worse(x.p_abandon, more.p_abandon));
        prop_assert!(no_worse(x.p_wait, more.p_wait));
        prop_assert!(no_worse(x.asa_s, more.asa_s), "{x:?} {more:?}");
    }

    #[test]
    fn erlang_a_becomes_erlang_c_as_patience_grows(a in 0.1f64..2_000.0, extra in 0.5f64..40.0, t in 0.0f64..60.0) {
        let n = (a + extra).ceil();
        let c = erlang_c::evaluate(a, n, 300.0, t).unwrap().stable().unwrap();
        // The gap closes like 1/patience, more slowly as N approaches A.
        let long = erlang_a::evaluate(a, n, 300.0, 300.0 * 1e12, t).unwrap();
        prop_assert!((long.p_wait - c.p_wait).abs() <= 1e-6 * c.p_wait.max(1e-300) + 1e-300);
        prop_assert!((long.service_level - c.service_level).abs() <= 1e-6);
        prop_assert!((long.asa_s - c.asa_s).abs() <= 1e-6 * c.asa_s + 1e-300);
        prop_assert!(long.p_abandon <= 1e-6);
    }

    #[test]
    fn requirement_grows_with_volume_and_aht(a in 0.01f64..2_000.0, growth in 1.0f64..1.5, patience in 10.0f64..600.0) {
        let targets = Targets::new(0.8, 20.0).unwrap();
        for model in [Model::ErlangC, Model::ErlangA { patience_s: patience }] {
            let base = required_agents(a, 300.0, model, &targets).unwrap().agents;
            let more_volume = required_agents(a * growth, 300.0, model, &targets).unwrap().agents;
            let longer_calls = required_agents(a * growth, 300.0 * growth, model, &targets).unwrap().agents;
            prop_assert!(base <= more_volume && more_volume <= longer_calls);
        }
    }

    #[test]
    fn the_requirement_is_what_its_strictest_target_needs_alone(
        a in 0.01f64..5_000.0, sl in 0.05f64..0.99, t in 0.0f64..120.0, asa in 1.0f64..120.0,
        abandon in 0.005f64..0.5, occupancy in 0.5f64..1.0, patience in 30.0f64..600.0,
    ) {
        let targets = Targets::new(sl, t)
            .and_then(|t| t.with_max_asa_s(asa))
            .and_then(|t| t.with_max_abandon(abandon))
            .and_then(|t| t.with_max_occupancy(occupancy))
            .unwrap();
        for model in [Model::ErlangC, Model::ErlangA { patience_s: patience }] {
            let all = required_agents(a, 300.0, model, &targets).unwrap();
            let by_limit = requirement_by_limit(a, 300.0, model, &targets).unwrap();
            prop_assert_eq!(by_limit.len(), 4);
            prop_assert_eq!(by_limit.iter().map(|l| l.agents).max(), Some(all.agents));
            // Each target alone is met at its own requirement and not one agent below.
            for l in &by_limit {
                let at = metrics(a, 300.0, model, f64::from(l.agents), t).unwrap().unwrap();
                prop_assert!(l.limit.met_by(&targets, &at), "{l:?}");
                if l.agents > 0 {
                    if let Some(below) = metrics(a, 300.0, model, f64::from(l.agents - 1), t).unwrap() {
                        prop_assert!(!l.limit.met_by(&targets, &below), "{l:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn any_number_gives_a_result_or_an_error_never_nan(
        a in prop::num::f64::ANY, n in prop::num::f64::ANY, aht in prop::num::f64::ANY,
        patience in prop::num::f64::ANY, t in prop::num::f64::ANY,
    ) {
        let finite = |m: &ccplan_engine::staffing::Metrics| {
            [m.p_wait, m.p_abandon, m.service_level, m.service_level_answered, m.asa_s, m.occupancy, m.queue_length]
                .iter()
                .all(|v| v.is_finite())
        };
        if let Ok(b) = erlang_b::blocking(a, n) { prop_assert!(probability(b)); }
        for model in [Model::ErlangC, Model::ErlangA { patience_s: patience }] {
            if let Ok(Some(m)) = metrics(a, aht, model, n, t) { prop_assert!(finite(&m), "{m:?}"); }
        }
        let requirement = Targets::new(0.8, t)
            .and_then(|targets| required_agents(a, aht, Model::ErlangC, &targets));
        if let Ok(r) = requirement {
            prop_assert!(finite(&r.metrics));
        }
    }
}

#[test]
fn doubling_volume_needs_less_than_double_the_agents() {
    let targets = Targets::new(0.8, 20.0).unwrap();
    for a in [5.0, 50.0, 500.0] {
        let single = required_agents(a, 300.0, Model::ErlangC, &targets)
            .unwrap()
            .agents;
        let double = required_agents(2.0 * a, 300.0, Model::ErlangC, &targets)
            .unwrap()
            .agents;
        assert!(double < 2 * single, "{a}: {single} → {double}");
    }
}

mod capacity {
    use ccplan_engine::capacity::{plan_capacity, CapacityInputs, Hiring, Month};
    use ccplan_engine::staffing::{Model, Targets};
    use proptest::prelude::*;

    fn inputs(
        volume: f64,
        aht_s: f64,
        attrition: f64,
        fcr: f64,
        hire_to_requirement: bool,
    ) -> CapacityInputs {
        CapacityInputs {
            first_month: Month {
                year: 2027,
                month: 3,
            },
            horizon_months: 12,
            base_volume: volume,
            growth_per_month: 0.01,
            seasonality: [
                1.0, 0.9, 1.0, 1.1, 1.0, 0.95, 0.9, 0.9, 1.05, 1.1, 1.15, 1.2,
            ],
            fcr,
            repeat_share: 0.5,
            deflection: 0.1,
            aht_s,
            aht_trend_per_month: -0.002,
            model: Model::ErlangA { patience_s: 120.0 },
            targets: Targets::new(0.8, 20.0).unwrap(),
            shrinkage: 0.3,
            open_days_per_month: 21.0,
            open_hours_per_day: 10.0,
            interval_minutes: 60.0,
            profile: vec![1.0, 2.0, 3.0, 2.0, 1.5, 1.0],
            paid_hours_per_fte: 160.0,
            start_headcount: 50.0,
            attrition_per_month: attrition,
            hiring: if hire_to_requirement {
                Hiring::ToRequirement
            } else {
                Hiring::Fixed { per_month: 2.0 }
            },
            training_months: 1,
            ramp: vec![1.2],
            cost_per_paid_hour: 22.0,
            overhead: 0.1,
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

        #[test]
        fn outputs_are_finite_and_non_negative(
            volume in 0.0f64..200_000.0, aht in 60.0f64..900.0, attrition in 0.0f64..0.1,
            fcr in 0.3f64..1.0, hire in any::<bool>(),
        ) {
            let plan = plan_capacity(&inputs(volume, aht, attrition, fcr, hire)).unwrap();
            for m in &plan.months {
                let figures = [m.offered, m.handled, m.required_fte, m.available_fte, m.headcount, m.hires,
                    m.leavers, m.service_level, m.p_abandon, m.occupancy, m.paid_hours, m.total_cost, m.cost_per_contact];
                prop_assert!(figures.iter().all(|v| v.is_finite() && *v >= 0.0), "{m:?}");
                prop_assert!(m.service_level <= 1.0 && m.p_abandon <= 1.0 && m.handled <= m.offered);
            }
        }

        #[test]
        fn requirement_grows_with_volume_and_aht(volume in 1_000.0f64..100_000.0, aht in 60.0f64..600.0, more in 1.05f64..1.5) {
            let base = plan_capacity(&inputs(volume, aht, 0.0, 0.7, false)).unwrap();
            let busier = plan_capacity(&inputs(volume * more, aht, 0.0, 0.7, false)).unwrap();
            let slower = plan_capacity(&inputs(volume, aht * more, 0.0, 0.7, false)).unwrap();
            for ((b, v), s) in base.months.iter().zip(&busier.months).zip(&slower.months) {
                prop_assert!(v.required_fte >= b.required_fte && s.required_fte >= b.required_fte);
                prop_assert!(v.offered > b.offered);
            }
        }
    }
}

mod uncertainty {
    use super::{no_worse, probability};
    use ccplan_engine::staffing::{metrics, Model, Targets};
    use ccplan_engine::uncertainty::{
        agents_for_uncertainty, expected_service_level, probability_of_meeting,
    };
    use proptest::prelude::*;

    /// The quadrature's tolerance on top of the rounding allowance.
    const QUADRATURE: f64 = 1e-10;

    fn model(patience: Option<f64>) -> Model {
        patience.map_or(Model::ErlangC, |patience_s| Model::ErlangA { patience_s })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

        #[test]
        fn expected_service_level_is_a_probability_rising_with_agents(
            a in prop_oneof![0.01f64..20.0, 20.0f64..2_000.0], extra in -0.3f64..0.3,
            cv in 0.0f64..0.4, aht in 30.0f64..900.0, t in 0.0f64..120.0,
            patience in prop::option::of(10.0f64..900.0),
        ) {
            let m = model(patience);
            let n = (a * (1.0 + extra) + 2.0 * a.sqrt()).floor().max(0.0);
            let e = expected_service_level(a, aht, m, n, t, cv).unwrap();
            let more = expected_service_level(a, aht, m, n + 1.0, t, cv).unwrap();
            prop_assert!(probability(e) && probability(more), "{e} {more}");
            prop_assert!(no_worse(more + QUADRATURE, e), "{n}: {e} → {more}");

            let targets = Targets::new(0.8, t).unwrap();
            let p = probability_of_meeting(a, aht, m, n, &targets, cv).unwrap();
            let p_more = probability_of_meeting(a, aht, m, n + 1.0, &targets, cv).unwrap();
            prop_assert!(probability(p) && probability(p_more));
            prop_assert!(no_worse(p_more + 1e-9, p), "{n}: {p} → {p_more}");
        }

        #[test]
        fn no_spread_tends_to_the_point_service_level(
            a in 0.1f64..2_000.0, extra in 0.0f64..0.3, t in 0.0f64..120.0,
            patience in prop::option::of(10.0f64..900.0),
        ) {
            let m = model(patience);
            let n = (a * (1.0 + extra) + a.sqrt()).ceil();
            let point = metrics(a, 300.0, m, n, t).unwrap().map_or(0.0, |x| x.service_level);
            prop_assert_eq!(expected_service_level(a, 300.0, m, n, t, 0.0).unwrap(), point);
            let gaps: Vec<f64> = [1e-3, 1e-5, 1e-9]
                .iter()
                .map(|cv| (expected_service_level(a, 300.0, m, n, t, *cv).unwrap() - point).abs())
                .collect();
            prop_assert!(gaps[2] <= 1e-6, "{gaps:?}");
            prop_assert!(gaps[2] <= gaps[0] + QUADRATURE, "{gaps:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

        #[test]
        fn each_answer_is_the_first_n_meeting_its_criterion(
            a in 0.5f64..1_500.0, cv in 0.01f64..0.3, p in 0.05f64..0.99, sl in 0.3f64..0.95,
            patience in prop::option::of(30.0f64..600.0),
        ) {
            let m = model(patience);
            let targets = Targets::new(sl, 20.0).unwrap();
            let r = agents_for_uncertainty(a, 300.0, m, &targets, cv, p).unwrap();
            let e = |n: u32| expected_service_level(a, 300.0, m, f64::from(n), 20.0, cv).unwrap();
            let pr = |n: u32| probability_of_meeting(a, 300.0, m, f64::from(n), &targets, cv).unwrap();
            prop_assert!(e(r.expected.agents) >= sl);
            prop_assert!(r.expected.agents == 0 || e(r.expected.agents - 1) < sl);
            prop_assert!(pr(r.with_probability.agents) >= p);
            prop_assert!(r.with_probability.agents == 0 || pr(r.with_probability.agents - 1) < p);
            // A surer plan never needs fewer agents.
            let surer = agents_for_uncertainty(a, 300.0, m, &targets, cv, (p + 1.0) / 2.0).unwrap();
            prop_assert!(surer.with_probability.agents >= r.with_probability.agents);
        }
    }
}
