//! Why a schedule leaves intervals short, and what would cover them.
//!
//! Under a headcount cap the search minimises over- plus under-staffing,
//! so some intervals may be left short while others are fully covered. A
//! planner needs to know which, why (the cap on heads is used up, a
//! shift's own cap is, no shift's start window reaches them, or covering
//! them would overstaff the hours around them by more than it saves) and
//! what would cover them: so many more agents on a shift that works them,
//! or a new shift starting or ending at a given time.
//!
//! The runs are found greedily from the solved coverage and the day's
//! shift variants; they explain, they do not re-solve: "3 more agents on
//! 4 h 17:00–21:00" is a cover of that run, not a proof that nothing
//! cheaper exists.

use ccplan_engine::schedule::{DayGrid, ShiftTemplate, Variant};
use serde::{Deserialize, Serialize};

/// Most agents a suggestion adds, one run at a time: far beyond any
/// centre, it bounds the greedy loop whatever the requirement.
const MAX_ADDED: u64 = 1_000_000;

/// Why a run of intervals is left short.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ShortWhy {
    /// The headcount cap (its agents) is used up.
    HeadcountCap(u32),
    /// The cap of one shift (its name, its agents) is used up.
    ShiftCap(String, u32),
    /// No shift's start window reaches these intervals.
    NoWindow,
    /// There is room under the caps, but the shifts that work these
    /// intervals would overstaff the hours around them by more than they
    /// cover (the search minimises over- plus under-staffing).
    WouldOverstaff,
    /// The search stopped (its budget) before it found better.
    SearchStopped,
}

/// What would cover (part of) a run of short intervals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Cover {
    /// `agents` more agents on the shift `shift`, starting between
    /// `first_start_min` and `last_start_min` (their breaks staggered).
    More {
        shift: String,
        agents: u32,
        first_start_min: u32,
        last_start_min: u32,
    },
    /// No shift works `from_min`..`to_min`: a shift starting at `from_min`
    /// (when the run is before every shift starts, `starting`) or ending
    /// at `to_min` would.
    NewShift {
        from_min: u32,
        to_min: u32,
        starting: bool,
    },
}

/// A run of consecutive intervals of one day left short.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShortRun {
    /// Weekday (0 = Monday) when a week is scheduled.
    pub day: Option<usize>,
    /// Minutes after midnight: the first interval's start, the last one's end.
    pub from_min: u32,
    pub to_min: u32,
    /// Agent-intervals short in the run.
    pub short: u64,
    /// The most agents short in any one interval of it.
    pub most_short: u32,
    pub why: ShortWhy,
    pub covers: Vec<Cover>,
}

/// The solved schedule and what it was solved with, as `explain` reads it.
pub struct Solution<'a> {
    /// Agents required, the days' intervals one after another.
    pub requirement: &'a [u32],
    /// Agents scheduled in each of those intervals.
    pub coverage: &'a [u32],
    pub grid: &'a DayGrid,
    /// Days scheduled (1, or 7 for a week).
    pub days: usize,
    /// The shifts of one day (a week works them on patterns of days).
    pub variants: &'a [Variant],
    pub templates: &'a [ShiftTemplate],
    /// Agents on each template in the schedule.
    pub template_heads: &'a [u64],
    pub max_heads: Option<u32>,
    pub heads: u64,
    /// Whether the search proved the schedule the best under its caps.
    pub optimal: bool,
}

/// Every run of short intervals, day by day, with why and what would cover it.
pub fn explain(s: &Solution) -> Vec<ShortRun> {
    let per_day = s.grid.intervals.max(1);
    let mut runs = Vec::new();
    for day in 0..s.days {
        let base = day * per_day;
        let gap = |local: usize| {
            let i = base + local;
            match (s.requirement.get(i), s.coverage.get(i)) {
                (Some(r), Some(c)) => r.saturating_sub(*c),
                _ => 0,
            }
        };
        let mut local = 0;
        while local < per_day {
            if gap(local) == 0 {
                local += 1;
                continue;
            }
            let first = local;
            while local < per_day && gap(local) > 0 {
                local += 1;
            }
            let gaps: Vec<u32> = (first..local).map(gap).collect();
            runs.push(run(s, day, first, gaps));
        }
    }
    runs
}

