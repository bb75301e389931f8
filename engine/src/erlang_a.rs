//! Erlang A (M/M/N+M, Palm's queue): callers abandon after an exponentially
//! distributed patience, so the queue is stable for any number of agents.
//!
//! # Model and sources
//! Birth–death chain with arrivals at rate `λ`, `n·μ` departures while
//! `n ≤ N` and `N·μ + (n − N)·θ` above (`μ = 1/AHT`, `θ = 1/patience`);
//! Palm (1943); Garnett, Mandelbaum & Reiman, "Designing a call center with
//! impatient customers", MSOM 4(3), 2002; Mandelbaum & Zeltyn, "The
//! Palm/Erlang-A queue, with applications to call centers" (2007 technical
//! note). With `a = Nμ/θ` and `x = λ/θ`, the stationary probabilities
//! relative to "all agents busy, nobody waiting" are
//!
//! ```text
//! below N:        L  = Σ_{n<N} π_n / π_N = (1 − B) / B,      B = Erlang B(N, A)
//! k waiting:      t_k = π_{N+k} / π_N = x^k / ((a+1)(a+2)…(a+k))
//! ```
//!
//! An arrival that finds `k` callers waiting (PASTA) reaches an agent after
//! a sum of exponential stages with rates `θ(a+k), …, θ(a+1), θa`; it is
//! served unless its own patience runs out first, which happens with
//! probability `1 − a/(a+k+1)`. Summing over `k`:
//!
//! ```text
//! Z            = L + Σ t_k                                   (normaliser)
//! P(wait)      = Σ t_k / Z
//! P(abandon)   = Σ t_k (k+1)/(a+k+1) / Z
//! answered     = (L + Σ t_k a/(a+k+1)) / Z  = 1 − P(abandon)
//! ASA          = (1/θ) Σ t_k a/(a+k+1) · H_k / (Z · answered),  H_k = Σ_{j=1}^{k+1} 1/(a+j)
//! served after T = u^(a+1) · e^(x(1−u)) · Σ t'_k a/(a+k+1),   u = e^(−θT), t'_k with x·u for x
//! ```
//!
//! The last line is our closed form for the callers answered later than `T`
//! (it follows from `e^(−θ·wait)` of a served caller being Beta(a+1, k+1)
//! distributed). Every sum has positive terms only, so nothing cancels and
//! the result is exact to rounding; the references in `tests/reference`
//! check it to 1e-10 relative against 50-digit arithmetic.
//!
//! Definitions of the reported figures:
//! - `service_level`: answered within `T` over **all offered** calls
//!   (abandoned calls count as failures, whenever they abandon);
//! - `service_level_answered`: answered within `T` over **answered** calls;
//! - `asa_s`: mean wait of **answered** calls (those answered at once count as 0 s);
//! - `occupancy`: carried load over agents, `A·(1 − P(abandon)) / N`;
//! - `queue_length`: mean number waiting, `λ·P(abandon)/θ` (Little's law on abandonments).

use crate::erlang_b::Blocking;
use crate::error::{
    check_agents, check_aht, check_patience, check_patience_per_aht, check_threshold,
    check_traffic, Error, Result, MAX_QUEUE_STATES,
};
use serde::Serialize;

/// Figures of an Erlang A queue (see the module documentation for definitions).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ErlangA {
    /// Probability that a caller finds all agents busy.
    pub p_wait: f64,
    /// Probability that a caller hangs up before being answered.
    pub p_abandon: f64,
    /// Answered within `T`, over all offered calls.
    pub service_level: f64,
    /// Answered within `T`, over answered calls.
    pub service_level_answered: f64,
    /// Mean wait of answered calls, seconds.
    pub asa_s: f64,
    /// Carried load per agent, `A·(1 − P(abandon)) / N`.
    pub occupancy: f64,
    /// Mean number of callers waiting.
    pub queue_length: f64,
}

