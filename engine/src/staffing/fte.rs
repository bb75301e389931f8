//! Scheduled FTE: the staff to schedule for a number of agents on the
//! phones, after shrinkage.

use crate::error::{check_agents, check_shrinkage, Result};

/// Staff to schedule so that `agents` are available after `shrinkage`
/// (breaks, meetings, training, absence): `agents / (1 − shrinkage)`.
///
/// ```
/// assert_eq!(ccplan_engine::staffing::scheduled_fte(14.0, 0.3).unwrap(), 20.0);
/// ```
pub fn scheduled_fte(agents: f64, shrinkage: f64) -> Result<f64> {
    let agents = check_agents(agents)?;
    let shrinkage = check_shrinkage(shrinkage)?;
    Ok(agents / (1.0 - shrinkage))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    #[test]
    fn fte_after_shrinkage() {
        assert_eq!(scheduled_fte(0.0, 0.3), Ok(0.0));
        assert!(matches!(scheduled_fte(10.0, 1.0), Err(Error::Shrinkage(_))));
    }
}
