//! The number fields a user can set: which value each one holds, its
//! limits and how a typed text becomes a value. Fields are enums
//! (`StaffingField`, `ScorecardField`), so a misspelt field is a compile
//! error, not a panic.

use crate::model::limits::{
    AHT_MAX_S, AHT_MIN_S, INTERVAL_CHOICES, MAX_KPI_MAGNITUDE, MAX_VOLUME, SEASONAL_INDEX_MAX,
    VOLUME_SCALE_MAX_PCT, VOLUME_SCALE_MIN_PCT,
};
use crate::model::number::{parse_number, NumberError};
use crate::model::scorecard::ScorecardSettings;
use crate::model::staffing::StaffingInputs;

/// What values a field takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// Any number in range.
    Decimal,
    /// A whole number in range (agents, months).
    Whole,
    /// One of these values (the slider steps through them by index).
    Choices(&'static [f64]),
}

/// Why a typed value is refused.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FieldError {
    Empty,
    NotNumber,
    Whole,
    Range {
        min: f64,
        max: f64,
    },
    Choice(&'static [f64]),
    /// Issue 25, item 2: with the AHT what-if applied, a handle time of the
    /// plan would be 0 s or less, or beyond the limit; the values that keep
    /// every one in range.
    ChangedAht {
        min: f64,
        max: f64,
    },
}

impl From<NumberError> for FieldError {
    fn from(error: NumberError) -> Self {
        match error {
            NumberError::Empty => FieldError::Empty,
            NumberError::NotNumber => FieldError::NotNumber,
        }
    }
}

/// Why a field's limits are where they are, where that is not obvious
/// (the refusal message says it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// An SL target of 100 %: with random arrivals someone always waits.
    NoServiceIsPerfect,
    /// Shrinkage of 100 %: nobody would ever be available.
    ShrinkageLeavesSomeone,
    /// FCR of 0 %: contacts would come back for ever.
    SomeContactsAreResolved,
}

/// A field's limits and slider (the views name the field).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spec {
    pub min: f64,
    pub max: f64,
    pub kind: Kind,
    pub slider_min: f64,
    pub slider_max: f64,
    pub step: f64,
    /// Why the limits are what they are, where that is not obvious.
    pub why: Option<Reason>,
    /// An empty box is allowed and means "no value" (entered KPIs, target overrides).
    pub optional: bool,
}

impl Spec {
    const fn new(min: f64, max: f64, slider: (f64, f64), step: f64) -> Spec {
        Spec {
            min,
            max,
            kind: Kind::Decimal,
            slider_min: slider.0,
            slider_max: slider.1,
            step,
            why: None,
            optional: false,
        }
    }

    const fn whole(self) -> Spec {
        Spec {
            kind: Kind::Whole,
            ..self
        }
    }

    const fn why(self, reason: Reason) -> Spec {
        Spec {
            why: Some(reason),
            ..self
        }
    }

    /// A box outside the field table: an entered KPI, a target or a
    /// seasonal index, typed in display units.
    pub const fn entry(min: f64, max: f64, optional: bool) -> Spec {
        Spec {
            optional,
            ..Spec::new(min, max, (min, max), 0.01)
        }
    }

    /// A seasonal index.
    pub const SEASON: Spec = Spec::entry(0.0, SEASONAL_INDEX_MAX, false);

    /// The value of `text` for this field (`None`: an optional box left empty).
    pub fn read(&self, text: &str) -> Result<Option<f64>, FieldError> {
        match parse_number(text) {
            Err(NumberError::Empty) if self.optional => Ok(None),
            Err(error) => Err(error.into()),
            Ok(value) => self.check(value).map(Some),
        }
    }

    /// Whether `value` is one this field accepts.
    pub fn check(&self, value: f64) -> Result<f64, FieldError> {
        if !value.is_finite() {
            return Err(FieldError::NotNumber);
        }
        match self.kind {
            Kind::Choices(values) if !values.contains(&value) => Err(FieldError::Choice(values)),
            _ if value < self.min || value > self.max => Err(FieldError::Range {
                min: self.min,
                max: self.max,
            }),
            Kind::Whole if value.fract() != 0.0 => Err(FieldError::Whole),
            _ => Ok(value),
        }
    }

