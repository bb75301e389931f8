//! Shifts that cover an interval requirement: shift templates expanded into
//! variants (start time × break placement), and an integer program choosing
//! how many agents work each variant.
//!
//! Two objectives, as in the set-covering formulation of Dantzig (1954,
//! "A comment on Edie's 'Traffic delays at toll booths'") used by every
//! workforce tool since:
//!
//! * **minimum cost**: minimise Σ_v c_v·x_v subject to Σ_{v covers i} x_v ≥ r_i
//!   for every interval i, x_v ∈ ℕ;
//! * **minimum gap** (for a headcount cap that cannot cover everything):
//!   minimise Σ_i (o_i + u_i) subject to Σ_{v covers i} x_v − o_i + u_i = r_i,
//!   o_i, u_i ≥ 0,
//!
//! both with optional limits: at most `max` agents on a variant, at most a
//! template's `max_heads` over its variants, at most `max_heads` in total,
//! at most `max_per_interval` agents at work in any interval. Solved by
//! microlp's simplex and branch and bound (pure Rust, so it runs in the
//! browser) with a node budget: the answer says whether it is proven
//! optimal or the best found, with the bound it was proven against.

use serde::{Deserialize, Serialize};

/// Most variants one solve accepts: beyond this a template's start window,
/// step and break windows multiply into a problem too big for the page.
pub const MAX_VARIANTS: usize = 5_000;
/// Branch-and-bound nodes searched before the best solution found is
/// returned unproven, with the bound it was proven against (about 0.2 s
/// natively). A realistic day's cheapest cover is proven at the root;
/// microlp has no cutting planes, so a headcount-capped gap can stay a
/// few agent-intervals from its bound however long it searches.
pub const DEFAULT_NODE_LIMIT: u64 = 5_000;
/// Work a solve may do: relaxations solved (the root, each step of the
/// dive, each branch-and-bound node) plus their simplex pivots. Counted,
/// not timed, so the same input gets the same answer on every machine;
/// the search stops starting relaxations once it is spent and returns the
/// best found with its bound.
pub const DEFAULT_WORK_LIMIT: u64 = 10_000;
/// Largest requirement of one interval, agents.
pub const MAX_REQUIREMENT: u32 = 1_000_000;

/// A break inside a shift: `length_min` long, starting between
/// `earliest_after_min` and `latest_after_min` after the shift starts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BreakRule {
    pub length_min: u32,
    pub earliest_after_min: u32,
    pub latest_after_min: u32,
    /// A paid break costs like work; an unpaid one does not.
    pub paid: bool,
}

/// A kind of shift: when it may start, how long it is, its breaks and what
/// a paid hour of it costs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShiftTemplate {
    pub name: String,
    /// Minutes after midnight.
    pub earliest_start_min: u32,
    pub latest_start_min: u32,
    pub start_step_min: u32,
    pub length_min: u32,
    #[serde(default)]
    pub breaks: Vec<BreakRule>,
    pub cost_per_paid_hour: f64,
    /// At most this many agents on this template's shifts.
    #[serde(default)]
    pub max_heads: Option<u32>,
}

/// The day the shifts cover: `intervals` intervals of `interval_min`
/// minutes from `start_min` (minutes after midnight).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayGrid {
    pub start_min: u32,
    pub interval_min: u32,
    pub intervals: usize,
}

impl DayGrid {
    fn end_min(&self) -> u64 {
        u64::from(self.start_min) + self.intervals as u64 * u64::from(self.interval_min)
    }
}

/// One way to work a template: its start and where its breaks fall.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Variant {
    pub template: usize,
    pub start_min: u32,
    /// Start of each break, minutes after midnight, in the template's order.
    pub break_starts_min: Vec<u32>,
    pub paid_hours: f64,
    /// The variant as a column of the integer program.
    pub column: Column,
}

/// A column of the covering program: the intervals a shift works, its cost
/// and an optional cap on how many agents work it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    /// Indices of the intervals worked, ascending.
    pub cover: Vec<usize>,
    pub cost: f64,
    #[serde(default)]
    pub max: Option<u32>,
    /// The cap group (a template) whose `group_caps` entry limits it.
    #[serde(default)]
    pub group: Option<usize>,
}

/// What the solve minimises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Objective {
    /// Cover every interval's requirement at the least cost.
    MinCost,
    /// Come as close to the requirement as the limits allow: the least
    /// over- plus under-staffing, in agent-intervals.
    MinGap,
}

/// Limits on the whole schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Limits {
    #[serde(default)]
    pub max_heads: Option<u32>,
    #[serde(default)]
    pub max_per_interval: Option<u32>,
    /// Cap of each group (template) named by a column's `group`.
    #[serde(default)]
    pub group_caps: Vec<Option<u32>>,
    pub node_limit: u64,
    /// Most work (relaxations plus pivots, see [`DEFAULT_WORK_LIMIT`]).
    #[serde(default = "default_work_limit")]
    pub work_limit: u64,
}

fn default_work_limit() -> u64 {
    DEFAULT_WORK_LIMIT
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_heads: None,
            max_per_interval: None,
            group_caps: Vec::new(),
            node_limit: DEFAULT_NODE_LIMIT,
            work_limit: DEFAULT_WORK_LIMIT,
        }
    }
}

/// A solved schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Schedule {
    /// Agents on each column (variant).
    pub counts: Vec<u32>,
    /// Agents at work in each interval.
    pub coverage: Vec<u32>,
    pub cost: f64,
    /// Agent-intervals above the requirement.
    pub over: u64,
    /// Agent-intervals below the requirement.
    pub under: u64,
    pub heads: u64,
    /// Proven optimal (the search finished); otherwise the best found.
    pub optimal: bool,
    /// The best bound the search proved on the objective: no schedule does
    /// better than this.
    pub bound: f64,
    /// The objective value of this schedule (cost, or over + under).
    pub objective: f64,
    pub nodes: u64,
    /// Work done: relaxations solved plus their simplex pivots (at most
    /// about `Limits::work_limit`).
    #[serde(default)]
    pub work: u64,
    /// Time the solver took, seconds.
    pub elapsed_s: f64,
}

