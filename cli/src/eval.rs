//! `ccplan eval`: JSON Lines in, one JSON line out per request.
//!
//! Requests are read as `serde_json` objects; fields are taken out by name
//! so that every message can name the field at fault, and any field the op
//! does not know is refused (a typo such as `"trafic"` must not be ignored),
//! and so is a key given twice in any object (`serde_json::Value` would keep
//! the last without a word).
//!
//! The one exception is speed: a valid `required_agents` line, the request
//! a day sends 96 times, is first read in one pass into typed fields
//! ([`Staffing`]); whatever that pass cannot take is read as above, so the
//! messages are the same. Lines read together are answered together (see
//! [`run`]).

use crate::Failure;
use ccplan_engine::allocate::{allocate, proportional_cut};
use ccplan_engine::erlang_c::Outcome;
use ccplan_engine::ets::EtsModel;
use ccplan_engine::forecast::{forecast_daily, ModelChoice};
use ccplan_engine::schedule::{
    solve, Column, Limits, Objective, DEFAULT_NODE_LIMIT, DEFAULT_WORK_LIMIT, MAX_REQUIREMENT,
    MAX_VARIANTS,
};
use ccplan_engine::staffing::{self, Model, Requirement, Search, Targets};
use ccplan_engine::{erlang_a, erlang_b, erlang_c};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Serialize;
use serde_json::{Map, Number, Value};
use std::io::{self, Read, Write};
use std::time::{Duration, Instant};

/// The ops and the fields each accepts besides `"op"`.
const OPS: &[(&str, &[&str])] = &[
    ("erlang_b", &["traffic", "servers"]),
    ("erlang_c", &["traffic", "agents", "aht_s", "target_s"]),
    (
        "erlang_a",
        &["traffic", "agents", "aht_s", "patience_s", "target_s"],
    ),
    (
        "required_agents",
        &[
            "model",
            "traffic",
            "aht_s",
            "target_sl",
            "target_s",
            "patience_s",
            "max_occupancy",
            "max_asa_s",
            "max_abandon",
            "shrinkage",
        ],
    ),
    (
        "forecast",
        &["history", "season", "horizon", "model", "level"],
    ),
    (
        "schedule",
        &[
            "requirement",
            "shifts",
            "objective",
            "max_heads",
            "max_per_interval",
            "node_limit",
            "work_limit",
        ],
    ),
    (
        "allocate",
        &[
            "traffic",
            "aht_s",
            "target_s",
            "model",
            "patience_s",
            "budget",
            "target_sl",
        ],
    ),
];

/// Options of `ccplan eval`.
#[derive(Debug, clap::Args)]
pub(crate) struct EvalArgs {
    /// After the last answer, print to stderr how long the requests took
    /// inside the process: from the first byte read to the last byte
    /// written (process start and exit left out).
    #[arg(long)]
    timing: bool,
}

/// Bytes asked of standard input at a time (the size of a Linux pipe).
const CHUNK: usize = 1 << 16;

/// Answers pending in the output longer than this are sent even though
/// more input is at hand, so a slow stream shows its progress.
const MAX_HELD: Duration = Duration::from_millis(50);

/// Reads stdin to the end, answering each non-blank line.
///
/// The answers go out before every read that may wait for input: a person
/// or program sending one line at a time gets each answer at once, while
/// a batch (a file, a day of intervals) is answered a chunk at a time with
/// one write instead of one per line. The lines of a chunk are answered in
/// order; a run of `required_agents` requests among them is searched as
/// one batch (`staffing::required_agents_each`), bit for bit the answers
/// of one search per line.
pub(crate) fn run(args: &EvalArgs) -> Result<(), Failure> {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let stdout = io::stdout();
    let mut output = Output {
        out: io::BufWriter::with_capacity(CHUNK, stdout.lock()),
        sent: Instant::now(),
    };
    // Bytes read and not yet answered: never a whole line between reads.
    let mut pending: Vec<u8> = Vec::new();
    let mut chunk = vec![0u8; CHUNK];
    let mut first_byte: Option<Instant> = None;
    let mut requests = 0usize;
    loop {
        // Everything asked so far is answered: send it before waiting.
        output.send()?;
        let read = read_some(&mut input, &mut chunk)?;
        if read > 0 {
            first_byte.get_or_insert_with(Instant::now);
        }
        let held = pending.len();
        pending.extend_from_slice(&chunk[..read]);
        // Whole lines end at the chunk's last newline (all of it at the end).
        let whole = if read == 0 {
            pending.len()
        } else {
            match chunk[..read].iter().rposition(|&b| b == b'\n') {
                Some(at) => held + at + 1,
                None => continue,
            }
        };
        requests += answer_lines(&pending[..whole], &mut output)?;
        pending.drain(..whole);
        if read == 0 {
            break;
        }
    }
    output.send()?;
    if let (true, Some(start)) = (args.timing, first_byte) {
        eprintln!(
            "ccplan eval: {requests} requests in {:.6} ms, from the first byte read to the last byte written",
            start.elapsed().as_secs_f64() * 1e3
        );
    }
    Ok(())
}