/// Erlang A figures for `traffic` Erlangs, `agents` agents (fractional
/// allowed, through the continuous Erlang B), mean handle time `aht_s`, mean
/// patience `patience_s` and service-level threshold `target_s`.
///
/// ```
/// let a = ccplan_engine::erlang_a::evaluate(10.0, 10.0, 180.0, 120.0, 20.0).unwrap();
/// assert!(a.p_abandon > 0.0 && a.p_abandon < a.p_wait);
/// assert!(a.service_level < a.service_level_answered);
/// ```
pub fn evaluate(
    traffic: f64,
    agents: f64,
    aht_s: f64,
    patience_s: f64,
    target_s: f64,
) -> Result<ErlangA> {
    let traffic = check_traffic(traffic)?;
    let agents = check_agents(agents)?;
    let aht_s = check_aht(aht_s)?;
    let patience_s = check_patience(patience_s)?;
    check_patience_per_aht(patience_s, aht_s)?;
    let target_s = check_threshold(target_s)?;
    from_blocking(
        traffic,
        &Blocking::at(traffic, agents),
        aht_s,
        patience_s,
        target_s,
    )
}

pub(crate) fn from_blocking(
    traffic: f64,
    blocking: &Blocking,
    aht_s: f64,
    patience_s: f64,
    target_s: f64,
) -> Result<ErlangA> {
    if let Some(figures) = without_queue(traffic, blocking, aht_s, patience_s) {
        return Ok(figures);
    }
    let queue = Queue::new(traffic, blocking.servers, aht_s, patience_s, target_s)?;
    Ok(queue.with_blocking(traffic, blocking, patience_s))
}

/// The figures when nobody can wait: no traffic, Erlang B too small for a
/// double (nobody waits), or no agents (everyone waits and abandons).
/// `None` otherwise, when [`Queue`] gives them.
pub(crate) fn without_queue(
    traffic: f64,
    blocking: &Blocking,
    aht_s: f64,
    patience_s: f64,
) -> Option<ErlangA> {
    let agents = blocking.servers;
    if traffic == 0.0 || blocking.ratio_not_blocked.is_infinite() {
        // Nobody waits (or the chance is below the smallest double).
        return Some(ErlangA {
            p_wait: 0.0,
            p_abandon: 0.0,
            service_level: 1.0,
            service_level_answered: 1.0,
            asa_s: 0.0,
            occupancy: if agents > 0.0 { traffic / agents } else { 0.0 },
            queue_length: 0.0,
        });
    }
    if agents == 0.0 {
        // No agents: every caller waits and abandons.
        return Some(ErlangA {
            p_wait: 1.0,
            p_abandon: 1.0,
            service_level: 0.0,
            service_level_answered: 0.0,
            asa_s: 0.0,
            occupancy: 0.0,
            queue_length: traffic * (patience_s / aht_s),
        });
    }
    None
}

/// What happens above `N` agents busy: the queue-state sums and the callers
/// answered within `T`, both in the sums' scale. They depend on the load,
/// `N`, AHT, patience and `T` but not on Erlang B, so a search that learns
/// a better Erlang B state for the same `N` combines it with them again
/// ([`Queue::with_blocking`]) instead of summing again.
#[derive(Debug)]
pub(crate) struct Queue {
    main: QueueSums,
    served_within_target: f64,
    /// `λ/θ`, the load in patiences.
    x: f64,
}

impl Queue {
    /// The sums for `agents ≥ 1` agents and some traffic (see [`without_queue`]).
    pub(crate) fn new(
        traffic: f64,
        agents: f64,
        aht_s: f64,
        patience_s: f64,
        target_s: f64,
    ) -> Result<Self> {
        let patience_per_aht = patience_s / aht_s;
        let a = agents * patience_per_aht;
        let x = traffic * patience_per_aht;
        let main = QueueSums::new(a, x)?;

        let patience_fraction = target_s / patience_s;
        let served_within_target = if patience_fraction == 0.0 {
            0.0
        } else {
            let late = QueueSums::new(a, x * (-patience_fraction).exp())?;
            let log_factor = x * -(-patience_fraction).exp_m1() - (a + 1.0) * patience_fraction;
            let shift = f64::from(late.scale - main.scale) * std::f64::consts::LN_2;
            let served_after_target = (log_factor + shift + late.served.ln())
                .exp()
                .min(main.served);
            if served_after_target > 0.5 * main.served {
                // Most answered callers wait longer than T: the difference would cancel.
                served_within_by_stages(a, x, patience_fraction, &main)?.min(main.served)
            } else {
                main.served - served_after_target
            }
        };
        Ok(Queue {
            main,
            served_within_target,
            x,
        })
    }

