//! Forecasting the workload from history: daily totals by an exponential
//! smoothing model ([`crate::ets`]) chosen by AICc or by the user, the
//! seasonal naive forecast every model must beat, accuracy on a holdout,
//! and each forecast day split into intervals by a day-of-week shape.

use serde::{Deserialize, Serialize};

use crate::ets::{self, EtsModel, Fit, FitError};
use crate::history::{Date, History};

/// Which model to fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ModelChoice {
    /// Every model whose data allow it; the lowest AICc wins.
    Auto,
    Ana,
    Mnm,
    Adda,
}

impl ModelChoice {
    pub fn from_code(code: &str) -> Option<ModelChoice> {
        Some(match code {
            "auto" => ModelChoice::Auto,
            "ana" => ModelChoice::Ana,
            "mnm" => ModelChoice::Mnm,
            "adda" => ModelChoice::Adda,
            _ => return None,
        })
    }

    fn candidates(self) -> Vec<EtsModel> {
        match self {
            ModelChoice::Auto => EtsModel::ALL.to_vec(),
            ModelChoice::Ana => vec![EtsModel::Ana],
            ModelChoice::Mnm => vec![EtsModel::Mnm],
            ModelChoice::Adda => vec![EtsModel::AddA],
        }
    }
}

/// Longest history accepted, in periods (about 27 years of days).
pub const MAX_HISTORY: usize = 10_000;
/// Longest horizon, in periods.
pub const MAX_HORIZON: usize = 1_000;

/// Why a forecast cannot be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ForecastError {
    #[error(transparent)]
    Fit(#[from] FitError),
    #[error("the history must hold 1 to {MAX_HISTORY} values, got {0}")]
    HistoryLength(usize),
    #[error("the horizon must be 1 to {MAX_HORIZON} periods, got {0}")]
    Horizon(usize),
    #[error("the interval's coverage must be above 0 and below 1, got {0}")]
    Level(f64),
    /// No model could be fitted (each one's reason is given).
    #[error("no model fits this history: {0}")]
    NoModel(String),
    /// The model asked for fits, but its forecast or prediction interval
    /// is not finite or runs past [`MAX_FORECAST_RATIO`] times the
    /// history's largest value: it blew up (typically ETS(M,N,M) on a
    /// history with an outlying day, whose relative errors are then huge).
    #[error(
        "{} gives no meaningful forecast of this history: its prediction interval runs \
         past {MAX_FORECAST_RATIO} times the largest value in it; choose another model, \
         or leave out the outlying days",
        model.name()
    )]
    Unbounded { model: EtsModel },
}

/// How far above the history's largest value (or 1, if that is less) a
/// forecast's mean or interval may reach before the model is taken to have
/// blown up. An additive model's 95 % interval a thousand days ahead of a
/// random walk with a 20 % error stays within about 13 times its level; a
/// multiplicative model fitted to a day of 10 000 000 among days of 1 000
/// reached 4e40.
pub const MAX_FORECAST_RATIO: f64 = 100.0;

/// Whether `forecast` of `fit` can be shown: every figure finite and
/// within [`MAX_FORECAST_RATIO`] times `largest` (the history's largest
/// value, at least 1), and, for ETS(M,N,M), a relative error σ of at most
/// 1 (beyond it the model's own sample paths go below zero half the time:
/// it no longer describes the history).
fn meaningful(fit: &Fit, forecast: &ets::Forecast, largest: f64) -> bool {
    let ceiling = MAX_FORECAST_RATIO * largest.max(1.0);
    let within = |v: &f64| v.is_finite() && *v <= ceiling;
    (fit.model() != EtsModel::Mnm || fit.sigma2() <= 1.0)
        && forecast.mean.iter().all(within)
        && forecast.lower.iter().all(within)
        && forecast.upper.iter().all(within)
}

/// The forecast as shown: every figure floored at 0 (a count of contacts
/// is never negative, while an additive model's interval, or the mean
/// just after a fall, can be). The one place the engine floors, so `ccplan
/// eval`, `ccplan forecast` and the page agree.
fn floored(mut forecast: ets::Forecast) -> ets::Forecast {
    for v in forecast
        .mean
        .iter_mut()
        .chain(&mut forecast.lower)
        .chain(&mut forecast.upper)
    {
        *v = v.max(0.0);
    }
    forecast
}

