//! Staffing for an uncertain forecast: the service level to expect, the
//! chance of meeting the target, and the agents each of those needs.
//!
//! # Model
//! The offered load of an interval is only forecast. With forecast `A`
//! Erlangs and a forecast error whose coefficient of variation is `cv`
//! (0.10 for a forecast usually within ±10 %), the load that arrives is
//!
//! ```text
//! L = A·(1 + cv·Z),   Z standard normal,
//! ```
//!
//! and `N` agents give the service level `SL(N, L)` of the chosen model
//! (Erlang C or Erlang A, [`Model`]). Two conventions complete it:
//! - a load `L ≤ 0` (impossible in practice for `cv ≤ 0.3`: 3.3 standard
//!   deviations down) has nobody calling, so `SL = 1`;
//! - an unstable Erlang C queue (`L ≥ N`) has `SL = 0`, its limit as `L → N`.
//!   Erlang A whose queue is too long to sum ([`Error::TooLarge`] from
//!   [`erlang_a`]: deep overload, or within an Erlang or two of `N` with a
//!   patience of millions of handle times, where `SL` is below 1e-3) also
//!   counts as `SL = 0`, as the staffing search in
//!   [`staffing`](crate::staffing) counts it as missing every target.
//!
//! `SL(N, L)` falls as `L` grows and rises with `N`, so
//!
//! ```text
//! expected SL        E[SL(N, L)] = ∫ SL(N, A(1 + cv·z)) φ(z) dz
//! chance of meeting  P(SL(N, L) ≥ s) = P(L ≤ A*(N)) = Φ((A*(N)/A − 1)/cv),
//! ```
//!
//! where `s` is the service-level target and `A*(N)` the largest load at
//! which `N` agents still meet it. Both rise with `N`. In particular `N`
//! meets the target with probability `p` exactly when it meets it at the
//! load's `p`-quantile `A·(1 + cv·Φ⁻¹(p))`. Forecast error as a random
//! multiplier on the arrival rate, and staffing for it, are discussed in
//! Jongbloed & Koole, "Managing uncertainty in call centres using Poisson
//! mixtures", Applied Stochastic Models in Business and Industry 17(4),
//! 2001, and Gans, Koole & Mandelbaum, "Telephone call centers: tutorial,
//! review, and research prospects", MSOM 5(2), 2003.
//!
//! Only the service-level target is used here: occupancy, ASA and
//! abandonment caps in [`Targets`] are ignored.
//!
//! Each call costs a few hundred evaluations of `SL` per expected service
//! level. Their work is estimated and bounded per call: Erlang A with a
//! patience of thousands of handle times at the largest loads, where one
//! evaluation sums millions of queue states, is refused with
//! [`Error::TooLarge`] after some seconds instead of running for minutes.

use crate::erlang_b::Blocking;
use crate::error::{check_agents, check_aht, check_range, check_threshold, check_traffic};
use crate::error::{Error, Result, MAX_AGENTS, MAX_QUEUE_STATES};
use crate::quadrature;
use crate::special::{normal_cdf, normal_density, normal_quantile};
use crate::staffing::{required_agents, Model, Targets};
use crate::{erlang_a, erlang_c};
use serde::{Deserialize, Serialize};
use std::cell::Cell;

/// Largest coefficient of variation of the load accepted.
pub const MAX_LOAD_CV: f64 = 1.0;

/// The staffing at one number of agents, seen three ways.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct UncertainStaffing {
    pub agents: u32,
    /// Service level if the forecast is exactly right, `SL(N, A)`.
    pub service_level: f64,
    /// Service level averaged over the forecast error, `E[SL(N, L)]`.
    pub expected_service_level: f64,
    /// Chance that the service level meets the target, `P(SL(N, L) ≥ s)`.
    pub probability_of_meeting: f64,
}

/// The agents three ways of planning for an uncertain forecast need.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct UncertainRequirement {
    /// The usual requirement at the forecast load: the smallest `N` with
    /// `SL(N, A) ≥ s` ([`required_agents`] for the service-level target).
    pub point: UncertainStaffing,
    /// The smallest `N` whose expected service level meets the target.
    pub expected: UncertainStaffing,
    /// The smallest `N` that meets the target with the asked probability.
    pub with_probability: UncertainStaffing,
}