    /// The figures with the states below `N` busy given by Erlang B
    /// (`L = (1 − B)/B`, module docs), for the `N` the sums were made for.
    pub(crate) fn with_blocking(
        &self,
        traffic: f64,
        blocking: &Blocking,
        patience_s: f64,
    ) -> ErlangA {
        let Queue {
            main,
            served_within_target,
            x,
        } = self;
        let agents = blocking.servers;
        let below = scale_down(blocking.ratio_not_blocked, main.scale);
        let normaliser = below + main.waiting;
        let answered = below + main.served;
        let p_abandon = main.abandoning / normaliser;
        ErlangA {
            p_wait: main.waiting / normaliser,
            p_abandon,
            service_level: ((below + served_within_target) / normaliser).min(1.0),
            service_level_answered: ((below + served_within_target) / answered).min(1.0),
            asa_s: main.served_wait / answered * patience_s,
            occupancy: (traffic * (answered / normaliser) / agents).min(1.0),
            queue_length: x * p_abandon,
        }
    }
}

/// The sums over waiting states `k = 0, 1, …` (module docs), stored as
/// `value · 2^(−scale)` because in overload the terms outgrow a double.
#[derive(Debug)]
struct QueueSums {
    waiting: f64,
    abandoning: f64,
    served: f64,
    served_wait: f64,
    scale: i32,
}

const RESCALE_BITS: i32 = 500;

impl QueueSums {
    fn new(a: f64, x: f64) -> Result<Self> {
        if x - a > MAX_QUEUE_STATES {
            return Err(Error::TooLarge {
                what: "Erlang A queue (callers waiting in overload)",
                value: x - a,
                max: MAX_QUEUE_STATES,
            });
        }
        let big = 2f64.powi(RESCALE_BITS);
        let small = 2f64.powi(-RESCALE_BITS);
        let mut sums = QueueSums {
            waiting: 0.0,
            abandoning: 0.0,
            served: 0.0,
            served_wait: 0.0,
            scale: 0,
        };
        let mut term = 1.0;
        // `weight` is 1/(a+k+1) for the current k; the harmonic sum H_k adds
        // the next one, which is also the next state's weight: one division
        // per state (each value is the very expression it always was, so the
        // sums are bit for bit what they were with two).
        let mut weight = 1.0 / (a + 1.0);
        let mut harmonic = weight;
        let mut k = 0.0;
        loop {
            sums.waiting += term;
            sums.abandoning += term * (k + 1.0) * weight;
            let served = term * a * weight;
            sums.served += served;
            sums.served_wait += served * harmonic;
            let ratio = x * weight;
            term *= ratio;
            k += 1.0;
            weight = 1.0 / (a + k + 1.0);
            harmonic += weight;
            // The tail bound `term / (1 − ratio)` is at least `term`, so while
            // `term` exceeds 1e-16 of the smaller sum the test below cannot
            // pass: it is skipped (two divisions saved per state, same stop).
            let smaller = sums.abandoning.min(sums.served);
            if ratio < 1.0 && term <= 1e-16 * smaller {
                // Later ratios are smaller still, so the rest is below a geometric tail.
                let tail = term / (1.0 - ratio);
                let tail_wait = tail * (harmonic + 1.0 / ((1.0 - ratio) * (a + k)));
                if tail <= 1e-17 * smaller && tail_wait <= 1e-17 * sums.served_wait {
                    return Ok(sums);
                }
            }
            if term > big {
                term *= small;
                sums.waiting *= small;
                sums.abandoning *= small;
                sums.served *= small;
                sums.served_wait *= small;
                sums.scale += RESCALE_BITS;
            }
            if k > MAX_QUEUE_STATES {
                return Err(Error::TooLarge {
                    what: "Erlang A queue (states to sum)",
                    value: k,
                    max: MAX_QUEUE_STATES,
                });
            }
        }
    }
}

