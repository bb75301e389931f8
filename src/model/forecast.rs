//! The forecast page's model: interval history (text) read into days, the
//! daily totals forecast by the engine's ETS models, known events applied,
//! each day split into intervals by its weekday's recent shape, accuracy on
//! a holdout beside the seasonal naive forecast, and a forecast day turned
//! into the staffing page's day. Computed in the worker (`run`): reading a
//! year of 5-minute history and fitting must not block the page.

use serde::{Deserialize, Serialize};

use ccplan_engine::ets::{EtsModel, Smoothing};
use ccplan_engine::forecast::intraday_shares;
use ccplan_engine::forecast::{
    accuracy, forecast_daily, forecast_history as forecast_days, seasonal_naive, Accuracy,
    ForecastError, ModelChoice,
};
use ccplan_engine::history::{
    assemble, parse_history_as, Ambiguity, Date, History, HistoryError, LineProblem,
};
use ccplan_engine::schedule::WEEK_DAYS;
use ccplan_engine::staffing::{required_agents, Targets};
use ccplan_engine::text::DecimalMark;
use ccplan_engine::uncertainty::{
    agents_for_uncertainty, expected_service_level, probability_of_meeting, UncertainRequirement,
    UncertainStaffing,
};

use crate::model::staffing::StaffingInputs;

/// A known event: on a date (or one interval of it), the forecast is
/// raised by a percentage and/or a fixed number of contacts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KnownEvent {
    pub date: Date,
    /// One interval (its start, minutes after midnight) or the whole day.
    #[serde(default)]
    pub start_min: Option<u32>,
    #[serde(default)]
    pub uplift_pct: f64,
    /// Contacts added (spread over the day by its shape when whole-day).
    #[serde(default)]
    pub added: f64,
}

impl KnownEvent {
    pub fn is_valid(&self) -> bool {
        (-100.0..=1_000.0).contains(&self.uplift_pct)
            && (-1e7..=1e7).contains(&self.added)
            && self.start_min.is_none_or(|s| s < 1440)
    }
}

/// The forecast page's choices, saved with the history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ForecastSettings {
    pub model: ModelChoice,
    pub horizon_days: u32,
    /// Coverage of the prediction interval, %.
    pub level_pct: f64,
    /// Days at the end of the history held back to score the forecast (0: none).
    pub holdout_days: u32,
    /// Same weekdays averaged for the intraday shape.
    pub recent_weeks: u32,
    /// Days left out of the fit (holidays, campaigns).
    pub excluded: Vec<Date>,
    /// Days counted at a total the planner corrected (an outage day at
    /// what it would have taken).
    pub adjusted: Vec<(Date, f64)>,
    pub events: Vec<KnownEvent>,
    /// The forecast error to staff for, %: None takes each day's from its
    /// prediction interval.
    pub cv_pct: Option<f64>,
    /// The history's decimal mark as the planner chose it when its numbers
    /// read two ways (None: as the file's numbers say; cleared when another
    /// history is read).
    pub decimal_mark: Option<DecimalMark>,
}

impl Default for ForecastSettings {
    fn default() -> Self {
        ForecastSettings {
            model: ModelChoice::Auto,
            horizon_days: 10,
            level_pct: 95.0,
            holdout_days: 20,
            recent_weeks: 4,
            excluded: Vec::new(),
            adjusted: Vec::new(),
            events: Vec::new(),
            cv_pct: None,
            decimal_mark: None,
        }
    }
}

pub const HORIZONS: [u32; 5] = [5, 10, 20, 40, 60];
pub const LEVELS: [f64; 3] = [80.0, 90.0, 95.0];
pub const HOLDOUTS: [u32; 4] = [0, 10, 20, 40];
pub const MAX_EVENTS: usize = 100;
/// Forecast errors a planner may staff for instead of the model's, %.
pub const CV_CHOICES: [f64; 5] = [2.0, 5.0, 10.0, 15.0, 20.0];

/// A corrected day total the forecast accepts: up to a day of 5-minute
/// intervals each at the largest count history may hold.
pub fn valid_corrected_total(total: f64) -> bool {
    (0.0..=ccplan_engine::history::MAX_INTERVAL_COUNT * 288.0).contains(&total)
}

impl ForecastSettings {
    /// What stored or linked settings must satisfy.
    pub fn is_valid(&self) -> bool {
        (1..=ccplan_engine::forecast::MAX_HORIZON as u32).contains(&self.horizon_days)
            && self.level_pct > 0.0
            && self.level_pct < 100.0
            && self.holdout_days <= 400
            && (1..=52).contains(&self.recent_weeks)
            && self.excluded.len() <= 4_000
            && self.adjusted.len() <= 4_000
            && self.adjusted.iter().all(|a| valid_corrected_total(a.1))
            && self.events.len() <= MAX_EVENTS
            && self.events.iter().all(KnownEvent::is_valid)
            && self.cv_pct.is_none_or(|cv| (0.0..=100.0).contains(&cv))
    }

    /// The coefficient of variation to staff `day` for.
    pub fn cv_for(&self, day: &ForecastDay) -> f64 {
        self.cv_pct
            .map_or_else(|| day.cv(self.level_pct / 100.0), |cv| cv / 100.0)
    }
}

/// What was read from the history, for the page to show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct ReadSummary {
    pub rows: usize,
    /// The first lines of the text as read (header excepted), good or bad.
    pub preview: Vec<PreviewLine>,
    pub problems: Vec<(usize, LineProblem)>,
    pub problem_count: usize,
    pub unordered: bool,
    pub too_long: Option<usize>,
    /// The numbers read two ways: nothing was read until the planner says
    /// which.
    pub ambiguous: Option<Ambiguity>,
}

/// Lines shown in the history's preview.
pub const PREVIEW_LINES: usize = 12;

/// One line of the history's preview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum PreviewLine {
    Read {
        line: usize,
        date: Date,
        start_min: u32,
        contacts: f64,
        aht_s: Option<f64>,
        handled: Option<f64>,
        abandoned: Option<f64>,
    },
    Bad {
        line: usize,
        problem: LineProblem,
    },
}

