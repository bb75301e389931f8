//! The capacity plan: month by month over 12 to 36 months, from contact
//! volume to required and available staff, the service they achieve, hires,
//! leavers and cost.
//!
//! # Method
//! For month `m` (0-based) of calendar month `c`:
//!
//! ```text
//! new contacts     = base · (1 + growth)^m · seasonality[c]
//! assisted new     = new contacts · (1 − deflection)                 (self-service removes contacts)
//! offered          = assisted new / (1 − (1 − FCR) · repeat share)   (every unresolved contact, first or
//!                                                                     repeat, comes back with probability
//!                                                                     "repeat share": a geometric series)
//! AHT              = AHT₀ · (1 + AHT trend)^m
//! ```
//!
//! A day's offered contacts (`offered / open days`) are spread over the
//! open hours by the intraday profile and staffed interval by interval with
//! the exact queueing engine ([`crate::plan::plan_day`]), not from a monthly
//! average load. Required FTE = agent-hours a month / (1 − shrinkage) / paid
//! hours per FTE.
//!
//! Staff: new hires are paid but not productive for the training months,
//! then handle calls at `AHT × ramp[k]` in their k-th productive month
//! (so count as `1 / ramp[k]` of an agent), then fully. Every month a share
//! `attrition` of the headcount leaves. Available FTE (productive,
//! ramp-weighted) is scheduled over the day like the requirement, and the
//! service it achieves comes from [`crate::plan::evaluate_day`].
//! "Hire to requirement" hires in month `m` what closes the gap projected for
//! month `m + training` after attrition; hires for a month's need must start
//! `training` months before it (`start_hiring_by`).
//!
//! Cost = headcount · paid hours per FTE · cost per paid hour · (1 + overhead);
//! cost per contact = cost / handled contacts (offered minus abandoned).
//! cost per resolved = cost / (handled contacts · FCR)  (each issue resolved counts once).

use crate::error::{check_aht, check_range, check_shrinkage, Error, Result};
use crate::plan::{
    evaluate_day, plan_day_reusing, DayPlan, IntervalForecast, PlanSettings, Requirements,
};
use crate::staffing::{Model, Targets};
use serde::{Deserialize, Serialize};

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Month {
    pub year: i32,
    /// 1 = January … 12 = December.
    pub month: u32,
}

impl Month {
    /// The month `offset` months after this one (before it when negative).
    pub fn plus(self, offset: i32) -> Month {
        let index = self.year * 12 + self.month as i32 - 1 + offset;
        Month {
            year: index.div_euclid(12),
            month: index.rem_euclid(12) as u32 + 1,
        }
    }
}

/// How many people are hired each month.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum Hiring {
    /// The same number every month.
    Fixed { per_month: f64 },
    /// Whatever closes the gap expected once the hires are trained.
    ToRequirement,
}

/// Everything the capacity plan needs. Shares are fractions (0.7 for 70 %).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CapacityInputs {
    pub first_month: Month,
    /// 12 to 36.
    pub horizon_months: u32,
    /// New contacts in the first month before seasonality and deflection.
    pub base_volume: f64,
    /// Compound growth per month (0.01 = +1 % a month).
    pub growth_per_month: f64,
    /// Index per calendar month, January first (1.0 = an ordinary month).
    pub seasonality: [f64; 12],
    /// First-contact resolution, in (0, 1].
    pub fcr: f64,
    /// Share of unresolved contacts that come back as a repeat contact, in [0, 1].
    pub repeat_share: f64,
    /// Share of contacts solved by self-service, in [0, 1).
    pub deflection: f64,
    pub aht_s: f64,
    /// Compound change of AHT per month (−0.005 = −0.5 % a month).
    pub aht_trend_per_month: f64,
    pub model: Model,
    pub targets: Targets,
    pub shrinkage: f64,
    pub open_days_per_month: f64,
    pub open_hours_per_day: f64,
    pub interval_minutes: f64,
    /// Intraday shape (non-negative weights over the open hours; resampled to them).
    pub profile: Vec<f64>,
    /// Paid hours of one FTE in a month (e.g. 40 h × 52 / 12 ≈ 173).
    pub paid_hours_per_fte: f64,
    pub start_headcount: f64,
    /// Share of headcount leaving each month.
    pub attrition_per_month: f64,
    pub hiring: Hiring,
    /// Months a new hire spends in training (paid, not on the phones).
    pub training_months: u32,
    /// AHT multiplier of new agents in their first productive months (e.g. [1.3, 1.15, 1.05]).
    pub ramp: Vec<f64>,
    pub cost_per_paid_hour: f64,
    /// Overhead on top of the loaded hourly cost (0.15 = +15 %).
    pub overhead: f64,
}

