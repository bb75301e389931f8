//! Exponential smoothing (ETS) state-space models of a seasonal series,
//! fitted by maximum likelihood, with forecasts and prediction intervals.
//!
//! Notation and equations from Hyndman, Koehler, Ord & Snyder (2008),
//! *Forecasting with Exponential Smoothing: The State Space Approach*,
//! tables 2.2 and 2.3; m is the season's length, e_t the innovation:
//!
//! | model | one-step forecast ŷ_t | e_t | level l_t | trend b_t | season s_t |
//! |---|---|---|---|---|---|
//! | ETS(A,N,A) | l + s_{t−m} | y − ŷ | l + αe | — | s_{t−m} + γe |
//! | ETS(A,Ad,A) | l + φb + s_{t−m} | y − ŷ | l + φb + αe | φb + βe | s_{t−m} + γe |
//! | ETS(M,N,M) | l·s_{t−m} | (y − ŷ)/ŷ | l(1 + αe) | — | s_{t−m}(1 + γe) |
//!
//! (l and b on the right are l_{t−1}, b_{t−1}.) A missing observation
//! (a holiday, an outage) has no innovation: the states carry on as
//! forecast, and it does not count in the likelihood.
//!
//! The likelihood with σ² concentrated out (Hyndman et al. 2008, §5.2):
//! additive error, log L = −n/2·(ln(2π·SSE/n) + 1); multiplicative error,
//! the same with SSE = Σe_t² plus the Jacobian term −Σ ln|ŷ_t|.
//!
//! For the additive models the errors are an affine function of the
//! initial states once the smoothing parameters are fixed, so the initial
//! states that minimise SSE solve a small least-squares problem exactly;
//! only the smoothing parameters are searched (Nelder–Mead). The
//! multiplicative model searches all of them.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, StandardNormal};
use serde::{Deserialize, Serialize, Serializer};

use crate::optimize::nelder_mead_restarted;

/// The models ccplan fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EtsModel {
    /// ETS(A,N,A): additive error and season, no trend.
    #[serde(rename = "ana")]
    Ana,
    /// ETS(M,N,M): multiplicative error and season, no trend.
    #[serde(rename = "mnm")]
    Mnm,
    /// ETS(A,Ad,A): additive error, damped additive trend, additive season.
    #[serde(rename = "adda")]
    AddA,
}

impl EtsModel {
    pub const ALL: [EtsModel; 3] = [EtsModel::Ana, EtsModel::Mnm, EtsModel::AddA];

    pub fn code(self) -> &'static str {
        match self {
            EtsModel::Ana => "ana",
            EtsModel::Mnm => "mnm",
            EtsModel::AddA => "adda",
        }
    }

    pub fn from_code(code: &str) -> Option<EtsModel> {
        EtsModel::ALL.into_iter().find(|m| m.code() == code)
    }

    /// The name in Hyndman's notation.
    pub fn name(self) -> &'static str {
        match self {
            EtsModel::Ana => "ETS(A,N,A)",
            EtsModel::Mnm => "ETS(M,N,M)",
            EtsModel::AddA => "ETS(A,Ad,A)",
        }
    }

    fn has_trend(self) -> bool {
        self == EtsModel::AddA
    }

    fn multiplicative(self) -> bool {
        self == EtsModel::Mnm
    }
}

/// Smoothing parameters (β and φ only with a trend).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Smoothing {
    pub alpha: f64,
    pub beta: f64,
    pub gamma: f64,
    pub phi: f64,
}

/// The states at one time: level, trend (0 without one) and the last m
/// seasonal terms, oldest first (`season[0]` is used next).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct States {
    pub level: f64,
    pub trend: f64,
    pub season: Vec<f64>,
}

/// One pass of a model over a series.
#[derive(Debug, Clone, PartialEq)]
pub struct Filtered {
    /// ŷ_t for every time, observed or not.
    pub fitted: Vec<f64>,
    /// Σe_t² over the observed times (e relative for a multiplicative error).
    pub sse: f64,
    /// Σ ln|ŷ_t| over the observed times (used by the multiplicative likelihood).
    pub log_abs_fitted: f64,
    pub observed: usize,
    /// The states after the last time.
    pub last: States,
    /// A one-step forecast was not positive under a multiplicative model.
    pub failed: bool,
}

/// Runs the model's recursions from `initial` over `y`.
fn filter(model: EtsModel, s: &Smoothing, initial: &States, y: &[Option<f64>]) -> Filtered {
    let m = initial.season.len();
    let mut level = initial.level;
    let mut trend = initial.trend;
    let mut season = std::collections::VecDeque::from(initial.season.clone());
    let mut fitted = Vec::with_capacity(y.len());
    let (mut sse, mut log_abs_fitted, mut observed, mut failed) = (0.0, 0.0, 0, false);
    for value in y {
        let old_season = season.pop_front().unwrap_or(0.0);
        let damped = if model.has_trend() {
            s.phi * trend
        } else {
            0.0
        };
        let (forecast, new_season) = if model.multiplicative() {
            let forecast = level * old_season;
            let e = match value {
                Some(v) if forecast > 0.0 => (v - forecast) / forecast,
                Some(_) => {
                    failed = true;
                    0.0
                }
                None => 0.0,
            };
            if value.is_some() && forecast > 0.0 {
                sse += e * e;
                log_abs_fitted += forecast.ln();
                observed += 1;
            }
            level *= 1.0 + s.alpha * e;
            (forecast, old_season * (1.0 + s.gamma * e))
        } else {
            let forecast = level + damped + old_season;
            let e = value.map_or(0.0, |v| v - forecast);
            if value.is_some() {
                sse += e * e;
                observed += 1;
            }
            level += damped + s.alpha * e;
            trend = damped + s.beta * e;
            (forecast, old_season + s.gamma * e)
        };
        season.push_back(new_season);
        fitted.push(forecast);
    }
    debug_assert_eq!(season.len(), m);
    Filtered {
        fitted,
        sse,
        log_abs_fitted,
        observed,
        last: States {
            level,
            trend,
            season: season.into(),
        },
        failed,
    }
}

