//! Staffing on top of the queueing models: one set of figures for either
//! model, the required number of agents for a set of targets, scheduled FTE
//! after shrinkage, and staffing curves for charts.

use crate::erlang_b::Blocking;
use crate::error::{
    check_agents, check_aht, check_patience, check_patience_per_aht, check_shrinkage,
    check_threshold, check_traffic, Error, Result, MAX_AGENTS, MAX_CURVE_POINTS,
};
use crate::{erlang_a, erlang_c};
use serde::{Deserialize, Serialize};

/// Which queueing model to staff with.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "model", rename_all = "snake_case")]
pub enum Model {
    /// Callers wait as long as it takes (M/M/N).
    ErlangC,
    /// Callers hang up after an exponential patience with this mean (M/M/N+M).
    ErlangA { patience_s: f64 },
}

impl Model {
    /// Checks the patience, also against the handle time it goes with.
    pub(crate) fn validate(self, aht_s: f64) -> Result<Self> {
        if let Model::ErlangA { patience_s } = self {
            check_patience(patience_s)?;
            check_patience_per_aht(patience_s, aht_s)?;
        }
        Ok(self)
    }
}

/// The figures of one staffing level, the same shape for both models.
/// Under Erlang C nobody abandons and `service_level_answered == service_level`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    pub agents: f64,
    pub p_wait: f64,
    pub p_abandon: f64,
    /// Answered within the threshold over all offered calls.
    pub service_level: f64,
    /// Answered within the threshold over answered calls.
    pub service_level_answered: f64,
    /// Mean wait of answered calls, seconds.
    pub asa_s: f64,
    pub occupancy: f64,
    pub queue_length: f64,
}

impl Metrics {
    /// The figures when nobody calls: nothing waits, nothing is missed.
    fn idle(agents: f64) -> Self {
        Metrics {
            agents,
            p_wait: 0.0,
            p_abandon: 0.0,
            service_level: 1.0,
            service_level_answered: 1.0,
            asa_s: 0.0,
            occupancy: 0.0,
            queue_length: 0.0,
        }
    }

    fn from_erlang_c(agents: f64, c: erlang_c::ErlangC) -> Self {
        Metrics {
            agents,
            p_wait: c.p_wait,
            p_abandon: 0.0,
            service_level: c.service_level,
            service_level_answered: c.service_level,
            asa_s: c.asa_s,
            occupancy: c.occupancy,
            queue_length: c.queue_length,
        }
    }

    fn from_erlang_a(agents: f64, a: erlang_a::ErlangA) -> Self {
        Metrics {
            agents,
            p_wait: a.p_wait,
            p_abandon: a.p_abandon,
            service_level: a.service_level,
            service_level_answered: a.service_level_answered,
            asa_s: a.asa_s,
            occupancy: a.occupancy,
            queue_length: a.queue_length,
        }
    }
}

/// Figures at `agents` agents; `None` when an Erlang C queue is unstable
/// (`agents ≤ traffic`).
pub fn metrics(
    traffic: f64,
    aht_s: f64,
    model: Model,
    agents: f64,
    target_s: f64,
) -> Result<Option<Metrics>> {
    metrics_given(traffic, aht_s, model, agents, target_s, None)
}

/// [`metrics`] with Erlang B at `agents` already computed (by
/// `erlang_b::at_each`, bit for bit `Blocking::at(traffic, agents)`) when
/// `blocking` is given; the same checks first.
pub(crate) fn metrics_given(
    traffic: f64,
    aht_s: f64,
    model: Model,
    agents: f64,
    target_s: f64,
    blocking: Option<&Blocking>,
) -> Result<Option<Metrics>> {
    let traffic = check_traffic(traffic)?;
    let aht_s = check_aht(aht_s)?;
    let model = model.validate(aht_s)?;
    let agents = check_agents(agents)?;
    let target_s = check_threshold(target_s)?;
    let computed;
    let blocking = match blocking {
        Some(blocking) => blocking,
        None => {
            computed = Blocking::at(traffic, agents);
            &computed
        }
    };
    metrics_from_blocking(traffic, aht_s, model, blocking, target_s)
}