/// One month of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthPlan {
    pub month: Month,
    pub new_contacts: f64,
    pub offered: f64,
    pub handled: f64,
    pub aht_s: f64,
    pub required_fte: f64,
    /// Productive FTE available (new agents weighted by their ramp).
    pub available_fte: f64,
    /// `available_fte − required_fte`: negative is a shortfall.
    pub gap: f64,
    /// Everyone paid: trained, ramping and in training.
    pub headcount: f64,
    pub trainees: f64,
    pub hires: f64,
    pub leavers: f64,
    /// Achieved with the available staff: answered within T over offered.
    pub service_level: f64,
    /// Mean wait of answered calls; `None` if some interval cannot keep up (Erlang C).
    pub asa_s: Option<f64>,
    pub p_abandon: f64,
    pub occupancy: f64,
    pub paid_hours: f64,
    pub total_cost: f64,
    /// Cost over handled contacts (a repeat contact counts again).
    pub cost_per_contact: f64,
    /// Contacts resolved: handled × FCR — each customer issue resolved counts
    /// once, however many contacts it took.
    pub resolved: f64,
    /// Cost over resolved contacts: what first-contact resolution saves shows
    /// here, even with fixed staff (where cost per handled contact rises).
    pub cost_per_resolved: f64,
    /// When hiring for this month's requirement must start (training before it).
    pub start_hiring_by: Month,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CapacityPlan {
    pub months: Vec<MonthPlan>,
    /// Intraday share of the day's contacts per interval, after resampling.
    pub profile: Vec<f64>,
}

/// The plan in a few numbers: what a planner is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Summary {
    pub total_hires: f64,
    /// The first month with hires: when recruiting must start.
    pub first_hiring_month: Option<Month>,
    /// Some month is short of staff within the training time from the start,
    /// so no hire can arrive in time for it.
    pub too_late_for_early_months: bool,
    pub peak_required_fte: f64,
    pub peak_month: Month,
    /// Σ cost / Σ handled contacts over the horizon.
    pub cost_per_contact: f64,
    /// Σ cost / Σ resolved contacts over the horizon.
    pub cost_per_resolved: f64,
    pub total_cost: f64,
    /// Months whose achieved service level is below the target.
    pub months_below_target: usize,
    /// The largest surplus of available over required FTE, and its first
    /// month (`None` if no month has a surplus).
    pub largest_surplus: Option<(f64, Month)>,
    /// The largest shortfall (a positive FTE count) and its first month
    /// (`None` if no month is short).
    pub largest_shortfall: Option<(f64, Month)>,
    /// Months with fewer FTE available than required.
    pub months_short: usize,
}

