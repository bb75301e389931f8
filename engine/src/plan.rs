//! Interval day plans: a forecast of contacts per interval turned into
//! required agents, the figures at that staffing and day totals; and the
//! reverse, the figures achieved by a given number of agents per interval.

use crate::erlang_b::{self, Blocking};
use crate::error::{
    check_agents, check_aht, check_shrinkage, check_traffic, Error, Result, MAX_COST_PER_HOUR,
    MAX_INTERVALS,
};
use crate::staffing::{self, Metrics, Model, Targets};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Forecast for one interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct IntervalForecast {
    /// Contacts offered in the interval.
    pub volume: f64,
    /// Handle time for this interval, seconds; the plan's default when absent.
    pub aht_s: Option<f64>,
}

/// Everything a day plan needs besides the forecast.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PlanSettings {
    /// Interval length in minutes (15, 30 and 60 are usual; anything in (0, 1440] works).
    pub interval_minutes: f64,
    /// Handle time for intervals that do not give their own, seconds.
    pub aht_s: f64,
    pub model: Model,
    pub targets: Targets,
    /// Share of paid time not available for calls, in [0, 1).
    pub shrinkage: f64,
    /// Loaded cost per paid agent-hour; the day's cost is left out when absent.
    pub cost_per_paid_hour: Option<f64>,
}

impl PlanSettings {
    fn validate(&self) -> Result<()> {
        if !(self.interval_minutes > 0.0 && self.interval_minutes <= 1440.0) {
            return Err(Error::IntervalLength(self.interval_minutes));
        }
        check_aht(self.aht_s)?;
        self.model.validate(self.aht_s)?;
        check_shrinkage(self.shrinkage)?;
        if let Some(cost) = self.cost_per_paid_hour {
            if !(0.0..=MAX_COST_PER_HOUR).contains(&cost) {
                return Err(Error::Cost(cost));
            }
        }
        Ok(())
    }
}

/// Names of one interval's columns wherever a plan is written as a table
/// (`ccplan plan`, the app's interval export), in order: the interval's
/// start, then the fields of [`IntervalPlan`] and its [`Metrics`]. The
/// stable contract of both front ends.
pub const INTERVAL_COLUMNS: [&str; 11] = [
    "interval_start",
    "volume",
    "aht_s",
    "traffic_erlangs",
    "agents",
    "scheduled_fte",
    "service_level",
    "asa_s",
    "p_wait",
    "abandon",
    "occupancy",
];

/// One row of the plan.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct IntervalPlan {
    pub volume: f64,
    pub aht_s: f64,
    /// Offered load, Erlangs: `volume · AHT / interval length`.
    pub traffic: f64,
    /// Agents on the phones: required (plan) or given (reverse plan).
    pub agents: f64,
    /// Agents to schedule after shrinkage: `agents / (1 − shrinkage)`.
    pub scheduled_fte: f64,
    /// Figures at `agents`; `None` where Erlang C is unstable (`agents ≤ traffic`).
    pub metrics: Option<Metrics>,
}

/// Day totals. Rates are weighted by volume: service level and abandonment
/// by offered contacts, ASA by answered contacts.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DayTotals {
    pub volume: f64,
    /// Answered within the threshold over all offered contacts. An unstable
    /// Erlang C interval counts as 0 % (its queue grows without bound).
    pub service_level: f64,
    /// Mean wait of answered contacts; `None` when an interval is unstable.
    pub asa_s: Option<f64>,
    pub p_abandon: f64,
    /// Carried workload over staffed agent time.
    pub occupancy: f64,
    pub peak_agents: f64,
    /// Σ agents × interval hours.
    pub agent_hours: f64,
    /// Σ scheduled FTE × interval hours.
    pub paid_hours: f64,
    /// `paid_hours × cost_per_paid_hour`, when a cost was given.
    pub cost: Option<f64>,
    /// Number of intervals that do not meet every target.
    pub intervals_missing_target: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DayPlan {
    pub intervals: Vec<IntervalPlan>,
    pub totals: DayTotals,
}

