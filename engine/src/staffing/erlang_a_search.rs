//! The Erlang A requirement search: gallop from a guess to a bracket, then
//! narrow it by secant steps and bisection, each probe on Erlang B walked
//! from the last instead of restarted, every verdict the exact figures'.

use super::search::Requirement;
use super::targets::meets_all;
use super::{Limit, Metrics, Targets};
use crate::erlang_a;
use crate::erlang_b::Blocking;
use crate::error::{Error, Result, MAX_AGENTS};

/// Erlang B at the staffings an Erlang A search probes, walked upward from
/// as few late-started [`Blocking::at`]s (about 9·√A steps each) as
/// possible instead of one per probe.
///
/// From the load up the walk starts at `⌊A⌋`: for every `N ≥ ⌊A⌋`,
/// `Blocking::at(N)` starts its recursion at the same place (see
/// `skippable_servers`) and takes the same steps, so each walked state is
/// bit for bit the one it gives. Below the load `Blocking::at(N)` starts
/// each `N` at its own place, so a walk from a little below the lowest
/// staffing probed there gives the exact state only at its start and
/// elsewhere agrees to about 1e-13 relative (the recursion forgets its
/// start, and each step adds a rounding that the next ones shrink):
/// [`BlockingWalk::at`] says which.
struct BlockingWalk {
    traffic: f64,
    /// `⌊A⌋` and the states from it up.
    base: f64,
    states: Vec<Blocking>,
    /// The lowest staffing probed below the load and the states from it up.
    low: f64,
    below: Vec<Blocking>,
}

/// The most states a walk keeps; a staffing further up is computed alone.
const MAX_WALK: usize = 1 << 16;

impl BlockingWalk {
    fn new(traffic: f64) -> Self {
        BlockingWalk {
            traffic,
            base: traffic.floor(),
            states: Vec::new(),
            low: 0.0,
            below: Vec::new(),
        }
    }

    /// Erlang B at `n` agents, and whether it is bit for bit
    /// `Blocking::at(n)`.
    fn at(&mut self, n: u32) -> (Blocking, bool) {
        let n = f64::from(n);
        let (base, states) = if n >= self.base {
            (self.base, &mut self.states)
        } else {
            if self.below.is_empty() || n < self.low {
                // Start some way below, so that the next probes down (a
                // search gallops: 1, 2, 4, … agents) are walked to, not
                // started afresh: the walk costs a step per agent, a start
                // about 9·√A.
                let room = if self.below.is_empty() {
                    8.0
                } else {
                    2.0 * (self.low - n)
                };
                self.low = (n - room).max(0.0);
                self.below.clear();
            }
            (self.low, &mut self.below)
        };
        let index = n - base;
        if index >= MAX_WALK as f64 {
            return (Blocking::at(self.traffic, n), true);
        }
        let index = index as usize;
        if states.is_empty() {
            states.push(Blocking::at(self.traffic, base));
        }
        while states.len() <= index {
            let last = states[states.len() - 1];
            states.push(last.next(self.traffic));
        }
        (states[index], n >= self.base || index == 0)
    }
}

/// What one probe of an Erlang A search found.
struct Probe {
    met: bool,
    /// How far the figures are inside their targets, relative to each
    /// target, the worst of them: `≥ 0` when met, `−∞` without figures.
    slack: f64,
}

/// Relative slack within which figures from a walked Erlang B state that is
/// not `Blocking::at`'s own (within about 1e-13 of it, so every figure is
/// within about that of the exact one) are not trusted to decide: the
/// staffing is then evaluated exactly, so every verdict of the search is
/// the one the exact figures give.
const UNDECIDED: f64 = 1e-9;

/// The probes of an Erlang A requirement search.
pub(super) struct ErlangASearch<'a> {
    traffic: f64,
    aht_s: f64,
    patience_s: f64,
    targets: &'a Targets,
    limits: &'a [Limit],
    walk: BlockingWalk,
    /// The exact figures of the last staffing found to meet the limits.
    answer: Option<Metrics>,
    /// The queue sums of the last staffing found to meet the limits on a
    /// walked Erlang B state: its exact figures need only the exact state.
    pending: Option<(u32, erlang_a::Queue)>,
}