/// A fitted model.
///
/// Built only by [`fit`] or [`Fit::with_parameters`], and checked when
/// deserialised: its season has 2 to 366 terms, the same number before and
/// after the series, so [`forecast`] can always index it (a season of none
/// would divide by zero). Serialised as the plain fields.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(try_from = "FitFields")]
pub struct Fit(FitFields);

/// The fields of [`Fit`] and its serialised form, checked on the way in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct FitFields {
    model: EtsModel,
    smoothing: Smoothing,
    initial: States,
    last: States,
    sigma2: f64,
    log_likelihood: f64,
    aicc: f64,
    observations: usize,
    parameters: usize,
    fitted: Vec<f64>,
}

impl Serialize for Fit {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl TryFrom<FitFields> for Fit {
    type Error = FitError;

    fn try_from(fields: FitFields) -> Result<Self, FitError> {
        let m = fields.last.season.len();
        if !SEASONS.contains(&m) {
            return Err(FitError::Season(m));
        }
        if fields.initial.season.len() != m {
            return Err(FitError::Season(fields.initial.season.len()));
        }
        Ok(Fit(fields))
    }
}

impl Fit {
    /// The model run with given smoothing parameters and initial states
    /// over `y` (for instance another program's estimates, to forecast as
    /// it would): the states after the series, σ̂², the likelihood and the
    /// information criterion as [`fit`] reports them for its own
    /// estimates. Refuses a season of fewer than 2 or more than 366 terms,
    /// values that are not counts, and a series with no observed value.
    pub fn with_parameters(
        model: EtsModel,
        smoothing: Smoothing,
        initial: States,
        y: &[Option<f64>],
    ) -> Result<Fit, FitError> {
        let m = initial.season.len();
        check_series(y, m)?;
        let filtered = filter(model, &smoothing, &initial, y);
        if filtered.observed == 0 {
            return Err(FitError::TooShort {
                model: model.name(),
                needed: 1,
                got: 0,
            });
        }
        let parameters = smoothing_count(model) + free_states(model, m) + 1;
        let log_likelihood = -negative_log_likelihood(model, &filtered);
        Ok(Fit::from_filtered(
            model,
            smoothing,
            initial,
            filtered,
            log_likelihood,
            parameters,
        ))
    }

    /// The fit of `filtered`, the pass of `model` with `smoothing` from
    /// `initial` over at least one observed value.
    fn from_filtered(
        model: EtsModel,
        smoothing: Smoothing,
        initial: States,
        filtered: Filtered,
        log_likelihood: f64,
        parameters: usize,
    ) -> Fit {
        let n = filtered.observed as f64;
        let k = parameters as f64;
        let aic = -2.0 * log_likelihood + 2.0 * k;
        Fit(FitFields {
            model,
            smoothing,
            initial,
            last: filtered.last,
            sigma2: filtered.sse / n,
            log_likelihood,
            aicc: aic + 2.0 * k * (k + 1.0) / (n - k - 1.0),
            observations: filtered.observed,
            parameters,
            fitted: filtered.fitted,
        })
    }

    pub fn model(&self) -> EtsModel {
        self.0.model
    }

    pub fn smoothing(&self) -> Smoothing {
        self.0.smoothing
    }

    pub fn initial(&self) -> &States {
        &self.0.initial
    }

    /// States after the last observation: where forecasts start.
    pub fn last(&self) -> &States {
        &self.0.last
    }

    /// σ̂² = SSE/n (relative errors for ETS(M,N,M)).
    pub fn sigma2(&self) -> f64 {
        self.0.sigma2
    }

    pub fn log_likelihood(&self) -> f64 {
        self.0.log_likelihood
    }

    pub fn aicc(&self) -> f64 {
        self.0.aicc
    }

    /// Observations used (missing ones excluded).
    pub fn observations(&self) -> usize {
        self.0.observations
    }

    /// Parameters counted by the information criterion: smoothing
    /// parameters, free initial states, and σ².
    pub fn parameters(&self) -> usize {
        self.0.parameters
    }

    /// The one-step fitted value at every time of the series.
    pub fn fitted(&self) -> &[f64] {
        &self.0.fitted
    }
}

/// Why a series cannot be fitted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum FitError {
    /// A season of fewer than two periods, or more than the series allows.
    #[error("a season must be 2 to 366 periods, got {0}")]
    Season(usize),
    /// Too few observations for the model's parameters.
    #[error("{model} needs at least {needed} observed values, got {got}")]
    TooShort {
        model: &'static str,
        needed: usize,
        got: usize,
    },
    /// A value is negative, NaN, infinite or above the limit.
    #[error("value {index} is not a count from 0 to 1e12: {value}")]
    Value { index: usize, value: f64 },
    /// ETS(M,N,M) needs every observed value above zero.
    #[error("a multiplicative model needs every value above 0 (value {0} is 0)")]
    NotPositive(usize),
    /// The search found no parameters with a finite likelihood.
    #[error("no parameters fit this series")]
    NoFit,
}

