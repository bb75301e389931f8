//! The one error type of the engine.
//!
//! Every public function validates its inputs at the edge and returns
//! [`Error`] instead of panicking or producing NaN / infinity.

use thiserror::Error as ThisError;

/// Largest offered load accepted, in Erlangs.
pub const MAX_TRAFFIC: f64 = 100_000.0;
/// Largest cost per paid hour (far above any real one; keeps every cost total finite).
pub const MAX_COST_PER_HOUR: f64 = 1e6;
/// Largest number of agents (servers, lines) accepted.
pub const MAX_AGENTS: f64 = 200_000.0;
/// Longest average handle time accepted, seconds (about 11½ days).
pub const MAX_AHT_S: f64 = 1e6;
/// Range of mean patience as a multiple of the handle time. Beyond the top,
/// Erlang A is Erlang C to every printed digit; below the bottom, nobody waits.
pub const PATIENCE_PER_AHT: (f64, f64) = (1e-6, 1e12);
/// Largest number of intervals in one plan (a year of 15-minute intervals fits).
pub const MAX_INTERVALS: usize = 40_000;
/// Largest number of points in one staffing curve.
pub const MAX_CURVE_POINTS: usize = 10_001;
/// Erlang A sums its queue states one by one; in overload with very long
/// patience the queue holds about `(A − N)·patience / AHT` callers, and
/// beyond this many states the request is refused rather than run for seconds.
pub const MAX_QUEUE_STATES: f64 = 5_000_000.0;

/// Why a request cannot be answered.
#[derive(Debug, Clone, PartialEq, ThisError)]
#[non_exhaustive]
pub enum Error {
    /// Offered load (Erlangs) is negative, NaN, infinite or above [`MAX_TRAFFIC`].
    #[error("offered load must be a number from 0 to {MAX_TRAFFIC} Erlangs, got {}", Shown(*.0))]
    Traffic(f64),
    /// Contact volume is negative, NaN or infinite.
    #[error("volume must be a non-negative number, got {}", Shown(*.0))]
    Volume(f64),
    /// Average handle time is not a positive number of seconds up to [`MAX_AHT_S`].
    #[error("average handle time must be a positive number of seconds up to {MAX_AHT_S}, got {}", Shown(*.0))]
    Aht(f64),
    /// Number of agents is negative, NaN, infinite or above [`MAX_AGENTS`].
    #[error("number of agents must be a number from 0 to {MAX_AGENTS}, got {}", Shown(*.0))]
    Agents(f64),
    /// Service-level threshold is negative, NaN or infinite.
    #[error("service-level threshold must be a non-negative number of seconds, got {}", Shown(*.0))]
    Threshold(f64),
    /// Mean patience is not a positive finite number of seconds.
    #[error("mean patience must be a positive number of seconds, got {}", Shown(*.0))]
    Patience(f64),
    /// Mean patience is outside [`PATIENCE_PER_AHT`] times the handle time.
    #[error("mean patience must be between 0.000001 and 1000000000000 times the handle time, got {} times", Shown(*.0))]
    PatienceRatio(f64),
    /// Service-level target outside the open interval (0, 1).
    #[error("service-level target must be above 0 % and below 100 %, got {}", Shown(*.0))]
    ServiceLevelTarget(f64),
    /// Maximum ASA is not a positive finite number of seconds: no number of agents gives an ASA of 0 s.
    #[error("maximum ASA must be above 0 seconds (no staffing gives an ASA of 0 s), got {}", Shown(*.0))]
    MaxAsa(f64),
    /// Maximum abandonment outside (0, 1]: no number of agents gives 0 % abandonment.
    #[error("maximum abandonment must be above 0 % and at most 100 % (no staffing gives 0 % abandonment), got {}", Shown(*.0))]
    MaxAbandon(f64),
    /// Maximum occupancy outside (0, 1].
    #[error("maximum occupancy must be above 0 % and at most 100 %, got {}", Shown(*.0))]
    MaxOccupancy(f64),
    /// Shrinkage outside [0, 1).
    #[error("shrinkage must be at least 0 % and below 100 %, got {}", Shown(*.0))]
    Shrinkage(f64),
    /// Interval length is not a positive finite number of minutes (at most a day).
    #[error("interval length must be above 0 and at most 1440 minutes, got {}", Shown(*.0))]
    IntervalLength(f64),
    /// Cost per hour is negative, NaN, infinite or above [`MAX_COST_PER_HOUR`].
    #[error("cost per hour must be a number from 0 to 1000000, got {}", Shown(*.0))]
    Cost(f64),
    /// A plan with no intervals.
    #[error("a plan needs at least one interval")]
    EmptyPlan,
    /// A reverse plan whose agent list does not match the forecast.
    #[error("expected agents for {expected} intervals, got {got}")]
    IntervalCount { expected: usize, got: usize },
    /// The request is larger than the documented maximum.
    #[error("{what} is too large: {} exceeds the maximum of {}", Shown(*.value), Shown(*.max))]
    TooLarge {
        what: &'static str,
        value: f64,
        max: f64,
    },
    /// The targets need more agents than [`MAX_AGENTS`].
    #[error("the targets need more than {MAX_AGENTS} agents")]
    Unreachable,
    /// A capacity-plan or scorecard input outside its documented range.
    #[error("{what} is out of range, got {}", Shown(*.value))]
    OutOfRange { what: &'static str, value: f64 },
    /// An error in one interval of a plan (0-based index).
    #[error("interval {}: {source}", index + 1)]
    Interval { index: usize, source: Box<Error> },
}

/// A number as messages print it: at most 15 significant digits, and an
/// exponent where plain digits would run long (`1e-320`, not 322
/// characters; `1.5e300`, not 301 digits). The app's boxes show numbers so too.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shown(pub f64);

impl std::fmt::Display for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let value = self.0;
        if value == 0.0 {
            // No "-0".
            return f.write_str("0");
        }
        // No float tail (0.30000000000000004); f64::MAX stays finite.
        let rounded = format!("{value:.14e}")
            .parse::<f64>()
            .ok()
            .filter(|r| r.is_finite())
            .unwrap_or(value);
        if (1e-6..1e15).contains(&rounded.abs()) || !rounded.is_finite() {
            write!(f, "{rounded}")
        } else {
            write!(f, "{rounded:e}")
        }
    }
}

