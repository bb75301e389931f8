//! A discrete-event simulation of the queue the formulas describe, for
//! teaching: days of one interval's conditions (Poisson arrivals at a
//! steady rate, exponential handle times, exponential patience under
//! Erlang A, first come first served), each day starting empty, so a class
//! sees how a day's service level scatters around the formula's value.
//!
//! Seeded and portable: a ChaCha8 generator from `rand_chacha` gives the
//! same days for the same seed on every machine, and `rand_distr`'s `Exp`
//! draws the times. Work is bounded by [`MAX_SIMULATED_CALLS`].

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Exp};
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

use crate::error::{
    check_agents, check_aht, check_range, check_threshold, check_traffic, Error, Result,
};
use crate::staffing::Model;

/// Most callers one request may simulate (expected, over all days): about
/// a second of work in the browser's worker.
pub const MAX_SIMULATED_CALLS: f64 = 5_000_000.0;
/// Most days one request may simulate.
pub const MAX_SIMULATED_DAYS: u32 = 1000;

/// What to simulate: one interval's conditions held for whole days.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Setup {
    /// Offered load A, Erlangs (arrival rate × AHT).
    pub traffic: f64,
    pub aht_s: f64,
    /// Whole agents, all day.
    pub agents: u32,
    pub model: Model,
    /// Service-level threshold T, seconds.
    pub target_s: f64,
    /// Length of a day, hours.
    pub hours: f64,
    pub days: u32,
    pub seed: u64,
}

/// One simulated day.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Day {
    pub offered: u32,
    pub answered_within_target: u32,
    pub abandoned: u32,
    /// Answered within `T` over all offered calls (1 for a day with no calls).
    pub service_level: f64,
}

/// The days and the spread of their service level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub days: Vec<Day>,
    /// Mean of the days' service levels.
    pub mean: f64,
    /// Their standard deviation (with `n − 1`; 0 for a single day).
    pub sd: f64,
}

/// Simulates `setup.days` days. Under Erlang C the agents must exceed the
/// load (else the queue grows without bound and the figures mean little),
/// like the formula.
///
/// ```
/// use ccplan_engine::simulation::{simulate, Setup};
/// use ccplan_engine::staffing::Model;
/// let setup = Setup { traffic: 10.0, aht_s: 180.0, agents: 14, model: Model::ErlangC,
///     target_s: 20.0, hours: 8.0, days: 5, seed: 1 };
/// let run = simulate(&setup).unwrap();
/// assert_eq!(run.days.len(), 5);
/// assert_eq!(run, simulate(&setup).unwrap()); // the same seed, the same days
/// ```
pub fn simulate(setup: &Setup) -> Result<Summary> {
    let draws = Draws::checked(setup)?;
    let hours = check_range("day length (hours)", setup.hours, 0.01..=24.0)?;
    let days = check_range(
        "days",
        f64::from(setup.days),
        1.0..=f64::from(MAX_SIMULATED_DAYS),
    )?;
    let calls = setup.traffic / setup.aht_s * hours * 3600.0 * days;
    if calls > MAX_SIMULATED_CALLS {
        return Err(Error::TooLarge {
            what: "simulated calls",
            value: calls,
            max: MAX_SIMULATED_CALLS,
        });
    }
    let Draws {
        handle,
        patience,
        arrivals,
        target_s,
    } = draws;
    let mut rng = ChaCha8Rng::seed_from_u64(setup.seed);
    let day_s = hours * 3600.0;
    let list: Vec<Day> = (0..setup.days)
        .map(|_| {
            one_day(
                &mut rng,
                arrivals,
                handle,
                patience,
                setup.agents,
                target_s,
                day_s,
            )
        })
        .collect();
    let n = list.len() as f64;
    let mean = list.iter().map(|d| d.service_level).sum::<f64>() / n;
    let sd = if list.len() > 1 {
        (list
            .iter()
            .map(|d| (d.service_level - mean).powi(2))
            .sum::<f64>()
            / (n - 1.0))
            .sqrt()
    } else {
        0.0
    };
    Ok(Summary {
        days: list,
        mean,
        sd,
    })
}

/// The checked setup's random times: between arrivals, handle times and
/// (Erlang A) patience.
#[derive(Debug, Clone, Copy)]
struct Draws {
    handle: Exp<f64>,
    patience: Option<Exp<f64>>,
    /// `None` when nobody calls.
    arrivals: Option<Exp<f64>>,
    target_s: f64,
}

