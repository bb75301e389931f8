//! The staffing page's inputs and what the engine makes of them: one
//! interval's requirement, the staffing curve around it and the day plan.

use ccplan_engine::plan::{evaluate_day, plan_day, DayPlan, IntervalForecast, PlanSettings};
use ccplan_engine::staffing::{
    requirement_by_limit, staffing_curve, CurvePoint, Limit, LimitRequirement, Metrics, Model,
    Targets,
};
use serde::{Deserialize, Serialize};

use crate::model::fields::StaffingField;
use crate::model::limits::{
    valid_aht, valid_volume, DEFAULT_DAY_START_MIN, DEFAULT_VOLUME_SCALE_PCT, MAX_DAY_INTERVALS,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ModelChoice {
    #[default]
    ErlangC,
    ErlangA,
}

impl ModelChoice {
    pub fn code(self) -> &'static str {
        match self {
            ModelChoice::ErlangC => "erlang_c",
            ModelChoice::ErlangA => "erlang_a",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "erlang_c" => Some(ModelChoice::ErlangC),
            "erlang_a" => Some(ModelChoice::ErlangA),
            _ => None,
        }
    }
}

/// Everything the user sets on the staffing page. Percentages are kept as
/// the user sees them (80 for 80 %).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffingInputs {
    pub volume: f64,
    pub aht_s: f64,
    pub sl_target_pct: f64,
    pub sl_seconds: f64,
    pub interval_min: f64,
    pub shrinkage_pct: f64,
    pub max_occupancy_pct: f64,
    /// Highest acceptable ASA, seconds; 0: no such target.
    #[serde(default)]
    pub max_asa_s: f64,
    /// Highest acceptable abandonment (Erlang A), %; 0: no such target.
    #[serde(default)]
    pub max_abandon_pct: f64,
    pub model: ModelChoice,
    pub patience_s: f64,
    pub cost_per_hour: f64,
    pub reverse: bool,
    pub agents: f64,
    /// Contacts per interval over the day, from the first interval on.
    pub intraday: Vec<f64>,
    /// Handle time per interval where the pasted data gave one (else the AHT above).
    #[serde(default)]
    pub intraday_aht: Vec<Option<f64>>,
    /// Start of the first interval, minutes after midnight.
    #[serde(default = "default_day_start")]
    pub day_start_min: f64,
    /// The whole-plan volume what-if, % of the volumes as entered (100: as
    /// entered): scales the day, the shifts' requirement and the monthly plan.
    #[serde(default = "default_volume_scale")]
    pub volume_scale_pct: f64,
}

impl Default for StaffingInputs {
    fn default() -> Self {
        StaffingInputs {
            volume: 200.0,
            aht_s: 300.0,
            sl_target_pct: 80.0,
            sl_seconds: 20.0,
            interval_min: 30.0,
            shrinkage_pct: 30.0,
            max_occupancy_pct: 85.0,
            max_asa_s: 0.0,
            max_abandon_pct: 0.0,
            model: ModelChoice::ErlangC,
            patience_s: 120.0,
            cost_per_hour: 25.0,
            reverse: false,
            agents: 40.0,
            intraday: typical_weekday(30.0),
            intraday_aht: Vec::new(),
            day_start_min: DEFAULT_DAY_START_MIN,
            volume_scale_pct: DEFAULT_VOLUME_SCALE_PCT,
        }
    }
}

fn default_day_start() -> f64 {
    DEFAULT_DAY_START_MIN
}

fn default_volume_scale() -> f64 {
    DEFAULT_VOLUME_SCALE_PCT
}

impl StaffingInputs {
    /// Whether every value is in range: what storage and links must satisfy.
    pub fn is_valid(&self) -> bool {
        StaffingField::ALL
            .iter()
            .all(|f| f.spec().check(f.get(self)).is_ok())
            && !self.intraday.is_empty()
            && self.intraday.len() <= MAX_DAY_INTERVALS
            && self.intraday.iter().all(|v| valid_volume(*v))
            && self.intraday_aht.len() <= self.intraday.len()
            && self.intraday_aht.iter().flatten().all(|a| valid_aht(*a))
            && (0.0..1440.0).contains(&self.day_start_min)
    }

    /// Whether the day is still the built-in one (which follows the interval length).
    fn has_built_in_day(&self) -> bool {
        self.intraday == typical_weekday(self.interval_min)
            && self.day_start_min == DEFAULT_DAY_START_MIN
    }