/// Largest value a series may hold (a count of contacts).
pub const MAX_VALUE: f64 = 1e12;

/// The season lengths a model accepts.
const SEASONS: std::ops::RangeInclusive<usize> = 2..=366;

fn check_series(y: &[Option<f64>], m: usize) -> Result<(), FitError> {
    if !SEASONS.contains(&m) {
        return Err(FitError::Season(m));
    }
    for (index, value) in y.iter().enumerate() {
        if let Some(v) = *value {
            if !(0.0..=MAX_VALUE).contains(&v) {
                return Err(FitError::Value { index, value: v });
            }
        }
    }
    Ok(())
}

/// Free initial states: level, trend, and m − 1 seasonal terms (the last
/// is fixed so the season sums to 0, or averages 1 when multiplicative —
/// a level shifted one way and a season the other fit identically).
fn free_states(model: EtsModel, m: usize) -> usize {
    1 + usize::from(model.has_trend()) + m - 1
}

fn smoothing_count(model: EtsModel) -> usize {
    if model.has_trend() {
        4
    } else {
        2
    }
}

/// Initial states from their free coordinates.
fn states_from(model: EtsModel, m: usize, x: &[f64]) -> States {
    let mut i = 0;
    let level = x[i];
    i += 1;
    let trend = if model.has_trend() {
        i += 1;
        x[1]
    } else {
        0.0
    };
    let mut season: Vec<f64> = x[i..i + m - 1].to_vec();
    let sum: f64 = season.iter().sum();
    season.push(if model.multiplicative() {
        m as f64 - sum
    } else {
        -sum
    });
    States {
        level,
        trend,
        season,
    }
}

/// Smoothing parameters from the search coordinates (α, [β*, φ,] γ*),
/// or `None` outside the region searched. As statsmodels' `ETSModel`
/// does, the trend and season are searched as shares of what α leaves
/// them, β = β*·α and γ = γ*·(1 − α), with α, β*, γ* in [10⁻⁴, 1 − 10⁻⁴]
/// and φ in [0.8, 0.98]: inside Hyndman et al.'s (2008, §10.2) usual
/// region 0 < β < α, 0 < γ < 1 − α.
fn smoothing_from(model: EtsModel, p: &[f64]) -> Option<Smoothing> {
    const EPS: f64 = 1e-4;
    let unit = |v: f64| (EPS..=1.0 - EPS).contains(&v);
    let alpha = p[0];
    let (beta_star, phi, gamma_star) = if model.has_trend() {
        (p[1], p[2], p[3])
    } else {
        (EPS, 1.0, p[1])
    };
    let inside = unit(alpha)
        && unit(gamma_star)
        && (!model.has_trend() || (unit(beta_star) && (0.8..=0.98).contains(&phi)));
    inside.then_some(Smoothing {
        alpha,
        beta: if model.has_trend() {
            beta_star * alpha
        } else {
            0.0
        },
        gamma: gamma_star * (1.0 - alpha),
        phi,
    })
}

/// −log L with σ² concentrated out; infinite when it does not exist.
fn negative_log_likelihood(model: EtsModel, f: &Filtered) -> f64 {
    let n = f.observed as f64;
    if f.failed || f.observed == 0 || !f.sse.is_finite() {
        return f64::INFINITY;
    }
    // A series fitted exactly (a constant) has SSE 0: floored, so its
    // likelihood is large and finite rather than none at all.
    let sse = f.sse.max(f64::MIN_POSITIVE);
    let base = 0.5 * n * ((2.0 * std::f64::consts::PI * sse / n).ln() + 1.0);
    if model.multiplicative() {
        base + f.log_abs_fitted
    } else {
        base
    }
}

/// The SSE-minimising initial states of an additive model for fixed
/// smoothing parameters: the errors are affine in the states, e = e₀ + J·x,
/// so x solves the normal equations JᵀJ·x = −Jᵀe₀.
///
/// One pass over the series: e₀ is the filter run from zero states, and
/// column j of J is how every error moves with free coordinate j — the
/// same recursion with y = 0 from that coordinate's unit states. Each step
/// reads and writes the level, the trend and one seasonal term, so every
/// column moves in O(1) and the pass costs O(n·p²) for the normal
/// equations alone (it once ran p + 1 filters and kept every column).
fn best_initial_states(
    model: EtsModel,
    s: &Smoothing,
    y: &[Option<f64>],
    m: usize,
) -> Option<States> {
    let p = free_states(model, m);
    let phi = if model.has_trend() { s.phi } else { 0.0 };
    // The base filter's states (from zero) and each column's: level,
    // trend, and the season as a ring (term t mod m is used at time t).
    let (mut level, mut trend) = (0.0, 0.0);
    let mut season = vec![0.0; m];
    let mut d_level = vec![0.0; p];
    let mut d_trend = vec![0.0; p];
    let mut d_season = vec![0.0; m * p];
    let first_season = 1 + usize::from(model.has_trend());
    d_level[0] = 1.0;
    if model.has_trend() {
        d_trend[1] = 1.0;
    }
    // Free seasonal coordinate i sets term i to 1 and the last, which
    // keeps the season summing to 0, to −1.
    for i in 0..m - 1 {
        let j = first_season + i;
        d_season[i * p + j] = 1.0;
        d_season[(m - 1) * p + j] = -1.0;
    }
    let mut normal = vec![vec![0.0; p + 1]; p];
    let mut row = vec![0.0; p];
    for (t, value) in y.iter().enumerate() {
        let k = t % m;
        let terms = &mut d_season[k * p..(k + 1) * p];
        let forecast = level + phi * trend + season[k];
        let e0 = value.map_or(0.0, |v| v - forecast);
        level += phi * trend + s.alpha * e0;
        trend = phi * trend + s.beta * e0;
        season[k] += s.gamma * e0;
        for (j, de) in row.iter_mut().enumerate() {
            *de = if value.is_some() {
                -(d_level[j] + phi * d_trend[j] + terms[j])
            } else {
                0.0
            };
            d_level[j] += phi * d_trend[j] + s.alpha * *de;
            d_trend[j] = phi * d_trend[j] + s.beta * *de;
            terms[j] += s.gamma * *de;
        }
        if value.is_some() {
            for (i, normal_row) in normal.iter_mut().enumerate() {
                let a = row[i];
                for (cell, b) in normal_row[..=i].iter_mut().zip(&row) {
                    *cell += a * b;
                }
                normal_row[p] -= a * e0;
            }
        }
    }
    // The upper triangle from the lower.
    for j in 1..p {
        let (above, below) = normal.split_at_mut(j);
        for (i, row) in above.iter_mut().enumerate() {
            row[j] = below[0][i];
        }
    }
    solve(normal).map(|x| states_from(model, m, &x))
}