/// A fitted model's forecast and how it was chosen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DailyForecast {
    pub fit: Fit,
    pub forecast: ets::Forecast,
    /// Each model tried, with its AICc (None when it could not be fitted,
    /// or its forecast blew up: see [`ForecastError::Unbounded`]).
    pub tried: Vec<(EtsModel, Option<f64>)>,
}

/// Fits the chosen model(s) to `history` (None = missing) with season
/// length `season`, and forecasts `horizon` periods at coverage `level`.
pub fn forecast_daily(
    history: &[Option<f64>],
    season: usize,
    horizon: usize,
    choice: ModelChoice,
    level: f64,
) -> Result<DailyForecast, ForecastError> {
    if history.is_empty() || history.len() > MAX_HISTORY {
        return Err(ForecastError::HistoryLength(history.len()));
    }
    if !(1..=MAX_HORIZON).contains(&horizon) {
        return Err(ForecastError::Horizon(horizon));
    }
    if !(level > 0.0 && level < 1.0) {
        return Err(ForecastError::Level(level));
    }
    let mut tried = Vec::new();
    let mut fits: Vec<Fit> = Vec::new();
    let mut reasons = Vec::new();
    for model in choice.candidates() {
        match ets::fit(model, history, season) {
            Ok(fit) => {
                tried.push((model, Some(fit.aicc())));
                fits.push(fit);
            }
            Err(e) => {
                // A bad value or season is the history's fault, whatever the model.
                if matches!(e, FitError::Value { .. } | FitError::Season(_)) {
                    return Err(e.into());
                }
                if choice != ModelChoice::Auto {
                    return Err(e.into());
                }
                tried.push((model, None));
                reasons.push(format!("{}: {e}", model.name()));
            }
        }
    }
    // The lowest AICc whose forecast is meaningful; one that blew up is
    // listed as not fitted, and the next one is used.
    fits.sort_by(|a, b| a.aicc().total_cmp(&b.aicc()));
    let largest = history.iter().flatten().fold(0.0, |a: f64, v| a.max(*v));
    for fit in fits {
        let forecast = ets::forecast(&fit, horizon, level);
        if meaningful(&fit, &forecast, largest) {
            return Ok(DailyForecast {
                fit,
                forecast: floored(forecast),
                tried,
            });
        }
        let model = fit.model();
        if choice != ModelChoice::Auto {
            return Err(ForecastError::Unbounded { model });
        }
        for entry in tried.iter_mut().filter(|t| t.0 == model) {
            entry.1 = None;
        }
        reasons.push(format!(
            "{}: its prediction interval runs past {MAX_FORECAST_RATIO} times the largest value",
            model.name()
        ));
    }
    Err(ForecastError::NoModel(reasons.join("; ")))
}

/// The seasonal naive forecast: each period repeats the last observed
/// value of the same phase of the season (`None` if that phase was never
/// observed).
pub fn seasonal_naive(history: &[Option<f64>], season: usize, horizon: usize) -> Vec<Option<f64>> {
    let n = history.len();
    (0..horizon)
        .map(|h| {
            let phase = (n + h) % season.max(1);
            history
                .iter()
                .enumerate()
                .rev()
                .find(|(t, v)| t % season.max(1) == phase && v.is_some())
                .and_then(|(_, v)| *v)
        })
        .collect()
}

/// Forecast accuracy over the periods where both are known.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Accuracy {
    /// Mean absolute percentage error (periods with an actual of 0 skipped).
    pub mape: f64,
    /// Weighted absolute percentage error: Σ|f − a| / Σa.
    pub wape: f64,
    /// Σ(f − a) / Σa: positive when the forecast runs high.
    pub bias: f64,
    pub periods: usize,
}

/// Accuracy of `forecast` against `actual`; None when no period has both
/// (or the actuals sum to 0).
pub fn accuracy(actual: &[Option<f64>], forecast: &[Option<f64>]) -> Option<Accuracy> {
    let pairs: Vec<(f64, f64)> = actual
        .iter()
        .zip(forecast)
        .filter_map(|(a, f)| Some(((*a)?, (*f)?)))
        .collect();
    let total: f64 = pairs.iter().map(|(a, _)| a).sum();
    if pairs.is_empty() || total <= 0.0 || total.is_nan() {
        return None;
    }
    let nonzero: Vec<f64> = pairs
        .iter()
        .filter(|(a, _)| *a > 0.0)
        .map(|(a, f)| ((f - a) / a).abs())
        .collect();
    Some(Accuracy {
        mape: nonzero.iter().sum::<f64>() / nonzero.len().max(1) as f64,
        wape: pairs.iter().map(|(a, f)| (f - a).abs()).sum::<f64>() / total,
        bias: pairs.iter().map(|(a, f)| f - a).sum::<f64>() / total,
        periods: pairs.len(),
    })
}

