//! The scenarios file: every saved scenario as one JSON document, and its
//! import, which renames a scenario whose name is taken so that nothing
//! saved is overwritten.

use serde::{Deserialize, Serialize};

use crate::model::limits::MAX_SCENARIOS;
use crate::model::scenario::{free_name, valid_name, Scenario};

/// Marks a ccplan scenarios file, so other JSON is recognised and refused.
pub const FORMAT: &str = "ccplan-scenarios";
pub const FILE_VERSION: u64 = 1;
/// Largest file read (a guard against a wrong pick of file).
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

#[derive(Serialize)]
struct ScenarioFileOut<'a> {
    format: &'a str,
    version: u64,
    scenarios: &'a [Scenario],
}

#[derive(Deserialize)]
struct ScenarioFileIn {
    format: String,
    version: u64,
    scenarios: Vec<serde_json::Value>,
}

/// The JSON file for `scenarios`.
pub fn export_scenarios(scenarios: &[Scenario]) -> String {
    serde_json::to_string_pretty(&ScenarioFileOut {
        format: FORMAT,
        version: FILE_VERSION,
        scenarios,
    })
    .unwrap_or_default()
}

/// Why a file, or one scenario in it, was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportProblem {
    /// Not JSON, or not a ccplan scenarios file.
    NotScenarios,
    UnknownVersion,
    TooLarge,
    /// Scenario number `n` (1-based) is invalid.
    BadScenario(usize),
    /// The list is full; the rest were left out.
    ListFull,
}

/// The scenarios of a file, renamed where a name is taken so that nothing
/// saved is overwritten, and the problems met on the way.
pub fn import_scenarios(
    text: &str,
    existing: &[Scenario],
) -> Result<(Vec<Scenario>, Vec<ImportProblem>), ImportProblem> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportProblem::TooLarge);
    }
    let file: ScenarioFileIn =
        serde_json::from_str(text).map_err(|_| ImportProblem::NotScenarios)?;
    if file.format != FORMAT {
        return Err(ImportProblem::NotScenarios);
    }
    if file.version != FILE_VERSION {
        return Err(ImportProblem::UnknownVersion);
    }
    let mut taken: Vec<String> = existing.iter().map(|s| s.name.clone()).collect();
    let mut added = Vec::new();
    let mut problems = Vec::new();
    for (index, value) in file.scenarios.into_iter().enumerate() {
        match serde_json::from_value::<Scenario>(value) {
            Ok(mut scenario) if valid_name(&scenario.name) && scenario.inputs.is_valid() => {
                if taken.len() >= MAX_SCENARIOS {
                    problems.push(ImportProblem::ListFull);
                    break;
                }
                scenario.name = free_name(scenario.name.trim(), &taken);
                taken.push(scenario.name.clone());
                added.push(scenario);
            }
            _ => problems.push(ImportProblem::BadScenario(index + 1)),
        }
    }
    Ok((added, problems))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::Inputs;

    fn scenario(name: &str) -> Scenario {
        Scenario::with_defaults(name)
    }

    #[test]
    fn scenarios_round_trip_without_overwriting() {
        let file = export_scenarios(&[scenario("A"), scenario("B")]);
        let (added, problems) = import_scenarios(&file, &[scenario("A")]).unwrap();
        assert!(problems.is_empty());
        assert_eq!(
            added.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
            ["A (2)", "B"]
        );
        assert_eq!(added[1].inputs, Inputs::default());
    }

    #[test]
    fn bad_files_and_bad_scenarios() {
        assert_eq!(
            import_scenarios("not json", &[]),
            Err(ImportProblem::NotScenarios)
        );
        assert_eq!(
            import_scenarios(r#"{"format":"other","version":1,"scenarios":[]}"#, &[]),
            Err(ImportProblem::NotScenarios)
        );
        assert_eq!(
            import_scenarios(
                r#"{"format":"ccplan-scenarios","version":9,"scenarios":[]}"#,
                &[]
            ),
            Err(ImportProblem::UnknownVersion)
        );
        let mut bad = serde_json::to_value(scenario("x")).unwrap();
        bad["inputs"]["aht_s"] = serde_json::json!(-5);
        let file = format!(
            r#"{{"format":"ccplan-scenarios","version":1,"scenarios":[{bad},{good},42]}}"#,
            good = serde_json::to_value(scenario("ok")).unwrap()
        );
        let (added, problems) = import_scenarios(&file, &[]).unwrap();
        assert_eq!(added.len(), 1);
        assert_eq!(
            problems,
            vec![ImportProblem::BadScenario(1), ImportProblem::BadScenario(3)]
        );
    }
}
