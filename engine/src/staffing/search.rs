//! The requirement search: the smallest whole number of agents meeting a
//! set of targets, and what each target needs on its own.

use super::erlang_a_search::ErlangASearch;
use super::figures::metrics_from_blocking;
use super::targets::meets_all;
use super::{Limit, Metrics, Model, Targets};
use crate::erlang_b::Blocking;
use crate::error::{check_aht, check_traffic, Error, Result, MAX_AGENTS};
use serde::Serialize;

/// The smallest whole number of agents meeting every target, with its figures.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Requirement {
    pub agents: u32,
    pub metrics: Metrics,
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
/// let r = required_agents(10.0, 180.0, Model::ErlangC, &Targets::new(0.8, 20.0)?)?;
/// assert_eq!(r.agents, 14);
/// # Ok::<(), ccplan_engine::Error>(())
/// ```
pub fn required_agents(
    traffic: f64,
    aht_s: f64,
    model: Model,
    targets: &Targets,
) -> Result<Requirement> {
    let (traffic, aht_s, model) = check_search(traffic, aht_s, model)?;
    smallest_meeting(traffic, aht_s, model, targets, &Limit::ALL, None, None)
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
    let (traffic, aht_s, model) = check_search(traffic, aht_s, model)?;
    let guess = guess.filter(|g| g.is_finite() && *g >= 1.0);
    smallest_meeting(traffic, aht_s, model, targets, &Limit::ALL, guess, start)
}

/// The agents each target set in `targets` needs on its own, in the order
/// service level, ASA, abandonment, occupancy. Every figure is monotone in
/// `N`, so [`required_agents`] is the largest of these, and the targets that
/// reach it are the ones that decide it (the "binding" limits).
///
/// ```
/// use ccplan_engine::staffing::{requirement_by_limit, Limit, Model, Targets};
/// let targets = Targets::new(0.8, 20.0)?.with_max_occupancy(0.85)?;
/// // 33.3 Erlangs: 80/20 alone needs 39 agents, the 85 % occupancy cap 40.
/// let by_limit = requirement_by_limit(200.0 * 300.0 / 1800.0, 300.0, Model::ErlangC, &targets)?;
/// assert_eq!((by_limit[0].limit, by_limit[0].agents), (Limit::ServiceLevel, 39));
/// assert_eq!((by_limit[1].limit, by_limit[1].agents), (Limit::MaxOccupancy, 40));
/// # Ok::<(), ccplan_engine::Error>(())
/// ```
pub fn requirement_by_limit(
    traffic: f64,
    aht_s: f64,
    model: Model,
    targets: &Targets,
) -> Result<Vec<LimitRequirement>> {
    let (traffic, aht_s, model) = check_search(traffic, aht_s, model)?;
    Limit::ALL
        .into_iter()
        .filter(|limit| limit.is_set(targets))
        .map(|limit| {
            // `limit.met_by(&alone, …)` is `limit.met_by(targets, …)`: it
            // reads only this limit's own cap.
            let alone = targets.for_limit_alone(limit);
            smallest_meeting(traffic, aht_s, model, &alone, &[limit], None, None).map(|r| {
                LimitRequirement {
                    limit,
                    agents: r.agents,
                }
            })
        })
        .collect()
}

/// The load, handle time and model of a search, checked. The targets need
/// no check: a [`Targets`] is valid by construction.
fn check_search(traffic: f64, aht_s: f64, model: Model) -> Result<(f64, f64, Model)> {
    let traffic = check_traffic(traffic)?;
    let aht_s = check_aht(aht_s)?;
    let model = model.validate(aht_s)?;
    Ok((traffic, aht_s, model))
}

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
    if traffic == 0.0 {
        return Ok(Requirement {
            agents: 0,
            metrics: Metrics::idle(0.0),
        });
    }
    let occupancy_floor = occupancy_floor(traffic, targets)?;
    match model {
        Model::ErlangC => {
            smallest_erlang_c(traffic, aht_s, targets, limits, occupancy_floor, start)
        }
        Model::ErlangA { patience_s } => {
            ErlangASearch::new(traffic, aht_s, patience_s, targets, limits)
                .smallest(guess, occupancy_floor)
        }
    }
}

/// The occupancy cap's floor `⌈A / cap⌉` (0 without a cap). A cap so low
/// that the agents it needs exceed the limit is refused before any work.
fn occupancy_floor(traffic: f64, targets: &Targets) -> Result<f64> {
    let floor = targets
        .max_occupancy()
        .map_or(0.0, |cap| (traffic / cap).ceil());
    if floor > MAX_AGENTS {
        return Err(Error::Unreachable);
    }
    Ok(floor)
}

/// Erlang C: walks `N` upward from the first stable staffing (or the
/// occupancy floor), one Erlang B step per agent, starting from `start`
/// when it is Erlang B at that first staffing.
fn smallest_erlang_c(
    traffic: f64,
    aht_s: f64,
    targets: &Targets,
    limits: &[Limit],
    occupancy_floor: f64,
    start: Option<Blocking>,
) -> Result<Requirement> {
    let first = (traffic.floor() + 1.0).max(occupancy_floor).min(MAX_AGENTS);
    let mut blocking = start
        .filter(|state| state.servers == first)
        .unwrap_or_else(|| Blocking::at(traffic, first));
    loop {
        if blocking.servers > MAX_AGENTS {
            return Err(Error::Unreachable);
        }
        let figures = metrics_from_blocking(
            traffic,
            aht_s,
            Model::ErlangC,
            &blocking,
            targets.target_s(),
        )?;
        if let Some(m) = figures.filter(|m| meets_all(limits, targets, m)) {
            return Ok(Requirement {
                agents: blocking.servers as u32,
                metrics: m,
            });
        }
        blocking = blocking.next(traffic);
    }
}

