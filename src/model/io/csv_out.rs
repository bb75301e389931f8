//! The CSV files the app writes: the intraday plan, the monthly capacity
//! plan, the forecast and the schedule with its coverage. Column names and
//! day names are the files' own (English, as spreadsheets and scripts read
//! them), whatever the language of the page.

use ccplan_engine::capacity::{CapacityPlan, Month, MonthPlan};
use ccplan_engine::plan::{DayPlan, INTERVAL_COLUMNS};

use crate::model::forecast::{ForecastOutcome, ForecastResult};
use crate::model::schedule::{ScheduleOutcome, Solved};

/// Why a CSV file could not be written. Writing into memory does not fail
/// in practice; if it ever did, the user is told rather than handed a
/// truncated file.
#[derive(Debug)]
pub enum CsvError {
    /// The writer refused a record or could not finish the text.
    Write(csv::Error),
    /// What was written is not UTF-8 text.
    NotText(std::string::FromUtf8Error),
}

impl std::fmt::Display for CsvError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CsvError::Write(error) => write!(f, "the CSV could not be written: {error}"),
            CsvError::NotText(error) => write!(f, "the CSV is not UTF-8 text: {error}"),
        }
    }
}

impl std::error::Error for CsvError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CsvError::Write(error) => Some(error),
            CsvError::NotText(error) => Some(error),
        }
    }
}

/// A CSV file's day names, Monday first: the file's own words, not the
/// page's (a week's CSV reads the same in every language).
const DAY_NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// The name of day `day` of a week (0 = Monday), as CSV files write it.
fn day_name(day: usize) -> &'static str {
    DAY_NAMES[day % 7]
}

fn to_csv<H: AsRef<[u8]>>(
    header: &[H],
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<String, CsvError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(header).map_err(CsvError::Write)?;
    for row in rows {
        writer.write_record(&row).map_err(CsvError::Write)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|error| CsvError::Write(error.into_error().into()))?;
    String::from_utf8(bytes).map_err(CsvError::NotText)
}

/// The intraday plan as CSV, one row per interval (`labels` gives their starts).
pub fn interval_csv(day: &DayPlan, labels: &[String]) -> Result<String, CsvError> {
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
    to_csv(&INTERVAL_COLUMNS, rows)
}

/// The monthly file's figure columns, between `month` and
/// `start_hiring_by`: each name with the decimals it is written with, in
/// the order of [`month_figures`]. One table, so a column's name and its
/// figure cannot drift apart.
#[rustfmt::skip]
const MONTH_FIGURES: [(&str, usize); 19] = [
    ("new_contacts", 0), ("offered", 0), ("handled", 0), ("aht_s", 1),
    ("required_fte", 2), ("available_fte", 2), ("gap", 2), ("headcount", 2), ("trainees", 2),
    ("hires", 0), ("leavers", 2),
    ("service_level", 4), ("asa_s", 2), ("abandon", 4), ("occupancy", 4),
    ("paid_hours", 0), ("total_cost", 2), ("cost_per_contact", 4), ("cost_per_resolved", 4),
];

/// A month's figures in the order of [`MONTH_FIGURES`] (`None`: an empty
/// cell, the ASA of a month with no waiting).
#[rustfmt::skip]
fn month_figures(m: &MonthPlan) -> [Option<f64>; 19] {
    [
        Some(m.new_contacts), Some(m.offered), Some(m.handled), Some(m.aht_s),
        Some(m.required_fte), Some(m.available_fte), Some(m.gap), Some(m.headcount), Some(m.trainees),
        Some(m.hires), Some(m.leavers),
        Some(m.service_level), m.asa_s, Some(m.p_abandon), Some(m.occupancy),
        Some(m.paid_hours), Some(m.total_cost), Some(m.cost_per_contact), Some(m.cost_per_resolved),
    ]
}

/// The capacity plan as CSV, one row per month. Money columns name the
/// currency money is in, by its ISO 4217 code (`Some("CNY")`:
/// `total_cost_cny`), plain when there is none.
pub fn monthly_csv(plan: &CapacityPlan, currency_code: Option<&str>) -> Result<String, CsvError> {
    let in_currency = |name: &str| match currency_code {
        Some(code) if name.contains("cost") => format!("{name}_{}", code.to_lowercase()),
        _ => name.to_string(),
    };
    let year_month = |m: Month| format!("{}-{:02}", m.year, m.month);
    let mut header = vec!["month".to_string()];
    header.extend(MONTH_FIGURES.iter().map(|(name, _)| in_currency(name)));
    header.push("start_hiring_by".to_string());
    let rows = plan.months.iter().map(|m| {
        let mut row = vec![year_month(m.month)];
        row.extend(month_figures(m).into_iter().zip(MONTH_FIGURES).map(
            |(figure, (_, decimals))| figure.map_or(String::new(), |v| format!("{v:.decimals$}")),
        ));
        row.push(year_month(m.start_hiring_by));
        row
    });
    to_csv(&header, rows)
}