/// The expected service level `E[SL(N, L)]` of `agents` agents (fractional
/// allowed) for a forecast of `traffic` Erlangs whose error has coefficient
/// of variation `load_cv` (in [0, [`MAX_LOAD_CV`]]); the other arguments as
/// for [`staffing::metrics`](crate::staffing::metrics). `load_cv = 0` gives
/// `SL(N, A)` itself (0 for an unstable Erlang C queue, and with the
/// module's convention for Erlang A queues too long to sum).
///
/// # Quadrature
/// Deterministic, to 1e-10 absolute by construction and about 1e-15 as
/// measured (the tests compare it with fixed composite rules of thousands
/// of panels, and those with twice as many):
/// - below a load `L_a` where the probability of waiting is at most 1e-13,
///   `1 − SL ≤ P(wait) ≤ 1e-13` (both rise with the load), so that part is
///   `Φ(z_a)` in closed form; likewise 0 above `N` for Erlang C, and above
///   a load whose Erlang A service level is at most 1e-13;
/// - in between, adaptive Gauss–Legendre in `z`: an 8-point rule on panels
///   at most one standard deviation wide, split at the kinks `L = N` (where
///   Erlang C turns unstable) and `L = 0`, is compared with the same rule on
///   each panel's halves, and panels are halved until the two agree to
///   1e-10 overall and no sharp change can hide between a panel's end and
///   its nearest node (see `quadrature::integrate`);
/// - `z` outside [−8, 8] is left out: `Φ(−8) = 6·10⁻¹⁶`.
///
/// A few hundred evaluations of `SL` per call, each costing what
/// [`staffing::metrics`](crate::staffing::metrics) costs.
///
/// ```
/// use ccplan_engine::staffing::Model;
/// use ccplan_engine::uncertainty::expected_service_level;
/// // 107 agents meet 80/20 at exactly 100 Erlangs; with a ±10 % forecast the
/// // service level averages about 62 %.
/// let e = expected_service_level(100.0, 180.0, Model::ErlangC, 107.0, 20.0, 0.1).unwrap();
/// assert!((e - 0.615).abs() < 0.001);
/// ```
pub fn expected_service_level(
    traffic: f64,
    aht_s: f64,
    model: Model,
    agents: f64,
    target_s: f64,
    load_cv: f64,
) -> Result<f64> {
    let (queue, forecast) = check(traffic, aht_s, model, target_s, load_cv)?;
    let agents = check_agents(agents)?;
    expected(&queue, &forecast, agents)
}

/// The probability that `agents` agents meet the service-level target of
/// `targets` (its other caps are ignored): `Φ((A*(N)/A − 1)/cv)`, with the
/// largest load `A*(N)` that still meets the target found by bisection to
/// 1e-10 relative. `load_cv = 0` gives 1 or 0: whether the target is met at
/// the forecast.
///
/// ```
/// use ccplan_engine::staffing::{Model, Targets};
/// use ccplan_engine::uncertainty::probability_of_meeting;
/// let targets = Targets::new(0.8, 20.0).unwrap();
/// // The point requirement is a coin toss once the forecast is uncertain.
/// let p = probability_of_meeting(100.0, 180.0, Model::ErlangC, 107.0, &targets, 0.1).unwrap();
/// assert!((p - 0.519).abs() < 0.001);
/// ```
pub fn probability_of_meeting(
    traffic: f64,
    aht_s: f64,
    model: Model,
    agents: f64,
    targets: &Targets,
    load_cv: f64,
) -> Result<f64> {
    let (queue, forecast) = check(traffic, aht_s, model, targets.target_s(), load_cv)?;
    let agents = check_agents(agents)?;
    probability(&queue, &forecast, agents, targets.service_level())
}