/// The explanation of one run: the day's intervals `first..` short by `gaps`.
///
/// What would cover it is found greedily, the classic set-cover rule: add
/// agents to the shift that works most of the intervals still short (then
/// the one that works fewest intervals already covered, then the
/// earliest), until none is
/// short or no shift works what is left; the agents are then told per
/// shift, with the range of starts they use.
fn run(s: &Solution, day: usize, first: usize, mut gaps: Vec<u32>) -> ShortRun {
    let minute = |local: usize| s.grid.start_min + local as u32 * s.grid.interval_min;
    let last = first + gaps.len();
    let short = gaps.iter().map(|g| u64::from(*g)).sum();
    let most_short = gaps.iter().copied().max().unwrap_or(0);
    // Short intervals a variant works, as positions in `gaps`.
    let works = |v: &Variant, gaps: &[u32]| -> Vec<usize> {
        v.column
            .cover
            .iter()
            .filter(|i| (first..last).contains(*i) && gaps[**i - first] > 0)
            .map(|i| i - first)
            .collect()
    };
    let reached = s.variants.iter().any(|v| !works(v, &gaps).is_empty());
    // Intervals a variant works that are not short anywhere in the day:
    // each agent added there is one more over the requirement.
    let base = day * s.grid.intervals.max(1);
    let over = |v: &Variant| {
        v.column
            .cover
            .iter()
            .filter(|i| {
                let (r, c) = (s.requirement.get(base + **i), s.coverage.get(base + **i));
                r.zip(c).is_none_or(|(r, c)| c >= r)
            })
            .count()
    };
    // Per template: agents added, first and last start used.
    let mut added: Vec<Option<(u64, u32, u32)>> = vec![None; s.templates.len()];
    let mut total = 0;
    while total < MAX_ADDED {
        let best = s
            .variants
            .iter()
            .map(|v| (v, works(v, &gaps)))
            .filter(|(_, w)| !w.is_empty())
            .min_by_key(|(v, w)| (std::cmp::Reverse(w.len()), over(v), v.start_min));
        let Some((v, worked)) = best else { break };
        // The same shift stays the best until one of its intervals is covered.
        let agents = worked.iter().map(|p| gaps[*p]).min().unwrap_or(1).max(1);
        for p in worked {
            gaps[p] -= agents.min(gaps[p]);
        }
        total += u64::from(agents);
        if let Some(entry) = added.get_mut(v.template) {
            let (n, lo, hi) = entry.get_or_insert((0, v.start_min, v.start_min));
            *n += u64::from(agents);
            *lo = (*lo).min(v.start_min);
            *hi = (*hi).max(v.start_min);
        }
    }
    let mut covers: Vec<Cover> = added
        .iter()
        .enumerate()
        .filter_map(|(t, a)| {
            let (agents, first_start_min, last_start_min) = (*a)?;
            Some(Cover::More {
                shift: s.templates[t].name.clone(),
                agents: u32::try_from(agents).unwrap_or(u32::MAX),
                first_start_min,
                last_start_min,
            })
        })
        .collect();
    // What no shift works: a new shift there.
    let unworked: Vec<usize> = (0..gaps.len())
        .filter(|p| {
            gaps[*p] > 0
                && s.variants
                    .iter()
                    .all(|v| !v.column.cover.contains(&(first + p)))
        })
        .collect();
    if let (Some(lo), Some(hi)) = (unworked.first(), unworked.last()) {
        let earliest = s.variants.iter().map(|v| v.start_min).min();
        let from_min = minute(first + lo);
        covers.push(Cover::NewShift {
            from_min,
            to_min: minute(first + hi + 1),
            starting: earliest.is_none_or(|e| from_min < e),
        });
    }
    // The shift that would add most, for a cap of its own.
    let busiest = added
        .iter()
        .enumerate()
        .filter_map(|(t, a)| a.map(|(n, _, _)| (n, t)))
        .max()
        .map(|(_, t)| t);
    let why = if !reached {
        ShortWhy::NoWindow
    } else if let Some(cap) = s.max_heads.filter(|cap| s.heads >= u64::from(*cap)) {
        ShortWhy::HeadcountCap(cap)
    } else if let Some((t, cap)) = busiest.and_then(|t| {
        let cap = s.templates[t].max_heads?;
        (s.template_heads.get(t).copied().unwrap_or(0) >= u64::from(cap)).then_some((t, cap))
    }) {
        ShortWhy::ShiftCap(s.templates[t].name.clone(), cap)
    } else if s.optimal {
        ShortWhy::WouldOverstaff
    } else {
        ShortWhy::SearchStopped
    };
    ShortRun {
        day: (s.days > 1).then_some(day),
        from_min: minute(first),
        to_min: minute(last),
        short,
        most_short,
        why,
        covers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ccplan_engine::schedule::{expand, ShiftTemplate};

    /// 08:00–16:00 in hours; an early shift 08:00–12:00 and a late one
    /// starting 10:00 or 11:00 for 4 hours.
    fn day() -> (DayGrid, Vec<ShiftTemplate>) {
        let shift = |name: &str, earliest, latest, cap| ShiftTemplate {
            name: name.into(),
            earliest_start_min: earliest,
            latest_start_min: latest,
            start_step_min: 60,
            length_min: 240,
            breaks: Vec::new(),
            cost_per_paid_hour: 20.0,
            max_heads: cap,
        };
        (
            DayGrid {
                start_min: 8 * 60,
                interval_min: 60,
                intervals: 8,
            },
            vec![
                shift("4 h", 8 * 60, 8 * 60, None),
                shift("Late", 10 * 60, 11 * 60, Some(2)),
            ],
        )
    }

    fn explained(
        coverage: &[u32],
        heads: u64,
        cap: Option<u32>,
        template_heads: &[u64],
    ) -> Vec<ShortRun> {
        let (grid, templates) = day();
        let variants = expand(&templates, &grid).unwrap();
        explain(&Solution {
            requirement: &[2, 2, 2, 2, 5, 5, 5, 5],
            coverage,
            grid: &grid,
            days: 1,
            variants: &variants,
            templates: &templates,
            template_heads,
            max_heads: cap,
            heads,
            optimal: true,
        })
    }

    #[test]
    fn a_used_up_cap_is_named_with_the_shift_that_would_cover_the_run() {
        // 2 early, 2 late from 11:00 — the cap of 4 heads used up: 13:00–16:00 short by 3.
        let runs = explained(&[2, 2, 2, 4, 2, 2, 2, 0], 4, Some(4), &[2, 2]);
        assert_eq!(runs.len(), 1);
        let r = &runs[0];
        assert_eq!(
            (r.from_min, r.to_min, r.short, r.most_short),
            (12 * 60, 16 * 60, 3 + 3 + 3 + 5, 5)
        );
        assert_eq!(r.why, ShortWhy::HeadcountCap(4));
        // The late shift from 11:00 works 12:00–15:00 (three of the four
        // hours), needing 3 more agents; 15:00–16:00 no shift works.
        assert_eq!(
            r.covers,
            [
                Cover::More {
                    shift: "Late".into(),
                    agents: 3,
                    first_start_min: 11 * 60,
                    last_start_min: 11 * 60,
                },
                Cover::NewShift {
                    from_min: 15 * 60,
                    to_min: 16 * 60,
                    starting: false,
                },
            ]
        );
    }

    #[test]
    fn a_shift_cap_no_window_and_overstaffing_are_told_apart() {
        // Room under the total cap, the late shift's own cap of 2 used up.
        let runs = explained(&[2, 2, 2, 4, 2, 2, 2, 0], 4, Some(10), &[2, 2]);
        assert_eq!(runs[0].why, ShortWhy::ShiftCap("Late".into(), 2));
        // Only 15:00–16:00 short: no shift works it.
        let runs = explained(&[2, 2, 2, 2, 5, 5, 5, 0], 7, Some(7), &[2, 5]);
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].why, ShortWhy::NoWindow);
        assert_eq!(
            runs[0].covers,
            [Cover::NewShift {
                from_min: 15 * 60,
                to_min: 16 * 60,
                starting: false
            }]
        );
        // Room everywhere: covering 14:00 would overstaff more than it saves.
        let runs = explained(&[2, 2, 2, 2, 5, 5, 4, 0], 6, Some(20), &[2, 1]);
        assert_eq!(runs[0].why, ShortWhy::WouldOverstaff);
        assert_eq!(runs[0].from_min, 14 * 60);
        // Nothing short, nothing to explain.
        assert!(explained(&[2, 2, 2, 2, 5, 5, 5, 5], 7, None, &[2, 5]).is_empty());
    }
}