    /// Sets the interval length; the built-in day follows it, a pasted day is the user's.
    pub fn set_interval(&mut self, minutes: f64) {
        if self.has_built_in_day() {
            self.intraday = typical_weekday(minutes);
            self.intraday_aht.clear();
        }
        self.interval_min = minutes;
    }

    /// Sets the service-level target from a share (the scorecard's unit),
    /// kept as the percentage a user would have typed (0.855 → 85.5, not 85.49999…).
    pub fn set_sl_target_share(&mut self, share: f64) {
        self.sl_target_pct = (share * 100.0 * 1e9).round() / 1e9;
    }

    /// Puts back the built-in day for the current interval length.
    pub fn reset_day(&mut self) {
        self.intraday = typical_weekday(self.interval_min);
        self.intraday_aht.clear();
        self.day_start_min = DEFAULT_DAY_START_MIN;
    }

    /// Loads interval `index` of the day into the one-interval calculator
    /// (its volume; the handle time stays the page's). `false` if there is none.
    pub fn use_interval(&mut self, index: usize) -> bool {
        match self.intraday.get(index) {
            Some(&volume) => {
                self.volume = volume;
                true
            }
            None => false,
        }
    }

    /// Writes the calculator's volume back into interval `index` of the day.
    pub fn write_back(&mut self, index: usize) -> bool {
        match self.intraday.get_mut(index) {
            Some(slot) => {
                *slot = self.volume;
                true
            }
            None => false,
        }
    }

    /// The handle time of interval `n` of the day: its own where the day
    /// gives one, else the page's AHT.
    pub fn interval_aht(&self, n: usize) -> f64 {
        self.intraday_aht
            .get(n)
            .copied()
            .flatten()
            .unwrap_or(self.aht_s)
    }

    /// `volume` (as entered) under the whole-plan volume what-if.
    pub fn scaled_volume(&self, volume: f64) -> f64 {
        volume * self.volume_scale_pct / 100.0
    }

    /// The start of interval `index` of the day, as `HH:MM`.
    pub fn interval_label(&self, index: usize) -> String {
        interval_label(index, self.interval_min, self.day_start_min)
    }

    pub(crate) fn model(&self) -> Model {
        match self.model {
            ModelChoice::ErlangC => Model::ErlangC,
            ModelChoice::ErlangA => Model::ErlangA {
                patience_s: self.patience_s,
            },
        }
    }

    /// The engine's targets; refused (as the engine refuses them) when no
    /// staffing can meet them.
    pub(crate) fn targets(&self) -> Result<Targets, ccplan_engine::Error> {
        Targets::new(self.sl_target_pct / 100.0, self.sl_seconds)?
            .with_max_asa_s((self.max_asa_s > 0.0).then_some(self.max_asa_s))?
            // Nobody abandons under Erlang C: the target applies to Erlang A only.
            .with_max_abandon(
                (self.model == ModelChoice::ErlangA && self.max_abandon_pct > 0.0)
                    .then_some(self.max_abandon_pct / 100.0),
            )?
            .with_max_occupancy(self.max_occupancy_pct / 100.0)
    }

    pub(crate) fn settings(&self) -> Result<PlanSettings, ccplan_engine::Error> {
        Ok(PlanSettings {
            interval_minutes: self.interval_min,
            aht_s: self.aht_s,
            model: self.model(),
            targets: self.targets()?,
            shrinkage: self.shrinkage_pct / 100.0,
            cost_per_paid_hour: Some(self.cost_per_hour),
        })
    }
}

/// A typical weekday: open 08:00–20:00, a late-morning peak and an afternoon
/// shoulder, about 4 000 contacts. Volumes for intervals of `minutes`.
pub fn typical_weekday(minutes: f64) -> Vec<f64> {
    let count = (12.0 * 60.0 / minutes).round() as usize;
    (0..count)
        .map(|i| {
            let hour = 8.0 + (i as f64 + 0.5) * minutes / 60.0;
            let morning = (-((hour - 11.0) / 1.6).powi(2)).exp();
            let afternoon = 0.75 * (-((hour - 14.5) / 2.0).powi(2)).exp();
            let base = 0.15;
            ((base + morning + afternoon) * 230.0 * minutes / 30.0).round()
        })
        .collect()
}