/// Gaussian elimination with partial pivoting on an augmented matrix.
fn solve(mut a: Vec<Vec<f64>>) -> Option<Vec<f64>> {
    let n = a.len();
    for col in 0..n {
        let pivot = (col..n).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() <= 1e-300 || a[pivot][col].is_nan() {
            return None;
        }
        a.swap(col, pivot);
        let pivot_row = a[col].clone();
        for row in a.iter_mut().skip(col + 1) {
            let factor = row[col] / pivot_row[col];
            for (value, p) in row.iter_mut().zip(&pivot_row).skip(col) {
                *value -= factor * p;
            }
        }
    }
    let mut x = vec![0.0; n];
    for row in (0..n).rev() {
        let rest: f64 = (row + 1..n).map(|k| a[row][k] * x[k]).sum();
        x[row] = (a[row][n] - rest) / a[row][row];
    }
    x.iter().all(|v| v.is_finite()).then_some(x)
}

/// Starting states: the first season's mean as the level and each value's
/// difference from it (ratio, if multiplicative) as the season; no trend.
/// Missing values in the first season take the season's mean.
fn starting_states(model: EtsModel, y: &[Option<f64>], m: usize) -> States {
    let first: Vec<f64> = y.iter().take(2 * m).flatten().copied().collect();
    let level = if first.is_empty() {
        1.0
    } else {
        first.iter().sum::<f64>() / first.len() as f64
    };
    let season = (0..m)
        .map(|i| {
            let same: Vec<f64> = y
                .iter()
                .skip(i)
                .step_by(m)
                .take(2)
                .flatten()
                .copied()
                .collect();
            let v = if same.is_empty() {
                level
            } else {
                same.iter().sum::<f64>() / same.len() as f64
            };
            if model.multiplicative() {
                if level > 0.0 {
                    v / level
                } else {
                    1.0
                }
            } else {
                v - level
            }
        })
        .collect();
    States {
        level,
        trend: 0.0,
        season,
    }
}

/// Initial states by statsmodels' heuristic (`_initialization_heuristic`,
/// after Hyndman et al. 2008, §2.6.1), for Holt–Winters with fixed
/// constants: a centred moving average of the first k seasons (k = 5, or
/// fewer in a short series, at least 10 + 2⌊m/2⌋ values), the season as
/// the mean of each phase's difference from it (centred to sum 0), the
/// level and trend as the intercept and slope of a line through the first
/// ten moving-average values at t = 1, 2, …. None when the series is
/// shorter than two seasons or ten values, or has a missing value there.
/// A test oracle (feature `oracles`), as [`holt_winters_additive`] uses it.
#[cfg(any(test, feature = "oracles"))]
pub fn heuristic_states(y: &[Option<f64>], m: usize) -> Option<States> {
    let n = y.len();
    let half = m / 2;
    if m < 2 || n < 10 || n < 2 * m || n < 10 + 2 * half {
        return None;
    }
    let cycles = (n / m).min(5).max((10 + 2 * half).div_ceil(m));
    let x: Vec<f64> = y.iter().take(m * cycles).copied().collect::<Option<_>>()?;
    let len = x.len();
    let mean = |xs: &[f64]| xs.iter().sum::<f64>() / xs.len() as f64;
    let moving: Vec<Option<f64>> = (0..len)
        .map(|t| {
            if m % 2 == 1 {
                (t >= half && t + half < len).then(|| mean(&x[t - half..=t + half]))
            } else {
                (t >= half && t + half < len).then(|| {
                    (mean(&x[t - half..t + half]) + mean(&x[t - half + 1..=t + half])) / 2.0
                })
            }
        })
        .collect();
    let mut season: Vec<f64> = (0..m)
        .map(|j| {
            let d: Vec<f64> = (j..len)
                .step_by(m)
                .filter_map(|t| moving[t].map(|ma| x[t] - ma))
                .collect();
            if d.is_empty() {
                0.0
            } else {
                mean(&d)
            }
        })
        .collect();
    let centre = mean(&season);
    season.iter_mut().for_each(|v| *v -= centre);
    let z: Vec<f64> = moving.iter().flatten().take(10).copied().collect();
    let ts: Vec<f64> = (1..=z.len()).map(|t| t as f64).collect();
    let (t_mean, z_mean) = (mean(&ts), mean(&z));
    let slope = ts
        .iter()
        .zip(&z)
        .map(|(t, v)| (t - t_mean) * (v - z_mean))
        .sum::<f64>()
        / ts.iter().map(|t| (t - t_mean).powi(2)).sum::<f64>();
    Some(States {
        level: z_mean - slope * t_mean,
        trend: slope,
        season,
    })
}