/// One read of standard input (0 at its end), retried when interrupted.
fn read_some(input: &mut impl Read, chunk: &mut [u8]) -> Result<usize, Failure> {
    loop {
        match input.read(chunk) {
            Ok(read) => return Ok(read),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Failure::Input(format!("cannot read standard input: {e}"))),
        }
    }
}

/// Standard output, buffered, and when it was last sent.
struct Output<W: Write> {
    out: io::BufWriter<W>,
    sent: Instant,
}

impl<W: Write> Output<W> {
    /// Sends what is buffered.
    fn send(&mut self) -> Result<(), Failure> {
        self.out.flush().map_err(Failure::Output)?;
        self.sent = Instant::now();
        Ok(())
    }

    /// One reply line, sent at once if answers have waited long.
    fn line(&mut self, reply: &str) -> Result<(), Failure> {
        self.out
            .write_all(reply.as_bytes())
            .and_then(|()| self.out.write_all(b"\n"))
            .map_err(Failure::Output)?;
        self.send_if_held()
    }

    fn send_if_held(&mut self) -> Result<(), Failure> {
        if self.sent.elapsed() > MAX_HELD {
            self.send()?;
        }
        Ok(())
    }
}

/// Answers every line of `lines` (each with its newline, the last maybe
/// without), in order, into `output`; returns how many were requests
/// (blank lines are skipped).
fn answer_lines<W: Write>(lines: &[u8], output: &mut Output<W>) -> Result<usize, Failure> {
    let mut requests = 0;
    let mut run: Vec<Staffing> = Vec::new();
    for line in lines.split_inclusive(|&b| b == b'\n') {
        // The line is answered with its newline, as it was read: messages
        // that give a position count it.
        let reply = match std::str::from_utf8(line) {
            Ok(line) if line.trim().is_empty() => continue,
            Ok(line) => match Staffing::read(line) {
                Some(staffing) => {
                    run.push(staffing);
                    requests += 1;
                    continue;
                }
                None => answer(line),
            },
            Err(_) => error_line("the line is not valid UTF-8".to_owned()),
        };
        requests += 1;
        answer_run(&mut run, output)?;
        output.line(&reply)?;
    }
    answer_run(&mut run, output)?;
    Ok(requests)
}

/// A `required_agents` request read in one pass into typed fields and
/// found valid: the search it asks for and its shrinkage. Any request that
/// is not exactly that (another op, an unknown or repeated key, a wrong
/// type, a value refused) is left to [`answer`], which gives the same
/// answer for these and names what is wrong with the others.
struct Staffing<'a> {
    line: &'a str,
    search: Search,
    shrinkage: Option<f64>,
}

/// The fields of a `required_agents` request, typed. `serde` refuses an
/// unknown key, a key given twice and a value of the wrong type; an
/// optional field absent or `null` is `None`, as [`Request`] reads it.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct StaffingFields<'a> {
    op: &'a str,
    model: &'a str,
    traffic: f64,
    aht_s: f64,
    target_sl: f64,
    target_s: f64,
    patience_s: Option<f64>,
    max_occupancy: Option<f64>,
    max_asa_s: Option<f64>,
    max_abandon: Option<f64>,
    shrinkage: Option<f64>,
}

impl<'a> Staffing<'a> {
    /// The request on `line`, when it is a valid `required_agents` request.
    fn read(line: &'a str) -> Option<Self> {
        let f: StaffingFields = serde_json::from_str(line).ok()?;
        if f.op != "required_agents" {
            return None;
        }
        let model = match (f.model, f.patience_s) {
            ("erlang_c", None) => Model::ErlangC,
            ("erlang_a", Some(patience_s)) => Model::ErlangA { patience_s },
            _ => return None,
        };
        let targets = Targets::new(f.target_sl, f.target_s)
            .and_then(|t| t.with_max_asa_s(f.max_asa_s))
            .and_then(|t| t.with_max_abandon(f.max_abandon))
            .and_then(|t| t.with_max_occupancy(f.max_occupancy))
            .ok()?;
        Some(Staffing {
            line,
            search: Search {
                traffic: f.traffic,
                aht_s: f.aht_s,
                model,
                targets,
            },
            shrinkage: f.shrinkage,
        })
    }
}

