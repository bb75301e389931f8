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
    let traffic = check_traffic(traffic)?;
    let aht_s = check_aht(aht_s)?;
    let model = model.validate(aht_s)?;
    let agents = check_agents(agents)?;
    let target_s = check_threshold(target_s)?;
    metrics_from_blocking(
        traffic,
        aht_s,
        model,
        &Blocking::at(traffic, agents),
        target_s,
    )
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
/// bisects (every figure is monotone in `N`), each probe with its own
/// late-started recursion.
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
    smallest_meeting(traffic, aht_s, model, targets, |m| targets.met_by(m))
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
        smallest_meeting(traffic, aht_s, model, &alone, |m| limit.met_by(targets, m)).map(|r| {
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

/// The smallest whole `N` whose figures satisfy `met` (monotone in `N`);
/// `targets` gives the threshold `T` and the occupancy cap, whose floor
/// `⌈A / cap⌉` is where the search may start. Inputs already validated.
fn smallest_meeting(
    traffic: f64,
    aht_s: f64,
    model: Model,
    targets: &Targets,
    met: impl Fn(&Metrics) -> bool,
) -> Result<Requirement> {
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
            let first = (traffic.floor() + 1.0).max(occupancy_floor);
            let mut blocking = Blocking::at(traffic, first.min(MAX_AGENTS));
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
        Model::ErlangA { .. } => {
            // `None`: too deep in overload to sum (more than MAX_QUEUE_STATES callers
            // waiting); such a staffing meets no target, so it counts as not met.
            let evaluate = |n: u32| -> Result<Option<Metrics>> {
                let blocking = Blocking::at(traffic, f64::from(n));
                match metrics_from_blocking(traffic, aht_s, model, &blocking, targets.target_s) {
                    // Erlang A is stable at any N, so there are always figures.
                    Ok(figures) => Ok(Some(figures.unwrap_or(Metrics::idle(f64::from(n))))),
                    Err(Error::TooLarge { .. }) => Ok(None),
                    Err(other) => Err(other),
                }
            };
            // From the square-root staffing guess `A + √A`, gallop (steps of √A,
            // doubling) down to a staffing that misses or up to one that meets,
            // then bisect. Probes stay within a few √A of the answer: far below
            // the load every caller waits and the queue sums run over O(A) states.
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
                        if f64::from(unmet) >= MAX_AGENTS {
                            return Err(Error::Unreachable);
                        }
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
                // Every lower staffing is unknown yet; 0 agents meet no target.
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
