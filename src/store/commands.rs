//! What pages ask of the store, as commands: each one owns the field
//! writes of one user action, checks what the model requires of them, and
//! tells the boxes when their inputs were replaced (`revision`), so no page
//! writes a store field or counts revisions by hand.

use leptos::prelude::*;

use super::Store;
use crate::model::forecast::{
    plan_from_forecast, staffing_day, week_from_forecast, ForecastOutcome, ForecastResult,
    ForecastSettings, KnownEvent, StaffingDay, MAX_EVENTS,
};
use crate::model::schedule::{
    valid_budget_heads, valid_budget_hours, valid_day_pct, ScheduleOutcome, ShiftInput, Solved,
    MAX_SHIFTS, WORKING_WEEK,
};
use crate::model::staffing::ModelChoice;
use ccplan_engine::history::Date;
use ccplan_engine::scorecard::KpiId;

/// A schedule budget as the page asks for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Budget {
    /// Not asked.
    Unset,
    /// Paid agent-hours for the day.
    Hours(f64),
    /// Agents for the day, each on one shift of the first template.
    Heads(u32),
}

/// A headcount cap to start from when no schedule has been solved yet.
const FIRST_CAP: u32 = 100;

// The staffing page.
impl Store {
    pub fn set_model(self, model: ModelChoice) {
        self.staffing.update(|i| i.model = model);
    }

    /// Reverse mode: the service a given number of agents gives.
    pub fn set_reverse(self, on: bool) {
        self.staffing.update(|i| i.reverse = on);
    }

    /// Makes `day` the staffing page's day (its handle times are the page's).
    fn put_day(self, (interval_min, start_min, volumes): StaffingDay) {
        self.staffing.update(|s| {
            s.interval_min = interval_min;
            s.day_start_min = start_min;
            s.intraday = volumes;
            s.intraday_aht.clear();
            s.new_day();
        });
    }

    /// Makes `day` the staffing page's day, every box showing it.
    pub fn load_day(self, day: StaffingDay) {
        self.put_day(day);
        self.inputs_replaced();
    }

    /// The built-in day back, every box showing it.
    pub fn reset_day(self) {
        self.staffing.update(|s| s.reset_day());
        self.inputs_replaced();
    }

    /// Intervals read from a paste or a file as the day: their volumes,
    /// their own AHTs (empty: none given) and the start, when given.
    pub fn load_intervals(self, volumes: Vec<f64>, ahts: Vec<Option<f64>>, start_min: Option<f64>) {
        self.staffing.update(|i| {
            i.intraday = volumes;
            i.intraday_aht = ahts;
            if let Some(start) = start_min {
                i.day_start_min = start;
            }
            i.new_day();
        });
    }

    /// Boxes drop what they hold and show the inputs as they are now.
    fn inputs_replaced(self) {
        self.revision.update(|r| *r += 1);
    }
}

// The forecast page.
impl Store {
    /// Makes the chosen forecast day the staffing page's day, its busiest
    /// interval in the calculator; for the schedule page, this day rather
    /// than a week made of it. False when the day cannot be planned.
    pub fn use_forecast_day(self, for_schedule: bool) -> bool {
        let f = self.forecast;
        let day = f.outcome.with_untracked(|o| {
            let o = o.as_ref()?;
            let day = o
                .result
                .as_ref()
                .ok()?
                .days
                .get(f.chosen_day.get_untracked())?;
            staffing_day(o, day)
        });
        let Some(day) = day else { return false };
        if for_schedule {
            self.schedule.settings.update(|s| s.week_pct = None);
        }
        // A new day: the calculator shows its busiest interval.
        self.put_day(day);
        self.inputs_replaced();
        true
    }

    /// The forecast's first week to schedule (see `week_from_forecast`):
    /// its mean day on the staffing page, each weekday's volume against it.
    pub fn schedule_forecast_week(self) -> bool {
        let week = self
            .forecast
            .outcome
            .with_untracked(|o| week_from_forecast(o.as_ref()?));
        let Some((day, pct)) = week else { return false };
        self.put_day(day);
        self.schedule.settings.update(|s| s.week_pct = Some(pct));
        self.inputs_replaced();
        true
    }