impl CapacityPlan {
    pub fn summary(&self, inputs: &CapacityInputs) -> Summary {
        let months = &self.months;
        // The first month with the highest requirement (the plan's first month if empty).
        let (peak_required_fte, peak_month) =
            months.iter().fold((0.0, inputs.first_month), |best, m| {
                if m.required_fte > best.0 {
                    (m.required_fte, m.month)
                } else {
                    best
                }
            });
        let total_cost: f64 = months.iter().map(|m| m.total_cost).sum();
        let handled: f64 = months.iter().map(|m| m.handled).sum();
        let resolved: f64 = months.iter().map(|m| m.resolved).sum();
        Summary {
            total_hires: months.iter().map(|m| m.hires).sum(),
            first_hiring_month: months.iter().find(|m| m.hires > 0.0).map(|m| m.month),
            too_late_for_early_months: months
                .iter()
                .take(inputs.training_months as usize)
                .any(|m| m.gap < 0.0),
            peak_required_fte,
            peak_month,
            cost_per_contact: if handled > 0.0 {
                total_cost / handled
            } else {
                0.0
            },
            cost_per_resolved: if resolved > 0.0 {
                total_cost / resolved
            } else {
                0.0
            },
            total_cost,
            months_below_target: months
                .iter()
                .filter(|m| m.service_level < inputs.targets.service_level())
                .count(),
            largest_surplus: extreme_gap(months, 1.0),
            largest_shortfall: extreme_gap(months, -1.0),
            months_short: months.iter().filter(|m| m.gap < 0.0).count(),
        }
    }
}

/// The first month with the largest `sign · gap` above zero, as a positive FTE count.
fn extreme_gap(months: &[MonthPlan], sign: f64) -> Option<(f64, Month)> {
    months
        .iter()
        .filter(|m| sign * m.gap > 0.0)
        .fold(None, |best: Option<(f64, Month)>, m| match best {
            Some((size, _)) if size >= sign * m.gap => best,
            _ => Some((sign * m.gap, m.month)),
        })
}

/// Offered contacts from new contacts: `assisted / (1 − (1 − FCR)·repeat share)`.
///
/// ```
/// // 1 000 new contacts, FCR 70 %, half of the unresolved come back: 1 000 / 0.85
/// let offered = ccplan_engine::capacity::offered_contacts(1_000.0, 0.7, 0.5, 0.0);
/// assert!((offered - 1_176.470_588_235_294).abs() < 1e-9);
/// ```
pub fn offered_contacts(new_contacts: f64, fcr: f64, repeat_share: f64, deflection: f64) -> f64 {
    new_contacts * (1.0 - deflection) / (1.0 - (1.0 - fcr) * repeat_share)
}

impl CapacityInputs {
    fn validate(&self) -> Result<()> {
        check_range(
            "horizon (months)",
            f64::from(self.horizon_months),
            12.0..=36.0,
        )?;
        check_range("first month", f64::from(self.first_month.month), 1.0..=12.0)?;
        check_range("base volume", self.base_volume, 0.0..=1e9)?;
        check_range("growth per month", self.growth_per_month, -0.5..=1.0)?;
        for s in self.seasonality {
            check_range("seasonality index", s, 0.0..=10.0)?;
        }
        if !(self.fcr > 0.0 && self.fcr <= 1.0) {
            return Err(Error::OutOfRange {
                what: "first-contact resolution",
                value: self.fcr,
            });
        }
        check_range("repeat share", self.repeat_share, 0.0..=1.0)?;
        check_range("deflection", self.deflection, 0.0..=0.99)?;
        check_aht(self.aht_s)?;
        check_range("AHT trend per month", self.aht_trend_per_month, -0.2..=0.2)?;
        check_shrinkage(self.shrinkage)?;
        check_range("open days per month", self.open_days_per_month, 1.0..=31.0)?;
        check_range("open hours per day", self.open_hours_per_day, 0.25..=24.0)?;
        if ![15.0, 30.0, 60.0].contains(&self.interval_minutes) {
            return Err(Error::IntervalLength(self.interval_minutes));
        }
        if self.profile.is_empty() || self.profile.iter().any(|w| !(w.is_finite() && *w >= 0.0)) {
            return Err(Error::OutOfRange {
                what: "intraday profile",
                value: f64::NAN,
            });
        }
        check_range("paid hours per FTE", self.paid_hours_per_fte, 1.0..=744.0)?;
        check_range("starting headcount", self.start_headcount, 0.0..=1e6)?;
        check_range("attrition per month", self.attrition_per_month, 0.0..=0.5)?;
        if let Hiring::Fixed { per_month } = self.hiring {
            check_range("hires per month", per_month, 0.0..=1e5)?;
        }
        check_range(
            "training months",
            f64::from(self.training_months),
            0.0..=12.0,
        )?;
        for r in &self.ramp {
            check_range("ramp AHT multiplier", *r, 1.0..=5.0)?;
        }
        check_range("cost per paid hour", self.cost_per_paid_hour, 0.0..=1e5)?;
        check_range("overhead", self.overhead, 0.0..=5.0)?;
        Ok(())
    }