/// Required agents for every interval of `forecast` and the day totals.
///
/// ```
/// use ccplan_engine::plan::{plan_day, IntervalForecast, PlanSettings};
/// use ccplan_engine::staffing::{Model, Targets};
/// let settings = PlanSettings {
///     interval_minutes: 30.0, aht_s: 180.0, model: Model::ErlangC,
///     targets: Targets::new(0.8, 20.0)?, shrinkage: 0.3, cost_per_paid_hour: Some(25.0),
/// };
/// let forecast = [IntervalForecast { volume: 100.0, aht_s: None }; 2];
/// let plan = plan_day(&forecast, &settings).unwrap();
/// assert_eq!(plan.intervals[0].agents, 14.0);
/// assert_eq!(plan.totals.agent_hours, 14.0);
/// assert_eq!(plan.totals.paid_hours, 20.0);
/// assert_eq!(plan.totals.cost, Some(500.0));
/// # Ok::<(), ccplan_engine::Error>(())
/// ```
pub fn plan_day(forecast: &[IntervalForecast], settings: &PlanSettings) -> Result<DayPlan> {
    plan_day_reusing(forecast, settings, &mut Requirements::default(), None)
}

/// Requirements already found, by offered load and handle time (as exact
/// bits), for one model and one set of targets: a day whose interval has
/// the same load as one seen before (another interval, or the same interval
/// of another month of a capacity plan) reuses its answer instead of
/// searching again. The search is a deterministic function of those inputs,
/// so a reused answer is bit for bit the one a new search would give.
#[derive(Debug, Default)]
pub(crate) struct Requirements {
    found: HashMap<(u64, u64), staffing::Requirement>,
}

impl Requirements {
    fn required(
        &mut self,
        traffic: f64,
        aht_s: f64,
        settings: &PlanSettings,
        guess: Option<f64>,
        start: Option<Blocking>,
    ) -> Result<staffing::Requirement> {
        let key = (traffic.to_bits(), aht_s.to_bits());
        if let Some(found) = self.found.get(&key) {
            return Ok(*found);
        }
        let requirement = staffing::required_agents_near(
            traffic,
            aht_s,
            settings.model,
            &settings.targets,
            guess,
            start,
        )?;
        self.found.insert(key, requirement);
        Ok(requirement)
    }
}

/// [`plan_day`] with answers kept in `requirements` from one call to the
/// next (every call must use the same model and targets), and `earlier`, a
/// plan of a day of the same shape (the same interval of another month of a
/// capacity plan) to start each search from.
pub(crate) fn plan_day_reusing(
    forecast: &[IntervalForecast],
    settings: &PlanSettings,
    requirements: &mut Requirements,
    earlier: Option<&DayPlan>,
) -> Result<DayPlan> {
    settings.validate()?;
    check_count(forecast.len())?;
    // Each search starts from the same interval's answer on the earlier day,
    // or else the previous interval's, scaled to this interval's load (loads
    // change little from one interval, or one month, to the next): a few
    // probes instead of a gallop from A + √A. The answers do not depend on
    // it (see `required_agents_near`).
    let earlier = earlier.filter(|day| day.intervals.len() == forecast.len());
    let starts = erlang_c_starts(forecast, settings, requirements);
    let mut intervals: Vec<IntervalPlan> = Vec::with_capacity(forecast.len());
    for (index, interval) in forecast.iter().enumerate() {
        let guides = match earlier {
            Some(day) => Guides::Earlier(&day.intervals[index]),
            None => Guides::Previous(&intervals[index.saturating_sub(2)..]),
        };
        let start = starts[index];
        let plan =
            plan_interval(interval, settings, requirements, guides, start).map_err(|source| {
                Error::Interval {
                    index,
                    source: Box::new(source),
                }
            })?;
        intervals.push(plan);
    }
    Ok(DayPlan {
        totals: totals(&intervals, settings),
        intervals,
    })
}

