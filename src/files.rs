//! Files in and out: scenarios as JSON, the interval table and the monthly
//! projection as CSV, and interval volumes read from CSV or from cells
//! pasted from a spreadsheet. Pure functions; the browser side (download,
//! file picker) is in the components.

use ccplan_engine::capacity::CapacityPlan;
use ccplan_engine::plan::DayPlan;
use serde::{Deserialize, Serialize};

use crate::state::MAX_DAY_INTERVALS;
use crate::storage::{valid_name, Scenario, MAX_SCENARIOS};

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

/// `name`, or `name (2)`, `name (3)`, … whichever is not taken.
pub fn free_name(name: &str, taken: &[String]) -> String {
    if !taken.iter().any(|t| t == name) {
        return name.to_string();
    }
    (2..)
        .map(|n| format!("{name} ({n})"))
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or_default()
}

fn to_csv(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(header);
    for row in rows {
        let _ = writer.write_record(&row);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The intraday plan as CSV, one row per interval (`labels` gives their starts).
pub fn interval_csv(day: &DayPlan, labels: &[String]) -> String {
    let header = [
        "interval_start",
        "volume",
        "aht_s",
        "traffic_erlangs",
        "agents",
        "scheduled_fte",
        "service_level",
        "asa_s",
        "p_wait",
        "abandon",
        "occupancy",
    ];
    let rows = day.intervals.iter().zip(labels).map(|(row, label)| {
        let m = row.metrics;
        let figure = |f: fn(&ccplan_engine::staffing::Metrics) -> f64, decimals: usize| {
            m.as_ref()
                .map_or(String::new(), |m| format!("{:.decimals$}", f(m)))
        };
        vec![
            label.clone(),
            format!("{}", row.volume),
            format!("{}", row.aht_s),
            format!("{:.4}", row.traffic),
            format!("{}", row.agents),
            format!("{:.2}", row.scheduled_fte),
            figure(|m| m.service_level, 4),
            figure(|m| m.asa_s, 2),
            figure(|m| m.p_wait, 4),
            figure(|m| m.p_abandon, 4),
            figure(|m| m.occupancy, 4),
        ]
    });
    to_csv(&header, rows)
}

/// The capacity plan as CSV, one row per month.
pub fn monthly_csv(plan: &CapacityPlan) -> String {
    let header = [
        "month",
        "new_contacts",
        "offered",
        "handled",
        "aht_s",
        "required_fte",
        "available_fte",
        "gap",
        "headcount",
        "trainees",
        "hires",
        "leavers",
        "service_level",
        "asa_s",
        "abandon",
        "occupancy",
        "paid_hours",
        "total_cost",
        "cost_per_contact",
        "start_hiring_by",
    ];
    let rows = plan.months.iter().map(|m| {
        vec![
            format!("{}-{:02}", m.month.year, m.month.month),
            format!("{:.0}", m.new_contacts),
            format!("{:.0}", m.offered),
            format!("{:.0}", m.handled),
            format!("{:.1}", m.aht_s),
            format!("{:.2}", m.required_fte),
            format!("{:.2}", m.available_fte),
            format!("{:.2}", m.gap),
            format!("{:.2}", m.headcount),
            format!("{:.2}", m.trainees),
            format!("{:.0}", m.hires),
            format!("{:.2}", m.leavers),
            format!("{:.4}", m.service_level),
            m.asa_s.map_or(String::new(), |v| format!("{v:.2}")),
            format!("{:.4}", m.p_abandon),
            format!("{:.4}", m.occupancy),
            format!("{:.0}", m.paid_hours),
            format!("{:.2}", m.total_cost),
            format!("{:.4}", m.cost_per_contact),
            format!("{}-{:02}", m.start_hiring_by.year, m.start_hiring_by.month),
        ]
    });
    to_csv(&header, rows)
}

/// One interval read from CSV or pasted cells.
#[derive(Debug, Clone, PartialEq)]
pub struct IntervalRow {
    /// 1-based line number in the text.
    pub line: usize,
    pub start: Option<String>,
    pub volume: f64,
    pub aht_s: Option<f64>,
}

/// Why a line was not read.
#[derive(Debug, Clone, PartialEq)]
pub enum RowProblem {
    /// The volume is not a number (the text found).
    Volume(String),
    /// The volume is negative or above 100 000.
    VolumeRange(f64),
    /// The AHT is not a number from 1 to 7 200 seconds (the text found).
    Aht(String),
    /// More than three columns.
    Columns(usize),
    /// More intervals than a day of 15-minute intervals.
    TooMany,
}

/// What was read from intervals text: good rows and a problem per bad line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParsedIntervals {
    pub rows: Vec<IntervalRow>,
    pub problems: Vec<(usize, RowProblem)>,
}

fn number(text: &str) -> Option<f64> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}'))
        .collect();
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Reads intervals: one per line, as `volume`, `start, volume`,
/// `volume, AHT` (two numbers) or `start, volume, AHT`; separated by tabs
/// (cells pasted from a spreadsheet), semicolons or commas. A first line
/// whose volume is not a number is a header and skipped; blank lines too.
pub fn parse_intervals(text: &str) -> ParsedIntervals {
    let text = text.trim_start_matches('\u{feff}');
    let delimiter = if text.contains('\t') {
        b'\t'
    } else if text.contains(';') {
        b';'
    } else {
        b','
    };
    let mut parsed = ParsedIntervals::default();
    let mut first = true;
    // Line by line, so that every message names the line as the user sees it
    // (blank lines included); each line is split by the csv reader for quoting.
    for (index, text_line) in text.lines().enumerate() {
        let line = index + 1;
        if text_line.trim().is_empty() {
            continue;
        }
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text_line.as_bytes());
        let Some(Ok(record)) = reader.records().next() else {
            continue;
        };
        let fields: Vec<&str> = record.iter().map(str::trim).collect();
        let (start, volume, aht) = match fields.as_slice() {
            [v] => (None, *v, None),
            [a, b] if number(a).is_some() && number(b).is_some() => (None, *a, Some(*b)),
            [s, v] => (Some(*s), *v, None),
            [s, v, a] => (Some(*s), *v, Some(*a).filter(|a| !a.is_empty())),
            more => {
                parsed
                    .problems
                    .push((line, RowProblem::Columns(more.len())));
                first = false;
                continue;
            }
        };
        let header = first && number(volume).is_none();
        first = false;
        if header {
            continue;
        }
        let problem = match (number(volume), aht.map(number)) {
            (None, _) => Some(RowProblem::Volume(volume.to_string())),
            (Some(v), _) if !(0.0..=100_000.0).contains(&v) => Some(RowProblem::VolumeRange(v)),
            (_, Some(None)) => Some(RowProblem::Aht(aht.unwrap_or_default().to_string())),
            (_, Some(Some(a))) if !(1.0..=7_200.0).contains(&a) => {
                Some(RowProblem::Aht(aht.unwrap_or_default().to_string()))
            }
            _ => None,
        };
        match problem {
            Some(problem) => parsed.problems.push((line, problem)),
            None if parsed.rows.len() >= MAX_DAY_INTERVALS => {
                parsed.problems.push((line, RowProblem::TooMany));
                break;
            }
            None => parsed.rows.push(IntervalRow {
                line,
                start: start.map(str::to_string),
                volume: number(volume).unwrap_or(0.0),
                aht_s: aht.and_then(number),
            }),
        }
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{compute, example_inputs, project, Inputs};

    fn scenario(name: &str) -> Scenario {
        Scenario {
            name: name.into(),
            inputs: Inputs::default(),
        }
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

    #[test]
    fn csv_exports_have_a_header_and_a_row_each() {
        let inputs = example_inputs();
        let day = compute(&inputs).day.unwrap();
        let labels: Vec<String> = (0..day.intervals.len()).map(|i| format!("i{i}")).collect();
        let csv = interval_csv(&day, &labels);
        assert_eq!(csv.lines().count(), day.intervals.len() + 1);
        assert!(csv.starts_with("interval_start,volume,aht_s,traffic_erlangs,agents"));
        let plan = project(&inputs).unwrap().plan;
        let monthly = monthly_csv(&plan);
        assert_eq!(monthly.lines().count(), 13);
        assert!(monthly.lines().nth(1).unwrap().starts_with("2027-01,"));
    }

    #[test]
    fn pasted_cells_and_csv_files() {
        let one = parse_intervals("120\n135\n\n150\n");
        assert_eq!(
            one.rows.iter().map(|r| r.volume).collect::<Vec<_>>(),
            [120.0, 135.0, 150.0]
        );
        assert!(one.problems.is_empty());
        let two = parse_intervals("08:00\t120\n08:30\t1 135\n");
        assert_eq!(two.rows[1].start.as_deref(), Some("08:30"));
        assert_eq!(two.rows[1].volume, 1135.0);
        let three = parse_intervals("interval_start,volume,aht_s\r\n08:00,62,318\r\n08:30,95,\r\n09:00,x,300\r\n09:30,-4\r\n10:00,5,0\r\n");
        assert_eq!(three.rows.len(), 2);
        assert_eq!(three.rows[0].aht_s, Some(318.0));
        assert_eq!(three.rows[1].aht_s, None);
        assert_eq!(
            three.problems,
            vec![
                (4, RowProblem::Volume("x".into())),
                (5, RowProblem::VolumeRange(-4.0)),
                (6, RowProblem::Aht("0".into()))
            ]
        );
        let numbers = parse_intervals("100;250\n");
        assert_eq!(
            (numbers.rows[0].volume, numbers.rows[0].aht_s),
            (100.0, Some(250.0))
        );
        let blank = parse_intervals("10\n\n\nabc\n20");
        assert_eq!(blank.problems, vec![(4, RowProblem::Volume("abc".into()))]);
        let wide = parse_intervals("a\tb\tc\td\n");
        assert_eq!(wide.problems, vec![(1, RowProblem::Columns(4))]);
        let many = parse_intervals(&"1\n".repeat(MAX_DAY_INTERVALS + 3));
        assert_eq!(many.rows.len(), MAX_DAY_INTERVALS);
        assert_eq!(
            many.problems.last().map(|p| &p.1),
            Some(&RowProblem::TooMany)
        );
    }
}