/// Each interval's share of the day for one day of the week, averaged
/// over the most recent `recent` complete days of that weekday: `days`
/// holds (weekday, that day's interval counts) in calendar order. A
/// weekday never seen gets the average shape of all days; shares sum to 1.
pub fn intraday_shares(
    days: &[(usize, Vec<f64>)],
    weekday: usize,
    recent: usize,
) -> Option<Vec<f64>> {
    let width = days.first()?.1.len();
    let usable = |(_, v): &&(usize, Vec<f64>)| v.len() == width && v.iter().sum::<f64>() > 0.0;
    let mut chosen: Vec<&Vec<f64>> = days
        .iter()
        .rev()
        .filter(|d| d.0 == weekday)
        .filter(usable)
        .take(recent.max(1))
        .map(|d| &d.1)
        .collect();
    if chosen.is_empty() {
        chosen = days
            .iter()
            .rev()
            .filter(usable)
            .take(recent.max(1))
            .map(|d| &d.1)
            .collect();
    }
    if chosen.is_empty() || width == 0 {
        return None;
    }
    let mut shares = vec![0.0; width];
    for day in &chosen {
        let total: f64 = day.iter().sum();
        for (s, v) in shares.iter_mut().zip(day.iter()) {
            *s += v / total / chosen.len() as f64;
        }
    }
    Some(shares)
}

/// The coefficient of variation a day's prediction interval implies: its
/// standard deviation read off the interval, (upper − lower) / (2·z) with
/// z the normal quantile of the interval's `level`, over the mean; 0 for a
/// mean of 0, and at most [`crate::uncertainty::MAX_LOAD_CV`] (100 %), the
/// largest the staffing for an uncertain forecast takes, so what the page
/// shows is what it staffs for.
pub fn interval_cv(mean: f64, lower: f64, upper: f64, level: f64) -> f64 {
    let z = ets::standard_normal_quantile(0.5 + level / 2.0);
    let cv = (upper - lower) / (2.0 * z * mean);
    if mean > 0.0 && z > 0.0 && !cv.is_nan() {
        cv.clamp(0.0, crate::uncertainty::MAX_LOAD_CV)
    } else {
        0.0
    }
}

/// One forecast day, split into intervals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DayForecast {
    pub date: Date,
    pub mean: f64,
    pub lower: f64,
    pub upper: f64,
    /// Each interval's share of the day (see [`intraday_shares`]).
    pub shares: Vec<f64>,
}

impl DayForecast {
    /// Contacts per interval at the mean (or any daily figure).
    pub fn intervals(&self, daily: f64) -> Vec<f64> {
        self.shares.iter().map(|s| s * daily).collect()
    }
}

/// One interval (or a group of them) of a forecast day, as exported.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IntervalForecast {
    pub date: Date,
    /// Minutes after midnight.
    pub start_min: u32,
    pub contacts: f64,
    pub lower: f64,
    pub upper: f64,
}

impl DayForecast {
    /// The day's intervals of `interval_min` minutes from `day_start_min`,
    /// summed `group` at a time (2 turns half-hours into hours), each with
    /// its share of the day's interval.
    pub fn interval_rows(
        &self,
        interval_min: u32,
        day_start_min: u32,
        group: usize,
    ) -> Vec<IntervalForecast> {
        let group = group.max(1);
        self.shares
            .chunks(group)
            .enumerate()
            .map(|(i, shares)| {
                let share: f64 = shares.iter().sum();
                IntervalForecast {
                    date: self.date,
                    start_min: day_start_min + (i * group) as u32 * interval_min,
                    contacts: self.mean * share,
                    lower: self.lower * share,
                    upper: self.upper * share,
                }
            })
            .collect()
    }
}

/// A history's forecast: the daily model and the days ahead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryForecast {
    pub daily: DailyForecast,
    pub days: Vec<DayForecast>,
}

