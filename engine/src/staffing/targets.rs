//! What a staffing is asked for: the queueing model it is computed with and
//! the targets it must meet, each target a [`Limit`].
//!
//! [`Targets`] can only be built valid ([`Targets::new`] and its `with_…`
//! caps refuse what no number of agents can meet), so a requirement search
//! that receives one never runs forever and never checks it again.

use super::Metrics;
use crate::error::{check_patience, check_patience_per_aht, check_threshold, Error, Result};
use serde::{Deserialize, Serialize, Serializer};

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

/// What the staffing must achieve. The service-level target applies to calls
/// answered within `target_s` over all offered calls (under Erlang C all
/// calls are answered, so the definitions coincide).
///
/// Built only through [`Targets::new`] and the `with_…` caps, which refuse
/// targets no number of agents can meet (100 % service level, 0 s ASA, 0 %
/// abandonment): every `Targets` value is one a search can reach, and a
/// deserialised one is checked the same way. Serialised as the plain
/// fields, as before the fields were private.
///
/// ```
/// use ccplan_engine::staffing::Targets;
/// let targets = Targets::new(0.8, 20.0)?.with_max_occupancy(0.85)?;
/// assert_eq!(targets.max_occupancy(), Some(0.85));
/// assert!(Targets::new(1.0, 20.0).is_err());
/// # Ok::<(), ccplan_engine::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(try_from = "TargetsFields")]
pub struct Targets(TargetsFields);

/// The fields of [`Targets`] and its serialised form, checked on the way in.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
struct TargetsFields {
    service_level: f64,
    target_s: f64,
    max_asa_s: Option<f64>,
    max_abandon: Option<f64>,
    max_occupancy: Option<f64>,
}

impl Serialize for Targets {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl TryFrom<TargetsFields> for Targets {
    type Error = Error;

    fn try_from(fields: TargetsFields) -> Result<Self> {
        Targets::new(fields.service_level, fields.target_s)?
            .with_max_asa_s(fields.max_asa_s)?
            .with_max_abandon(fields.max_abandon)?
            .with_max_occupancy(fields.max_occupancy)
    }
}

impl Targets {
    /// A service-level target with no further caps: `service_level` in
    /// (0, 1) answered within `target_s` seconds (0.8 and 20 for "80/20").
    pub fn new(service_level: f64, target_s: f64) -> Result<Self> {
        if !(service_level > 0.0 && service_level < 1.0) {
            return Err(Error::ServiceLevelTarget(service_level));
        }
        let target_s = check_threshold(target_s)?;
        Ok(Targets(TargetsFields {
            service_level,
            target_s,
            max_asa_s: None,
            max_abandon: None,
            max_occupancy: None,
        }))
    }

    /// These targets with the highest acceptable mean wait of answered
    /// calls, seconds, positive and finite (`None`: no cap).
    pub fn with_max_asa_s(self, cap: impl Into<Option<f64>>) -> Result<Self> {
        let valid = |asa: f64| asa > 0.0 && asa.is_finite();
        self.with_cap(cap.into(), valid, Error::MaxAsa, |f| &mut f.max_asa_s)
    }

    /// These targets with the highest acceptable share of abandoned calls,
    /// in (0, 1] (`None`: no cap).
    pub fn with_max_abandon(self, cap: impl Into<Option<f64>>) -> Result<Self> {
        let valid = |abandon: f64| abandon > 0.0 && abandon <= 1.0;
        self.with_cap(cap.into(), valid, Error::MaxAbandon, |f| &mut f.max_abandon)
    }

    /// These targets with the highest acceptable occupancy, in (0, 1]
    /// (`None`: no cap).
    pub fn with_max_occupancy(self, cap: impl Into<Option<f64>>) -> Result<Self> {
        let valid = |occupancy: f64| occupancy > 0.0 && occupancy <= 1.0;
        self.with_cap(cap.into(), valid, Error::MaxOccupancy, |f| {
            &mut f.max_occupancy
        })
    }

    /// These targets with `cap` in the field `slot` picks, when it is unset
    /// or `valid`; else the error `refused` names.
    fn with_cap(
        self,
        cap: Option<f64>,
        valid: impl Fn(f64) -> bool,
        refused: fn(f64) -> Error,
        slot: fn(&mut TargetsFields) -> &mut Option<f64>,
    ) -> Result<Self> {
        if let Some(value) = cap.filter(|value| !valid(*value)) {
            return Err(refused(value));
        }
        let mut fields = self.0;
        *slot(&mut fields) = cap;
        Ok(Targets(fields))
    }

    /// Share answered within [`Targets::target_s`], in (0, 1).
    pub fn service_level(&self) -> f64 {
        self.0.service_level
    }

    /// Service-level threshold, seconds: 20 for "80/20".
    pub fn target_s(&self) -> f64 {
        self.0.target_s
    }

    /// Highest acceptable mean wait of answered calls, seconds.
    pub fn max_asa_s(&self) -> Option<f64> {
        self.0.max_asa_s
    }

    /// Highest acceptable share of abandoned calls, in (0, 1].
    pub fn max_abandon(&self) -> Option<f64> {
        self.0.max_abandon
    }

