//! The one place that touches the browser's local storage: keys, the schema
//! version, reading with recovery, and writing with a visible failure.
//!
//! Stored form: `{"version": 2, "data": …}`; version 1 is migrated. Anything that does not parse,
//! carries another version or fails validation is copied verbatim under a
//! backup key (`ccplan.backup.<key>.<time>`) before the app starts from
//! defaults, so nothing the user saved is lost.

use gloo_storage::{LocalStorage, Storage};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::format::Currency;
use crate::i18n::Lang;
use crate::model::forecast::ForecastSettings;
use crate::model::limits::{DEFAULT_DAY_START_MIN, MAX_SCENARIOS};
use crate::model::scenario::{valid_name, Inputs, Scenario};
use crate::model::scorecard::ScorecardSettings;

/// Version of the stored form; [`decode`] migrates every earlier one.
pub const SCHEMA_VERSION: u64 = 2;
pub const KEY_CURRENT: &str = "ccplan.current";
pub const KEY_SCENARIOS: &str = "ccplan.scenarios";
pub const KEY_LANG: &str = "ccplan.lang";
/// The entries last chosen on the compare page (a preference: unreadable is
/// the same as none, nothing to back up).
pub const KEY_COMPARE: &str = "ccplan.compare";
/// The currency money is shown in (a preference, like the language).
pub const KEY_CURRENCY: &str = "ccplan.currency";
/// Whether CSV downloads start with a UTF-8 byte-order mark (so Excel reads
/// Chinese names); on unless the user turned it off.
pub const KEY_CSV_BOM: &str = "ccplan.csv-bom";
/// The forecast page's history text and settings (large: its own key, so
/// the inputs still save when it does not fit).
pub const KEY_FORECAST: &str = "ccplan.forecast";
pub const BACKUP_PREFIX: &str = "ccplan.backup.";

/// Something the user must be told about storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Notice {
    /// Saved data could not be read; a backup was kept.
    Corrupt,
    /// Saved data has a version this build does not know; a backup was kept.
    UnknownVersion,
    /// Saved data could not be read, and there was no room to back it up:
    /// it is left where it was.
    KeptInPlace,
    /// A write failed, most likely because the quota is full.
    Full,
    /// Local storage is disabled in this browser.
    Unavailable,
    /// Not saved: unreadable data is still kept in place under that key and
    /// there is still no room to back it up, so it is not overwritten.
    KeptNotOverwritten,
    /// Not saved: what would be written would not read back (a guard; the
    /// operations producing it should never let this happen).
    WouldNotRead,
    /// Another tab changed the saved scenarios; the list shows them now.
    ChangedElsewhere,
    /// Another tab saved its current inputs; this tab keeps what it shows.
    CurrentChangedElsewhere,
    /// Not saved: the forecast's history is longer than is kept; the one
    /// saved before stays saved (with the new settings).
    HistoryTooLong,
    /// Another tab changed the forecast's history or settings; this tab shows them now.
    ForecastChangedElsewhere,
}

/// What a save was for: each has its own failure, reported until it saves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SaveTarget {
    Inputs,
    Scenarios,
    Forecast,
    Language,
    Currency,
    CompareChoice,
    CsvBom,
}

