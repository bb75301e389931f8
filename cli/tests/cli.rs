//! End-to-end tests of the `ccplan` binary: they run the real executable and
//! check the values it prints.
//!
//! Expected staffing values were computed independently of the engine (a
//! separate Erlang B recursion plus Erlang C in Python) or come from the
//! engine's own 30-digit references.

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// Starts `ccplan ARGS` with its standard input, output and error piped.
fn start(args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_ccplan"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ccplan starts")
}

/// Runs `ccplan ARGS` with `stdin` as standard input.
fn ccplan(args: &[&str], stdin: &str) -> Output {
    let mut child = start(args);
    let mut input = child.stdin.take().expect("stdin is piped");
    let text = stdin.to_owned();
    let writer = std::thread::spawn(move || input.write_all(text.as_bytes()));
    let output = child.wait_with_output().expect("ccplan runs");
    writer
        .join()
        .expect("writer thread")
        .expect("stdin written");
    output
}

/// Runs `ccplan eval` and returns its output lines parsed as JSON.
fn eval(input: &str) -> Vec<Value> {
    let output = ccplan(&["eval"], input);
    assert!(
        output.status.success(),
        "exit {:?}: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}")))
        .collect()
}

fn eval_one(request: &str) -> Value {
    let mut replies = eval(&format!("{request}\n"));
    assert_eq!(replies.len(), 1, "{replies:?}");
    replies.remove(0)
}

fn number(reply: &Value, field: &str) -> f64 {
    reply[field]
        .as_f64()
        .unwrap_or_else(|| panic!("no number `{field}` in {reply}"))
}

fn error(reply: &Value) -> &str {
    reply["error"]
        .as_str()
        .unwrap_or_else(|| panic!("expected an error, got {reply}"))
}

fn assert_close(value: f64, expected: f64, tolerance: f64) {
    assert!(
        (value - expected).abs() <= tolerance,
        "{value} is not within {tolerance:e} of {expected}"
    );
}

// Reference values (30-digit arithmetic), written to more digits than an f64
// holds so that they read as the reference rather than as a rounded double.
/// Erlang B blocking, A = 10 Erlangs, N = 15 servers.
#[allow(clippy::excessive_precision)]
const ERLANG_B_10_15: f64 = 0.036_496_945_472_370_793;
/// Erlang C service level, A = 10, N = 14, AHT 180 s, T = 20 s.
#[allow(clippy::excessive_precision)]
const ERLANG_C_SL_10_14: f64 = 0.888_350_019_179_466_88;

const REQUIRED_C: &str = r#"{"op":"required_agents","model":"erlang_c","traffic":10,"aht_s":180,"target_sl":0.8,"target_s":20}"#;