    /// The value one step up (or down) from `value`, kept within the limits:
    /// the next choice, or `value ± step` rounded to the step.
    pub fn step_from(&self, value: f64, up: bool) -> Option<f64> {
        let next = match self.kind {
            Kind::Choices(values) => {
                let position = values.iter().position(|v| *v == value);
                match (position, up) {
                    (Some(p), true) => values.get(p + 1).copied(),
                    (Some(p), false) => p.checked_sub(1).and_then(|p| values.get(p).copied()),
                    (None, _) => None,
                }
            }
            _ => {
                let steps = (value / self.step).round() + if up { 1.0 } else { -1.0 };
                // No float tail: 0.1 + 0.2 steps show as 0.3.
                Some((steps * self.step * 1e9).round() / 1e9)
            }
        }?;
        Some(next.clamp(self.min, self.max))
    }

    /// The values the slider steps through when they are not evenly spaced.
    pub fn choices(&self) -> Option<&'static [f64]> {
        match self.kind {
            Kind::Choices(values) => Some(values),
            _ => None,
        }
    }
}

/// A target or entered KPI in display units: shares as percentages.
pub fn kpi_spec(percent: bool, optional: bool) -> Spec {
    if percent {
        Spec::entry(0.0, 100.0, optional)
    } else {
        Spec::entry(-MAX_KPI_MAGNITUDE, MAX_KPI_MAGNITUDE, optional)
    }
}

/// `get` and the private `slot` of a field enum, from one list of
/// `Variant => struct_field` pairs, so the two cannot disagree.
macro_rules! slots {
    ($field:ident, $inputs:ty, $($variant:ident => $name:ident),* $(,)?) => {
        impl $field {
            pub fn get(self, inputs: &$inputs) -> f64 {
                match self {
                    $($field::$variant => inputs.$name,)*
                }
            }

            fn slot(self, inputs: &mut $inputs) -> &mut f64 {
                match self {
                    $($field::$variant => &mut inputs.$name,)*
                }
            }
        }
    };
}

/// The staffing page's number fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StaffingField {
    Volume,
    Aht,
    SlTarget,
    SlSeconds,
    Interval,
    Shrinkage,
    MaxOccupancy,
    MaxAsa,
    MaxAbandon,
    Patience,
    CostPerHour,
    Agents,
    VolumeScale,
    // Issue 25, item 2.
    AhtChange,
}

impl StaffingField {
    pub const ALL: [StaffingField; 14] = [
        StaffingField::Volume,
        StaffingField::Aht,
        StaffingField::SlTarget,
        StaffingField::SlSeconds,
        StaffingField::Interval,
        StaffingField::Shrinkage,
        StaffingField::MaxOccupancy,
        StaffingField::MaxAsa,
        StaffingField::MaxAbandon,
        StaffingField::Patience,
        StaffingField::CostPerHour,
        StaffingField::Agents,
        StaffingField::VolumeScale,
        StaffingField::AhtChange,
    ];

