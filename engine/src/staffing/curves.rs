//! Staffing curves: the figures at every staffing in a range, for charts.

use super::figures::metrics_from_blocking;
use super::{Metrics, Model};
use crate::erlang_b::Blocking;
use crate::error::{
    check_agents, check_aht, check_threshold, check_traffic, Error, Result, MAX_CURVE_POINTS,
};
use serde::Serialize;

/// One point of a staffing curve; `metrics` is `None` where an Erlang C
/// queue is unstable.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CurvePoint {
    pub agents: u32,
    pub metrics: Option<Metrics>,
}

/// Figures for every whole `N` in `first..=last`, one Erlang B recursion
/// for the whole range.
pub fn staffing_curve(
    traffic: f64,
    aht_s: f64,
    model: Model,
    target_s: f64,
    first: u32,
    last: u32,
) -> Result<Vec<CurvePoint>> {
    let traffic = check_traffic(traffic)?;
    let aht_s = check_aht(aht_s)?;
    let model = model.validate(aht_s)?;
    let target_s = check_threshold(target_s)?;
    check_agents(f64::from(last))?;
    if last < first {
        return Ok(Vec::new());
    }
    let points = (last - first) as usize + 1;
    if points > MAX_CURVE_POINTS {
        return Err(Error::TooLarge {
            what: "staffing curve",
            value: points as f64,
            max: MAX_CURVE_POINTS as f64,
        });
    }
    let mut blocking = Blocking::at(traffic, f64::from(first));
    let mut curve = Vec::with_capacity(points);
    for agents in first..=last {
        if agents > first {
            blocking = blocking.next(traffic);
        }
        curve.push(CurvePoint {
            agents,
            metrics: metrics_from_blocking(traffic, aht_s, model, &blocking, target_s)?,
        });
    }
    Ok(curve)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::staffing::metrics;

    #[test]
    fn curve_matches_point_evaluations() {
        let curve = staffing_curve(20.0, 300.0, Model::ErlangC, 20.0, 15, 30).unwrap();
        assert_eq!(curve.len(), 16);
        assert!(curve
            .iter()
            .take_while(|p| p.agents <= 20)
            .all(|p| p.metrics.is_none()));
        for point in &curve {
            let single =
                metrics(20.0, 300.0, Model::ErlangC, f64::from(point.agents), 20.0).unwrap();
            assert_eq!(point.metrics, single);
        }
        assert!(staffing_curve(20.0, 300.0, Model::ErlangC, 20.0, 0, 20_000).is_err());
    }
}
