//! The schedule page's model: shift templates in a planner's terms, the
//! staffing page's day as the requirement (agents to schedule after
//! shrinkage, rounded up), the engine's covering program solved for them,
//! and the service the scheduled agents achieve, interval by interval (the
//! engine's reverse plan). Computed in the worker (`run`): a solve can take
//! longer than a frame.

use serde::{Deserialize, Serialize};

use ccplan_engine::allocate::{allocate, proportional_cut, Allocation};
use ccplan_engine::plan::{evaluate_day, plan_day};
use ccplan_engine::schedule::{
    expand, expand_week, solve, template_limits, work_patterns, BreakRule, Column, DayGrid,
    Objective, Schedule, ScheduleError, ShiftTemplate, WEEK_DAYS,
};

use crate::model::shortfall::{explain, ShortRun, Solution};
use crate::model::staffing::{forecast, interval_label, Problem, StaffingInputs};

/// A shift template as the page edits it: times in minutes after
/// midnight, lengths in minutes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShiftInput {
    pub name: String,
    pub earliest_start_min: u32,
    pub latest_start_min: u32,
    pub start_step_min: u32,
    pub length_min: u32,
    /// One break, or none when its length is 0.
    pub break_min: u32,
    pub break_earliest_after_min: u32,
    pub break_latest_after_min: u32,
    pub break_paid: bool,
    /// At most this many agents on this shift (0: no limit).
    pub max_heads: u32,
    /// The days of the week (Monday first) it may be worked, when a week
    /// is scheduled.
    #[serde(default = "every_day")]
    pub days: [bool; WEEK_DAYS],
    /// Days one agent works in a week (0: every day it may be worked).
    #[serde(default = "five_days")]
    pub days_per_agent: u32,
}

fn every_day() -> [bool; WEEK_DAYS] {
    [true; WEEK_DAYS]
}

fn five_days() -> u32 {
    5
}

impl ShiftInput {
    fn template(&self, cost_per_hour: f64) -> ShiftTemplate {
        ShiftTemplate {
            name: self.name.clone(),
            earliest_start_min: self.earliest_start_min,
            latest_start_min: self.latest_start_min,
            start_step_min: self.start_step_min,
            length_min: self.length_min,
            breaks: (self.break_min > 0)
                .then_some(BreakRule {
                    length_min: self.break_min,
                    earliest_after_min: self.break_earliest_after_min,
                    latest_after_min: self.break_latest_after_min,
                    paid: self.break_paid,
                })
                .into_iter()
                .collect(),
            cost_per_paid_hour: cost_per_hour,
            max_heads: (self.max_heads > 0).then_some(self.max_heads),
        }
    }
}

/// The schedule page's choices, saved with the other pages' inputs (and
/// so in scenarios and share links).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ScheduleSettings {
    pub shifts: Vec<ShiftInput>,
    /// None: the cheapest cover of every interval; Some(cap): at most this
    /// many agents, as close to the requirement as they can be.
    pub max_heads: Option<u32>,
    /// Paid agent-hours for the day, to spend where they answer the most
    /// calls within target (None: not asked).
    pub budget_hours: Option<f64>,
    /// A budget in heads instead: agents for the day, each on one shift of
    /// the first template (its paid hours), spent as those agent-hours.
    pub budget_heads: Option<u32>,
    /// None: schedule the staffing page's day. Some: schedule a week whose
    /// day `d` (Monday first) is the staffing page's day with its volume
    /// at `week_pct[d]` % (0: closed).
    pub week_pct: Option<[f64; WEEK_DAYS]>,
}

/// Branch-and-bound nodes for a week: its program is about 40 times a
/// day's (7 × the rows, up to 35 × the columns), and each node costs that
/// much more. The engine's work budget (`Limits::work_limit`, relaxations
/// and pivots weighted by the program's size) bounds the whole solve,
/// dive included; the search starts from the relaxation's dive and a
/// greedy cover within the caps (`engine::schedule::solve`).
const WEEK_NODE_LIMIT: u64 = 200;

/// The hours of a shift named after its length, as the default shifts
/// are ("8.5 h", "4 h"): such a name describes the shift rather than being
/// the planner's own word for it, so the page may show it in its language
/// ("8.5 小时班") while the stored name, the CSV and the CLI keep it as is.
/// Any other name is the planner's and is shown as typed.
pub fn length_named_hours(name: &str) -> Option<&str> {
    let hours = name.strip_suffix(" h")?;
    let digits = !hours.is_empty()
        && hours.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && hours.matches('.').count() <= 1;
    (digits && hours.parse::<f64>().is_ok_and(|h| h > 0.0)).then_some(hours)
}

/// A weekday's volume the page accepts, % of the staffing page's day.
pub fn valid_day_pct(pct: f64) -> bool {
    (0.0..=crate::model::limits::MAX_DAY_PCT).contains(&pct)
}