impl<'a> ErlangASearch<'a> {
    pub(super) fn new(
        traffic: f64,
        aht_s: f64,
        patience_s: f64,
        targets: &'a Targets,
        limits: &'a [Limit],
    ) -> Self {
        ErlangASearch {
            traffic,
            aht_s,
            patience_s,
            targets,
            limits,
            walk: BlockingWalk::new(traffic),
            answer: None,
            pending: None,
        }
    }

    /// The smallest whole `N` meeting the limits, from `guess` (or the
    /// square-root staffing `A + √A`), at least `occupancy_floor`.
    pub(super) fn smallest(
        mut self,
        guess: Option<f64>,
        occupancy_floor: f64,
    ) -> Result<Requirement> {
        let traffic = self.traffic;
        // Probes stay within a few √A of the answer: far below the load
        // every caller waits and the queue sums run over O(A) states. From a
        // guess the walk out starts at one agent, from `A + √A` at √A.
        let (guess, first_step) = match guess {
            Some(guess) => (guess.round(), 1),
            None => (
                (traffic + traffic.sqrt()).ceil(),
                (traffic.sqrt().ceil() as u32).max(1),
            ),
        };
        let start = guess.max(occupancy_floor).clamp(1.0, MAX_AGENTS) as u32;
        let mut bracket = self.bracket(start, first_step)?;
        self.narrow(&mut bracket)?;
        Ok(Requirement {
            agents: bracket.met,
            metrics: self.met_figures(bracket.met)?,
        })
    }

    /// Gallops (steps doubling from `first_step`) from `start` down to a
    /// staffing that misses or up to one that meets.
    fn bracket(&mut self, start: u32, first_step: u32) -> Result<Bracket> {
        let first = self.probe(start)?;
        let mut bracket = Bracket {
            // 0 agents meet no target.
            unmet: 0,
            met: start,
            recent: [(0, f64::NEG_INFINITY), (start, first.slack)],
        };
        let mut step = first_step;
        if first.met {
            while bracket.met > step {
                let probe = bracket.met - step;
                let result = self.probe(probe)?;
                bracket.record(probe, result.slack);
                if !result.met {
                    bracket.unmet = probe;
                    break;
                }
                bracket.met = probe;
                step = step.saturating_mul(2);
            }
            return Ok(bracket);
        }
        bracket.unmet = start;
        loop {
            if f64::from(bracket.unmet) >= MAX_AGENTS {
                return Err(Error::Unreachable);
            }
            let probe = bracket.unmet.saturating_add(step).min(MAX_AGENTS as u32);
            let result = self.probe(probe)?;
            bracket.record(probe, result.slack);
            if result.met {
                bracket.met = probe;
                return Ok(bracket);
            }
            bracket.unmet = probe;
            step = step.saturating_mul(2);
        }
    }

    /// Narrows the bracket to one agent: a secant step through the last two
    /// probes' slack (the figures are smooth in N, so it lands within an
    /// agent or two of the answer), or a bisection after a step that did
    /// not halve the bracket. Every probe lies strictly inside the bracket,
    /// so the search ends, and the answer is the smallest N meeting the
    /// targets whichever probes it took.
    fn narrow(&mut self, bracket: &mut Bracket) -> Result<()> {
        let mut bisect = false;
        while bracket.met - bracket.unmet > 1 {
            let width = bracket.met - bracket.unmet;
            let middle = bracket.unmet + width / 2;
            let probe = if bisect {
                middle
            } else {
                secant_probe(bracket.recent, bracket.unmet, bracket.met).unwrap_or(middle)
            };
            let result = self.probe(probe)?;
            bracket.record(probe, result.slack);
            if result.met {
                bracket.met = probe;
            } else {
                bracket.unmet = probe;
            }
            bisect = !bisect && 2 * (bracket.met - bracket.unmet) > width;
        }
        Ok(())
    }