/// Callers answered within `T`, in the scale `2^(−main_scale)` of the main
/// sums, without subtracting: a caller served after waiting through the
/// `k + 1` stages of state `k` is answered within `T` with probability
/// `Σ_{m>k} NB(m)`, where `NB(m) = Γ(a+m+1) / (Γ(a+1)·m!) · u^(a+1) · p^m`
/// (negative binomial; `u = e^(−θT)`, `p = 1 − u`). Swapping the two sums,
///
/// ```text
/// served within T = Σ_{m≥1} NB(m) · C(m−1),   C(j) = Σ_{k≤j} t_k · a/(a+k+1)
/// ```
///
/// a sum of positive terms, accurate however small the result.
fn served_within_by_stages(
    a: f64,
    x: f64,
    patience_fraction: f64,
    main: &QueueSums,
) -> Result<f64> {
    let big = 2f64.powi(RESCALE_BITS);
    let small = 2f64.powi(-RESCALE_BITS);
    let ln_2 = std::f64::consts::LN_2;
    let p = -(-patience_fraction).exp_m1();
    // Each quantity is `value · 2^scale`; `stages` also carries the factor u^(a+1).
    let (mut term, mut term_scale) = (1.0, 0);
    let (mut stages, mut stages_scale) = (1.0, 0);
    let mut within = ScaledSum::default();
    let mut cumulative = 0.0;
    // ln of C(∞) in the scale of `term`, the most any later C can reach.
    let ln_all_served = main.served.ln() + f64::from(main.scale) * ln_2;
    let mut m = 0.0;
    loop {
        within.add(stages * cumulative, term_scale + stages_scale);
        let weight = 1.0 / (a + m + 1.0);
        cumulative += term * a * weight;
        let stages_ratio = (a + m + 1.0) * p / (m + 1.0);
        term *= x * weight;
        stages *= stages_ratio;
        m += 1.0;
        if stages_ratio < 1.0 {
            // Later ratios only fall, so a geometric tail bounds the stages left,
            // and no C exceeds C(∞).
            let ln_rest = (stages / (1.0 - stages_ratio)).ln()
                + f64::from(stages_scale) * ln_2
                + ln_all_served;
            if ln_rest <= within.ln() + (1e-17f64).ln() {
                break;
            }
        }
        if term > big {
            term *= small;
            cumulative *= small;
            term_scale += RESCALE_BITS;
        }
        if stages > big {
            stages *= small;
            stages_scale += RESCALE_BITS;
        } else if stages < small && stages > 0.0 {
            stages *= big;
            stages_scale -= RESCALE_BITS;
        }
        if m > MAX_QUEUE_STATES {
            return Err(Error::TooLarge {
                what: "Erlang A queue (states to sum)",
                value: m,
                max: MAX_QUEUE_STATES,
            });
        }
    }
    let log_first_stage = -(a + 1.0) * patience_fraction;
    Ok((within.ln() + log_first_stage - f64::from(main.scale) * ln_2).exp())
}

/// A sum of positive terms of very different magnitudes, as `value · 2^scale`.
#[derive(Debug, Default)]
struct ScaledSum {
    value: f64,
    scale: i32,
}

