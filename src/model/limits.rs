//! Every limit the app puts on what a user can enter, in one place: the
//! field table, storage validation, share links and imports all read these.

/// Contacts in one interval (the engine's own limit on load is far above).
pub const MAX_VOLUME: f64 = 100_000.0;
/// Average handle time, seconds: from one second to two hours.
pub const AHT_MIN_S: f64 = 1.0;
pub const AHT_MAX_S: f64 = 7_200.0;
/// Longest intraday list accepted (a day of 15-minute intervals).
pub const MAX_DAY_INTERVALS: usize = 96;
/// Interval lengths offered, minutes.
pub const INTERVAL_CHOICES: [f64; 3] = [15.0, 30.0, 60.0];
/// Where the built-in day starts: 08:00, minutes after midnight.
pub const DEFAULT_DAY_START_MIN: f64 = 8.0 * 60.0;
/// Seasonal index per calendar month.
pub const SEASONAL_INDEX_MAX: f64 = 10.0;
/// New-hire AHT multipliers: from fully productive to five times slower, up to a year.
pub const RAMP_MIN: f64 = 1.0;
pub const RAMP_MAX: f64 = 5.0;
pub const MAX_RAMP_MONTHS: usize = 12;
/// Largest magnitude of an entered KPI value or target.
pub const MAX_KPI_MAGNITUDE: f64 = 1e9;
/// Most scenarios kept (a guard against pasted or hostile data).
pub const MAX_SCENARIOS: usize = 200;
/// Longest scenario name, in characters.
pub const MAX_NAME_CHARS: usize = 80;

/// Whether `aht_s` is a handle time the app accepts.
pub fn valid_aht(aht_s: f64) -> bool {
    (AHT_MIN_S..=AHT_MAX_S).contains(&aht_s)
}

/// Whether `volume` is an interval volume the app accepts.
pub fn valid_volume(volume: f64) -> bool {
    (0.0..=MAX_VOLUME).contains(&volume)
}