/// Label of interval `index`: its start time, the day starting `day_start_min` after midnight.
pub fn interval_label(index: usize, minutes: f64, day_start_min: f64) -> String {
    clock((day_start_min + index as f64 * minutes) as u32)
}

/// "07:30" for minutes after midnight (past midnight wraps to the next day's).
pub fn clock(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60 % 24, minutes % 60)
}

/// Minutes after midnight of a start written as `HH:MM` (or `H:MM`).
pub fn parse_start(text: &str) -> Option<f64> {
    let time = text.trim().rsplit(' ').next()?;
    let (hours, minutes) = time.split_once(':')?;
    let (hours, minutes): (u32, u32) = (hours.parse().ok()?, minutes.get(..2)?.parse().ok()?);
    (hours < 24 && minutes < 60).then_some(f64::from(hours * 60 + minutes))
}

/// One interval's figures as the results panel shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct IntervalResult {
    pub traffic: f64,
    pub required_agents: u32,
    /// Agents the figures are for: required, or the user's in reverse mode.
    pub agents: f64,
    /// `None` when the fixed agents cannot keep up (Erlang C, agents ≤ load).
    pub metrics: Option<Metrics>,
    pub scheduled_fte: f64,
    pub agent_hours: f64,
    pub cost: f64,
    pub targets: Targets,
    /// What each target needs on its own; the largest is `required_agents`.
    pub by_limit: Vec<LimitRequirement>,
}

impl IntervalResult {
    /// Whether the figures meet `limit`; `None` where the target is not set
    /// or there are no figures (an unstable queue).
    pub fn met(&self, limit: Limit) -> Option<bool> {
        let set = self.by_limit.iter().any(|l| l.limit == limit);
        let metrics = self.metrics.filter(|_| set)?;
        Some(limit.met_by(&self.targets, &metrics))
    }

    /// The targets that decide the requirement: those needing as many agents
    /// as all of them together (several when they tie).
    pub fn binding(&self) -> Vec<Limit> {
        self.by_limit
            .iter()
            .filter(|l| l.agents == self.required_agents)
            .map(|l| l.limit)
            .collect()
    }
}

/// What stopped the engine, as the user is told it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ProblemKind {
    /// The load or the agents are beyond what the engine computes.
    TooLarge,
    /// Patience so short against the handle time that Erlang A cannot be summed.
    PatienceRatio,
    /// Too few agents for the load: the queue grows without end.
    Unstable,
    /// Anything else the engine refused.
    Engine,
    /// The engine worker stopped before it answered.
    Stopped(Stopped),
    /// A simulation that would draw more calls than the page simulates.
    TooManySimulatedCalls,
}

/// Why work sent to the engine worker got no answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Stopped {
    /// The user pressed Cancel.
    Cancelled,
    /// The worker stopped with an error while computing it (it was restarted).
    Crashed,
    /// The worker could not be loaded (offline, or the site changed under the page).
    NotLoaded,
}

impl From<Stopped> for Problem {
    fn from(why: Stopped) -> Self {
        Problem {
            kind: ProblemKind::Stopped(why),
            detail: String::new(),
        }
    }
}

/// Why the engine could not answer (it crosses from the worker as it is).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    pub kind: ProblemKind,
    /// The engine's own (English) wording, shown after the translated text.
    pub detail: String,
}

impl From<ccplan_engine::Error> for Problem {
    fn from(error: ccplan_engine::Error) -> Self {
        use ccplan_engine::Error as E;
        let inner = match &error {
            E::Interval { source, .. } => source.as_ref(),
            other => other,
        };
        let kind = match inner {
            E::Traffic(_) | E::TooLarge { .. } | E::Unreachable => ProblemKind::TooLarge,
            E::PatienceRatio(_) => ProblemKind::PatienceRatio,
            _ => ProblemKind::Engine,
        };
        Problem {
            kind,
            detail: error.to_string(),
        }
    }
}

/// A figure computed at once, still being computed (in the worker), or
/// refused by the engine.
#[derive(Debug, Clone, PartialEq)]
pub enum Computed<T> {
    Pending,
    Ready(T),
    Failed(Problem),
}

impl<T> Computed<T> {
    pub fn ready(&self) -> Option<&T> {
        match self {
            Computed::Ready(value) => Some(value),
            _ => None,
        }
    }

