//! The best service a budget can buy: a fixed number of agent-intervals
//! spread over a day's intervals so that the day's service level is as high
//! as it can be; and, to compare, the usual proportional cut of the
//! requirement.
//!
//! # Problem
//! A day has intervals of equal length with offered loads `A_i` Erlangs.
//! `N_i` agents in interval `i` answer the share `SL_i(N_i)` of its calls
//! within the threshold `T` (Erlang C or Erlang A, as
//! [`staffing::metrics`] computes it; an unstable Erlang C queue answers
//! nobody in time, `SL = 0`). The intervals are equally long, so the calls
//! they offer are in proportion to `A_i`, and with a budget of `B`
//! agent-intervals the best staffing solves
//!
//! ```text
//! maximise    SL_day = Σ A_i·SL_i(N_i) / Σ A_i
//! subject to  Σ N_i ≤ B,   N_i ≥ ⌊A_i⌋ + 1 (intervals with A_i > 0),   N_i whole
//! ```
//!
//! This is the day-level ("global") service level of Koole & van der Sluis,
//! "Optimal shift scheduling with a global service level constraint", IIE
//! Transactions 35(11), 2003, here without shifts. Conventions:
//! - every interval with traffic starts at the smallest stable staffing
//!   `⌊A_i⌋ + 1`, under both models: Erlang A would accept fewer, but one
//!   floor for both keeps the minimum budget a single, explainable number;
//! - intervals with `A_i = 0` get no agents and do not count (no calls, no
//!   weight; the worst interval is taken over the others); a day with no
//!   traffic at all has `SL_day = 1`;
//! - a budget below `Σ (⌊A_i⌋ + 1)` cannot keep every interval stable: the
//!   answer says `feasible: false`, with that minimum and its figures;
//! - an agent that adds less than [`NEGLIGIBLE_GAIN`] to its interval's
//!   service level (rounding level) is not added, so a generous budget is
//!   not all spent: `used_agent_intervals` says how much was.
//!
//! # Method
//! Write `f_i(k) = A_i·SL_i(⌊A_i⌋ + 1 + k)` for the calls answered in time
//! with `k` agents above the floor. When every `f_i` is concave, handing
//! out agents one at a time where `f_i(k + 1) − f_i(k)` is largest (a binary
//! heap) is optimal at every budget: marginal analysis (Fox, "Discrete
//! optimization via marginal analysis", Management Science 13(3), 1966;
//! Ibaraki & Katoh, "Resource Allocation Problems", MIT Press, 1988, ch. 4).
//!
//! Erlang C's service level was concave from `⌊A⌋ + 1` in every case checked
//! (loads from 0.01 to 100 000 Erlangs, thresholds from 0 to 100 handle
//! times, up to rounding in the last digit near `SL = 1`; the test
//! `erlang_c_service_level_is_concave_from_the_stable_floor` keeps a
//! sample). Erlang A's is not: with a patience of a few handle times or more
//! and a threshold of a few percent of the handle time or less, it is
//! S-shaped just above the load (at 1 000 Erlangs, patience 10 handle times
//! and `T = 0`, the gains of the first six agents above the floor rise one
//! after another, and the hull's first block is eight agents long). So each
//! interval is walked along its upper concave hull: from where it stands,
//! the greedy offers the block of the next `k` agents with the best mean
//! gain per agent, looking ahead while that mean still improves. For gains
//! that rise and then fall, as these do, that finds the hull exactly, and
//! the greedy is then optimal at every budget it spends in whole blocks (the
//! hull's optimum is reached at hull vertices, where `f_i` equals its hull).
//!
//! When the best block no longer fits in what is left, the greedy fills the
//! rest with the best blocks that fit, and a repair makes the answer exact.
//! With `λ` the mean gain of the block that did not fit, every interval's
//! staffing `k⁰_i` at that moment maximises `f_i(k) − λ·k` (all blocks
//! taken gained at least `λ`, all not taken at most `λ`), so for any
//! staffing `k` within the budget `B⁰ + r` (`r` left over)
//!
//! ```text
//! Σ f_i(k_i) = U − Σ loss_i(k_i) − λ·(unspent),   U = Σ f_i(k⁰_i) + λ·r,
//! loss_i(k) = [f_i(k⁰_i) − λ·k⁰_i] − [f_i(k) − λ·k] ≥ 0
//! ```
//!
//! (Everett, "Generalized Lagrange multiplier method for solving problems
//! of optimum allocation of resources", Operations Research 11(3), 1963).
//! A staffing better than the greedy's, which falls short of `U` by `P`, has
//! every `loss_i(k_i) < P`; those few `k_i` per interval are listed (the
//! hull bounds the loss from below, so the search upward stops) and a small
//! dynamic program over their total picks the best. Only S-shaped Erlang A
//! curves (and rounding wiggles in the last digits) ever need it.
//!
//! `allocate_exact` (built for tests only) solves the same problem by
//! dynamic programming over all staffings, `O(n·E²)` for `E` agents above
//! the floors: the oracle the tests compare [`allocate`] with on small days.
//!
//! # Work
//! Each interval's service levels are computed once, in runs of consecutive
//! `N` with one Erlang B recursion per run ([`staffing::staffing_curve`],
//! the same figures [`staffing::metrics`] gives), and cached. The greedy
//! evaluates only as far as the budget reaches, plus a point of look-ahead
//! per interval and the rest of the run that point falls in. Its work is
//! estimated as it goes (as in [`uncertainty`](crate::uncertainty)) and
//! bounded by [`MAX_WORK`], a second or two natively. Beyond that — tens of
//! thousands of intervals of thousands of Erlangs, or a year of intervals
//! under Erlang A, each with the budget to saturate every interval — the
//! request is refused with [`Error::TooLarge`] rather than run for minutes.
//! The budget itself may be any number: agents stop being added where they
//! no longer gain.