/// Answers `run`, a run of consecutive `required_agents` requests, as one
/// batch, and empties it. A request the engine refuses is answered by
/// [`answer`], for the same message as on its own.
fn answer_run<W: Write>(run: &mut Vec<Staffing>, output: &mut Output<W>) -> Result<(), Failure> {
    if run.is_empty() {
        return Ok(());
    }
    let searches: Vec<Search> = run.iter().map(|s| s.search).collect();
    for (staffing, found) in run.iter().zip(staffing::required_agents_each(&searches)) {
        let reply = found.ok().and_then(|requirement| {
            let scheduled_fte = staffing
                .shrinkage
                .map(|shrinkage| staffing::scheduled_fte(f64::from(requirement.agents), shrinkage))
                .transpose()
                .ok()?;
            Some(required_reply(&requirement, scheduled_fte))
        });
        match reply {
            Some(reply) => serde_json::to_writer(&mut output.out, &reply)
                .map_err(|e| Failure::Output(e.into()))
                .and_then(|()| output.out.write_all(b"\n").map_err(Failure::Output))?,
            None => output.line(&answer(staffing.line))?,
        }
    }
    run.clear();
    output.send_if_held()
}

/// The JSON reply to one request line (the reply without a newline).
pub(crate) fn answer(line: &str) -> String {
    match respond(line) {
        Ok(json) => json,
        Err(message) => error_line(message),
    }
}

fn error_line(message: String) -> String {
    #[derive(Serialize)]
    struct ErrorLine {
        error: String,
    }
    to_json(&ErrorLine { error: message })
}

fn to_json<T: Serialize>(value: &T) -> String {
    // Serialising these plain structs of strings and finite numbers cannot fail.
    serde_json::to_string(value).expect("reply serialises to JSON")
}

/// A JSON value read with every object's keys checked: a key given twice
/// is an error naming it. (`Value`'s own reading keeps the last of them,
/// and a check on the `Value` afterwards cannot see what it dropped.)
struct Unique(Value);

impl<'de> Deserialize<'de> for Unique {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(UniqueVisitor).map(Unique)
    }
}

struct UniqueVisitor;

impl<'de> Visitor<'de> for UniqueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        // JSON text holds only finite numbers; serde_json refuses the rest.
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Unique(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut fields = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if fields.contains_key(&key) {
                return Err(de::Error::custom(format!(
                    "key `{key}` is given twice (give each key once)"
                )));
            }
            let Unique(value) = map.next_value()?;
            fields.insert(key, value);
        }
        Ok(Value::Object(fields))
    }
}

fn respond(line: &str) -> Result<String, String> {
    too_many_shifts(line)?;
    let Unique(value) = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let Value::Object(map) = value else {
        return Err(format!(
            "a request must be a JSON object with an \"op\" field, got {}",
            kind(&value)
        ));
    };
    let op = match map.get("op") {
        None => return Err(format!("missing field `op` (one of {})", op_names())),
        Some(Value::String(op)) => op.clone(),
        Some(other) => {
            return Err(format!(
                "field `op` must be a string (one of {}), got {other}",
                op_names()
            ))
        }
    };
    let Some(&(_, allowed)) = OPS.iter().find(|(name, _)| *name == op) else {
        return Err(format!(
            "unknown op {:?} (expected one of {})",
            op,
            op_names()
        ));
    };
    let request = Request::new(&op, map, allowed)?;
    let reply = match op.as_str() {
        "erlang_b" => erlang_b(&request),
        "erlang_c" => erlang_c(&request),
        "erlang_a" => erlang_a(&request),
        "required_agents" => required_agents(&request),
        "forecast" => forecast(&request),
        "schedule" => schedule(&request),
        "allocate" => allocate_budget(&request),
        _ => unreachable!("every op in OPS is handled"),
    };
    reply.map_err(|message| format!("{op}: {message}"))
}