thread_local! {
    /// Keys whose unreadable data was left in place (no room for a backup):
    /// nothing is written over them until a backup has been made.
    static KEPT_IN_PLACE: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
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

/// Decodes stored text: checks the envelope and version, migrates data of
/// an earlier version, deserialises and validates. Pure, so the corpus of
/// bad payloads in the tests runs natively.
pub fn decode<T: DeserializeOwned>(
    text: &str,
    valid: impl Fn(&T) -> bool,
    migrate: fn(u64, Value) -> Value,
) -> Result<T, Notice> {
    let parsed: Value = serde_json::from_str(text).map_err(|_| Notice::Corrupt)?;
    let version = parsed
        .get("version")
        .and_then(Value::as_u64)
        .ok_or(Notice::Corrupt)?;
    if version == 0 {
        return Err(Notice::Corrupt);
    }
    if version > SCHEMA_VERSION {
        return Err(Notice::UnknownVersion);
    }
    let data = parsed.get("data").cloned().ok_or(Notice::Corrupt)?;
    match serde_json::from_value::<T>(migrate(version, data)) {
        Ok(value) if valid(&value) => Ok(value),
        _ => Err(Notice::Corrupt),
    }
}

/// Version 1 (the first app) had no scorecard, per-interval AHT or day start.
fn migrate_inputs(version: u64, mut inputs: Value) -> Value {
    if version < 2 {
        if let Some(object) = inputs.as_object_mut() {
            object.entry("scorecard").or_insert_with(|| {
                serde_json::to_value(ScorecardSettings::default()).unwrap_or_default()
            });
            object
                .entry("intraday_aht")
                .or_insert_with(|| Value::Array(Vec::new()));
            object
                .entry("day_start_min")
                .or_insert(Value::from(DEFAULT_DAY_START_MIN));
        }
    }
    inputs
}

fn migrate_scenarios(version: u64, mut list: Value) -> Value {
    if let Some(items) = list.as_array_mut() {
        for item in items {
            if let Some(inputs) = item.get_mut("inputs") {
                *inputs = migrate_inputs(version, inputs.take());
            }
        }
    }
    list
}

/// Reads `key`; `Ok(None)` when nothing is stored. Unreadable data is copied
/// verbatim to a backup key and only then removed; if the backup cannot be
/// written (storage full), the original stays where it is.
fn read<T: DeserializeOwned>(
    key: &str,
    valid: impl Fn(&T) -> bool,
    migrate: fn(u64, Value) -> Value,
) -> Result<Option<T>, Notice> {
    if !available() {
        return Err(Notice::Unavailable);
    }
    let Some(text) = raw(key) else {
        return Ok(None);
    };
    match decode(&text, valid, migrate) {
        Ok(value) => Ok(Some(value)),
        Err(notice) => {
            if back_up(key, &text) {
                LocalStorage::delete(key);
                Err(notice)
            } else {
                KEPT_IN_PLACE.with(|kept| kept.borrow_mut().push(key.to_string()));
                Err(Notice::KeptInPlace)
            }
        }
    }
}

/// Copies `text` verbatim (not JSON-encoded) under a new backup key; whether it worked.
fn back_up(key: &str, text: &str) -> bool {
    let stamp = js_sys::Date::now() as u64;
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some_and(|storage| {
            storage
                .set_item(&format!("{BACKUP_PREFIX}{key}.{stamp}"), text)
                .is_ok()
        })
}

/// Before the first write over data left in place: back it up, or refuse.
fn release_kept(key: &str) -> Result<(), Notice> {
    let kept = KEPT_IN_PLACE.with(|kept| kept.borrow().iter().any(|k| k == key));
    if !kept {
        return Ok(());
    }
    if let Some(text) = raw(key) {
        if !back_up(key, &text) {
            return Err(Notice::KeptNotOverwritten);
        }
    }
    KEPT_IN_PLACE.with(|kept| kept.borrow_mut().retain(|k| k != key));
    Ok(())
}

fn write<T: Serialize>(key: &str, value: &T) -> Result<(), Notice> {
    if !available() {
        return Err(Notice::Unavailable);
    }
    release_kept(key)?;
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
    read(KEY_CURRENT, Inputs::is_valid, migrate_inputs)
}

pub fn save_current(inputs: &Inputs) -> Result<(), Notice> {
    if !inputs.is_valid() {
        return Err(Notice::WouldNotRead);
    }
    write(KEY_CURRENT, inputs)
}

pub fn load_scenarios() -> Result<Vec<Scenario>, Notice> {
    read(
        KEY_SCENARIOS,
        |list: &Vec<Scenario>| valid_scenarios(list),
        migrate_scenarios,
    )
    .map(Option::unwrap_or_default)
}

fn valid_scenarios(list: &[Scenario]) -> bool {
    list.len() <= MAX_SCENARIOS
        && list
            .iter()
            .all(|s| valid_name(&s.name) && s.inputs.is_valid())
}

/// Saves the list, if it would read back (every write is checked by the
/// rules of every read).
pub fn save_scenarios(list: &[Scenario]) -> Result<(), Notice> {
    if !valid_scenarios(list) {
        return Err(Notice::WouldNotRead);
    }
    write(KEY_SCENARIOS, &list)
}

/// The saved scenarios as they are in storage now (another tab may have
/// changed them since this one read them); `None` if they cannot be read.
pub fn stored_scenarios() -> Option<Vec<Scenario>> {
    let Some(text) = raw(KEY_SCENARIOS) else {
        return Some(Vec::new());
    };
    decode(
        &text,
        |list: &Vec<Scenario>| valid_scenarios(list),
        migrate_scenarios,
    )
    .ok()
}

/// The forecast page's history and settings, as saved.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize, Default)]
pub struct SavedForecast {
    pub history: String,
    pub settings: ForecastSettings,
}

/// Longest history text saved, in characters (browsers allow about five
/// million per site; the inputs and scenarios need room too).
pub const MAX_SAVED_HISTORY: usize = 3_500_000;

impl SavedForecast {
    pub fn is_valid(&self) -> bool {
        self.history.len() <= MAX_SAVED_HISTORY && self.settings.is_valid()
    }
}

fn no_migration(_: u64, value: Value) -> Value {
    value
}

pub fn load_forecast() -> Result<Option<SavedForecast>, Notice> {
    read(KEY_FORECAST, SavedForecast::is_valid, no_migration)
}

/// The forecast as stored now (another tab may have saved it since this
/// one read it); `None` if nothing is stored or it cannot be read.
pub fn stored_forecast() -> Option<SavedForecast> {
    decode(&raw(KEY_FORECAST)?, SavedForecast::is_valid, no_migration).ok()
}

/// Saves the history and settings; `HistoryTooLong` when the history is
/// longer than is kept (nothing written), `Full` when the browser's
/// storage has no room.
pub fn save_forecast(saved: &SavedForecast) -> Result<(), Notice> {
    if saved.history.len() > MAX_SAVED_HISTORY {
        return Err(Notice::HistoryTooLong);
    }
    if !saved.is_valid() {
        return Err(Notice::WouldNotRead);
    }
    write(KEY_FORECAST, saved)
}

pub fn load_lang() -> Option<Lang> {
    raw(KEY_LANG).as_deref().and_then(Lang::from_code)
}

/// The compare page's last choice, if one was saved and reads.
pub fn load_compare_choice() -> Option<Vec<String>> {
    raw(KEY_COMPARE).and_then(|text| serde_json::from_str(&text).ok())
}

pub fn save_compare_choice(choice: &[String]) -> Result<(), Notice> {
    let text = serde_json::to_string(choice).map_err(|_| Notice::WouldNotRead)?;
    write_preference(KEY_COMPARE, &text)
}

/// Writes a preference (plain text, no envelope: unreadable is the same as unset).
fn write_preference(key: &str, value: &str) -> Result<(), Notice> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(Notice::Unavailable)?
        .set_item(key, value)
        .map_err(|_| Notice::Full)
}