    pub fn into_ready(self) -> Option<T> {
        match self {
            Computed::Ready(value) => Some(value),
            _ => None,
        }
    }

    pub fn is_pending(&self) -> bool {
        matches!(self, Computed::Pending)
    }
}

impl<T> From<Result<T, Problem>> for Computed<T> {
    fn from(result: Result<T, Problem>) -> Self {
        match result {
            Ok(value) => Computed::Ready(value),
            Err(problem) => Computed::Failed(problem),
        }
    }
}

/// Everything derived from the inputs, computed once per change.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub interval: Result<IntervalResult, Problem>,
    pub curve: Vec<CurvePoint>,
    pub day: Computed<DayPlan>,
}

/// A day heavier than this (offered Erlangs summed over its intervals, times
/// the patience in handle times where that is above 1) is planned in the
/// worker under Erlang A: its requirement searches sum queue states in
/// proportion to the load, about 0.1 s per million Erlangs on a desktop
/// (BENCHMARKS.md). Erlang C days take about 1 ms at any load.
pub const HEAVY_DAY_LOAD: f64 = 1_000_000.0;

impl Outcome {
    /// Whether the day is being planned in the worker.
    pub fn day_pending(&self) -> bool {
        self.day.is_pending()
    }
}

/// Whether [`plan_whole_day`] would take long enough to hold the page.
pub fn day_is_heavy(inputs: &StaffingInputs) -> bool {
    if inputs.model != ModelChoice::ErlangA {
        return false;
    }
    let interval_s = inputs.interval_min * 60.0;
    let load: f64 = forecast(inputs)
        .iter()
        .map(|f| {
            let aht = f.aht_s.unwrap_or(inputs.aht_s);
            f.volume * aht / interval_s * (inputs.patience_s / aht).max(1.0)
        })
        .sum();
    load > HEAVY_DAY_LOAD
}

/// The day's intervals as the engine takes them.
pub(crate) fn forecast(inputs: &StaffingInputs) -> Vec<IntervalForecast> {
    inputs
        .intraday
        .iter()
        .enumerate()
        .map(|(n, &volume)| IntervalForecast {
            volume: inputs.scaled_volume(volume),
            aht_s: inputs.intraday_aht.get(n).copied().flatten(),
        })
        .collect()
}

/// The requirement of every interval of the day; in reverse mode, what the
/// fixed number of agents achieves in every interval.
pub fn plan_whole_day(inputs: &StaffingInputs) -> Result<DayPlan, Problem> {
    let forecast = forecast(inputs);
    if inputs.reverse {
        let agents = vec![inputs.agents; forecast.len()];
        inputs
            .settings()
            .and_then(|settings| evaluate_day(&forecast, &agents, &settings))
            .map_err(Problem::from)
    } else {
        inputs
            .settings()
            .and_then(|settings| plan_day(&forecast, &settings))
            .map_err(Problem::from)
    }
}

/// The most agents a staffing curve spans (a cap can decide far above the
/// service-level target's own need).
const MAX_CURVE_SPAN: u32 = 150;

/// Calls the engine for the interval, the curve around it and the day; a
/// heavy day (see [`day_is_heavy`]) is left pending for the worker.
pub fn compute(inputs: &StaffingInputs) -> Outcome {
    let day = if day_is_heavy(inputs) {
        Computed::Pending
    } else {
        plan_whole_day(inputs).into()
    };
    Outcome {
        day,
        ..compute_interval_and_curve(inputs)
    }
}

/// [`compute`], with the day computed here however heavy it is.
pub fn compute_all(inputs: &StaffingInputs) -> Outcome {
    Outcome {
        day: plan_whole_day(inputs).into(),
        ..compute_interval_and_curve(inputs)
    }
}