    /// The `data-testid` of its box (the slider's is this + `-slider`).
    pub fn test_id(self) -> &'static str {
        match self {
            StaffingField::Volume => "volume",
            StaffingField::Aht => "aht",
            StaffingField::SlTarget => "sl-target",
            StaffingField::SlSeconds => "sl-seconds",
            StaffingField::Interval => "interval",
            StaffingField::Shrinkage => "shrinkage",
            StaffingField::MaxOccupancy => "max-occupancy",
            StaffingField::MaxAsa => "max-asa",
            StaffingField::MaxAbandon => "max-abandon",
            StaffingField::Patience => "patience",
            StaffingField::CostPerHour => "cost-per-hour",
            StaffingField::Agents => "agents",
            StaffingField::VolumeScale => "volume-scale",
            StaffingField::AhtChange => "aht-change",
        }
    }

    pub fn spec(self) -> Spec {
        match self {
            StaffingField::Volume => Spec::new(0.0, MAX_VOLUME, (0.0, 2_000.0), 1.0),
            StaffingField::Aht => Spec::new(AHT_MIN_S, AHT_MAX_S, (30.0, 1_200.0), 1.0),
            StaffingField::SlTarget => {
                Spec::new(1.0, 99.9, (50.0, 99.0), 1.0).why(Reason::NoServiceIsPerfect)
            }
            StaffingField::SlSeconds => Spec::new(0.0, 3_600.0, (0.0, 120.0), 1.0),
            StaffingField::Interval => Spec {
                kind: Kind::Choices(&INTERVAL_CHOICES),
                ..Spec::new(15.0, 60.0, (15.0, 60.0), 15.0)
            },
            StaffingField::Shrinkage => {
                Spec::new(0.0, 90.0, (0.0, 60.0), 1.0).why(Reason::ShrinkageLeavesSomeone)
            }
            StaffingField::MaxOccupancy => Spec::new(10.0, 100.0, (50.0, 100.0), 1.0),
            StaffingField::MaxAsa => Spec::new(0.0, 3_600.0, (0.0, 120.0), 1.0),
            StaffingField::MaxAbandon => Spec::new(0.0, 100.0, (0.0, 20.0), 0.5),
            StaffingField::Patience => Spec::new(1.0, 3_600.0, (5.0, 600.0), 1.0),
            StaffingField::CostPerHour => Spec::new(0.0, 10_000.0, (0.0, 100.0), 0.5),
            StaffingField::Agents => Spec::new(0.0, 100_000.0, (0.0, 500.0), 1.0).whole(),
            StaffingField::VolumeScale => Spec::new(
                VOLUME_SCALE_MIN_PCT,
                VOLUME_SCALE_MAX_PCT,
                (50.0, 200.0),
                1.0,
            ),
            // Seconds added to every AHT; whether the AHTs stay in range is
            // checked against them (`check_in`).
            StaffingField::AhtChange => {
                Spec::new(-AHT_MAX_S, AHT_MAX_S, (-120.0, 120.0), 1.0).whole()
            }
        }
    }

    /// Whether `value` is one this field accepts given the other inputs:
    /// its own limits, and for the AHT and the AHT what-if, every handle
    /// time of the plan within the limits once changed.
    pub fn check_in(self, inputs: &StaffingInputs, value: f64) -> Result<f64, FieldError> {
        let value = self.spec().check(value)?;
        let refused = |(min, max): (f64, f64)| {
            let spec = self.spec();
            Err(FieldError::ChangedAht {
                min: min.max(spec.min),
                max: max.min(spec.max),
            })
        };
        match self {
            StaffingField::AhtChange if !inputs.changed_ahts_valid(inputs.aht_s, value) => {
                refused(inputs.aht_change_range(inputs.aht_s))
            }
            StaffingField::Aht if !inputs.changed_ahts_valid(value, inputs.aht_change_s) => {
                refused(inputs.aht_range_under_change())
            }
            _ => Ok(value),
        }
    }

    pub fn set(self, inputs: &mut StaffingInputs, value: f64) {
        match self {
            // The built-in day follows the interval length.
            StaffingField::Interval => inputs.set_interval(value),
            // The calculator's contacts are its interval's of the day.
            StaffingField::Volume => inputs.set_calculator_volume(value),
            field => *field.slot(inputs) = value,
        }
    }
}

slots!(StaffingField, StaffingInputs,
    Volume => volume,
    Aht => aht_s,
    SlTarget => sl_target_pct,
    SlSeconds => sl_seconds,
    Interval => interval_min,
    Shrinkage => shrinkage_pct,
    MaxOccupancy => max_occupancy_pct,
    MaxAsa => max_asa_s,
    MaxAbandon => max_abandon_pct,
    Patience => patience_s,
    CostPerHour => cost_per_hour,
    Agents => agents,
    VolumeScale => volume_scale_pct,
    AhtChange => aht_change_s,
);

/// The scorecard page's number fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ScorecardField {
    Horizon,
    MonthlyVolume,
    Growth,
    Fcr,
    Repeat,
    Deflection,
    AhtTrend,
    OpenDays,
    OpenHours,
    PaidHours,
    StartHeadcount,
    Attrition,
    Hires,
    Training,
    Overhead,
    Budget,
}

impl ScorecardField {
    pub const ALL: [ScorecardField; 16] = [
        ScorecardField::Horizon,
        ScorecardField::MonthlyVolume,
        ScorecardField::Growth,
        ScorecardField::Fcr,
        ScorecardField::Repeat,
        ScorecardField::Deflection,
        ScorecardField::AhtTrend,
        ScorecardField::OpenDays,
        ScorecardField::OpenHours,
        ScorecardField::PaidHours,
        ScorecardField::StartHeadcount,
        ScorecardField::Attrition,
        ScorecardField::Hires,
        ScorecardField::Training,
        ScorecardField::Overhead,
        ScorecardField::Budget,
    ];