/// Refuses a `schedule` request with more shifts than are solved before
/// the line is read into values: a pass that allocates nothing, so a
/// request of a million shifts is refused at once in little memory (read
/// whole, it would take about 1 GB). Any other line, or one this pass
/// cannot read, is left to the full reading and its messages.
fn too_many_shifts(line: &str) -> Result<(), String> {
    use serde::de::{Deserializer, IgnoredAny, SeqAccess, Visitor};
    /// The length of an array (None for anything else).
    struct Length(Option<usize>);
    impl<'de> serde::Deserialize<'de> for Length {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct Count;
            impl<'de> Visitor<'de> for Count {
                type Value = Length;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("any value")
                }
                fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Length, A::Error> {
                    let mut n = 0usize;
                    while seq.next_element::<IgnoredAny>()?.is_some() {
                        n += 1;
                    }
                    Ok(Length(Some(n)))
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> Result<Length, A::Error> {
                    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                    Ok(Length(None))
                }
                fn visit_bool<E>(self, _: bool) -> Result<Length, E> {
                    Ok(Length(None))
                }
                fn visit_i64<E>(self, _: i64) -> Result<Length, E> {
                    Ok(Length(None))
                }
                fn visit_u64<E>(self, _: u64) -> Result<Length, E> {
                    Ok(Length(None))
                }
                fn visit_f64<E>(self, _: f64) -> Result<Length, E> {
                    Ok(Length(None))
                }
                fn visit_str<E>(self, _: &str) -> Result<Length, E> {
                    Ok(Length(None))
                }
                fn visit_unit<E>(self) -> Result<Length, E> {
                    Ok(Length(None))
                }
            }
            d.deserialize_any(Count)
        }
    }
    #[derive(serde::Deserialize)]
    struct Sizes {
        #[serde(default)]
        op: Option<String>,
        #[serde(default)]
        shifts: Option<Length>,
    }
    let Ok(sizes) = serde_json::from_str::<Sizes>(line) else {
        return Ok(());
    };
    match sizes.shifts {
        Some(Length(Some(n))) if n > MAX_VARIANTS && sizes.op.as_deref() == Some("schedule") => {
            Err(format!(
            "schedule: `shifts` holds {n} shifts; at most {MAX_VARIANTS} are solved (send fewer)"
        ))
        }
        _ => Ok(()),
    }
}

fn op_names() -> String {
    OPS.iter()
        .map(|(name, _)| *name)
        .collect::<Vec<_>>()
        .join(", ")
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The fields of one request, checked against the fields its op accepts.
struct Request {
    fields: Map<String, Value>,
}

impl Request {
    fn new(op: &str, mut fields: Map<String, Value>, allowed: &[&str]) -> Result<Self, String> {
        fields.remove("op");
        let unknown: Vec<String> = fields
            .keys()
            .filter(|key| !allowed.contains(&key.as_str()))
            .map(|key| format!("`{key}`"))
            .collect();
        if !unknown.is_empty() {
            let plural = if unknown.len() == 1 { "" } else { "s" };
            let expected = allowed
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(", ");
            return Err(format!(
                "{op}: unknown field{plural} {} (this op accepts {expected})",
                unknown.join(", ")
            ));
        }
        Ok(Request { fields })
    }

    /// A required number.
    fn number(&self, name: &str) -> Result<f64, String> {
        self.optional_number(name)?
            .ok_or_else(|| format!("missing field `{name}`"))
    }

    /// An optional number; `null` counts as absent.
    fn optional_number(&self, name: &str) -> Result<Option<f64>, String> {
        match self.fields.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(number)) => number.as_f64().map(Some).ok_or_else(|| {
                format!("field `{name}` is not representable as a number: {number}")
            }),
            Some(other) => Err(format!(
                "field `{name}` must be a number, got {}: {other}",
                kind(other)
            )),
        }
    }

    /// A required string.
    fn string(&self, name: &str) -> Result<&str, String> {
        match self.fields.get(name) {
            None | Some(Value::Null) => Err(format!("missing field `{name}`")),
            Some(Value::String(text)) => Ok(text),
            Some(other) => Err(format!(
                "field `{name}` must be a string, got {}: {other}",
                kind(other)
            )),
        }
    }

    /// A required array of numbers in which `null` marks a missing value.
    fn series(&self, name: &str) -> Result<Vec<Option<f64>>, String> {
        match self.fields.get(name) {
            None | Some(Value::Null) => Err(format!("missing field `{name}`")),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, item)| match item {
                    Value::Null => Ok(None),
                    Value::Number(n) => n.as_f64().map(Some).ok_or_else(|| {
                        format!("`{name}`[{i}] is not representable as a number: {n}")
                    }),
                    other => Err(format!(
                        "`{name}`[{i}] must be a number or null, got {}: {other}",
                        kind(other)
                    )),
                })
                .collect(),
            Some(other) => Err(format!(
                "field `{name}` must be an array of numbers, got {}: {other}",
                kind(other)
            )),
        }
    }

    /// An optional whole number.
    fn optional_count(&self, name: &str) -> Result<Option<usize>, String> {
        match self.fields.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(_) => self.count(name).map(Some),
        }
    }

    /// A required whole number.
    fn count(&self, name: &str) -> Result<usize, String> {
        let value = self.number(name)?;
        if value.fract() == 0.0 && (0.0..=1e9).contains(&value) {
            Ok(value as usize)
        } else {
            Err(format!(
                "field `{name}` must be a whole number, got {value}"
            ))
        }
    }
}

