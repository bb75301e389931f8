//! `ccplan eval`: JSON Lines in, one JSON line out per request.
//!
//! Requests are read as `serde_json` objects; fields are taken out by name
//! so that every message can name the field at fault, and any field the op
//! does not know is refused (a typo such as `"trafic"` must not be ignored).

use crate::Failure;
use ccplan_engine::erlang_c::Outcome;
use ccplan_engine::ets::EtsModel;
use ccplan_engine::forecast::{forecast_daily, ModelChoice};
use ccplan_engine::staffing::{self, Model, Targets};
use ccplan_engine::{erlang_a, erlang_b, erlang_c};
use serde::Serialize;
use serde_json::{Map, Value};
use std::io::{self, BufRead, Write};

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
];

/// Reads stdin to the end, answering each non-blank line.
pub(crate) fn run() -> Result<(), Failure> {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let stdout = io::stdout();
    let mut output = io::BufWriter::new(stdout.lock());
    let mut buffer = Vec::new();
    loop {
        buffer.clear();
        let read = input
            .read_until(b'\n', &mut buffer)
            .map_err(|e| Failure::Input(format!("cannot read standard input: {e}")))?;
        if read == 0 {
            break;
        }
        let reply = match std::str::from_utf8(&buffer) {
            Ok(line) if line.trim().is_empty() => continue,
            Ok(line) => answer(line),
            Err(_) => error_line("the line is not valid UTF-8".to_owned()),
        };
        output
            .write_all(reply.as_bytes())
            .map_err(Failure::Output)?;
        output.write_all(b"\n").map_err(Failure::Output)?;
        // One answer per request as soon as it is known, so `eval` can be
        // driven interactively through a pipe.
        output.flush().map_err(Failure::Output)?;
    }
    Ok(())
}

/// The JSON reply to one request line (without the newline).
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

fn respond(line: &str) -> Result<String, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
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
        _ => unreachable!("every op in OPS is handled"),
    };
    reply.map_err(|message| format!("{op}: {message}"))
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

#[derive(Serialize)]
struct ErlangCReply {
    p_wait: f64,
    service_level: f64,
    asa_s: f64,
    occupancy: f64,
    queue_length: f64,
}

#[derive(Serialize)]
struct UnstableReply {
    unstable: bool,
}

fn erlang_c(request: &Request) -> Result<String, String> {
    let traffic = request.number("traffic")?;
    let agents = request.number("agents")?;
    let aht_s = request.number("aht_s")?;
    let target_s = request.number("target_s")?;
    Ok(
        match erlang_c::evaluate(traffic, agents, aht_s, target_s).map_err(engine_error)? {
            Outcome::Stable(c) => to_json(&ErlangCReply {
                p_wait: c.p_wait,
                service_level: c.service_level,
                asa_s: c.asa_s,
                occupancy: c.occupancy,
                queue_length: c.queue_length,
            }),
            Outcome::Unstable => to_json(&UnstableReply { unstable: true }),
        },
    )
}

#[derive(Serialize)]
struct ErlangAReply {
    p_wait: f64,
    p_abandon: f64,
    service_level: f64,
    service_level_answered: f64,
    asa_s: f64,
    occupancy: f64,
    queue_length: f64,
}

fn erlang_a(request: &Request) -> Result<String, String> {
    let traffic = request.number("traffic")?;
    let agents = request.number("agents")?;
    let aht_s = request.number("aht_s")?;
    let patience_s = request.number("patience_s")?;
    let target_s = request.number("target_s")?;
    let a =
        erlang_a::evaluate(traffic, agents, aht_s, patience_s, target_s).map_err(engine_error)?;
    Ok(to_json(&ErlangAReply {
        p_wait: a.p_wait,
        p_abandon: a.p_abandon,
        service_level: a.service_level,
        service_level_answered: a.service_level_answered,
        asa_s: a.asa_s,
        occupancy: a.occupancy,
        queue_length: a.queue_length,
    }))
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

fn required_agents(request: &Request) -> Result<String, String> {
    let patience_s = request.optional_number("patience_s")?;
    let model = match request.string("model")? {
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
    };
    let traffic = request.number("traffic")?;
    let aht_s = request.number("aht_s")?;
    let targets = Targets {
        service_level: request.number("target_sl")?,
        target_s: request.number("target_s")?,
        max_asa_s: request.optional_number("max_asa_s")?,
        max_abandon: request.optional_number("max_abandon")?,
        max_occupancy: request.optional_number("max_occupancy")?,
    };
    let shrinkage = request.optional_number("shrinkage")?;
    let requirement =
        staffing::required_agents(traffic, aht_s, model, &targets).map_err(engine_error)?;
    let scheduled_fte = shrinkage
        .map(|shrinkage| staffing::scheduled_fte(f64::from(requirement.agents), shrinkage))
        .transpose()
        .map_err(engine_error)?;
    let m = requirement.metrics;
    Ok(to_json(&RequiredReply {
        agents: requirement.agents,
        p_wait: m.p_wait,
        p_abandon: m.p_abandon,
        service_level: m.service_level,
        service_level_answered: m.service_level_answered,
        asa_s: m.asa_s,
        occupancy: m.occupancy,
        queue_length: m.queue_length,
        scheduled_fte,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

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
    let s = daily.fit.smoothing;
    let trend = daily.fit.model == EtsModel::AddA;
    Ok(to_json(&ForecastReply {
        model: daily.fit.model.code(),
        params: ForecastParams {
            alpha: s.alpha,
            beta: trend.then_some(s.beta),
            gamma: s.gamma,
            phi: trend.then_some(s.phi),
            sigma2: daily.fit.sigma2,
        },
        mean: daily.forecast.mean,
        lower: daily.forecast.lower,
        upper: daily.forecast.upper,
        aicc: daily.fit.aicc,
    }))
}