/// Where an Erlang C requirement search starts: the first stable staffing
/// `⌊A⌋ + 1`, or the occupancy cap's floor `⌈A / cap⌉` when higher, at most
/// `MAX_AGENTS`. `None` when the search does not start (no traffic, or a
/// floor beyond `MAX_AGENTS`). For `traffic` already checked.
pub(crate) fn erlang_c_first(traffic: f64, targets: &Targets) -> Option<f64> {
    let occupancy_floor = targets
        .max_occupancy
        .map_or(0.0, |cap| (traffic / cap).ceil());
    if traffic == 0.0 || occupancy_floor > MAX_AGENTS {
        return None;
    }
    Some((traffic.floor() + 1.0).max(occupancy_floor).min(MAX_AGENTS))
}

fn metrics_from_blocking(
    traffic: f64,
    aht_s: f64,
    model: Model,
    blocking: &Blocking,
    target_s: f64,
) -> Result<Option<Metrics>> {
    let agents = blocking.servers;
    if traffic == 0.0 {
        return Ok(Some(Metrics::idle(agents)));
    }
    Ok(match model {
        Model::ErlangC => erlang_c::from_blocking(traffic, blocking, aht_s, target_s)
            .stable()
            .map(|c| Metrics::from_erlang_c(agents, c)),
        Model::ErlangA { patience_s } => Some(Metrics::from_erlang_a(
            agents,
            erlang_a::from_blocking(traffic, blocking, aht_s, patience_s, target_s)?,
        )),
    })
}

/// What the staffing must achieve. The service-level target applies to calls
/// answered within `target_s` over all offered calls (under Erlang C all
/// calls are answered, so the definitions coincide).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Targets {
    /// Share answered within `target_s`, in (0, 1): 0.8 for "80/20".
    pub service_level: f64,
    /// Service-level threshold, seconds: 20 for "80/20".
    pub target_s: f64,
    /// Highest acceptable mean wait of answered calls, seconds.
    pub max_asa_s: Option<f64>,
    /// Highest acceptable share of abandoned calls, in (0, 1].
    pub max_abandon: Option<f64>,
    /// Highest acceptable occupancy, in (0, 1].
    pub max_occupancy: Option<f64>,
}

impl Targets {
    /// The common "80/20" target with no further caps.
    pub fn service_level(service_level: f64, target_s: f64) -> Self {
        Targets {
            service_level,
            target_s,
            max_asa_s: None,
            max_abandon: None,
            max_occupancy: None,
        }
    }

    /// Refuses targets no number of agents can meet (100 % service level,
    /// 0 s ASA, 0 % abandonment), so a search never runs forever.
    pub fn validate(&self) -> Result<()> {
        if !(self.service_level > 0.0 && self.service_level < 1.0) {
            return Err(Error::ServiceLevelTarget(self.service_level));
        }
        check_threshold(self.target_s)?;
        if let Some(asa) = self.max_asa_s {
            if !(asa > 0.0 && asa.is_finite()) {
                return Err(Error::MaxAsa(asa));
            }
        }
        if let Some(abandon) = self.max_abandon {
            if !(abandon > 0.0 && abandon <= 1.0) {
                return Err(Error::MaxAbandon(abandon));
            }
        }
        if let Some(occupancy) = self.max_occupancy {
            if !(occupancy > 0.0 && occupancy <= 1.0) {
                return Err(Error::MaxOccupancy(occupancy));
            }
        }
        Ok(())
    }

    /// Whether figures meet every target.
    pub fn met_by(&self, m: &Metrics) -> bool {
        [
            Limit::ServiceLevel,
            Limit::MaxAsa,
            Limit::MaxAbandon,
            Limit::MaxOccupancy,
        ]
        .into_iter()
        .all(|limit| limit.met_by(self, m))
    }
}

/// The smallest whole number of agents meeting every target, with its figures.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Requirement {
    pub agents: u32,
    pub metrics: Metrics,
}

/// One of the targets a staffing must meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    ServiceLevel,
    MaxAsa,
    MaxAbandon,
    MaxOccupancy,
}

impl Limit {
    /// Whether figures meet this one target of `targets`; a target that is
    /// not set is met.
    pub fn met_by(self, targets: &Targets, m: &Metrics) -> bool {
        // No agents for callers (Erlang A): nobody is answered, so the ASA and
        // occupancy of answered calls are empty, not good; no target is met.
        if m.agents == 0.0 && m.p_wait > 0.0 {
            return false;
        }
        match self {
            Limit::ServiceLevel => m.service_level >= targets.service_level,
            Limit::MaxAsa => targets.max_asa_s.is_none_or(|cap| m.asa_s <= cap),
            Limit::MaxAbandon => targets.max_abandon.is_none_or(|cap| m.p_abandon <= cap),
            Limit::MaxOccupancy => targets.max_occupancy.is_none_or(|cap| m.occupancy <= cap),
        }
    }