fn engine_error(e: ccplan_engine::Error) -> String {
    e.to_string()
}

#[derive(Serialize)]
struct BlockingReply {
    blocking: f64,
}

fn erlang_b(request: &Request) -> Result<String, String> {
    let traffic = request.number("traffic")?;
    let servers = request.number("servers")?;
    let blocking = erlang_b::blocking(traffic, servers).map_err(engine_error)?;
    Ok(to_json(&BlockingReply { blocking }))
}

fn erlang_c(request: &Request) -> Result<String, String> {
    let traffic = request.number("traffic")?;
    let agents = request.number("agents")?;
    let aht_s = request.number("aht_s")?;
    let target_s = request.number("target_s")?;
    Ok(
        match erlang_c::evaluate(traffic, agents, aht_s, target_s).map_err(engine_error)? {
            // The engine's figures serialise to the reply's fields, in order.
            Outcome::Stable(c) => to_json(&c),
            Outcome::Unstable => to_json(&serde_json::json!({ "unstable": true })),
        },
    )
}

fn erlang_a(request: &Request) -> Result<String, String> {
    let traffic = request.number("traffic")?;
    let agents = request.number("agents")?;
    let aht_s = request.number("aht_s")?;
    let patience_s = request.number("patience_s")?;
    let target_s = request.number("target_s")?;
    let a =
        erlang_a::evaluate(traffic, agents, aht_s, patience_s, target_s).map_err(engine_error)?;
    // The engine's figures serialise to the reply's fields, in order.
    Ok(to_json(&a))
}

#[derive(Serialize)]
struct RequiredReply {
    agents: u32,
    p_wait: f64,
    p_abandon: f64,
    service_level: f64,
    service_level_answered: f64,
    asa_s: f64,
    occupancy: f64,
    queue_length: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    scheduled_fte: Option<f64>,
}

/// The queueing model named by `model` (with `patience_s` for Erlang A).
fn model_of(request: &Request) -> Result<Model, String> {
    let patience_s = request.optional_number("patience_s")?;
    Ok(match request.string("model")? {
        "erlang_c" => match patience_s {
            None => Model::ErlangC,
            Some(_) => return Err(
                "`patience_s` applies only to model \"erlang_a\" (Erlang C callers never hang up)"
                    .into(),
            ),
        },
        "erlang_a" => {
            match patience_s {
                Some(patience_s) => Model::ErlangA { patience_s },
                None => return Err(
                    "model \"erlang_a\" needs `patience_s`, the callers' mean patience in seconds"
                        .into(),
                ),
            }
        }
        other => {
            return Err(format!(
                "unknown model {other:?} (expected \"erlang_c\" or \"erlang_a\")"
            ))
        }
    })
}

fn required_agents(request: &Request) -> Result<String, String> {
    let model = model_of(request)?;
    let traffic = request.number("traffic")?;
    let aht_s = request.number("aht_s")?;
    let (service_level, target_s) = (request.number("target_sl")?, request.number("target_s")?);
    let max_asa_s = request.optional_number("max_asa_s")?;
    let max_abandon = request.optional_number("max_abandon")?;
    let max_occupancy = request.optional_number("max_occupancy")?;
    let shrinkage = request.optional_number("shrinkage")?;
    let targets = Targets::new(service_level, target_s)
        .and_then(|t| t.with_max_asa_s(max_asa_s))
        .and_then(|t| t.with_max_abandon(max_abandon))
        .and_then(|t| t.with_max_occupancy(max_occupancy))
        .map_err(engine_error)?;
    let requirement =
        staffing::required_agents(traffic, aht_s, model, &targets).map_err(engine_error)?;
    let scheduled_fte = shrinkage
        .map(|shrinkage| staffing::scheduled_fte(f64::from(requirement.agents), shrinkage))
        .transpose()
        .map_err(engine_error)?;
    Ok(to_json(&required_reply(&requirement, scheduled_fte)))
}