impl PreviewLine {
    pub fn line(&self) -> usize {
        match self {
            PreviewLine::Read { line, .. } | PreviewLine::Bad { line, .. } => *line,
        }
    }

    /// The optional columns: AHT, handled, abandoned.
    pub fn optional(&self) -> [Option<f64>; 3] {
        match self {
            PreviewLine::Read {
                aht_s,
                handled,
                abandoned,
                ..
            } => [*aht_s, *handled, *abandoned],
            PreviewLine::Bad { .. } => [None; 3],
        }
    }
}

/// The first [`PREVIEW_LINES`] lines of the text, in the text's order
/// (rows may have been sorted into time order since).
fn preview(parsed: &ccplan_engine::history::ParsedHistory) -> Vec<PreviewLine> {
    let mut lines: Vec<PreviewLine> = parsed
        .rows
        .iter()
        .map(|r| PreviewLine::Read {
            line: r.line,
            date: r.date,
            start_min: r.start_min,
            contacts: r.contacts,
            aht_s: r.aht_s,
            handled: r.handled,
            abandoned: r.abandoned,
        })
        .chain(
            parsed
                .problems
                .iter()
                .map(|(line, problem)| PreviewLine::Bad {
                    line: *line,
                    problem: problem.clone(),
                }),
        )
        .collect();
    if lines.len() > PREVIEW_LINES {
        lines.select_nth_unstable_by_key(PREVIEW_LINES - 1, PreviewLine::line);
        lines.truncate(PREVIEW_LINES);
    }
    lines.sort_by_key(PreviewLine::line);
    lines
}

/// Why there is no forecast.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ForecastProblem {
    /// No text, or no usable line.
    NoHistory,
    /// More lines than are read.
    TooLong(usize),
    /// Interval starts on no single 5/15/30/60-minute grid (the step found).
    Granularity(u32),
    /// More than the longest span of dates.
    Span,
    /// Days on different grids (one day's step, another's).
    Mixed(u32, u32),
    /// Too few days for the model (needed, got).
    TooShort(usize, usize),
    /// Days on one weekday only (0 = Monday): the models learn the week's
    /// pattern, so they need at least two open weekdays.
    OneWeekday(usize),
    /// The model asked for blew up on this history: its interval runs past
    /// [`ccplan_engine::forecast::MAX_FORECAST_RATIO`] times the largest day.
    Unbounded(EtsModel),
    /// ETS(M,N,M) with a day of 0 contacts.
    ZeroDay,
    /// The numbers read two ways (see [`ReadSummary::ambiguous`]).
    Ambiguous,
    /// Day totals, but no day used has contacts in its intervals to give
    /// the day's shape (every one corrected to a total, or empty).
    NoShape,
    /// Anything else the engine refused (its message).
    Engine(String),
}

/// One forecast day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForecastDay {
    pub date: Date,
    pub mean: f64,
    pub lower: f64,
    pub upper: f64,
    /// A known event changed it.
    pub event: bool,
    /// Contacts per interval (the day's shape times its total, events applied).
    pub intervals: Vec<f64>,
}

impl ForecastDay {
    /// The forecast's coefficient of variation: its standard deviation
    /// (read off the interval) over its mean.
    /// At most 100 % ([`ccplan_engine::forecast::interval_cv`]).
    pub fn cv(&self, level: f64) -> f64 {
        ccplan_engine::forecast::interval_cv(self.mean, self.lower, self.upper, level)
    }
}

/// The forecast scored on held-back days, beside the seasonal naive one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HoldoutScore {
    pub days: usize,
    /// Position in the history where the held-back days start.
    pub start: usize,
    /// The forecast made without them, one per calendar position.
    pub mean: Vec<f64>,
    pub model: Accuracy,
    pub naive: Accuracy,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForecastResult {
    pub model: EtsModel,
    pub smoothing: Smoothing,
    pub sigma2: f64,
    pub aicc: f64,
    pub tried: Vec<(EtsModel, Option<f64>)>,
    pub days: Vec<ForecastDay>,
    pub holdout: Option<HoldoutScore>,
}

/// Everything the page shows for one history and settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForecastOutcome {
    pub read: ReadSummary,
    pub interval_min: u32,
    pub day_start_min: u32,
    /// Intervals per day.
    pub width: usize,
    pub open_weekdays: [bool; 7],
    pub missing: Vec<Date>,
    /// Daily totals on the open-day calendar; None = missing or excluded.
    pub daily: Vec<(Date, Option<f64>)>,
    pub result: Result<ForecastResult, ForecastProblem>,
}

fn problem_of(e: ForecastError) -> ForecastProblem {
    use ccplan_engine::ets::FitError;
    match e {
        ForecastError::Fit(FitError::TooShort { needed, got, .. }) => {
            ForecastProblem::TooShort(needed, got)
        }
        ForecastError::Fit(FitError::NotPositive(_)) => ForecastProblem::ZeroDay,
        ForecastError::Unbounded { model } => ForecastProblem::Unbounded(model),
        other => ForecastProblem::Engine(other.to_string()),
    }
}

/// Reads `text` and forecasts it with `settings`.
pub fn run(text: &str, settings: &ForecastSettings) -> ForecastOutcome {
    let parsed = parse_history_as(text, settings.decimal_mark);
    let read = ReadSummary {
        rows: parsed.rows.len(),
        preview: preview(&parsed),
        problems: parsed.problems.clone(),
        problem_count: parsed.problem_count,
        unordered: parsed.unordered,
        too_long: parsed.too_long,
        ambiguous: parsed.ambiguous.clone(),
    };
    let empty = |read: ReadSummary, problem| ForecastOutcome {
        read,
        interval_min: 0,
        day_start_min: 0,
        width: 0,
        open_weekdays: [false; 7],
        missing: Vec::new(),
        daily: Vec::new(),
        result: Err(problem),
    };
    if let Some(lines) = parsed.too_long {
        return empty(read, ForecastProblem::TooLong(lines));
    }
    if parsed.ambiguous.is_some() {
        return empty(read, ForecastProblem::Ambiguous);
    }
    let history = match assemble(&parsed.rows) {
        Ok(h) => h,
        Err(HistoryError::Empty) => return empty(read, ForecastProblem::NoHistory),
        Err(HistoryError::Granularity(step)) => {
            return empty(read, ForecastProblem::Granularity(step))
        }
        Err(HistoryError::Mixed(a, b)) => return empty(read, ForecastProblem::Mixed(a, b)),
        Err(_) => return empty(read, ForecastProblem::Span),
    };
    let daily = history.daily(&settings.excluded, &settings.adjusted);
    let result = forecast_history(&history, &daily, settings);
    ForecastOutcome {
        read,
        interval_min: history.interval_min,
        day_start_min: history.day_start_min,
        width: history.days.first().map_or(0, |d| d.contacts.len()),
        open_weekdays: history.open_weekdays,
        missing: history.missing.clone(),
        daily,
        result,
    }
}