/// Shorthand for results of this crate.
pub type Result<T> = std::result::Result<T, Error>;

pub(crate) fn check_traffic(traffic: f64) -> Result<f64> {
    if traffic.is_finite() && (0.0..=MAX_TRAFFIC).contains(&traffic) {
        Ok(traffic)
    } else {
        Err(Error::Traffic(traffic))
    }
}

pub(crate) fn check_agents(agents: f64) -> Result<f64> {
    if agents.is_finite() && (0.0..=MAX_AGENTS).contains(&agents) {
        Ok(agents)
    } else {
        Err(Error::Agents(agents))
    }
}

pub(crate) fn check_aht(aht_s: f64) -> Result<f64> {
    if aht_s > 0.0 && aht_s <= MAX_AHT_S {
        Ok(aht_s)
    } else {
        Err(Error::Aht(aht_s))
    }
}

pub(crate) fn check_threshold(target_s: f64) -> Result<f64> {
    if target_s.is_finite() && target_s >= 0.0 {
        Ok(target_s)
    } else {
        Err(Error::Threshold(target_s))
    }
}

pub(crate) fn check_patience(patience_s: f64) -> Result<f64> {
    if patience_s.is_finite() && patience_s > 0.0 {
        Ok(patience_s)
    } else {
        Err(Error::Patience(patience_s))
    }
}

pub(crate) fn check_patience_per_aht(patience_s: f64, aht_s: f64) -> Result<f64> {
    let ratio = patience_s / aht_s;
    if (PATIENCE_PER_AHT.0..=PATIENCE_PER_AHT.1).contains(&ratio) {
        Ok(ratio)
    } else {
        Err(Error::PatienceRatio(ratio))
    }
}

/// `value` if it is finite and within `range`, else [`Error::OutOfRange`] naming `what`.
pub(crate) fn check_range(
    what: &'static str,
    value: f64,
    range: std::ops::RangeInclusive<f64>,
) -> Result<f64> {
    if value.is_finite() && range.contains(&value) {
        Ok(value)
    } else {
        Err(Error::OutOfRange { what, value })
    }
}

pub(crate) fn check_shrinkage(shrinkage: f64) -> Result<f64> {
    if shrinkage.is_finite() && (0.0..1.0).contains(&shrinkage) {
        Ok(shrinkage)
    } else {
        Err(Error::Shrinkage(shrinkage))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_readable() {
        assert_eq!(
            Error::Aht(-3.0).to_string(),
            "average handle time must be a positive number of seconds up to 1000000, got -3"
        );
        let nested = Error::Interval {
            index: 4,
            source: Box::new(Error::Volume(f64::NAN)),
        };
        assert_eq!(
            nested.to_string(),
            "interval 5: volume must be a non-negative number, got NaN"
        );
    }

    #[test]
    fn checks_refuse_nan_infinity_and_out_of_range() {
        for bad in [f64::NAN, f64::INFINITY, -1.0, MAX_TRAFFIC * 2.0] {
            assert!(check_traffic(bad).is_err());
        }
        assert_eq!(check_traffic(0.0), Ok(0.0));
        assert!(check_aht(0.0).is_err());
        assert!(check_patience(f64::INFINITY).is_err());
        assert!(check_shrinkage(1.0).is_err());
        assert_eq!(check_shrinkage(0.0), Ok(0.0));
        assert!(check_threshold(-0.5).is_err());
        assert!(check_agents(f64::NEG_INFINITY).is_err());
    }
}