/// A week to start from: the day's volume Monday to Friday, closed at
/// the weekend.
pub const WORKING_WEEK: [f64; WEEK_DAYS] = [100.0, 100.0, 100.0, 100.0, 100.0, 0.0, 0.0];

impl Default for ScheduleSettings {
    fn default() -> Self {
        ScheduleSettings {
            shifts: vec![
                ShiftInput {
                    name: "8.5 h".into(),
                    earliest_start_min: 7 * 60,
                    latest_start_min: 13 * 60,
                    start_step_min: 30,
                    length_min: 510,
                    break_min: 30,
                    break_earliest_after_min: 180,
                    break_latest_after_min: 300,
                    break_paid: false,
                    max_heads: 0,
                    days: every_day(),
                    days_per_agent: 5,
                },
                ShiftInput {
                    name: "4 h".into(),
                    earliest_start_min: 7 * 60,
                    latest_start_min: 18 * 60,
                    start_step_min: 30,
                    length_min: 240,
                    break_min: 0,
                    break_earliest_after_min: 120,
                    break_latest_after_min: 120,
                    break_paid: false,
                    max_heads: 0,
                    days: every_day(),
                    days_per_agent: 5,
                },
            ],
            max_heads: None,
            budget_hours: None,
            budget_heads: None,
            week_pct: None,
        }
    }
}

/// A budget of paid agent-hours the page accepts.
pub fn valid_budget_hours(hours: f64) -> bool {
    (0.0..=crate::model::limits::MAX_BUDGET_HOURS).contains(&hours)
}

/// A budget in heads the page accepts.
pub fn valid_budget_heads(heads: u32) -> bool {
    (1..=crate::model::limits::MAX_HEADS).contains(&heads)
}

/// Most templates a page holds.
pub const MAX_SHIFTS: usize = 12;

impl ScheduleSettings {
    /// What stored settings must satisfy (the engine checks the rest and
    /// says what is wrong with a template).
    pub fn is_valid(&self) -> bool {
        self.budget_hours.is_none_or(valid_budget_hours)
            && self.budget_heads.is_none_or(valid_budget_heads)
            && self
                .week_pct
                .is_none_or(|week| week.iter().all(|p| valid_day_pct(*p)))
            && self.shifts.len() <= MAX_SHIFTS
            && self.shifts.iter().all(|s| {
                use crate::model::limits::{MAX_SHIFT_NAME_CHARS, MINUTES_PER_DAY};
                s.name.chars().count() <= MAX_SHIFT_NAME_CHARS
                    && s.earliest_start_min < MINUTES_PER_DAY
                    && s.latest_start_min < MINUTES_PER_DAY
                    && s.start_step_min <= MINUTES_PER_DAY
                    && s.length_min <= MINUTES_PER_DAY
                    && s.break_min <= MINUTES_PER_DAY
                    && s.break_latest_after_min <= MINUTES_PER_DAY
                    && s.days_per_agent <= WEEK_DAYS as u32
            })
    }
}

/// One row of the schedule: how many agents work one variant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShiftRow {
    pub shift: String,
    pub start_min: u32,
    pub end_min: u32,
    pub break_start_min: Option<u32>,
    pub agents: u32,
    /// Paid hours of one agent on one day.
    pub paid_hours: f64,
    /// The days of the week worked (0 = Monday); empty when one day is scheduled.
    pub days: Vec<usize>,
}

impl ShiftRow {
    /// Paid hours of all its agents over all its days.
    pub fn total_paid_hours(&self) -> f64 {
        self.paid_hours * f64::from(self.agents) * self.days.len().max(1) as f64
    }
}

/// What the page shows for one day and one set of templates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScheduleOutcome {
    pub interval_min: u32,
    pub day_start_min: u32,
    /// Days scheduled: 1, or a week of 7 (Monday first) whose days follow
    /// each other in `requirement`, `required_fte` and the coverage.
    pub days: usize,
    /// Agents to schedule per interval: the day plan's scheduled FTE, rounded up.
    pub requirement: Vec<u32>,
    /// The day plan's scheduled FTE, unrounded.
    pub required_fte: Vec<f64>,
    pub result: Result<Solved, ScheduleProblem>,
    /// What the budget buys, when one was given.
    pub budget: Option<Result<BudgetOutcome, ScheduleProblem>>,
}

/// A budget of paid agent-hours spent two ways: where the most calls are
/// answered within target, and cut in proportion to each interval's
/// requirement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BudgetOutcome {
    pub hours: f64,
    /// When the budget was given in heads: how many, and the paid hours
    /// of the (first) template each works.
    pub heads: Option<(u32, f64)>,
    /// Agent-intervals on the phones the hours buy after shrinkage.
    pub agent_intervals: u64,
    pub best: Allocation,
    pub cut: Allocation,
    /// Paid hours that keep every interval stable (more agents than its load).
    pub minimum_hours: f64,
}

/// Whether a schedule's paid hours are above or below the requirement's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaidAgainst {
    Above,
    Below,
}

