//! The figures of one staffing level (service level, waiting, abandonment,
//! occupancy), the same shape for Erlang C and Erlang A.

use crate::erlang_b::Blocking;
use crate::error::{check_agents, check_aht, check_threshold, check_traffic, Result};
use crate::staffing::Model;
use crate::{erlang_a, erlang_c};
use serde::{Deserialize, Serialize};

/// The figures of one staffing level, the same shape for both models.
/// Under Erlang C nobody abandons and `service_level_answered == service_level`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    /// The staffing these figures are for (fractional allowed).
    pub agents: f64,
    /// Probability that a caller finds every agent busy.
    pub p_wait: f64,
    /// Share of callers who hang up before an answer (0 under Erlang C).
    pub p_abandon: f64,
    /// Answered within the threshold over all offered calls.
    pub service_level: f64,
    /// Answered within the threshold over answered calls (the service
    /// level itself under Erlang C).
    pub service_level_answered: f64,
    /// Mean wait of answered calls, seconds.
    pub asa_s: f64,
    /// Share of the agents' time spent handling calls.
    pub occupancy: f64,
    /// Mean number of callers waiting.
    pub queue_length: f64,
}

impl Metrics {
    /// The figures when nobody calls: nothing waits, nothing is missed.
    pub(crate) fn idle(agents: f64) -> Self {
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

    pub(crate) fn from_erlang_a(agents: f64, a: erlang_a::ErlangA) -> Self {
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
    metrics_given(traffic, aht_s, model, agents, target_s, None)
}

/// [`metrics`] with Erlang B at `agents` already computed (by
/// `erlang_b::at_each`, bit for bit `Blocking::at(traffic, agents)`) when
/// `blocking` is given; the same checks first.
pub(crate) fn metrics_given(
    traffic: f64,
    aht_s: f64,
    model: Model,
    agents: f64,
    target_s: f64,
    blocking: Option<&Blocking>,
) -> Result<Option<Metrics>> {
    let traffic = check_traffic(traffic)?;
    let aht_s = check_aht(aht_s)?;
    let model = model.validate(aht_s)?;
    let agents = check_agents(agents)?;
    let target_s = check_threshold(target_s)?;
    let computed;
    let blocking = match blocking {
        Some(blocking) => blocking,
        None => {
            computed = Blocking::at(traffic, agents);
            &computed
        }
    };
    metrics_from_blocking(traffic, aht_s, model, blocking, target_s)
}

/// The figures at an Erlang B state already computed (`blocking.servers`
/// agents), from inputs already checked: the one computation behind
/// [`metrics`], the curves and the requirement searches, so all of them give
/// the same bits for the same state.
pub(crate) fn metrics_from_blocking(
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