pub fn load_currency() -> Option<Currency> {
    raw(KEY_CURRENCY).as_deref().and_then(Currency::from_code)
}

pub fn save_currency(currency: Currency) -> Result<(), Notice> {
    write_preference(KEY_CURRENCY, currency.code())
}

/// The CSV byte-order-mark choice, if the user made one.
pub fn load_csv_bom() -> Option<bool> {
    match raw(KEY_CSV_BOM).as_deref() {
        Some("on") => Some(true),
        Some("off") => Some(false),
        _ => None,
    }
}

pub fn save_csv_bom(bom: bool) -> Result<(), Notice> {
    write_preference(KEY_CSV_BOM, if bom { "on" } else { "off" })
}

pub fn save_lang(lang: Lang) -> Result<(), Notice> {
    write_preference(KEY_LANG, lang.code())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::staffing::ModelChoice;

    const V1_CURRENT: &str = include_str!("../tests/fixtures/storage/v1-current.json");
    const V1_SCENARIOS: &str = include_str!("../tests/fixtures/storage/v1-scenarios.json");
    const HOSTILE: &str = include_str!("../tests/fixtures/storage/hostile.json");

    #[test]
    fn version_1_current_inputs_migrate_with_every_value_kept() {
        let inputs: Inputs = decode(V1_CURRENT, Inputs::is_valid, migrate_inputs).unwrap();
        assert_eq!(
            (
                inputs.staffing.volume,
                inputs.staffing.aht_s,
                inputs.staffing.sl_target_pct,
                inputs.staffing.sl_seconds
            ),
            (250.0, 240.0, 85.0, 15.0)
        );
        assert_eq!(
            (
                inputs.staffing.interval_min,
                inputs.staffing.shrinkage_pct,
                inputs.staffing.max_occupancy_pct
            ),
            (15.0, 32.0, 88.0)
        );
        assert_eq!(
            (
                inputs.staffing.model,
                inputs.staffing.patience_s,
                inputs.staffing.cost_per_hour
            ),
            (ModelChoice::ErlangA, 90.0, 31.5)
        );
        assert_eq!(
            (inputs.staffing.reverse, inputs.staffing.agents),
            (true, 45.0)
        );
        // Saved when the calculator's volume was its own number: it is kept
        // as the volume of the interval the calculator now shows (the
        // busiest, 30 → 250, then kept picked), so the calculator's answer is
        // the one saved and the day carries it (issue 25, item 1).
        assert_eq!(inputs.staffing.intraday, vec![10.0, 20.0, 250.0, 25.0]);
        assert_eq!(inputs.staffing.calculator_interval, Some(2));
        assert_eq!(inputs.staffing.aht_change_s, 0.0);
        assert_eq!(inputs.scorecard, ScorecardSettings::default());
        assert!(inputs.staffing.intraday_aht.is_empty());
        assert_eq!(inputs.staffing.day_start_min, 480.0);
        // Saved before the volume what-if: as entered.
        assert_eq!(inputs.staffing.volume_scale_pct, 100.0);
    }

    #[test]
    fn the_volume_what_if_is_kept_and_a_hostile_one_refused() {
        let stored = |scale: &str| {
            let mut data = serde_json::to_value(crate::model::example::example_inputs()).unwrap();
            data["volume_scale_pct"] = serde_json::from_str(scale).unwrap();
            format!(r#"{{"version":{SCHEMA_VERSION},"data":{data}}}"#)
        };
        let read = |scale: &str| decode::<Inputs>(&stored(scale), Inputs::is_valid, migrate_inputs);
        assert_eq!(read("115").unwrap().staffing.volume_scale_pct, 115.0);
        for hostile in ["0", "-15", "1e9", "null", "\"115\"", "[115]"] {
            assert!(read(hostile).is_err(), "accepted {hostile}");
        }
    }

    #[test]
    fn version_1_scenarios_migrate() {
        let list: Vec<Scenario> = decode(
            V1_SCENARIOS,
            |l: &Vec<Scenario>| valid_scenarios(l),
            migrate_scenarios,
        )
        .unwrap();
        assert_eq!(
            list.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
            ["Peak week 旺季", "Quiet"]
        );
        assert_eq!(list[0].inputs.staffing.volume, 400.0);
        assert_eq!(list[1].inputs.staffing.model, ModelChoice::ErlangA);
    }

    #[test]
    fn the_current_version_round_trips() {
        let inputs = crate::model::example::example_inputs();
        let text = serde_json::to_string(&Envelope {
            version: SCHEMA_VERSION,
            data: &inputs,
        })
        .unwrap();
        assert_eq!(decode(&text, Inputs::is_valid, migrate_inputs), Ok(inputs));
    }

    #[test]
    fn every_hostile_payload_is_refused() {
        let corpus: serde_json::Value = serde_json::from_str(HOSTILE).unwrap();
        let payloads = |key: &str| -> Vec<&str> {
            corpus[key]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|v| v.as_str())
                .collect()
        };
        let (current, scenarios) = (payloads("current"), payloads("scenarios"));
        assert!(current.len() + scenarios.len() >= 20);
        for text in current {
            let result = decode::<Inputs>(text, Inputs::is_valid, migrate_inputs);
            assert!(
                matches!(result, Err(Notice::Corrupt | Notice::UnknownVersion)),
                "accepted: {:.120}",
                text
            );
        }
        for text in scenarios {
            let result = decode::<Vec<Scenario>>(
                text,
                |l: &Vec<Scenario>| valid_scenarios(l),
                migrate_scenarios,
            );
            assert!(result.is_err(), "accepted: {:.120}", text);
        }
        // A future version is told apart from damage.
        assert_eq!(
            decode::<Inputs>(
                r#"{"version":3,"data":{}}"#,
                Inputs::is_valid,
                migrate_inputs
            ),
            Err(Notice::UnknownVersion)
        );
    }
}