use crate::error::{check_aht, check_threshold, check_traffic, Error, Result};
use crate::error::{MAX_AGENTS, MAX_INTERVALS, MAX_QUEUE_STATES};
use crate::staffing::{self, Model, Targets};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// A staffing of the day's intervals and what it achieves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Allocation {
    /// Agents per interval, in the order of the traffic.
    pub agents: Vec<u32>,
    /// Calls answered within the threshold over calls offered, all day:
    /// `Σ A_i·SL_i / Σ A_i`, in [0, 1] (1 when nobody calls).
    pub service_level: f64,
    /// The lowest service level of an interval with traffic (1 when none has).
    pub worst_service_level: f64,
    /// Whether the budget keeps every interval stable (`Σ (⌊A_i⌋ + 1)` or more).
    pub feasible: bool,
    /// Agent-intervals needed to keep every interval stable: `Σ (⌊A_i⌋ + 1)`
    /// over intervals with traffic.
    pub minimum_agent_intervals: u64,
    /// Agent-intervals in `agents` (`Σ N_i`); above the budget only when it
    /// is not feasible.
    pub used_agent_intervals: u64,
}

/// Service level an agent must add to its interval to be worth adding.
/// Gains below this are rounding in the last digits of `SL`.
pub const NEGLIGIBLE_GAIN: f64 = 1e-15;

/// Work allowed to one call, in estimated steps of the Erlang B walk and
/// the Erlang A queue sums (see `Queue::charge_curve`), each a few
/// nanoseconds: a second or two natively before a request is refused. A
/// day of 96 intervals of 1 000 Erlangs with the budget to saturate them
/// all takes some 10⁶ under Erlang C and 10⁸ under Erlang A; a year of
/// 15-minute intervals of 50 Erlangs with a budget 3 % above the floors
/// some 10⁷ and 10⁸.
pub const MAX_WORK: f64 = 5e8;

/// Estimated steps for one service level besides its Erlang B step and
/// queue sums (the figures themselves, the cache), and for one block taken
/// from the heap; measured at some 50–100 ns each.
const STEPS_PER_POINT: f64 = 30.0;

/// Longest block of agents the greedy looks at in one interval. The S-shaped
/// start of an Erlang A curve spans about `0.3·√A` agents (some 100 at the
/// largest loads); so fewer than this many agents are ever left over when
/// the repair runs. Service levels of exactly 0 (a queue too long to sum, see
/// [`Queue::service_levels`]) are looked across too.
const MAX_LOOKAHEAD: u32 = 1_024;

/// Most (interval, total deviation) states the repair's dynamic program
/// may keep (4 bytes each).
const MAX_REPAIR_STATES: f64 = 2e7;

/// Largest `n·(B − minimum)²` that `allocate_exact` accepts.
#[cfg(test)]
const MAX_EXACT_WORK: f64 = 2e8;

/// Spends `budget` agent-intervals so that the day's service level is as
/// high as it can be (see the module documentation for the problem, the
/// conventions and the method).
///
/// `traffic` holds each interval's offered load in Erlangs; `aht_s` the
/// handle time, `target_s` the service-level threshold `T`, both seconds.
///
/// ```
/// use ccplan_engine::allocate::{allocate, proportional_cut};
/// use ccplan_engine::staffing::Model;
/// let day = [2.5, 10.0, 30.0, 12.0, 0.0];
/// let best = allocate(&day, 300.0, 20.0, Model::ErlangC, 65).unwrap();
/// let cut = proportional_cut(&day, 300.0, 20.0, Model::ErlangC, 65, 0.8).unwrap();
/// assert!(best.feasible && best.used_agent_intervals <= 65);
/// assert!(best.service_level >= cut.service_level);
/// assert_eq!(best.agents[4], 0);
/// ```
pub fn allocate(
    traffic: &[f64],
    aht_s: f64,
    target_s: f64,
    model: Model,
    budget: u64,
) -> Result<Allocation> {
    allocate_within(traffic, aht_s, target_s, model, budget, MAX_WORK)
}

fn allocate_within(
    traffic: &[f64],
    aht_s: f64,
    target_s: f64,
    model: Model,
    budget: u64,
    max_work: f64,
) -> Result<Allocation> {
    let queue = || Queue::new(aht_s, target_s, model, max_work);
    spend_above_floors(traffic, queue, budget, |search, _, extras| {
        search.greedy(extras)
    })
}

/// The allocation of `budget` over `traffic`: the floors `⌊A_i⌋ + 1`, and
/// the `extras` agents above them placed by `choose`. A budget below the
/// floors buys only what it can of them (`feasible: false`). The day is
/// checked before the `queue` is built, so a bad load is reported first.
fn spend_above_floors(
    traffic: &[f64],
    queue: impl FnOnce() -> Result<Queue>,
    budget: u64,
    choose: impl FnOnce(&mut Search, &Day, u64) -> Result<Vec<u32>>,
) -> Result<Allocation> {
    let day = Day::new(traffic)?;
    let mut search = Search::new(&day, queue()?);
    let Some(extras) = budget.checked_sub(day.minimum) else {
        return search.allocation(&vec![0; day.traffic.len()], false);
    };
    let above_floor = choose(&mut search, &day, extras)?;
    search.allocation(&above_floor, true)
}

/// The optimum of [`allocate`]'s problem by dynamic programming over every
/// staffing: `best_b` = the most calls answered in time with at most `b`
/// agents above the floors, one interval at a time,
/// `best'_b = max_k best_{b−k} + f_i(k)`. `O(n·E²)` steps for `E = B − Σ
/// (⌊A_i⌋ + 1)`, refused with [`Error::TooLarge`] above 2·10⁸: a reference
/// for tests on small days, not for planning. Unlike
/// [`allocate`] it adds agents whatever they gain; among equal days it
/// spends the fewest agents.
#[cfg(test)]
pub(crate) fn allocate_exact(
    traffic: &[f64],
    (aht_s, target_s, model): (f64, f64, Model),
    budget: u64,
) -> Result<Allocation> {
    let queue = || Queue::new(aht_s, target_s, model, MAX_WORK);
    spend_above_floors(traffic, queue, budget, exact_above_floors)
}