    fn intervals_per_day(&self) -> usize {
        ((self.open_hours_per_day * 60.0 / self.interval_minutes).round() as usize).max(1)
    }
}

/// Spreads `weights` over `count` intervals (linear interpolation over the
/// day) and normalises them to sum to 1. An all-zero profile becomes flat.
pub fn resample_profile(weights: &[f64], count: usize) -> Vec<f64> {
    let n = weights.len();
    let raw: Vec<f64> = (0..count)
        .map(|i| {
            if n == 1 {
                return weights[0];
            }
            let position = (i as f64 + 0.5) / count as f64 * n as f64 - 0.5;
            let position = position.clamp(0.0, (n - 1) as f64);
            let low = position.floor() as usize;
            let high = (low + 1).min(n - 1);
            let t = position - low as f64;
            weights[low] * (1.0 - t) + weights[high] * t
        })
        .collect();
    let total: f64 = raw.iter().sum();
    if total > 0.0 {
        raw.iter().map(|w| w / total).collect()
    } else {
        vec![1.0 / count as f64; count]
    }
}

/// Staff by how long they have been with us.
struct Staff {
    /// Head count by months since hire, for those still in training or ramp.
    recent: Vec<f64>,
    /// Fully productive agents.
    tenured: f64,
}

impl Staff {
    fn headcount(&self) -> f64 {
        self.tenured + self.recent.iter().sum::<f64>()
    }

    /// Productive FTE: trainees 0, ramping agents `1 / ramp[k]`, others 1.
    fn productive(&self, training: usize, ramp: &[f64]) -> f64 {
        self.tenured
            + self
                .recent
                .iter()
                .enumerate()
                .map(|(age, count)| {
                    if age < training {
                        0.0
                    } else {
                        count / ramp[age - training]
                    }
                })
                .sum::<f64>()
    }

    fn trainees(&self, training: usize) -> f64 {
        self.recent.iter().take(training).sum()
    }

    /// Attrition, then a month of ageing (those past their ramp become tenured).
    fn end_month(&mut self, attrition: f64, recent_months: usize) {
        let keep = 1.0 - attrition;
        self.tenured *= keep;
        for c in &mut self.recent {
            *c *= keep;
        }
        self.recent.insert(0, 0.0);
        while self.recent.len() > recent_months {
            self.tenured += self.recent.pop().unwrap_or(0.0);
        }
    }
}

/// The capacity plan, month by month (see the module documentation).
///
/// Months share their interval requirements: an interval whose load and
/// handle time were already staffed in another month (or another interval)
/// is not searched again — months with the same intraday shape, volume and
/// AHT cost one day's search between them — and every other interval's
/// search starts from the previous month's answer for it, scaled to its
/// load (a few probes). Neither changes a number of the plan.
pub fn plan_capacity(inputs: &CapacityInputs) -> Result<CapacityPlan> {
    plan_capacity_reusing(inputs, true)
}

