//! Scenarios side by side: each one computed, and differences to the first.
//! The staffing outcome is computed here; the capacity plan comes from the
//! projection worker and is filled in when it arrives.

use crate::model::scenario::Inputs;
use ccplan_engine::capacity::CapacityInputs;

use crate::model::schedule::{ScheduleOutcome, Solved};
use crate::model::scorecard::{capacity_inputs, Projection};
use crate::model::staffing::{compute, Outcome, Problem};

/// One scenario on the comparison page, with everything computed for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Compared {
    pub name: String,
    pub inputs: Inputs,
    pub outcome: Outcome,
    /// `None` while the plan is being computed.
    pub projection: Option<Result<Projection, Problem>>,
    /// The day's shifts (the scenario's templates), `None` while solving.
    pub schedule: Option<ScheduleOutcome>,
}

impl Compared {
    /// The capacity plan, once computed and if it could be.
    pub fn plan(&self) -> Option<&Projection> {
        self.projection.as_ref()?.as_ref().ok()
    }

    /// The solved shifts, once solved and if they could be.
    pub fn shifts(&self) -> Option<&Solved> {
        self.schedule.as_ref()?.result.as_ref().ok()
    }

    /// The capacity-plan inputs of this scenario (for the plan's summary);
    /// `None` when its targets are ones no staffing meets (it has no plan then).
    pub fn capacity_inputs(&self) -> Option<CapacityInputs> {
        capacity_inputs(&self.inputs.staffing, &self.inputs.scorecard).ok()
    }
}

/// Computes each scenario's staffing; its plan is `None` until given.
pub fn compare(scenarios: &[(String, Inputs)]) -> Vec<Compared> {
    scenarios
        .iter()
        .map(|(name, inputs)| Compared {
            name: name.clone(),
            inputs: inputs.clone(),
            outcome: compute(&inputs.staffing),
            projection: None,
            schedule: None,
        })
        .collect()
}

/// A named line of (x, y) points.
pub type Line = (String, Vec<(f64, f64)>);

/// The service-level curves of the compared scenarios, for one chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Curves {
    /// Per scenario: (agents, service level in %) — agents counted from
    /// the scenario's own requirement when `relative`.
    pub lines: Vec<Line>,
    /// The scenarios' agent ranges share no number of agents, so on one
    /// axis of agents each curve would be squeezed into its own corner
    /// (34 agents beside 277): each is drawn around its requirement.
    pub relative: bool,
}

/// Each scenario's curve in agents, or around its requirement when the
/// ranges do not meet (see [`Curves::relative`]).
pub fn curves(list: &[Compared]) -> Curves {
    let absolute: Vec<(Line, Option<f64>)> = list
        .iter()
        .map(|c| {
            let points = c
                .outcome
                .curve
                .iter()
                .filter_map(|p| {
                    p.metrics
                        .map(|m| (f64::from(p.agents), m.service_level * 100.0))
                })
                .collect();
            let required = c
                .outcome
                .interval
                .as_ref()
                .ok()
                .map(|r| f64::from(r.required_agents));
            ((c.name.clone(), points), required)
        })
        .collect();
    let range = |points: &[(f64, f64)]| {
        let first = points.first().map_or(0.0, |p| p.0);
        let last = points.last().map_or(0.0, |p| p.0);
        (first, last)
    };
    let drawn = absolute
        .iter()
        .filter(|((_, points), _)| !points.is_empty());
    let highest_start = drawn
        .clone()
        .map(|((_, p), _)| range(p).0)
        .fold(f64::MIN, f64::max);
    let lowest_end = drawn.map(|((_, p), _)| range(p).1).fold(f64::MAX, f64::min);
    let relative = highest_start > lowest_end;
    let lines = absolute
        .into_iter()
        .map(|((name, points), required)| match (relative, required) {
            (true, Some(required)) => (
                name,
                points
                    .into_iter()
                    .map(|(n, sl)| (n - required, sl))
                    .collect(),
            ),
            (true, None) => (name, Vec::new()),
            (false, _) => (name, points),
        })
        .collect();
    Curves { lines, relative }
}

/// `value − base` and, where `base` is not 0, the relative change.
pub fn difference(value: f64, base: f64) -> (f64, Option<f64>) {
    let delta = value - base;
    (delta, (base != 0.0).then(|| delta / base.abs()))
}

#[cfg(test)]
mod compare_tests {
    use super::*;

    #[test]
    fn compared_scenarios_and_differences() {
        let mut busier = Inputs::default();
        busier.staffing.volume = 300.0;
        let list = compare(&[
            ("Base".into(), Inputs::default()),
            ("Busier".into(), busier),
        ]);
        let agents = |c: &Compared| c.outcome.interval.as_ref().unwrap().required_agents;
        assert!(agents(&list[1]) > agents(&list[0]));
        assert_eq!(difference(12.0, 10.0), (2.0, Some(0.2)));
        assert_eq!(difference(3.0, 0.0), (3.0, None));
    }

    #[test]
    fn curves_share_an_axis_of_agents_unless_their_ranges_do_not_meet() {
        let mut busier = Inputs::default();
        busier.staffing.volume = 300.0;
        let near = curves(&compare(&[
            ("Base".into(), Inputs::default()),
            ("Busier".into(), busier),
        ]));
        assert!(!near.relative);
        assert!(near.lines[0].1.iter().any(|p| p.0 == 40.0));

        let mut huge = Inputs::default();
        huge.staffing.volume = 5000.0;
        let apart = compare(&[("Base".into(), Inputs::default()), ("Huge".into(), huge)]);
        let required: Vec<f64> = apart
            .iter()
            .map(|c| f64::from(c.outcome.interval.as_ref().unwrap().required_agents))
            .collect();
        let drawn = curves(&apart);
        assert!(drawn.relative);
        for ((_, points), (c, required)) in drawn.lines.iter().zip(apart.iter().zip(required)) {
            // Each curve keeps its points and service levels, shifted by its requirement.
            let stable = c
                .outcome
                .curve
                .iter()
                .filter(|p| p.metrics.is_some())
                .count();
            assert_eq!(points.len(), stable);
            let at_requirement = points.iter().find(|p| p.0 == 0.0).unwrap().1;
            let own = c
                .outcome
                .curve
                .iter()
                .find(|p| f64::from(p.agents) == required)
                .unwrap();
            assert_eq!(at_requirement, own.metrics.unwrap().service_level * 100.0);
        }
    }
}