#[test]
fn erlang_b_blocking() {
    let reply = eval_one(r#"{"op":"erlang_b","traffic":10,"servers":15}"#);
    assert_close(number(&reply, "blocking"), ERLANG_B_10_15, 1e-15);
    // B(2, 1) = 0.2 exactly (textbook).
    let reply = eval_one(r#"{"op":"erlang_b","traffic":1,"servers":2}"#);
    assert_close(number(&reply, "blocking"), 0.2, 1e-16);
}

#[test]
fn erlang_b_fractional_servers_lie_between_neighbours() {
    let replies = eval(concat!(
        r#"{"op":"erlang_b","traffic":10,"servers":15}"#,
        "\n",
        r#"{"op":"erlang_b","traffic":10,"servers":15.5}"#,
        "\n",
        r#"{"op":"erlang_b","traffic":10,"servers":16}"#,
        "\n",
    ));
    let b: Vec<f64> = replies.iter().map(|r| number(r, "blocking")).collect();
    assert!(b[0] > b[1] && b[1] > b[2], "{b:?}");
}

#[test]
fn erlang_c_figures() {
    let reply = eval_one(r#"{"op":"erlang_c","traffic":10,"agents":14,"aht_s":180,"target_s":20}"#);
    assert_close(number(&reply, "service_level"), ERLANG_C_SL_10_14, 1e-14);
    assert_close(number(&reply, "occupancy"), 10.0 / 14.0, 1e-15);
    let p_wait = number(&reply, "p_wait");
    // ASA = Pw·AHT/(N − A), Lq = Pw·A/(N − A).
    assert_close(number(&reply, "asa_s"), p_wait * 180.0 / 4.0, 1e-12);
    assert_close(number(&reply, "queue_length"), p_wait * 10.0 / 4.0, 1e-14);
    assert!(reply.get("unstable").is_none());
}

#[test]
fn erlang_c_unstable_when_agents_do_not_exceed_traffic() {
    let reply = eval_one(r#"{"op":"erlang_c","traffic":10,"agents":10,"aht_s":180,"target_s":20}"#);
    assert_eq!(reply, serde_json::json!({"unstable": true}));
    let reply =
        eval_one(r#"{"op":"erlang_c","traffic":10,"agents":9.5,"aht_s":180,"target_s":20}"#);
    assert_eq!(reply, serde_json::json!({"unstable": true}));
}

#[test]
fn erlang_a_figures() {
    let reply = eval_one(
        r#"{"op":"erlang_a","traffic":10,"agents":10,"aht_s":180,"patience_s":120,"target_s":20}"#,
    );
    for field in [
        "p_wait",
        "p_abandon",
        "service_level",
        "service_level_answered",
        "asa_s",
        "occupancy",
        "queue_length",
    ] {
        let value = number(&reply, field);
        assert!(value.is_finite() && value >= 0.0, "{field} = {value}");
    }
    let p_abandon = number(&reply, "p_abandon");
    assert!(p_abandon > 0.0 && p_abandon < number(&reply, "p_wait"));
    assert!(number(&reply, "service_level") < number(&reply, "service_level_answered"));
    // Carried load per agent: A·(1 − P(abandon)) / N.
    assert_close(number(&reply, "occupancy"), 1.0 - p_abandon, 1e-14);
    // Little's law on abandonments: Lq = λ·P(abandon)·patience = A·(patience/AHT)·P(abandon).
    assert_close(
        number(&reply, "queue_length"),
        10.0 * 120.0 / 180.0 * p_abandon,
        1e-13,
    );
}

#[test]
fn required_agents_erlang_c() {
    let reply = eval_one(REQUIRED_C);
    assert_eq!(reply["agents"], 14);
    assert_close(number(&reply, "service_level"), ERLANG_C_SL_10_14, 1e-14);
    assert_eq!(number(&reply, "p_abandon"), 0.0);
    assert_eq!(
        number(&reply, "service_level_answered"),
        number(&reply, "service_level")
    );
    assert!(
        reply.get("scheduled_fte").is_none(),
        "no shrinkage, no FTE: {reply}"
    );

    let with_shrinkage = REQUIRED_C.replace('}', r#","shrinkage":0.3}"#);
    let reply = eval_one(&with_shrinkage);
    assert_eq!(reply["agents"], 14);
    assert_close(number(&reply, "scheduled_fte"), 20.0, 1e-12);
}

#[test]
fn required_agents_with_caps() {
    // 14 agents run at 71 % occupancy; a 70 % cap needs ceil(10 / 0.7) = 15.
    let reply = eval_one(&REQUIRED_C.replace('}', r#","max_occupancy":0.7}"#));
    assert_eq!(reply["agents"], 15);
    // An ASA cap of 5 s: 14 agents give 7.8 s, so more are needed.
    let reply = eval_one(&REQUIRED_C.replace('}', r#","max_asa_s":5}"#));
    assert!(reply["agents"].as_u64().unwrap() > 14, "{reply}");
    assert!(number(&reply, "asa_s") <= 5.0);
}

#[test]
fn required_agents_erlang_a() {
    let reply = eval_one(
        r#"{"op":"required_agents","model":"erlang_a","traffic":10,"aht_s":180,"target_sl":0.8,"target_s":20,"patience_s":120}"#,
    );
    let agents = reply["agents"].as_u64().expect("whole agents");
    // Abandonment thins the queue: never more agents than Erlang C needs.
    assert!((10..=14).contains(&agents), "{reply}");
    assert!(number(&reply, "service_level") >= 0.8);
    assert!(number(&reply, "p_abandon") > 0.0);
}

#[test]
fn erlang_a_needs_patience() {
    let reply = eval_one(
        r#"{"op":"required_agents","model":"erlang_a","traffic":10,"aht_s":180,"target_sl":0.8,"target_s":20}"#,
    );
    let message = error(&reply);
    assert!(
        message.contains("patience_s") && message.contains("erlang_a"),
        "{message}"
    );
    let reply = eval_one(&REQUIRED_C.replace('}', r#","patience_s":120}"#));
    assert!(error(&reply).contains("patience_s"), "{reply}");
}

#[test]
fn bad_line_between_good_ones_gets_an_error_line() {
    let input = format!(
        "{}\nthis is not json\n\n   \n{}\n",
        r#"{"op":"erlang_b","traffic":10,"servers":15}"#, REQUIRED_C
    );
    let output = ccplan(&["eval"], &input);
    assert_eq!(output.status.code(), Some(0));
    let replies: Vec<Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(replies.len(), 3, "blank lines are skipped: {replies:?}");
    assert_close(number(&replies[0], "blocking"), ERLANG_B_10_15, 1e-15);
    assert!(
        error(&replies[1]).contains("invalid JSON"),
        "{}",
        replies[1]
    );
    assert_eq!(replies[2]["agents"], 14);
}

#[test]
fn a_tiny_occupancy_cap_is_an_error_line_not_an_abort() {
    // ⌈10 / 1e-9⌉ = 10¹⁰ agents: once an allocation of 24 GiB and exit 134.
    let tiny = |cap: &str| {
        format!(
            r#"{{"op":"required_agents","model":"erlang_a","traffic":10,"aht_s":180,"target_sl":0.8,"target_s":20,"patience_s":120,"max_occupancy":{cap}}}"#
        )
    };
    let input = format!(
        "{}\n{}\n{}\n{}\n",
        tiny("1e-9"),
        tiny("1e-7"),
        tiny("1e-5"),
        REQUIRED_C
    );
    let replies = eval(&input);
    assert_eq!(replies.len(), 4, "{replies:?}");
    for reply in &replies[..3] {
        assert_eq!(
            error(reply),
            "required_agents: the targets need more than 200000 agents"
        );
    }
    assert_eq!(replies[3]["agents"], 14);
    let plan = ccplan(
        &[
            "plan",
            "--csv",
            "-",
            "--aht",
            "180",
            "--model",
            "erlang_a",
            "--max-occupancy",
            "1e-9",
        ],
        "100\n",
    );
    assert_eq!(
        plan.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&plan.stderr)
    );
}

#[test]
fn unknown_op_is_named() {
    let reply = eval_one(r#"{"op":"erlang_x","traffic":10}"#);
    let message = error(&reply);
    assert!(
        message.contains("erlang_x") && message.contains("erlang_b"),
        "{message}"
    );
    assert!(error(&eval_one(r#"{"traffic":10,"servers":3}"#)).contains("op"));
}

#[test]
fn misspelled_field_is_named_not_ignored() {
    let reply = eval_one(r#"{"op":"erlang_b","trafic":10,"servers":15}"#);
    let message = error(&reply);
    assert!(message.contains("`trafic`"), "{message}");
    // An unknown field is refused even when every required field is present.
    let reply = eval_one(r#"{"op":"erlang_b","traffic":10,"servers":15,"sevrers":16}"#);
    assert!(error(&reply).contains("`sevrers`"), "{reply}");
}

#[test]
fn missing_and_mistyped_fields_and_engine_errors() {
    let reply = eval_one(r#"{"op":"erlang_c","traffic":10,"agents":14,"aht_s":180}"#);
    assert!(error(&reply).contains("`target_s`"), "{reply}");
    let reply = eval_one(r#"{"op":"erlang_b","traffic":"10","servers":15}"#);
    assert!(
        error(&reply).contains("`traffic` must be a number"),
        "{reply}"
    );
    let reply = eval_one(r#"{"op":"erlang_b","traffic":-1,"servers":15}"#);
    assert!(error(&reply).contains("offered load"), "{reply}");
    let reply = eval_one(&REQUIRED_C.replace("0.8", "1.0"));
    assert!(error(&reply).contains("service-level target"), "{reply}");
    let reply = eval_one(r#"[1, 2]"#);
    assert!(error(&reply).contains("JSON object"), "{reply}");
}

/// A person typing into `ccplan eval` gets each answer as soon as the line
/// is sent, while standard input stays open: answers are held back only
/// while more input is already at hand. (The test waits up to a minute per
/// answer: a build that held it until the end of input would fail here.)
#[test]
fn eval_answers_a_line_at_once_while_input_stays_open() {
    use std::io::{BufRead, BufReader};
    use std::sync::mpsc;
    use std::time::Duration;
    let mut child = start(&["eval"]);
    let mut input = child.stdin.take().expect("stdin is piped");
    let mut replies = BufReader::new(child.stdout.take().expect("stdout is piped"));
    let (sender, receiver) = mpsc::channel();
    let reader = std::thread::spawn(move || loop {
        let mut line = String::new();
        match replies.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) => {
                if sender.send(line).is_err() {
                    break;
                }
            }
        }
    });
    for (request, starts) in [
        (REQUIRED_C, r#"{"agents":14,"#),
        (
            r#"{"op":"erlang_b","traffic":10,"servers":15}"#,
            r#"{"blocking":0.0364969"#,
        ),
        ("{", r#"{"error":"invalid JSON"#),
    ] {
        input
            .write_all(format!("{request}\n").as_bytes())
            .and_then(|()| input.flush())
            .expect("request sent");
        let reply = receiver
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("no answer to {request} while input is open"));
        assert!(reply.starts_with(starts), "{reply}");
    }
    drop(input);
    assert!(child.wait().expect("ccplan exits").success());
    reader.join().expect("reader thread");
    assert!(receiver.try_recv().is_err(), "one answer per line");
}

/// A day of `required_agents` lines sent in uneven pieces (lines split
/// across writes) is answered line for line as each line alone, and
/// `--timing` reports the requests on stderr without touching stdout.
#[test]
fn eval_answers_a_day_in_pieces_as_each_line_alone() {
    let mut lines = Vec::new();
    for i in 0..96 {
        let traffic = 50.0 + 4950.0 * (std::f64::consts::PI * f64::from(i) / 95.0).sin();
        lines.push(REQUIRED_C.replace(r#""traffic":10"#, &format!(r#""traffic":{traffic:?}"#)));
        if i % 16 == 3 {
            lines.push(REQUIRED_C.replace("erlang_c", "erlang_a"));
            lines.push(REQUIRED_C.replace(r#""erlang_c""#, r#""erlang_a","patience_s":120"#));
            lines.push(String::new());
        }
    }
    let text = lines.join("\n") + "\n";
    let mut child = start(&["eval", "--timing"]);
    let mut input = child.stdin.take().expect("stdin is piped");
    let bytes = text.clone().into_bytes();
    let writer = std::thread::spawn(move || {
        for piece in bytes.chunks(997) {
            input.write_all(piece)?;
            input.flush()?;
        }
        Ok::<(), std::io::Error>(())
    });
    let output = child.wait_with_output().expect("ccplan runs");
    writer
        .join()
        .expect("writer thread")
        .expect("stdin written");
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let requests: Vec<&String> = lines.iter().filter(|l| !l.is_empty()).collect();
    let alone: Vec<String> = requests
        .iter()
        .map(|line| {
            let out = ccplan(&["eval"], &format!("{line}\n"));
            String::from_utf8(out.stdout).expect("UTF-8")
        })
        .collect();
    assert_eq!(stdout, alone.concat());
    assert_eq!(stdout.lines().count(), 96 + 2 * 6);
    assert_eq!(stdout.matches(r#"{"agents":"#).count(), 96 + 6);
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert!(
        stderr.starts_with("ccplan eval: 108 requests in ")
            && stderr.ends_with(" ms, from the first byte read to the last byte written\n"),
        "{stderr}"
    );
}

#[test]
fn eval_with_no_input_prints_nothing() {
    let output = ccplan(&["eval"], "");
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
}

// ---------------------------------------------------------------- plan

fn data(name: &str) -> String {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "data", name]
        .iter()
        .collect();
    path.to_str().expect("UTF-8 path").to_owned()
}

/// Runs `ccplan plan ARGS`, expects success, and returns the CSV rows (header included).
fn plan(args: &[&str], stdin: &str) -> Vec<Vec<String>> {
    let mut all = vec!["plan"];
    all.extend_from_slice(args);
    let output = ccplan(&all, stdin);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(output.stdout.as_slice());
    reader
        .records()
        .map(|r| r.expect("CSV output").iter().map(str::to_owned).collect())
        .collect()
}

fn column<'a>(rows: &'a [Vec<String>], name: &str) -> Vec<&'a str> {
    let index = rows[0]
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"));
    rows[1..].iter().map(|row| row[index].as_str()).collect()
}

#[test]
fn plan_with_header_row() {
    let rows = plan(&["--csv", &data("with_header.csv"), "--aht", "180"], "");
    assert_eq!(rows[0][..11], ccplan_engine::plan::INTERVAL_COLUMNS);
    assert_eq!(rows.len(), 1 + 5 + 1, "header, five intervals, TOTAL");
    assert_eq!(
        column(&rows, "interval_start"),
        [
            "2026-11-23 08:00",
            "2026-11-23 08:30",
            "2026-11-23 09:00",
            "2026-11-23 09:30",
            "2026-11-23 10:00",
            "TOTAL"
        ]
    );
    // 30-minute intervals at 180 s: A = volume / 10 Erlangs.
    assert_eq!(
        column(&rows, "traffic_erlangs")[..5],
        ["2.0000", "10.0000", "0.0000", "25.0000", "5.7500"]
    );
    assert_eq!(column(&rows, "agents"), ["4", "14", "0", "30", "9", "30"]);
    // 14 agents / (1 − 0.3) = 20 scheduled.
    assert_eq!(column(&rows, "scheduled_fte")[1], "20.00");
    assert_eq!(column(&rows, "service_level")[1], "0.8884");
    assert_eq!(column(&rows, "volume")[5], "427.5");
    // Σ agents × ½ h = 57 × 0.5.
    assert_eq!(column(&rows, "agent_hours")[5], "28.50");
    assert_eq!(column(&rows, "intervals_missing_target")[5], "0");
    assert_eq!(column(&rows, "cost")[5], "", "no --cost-per-hour, no cost");
}

#[test]
fn plan_with_per_row_aht_and_no_header() {
    let rows = plan(
        &[
            "--csv",
            &data("per_row_aht.csv"),
            "--aht",
            "240",
            "--cost-per-hour",
            "30",
        ],
        "",
    );
    assert_eq!(column(&rows, "aht_s"), ["180", "240", "360", "90", ""]);
    assert_eq!(column(&rows, "agents"), ["14", "17", "25", "4", "25"]);
    // paid hours = Σ agents / 0.7 × 0.5 = 60 / 1.4; cost = 30 × that.
    assert_eq!(column(&rows, "paid_hours")[4], "42.86");
    assert_eq!(column(&rows, "cost")[4], "1285.71");
}

#[test]
fn plan_reads_stdin_and_staffs_erlang_a_no_higher() {
    let forecast = std::fs::read_to_string(data("per_row_aht.csv")).unwrap();
    let c = plan(&["--csv", "-", "--aht", "240"], &forecast);
    let a = plan(
        &[
            "--csv",
            "-",
            "--aht",
            "240",
            "--model",
            "erlang_a",
            "--patience",
            "60",
        ],
        &forecast,
    );
    for (c, a) in column(&c, "agents").iter().zip(column(&a, "agents")) {
        assert!(a.parse::<u32>().unwrap() <= c.parse::<u32>().unwrap());
    }
    assert!(column(&a, "abandon")[..4]
        .iter()
        .all(|p| p.parse::<f64>().unwrap() > 0.0));
}

#[test]
fn bad_csv_row_names_its_line() {
    let output = ccplan(&["plan", "--csv", &data("bad_row.csv")], "");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty(), "nothing half-written");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("line 4") && stderr.contains("12O"),
        "{stderr}"
    );
}

#[test]
fn engine_errors_name_the_line_or_the_option() {
    let output = ccplan(&["plan", "--csv", "-"], "08:00,10\n08:30,-5\n");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("line 2") && stderr.contains("volume"),
        "{stderr}"
    );

    let output = ccplan(&["plan", "--csv", "-", "--sl", "1.5"], "08:00,10\n");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stderr).unwrap().contains("--sl"));

    let output = ccplan(
        &[
            "plan",
            "--csv",
            "-",
            "--model",
            "erlang_a",
            "--patience",
            "0",
        ],
        "08:00,10\n",
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stderr)
        .unwrap()
        .contains("--patience"));

    let output = ccplan(&["plan", "--csv", "-"], "interval,volume\n");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stderr)
        .unwrap()
        .contains("no intervals"));

    let output = ccplan(&["plan", "--csv", "-"], "08:00,10,300,extra\n");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stderr).unwrap().contains("line 1"));
}

#[test]
fn example_forecast_plans() {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "examples", "forecast.csv"]
        .iter()
        .collect();
    let rows = plan(&["--csv", path.to_str().unwrap()], "");
    assert_eq!(
        rows.len(),
        1 + 24 + 1,
        "08:00–19:30 in half hours, plus TOTAL"
    );
    let levels = column(&rows, "service_level");
    assert!(
        levels.iter().all(|sl| sl.parse::<f64>().unwrap() >= 0.8),
        "{levels:?}"
    );
}

#[test]
fn plan_input_that_once_misread_or_overflowed() {
    // A malformed first volume is an error, not a silently skipped header.
    let output = ccplan(
        &["plan", "--csv", "-", "--aht", "180"],
        "08:00,12x\n08:30,10\n",
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("line 1"));
    // Labels a spreadsheet would run are written as text; CR-only line ends read.
    let rows = plan(
        &["--csv", "-", "--aht", "180"],
        "start,volume\r\"=HYPERLINK(\"\"x\"\",\"\"y\"\")\",10\r@SUM(A1),20\r",
    );
    assert_eq!(rows.len(), 1 + 2 + 1, "{rows:?}");
    assert_eq!(rows[1][0], "'=HYPERLINK(\"x\",\"y\")");
    assert_eq!(rows[2][0], "'@SUM(A1)");
    // A cost that would overflow the day's total is refused, not printed as inf.
    let output = ccplan(
        &[
            "plan",
            "--csv",
            "-",
            "--aht",
            "180",
            "--cost-per-hour",
            "1e308",
        ],
        "08:00,10\n",
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--cost-per-hour"));
}

/// `tests/corpus/hostile.jsonl` (made by `tests/corpus/generate.py`): 200
/// requests meant to break `eval`. Every non-blank line gets one JSON reply,
/// an error or finite numbers, never `-0`; nothing aborts.
#[test]
fn a_hostile_stream_is_answered_line_by_line() {
    let input = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/corpus/hostile.jsonl"
    ))
    .expect("corpus");
    let expected = input.lines().filter(|l| !l.trim().is_empty()).count();
    assert_eq!(input.lines().count(), 200);
    let replies = eval(&input);
    assert_eq!(replies.len(), expected);
    let mut answered = 0;
    for (reply, request) in replies
        .iter()
        .zip(input.lines().filter(|l| !l.trim().is_empty()))
    {
        let object = reply.as_object().unwrap_or_else(|| panic!("{reply}"));
        if object.contains_key("error") {
            assert_eq!(object.len(), 1, "{reply}");
            continue;
        }
        answered += 1;
        for value in object.values() {
            if let Some(number) = value.as_f64() {
                assert!(number.is_finite(), "{reply} for {request:.200}");
                assert!(
                    !(number == 0.0 && number.is_sign_negative()),
                    "-0 in {reply}"
                );
            }
        }
    }
    assert!(
        answered >= 20,
        "the corpus also holds valid edge cases: {answered}"
    );
}

/// Every figure of a `forecast` reply: finite and never negative.
fn forecast_figures(reply: &Value) -> Vec<f64> {
    ["mean", "lower", "upper"]
        .iter()
        .flat_map(|field| {
            reply[*field]
                .as_array()
                .unwrap_or_else(|| panic!("no `{field}` in {reply}"))
                .iter()
                .map(|v| {
                    v.as_f64()
                        .unwrap_or_else(|| panic!("{field}: {v} in {reply}"))
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// A forecast request of `history` with a weekly season.
fn forecast_request(history: &[f64], extra: &str) -> String {
    let values: Vec<String> = history.iter().map(|v| v.to_string()).collect();
    format!(
        r#"{{"op":"forecast","history":[{}],"season":7,"horizon":60{extra}}}"#,
        values.join(",")
    )
}

/// The documented maximum, 10 000 daily values, falling to near zero at
/// the end (where an additive model's mean and lower bound go below 0):
/// answered, every figure finite and at least 0. (Its time is in
/// BENCHMARKS.md: it took minutes, growing with the square of the length.)
#[test]
fn a_forecast_of_ten_thousand_values_is_finite_and_never_negative() {
    let shape = [1.2, 1.05, 1.0, 0.98, 0.95, 0.6, 0.4];
    let history: Vec<f64> = (0..10_000)
        .map(|t| {
            let level = if t < 9_900 {
                1000.0
            } else {
                1000.0 - 9.9 * (t - 9_900) as f64
            };
            let wobble = ((t * 7919) % 17) as f64 / 17.0 * 40.0;
            (level * shape[t % 7] + wobble).max(0.0).round()
        })
        .collect();
    for extra in ["", r#","model":"ana""#] {
        let reply = eval_one(&forecast_request(&history, extra));
        let figures = forecast_figures(&reply);
        assert_eq!(figures.len(), 180, "{reply}");
        assert!(
            figures.iter().all(|v| v.is_finite() && *v >= 0.0),
            "{reply}"
        );
    }
}

/// One day of 10 000 000 among days of about 1 000: the multiplicative
/// model (whose interval reached 4e40) is not used, or, asked for by name,
/// refused with a message that says what to do; the figures stay within
/// 100 times the largest day.
#[test]
fn an_outlying_day_gives_bounded_figures_or_a_message() {
    let shape = [1.2, 1.05, 1.0, 0.98, 0.95, 0.6, 0.4];
    let mut history: Vec<f64> = (0..210)
        .map(|t| (1000.0 * shape[t % 7] + ((t * 7919) % 13) as f64 * 4.0).round())
        .collect();
    history[150] = 1e7;
    let reply = eval_one(&forecast_request(&history, ""));
    assert_ne!(reply["model"], "mnm", "{reply}");
    assert!(
        forecast_figures(&reply)
            .iter()
            .all(|v| (0.0..=1e9).contains(v)),
        "{reply}"
    );
    let reply = eval_one(&forecast_request(&history, r#","model":"mnm""#));
    let message = error(&reply);
    assert!(
        message.contains("ETS(M,N,M) gives no meaningful forecast")
            && message.contains("leave out the outlying days"),
        "{message}"
    );
}

/// A key given twice is refused by name, whatever its place, rather than
/// the last one taken without a word.
#[test]
fn a_duplicate_key_is_refused_by_name() {
    let reply = eval_one(
        r#"{"op":"forecast","history":[1,2,3,4,5,6,7,8],"season":7,"season":2,"horizon":3}"#,
    );
    let message = error(&reply);
    assert!(message.contains("key `season` is given twice"), "{message}");
    let reply = eval_one(r#"{"op":"erlang_b","op":"erlang_c","traffic":10,"servers":15}"#);
    assert!(error(&reply).contains("key `op` is given twice"), "{reply}");
}

// ---------------------------------------------------------------- forecast

/// The bank example history (date,time,calls; 144 weekdays of half-hours).
fn bank_history() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../engine/tests/reference/bank-calls-train-30min.csv"
    ))
    .expect("bank history")
}

/// The bank history rewritten line by line (the header's commas as the
/// first line's separator).
fn rewritten(each: impl Fn(&str, &str, u32) -> String, end: &str) -> String {
    let text = bank_history();
    let mut lines = text.lines();
    let first = each("2003-03-03", "07:00", 1);
    let separator = [";", "\t"]
        .into_iter()
        .find(|s| first.contains(s))
        .unwrap_or(",");
    let mut out = format!("{}{end}", lines.next().unwrap().replace(',', separator));
    for line in lines {
        let fields: Vec<&str> = line.split(',').collect();
        out.push_str(&each(fields[0], fields[1], fields[2].parse().unwrap()));
        out.push_str(end);
    }
    out
}

fn forecast(args: &[&str], stdin: &str) -> Output {
    let mut all = vec!["forecast", "--csv", "-", "--days", "5"];
    all.extend_from_slice(args);
    ccplan(&all, stdin)
}

/// The first line of the bank history whose calls reach `at_least`.
fn first_line_with(at_least: u32) -> usize {
    bank_history()
        .lines()
        .position(|l| l.split(',').nth(2).and_then(|c| c.parse::<u32>().ok()) >= Some(at_least))
        .unwrap()
        + 1
}

#[test]
fn forecast_reads_decimal_marks_by_the_file_and_refuses_what_reads_two_ways() {
    let plain = forecast(&[], &bank_history());
    assert_eq!(
        plain.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&plain.stderr)
    );
    let thousands = |n: u32| {
        if n >= 1000 {
            format!("{}.{:03}", n / 1000, n % 1000)
        } else {
            n.to_string()
        }
    };
    // Semicolons with a dot grouping thousands (`1.050`) and nothing else
    // that says which mark is decimal: refused, naming the line and both readings.
    let german = rewritten(|d, t, n| format!("{d};{t};{}", thousands(n)), "\n");
    let refused = forecast(&[], &german);
    let message = String::from_utf8_lossy(&refused.stderr).to_string();
    assert_eq!(refused.status.code(), Some(2), "{message}");
    let line = first_line_with(1000);
    assert!(
        message.contains(&format!("line {line}: \"1.050\" reads as 1.05 with a decimal point or as 1050 with a decimal comma")),
        "{message}"
    );
    assert!(refused.stdout.is_empty());
    // Told which, it forecasts exactly as the plain file does.
    let told = forecast(&["--decimal-mark", "comma"], &german);
    assert_eq!(
        told.stdout,
        plain.stdout,
        "{}",
        String::from_utf8_lossy(&told.stderr)
    );
    // One decimal comma in the file says it: read right without asking.
    let decided = german.replacen(";560\n", ";560,0\n", 1);
    assert_ne!(decided, german);
    assert_eq!(forecast(&[], &decided).stdout, plain.stdout);
    // Tabs and CR-only line ends with a decimal point and thousands commas: the same forecast.
    let english = rewritten(
        |d, t, n| format!("{d}\t{t}\t{}", thousands(n).replace('.', ",")),
        "\r",
    )
    .replacen("\t560\r", "\t560.0\r", 1);
    assert_eq!(forecast(&[], &english).stdout, plain.stdout);
}

#[test]
fn forecast_refuses_unquoted_thousands_and_a_stray_quote_at_their_line() {
    // `2003-03-03,09:00,2,073` is four fields under a three-column header:
    // never contacts 2 with an AHT of 73.
    let with_commas = |quote: &'static str, end| {
        rewritten(
            move |d, t, n| match n {
                1000.. => format!("{d},{t},{quote}{},{:03}{quote}", n / 1000, n % 1000),
                _ => format!("{d},{t},{n}"),
            },
            end,
        )
    };
    let commas = with_commas("", "\n");
    let output = forecast(&[], &commas);
    let message = String::from_utf8_lossy(&output.stderr).to_string();
    assert_eq!(output.status.code(), Some(2), "{message}");
    let line = first_line_with(1000);
    assert!(
        message.contains(&format!(
            "line {line}: 4 fields where the other lines have 3"
        )),
        "{message}"
    );
    assert!(output.stdout.is_empty());
    // Quoted, the same numbers read as thousands.
    let quoted = with_commas("\"", "\r\n");
    assert_eq!(
        forecast(&[], &quoted).stdout,
        forecast(&[], &bank_history()).stdout
    );
    // One stray quote: an error at its line (CR-only line ends counted as lines).
    let stray = bank_history()
        .replacen("2003-03-05,07:00,", "2003-03-05,07:00,\"", 1)
        .replace('\n', "\r");
    let at = bank_history()
        .lines()
        .position(|l| l.starts_with("2003-03-05,07:00"))
        .unwrap()
        + 1;
    let output = forecast(&[], &stray);
    let message = String::from_utf8_lossy(&output.stderr).to_string();
    assert_eq!(output.status.code(), Some(2), "{message}");
    assert!(
        message.contains(&format!("line {at}: a quote")),
        "{message}"
    );
    let bad = forecast(&["--decimal-mark", "point"], &bank_history());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--decimal-mark"));
}

#[test]
fn a_schedule_of_a_million_shifts_is_refused_before_it_is_read() {
    // About 17 MB on one line: refused by its count (read whole, such a
    // line peaked at about 1 GB before its error line).
    let mut request = String::from(r#"{"op":"schedule","requirement":[1],"shifts":["#);
    for i in 0..1_000_000 {
        if i > 0 {
            request.push(',');
        }
        request.push_str(r#"{"cover":[1]}"#);
    }
    request.push_str("]}");
    let reply = eval_one(&request);
    assert_eq!(
        error(&reply),
        "schedule: `shifts` holds 1000000 shifts; at most 5000 are solved (send fewer)"
    );
}

#[test]
fn a_schedule_reports_the_work_it_did_within_its_budget() {
    let reply = eval_one(
        r#"{"op":"schedule","requirement":[2,1,1],"shifts":[{"cover":[1,1,1],"cost":3},{"cover":[1,0,0],"cost":1.5},{"cover":[0,1,1],"cost":1.5}],"work_limit":1000}"#,
    );
    assert_eq!(number(&reply, "cost"), 4.5);
    assert_eq!(reply["optimal"], true);
    let work = number(&reply, "work");
    assert!((1.0..=1000.0).contains(&work), "{reply}");
    let refused =
        eval_one(r#"{"op":"schedule","requirement":[1],"shifts":[{"cover":[1]}],"work_limit":-1}"#);
    assert!(error(&refused).contains("work_limit"), "{refused}");
}
