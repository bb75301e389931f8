//! Scenarios side by side: each one computed, and differences to the first.
//! The staffing outcome is computed here; the capacity plan comes from the
//! projection worker and is filled in when it arrives.

use crate::model::scenario::Inputs;
use ccplan_engine::capacity::CapacityInputs;

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
}

impl Compared {
    /// The capacity plan, once computed and if it could be.
    pub fn plan(&self) -> Option<&Projection> {
        self.projection.as_ref()?.as_ref().ok()
    }

    /// The capacity-plan inputs of this scenario (for the plan's summary).
    pub fn capacity_inputs(&self) -> CapacityInputs {
        capacity_inputs(&self.inputs.staffing, &self.inputs.scorecard)
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
        })
        .collect()
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
}