fn forecast_history(
    history: &History,
    daily: &[(Date, Option<f64>)],
    settings: &ForecastSettings,
) -> Result<ForecastResult, ForecastProblem> {
    let season = history.season();
    let level = settings.level_pct / 100.0;
    let values: Vec<Option<f64>> = daily.iter().map(|d| d.1).collect();
    let observed = values.iter().flatten().count();
    // ETS(A,N,A) needs 2·season + 5 days; with one weekday there is no
    // week to learn, so ask for three weeks of a five-day centre.
    let needed = 2 * season.max(5) + 5;
    if observed < needed {
        return Err(ForecastProblem::TooShort(needed, observed));
    }
    if season < 2 {
        // Plenty of days, all on one weekday: say so, not "too short".
        let weekday = history.open_weekdays.iter().position(|o| *o).unwrap_or(0);
        return Err(ForecastProblem::OneWeekday(weekday));
    }
    let fitted = forecast_days(
        history,
        &settings.excluded,
        &settings.adjusted,
        settings.horizon_days as usize,
        settings.model,
        level,
        settings.recent_weeks as usize,
    )
    .map_err(problem_of)?;
    // Days whose weekday has no usable shape (every such day corrected or
    // left out) take one from every day not left out, corrected ones too.
    let any_shape = || {
        let days: Vec<(usize, Vec<f64>)> = history
            .days
            .iter()
            .filter(|d| !settings.excluded.contains(&d.date))
            .map(|d| (d.date.weekday(), d.contacts.clone()))
            .collect();
        days
    };
    let mut all_days = None;
    let mut days = Vec::with_capacity(fitted.days.len());
    for d in &fitted.days {
        let shares = if d.shares.iter().sum::<f64>() > 0.0 {
            d.shares.clone()
        } else {
            let all = all_days.get_or_insert_with(any_shape);
            intraday_shares(all, d.date.weekday(), settings.recent_weeks as usize)
                .ok_or(ForecastProblem::NoShape)?
        };
        let mut day = ForecastDay {
            date: d.date,
            mean: d.mean,
            lower: d.lower,
            upper: d.upper,
            event: false,
            intervals: shares.iter().map(|s| s * d.mean).collect(),
        };
        apply_events(&mut day, &shares, history, &settings.events);
        days.push(day);
    }
    let holdout = score_holdout(&values, season, settings);
    Ok(ForecastResult {
        model: fitted.daily.fit.model(),
        smoothing: fitted.daily.fit.smoothing(),
        sigma2: fitted.daily.fit.sigma2(),
        aicc: fitted.daily.fit.aicc(),
        tried: fitted.daily.tried,
        days,
        holdout,
    })
}

/// How far one day's events may raise it together: by a factor of 11 (one
/// event's largest uplift, +1 000 %) and by 10 000 000 contacts (one
/// event's largest addition). Uplifts compound, so ten +1 000 % events once
/// made a day of 774 585 741 931 843 contacts; now a day is at most
/// 11 × its forecast + 10 000 000.
pub const MAX_DAY_EVENT_FACTOR: f64 = 11.0;
/// See [`MAX_DAY_EVENT_FACTOR`].
pub const MAX_DAY_EVENT_ADDED: f64 = 1e7;

/// Where an event falls on the history's day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventPlace {
    /// No interval given: the whole day.
    WholeDay,
    /// The interval at this index of the day.
    Interval(usize),
    /// A time that is not one of the day's interval starts (before the
    /// first, after the last, or between two): never the whole day.
    Outside,
}

/// Where an event starting at `start_min` (None: the whole day) falls on
/// a day of `width` intervals of `interval_min` minutes from `day_start_min`.
pub fn event_place(
    start_min: Option<u32>,
    interval_min: u32,
    day_start_min: u32,
    width: usize,
) -> EventPlace {
    let Some(start) = start_min else {
        return EventPlace::WholeDay;
    };
    match start.checked_sub(day_start_min) {
        Some(offset) if interval_min > 0 && offset % interval_min == 0 => {
            let i = (offset / interval_min) as usize;
            if i < width {
                EventPlace::Interval(i)
            } else {
                EventPlace::Outside
            }
        }
        _ => EventPlace::Outside,
    }
}

/// Applies the day's events: the uplift scales the day (and its interval
/// band); added contacts go to their interval, or over the day by its
/// shape. Together they raise the day at most by [`MAX_DAY_EVENT_FACTOR`]
/// and [`MAX_DAY_EVENT_ADDED`]: an event past what is left is applied in
/// part. An event for a time that is not one of the day's intervals is
/// not applied (the page refuses one when it is entered; a history read
/// since may have other hours).
fn apply_events(day: &mut ForecastDay, shares: &[f64], history: &History, events: &[KnownEvent]) {
    let width = day.intervals.len();
    let (mut raise_left, mut add_left) = (MAX_DAY_EVENT_FACTOR, MAX_DAY_EVENT_ADDED);
    for event in events.iter().filter(|e| e.date == day.date) {
        let place = event_place(
            event.start_min,
            history.interval_min,
            history.day_start_min,
            width,
        );
        if place == EventPlace::Outside {
            continue;
        }
        let factor = (1.0 + event.uplift_pct / 100.0).min(raise_left);
        if factor > 1.0 {
            raise_left /= factor;
        }
        let added = event.added.min(add_left);
        add_left -= added.max(0.0);
        let event = KnownEvent {
            added,
            ..event.clone()
        };
        match place {
            EventPlace::Interval(i) => {
                day.event = true;
                let before = day.intervals[i];
                day.intervals[i] = (before * factor + event.added).max(0.0);
                let change = day.intervals[i] - before;
                day.mean += change;
                day.lower = (day.lower + change).max(0.0);
                day.upper += change;
            }
            EventPlace::WholeDay => {
                day.event = true;
                for (v, s) in day.intervals.iter_mut().zip(shares) {
                    *v = (*v * factor + event.added * s).max(0.0);
                }
                day.mean = (day.mean * factor + event.added).max(0.0);
                day.lower = (day.lower * factor + event.added).max(0.0);
                day.upper = (day.upper * factor + event.added).max(0.0);
            }
            EventPlace::Outside => {}
        }
    }
}