/// A solved schedule and the service it gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Solved {
    /// The engine's answer: agents per variant and per interval, cost,
    /// over and under, heads, whether it is proven optimal.
    pub schedule: Schedule,
    pub rows: Vec<ShiftRow>,
    pub paid_hours: f64,
    /// Paid hours the requirement itself needs: Σ requirement × interval hours.
    pub required_hours: f64,
    pub variants: usize,
    /// Each interval's service level with the scheduled agents on the
    /// phones (after shrinkage); None where Erlang C is unstable.
    pub service_level: Vec<Option<f64>>,
    /// The day's (or the week's), weighted by contacts.
    pub day_service_level: f64,
    /// The runs of intervals left short, why, and what would cover them
    /// (empty when every interval is covered).
    #[serde(default)]
    pub shortfall: Vec<ShortRun>,
}

impl ScheduleOutcome {
    /// Intervals in one day.
    pub fn day_intervals(&self) -> usize {
        self.requirement.len() / self.days.max(1)
    }

    /// The rows of day `day` in the requirement and the coverage (empty
    /// past the last day).
    pub fn day_rows(&self, day: usize) -> std::ops::Range<usize> {
        let (per_day, len) = (self.day_intervals(), self.requirement.len());
        (day * per_day).min(len)..((day + 1) * per_day).min(len)
    }

    /// Where row `i` of the requirement is: its weekday (0 = Monday) when a
    /// week is scheduled, and its start ("17:30").
    pub fn interval_at(&self, i: usize) -> (Option<usize>, String) {
        let per_day = self.day_intervals().max(1);
        let at = interval_label(
            i % per_day,
            f64::from(self.interval_min),
            f64::from(self.day_start_min),
        );
        ((self.days > 1).then_some(i / per_day), at)
    }

    /// The most agents any interval needs.
    pub fn peak(&self) -> u32 {
        self.requirement.iter().max().copied().unwrap_or(0)
    }

    /// Issue 25, item 12: the days scheduled that need anyone (a week's
    /// closed days, at 0 %, need no one and are not counted).
    pub fn open_days(&self) -> usize {
        (0..self.days)
            .filter(|d| self.requirement[self.day_rows(*d)].iter().any(|r| *r > 0))
            .count()
    }

    /// Paid hours the requirement itself needs: Σ requirement × interval hours.
    pub fn required_hours(&self) -> f64 {
        self.requirement.iter().map(|r| f64::from(*r)).sum::<f64>() * f64::from(self.interval_min)
            / 60.0
    }
}

impl Solved {
    /// A headcount cap to start from: this schedule's agents less a tenth.
    pub fn suggested_cap(&self) -> u32 {
        (self.schedule.heads * 9 / 10).clamp(1, u64::from(u32::MAX)) as u32
    }

    /// Paid hours against the requirement's own: above it (the usual
    /// overstaffing of whole shifts) or, under a headcount cap, below it;
    /// the share is positive either way, % of the requirement's hours.
    pub fn paid_against_requirement(&self) -> (PaidAgainst, f64) {
        let pct = self.over_pct();
        if pct < 0.0 {
            (PaidAgainst::Below, -pct)
        } else {
            (PaidAgainst::Above, pct)
        }
    }

    /// Paid hours above the requirement's own, % of it.
    pub fn over_pct(&self) -> f64 {
        if self.required_hours > 0.0 {
            (self.paid_hours / self.required_hours - 1.0) * 100.0
        } else {
            0.0
        }
    }
}

/// Why there is no schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ScheduleProblem {
    /// The staffing page's day cannot be planned (the engine's message).
    Day(String),
    /// The templates or the limits (worded by the page in its language).
    Schedule(ScheduleError),
    /// The budget cannot be spent (the engine's message).
    Budget(String),
    /// A budget in heads counts each agent on one shift of the first
    /// template, and that template (its name) has no paid hours.
    UnpaidFirstShift(String),
}