    /// Highest acceptable occupancy, in (0, 1].
    pub fn max_occupancy(&self) -> Option<f64> {
        self.0.max_occupancy
    }

    /// The service-level target alone, without the caps.
    pub fn service_level_only(&self) -> Self {
        Targets(TargetsFields {
            max_asa_s: None,
            max_abandon: None,
            max_occupancy: None,
            ..self.0
        })
    }

    /// These targets as the search for `limit` alone sees them: the
    /// occupancy cap, whose floor `⌈A / cap⌉` may shortcut a search, is kept
    /// only for the occupancy limit's own search.
    pub(crate) fn for_limit_alone(&self, limit: Limit) -> Self {
        Targets(TargetsFields {
            max_occupancy: self
                .0
                .max_occupancy
                .filter(|_| limit == Limit::MaxOccupancy),
            ..self.0
        })
    }

    /// Whether figures meet every target.
    pub fn met_by(&self, m: &Metrics) -> bool {
        Limit::ALL.into_iter().all(|limit| limit.met_by(self, m))
    }
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
    /// Every target, in the order a requirement by limit reports them.
    pub(crate) const ALL: [Limit; 4] = [
        Limit::ServiceLevel,
        Limit::MaxAsa,
        Limit::MaxAbandon,
        Limit::MaxOccupancy,
    ];

    /// Whether figures meet this one target of `targets`; a target that is
    /// not set is met.
    pub fn met_by(self, targets: &Targets, m: &Metrics) -> bool {
        // No agents for callers (Erlang A): nobody is answered, so the ASA and
        // occupancy of answered calls are empty, not good; no target is met.
        if m.agents == 0.0 && m.p_wait > 0.0 {
            return false;
        }
        match self {
            Limit::ServiceLevel => m.service_level >= targets.0.service_level,
            Limit::MaxAsa => targets.0.max_asa_s.is_none_or(|cap| m.asa_s <= cap),
            Limit::MaxAbandon => targets.0.max_abandon.is_none_or(|cap| m.p_abandon <= cap),
            Limit::MaxOccupancy => targets.0.max_occupancy.is_none_or(|cap| m.occupancy <= cap),
        }
    }

    pub(crate) fn is_set(self, targets: &Targets) -> bool {
        match self {
            Limit::ServiceLevel => true,
            Limit::MaxAsa => targets.0.max_asa_s.is_some(),
            Limit::MaxAbandon => targets.0.max_abandon.is_some(),
            Limit::MaxOccupancy => targets.0.max_occupancy.is_some(),
        }
    }

    /// The relative slack of figures against this target of `targets`
    /// (negative: missed); `None` for a target that is not set.
    pub(crate) fn slack(self, targets: &Targets, m: &Metrics) -> Option<f64> {
        Some(match self {
            Limit::ServiceLevel => {
                (m.service_level - targets.0.service_level) / targets.0.service_level
            }
            Limit::MaxAsa => {
                let cap = targets.0.max_asa_s?;
                (cap - m.asa_s) / cap
            }
            Limit::MaxAbandon => {
                let cap = targets.0.max_abandon?;
                (cap - m.p_abandon) / cap
            }
            Limit::MaxOccupancy => {
                let cap = targets.0.max_occupancy?;
                (cap - m.occupancy) / cap
            }
        })
    }
}

/// Whether figures meet every one of `limits` of `targets`.
pub(crate) fn meets_all(limits: &[Limit], targets: &Targets, m: &Metrics) -> bool {
    limits.iter().all(|limit| limit.met_by(targets, m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_no_staffing_can_meet_are_refused() {
        assert_eq!(Targets::new(1.0, 20.0), Err(Error::ServiceLevelTarget(1.0)));
        assert_eq!(Targets::new(0.0, 20.0), Err(Error::ServiceLevelTarget(0.0)));
        assert!(Targets::new(f64::NAN, 20.0).is_err());
        assert!(Targets::new(0.8, -1.0).is_err());
        let eighty_twenty = Targets::new(0.8, 20.0).unwrap();
        assert_eq!(eighty_twenty.with_max_asa_s(0.0), Err(Error::MaxAsa(0.0)));
        assert!(eighty_twenty.with_max_asa_s(f64::INFINITY).is_err());
        assert_eq!(
            eighty_twenty.with_max_abandon(0.0),
            Err(Error::MaxAbandon(0.0))
        );
        assert_eq!(
            eighty_twenty.with_max_occupancy(1.5),
            Err(Error::MaxOccupancy(1.5))
        );
        assert_eq!(eighty_twenty.with_max_occupancy(None), Ok(eighty_twenty));
    }

    #[test]
    fn deserialising_checks_and_keeps_the_plain_shape() {
        let targets = Targets::new(0.8, 20.0)
            .and_then(|t| t.with_max_occupancy(0.85))
            .unwrap();
        let json = serde_json::to_string(&targets).unwrap();
        assert_eq!(
            json,
            r#"{"service_level":0.8,"target_s":20.0,"max_asa_s":null,"max_abandon":null,"max_occupancy":0.85}"#
        );
        assert_eq!(serde_json::from_str::<Targets>(&json).unwrap(), targets);
        let impossible = json.replace("0.8,", "1.0,");
        assert!(serde_json::from_str::<Targets>(&impossible).is_err());
    }
}
