//! `ccplan plan`: an interval forecast CSV in, a staffing plan CSV out.
//!
//! Input columns: interval start (a free-text label), volume, and optionally
//! the interval's AHT in seconds. A first row whose volume is not a number
//! is taken as a header; empty rows and lines starting with `#` are skipped.
//!
//! Output: one row per interval, then a `TOTAL` row with the day's figures
//! (see `README.md`). Everything is computed before anything is printed,
//! so a bad row leaves stdout empty.

use crate::Failure;
use ccplan_engine::plan::{plan_day, DayPlan, IntervalForecast, PlanSettings, INTERVAL_COLUMNS};
use ccplan_engine::staffing::{self, Model, Targets};
use ccplan_engine::Error;
use clap::{Args, ValueEnum};
use std::fs::File;
use std::io::{self, Read, Write};

#[derive(Debug, Args)]
pub(crate) struct PlanArgs {
    /// Forecast CSV: interval start, volume[, AHT seconds]; `-` reads stdin.
    #[arg(long, value_name = "FILE")]
    csv: String,
    /// Interval length in minutes.
    #[arg(long, value_name = "MINUTES", default_value_t = 30.0)]
    interval_min: f64,
    /// Average handle time in seconds for rows that do not give their own.
    #[arg(long, value_name = "SECONDS", default_value_t = 300.0)]
    aht: f64,
    /// Queueing model: erlang_c (callers wait) or erlang_a (callers abandon).
    #[arg(long, value_enum, default_value_t = ModelArg::ErlangC)]
    model: ModelArg,
    /// Mean caller patience in seconds (used by erlang_a only).
    #[arg(long, value_name = "SECONDS", default_value_t = 120.0)]
    patience: f64,
    /// Service-level target: share of calls answered within --target-s.
    #[arg(long, value_name = "SHARE", default_value_t = 0.8)]
    sl: f64,
    /// Service-level threshold in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 20.0)]
    target_s: f64,
    /// Share of paid time not available for calls, in [0, 1).
    #[arg(long, value_name = "SHARE", default_value_t = 0.3)]
    shrinkage: f64,
    /// Highest acceptable occupancy, in (0, 1].
    #[arg(long, value_name = "SHARE")]
    max_occupancy: Option<f64>,
    /// Highest acceptable average speed of answer, seconds.
    #[arg(long, value_name = "SECONDS")]
    max_asa: Option<f64>,
    /// Highest acceptable abandonment share, in (0, 1] (meaningful with erlang_a).
    #[arg(long, value_name = "SHARE")]
    max_abandon: Option<f64>,
    /// Loaded cost per paid agent-hour; adds the day's cost to the TOTAL row.
    #[arg(long, value_name = "AMOUNT")]
    cost_per_hour: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ModelArg {
    #[value(name = "erlang_c", alias = "erlang-c")]
    ErlangC,
    #[value(name = "erlang_a", alias = "erlang-a")]
    ErlangA,
}

/// Output columns after the engine's [`INTERVAL_COLUMNS`] (the stable
/// contract), filled on the `TOTAL` row only.
const TOTAL_COLUMNS: [&str; 4] = [
    "agent_hours",
    "paid_hours",
    "cost",
    "intervals_missing_target",
];

/// One forecast row and where it came from.
struct Row {
    line: u64,
    label: String,
    forecast: IntervalForecast,
}

pub(crate) fn run(args: &PlanArgs) -> Result<(), Failure> {
    let source = if args.csv == "-" {
        "standard input"
    } else {
        args.csv.as_str()
    };
    let rows = if args.csv == "-" {
        read_forecast(io::stdin().lock(), source)?
    } else {
        let file = File::open(&args.csv)
            .map_err(|e| Failure::Input(format!("cannot open {source}: {e}")))?;
        read_forecast(file, source)?
    };
    let settings = settings(args).map_err(|e| Failure::Input(explain(e, &rows, source)))?;
    let forecast: Vec<IntervalForecast> = rows.iter().map(|row| row.forecast).collect();
    let plan =
        plan_day(&forecast, &settings).map_err(|e| Failure::Input(explain(e, &rows, source)))?;
    // Peak scheduled FTE for the TOTAL row, from the engine like every figure.
    let peak_fte = staffing::scheduled_fte(plan.totals.peak_agents, settings.shrinkage)
        .map_err(|e| Failure::Input(e.to_string()))?;
    let table = render(&rows, &plan, peak_fte).map_err(Failure::Output)?;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    out.write_all(&table)
        .and_then(|()| out.flush())
        .map_err(Failure::Output)
}

fn settings(args: &PlanArgs) -> Result<PlanSettings, Error> {
    Ok(PlanSettings {
        interval_minutes: args.interval_min,
        aht_s: args.aht,
        model: match args.model {
            ModelArg::ErlangC => Model::ErlangC,
            ModelArg::ErlangA => Model::ErlangA {
                patience_s: args.patience,
            },
        },
        targets: Targets::new(args.sl, args.target_s)?
            .with_max_asa_s(args.max_asa)?
            .with_max_abandon(args.max_abandon)?
            .with_max_occupancy(args.max_occupancy)?,
        shrinkage: args.shrinkage,
        cost_per_paid_hour: args.cost_per_hour,
    })
}

/// Turns an engine error into a message naming the input line or the option at fault.
fn explain(error: Error, rows: &[Row], input: &str) -> String {
    match error {
        // Patience is a setting, but the engine checks it only when it
        // staffs the first interval.
        Error::Interval { source, .. } if matches!(*source, Error::Patience(_)) => {
            format!("--patience: {source}")
        }
        Error::Interval { index, source } => match rows.get(index) {
            Some(row) => format!("{input}: line {}: {source}", row.line),
            None => format!("{input}: interval {}: {source}", index + 1),
        },
        Error::IntervalLength(_) => format!("--interval-min: {error}"),
        Error::Aht(_) => format!("--aht: {error}"),
        Error::Patience(_) => format!("--patience: {error}"),
        Error::ServiceLevelTarget(_) => format!("--sl: {error}"),
        Error::Threshold(_) => format!("--target-s: {error}"),
        Error::Shrinkage(_) => format!("--shrinkage: {error}"),
        Error::MaxOccupancy(_) => format!("--max-occupancy: {error}"),
        Error::MaxAsa(_) => format!("--max-asa: {error}"),
        Error::MaxAbandon(_) => format!("--max-abandon: {error}"),
        Error::Cost(_) => format!("--cost-per-hour: {error}"),
        other => other.to_string(),
    }
}

fn read_forecast<R: Read>(input: R, source: &str) -> Result<Vec<Row>, Failure> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .comment(Some(b'#'))
        .from_reader(input);
    let mut rows = Vec::new();
    let mut first = true;
    for record in reader.records() {
        let record = record.map_err(|e| match e.position() {
            Some(position) => Failure::Input(format!("{source}: line {}: {e}", position.line())),
            None => Failure::Input(format!("{source}: {e}")),
        })?;
        let line = record.position().map_or(0, |p| p.line());
        let fail = |message: String| Failure::Input(format!("{source}: line {line}: {message}"));
        if record.iter().all(str::is_empty) {
            continue;
        }
        // A header names its columns: a volume cell without a digit. A
        // malformed number (`12x`) is an error, not a header.
        let is_header = first
            && record
                .get(1)
                .is_some_and(|volume| !volume.chars().any(|c| c.is_ascii_digit()));
        first = false;
        if is_header {
            continue;
        }
        if !(2..=3).contains(&record.len()) {
            return Err(fail(format!(
                "expected 2 or 3 columns (interval start, volume, optional AHT seconds), found {}",
                record.len()
            )));
        }
        let volume = number(&record[1]).map_err(|m| fail(format!("volume {m}")))?;
        let aht_s = match record.get(2) {
            None | Some("") => None,
            Some(text) => Some(number(text).map_err(|m| fail(format!("AHT {m}")))?),
        };
        rows.push(Row {
            line,
            label: record[0].to_owned(),
            forecast: IntervalForecast { volume, aht_s },
        });
    }
    if rows.is_empty() {
        return Err(Failure::Input(format!(
            "{source}: the forecast has no intervals"
        )));
    }
    Ok(rows)
}