/// The agents an uncertain forecast needs for the service-level target of
/// `targets` (its occupancy, ASA and abandonment caps are ignored): the
/// point requirement at the forecast, the smallest `N` whose expected
/// service level meets the target, and the smallest `N` that meets it with
/// `probability` (in (0, 1), e.g. 0.9).
///
/// The expected-service-level search starts near its answer — at what
/// meets the target at the load's `s`-quantile — and gallops (steps of
/// `√A/4`, doubling) up or down to a bracket, then narrows it by
/// interpolation: the expected service level rises with `N`, so the answer
/// is the exact first `N`, in about four quadratures. The second answer is
/// the first `N` meeting the target at the load `A·(1 + cv·Φ⁻¹(probability))`,
/// checked against [`probability_of_meeting`] at it and one agent below.
/// Every search is bounded: more than [`MAX_AGENTS`] agents is
/// [`Error::Unreachable`], more work than the module allows
/// [`Error::TooLarge`].
///
/// ```
/// use ccplan_engine::staffing::{Model, Targets};
/// use ccplan_engine::uncertainty::agents_for_uncertainty;
/// let targets = Targets::new(0.8, 20.0).unwrap();
/// let r = agents_for_uncertainty(100.0, 180.0, Model::ErlangC, &targets, 0.1, 0.9).unwrap();
/// assert_eq!((r.point.agents, r.expected.agents, r.with_probability.agents), (107, 113, 120));
/// ```
pub fn agents_for_uncertainty(
    traffic: f64,
    aht_s: f64,
    model: Model,
    targets: &Targets,
    load_cv: f64,
    probability: f64,
) -> Result<UncertainRequirement> {
    let targets = targets.service_level_only();
    let (queue, forecast) = check(traffic, aht_s, model, targets.target_s(), load_cv)?;
    if !(probability > 0.0 && probability < 1.0) {
        return Err(Error::OutOfRange {
            what: "probability of meeting the target",
            value: probability,
        });
    }
    let target = targets.service_level();
    let point = required_agents(traffic, aht_s, model, &targets)?.agents;
    // The smallest N meeting the target at the load q standard deviations up.
    let meeting_at_quantile = |q: f64| -> Result<u32> {
        let load = forecast.load(q);
        if load <= 0.0 {
            return Ok(0);
        }
        let guess = (load + load.sqrt()).ceil().min(MAX_AGENTS) as u32;
        let step = (load.sqrt().ceil() as u32).max(1);
        smallest_reaching(guess, step, target, |n| {
            Ok(queue.at(f64::from(n), load)?.service_level)
        })
    };

    // Start from what meeting the target at the target-quantile of the load
    // needs: close to the answer when the load's spread is much wider than
    // √A, and within √A of it otherwise.
    let mut expected_at = Memo::default();
    let start = meeting_at_quantile(normal_quantile(target))?;
    let step = ((0.25 * traffic.sqrt()).ceil() as u32).max(1);
    let expected_agents = smallest_reaching(start, step, target, |n| {
        expected_at.get(n, |n| expected(&queue, &forecast, n))
    })?;

    let mut probability_at = Memo::default();
    let mut meets_probability = |n: u32| -> Result<bool> {
        Ok(
            probability_at.get(n, |n| self::probability(&queue, &forecast, n, target))?
                >= probability,
        )
    };
    // P(N) ≥ p exactly when N meets the target at the p-quantile of the load.
    let mut with_probability = meeting_at_quantile(normal_quantile(probability))?;
    // The same answer from the bisected probability, unless the quantile load
    // falls within rounding of A*(N): then step to agree with it.
    for _ in 0..MAX_ADJUSTMENTS {
        if !meets_probability(with_probability)? {
            if f64::from(with_probability) >= MAX_AGENTS {
                return Err(Error::Unreachable);
            }
            with_probability += 1;
        } else if with_probability > 0 && meets_probability(with_probability - 1)? {
            with_probability -= 1;
        } else {
            break;
        }
    }

    let mut staffing = |n: u32| -> Result<UncertainStaffing> {
        Ok(UncertainStaffing {
            agents: n,
            service_level: queue.at(f64::from(n), forecast.traffic)?.service_level,
            expected_service_level: expected_at.get(n, |n| expected(&queue, &forecast, n))?,
            probability_of_meeting: probability_at
                .get(n, |n| self::probability(&queue, &forecast, n, target))?,
        })
    };
    Ok(UncertainRequirement {
        point: staffing(point)?,
        expected: staffing(expected_agents)?,
        with_probability: staffing(with_probability)?,
    })
}

/// Stepping the probability answer by more than this is a bug, not rounding.
const MAX_ADJUSTMENTS: usize = 8;

/// Below this probability of waiting (or, for Erlang A in overload, this
/// service level) the service level counts as 1 (as 0) without quadrature.
const NEGLIGIBLE: f64 = 1e-13;
/// Quadrature covers `z` in [−Z_RANGE, Z_RANGE]; `Φ(−8) ≈ 6.2e-16`.
const Z_RANGE: f64 = 8.0;
/// Absolute tolerance of the adaptive quadrature over the whole range.
const TOLERANCE: f64 = 1e-10;

/// Validated inputs, as a queue and a forecast.
fn check(
    traffic: f64,
    aht_s: f64,
    model: Model,
    target_s: f64,
    load_cv: f64,
) -> Result<(Queue, Forecast)> {
    let traffic = check_traffic(traffic)?;
    let aht_s = check_aht(aht_s)?;
    let model = model.validate(aht_s)?;
    let target_s = check_threshold(target_s)?;
    let cv = check_range(
        "coefficient of variation of the load",
        load_cv,
        0.0..=MAX_LOAD_CV,
    )?;
    Ok((
        Queue {
            aht_s,
            model,
            target_s,
            work: Cell::new(0.0),
        },
        Forecast { traffic, cv },
    ))
}

/// The queue apart from its load: handle time, model and threshold; and
/// the work done so far for one call, against [`MAX_WORK`].
#[derive(Debug, Clone)]
struct Queue {
    aht_s: f64,
    model: Model,
    target_s: f64,
    work: Cell<f64>,
}

/// What the quadrature needs of one staffing at one load.
#[derive(Debug, Clone, Copy)]
struct Figures {
    service_level: f64,
    p_wait: f64,
}