    fn is_set(self, targets: &Targets) -> bool {
        match self {
            Limit::ServiceLevel => true,
            Limit::MaxAsa => targets.max_asa_s.is_some(),
            Limit::MaxAbandon => targets.max_abandon.is_some(),
            Limit::MaxOccupancy => targets.max_occupancy.is_some(),
        }
    }
}

/// The agents one target needs on its own.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LimitRequirement {
    pub limit: Limit,
    pub agents: u32,
}

/// Smallest whole `N` meeting all `targets` for `traffic` Erlangs at
/// `aht_s`. No traffic needs no agents.
///
/// Erlang C walks `N` upward from the first stable value (and from `A /
/// max occupancy`), reusing the Erlang B recursion from one `N` to the next,
/// so the search costs O(√A) steps plus the distance to the answer (the
/// recursion starts a few √A below the load, see `erlang_b`). Erlang A
/// brackets the answer by galloping from `A + √A` in steps of `√A`, then
/// narrows it by secant steps on the targets' relative slack and bisection
/// (every figure is monotone in `N`, so the answer is the smallest `N`
/// meeting them whatever the probes). Each probe costs its queue sums,
/// O(√A) states near the load; Erlang B is walked from one probe to the
/// next instead of restarted (see `BlockingWalk`), and the figures returned
/// are bit for bit those of [`metrics`] at the answer.
///
/// ```
/// use ccplan_engine::staffing::{required_agents, Model, Targets};
/// let r = required_agents(10.0, 180.0, Model::ErlangC, &Targets::service_level(0.8, 20.0)).unwrap();
/// assert_eq!(r.agents, 14);
/// ```
pub fn required_agents(
    traffic: f64,
    aht_s: f64,
    model: Model,
    targets: &Targets,
) -> Result<Requirement> {
    let (traffic, aht_s, model) = check_search(traffic, aht_s, model, targets)?;
    smallest_meeting(traffic, aht_s, model, targets, &ALL_LIMITS, None, None)
}

/// [`required_agents`] with a guess of the answer (for instance the previous
/// interval's, scaled to this load) where an Erlang A search starts, walking
/// out from it one agent, then two, four, … instead of √A. The answer and its
/// figures are the same whatever the guess (the search finds the smallest `N`
/// meeting the targets, and every figure comes from the same exact
/// computation); only the number of probes changes. Erlang C ignores it,
/// and starts instead from `start` when it is Erlang B at
/// [`erlang_c_first`] (bit for bit `Blocking::at` there, from
/// `erlang_b::at_each`).
pub(crate) fn required_agents_near(
    traffic: f64,
    aht_s: f64,
    model: Model,
    targets: &Targets,
    guess: Option<f64>,
    start: Option<Blocking>,
) -> Result<Requirement> {
    let (traffic, aht_s, model) = check_search(traffic, aht_s, model, targets)?;
    let guess = guess.filter(|g| g.is_finite() && *g >= 1.0);
    smallest_meeting(traffic, aht_s, model, targets, &ALL_LIMITS, guess, start)
}

/// The agents each target set in `targets` needs on its own, in the order
/// service level, ASA, abandonment, occupancy. Every figure is monotone in
/// `N`, so [`required_agents`] is the largest of these, and the targets that
/// reach it are the ones that decide it (the "binding" limits).
///
/// ```
/// use ccplan_engine::staffing::{requirement_by_limit, Limit, Model, Targets};
/// let targets = Targets { max_occupancy: Some(0.85), ..Targets::service_level(0.8, 20.0) };
/// // 33.3 Erlangs: 80/20 alone needs 39 agents, the 85 % occupancy cap 40.
/// let by_limit = requirement_by_limit(200.0 * 300.0 / 1800.0, 300.0, Model::ErlangC, &targets).unwrap();
/// assert_eq!((by_limit[0].limit, by_limit[0].agents), (Limit::ServiceLevel, 39));
/// assert_eq!((by_limit[1].limit, by_limit[1].agents), (Limit::MaxOccupancy, 40));
/// ```
pub fn requirement_by_limit(
    traffic: f64,
    aht_s: f64,
    model: Model,
    targets: &Targets,
) -> Result<Vec<LimitRequirement>> {
    let (traffic, aht_s, model) = check_search(traffic, aht_s, model, targets)?;
    [
        Limit::ServiceLevel,
        Limit::MaxAsa,
        Limit::MaxAbandon,
        Limit::MaxOccupancy,
    ]
    .into_iter()
    .filter(|limit| limit.is_set(targets))
    .map(|limit| {
        // Only this limit's own occupancy floor may shortcut the search.
        let alone = Targets {
            max_occupancy: targets
                .max_occupancy
                .filter(|_| limit == Limit::MaxOccupancy),
            ..*targets
        };
        // `limit.met_by(&alone, …)` is `limit.met_by(targets, …)`: it reads only
        // this limit's own cap.
        smallest_meeting(traffic, aht_s, model, &alone, &[limit], None, None).map(|r| {
            LimitRequirement {
                limit,
                agents: r.agents,
            }
        })
    })
    .collect()
}