/// [`plan_capacity`], with `reuse = false` planning each month's day afresh:
/// no answer kept from another month, no search started from one (what the
/// tests compare the reuse with).
fn plan_capacity_reusing(inputs: &CapacityInputs, reuse: bool) -> Result<CapacityPlan> {
    inputs.validate()?;
    let mut requirements = Requirements::default();
    // The previous month's day: each interval's search starts from its answer.
    let mut last_day: Option<DayPlan> = None;
    let intervals = inputs.intervals_per_day();
    let profile = resample_profile(&inputs.profile, intervals);
    let training = inputs.training_months as usize;
    let recent_months = training + inputs.ramp.len();
    let horizon = inputs.horizon_months as usize;

    // Demand and requirement first: hiring to requirement looks ahead.
    struct Demand {
        new_contacts: f64,
        offered: f64,
        aht_s: f64,
        forecast: Vec<IntervalForecast>,
        required_agents: Vec<f64>,
        required_fte: f64,
    }
    let settings_for = |aht_s: f64| PlanSettings {
        interval_minutes: inputs.interval_minutes,
        aht_s,
        model: inputs.model,
        targets: inputs.targets,
        shrinkage: inputs.shrinkage,
        cost_per_paid_hour: None,
    };
    let demand = (0..horizon)
        .map(|m| {
            let month = inputs.first_month.plus(m as i32);
            let new_contacts = inputs.base_volume
                * (1.0 + inputs.growth_per_month).powi(m as i32)
                * inputs.seasonality[month.month as usize - 1];
            let offered = offered_contacts(
                new_contacts,
                inputs.fcr,
                inputs.repeat_share,
                inputs.deflection,
            );
            let aht_s = inputs.aht_s * (1.0 + inputs.aht_trend_per_month).powi(m as i32);
            let daily = offered / inputs.open_days_per_month;
            let forecast: Vec<IntervalForecast> = profile
                .iter()
                .map(|share| IntervalForecast {
                    volume: daily * share,
                    aht_s: None,
                })
                .collect();
            if !reuse {
                requirements = Requirements::default();
                last_day = None;
            }
            let day = plan_day_reusing(
                &forecast,
                &settings_for(aht_s),
                &mut requirements,
                last_day.as_ref(),
            )?;
            let required_fte = day.totals.agent_hours * inputs.open_days_per_month
                / (1.0 - inputs.shrinkage)
                / inputs.paid_hours_per_fte;
            let required_agents = day.intervals.iter().map(|r| r.agents).collect();
            last_day = Some(day);
            Ok(Demand {
                new_contacts,
                offered,
                aht_s,
                required_agents,
                forecast,
                required_fte,
            })
        })
        .collect::<Result<Vec<_>>>()?;

    let mut staff = Staff {
        recent: vec![0.0; recent_months],
        tenured: inputs.start_headcount,
    };
    let survive = 1.0 - inputs.attrition_per_month;
    let mut months = Vec::with_capacity(horizon);
    for (m, d) in demand.iter().enumerate() {
        let month = inputs.first_month.plus(m as i32);
        let hires = match inputs.hiring {
            Hiring::Fixed { per_month } => per_month,
            Hiring::ToRequirement => {
                let arrival = (m + training).min(horizon - 1);
                let needed = demand[arrival].required_fte;
                // What today's staff will give at arrival with no more hires.
                let mut projected = Staff {
                    recent: staff.recent.clone(),
                    tenured: staff.tenured,
                };
                for _ in m..m + training {
                    projected.end_month(inputs.attrition_per_month, recent_months);
                }
                let have = projected.productive(training, &inputs.ramp);
                let per_hire =
                    survive.powi(training as i32) / inputs.ramp.first().copied().unwrap_or(1.0);
                ((needed - have) / per_hire).max(0.0).ceil()
            }
        };
        if recent_months > 0 {
            staff.recent[0] += hires;
        } else {
            staff.tenured += hires;
        }
        let headcount = staff.headcount();
        let available_fte = staff.productive(training, &inputs.ramp);
        let trainees = staff.trainees(training);

        // The available staff, scheduled over the day like the requirement.
        let agent_hours_per_day =
            available_fte * inputs.paid_hours_per_fte * (1.0 - inputs.shrinkage)
                / inputs.open_days_per_month;
        let required_hours: f64 = d.required_agents.iter().sum();
        let hours = inputs.interval_minutes / 60.0;
        let agents: Vec<f64> = d
            .required_agents
            .iter()
            .map(|r| {
                let share = if required_hours > 0.0 {
                    r / required_hours
                } else {
                    1.0 / d.required_agents.len() as f64
                };
                (agent_hours_per_day * share / hours).min(crate::MAX_AGENTS)
            })
            .collect();
        let achieved = evaluate_day(&d.forecast, &agents, &settings_for(d.aht_s))?;
        let handled = d.offered * (1.0 - achieved.totals.p_abandon);
        let paid_hours = headcount * inputs.paid_hours_per_fte;
        let total_cost = paid_hours * inputs.cost_per_paid_hour * (1.0 + inputs.overhead);
        let leavers = headcount * inputs.attrition_per_month;
        months.push(MonthPlan {
            month,
            new_contacts: d.new_contacts,
            offered: d.offered,
            handled,
            aht_s: d.aht_s,
            required_fte: d.required_fte,
            available_fte,
            gap: available_fte - d.required_fte,
            headcount,
            trainees,
            hires,
            leavers,
            service_level: achieved.totals.service_level,
            asa_s: achieved.totals.asa_s,
            p_abandon: achieved.totals.p_abandon,
            occupancy: achieved.totals.occupancy,
            paid_hours,
            total_cost,
            cost_per_contact: if handled > 0.0 {
                total_cost / handled
            } else {
                0.0
            },
            resolved: handled * inputs.fcr,
            cost_per_resolved: if handled > 0.0 {
                total_cost / (handled * inputs.fcr)
            } else {
                0.0
            },
            start_hiring_by: month.plus(-(training as i32)),
        });
        staff.end_month(inputs.attrition_per_month, recent_months);
    }
    Ok(CapacityPlan { months, profile })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A modest support line: 60 000 new contacts a month, 80/20, no growth, no attrition.
    pub(crate) fn flat() -> CapacityInputs {
        CapacityInputs {
            first_month: Month {
                year: 2027,
                month: 1,
            },
            horizon_months: 12,
            base_volume: 60_000.0,
            growth_per_month: 0.0,
            seasonality: [1.0; 12],
            fcr: 0.75,
            repeat_share: 0.6,
            deflection: 0.2,
            aht_s: 300.0,
            aht_trend_per_month: 0.0,
            model: Model::ErlangC,
            targets: Targets::new(0.8, 20.0).unwrap(),
            shrinkage: 0.3,
            open_days_per_month: 22.0,
            open_hours_per_day: 12.0,
            interval_minutes: 30.0,
            profile: vec![1.0, 2.0, 3.0, 3.0, 2.0, 1.0],
            paid_hours_per_fte: 165.0,
            start_headcount: 120.0,
            attrition_per_month: 0.0,
            hiring: Hiring::Fixed { per_month: 0.0 },
            training_months: 1,
            ramp: vec![1.3, 1.1],
            cost_per_paid_hour: 20.0,
            overhead: 0.15,
        }
    }

    /// Reusing requirements across months changes nothing, bit for bit:
    /// flat months (all reused), growing ones, seasonal ones that repeat a
    /// year later, a handle-time trend, Erlang A with an abandonment cap.
    #[test]
    fn reused_requirements_give_the_plan_searched_afresh() {
        let mut seasonality = [1.0; 12];
        seasonality[2] = 1.3;
        seasonality[11] = 0.7;
        let plans = [
            flat(),
            CapacityInputs {
                horizon_months: 36,
                seasonality,
                hiring: Hiring::ToRequirement,
                attrition_per_month: 0.02,
                ..flat()
            },
            CapacityInputs {
                growth_per_month: 0.01,
                aht_trend_per_month: -0.005,
                ..flat()
            },
            CapacityInputs {
                model: Model::ErlangA { patience_s: 120.0 },
                targets: Targets::new(0.8, 20.0)
                    .and_then(|t| t.with_max_abandon(0.03))
                    .unwrap(),
                interval_minutes: 15.0,
                open_hours_per_day: 24.0,
                horizon_months: 24,
                seasonality,
                profile: vec![0.2, 0.1, 0.5, 2.0, 3.0, 2.5, 3.0, 2.0, 1.0, 0.5],
                ..flat()
            },
        ];
        for inputs in &plans {
            assert_eq!(
                plan_capacity(inputs).unwrap(),
                plan_capacity_reusing(inputs, false).unwrap()
            );
        }
    }

    #[test]
    fn no_growth_and_no_attrition_keep_everything_flat() {
        let plan = plan_capacity(&flat()).unwrap();
        let first = &plan.months[0];
        for m in &plan.months {
            assert_eq!(m.required_fte, first.required_fte);
            assert_eq!(m.available_fte, 120.0);
            assert_eq!(m.headcount, 120.0);
            assert_eq!((m.hires, m.leavers), (0.0, 0.0));
            assert_eq!(m.total_cost, 120.0 * 165.0 * 20.0 * 1.15);
        }
        assert_eq!(
            plan.months[11].month,
            Month {
                year: 2027,
                month: 12
            }
        );
    }

    #[test]
    fn the_summary_names_the_largest_surplus_and_shortfall() {
        // Fixed staff against a growing requirement: a surplus first, then short.
        let inputs = CapacityInputs {
            growth_per_month: 0.15,
            hiring: Hiring::Fixed { per_month: 0.0 },
            ..flat()
        };
        let plan = plan_capacity(&inputs).unwrap();
        let summary = plan.summary(&inputs);
        let gaps: Vec<f64> = plan.months.iter().map(|m| m.gap).collect();
        let most = gaps.iter().cloned().fold(f64::MIN, f64::max);
        let least = gaps.iter().cloned().fold(f64::MAX, f64::min);
        assert!(most > 0.0 && least < 0.0, "{gaps:?}");
        let (surplus, when) = summary.largest_surplus.unwrap();
        assert_eq!(surplus, most);
        assert_eq!(
            when,
            plan.months[gaps.iter().position(|g| *g == most).unwrap()].month
        );
        let (shortfall, _) = summary.largest_shortfall.unwrap();
        assert_eq!(shortfall, -least);
        assert_eq!(
            summary.months_short,
            gaps.iter().filter(|g| **g < 0.0).count()
        );
    }

    #[test]
    fn cost_per_resolved_contact_counts_each_issue_once() {
        // Fixed staff: a higher FCR means fewer repeat contacts, so the same cost
        // spreads over fewer handled contacts (cost per contact rises) but over
        // more resolved issues (cost per resolved contact falls).
        let fixed = |fcr: f64| {
            let inputs = CapacityInputs {
                fcr,
                repeat_share: 0.3,
                hiring: Hiring::Fixed { per_month: 0.0 },
                ..flat()
            };
            plan_capacity(&inputs).unwrap()
        };
        let (low, high) = (fixed(0.68), fixed(0.82));
        let (m_low, m_high) = (&low.months[0], &high.months[0]);
        assert_eq!(m_low.total_cost, m_high.total_cost);
        assert!(m_high.cost_per_contact > m_low.cost_per_contact);
        assert!(m_high.cost_per_resolved < m_low.cost_per_resolved);
        for m in [m_low, m_high] {
            let fcr = if std::ptr::eq(m, m_low) { 0.68 } else { 0.82 };
            assert!((m.resolved - m.handled * fcr).abs() <= 1e-9 * m.resolved);
            assert!(
                (m.cost_per_resolved - m.total_cost / (m.handled * fcr)).abs()
                    <= 1e-12 * m.cost_per_resolved
            );
        }
    }

    #[test]
    fn offered_follows_the_stated_formula() {
        let plan = plan_capacity(&flat()).unwrap();
        // 60 000 · 0.8 / (1 − 0.25 · 0.6) = 48 000 / 0.85
        assert!((plan.months[0].offered - 48_000.0 / 0.85).abs() < 1e-9);
        let perfect = CapacityInputs { fcr: 1.0, ..flat() };
        assert_eq!(plan_capacity(&perfect).unwrap().months[0].offered, 48_000.0);
    }

    #[test]
    fn doubling_volume_needs_less_than_double_the_staff() {
        let single = plan_capacity(&flat()).unwrap().months[0].required_fte;
        let double = plan_capacity(&CapacityInputs {
            base_volume: 120_000.0,
            ..flat()
        })
        .unwrap()
        .months[0]
            .required_fte;
        assert!(
            double < 2.0 * single && double > single,
            "{single} → {double}"
        );
    }

    #[test]
    fn trainees_are_paid_but_not_productive_then_ramp() {
        let inputs = CapacityInputs {
            hiring: Hiring::Fixed { per_month: 10.0 },
            start_headcount: 100.0,
            ..flat()
        };
        let plan = plan_capacity(&inputs).unwrap();
        // Month 0: 10 hires in training.
        assert_eq!(plan.months[0].headcount, 110.0);
        assert_eq!(plan.months[0].trainees, 10.0);
        assert_eq!(plan.months[0].available_fte, 100.0);
        // Month 1: last month's hires ramp at 1/1.3, 10 new in training.
        assert!((plan.months[1].available_fte - (100.0 + 10.0 / 1.3)).abs() < 1e-12);
        // Month 3: the first cohort is fully productive.
        assert!((plan.months[3].available_fte - (110.0 + 10.0 / 1.3 + 10.0 / 1.1)).abs() < 1e-9);
    }

    #[test]
    fn hiring_to_requirement_closes_the_gap_after_training() {
        let inputs = CapacityInputs {
            start_headcount: 20.0,
            attrition_per_month: 0.02,
            hiring: Hiring::ToRequirement,
            ramp: vec![],
            ..flat()
        };
        let plan = plan_capacity(&inputs).unwrap();
        assert!(plan.months[0].gap < 0.0 && plan.months[0].hires > 0.0);
        for m in &plan.months[1..] {
            assert!(m.gap >= -1e-9, "{:?}: gap {}", m.month, m.gap);
        }
        assert!(plan.months[1].service_level >= 0.8 - 1e-9);
        let summary = plan.summary(&inputs);
        assert_eq!(
            summary.first_hiring_month,
            Some(Month {
                year: 2027,
                month: 1
            })
        );
        assert!(
            summary.too_late_for_early_months,
            "month 0 is short and training takes a month"
        );
        assert_eq!(
            summary.total_hires,
            plan.months.iter().map(|m| m.hires).sum::<f64>()
        );
        assert_eq!(summary.months_below_target, 1);
        assert_eq!(
            plan.months[5].start_hiring_by,
            Month {
                year: 2027,
                month: 5
            }
        );
    }

    #[test]
    fn understaffing_shows_in_service_and_cost_per_contact() {
        let short = plan_capacity(&CapacityInputs {
            start_headcount: 40.0,
            ..flat()
        })
        .unwrap();
        let full = plan_capacity(&CapacityInputs {
            start_headcount: 200.0,
            ..flat()
        })
        .unwrap();
        assert!(short.months[0].service_level < 0.8 && full.months[0].service_level >= 0.8);
        assert!(full.months[0].cost_per_contact > 0.0);
    }

    #[test]
    fn months_and_profiles() {
        assert_eq!(
            Month {
                year: 2026,
                month: 11
            }
            .plus(3),
            Month {
                year: 2027,
                month: 2
            }
        );
        assert_eq!(
            Month {
                year: 2027,
                month: 1
            }
            .plus(-1),
            Month {
                year: 2026,
                month: 12
            }
        );
        let p = resample_profile(&[1.0, 3.0], 4);
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-15 && p[0] < p[3]);
        assert_eq!(resample_profile(&[0.0, 0.0], 2), vec![0.5, 0.5]);
    }

    #[test]
    fn bad_inputs_are_refused() {
        let e = plan_capacity(&CapacityInputs {
            horizon_months: 40,
            ..flat()
        })
        .unwrap_err();
        assert_eq!(e.to_string(), "horizon (months) is out of range, got 40");
        assert!(plan_capacity(&CapacityInputs { fcr: 0.0, ..flat() }).is_err());
        assert!(plan_capacity(&CapacityInputs {
            profile: vec![],
            ..flat()
        })
        .is_err());
        assert!(plan_capacity(&CapacityInputs {
            attrition_per_month: f64::NAN,
            ..flat()
        })
        .is_err());
    }
}