/// Holt–Winters' additive method with fixed constants (α, Holt's β, γ,
/// φ) from heuristic initial states: the same recursion as ETS(A,Ad,A)
/// with β_ETS = α·β (Hyndman et al. 2008, §2.5), or ETS(A,N,A) without a
/// trend. Returns the one-step fitted values, their SSE and the forecast.
/// A test oracle (feature `oracles`): statsmodels' `ExponentialSmoothing`
/// with fixed constants, to check the recursions against.
#[cfg(any(test, feature = "oracles"))]
pub fn holt_winters_additive(
    y: &[Option<f64>],
    m: usize,
    smoothing: Smoothing,
    damped_trend: bool,
    horizon: usize,
) -> Option<(Filtered, Vec<f64>)> {
    let mut initial = heuristic_states(y, m)?;
    let model = if damped_trend {
        EtsModel::AddA
    } else {
        EtsModel::Ana
    };
    if !damped_trend {
        initial.trend = 0.0;
    }
    let s = Smoothing {
        beta: smoothing.alpha * smoothing.beta,
        ..smoothing
    };
    let filtered = filter(model, &s, &initial, y);
    let fit = Fit(FitFields {
        model,
        smoothing: s,
        initial,
        last: filtered.last.clone(),
        sigma2: 0.0,
        log_likelihood: 0.0,
        aicc: 0.0,
        observations: filtered.observed,
        parameters: 0,
        fitted: Vec::new(),
    });
    let mean = forecast(&fit, horizon, 0.5).mean;
    Some((filtered, mean))
}

/// The polish's tolerance on −log L for a series of `n` values: `base`,
/// or the rounding noise of −log L itself when that is larger. −log L sums
/// n terms whose rounding errors add up to about ε·n^1.5 (the sum of
/// squares to ε·√n relative, times n/2), so a search asked for less than
/// that never converges and spends its whole budget on noise.
fn polish_tolerance(base: f64, n: usize) -> f64 {
    base.max(f64::EPSILON * (n as f64).powf(1.5))
}

/// Observed values searched in full: a longer series is searched on its
/// first this many (or twice the values the model needs, if more), and
/// the answer polished on the whole series.
const SEARCHED_VALUES: usize = 400;

/// Objective evaluations each round of the polish on the whole series may
/// spend, and its rounds (a restart from where a round stopped, while a
/// round still improves): at most 1 200 evaluations of n steps.
const POLISH_EVALUATIONS: usize = 400;
const POLISH_ROUNDS: usize = 3;

/// How far one Nelder–Mead search goes: its tolerance on −log L, its
/// evaluations per round, and its rounds (restarts).
struct Search {
    tolerance: f64,
    max_evaluations: usize,
    rounds: usize,
}

/// The search coordinates of `model` that minimise −log L on `y`, from
/// each of `starts`, with `search`'s settings: the best point and value.
fn search(
    model: EtsModel,
    y: &[Option<f64>],
    m: usize,
    starts: &[Vec<f64>],
    settings: &Search,
) -> Option<(Vec<f64>, f64)> {
    let mut best: Option<(Vec<f64>, f64)> = None;
    for start in starts {
        // ETS(M,N,M)'s states are searched too: steps of 5 % of each
        // coordinate; the smoothing alone by steps of 0.05.
        let steps: fn(&[f64]) -> Vec<f64> = if model.multiplicative() {
            |p| p.iter().map(|v| 0.05 * v.abs().max(0.01)).collect()
        } else {
            |p| vec![0.05; p.len()]
        };
        let found = nelder_mead_restarted(
            |p: &[f64]| objective(model, y, m, p),
            start,
            steps,
            settings.tolerance,
            settings.max_evaluations,
            settings.rounds,
        );
        if smoothing_from(model, &found.point).is_some()
            && found.value.is_finite()
            && best.as_ref().is_none_or(|b| found.value < b.1)
        {
            best = Some((found.point, found.value));
        }
    }
    best
}

/// The level's scale in a multiplicative model's search coordinates (the
/// first seasons' mean, at least 1): the same for a series and any prefix
/// of it holding its first two seasons.
fn level_scale(y: &[Option<f64>], m: usize) -> f64 {
    starting_states(EtsModel::Mnm, y, m).level.max(1.0)
}

/// The smoothing and initial states at search coordinates `p` (None
/// outside the region searched): for ETS(M,N,M) the states are
/// coordinates (the level over [`level_scale`]), for the additive models
/// they are the best for the smoothing ([`best_initial_states`]).
fn model_at(
    model: EtsModel,
    y: &[Option<f64>],
    m: usize,
    p: &[f64],
) -> Option<(Smoothing, States)> {
    let s = smoothing_from(model, p)?;
    if model.multiplicative() {
        if !(p[2] > 0.0 && p[3..].iter().all(|v| *v > 0.0)) {
            return None;
        }
        let mut x = vec![p[2] * level_scale(y, m)];
        x.extend_from_slice(&p[3..]);
        Some((s, states_from(model, m, &x)))
    } else {
        best_initial_states(model, &s, y, m).map(|x| (s, x))
    }
}