impl Queue {
    /// `SL` and `P(wait)` of `agents` agents at any load, also above
    /// [`crate::MAX_TRAFFIC`] (a forecast near the limit can be exceeded),
    /// with the module's conventions for `L ≤ 0` and overload.
    fn at(&self, agents: f64, load: f64) -> Result<Figures> {
        const NOBODY: Figures = Figures {
            service_level: 1.0,
            p_wait: 0.0,
        };
        const SWAMPED: Figures = Figures {
            service_level: 0.0,
            p_wait: 1.0,
        };
        if load <= 0.0 {
            return Ok(NOBODY);
        }
        if self.model == Model::ErlangC && load >= agents {
            return Ok(SWAMPED);
        }
        let work = self.work.get() + self.cost(agents, load);
        if work > MAX_WORK {
            return Err(Error::TooLarge {
                what: "staffing for forecast uncertainty (estimated queue states to sum)",
                value: work,
                max: MAX_WORK,
            });
        }
        self.work.set(work);
        let blocking = Blocking::at(load, agents);
        match self.model {
            Model::ErlangC => {
                Ok(
                    erlang_c::from_blocking(load, &blocking, self.aht_s, self.target_s)
                        .stable()
                        .map_or(SWAMPED, |c| Figures {
                            service_level: c.service_level,
                            p_wait: c.p_wait,
                        }),
                )
            }
            Model::ErlangA { patience_s } => {
                match erlang_a::from_blocking(
                    load,
                    &blocking,
                    self.aht_s,
                    patience_s,
                    self.target_s,
                ) {
                    Ok(a) => Ok(Figures {
                        service_level: a.service_level,
                        p_wait: a.p_wait,
                    }),
                    Err(Error::TooLarge { .. }) => Ok(SWAMPED),
                    Err(other) => Err(other),
                }
            }
        }
    }

    /// About how many steps `at` takes: the Erlang B walk (some 9·√L below
    /// the smaller of `N` and `L`, up to `N`) and, for Erlang A, its
    /// queue-state sums, weighted 8 (each state costs several Erlang B steps,
    /// and the service level sums them twice, the second time with the
    /// patience shortened by the threshold). With patience `r` handle times
    /// the sums run over the `(L − N)·r` states of an overload and some
    /// `9·√(L·r)` more, or below `N` until the terms fall by 1e-17: about
    /// `39·N/(N − L)` states, at most `9·√(N·r)`.
    fn cost(&self, agents: f64, load: f64) -> f64 {
        let erlang_b = (10.0 * load.sqrt() + (agents - load).abs()).min(agents);
        let Model::ErlangA { patience_s } = self.model else {
            return erlang_b;
        };
        let ratio = patience_s / self.aht_s;
        let (a, x) = (agents * ratio, load * ratio);
        let excess = x - a;
        if excess > MAX_QUEUE_STATES {
            // Refused before any sum.
            return erlang_b;
        }
        let decay = if excess < 0.0 {
            (39.0 * a / -excess).min(9.0 * a.sqrt())
        } else {
            9.0 * x.sqrt()
        };
        erlang_b + 8.0 * (excess.max(0.0) + decay)
    }
}

/// Work allowed to one call, in the estimated steps of `Queue::cost`: five
/// times what the heaviest realistic request takes (100 000 Erlangs, ±50 %,
/// Erlang A with patience from 0.1 to 100 handle times: about 1e9 steps, a
/// second), so at most some 5–10 seconds natively. Beyond it — Erlang A
/// with patience of thousands of handle times at the largest loads, where
/// every evaluation near `L = N` sums millions of states — the call is
/// refused with [`Error::TooLarge`] rather than run for minutes.
const MAX_WORK: f64 = 5e9;

/// The forecast load and the spread of its error.
#[derive(Debug, Clone, Copy)]
struct Forecast {
    traffic: f64,
    cv: f64,
}

impl Forecast {
    /// The load `z` standard deviations from the forecast.
    fn load(&self, z: f64) -> f64 {
        self.traffic * (1.0 + self.cv * z)
    }

    /// How many standard deviations `load` lies from the forecast (`cv > 0`, `A > 0`).
    fn z(&self, load: f64) -> f64 {
        (load / self.traffic - 1.0) / self.cv
    }
}