/// Why shifts cannot be scheduled.
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize, Deserialize)]
#[non_exhaustive]
pub enum ScheduleError {
    #[error("the day has no intervals")]
    NoIntervals,
    #[error("the interval length must be 1 to 1440 minutes, got {0}")]
    IntervalLength(u32),
    #[error("there are no shift templates")]
    NoTemplates,
    #[error("shift “{0}”: its length must be a positive multiple of the {1}-minute interval")]
    Length(String, u32),
    #[error("shift “{0}”: its start window must run from earliest to latest on the {1}-minute grid, with a step that is a positive multiple of it")]
    StartWindow(String, u32),
    #[error("shift “{0}”: a break must be a positive multiple of the interval long, start on the grid inside the shift, and not overlap another")]
    Break(String),
    #[error("shift “{0}”: the cost per paid hour must be from 0 to 1000000, got {1}")]
    Cost(String, f64),
    /// No template has a start that begins and ends within the day (their names).
    #[error("no shift fits in the day: {0} cannot start and end within it")]
    NoVariant(String),
    #[error("the templates make {0} shift variants; at most {MAX_VARIANTS} are solved (narrow a start window or widen its step)")]
    TooManyVariants(usize),
    #[error("no shift covers interval {0} (it needs {1} agents)")]
    Uncovered(usize, u32),
    #[error("the requirement of interval {0} must be a whole number of agents from 0 to {MAX_REQUIREMENT}")]
    Requirement(usize),
    #[error("a column covers interval {0}, outside the day's {1} intervals")]
    ColumnCover(usize, usize),
    #[error("the limits leave no schedule that covers the requirement")]
    Infeasible,
    #[error("no schedule was found within {0} search nodes")]
    NotFound(u64),
    #[error("the solver failed: {0}")]
    Solver(String),
}

/// Every variant of `templates` on `grid`: each start in the template's
/// window that lies within the day (starts and ends in it) × each
/// placement of its breaks on the grid, breaks in order and not
/// overlapping.
pub fn expand(templates: &[ShiftTemplate], grid: &DayGrid) -> Result<Vec<Variant>, ScheduleError> {
    if grid.intervals == 0 {
        return Err(ScheduleError::NoIntervals);
    }
    let step = grid.interval_min;
    if !(1..=1440).contains(&step) {
        return Err(ScheduleError::IntervalLength(step));
    }
    if templates.is_empty() {
        return Err(ScheduleError::NoTemplates);
    }
    // A start before the day opens is on the grid if it is a whole number
    // of intervals away (07:00 for a day from 08:00): such starts are
    // skipped, so one template serves days that open at different times.
    let on_grid = |minute: u32| {
        (i64::from(minute) - i64::from(grid.start_min)).rem_euclid(i64::from(step)) == 0
    };
    let mut counted = 0usize;
    let mut plans = Vec::with_capacity(templates.len());
    for t in templates {
        let name = || t.name.clone();
        if t.length_min == 0 || t.length_min % step != 0 {
            return Err(ScheduleError::Length(name(), step));
        }
        if t.start_step_min == 0
            || t.start_step_min % step != 0
            || t.latest_start_min < t.earliest_start_min
            || !on_grid(t.earliest_start_min)
        {
            return Err(ScheduleError::StartWindow(name(), step));
        }
        if !(0.0..=crate::error::MAX_COST_PER_HOUR).contains(&t.cost_per_paid_hour) {
            return Err(ScheduleError::Cost(name(), t.cost_per_paid_hour));
        }
        let offsets = break_offsets(t, step).ok_or_else(|| ScheduleError::Break(name()))?;
        let starts: Vec<u32> = (t.earliest_start_min..=t.latest_start_min)
            .step_by(t.start_step_min as usize)
            .filter(|s| {
                *s >= grid.start_min && u64::from(*s) + u64::from(t.length_min) <= grid.end_min()
            })
            .collect();
        // A template that fits nowhere in this day (a full-time shift on a
        // short day) adds no variant; the others still cover the day.
        counted = counted.saturating_add(starts.len().saturating_mul(offsets.len()));
        if counted > MAX_VARIANTS {
            return Err(ScheduleError::TooManyVariants(counted));
        }
        plans.push((starts, offsets));
    }
    if counted == 0 {
        let names: Vec<&str> = templates.iter().map(|t| t.name.as_str()).collect();
        return Err(ScheduleError::NoVariant(names.join(", ")));
    }
    let mut variants = Vec::with_capacity(counted);
    for (index, (t, (starts, offsets))) in templates.iter().zip(plans).enumerate() {
        let unpaid: u32 = t
            .breaks
            .iter()
            .filter(|b| !b.paid)
            .map(|b| b.length_min)
            .sum();
        let paid_hours = f64::from(t.length_min - unpaid) / 60.0;
        for start in &starts {
            for placement in &offsets {
                let first = ((start - grid.start_min) / step) as usize;
                let on_break = |i: usize| {
                    let minute = (i - first) as u32 * step;
                    placement
                        .iter()
                        .zip(&t.breaks)
                        .any(|(at, b)| (*at..at + b.length_min).contains(&minute))
                };
                let cover = (first..first + (t.length_min / step) as usize)
                    .filter(|i| !on_break(*i))
                    .collect();
                variants.push(Variant {
                    template: index,
                    start_min: *start,
                    break_starts_min: placement.iter().map(|at| start + at).collect(),
                    paid_hours,
                    column: Column {
                        cover,
                        cost: paid_hours * t.cost_per_paid_hour,
                        max: None,
                        group: Some(index),
                    },
                });
            }
        }
    }
    Ok(variants)
}

/// Days in a week, Monday first.
pub const WEEK_DAYS: usize = 7;