/// The forecast made without the last `holdout_days` observed days, scored
/// on them beside the seasonal naive forecast (None when the history is
/// too short to hold them back and still fit).
fn score_holdout(
    values: &[Option<f64>],
    season: usize,
    settings: &ForecastSettings,
) -> Option<HoldoutScore> {
    let k = settings.holdout_days as usize;
    if k == 0 {
        return None;
    }
    let observed: Vec<usize> = values
        .iter()
        .enumerate()
        .filter(|(_, v)| v.is_some())
        .map(|(i, _)| i)
        .collect();
    let start = *observed.get(observed.len().checked_sub(k)?)?;
    let (train, test) = values.split_at(start);
    let f = forecast_daily(
        train,
        season,
        test.len(),
        settings.model,
        settings.level_pct / 100.0,
    )
    .ok()?;
    let mean: Vec<Option<f64>> = f.forecast.mean.iter().copied().map(Some).collect();
    Some(HoldoutScore {
        days: k,
        start,
        model: accuracy(test, &mean)?,
        naive: accuracy(test, &seasonal_naive(train, season, test.len()))?,
        mean: f.forecast.mean,
    })
}

/// The staffing page's day: interval minutes, first start (minutes after
/// midnight) and contacts per interval.
pub type StaffingDay = (f64, f64, Vec<f64>);

/// A forecast day as the staffing page's day: interval length (5-minute
/// history is summed to 15 minutes, the page's shortest), first interval's
/// start and volumes (at most a day of 15-minute intervals).
pub fn staffing_day(outcome: &ForecastOutcome, day: &ForecastDay) -> Option<StaffingDay> {
    let (interval, volumes) = if outcome.interval_min == 5 {
        let start_offset = (outcome.day_start_min % 15 / 5) as usize;
        let mut padded = vec![0.0; start_offset];
        padded.extend_from_slice(&day.intervals);
        (
            15,
            padded
                .chunks(3)
                .map(|c| c.iter().sum())
                .collect::<Vec<f64>>(),
        )
    } else {
        (outcome.interval_min, day.intervals.clone())
    };
    let start = if outcome.interval_min == 5 {
        outcome.day_start_min - outcome.day_start_min % 15
    } else {
        outcome.day_start_min
    };
    let volumes: Vec<f64> = volumes
        .into_iter()
        .map(|v| (v * 10.0).round() / 10.0)
        .collect();
    // A day the staffing page could not hold (too many intervals, an
    // interval above its volume limit) is not offered.
    let fits = !volumes.is_empty()
        && volumes.len() <= crate::model::limits::MAX_DAY_INTERVALS
        && volumes
            .iter()
            .all(|v| crate::model::limits::valid_volume(*v));
    fits.then_some((f64::from(interval), f64::from(start), volumes))
}

/// The capacity plan started from a forecast: `plan` with its first
/// month the month of the first forecast day, open days and hours those of
/// the history's calendar, and a monthly volume of new contacts that,
/// through that month's seasonal index, repeats and deflection, offers the
/// forecast's mean day on every open day; with the staffing page's day (its
/// profile is the plan's) the mean of the forecast days. None when there is
/// no forecast or the plan could not hold it.
pub fn plan_from_forecast(
    outcome: &ForecastOutcome,
    plan: &crate::model::scorecard::ScorecardSettings,
) -> Option<(crate::model::scorecard::ScorecardSettings, StaffingDay)> {
    let days = &outcome.result.as_ref().ok()?.days;
    let first = days.first()?;
    let mean_day = mean_day(days.iter(), outcome.width)?;
    let staffing = staffing_day(outcome, &mean_day)?;
    let open_weekdays = outcome.open_weekdays.iter().filter(|o| **o).count() as f64;
    // Open weekdays × 52.18 weeks ÷ 12 months, to a tenth of a day.
    let open_days = (open_weekdays * 365.25 / 7.0 / 12.0 * 10.0).round() / 10.0;
    let month = first.date.month;
    let offered_per_new = ccplan_engine::capacity::offered_contacts(
        1.0,
        plan.fcr_pct / 100.0,
        plan.repeat_pct / 100.0,
        plan.deflection_pct / 100.0,
    ) * plan.seasonality[month as usize - 1];
    let settings = crate::model::scorecard::ScorecardSettings {
        first_year: first.date.year,
        first_month: month,
        open_days,
        open_hours: outcome.width as f64 * f64::from(outcome.interval_min) / 60.0,
        monthly_volume: (mean_day.mean * open_days / offered_per_new).round(),
        ..plan.clone()
    };
    settings.is_valid().then_some((settings, staffing))
}

/// The mean of `days`: their totals and each interval averaged (None
/// when there is none).
fn mean_day<'a>(
    days: impl Iterator<Item = &'a ForecastDay> + Clone,
    width: usize,
) -> Option<ForecastDay> {
    let count = days.clone().count() as f64;
    let first = days.clone().next()?;
    Some(ForecastDay {
        mean: days.clone().map(|d| d.mean).sum::<f64>() / count,
        intervals: (0..width)
            .map(|i| days.clone().filter_map(|d| d.intervals.get(i)).sum::<f64>() / count)
            .collect(),
        ..first.clone()
    })
}