/// −log L at search coordinates `p`; infinite outside the region.
fn objective(model: EtsModel, y: &[Option<f64>], m: usize, p: &[f64]) -> f64 {
    model_at(model, y, m, p).map_or(f64::INFINITY, |(s, x)| {
        negative_log_likelihood(model, &filter(model, &s, &x, y))
    })
}

/// Fits `model` with season length `m` to `y` (None = missing) by maximum
/// likelihood.
///
/// The smoothing parameters (and ETS(M,N,M)'s initial states) are searched
/// by Nelder–Mead from two starting points, restarted until a restart no
/// longer improves. Every evaluation filters the whole series, so on a
/// long series that search would cost its evaluations times n, and its
/// evaluations grow with n too (−log L's rounding noise grows with n
/// while the tolerance does not): 10 000 daily values took two minutes.
/// A series with more than [`SEARCHED_VALUES`] observed values (or twice
/// what the model needs) is therefore searched on its first that many —
/// the same initial states, as they are the first values' — and the best
/// point then polished on the whole series by at most
/// [`POLISH_ROUNDS`] × [`POLISH_EVALUATIONS`] evaluations: the work is a
/// constant plus a multiple of n (times p² for the additive models' least
/// squares, p the free initial states). A shorter series is searched
/// whole, as before.
pub fn fit(model: EtsModel, y: &[Option<f64>], m: usize) -> Result<Fit, FitError> {
    check_series(y, m)?;
    let observed = y.iter().flatten().count();
    let parameters = smoothing_count(model) + free_states(model, m) + 1;
    // The AICc needs n > k + 1; ask for a season more than that.
    let needed = parameters + 2 + m;
    if observed < needed {
        return Err(FitError::TooShort {
            model: model.name(),
            needed,
            got: observed,
        });
    }
    if model.multiplicative() {
        if let Some(i) = y.iter().position(|v| *v == Some(0.0)) {
            return Err(FitError::NotPositive(i));
        }
    }
    let smoothing_starts: [&[f64]; 2] = if model.has_trend() {
        [&[0.3, 0.05, 0.95, 0.1], &[0.7, 0.1, 0.9, 0.05]]
    } else {
        [&[0.3, 0.1], &[0.7, 0.05]]
    };
    let (tolerance, max_evaluations, rounds) = if model.multiplicative() {
        (1e-10, 20_000, 20)
    } else {
        (1e-12, 10_000, 10)
    };
    let starts: Vec<Vec<f64>> = smoothing_starts
        .iter()
        .map(|start| {
            let mut point = start.to_vec();
            if model.multiplicative() {
                let st = starting_states(model, y, m);
                point.push(st.level / level_scale(y, m));
                point.extend_from_slice(&st.season[..m - 1]);
            }
            point
        })
        .collect();
    let full = Search {
        tolerance,
        max_evaluations,
        rounds,
    };
    // The shortest prefix holding the values searched in full (and the
    // first two seasons, for the level's scale).
    let searched = SEARCHED_VALUES.max(2 * needed);
    let prefix = y
        .iter()
        .scan(0, |seen, v| {
            *seen += usize::from(v.is_some());
            Some(*seen)
        })
        .position(|seen| seen == searched)
        .map(|i| i + 1)
        .filter(|&len| len < y.len() && len >= 2 * m);
    let best = match prefix {
        None => search(model, y, m, &starts, &full),
        Some(len) => search(model, &y[..len], m, &starts, &full).and_then(|(point, _)| {
            let polish = Search {
                tolerance: polish_tolerance(tolerance, y.len()),
                max_evaluations: POLISH_EVALUATIONS,
                rounds: POLISH_ROUNDS,
            };
            search(model, y, m, &[point], &polish)
        }),
    };
    let (point, neg_ll) = best.ok_or(FitError::NoFit)?;
    let (smoothing, initial) = model_at(model, y, m, &point).ok_or(FitError::NoFit)?;
    let filtered = filter(model, &smoothing, &initial, y);
    Ok(Fit::from_filtered(
        model, smoothing, initial, filtered, -neg_ll, parameters,
    ))
}

/// Point forecasts and a prediction interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Forecast {
    pub mean: Vec<f64>,
    pub lower: Vec<f64>,
    pub upper: Vec<f64>,
    /// The interval's coverage, e.g. 0.95.
    pub level: f64,
}

/// Sample paths drawn for a multiplicative model's interval (seeded).
const SIMULATED_PATHS: usize = 5_000;