/// The days of the week one agent of a template works: every choice of
/// `days_per_agent` days among those the template `allowed` that are
/// `open` (all of them when fewer are; 0 means all). The days need not be
/// consecutive: the solve picks whichever days off cover the week best.
/// At most C(7, 3) = 35 patterns; none when no allowed day is open.
pub fn work_patterns(
    allowed: [bool; WEEK_DAYS],
    open: [bool; WEEK_DAYS],
    days_per_agent: u32,
) -> Vec<Vec<usize>> {
    let days: Vec<usize> = (0..WEEK_DAYS).filter(|d| allowed[*d] && open[*d]).collect();
    let k = if days_per_agent == 0 {
        days.len()
    } else {
        (days_per_agent as usize).min(days.len())
    };
    if k == 0 {
        return Vec::new();
    }
    // Subsets of `days` of size k, as bit masks in increasing order.
    (0u32..1 << days.len())
        .filter(|mask| mask.count_ones() as usize == k)
        .map(|mask| {
            (0..days.len())
                .filter(|i| mask & (1 << i) != 0)
                .map(|i| days[i])
                .collect()
        })
        .collect()
}

/// One way to work a template for a week: a day's variant worked, at the
/// same times, on each of `days`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeekVariant {
    /// Index into the day's variants.
    pub variant: usize,
    /// Days of the week worked (0 = Monday), ascending.
    pub days: Vec<usize>,
    /// Covers interval `i` of day `d` as row `d × intervals + i`; costs
    /// the day's cost once per day worked.
    pub column: Column,
}

/// A week's columns: each of the day's `variants` worked on each of its
/// template's `patterns` (from [`work_patterns`], one list per template),
/// over a week of `intervals` intervals a day. The covering program is
/// then the day's, over `7 × intervals` rows (Monday's intervals first),
/// and one agent is one head however many days it works, as in the
/// Python workforce library's multi-day example.
pub fn expand_week(
    variants: &[Variant],
    patterns: &[Vec<Vec<usize>>],
    intervals: usize,
) -> Result<Vec<WeekVariant>, ScheduleError> {
    let per_variant = |v: &Variant| patterns.get(v.template).map_or(0, Vec::len);
    let counted = variants
        .iter()
        .fold(0usize, |n, v| n.saturating_add(per_variant(v)));
    if counted > MAX_VARIANTS {
        return Err(ScheduleError::TooManyVariants(counted));
    }
    let mut week = Vec::with_capacity(counted);
    for (index, v) in variants.iter().enumerate() {
        for days in patterns.get(v.template).into_iter().flatten() {
            let cover = days
                .iter()
                .flat_map(|d| v.column.cover.iter().map(move |i| d * intervals + i))
                .collect();
            week.push(WeekVariant {
                variant: index,
                days: days.clone(),
                column: Column {
                    cover,
                    cost: v.column.cost * days.len() as f64,
                    max: v.column.max,
                    group: v.column.group,
                },
            });
        }
    }
    Ok(week)
}

/// Every placement of `t`'s breaks (offsets from the shift's start, on the
/// grid, in order, not overlapping, inside the shift); None when a break
/// is malformed. A template without breaks has one (empty) placement.
fn break_offsets(t: &ShiftTemplate, step: u32) -> Option<Vec<Vec<u32>>> {
    let mut placements: Vec<Vec<u32>> = vec![Vec::new()];
    for b in &t.breaks {
        if b.length_min == 0
            || b.length_min % step != 0
            || b.earliest_after_min % step != 0
            || b.latest_after_min < b.earliest_after_min
            || b.earliest_after_min == 0
        {
            return None;
        }
        let mut next = Vec::new();
        for placed in &placements {
            let free_from = placed
                .last()
                .zip(t.breaks.get(placed.len().wrapping_sub(1)))
                .map_or(0, |(at, prev)| at + prev.length_min);
            for at in (b.earliest_after_min..=b.latest_after_min).step_by(step as usize) {
                if at > free_from && at + b.length_min < t.length_min {
                    let mut longer = placed.clone();
                    longer.push(at);
                    next.push(longer);
                }
                if next.len() > MAX_VARIANTS {
                    return Some(next);
                }
            }
        }
        placements = next;
    }
    Some(placements)
}

