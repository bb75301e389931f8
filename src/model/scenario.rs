//! What a user saves: the inputs of both pages together (the stored and
//! shared form), named scenarios, and the operations on the scenario list.
//! Pure: `store` calls these and writes the result through `storage`.

use serde::de::Error as _;
use serde::ser::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::model::limits::{MAX_NAME_CHARS, MAX_SCENARIOS};
use crate::model::schedule::ScheduleSettings;
use crate::model::scorecard::ScorecardSettings;
use crate::model::staffing::StaffingInputs;

/// The inputs of the pages a scenario keeps. Stored as one JSON object:
/// the staffing fields at the top level, the scorecard's under `scorecard`
/// (absent in data saved before the scorecard existed) and the shift
/// templates under `schedule` (absent before the schedule page existed),
/// as since schema version 1.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Inputs {
    pub staffing: StaffingInputs,
    pub scorecard: ScorecardSettings,
    pub schedule: ScheduleSettings,
}

impl Inputs {
    pub fn is_valid(&self) -> bool {
        self.staffing.is_valid() && self.scorecard.is_valid() && self.schedule.is_valid()
    }
}

impl Serialize for Inputs {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut object = serde_json::to_value(&self.staffing).map_err(S::Error::custom)?;
        let scorecard = serde_json::to_value(&self.scorecard).map_err(S::Error::custom)?;
        let schedule = serde_json::to_value(&self.schedule).map_err(S::Error::custom)?;
        if let Some(map) = object.as_object_mut() {
            map.insert("scorecard".into(), scorecard);
            map.insert("schedule".into(), schedule);
        }
        object.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Inputs {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut object = Value::deserialize(deserializer)?;
        let scorecard = match object.as_object_mut().and_then(|m| m.remove("scorecard")) {
            Some(value) => serde_json::from_value(value).map_err(D::Error::custom)?,
            None => ScorecardSettings::default(),
        };
        let schedule = match object.as_object_mut().and_then(|m| m.remove("schedule")) {
            Some(value) => serde_json::from_value(value).map_err(D::Error::custom)?,
            None => ScheduleSettings::default(),
        };
        let staffing = serde_json::from_value(object).map_err(D::Error::custom)?;
        Ok(Inputs {
            staffing,
            scorecard,
            schedule,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub name: String,
    pub inputs: Inputs,
}

/// Whether `name` can name a scenario: not blank, at most
/// [`MAX_NAME_CHARS`], no control characters and no bidirectional
/// overrides or isolates (U+202A–U+202E, U+2066–U+2069), which would
/// reverse the text of any message the name is shown in.
pub fn valid_name(name: &str) -> bool {
    let trimmed = name.trim();
    !trimmed.is_empty()
        && trimmed.chars().count() <= MAX_NAME_CHARS
        && !trimmed.chars().any(|c| {
            c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
}

/// Why a scenario operation did not happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScenarioProblem {
    NameTaken,
    ListFull,
    /// Storage refused the write (the store's notice says why).
    NotSaved,
}

fn taken(list: &[Scenario], name: &str) -> bool {
    list.iter().any(|s| s.name == name)
}

/// `list` with `inputs` saved under `name`, replacing a scenario of that name.
pub fn save_as(
    mut list: Vec<Scenario>,
    name: &str,
    inputs: Inputs,
) -> Result<Vec<Scenario>, ScenarioProblem> {
    let scenario = Scenario {
        name: name.trim().to_string(),
        inputs,
    };
    let full = list.len() >= MAX_SCENARIOS;
    match list.iter_mut().find(|s| s.name == scenario.name) {
        Some(existing) => *existing = scenario,
        None if full => return Err(ScenarioProblem::ListFull),
        None => list.push(scenario),
    }
    Ok(list)
}

/// `list` with scenario `from` renamed to `to`.
pub fn rename(
    mut list: Vec<Scenario>,
    from: &str,
    to: &str,
) -> Result<Vec<Scenario>, ScenarioProblem> {
    let to = to.trim();
    if taken(&list, to) {
        return Err(ScenarioProblem::NameTaken);
    }
    if let Some(s) = list.iter_mut().find(|s| s.name == from) {
        s.name = to.to_string();
    }
    Ok(list)
}

/// `list` with a copy of `name` added as "name (copy)", "name (copy 2)", …
/// (`suffix` is the translated "copy").
pub fn duplicate(
    mut list: Vec<Scenario>,
    name: &str,
    suffix: &str,
) -> Result<Vec<Scenario>, ScenarioProblem> {
    let Some(original) = list.iter().find(|s| s.name == name).cloned() else {
        return Ok(list);
    };
    if list.len() >= MAX_SCENARIOS {
        return Err(ScenarioProblem::ListFull);
    }
    // One base for every copy (room for the longest ending), so copies sort together.
    let room = MAX_NAME_CHARS.saturating_sub(suffix.chars().count() + 8);
    let base: String = name.chars().take(room).collect();
    let base = base.trim_end();
    let copy_name = (1..)
        .map(|n| match n {
            1 => format!("{base} ({suffix})"),
            n => format!("{base} ({suffix} {n})"),
        })
        .find(|candidate| !taken(&list, candidate))
        .unwrap_or_default();
    list.push(Scenario {
        name: copy_name,
        inputs: original.inputs,
    });
    Ok(list)
}

/// `list` without scenario `name` (only the first of that name, should
/// stored data hold two).
pub fn delete(mut list: Vec<Scenario>, name: &str) -> Vec<Scenario> {
    if let Some(index) = list.iter().position(|s| s.name == name) {
        list.remove(index);
    }
    list
}

/// `name` followed by `ending`, the name shortened so the whole stays
/// within [`MAX_NAME_CHARS`].
fn with_ending(name: &str, ending: &str) -> String {
    let room = MAX_NAME_CHARS.saturating_sub(ending.chars().count());
    let base: String = name.trim().chars().take(room).collect();
    format!("{}{ending}", base.trim_end())
}

/// `name`, or `name (2)`, `name (3)`, … whichever is not in `taken`; never
/// longer than [`MAX_NAME_CHARS`] (a long name is shortened before the number).
pub fn free_name(name: &str, taken: &[String]) -> String {
    let name = with_ending(name, "");
    if !taken.contains(&name) {
        return name;
    }
    (2..)
        .map(|n| with_ending(&name, &format!(" ({n})")))
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or_default()
}

impl Scenario {
    /// A scenario of the default inputs (for tests).
    #[cfg(test)]
    pub fn with_defaults(name: &str) -> Scenario {
        Scenario {
            name: name.into(),
            inputs: Inputs::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario(name: &str) -> Scenario {
        Scenario::with_defaults(name)
    }

    fn names(list: &[Scenario]) -> Vec<&str> {
        list.iter().map(|s| s.name.as_str()).collect()
    }

    #[test]
    fn the_shift_templates_travel_with_the_inputs() {
        let mut inputs = Inputs::default();
        inputs.schedule.shifts[0].latest_start_min = 11 * 60;
        inputs.schedule.max_heads = Some(40);
        let json = serde_json::to_value(&inputs).unwrap();
        assert_eq!(json["schedule"]["max_heads"], 40);
        let back: Inputs = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(back, inputs);
        // Saved before the schedule page: the default templates.
        let mut old = json.clone();
        old.as_object_mut().unwrap().remove("schedule");
        let back: Inputs = serde_json::from_value(old).unwrap();
        assert_eq!(back.schedule, ScheduleSettings::default());
        // A field the templates do not have is refused, like any other.
        let mut odd = json;
        odd["schedule"]["shifts"][0]["evil"] = "<script>".into();
        assert!(serde_json::from_value::<Inputs>(odd).is_err());
    }

    #[test]
    fn stored_form_is_flat_with_the_scorecard_nested() {
        let value = serde_json::to_value(Inputs::default()).unwrap();
        assert_eq!(value["volume"], 200.0);
        assert_eq!(value["scorecard"]["horizon"], 12.0);
        let back: Inputs = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(back, Inputs::default());
        // Saved before the scorecard existed: no `scorecard` field.
        let mut old = value.clone();
        old.as_object_mut().unwrap().remove("scorecard");
        let old: Inputs = serde_json::from_value(old).unwrap();
        assert_eq!(old.scorecard, ScorecardSettings::default());
        // Unknown fields are refused, at either level.
        let mut extra = value.clone();
        extra["surprise"] = 1.into();
        assert!(serde_json::from_value::<Inputs>(extra).is_err());
        let mut extra = value;
        extra["scorecard"]["surprise"] = 1.into();
        assert!(serde_json::from_value::<Inputs>(extra).is_err());
    }

    #[test]
    fn save_rename_duplicate_delete() {
        let list = save_as(vec![], " Peak ", Inputs::default()).unwrap();
        assert_eq!(names(&list), ["Peak"]);
        let list = save_as(list, "Peak", Inputs::default()).unwrap();
        assert_eq!(list.len(), 1);
        let list = duplicate(list, "Peak", "copy").unwrap();
        let list = duplicate(list, "Peak", "copy").unwrap();
        assert_eq!(names(&list), ["Peak", "Peak (copy)", "Peak (copy 2)"]);
        assert_eq!(
            rename(list.clone(), "Peak", "Peak (copy)"),
            Err(ScenarioProblem::NameTaken)
        );
        let list = rename(list, "Peak", "Base").unwrap();
        let list = delete(list, "Peak (copy)");
        assert_eq!(names(&list), ["Base", "Peak (copy 2)"]);
        let full: Vec<Scenario> = (0..MAX_SCENARIOS)
            .map(|n| scenario(&n.to_string()))
            .collect();
        assert_eq!(
            save_as(full.clone(), "new", Inputs::default()),
            Err(ScenarioProblem::ListFull)
        );
        assert_eq!(duplicate(full, "1", "copy"), Err(ScenarioProblem::ListFull));
    }

    #[test]
    fn delete_removes_one_and_names_cannot_reverse_text() {
        let twins = vec![scenario("A"), scenario("A"), scenario("B")];
        assert_eq!(names(&delete(twins, "A")), ["A", "B"]);
        assert!(!valid_name("evil\u{202e}txt.exe"));
        assert!(!valid_name("a\u{2067}b"));
        assert!(!valid_name("tab\tname"));
        assert!(valid_name("Peak week 旺季"));
    }

    #[test]
    fn new_names_stay_within_the_limit() {
        let long = "x".repeat(MAX_NAME_CHARS);
        let copied = duplicate(vec![scenario(&long)], &long, "copy").unwrap();
        assert!(copied.iter().all(|s| valid_name(&s.name)));
        assert!(copied[1].name.ends_with(" (copy)"));
        let taken = vec![long.clone()];
        let free = free_name(&long, &taken);
        assert!(valid_name(&free), "{free}");
        assert!(free.ends_with(" (2)"));
        assert_eq!(free_name("A", &["A".into(), "A (2)".into()]), "A (3)");
        assert_eq!(free_name(" B ", &[]), "B");
    }
}
