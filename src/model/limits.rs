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
/// The whole-plan volume what-if, % of the volumes as entered: 100 leaves
/// them as entered; from 1 % to ten times (a busier year, a launch).
pub const DEFAULT_VOLUME_SCALE_PCT: f64 = 100.0;
pub const VOLUME_SCALE_MIN_PCT: f64 = 1.0;
pub const VOLUME_SCALE_MAX_PCT: f64 = 1_000.0;
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

/// Agents a headcount cap, a template's cap or a budget in heads may name:
/// a million is far beyond any contact centre, and keeps the solver's
/// bounds exact in its floating point.
pub const MAX_HEADS: u32 = 1_000_000;

/// `value` as a count of agents from one to [`MAX_HEADS`] (a headcount cap
/// or a budget in heads), or `None` when it is not one.
pub fn whole_heads(value: f64) -> Option<u32> {
    (value.fract() == 0.0 && (1.0..=f64::from(MAX_HEADS)).contains(&value)).then_some(value as u32)
}

/// Paid agent-hours a budget may name (a million heads for ten hours).
pub const MAX_BUDGET_HOURS: f64 = 1e7;
/// A weekday's volume, % of the staffing page's day: up to ten times it.
pub const MAX_DAY_PCT: f64 = 1_000.0;

/// The shift templates: no start, length or break reaches past a day
/// (minutes); a break is at most four hours; a name fits on a card.
pub const MINUTES_PER_DAY: u32 = 1_440;
pub const MAX_BREAK_MIN: u32 = 240;
pub const MAX_SHIFT_NAME_CHARS: usize = 60;

/// Calendar years a capacity plan may start in.
pub const FIRST_YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Whether `year` is one a capacity plan may start in.
pub fn valid_first_year(year: i32) -> bool {
    FIRST_YEARS.contains(&year)
}

/// Longest exercise question a trainer may write (and a link may carry),
/// in characters.
pub const MAX_QUESTION_CHARS: usize = 600;

/// Recent weeks the forecast page offers for a weekday's intraday shape.
pub const SHAPE_WEEK_CHOICES: [u32; 3] = [2, 4, 8];
