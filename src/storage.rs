//! The one place that touches the browser's local storage: keys, the schema
//! version, reading with recovery, and writing with a visible failure.
//!
//! Stored form: `{"version": 1, "data": …}`. Anything that does not parse,
//! carries another version or fails validation is copied verbatim under a
//! backup key (`ccplan.backup.<key>.<time>`) before the app starts from
//! defaults, so nothing the user saved is lost.

use gloo_storage::{LocalStorage, Storage};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::i18n::Lang;
use crate::state::Inputs;

pub const SCHEMA_VERSION: u64 = 1;
pub const KEY_CURRENT: &str = "ccplan.current";
pub const KEY_SCENARIOS: &str = "ccplan.scenarios";
pub const KEY_LANG: &str = "ccplan.lang";
pub const BACKUP_PREFIX: &str = "ccplan.backup.";
/// Most scenarios kept (a guard against pasted or hostile data).
pub const MAX_SCENARIOS: usize = 200;
pub const MAX_NAME_CHARS: usize = 80;

/// Something the user must be told about storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// Saved data could not be read; a backup was kept.
    Corrupt,
    /// Saved data has a version this build does not know; a backup was kept.
    UnknownVersion,
    /// A write failed, most likely because the quota is full.
    Full,
    /// Local storage is disabled in this browser.
    Unavailable,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub name: String,
    pub inputs: Inputs,
}

#[derive(Serialize)]
struct Envelope<'a, T> {
    version: u64,
    data: &'a T,
}

fn available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

fn raw(key: &str) -> Option<String> {
    web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(key)
        .ok()?
}

/// Reads `key`; `Ok(None)` when nothing is stored.
fn read<T: DeserializeOwned>(key: &str, valid: impl Fn(&T) -> bool) -> Result<Option<T>, Notice> {
    if !available() {
        return Err(Notice::Unavailable);
    }
    let Some(text) = raw(key) else {
        return Ok(None);
    };
    let parsed: Option<Value> = serde_json::from_str(&text).ok();
    let notice = match parsed
        .as_ref()
        .and_then(|v| v.get("version"))
        .and_then(Value::as_u64)
    {
        Some(SCHEMA_VERSION) => {
            let data = parsed
                .as_ref()
                .and_then(|v| v.get("data"))
                .cloned()
                .unwrap_or(Value::Null);
            match serde_json::from_value::<T>(data) {
                Ok(value) if valid(&value) => return Ok(Some(value)),
                _ => Notice::Corrupt,
            }
        }
        Some(_) => Notice::UnknownVersion,
        None => Notice::Corrupt,
    };
    back_up(key, &text);
    // The original stays until the user saves again; the backup keeps it after that.
    LocalStorage::delete(key);
    Err(notice)
}

fn back_up(key: &str, text: &str) {
    let stamp = js_sys::Date::now() as u64;
    // Verbatim, not JSON-encoded: the backup is exactly what was stored.
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(&format!("{BACKUP_PREFIX}{key}.{stamp}"), text);
    }
}

fn write<T: Serialize>(key: &str, value: &T) -> Result<(), Notice> {
    if !available() {
        return Err(Notice::Unavailable);
    }
    LocalStorage::set(
        key,
        Envelope {
            version: SCHEMA_VERSION,
            data: value,
        },
    )
    .map_err(|_| Notice::Full)
}

pub fn load_current() -> Result<Option<Inputs>, Notice> {
    read(KEY_CURRENT, Inputs::is_valid)
}

pub fn save_current(inputs: &Inputs) -> Result<(), Notice> {
    write(KEY_CURRENT, inputs)
}

pub fn load_scenarios() -> Result<Vec<Scenario>, Notice> {
    read(KEY_SCENARIOS, |list: &Vec<Scenario>| {
        list.len() <= MAX_SCENARIOS
            && list
                .iter()
                .all(|s| valid_name(&s.name) && s.inputs.is_valid())
    })
    .map(Option::unwrap_or_default)
}

pub fn save_scenarios(list: &[Scenario]) -> Result<(), Notice> {
    write(KEY_SCENARIOS, &list)
}

pub fn valid_name(name: &str) -> bool {
    let trimmed = name.trim();
    !trimmed.is_empty()
        && trimmed.chars().count() <= MAX_NAME_CHARS
        && !trimmed.chars().any(char::is_control)
}

pub fn load_lang() -> Option<Lang> {
    raw(KEY_LANG).as_deref().and_then(Lang::from_code)
}

pub fn save_lang(lang: Lang) -> Result<(), Notice> {
    let storage = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(Notice::Unavailable)?;
    storage
        .set_item(KEY_LANG, lang.code())
        .map_err(|_| Notice::Full)
}