/// Where an Erlang C requirement search starts: the first stable staffing
/// `⌊A⌋ + 1`, or the occupancy cap's floor `⌈A / cap⌉` when higher, at most
/// `MAX_AGENTS`. `None` when the search does not start (no traffic, or a
/// floor beyond `MAX_AGENTS`). For `traffic` already checked.
pub(crate) fn erlang_c_first(traffic: f64, targets: &Targets) -> Option<f64> {
    let occupancy_floor = targets
        .max_occupancy()
        .map_or(0.0, |cap| (traffic / cap).ceil());
    if traffic == 0.0 || occupancy_floor > MAX_AGENTS {
        return None;
    }
    Some((traffic.floor() + 1.0).max(occupancy_floor).min(MAX_AGENTS))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::staffing::metrics;

    fn eighty_twenty() -> Targets {
        Targets::new(0.8, 20.0).unwrap()
    }

    fn service_level(service_level: f64, target_s: f64) -> Targets {
        Targets::new(service_level, target_s).unwrap()
    }

    #[test]
    fn requirement_is_the_first_n_meeting_the_target() {
        for traffic in [0.3, 4.0, 10.0, 57.5, 400.0, 3_000.0] {
            for model in [Model::ErlangC, Model::ErlangA { patience_s: 90.0 }] {
                let r = required_agents(traffic, 240.0, model, &eighty_twenty()).unwrap();
                assert!(eighty_twenty().met_by(&r.metrics));
                let n = f64::from(r.agents);
                let below = metrics(traffic, 240.0, model, n - 1.0, 20.0).unwrap();
                assert!(
                    below.is_none_or(|m| !eighty_twenty().met_by(&m)),
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
            .max_occupancy()
            .map_or(0.0, |cap| (traffic / cap).ceil());
        let evaluate = |n: u32| -> Result<Option<Metrics>> {
            let blocking = Blocking::at(traffic, f64::from(n));
            match metrics_from_blocking(traffic, aht_s, model, &blocking, targets.target_s()) {
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
            eighty_twenty(),
            service_level(0.95, 10.0),
            service_level(0.3, 60.0),
            eighty_twenty()
                .with_max_asa_s(4.0)
                .and_then(|t| t.with_max_abandon(0.02))
                .and_then(|t| t.with_max_occupancy(0.9))
                .unwrap(),
            service_level(0.5, 20.0).with_max_abandon(0.005).unwrap(),
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
                        let alone = targets.for_limit_alone(by_limit.limit);
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
                service_level(exact.service_level, 20.0),
                service_level(0.01, 20.0)
                    .with_max_abandon(exact.p_abandon)
                    .unwrap(),
                service_level(0.01, 20.0)
                    .with_max_asa_s(exact.asa_s)
                    .unwrap(),
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
        let targets = eighty_twenty()
            .with_max_asa_s(5.0)
            .and_then(|t| t.with_max_abandon(0.01))
            .and_then(|t| t.with_max_occupancy(0.7))
            .unwrap();
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
            let targets = eighty_twenty().with_max_occupancy(cap).unwrap();
            for model in [Model::ErlangC, Model::ErlangA { patience_s: 120.0 }] {
                assert_eq!(
                    required_agents(10.0, 180.0, model, &targets),
                    Err(Error::Unreachable),
                    "{cap} {model:?}"
                );
            }
        }
        // At the limit itself the answer is the limit.
        let targets = eighty_twenty()
            .with_max_occupancy(10.0 / MAX_AGENTS)
            .unwrap();
        let r = required_agents(10.0, 180.0, Model::ErlangA { patience_s: 120.0 }, &targets);
        assert!(r.is_ok_and(|r| f64::from(r.agents) <= MAX_AGENTS));
    }

    #[test]
    fn no_traffic_needs_no_agents() {
        let r = required_agents(0.0, 180.0, Model::ErlangC, &eighty_twenty()).unwrap();
        assert_eq!(r.agents, 0);
        assert_eq!(r.metrics.service_level, 1.0);
    }

    #[test]
    fn large_loads_are_fast_and_sensible() {
        let r = required_agents(50_000.0, 300.0, Model::ErlangC, &eighty_twenty()).unwrap();
        assert!(r.agents > 50_000 && r.agents < 50_200, "{}", r.agents);
        let a = required_agents(
            50_000.0,
            300.0,
            Model::ErlangA { patience_s: 120.0 },
            &eighty_twenty(),
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
        let r = required_agents(100_000.0, 300.0, model, &eighty_twenty()).unwrap();
        assert!(r.agents > 100_000 && r.agents < 100_400, "{}", r.agents);
        assert!(matches!(
            metrics(100_000.0, 300.0, model, 50_000.0, 20.0),
            Err(Error::TooLarge { .. })
        ));
    }
}