/// The figures achieved by `agents[i]` agents in interval `i` (reverse mode).
pub fn evaluate_day(
    forecast: &[IntervalForecast],
    agents: &[f64],
    settings: &PlanSettings,
) -> Result<DayPlan> {
    settings.validate()?;
    check_count(forecast.len())?;
    if agents.len() != forecast.len() {
        return Err(Error::IntervalCount {
            expected: forecast.len(),
            got: agents.len(),
        });
    }
    let states = blocking_states(
        forecast
            .iter()
            .zip(agents)
            .map(|(interval, &agents)| Some((load(interval, settings).ok()?.0, agents))),
    );
    let intervals = forecast
        .iter()
        .zip(agents)
        .zip(states)
        .enumerate()
        .map(|(index, ((interval, &agents), state))| {
            evaluate_interval(interval, agents, settings, state).map_err(|source| Error::Interval {
                index,
                source: Box::new(source),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(DayPlan {
        totals: totals(&intervals, settings),
        intervals,
    })
}

/// Erlang B at `(traffic, agents)` for every interval that has a valid
/// pair (`None` for the others, left to the interval's own checks), all
/// computed side by side ([`erlang_b::at_each`]: bit for bit `Blocking::at`).
pub(crate) fn blocking_states(
    pairs: impl Iterator<Item = Option<(f64, f64)>>,
) -> Vec<Option<Blocking>> {
    let pairs: Vec<Option<(f64, f64)>> = pairs
        .map(|pair| pair.filter(|&(t, n)| check_traffic(t).is_ok() && check_agents(n).is_ok()))
        .collect();
    let (loads, staffings): (Vec<f64>, Vec<f64>) = pairs.iter().flatten().copied().unzip();
    let mut states = erlang_b::at_each(&loads, &staffings).into_iter();
    pairs
        .iter()
        .map(|pair| pair.and_then(|_| states.next()))
        .collect()
}

/// Erlang B where each Erlang C interval's requirement search starts
/// ([`staffing::erlang_c_first`]), computed side by side for the day;
/// `None` for the intervals that search without it (Erlang A, a load
/// already staffed, or one its own checks will refuse).
fn erlang_c_starts(
    forecast: &[IntervalForecast],
    settings: &PlanSettings,
    requirements: &Requirements,
) -> Vec<Option<Blocking>> {
    if !matches!(settings.model, Model::ErlangC) {
        return vec![None; forecast.len()];
    }
    blocking_states(forecast.iter().map(|interval| {
        let (traffic, aht_s) = load(interval, settings).ok()?;
        check_traffic(traffic).ok()?;
        if requirements
            .found
            .contains_key(&(traffic.to_bits(), aht_s.to_bits()))
        {
            return None;
        }
        Some((
            traffic,
            staffing::erlang_c_first(traffic, &settings.targets)?,
        ))
    }))
}

fn check_count(count: usize) -> Result<()> {
    if count == 0 {
        return Err(Error::EmptyPlan);
    }
    if count > MAX_INTERVALS {
        return Err(Error::TooLarge {
            what: "number of intervals",
            value: count as f64,
            max: MAX_INTERVALS as f64,
        });
    }
    Ok(())
}

/// Offered load of one interval and the handle time it used.
fn load(interval: &IntervalForecast, settings: &PlanSettings) -> Result<(f64, f64)> {
    if !(interval.volume.is_finite() && interval.volume >= 0.0) {
        return Err(Error::Volume(interval.volume));
    }
    let aht_s = check_aht(interval.aht_s.unwrap_or(settings.aht_s))?;
    Ok((
        interval.volume * aht_s / (settings.interval_minutes * 60.0),
        aht_s,
    ))
}

/// Where an interval's requirement search starts (see
/// `staffing::required_agents_near`: the answer does not depend on it).
enum Guides<'a> {
    /// The same interval on another day (the previous month's).
    Earlier(&'a IntervalPlan),
    /// The day's last two intervals before this one (fewer at its start).
    Previous(&'a [IntervalPlan]),
}

impl Guides<'_> {
    /// A guess of the requirement at `traffic` Erlangs. From one interval,
    /// its agents scaled to this load. From two, the square-root safety
    /// margin `β = (N − A)/√A` extrapolated linearly in the load through
    /// both, `A + β·√A`: on the benchmark's day it lands within about an
    /// agent of the answer (the agents scaled from one interval, within
    /// about two), so a search takes two or three probes.
    fn guess(&self, traffic: f64) -> Option<f64> {
        let usable = |p: &IntervalPlan| p.traffic > 0.0 && p.agents > 0.0;
        let scaled = |p: &IntervalPlan| p.agents * traffic / p.traffic;
        match *self {
            Guides::Earlier(earlier) => usable(earlier).then(|| scaled(earlier)),
            Guides::Previous([first, second]) if usable(first) && usable(second) => {
                let margin = |p: &IntervalPlan| (p.agents - p.traffic) / p.traffic.sqrt();
                let step = second.traffic - first.traffic;
                let ahead = traffic - second.traffic;
                // Extrapolate only over a step like the last one (across a
                // much larger one, or none, the line says little), and only
                // when the agents moved by more than their rounding (else
                // the line's slope is mostly that rounding, and scaling the
                // last answer does better).
                if step == 0.0
                    || (ahead / step).abs() > 4.0
                    || (second.agents - first.agents).abs() < 8.0
                {
                    return Some(scaled(second));
                }
                let beta = margin(second) + (margin(second) - margin(first)) * ahead / step;
                Some(traffic + beta * traffic.sqrt())
            }
            Guides::Previous(previous) => previous.last().filter(|p| usable(p)).map(scaled),
        }
    }
}

fn plan_interval(
    interval: &IntervalForecast,
    settings: &PlanSettings,
    requirements: &mut Requirements,
    guides: Guides,
    start: Option<Blocking>,
) -> Result<IntervalPlan> {
    let (traffic, aht_s) = load(interval, settings)?;
    let guess = guides.guess(traffic);
    let requirement = requirements.required(traffic, aht_s, settings, guess, start)?;
    let agents = f64::from(requirement.agents);
    interval_row(
        interval,
        (traffic, aht_s),
        agents,
        settings,
        Some(requirement.metrics),
    )
}

fn evaluate_interval(
    interval: &IntervalForecast,
    agents: f64,
    settings: &PlanSettings,
    blocking: Option<Blocking>,
) -> Result<IntervalPlan> {
    let (traffic, aht_s) = load(interval, settings)?;
    let metrics = staffing::metrics_given(
        traffic,
        aht_s,
        settings.model,
        agents,
        settings.targets.target_s(),
        blocking.as_ref(),
    )?;
    interval_row(interval, (traffic, aht_s), agents, settings, metrics)
}

/// The plan's row for `interval` at `agents`, with the staff to schedule
/// for them after the settings' shrinkage.
fn interval_row(
    interval: &IntervalForecast,
    (traffic, aht_s): (f64, f64),
    agents: f64,
    settings: &PlanSettings,
    metrics: Option<Metrics>,
) -> Result<IntervalPlan> {
    Ok(IntervalPlan {
        volume: interval.volume,
        aht_s,
        traffic,
        agents,
        scheduled_fte: staffing::scheduled_fte(agents, settings.shrinkage)?,
        metrics,
    })
}

fn totals(intervals: &[IntervalPlan], settings: &PlanSettings) -> DayTotals {
    let hours = settings.interval_minutes / 60.0;
    let mut volume = 0.0;
    let mut within_target = 0.0;
    let mut abandoned = 0.0;
    let mut answered = 0.0;
    let mut answered_wait = 0.0;
    let mut any_unstable = false;
    let mut workload_hours = 0.0;
    let mut agent_hours = 0.0;
    let mut paid_hours = 0.0;
    let mut peak_agents: f64 = 0.0;
    let mut intervals_missing_target = 0;
    for interval in intervals {
        volume += interval.volume;
        agent_hours += interval.agents * hours;
        paid_hours += interval.scheduled_fte * hours;
        peak_agents = peak_agents.max(interval.agents);
        match &interval.metrics {
            Some(m) => {
                within_target += interval.volume * m.service_level;
                abandoned += interval.volume * m.p_abandon;
                let answered_here = interval.volume * (1.0 - m.p_abandon);
                answered += answered_here;
                answered_wait += answered_here * m.asa_s;
                workload_hours += interval.traffic * (1.0 - m.p_abandon) * hours;
                if !settings.targets.met_by(m) && interval.volume > 0.0 {
                    intervals_missing_target += 1;
                }
            }
            None => {
                any_unstable = true;
                // The agents work flat out while the queue grows.
                workload_hours += interval.agents * hours;
                intervals_missing_target += 1;
            }
        }
    }
    let share = |part: f64, whole: f64, empty: f64| if whole > 0.0 { part / whole } else { empty };
    DayTotals {
        volume,
        service_level: share(within_target, volume, 1.0),
        asa_s: (!any_unstable).then(|| share(answered_wait, answered, 0.0)),
        p_abandon: share(abandoned, volume, 0.0),
        occupancy: share(workload_hours, agent_hours, 0.0),
        peak_agents,
        agent_hours,
        paid_hours,
        cost: settings.cost_per_paid_hour.map(|rate| rate * paid_hours),
        intervals_missing_target,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(model: Model) -> PlanSettings {
        PlanSettings {
            interval_minutes: 30.0,
            aht_s: 300.0,
            model,
            targets: Targets::new(0.8, 20.0).unwrap(),
            shrinkage: 0.25,
            cost_per_paid_hour: Some(20.0),
        }
    }

    fn forecast(volumes: &[f64]) -> Vec<IntervalForecast> {
        volumes
            .iter()
            .map(|&volume| IntervalForecast {
                volume,
                aht_s: None,
            })
            .collect()
    }

    #[test]
    fn each_interval_gets_its_requirement_and_totals_add_up() {
        let s = settings(Model::ErlangC);
        let day = forecast(&[0.0, 60.0, 240.0, 120.0]);
        let plan = plan_day(&day, &s).unwrap();
        for (row, interval) in plan.intervals.iter().zip(&day) {
            let traffic = interval.volume * 300.0 / 1800.0;
            assert_eq!(row.traffic, traffic);
            let r = staffing::required_agents(traffic, 300.0, s.model, &s.targets).unwrap();
            assert_eq!(row.agents, f64::from(r.agents));
            assert_eq!(row.scheduled_fte, row.agents / 0.75);
        }
        let agents: f64 = plan.intervals.iter().map(|r| r.agents).sum();
        assert_eq!(plan.totals.agent_hours, agents * 0.5);
        assert!((plan.totals.paid_hours - agents / 0.75 * 0.5).abs() < 1e-12);
        assert!((plan.totals.cost.unwrap() - 20.0 * agents / 0.75 * 0.5).abs() < 1e-12);
        assert_eq!(plan.totals.volume, 420.0);
        assert!(plan.totals.service_level >= 0.8);
        assert_eq!(plan.totals.intervals_missing_target, 0);
        let weighted: f64 = plan
            .intervals
            .iter()
            .map(|r| r.volume * r.metrics.unwrap().service_level)
            .sum();
        assert!((plan.totals.service_level - weighted / 420.0).abs() < 1e-15);
    }

    #[test]
    fn reverse_mode_reports_what_given_agents_achieve() {
        let s = settings(Model::ErlangC);
        let day = forecast(&[60.0, 240.0]);
        let plan = plan_day(&day, &s).unwrap();
        let agents: Vec<f64> = plan.intervals.iter().map(|r| r.agents).collect();
        let same = evaluate_day(&day, &agents, &s).unwrap();
        assert_eq!(same.intervals, plan.intervals);
        let short = evaluate_day(&day, &[agents[0], 40.0], &s).unwrap();
        assert!(
            short.intervals[1].metrics.is_none(),
            "40 agents for 40 Erlangs is unstable"
        );
        assert_eq!(short.totals.asa_s, None);
        assert_eq!(short.totals.intervals_missing_target, 1);
        let first = short.intervals[0].metrics.unwrap().service_level;
        assert!((short.totals.service_level - first * 60.0 / 300.0).abs() < 1e-15);
    }

    /// Each search starting from the previous interval's answer changes no
    /// answer and no figure, bit for bit.
    #[test]
    fn a_day_plans_each_interval_as_alone() {
        // Starts, guesses and Erlang B computed side by side change nothing.
        for model in [Model::ErlangC, Model::ErlangA { patience_s: 120.0 }] {
            let s = PlanSettings {
                interval_minutes: 15.0,
                ..settings(model)
            };
            let day: Vec<IntervalForecast> = (0..96)
                .map(|i| IntervalForecast {
                    volume: (50.0 + 4_950.0 * (std::f64::consts::PI * f64::from(i) / 95.0).sin())
                        * 3.0,
                    aht_s: (i % 7 == 3).then_some(420.0),
                })
                .collect();
            let plan = plan_day(&day, &s).unwrap();
            for row in &plan.intervals {
                let alone =
                    staffing::required_agents(row.traffic, row.aht_s, model, &s.targets).unwrap();
                assert_eq!(
                    row.agents,
                    f64::from(alone.agents),
                    "{model:?} {}",
                    row.traffic
                );
                assert_eq!(
                    row.metrics,
                    Some(alone.metrics),
                    "{model:?} {}",
                    row.traffic
                );
            }
            // The reverse plan, Erlang B side by side: each interval as alone.
            let agents: Vec<f64> = plan
                .intervals
                .iter()
                .enumerate()
                .map(|(i, r)| r.agents * (0.9 + 0.013 * (i % 11) as f64))
                .collect();
            let reverse = evaluate_day(&day, &agents, &s).unwrap();
            for (row, &n) in reverse.intervals.iter().zip(&agents) {
                let alone = staffing::metrics(row.traffic, row.aht_s, model, n, 20.0).unwrap();
                assert_eq!(row.metrics, alone, "{model:?} {} {n}", row.traffic);
            }
        }
    }

    #[test]
    fn per_interval_aht_and_erlang_a() {
        let s = settings(Model::ErlangA { patience_s: 60.0 });
        let day = [
            IntervalForecast {
                volume: 100.0,
                aht_s: Some(600.0),
            },
            IntervalForecast {
                volume: 100.0,
                aht_s: None,
            },
        ];
        let plan = plan_day(&day, &s).unwrap();
        assert_eq!(plan.intervals[0].aht_s, 600.0);
        assert!(plan.intervals[0].agents > plan.intervals[1].agents);
        assert!(plan.totals.p_abandon > 0.0);
    }

    #[test]
    fn bad_rows_name_their_interval() {
        let s = settings(Model::ErlangC);
        let day = forecast(&[10.0, f64::NAN]);
        assert_eq!(
            plan_day(&day, &s).unwrap_err().to_string(),
            "interval 2: volume must be a non-negative number, got NaN"
        );
        let bad_aht = [IntervalForecast {
            volume: 1.0,
            aht_s: Some(-5.0),
        }];
        assert!(matches!(
            plan_day(&bad_aht, &s),
            Err(Error::Interval { index: 0, .. })
        ));
        assert!(matches!(plan_day(&[], &s), Err(Error::EmptyPlan)));
        assert!(matches!(
            evaluate_day(&day, &[1.0], &s),
            Err(Error::IntervalCount {
                expected: 2,
                got: 1
            })
        ));
        let zero_length = PlanSettings {
            interval_minutes: 0.0,
            ..s
        };
        assert!(matches!(
            plan_day(&forecast(&[1.0]), &zero_length),
            Err(Error::IntervalLength(_))
        ));
        // Costs that would overflow a day's total are refused, not printed as `inf`.
        for cost in [1e308, f64::INFINITY, -1.0, f64::NAN] {
            let costly = PlanSettings {
                cost_per_paid_hour: Some(cost),
                ..s
            };
            assert!(
                matches!(plan_day(&forecast(&[1.0]), &costly), Err(Error::Cost(_))),
                "{cost}"
            );
        }
    }
}