fn compute_interval_and_curve(inputs: &StaffingInputs) -> Outcome {
    let interval = compute_interval(inputs);
    let curve = match &interval {
        Ok(result) => {
            let centre = result.agents.max(f64::from(result.required_agents)) as u32;
            // From below the least any target needs alone, so the curve shows
            // where the service-level target is met even when a cap decides.
            let lowest = result
                .by_limit
                .iter()
                .map(|l| l.agents)
                .min()
                .unwrap_or(result.required_agents);
            let last = centre.max(result.required_agents) + 12;
            let first = centre
                .saturating_sub(12)
                .min(result.required_agents.saturating_sub(2))
                .min(lowest.saturating_sub(3))
                .max(last.saturating_sub(MAX_CURVE_SPAN))
                .max(1);
            staffing_curve(
                result.traffic,
                inputs.aht_s,
                inputs.model(),
                inputs.sl_seconds,
                first,
                last,
            )
            .unwrap_or_default()
        }
        Err(_) => Vec::new(),
    };
    Outcome {
        interval,
        curve,
        day: Computed::Pending,
    }
}

fn compute_interval(inputs: &StaffingInputs) -> Result<IntervalResult, Problem> {
    let settings = inputs.settings().map_err(Problem::from)?;
    let forecast = [IntervalForecast {
        volume: inputs.volume,
        aht_s: None,
    }];
    let plan = plan_day(&forecast, &settings).map_err(Problem::from)?;
    let row = plan.intervals[0];
    let required_agents = row.agents as u32;
    let by_limit =
        requirement_by_limit(row.traffic, inputs.aht_s, inputs.model(), &settings.targets)
            .map_err(Problem::from)?;
    if !inputs.reverse {
        return Ok(IntervalResult {
            traffic: row.traffic,
            required_agents,
            agents: row.agents,
            metrics: row.metrics,
            scheduled_fte: row.scheduled_fte,
            agent_hours: plan.totals.agent_hours,
            cost: plan.totals.cost.unwrap_or(0.0),
            targets: settings.targets,
            by_limit,
        });
    }
    let fixed = evaluate_day(&forecast, &[inputs.agents], &settings).map_err(Problem::from)?;
    let fixed_row = fixed.intervals[0];
    Ok(IntervalResult {
        traffic: row.traffic,
        required_agents,
        agents: inputs.agents,
        metrics: fixed_row.metrics,
        scheduled_fte: fixed_row.scheduled_fte,
        agent_hours: fixed.totals.agent_hours,
        cost: fixed.totals.cost.unwrap_or(0.0),
        targets: settings.targets,
        by_limit,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_compute() {
        let inputs = StaffingInputs::default();
        assert!(inputs.is_valid());
        let outcome = compute(&inputs);
        let interval = outcome.interval.unwrap();
        assert_eq!(interval.traffic, 200.0 * 300.0 / 1800.0);
        assert_eq!(interval.met(Limit::ServiceLevel), Some(true));
        // 33.3 Erlangs: 80/20 alone needs 39 agents; the 85 % occupancy cap decides 40.
        assert_eq!(interval.required_agents, 40);
        assert_eq!(
            interval.by_limit,
            [
                LimitRequirement {
                    limit: Limit::ServiceLevel,
                    agents: 39
                },
                LimitRequirement {
                    limit: Limit::MaxOccupancy,
                    agents: 40
                },
            ]
        );
        assert_eq!(interval.binding(), [Limit::MaxOccupancy]);
        assert_eq!(interval.met(Limit::MaxAsa), None);
        assert!(!outcome.curve.is_empty());
        assert_eq!(outcome.day.into_ready().unwrap().intervals.len(), 24);
    }

    #[test]
    fn the_volume_what_if_scales_the_whole_day_and_not_the_calculator() {
        let base = StaffingInputs::default();
        let busier = StaffingInputs {
            volume_scale_pct: 115.0,
            ..base.clone()
        };
        let day = |i: &StaffingInputs| compute_all(i).day.into_ready().unwrap().totals;
        let (was, now) = (day(&base), day(&busier));
        let entered: f64 = base.intraday.iter().sum();
        assert_eq!(was.volume, entered);
        assert!((now.volume - entered * 1.15).abs() < 1e-9 * entered);
        assert!(now.cost.unwrap() > was.cost.unwrap());
        assert!(now.peak_agents > was.peak_agents);
        // The day as entered is unchanged; the calculator's interval too.
        assert_eq!(busier.intraday, base.intraday);
        assert_eq!(
            compute_all(&busier).interval.unwrap().required_agents,
            compute_all(&base).interval.unwrap().required_agents
        );
        for bad in [0.0, -15.0, 1e9, f64::NAN] {
            let refused = StaffingInputs {
                volume_scale_pct: bad,
                ..base.clone()
            };
            assert!(!refused.is_valid(), "accepted {bad}");
        }
    }

    #[test]
    fn the_built_in_day_follows_the_interval_and_a_pasted_one_stays() {
        let mut inputs = StaffingInputs::default();
        StaffingField::Interval.set(&mut inputs, 15.0);
        assert_eq!(inputs.intraday.len(), 48);
        inputs.intraday = vec![10.0, 20.0];
        StaffingField::Interval.set(&mut inputs, 60.0);
        assert_eq!(inputs.intraday, [10.0, 20.0]);
        inputs.day_start_min = 0.0;
        inputs.reset_day();
        inputs.set_sl_target_share(0.855);
        assert_eq!(inputs.sl_target_pct, 85.5);
        assert_eq!(inputs.intraday.len(), 12);
        assert_eq!(inputs.day_start_min, DEFAULT_DAY_START_MIN);
    }

    #[test]
    fn a_heavy_erlang_a_day_is_left_for_the_worker() {
        let mut heavy = StaffingInputs {
            model: ModelChoice::ErlangA,
            aht_s: 900.0,
            patience_s: 900.0,
            interval_min: 15.0,
            intraday: vec![100_000.0; 96],
            ..StaffingInputs::default()
        };
        assert!(day_is_heavy(&heavy));
        let outcome = compute(&heavy);
        assert!(outcome.day_pending());
        assert!(outcome.interval.is_ok());
        // The same inputs under Erlang C are planned at once.
        heavy.model = ModelChoice::ErlangC;
        assert!(!day_is_heavy(&heavy));
        let outcome = compute(&heavy);
        assert!(!outcome.day_pending());
        assert_eq!(outcome.day.into_ready().unwrap().intervals.len(), 96);
        // The example's day (a few hundred Erlangs) is light.
        assert!(!day_is_heavy(
            &crate::model::example::example_inputs().staffing
        ));
    }

    #[test]
    fn reverse_mode_carries_into_the_day() {
        let inputs = StaffingInputs {
            reverse: true,
            agents: 50.0,
            ..StaffingInputs::default()
        };
        let day = compute(&inputs).day.into_ready().unwrap();
        assert!(day.intervals.iter().all(|i| i.agents == 50.0));
        assert_eq!(day.totals.peak_agents, 50.0);
        assert_eq!(day.totals.agent_hours, 50.0 * 0.5 * 24.0);
        let planned = compute(&StaffingInputs::default())
            .day
            .into_ready()
            .unwrap();
        assert!(day.totals.service_level != planned.totals.service_level);
    }

    #[test]
    fn an_interval_of_the_day_goes_to_the_calculator_and_back() {
        let mut inputs = StaffingInputs::default();
        let peak = inputs.intraday[6];
        assert!(inputs.use_interval(6));
        assert_eq!(inputs.volume, peak);
        // The calculator then answers exactly what the day plans for that interval.
        let outcome = compute(&inputs);
        let day = outcome.day.into_ready().unwrap();
        assert_eq!(
            f64::from(outcome.interval.unwrap().required_agents),
            day.intervals[6].agents
        );
        inputs.volume = 300.0;
        assert!(inputs.write_back(6));
        assert_eq!(inputs.intraday[6], 300.0);
        assert!(!inputs.use_interval(99) && !inputs.write_back(99));
        assert_eq!(inputs.volume, 300.0);
    }

    #[test]
    fn the_curve_reaches_down_to_what_the_service_level_alone_needs() {
        // The example: 80/20 alone needs 212 agents, the occupancy cap 265.
        let outcome = compute(&crate::model::example::example_inputs().staffing);
        let agents: Vec<u32> = outcome.curve.iter().map(|p| p.agents).collect();
        assert_eq!(outcome.interval.unwrap().required_agents, 265);
        assert!(
            agents.contains(&209) && agents.contains(&212) && agents.contains(&277),
            "{agents:?}"
        );
    }

    #[test]
    fn interval_starts() {
        assert_eq!(parse_start("08:30"), Some(510.0));
        assert_eq!(parse_start("2026-11-23 7:15"), Some(435.0));
        assert_eq!(parse_start("24:00"), None);
        assert_eq!(parse_start("noon"), None);
        assert_eq!(interval_label(3, 30.0, 22.0 * 60.0), "23:30");
        assert_eq!(interval_label(4, 30.0, 22.0 * 60.0), "00:00");
    }
}
