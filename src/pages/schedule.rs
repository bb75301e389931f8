//! The schedule page (`#/schedule`): shift templates, the staffing page's
//! day covered by them at the least cost (or as closely as a headcount cap
//! allows), the coverage against the requirement, the service the
//! scheduled agents give, and the schedule and coverage as CSV.

use leptos::prelude::*;

use crate::components::coverage_chart::CoverageChart;
use crate::components::shift_editor::ShiftEditor;
use crate::i18n::{
    fixed, grouped, percent, schedule_error_text, schedule_row_name, text, weekday_name, Key,
};
use crate::model::schedule::{
    valid_budget_heads, valid_budget_hours, valid_day_pct, ScheduleOutcome, ScheduleProblem,
    Solved, WORKING_WEEK,
};
use crate::model::staffing::{clock, interval_label};
use crate::store::use_store;
use ccplan_engine::schedule::WEEK_DAYS;

#[component]
pub fn SchedulePage() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let s = store.schedule;

    // Which day of a week the chart and the coverage table show.
    let shown_day = RwSignal::new(0usize);
    // Weekday boxes holding text that is not a volume.
    let week_bad = RwSignal::new(Vec::<usize>::new());
    let cap_on = move || s.settings.with(|x| x.max_heads.is_some());
    let cap_text = RwSignal::new(String::new());
    let cap_bad = RwSignal::new(false);
    let set_cap = move |text: String| match crate::model::number::parse_number(&text) {
        Ok(v) if v.fract() == 0.0 && (1.0..=1_000_000.0).contains(&v) => {
            cap_bad.set(false);
            s.settings.update(|x| x.max_heads = Some(v as u32));
        }
        _ => cap_bad.set(true),
    };
    let toggle_cap = move |on: bool| {
        cap_bad.set(false);
        let start = s.outcome.with_untracked(|o| {
            o.as_ref()
                .and_then(|(_, _, o)| o.result.as_ref().ok())
                .map_or(100, Solved::suggested_cap)
        });
        s.settings.update(|x| x.max_heads = on.then_some(start));
        cap_text.set(if on { start.to_string() } else { String::new() });
    };
    Effect::new(move |_| {
        if let Some(cap) = s.settings.with(|x| x.max_heads) {
            if !cap_bad.get_untracked() {
                cap_text.set(cap.to_string());
            }
        }
    });

    let day_line = move || {
        let lang = lang.get();
        s.outcome.with(|o| {
            let (inputs, _, o) = o.as_ref()?;
            let (peak, hours) = (o.peak(), o.required_hours());
            let days = if o.days > 1 {
                format!(
                    "{} {} {} ×",
                    text(lang, Key::ScheduleWeekIs),
                    o.days,
                    text(lang, Key::ScheduleDaysWord)
                )
            } else {
                text(lang, Key::ScheduleDayIs).to_string()
            };
            Some(format!(
                "{days} {} × {} min {} {} · {} {} ({} {} %) · {} {}",
                o.day_intervals(),
                o.interval_min,
                text(lang, Key::ScheduleFrom),
                clock(o.day_start_min),
                text(lang, Key::SchedulePeak),
                peak,
                text(lang, Key::ScheduleAfterShrinkage),
                fixed(inputs.shrinkage_pct, 0),
                grouped(hours, 1),
                text(lang, Key::ScheduleAgentHours),
            ))
        })
    };

    let status = move || {
        let lang = lang.get();
        if s.running.get() {
            return view! { <p class="message" data-testid="schedule-running">{text(lang, Key::Solving)}</p> }.into_any();
        }
        s.outcome.with(|outcome| {
            let Some((_, _, o)) = outcome.as_ref() else {
                return ().into_any();
            };
            match &o.result {
            Err(problem) => view! { <p class="message error" role="alert" data-testid="schedule-problem">{problem_text(lang, problem, o)}</p> }.into_any(),
            Ok(r) => {
                let proof = if r.schedule.optimal {
                    text(lang, Key::ScheduleProven).to_string()
                } else {
                    format!("{} {}", text(lang, Key::ScheduleBestFound), bound_text(r.schedule.bound))
                };
                view! {
                    <p class=if r.schedule.optimal { "message" } else { "message warning" } data-testid="schedule-status">
                        {format!("{proof} · {} {} · {} {} · {} ms", r.variants, text(lang, Key::ScheduleVariants), grouped(r.schedule.nodes as f64, 0), text(lang, Key::ScheduleNodes), fixed(r.schedule.elapsed_s * 1000.0, 0))}
                    </p>
                }.into_any()
            }
            }
        })
    };

    let figures = move || {
        let lang = lang.get();
        s.outcome.with(|o| {
            let r = o.as_ref()?.2.result.as_ref().ok()?;
            Some(summary_cards(lang, r, o.as_ref()?.2.days > 1))
        })
    };

    let rows = move || {
        let lang = lang.get();
        s.outcome.with(|o| {
            let r = o.as_ref()?.2.result.as_ref().ok()?;
            Some(r.rows.iter().map(|row| view! {
                <tr data-testid="schedule-row">
                    <td>{row.shift.clone()}</td>
                    {(!row.days.is_empty()).then(|| view! { <td data-testid="schedule-row-days">{row.days.iter().map(|d| weekday_name(lang, *d)).collect::<Vec<_>>().join(" ")}</td> })}
                    <td>{clock(row.start_min)}</td>
                    <td>{clock(row.end_min)}</td>
                    <td>{row.break_start_min.map_or_else(|| "—".to_string(), clock)}</td>
                    <td>{row.agents}</td>
                    <td>{grouped(row.total_paid_hours(), 1)}</td>
                </tr>
            }).collect_view())
        })
    };

    let coverage_rows = move || {
        let day = shown_day.get();
        s.outcome.with(|o| {
            let (_, _, o) = o.as_ref()?;
            let r = o.result.as_ref().ok()?;
            let range = o.day_rows(day);
            Some(o.requirement[range.clone()].iter().zip(&r.schedule.coverage[range.clone()]).zip(&r.service_level[range]).enumerate().map(|(i, ((need, have), sl))| {
                let gap = i64::from(*have) - i64::from(*need);
                let short = gap < 0;
                view! {
                    <tr class:short=short>
                        <td>{interval_label(i, f64::from(o.interval_min), f64::from(o.day_start_min))}</td>
                        <td>{*need}</td>
                        <td>{*have}</td>
                        <td>{if gap > 0 { format!("+{gap}") } else { gap.to_string() }}</td>
                        <td>{sl.map_or_else(|| "—".to_string(), percent)}</td>
                    </tr>
                }
            }).collect_view())
        })
    };

    let week_on = move || s.settings.with(|x| x.week_pct.is_some());
    let set_span = move |value: String| {
        week_bad.set(Vec::new());
        s.settings
            .update(|x| x.week_pct = (value == "week").then_some(WORKING_WEEK));
        shown_day.set(0);
    };
    let week_boxes = move || {
        week_on().then(|| {
            let lang = lang.get();
            (0..WEEK_DAYS)
                .map(|d| {
                    let shown = move || s.settings.with(|x| x.week_pct.map(|w| fixed(w[d], if w[d].fract() == 0.0 { 0 } else { 1 })).unwrap_or_default());
                    let is_bad = move || week_bad.with(|b| b.contains(&d));
                    let commit = move |typed: String| {
                        let value = crate::model::number::parse_number(&typed).ok().filter(|v| valid_day_pct(*v));
                        week_bad.update(|b| {
                            b.retain(|x| *x != d);
                            if value.is_none() {
                                b.push(d);
                            }
                        });
                        if let Some(v) = value {
                            s.settings.update(|x| {
                                if let Some(w) = x.week_pct.as_mut() {
                                    w[d] = v;
                                }
                            });
                        }
                    };
                    view! {
                        <label>
                            <span>{weekday_name(lang, d)}</span>
                            <input type="text" inputmode="decimal" data-testid=format!("week-pct-{d}") class:invalid=is_bad
                                aria-label=format!("{} %", weekday_name(lang, d))
                                prop:value=shown on:change=move |ev| commit(event_target_value(&ev)) />
                        </label>
                    }
                })
                .collect_view()
        })
    };
    let day_options = move || {
        let lang = lang.get();
        s.outcome.with(|o| {
            let (_, _, o) = o.as_ref()?;
            (o.days > 1).then(|| {
                let options = (0..o.days)
                    .map(|d| {
                        let closed = o.requirement[o.day_rows(d)].iter().all(|r| *r == 0);
                        let name = if closed {
                            format!("{} ({})", weekday_name(lang, d), text(lang, Key::ScheduleWeekClosed))
                        } else {
                            weekday_name(lang, d).to_string()
                        };
                        view! { <option value=d.to_string() selected=move || shown_day.get() == d>{name}</option> }
                    })
                    .collect_view();
                view! {
                    <label class="show-day">
                        <span>{text(lang, Key::ScheduleShowDay)}</span>
                        <select data-testid="schedule-show-day" on:change=move |ev| shown_day.set(event_target_value(&ev).parse().unwrap_or(0))>
                            {options}
                        </select>
                    </label>
                }
            })
        })
    };

    let has_result = move || {
        s.outcome
            .with(|o| o.as_ref().is_some_and(|(_, _, o)| o.result.is_ok()))
    };

    // The budget: paid agent-hours or heads for the day (blank: not asked).
    let heads_unit = RwSignal::new(s.settings.with_untracked(|x| x.budget_heads.is_some()));
    let budget_text = RwSignal::new(s.settings.with_untracked(|x| {
        x.budget_heads
            .map(|h| h.to_string())
            .or(x.budget_hours.map(|h| fixed(h, 0)))
            .unwrap_or_default()
    }));
    let budget_bad = RwSignal::new(false);
    let set_budget = move |typed: String| {
        let heads = heads_unit.get_untracked();
        if typed.trim().is_empty() {
            budget_bad.set(false);
            s.settings
                .update(|x| (x.budget_hours, x.budget_heads) = (None, None));
            return;
        }
        match crate::model::number::parse_number(&typed) {
            Ok(h)
                if heads
                    && h.fract() == 0.0
                    && h >= 0.0
                    && valid_budget_heads(h.min(f64::from(u32::MAX)) as u32) =>
            {
                budget_bad.set(false);
                s.settings
                    .update(|x| (x.budget_hours, x.budget_heads) = (None, Some(h as u32)));
            }
            Ok(h) if !heads && valid_budget_hours(h) => {
                budget_bad.set(false);
                s.settings
                    .update(|x| (x.budget_hours, x.budget_heads) = (Some(h), None));
            }
            _ => budget_bad.set(true),
        }
    };
    let set_unit = move |value: String| {
        heads_unit.set(value == "heads");
        // The number means something else now: asked again.
        budget_text.set(String::new());
        budget_bad.set(false);
        s.settings
            .update(|x| (x.budget_hours, x.budget_heads) = (None, None));
    };
    let budget_view = move || {
        let lang = lang.get();
        s.outcome.with(|o| {
            let (_, _, o) = o.as_ref()?;
            let budget = o.budget.as_ref()?;
            // Heads are explained whatever they buy, too little included.
            let heads_line = budget.as_ref().ok().and_then(|b| b.heads.map(|h| (h, b.hours))).map(|((heads, per_head), hours)| view! {
                <p data-testid="budget-heads-line">{format!("{} {heads} × {} h = {} h", text(lang, Key::BudgetHeadsAs), grouped(per_head, 1), grouped(hours, 1))}</p>
            });
            Some(view! { {heads_line} {match budget {
                Err(problem) => view! { <p class="message error" role="alert" data-testid="budget-problem">{problem_text(lang, problem, o)}</p> }.into_any(),
                Ok(b) if !b.best.feasible => view! {
                    <p class="message error" role="alert" data-testid="budget-too-small">
                        {format!("{} {} {} {}", grouped(b.hours, 1), text(lang, Key::BudgetTooSmall), grouped(b.minimum_hours.ceil(), 0), text(lang, Key::BudgetTooSmallEnd))}
                    </p>
                }.into_any(),
                Ok(b) => {
                    let rows = (0..o.required_fte.len()).map(|i| view! {
                        <tr>
                            <td>{interval_label(i, f64::from(o.interval_min), f64::from(o.day_start_min))}</td>
                            <td>{b.best.agents.get(i).copied().unwrap_or(0)}</td>
                            <td>{b.cut.agents.get(i).copied().unwrap_or(0)}</td>
                        </tr>
                    }).collect_view();
                    view! {
                        <dl class="figures" data-testid="budget-figures">
                            <div class="figure lead">
                                <dt>{text(lang, Key::BudgetBest)}</dt>
                                <dd><span class="value" data-testid="budget-best-sl">{percent(b.best.service_level)}</span>
                                    <span class="unit" data-testid="budget-best-worst">{format!("{} {}", text(lang, Key::BudgetWorst), percent(b.best.worst_service_level))}</span></dd>
                            </div>
                            <div class="figure">
                                <dt>{text(lang, Key::BudgetCut)}</dt>
                                <dd><span class="value" data-testid="budget-cut-sl">{percent(b.cut.service_level)}</span>
                                    <span class="unit" data-testid="budget-cut-worst">{format!("{} {}", text(lang, Key::BudgetWorst), percent(b.cut.worst_service_level))}</span></dd>
                            </div>
                            <div class="figure">
                                <dt>{text(lang, Key::BudgetOnPhones)}</dt>
                                <dd><span class="value" data-testid="budget-agent-intervals">{grouped(b.agent_intervals as f64, 0)}</span></dd>
                            </div>
                        </dl>
                        <details>
                            <summary>{text(lang, Key::BudgetTable)}</summary>
                            <div class="table-scroll" tabindex="0">
                                <table class="learn-table" data-testid="budget-table">
                                    <thead><tr><th>{text(lang, Key::ColStart)}</th><th>{text(lang, Key::BudgetBest)}</th><th>{text(lang, Key::BudgetCut)}</th></tr></thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            </div>
                        </details>
                    }.into_any()
                }
            }} })
        })
    };

    view! {
        <div class="page schedule-page">
            <section class="panel">
                <h2>{move || text(lang.get(), if week_on() { Key::ScheduleTitleWeek } else { Key::ScheduleTitle })}</h2>
                <p class="help">{move || text(lang.get(), if week_on() { Key::ScheduleHelpWeek } else { Key::ScheduleHelp })}</p>
                <p data-testid="schedule-day">{day_line}</p>
                <label class="span-choice">
                    <span>{move || text(lang.get(), Key::ScheduleSpan)}</span>
                    <select data-testid="schedule-span" on:change=move |ev| set_span(event_target_value(&ev))>
                        <option value="day" selected=move || !week_on()>{move || text(lang.get(), Key::ScheduleOneDay)}</option>
                        <option value="week" selected=week_on>{move || text(lang.get(), Key::ScheduleAWeek)}</option>
                    </select>
                </label>
                {move || week_on().then(|| view! { <p class="help">{text(lang.get(), Key::WeekPctHelp)}</p> })}
                <div class="week-days">{week_boxes}</div>
                {move || week_bad.with(|b| !b.is_empty()).then(|| view! { <p class="message error" role="alert" data-testid="week-bad">{text(lang.get(), Key::WeekPctBad)}</p> })}
                <ShiftEditor />
                <div class="answer-row">
                    <label class="check">
                        <input type="checkbox" data-testid="cap-on" prop:checked=cap_on on:change=move |ev| toggle_cap(event_target_checked(&ev)) />
                        {move || text(lang.get(), Key::HeadcountCap)}
                    </label>
                    <input type="text" inputmode="numeric" class="short" data-testid="cap" aria-label=move || text(lang.get(), Key::HeadcountCap)
                        disabled=move || !cap_on() prop:value=move || cap_text.get()
                        on:input=move |ev| cap_text.set(event_target_value(&ev))
                        on:change=move |ev| set_cap(event_target_value(&ev)) />
                </div>
                {move || cap_bad.get().then(|| view! { <p class="message error" role="alert" data-testid="cap-bad">{text(lang.get(), Key::CapBad)}</p> })}
            </section>
            <section class="panel">
                <h2>{move || text(lang.get(), Key::CoverageTitle)}</h2>
                {status}
                {figures}
                {day_options}
                {move || has_result().then(|| view! { <CoverageChart day=shown_day.into() /> })}
                <div class="button-row">
                    <button type="button" class="secondary" data-testid="schedule-csv" disabled=move || !has_result() on:click=move |_| download(store, false)>{move || text(lang.get(), Key::DownloadScheduleCsv)}</button>
                    <button type="button" class="secondary" data-testid="coverage-csv" disabled=move || !has_result() on:click=move |_| download(store, true)>{move || text(lang.get(), Key::DownloadCoverageCsv)}</button>
                </div>
                <h3>{move || text(lang.get(), Key::ScheduleShiftsTitle)}</h3>
                <div class="table-scroll" tabindex="0">
                    <table class="learn-table" data-testid="schedule-table">
                        <thead><tr>
                            <th>{move || text(lang.get(), Key::ColShift)}</th>
                            {move || week_on().then(|| view! { <th>{text(lang.get(), Key::ColDays)}</th> })}
                            <th>{move || text(lang.get(), Key::ColStart)}</th>
                            <th>{move || text(lang.get(), Key::ColEnd)}</th><th>{move || text(lang.get(), Key::ColBreak)}</th>
                            <th>{move || text(lang.get(), Key::ColAgentsCount)}</th><th>{move || text(lang.get(), Key::PaidHours)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <details>
                    <summary>{move || text(lang.get(), Key::CoverageTable)}</summary>
                    <div class="table-scroll" tabindex="0">
                        <table class="learn-table" data-testid="coverage-table">
                            <thead><tr>
                                <th>{move || text(lang.get(), Key::ColStart)}</th><th>{move || text(lang.get(), Key::ColRequired)}</th>
                                <th>{move || text(lang.get(), Key::ColScheduled)}</th><th>{move || text(lang.get(), Key::ColGap)}</th>
                                <th>{move || text(lang.get(), Key::ColServiceLevel)}</th>
                            </tr></thead>
                            <tbody>{coverage_rows}</tbody>
                        </table>
                    </div>
                </details>
            </section>
            <section class="panel">
                <h2>{move || text(lang.get(), Key::BudgetTitle)}</h2>
                <p class="help">{move || text(lang.get(), Key::BudgetHelp)}</p>
                <label class="budget">
                    <span>{move || text(lang.get(), Key::BudgetUnit)}</span>
                    <select data-testid="budget-unit" on:change=move |ev| set_unit(event_target_value(&ev))>
                        <option value="hours" selected=move || !heads_unit.get()>{move || text(lang.get(), Key::BudgetUnitHours)}</option>
                        <option value="heads" selected=move || heads_unit.get()>{move || text(lang.get(), Key::BudgetUnitHeads)}</option>
                    </select>
                </label>
                <label class="budget">
                    <span>{move || text(lang.get(), if heads_unit.get() { Key::BudgetHeads } else { Key::BudgetHours })}</span>
                    <input type="text" inputmode="decimal" class="short" data-testid="budget-hours" class:invalid=move || budget_bad.get()
                        prop:value=move || budget_text.get()
                        on:input=move |ev| budget_text.set(event_target_value(&ev))
                        on:change=move |ev| set_budget(event_target_value(&ev)) />
                </label>
                {move || budget_bad.get().then(|| view! { <p class="message error" role="alert" data-testid="budget-bad">{text(lang.get(), if heads_unit.get() { Key::BudgetHeadsBad } else { Key::BudgetBad })}</p> })}
                {budget_view}
            </section>
        </div>
    }
}