impl Draws {
    /// Checks what both the day runs and the live queue need; under
    /// Erlang C the agents must exceed the load, like the formula.
    fn checked(setup: &Setup) -> Result<Self> {
        let traffic = check_traffic(setup.traffic)?;
        let aht_s = check_aht(setup.aht_s)?;
        let model = setup.model.validate(aht_s)?;
        let agents = check_agents(f64::from(setup.agents))?;
        let target_s = check_threshold(setup.target_s)?;
        if model == Model::ErlangC && agents <= traffic && traffic > 0.0 {
            return Err(Error::Agents(agents));
        }
        let handle = Exp::new(1.0 / aht_s).map_err(|_| Error::Aht(aht_s))?;
        let patience = match model {
            Model::ErlangC => None,
            Model::ErlangA { patience_s } => {
                Some(Exp::new(1.0 / patience_s).map_err(|_| Error::Patience(patience_s))?)
            }
        };
        let arrivals = (traffic > 0.0)
            .then(|| Exp::new(traffic / aht_s))
            .transpose()
            .map_err(|_| Error::Traffic(traffic))?;
        Ok(Draws {
            handle,
            patience,
            arrivals,
            target_s,
        })
    }
}

/// One day from empty: callers arriving until `day_s` are followed until
/// they are answered or hang up (the last ones after closing time).
fn one_day(
    rng: &mut ChaCha8Rng,
    arrivals: Option<Exp<f64>>,
    handle: Exp<f64>,
    patience: Option<Exp<f64>>,
    agents: u32,
    target_s: f64,
    day_s: f64,
) -> Day {
    let mut queue = Queue::empty(rng, arrivals, agents, day_s);
    while queue.step(rng, handle, patience, target_s) {}
    let mut day = queue.day;
    day.service_level = if day.offered > 0 {
        f64::from(day.answered_within_target) / f64::from(day.offered)
    } else {
        1.0
    };
    day
}

/// The queue between events: who is busy until when, who waits, and the
/// tally so far. [`one_day`] runs it to the end of a day; [`LiveQueue`]
/// runs it a little at a time, for a class to watch.
#[derive(Debug, Clone)]
struct Queue {
    arrivals: Option<Exp<f64>>,
    agents: u32,
    /// Arrivals stop here (infinity: they never do).
    close_s: f64,
    now: f64,
    next_arrival: f64,
    /// When each busy agent becomes free (a min-heap of times as ordered
    /// bits: non-negative finite f64s order like their bit patterns).
    busy: BinaryHeap<Reverse<u64>>,
    /// Callers waiting: (arrival time, time they would hang up).
    waiting: VecDeque<(f64, f64)>,
    day: Day,
}

impl Queue {
    fn empty(rng: &mut ChaCha8Rng, arrivals: Option<Exp<f64>>, agents: u32, close_s: f64) -> Self {
        let next_arrival = arrivals.map_or(f64::INFINITY, |a| a.sample(rng));
        Queue {
            arrivals,
            agents,
            close_s,
            now: 0.0,
            next_arrival,
            busy: BinaryHeap::new(),
            waiting: VecDeque::new(),
            day: Day::default(),
        }
    }

    /// When the next event happens (`None`: nothing will any more).
    fn next_time(&self) -> Option<f64> {
        let next_free = self.busy.peek().map(|Reverse(bits)| f64::from_bits(*bits));
        let arrival = (self.next_arrival < self.close_s).then_some(self.next_arrival);
        match (next_free, arrival) {
            (Some(free), Some(arrival)) => Some(free.min(arrival)),
            (free, arrival) => free.or(arrival),
        }
    }

