//! `ccplan forecast`: interval history CSV in (date, start, contacts[, AHT,
//! handled, abandoned]), the interval forecast of the next open days out as
//! CSV: `date,start,contacts,lower,upper`.
//!
//! The daily totals are forecast by the ETS model with the lowest AICc (or
//! the one asked for); each day is split by its weekday's recent shape;
//! `lower` and `upper` are the day's prediction interval shared the same
//! way. Everything is computed before anything is printed.

use crate::Failure;
use ccplan_engine::forecast::{forecast_history, ModelChoice};
use ccplan_engine::history::{assemble, parse_history_as};
use ccplan_engine::text::DecimalMark;
use clap::Args;
use std::io::Write;

#[derive(Debug, Args)]
pub(crate) struct ForecastArgs {
    /// History CSV: date (YYYY-MM-DD), interval start (HH:MM), contacts; `-` reads stdin.
    #[arg(long, value_name = "FILE")]
    csv: String,
    /// Open days to forecast.
    #[arg(long, value_name = "DAYS")]
    days: usize,
    /// Interval length of the output in minutes: the history's, or a
    /// multiple of it (intervals are summed).
    #[arg(long, value_name = "MINUTES")]
    interval: Option<u32>,
    /// Model: auto (lowest AICc), ana, mnm or adda.
    #[arg(long, default_value = "auto")]
    model: String,
    /// Coverage of the prediction interval.
    #[arg(long, value_name = "SHARE", default_value_t = 0.95)]
    level: f64,
    /// Same weekdays averaged for each day's intraday shape.
    #[arg(long, value_name = "WEEKS", default_value_t = 4)]
    weeks: usize,
    /// The history's decimal mark, `dot` or `comma` (the other groups
    /// thousands): needed only when its numbers do not say (`1.062` in a
    /// file separated by semicolons, with no `100,5` or `1.062,5`).
    #[arg(long, value_name = "MARK")]
    decimal_mark: Option<String>,
}

pub(crate) fn run(args: &ForecastArgs) -> Result<(), Failure> {
    let text = if args.csv == "-" {
        std::io::read_to_string(std::io::stdin().lock())
            .map_err(|e| Failure::Input(format!("cannot read standard input: {e}")))?
    } else {
        std::fs::read_to_string(&args.csv)
            .map_err(|e| Failure::Input(format!("cannot read {}: {e}", args.csv)))?
    };
    let mark = match args.decimal_mark.as_deref() {
        None => None,
        Some("dot") => Some(DecimalMark::Dot),
        Some("comma") => Some(DecimalMark::Comma),
        Some(other) => {
            return Err(Failure::Input(format!(
                "unknown --decimal-mark {other:?} (expected dot or comma)"
            )))
        }
    };
    let parsed = parse_history_as(&text, mark);
    if let Some(ambiguity) = &parsed.ambiguous {
        return Err(Failure::Input(format!(
            "{}: {ambiguity}: say which with --decimal-mark dot or --decimal-mark comma",
            args.csv
        )));
    }
    if let Some(lines) = parsed.too_long {
        return Err(Failure::Input(format!(
            "{}: {lines} lines is more than the {} read",
            args.csv,
            ccplan_engine::history::MAX_LINES
        )));
    }
    if let Some((line, problem)) = parsed.problems.first() {
        return Err(Failure::Input(format!(
            "{}: line {line}: {problem} ({} line(s) with problems)",
            args.csv, parsed.problem_count
        )));
    }
    let history =
        assemble(&parsed.rows).map_err(|e| Failure::Input(format!("{}: {e}", args.csv)))?;
    let step = args.interval.unwrap_or(history.interval_min);
    if step == 0 || step % history.interval_min != 0 || step > 1440 {
        return Err(Failure::Input(format!(
            "--interval {step} must be a multiple of the history's {} minutes",
            history.interval_min
        )));
    }
    let choice = ModelChoice::from_code(&args.model).ok_or_else(|| {
        Failure::Input(format!(
            "unknown --model {:?} (expected auto, ana, mnm or adda)",
            args.model
        ))
    })?;
    let forecast = forecast_history(
        &history,
        &[],
        &[],
        args.days,
        choice,
        args.level,
        args.weeks,
    )
    .map_err(|e| Failure::Input(e.to_string()))?;
    let group = (step / history.interval_min) as usize;
    let mut writer = csv::Writer::from_writer(Vec::new());
    let write = |w: &mut csv::Writer<Vec<u8>>, record: &[String]| {
        w.write_record(record)
            .map_err(|e| Failure::Output(std::io::Error::other(e)))
    };
    write(
        &mut writer,
        &["date", "start", "contacts", "lower", "upper"].map(String::from),
    )?;
    for day in &forecast.days {
        for row in day.interval_rows(history.interval_min, history.day_start_min, group) {
            write(
                &mut writer,
                &[
                    row.date.to_string(),
                    format!("{:02}:{:02}", row.start_min / 60, row.start_min % 60),
                    format!("{:.1}", row.contacts),
                    format!("{:.1}", row.lower),
                    format!("{:.1}", row.upper),
                ],
            )?;
        }
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| Failure::Output(std::io::Error::other(e.to_string())))?;
    std::io::stdout().write_all(&bytes).map_err(Failure::Output)
}