fn check_search(
    traffic: f64,
    aht_s: f64,
    model: Model,
    targets: &Targets,
) -> Result<(f64, f64, Model)> {
    let traffic = check_traffic(traffic)?;
    let aht_s = check_aht(aht_s)?;
    let model = model.validate(aht_s)?;
    targets.validate()?;
    Ok((traffic, aht_s, model))
}

/// Every target, in the order [`requirement_by_limit`] reports them.
const ALL_LIMITS: [Limit; 4] = [
    Limit::ServiceLevel,
    Limit::MaxAsa,
    Limit::MaxAbandon,
    Limit::MaxOccupancy,
];

/// The smallest whole `N` meeting every one of `limits` of `targets` (each
/// monotone in `N`); `targets` also gives the threshold `T` and the
/// occupancy cap, whose floor `⌈A / cap⌉` is where the search may start.
/// Inputs already validated.
fn smallest_meeting(
    traffic: f64,
    aht_s: f64,
    model: Model,
    targets: &Targets,
    limits: &[Limit],
    guess: Option<f64>,
    start: Option<Blocking>,
) -> Result<Requirement> {
    let met = |m: &Metrics| limits.iter().all(|limit| limit.met_by(targets, m));
    if traffic == 0.0 {
        return Ok(Requirement {
            agents: 0,
            metrics: Metrics::idle(0.0),
        });
    }
    let occupancy_floor = targets
        .max_occupancy
        .map_or(0.0, |cap| (traffic / cap).ceil());
    // A cap so low that the agents it needs exceed the limit: refused before
    // any work.
    if occupancy_floor > MAX_AGENTS {
        return Err(Error::Unreachable);
    }
    match model {
        Model::ErlangC => {
            let first = (traffic.floor() + 1.0).max(occupancy_floor).min(MAX_AGENTS);
            let mut blocking = start
                .filter(|state| state.servers == first)
                .unwrap_or_else(|| Blocking::at(traffic, first));
            loop {
                if blocking.servers > MAX_AGENTS {
                    return Err(Error::Unreachable);
                }
                if let Some(m) =
                    metrics_from_blocking(traffic, aht_s, model, &blocking, targets.target_s)?
                {
                    if met(&m) {
                        return Ok(Requirement {
                            agents: blocking.servers as u32,
                            metrics: m,
                        });
                    }
                }
                blocking = blocking.next(traffic);
            }
        }
        Model::ErlangA { patience_s } => {
            let mut search = ErlangASearch {
                traffic,
                aht_s,
                patience_s,
                targets,
                limits,
                walk: BlockingWalk::new(traffic),
                answer: None,
                pending: None,
            };
            // From the square-root staffing guess `A + √A`, gallop (steps of √A,
            // doubling) down to a staffing that misses or up to one that meets.
            // Probes stay within a few √A of the answer: far below the load
            // every caller waits and the queue sums run over O(A) states.
            let (guess, first_step) = match guess {
                Some(guess) => (guess.round(), 1),
                None => (
                    (traffic + traffic.sqrt()).ceil(),
                    (traffic.sqrt().ceil() as u32).max(1),
                ),
            };
            let guess = guess.max(occupancy_floor).clamp(1.0, MAX_AGENTS) as u32;
            let mut step = first_step;
            // The bracket: `unmet` misses (0 agents meet no target), `met` meets;
            // `recent` the last two probes and their slack, for the secant.
            let mut unmet = 0u32;
            let first = search.probe(guess)?;
            let mut recent = [(0u32, f64::NEG_INFINITY), (guess, first.slack)];
            let mut met = if first.met {
                guess
            } else {
                unmet = guess;
                loop {
                    if f64::from(unmet) >= MAX_AGENTS {
                        return Err(Error::Unreachable);
                    }
                    let probe = unmet.saturating_add(step).min(MAX_AGENTS as u32);
                    let result = search.probe(probe)?;
                    recent = [recent[1], (probe, result.slack)];
                    if result.met {
                        break probe;
                    }
                    unmet = probe;
                    step = step.saturating_mul(2);
                }
            };
            if unmet == 0 {
                step = first_step;
                while met > step {
                    let probe = met - step;
                    let result = search.probe(probe)?;
                    recent = [recent[1], (probe, result.slack)];
                    if !result.met {
                        unmet = probe;
                        break;
                    }
                    met = probe;
                    step = step.saturating_mul(2);
                }
            }
            // Then narrow the bracket to one agent: a secant step through the
            // last two probes' slack (the figures are smooth in N, so it lands
            // within an agent or two of the answer), or a bisection after a
            // step that did not halve the bracket. Every probe lies strictly
            // inside the bracket, so the search ends, and the answer is the
            // smallest N meeting the targets whichever probes it took.
            let mut bisect = false;
            while met - unmet > 1 {
                let width = met - unmet;
                let middle = unmet + width / 2;
                let probe = if bisect {
                    middle
                } else {
                    secant_probe(recent, unmet, met).unwrap_or(middle)
                };
                let result = search.probe(probe)?;
                recent = [recent[1], (probe, result.slack)];
                if result.met {
                    met = probe;
                } else {
                    unmet = probe;
                }
                bisect = !bisect && 2 * (met - unmet) > width;
            }
            Ok(Requirement {
                agents: met,
                metrics: search.met_figures(met)?,
            })
        }
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

/// The relative slack of figures against one target (negative: missed);
/// `None` for a target that is not set.
fn slack(limit: Limit, targets: &Targets, m: &Metrics) -> Option<f64> {
    Some(match limit {
        Limit::ServiceLevel => (m.service_level - targets.service_level) / targets.service_level,
        Limit::MaxAsa => {
            let cap = targets.max_asa_s?;
            (cap - m.asa_s) / cap
        }
        Limit::MaxAbandon => {
            let cap = targets.max_abandon?;
            (cap - m.p_abandon) / cap
        }
        Limit::MaxOccupancy => {
            let cap = targets.max_occupancy?;
            (cap - m.occupancy) / cap
        }
    })
}

/// Relative slack within which figures from a walked Erlang B state that is
/// not `Blocking::at`'s own (within about 1e-13 of it, so every figure is
/// within about that of the exact one) are not trusted to decide: the
/// staffing is then evaluated exactly, so every verdict of the search is
/// the one the exact figures give.
const UNDECIDED: f64 = 1e-9;

/// The probes of an Erlang A requirement search.
struct ErlangASearch<'a> {
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

impl ErlangASearch<'_> {
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
            None => match erlang_a::Queue::new(t, agents, aht_s, patience_s, self.targets.target_s)
            {
                Ok(queue) => queue,
                Err(Error::TooLarge { .. }) => return Ok(None),
                Err(other) => return Err(other),
            },
        };
        let a = queue.with_blocking(t, blocking, patience_s);
        Ok(Some((Metrics::from_erlang_a(agents, a), Some(queue))))
    }

    fn meets(&self, m: &Metrics) -> bool {
        self.limits
            .iter()
            .all(|limit| limit.met_by(self.targets, m))
    }

    /// The worst relative slack of figures against the limits.
    fn slack(&self, m: &Metrics) -> f64 {
        self.limits
            .iter()
            .filter_map(|&limit| slack(limit, self.targets, m))
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

/// Staff to schedule so that `agents` are available after `shrinkage`
/// (breaks, meetings, training, absence): `agents / (1 − shrinkage)`.
///
/// ```
/// assert_eq!(ccplan_engine::staffing::scheduled_fte(14.0, 0.3).unwrap(), 20.0);
/// ```
pub fn scheduled_fte(agents: f64, shrinkage: f64) -> Result<f64> {
    let agents = check_agents(agents)?;
    let shrinkage = check_shrinkage(shrinkage)?;
    Ok(agents / (1.0 - shrinkage))
}

/// One point of a staffing curve; `metrics` is `None` where an Erlang C
/// queue is unstable.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CurvePoint {
    pub agents: u32,
    pub metrics: Option<Metrics>,
}

