//! Erlang C (M/M/N, callers wait as long as needed): probability of waiting,
//! service level, ASA, occupancy and queue length.

use crate::erlang_b::Blocking;
use crate::error::{check_agents, check_aht, check_threshold, check_traffic, Result};
use serde::Serialize;

/// Figures of a stable Erlang C queue (`N > A`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ErlangC {
    /// Probability that a caller waits at all, `Pw` ("Erlang C formula").
    pub p_wait: f64,
    /// Share of calls answered within the threshold `T`, `SL(T)`.
    pub service_level: f64,
    /// Average speed of answer over all calls, seconds.
    pub asa_s: f64,
    /// Share of agents' time spent handling calls, `A / N`.
    pub occupancy: f64,
    /// Mean number of callers waiting, `Lq`.
    pub queue_length: f64,
}

/// Erlang C result: either the figures, or an unstable queue when the agents
/// cannot keep up with the load (`N ≤ A` with `A > 0`: the queue grows
/// without bound).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Outcome {
    Stable(ErlangC),
    Unstable,
}

impl Outcome {
    /// The figures, or `None` for an unstable queue.
    pub fn stable(self) -> Option<ErlangC> {
        match self {
            Outcome::Stable(figures) => Some(figures),
            Outcome::Unstable => None,
        }
    }
}

/// Erlang C figures for `A` Erlangs (`traffic`) handled by `N` agents
/// (`agents`, fractional allowed), mean handle time `aht_s` and service-level
/// threshold `target_s`:
///
/// ```text
/// Pw    = N·B / (N − A·(1 − B))   = N·B / ((N − A) + A·B),  B = Erlang B(N, A)
/// SL(T) = 1 − Pw · e^(−(N − A)·T / AHT) = (1 − Pw) + Pw·(1 − e^(−(N − A)·T / AHT))
/// ASA   = Pw · AHT / (N − A)
/// Lq    = Pw · A / (N − A),   occupancy = A / N
/// ```
///
/// (Erlang 1917; Cooper, "Introduction to Queueing Theory", 2nd ed., §3.4.)
/// Both forms on the right avoid subtracting nearly equal numbers. For
/// fractional `N` the continuous Erlang B is used.
///
/// ```
/// use ccplan_engine::erlang_c::{evaluate, Outcome};
/// let Outcome::Stable(c) = evaluate(10.0, 12.0, 180.0, 20.0).unwrap() else { panic!() };
/// assert!((c.p_wait - 0.449_388_224_298_270_87).abs() < 1e-14);
/// assert_eq!(evaluate(10.0, 10.0, 180.0, 20.0), Ok(Outcome::Unstable));
/// ```
pub fn evaluate(traffic: f64, agents: f64, aht_s: f64, target_s: f64) -> Result<Outcome> {
    let traffic = check_traffic(traffic)?;
    let agents = check_agents(agents)?;
    let aht_s = check_aht(aht_s)?;
    let target_s = check_threshold(target_s)?;
    Ok(from_blocking(
        traffic,
        &Blocking::at(traffic, agents),
        aht_s,
        target_s,
    ))
}

/// Erlang C from an already computed Erlang B state (lets callers walk
/// consecutive `N` with one recursion).
pub(crate) fn from_blocking(
    traffic: f64,
    blocking: &Blocking,
    aht_s: f64,
    target_s: f64,
) -> Outcome {
    let agents = blocking.servers;
    if traffic == 0.0 {
        // Nobody calls: nothing waits, whatever the staffing.
        return Outcome::Stable(ErlangC {
            p_wait: 0.0,
            service_level: 1.0,
            asa_s: 0.0,
            occupancy: 0.0,
            queue_length: 0.0,
        });
    }
    if agents <= traffic {
        return Outcome::Unstable;
    }
    let spare = agents - traffic;
    let b = blocking.blocking;
    let denominator = spare + traffic * b;
    let p_wait = agents * b / denominator;
    let no_wait = spare * blocking.not_blocked() / denominator;
    let decay = -(-spare * target_s / aht_s).exp_m1();
    let service_level = (no_wait + p_wait * decay).min(1.0);
    Outcome::Stable(ErlangC {
        p_wait,
        service_level,
        asa_s: p_wait * aht_s / spare,
        occupancy: traffic / agents,
        queue_length: p_wait * traffic / spare,
    })
}

/// The Halfin–Whitt limit of the probability of waiting: with
/// `N = A + β·√A` agents, as the load `A` grows,
///
/// ```text
/// Pw → [1 + β·Φ(β) / φ(β)]⁻¹,   β > 0
/// ```
///
/// where `Φ` and `φ` are the standard normal distribution and density
/// (Halfin & Whitt, "Heavy-traffic limits for queues with many exponential
/// servers", Operations Research 29(3), 1981). It is why square-root
/// staffing works: a fixed safety margin `β` keeps the chance of waiting
/// fixed however large the centre. `None` for `β ≤ 0` (no stable limit) or
/// a `β` that is not finite.
///
/// ```
/// let p = ccplan_engine::erlang_c::halfin_whitt_p_wait(1.0).unwrap();
/// assert!((p - 0.223_4).abs() < 5e-5);
/// ```
pub fn halfin_whitt_p_wait(beta: f64) -> Option<f64> {
    if !(beta > 0.0 && beta.is_finite()) {
        return None;
    }
    let density = (-0.5 * beta * beta).exp() / (2.0 * std::f64::consts::PI).sqrt();
    Some(1.0 / (1.0 + beta * standard_normal_cdf(beta) / density))
}