    pub fn test_id(self) -> &'static str {
        match self {
            ScorecardField::Horizon => "horizon",
            ScorecardField::MonthlyVolume => "monthly-volume",
            ScorecardField::Growth => "growth",
            ScorecardField::Fcr => "fcr",
            ScorecardField::Repeat => "repeat",
            ScorecardField::Deflection => "deflection",
            ScorecardField::AhtTrend => "aht-trend",
            ScorecardField::OpenDays => "open-days",
            ScorecardField::OpenHours => "open-hours",
            ScorecardField::PaidHours => "paid-hours",
            ScorecardField::StartHeadcount => "start-headcount",
            ScorecardField::Attrition => "attrition",
            ScorecardField::Hires => "hires",
            ScorecardField::Training => "training",
            ScorecardField::Overhead => "overhead",
            ScorecardField::Budget => "budget",
        }
    }

    pub fn spec(self) -> Spec {
        use ScorecardField as F;
        match self {
            F::Horizon => Spec::new(12.0, 36.0, (12.0, 36.0), 1.0).whole(),
            F::MonthlyVolume => Spec::new(0.0, 100_000_000.0, (0.0, 1_000_000.0), 1_000.0),
            F::Growth => Spec::new(-20.0, 20.0, (-5.0, 5.0), 0.1),
            F::Fcr => {
                Spec::new(1.0, 100.0, (40.0, 100.0), 1.0).why(Reason::SomeContactsAreResolved)
            }
            F::Repeat => Spec::new(0.0, 100.0, (0.0, 100.0), 1.0),
            F::Deflection => Spec::new(0.0, 95.0, (0.0, 80.0), 1.0),
            F::AhtTrend => Spec::new(-10.0, 10.0, (-3.0, 3.0), 0.1),
            F::OpenDays => Spec::new(1.0, 31.0, (1.0, 31.0), 1.0),
            F::OpenHours => Spec::new(1.0, 24.0, (1.0, 24.0), 0.5),
            F::PaidHours => Spec::new(20.0, 744.0, (80.0, 200.0), 1.0),
            F::StartHeadcount => Spec::new(0.0, 1_000_000.0, (0.0, 1_000.0), 1.0),
            F::Attrition => Spec::new(0.0, 50.0, (0.0, 10.0), 0.1),
            F::Hires => Spec::new(0.0, 100_000.0, (0.0, 100.0), 1.0),
            F::Training => Spec::new(0.0, 12.0, (0.0, 6.0), 1.0).whole(),
            F::Overhead => Spec::new(0.0, 500.0, (0.0, 100.0), 1.0),
            F::Budget => Spec::new(0.0, 1e10, (0.0, 10_000_000.0), 1_000.0),
        }
    }

    pub fn set(self, settings: &mut ScorecardSettings, value: f64) {
        *self.slot(settings) = value;
    }
}

slots!(ScorecardField, ScorecardSettings,
    Horizon => horizon,
    MonthlyVolume => monthly_volume,
    Growth => growth_pct,
    Fcr => fcr_pct,
    Repeat => repeat_pct,
    Deflection => deflection_pct,
    AhtTrend => aht_trend_pct,
    OpenDays => open_days,
    OpenHours => open_hours,
    PaidHours => paid_hours_per_fte,
    StartHeadcount => start_headcount,
    Attrition => attrition_pct,
    Hires => hires,
    Training => training_months,
    Overhead => overhead_pct,
    Budget => monthly_budget,
);

/// Any field of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Staffing(StaffingField),
    Scorecard(ScorecardField),
}

impl From<StaffingField> for Field {
    fn from(field: StaffingField) -> Self {
        Field::Staffing(field)
    }
}

impl From<ScorecardField> for Field {
    fn from(field: ScorecardField) -> Self {
        Field::Scorecard(field)
    }
}

impl Field {
    pub fn spec(self) -> Spec {
        match self {
            Field::Staffing(f) => f.spec(),
            Field::Scorecard(f) => f.spec(),
        }
    }