/// Solves the staffing page's day (`inputs`), or the week made of it, with `settings`.
pub fn run(inputs: &StaffingInputs, settings: &ScheduleSettings) -> ScheduleOutcome {
    let interval_min = inputs.interval_min.round() as u32;
    let day_start_min = inputs.day_start_min.round() as u32;
    // A reverse-mode staffing page still has a requirement: plan it forward.
    let forward = StaffingInputs {
        reverse: false,
        ..inputs.clone()
    };
    let days: Vec<StaffingInputs> = match settings.week_pct {
        None => vec![forward.clone()],
        Some(week) => week
            .iter()
            .map(|pct| StaffingInputs {
                intraday: forward.intraday.iter().map(|v| v * pct / 100.0).collect(),
                ..forward.clone()
            })
            .collect(),
    };
    let empty = |result| ScheduleOutcome {
        interval_min,
        day_start_min,
        days: days.len(),
        requirement: Vec::new(),
        required_fte: Vec::new(),
        result,
        budget: None,
    };
    let mut plans = Vec::with_capacity(days.len());
    for day in &days {
        match day
            .settings()
            .and_then(|settings| plan_day(&forecast(day), &settings))
        {
            Ok(plan) => plans.push(plan),
            Err(e) => return empty(Err(ScheduleProblem::Day(Problem::from(e).detail))),
        }
    }
    let required_fte: Vec<f64> = plans
        .iter()
        .flat_map(|p| p.intervals.iter().map(|i| i.scheduled_fte))
        .collect();
    // A hair below a whole agent is that agent (0.1 + 0.2 ≠ 0.3).
    let requirement: Vec<u32> = required_fte
        .iter()
        .map(|f| (f - 1e-9).ceil().max(0.0) as u32)
        .collect();
    let grid = DayGrid {
        start_min: day_start_min,
        interval_min,
        intervals: forward.intraday.len(),
    };
    let result = solve_days(&days, settings, &requirement, &grid);
    // The budget is for what is scheduled: the day, or the whole week
    // (issue 25, item 12), spent over all its intervals (closed days' load
    // is 0 and takes no one); in heads, each works one shift a day on
    // every open day.
    let traffic: Vec<f64> = plans
        .iter()
        .flat_map(|p| p.intervals.iter().map(|i| i.traffic))
        .collect();
    let open_days = plans
        .iter()
        .filter(|p| p.intervals.iter().any(|i| i.traffic > 0.0))
        .count()
        .max(1);
    let budget = budget_hours(settings, open_days as f64).map(|hours| {
        let spent = spend_budget(&forward, &traffic, hours?);
        spent.map(|b| BudgetOutcome {
            heads: settings
                .budget_heads
                .map(|heads| (heads, b.hours / f64::from(heads))),
            ..b
        })
    });
    ScheduleOutcome {
        interval_min,
        day_start_min,
        days: days.len(),
        requirement,
        required_fte,
        result,
        budget,
    }
}

/// The budget's paid agent-hours: as given, or its heads each on one shift
/// of the first template on each of `open_days` (None: no budget; an error
/// when heads are given and there is no template to count them by, or it
/// has no paid hours).
fn budget_hours(
    settings: &ScheduleSettings,
    open_days: f64,
) -> Option<Result<f64, ScheduleProblem>> {
    if let Some(heads) = settings.budget_heads {
        let Some(first) = settings.shifts.first() else {
            return Some(Err(ScheduleProblem::Schedule(ScheduleError::NoTemplates)));
        };
        let unpaid = if first.break_paid { 0 } else { first.break_min };
        let per_head = f64::from(first.length_min.saturating_sub(unpaid)) / 60.0;
        return Some(if per_head > 0.0 {
            Ok(f64::from(heads) * per_head * open_days)
        } else {
            Err(ScheduleProblem::UnpaidFirstShift(first.name.clone()))
        });
    }
    settings.budget_hours.map(Ok)
}

/// Spends `hours` of paid agent time on the intervals of `traffic` (the
/// day's, or the week's one day after another): the agents on the phones
/// they buy (after shrinkage, whole agent-intervals) by `engine::allocate`,
/// beside the proportional cut.
fn spend_budget(
    inputs: &StaffingInputs,
    traffic: &[f64],
    hours: f64,
) -> Result<BudgetOutcome, ScheduleProblem> {
    let problem = |e: ccplan_engine::Error| ScheduleProblem::Budget(e.to_string());
    let interval_h = inputs.interval_min / 60.0;
    let keep = 1.0 - inputs.shrinkage_pct / 100.0;
    let agent_intervals = (hours * keep / interval_h + 1e-9).floor().max(0.0) as u64;
    let model = inputs.model();
    let target_s = inputs.sl_seconds;
    // The handle time the day was planned with (the AHT what-if included).
    let aht_s = inputs.changed_aht(inputs.aht_s);
    let best = allocate(traffic, aht_s, target_s, model, agent_intervals).map_err(problem)?;
    let cut = proportional_cut(
        traffic,
        aht_s,
        target_s,
        model,
        agent_intervals,
        inputs.sl_target_pct / 100.0,
    )
    .map_err(problem)?;
    Ok(BudgetOutcome {
        hours,
        heads: None,
        agent_intervals,
        minimum_hours: best.minimum_agent_intervals as f64 * interval_h / keep,
        best,
        cut,
    })
}

