//! The schedule page (`#/schedule`): shift templates, the staffing page's
//! day covered by them at the least cost (or as closely as a headcount cap
//! allows), the coverage against the requirement, the service the
//! scheduled agents give, and the schedule and coverage as CSV.

use leptos::prelude::*;

use crate::components::coverage_chart::CoverageChart;
use crate::components::shift_editor::ShiftEditor;
use crate::i18n::{fixed, grouped, percent, schedule_error_text, text, Key};
use crate::model::schedule::{valid_budget_hours, ScheduleOutcome, ScheduleProblem, Solved};
use crate::model::staffing::{clock, interval_label};
use crate::store::use_store;

#[component]
pub fn SchedulePage() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let s = store.schedule;

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
            Some(format!(
                "{} {} × {} min {} {} · {} {} ({} {} %) · {} {}",
                text(lang, Key::ScheduleDayIs),
                o.requirement.len(),
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
                    format!("{} {}", text(lang, Key::ScheduleBestFound), grouped(r.schedule.bound, if r.schedule.bound.fract() == 0.0 { 0 } else { 2 }))
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
            Some(summary_cards(lang, r))
        })
    };

    let rows = move || {
        s.outcome.with(|o| {
            let r = o.as_ref()?.2.result.as_ref().ok()?;
            Some(r.rows.iter().map(|row| view! {
                <tr data-testid="schedule-row">
                    <td>{row.shift.clone()}</td>
                    <td>{clock(row.start_min)}</td>
                    <td>{clock(row.end_min)}</td>
                    <td>{row.break_start_min.map_or_else(|| "—".to_string(), clock)}</td>
                    <td>{row.agents}</td>
                    <td>{grouped(row.paid_hours * f64::from(row.agents), 1)}</td>
                </tr>
            }).collect_view())
        })
    };

    let coverage_rows = move || {
        s.outcome.with(|o| {
            let (_, _, o) = o.as_ref()?;
            let r = o.result.as_ref().ok()?;
            Some(o.requirement.iter().zip(&r.schedule.coverage).zip(&r.service_level).enumerate().map(|(i, ((need, have), sl))| {
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

    let has_result = move || {
        s.outcome
            .with(|o| o.as_ref().is_some_and(|(_, _, o)| o.result.is_ok()))
    };

    // The budget: paid agent-hours for the day (blank: not asked).
    let budget_text = RwSignal::new(
        s.settings
            .with_untracked(|x| x.budget_hours.map(|h| fixed(h, 0)).unwrap_or_default()),
    );
    let budget_bad = RwSignal::new(false);
    let set_budget = move |typed: String| {
        if typed.trim().is_empty() {
            budget_bad.set(false);
            s.settings.update(|x| x.budget_hours = None);
            return;
        }
        match crate::model::number::parse_number(&typed) {
            Ok(h) if valid_budget_hours(h) => {
                budget_bad.set(false);
                s.settings.update(|x| x.budget_hours = Some(h));
            }
            _ => budget_bad.set(true),
        }
    };
    let budget_view = move || {
        let lang = lang.get();
        s.outcome.with(|o| {
            let (_, _, o) = o.as_ref()?;
            Some(match o.budget.as_ref()? {
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
            })
        })
    };

    view! {
        <div class="page schedule-page">
            <section class="panel">
                <h2>{move || text(lang.get(), Key::ScheduleTitle)}</h2>
                <p class="help">{move || text(lang.get(), Key::ScheduleHelp)}</p>
                <p data-testid="schedule-day">{day_line}</p>
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
                {move || has_result().then(|| view! { <CoverageChart /> })}
                <div class="button-row">
                    <button type="button" class="secondary" data-testid="schedule-csv" disabled=move || !has_result() on:click=move |_| download(store, false)>{move || text(lang.get(), Key::DownloadScheduleCsv)}</button>
                    <button type="button" class="secondary" data-testid="coverage-csv" disabled=move || !has_result() on:click=move |_| download(store, true)>{move || text(lang.get(), Key::DownloadCoverageCsv)}</button>
                </div>
                <h3>{move || text(lang.get(), Key::ScheduleShiftsTitle)}</h3>
                <div class="table-scroll" tabindex="0">
                    <table class="learn-table" data-testid="schedule-table">
                        <thead><tr>
                            <th>{move || text(lang.get(), Key::ColShift)}</th><th>{move || text(lang.get(), Key::ColStart)}</th>
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
                    <span>{move || text(lang.get(), Key::BudgetHours)}</span>
                    <input type="text" inputmode="decimal" class="short" data-testid="budget-hours" class:invalid=move || budget_bad.get()
                        prop:value=move || budget_text.get()
                        on:input=move |ev| budget_text.set(event_target_value(&ev))
                        on:change=move |ev| set_budget(event_target_value(&ev)) />
                </label>
                {move || budget_bad.get().then(|| view! { <p class="message error" role="alert" data-testid="budget-bad">{text(lang.get(), Key::BudgetBad)}</p> })}
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
        ScheduleProblem::Schedule(e) => schedule_error_text(lang, e, &|i| {
            interval_label(i, f64::from(o.interval_min), f64::from(o.day_start_min))
        }),
    }
}

/// The schedule's figures: paid hours against the requirement's, cost,
/// agents, shortfall and the day's service level.
fn summary_cards(lang: crate::i18n::Lang, r: &Solved) -> impl IntoView {
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
            {card(Key::ScheduleDaySl, percent(r.day_service_level), "schedule-sl")}
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
            crate::files::coverage_csv(o, r)
        } else {
            crate::files::schedule_csv(r)
        })
    });
    if let Some(csv) = csv {
        let name = if coverage {
            "ccplan-coverage.csv"
        } else {
            "ccplan-schedule.csv"
        };
        crate::download::download_text(name, "text/csv", &csv);
    }
}