/// Forecasts the `horizon` open days after `history`, leaving out the
/// days in `excluded` and counting those in `adjusted` at their corrected
/// totals: daily totals by [`forecast_daily`] (season = the open days of a
/// week), each day split by the shape of its weekday's last `recent_weeks`
/// days (excluded and adjusted days' shapes are not used: an outage or a
/// campaign bends them). Figures are never negative ([`forecast_daily`]
/// floors them).
pub fn forecast_history(
    history: &History,
    excluded: &[Date],
    adjusted: &[(Date, f64)],
    horizon: usize,
    choice: ModelChoice,
    level: f64,
    recent_weeks: usize,
) -> Result<HistoryForecast, ForecastError> {
    let values: Vec<Option<f64>> = history
        .daily(excluded, adjusted)
        .into_iter()
        .map(|d| d.1)
        .collect();
    let daily = forecast_daily(&values, history.season(), horizon, choice, level)?;
    let weekdays: Vec<(usize, Vec<f64>)> = history
        .days
        .iter()
        .filter(|d| !excluded.contains(&d.date) && !adjusted.iter().any(|a| a.0 == d.date))
        .map(|d| (d.date.weekday(), d.contacts.clone()))
        .collect();
    let width = history.days.first().map_or(0, |d| d.contacts.len());
    let days = history
        .next_open_days(horizon)
        .into_iter()
        .enumerate()
        .map(|(k, date)| DayForecast {
            date,
            mean: daily.forecast.mean[k],
            lower: daily.forecast.lower[k],
            upper: daily.forecast.upper[k],
            shares: intraday_shares(&weekdays, date.weekday(), recent_weeks)
                .unwrap_or_else(|| vec![0.0; width]),
        })
        .collect();
    Ok(HistoryForecast { daily, days })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seasonal_naive_repeats_the_last_season_and_skips_gaps() {
        let h = [Some(1.0), Some(2.0), Some(3.0), Some(4.0), None, Some(6.0)];
        // n = 6, season 3: phases of 6, 7, 8 are 0, 1, 2 → 4, (5 missing → 2), 6.
        assert_eq!(
            seasonal_naive(&h, 3, 4),
            vec![Some(4.0), Some(2.0), Some(6.0), Some(4.0)]
        );
    }

    #[test]
    fn accuracy_measures() {
        let a = accuracy(
            &[Some(100.0), Some(200.0), None, Some(0.0)],
            &[Some(110.0), Some(180.0), Some(5.0), Some(1.0)],
        )
        .unwrap();
        assert!((a.mape - 0.1).abs() < 1e-12);
        assert!((a.wape - 31.0 / 300.0).abs() < 1e-12);
        assert!((a.bias - (-9.0 / 300.0)).abs() < 1e-12);
        assert_eq!(a.periods, 3);
        assert_eq!(accuracy(&[None], &[Some(1.0)]), None);
    }

    #[test]
    fn shares_come_from_recent_same_weekdays() {
        let days = vec![
            (0, vec![1.0, 1.0]),
            (1, vec![3.0, 1.0]),
            (0, vec![1.0, 3.0]),
            (0, vec![0.0, 0.0]), // a closed day is skipped
        ];
        let monday = intraday_shares(&days, 0, 1).unwrap();
        assert_eq!(monday, vec![0.25, 0.75]);
        let both = intraday_shares(&days, 0, 5).unwrap();
        assert_eq!(both, vec![0.375, 0.625]);
        // Never seen: the shape of all recent days.
        let friday = intraday_shares(&days, 4, 1).unwrap();
        assert_eq!(friday, vec![0.25, 0.75]);
        assert_eq!(intraday_shares(&[], 0, 3), None);
    }

    #[test]
    fn a_day_exports_its_intervals_singly_or_grouped() {
        let day = DayForecast {
            date: Date::parse("2003-10-06").unwrap(),
            mean: 100.0,
            lower: 80.0,
            upper: 120.0,
            shares: vec![0.1, 0.2, 0.3, 0.4],
        };
        let single = day.interval_rows(30, 420, 1);
        assert_eq!(single.len(), 4);
        assert_eq!(single[1].start_min, 450);
        assert!((single[1].contacts - 20.0).abs() < 1e-12);
        assert!((single[1].lower - 16.0).abs() < 1e-12);
        assert!((single[1].upper - 24.0).abs() < 1e-12);
        let hours = day.interval_rows(30, 420, 2);
        assert_eq!(
            hours.iter().map(|r| r.start_min).collect::<Vec<_>>(),
            [420, 480]
        );
        assert!((hours[1].contacts - 70.0).abs() < 1e-12);
        assert!((hours[1].upper - 84.0).abs() < 1e-12);
    }

    /// A weekly-ish history of about 1 000 a day (season 5) with `outlier`
    /// on day 100.
    fn with_outlier(outlier: f64) -> Vec<Option<f64>> {
        (0..150)
            .map(|t| {
                let shape = [1.2, 1.0, 1.0, 0.9, 0.8][t % 5];
                let wobble = 1.0 + 0.05 * ((t * 7919) % 13) as f64 / 13.0;
                Some(if t == 100 {
                    outlier
                } else {
                    (1000.0 * shape * wobble).round()
                })
            })
            .collect()
    }

    /// One day of 10 000 000 among days of about 1 000: ETS(M,N,M) (whose
    /// interval reached 4e40 sixty days ahead) is not used; what is shown
    /// is finite, never negative and within MAX_FORECAST_RATIO times the
    /// largest day. Asked for by name, it is refused with a typed error.
    #[test]
    fn a_model_that_blows_up_is_not_shown() {
        let h = with_outlier(1e7);
        let f = forecast_daily(&h, 5, 60, ModelChoice::Auto, 0.95).unwrap();
        assert_ne!(f.fit.model(), EtsModel::Mnm);
        assert!(f.tried.contains(&(EtsModel::Mnm, None)), "{:?}", f.tried);
        let figures = || {
            f.forecast
                .mean
                .iter()
                .chain(&f.forecast.lower)
                .chain(&f.forecast.upper)
        };
        assert!(figures().all(|v| v.is_finite() && (0.0..=1e9).contains(v)));
        assert_eq!(
            forecast_daily(&h, 5, 60, ModelChoice::Mnm, 0.95).unwrap_err(),
            ForecastError::Unbounded {
                model: EtsModel::Mnm
            }
        );
        // Without the outlier the same history keeps every model.
        let calm = with_outlier(1000.0);
        let f = forecast_daily(&calm, 5, 60, ModelChoice::Auto, 0.95).unwrap();
        assert!(f.tried.iter().all(|t| t.1.is_some()), "{:?}", f.tried);
    }

    /// A falling history's additive forecasts go below zero; what is
    /// returned is floored at 0, mean and bounds alike.
    #[test]
    fn forecasts_are_never_negative() {
        let falling: Vec<Option<f64>> = (0..60)
            .map(|t| Some((600.0 - 10.0 * t as f64 + [30.0, 0.0, -30.0][t % 3]).max(0.0)))
            .collect();
        for choice in [ModelChoice::Ana, ModelChoice::Adda] {
            let f = forecast_daily(&falling, 3, 30, choice, 0.95).unwrap();
            let raw = ets::forecast(&f.fit, 30, 0.95);
            assert!(raw.lower.iter().any(|v| *v < 0.0), "{choice:?}");
            for (shown, raw) in [
                (&f.forecast.mean, &raw.mean),
                (&f.forecast.lower, &raw.lower),
                (&f.forecast.upper, &raw.upper),
            ] {
                for (s, r) in shown.iter().zip(raw) {
                    assert_eq!(*s, r.max(0.0));
                }
            }
        }
    }

    #[test]
    fn the_cv_is_read_off_the_interval_and_capped() {
        let z = ets::standard_normal_quantile(0.975);
        let cv = interval_cv(1000.0, 1000.0 - 100.0 * z, 1000.0 + 100.0 * z, 0.95);
        assert!((cv - 0.1).abs() < 1e-12);
        assert_eq!(interval_cv(1e-3, 0.0, 4e40, 0.95), 1.0);
        assert_eq!(interval_cv(0.0, 0.0, 10.0, 0.95), 0.0);
        assert_eq!(interval_cv(10.0, 0.0, f64::INFINITY, 0.95), 1.0);
    }

    #[test]
    fn bad_requests_are_refused() {
        let h = vec![Some(10.0); 30];
        assert_eq!(
            forecast_daily(&[], 5, 5, ModelChoice::Auto, 0.95).unwrap_err(),
            ForecastError::HistoryLength(0)
        );
        assert_eq!(
            forecast_daily(&h, 5, 0, ModelChoice::Auto, 0.95).unwrap_err(),
            ForecastError::Horizon(0)
        );
        assert_eq!(
            forecast_daily(&h, 5, 5, ModelChoice::Auto, 1.0).unwrap_err(),
            ForecastError::Level(1.0)
        );
        assert!(matches!(
            forecast_daily(&h[..3], 5, 5, ModelChoice::Auto, 0.9).unwrap_err(),
            ForecastError::NoModel(_)
        ));
    }
}