/// The dynamic program of [`allocate_exact`]: the best placement of
/// `extras` agents above the floors.
#[cfg(test)]
fn exact_above_floors(search: &mut Search, day: &Day, extras: u64) -> Result<Vec<u32>> {
    let active = day.active();
    let work = active.len() as f64 * (extras as f64 + 1.0).powi(2);
    if work > MAX_EXACT_WORK {
        return Err(Error::TooLarge {
            what: "exact budget allocation (intervals × extra agents²)",
            value: work,
            max: MAX_EXACT_WORK,
        });
    }
    let extras = extras as usize; // at most √(2·10⁸)
    let mut best = vec![0.0; extras + 1];
    let mut choices: Vec<Vec<u32>> = Vec::with_capacity(active.len());
    for &i in &active {
        let mut gained = Vec::with_capacity(extras + 1);
        for k in 0..=extras as u32 {
            match search.level(i, k)? {
                Some(level) => gained.push(day.traffic[i] * level),
                None => break, // beyond MAX_AGENTS
            }
        }
        let mut next = vec![f64::NEG_INFINITY; extras + 1];
        let mut choice = vec![0u32; extras + 1];
        for b in 0..=extras {
            for (k, &value) in gained.iter().enumerate().take(b + 1) {
                let total = best[b - k] + value;
                if total > next[b] {
                    next[b] = total;
                    choice[b] = k as u32;
                }
            }
        }
        best = next;
        choices.push(choice);
    }
    // The fewest agents that reach the best day.
    let top = best.last().copied().unwrap_or(0.0);
    let mut b = best.iter().position(|&v| v >= top).unwrap_or(0);
    let mut above_floor = vec![0u32; day.traffic.len()];
    for (&i, choice) in active.iter().zip(&choices).rev() {
        above_floor[i] = choice[b];
        b -= choice[b] as usize;
    }
    Ok(above_floor)
}

/// The usual way to live within a budget, to compare with [`allocate`]: each
/// interval's requirement for the service-level target `target_sl` within
/// `target_s` ([`staffing::required_agents`], at least `⌊A_i⌋ + 1`), all
/// cut by the same factor `B / Σ required` when the budget is short of
/// their sum. Shares are floored and the agents left over go to the largest
/// fractional parts (earlier intervals first on ties); an interval whose
/// share falls below `⌊A_i⌋ + 1` keeps that floor and the others share the
/// rest, as long as the budget covers every floor. Otherwise nothing is
/// kept back: the result is the plain cut, `feasible: false`, within the
/// budget. A budget at or above the requirement buys the requirement and
/// no more (`used_agent_intervals` is then below the budget).
///
/// The shares are computed in integers, so the cut spends exactly the budget.
pub fn proportional_cut(
    traffic: &[f64],
    aht_s: f64,
    target_s: f64,
    model: Model,
    budget: u64,
    target_sl: f64,
) -> Result<Allocation> {
    let day = Day::new(traffic)?;
    let mut queue = Queue::new(aht_s, target_s, model, MAX_WORK)?;
    let targets = Targets::new(target_sl, target_s)?;
    let mut required = Vec::with_capacity(day.traffic.len());
    for (index, (&load, &floor)) in day.traffic.iter().zip(&day.floors).enumerate() {
        let agents = if load > 0.0 {
            staffing::required_agents(load, queue.aht_s, queue.model, &targets)
                .map_err(|source| Error::Interval {
                    index,
                    source: Box::new(source),
                })?
                .agents
                .max(floor)
        } else {
            0
        };
        required.push(agents);
    }
    let total: u64 = required.iter().map(|&n| u64::from(n)).sum();
    let feasible = budget >= day.minimum;
    let agents = if budget >= total {
        required
    } else if feasible {
        cut(&required, &day.floors, budget)
    } else {
        cut(&required, &vec![0; required.len()], budget)
    };
    let levels = agents
        .iter()
        .zip(&day.traffic)
        .map(|(&n, &load)| queue.service_level(load, n))
        .collect::<Result<Vec<_>>>()?;
    Ok(summary(&day, agents, &levels, feasible))
}

/// `budget` (less than `Σ need`) shared in proportion to `need`, no
/// interval below its `floor` (the floors fit in the budget). Intervals
/// whose proportional share would fall below their floor are fixed there,
/// those with the largest floor-to-need ratio first (fixing one lowers the
/// others' shares), and the rest share what is left.
fn cut(need: &[u32], floor: &[u32], budget: u64) -> Vec<u32> {
    let mut agents = vec![0u32; need.len()];
    let mut order: Vec<usize> = (0..need.len()).filter(|&i| need[i] > 0).collect();
    // floor_a / need_a > floor_b / need_b, compared in integers.
    order.sort_by(|&a, &b| {
        (u64::from(floor[b]) * u64::from(need[a]))
            .cmp(&(u64::from(floor[a]) * u64::from(need[b])))
            .then(a.cmp(&b))
    });
    let mut left = u128::from(budget);
    let mut left_need: u128 = order.iter().map(|&i| u128::from(need[i])).sum();
    let mut fixed = 0;
    for &i in &order {
        // Share need·left / left_need below the floor?
        if u128::from(need[i]) * left < u128::from(floor[i]) * left_need {
            agents[i] = floor[i];
            left -= u128::from(floor[i]);
            left_need -= u128::from(need[i]);
            fixed += 1;
        } else {
            break;
        }
    }
    let free = &order[fixed..];
    if left_need == 0 {
        return agents;
    }
    let mut remainders = Vec::with_capacity(free.len());
    let mut given: u128 = 0;
    for &i in free {
        let share = u128::from(need[i]) * left;
        // Below need[i], as the budget is short of the need: fits in u32.
        agents[i] = (share / left_need) as u32;
        given += share / left_need;
        remainders.push((share % left_need, i));
    }
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, i) in remainders.iter().take((left - given) as usize) {
        agents[i] += 1;
    }
    agents
}

/// The day's loads, validated, with each interval's stable floor.
#[derive(Debug)]
struct Day {
    traffic: Vec<f64>,
    /// `⌊A_i⌋ + 1` for intervals with traffic, 0 for the others.
    floors: Vec<u32>,
    /// `Σ floors`.
    minimum: u64,
}