/// Forecasts `horizon` steps ahead with a `level` prediction interval.
///
/// Additive models: the mean is the recursion run forward with e = 0 and
/// the h-step variance is σ²·(1 + Σ_{j=1}^{h−1} c_j²), with
/// c_j = α + β·(φ + … + φ^j) + γ·[j mod m = 0] (Hyndman et al. 2008,
/// table 6.1, class 1), so the interval is mean ± z·√variance.
/// ETS(M,N,M) has no such formula (class 3): its interval is read from
/// 5 000 simulated sample paths (path p seeded with p) and its mean is the point forecast
/// l·s, the mean to first order.
pub fn forecast(fit: &Fit, horizon: usize, level: f64) -> Forecast {
    let m = fit.0.last.season.len();
    let s = &fit.0.smoothing;
    let last = &fit.0.last;
    let z = standard_normal_quantile(0.5 + level / 2.0);
    let mut mean = Vec::with_capacity(horizon);
    let mut lower = Vec::with_capacity(horizon);
    let mut upper = Vec::with_capacity(horizon);
    if fit.0.model.multiplicative() {
        let mut paths = vec![Vec::with_capacity(SIMULATED_PATHS); horizon];
        let sigma = fit.0.sigma2.sqrt();
        for path in 0..SIMULATED_PATHS {
            // A stream per path: the first days' draws do not depend on
            // how many days are forecast.
            let mut rng = ChaCha8Rng::seed_from_u64(path as u64);
            let mut l = last.level;
            let mut season = last.season.clone();
            for (h, path) in paths.iter_mut().enumerate() {
                let draw: f64 = StandardNormal.sample(&mut rng);
                let e = sigma * draw;
                let i = h % m;
                let point = l * season[i];
                path.push(point * (1.0 + e));
                l *= 1.0 + s.alpha * e;
                season[i] *= 1.0 + s.gamma * e;
            }
        }
        for (h, mut draws) in paths.into_iter().enumerate() {
            draws.sort_by(f64::total_cmp);
            let at = |q: f64| {
                draws[((q * (draws.len() - 1) as f64).round() as usize).min(draws.len() - 1)]
            };
            mean.push(last.level * last.season[h % m]);
            lower.push(at(0.5 - level / 2.0));
            upper.push(at(0.5 + level / 2.0));
        }
    } else {
        let mut phi_sum = 0.0;
        let mut phi_power = 1.0;
        let mut variance_factor = 1.0;
        for h in 1..=horizon {
            phi_power *= if fit.0.model.has_trend() { s.phi } else { 0.0 };
            phi_sum += phi_power;
            let point = last.level + phi_sum * last.trend + last.season[(h - 1) % m];
            let half = z * (fit.0.sigma2 * variance_factor).sqrt();
            mean.push(point);
            lower.push(point - half);
            upper.push(point + half);
            // c_h for the next step's variance.
            let c = s.alpha + s.beta * phi_sum + if h % m == 0 { s.gamma } else { 0.0 };
            variance_factor += c * c;
        }
    }
    Forecast {
        mean,
        lower,
        upper,
        level,
    }
}