/// The forecast of every day, interval by interval, as CSV: `date, start,
/// contacts, lower, upper` (each interval's share of the day's interval).
pub fn forecast_csv(
    outcome: &ForecastOutcome,
    result: &ForecastResult,
) -> Result<String, CsvError> {
    let header = ["date", "start", "contacts", "lower", "upper"];
    let rows = result.days.iter().flat_map(|day| {
        // The day with its events, in the engine's terms: shares of its mean.
        let shares = day
            .intervals
            .iter()
            .map(|c| if day.mean > 0.0 { c / day.mean } else { 0.0 })
            .collect();
        let engine_day = ccplan_engine::forecast::DayForecast {
            date: day.date,
            mean: day.mean,
            lower: day.lower,
            upper: day.upper,
            shares,
        };
        engine_day
            .interval_rows(outcome.interval_min, outcome.day_start_min, 1)
            .into_iter()
            .map(|row| {
                vec![
                    row.date.to_string(),
                    crate::model::staffing::interval_label(
                        0,
                        f64::from(outcome.interval_min),
                        f64::from(row.start_min),
                    ),
                    format!("{:.1}", row.contacts),
                    format!("{:.1}", row.lower),
                    format!("{:.1}", row.upper),
                ]
            })
    });
    to_csv(&header, rows)
}

/// The schedule as CSV: a row per shift variant worked (shift, start, end,
/// break, agents, their paid hours); for a week, the days each is worked
/// after the shift's name ("Mon Tue Wed Thu Fri").
pub fn schedule_csv(r: &Solved) -> Result<String, CsvError> {
    use crate::model::staffing::clock;
    let week = r.rows.iter().any(|row| !row.days.is_empty());
    let mut header = vec!["shift"];
    if week {
        header.push("days");
    }
    header.extend(["start", "end", "break", "agents", "paid_hours"]);
    let rows = r.rows.iter().map(|row| {
        // A name a spreadsheet would read as a formula is written as text.
        let shift = if row.shift.starts_with(['=', '+', '-', '@']) {
            format!("'{}", row.shift)
        } else {
            row.shift.clone()
        };
        let mut line = vec![shift];
        if week {
            line.push(
                row.days
                    .iter()
                    .map(|d| day_name(*d))
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
        line.extend([
            clock(row.start_min),
            clock(row.end_min),
            row.break_start_min.map(clock).unwrap_or_default(),
            row.agents.to_string(),
            format!("{:.1}", row.total_paid_hours()),
        ]);
        line
    });
    to_csv(&header, rows)
}

/// The coverage as CSV: a row per interval (start, agents required after
/// shrinkage, agents scheduled, the service level they give); for a week,
/// each row starts with its day.
pub fn coverage_csv(o: &ScheduleOutcome, r: &Solved) -> Result<String, CsvError> {
    let week = o.days > 1;
    let mut header = vec![];
    if week {
        header.push("day");
    }
    header.extend(["start", "required", "scheduled", "service_level"]);
    let per_day = o.day_intervals().max(1);
    let rows = o
        .required_fte
        .iter()
        .zip(&r.schedule.coverage)
        .zip(&r.service_level)
        .enumerate()
        .map(|(i, ((need, have), sl))| {
            let mut line = vec![];
            if week {
                line.push(day_name(i / per_day).to_string());
            }
            line.extend([
                crate::model::staffing::interval_label(
                    i % per_day,
                    f64::from(o.interval_min),
                    f64::from(o.day_start_min),
                ),
                format!("{need:.2}"),
                have.to_string(),
                sl.map(|v| format!("{v:.4}")).unwrap_or_default(),
            ]);
            line
        });
    to_csv(&header, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example::example_inputs;
    use crate::model::scorecard::project;
    use crate::model::staffing::compute;

    #[test]
    fn csv_exports_have_a_header_and_a_row_each() {
        let inputs = example_inputs();
        let day = compute(&inputs.staffing).day.into_ready().unwrap();
        let labels: Vec<String> = (0..day.intervals.len()).map(|i| format!("i{i}")).collect();
        let csv = interval_csv(&day, &labels).unwrap();
        assert_eq!(csv.lines().count(), day.intervals.len() + 1);
        assert!(csv.starts_with("interval_start,volume,aht_s,traffic_erlangs,agents"));
        let plan = project(&inputs.staffing, &inputs.scorecard).unwrap().plan;
        let monthly = monthly_csv(&plan, None).unwrap();
        assert_eq!(monthly.lines().count(), 13);
        assert!(monthly.lines().nth(1).unwrap().starts_with("2027-01,"));
        assert!(monthly.contains(",total_cost,cost_per_contact,cost_per_resolved,"));
        let in_yuan = monthly_csv(&plan, Some("CNY")).unwrap();
        assert!(in_yuan
            .contains(",paid_hours,total_cost_cny,cost_per_contact_cny,cost_per_resolved_cny,"));
        assert_eq!(in_yuan.lines().nth(1), monthly.lines().nth(1));
    }
}