    /// The figures at `blocking` (for `n` agents) and the queue sums they
    /// came from (`queue`, when already summed for this `n`, or new ones);
    /// `None` when too deep in overload to sum (more than `MAX_QUEUE_STATES`
    /// callers waiting): such a staffing meets no target. The same
    /// operations as [`metrics`], so the same bits for the same state.
    fn figures(
        &self,
        blocking: &Blocking,
        queue: Option<erlang_a::Queue>,
    ) -> Result<Option<(Metrics, Option<erlang_a::Queue>)>> {
        let agents = blocking.servers;
        let (t, aht_s, patience_s) = (self.traffic, self.aht_s, self.patience_s);
        if let Some(a) = erlang_a::without_queue(t, blocking, aht_s, patience_s) {
            return Ok(Some((Metrics::from_erlang_a(agents, a), queue)));
        }
        let queue = match queue {
            Some(queue) => queue,
            None => {
                match erlang_a::Queue::new(t, agents, aht_s, patience_s, self.targets.target_s()) {
                    Ok(queue) => queue,
                    Err(Error::TooLarge { .. }) => return Ok(None),
                    Err(other) => return Err(other),
                }
            }
        };
        let a = queue.with_blocking(t, blocking, patience_s);
        Ok(Some((Metrics::from_erlang_a(agents, a), Some(queue))))
    }

    fn meets(&self, m: &Metrics) -> bool {
        meets_all(self.limits, self.targets, m)
    }

    /// The worst relative slack of figures against the limits.
    fn slack(&self, m: &Metrics) -> f64 {
        self.limits
            .iter()
            .filter_map(|&limit| limit.slack(self.targets, m))
            .fold(f64::INFINITY, f64::min)
    }

    /// Whether `n` agents meet every limit (the exact figures' verdict),
    /// and by how much.
    fn probe(&mut self, n: u32) -> Result<Probe> {
        let unmet = Probe {
            met: false,
            slack: f64::NEG_INFINITY,
        };
        let (blocking, exact) = self.walk.at(n);
        let Some((mut figures, queue)) = self.figures(&blocking, None)? else {
            return Ok(unmet);
        };
        let mut slack = self.slack(&figures);
        if !exact {
            if slack.abs() > UNDECIDED {
                let met = slack > 0.0;
                if let (true, Some(queue)) = (met, queue) {
                    self.pending = Some((n, queue));
                }
                return Ok(Probe { met, slack });
            }
            // Too close to call on a walked state: the exact figures decide.
            let exact = Blocking::at(self.traffic, f64::from(n));
            let Some((m, _)) = self.figures(&exact, queue)? else {
                return Ok(unmet);
            };
            figures = m;
            slack = self.slack(&m);
        }
        let met = self.meets(&figures);
        if met {
            self.answer = Some(figures);
        }
        Ok(Probe {
            met,
            // No agents answer nobody, whatever the figures say (`met_by`).
            slack: if n == 0 { f64::NEG_INFINITY } else { slack },
        })
    }

    /// The exact figures at `n`, a staffing found to meet the limits.
    fn met_figures(&mut self, n: u32) -> Result<Metrics> {
        if let Some(m) = self.answer.filter(|m| m.agents == f64::from(n)) {
            return Ok(m);
        }
        let queue = match self.pending.take() {
            Some((agents, queue)) if agents == n => Some(queue),
            _ => None,
        };
        let exact = Blocking::at(self.traffic, f64::from(n));
        Ok(self
            .figures(&exact, queue)?
            .map_or(Metrics::idle(f64::from(n)), |(m, _)| m))
    }
}

/// The staffings an Erlang A search has found to miss (`unmet`) and to
/// meet (`met`) the limits, and the last two probes with their slack, for
/// the secant.
struct Bracket {
    unmet: u32,
    met: u32,
    recent: [(u32, f64); 2],
}

impl Bracket {
    fn record(&mut self, probe: u32, slack: f64) {
        self.recent = [self.recent[1], (probe, slack)];
    }
}

/// The whole `N` strictly inside `(unmet, met)` where the line through the
/// two `(N, slack)` points crosses zero, rounded up (the first staffing
/// expected to meet); `None` when the line says nothing (equal or infinite
/// slacks).
fn secant_probe(points: [(u32, f64); 2], unmet: u32, met: u32) -> Option<u32> {
    let [(n1, s1), (n2, s2)] = points;
    if !(s1.is_finite() && s2.is_finite()) || s1 == s2 {
        return None;
    }
    let (n1, n2) = (f64::from(n1), f64::from(n2));
    let root = n2 - s2 * (n2 - n1) / (s2 - s1);
    if !root.is_finite() {
        return None;
    }
    Some(root.ceil().clamp(f64::from(unmet + 1), f64::from(met - 1)) as u32)
}