/// `Φ(x)` for `x ≥ 0` by its everywhere-convergent series
/// `Φ(x) = ½ + φ(x)·Σ x^(2k+1) / (1·3·…·(2k+1))` (Abramowitz & Stegun
/// 26.2.11); above 8 it is 1 to double precision.
fn standard_normal_cdf(x: f64) -> f64 {
    if x >= 8.0 {
        return 1.0;
    }
    let density = (-0.5 * x * x).exp() / (2.0 * std::f64::consts::PI).sqrt();
    let (mut term, mut sum, mut k) = (x, x, 0.0);
    while term > sum * 1e-17 {
        k += 1.0;
        term *= x * x / (2.0 * k + 1.0);
        sum += term;
    }
    0.5 + density * sum
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    fn stable(traffic: f64, agents: f64, aht_s: f64, target_s: f64) -> ErlangC {
        evaluate(traffic, agents, aht_s, target_s)
            .unwrap()
            .stable()
            .unwrap()
    }

    #[test]
    fn single_agent_is_m_m_1() {
        // M/M/1: Pw = ρ, ASA = ρ/(1−ρ)·AHT, SL(T) = 1 − ρ e^{−(1−ρ)T/AHT}
        let c = stable(0.5, 1.0, 100.0, 50.0);
        assert!((c.p_wait - 0.5).abs() < 1e-15);
        assert!((c.asa_s - 100.0).abs() < 1e-12);
        assert!((c.service_level - (1.0 - 0.5 * (-0.25f64).exp())).abs() < 1e-15);
        assert!((c.queue_length - 0.5).abs() < 1e-15);
    }

    #[test]
    fn classic_textbook_case() {
        // 200 calls in 60 min at 180 s AHT = 10 Erlangs: 13 agents just miss 80/20, 14 make it.
        // Values from 30-digit mpmath.
        let thirteen = stable(10.0, 13.0, 180.0, 20.0);
        let fourteen = stable(10.0, 14.0, 180.0, 20.0);
        assert!((thirteen.service_level - 0.795_594_788_417_783_12).abs() < 1e-15);
        assert!((fourteen.service_level - 0.888_350_019_179_466_88).abs() < 1e-15);
        assert!((thirteen.occupancy - 10.0 / 13.0).abs() < 1e-15);
    }

    #[test]
    fn unstable_is_a_result_not_a_number() {
        assert_eq!(evaluate(10.0, 9.5, 180.0, 20.0), Ok(Outcome::Unstable));
        assert_eq!(evaluate(10.0, 10.0, 180.0, 20.0), Ok(Outcome::Unstable));
        assert!(evaluate(0.0, 0.0, 180.0, 20.0).unwrap().stable().is_some());
    }

    #[test]
    fn no_traffic_means_no_waiting() {
        let c = stable(0.0, 1.0, 180.0, 20.0);
        assert_eq!(
            (c.p_wait, c.service_level, c.asa_s, c.occupancy),
            (0.0, 1.0, 0.0, 0.0)
        );
    }

    #[test]
    fn extreme_thresholds_stay_in_range() {
        let zero = stable(100.0, 101.0, 300.0, 0.0);
        assert!((zero.service_level - (1.0 - zero.p_wait)).abs() < 1e-15);
        let long = stable(100.0, 101.0, 300.0, 1e12);
        assert_eq!(long.service_level, 1.0);
    }

    #[test]
    fn invalid_inputs() {
        assert!(matches!(
            evaluate(-1.0, 3.0, 180.0, 20.0),
            Err(Error::Traffic(_))
        ));
        assert!(matches!(evaluate(1.0, 3.0, 0.0, 20.0), Err(Error::Aht(_))));
        assert!(matches!(
            evaluate(1.0, 3.0, 180.0, f64::NAN),
            Err(Error::Threshold(_))
        ));
    }

    #[test]
    fn the_halfin_whitt_limit_is_reached_by_large_centres() {
        assert!((standard_normal_cdf(1.0) - 0.841_344_746_068_542_9).abs() < 1e-15);
        assert!((standard_normal_cdf(2.5) - 0.993_790_334_674_223_8).abs() < 1e-15);
        assert_eq!(halfin_whitt_p_wait(0.0), None);
        assert_eq!(halfin_whitt_p_wait(f64::NAN), None);
        let limit = halfin_whitt_p_wait(1.0).unwrap();
        assert!((limit - 0.223_4).abs() < 5e-5, "{limit}");
        // Exact Erlang C at N = A + √A approaches the limit as A grows.
        let gap = |a: f64| {
            let agents = a + a.sqrt();
            let c = evaluate(a, agents, 180.0, 20.0).unwrap().stable().unwrap();
            (c.p_wait - limit).abs()
        };
        assert!(gap(10_000.0) < gap(100.0));
        assert!(gap(10_000.0) < 0.005);
    }
}