/// Chooses how many agents work each column so the coverage meets
/// `requirement` (agents per interval) by `objective` within `limits`.
pub fn solve(
    requirement: &[u32],
    columns: &[Column],
    objective: Objective,
    limits: &Limits,
) -> Result<Schedule, ScheduleError> {
    use microlp::{ComparisonOp, OptimizationDirection, Problem, SolveOptions};
    let n = requirement.len();
    if n == 0 {
        return Err(ScheduleError::NoIntervals);
    }
    if let Some(i) = requirement.iter().position(|r| *r > MAX_REQUIREMENT) {
        return Err(ScheduleError::Requirement(i));
    }
    if columns.len() > MAX_VARIANTS {
        return Err(ScheduleError::TooManyVariants(columns.len()));
    }
    let mut covering: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (v, column) in columns.iter().enumerate() {
        if !(0.0..=f64::MAX).contains(&column.cost) {
            return Err(ScheduleError::Cost(format!("#{}", v + 1), column.cost));
        }
        for &i in &column.cover {
            covering
                .get_mut(i)
                .ok_or(ScheduleError::ColumnCover(i, n))?
                .push(v);
        }
    }
    if objective == Objective::MinCost {
        if let Some(i) = (0..n).find(|i| requirement[*i] > 0 && covering[*i].is_empty()) {
            return Err(ScheduleError::Uncovered(i, requirement[i]));
        }
    }
    let nonzeros: usize = columns.iter().map(|c| c.cover.len()).sum::<usize>() + n;
    let perturbed = nonzeros as u64 > WORK_NONZEROS;
    let build = |integer: bool| {
        let mut problem = Problem::new(OptimizationDirection::Minimize);
        // The least gap as a cover: over_i = coverage_i − r_i + under_i, so
        // Σ (over + under) = Σ_v |cover_v|·x_v + 2·Σ under − Σ r, minimised
        // over Σ_{v covers i} x_v + under_i ≥ r_i. The same rows as the
        // least cost's (under_i = r_i, x = 0 is a start), which microlp's
        // simplex solves many times faster than the equalities with both
        // over and under.
        let per_column_cost = |c: &Column| match objective {
            Objective::MinCost => c.cost,
            Objective::MinGap => c.cover.len() as f64,
        };
        let mut add = |cost: f64, max: i32| {
            if integer {
                problem.add_integer_var(cost, (0, max))
            } else {
                problem.add_var(cost, (0.0, f64::from(max)))
            }
        };
        let x: Vec<_> = columns
            .iter()
            .enumerate()
            .map(|(v, c)| {
                // On a big program (a week), the relaxation's costs raised by
                // up to PERTURB, differently for each column, break the ties
                // that make microlp's simplex cycle through degenerate pivots
                // (and fail). A day keeps its exact relaxation.
                let raise = if integer || !perturbed {
                    1.0
                } else {
                    1.0 + PERTURB * ((v * 7_919) % 1_000) as f64 / 1_000.0
                };
                add(
                    per_column_cost(c) * raise,
                    c.max.map_or(i32::MAX, |m| m.min(i32::MAX as u32) as i32),
                )
            })
            .collect();
        // Under per interval (least gap only).
        let mut gaps = Vec::new();
        for i in 0..n {
            let mut terms: Vec<_> = covering[i].iter().map(|v| (x[*v], 1.0)).collect();
            if objective == Objective::MinGap {
                // Integer, though integral at any optimum anyway: branch
                // and bound then proves the optimum far sooner.
                let under = if integer {
                    problem.add_integer_var(2.0, (0, i32::MAX))
                } else {
                    problem.add_var(2.0, (0.0, f64::from(i32::MAX)))
                };
                terms.push((under, 1.0));
                gaps.push(under);
            }
            problem.add_constraint(
                terms.as_slice(),
                ComparisonOp::Ge,
                f64::from(requirement[i]),
            );
            if let Some(cap) = limits.max_per_interval {
                let terms: Vec<_> = covering[i].iter().map(|v| (x[*v], 1.0)).collect();
                problem.add_constraint(terms.as_slice(), ComparisonOp::Le, f64::from(cap));
            }
        }
        for (group, cap) in limits.group_caps.iter().enumerate() {
            if let Some(cap) = cap {
                let terms: Vec<_> = columns
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.group == Some(group))
                    .map(|(v, _)| (x[v], 1.0))
                    .collect();
                problem.add_constraint(terms.as_slice(), ComparisonOp::Le, f64::from(*cap));
            }
        }
        if let Some(cap) = limits.max_heads {
            let terms: Vec<_> = x.iter().map(|v| (*v, 1.0)).collect();
            problem.add_constraint(terms.as_slice(), ComparisonOp::Le, f64::from(cap));
        }
        (problem, x, gaps)
    };
    // The least gap's program leaves out its constant, −Σ r.
    let constant = match objective {
        Objective::MinCost => 0.0,
        Objective::MinGap => -requirement.iter().map(|r| f64::from(*r)).sum::<f64>(),
    };
    let mut work = Work {
        limit: limits.work_limit,
        used: 0,
        scale: (nonzeros as u64).div_ceil(WORK_NONZEROS).max(1),
    };
    // The relaxation: the bound every schedule is measured against, and
    // the values a first schedule is rounded from. For the least cost, a
    // dive: the most fractional-but-nearly-whole column is fixed at its
    // value rounded up and the relaxation re-solved, until every column is
    // whole (rounding up keeps every interval covered) or the work budget
    // is spent. A numerical failure of the solver (microlp's "Singular
    // matrix") leaves the greedy start below to stand alone.
    let (lp, lp_x, _) = build(false);
    let mut lp_bound = None;
    let mut root_work = 0;
    let mut lp_elapsed = std::time::Duration::ZERO;
    let mut values = vec![0.0; columns.len()];
    match lp.solve() {
        Err(microlp::Error::Infeasible) => return Err(ScheduleError::Infeasible),
        Err(_) => {}
        Ok(outcome) => {
            let mut pivots = outcome.stats().lp_iterations;
            lp_elapsed = outcome.stats().elapsed;
            work.add(1, pivots);
            root_work = work.used;
            if let Ok(mut solution) = outcome.into_solution() {
                let raised = if perturbed { 1.0 + PERTURB } else { 1.0 };
                lp_bound = Some(solution.objective() / raised + constant);
                let read = |s: &microlp::Solution| -> Vec<f64> {
                    lp_x.iter().map(|v| s.var_value_raw(*v)).collect()
                };
                values = read(&solution);
                if objective == Objective::MinCost {
                    while !work.spent() {
                        let fraction = |v: f64| v - v.floor();
                        let next = lp_x
                            .iter()
                            .map(|v| (*v, solution.var_value_raw(*v)))
                            .filter(|(_, value)| {
                                fraction(*value) > 1e-6 && fraction(*value) < 1.0 - 1e-6
                            })
                            .max_by(|a, b| fraction(a.1).total_cmp(&fraction(b.1)));
                        let Some((v, value)) = next else { break };
                        // The values so far stand if the step fails.
                        let Ok(outcome) = solution.fix_var(v, value.ceil()) else {
                            break;
                        };
                        let after = outcome.stats().lp_iterations;
                        lp_elapsed = outcome.stats().elapsed;
                        work.add(1, after.saturating_sub(pivots));
                        pivots = after;
                        match outcome.into_solution() {
                            Ok(fixed) => solution = fixed,
                            Err(_) => break,
                        }
                        values = read(&solution);
                    }
                }
            }
        }
    }
    let first = first_schedule(&values, columns, requirement, objective, limits);
    let mut best = Tally::of(&first, columns, requirement, objective);
    let mut counts = first;
    let mut mip_bound = None;
    let mut proven = false;
    let mut nodes = 0;
    let mut elapsed = std::time::Duration::ZERO;
    // Branch and bound from that schedule, in slices of nodes, while the
    // budget left covers its root relaxation again (it is solved afresh).
    if limits.node_limit > 0 && work.left() >= root_work.max(1) {
        let (problem, x, gaps) = build(true);
        let mut hint: Vec<_> = x
            .iter()
            .zip(&counts)
            .map(|(v, k)| (*v, f64::from(*k)))
            .collect();
        for (under, (c, r)) in gaps.iter().zip(best.coverage.iter().zip(requirement)) {
            hint.push((*under, f64::from(r.saturating_sub(*c))));
        }
        let mut options = SolveOptions::default();
        options.node_limit = Some(1);
        options.warm_start = Some(hint);
        let before = work.used;
        let mut run = problem.solve_with(options);
        loop {
            let outcome = match run {
                Ok(outcome) => outcome,
                Err(microlp::Error::Infeasible) if objective == Objective::MinCost => {
                    return Err(ScheduleError::Infeasible)
                }
                // A numerical failure: the first schedule stands.
                Err(_) => break,
            };
            let stats = outcome.stats();
            nodes = stats.nodes_solved;
            elapsed = stats.elapsed;
            mip_bound = stats.best_bound.map(|b| b + constant);
            work.used = before;
            work.add(1 + stats.nodes_solved, stats.lp_iterations);
            if let Some(solution) = outcome.solution() {
                let found: Vec<u32> = x
                    .iter()
                    .map(|v| solution.var_value_raw(*v).round().max(0.0) as u32)
                    .collect();
                let tally = Tally::of(&found, columns, requirement, objective);
                if tally.better_than(&best, objective) {
                    (best, counts) = (tally, found);
                }
            }
            if outcome.is_optimal() {
                proven = true;
                break;
            }
            if outcome.termination_reason() != microlp::TerminationReason::NodeLimit
                || nodes >= limits.node_limit
                || work.spent()
            {
                break;
            }
            // Nodes so far (the root among them) cost this much each: as
            // many more as the budget left pays for.
            let per_node = ((work.used - before) / (nodes + 1)).max(1);
            let mut resume = microlp::ResumeOptions::default();
            resume.node_limit = Some((work.left() / per_node).clamp(1, limits.node_limit - nodes));
            run = outcome.resume_with(resume);
        }
    }
    if objective == Objective::MinCost && best.under > 0 {
        return Err(ScheduleError::NotFound(limits.node_limit));
    }
    let value = best.value;
    let mut bound = lp_bound
        .into_iter()
        .chain(mip_bound)
        .fold(
            plain_bound(requirement, columns, objective, limits),
            f64::max,
        )
        .min(value);
    if proven {
        bound = value;
    }
    if objective == Objective::MinGap {
        // A gap is a whole number of agent-intervals: a bound of 150.3
        // proves 151.
        bound = (bound - 1e-6).ceil().min(value);
    }
    Ok(Schedule {
        heads: counts.iter().map(|k| u64::from(*k)).sum(),
        counts,
        coverage: best.coverage,
        cost: best.cost,
        over: best.over,
        under: best.under,
        optimal: proven || bound >= value,
        bound,
        objective: value,
        nodes,
        work: work.used,
        elapsed_s: (lp_elapsed + elapsed).as_secs_f64(),
    })
}