    /// Starts the capacity plan from the forecast (its month, calendar and
    /// mean day; see `plan_from_forecast`).
    pub fn start_plan_from_forecast(self) -> bool {
        let planned = self.forecast.outcome.with_untracked(|o| {
            let o = o.as_ref()?;
            self.scorecard
                .with_untracked(|plan| plan_from_forecast(o, plan))
        });
        let Some((settings, day)) = planned else {
            return false;
        };
        self.put_day(day);
        // The starting headcount: the first month's requirement, not the
        // default (the page says so).
        let mut settings = settings;
        let carried =
            crate::model::scorecard::carry_headcount(&self.staffing.get_untracked(), &mut settings);
        self.scorecard.set(settings);
        self.forecast.headcount_carried.set(carried);
        self.inputs_replaced();
        true
    }

    /// A history to forecast from (pasted, read from a file, the example,
    /// or cleared).
    pub fn read_history(self, text: String) {
        self.forecast.history.set(text);
    }

    /// The forecast day shown interval by interval.
    pub fn show_forecast_day(self, index: usize) {
        self.forecast.chosen_day.set(index);
    }

    /// One forecast setting chosen from the page's lists.
    pub fn set_forecast_setting(self, set: impl FnOnce(&mut ForecastSettings)) {
        self.forecast.settings.update(set);
    }

    /// Leaves `date` out of the fit (`None`) or counts it at a corrected
    /// total: a day is either, as last asked.
    pub fn leave_out_day(self, date: Date, corrected: Option<f64>) {
        self.forecast.settings.update(|s| {
            s.excluded.retain(|d| *d != date);
            s.adjusted.retain(|a| a.0 != date);
            match corrected {
                None => s.excluded.push(date),
                Some(total) => s.adjusted.push((date, total)),
            }
            s.excluded.sort();
            s.adjusted.sort_by_key(|a| a.0);
        });
    }

    /// Counts `date` as it was, neither left out nor corrected.
    pub fn put_back_day(self, date: Date) {
        self.forecast.settings.update(|s| {
            s.excluded.retain(|d| *d != date);
            s.adjusted.retain(|a| a.0 != date);
        });
    }

    /// Adds a known event that changes something; false when it is not
    /// one the forecast accepts or the list is full.
    pub fn add_event(self, event: KnownEvent) -> bool {
        let usable = event.is_valid() && (event.uplift_pct != 0.0 || event.added != 0.0);
        let room = self
            .forecast
            .settings
            .with_untracked(|s| s.events.len() < MAX_EVENTS);
        if usable && room {
            self.forecast.settings.update(|s| s.events.push(event));
        }
        usable && room
    }

    pub fn remove_event(self, index: usize) {
        self.forecast.settings.update(|s| {
            if index < s.events.len() {
                s.events.remove(index);
            }
        });
    }
}

// The schedule page.
impl Store {
    /// Schedules one day, or a week made of it (starting as a working week).
    pub fn schedule_week(self, week: bool) {
        self.schedule
            .settings
            .update(|x| x.week_pct = week.then_some(WORKING_WEEK));
    }

    /// Weekday `day`'s volume, % of the staffing page's day; false when the
    /// page does not accept it.
    pub fn set_week_day_pct(self, day: usize, pct: f64) -> bool {
        if !valid_day_pct(pct) {
            return false;
        }
        self.schedule.settings.update(|x| {
            if let Some(w) = x.week_pct.as_mut().and_then(|w| w.get_mut(day)) {
                *w = pct;
            }
        });
        true
    }

    /// Turns the headcount cap on, at the solved schedule's agents less a
    /// tenth, or off; the cap now set.
    pub fn toggle_headcount_cap(self, on: bool) -> Option<u32> {
        let start = self.schedule.outcome.with_untracked(|o| {
            o.as_ref()
                .and_then(|(_, _, o)| o.result.as_ref().ok())
                .map_or(FIRST_CAP, Solved::suggested_cap)
        });
        let cap = on.then_some(start);
        self.schedule.settings.update(|x| x.max_heads = cap);
        cap
    }

    pub fn set_headcount_cap(self, cap: u32) {
        self.schedule.settings.update(|x| x.max_heads = Some(cap));
    }

    /// The budget to spend; false (and nothing changed) when the page does
    /// not accept it.
    pub fn set_budget(self, budget: Budget) -> bool {
        let (hours, heads) = match budget {
            Budget::Unset => (None, None),
            Budget::Hours(h) if valid_budget_hours(h) => (Some(h), None),
            Budget::Heads(n) if valid_budget_heads(n) => (None, Some(n)),
            _ => return false,
        };
        self.schedule
            .settings
            .update(|x| (x.budget_hours, x.budget_heads) = (hours, heads));
        true
    }