    /// Handles the next event; `false` once nothing is left to happen
    /// (whoever still waits then has hung up).
    fn step(
        &mut self,
        rng: &mut ChaCha8Rng,
        handle: Exp<f64>,
        patience: Option<Exp<f64>>,
        target_s: f64,
    ) -> bool {
        let next_free = self.busy.peek().map(|Reverse(bits)| f64::from_bits(*bits));
        let arrival_due = self.next_arrival < self.close_s && self.arrivals.is_some();
        match next_free {
            // An agent frees up first (or no more arrivals): serve the queue.
            Some(free_at) if !arrival_due || free_at <= self.next_arrival => {
                self.now = free_at;
                self.busy.pop();
                while let Some((arrived, gives_up)) = self.waiting.pop_front() {
                    if gives_up < free_at {
                        self.day.abandoned += 1;
                        continue;
                    }
                    if free_at - arrived <= target_s {
                        self.day.answered_within_target += 1;
                    }
                    self.busy
                        .push(Reverse((free_at + handle.sample(rng)).to_bits()));
                    break;
                }
                true
            }
            _ if arrival_due => {
                let now = self.next_arrival;
                self.now = now;
                self.day.offered += 1;
                if self.busy.len() < self.agents as usize {
                    self.day.answered_within_target += 1;
                    self.busy
                        .push(Reverse((now + handle.sample(rng)).to_bits()));
                } else {
                    let gives_up = patience.map_or(f64::INFINITY, |p| now + p.sample(rng));
                    self.waiting.push_back((now, gives_up));
                }
                if let Some(arrivals) = self.arrivals {
                    self.next_arrival = now + arrivals.sample(rng);
                }
                true
            }
            // No arrival due and nobody busy: whoever still waits hangs up.
            _ => {
                self.day.abandoned += self.waiting.len() as u32;
                self.waiting.clear();
                false
            }
        }
    }
}

/// What a class sees of a running queue at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Simulated seconds since the start.
    pub time_s: f64,
    pub agents: u32,
    pub busy: u32,
    /// Callers waiting now (those whose patience has run out are gone).
    pub waiting: u32,
    pub offered: u32,
    pub answered_within_target: u32,
    /// Callers who hung up so far.
    pub abandoned: u32,
}

impl Snapshot {
    /// Answered within `T` over the calls so far (1 before the first call).
    pub fn service_level(&self) -> f64 {
        if self.offered > 0 {
            f64::from(self.answered_within_target) / f64::from(self.offered)
        } else {
            1.0
        }
    }
}

/// A queue that never closes, run a slice at a time (for the animation).
#[derive(Debug, Clone)]
pub struct LiveQueue {
    rng: ChaCha8Rng,
    handle: Exp<f64>,
    patience: Option<Exp<f64>>,
    target_s: f64,
    queue: Queue,
    /// Where the clock stands (events up to here are done).
    clock_s: f64,
}

impl LiveQueue {
    /// Checks `setup` like [`simulate`] (its days and hours are not used).
    pub fn new(setup: &Setup) -> Result<Self> {
        let Draws {
            handle,
            patience,
            arrivals,
            target_s,
        } = Draws::checked(setup)?;
        let mut rng = ChaCha8Rng::seed_from_u64(setup.seed);
        let queue = Queue::empty(&mut rng, arrivals, setup.agents, f64::INFINITY);
        Ok(LiveQueue {
            rng,
            handle,
            patience,
            target_s,
            queue,
            clock_s: 0.0,
        })
    }

    /// Moves the clock on by `seconds`, handling at most `max_events`
    /// events (the clock then stops at the last one handled), so a frame
    /// never takes long however fast the class watches. Returns the events
    /// handled.
    pub fn advance(&mut self, seconds: f64, max_events: usize) -> usize {
        let until = self.clock_s + seconds.max(0.0);
        let mut handled = 0;
        while handled < max_events {
            match self.queue.next_time() {
                Some(t) if t <= until => {
                    self.queue
                        .step(&mut self.rng, self.handle, self.patience, self.target_s);
                    handled += 1;
                }
                _ => {
                    self.clock_s = until;
                    return handled;
                }
            }
        }
        self.clock_s = self.queue.now;
        handled
    }