/// The reply to a `required_agents` request, alone or in a batch.
fn required_reply(requirement: &Requirement, scheduled_fte: Option<f64>) -> RequiredReply {
    let m = requirement.metrics;
    RequiredReply {
        agents: requirement.agents,
        p_wait: m.p_wait,
        p_abandon: m.p_abandon,
        service_level: m.service_level,
        service_level_answered: m.service_level_answered,
        asa_s: m.asa_s,
        occupancy: m.occupancy,
        queue_length: m.queue_length,
        scheduled_fte,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `required_agents` lines whose runs are answered as batches: loads
    /// (repeated, zero, refused), both models, every cap, shrinkage, and
    /// lines of other ops, blank, invalid or refused in between.
    fn mixed_stream() -> Vec<String> {
        let mut lines = Vec::new();
        let settings = [
            r#""model":"erlang_c","aht_s":300,"target_sl":0.8,"target_s":20"#,
            r#""model":"erlang_c","aht_s":180,"target_sl":0.9,"target_s":10,"max_occupancy":0.85,"shrinkage":0.3"#,
            r#""model":"erlang_a","patience_s":120,"aht_s":240.5,"target_sl":0.8,"target_s":20,"max_abandon":0.03,"max_asa_s":null"#,
            r#""target_s":20,"model":"erlang_c","aht_s":300,"target_sl":0.5,"max_asa_s":4,"shrinkage":1"#,
            r#""model":"erlang_c","aht_s":0,"target_sl":0.8,"target_s":20"#,
            r#""model":"erlang_c","aht_s":300,"target_sl":0.8,"target_s":20,"max_occupancy":1e-9"#,
        ];
        let others = [
            r#"{"op":"erlang_b","traffic":10,"servers":15}"#,
            "",
            "{",
            r#"{"op":"required_agents","model":"erlang_c","traffic":10,"aht_s":180,"target_sl":0.8,"target_s":20,"traffic":11}"#,
            r#"{"op":"required_agents","model":"erl\u0061ng_c","traffic":10,"aht_s":180,"target_sl":0.8,"target_s":20}"#,
            r#"{"op":"required_agents","model":"erlang_c","traffic":"10","aht_s":180,"target_sl":0.8,"target_s":20}"#,
            r#"{"op":"required_agents","model":"erlang_a","traffic":10,"aht_s":180,"target_sl":0.8,"target_s":20}"#,
        ];
        for i in 0..96usize {
            let traffic = 50.0 + 4950.0 * (std::f64::consts::PI * i as f64 / 95.0).sin();
            for (k, setting) in settings.iter().enumerate() {
                let traffic = match (i + k) % 13 {
                    0 => 0.0,
                    1 => -3.0,
                    2 => 10.0,
                    _ => traffic / (k as f64 + 1.0),
                };
                lines.push(format!(
                    r#"{{"op":"required_agents","traffic":{traffic:?},{setting}}}"#
                ));
            }
            if i % 5 == 0 {
                lines.push(others[i % others.len()].to_owned());
            }
        }
        lines
    }

    #[test]
    fn a_batch_of_lines_is_answered_as_each_line_alone() {
        let lines = mixed_stream();
        let mut text = lines.join("\n");
        text.push('\n');
        let mut output = Output {
            out: io::BufWriter::new(Vec::new()),
            sent: Instant::now(),
        };
        let requests = answer_lines(text.as_bytes(), &mut output).unwrap_or_else(|_| panic!());
        let batched = String::from_utf8(output.out.into_inner().unwrap()).unwrap();
        let alone: String = lines
            .iter()
            .filter(|line| !line.trim().is_empty())
            .map(|line| answer(&format!("{line}\n")) + "\n")
            .collect();
        assert_eq!(requests, batched.lines().count());
        assert_eq!(batched, alone);
        // Most of them were searched in batches, and the batches met errors.
        let read = lines.iter().filter(|l| Staffing::read(l).is_some()).count();
        assert!(read > 400, "{read}");
        assert!(alone.matches("error").count() > 100);
    }

    #[test]
    fn every_op_is_dispatched() {
        for (op, _) in OPS {
            let reply = answer(&format!(r#"{{"op":"{op}"}}"#));
            assert!(reply.contains("missing field"), "{op}: {reply}");
        }
    }

    #[test]
    fn non_objects_and_bad_op_types() {
        assert!(answer("[1,2]").contains("must be a JSON object"));
        assert!(answer(r#"{"op":3}"#).contains("must be a string"));
        assert!(answer(r#"{"traffic":3}"#).contains("missing field `op`"));
    }

    #[test]
    fn a_key_given_twice_is_refused_by_name() {
        let reply = answer(r#"{"op":"erlang_b","traffic":10,"servers":15,"traffic":20}"#);
        assert!(reply.contains("key `traffic` is given twice"), "{reply}");
        // In a nested object too.
        let reply = answer(
            r#"{"op":"schedule","requirement":[1],"shifts":[{"name":"a","cover":[1],"cover":[0]}]}"#,
        );
        assert!(reply.contains("key `cover` is given twice"), "{reply}");
        // Values read as before: numbers, nulls, strings, nesting.
        let reply = answer(r#"{"op":"erlang_b","traffic":10.0,"servers":15}"#);
        assert!(reply.starts_with(r#"{"blocking":0.0364969"#), "{reply}");
    }

    #[test]
    fn null_optional_fields_are_absent() {
        let reply = answer(
            r#"{"op":"required_agents","model":"erlang_c","traffic":10,"aht_s":180,"target_sl":0.8,"target_s":20,"shrinkage":null}"#,
        );
        assert!(
            reply.starts_with(r#"{"agents":14,"#) && !reply.contains("scheduled_fte"),
            "{reply}"
        );
    }
}

#[derive(Serialize)]
struct ForecastReply {
    model: &'static str,
    params: ForecastParams,
    mean: Vec<f64>,
    lower: Vec<f64>,
    upper: Vec<f64>,
    aicc: f64,
}

#[derive(Serialize)]
struct ForecastParams {
    alpha: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    beta: Option<f64>,
    gamma: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    phi: Option<f64>,
    sigma2: f64,
}

fn forecast(request: &Request) -> Result<String, String> {
    let history = request.series("history")?;
    let season = request.count("season")?;
    let horizon = request.count("horizon")?;
    let choice = match request.fields.get("model") {
        None | Some(Value::Null) => ModelChoice::Auto,
        Some(_) => {
            let code = request.string("model")?;
            ModelChoice::from_code(code).ok_or_else(|| {
                format!("unknown model {code:?} (expected \"auto\", \"ana\", \"mnm\" or \"adda\")")
            })?
        }
    };
    let level = request.optional_number("level")?.unwrap_or(0.95);
    let daily =
        forecast_daily(&history, season, horizon, choice, level).map_err(|e| e.to_string())?;
    let s = daily.fit.smoothing();
    let trend = daily.fit.model() == EtsModel::AddA;
    Ok(to_json(&ForecastReply {
        model: daily.fit.model().code(),
        params: ForecastParams {
            alpha: s.alpha,
            beta: trend.then_some(s.beta),
            gamma: s.gamma,
            phi: trend.then_some(s.phi),
            sigma2: daily.fit.sigma2(),
        },
        mean: daily.forecast.mean,
        lower: daily.forecast.lower,
        upper: daily.forecast.upper,
        aicc: daily.fit.aicc(),
    }))
}

#[derive(Serialize)]
struct ScheduleReply {
    counts: Vec<u32>,
    cost: f64,
    over: u64,
    under: u64,
    heads: u64,
    optimal: bool,
    bound: f64,
    nodes: u64,
    work: u64,
}

/// One shift of a `schedule` request: `{"name", "cover": [0/1 per
/// interval], "cost", "max"?}`.
fn shift_column(i: usize, value: &Value, intervals: usize) -> Result<Column, String> {
    let Value::Object(shift) = value else {
        return Err(format!(
            "`shifts`[{i}] must be an object, got {}",
            kind(value)
        ));
    };
    if let Some(unknown) = shift
        .keys()
        .find(|k| !["name", "cover", "cost", "max"].contains(&k.as_str()))
    {
        return Err(format!("`shifts`[{i}] has an unknown field `{unknown}`"));
    }
    let cover = match shift.get("cover") {
        Some(Value::Array(flags)) if flags.len() == intervals => flags
            .iter()
            .enumerate()
            .filter_map(|(k, f)| match f.as_f64() {
                Some(1.0) => Some(Ok(k)),
                Some(0.0) => None,
                _ => Some(Err(format!(
                    "`shifts`[{i}].cover[{k}] must be 0 or 1, got {f}"
                ))),
            })
            .collect::<Result<Vec<usize>, String>>()?,
        _ => {
            return Err(format!(
                "`shifts`[{i}].cover must be an array of {intervals} zeros and ones"
            ))
        }
    };
    let cost = shift.get("cost").and_then(Value::as_f64).unwrap_or(1.0);
    if !(cost >= 0.0 && cost.is_finite()) {
        return Err(format!("`shifts`[{i}].cost must be a number of at least 0"));
    }
    let max = match shift.get("max") {
        None | Some(Value::Null) => None,
        Some(m) => Some(
            m.as_u64()
                .and_then(|m| u32::try_from(m).ok())
                .ok_or_else(|| format!("`shifts`[{i}].max must be a whole number"))?,
        ),
    };
    Ok(Column {
        cover,
        cost,
        max,
        group: None,
    })
}

fn schedule(request: &Request) -> Result<String, String> {
    let requirement = request
        .series("requirement")?
        .into_iter()
        .enumerate()
        .map(|(i, r)| match r {
            Some(r) if r.fract() == 0.0 && (0.0..=f64::from(MAX_REQUIREMENT)).contains(&r) => {
                Ok(r as u32)
            }
            _ => Err(format!(
                "`requirement`[{i}] must be a whole number of agents from 0 to {MAX_REQUIREMENT}"
            )),
        })
        .collect::<Result<Vec<u32>, String>>()?;
    let shifts = match request.fields.get("shifts") {
        Some(Value::Array(shifts)) => shifts,
        None | Some(Value::Null) => return Err("missing field `shifts`".into()),
        Some(other) => {
            return Err(format!(
                "field `shifts` must be an array, got {}",
                kind(other)
            ))
        }
    };
    let columns = shifts
        .iter()
        .enumerate()
        .map(|(i, s)| shift_column(i, s, requirement.len()))
        .collect::<Result<Vec<Column>, String>>()?;
    let objective = match request.fields.get("objective") {
        None | Some(Value::Null) => Objective::MinCost,
        Some(_) => match request.string("objective")? {
            "min_cost" => Objective::MinCost,
            "min_gap" => Objective::MinGap,
            other => {
                return Err(format!(
                    "unknown objective {other:?} (expected \"min_cost\" or \"min_gap\")"
                ))
            }
        },
    };
    let cap = |name: &str| -> Result<Option<u32>, String> {
        request
            .optional_count(name)?
            .map(|c| u32::try_from(c).map_err(|_| format!("`{name}` is too large")))
            .transpose()
    };
    let limits = Limits {
        max_heads: cap("max_heads")?,
        max_per_interval: cap("max_per_interval")?,
        group_caps: Vec::new(),
        node_limit: request
            .optional_count("node_limit")?
            .map_or(DEFAULT_NODE_LIMIT, |n| n as u64),
        work_limit: request
            .optional_count("work_limit")?
            .map_or(DEFAULT_WORK_LIMIT, |n| n as u64),
    };
    let s = solve(&requirement, &columns, objective, &limits).map_err(|e| e.to_string())?;
    Ok(to_json(&ScheduleReply {
        counts: s.counts,
        cost: s.cost,
        over: s.over,
        under: s.under,
        heads: s.heads,
        optimal: s.optimal,
        bound: s.bound,
        nodes: s.nodes,
        work: s.work,
    }))
}

#[derive(Serialize)]
struct AllocateReply {
    agents: Vec<u32>,
    service_level: f64,
    worst_service_level: f64,
    feasible: bool,
    minimum_agent_intervals: u64,
    used_agent_intervals: u64,
    proportional_cut: CutReply,
}

#[derive(Serialize)]
struct CutReply {
    agents: Vec<u32>,
    service_level: f64,
    worst_service_level: f64,
}

fn allocate_budget(request: &Request) -> Result<String, String> {
    let traffic: Vec<f64> = request
        .series("traffic")?
        .into_iter()
        .enumerate()
        .map(|(i, a)| a.ok_or_else(|| format!("`traffic`[{i}] must be a number")))
        .collect::<Result<_, _>>()?;
    let aht_s = request.number("aht_s")?;
    let target_s = request.number("target_s")?;
    let model = model_of(request)?;
    let budget = request.count("budget")? as u64;
    // The cut shares the budget by each interval's need for this target.
    let target_sl = request.optional_number("target_sl")?.unwrap_or(0.8);
    let best = allocate(&traffic, aht_s, target_s, model, budget).map_err(engine_error)?;
    let cut = proportional_cut(&traffic, aht_s, target_s, model, budget, target_sl)
        .map_err(engine_error)?;
    Ok(to_json(&AllocateReply {
        agents: best.agents,
        service_level: best.service_level,
        worst_service_level: best.worst_service_level,
        feasible: best.feasible,
        minimum_agent_intervals: best.minimum_agent_intervals,
        used_agent_intervals: best.used_agent_intervals,
        proportional_cut: CutReply {
            agents: cut.agents,
            service_level: cut.service_level,
            worst_service_level: cut.worst_service_level,
        },
    }))
}