impl Day {
    fn new(traffic: &[f64]) -> Result<Self> {
        if traffic.is_empty() {
            return Err(Error::EmptyPlan);
        }
        if traffic.len() > MAX_INTERVALS {
            return Err(Error::TooLarge {
                what: "number of intervals",
                value: traffic.len() as f64,
                max: MAX_INTERVALS as f64,
            });
        }
        let traffic = traffic
            .iter()
            .enumerate()
            .map(|(index, &load)| {
                check_traffic(load).map_err(|source| Error::Interval {
                    index,
                    source: Box::new(source),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        // At most MAX_TRAFFIC + 1, so the cast is exact.
        let floors: Vec<u32> = traffic
            .iter()
            .map(|&load| {
                if load > 0.0 {
                    load.floor() as u32 + 1
                } else {
                    0
                }
            })
            .collect();
        let minimum = floors.iter().map(|&n| u64::from(n)).sum();
        Ok(Day {
            traffic,
            floors,
            minimum,
        })
    }

    /// Intervals with traffic, the only ones that take agents.
    fn active(&self) -> Vec<usize> {
        (0..self.traffic.len())
            .filter(|&i| self.traffic[i] > 0.0)
            .collect()
    }
}

/// The figures of an allocation from each interval's agents and service level.
fn summary(day: &Day, agents: Vec<u32>, levels: &[f64], feasible: bool) -> Allocation {
    let load: f64 = day.traffic.iter().sum();
    let answered = answered_in_time(day, levels);
    let worst = day
        .traffic
        .iter()
        .zip(levels)
        .filter(|(&load, _)| load > 0.0)
        .map(|(_, &level)| level)
        .fold(1.0, f64::min);
    Allocation {
        service_level: if load > 0.0 {
            (answered / load).clamp(0.0, 1.0)
        } else {
            1.0
        },
        worst_service_level: worst,
        feasible,
        minimum_agent_intervals: day.minimum,
        used_agent_intervals: agents.iter().map(|&n| u64::from(n)).sum(),
        agents,
    }
}

/// `Σ A_i·SL_i`, in interval order (so equal staffings give equal sums).
fn answered_in_time(day: &Day, levels: &[f64]) -> f64 {
    day.traffic
        .iter()
        .zip(levels)
        .map(|(&load, &level)| load * level)
        .sum()
}

/// Handle time, threshold and model, validated; and the work done so far
/// for one call, against its limit.
#[derive(Debug)]
struct Queue {
    aht_s: f64,
    target_s: f64,
    model: Model,
    work: f64,
    max_work: f64,
}

impl Queue {
    fn new(aht_s: f64, target_s: f64, model: Model, max_work: f64) -> Result<Self> {
        let aht_s = check_aht(aht_s)?;
        Ok(Queue {
            aht_s,
            target_s: check_threshold(target_s)?,
            model: model.validate(aht_s)?,
            work: 0.0,
            max_work,
        })
    }

    /// Counts `steps` of work, refusing the request beyond the limit.
    fn charge(&mut self, steps: f64) -> Result<()> {
        self.work += steps;
        if self.work > self.max_work {
            return Err(Error::TooLarge {
                what: "budget allocation (estimated steps of work)",
                value: self.work,
                max: self.max_work,
            });
        }
        Ok(())
    }

    /// Service levels at `first..=last` agents (`first > 0`), one Erlang B
    /// recursion for the run. A queue too long to sum (Erlang A within an
    /// Erlang of the load with a patience of millions of handle times, or in
    /// deep overload) counts as `SL = 0`, as in
    /// [`uncertainty`](crate::uncertainty); the run is then redone point by
    /// point so that only those points do.
    fn service_levels(&mut self, traffic: f64, first: u32, last: u32) -> Result<Vec<f64>> {
        self.charge_curve(traffic, first, last)?;
        let curve =
            staffing::staffing_curve(traffic, self.aht_s, self.model, self.target_s, first, last);
        match curve {
            Ok(points) => Ok(points
                .iter()
                .map(|p| p.metrics.map_or(0.0, |m| m.service_level.clamp(0.0, 1.0)))
                .collect()),
            Err(Error::TooLarge { .. }) => (first..=last)
                .map(|agents| self.level_at(traffic, agents))
                .collect(),
            Err(other) => Err(other),
        }
    }

    /// The service level at one staffing, with the conventions above.
    fn service_level(&mut self, traffic: f64, agents: u32) -> Result<f64> {
        if traffic == 0.0 {
            return Ok(1.0);
        }
        self.charge_curve(traffic, agents, agents)?;
        self.level_at(traffic, agents)
    }

    fn level_at(&self, traffic: f64, agents: u32) -> Result<f64> {
        match staffing::metrics(
            traffic,
            self.aht_s,
            self.model,
            f64::from(agents),
            self.target_s,
        ) {
            Ok(figures) => Ok(figures.map_or(0.0, |m| m.service_level.clamp(0.0, 1.0))),
            Err(Error::TooLarge { .. }) => Ok(0.0),
            Err(other) => Err(other),
        }
    }

    /// Charges the estimated steps of a run of service levels: the Erlang B
    /// walk from some 9·√A below the load up to `last`, and for Erlang A the
    /// queue-state sums of each point, weighted 8 (several Erlang B steps
    /// each, summed twice for the threshold). With patience `r` handle
    /// times the sums run over the `(A − N)·r` states of an overload and
    /// `9·√(A·r)` more, or above the load until the terms fall by 1e-17:
    /// about `39·N/(N − A)` states, at most `9·√(N·r)` (the estimate of
    /// [`uncertainty`](crate::uncertainty)).
    fn charge_curve(&mut self, traffic: f64, first: u32, last: u32) -> Result<()> {
        let (low, high) = (f64::from(first), f64::from(last));
        let walk = (10.0 * traffic.sqrt() + (low - traffic).abs()).min(low) + (high - low);
        let mut steps = walk + STEPS_PER_POINT * (high - low + 1.0);
        if let Model::ErlangA { patience_s } = self.model {
            let ratio = patience_s / self.aht_s;
            for agents in first..=last {
                let (a, x) = (f64::from(agents) * ratio, traffic * ratio);
                let excess = x - a;
                let states = if excess > MAX_QUEUE_STATES {
                    0.0 // refused before any sum
                } else if excess < 0.0 {
                    (39.0 * a / -excess).min(9.0 * a.sqrt())
                } else {
                    excess + 9.0 * x.sqrt()
                };
                steps += 8.0 * states.min(MAX_QUEUE_STATES);
            }
        }
        self.charge(steps)
    }
}

/// One interval's service levels from its floor up, computed as far as
/// they have been asked for.
#[derive(Debug)]
struct Curve {
    traffic: f64,
    floor: u32,
    /// `levels[k]` = `SL` at `floor + k` agents.
    levels: Vec<f64>,
}

impl Curve {
    /// `SL` at `floor + extra` agents; `None` beyond [`MAX_AGENTS`].
    fn level(&mut self, extra: u32, queue: &mut Queue) -> Result<Option<f64>> {
        let agents = u64::from(self.floor) + u64::from(extra);
        if agents as f64 > MAX_AGENTS {
            return Ok(None);
        }
        while self.levels.len() <= extra as usize {
            // Runs double (4, 4, 8, 16, … up to 1 024 points): a tight
            // budget asks for a few points per interval, a generous one for
            // long runs, each paying the Erlang B walk to the load once.
            let first = self.floor + self.levels.len() as u32;
            let run = (self.levels.len() as u32).clamp(4, 1_024);
            let last = (first + run - 1).min(MAX_AGENTS as u32);
            let levels = queue.service_levels(self.traffic, first, last)?;
            self.levels.extend(levels);
        }
        Ok(Some(self.levels[extra as usize]))
    }
}

/// The next block of agents one interval offers: `agents` more agents,
/// gaining `gain` calls answered in time (`A·ΔSL`) per agent.
#[derive(Debug, Clone, Copy)]
struct Block {
    gain: f64,
    interval: usize,
    agents: u32,
}

impl Ord for Block {
    /// Larger gains first; on ties the earlier interval.
    fn cmp(&self, other: &Self) -> Ordering {
        self.gain
            .total_cmp(&other.gain)
            .then(other.interval.cmp(&self.interval))
            .then(other.agents.cmp(&self.agents))
    }
}

impl PartialOrd for Block {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Block {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Block {}

/// The state of one allocation: the day, each interval's cached service
/// levels and the queue that computes them.
struct Search<'a> {
    day: &'a Day,
    curves: Vec<Curve>,
    queue: Queue,
}

impl<'a> Search<'a> {
    fn new(day: &'a Day, queue: Queue) -> Self {
        let curves = day
            .traffic
            .iter()
            .zip(&day.floors)
            .map(|(&traffic, &floor)| Curve {
                traffic,
                floor,
                levels: Vec::new(),
            })
            .collect();
        Search { day, curves, queue }
    }

    /// `SL` of interval `i` at `extra` agents above its floor (1 without traffic).
    fn level(&mut self, i: usize, extra: u32) -> Result<Option<f64>> {
        if self.day.traffic[i] == 0.0 {
            return Ok(Some(1.0));
        }
        self.curves[i].level(extra, &mut self.queue)
    }

    /// `f_i(k) = A_i·SL_i`, at a staffing already evaluated.
    fn answered(&mut self, i: usize, extra: u32) -> Result<f64> {
        Ok(self.day.traffic[i] * self.level(i, extra)?.unwrap_or(0.0))
    }

    /// Calls answered in time all day with `above_floor[i]` agents above each floor.
    fn value(&mut self, above_floor: &[u32]) -> Result<f64> {
        let levels = self.levels(above_floor)?;
        Ok(answered_in_time(self.day, &levels))
    }

    fn levels(&mut self, above_floor: &[u32]) -> Result<Vec<f64>> {
        (0..above_floor.len())
            .map(|i| Ok(self.level(i, above_floor[i])?.unwrap_or(0.0)))
            .collect()
    }

    fn allocation(&mut self, above_floor: &[u32], feasible: bool) -> Result<Allocation> {
        let levels = self.levels(above_floor)?;
        let agents = above_floor
            .iter()
            .zip(&self.day.floors)
            .map(|(&extra, &floor)| floor + extra)
            .collect();
        Ok(summary(self.day, agents, &levels, feasible))
    }

    /// The best block interval `i` offers from `at` agents above its floor,
    /// at most `limit` agents long: the `k` with the largest mean gain
    /// `(SL(at + k) − SL(at)) / k`, looked for while the mean still
    /// improves (the first hull segment when the gains rise then fall) and
    /// across service levels of exactly 0. `None` when the interval has
    /// nothing left to gain (mean below [`NEGLIGIBLE_GAIN`]).
    fn best_block(&mut self, i: usize, at: u32, limit: u64) -> Result<Option<Block>> {
        let Some(base) = self.level(i, at)? else {
            return Ok(None);
        };
        if base >= 1.0 || self.day.traffic[i] == 0.0 {
            return Ok(None);
        }
        let longest = limit.min(u64::from(MAX_LOOKAHEAD)) as u32;
        let mut best: Option<(u32, f64)> = None;
        for k in 1..=longest {
            let Some(level) = self.level(i, at + k)? else {
                break;
            };
            let mean = (level - base) / f64::from(k);
            match best {
                Some((_, top)) if mean <= top => {
                    if level > 0.0 {
                        break;
                    }
                }
                _ => best = Some((k, mean)),
            }
        }
        Ok(best
            .filter(|&(_, mean)| mean >= NEGLIGIBLE_GAIN)
            .map(|(agents, mean)| Block {
                gain: self.day.traffic[i] * mean,
                interval: i,
                agents,
            }))
    }

    /// Agents above each floor, at most `extras` in all, by the hull greedy
    /// and, when a block does not fit, the repair (module documentation).
    fn greedy(&mut self, extras: u64) -> Result<Vec<u32>> {
        let n = self.day.traffic.len();
        let mut above_floor = vec![0u32; n];
        let mut left = extras;
        let mut heap = BinaryHeap::new();
        // Blocks are looked for whatever the budget left, so that a hull
        // block too long for it is noticed rather than silently shortened.
        for i in self.day.active() {
            if let Some(block) = self.best_block(i, 0, u64::MAX)? {
                heap.push(block);
            }
        }
        // Whole hull blocks while they fit: optimal at every step.
        let mut cut_short = None;
        while left > 0 {
            let Some(block) = heap.pop() else { break };
            self.queue.charge(STEPS_PER_POINT)?;
            if u64::from(block.agents) > left {
                cut_short = Some(block);
                heap.push(block);
                break;
            }
            let i = block.interval;
            above_floor[i] += block.agents;
            left -= u64::from(block.agents);
            if let Some(next) = self.best_block(i, above_floor[i], u64::MAX)? {
                heap.push(next);
            }
        }
        let Some(cut_short) = cut_short else {
            return Ok(above_floor);
        };
        // The rest with the best blocks that fit; a stored block longer than
        // what is left is looked at again with the shorter limit (its gain
        // can only fall), then the repair.
        let vertex = above_floor.clone();
        let unspent = left;
        while left > 0 {
            let Some(block) = heap.pop() else { break };
            self.queue.charge(STEPS_PER_POINT)?;
            let i = block.interval;
            if u64::from(block.agents) > left {
                if let Some(shorter) = self.best_block(i, above_floor[i], left)? {
                    heap.push(shorter);
                }
                continue;
            }
            above_floor[i] += block.agents;
            left -= u64::from(block.agents);
            if let Some(next) = self.best_block(i, above_floor[i], left)? {
                heap.push(next);
            }
        }
        self.repair(&vertex, cut_short.gain, unspent, above_floor)
    }

    /// The exact optimum when the greedy's block of mean gain `price` did not
    /// fit in the `unspent` agents left at `vertex` (the Lagrangian argument
    /// of the module documentation); `filled` is the greedy's own answer.
    /// Every staffing better than `filled` has each `loss_i < slack`: those
    /// are listed per interval, and a dynamic program over their total
    /// deviation from `vertex` finds the best. `filled` is returned when
    /// nothing beats it, or when the program would take more work than is
    /// left (it is then within `slack` of the optimum; never seen in tests).
    fn repair(
        &mut self,
        vertex: &[u32],
        price: f64,
        unspent: u64,
        filled: Vec<u32>,
    ) -> Result<Vec<u32>> {
        let bound = self.value(vertex)? + price * unspent as f64;
        let slack = bound - self.value(&filled)?;
        if slack <= 0.0 {
            return Ok(filled);
        }
        // Options (deviation from the vertex, loss) per interval: all
        // staffings below the vertex, then above it while the hull's loss,
        // a lower bound on every later loss, stays under the slack.
        let mut options: Vec<(usize, Vec<(i64, f64)>)> = Vec::new();
        let mut reference = vec![0.0; vertex.len()];
        let mut lowest_total: i64 = 0;
        for i in self.day.active() {
            let at = vertex[i];
            reference[i] = self.answered(i, at)? - price * f64::from(at);
            let mut list = vec![(0i64, 0.0)];
            for k in (0..at).rev() {
                let loss = reference[i] - (self.answered(i, k)? - price * f64::from(k));
                if loss < slack {
                    list.push((i64::from(k) - i64::from(at), loss));
                }
            }
            self.queue.charge(f64::from(at))?;
            lowest_total += list.iter().map(|&(d, _)| d).min().unwrap_or(0);
            options.push((i, list));
        }
        let highest = unspent as i64 - lowest_total;
        for (i, list) in &mut options {
            let i = *i;
            let mut at = vertex[i];
            let mut hull_loss = 0.0;
            while hull_loss < slack && i64::from(at - vertex[i]) < highest {
                let room = (highest - i64::from(at - vertex[i])) as u64;
                let Some(block) = self.best_block(i, at, room)? else {
                    break;
                };
                for k in at + 1..=at + block.agents {
                    let loss = reference[i] - (self.answered(i, k)? - price * f64::from(k));
                    if loss < slack {
                        list.push((i64::from(k) - i64::from(vertex[i]), loss));
                    }
                }
                self.queue.charge(f64::from(block.agents))?;
                hull_loss += (price - block.gain) * f64::from(block.agents);
                at += block.agents;
            }
        }
        options.retain(|(_, list)| list.len() > 1);
        // Totals of deviations so far lie in [lowest_total, highest].
        let width = (highest - lowest_total + 1) as usize;
        let steps: f64 = options.iter().map(|(_, l)| (l.len() * width) as f64).sum();
        let memory = options.len() as f64 * width as f64;
        if options.is_empty()
            || self.queue.work + steps > self.queue.max_work
            || memory > MAX_REPAIR_STATES
        {
            return Ok(filled);
        }
        self.queue.charge(steps)?;
        let offset = -lowest_total;
        let mut best = vec![f64::INFINITY; width];
        best[offset as usize] = 0.0;
        let mut picks = vec![0u32; options.len() * width];
        for (c, (_, list)) in options.iter().enumerate() {
            let mut next = vec![f64::INFINITY; width];
            for (total, &so_far) in best.iter().enumerate() {
                if so_far >= slack {
                    continue;
                }
                for (pick, &(deviation, loss)) in list.iter().enumerate() {
                    let to = total as i64 + deviation;
                    if (0..width as i64).contains(&to) && so_far + loss < next[to as usize] {
                        next[to as usize] = so_far + loss;
                        picks[c * width + to as usize] = pick as u32;
                    }
                }
            }
            best = next;
        }
        // Total deviation at most what was unspent; what stays unspent costs `price`.
        let most = (unspent as i64 + offset) as usize;
        let Some((mut total, cost)) = (0..=most.min(width - 1))
            .map(|t| (t, best[t] + price * (most - t) as f64))
            .min_by(|a, b| a.1.total_cmp(&b.1))
        else {
            return Ok(filled);
        };
        if cost >= slack {
            return Ok(filled);
        }
        let mut repaired = vertex.to_vec();
        for (c, (i, list)) in options.iter().enumerate().rev() {
            let (deviation, _) = list[picks[c * width + total] as usize];
            repaired[*i] = (i64::from(vertex[*i]) + deviation) as u32;
            total = (total as i64 - deviation) as usize;
        }
        Ok(if self.value(&repaired)? > self.value(&filled)? {
            repaired
        } else {
            filled
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MAX_TRAFFIC;

    const AHT: f64 = 300.0;
    const T: f64 = 20.0;
    const ERLANG_A: Model = Model::ErlangA { patience_s: 120.0 };
    /// Patience of ten handle times and no threshold: service level is
    /// S-shaped above the load, so the greedy needs its hull and repair.
    const S_SHAPED: Model = Model::ErlangA {
        patience_s: 3_000.0,
    };

    fn relative_gap(a: f64, b: f64) -> f64 {
        (a - b).abs() / b.abs().max(1e-300)
    }

    /// The greedy's day equals the dynamic program's at every budget listed.
    fn check_against_exact(traffic: &[f64], target_s: f64, model: Model, extras: &[u64]) {
        let minimum = Day::new(traffic).unwrap().minimum;
        for &extra in extras {
            let budget = minimum + extra;
            let greedy = allocate(traffic, AHT, target_s, model, budget).unwrap();
            let exact = allocate_exact(traffic, (AHT, target_s, model), budget).unwrap();
            assert!(greedy.feasible && greedy.used_agent_intervals <= budget);
            assert!(
                relative_gap(greedy.service_level, exact.service_level) <= 1e-12,
                "{traffic:?} {model:?} budget {budget}: greedy {} ({:?}) exact {} ({:?})",
                greedy.service_level,
                greedy.agents,
                exact.service_level,
                exact.agents
            );
        }
    }

    #[test]
    fn greedy_matches_the_exact_optimum_on_small_loads() {
        let day = [0.3, 1.7, 4.2, 0.0, 9.5, 2.0, 0.05];
        let every: Vec<u64> = (0..=45).collect();
        check_against_exact(&day, T, Model::ErlangC, &every);
        check_against_exact(&day, T, ERLANG_A, &every);
    }

    #[test]
    fn greedy_matches_the_exact_optimum_on_large_loads() {
        let day = [200.0, 57.5, 0.3, 120.3, 1.7];
        let budgets = [0, 1, 2, 5, 13, 40, 90, 160, 250, 400];
        check_against_exact(&day, T, Model::ErlangC, &budgets);
        check_against_exact(&day, T, ERLANG_A, &budgets);
        // Short patience: most waiting callers hang up before the threshold.
        check_against_exact(&day, T, Model::ErlangA { patience_s: 30.0 }, &budgets);
    }

    #[test]
    fn greedy_matches_the_exact_optimum_where_service_level_is_s_shaped() {
        // Not concave above the floor: the first agents gain more and more.
        let alone = Day::new(&[1_000.0]).unwrap();
        let mut curve = Search::new(&alone, Queue::new(AHT, 0.0, S_SHAPED, MAX_WORK).unwrap());
        let levels: Vec<f64> = (0..4)
            .map(|k| curve.level(0, k).unwrap().unwrap())
            .collect();
        assert!(levels[2] - levels[1] > levels[1] - levels[0], "{levels:?}");
        // Every budget from the floor up, so the hull's blocks are cut
        // short at every possible place.
        let day = [1_000.0, 500.5, 199.999, 57.5];
        let every: Vec<u64> = (0..=70).collect();
        check_against_exact(&day, 0.0, S_SHAPED, &every);
        check_against_exact(&day, 2.0, S_SHAPED, &[0, 3, 7, 11, 19, 150]);
    }

    #[test]
    fn erlang_c_service_level_is_concave_from_the_stable_floor() {
        for load in [
            0.01f64, 0.3, 0.999, 1.7, 5.5, 19.99, 57.5, 200.0, 1_000.5, 20_000.0,
        ] {
            for target_s in [0.0, 3.0, 20.0, 300.0, 3_000.0] {
                let floor = load.floor() as u32 + 1;
                let last = floor + (8.0 * load.sqrt()) as u32 + 20;
                let levels: Vec<f64> =
                    staffing::staffing_curve(load, AHT, Model::ErlangC, target_s, floor, last)
                        .unwrap()
                        .iter()
                        .map(|p| p.metrics.unwrap().service_level)
                        .collect();
                for w in levels.windows(3) {
                    // Rounding in the last digit near SL = 1 aside.
                    assert!(
                        w[2] - w[1] <= w[1] - w[0] + 1e-15,
                        "{load} {target_s} {w:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn feasible_exactly_from_the_stable_minimum() {
        let day = [0.3, 1.7, 0.0, 12.0, 57.5];
        let minimum = 1 + 2 + 13 + 58;
        for model in [Model::ErlangC, ERLANG_A] {
            let short = allocate(&day, AHT, T, model, minimum - 1).unwrap();
            assert!(!short.feasible);
            assert_eq!(short.minimum_agent_intervals, minimum);
            assert_eq!(short.agents, [1, 2, 0, 13, 58]);
            assert_eq!(short.used_agent_intervals, minimum);
            let just = allocate(&day, AHT, T, model, minimum).unwrap();
            assert!(just.feasible);
            assert_eq!(just.agents, short.agents);
            assert_eq!(just.service_level, short.service_level);
            assert!(allocate(&day, AHT, T, model, 0).is_ok_and(|a| !a.feasible));
            let exact = allocate_exact(&day, (AHT, T, model), minimum - 1).unwrap();
            assert_eq!(exact, short);
        }
        let json =
            serde_json::to_value(allocate(&day, AHT, T, Model::ErlangC, 5).unwrap()).unwrap();
        assert_eq!(json["feasible"], false);
        assert_eq!(json["minimum_agent_intervals"], minimum);
    }

    #[test]
    fn service_level_rises_with_the_budget() {
        let day = [3.0, 8.5, 20.0, 31.2, 25.0, 14.0, 6.5, 0.8];
        let minimum = Day::new(&day).unwrap().minimum;
        for model in [Model::ErlangC, ERLANG_A, S_SHAPED] {
            let mut previous = allocate(&day, AHT, T, model, minimum).unwrap();
            for budget in minimum + 1..minimum + 120 {
                let next = allocate(&day, AHT, T, model, budget).unwrap();
                assert!(
                    next.service_level >= previous.service_level,
                    "{model:?} {budget}"
                );
                assert!(next.used_agent_intervals <= budget);
                previous = next;
            }
        }
    }

    #[test]
    fn greedy_beats_the_proportional_cut() {
        let day = [2.0, 6.5, 14.0, 31.2, 44.0, 38.5, 22.0, 9.0, 0.0, 0.4];
        let minimum = Day::new(&day).unwrap().minimum;
        for model in [Model::ErlangC, ERLANG_A, S_SHAPED] {
            for budget in [
                minimum,
                minimum + 3,
                minimum + 20,
                minimum + 45,
                minimum + 400,
            ] {
                let best = allocate(&day, AHT, T, model, budget).unwrap();
                let cut = proportional_cut(&day, AHT, T, model, budget, 0.8).unwrap();
                assert!(cut.feasible && cut.used_agent_intervals <= budget);
                assert!(
                    best.service_level >= cut.service_level * (1.0 - 1e-12),
                    "{model:?} {budget}: {} < {}",
                    best.service_level,
                    cut.service_level
                );
            }
        }
    }

    #[test]
    fn proportional_cut_shares_the_budget_and_keeps_the_floors() {
        let day = [2.0, 6.5, 14.0, 31.2, 0.0, 0.4];
        let floors = [3, 7, 15, 32, 0, 1];
        let required = proportional_cut(&day, AHT, T, Model::ErlangC, 10_000, 0.8).unwrap();
        let need: u64 = required.used_agent_intervals;
        // Enough budget: the requirement, no more.
        for (i, &n) in required.agents.iter().enumerate() {
            let alone = staffing::required_agents(
                day[i],
                AHT,
                Model::ErlangC,
                &Targets::new(0.8, T).unwrap(),
            )
            .unwrap();
            assert_eq!(n, alone.agents.max(floors[i]));
        }
        assert!(required.worst_service_level >= 0.8);
        // Short: all of the budget, no interval below its floor.
        for budget in [58, 60, 63, need - 1] {
            let cut = proportional_cut(&day, AHT, T, Model::ErlangC, budget, 0.8).unwrap();
            assert_eq!(cut.used_agent_intervals, budget);
            assert!(cut.agents.iter().zip(floors).all(|(&n, f)| n >= f));
            assert!(cut.agents.iter().zip(&required.agents).all(|(n, r)| n <= r));
        }
        // Below the floors: the plain cut, within the budget.
        let short = proportional_cut(&day, AHT, T, Model::ErlangC, 40, 0.8).unwrap();
        assert!(!short.feasible);
        assert_eq!(short.used_agent_intervals, 40);
        assert_eq!(short.minimum_agent_intervals, 58);
        assert!(short.service_level.is_finite() && short.worst_service_level == 0.0);
    }

    #[test]
    fn intervals_without_traffic_take_nothing_and_do_not_count() {
        let quiet = allocate(&[0.0, 0.0], AHT, T, Model::ErlangC, 10).unwrap();
        assert_eq!(
            quiet,
            Allocation {
                agents: vec![0, 0],
                service_level: 1.0,
                worst_service_level: 1.0,
                feasible: true,
                minimum_agent_intervals: 0,
                used_agent_intervals: 0,
            }
        );
        let cut = proportional_cut(&[0.0, 0.0], AHT, T, ERLANG_A, 0, 0.8).unwrap();
        assert_eq!(cut, quiet);
        let mixed = allocate(&[0.0, 5.0, 0.0], AHT, T, Model::ErlangC, 10).unwrap();
        let alone = allocate(&[5.0], AHT, T, Model::ErlangC, 10).unwrap();
        assert_eq!(mixed.agents, [0, 10, 0]);
        assert_eq!(mixed.service_level, alone.service_level);
        assert_eq!(mixed.worst_service_level, alone.worst_service_level);
    }

    #[test]
    fn a_huge_budget_stops_where_agents_stop_gaining() {
        let day = [4.0, 40.0, 400.0, 0.7];
        for model in [Model::ErlangC, ERLANG_A] {
            let best = allocate(&day, AHT, T, model, u64::MAX).unwrap();
            assert!(best.feasible && best.used_agent_intervals < 800, "{best:?}");
            assert!(best.service_level > 1.0 - 1e-12);
            assert!(best.worst_service_level > 1.0 - 1e-12);
        }
        assert!(allocate_exact(&day, (AHT, T, Model::ErlangC), 10_000_000).is_err());
    }

    #[test]
    fn work_beyond_the_limit_is_refused() {
        let day = vec![5_000.0; 200];
        let refused = allocate_within(&day, AHT, T, Model::ErlangC, u64::MAX, 1e5);
        assert!(
            matches!(refused, Err(Error::TooLarge { .. })),
            "{refused:?}"
        );
    }

    #[test]
    fn bad_inputs_are_refused() {
        let c = Model::ErlangC;
        assert_eq!(allocate(&[], AHT, T, c, 10), Err(Error::EmptyPlan));
        for bad in [f64::NAN, -1.0, f64::INFINITY, MAX_TRAFFIC * 1.5] {
            assert!(matches!(
                allocate(&[1.0, bad], AHT, T, c, 10),
                Err(Error::Interval { index: 1, .. })
            ));
            assert!(proportional_cut(&[bad], AHT, T, c, 10, 0.8).is_err());
            assert!(allocate_exact(&[bad], (AHT, T, c), 10).is_err());
        }
        let too_many = vec![1.0; MAX_INTERVALS + 1];
        assert!(matches!(
            allocate(&too_many, AHT, T, c, 10),
            Err(Error::TooLarge { .. })
        ));
        assert!(matches!(
            allocate(&[1.0], 0.0, T, c, 10),
            Err(Error::Aht(_))
        ));
        assert!(matches!(
            allocate(&[1.0], AHT, -1.0, c, 10),
            Err(Error::Threshold(_))
        ));
        let impatient = Model::ErlangA {
            patience_s: f64::NAN,
        };
        assert!(matches!(
            allocate(&[1.0], AHT, T, impatient, 10),
            Err(Error::Patience(_))
        ));
        assert_eq!(
            proportional_cut(&[1.0], AHT, T, c, 10, 1.0),
            Err(Error::ServiceLevelTarget(1.0))
        );
    }
}