/// The forecast's first week for the schedule page: the staffing page's
/// day is the week's mean forecast day, and each weekday's volume is its
/// forecast total as % of that mean, to a tenth (0 where the forecast has
/// no day: closed). Every day takes the mean day's intraday shape.
pub fn week_from_forecast(outcome: &ForecastOutcome) -> Option<(StaffingDay, [f64; WEEK_DAYS])> {
    let days = &outcome.result.as_ref().ok()?.days;
    let first = days.first()?.date.days();
    let week = days
        .iter()
        .filter(|d| d.date.days() < first + WEEK_DAYS as i64);
    let mean = mean_day(week.clone(), outcome.width)?;
    if mean.mean.is_nan() || mean.mean <= 0.0 {
        return None;
    }
    let staffing = staffing_day(outcome, &mean)?;
    let mut pct = [0.0; WEEK_DAYS];
    for day in week {
        pct[day.date.weekday()] = (day.mean / mean.mean * 1000.0).round() / 10.0;
    }
    pct.iter()
        .all(|p| crate::model::schedule::valid_day_pct(*p))
        .then_some((staffing, pct))
}

/// One interval of a forecast day with the agents it needs: at the
/// forecast, for an expected service level at target, and for a chance of
/// meeting the target (forecast uncertainty: the day's coefficient of
/// variation), each at least what all the staffing page's targets need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IntervalNeed {
    pub start_min: u32,
    pub contacts: f64,
    pub traffic: f64,
    /// None when the engine refuses (e.g. a queue too large to sum).
    pub agents: Option<UncertainRequirement>,
}

/// A forecast day's intervals and how to staff them, as sent to the worker
/// (an Erlang A interval takes milliseconds: too long for the page).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NeedsRequest {
    pub intervals: Vec<f64>,
    pub interval_min: u32,
    pub day_start_min: u32,
    /// The staffing page's inputs: AHT, model, service-level target.
    pub inputs: StaffingInputs,
    pub cv: f64,
    pub probability: f64,
}

impl NeedsRequest {
    pub fn new(
        outcome: &ForecastOutcome,
        day: &ForecastDay,
        inputs: StaffingInputs,
        cv: f64,
        probability: f64,
    ) -> Self {
        NeedsRequest {
            intervals: day.intervals.clone(),
            interval_min: outcome.interval_min,
            day_start_min: outcome.day_start_min,
            inputs,
            cv,
            probability,
        }
    }
}

/// The agents each interval of the day needs with the staffing page's
/// AHT, model and targets ([`StaffingInputs::targets`], the one place every
/// page takes them from). The uncertain columns weigh the service-level
/// target over the forecast error; every column then has at least what all
/// the targets (service level, ASA, abandonment, occupancy) need at the
/// forecast, so the point column is the staffing page's requirement for the
/// same interval, and no column asks for less than it.
pub fn interval_needs(request: &NeedsRequest) -> Vec<IntervalNeed> {
    let interval_s = f64::from(request.interval_min) * 60.0;
    // The whole-plan AHT what-if moves the forecast's agents as it moves
    // the staffing page's day.
    let inputs = &StaffingInputs {
        aht_s: request.inputs.changed_aht(request.inputs.aht_s),
        aht_change_s: 0.0,
        ..request.inputs.clone()
    };
    let cv = request
        .cv
        .clamp(0.0, ccplan_engine::uncertainty::MAX_LOAD_CV);
    let targets = inputs.targets();
    request
        .intervals
        .iter()
        .enumerate()
        .map(|(i, contacts)| {
            let traffic = contacts * inputs.aht_s / interval_s;
            IntervalNeed {
                start_min: request.day_start_min + i as u32 * request.interval_min,
                contacts: *contacts,
                traffic,
                agents: targets
                    .clone()
                    .and_then(|targets| {
                        needs_under_all_targets(traffic, inputs, &targets, cv, request.probability)
                    })
                    .ok(),
            }
        })
        .collect()
}