    /// Replaces template `index` (if it is still there and changed).
    pub fn edit_shift(self, index: usize, edit: impl FnOnce(&mut ShiftInput)) {
        let Some(mut edited) = self
            .schedule
            .settings
            .with_untracked(|s| s.shifts.get(index).cloned())
        else {
            return;
        };
        edit(&mut edited);
        let changed = self
            .schedule
            .settings
            .with_untracked(|s| s.shifts.get(index) != Some(&edited));
        if changed {
            self.schedule.settings.update(|s| {
                if let Some(t) = s.shifts.get_mut(index) {
                    *t = edited;
                }
            });
        }
    }

    pub fn remove_shift(self, index: usize) {
        self.schedule.settings.update(|s| {
            if index < s.shifts.len() {
                s.shifts.remove(index);
            }
        });
    }

    /// Adds a part-time template named `name` (up to [`MAX_SHIFTS`]).
    pub fn add_shift(self, name: String) {
        self.schedule.settings.update(|s| {
            if s.shifts.len() < MAX_SHIFTS {
                let mut next =
                    crate::model::schedule::ScheduleSettings::default().shifts[1].clone();
                next.name = name;
                s.shifts.push(next);
            }
        });
    }
}

// The scorecard page.
impl Store {
    /// The plan's first month; false when the year is out of range or the
    /// month is not one.
    pub fn set_first_month(self, year: i32, month: u32) -> bool {
        let valid = crate::model::limits::valid_first_year(year) && (1..=12).contains(&month);
        if valid {
            self.scorecard.update(|s| {
                s.first_year = year;
                s.first_month = month;
            });
        }
        valid
    }

    pub fn set_ramp(self, ramp: Vec<f64>) {
        self.scorecard.update(|s| s.ramp = ramp);
    }

    /// Calendar month `index`'s seasonal index (0 = the first month).
    pub fn set_seasonal_index(self, index: usize, value: f64) {
        self.scorecard.update(|s| {
            if let Some(v) = s.seasonality.get_mut(index) {
                *v = value;
            }
        });
    }

    /// An entered KPI's value, or none.
    pub fn set_entered_kpi(self, id: KpiId, value: Option<f64>) {
        self.scorecard.update(|s| match value {
            Some(v) => {
                s.entered.insert(id, v);
            }
            None => {
                s.entered.remove(&id);
            }
        });
    }

    /// A KPI's target, or none; the service level's is the staffing
    /// page's own and always set (an empty box keeps it).
    pub fn set_kpi_target(self, id: KpiId, value: Option<f64>) {
        match (id, value) {
            (KpiId::ServiceLevel, Some(v)) => self.staffing.update(|s| s.set_sl_target_share(v)),
            (KpiId::ServiceLevel, None) => {}
            (id, Some(v)) => self.scorecard.update(|s| {
                s.targets.insert(id, v);
            }),
            (id, None) => self.scorecard.update(|s| {
                s.targets.remove(&id);
            }),
        }
    }

    pub fn set_hire_to_requirement(self, on: bool) {
        self.scorecard.update(|s| s.hire_to_requirement = on);
    }
}

// What several sections read (tracked).
impl Store {
    /// `read` of the schedule's outcome and its solved schedule; `None`
    /// while there is no solved schedule.
    pub fn with_solved<T>(
        self,
        read: impl FnOnce(&ScheduleOutcome, &Solved) -> Option<T>,
    ) -> Option<T> {
        self.schedule.outcome.with(|o| {
            let (_, _, o) = o.as_ref()?;
            read(o, o.result.as_ref().ok()?)
        })
    }

    /// Whether the schedule shown is a solved one.
    pub fn schedule_solved(self) -> bool {
        self.with_solved(|_, _| Some(())).is_some()
    }

    /// `read` of the forecast's outcome and its forecast; `None` while
    /// there is no forecast.
    pub fn with_forecast<T>(
        self,
        read: impl FnOnce(&ForecastOutcome, &ForecastResult) -> Option<T>,
    ) -> Option<T> {
        self.forecast.outcome.with(|o| {
            let o = o.as_ref()?;
            read(o, o.result.as_ref().ok()?)
        })
    }
}