/// A problem's message in the page's language (an interval named by its
/// start, from `o`'s day).
fn problem_text(lang: crate::i18n::Lang, problem: &ScheduleProblem, o: &ScheduleOutcome) -> String {
    match problem {
        ScheduleProblem::Day(d) => format!("{} {d}", text(lang, Key::ScheduleDayProblem)),
        ScheduleProblem::Budget(d) => format!("{} {d}", text(lang, Key::BudgetProblem)),
        ScheduleProblem::Schedule(e) => {
            schedule_error_text(lang, e, &|i| schedule_row_name(lang, o, i))
        }
    }
}

/// A proven bound: whole when it is whole to rounding (the relaxation's
/// 81 400.000 000 1 is 81 400).
fn bound_text(bound: f64) -> String {
    let whole = (bound - bound.round()).abs() < 1e-6;
    grouped(bound, if whole { 0 } else { 2 })
}

/// The schedule's figures: paid hours against the requirement's, cost,
/// agents, shortfall and the day's service level.
fn summary_cards(lang: crate::i18n::Lang, r: &Solved, week: bool) -> impl IntoView {
    let over_pct = r.over_pct();
    let card = |key: Key, value: String, test_id: &'static str| {
        view! {
            <div class="figure">
                <dt>{text(lang, key)}</dt>
                <dd><span class="value" data-testid=test_id>{value}</span></dd>
            </div>
        }
    };
    view! {
        <dl class="figures" data-testid="schedule-figures">
            {card(Key::PaidHours, grouped(r.paid_hours, 1), "schedule-paid-hours")}
            {card(Key::ScheduleOverRequirement, format!("{} %", fixed(over_pct, 1)), "schedule-over-pct")}
            {card(Key::ScheduleCost, grouped(r.schedule.cost, 0), "schedule-cost")}
            {card(Key::ColAgentsCount, grouped(r.schedule.heads as f64, 0), "schedule-heads")}
            {card(Key::ScheduleShort, grouped(r.schedule.under as f64, 0), "schedule-under")}
            {card(if week { Key::ScheduleWeekSl } else { Key::ScheduleDaySl }, percent(r.day_service_level), "schedule-sl")}
        </dl>
    }
}

/// The schedule (shift, start, end, break, agents) or the coverage
/// (interval, required, scheduled, service level) as CSV.
fn download(store: crate::store::Store, coverage: bool) {
    let csv = store.schedule.outcome.with_untracked(|o| {
        let (_, _, o) = o.as_ref()?;
        let r = o.result.as_ref().ok()?;
        Some(if coverage {
            crate::model::io::csv_out::coverage_csv(o, r)
        } else {
            crate::model::io::csv_out::schedule_csv(r)
        })
    });
    if let Some(csv) = csv {
        let name = if coverage {
            "ccplan-coverage.csv"
        } else {
            "ccplan-schedule.csv"
        };
        crate::download::download_csv(name, csv, store.lang.get_untracked());
    }
}