    pub fn snapshot(&self) -> Snapshot {
        let now = self.clock_s;
        let gone = self
            .queue
            .waiting
            .iter()
            .filter(|(_, gives_up)| *gives_up < now)
            .count() as u32;
        Snapshot {
            time_s: now,
            agents: self.queue.agents,
            busy: self.queue.busy.len() as u32,
            waiting: self.queue.waiting.len() as u32 - gone,
            offered: self.queue.day.offered,
            answered_within_target: self.queue.day.answered_within_target,
            abandoned: self.queue.day.abandoned + gone,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::staffing::metrics;

    fn setup(agents: u32, model: Model) -> Setup {
        Setup {
            traffic: 10.0,
            aht_s: 180.0,
            agents,
            model,
            target_s: 20.0,
            hours: 8.0,
            days: 50,
            seed: 7,
        }
    }

    /// Issue 11: A = 10, AHT 180 s, 8-hour days: the mean day is within
    /// 1.5 pp of the formula, and days scatter by a few pp. At 12 agents a
    /// day's SL has an sd of about 8 pp, so 50 days leave the mean about
    /// 1.1 pp uncertain on top of the start-empty bias (each day opens with
    /// no queue: about +0.7 pp); 200 days bring that to 0.55 pp.
    #[test]
    fn simulated_days_scatter_around_erlang_c() {
        for (agents, days, sd_range) in [(14, 50, 0.02..0.07), (12, 200, 0.05..0.12)] {
            let formula = metrics(10.0, 180.0, Model::ErlangC, f64::from(agents), 20.0)
                .unwrap()
                .unwrap()
                .service_level;
            for seed in [1, 2, 3] {
                let run = simulate(&Setup {
                    seed,
                    days,
                    ..setup(agents, Model::ErlangC)
                })
                .unwrap();
                assert!(
                    (run.mean - formula).abs() < 0.015,
                    "{agents} agents, seed {seed}: {} vs {formula}",
                    run.mean
                );
                // Starting empty, a day does better than the steady state on average.
                assert!(run.mean > formula - 0.005);
                assert!(sd_range.contains(&run.sd), "{agents} agents: sd {}", run.sd);
                // About 1 600 calls a day (10 Erlangs / 180 s × 8 h).
                let calls: u32 = run.days.iter().map(|d| d.offered).sum();
                assert!((f64::from(calls) / f64::from(days) - 1600.0).abs() < 60.0);
                assert!(run.days.iter().all(|d| d.abandoned == 0));
            }
        }
    }

    #[test]
    fn simulated_days_scatter_around_erlang_a() {
        let model = Model::ErlangA { patience_s: 120.0 };
        let exact = metrics(10.0, 180.0, model, 11.0, 20.0).unwrap().unwrap();
        let run = simulate(&Setup {
            days: 200,
            ..setup(11, model)
        })
        .unwrap();
        assert!(
            (run.mean - exact.service_level).abs() < 0.015,
            "{} vs {}",
            run.mean,
            exact.service_level
        );
        let offered: u32 = run.days.iter().map(|d| d.offered).sum();
        let abandoned: u32 = run.days.iter().map(|d| d.abandoned).sum();
        assert!((f64::from(abandoned) / f64::from(offered) - exact.p_abandon).abs() < 0.01);
    }

    #[test]
    fn bad_setups_are_refused_not_run() {
        let ok = setup(14, Model::ErlangC);
        assert_eq!(
            simulate(&Setup { agents: 10, ..ok }),
            Err(Error::Agents(10.0))
        );
        assert!(simulate(&Setup { days: 0, ..ok }).is_err());
        assert!(simulate(&Setup {
            hours: f64::NAN,
            ..ok
        })
        .is_err());
        assert!(simulate(&Setup {
            traffic: 5000.0,
            agents: 5100,
            days: 1000,
            ..ok
        })
        .is_err());
        let quiet = simulate(&Setup {
            traffic: 0.0,
            agents: 1,
            ..ok
        })
        .unwrap();
        assert!(quiet
            .days
            .iter()
            .all(|d| d.offered == 0 && d.service_level == 1.0));
        assert_eq!(quiet.sd, 0.0);
    }

    #[test]
    fn a_live_queue_moves_a_slice_at_a_time_and_never_runs_away() {
        let watched = setup(11, Model::ErlangA { patience_s: 120.0 });
        let mut live = LiveQueue::new(&watched).unwrap();
        let start = live.snapshot();
        assert_eq!(
            (start.time_s, start.busy, start.waiting, start.offered),
            (0.0, 0, 0, 0)
        );
        // An hour in slices of a minute: about 200 calls (10 Erlangs / 180 s).
        for _ in 0..60 {
            live.advance(60.0, 10_000);
            let s = live.snapshot();
            assert!(s.busy <= s.agents);
            assert!(s.answered_within_target + s.abandoned + s.waiting <= s.offered);
        }
        let hour = live.snapshot();
        assert!((hour.time_s - 3600.0).abs() < 1e-9);
        assert!((150..260).contains(&hour.offered), "{}", hour.offered);
        // A bounded slice stops the clock at its last event.
        let before = live.snapshot().time_s;
        assert_eq!(live.advance(1e9, 5), 5);
        assert!(live.snapshot().time_s > before && live.snapshot().time_s < before + 1e9);
        // The same seed, the same queue.
        let mut again = LiveQueue::new(&watched).unwrap();
        for _ in 0..60 {
            again.advance(60.0, 10_000);
        }
        assert_eq!(again.snapshot(), hour);
        assert!(LiveQueue::new(&setup(5, Model::ErlangC)).is_err());
    }
}
