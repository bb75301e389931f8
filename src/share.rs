//! Share links: a scenario in the URL fragment, `<app URL>#s=<payload>`.
//!
//! Payload: `1.` (the link format version) followed by the scenario as JSON,
//! deflated (miniz_oxide) and encoded as unpadded base64url. A payload longer
//! than [`MAX_PAYLOAD_CHARS`], that does not decode, inflates beyond
//! [`MAX_JSON_BYTES`], has another version or fails the same validation as
//! stored data is refused with a reason; nothing in a link is ever executed
//! (names are shown as text).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::model::scenario::{valid_name, Scenario};

/// The link format this build writes and reads.
pub const LINK_VERSION: &str = "1";
/// Longest payload accepted: links stay well below what browsers, chat apps
/// and mail clients keep intact (a typical scenario takes about 600).
pub const MAX_PAYLOAD_CHARS: usize = 8_000;
/// Most JSON a payload may inflate to (guards against a decompression bomb).
pub const MAX_JSON_BYTES: usize = 256 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LinkError {
    TooLong,
    Malformed,
    UnknownVersion,
    Invalid,
}

/// The payload for `scenario`.
pub fn encode(scenario: &Scenario) -> String {
    encode_value(scenario)
}

/// The scenario in `payload` (the text after `#s=`).
pub fn decode(payload: &str) -> Result<Scenario, LinkError> {
    let scenario: Scenario = decode_value(payload)?;
    if valid_name(&scenario.name) && scenario.inputs.is_valid() {
        Ok(scenario)
    } else {
        Err(LinkError::Invalid)
    }
}

/// The payload of any value in the link format (scenarios, exercises).
pub fn encode_value<T: Serialize>(value: &T) -> String {
    let json = serde_json::to_vec(value).unwrap_or_default();
    format!(
        "{LINK_VERSION}.{}",
        URL_SAFE_NO_PAD.encode(compress_to_vec(&json, 9))
    )
}

/// The value in `payload`, read with every limit of the link format; its
/// own checks are the caller's.
pub fn decode_value<T: DeserializeOwned>(payload: &str) -> Result<T, LinkError> {
    if payload.len() > MAX_PAYLOAD_CHARS {
        return Err(LinkError::TooLong);
    }
    let (version, data) = payload.split_once('.').ok_or(LinkError::Malformed)?;
    if version != LINK_VERSION {
        // Only a version this build could not know yet (2, 3, …) is "newer";
        // "0", "01" or "x" are damage.
        let newer = version
            .parse::<u32>()
            .is_ok_and(|v| v > 1 && v.to_string() == version);
        return Err(if newer {
            LinkError::UnknownVersion
        } else {
            LinkError::Malformed
        });
    }
    let compressed = URL_SAFE_NO_PAD
        .decode(data.trim_end_matches('='))
        .map_err(|_| LinkError::Malformed)?;
    let json = decompress_to_vec_with_limit(&compressed, MAX_JSON_BYTES)
        .map_err(|_| LinkError::Malformed)?;
    serde_json::from_slice(&json).map_err(|_| LinkError::Invalid)
}

/// The payload in a URL fragment, if it is a share link (`#s=…`).
pub fn payload_of(hash: &str) -> Option<&str> {
    hash.strip_prefix("#s=")
}

/// The payload in a URL fragment, if it is an exercise link (`#x=…`).
pub fn exercise_payload_of(hash: &str) -> Option<&str> {
    hash.strip_prefix("#x=")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example::example_inputs;

    fn scenario(name: &str) -> Scenario {
        Scenario {
            name: name.into(),
            inputs: example_inputs(),
        }
    }

    #[test]
    fn round_trip_and_size() {
        let s = scenario("Peak week 旺季");
        let payload = encode(&s);
        assert!(payload.starts_with("1."));
        assert!(payload.len() < 2_000, "{}", payload.len());
        assert!(payload
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)));
        assert_eq!(decode(&payload), Ok(s));
    }

    #[test]
    fn refused_links() {
        let good = encode(&scenario("x"));
        assert_eq!(
            decode(&"A".repeat(MAX_PAYLOAD_CHARS + 1)),
            Err(LinkError::TooLong)
        );
        assert_eq!(decode("garbage"), Err(LinkError::Malformed));
        assert_eq!(decode("1.!!!"), Err(LinkError::Malformed));
        assert_eq!(
            decode(&good.replacen("1.", "2.", 1)),
            Err(LinkError::UnknownVersion)
        );
        assert_eq!(
            decode(&good.replacen("1.", "<b>.", 1)),
            Err(LinkError::Malformed)
        );
        for damaged in ["0.", "01.", "+2.", "99999999999."] {
            assert_eq!(
                decode(&good.replacen("1.", damaged, 1)),
                Err(LinkError::Malformed),
                "{damaged}"
            );
        }
        // Valid compression of something that is not a scenario.
        let not_scenario = format!(
            "1.{}",
            URL_SAFE_NO_PAD.encode(compress_to_vec(b"{\"a\":1}", 9))
        );
        assert_eq!(decode(&not_scenario), Err(LinkError::Invalid));
        // A scenario with an impossible value.
        let mut bad = scenario("x");
        bad.inputs.staffing.aht_s = -1.0;
        assert_eq!(decode(&encode(&bad)), Err(LinkError::Invalid));
        // A name with markup is fine: it is text.
        let markup = scenario("<img src=x onerror=alert(1)>");
        assert_eq!(
            decode(&encode(&markup)).unwrap().name,
            "<img src=x onerror=alert(1)>"
        );
        // A decompression bomb.
        let bomb = format!(
            "1.{}",
            URL_SAFE_NO_PAD.encode(compress_to_vec(&vec![b' '; 4_000_000], 9))
        );
        assert!(bomb.len() <= MAX_PAYLOAD_CHARS);
        assert_eq!(decode(&bomb), Err(LinkError::Malformed));
    }

    #[test]
    fn fragment() {
        assert_eq!(payload_of("#s=1.abc"), Some("1.abc"));
        assert_eq!(payload_of("#/scorecard"), None);
    }
}