fn number(text: &str) -> Result<f64, String> {
    if text.is_empty() {
        return Err("is empty".to_owned());
    }
    text.parse::<f64>()
        .map_err(|_| format!("{text:?} is not a number"))
}

fn render(rows: &[Row], plan: &DayPlan, peak_fte: f64) -> io::Result<Vec<u8>> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(INTERVAL_COLUMNS.iter().chain(&TOTAL_COLUMNS))?;
    for (row, interval) in rows.iter().zip(&plan.intervals) {
        let m = interval.metrics;
        let figure = |value: Option<f64>, decimals: usize| {
            value.map_or(String::new(), |v| fixed(v, decimals))
        };
        writer.write_record([
            safe_cell(&row.label),
            interval.volume.to_string(),
            interval.aht_s.to_string(),
            fixed(interval.traffic, 4),
            interval.agents.to_string(),
            fixed(interval.scheduled_fte, 2),
            figure(m.map(|m| m.service_level), 4),
            figure(m.map(|m| m.asa_s), 2),
            figure(m.map(|m| m.p_wait), 4),
            figure(m.map(|m| m.p_abandon), 4),
            figure(m.map(|m| m.occupancy), 4),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ])?;
    }
    let t = &plan.totals;
    writer.write_record([
        "TOTAL".to_owned(),
        t.volume.to_string(),
        String::new(),
        String::new(),
        t.peak_agents.to_string(),
        fixed(peak_fte, 2),
        fixed(t.service_level, 4),
        t.asa_s.map_or(String::new(), |v| fixed(v, 2)),
        String::new(),
        fixed(t.p_abandon, 4),
        fixed(t.occupancy, 4),
        fixed(t.agent_hours, 2),
        fixed(t.paid_hours, 2),
        t.cost.map_or(String::new(), |v| fixed(v, 2)),
        t.intervals_missing_target.to_string(),
    ])?;
    writer.into_inner().map_err(|e| e.into_error())
}

/// `value` with `decimals` digits after the point.
/// `value` with `decimals` decimals; never `-0` (a value that rounds to zero
/// prints as zero).
fn fixed(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    match text.strip_prefix('-') {
        Some(rest) if rest.bytes().all(|b| b == b'0' || b == b'.') => rest.to_string(),
        _ => text,
    }
}

/// A label as a spreadsheet will read it: text starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return would run as a formula, so it gets a
/// leading apostrophe (OWASP's advice for CSV injection).
fn safe_cell(label: &str) -> String {
    if label.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{label}")
    } else {
        label.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_never_print_minus_zero() {
        assert_eq!(fixed(-0.0, 2), "0.00");
        assert_eq!(fixed(-0.0001, 2), "0.00");
        assert_eq!(fixed(-0.5, 1), "-0.5");
        assert_eq!(fixed(12.345, 1), "12.3");
    }

    #[test]
    fn cells_a_spreadsheet_would_run_are_escaped() {
        assert_eq!(safe_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        for risky in ["+1", "-1", "@SUM(A1)", "\tx"] {
            assert!(safe_cell(risky).starts_with('\''), "{risky}");
        }
        assert_eq!(safe_cell("08:00"), "08:00");
    }
}