impl ScaledSum {
    fn add(&mut self, term: f64, scale: i32) {
        if term == 0.0 {
            return;
        }
        if self.value == 0.0 || scale - self.scale > 1_100 {
            *self = ScaledSum { value: term, scale };
        } else if self.scale - scale <= 1_100 {
            let shift = scale - self.scale;
            if shift > 0 {
                self.value = self.value * 2f64.powi(-shift) + term;
                self.scale = scale;
            } else {
                self.value += term * 2f64.powi(shift);
            }
        }
        if self.value > 2f64.powi(RESCALE_BITS) {
            self.value *= 2f64.powi(-RESCALE_BITS);
            self.scale += RESCALE_BITS;
        }
    }

    /// Natural logarithm of the sum (−∞ while empty).
    fn ln(&self) -> f64 {
        self.value.ln() + f64::from(self.scale) * std::f64::consts::LN_2
    }
}

/// `value · 2^(−scale)`, exact until it underflows.
fn scale_down(mut value: f64, mut scale: i32) -> f64 {
    let small = 2f64.powi(-RESCALE_BITS);
    while scale > 0 && value != 0.0 {
        value *= small;
        scale -= RESCALE_BITS;
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::erlang_c;
    use crate::prec::assert_relative;

    #[test]
    fn tends_to_erlang_c_as_patience_grows() {
        let c = erlang_c::evaluate(90.0, 100.0, 300.0, 20.0)
            .unwrap()
            .stable()
            .unwrap();
        let a = evaluate(90.0, 100.0, 300.0, 3e8, 20.0).unwrap();
        assert_relative(a.p_wait, c.p_wait, 1e-6);
        assert_relative(a.service_level, c.service_level, 1e-6);
        assert_relative(a.asa_s, c.asa_s, 1e-5);
        assert!(a.p_abandon < 1e-6);
    }

    #[test]
    fn single_agent_zero_threshold_by_hand() {
        // N = 1, A = 1, AHT = patience = 1 → a = 1, x = 1, t_k = 1/(k+1)!, L = 1.
        // Σ t_k = e − 1; served mass Σ t_k/(k+2) = Σ_{m≥1} 1/(m+1)! = e − 2; Z = L + Σ t_k = e.
        let r = evaluate(1.0, 1.0, 1.0, 1.0, 0.0).unwrap();
        let e = std::f64::consts::E;
        assert_relative(r.p_wait, (e - 1.0) / e, 1e-15);
        // abandon mass = Σ t_k − served = 1
        assert_relative(r.p_abandon, 1.0 / e, 1e-15);
        assert_relative(r.service_level, 1.0 / e, 1e-15);
    }

    #[test]
    fn overload_is_stable_and_finite() {
        let r = evaluate(50_000.0, 25_000.0, 300.0, 120.0, 20.0).unwrap();
        assert!(r.p_abandon > 0.49 && r.p_abandon < 0.51, "{r:?}");
        assert!(r.p_wait <= 1.0 && r.service_level >= 0.0 && r.occupancy <= 1.0);
        let r = evaluate(100.0, 1.0, 300.0, 60.0, 20.0).unwrap();
        assert!(r.occupancy > 0.99, "{r:?}");
    }

    #[test]
    fn no_agents_or_no_traffic() {
        let r = evaluate(5.0, 0.0, 300.0, 60.0, 20.0).unwrap();
        assert_eq!((r.p_abandon, r.service_level), (1.0, 0.0));
        let r = evaluate(0.0, 3.0, 300.0, 60.0, 20.0).unwrap();
        assert_eq!((r.p_wait, r.service_level, r.occupancy), (0.0, 1.0, 0.0));
    }

    #[test]
    fn both_ways_to_count_calls_answered_within_t_agree() {
        // (a, x, θT, served within T = a∫_u^1 y^a e^{x(1−y)} dy by 30-digit mpmath quadrature)
        let cases = [
            (10.0, 12.0, 0.3f64, 2.954_907_822_632_789_9),
            (1.5, 40.0, 0.05, 0.215_581_606_226_200_28),
            (800.0, 790.0, 0.002, 1.581_700_281_041_875_9),
            (3.0, 2.0, 1.0, 1.130_918_957_722_362_1),
        ];
        for (a, x, theta_t, exact) in cases {
            let main = QueueSums::new(a, x).unwrap();
            let late = QueueSums::new(a, x * (-theta_t).exp()).unwrap();
            let factor = (x * -(-theta_t).exp_m1() - (a + 1.0) * theta_t
                + f64::from(late.scale - main.scale) * std::f64::consts::LN_2)
                .exp();
            let by_difference = main.served - factor * late.served;
            let by_stages = served_within_by_stages(a, x, theta_t, &main).unwrap();
            assert_relative(by_stages, exact, 1e-13);
            if exact > 0.01 * main.served {
                assert_relative(by_difference, exact, 1e-13);
            } else {
                // 46 382 778 038 354 served in all: the difference keeps no digit, the reason for the stage sum.
                assert!(main.served > 4e13 && ((by_difference - exact) / exact).abs() > 0.1);
            }
        }
    }

    /// The sums as they were computed before they learnt to skip the tail
    /// test (two divisions more per state): the new loop must match them bit
    /// for bit, so no figure the app or the CLI prints changes.
    fn sums_with_every_tail_test(a: f64, x: f64) -> (f64, f64, f64, f64, i32) {
        let big = 2f64.powi(RESCALE_BITS);
        let small = 2f64.powi(-RESCALE_BITS);
        let (mut waiting, mut abandoning, mut served, mut served_wait, mut scale) =
            (0.0, 0.0, 0.0, 0.0, 0);
        let mut term = 1.0;
        let mut harmonic = 1.0 / (a + 1.0);
        let mut k = 0.0;
        loop {
            let weight = 1.0 / (a + k + 1.0);
            waiting += term;
            abandoning += term * (k + 1.0) * weight;
            served += term * a * weight;
            served_wait += term * a * weight * harmonic;
            let ratio = x * weight;
            term *= ratio;
            k += 1.0;
            harmonic += 1.0 / (a + k + 1.0);
            if ratio < 1.0 {
                let tail = term / (1.0 - ratio);
                let tail_wait = tail * (harmonic + 1.0 / ((1.0 - ratio) * (a + k)));
                if tail <= 1e-17 * abandoning.min(served) && tail_wait <= 1e-17 * served_wait {
                    return (waiting, abandoning, served, served_wait, scale);
                }
            }
            if term > big {
                term *= small;
                waiting *= small;
                abandoning *= small;
                served *= small;
                served_wait *= small;
                scale += RESCALE_BITS;
            }
        }
    }

    #[test]
    fn the_sums_are_bit_for_bit_those_of_every_tail_test() {
        for patience_per_aht in [0.003, 0.4, 1.0, 7.0] {
            for traffic in [0.2, 3.0, 37.3, 512.7, 5_000.0, 49_999.5] {
                let root = f64::sqrt(traffic);
                for agents in [
                    1.0,
                    (traffic - 3.0 * root).floor(),
                    traffic.floor(),
                    (traffic + root).ceil(),
                    (traffic + 6.0 * root).ceil(),
                ] {
                    let (a, x) = (
                        agents.max(1.0) * patience_per_aht,
                        traffic * patience_per_aht,
                    );
                    if x - a > 200_000.0 {
                        continue;
                    }
                    for x in [x, x * 0.8] {
                        let new = QueueSums::new(a, x).unwrap();
                        let old = sums_with_every_tail_test(a, x);
                        assert_eq!(
                            (
                                new.waiting,
                                new.abandoning,
                                new.served,
                                new.served_wait,
                                new.scale
                            ),
                            old,
                            "a = {a}, x = {x}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn refuses_work_beyond_the_documented_maximum() {
        let r = evaluate(50_000.0, 1.0, 1.0, 1e6, 20.0);
        assert!(matches!(r, Err(Error::TooLarge { .. })), "{r:?}");
        assert!(matches!(
            evaluate(5.0, 3.0, 300.0, 0.0, 20.0),
            Err(Error::Patience(_))
        ));
    }
}