    pub fn test_id(self) -> &'static str {
        match self {
            Field::Staffing(f) => f.test_id(),
            Field::Scorecard(f) => f.test_id(),
        }
    }

    /// Whether the field's value depends on other staffing inputs (see
    /// [`StaffingField::check_in`]).
    pub fn checked_against_inputs(self) -> bool {
        matches!(
            self,
            Field::Staffing(StaffingField::Aht | StaffingField::AhtChange)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_values_are_read_and_checked() {
        let volume = StaffingField::Volume.spec();
        assert_eq!(volume.read(" 12,5 "), Ok(Some(12.5)));
        assert_eq!(volume.read("1,062"), Ok(Some(1062.0)));
        assert_eq!(volume.read("１２０"), Ok(Some(120.0)));
        assert_eq!(volume.read("abc"), Err(FieldError::NotNumber));
        assert_eq!(volume.read(""), Err(FieldError::Empty));
        assert_eq!(volume.read("1e"), Err(FieldError::NotNumber));
        assert!(matches!(volume.read("-1"), Err(FieldError::Range { .. })));
        assert_eq!(
            StaffingField::Interval.spec().read("45"),
            Err(FieldError::Choice(&INTERVAL_CHOICES))
        );
        let sl = StaffingField::SlTarget.spec();
        assert_eq!(
            sl.read("100"),
            Err(FieldError::Range {
                min: 1.0,
                max: 99.9
            })
        );
        assert_eq!(sl.why, Some(Reason::NoServiceIsPerfect));
        assert_eq!(
            StaffingField::Agents.spec().read("2.5"),
            Err(FieldError::Whole)
        );
        assert_eq!(ScorecardField::Growth.spec().read("-0,5"), Ok(Some(-0.5)));
        assert_eq!(kpi_spec(false, true).read(" "), Ok(None));
        assert_eq!(Spec::SEASON.read(""), Err(FieldError::Empty));
        assert_eq!(Spec::SEASON.read("1.05"), Ok(Some(1.05)));
    }

    #[test]
    fn arrow_keys_step_within_the_limits() {
        let volume = StaffingField::Volume.spec();
        assert_eq!(volume.step_from(200.0, true), Some(201.0));
        assert_eq!(volume.step_from(0.0, false), Some(0.0));
        assert_eq!(
            ScorecardField::Growth.spec().step_from(0.2, true),
            Some(0.3)
        );
        let interval = StaffingField::Interval.spec();
        assert_eq!(interval.step_from(30.0, true), Some(60.0));
        assert_eq!(interval.step_from(60.0, true), None);
        assert_eq!(interval.step_from(15.0, false), None);
    }

    #[test]
    fn every_field_reads_back_what_it_holds() {
        let mut staffing = StaffingInputs::default();
        for field in StaffingField::ALL {
            let value = field.get(&staffing);
            assert_eq!(field.spec().check(value), Ok(value), "{field:?}");
            field.set(&mut staffing, value);
            assert_eq!(field.get(&staffing), value);
        }
        let mut settings = ScorecardSettings::default();
        for field in ScorecardField::ALL {
            let value = field.get(&settings);
            assert_eq!(field.spec().check(value), Ok(value), "{field:?}");
            field.set(&mut settings, value + 1.0);
            assert_eq!(field.get(&settings), value + 1.0);
        }
    }

    #[test]
    fn test_ids_are_unique() {
        let mut ids: Vec<&str> = StaffingField::ALL.iter().map(|f| f.test_id()).collect();
        ids.extend(ScorecardField::ALL.iter().map(|f| f.test_id()));
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), count);
    }

    /// Issue 25, item 2: the AHT what-if is refused where it would leave a
    /// handle time of the plan (the page's or an interval's own) at 0 s or
    /// less or beyond the limit, naming the changes that keep them all; the
    /// AHT box is checked against the change the same way.
    #[test]
    fn the_aht_what_if_keeps_every_aht_in_range() {
        let mut inputs = StaffingInputs::two_intervals_with_own_aht();
        let change = StaffingField::AhtChange;
        assert_eq!(change.check_in(&inputs, -20.0), Ok(-20.0));
        assert_eq!(change.check_in(&inputs, -239.0), Ok(-239.0));
        let refused = Err(FieldError::ChangedAht {
            min: -239.0,
            max: 6_900.0,
        });
        assert_eq!(change.check_in(&inputs, -240.0), refused);
        assert_eq!(change.check_in(&inputs, 6_901.0), refused);
        assert_eq!(change.check_in(&inputs, -20.5), Err(FieldError::Whole));
        change.set(&mut inputs, -200.0);
        assert_eq!(inputs.aht_change_s, -200.0);
        // Now the page's AHT must stay above 200 s.
        let aht = StaffingField::Aht;
        assert_eq!(aht.check_in(&inputs, 201.0), Ok(201.0));
        assert_eq!(
            aht.check_in(&inputs, 200.0),
            Err(FieldError::ChangedAht {
                min: 201.0,
                max: AHT_MAX_S,
            })
        );
        // Other fields are checked by their spec alone.
        assert_eq!(StaffingField::Volume.check_in(&inputs, 10.0), Ok(10.0));
    }
}