/// `E[SL(N, L)]` from validated inputs (see [`expected_service_level`]): the
/// closed-form part below the load where waiting is negligible, zero above
/// the load where the service level is (Erlang C: `N`), and adaptive
/// quadrature in between.
fn expected(queue: &Queue, forecast: &Forecast, agents: f64) -> Result<f64> {
    if forecast.traffic == 0.0 {
        return Ok(1.0);
    }
    if forecast.cv == 0.0 {
        return Ok(queue.at(agents, forecast.traffic)?.service_level);
    }
    let z_empty = -1.0 / forecast.cv; // L = 0
    let z_full = forecast.z(agents); // L = N: Erlang C turns unstable
    let root = agents.max(1.0).sqrt();

    // Below `ones_below` the service level is 1 to within NEGLIGIBLE: walk
    // down from 6√N below N (or from the top of the range) until the
    // probability of waiting is negligible.
    let mut ones_below = z_empty;
    let mut gap = (6.0 * root).max(agents - forecast.load(Z_RANGE));
    loop {
        let load = agents - gap;
        if load <= 0.0 || forecast.z(load) <= -Z_RANGE {
            break;
        }
        if queue.at(agents, load)?.p_wait <= NEGLIGIBLE {
            ones_below = forecast.z(load);
            break;
        }
        gap *= 1.25;
    }

    // Above `zeros_above` the service level is 0 (Erlang C) or negligible.
    let zeros_above = match queue.model {
        Model::ErlangC => z_full,
        Model::ErlangA { patience_s } => {
            // With patience of r handle times the service level leaves
            // overload within about √(N/r) Erlangs; start there, as each
            // probe sums (L − N)·r queue states.
            let mut above = f64::INFINITY;
            let mut gap = 6.0 * root * (queue.aht_s / patience_s).sqrt().min(1.0);
            loop {
                let load = agents + gap;
                if forecast.z(load) >= Z_RANGE {
                    break;
                }
                if queue.at(agents, load)?.service_level <= NEGLIGIBLE {
                    above = forecast.z(load);
                    break;
                }
                gap *= 2.0;
            }
            above
        }
    };

    let lo = ones_below.max(-Z_RANGE);
    let hi = zeros_above.min(Z_RANGE);
    let mut total = normal_cdf(ones_below);
    if hi > lo {
        let mut service_level =
            |z: f64| -> Result<f64> { Ok(queue.at(agents, forecast.load(z))?.service_level) };
        total += quadrature::integrate(
            &mut service_level,
            normal_density,
            (lo, hi),
            &[z_empty, z_full],
            TOLERANCE,
        )?;
    }
    Ok(total.clamp(0.0, 1.0))
}

/// `P(SL(N, L) ≥ target)` from validated inputs (see [`probability_of_meeting`]).
fn probability(queue: &Queue, forecast: &Forecast, agents: f64, target: f64) -> Result<f64> {
    if forecast.traffic == 0.0 {
        return Ok(1.0);
    }
    let meets = |load: f64| -> Result<bool> { Ok(queue.at(agents, load)?.service_level >= target) };
    if forecast.cv == 0.0 {
        return Ok(if meets(forecast.traffic)? { 1.0 } else { 0.0 });
    }
    if agents == 0.0 {
        // Only loads at or below 0 are served: A*(0) = 0.
        return Ok(normal_cdf(forecast.z(0.0)));
    }
    // A*(N) lies in [lo, hi): load 0 always meets (nobody calls).
    let mut lo = 0.0;
    // Loads above 9 standard deviations up have probability 1e-19: beyond
    // what a double next to 1 shows.
    let top = forecast.load(9.0);
    let mut hi = match queue.model {
        // At L = N the queue is unstable: SL = 0. (If even `top` meets the
        // target, the bisection ends there, and Φ(9) rounds to 1.)
        Model::ErlangC => agents.min(top),
        // Erlang A may meet the target above N: gallop up from N.
        Model::ErlangA { .. } => {
            let mut probe = agents.max(forecast.traffic).min(top);
            loop {
                if !meets(probe)? {
                    break probe;
                }
                if probe >= top {
                    return Ok(1.0);
                }
                lo = probe;
                probe = (2.0 * probe).min(top);
            }
        }
    };
    if hi <= lo {
        return Ok(normal_cdf(forecast.z(lo)));
    }
    // Start near the forecast rather than at 0 when it is safe to.
    let bottom = forecast.load(-9.0);
    if bottom > lo && bottom < hi {
        if meets(bottom)? {
            lo = bottom;
        } else {
            hi = bottom;
        }
    }
    // Each halving gains a bit; 200 is far more than the ~40 needed.
    for _ in 0..200 {
        if hi - lo <= 1e-10 * hi {
            break;
        }
        let middle = 0.5 * (lo + hi);
        if meets(middle)? {
            lo = middle;
        } else {
            hi = middle;
        }
    }
    Ok(normal_cdf(forecast.z(0.5 * (lo + hi))))
}

/// The smallest whole `N ≤ MAX_AGENTS` whose `value` (non-decreasing in
/// `N`) reaches `target`: from `start`, gallop down (if it is reached there)
/// or up in steps of `step`, doubling, to a bracket; then narrow it by
/// linear interpolation of `value` (a smooth curve: usually two probes),
/// bisecting instead whenever two probes in a row fail to halve it. The
/// bracket holds whatever the probes, so the answer is exact.
fn smallest_reaching(
    start: u32,
    step: u32,
    target: f64,
    mut value: impl FnMut(u32) -> Result<f64>,
) -> Result<u32> {
    let max = MAX_AGENTS as u32;
    let start = start.min(max);
    let mut step = step.max(1);
    let at_start = value(start)?;
    // (agents, value) below and at-or-above the target.
    let (mut unmet, mut met) = if at_start >= target {
        let mut met = (start, at_start);
        loop {
            if met.0 == 0 {
                return Ok(0);
            }
            let probe = met.0.saturating_sub(step);
            let v = value(probe)?;
            if v >= target {
                met = (probe, v);
                step = step.saturating_mul(2);
            } else {
                break ((probe, v), met);
            }
        }
    } else {
        let mut unmet = (start, at_start);
        loop {
            if unmet.0 >= max {
                return Err(Error::Unreachable);
            }
            let probe = unmet.0.saturating_add(step).min(max);
            let v = value(probe)?;
            if v >= target {
                break (unmet, (probe, v));
            }
            unmet = (probe, v);
            step = step.saturating_mul(2);
        }
    };
    let mut slow = 0;
    while met.0 - unmet.0 > 1 {
        let width = met.0 - unmet.0;
        let probe = if slow >= 2 || met.1 <= unmet.1 {
            unmet.0 + width / 2
        } else {
            // The first whole N at or after the interpolated crossing.
            let fraction = (target - unmet.1) / (met.1 - unmet.1);
            let crossing = f64::from(unmet.0) + fraction * f64::from(width);
            (crossing.ceil() as u32).clamp(unmet.0 + 1, met.0 - 1)
        };
        let v = value(probe)?;
        if v >= target {
            met = (probe, v);
        } else {
            unmet = (probe, v);
        }
        slow = if 2 * (met.0 - unmet.0) > width {
            slow + 1
        } else {
            0
        };
    }
    Ok(met.0)
}