/// Covers `requirement` (the days' intervals one after another) with the
/// templates' shifts; a week's shifts are worked on patterns of days
/// (`work_patterns`), each agent one head all week.
fn solve_days(
    days: &[StaffingInputs],
    settings: &ScheduleSettings,
    requirement: &[u32],
    grid: &DayGrid,
) -> Result<Solved, ScheduleProblem> {
    let problem = ScheduleProblem::Schedule;
    let inputs = &days[0];
    let templates: Vec<ShiftTemplate> = settings
        .shifts
        .iter()
        .map(|s| s.template(inputs.cost_per_hour))
        .collect();
    let variants = expand(&templates, grid).map_err(problem)?;
    // Per column: the day's variant and the days of the week it is worked.
    let (columns, worked): (Vec<Column>, Vec<(usize, Vec<usize>)>) = if days.len() == 1 {
        variants
            .iter()
            .enumerate()
            .map(|(i, v)| (v.column.clone(), (i, Vec::new())))
            .unzip()
    } else {
        let mut open = [false; WEEK_DAYS];
        for (open, day) in open
            .iter_mut()
            .zip(requirement.chunks(grid.intervals.max(1)))
        {
            *open = day.iter().any(|r| *r > 0);
        }
        let patterns: Vec<Vec<Vec<usize>>> = settings
            .shifts
            .iter()
            .map(|s| work_patterns(s.days, open, s.days_per_agent))
            .collect();
        expand_week(&variants, &patterns, grid.intervals)
            .map_err(problem)?
            .into_iter()
            .map(|w| (w.column, (w.variant, w.days)))
            .unzip()
    };
    let mut limits = template_limits(&templates, settings.max_heads);
    if days.len() > 1 {
        limits.node_limit = WEEK_NODE_LIMIT;
    }
    let objective = if settings.max_heads.is_some() {
        Objective::MinGap
    } else {
        Objective::MinCost
    };
    let s = solve(requirement, &columns, objective, &limits).map_err(problem)?;
    let rows: Vec<ShiftRow> = worked
        .iter()
        .zip(&s.counts)
        .filter(|(_, k)| **k > 0)
        .map(|((v, days_worked), k)| {
            let v = &variants[*v];
            ShiftRow {
                shift: templates[v.template].name.clone(),
                start_min: v.start_min,
                end_min: v.start_min + templates[v.template].length_min,
                break_start_min: v.break_starts_min.first().copied(),
                agents: *k,
                paid_hours: v.paid_hours,
                days: days_worked.clone(),
            }
        })
        .collect();
    let paid_hours = rows.iter().map(ShiftRow::total_paid_hours).sum();
    let mut template_heads = vec![0_u64; templates.len()];
    for ((v, _), k) in worked.iter().zip(&s.counts) {
        template_heads[variants[*v].template] += u64::from(*k);
    }
    let shortfall = explain(&Solution {
        requirement,
        coverage: &s.coverage,
        grid,
        days: days.len(),
        variants: &variants,
        templates: &templates,
        template_heads: &template_heads,
        max_heads: settings.max_heads,
        heads: s.heads,
        optimal: s.optimal,
    });
    let keep = 1.0 - inputs.shrinkage_pct / 100.0;
    let mut service_level = Vec::with_capacity(requirement.len());
    let (mut answered, mut offered, mut last_day_level) = (0.0, 0.0, 1.0);
    for (day, coverage) in days.iter().zip(s.coverage.chunks(grid.intervals.max(1))) {
        let on_phones: Vec<f64> = coverage.iter().map(|c| f64::from(*c) * keep).collect();
        // Each day is planned forward (see `run`).
        let achieved = day
            .settings()
            .and_then(|settings| evaluate_day(&forecast(day), &on_phones, &settings))
            .map_err(|e| ScheduleProblem::Day(e.to_string()))?;
        service_level.extend(
            achieved
                .intervals
                .iter()
                .map(|i| i.metrics.map(|m| m.service_level)),
        );
        answered += achieved.totals.service_level * achieved.totals.volume;
        offered += achieved.totals.volume;
        last_day_level = achieved.totals.service_level;
    }
    // One day: its own figure, as the day plan gives it.
    let day_service_level = if days.len() == 1 || offered == 0.0 {
        last_day_level
    } else {
        answered / offered
    };
    Ok(Solved {
        rows,
        paid_hours,
        required_hours: requirement.iter().map(|r| f64::from(*r)).sum::<f64>()
            * f64::from(grid.interval_min)
            / 60.0,
        variants: columns.len(),
        service_level,
        day_service_level,
        shortfall,
        schedule: s,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bank's mean weekday (the shared data), 07:00–21:00 in
    /// half-hours (its 21:00 interval holds only five minutes: left out),
    /// AHT 240 s, 80/20, no shrinkage, 20 an hour.
    fn bank_day() -> StaffingInputs {
        let parsed = ccplan_engine::history::parse_history(include_str!(
            "../../engine/tests/reference/bank-calls-train-30min.csv"
        ));
        let history = ccplan_engine::history::assemble(&parsed.rows).unwrap();
        let days = history.days.len() as f64;
        let calls: Vec<f64> = (0..28)
            .map(|i| history.days.iter().map(|d| d.contacts[i]).sum::<f64>() / days)
            .collect();
        StaffingInputs {
            aht_s: 240.0,
            shrinkage_pct: 0.0,
            intraday: calls,
            intraday_aht: Vec::new(),
            day_start_min: 420.0,
            interval_min: 30.0,
            cost_per_hour: 20.0,
            ..StaffingInputs::default()
        }
    }

    /// Every interval has at least the agents it needs.
    fn covers_every_interval(o: &ScheduleOutcome) -> bool {
        let s = o.result.as_ref().unwrap();
        s.schedule
            .coverage
            .iter()
            .zip(&o.requirement)
            .all(|(c, r)| c >= r)
    }

    #[test]
    fn a_day_is_covered_at_the_least_cost_and_its_service_shown() {
        let inputs = bank_day();
        let o = run(&inputs, &ScheduleSettings::default());
        assert_eq!(o.requirement.len(), 28);
        let s = o.result.as_ref().unwrap();
        assert!(s.schedule.optimal, "{s:?}");
        assert_eq!(s.schedule.under, 0);
        assert!(covers_every_interval(&o));
        // Paid hours are the cost over the hourly rate, and only a few per
        // cent above what the requirement itself needs.
        assert!((s.schedule.cost - s.paid_hours * 20.0).abs() < 1e-6);
        assert!(s.paid_hours < s.required_hours * 1.10, "{s:?}");
        // Every interval covered: each at or above the 80 % target (the
        // requirement was for 80/20 with occupancy at most 85 %).
        assert!(s.service_level.iter().all(|sl| sl.unwrap() >= 0.8));
        assert!(s.day_service_level >= 0.8);
        assert_eq!(
            s.rows.iter().map(|r| u64::from(r.agents)).sum::<u64>(),
            s.schedule.heads
        );
    }

    #[test]
    fn the_volume_what_if_raises_the_shifts_requirement_and_cost() {
        let base = bank_day();
        let busier = StaffingInputs {
            volume_scale_pct: 115.0,
            ..base.clone()
        };
        let settings = ScheduleSettings::default();
        let (was, now) = (run(&base, &settings), run(&busier, &settings));
        assert!(now.required_hours() > was.required_hours());
        assert!(now.peak() > was.peak());
        let cost = |o: &ScheduleOutcome| o.result.as_ref().unwrap().schedule.cost;
        assert!(cost(&now) > cost(&was));
    }

    #[test]
    fn a_week_is_covered_with_agents_on_patterns_of_days() {
        let inputs = bank_day();
        let day = run(&inputs, &ScheduleSettings::default());
        let day = day.result.as_ref().unwrap();
        // Five equal weekdays, everyone working all five: five times the
        // day's cheapest cover.
        let weekdays = ScheduleSettings {
            week_pct: Some(WORKING_WEEK),
            ..ScheduleSettings::default()
        };
        let o = run(&inputs, &weekdays);
        assert_eq!((o.days, o.requirement.len()), (7, 7 * 28));
        assert_eq!(o.day_intervals(), 28);
        assert!(o.requirement[5 * 28..].iter().all(|r| *r == 0));
        let w = o.result.as_ref().unwrap();
        assert!(w.schedule.optimal);
        // (Heads may differ: 4-hour and 8.5-hour shifts tie on cost.)
        assert!((w.schedule.cost - 5.0 * day.schedule.cost).abs() < 1e-6);
        assert!((w.paid_hours - 5.0 * day.paid_hours).abs() < 1e-9);
        assert!(w.rows.iter().all(|r| r.days == vec![0, 1, 2, 3, 4]));
        // The same cover every weekday (one of the day's cheapest), and its service.
        let monday = &w.schedule.coverage[..28];
        assert!((1..5).all(|d| &w.schedule.coverage[d * 28..(d + 1) * 28] == monday));
        assert!(w.day_service_level >= 0.8);
        assert_eq!(o.interval_at(28 + 21), (Some(1), "17:30".to_string()));

        // Open on Saturday at half the volume, five days each: the agents
        // take their days off where the week can spare them, so fewer heads
        // cover six days than the weekday schedule and Saturday's own would.
        let saturday = ScheduleSettings {
            week_pct: Some([100.0, 100.0, 100.0, 100.0, 100.0, 50.0, 0.0]),
            ..ScheduleSettings::default()
        };
        let o = run(&inputs, &saturday);
        let s = o.result.as_ref().unwrap();
        assert_eq!(s.schedule.under, 0);
        assert!(covers_every_interval(&o));
        assert!(s
            .rows
            .iter()
            .all(|r| r.days.len() == 5 && !r.days.contains(&6)));
        assert!(s.schedule.heads > day.schedule.heads);
        let saturday_alone = o.requirement[5 * 28..6 * 28].iter().max().unwrap();
        assert!(s.schedule.heads < day.schedule.heads + u64::from(*saturday_alone));
        // Within half a per cent of what no schedule can beat (the
        // relaxation's bound), in a few hundred nodes.
        assert!(
            s.schedule.cost <= s.schedule.bound * 1.005,
            "{:?}",
            s.schedule
        );

        // A template kept off Saturday: Saturday is covered by the other.
        let mut weekday_only = saturday.clone();
        weekday_only.shifts[0].days[5] = false;
        let o = run(&inputs, &weekday_only);
        let s = o.result.as_ref().unwrap();
        assert!(s
            .rows
            .iter()
            .filter(|r| r.shift == "8.5 h")
            .all(|r| r.days == vec![0, 1, 2, 3, 4]));
        assert!(s.rows.iter().any(|r| r.days.contains(&5)));
    }

    #[test]
    fn a_headcount_cap_leaves_a_gap_and_says_how_big() {
        let inputs = bank_day();
        let full = run(&inputs, &ScheduleSettings::default());
        let heads = full.result.as_ref().unwrap().schedule.heads as u32;
        let capped = ScheduleSettings {
            max_heads: Some(heads * 9 / 10),
            ..ScheduleSettings::default()
        };
        let o = run(&inputs, &capped);
        let s = o.result.as_ref().unwrap();
        assert!(s.schedule.heads <= u64::from(heads * 9 / 10));
        assert!(s.schedule.under > 0);
        assert!(s.day_service_level < full.result.as_ref().unwrap().day_service_level);
        // Each interval left short is in exactly one explained run, whose
        // agent-intervals add up to the shortfall the page shows; the cap
        // is named, and what is suggested covers what is short.
        use crate::model::shortfall::{Cover, ShortWhy};
        let explained: u64 = s.shortfall.iter().map(|r| r.short).sum();
        assert_eq!(explained, s.schedule.under);
        let at = |i: usize| 420 + 30 * i as u32;
        for (i, (c, r)) in s.schedule.coverage.iter().zip(&o.requirement).enumerate() {
            let runs = s
                .shortfall
                .iter()
                .filter(|run| (run.from_min..run.to_min).contains(&at(i)))
                .count();
            assert_eq!(runs, usize::from(c < r), "interval {i}");
        }
        for run in &s.shortfall {
            assert_eq!(run.why, ShortWhy::HeadcountCap(heads * 9 / 10), "{run:?}");
            // Every interval of the day has a shift: more agents on the
            // defaults, within their start windows, at least as many as the
            // interval short by most needs.
            let mut added = 0;
            for cover in &run.covers {
                let Cover::More {
                    shift,
                    agents,
                    first_start_min,
                    last_start_min,
                } = cover
                else {
                    panic!("every interval of the day has a shift: {cover:?}");
                };
                let template = capped.shifts.iter().find(|t| &t.name == shift).unwrap();
                assert!(template.earliest_start_min <= *first_start_min);
                assert!(first_start_min <= last_start_min);
                assert!(*last_start_min <= template.latest_start_min);
                added += agents;
            }
            assert!(added >= run.most_short, "{run:?}");
        }
        // Paid hours below the requirement's are said as such, positive.
        if s.over_pct() < 0.0 {
            assert_eq!(
                s.paid_against_requirement(),
                (PaidAgainst::Below, -s.over_pct())
            );
        }
    }

    #[test]
    fn bad_templates_and_days_get_a_message() {
        let inputs = bank_day();
        // A shift that fits nowhere in the day.
        let mut settings = ScheduleSettings::default();
        settings.shifts.truncate(1);
        settings.shifts[0].length_min = 20 * 60;
        let o = run(&inputs, &settings);
        assert!(matches!(o.result, Err(ScheduleProblem::Schedule(_))));
        // Shifts that leave the evening uncovered.
        let mut settings = ScheduleSettings::default();
        settings.shifts.truncate(1);
        settings.shifts[0].latest_start_min = 9 * 60;
        let o = run(&inputs, &settings);
        match o.result {
            Err(ScheduleProblem::Schedule(e)) => {
                assert!(matches!(e, ScheduleError::Uncovered(..)), "{e}")
            }
            other => panic!("{other:?}"),
        }
        // Templates that make more than 5 000 variants: a day of 15-minute
        // intervals, every start, a break anywhere in the first 8 hours
        // (62 starts × 32 placements each, three times).
        let fine = StaffingInputs {
            interval_min: 15.0,
            intraday: vec![50.0; 96],
            day_start_min: 0.0,
            ..bank_day()
        };
        let anywhere = ShiftInput {
            name: "anywhere".into(),
            earliest_start_min: 0,
            latest_start_min: 23 * 60 + 45,
            start_step_min: 15,
            length_min: 8 * 60 + 45,
            break_min: 15,
            break_earliest_after_min: 15,
            break_latest_after_min: 8 * 60,
            break_paid: false,
            max_heads: 0,
            days: every_day(),
            days_per_agent: 5,
        };
        let many = ScheduleSettings {
            shifts: vec![anywhere.clone(), anywhere.clone(), anywhere],
            ..ScheduleSettings::default()
        };
        match run(&fine, &many).result {
            Err(ScheduleProblem::Schedule(e)) => {
                assert_eq!(e, ScheduleError::TooManyVariants(3 * 62 * 32))
            }
            other => panic!("{other:?}"),
        }
        // No templates at all.
        let none = ScheduleSettings {
            shifts: Vec::new(),
            ..ScheduleSettings::default()
        };
        assert!(run(&inputs, &none).result.is_err());
    }

    /// Issue 25, item 12: a week's budget is spent over the whole week,
    /// closed days taking no one; in heads, one shift a day on every open
    /// day; the open days are counted.
    #[test]
    fn a_weeks_budget_is_the_weeks() {
        let inputs = bank_day();
        let day = run(&inputs, &ScheduleSettings::default());
        let week = ScheduleSettings {
            week_pct: Some(WORKING_WEEK),
            budget_hours: Some((5.0 * day.required_hours() * 0.95).round()),
            ..ScheduleSettings::default()
        };
        let o = run(&inputs, &week);
        assert_eq!((o.days, o.open_days()), (7, 5));
        assert_eq!(day.open_days(), 1);
        let b = o.budget.clone().unwrap().unwrap();
        assert_eq!(b.best.agents.len(), 7 * 28);
        assert!(b.best.feasible);
        assert!(b.best.agents[5 * 28..].iter().all(|a| *a == 0));
        assert!(b.best.agents[..5 * 28].iter().all(|a| *a > 0));
        // The same hours for one day would be five times too many.
        assert!(b.minimum_hours > 4.0 * day.required_hours() * 0.5);
        let heads = ScheduleSettings {
            budget_heads: Some(10),
            budget_hours: None,
            ..week
        };
        let per_shift = {
            let first = &heads.shifts[0];
            let unpaid = if first.break_paid { 0 } else { first.break_min };
            f64::from(first.length_min - unpaid) / 60.0
        };
        let b = run(&inputs, &heads).budget.unwrap().unwrap();
        assert_eq!(b.hours, 10.0 * per_shift * 5.0);
        assert_eq!(b.heads, Some((10, per_shift * 5.0)));
    }

    #[test]
    fn a_budget_is_spent_where_it_answers_most_and_said_when_too_small() {
        let inputs = bank_day();
        let full = run(&inputs, &ScheduleSettings::default());
        let needed = full.required_hours();
        // 95 % of the hours the requirement needs.
        let settings = ScheduleSettings {
            budget_hours: Some((needed * 0.95).round()),
            ..ScheduleSettings::default()
        };
        let o = run(&inputs, &settings);
        let b = o.budget.unwrap().unwrap();
        assert_eq!(b.agent_intervals, ((needed * 0.95).round() * 2.0) as u64);
        assert!(b.best.feasible);
        assert!(b.best.used_agent_intervals <= b.agent_intervals);
        assert!(b.best.service_level >= b.cut.service_level);
        // Fewer hours, less service.
        let all = ScheduleSettings {
            budget_hours: Some(needed),
            ..ScheduleSettings::default()
        };
        let more = run(&inputs, &all).budget.unwrap().unwrap();
        assert!(b.best.service_level < more.best.service_level);
        // Too few hours to keep every interval stable: said, with the least that would.
        let tiny = ScheduleSettings {
            budget_hours: Some(10.0),
            ..ScheduleSettings::default()
        };
        let b = run(&inputs, &tiny).budget.unwrap().unwrap();
        assert!(!b.best.feasible);
        assert!(b.minimum_hours > 10.0 && b.minimum_hours < needed);
        // 30 heads, each on one 8.5-hour shift with its unpaid half hour:
        // 240 paid hours, spent as such.
        let heads = ScheduleSettings {
            budget_heads: Some(30),
            ..ScheduleSettings::default()
        };
        let by_heads = run(&inputs, &heads).budget.unwrap().unwrap();
        assert_eq!(by_heads.heads, Some((30, 8.0)));
        let by_hours = ScheduleSettings {
            budget_hours: Some(240.0),
            ..ScheduleSettings::default()
        };
        let by_hours = run(&inputs, &by_hours).budget.unwrap().unwrap();
        assert_eq!(by_heads.best, by_hours.best);
        assert_eq!(by_heads.hours, 240.0);
        // No template to count heads by: said.
        let none = ScheduleSettings {
            shifts: Vec::new(),
            ..heads
        };
        assert!(matches!(
            run(&inputs, &none).budget,
            Some(Err(ScheduleProblem::Schedule(ScheduleError::NoTemplates)))
        ));
        // A first template whose break takes all its time: named, not
        // "there are no shifts".
        let mut unpaid = heads.clone();
        unpaid.shifts[0] = ShiftInput {
            name: "Cover".into(),
            length_min: 30,
            ..unpaid.shifts[0].clone()
        };
        assert_eq!(
            run(&inputs, &unpaid).budget,
            Some(Err(ScheduleProblem::UnpaidFirstShift("Cover".into())))
        );
    }

    #[test]
    fn only_names_made_of_a_length_read_as_hours() {
        assert_eq!(length_named_hours("8.5 h"), Some("8.5"));
        assert_eq!(length_named_hours("4 h"), Some("4"));
        for own in [
            "Early",
            "8.5h",
            " h",
            "0 h",
            "1.2.3 h",
            "-4 h",
            "early 4 h",
            "4 h ",
        ] {
            assert_eq!(length_named_hours(own), None, "{own}");
        }
    }
}