/// Most relative rise of a column's cost in the relaxation (its bound is
/// divided by 1 + this, so it stays a bound).
const PERTURB: f64 = 1e-6;

/// A bound that needs no solver (for when it fails): for the least cost,
/// each agent-interval required at the least cost per interval of any
/// column covering it; for the least gap, what a capped headcount on the
/// longest column cannot reach.
fn plain_bound(
    requirement: &[u32],
    columns: &[Column],
    objective: Objective,
    limits: &Limits,
) -> f64 {
    match objective {
        Objective::MinCost => {
            let mut cheapest = vec![f64::INFINITY; requirement.len()];
            for c in columns {
                let per_interval = c.cost / c.cover.len().max(1) as f64;
                for &i in &c.cover {
                    cheapest[i] = cheapest[i].min(per_interval);
                }
            }
            requirement
                .iter()
                .zip(&cheapest)
                .filter(|(r, _)| **r > 0)
                .map(|(r, c)| f64::from(*r) * c)
                .sum::<f64>()
                .max(0.0)
        }
        Objective::MinGap => {
            let needed: u64 = requirement.iter().map(|r| u64::from(*r)).sum();
            let longest = columns.iter().map(|c| c.cover.len()).max().unwrap_or(0) as u64;
            limits.max_heads.map_or(0.0, |cap| {
                needed.saturating_sub(u64::from(cap).saturating_mul(longest)) as f64
            })
        }
    }
}

/// Nonzeros of the covering matrix per unit of `Work::scale`.
const WORK_NONZEROS: u64 = 100_000;

/// The search's work: one per relaxation solved (the root, each step of
/// the dive, each branch-and-bound node) plus every simplex pivot, each
/// counted `scale` times (one more per 100 000 nonzeros of the covering
/// matrix: a pivot on a week of 4 000 variants costs several times one on
/// a day), so a budget of it bounds the time whatever the size of each
/// relaxation. Deterministic: the same input does the same work.
struct Work {
    limit: u64,
    used: u64,
    scale: u64,
}

impl Work {
    fn add(&mut self, relaxations: u64, pivots: u64) {
        let units = relaxations
            .saturating_add(pivots)
            .saturating_mul(self.scale);
        self.used = self.used.saturating_add(units);
    }

    fn spent(&self) -> bool {
        self.used >= self.limit
    }

    fn left(&self) -> u64 {
        self.limit.saturating_sub(self.used)
    }
}

/// A schedule's coverage and what it scores.
struct Tally {
    coverage: Vec<u32>,
    over: u64,
    under: u64,
    cost: f64,
    /// The objective: cost, or over + under.
    value: f64,
}

impl Tally {
    fn of(counts: &[u32], columns: &[Column], requirement: &[u32], objective: Objective) -> Tally {
        let mut coverage = vec![0u32; requirement.len()];
        for (column, count) in columns.iter().zip(counts) {
            for &i in &column.cover {
                coverage[i] = coverage[i].saturating_add(*count);
            }
        }
        let gap = |f: fn(u32, u32) -> u32| -> u64 {
            coverage
                .iter()
                .zip(requirement)
                .map(|(c, r)| u64::from(f(*c, *r)))
                .sum()
        };
        let (over, under) = (
            gap(|c, r| c.saturating_sub(r)),
            gap(|c, r| r.saturating_sub(c)),
        );
        let cost: f64 = columns
            .iter()
            .zip(counts)
            .map(|(c, k)| c.cost * f64::from(*k))
            .sum();
        let value = match objective {
            Objective::MinCost => cost,
            Objective::MinGap => (over + under) as f64,
        };
        Tally {
            coverage,
            over,
            under,
            cost,
            value,
        }
    }