/// Values already computed, by number of agents (a search and the report
/// ask for the same `N` more than once, and each costs a quadrature).
#[derive(Default)]
struct Memo(Vec<(u32, f64)>);

impl Memo {
    fn get(&mut self, n: u32, compute: impl FnOnce(f64) -> Result<f64>) -> Result<f64> {
        if let Some(&(_, value)) = self.0.iter().find(|(m, _)| *m == n) {
            return Ok(value);
        }
        let value = compute(f64::from(n))?;
        self.0.push((n, value));
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::staffing::metrics;

    const AHT: f64 = 180.0;
    const ERLANG_A: Model = Model::ErlangA { patience_s: 120.0 };

    fn eighty_twenty() -> Targets {
        Targets::new(0.8, 20.0).unwrap()
    }

    fn requirement(traffic: f64, model: Model, cv: f64, p: f64) -> UncertainRequirement {
        agents_for_uncertainty(traffic, AHT, model, &eighty_twenty(), cv, p).unwrap()
    }

    /// `E[SL]` by a fixed composite rule over all of [−8, 8], with none of
    /// the closed-form parts and no adaptivity: panels ⅛ wide, graded
    /// towards the kink at `L = N` (breaks 10⁻¹, 10⁻¹·⁵ … 10⁻¹² from it) and split
    /// at `L = 0`, each cut into `pieces` equal 8-point panels.
    fn reference(traffic: f64, model: Model, agents: f64, cv: f64, t: f64, pieces: u32) -> f64 {
        let (queue, forecast) = check(traffic, AHT, model, t, cv).unwrap();
        let z_full = forecast.z(agents);
        let mut edges: Vec<f64> = (-64..=64).map(|i| f64::from(i) / 8.0).collect();
        edges.push(-1.0 / cv);
        for k in 2..=24 {
            let offset = 10f64.powf(-0.5 * f64::from(k));
            edges.extend([z_full - offset, z_full, z_full + offset]);
        }
        edges.retain(|z| z.abs() <= Z_RANGE);
        edges.sort_by(f64::total_cmp);
        edges.dedup();
        // Above N a service level of exactly 0 stays 0 (it only falls with
        // the load): skip the costly Erlang A sums of deep overload.
        let mut zero_from = f64::INFINITY;
        let mut service_level = |z: f64| -> Result<f64> {
            if z >= zero_from {
                return Ok(0.0);
            }
            let value = queue.at(agents, forecast.load(z))?.service_level;
            if value == 0.0 && z > z_full {
                zero_from = z;
            }
            Ok(value)
        };
        let mut sum = 0.0;
        for pair in edges.windows(2) {
            let width = (pair[1] - pair[0]) / f64::from(pieces);
            for i in 0..pieces {
                let a = pair[0] + width * f64::from(i);
                sum += quadrature::Rule::new(&mut service_level, normal_density, a, a + width)
                    .unwrap()
                    .integral;
            }
        }
        sum
    }

    #[test]
    fn the_issue_examples() {
        // 80/20, AHT 180 s, Erlang C. Exact N; the neighbours confirm the edges.
        let r = requirement(100.0, Model::ErlangC, 0.10, 0.9);
        assert_eq!(
            (r.point.agents, r.expected.agents, r.with_probability.agents),
            (107, 113, 120)
        );
        let r = requirement(100.0, Model::ErlangC, 0.05, 0.9);
        assert_eq!(
            (r.point.agents, r.expected.agents, r.with_probability.agents),
            (107, 110, 114)
        );
        let r = requirement(10.0, Model::ErlangC, 0.10, 0.9);
        assert_eq!(
            (r.point.agents, r.expected.agents, r.with_probability.agents),
            (14, 14, 15)
        );
    }

    #[test]
    fn the_point_requirement_is_a_coin_toss_under_uncertainty() {
        let r = requirement(100.0, Model::ErlangC, 0.10, 0.9);
        let point = r.point;
        assert!(
            (point.service_level - 0.823_804_703).abs() < 1e-8,
            "{point:?}"
        );
        // SciPy quad (epsabs 1e-13) and brentq give 0.615096541 and 0.518886037.
        assert!(
            (point.expected_service_level - 0.615_096_541).abs() < 1e-8,
            "{point:?}"
        );
        assert!(
            (point.probability_of_meeting - 0.518_886_037).abs() < 1e-8,
            "{point:?}"
        );
        // Each answer meets its criterion and one agent fewer does not.
        assert!(r.expected.expected_service_level >= 0.8);
        assert!((r.expected.expected_service_level - 0.800_659_542).abs() < 1e-8);
        let below = expected_service_level(100.0, AHT, Model::ErlangC, 112.0, 20.0, 0.1).unwrap();
        assert!((below - 0.774_218_200).abs() < 1e-8, "{below}");
        assert!((r.with_probability.probability_of_meeting - 0.907_496_469).abs() < 1e-8);
        let targets = eighty_twenty();
        let below =
            probability_of_meeting(100.0, AHT, Model::ErlangC, 119.0, &targets, 0.1).unwrap();
        assert!((below - 0.890_106_275).abs() < 1e-8, "{below}");
        // A = 100, cv 5 %: 109 agents fall just short in expectation.
        let short = expected_service_level(100.0, AHT, Model::ErlangC, 109.0, 20.0, 0.05).unwrap();
        assert!((short - 0.799_572_612).abs() < 1e-8, "{short}");
    }

    #[test]
    fn quadrature_converges_when_the_nodes_double() {
        // Patience of 10⁶ handle times: nearly Erlang C, the service level
        // falls from 0.2 % to nothing within 0.1 Erlangs above N.
        let long_patience = Model::ErlangA {
            patience_s: 1e6 * AHT,
        };
        let short_patience = Model::ErlangA { patience_s: 30.0 };
        for (traffic, model, agents, cv, t) in [
            (100.0, Model::ErlangC, 107.0, 0.1, 20.0),
            (100.0, Model::ErlangC, 113.0, 0.05, 20.0),
            (10.0, Model::ErlangC, 14.0, 0.3, 20.0),
            (2.0, Model::ErlangC, 3.0, 1.0, 20.0),
            (5_000.0, Model::ErlangC, 5_200.0, 0.1, 20.0),
            // A threshold of 20 and of 500 handle times: the service level
            // leaps from 0 at L = N to near 1 within 0.05 and 0.002 Erlangs.
            (100.0, Model::ErlangC, 107.0, 0.1, 3_600.0),
            (100.0, Model::ErlangC, 107.0, 0.1, 90_000.0),
            (100.0, ERLANG_A, 105.0, 0.1, 20.0),
            (5_000.0, ERLANG_A, 5_100.0, 0.02, 20.0),
            (100.0, long_patience, 107.0, 0.1, 20.0),
            (1_000.0, short_patience, 1_000.0, 0.3, 20.0),
        ] {
            let adaptive = expected_service_level(traffic, AHT, model, agents, t, cv).unwrap();
            let reference_coarse = reference(traffic, model, agents, cv, t, 2);
            let reference_fine = reference(traffic, model, agents, cv, t, 4);
            assert!(
                (reference_coarse - reference_fine).abs() < 1e-11,
                "{traffic} {model:?} {t}: {reference_coarse} {reference_fine}"
            );
            assert!(
                (adaptive - reference_fine).abs() < 1e-10,
                "{traffic} {model:?} {t}: {adaptive} {reference_fine}"
            );
        }
    }

    #[test]
    fn no_uncertainty_is_the_point_service_level() {
        for model in [Model::ErlangC, ERLANG_A] {
            for agents in [95.0, 103.5, 107.0, 120.0] {
                let point = metrics(100.0, AHT, model, agents, 20.0)
                    .unwrap()
                    .map_or(0.0, |m| m.service_level);
                let exact = expected_service_level(100.0, AHT, model, agents, 20.0, 0.0).unwrap();
                assert_eq!(exact, point);
                let tiny = expected_service_level(100.0, AHT, model, agents, 20.0, 1e-6).unwrap();
                assert!(
                    (tiny - point).abs() < 1e-5,
                    "{model:?} {agents}: {tiny} {point}"
                );
                let p = probability_of_meeting(100.0, AHT, model, agents, &eighty_twenty(), 0.0)
                    .unwrap();
                assert_eq!(p, if point >= 0.8 { 1.0 } else { 0.0 });
            }
        }
        let r = requirement(100.0, Model::ErlangC, 0.0, 0.9);
        assert_eq!(r.expected.agents, r.point.agents);
        assert_eq!(r.with_probability.agents, r.point.agents);
    }

    #[test]
    fn erlang_a_needs_no_more_agents_than_erlang_c() {
        for (traffic, cv) in [(10.0, 0.1), (100.0, 0.05), (100.0, 0.1), (2_000.0, 0.2)] {
            let c = requirement(traffic, Model::ErlangC, cv, 0.9);
            let a = requirement(traffic, ERLANG_A, cv, 0.9);
            for (x, y) in [
                (a.point, c.point),
                (a.expected, c.expected),
                (a.with_probability, c.with_probability),
            ] {
                assert!(x.agents <= y.agents, "{traffic} {cv}: {x:?} {y:?}");
                for v in [
                    x.service_level,
                    x.expected_service_level,
                    x.probability_of_meeting,
                ] {
                    assert!((0.0..=1.0).contains(&v), "{x:?}");
                }
            }
            assert!(a.expected.expected_service_level >= 0.8);
            assert!(a.with_probability.probability_of_meeting >= 0.9);
        }
        let a = requirement(100.0, ERLANG_A, 0.1, 0.9);
        assert_eq!(
            (a.point.agents, a.expected.agents, a.with_probability.agents),
            (96, 99, 108)
        );
    }

    #[test]
    fn answers_are_the_first_n_meeting_their_criterion() {
        let targets = eighty_twenty();
        for model in [Model::ErlangC, ERLANG_A] {
            for (traffic, cv, p) in [(3.0, 0.2, 0.75), (250.0, 0.15, 0.95), (40.0, 0.08, 0.3)] {
                let r = requirement(traffic, model, cv, p);
                let e = |n: u32| {
                    expected_service_level(traffic, AHT, model, f64::from(n), 20.0, cv).unwrap()
                };
                let pr = |n: u32| {
                    probability_of_meeting(traffic, AHT, model, f64::from(n), &targets, cv).unwrap()
                };
                assert!(e(r.expected.agents) >= 0.8 && e(r.expected.agents - 1) < 0.8);
                assert!(pr(r.with_probability.agents) >= p);
                assert!(pr(r.with_probability.agents - 1) < p);
                assert_eq!(r.expected.expected_service_level, e(r.expected.agents));
            }
        }
        // A low chance asked for: fewer agents than the point requirement.
        let r = requirement(100.0, Model::ErlangC, 0.1, 0.2);
        assert!(r.with_probability.agents < r.point.agents, "{r:?}");
    }

    #[test]
    fn large_loads_and_the_limits() {
        // The load may exceed MAX_TRAFFIC once uncertain; still an answer.
        let r = requirement(100_000.0, Model::ErlangC, 0.1, 0.9);
        assert!(r.with_probability.agents > 112_000 && r.with_probability.agents < 114_000);
        // 1 + 1·Φ⁻¹(0.99) = 3.3 times the load needs more than MAX_AGENTS.
        assert_eq!(
            agents_for_uncertainty(100_000.0, AHT, Model::ErlangC, &eighty_twenty(), 1.0, 0.99),
            Err(Error::Unreachable)
        );
        let r = requirement(0.0, Model::ErlangC, 0.1, 0.9);
        assert_eq!(
            (r.point.agents, r.expected.agents, r.with_probability.agents),
            (0, 0, 0)
        );
        // A huge spread: loads at or below 0 count as served.
        let e = expected_service_level(10.0, AHT, Model::ErlangC, 0.0, 20.0, 1.0).unwrap();
        assert!((e - normal_cdf(-1.0)).abs() < 1e-15, "{e}");
    }

    #[test]
    fn invalid_inputs_are_typed_errors() {
        let t = eighty_twenty();
        for cv in [-0.1, 1.5, f64::NAN, f64::INFINITY] {
            assert!(matches!(
                expected_service_level(100.0, AHT, Model::ErlangC, 110.0, 20.0, cv),
                Err(Error::OutOfRange { .. })
            ));
        }
        for p in [0.0, 1.0, f64::NAN, -2.0] {
            assert!(matches!(
                agents_for_uncertainty(100.0, AHT, Model::ErlangC, &t, 0.1, p),
                Err(Error::OutOfRange { .. })
            ));
        }
        assert!(matches!(
            expected_service_level(f64::NAN, AHT, Model::ErlangC, 110.0, 20.0, 0.1),
            Err(Error::Traffic(_))
        ));
        assert!(matches!(
            probability_of_meeting(100.0, AHT, Model::ErlangC, -1.0, &t, 0.1),
            Err(Error::Agents(_))
        ));
        // Targets no staffing meets cannot be built, so never reach here.
        assert_eq!(Targets::new(1.0, 20.0), Err(Error::ServiceLevelTarget(1.0)));
        // Caps other than the service level are ignored, not refused.
        let capped = t.with_max_occupancy(0.5).unwrap();
        assert_eq!(
            agents_for_uncertainty(100.0, AHT, Model::ErlangC, &capped, 0.1, 0.9),
            agents_for_uncertainty(100.0, AHT, Model::ErlangC, &t, 0.1, 0.9)
        );
    }
}