/// The standard normal quantile Φ⁻¹(p) (see `special::normal_quantile`),
/// with `p` clamped into (1e-300, 1 − 1e-16) and NaN read as ½.
pub fn standard_normal_quantile(p: f64) -> f64 {
    let p = if p.is_nan() {
        0.5
    } else {
        p.clamp(1e-300, 1.0 - 1e-16)
    };
    crate::special::normal_quantile(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Smoothing of a level and a season, without a trend.
    const SEASONAL_ONLY: Smoothing = Smoothing {
        alpha: 0.3,
        beta: 0.0,
        gamma: 0.1,
        phi: 1.0,
    };

    /// A fit read back keeps its shape and values; one with no season (a
    /// forecast would divide by zero) is refused.
    #[test]
    fn a_deserialised_fit_is_checked() {
        let y: Vec<Option<f64>> = (0..40)
            .map(|t| Some(100.0 + f64::from(t % 5) * 10.0))
            .collect();
        let smoothing = SEASONAL_ONLY;
        let initial = States {
            level: 120.0,
            trend: 0.0,
            season: vec![-20.0, -10.0, 0.0, 10.0, 20.0],
        };
        let fit = Fit::with_parameters(EtsModel::Ana, smoothing, initial.clone(), &y).unwrap();
        let json = serde_json::to_value(&fit).unwrap();
        assert_eq!(serde_json::from_value::<Fit>(json.clone()).unwrap(), fit);
        let mut empty = json;
        empty["last"]["season"] = serde_json::json!([]);
        empty["initial"]["season"] = serde_json::json!([]);
        assert!(serde_json::from_value::<Fit>(empty).is_err());
        let no_season = States {
            season: Vec::new(),
            ..initial
        };
        assert_eq!(
            Fit::with_parameters(EtsModel::Ana, smoothing, no_season, &y),
            Err(FitError::Season(0))
        );
    }

    /// Two seasons of a clean additive pattern, repeated.
    fn seasonal(days: usize) -> Vec<Option<f64>> {
        let shape = [120.0, 100.0, 95.0, 90.0, 80.0];
        (0..days)
            .map(|t| Some(1000.0 + shape[t % 5] + (t as f64 * 0.7).sin()))
            .collect()
    }

    /// The initial states as the least squares once found them: a filter
    /// per free coordinate from its unit states, every column kept.
    fn initial_states_by_columns(
        model: EtsModel,
        s: &Smoothing,
        y: &[Option<f64>],
        m: usize,
    ) -> Option<States> {
        let p = free_states(model, m);
        let errors = |x: &[f64]| -> Vec<f64> {
            let f = filter(model, s, &states_from(model, m, x), y);
            y.iter()
                .zip(&f.fitted)
                .filter_map(|(v, fit)| v.map(|v| v - fit))
                .collect()
        };
        let zero = vec![0.0; p];
        let e0 = errors(&zero);
        let columns: Vec<Vec<f64>> = (0..p)
            .map(|i| {
                let mut unit = zero.clone();
                unit[i] = 1.0;
                errors(&unit).iter().zip(&e0).map(|(e, b)| e - b).collect()
            })
            .collect();
        let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(a, b)| a * b).sum::<f64>();
        let normal = (0..p)
            .map(|i| {
                let mut row: Vec<f64> = (0..p).map(|j| dot(&columns[i], &columns[j])).collect();
                row.push(-dot(&columns[i], &e0));
                row
            })
            .collect();
        solve(normal).map(|x| states_from(model, m, &x))
    }

    /// The one-pass least squares finds the states the filters per column
    /// found, with and without a trend, over missing values.
    #[test]
    fn one_pass_initial_states_match_a_filter_per_column() {
        let mut y = seasonal(90);
        y[7] = None;
        y[40] = None;
        y[41] = None;
        let smoothing = Smoothing {
            alpha: 0.4,
            beta: 0.05,
            gamma: 0.2,
            phi: 0.9,
        };
        for model in [EtsModel::Ana, EtsModel::AddA] {
            let s = if model.has_trend() {
                smoothing
            } else {
                Smoothing {
                    beta: 0.0,
                    ..smoothing
                }
            };
            let one_pass = best_initial_states(model, &s, &y, 5).unwrap();
            let columns = initial_states_by_columns(model, &s, &y, 5).unwrap();
            let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
            assert!(close(one_pass.level, columns.level), "{model:?}");
            assert!(close(one_pass.trend, columns.trend), "{model:?}");
            for (a, b) in one_pass.season.iter().zip(&columns.season) {
                assert!(close(*a, *b), "{model:?}: {a} vs {b}");
            }
        }
    }

    /// A long series is searched on its first values and polished on all
    /// of them: the fit is as good as the prefix's point on the whole
    /// series, and its figures are finite.
    #[test]
    fn a_long_series_is_polished_after_a_search_on_its_start() {
        let y: Vec<Option<f64>> = (0..2_000)
            .map(|t| {
                let shape = [120.0, 100.0, 95.0, 90.0, 80.0][t % 5];
                Some(1000.0 + shape + 30.0 * (t as f64 * 0.7).sin() + 0.01 * t as f64)
            })
            .collect();
        for model in EtsModel::ALL {
            let fit = fit(model, &y, 5).unwrap();
            assert_eq!(fit.observations(), 2_000);
            assert!(
                fit.aicc().is_finite() && fit.sigma2().is_finite(),
                "{model:?}"
            );
            let f = forecast(&fit, 10, 0.95);
            assert!(
                f.mean.iter().all(|v| (900.0..1300.0).contains(v)),
                "{model:?}: {f:?}"
            );
        }
    }

    #[test]
    fn normal_quantiles() {
        assert!((standard_normal_quantile(0.975) - 1.959963984540054).abs() < 1e-8);
        assert!((standard_normal_quantile(0.9) - 1.2815515655446004).abs() < 1e-8);
        assert_eq!(standard_normal_quantile(0.5), 0.0);
        assert!((standard_normal_quantile(0.001) + 3.090232306167813).abs() < 1e-8);
    }

    #[test]
    fn a_missing_value_carries_the_states_on() {
        let s = SEASONAL_ONLY;
        let init = States {
            level: 10.0,
            trend: 0.0,
            season: vec![1.0, -1.0],
        };
        let f = filter(EtsModel::Ana, &s, &init, &[Some(12.0), None, Some(11.0)]);
        // t=1: ŷ = 11, e = 1 → l = 10.3, season [−1, 1.1]; t=2 missing: ŷ = 9.3;
        // t=3: ŷ = 10.3 + 1.1 = 11.4, e = −0.4.
        assert_eq!(f.observed, 2);
        assert!((f.fitted[1] - 9.3).abs() < 1e-12);
        assert!((f.fitted[2] - 11.4).abs() < 1e-12);
        assert!((f.sse - (1.0 + 0.16)).abs() < 1e-12);
    }

    #[test]
    fn fits_recover_a_clean_season_and_forecast_it() {
        let y = seasonal(60);
        for model in EtsModel::ALL {
            let fit = fit(model, &y, 5).unwrap();
            let f = forecast(&fit, 10, 0.95);
            for (h, v) in f.mean.iter().enumerate() {
                let expected = y[(60 + h) % 5 + 50].unwrap();
                assert!(
                    (v - expected).abs() < 3.0,
                    "{model:?} h={h}: {v} vs {expected}"
                );
            }
            assert!(f
                .lower
                .iter()
                .zip(&f.mean)
                .zip(&f.upper)
                .all(|((l, m), u)| l < m && m < u));
            assert!(fit.aicc().is_finite());
        }
    }

    #[test]
    fn bad_series_get_typed_errors() {
        assert_eq!(
            fit(EtsModel::Ana, &seasonal(60), 1),
            Err(FitError::Season(1))
        );
        assert!(matches!(
            fit(EtsModel::Ana, &seasonal(8), 5),
            Err(FitError::TooShort { .. })
        ));
        let mut y = seasonal(60);
        y[3] = Some(-1.0);
        assert!(matches!(
            fit(EtsModel::Ana, &y, 5),
            Err(FitError::Value { index: 3, .. })
        ));
        y[3] = Some(f64::NAN);
        assert!(matches!(
            fit(EtsModel::Ana, &y, 5),
            Err(FitError::Value { index: 3, .. })
        ));
        y[3] = Some(0.0);
        assert_eq!(fit(EtsModel::Mnm, &y, 5), Err(FitError::NotPositive(3)));
        let flat = vec![Some(5.0); 40];
        // A constant series has SSE 0 at the optimum: no likelihood, a typed error or a fit, never NaN.
        if let Ok(f) = fit(EtsModel::Ana, &flat, 5) {
            assert!(forecast(&f, 5, 0.9).mean.iter().all(|v| v.is_finite()));
        }
    }
}
