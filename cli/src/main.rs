//! `ccplan`: batch command line for the ccplan staffing engine.
//!
//! - `ccplan eval` answers JSON Lines requests (Erlang B, C, A and required
//!   agents) from stdin, one JSON line per request on stdout.
//! - `ccplan plan --csv FILE` turns an interval forecast CSV into a staffing
//!   plan CSV.
//! - `ccplan forecast --csv HISTORY --days N` forecasts interval history.
//!
//! This crate contains no queueing math: it parses, calls `ccplan_engine`
//! and prints. Argument parsing uses `clap` (derive), CSV reading and
//! writing the `csv` crate and JSON `serde_json`: well-kept crates rather
//! than hand-rolled parsers.
//!
//! Exit codes: 0 success (for `eval` also when some lines were answered with
//! an error), 1 when the output cannot be written, 2 for invalid arguments or
//! input (`plan`: unreadable file, bad row, invalid setting).

#![forbid(unsafe_code)]

mod eval;
mod forecast;
mod plan;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "ccplan",
    version,
    about = "Contact-centre staffing: Erlang B, C and A, required agents and interval day plans"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Answer JSON Lines requests read from stdin, one JSON line per request on stdout.
    ///
    /// Each request is an object with an "op" field: "erlang_b", "erlang_c",
    /// "erlang_a", "required_agents", "forecast", "schedule" or "allocate". A line
    /// that cannot be answered gets {"error": "..."}; blank lines are skipped.
    Eval(eval::EvalArgs),
    /// Staff every interval of a forecast CSV and print the plan as CSV.
    Plan(plan::PlanArgs),
    /// Forecast the next open days from interval history and print them
    /// interval by interval as CSV (date, start, contacts, lower, upper).
    Forecast(forecast::ForecastArgs),
}

/// Why a command failed, and with which exit code.
#[derive(Debug)]
pub(crate) enum Failure {
    /// Bad input or settings: exit code 2.
    Input(String),
    /// Output could not be written: exit code 1.
    Output(std::io::Error),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Eval(args) => eval::run(&args),
        Command::Plan(args) => plan::run(&args),
        Command::Forecast(args) => forecast::run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`ccplan eval | head`) is not worth a message.
        Err(Failure::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::from(1),
        Err(Failure::Output(e)) => {
            eprintln!("ccplan: cannot write output: {e}");
            ExitCode::from(1)
        }
        Err(Failure::Input(message)) => {
            eprintln!("ccplan: {message}");
            ExitCode::from(2)
        }
    }
}