    /// Covers at least as much (for the least cost) and scores less.
    fn better_than(&self, other: &Tally, objective: Objective) -> bool {
        match objective {
            Objective::MinCost => {
                self.under < other.under || (self.under == other.under && self.value < other.value)
            }
            Objective::MinGap => self.value < other.value,
        }
    }
}

/// A first schedule, within every limit: the relaxation's `values` each
/// rounded down (caps only bound sums from above, so they stay kept), then
/// a greedy cover: the column that takes the most off the shortfall (for
/// the least cost per unit of cost; for the least gap, net of the agents
/// it adds where none is missing) is added, as many times as that stays
/// true, until nothing short can be covered or a cap is reached; last,
/// agents no interval needs are taken off, dearest column first. Not
/// optimal; a start for the search (and the answer when the solver fails).
fn first_schedule(
    values: &[f64],
    columns: &[Column],
    requirement: &[u32],
    objective: Objective,
    limits: &Limits,
) -> Vec<u32> {
    let mut counts: Vec<u32> = values
        .iter()
        .map(|v| {
            if v.is_finite() {
                (v.max(0.0) + 1e-9).floor().min(f64::from(u32::MAX)) as u32
            } else {
                0
            }
        })
        .collect();
    let mut coverage = vec![0u64; requirement.len()];
    let mut heads = 0u64;
    let mut group_heads = vec![0u64; limits.group_caps.len()];
    for (column, k) in columns.iter().zip(&counts) {
        for &i in &column.cover {
            coverage[i] += u64::from(*k);
        }
        heads += u64::from(*k);
        if let Some(g) = column.group.and_then(|g| group_heads.get_mut(g)) {
            *g += u64::from(*k);
        }
    }
    let cap = |c: Option<u32>| c.map_or(u64::MAX, u64::from);
    loop {
        // Agents column `v` may still take, and what one of them gains.
        let room = |v: usize, coverage: &[u64], heads: u64, group_heads: &[u64]| -> u64 {
            let c = &columns[v];
            let group = c
                .group
                .and_then(|g| Some(cap(*limits.group_caps.get(g)?).saturating_sub(group_heads[g])))
                .unwrap_or(u64::MAX);
            let interval = c
                .cover
                .iter()
                .map(|i| cap(limits.max_per_interval).saturating_sub(coverage[*i]))
                .min()
                .unwrap_or(u64::MAX);
            cap(c.max)
                .saturating_sub(u64::from(counts[v]))
                .min(cap(limits.max_heads).saturating_sub(heads))
                .min(group)
                .min(interval)
        };
        let short = |i: usize| coverage[i] < u64::from(requirement[i]);
        let gain = |c: &Column| -> i64 {
            let missing = c.cover.iter().filter(|i| short(**i)).count() as i64;
            match objective {
                Objective::MinCost => missing,
                Objective::MinGap => 2 * missing - c.cover.len() as i64,
            }
        };
        let best = columns
            .iter()
            .enumerate()
            .map(|(v, c)| (v, c, gain(c)))
            .filter(|(_, _, g)| *g > 0)
            .filter(|(v, _, _)| room(*v, &coverage, heads, &group_heads) > 0)
            .max_by(|(_, a, ga), (_, b, gb)| match objective {
                // gain / cost, compared without dividing (a cost may be 0).
                Objective::MinCost => (*ga as f64 * b.cost).total_cmp(&(*gb as f64 * a.cost)),
                Objective::MinGap => ga.cmp(gb),
            });
        let Some((v, column, _)) = best else { break };
        // Its gain holds until one of the intervals it covers short is
        // covered (the others' gains only fall meanwhile).
        let until_covered = column
            .cover
            .iter()
            .filter(|i| short(**i))
            .map(|i| u64::from(requirement[*i]) - coverage[*i])
            .min()
            .unwrap_or(1);
        let k = until_covered
            .min(room(v, &coverage, heads, &group_heads))
            .min(u64::from(u32::MAX - counts[v]));
        counts[v] += k as u32;
        heads += k;
        if let Some(g) = column.group.and_then(|g| group_heads.get_mut(g)) {
            *g += k;
        }
        for &i in &column.cover {
            coverage[i] += k;
        }
    }
    let mut dearest_first: Vec<usize> = (0..columns.len()).collect();
    dearest_first.sort_by(|a, b| columns[*b].cost.total_cmp(&columns[*a].cost));
    for v in dearest_first {
        while counts[v] > 0
            && columns[v]
                .cover
                .iter()
                .all(|i| coverage[*i] > u64::from(requirement[*i]))
        {
            counts[v] -= 1;
            for &i in &columns[v].cover {
                coverage[i] -= 1;
            }
        }
    }
    counts
}