/// Figures for every whole `N` in `first..=last`, one Erlang B recursion
/// for the whole range.
pub fn staffing_curve(
    traffic: f64,
    aht_s: f64,
    model: Model,
    target_s: f64,
    first: u32,
    last: u32,
) -> Result<Vec<CurvePoint>> {
    let traffic = check_traffic(traffic)?;
    let aht_s = check_aht(aht_s)?;
    let model = model.validate(aht_s)?;
    let target_s = check_threshold(target_s)?;
    check_agents(f64::from(last))?;
    if last < first {
        return Ok(Vec::new());
    }
    let points = (last - first) as usize + 1;
    if points > MAX_CURVE_POINTS {
        return Err(Error::TooLarge {
            what: "staffing curve",
            value: points as f64,
            max: MAX_CURVE_POINTS as f64,
        });
    }
    let mut blocking = Blocking::at(traffic, f64::from(first));
    let mut curve = Vec::with_capacity(points);
    for agents in first..=last {
        if agents > first {
            blocking = blocking.next(traffic);
        }
        curve.push(CurvePoint {
            agents,
            metrics: metrics_from_blocking(traffic, aht_s, model, &blocking, target_s)?,
        });
    }
    Ok(curve)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EIGHTY_TWENTY: Targets = Targets {
        service_level: 0.8,
        target_s: 20.0,
        max_asa_s: None,
        max_abandon: None,
        max_occupancy: None,
    };

    #[test]
    fn requirement_is_the_first_n_meeting_the_target() {
        for traffic in [0.3, 4.0, 10.0, 57.5, 400.0, 3_000.0] {
            for model in [Model::ErlangC, Model::ErlangA { patience_s: 90.0 }] {
                let r = required_agents(traffic, 240.0, model, &EIGHTY_TWENTY).unwrap();
                assert!(EIGHTY_TWENTY.met_by(&r.metrics));
                let n = f64::from(r.agents);
                let below = metrics(traffic, 240.0, model, n - 1.0, 20.0).unwrap();
                assert!(
                    below.is_none_or(|m| !EIGHTY_TWENTY.met_by(&m)),
                    "{traffic} {model:?}"
                );
            }
        }
    }

    /// The Erlang A search as it was before the walked Erlang B states:
    /// every probe restarts `Blocking::at` and is judged on exact figures.
    fn erlang_a_by_restarted_probes(
        traffic: f64,
        aht_s: f64,
        model: Model,
        targets: &Targets,
        met: impl Fn(&Metrics) -> bool,
    ) -> Result<Requirement> {
        let occupancy_floor = targets
            .max_occupancy
            .map_or(0.0, |cap| (traffic / cap).ceil());
        let evaluate = |n: u32| -> Result<Option<Metrics>> {
            let blocking = Blocking::at(traffic, f64::from(n));
            match metrics_from_blocking(traffic, aht_s, model, &blocking, targets.target_s) {
                Ok(figures) => Ok(Some(figures.unwrap_or(Metrics::idle(f64::from(n))))),
                Err(Error::TooLarge { .. }) => Ok(None),
                Err(other) => Err(other),
            }
        };
        let guess = (traffic + traffic.sqrt())
            .ceil()
            .max(occupancy_floor)
            .clamp(1.0, MAX_AGENTS) as u32;
        let first_step = (traffic.sqrt().ceil() as u32).max(1);
        let mut step = first_step;
        let mut unmet = 0u32;
        let mut best = match evaluate(guess)? {
            Some(m) if met(&m) => (guess, m),
            _ => {
                unmet = guess;
                loop {
                    let probe = unmet.saturating_add(step).min(MAX_AGENTS as u32);
                    match evaluate(probe)? {
                        Some(m) if met(&m) => break (probe, m),
                        _ => unmet = probe,
                    }
                    step = step.saturating_mul(2);
                }
            }
        };
        if unmet == 0 {
            step = first_step;
            while best.0 > step {
                let probe = best.0 - step;
                match evaluate(probe)? {
                    Some(m) if met(&m) => best = (probe, m),
                    _ => {
                        unmet = probe;
                        break;
                    }
                }
                step = step.saturating_mul(2);
            }
        }
        while best.0 - unmet > 1 {
            let middle = unmet + (best.0 - unmet) / 2;
            match evaluate(middle)? {
                Some(m) if met(&m) => best = (middle, m),
                _ => unmet = middle,
            }
        }
        Ok(Requirement {
            agents: best.0,
            metrics: best.1,
        })
    }

    /// Walking Erlang B across the probes changes no answer and no figure,
    /// not even in the last bit.
    #[test]
    fn erlang_a_search_gives_what_restarted_probes_gave() {
        let target_sets = [
            EIGHTY_TWENTY,
            Targets::service_level(0.95, 10.0),
            Targets::service_level(0.3, 60.0),
            Targets {
                max_asa_s: Some(4.0),
                max_abandon: Some(0.02),
                max_occupancy: Some(0.9),
                ..EIGHTY_TWENTY
            },
            Targets {
                max_abandon: Some(0.005),
                ..Targets::service_level(0.5, 20.0)
            },
        ];
        for traffic in [0.05, 0.9, 4.0, 33.3, 250.0, 1_234.5, 5_000.0, 20_000.0] {
            for patience_s in [5.0, 120.0, 900.0, 30_000.0] {
                let model = Model::ErlangA { patience_s };
                for targets in &target_sets {
                    let fast = required_agents(traffic, 300.0, model, targets).unwrap();
                    let slow = erlang_a_by_restarted_probes(traffic, 300.0, model, targets, |m| {
                        targets.met_by(m)
                    })
                    .unwrap();
                    assert_eq!(
                        fast, slow,
                        "{traffic} E, patience {patience_s} s, {targets:?}"
                    );
                    let answer = f64::from(slow.agents);
                    for guess in [
                        1.0,
                        answer - 40.0,
                        answer - 1.0,
                        answer,
                        answer + 3.0,
                        2.0 * answer,
                    ] {
                        let near =
                            required_agents_near(traffic, 300.0, model, targets, Some(guess), None)
                                .unwrap();
                        assert_eq!(
                            near, slow,
                            "{traffic} E, patience {patience_s} s, guess {guess}"
                        );
                    }
                    for by_limit in requirement_by_limit(traffic, 300.0, model, targets).unwrap() {
                        let alone = Targets {
                            max_occupancy: targets
                                .max_occupancy
                                .filter(|_| by_limit.limit == Limit::MaxOccupancy),
                            ..*targets
                        };
                        let slow =
                            erlang_a_by_restarted_probes(traffic, 300.0, model, &alone, |m| {
                                by_limit.limit.met_by(targets, m)
                            })
                            .unwrap();
                        assert_eq!(by_limit.agents, slow.agents, "{by_limit:?}");
                    }
                }
            }
        }
    }

    /// Targets set to the exact figures of a staffing below the load, where
    /// probes see walked Erlang B states: the verdict there is too close to
    /// call on them, so it is made on the exact figures, and that staffing
    /// is the answer (its figures meet the targets with equality).
    #[test]
    fn targets_at_a_staffing_s_own_figures_are_decided_exactly() {
        let model = Model::ErlangA { patience_s: 120.0 };
        for (traffic, agents) in [(5_000.0, 4_380.0), (1_234.5, 1_120.0), (80.0, 74.0)] {
            let exact = metrics(traffic, 300.0, model, agents, 20.0)
                .unwrap()
                .unwrap();
            let target_sets = [
                Targets::service_level(exact.service_level, 20.0),
                Targets {
                    max_abandon: Some(exact.p_abandon),
                    ..Targets::service_level(0.01, 20.0)
                },
                Targets {
                    max_asa_s: Some(exact.asa_s),
                    ..Targets::service_level(0.01, 20.0)
                },
            ];
            for targets in &target_sets {
                let slow = erlang_a_by_restarted_probes(traffic, 300.0, model, targets, |m| {
                    targets.met_by(m)
                })
                .unwrap();
                assert_eq!(slow.agents, agents as u32, "{traffic} {targets:?}");
                assert_eq!(slow.metrics, exact);
                assert_eq!(required_agents(traffic, 300.0, model, targets), Ok(slow));
                for guess in [agents - 9.0, agents - 1.0, agents, agents + 2.0] {
                    let near =
                        required_agents_near(traffic, 300.0, model, targets, Some(guess), None);
                    assert_eq!(near, Ok(slow), "{traffic} {targets:?} guess {guess}");
                }
            }
        }
    }

    #[test]
    fn every_cap_is_honoured() {
        let targets = Targets {
            max_asa_s: Some(5.0),
            max_abandon: Some(0.01),
            max_occupancy: Some(0.7),
            ..EIGHTY_TWENTY
        };
        let r =
            required_agents(100.0, 300.0, Model::ErlangA { patience_s: 60.0 }, &targets).unwrap();
        assert!(
            r.metrics.asa_s <= 5.0 && r.metrics.p_abandon <= 0.01 && r.metrics.occupancy <= 0.7
        );
        assert_eq!(r.agents, 143); // ⌈100 / 0.7⌉: occupancy binds
    }

    #[test]
    fn a_tiny_occupancy_cap_is_refused_before_any_work() {
        // ⌈10 / cap⌉ agents: 10¹⁰, 10⁸ and 10⁶ are all beyond MAX_AGENTS, for every model.
        for cap in [1e-9, 1e-7, 1e-5] {
            let targets = Targets {
                max_occupancy: Some(cap),
                ..EIGHTY_TWENTY
            };
            for model in [Model::ErlangC, Model::ErlangA { patience_s: 120.0 }] {
                assert_eq!(
                    required_agents(10.0, 180.0, model, &targets),
                    Err(Error::Unreachable),
                    "{cap} {model:?}"
                );
            }
        }
        // At the limit itself the answer is the limit.
        let targets = Targets {
            max_occupancy: Some(10.0 / MAX_AGENTS),
            ..EIGHTY_TWENTY
        };
        let r = required_agents(10.0, 180.0, Model::ErlangA { patience_s: 120.0 }, &targets);
        assert!(r.is_ok_and(|r| f64::from(r.agents) <= MAX_AGENTS));
    }

    #[test]
    fn impossible_targets_fail_at_once() {
        let m = Model::ErlangC;
        assert_eq!(
            required_agents(10.0, 180.0, m, &Targets::service_level(1.0, 20.0)),
            Err(Error::ServiceLevelTarget(1.0))
        );
        let asa = Targets {
            max_asa_s: Some(0.0),
            ..EIGHTY_TWENTY
        };
        assert_eq!(
            required_agents(10.0, 180.0, m, &asa),
            Err(Error::MaxAsa(0.0))
        );
        let abandon = Targets {
            max_abandon: Some(0.0),
            ..EIGHTY_TWENTY
        };
        assert_eq!(
            required_agents(10.0, 180.0, m, &abandon),
            Err(Error::MaxAbandon(0.0))
        );
    }

    #[test]
    fn no_traffic_needs_no_agents() {
        let r = required_agents(0.0, 180.0, Model::ErlangC, &EIGHTY_TWENTY).unwrap();
        assert_eq!(r.agents, 0);
        assert_eq!(r.metrics.service_level, 1.0);
    }

    #[test]
    fn large_loads_are_fast_and_sensible() {
        let r = required_agents(50_000.0, 300.0, Model::ErlangC, &EIGHTY_TWENTY).unwrap();
        assert!(r.agents > 50_000 && r.agents < 50_200, "{}", r.agents);
        let a = required_agents(
            50_000.0,
            300.0,
            Model::ErlangA { patience_s: 120.0 },
            &EIGHTY_TWENTY,
        )
        .unwrap();
        assert!(a.agents <= r.agents);
    }

    #[test]
    fn erlang_a_search_steps_over_overload_too_deep_to_sum() {
        // Patience 1 000 × AHT: half the agents would leave ~5·10⁷ callers waiting.
        let model = Model::ErlangA {
            patience_s: 300_000.0,
        };
        let r = required_agents(100_000.0, 300.0, model, &EIGHTY_TWENTY).unwrap();
        assert!(r.agents > 100_000 && r.agents < 100_400, "{}", r.agents);
        assert!(matches!(
            metrics(100_000.0, 300.0, model, 50_000.0, 20.0),
            Err(Error::TooLarge { .. })
        ));
    }

    #[test]
    fn fte_after_shrinkage() {
        assert_eq!(scheduled_fte(0.0, 0.3), Ok(0.0));
        assert!(matches!(scheduled_fte(10.0, 1.0), Err(Error::Shrinkage(_))));
    }

    #[test]
    fn curve_matches_point_evaluations() {
        let curve = staffing_curve(20.0, 300.0, Model::ErlangC, 20.0, 15, 30).unwrap();
        assert_eq!(curve.len(), 16);
        assert!(curve
            .iter()
            .take_while(|p| p.agents <= 20)
            .all(|p| p.metrics.is_none()));
        for point in &curve {
            let single =
                metrics(20.0, 300.0, Model::ErlangC, f64::from(point.agents), 20.0).unwrap();
            assert_eq!(point.metrics, single);
        }
        assert!(staffing_curve(20.0, 300.0, Model::ErlangC, 20.0, 0, 20_000).is_err());
    }
}