/// The uncertain requirement for the service level, each column raised to
/// what every target needs at the forecast (its figures recomputed there).
fn needs_under_all_targets(
    traffic: f64,
    inputs: &StaffingInputs,
    targets: &Targets,
    cv: f64,
    probability: f64,
) -> Result<UncertainRequirement, ccplan_engine::Error> {
    let model = inputs.model();
    let mut need = agents_for_uncertainty(traffic, inputs.aht_s, model, targets, cv, probability)?;
    let all = required_agents(traffic, inputs.aht_s, model, targets)?;
    let raise = |column: &mut UncertainStaffing| -> Result<(), ccplan_engine::Error> {
        if column.agents < all.agents {
            let n = f64::from(all.agents);
            *column = UncertainStaffing {
                agents: all.agents,
                service_level: all.metrics.service_level,
                expected_service_level: expected_service_level(
                    traffic,
                    inputs.aht_s,
                    model,
                    n,
                    targets.target_s(),
                    cv,
                )?,
                probability_of_meeting: probability_of_meeting(
                    traffic,
                    inputs.aht_s,
                    model,
                    n,
                    targets,
                    cv,
                )?,
            };
        }
        Ok(())
    };
    raise(&mut need.point)?;
    raise(&mut need.expected)?;
    raise(&mut need.with_probability)?;
    Ok(need)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bank() -> &'static str {
        include_str!("../../engine/tests/reference/bank-calls-train-30min.csv")
    }

    #[test]
    fn the_bank_history_forecasts_ten_days_scored_on_twenty() {
        let o = run(bank(), &ForecastSettings::default());
        assert_eq!((o.interval_min, o.day_start_min, o.width), (30, 420, 29));
        assert_eq!(o.missing.len(), 5);
        let r = o.result.unwrap();
        assert_eq!(r.days.len(), 10);
        assert_eq!(r.days[0].date.to_string(), "2003-09-26");
        for d in &r.days {
            let sum: f64 = d.intervals.iter().sum();
            assert!((sum - d.mean).abs() < 1e-6 * d.mean);
            assert!(d.lower < d.mean && d.mean < d.upper);
            assert!(d.cv(0.95) > 0.01 && d.cv(0.95) < 0.2);
        }
        let h = r.holdout.unwrap();
        assert_eq!(h.days, 20);
        assert!(h.model.mape < 0.08 && h.naive.mape < 0.08);
    }

    #[test]
    fn events_raise_the_day_or_one_interval() {
        let date = Date::parse("2003-09-29").unwrap();
        let plain = run(bank(), &ForecastSettings::default()).result.unwrap();
        let settings = ForecastSettings {
            events: vec![
                KnownEvent {
                    date,
                    start_min: None,
                    uplift_pct: 10.0,
                    added: 0.0,
                },
                KnownEvent {
                    date,
                    start_min: Some(7 * 60 + 30),
                    uplift_pct: 0.0,
                    added: 500.0,
                },
            ],
            ..ForecastSettings::default()
        };
        let raised = run(bank(), &settings).result.unwrap();
        let (a, b) = (&plain.days[1], &raised.days[1]);
        assert_eq!(b.date, date);
        assert!(b.event && !a.event);
        assert!((b.mean - (a.mean * 1.1 + 500.0)).abs() < 1e-6);
        assert!((b.intervals[1] - (a.intervals[1] * 1.1 + 500.0)).abs() < 1e-6);
        assert!((b.intervals[0] - a.intervals[0] * 1.1).abs() < 1e-6);
    }

    /// Ten +1 000 % events on one day (and ten of 10 000 000 contacts on
    /// another) raise it by at most ×11 and 10 000 000 contacts in all.
    #[test]
    fn many_big_events_on_one_day_are_bounded() {
        let plain = run(bank(), &ForecastSettings::default()).result.unwrap();
        let (first, second) = (plain.days[1].date, plain.days[2].date);
        let mut events = vec![
            KnownEvent {
                date: first,
                start_min: None,
                uplift_pct: 1_000.0,
                added: 0.0,
            };
            10
        ];
        events.extend(vec![
            KnownEvent {
                date: second,
                start_min: Some(9 * 60),
                uplift_pct: 1_000.0,
                added: 1e7,
            };
            10
        ]);
        let settings = ForecastSettings {
            events,
            ..ForecastSettings::default()
        };
        assert!(settings.is_valid());
        let raised = run(bank(), &settings).result.unwrap();
        let (a, b) = (&plain.days[1], &raised.days[1]);
        assert!(
            (b.mean - 11.0 * a.mean).abs() < 1e-6 * b.mean,
            "{} vs {}",
            b.mean,
            a.mean
        );
        assert!((b.upper - 11.0 * a.upper).abs() < 1e-6 * b.upper);
        let (a, b) = (&plain.days[2], &raised.days[2]);
        let i = (9 * 60 - 420) / 30;
        let expected = a.intervals[i] * 11.0 + 1e7;
        assert!((b.intervals[i] - expected).abs() < 1e-6 * expected);
        assert!((b.mean - (a.mean + expected - a.intervals[i])).abs() < 1e-6 * b.mean);
        for d in &raised.days {
            assert!(d.mean.is_finite() && d.upper <= 11.0 * 1e5 + 1e7 && d.cv(0.95) <= 1.0);
        }
    }

    /// One interval of 10 000 000 in the bank history, sixty days ahead at
    /// each level: every day's figures finite, never negative, within
    /// MAX_FORECAST_RATIO times the largest day, its CV at most 100 %.
    #[test]
    fn one_huge_interval_gives_sane_figures() {
        let mut lines: Vec<String> = bank().lines().map(str::to_owned).collect();
        let i = lines.len() / 2;
        let mut fields: Vec<&str> = lines[i].split(',').collect();
        fields[2] = "10000000";
        lines[i] = fields.join(",");
        let text = lines.join("\n");
        for level_pct in LEVELS {
            let settings = ForecastSettings {
                horizon_days: 60,
                level_pct,
                ..ForecastSettings::default()
            };
            let o = run(&text, &settings);
            let largest = o.daily.iter().filter_map(|d| d.1).fold(0.0, f64::max);
            let r = o.result.unwrap();
            for d in &r.days {
                for v in [d.mean, d.lower, d.upper].iter().chain(&d.intervals) {
                    assert!(v.is_finite() && *v >= 0.0, "{d:?}");
                }
                assert!(d.upper <= ccplan_engine::forecast::MAX_FORECAST_RATIO * largest);
                assert!((0.0..=1.0).contains(&d.cv(level_pct / 100.0)));
            }
        }
    }

    /// Forty Mondays: enough days, one weekday. The problem says that,
    /// not that the history is too short.
    #[test]
    fn a_history_of_one_weekday_says_so() {
        let mut text = String::new();
        let mut date = Date::parse("2003-03-03").unwrap();
        for _ in 0..40 {
            text.push_str(&format!("{date},07:00,50\n{date},07:30,60\n"));
            date = date.add_days(7);
        }
        let o = run(&text, &ForecastSettings::default());
        assert_eq!(o.result, Err(ForecastProblem::OneWeekday(0)));
    }

    #[test]
    fn an_event_outside_the_days_intervals_changes_nothing() {
        let date = Date::parse("2003-09-29").unwrap();
        let plain = run(bank(), &ForecastSettings::default()).result.unwrap();
        // 07:00–21:00 are the bank's interval starts.
        for start in [360, 21 * 60 + 30, 22 * 60, 23 * 60 + 59, 7 * 60 + 10] {
            assert_eq!(
                event_place(Some(start), 30, 420, 29),
                EventPlace::Outside,
                "{start}"
            );
            let settings = ForecastSettings {
                events: vec![KnownEvent {
                    date,
                    start_min: Some(start),
                    uplift_pct: 100.0,
                    added: 0.0,
                }],
                ..ForecastSettings::default()
            };
            let day = &run(bank(), &settings).result.unwrap().days[1];
            assert_eq!(day, &plain.days[1], "{start}");
        }
        assert_eq!(
            event_place(Some(21 * 60), 30, 420, 29),
            EventPlace::Interval(28)
        );
        assert_eq!(event_place(Some(420), 30, 420, 29), EventPlace::Interval(0));
        assert_eq!(event_place(None, 30, 420, 29), EventPlace::WholeDay);
    }

    #[test]
    fn every_day_corrected_still_gives_the_days_shape() {
        let plain = run(bank(), &ForecastSettings::default());
        let adjusted: Vec<(Date, f64)> = plain
            .daily
            .iter()
            .filter_map(|d| Some((d.0, d.1?)))
            .collect();
        let settings = ForecastSettings {
            adjusted,
            ..ForecastSettings::default()
        };
        let corrected = run(bank(), &settings).result.unwrap();
        for (c, p) in corrected.days.iter().zip(&plain.result.unwrap().days) {
            let sum: f64 = c.intervals.iter().sum();
            assert!((sum - c.mean).abs() < 1e-6 * c.mean, "{c:?}");
            assert!(c.intervals.iter().all(|v| *v > 0.0), "{c:?}");
            // The same weekday shapes as without corrections.
            assert!((c.intervals[0] / c.mean - p.intervals[0] / p.mean).abs() < 1e-9);
        }
        // Every interval empty: no shape can be known, and the page says so.
        let empty: String = bank()
            .lines()
            .skip(1)
            .map(|l| format!("{},0\n", l.rsplit_once(',').unwrap().0))
            .collect();
        let o = run(&empty, &settings);
        assert_eq!(o.result, Err(ForecastProblem::NoShape));
    }

    #[test]
    fn numbers_that_read_two_ways_wait_for_the_planners_choice() {
        let german: String = bank()
            .lines()
            .map(|l| {
                let f: Vec<&str> = l.split(',').collect();
                match f[2].parse::<u32>() {
                    Ok(n) if n >= 1000 => {
                        format!("{};{};{}.{:03}\n", f[0], f[1], n / 1000, n % 1000)
                    }
                    _ => format!("{}\n", f.join(";")),
                }
            })
            .collect();
        let asked = run(&german, &ForecastSettings::default());
        assert_eq!(asked.result, Err(ForecastProblem::Ambiguous));
        let a = asked.read.ambiguous.unwrap();
        assert_eq!(
            (a.number.as_str(), a.with_dot, a.with_comma),
            ("1.050", 1.05, 1050.0)
        );
        assert_eq!(asked.read.rows, 0);
        let chosen = ForecastSettings {
            decimal_mark: Some(DecimalMark::Comma),
            ..ForecastSettings::default()
        };
        let plain = run(bank(), &ForecastSettings::default()).result.unwrap();
        assert_eq!(run(&german, &chosen).result.unwrap().days, plain.days);
    }

    #[test]
    fn hostile_history_gets_a_problem_not_a_panic() {
        let s = ForecastSettings::default();
        assert_eq!(run("", &s).result, Err(ForecastProblem::NoHistory));
        assert_eq!(
            run("date,time,calls\n", &s).result,
            Err(ForecastProblem::NoHistory)
        );
        let one_day = "2003-03-03,07:00,5\n2003-03-03,07:30,6\n";
        assert!(matches!(
            run(one_day, &s).result,
            Err(ForecastProblem::TooShort(..))
        ));
        let mixed = "2003-03-03,07:00,5\n2003-03-03,07:30,6\n2003-03-03,08:00,6\n2003-03-03,08:30,6\n2003-03-04,07:00,6\n2003-03-04,07:15,1\n";
        assert_eq!(run(mixed, &s).result, Err(ForecastProblem::Mixed(15, 30)));
        let odd = "2003-03-03,07:00,5\n2003-03-03,07:07,6\n";
        assert_eq!(run(odd, &s).result, Err(ForecastProblem::Granularity(7)));
        let negative = "2003-03-03,07:00,-5\n";
        let o = run(negative, &s);
        assert_eq!(o.read.problem_count, 1);
        assert_eq!(o.result, Err(ForecastProblem::NoHistory));
        let huge = "2003-03-03,07:00,1e300\n";
        assert_eq!(run(huge, &s).read.problem_count, 1);
        let many = "2003-03-03,07:00,1\n".repeat(ccplan_engine::history::MAX_LINES + 1);
        assert_eq!(
            run(&many, &s).result,
            Err(ForecastProblem::TooLong(
                ccplan_engine::history::MAX_LINES + 1
            ))
        );
        // Duplicates and disorder are read, with a message each.
        let dup = "2003-03-04,07:00,1\n2003-03-03,07:00,2\n2003-03-03,07:00,3\n";
        let o = run(dup, &s);
        assert!(o.read.unordered);
        assert_eq!(o.read.problems, vec![(3, LineProblem::Duplicate(2))]);
    }

    #[test]
    fn each_interval_gets_its_agents_for_an_uncertain_forecast() {
        let o = run(bank(), &ForecastSettings::default());
        let r = o.result.as_ref().unwrap();
        let inputs = StaffingInputs {
            aht_s: 180.0,
            sl_target_pct: 80.0,
            sl_seconds: 20.0,
            ..StaffingInputs::default()
        };
        let day = &r.days[0];
        let needs = interval_needs(&NeedsRequest::new(&o, day, inputs, day.cv(0.95), 0.9));
        assert_eq!(needs.len(), 29);
        assert_eq!(needs[0].start_min, 420);
        for n in &needs {
            let a = n.agents.as_ref().unwrap();
            assert!(
                a.point.agents <= a.expected.agents
                    && a.expected.agents <= a.with_probability.agents,
                "{n:?}"
            );
        }
    }

    #[test]
    fn every_column_applies_the_staffing_pages_targets() {
        // The bank's first day with the staffing page's default targets
        // (occupancy at most 85 %): the point column is what the staffing
        // page asks for each interval, and no column asks for less.
        let o = run(bank(), &ForecastSettings::default());
        let r = o.result.as_ref().unwrap();
        let inputs = StaffingInputs::default();
        let targets = inputs.targets().unwrap();
        let day = &r.days[0];
        let needs = interval_needs(&NeedsRequest::new(
            &o,
            day,
            inputs.clone(),
            day.cv(0.95),
            0.9,
        ));
        let mut capped = 0;
        for n in &needs {
            let a = n.agents.as_ref().unwrap();
            let all = required_agents(n.traffic, inputs.aht_s, inputs.model(), &targets).unwrap();
            let sl = required_agents(
                n.traffic,
                inputs.aht_s,
                inputs.model(),
                &targets.service_level_only(),
            )
            .unwrap();
            assert_eq!(a.point.agents, all.agents, "{n:?}");
            assert!(a.expected.agents >= all.agents && a.with_probability.agents >= all.agents);
            capped += usize::from(all.agents > sl.agents);
        }
        assert!(capped > 0, "the occupancy cap decides some interval");
    }

    #[test]
    fn the_aht_what_if_moves_the_forecasts_agents() {
        // AHT 300 s with the what-if −20 s asks exactly what AHT 280 s asks.
        let o = run(bank(), &ForecastSettings::default());
        let day = &o.result.as_ref().unwrap().days[0];
        let needs = |aht_s: f64, aht_change_s: f64| {
            let inputs = StaffingInputs {
                aht_s,
                aht_change_s,
                ..StaffingInputs::default()
            };
            interval_needs(&NeedsRequest::new(&o, day, inputs, day.cv(0.95), 0.9))
        };
        let (changed, plain, before) = (needs(300.0, -20.0), needs(280.0, 0.0), needs(300.0, 0.0));
        assert_eq!(changed, plain);
        let total = |n: &[IntervalNeed]| -> u32 {
            n.iter()
                .map(|n| n.agents.as_ref().unwrap().point.agents)
                .sum()
        };
        assert!(total(&changed) < total(&before));
    }

    #[test]
    fn a_five_minute_day_becomes_fifteen_minute_intervals() {
        let outcome = ForecastOutcome {
            read: ReadSummary::default(),
            interval_min: 5,
            day_start_min: 7 * 60 + 5,
            width: 4,
            open_weekdays: [true; 7],
            missing: Vec::new(),
            daily: Vec::new(),
            result: Err(ForecastProblem::NoHistory),
        };
        let day = ForecastDay {
            date: Date::parse("2003-03-03").unwrap(),
            mean: 10.0,
            lower: 8.0,
            upper: 12.0,
            event: false,
            intervals: vec![1.0, 2.0, 3.0, 4.0],
        };
        // 07:05 starts one slot into 07:00–07:15.
        assert_eq!(
            staffing_day(&outcome, &day),
            Some((15.0, 420.0, vec![3.0, 7.0]))
        );
        // An interval above the staffing page's limit: not offered.
        let huge = ForecastDay {
            intervals: vec![1e9, 1.0, 1.0, 1.0],
            ..day
        };
        assert_eq!(staffing_day(&outcome, &huge), None);
    }

    #[test]
    fn a_forecast_starts_the_capacity_plan() {
        let o = run(bank(), &ForecastSettings::default());
        let plan = crate::model::scorecard::ScorecardSettings::default();
        let (settings, (interval, start, volumes)) = plan_from_forecast(&o, &plan).unwrap();
        let days = &o.result.as_ref().unwrap().days;
        // The history ends on Thursday 25 September 2003.
        assert_eq!((settings.first_year, settings.first_month), (2003, 9));
        // Monday to Friday: 5 × 365.25 / 7 / 12 = 21.74 days; 07:00–21:30.
        assert_eq!((settings.open_days, settings.open_hours), (21.7, 14.5));
        let mean = days.iter().map(|d| d.mean).sum::<f64>() / days.len() as f64;
        let offered =
            ccplan_engine::capacity::offered_contacts(settings.monthly_volume, 0.72, 0.5, 0.2)
                * plan.seasonality[8];
        assert!((offered / 21.7 - mean).abs() < 1.0, "{offered} {mean}");
        assert_eq!((interval, start, volumes.len()), (30.0, 420.0, 29));
        let day_total: f64 = volumes.iter().sum();
        assert!((day_total - mean).abs() / mean < 1e-3, "{day_total} {mean}");
        // The rest of the plan is the planner's.
        assert_eq!(settings.start_headcount, plan.start_headcount);
        // No forecast, no plan.
        let none = run("", &ForecastSettings::default());
        assert_eq!(plan_from_forecast(&none, &plan), None);
    }

    #[test]
    fn the_forecasts_first_week_becomes_the_schedule_pages_week() {
        let o = run(bank(), &ForecastSettings::default());
        let days = &o.result.as_ref().unwrap().days;
        let ((interval, start, volumes), pct) = week_from_forecast(&o).unwrap();
        // Friday 26 September 2003 to Thursday 2 October: five weekdays,
        // the weekend closed.
        assert_eq!(days[0].date.weekday(), 4);
        assert_eq!((pct[5], pct[6]), (0.0, 0.0));
        let week: Vec<_> = days.iter().take(5).collect();
        let mean = week.iter().map(|d| d.mean).sum::<f64>() / 5.0;
        for d in &week {
            let expected = (d.mean / mean * 1000.0).round() / 10.0;
            assert_eq!(pct[d.date.weekday()], expected);
        }
        // The five percentages average 100: the mean day is the staffing page's.
        assert!(
            (pct.iter().sum::<f64>() / 5.0 - 100.0).abs() < 0.1,
            "{pct:?}"
        );
        assert_eq!((interval, start, volumes.len()), (30.0, 420.0, 29));
        let total: f64 = volumes.iter().sum();
        assert!((total - mean).abs() / mean < 1e-3, "{total} {mean}");
        // No forecast, no week.
        assert_eq!(
            week_from_forecast(&run("", &ForecastSettings::default())),
            None
        );
    }

    #[test]
    fn the_preview_holds_the_first_lines_in_the_texts_order() {
        // Out of time order, a header, a bad line: lines 2, 3 and 4 as written.
        let text =
            "date,start,calls,aht\n2003-03-03,08:00,5,200\n2003-03-03,07:00,x,\n2003-03-03,07:30,4,\n";
        let o = run(text, &ForecastSettings::default());
        let lines: Vec<usize> = o.read.preview.iter().map(PreviewLine::line).collect();
        assert_eq!(lines, [2, 3, 4]);
        assert!(matches!(
            o.read.preview[0],
            PreviewLine::Read {
                start_min: 480,
                contacts: 5.0,
                aht_s: Some(200.0),
                ..
            }
        ));
        assert!(matches!(o.read.preview[1], PreviewLine::Bad { .. }));
        let long = run(bank(), &ForecastSettings::default());
        assert_eq!(long.read.preview.len(), PREVIEW_LINES);
        assert_eq!(long.read.preview[0].line(), 2);
        assert_eq!(
            long.read.preview[PREVIEW_LINES - 1].line(),
            PREVIEW_LINES + 1
        );
    }
}