/// The limits of `templates` (each one's `max_heads`) with a total cap.
pub fn template_limits(templates: &[ShiftTemplate], max_heads: Option<u32>) -> Limits {
    Limits {
        max_heads,
        group_caps: templates.iter().map(|t| t.max_heads).collect(),
        ..Limits::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(start: (u32, u32), length: u32, breaks: Vec<BreakRule>) -> ShiftTemplate {
        ShiftTemplate {
            name: "t".into(),
            earliest_start_min: start.0,
            latest_start_min: start.1,
            start_step_min: 30,
            length_min: length,
            breaks,
            cost_per_paid_hour: 10.0,
            max_heads: None,
        }
    }

    const GRID: DayGrid = DayGrid {
        start_min: 420,
        interval_min: 30,
        intervals: 28,
    };

    #[test]
    fn a_shift_expands_into_starts_and_break_placements() {
        // 8.5 h with a 30-minute unpaid break 3 to 5 hours in: 5 placements
        // for each of the 12 starts 07:00–12:30 that end by 21:00.
        let full = template(
            (420, 780),
            510,
            vec![BreakRule {
                length_min: 30,
                earliest_after_min: 180,
                latest_after_min: 300,
                paid: false,
            }],
        );
        let v = expand(&[full], &GRID).unwrap();
        assert_eq!(v.len(), 12 * 5);
        assert_eq!(v[0].start_min, 420);
        assert_eq!(v[0].break_starts_min, vec![600]);
        assert_eq!(v[0].paid_hours, 8.0);
        assert_eq!(v[0].column.cost, 80.0);
        // 17 intervals less the break; the break (10:00) is interval 6.
        assert_eq!(v[0].column.cover.len(), 16);
        assert!(!v[0].column.cover.contains(&6));
        assert_eq!(v.last().unwrap().start_min, 750);
        assert_eq!(*v.last().unwrap().column.cover.last().unwrap(), 27);
    }

    #[test]
    fn a_week_is_worked_on_patterns_of_days() {
        let all = [true; WEEK_DAYS];
        let weekdays = [true, true, true, true, true, false, false];
        // 5 of 7 days: C(7, 5) = 21 ways; 5 of the 5 open weekdays: one.
        assert_eq!(work_patterns(all, all, 5).len(), 21);
        assert_eq!(work_patterns(all, weekdays, 5), vec![vec![0, 1, 2, 3, 4]]);
        // More days than are open: every open day. 0: every day.
        assert_eq!(work_patterns(weekdays, all, 6), vec![vec![0, 1, 2, 3, 4]]);
        assert_eq!(work_patterns(all, all, 0).len(), 1);
        // No open day the template may work.
        let weekend = [false, false, false, false, false, true, true];
        assert!(work_patterns(weekend, weekdays, 2).is_empty());

        let four = template((420, 420), 240, vec![]);
        let day = expand(&[four], &GRID).unwrap();
        assert_eq!(day.len(), 1);
        let patterns = vec![work_patterns(all, weekdays, 2)];
        let week = expand_week(&day, &patterns, GRID.intervals).unwrap();
        assert_eq!(week.len(), 10);
        // Monday and Tuesday: the first 8 intervals of day 0 and day 1, at
        // twice the day's cost.
        assert_eq!(week[0].days, vec![0, 1]);
        assert_eq!(
            week[0].column.cover,
            vec![0, 1, 2, 3, 4, 5, 6, 7, 28, 29, 30, 31, 32, 33, 34, 35]
        );
        assert_eq!(week[0].column.cost, 80.0);

        // A requirement on Monday and Wednesday only, 3 agents 07:00–09:00:
        // 3 heads working those two days, proven.
        let mut need = vec![0u32; WEEK_DAYS * GRID.intervals];
        for d in [0, 2] {
            for i in 0..4 {
                need[d * GRID.intervals + i] = 3;
            }
        }
        let columns: Vec<Column> = week.iter().map(|w| w.column.clone()).collect();
        let s = solve(&need, &columns, Objective::MinCost, &Limits::default()).unwrap();
        assert!(s.optimal);
        assert_eq!(s.heads, 3);
        let chosen: Vec<_> = week
            .iter()
            .zip(&s.counts)
            .filter(|(_, k)| **k > 0)
            .collect();
        assert_eq!(chosen.len(), 1);
        assert_eq!(chosen[0].0.days, vec![0, 2]);

        // Too many: every start of a day, twice, × 35 patterns (each
        // template's own), counted before any is built.
        let anywhere = ShiftTemplate {
            start_step_min: 15,
            ..template((0, 1380), 60, vec![])
        };
        let grid = DayGrid {
            start_min: 0,
            interval_min: 15,
            intervals: 96,
        };
        let day = expand(&[anywhere.clone(), anywhere], &grid).unwrap();
        let patterns = vec![work_patterns(all, all, 3); 2];
        let too_many = expand_week(&day, &patterns, grid.intervals).map(|w| w.len());
        assert_eq!(
            too_many,
            Err(ScheduleError::TooManyVariants(day.len() * 35))
        );
    }

    #[test]
    fn bad_templates_get_a_reason() {
        let ok = template((420, 600), 240, vec![]);
        let refused = |template: ShiftTemplate| expand(&[template], &GRID).err();
        let zero = refused(ShiftTemplate {
            length_min: 0,
            ..ok.clone()
        });
        assert!(matches!(zero, Some(ScheduleError::Length(..))));
        let negative = refused(ShiftTemplate {
            cost_per_paid_hour: -1.0,
            ..ok.clone()
        });
        assert!(matches!(negative, Some(ScheduleError::Cost(..))));
        let off_grid = refused(ShiftTemplate {
            earliest_start_min: 425,
            ..ok.clone()
        });
        assert!(matches!(off_grid, Some(ScheduleError::StartWindow(..))));
        // Starts before the day opens are skipped, not refused.
        let early = ShiftTemplate {
            earliest_start_min: 360,
            ..ok.clone()
        };
        assert_eq!(expand(&[early], &GRID).unwrap()[0].start_min, 420);
        let too_long = ShiftTemplate {
            length_min: 15 * 60,
            ..ok.clone()
        };
        assert!(matches!(
            expand(std::slice::from_ref(&too_long), &GRID),
            Err(ScheduleError::NoVariant(..))
        ));
        // Beside one that fits, it is skipped.
        assert_eq!(expand(&[too_long, ok.clone()], &GRID).unwrap().len(), 7);
        let bad_break = template(
            (420, 600),
            240,
            vec![BreakRule {
                length_min: 30,
                earliest_after_min: 240,
                latest_after_min: 300,
                paid: false,
            }],
        );
        assert!(matches!(
            expand(&[bad_break], &GRID),
            Err(ScheduleError::NoVariant(..))
        ));
        // A day of 1-minute intervals with every start and three breaks
        // anywhere: refused by count, not built.
        let fine = DayGrid {
            start_min: 0,
            interval_min: 1,
            intervals: 1440,
        };
        let many = ShiftTemplate {
            earliest_start_min: 0,
            latest_start_min: 900,
            start_step_min: 1,
            length_min: 480,
            breaks: vec![
                BreakRule {
                    length_min: 15,
                    earliest_after_min: 60,
                    latest_after_min: 200,
                    paid: true,
                };
                3
            ],
            ..ok
        };
        assert!(matches!(
            expand(&[many], &fine),
            Err(ScheduleError::TooManyVariants(_))
        ));
        assert_eq!(expand(&[], &GRID), Err(ScheduleError::NoTemplates));
    }

    #[test]
    fn minimum_cost_covers_and_reports_what_it_proved() {
        // Three intervals; a long shift (all three, cost 3) or short ones.
        let columns = vec![
            Column {
                cover: vec![0, 1, 2],
                cost: 3.0,
                max: None,
                group: None,
            },
            Column {
                cover: vec![0],
                cost: 1.5,
                max: None,
                group: None,
            },
            Column {
                cover: vec![1, 2],
                cost: 1.5,
                max: None,
                group: None,
            },
        ];
        let s = solve(&[2, 1, 1], &columns, Objective::MinCost, &Limits::default()).unwrap();
        // Two long shifts cost 6; one long + one short costs 4.5; two
        // shorts at 0 and one at 1–2 cost 4.5 as well.
        assert_eq!(s.cost, 4.5);
        assert!(s.optimal);
        assert!((s.bound - 4.5).abs() < 1e-9);
        assert_eq!(s.under, 0);
        assert!(s.coverage.iter().zip([2, 1, 1]).all(|(c, r)| *c >= r));
        // An interval no column works.
        assert_eq!(
            solve(
                &[1, 1, 1, 1],
                &columns,
                Objective::MinCost,
                &Limits::default()
            ),
            Err(ScheduleError::Uncovered(3, 1))
        );
        // A cap that cannot cover: infeasible for min cost, a gap for min gap.
        let capped = Limits {
            max_heads: Some(1),
            ..Limits::default()
        };
        assert_eq!(
            solve(&[2, 1, 1], &columns, Objective::MinCost, &capped),
            Err(ScheduleError::Infeasible)
        );
        let gap = solve(&[2, 1, 1], &columns, Objective::MinGap, &capped).unwrap();
        assert_eq!((gap.over, gap.under, gap.heads), (0, 1, 1));
    }

    /// Issue 24's weekday: the bank's half-hours 07:00–21:00 as quarter
    /// hours (Erlang C 80/20, AHT 240 s) scaled to peak at `peak` Erlangs,
    /// agents per quarter-hour from midnight.
    fn quarter_hour_day(peak: u32) -> Vec<u32> {
        let open: &[u32] = match peak {
            5 => &[
                3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 8, 8, 8, 8, 8, 8, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
                7, 7, 7, 7, 7, 7, 6, 6, 6, 6, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3,
            ],
            _ => &[
                30, 30, 34, 34, 50, 50, 64, 64, 88, 88, 97, 97, 98, 98, 97, 97, 96, 96, 93, 93, 90,
                90, 89, 89, 87, 87, 86, 86, 84, 84, 84, 84, 82, 82, 80, 80, 75, 75, 68, 68, 58, 58,
                52, 52, 46, 46, 41, 41, 37, 37, 34, 34, 31, 31, 29, 29,
            ],
        };
        let mut day = vec![0; 96];
        day[28..28 + open.len()].copy_from_slice(open);
        day
    }

    /// The week of `day` scaled by `scale` per day, and the columns of one
    /// 8-hour template starting every quarter hour 00:00–16:00 with
    /// `breaks`, worked 5 days of 7.
    fn quarter_hour_week(
        day: &[u32],
        scale: [f64; 7],
        breaks: Vec<BreakRule>,
    ) -> (Vec<u32>, Vec<Column>) {
        let requirement = scale
            .iter()
            .flat_map(|s| day.iter().map(move |r| (f64::from(*r) * s).ceil() as u32))
            .collect();
        let eight = ShiftTemplate {
            start_step_min: 15,
            cost_per_paid_hour: 20.0,
            ..template((0, 960), 480, breaks)
        };
        let quarter_hours = DayGrid {
            start_min: 0,
            interval_min: 15,
            intervals: 96,
        };
        let variants = expand(&[eight], &quarter_hours).unwrap();
        let patterns = vec![work_patterns([true; WEEK_DAYS], [true; WEEK_DAYS], 5)];
        let columns = expand_week(&variants, &patterns, 96)
            .unwrap()
            .into_iter()
            .map(|w| w.column)
            .collect();
        (requirement, columns)
    }

    #[test]
    fn a_capped_week_uses_its_heads_where_intervals_are_short() {
        // 65 starts × 21 patterns; a cap of 120 below the 180 the week needs.
        let weekend = [1.0, 1.0, 1.0, 1.0, 1.0, 0.6, 0.4];
        let (need, columns) = quarter_hour_week(&quarter_hour_day(90), weekend, vec![]);
        assert_eq!(columns.len(), 1_365);
        let limits = Limits {
            max_heads: Some(120),
            node_limit: 200,
            ..Limits::default()
        };
        let s = solve(&need, &columns, Objective::MinGap, &limits).unwrap();
        // Before the greedy start: 104 heads, 6 599 agent-intervals short.
        assert_eq!(s.heads, 120);
        assert!(s.under <= 4_400, "{}", s.under);
        assert!(s.objective <= s.bound * 1.01, "{} {}", s.objective, s.bound);
        assert!(s.work <= limits.work_limit, "{}", s.work);
        // A small budget: the search stops, and says what it proved.
        let small = Limits {
            work_limit: 3_000,
            ..limits
        };
        let t = solve(&need, &columns, Objective::MinGap, &small).unwrap();
        assert!(t.work <= 3_000, "{}", t.work);
        assert_eq!(t.heads, 120);
        assert!(!t.optimal && t.bound <= s.objective);
    }

    #[test]
    fn a_solver_failure_falls_back_to_a_schedule() {
        // One 8-hour template with 3 placements of a paid quarter-hour
        // break, every day open: microlp 0.6 stopped with "Singular
        // matrix" on this cheapest cover's relaxation after 90 s, before
        // its costs were perturbed (any failure left would fall back to
        // the greedy cover, bounded by the cheapest cost per interval).
        let rest = BreakRule {
            length_min: 15,
            earliest_after_min: 225,
            latest_after_min: 255,
            paid: true,
        };
        let (need, columns) = quarter_hour_week(&quarter_hour_day(5), [1.0; 7], vec![rest]);
        assert_eq!(columns.len(), 4_095);
        let limits = Limits {
            node_limit: 200,
            ..Limits::default()
        };
        let s = solve(&need, &columns, Objective::MinCost, &limits).unwrap();
        assert_eq!(s.under, 0);
        assert!(s.coverage.iter().zip(&need).all(|(c, r)| c >= r));
        assert!(s.bound > 0.0 && s.bound <= s.cost);
    }
}
