//! The comparison page (`#/compare`): two to four scenarios side by side —
//! their inputs and results with the difference to the first, their staffing
//! curves overlaid and their monthly requirements overlaid.

use leptos::prelude::*;

use crate::charts::compare::{draw_lines, LineLabels, Series};
use crate::components::chart_canvas::ChartCanvas;
use crate::i18n::{grouped, money, month_labels, percent, text, Currency, Key, Lang};
use crate::model::compare::{compare, difference, Compared};
use crate::model::example::example_inputs;
use crate::model::scenario::Inputs;
use crate::model::staffing::ModelChoice;
use crate::model::staffing::{Problem, StaffingInputs};
use crate::store::use_store;
use crate::worker::ProjectRequest;

const MAX_COMPARED: usize = 4;

/// How a row's numbers are shown.
#[derive(Clone, Copy)]
enum Show {
    Count,
    One,
    Money,
    Share,
    Seconds,
}

fn show(lang: Lang, how: Show, v: f64) -> String {
    show_in(lang, Currency::None, how, v)
}

/// A value of a row as shown, money with the chosen currency.
fn show_in(lang: Lang, currency: Currency, how: Show, v: f64) -> String {
    match how {
        Show::Count => grouped(v, 0),
        Show::One => grouped(v, 1),
        Show::Money => money(currency, v, 2),
        Show::Share => percent(v),
        Show::Seconds => format!("{} {}", grouped(v, 1), text(lang, Key::Seconds)),
    }
}

/// The change from `base` to `value`: the amount (shares in percentage
/// points), then the relative change where it says something — as a
/// percentage up to ±100 %, as a factor beyond (`×21.3`, not `+2030.0 %`),
/// and not at all for shares or a base of 0. A change too small to show at
/// the row's precision reads "≈".
fn show_difference(lang: Lang, how: Show, value: f64, base: f64) -> String {
    let (delta, relative) = difference(value, base);
    if delta == 0.0 {
        return "=".into();
    }
    let sign = if delta > 0.0 { "+" } else { "−" };
    let amount = match how {
        // A change of a share is in percentage points.
        Show::Share => match lang {
            Lang::En => format!("{:.1} pp", delta.abs() * 100.0),
            Lang::Zh => format!("{:.1} 个百分点", delta.abs() * 100.0),
        },
        other => show(lang, other, delta.abs()),
    };
    if amount
        .trim_end_matches([' ', 'p', 's', '秒'])
        .bytes()
        .all(|b| b == b'0' || b == b'.')
    {
        return "≈".into();
    }
    let amount = format!("{sign}{amount}");
    match (how, relative) {
        (Show::Share, _) | (_, None) => amount,
        (_, Some(r)) if r.abs() <= 1.0 => format!("{amount} ({sign}{:.1} %)", r.abs() * 100.0),
        (_, Some(_)) if base > 0.0 && value > 0.0 => format!("{amount} (×{:.1})", value / base),
        _ => amount,
    }
}

/// Which way a row's change is good news.
#[derive(Clone, Copy, PartialEq)]
enum Better {
    Higher,
    Lower,
    /// An input, or a figure that is neither (occupancy, a count of agents).
    Neither,
}

/// "better", "worse" or nothing, for the change from `base` to `value`.
fn judge(better: Better, value: f64, base: f64) -> Option<&'static str> {
    let up = match value.partial_cmp(&base)? {
        std::cmp::Ordering::Equal => return None,
        order => order == std::cmp::Ordering::Greater,
    };
    match (better, up) {
        (Better::Neither, _) => None,
        (Better::Higher, true) | (Better::Lower, false) => Some("better"),
        _ => Some("worse"),
    }
}

type Pick = fn(&Compared) -> Option<f64>;

fn interval_metric(c: &Compared, f: fn(&ccplan_engine::staffing::Metrics) -> f64) -> Option<f64> {
    c.outcome
        .interval
        .as_ref()
        .ok()
        .and_then(|r| r.metrics.map(|m| f(&m)))
}

/// One row of the table.
struct Row {
    label: Key,
    how: Show,
    better: Better,
    pick: Pick,
}

const fn row(label: Key, how: Show, better: Better, pick: Pick) -> Row {
    Row {
        label,
        how,
        better,
        pick,
    }
}

/// The rows of the table, in groups under a heading.
fn groups() -> Vec<(Key, Vec<Row>)> {
    use Better::{Higher, Lower, Neither};
    vec![
        (
            Key::CompareGroupInputs,
            vec![
                row(Key::Volume, Show::Count, Neither, |c| {
                    Some(c.inputs.staffing.volume)
                }),
                row(Key::Aht, Show::Count, Neither, |c| {
                    Some(c.inputs.staffing.aht_s)
                }),
                row(Key::SlTarget, Show::One, Neither, |c| {
                    Some(c.inputs.staffing.sl_target_pct)
                }),
                row(Key::SlSeconds, Show::Count, Neither, |c| {
                    Some(c.inputs.staffing.sl_seconds)
                }),
                row(Key::Interval, Show::Count, Neither, |c| {
                    Some(c.inputs.staffing.interval_min)
                }),
                row(Key::Shrinkage, Show::One, Neither, |c| {
                    Some(c.inputs.staffing.shrinkage_pct)
                }),
                row(Key::MaxOccupancy, Show::One, Neither, |c| {
                    Some(c.inputs.staffing.max_occupancy_pct)
                }),
                row(Key::Patience, Show::Count, Neither, |c| {
                    (c.inputs.staffing.model == ModelChoice::ErlangA)
                        .then_some(c.inputs.staffing.patience_s)
                }),
                row(Key::CostPerHour, Show::Money, Neither, |c| {
                    Some(c.inputs.staffing.cost_per_hour)
                }),
            ],
        ),
        (
            Key::CompareGroupInterval,
            vec![
                row(Key::RequiredAgents, Show::Count, Neither, |c| {
                    c.outcome
                        .interval
                        .as_ref()
                        .ok()
                        .map(|r| f64::from(r.required_agents))
                }),
                row(Key::ScheduledFte, Show::One, Neither, |c| {
                    c.outcome.interval.as_ref().ok().map(|r| r.scheduled_fte)
                }),
                row(Key::ServiceLevel, Show::Share, Higher, |c| {
                    interval_metric(c, |m| m.service_level)
                }),
                row(Key::Asa, Show::Seconds, Lower, |c| {
                    interval_metric(c, |m| m.asa_s)
                }),
                row(Key::Abandon, Show::Share, Lower, |c| {
                    interval_metric(c, |m| m.p_abandon)
                }),
                row(Key::Occupancy, Show::Share, Neither, |c| {
                    interval_metric(c, |m| m.occupancy)
                }),
                row(Key::Cost, Show::Money, Lower, |c| {
                    c.outcome.interval.as_ref().ok().map(|r| r.cost)
                }),
            ],
        ),
        (
            Key::CompareGroupDay,
            vec![
                row(Key::DayVolume, Show::Count, Neither, |c| {
                    c.outcome.day.as_ref().ok().map(|d| d.totals.volume)
                }),
                row(Key::DayServiceLevel, Show::Share, Higher, |c| {
                    c.outcome.day.as_ref().ok().map(|d| d.totals.service_level)
                }),
                row(Key::PeakAgents, Show::Count, Neither, |c| {
                    c.outcome.day.as_ref().ok().map(|d| d.totals.peak_agents)
                }),
                row(Key::DayPaidHours, Show::One, Neither, |c| {
                    c.outcome.day.as_ref().ok().map(|d| d.totals.paid_hours)
                }),
                row(Key::DayCost, Show::Money, Lower, |c| {
                    c.outcome.day.as_ref().ok().and_then(|d| d.totals.cost)
                }),
            ],
        ),
        (
            Key::CompareGroupShifts,
            vec![
                row(Key::PaidHours, Show::One, Lower, |c| {
                    c.shifts().map(|s| s.paid_hours)
                }),
                row(Key::ColAgentsCount, Show::Count, Neither, |c| {
                    c.shifts().map(|s| s.schedule.heads as f64)
                }),
                row(Key::ScheduleOverRequirement, Show::Share, Lower, |c| {
                    c.shifts().map(|s| s.over_pct() / 100.0)
                }),
                row(Key::CompareShiftsSl, Show::Share, Higher, |c| {
                    c.shifts().map(|s| s.day_service_level)
                }),
                row(Key::ScheduleCost, Show::Money, Lower, |c| {
                    c.shifts().map(|s| s.schedule.cost)
                }),
            ],
        ),
        (
            Key::CompareGroupPlan,
            vec![
                row(Key::PlanHires, Show::Count, Neither, |c| {
                    c.plan()
                        .zip(c.capacity_inputs())
                        .map(|(p, inputs)| p.plan.summary(&inputs).total_hires)
                }),
                row(Key::PlanPeakFte, Show::One, Neither, |c| {
                    c.plan()
                        .zip(c.capacity_inputs())
                        .map(|(p, inputs)| p.plan.summary(&inputs).peak_required_fte)
                }),
                row(Key::PlanCostPerContact, Show::Money, Lower, |c| {
                    c.plan()
                        .zip(c.capacity_inputs())
                        .map(|(p, inputs)| p.plan.summary(&inputs).cost_per_contact)
                }),
                row(Key::PlanCostPerResolved, Show::Money, Lower, |c| {
                    c.plan()
                        .zip(c.capacity_inputs())
                        .map(|(p, inputs)| p.plan.summary(&inputs).cost_per_resolved)
                }),
            ],
        ),
    ]
}

/// Answers from the worker, one per key.
type Answers<K, T> = Vec<(K, Result<T, Problem>)>;

/// Asks the worker (through `ask`) for each key `wanted` lists and keeps the
/// answers for the keys still wanted; each key is asked once.
fn answers_from_worker<K, T>(
    wanted: impl Fn() -> Vec<K> + Send + Sync + Copy + 'static,
    ask: impl Fn(K, Box<dyn FnOnce(Result<T, Problem>)>) + 'static,
) -> RwSignal<Answers<K, T>>
where
    K: Clone + PartialEq + Send + Sync + 'static,
    T: Send + Sync + 'static,
{
    let answers = RwSignal::new(Answers::<K, T>::new());
    let asked = StoredValue::new(Vec::<K>::new());
    Effect::new(move |_| {
        for key in wanted() {
            let known = answers.with_untracked(|a| a.iter().any(|(k, _)| *k == key));
            if known || asked.with_value(|a| a.contains(&key)) {
                continue;
            }
            asked.update_value(|a| a.push(key.clone()));
            let answered = key.clone();
            ask(
                key,
                Box::new(move |result| {
                    // The page may be gone by now, and everything it owned with it.
                    if asked
                        .try_update_value(|a| a.retain(|k| *k != answered))
                        .is_none()
                    {
                        return;
                    }
                    let still = untrack(wanted);
                    if still.contains(&answered) {
                        answers.try_update(|a| {
                            a.retain(|(k, _)| still.contains(k));
                            a.push((answered, result));
                        });
                    }
                }),
            );
        }
    });
    answers
}

fn answer_for<K: PartialEq, T: Clone>(
    answers: &Answers<K, T>,
    key: &K,
) -> Option<Result<T, Problem>> {
    answers
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, r)| r.clone())
}

#[component]
pub fn ComparePage() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    // Chosen entries, in the order picked: "current", "example" or "s:<name>".
    // The last choice is kept (entries since deleted drop out); the first
    // time, the current inputs beside the latest saved scenario (or the example).
    if store.compare_choice.with_untracked(Option::is_none) {
        let latest = store
            .scenarios
            .with_untracked(|list| list.last().map(|s| format!("s:{}", s.name)));
        let second = latest.unwrap_or_else(|| "example".to_string());
        store
            .compare_choice
            .set(Some(vec!["current".to_string(), second]));
    }
    let chosen = Memo::new(move |_| {
        let stored = store.compare_choice.get().unwrap_or_default();
        store.scenarios.with(|list| {
            stored
                .into_iter()
                .filter(|id| match id.strip_prefix("s:") {
                    Some(name) => list.iter().any(|s| s.name == name),
                    None => id == "current" || id == "example",
                })
                .take(MAX_COMPARED)
                .collect::<Vec<_>>()
        })
    });
    let too_many = RwSignal::new(false);
    let choices = move || {
        let lang = lang.get();
        let mut list = vec![
            (
                "current".to_string(),
                text(lang, Key::CurrentInputs).to_string(),
            ),
            ("example".to_string(), text(lang, Key::Example).to_string()),
        ];
        list.extend(
            store
                .scenarios
                .get()
                .into_iter()
                .map(|s| (format!("s:{}", s.name), s.name)),
        );
        list
    };
    let outcomes = Memo::new(move |_| {
        let scenarios = store.scenarios.get();
        let lang = lang.get();
        let picked: Vec<(String, Inputs)> = chosen
            .get()
            .iter()
            .filter_map(|id| match id.as_str() {
                "current" => Some((
                    text(lang, Key::CurrentInputs).to_string(),
                    Inputs {
                        staffing: store.staffing.get(),
                        scorecard: store.scorecard.get(),
                        schedule: store.schedule.settings.get(),
                    },
                )),
                "example" => Some((text(lang, Key::Example).to_string(), example_inputs())),
                other => {
                    let name = other.strip_prefix("s:")?;
                    scenarios
                        .iter()
                        .find(|s| s.name == name)
                        .map(|s| (s.name.clone(), s.inputs.clone()))
                }
            })
            .collect();
        compare(&picked)
    });
    // Plans computed in the worker, for the inputs compared now.
    // Plans, and days too heavy for the page, computed in the worker.
    let plans = answers_from_worker(
        move || outcomes.with(|list| list.iter().map(|c| c.inputs.clone()).collect()),
        move |inputs: Inputs, done| {
            let request = ProjectRequest {
                staffing: inputs.staffing,
                scorecard: inputs.scorecard,
            };
            store.engine.project(request, done);
        },
    );
    let days = answers_from_worker(
        move || {
            outcomes.with(|list| {
                list.iter()
                    .filter(|c| c.outcome.day_pending())
                    .map(|c| c.inputs.staffing.clone())
                    .collect()
            })
        },
        move |inputs: StaffingInputs, done| store.engine.plan_day(inputs, done),
    );
    let schedules = answers_from_worker(
        move || outcomes.with(|list| list.iter().map(|c| c.inputs.clone()).collect()),
        move |inputs: Inputs, done| {
            store
                .engine
                .schedule(inputs.staffing, inputs.schedule, move |outcome| {
                    done(Ok(outcome))
                });
        },
    );
    let compared = Memo::new(move |_| {
        let mut list = outcomes.get();
        for c in &mut list {
            c.projection = plans.with(|p| answer_for(p, &c.inputs));
            c.schedule = schedules
                .with(|s| answer_for(s, &c.inputs))
                .and_then(Result::ok);
            if c.outcome.day_pending() {
                if let Some(day) = days.with(|d| answer_for(d, &c.inputs.staffing)) {
                    c.outcome.day = day;
                }
            }
        }
        list
    });
    let settled = move || {
        compared.with(|list| {
            list.iter()
                .all(|c| c.projection.is_some() && c.schedule.is_some() && !c.outcome.day_pending())
        })
    };
    // Whether the change was taken (a fifth scenario is refused).
    let toggle = move |id: String, on: bool| -> bool {
        let mut list = chosen.get_untracked();
        let mut taken = true;
        if on && !list.contains(&id) {
            if list.len() < MAX_COMPARED {
                list.push(id);
                too_many.set(false);
            } else {
                too_many.set(true);
                taken = false;
            }
        } else if !on {
            list.retain(|c| *c != id);
            too_many.set(false);
        }
        store.compare_choice.set(Some(list));
        taken
    };
    let ready = move || compared.with(|c| c.len() >= 2);

    let draw_curves = move |area: &_, scale: f64| {
        let lang = lang.get();
        compared.with(|list| {
            if list.len() < 2 {
                return;
            }
            let curves = crate::model::compare::curves(list);
            let series: Vec<Series> = curves
                .lines
                .into_iter()
                .map(|(name, points)| Series { name, points })
                .collect();
            let labels = LineLabels {
                x_axis: text(
                    lang,
                    if curves.relative {
                        Key::AxisAgentsFromRequired
                    } else {
                        Key::AxisAgents
                    },
                )
                .into(),
                y_axis: text(lang, Key::AxisPercent).into(),
                x_names: None,
            };
            if let Err(problem) = draw_lines(area, &series, &labels, scale) {
                leptos::logging::warn!("comparison chart not drawn: {problem}");
            }
        });
    };
    let draw_projection = move |area: &_, scale: f64| {
        let lang = lang.get();
        compared.with(|list| {
            if list.len() < 2 {
                return;
            }
            let longest = list
                .iter()
                .filter_map(Compared::plan)
                .max_by_key(|p| p.plan.months.len())
                .map(|p| month_labels(&p.plan));
            let series: Vec<Series> = list
                .iter()
                .map(|c| Series {
                    name: c.name.clone(),
                    points: c.plan().map_or(Vec::new(), |p| {
                        p.plan
                            .months
                            .iter()
                            .enumerate()
                            .map(|(i, m)| (i as f64, m.required_fte))
                            .collect()
                    }),
                })
                .collect();
            let labels = LineLabels {
                x_axis: text(lang, Key::AxisMonth).into(),
                y_axis: text(lang, Key::AxisFte).into(),
                x_names: longest,
            };
            if let Err(problem) = draw_lines(area, &series, &labels, scale) {
                leptos::logging::warn!("comparison chart not drawn: {problem}");
            }
        });
    };

    view! {
        <div class="page compare-page">
            <section class="panel">
                <h2>{move || text(lang.get(), Key::CompareTitle)}</h2>
                <p class="help">{move || text(lang.get(), Key::CompareHelp)}</p>
                <ul class="compare-choices" data-testid="compare-choices">
                    {move || choices().into_iter().map(|(id, label)| {
                        let checked_id = id.clone();
                        let toggle_id = id.clone();
                        view! {
                            <li>
                                <label>
                                    <input type="checkbox" data-choice=id
                                        prop:checked=move || chosen.with(|c| c.contains(&checked_id))
                                        on:change=move |ev| {
                                            if !toggle(toggle_id.clone(), event_target_checked(&ev)) {
                                                event_target::<web_sys::HtmlInputElement>(&ev).set_checked(false);
                                            }
                                        } />
                                    {label}
                                </label>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <p class="field-error" role="alert">{move || too_many.get().then(|| text(lang.get(), Key::CompareMax))}</p>
                <Show when=move || !ready()>
                    <p class="help">{move || text(lang.get(), Key::CompareNeedTwo)}</p>
                </Show>
            </section>
            <Show when=ready>
                <section class="panel table-panel">
                    <div class="table-scroll" tabindex="0">
                        <table class="compare" data-testid="compare-table" data-settled=move || settled().to_string()>
                            <thead>
                                <tr>
                                    <th scope="col"></th>
                                    {move || compared.with(|list| list.iter().enumerate().map(|(i, c)| view! {
                                        <th scope="col" data-column=i>{c.name.clone()}</th>
                                    }).collect_view())}
                                </tr>
                            </thead>
                            <tbody>
                                {move || {
                                    let lang = lang.get();
                                    compared.with(|list| groups().into_iter().map(|(group, rows)| {
                                        let heading = view! {
                                            <tr class="group"><th scope="colgroup" colspan=list.len() + 1>{text(lang, group)}</th></tr>
                                        };
                                        let rows = rows.into_iter().map(|row| {
                                            let base = list.first().and_then(row.pick);
                                            let cells = list.iter().enumerate().map(|(i, c)| {
                                                let value = (row.pick)(c);
                                                let waiting = match group {
                                                    Key::CompareGroupPlan => c.projection.is_none(),
                                                    Key::CompareGroupDay => c.outcome.day_pending(),
                                                    _ => false,
                                                };
                                                let shown = match value {
                                                    Some(v) => show_in(lang, store.currency.get(), row.how, v),
                                                    None if waiting => "…".to_string(),
                                                    None => "—".to_string(),
                                                };
                                                let change = match (i, value, base) {
                                                    (0, _, _) => None,
                                                    (_, Some(v), Some(b)) => Some((show_difference(lang, row.how, v, b), judge(row.better, v, b))),
                                                    _ => None,
                                                };
                                                view! {
                                                    <td data-column=i>
                                                        <span class="value">{shown}</span>
                                                        {change.map(|(d, verdict)| {
                                                            let title = match verdict {
                                                                Some("better") => format!("{} · {}", text(lang, Key::Difference), text(lang, Key::Better)),
                                                                Some(_) => format!("{} · {}", text(lang, Key::Difference), text(lang, Key::Worse)),
                                                                None => text(lang, Key::Difference).to_string(),
                                                            };
                                                            let class = format!("difference {}", verdict.unwrap_or("")).trim_end().to_string();
                                                            view! { <span class=class data-change=verdict.unwrap_or("") title=title>{d}</span> }
                                                        })}
                                                    </td>
                                                }
                                            }).collect_view();
                                            view! { <tr><th scope="row">{text(lang, row.label)}</th>{cells}</tr> }
                                        }).collect_view();
                                        view! { {heading}{rows} }
                                    }).collect_view())
                                }}
                            </tbody>
                        </table>
                    </div>
                </section>
                <section class="panel chart-panel">
                    <h2>{move || text(lang.get(), Key::CompareCurve)}</h2>
                    <ChartCanvas test_id="compare-curve" label=Signal::derive(move || text(lang.get(), Key::CompareCurve).to_string()) draw=draw_curves />
                </section>
                <section class="panel chart-panel">
                    <h2>{move || text(lang.get(), Key::CompareProjection)}</h2>
                    <ChartCanvas test_id="compare-projection" label=Signal::derive(move || text(lang.get(), Key::CompareProjection).to_string()) draw=draw_projection />
                </section>
            </Show>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_read_plainly() {
        let en = Lang::En;
        assert_eq!(
            show_difference(en, Show::Count, 300.0, 200.0),
            "+100 (+50.0 %)"
        );
        assert_eq!(show_difference(en, Show::Count, 200.0, 200.0), "=");
        // More than double: a factor, not +2030 %.
        assert_eq!(
            show_difference(en, Show::Seconds, 15.0, 0.7),
            "+14.3 s (×21.4)"
        );
        // Shares change in percentage points; a change below the shown precision is "≈", never "−0.0 pp".
        assert_eq!(show_difference(en, Show::Share, 0.917, 0.878), "+3.9 pp");
        assert_eq!(show_difference(en, Show::Share, 0.8000001, 0.8), "≈");
        assert_eq!(show_difference(en, Show::Money, 10.001, 10.0), "≈");
        assert_eq!(show_difference(en, Show::Count, 5.0, 0.0), "+5");
        assert_eq!(
            show_difference(en, Show::Count, 1_500.0, 250.0),
            "+1,250 (×6.0)"
        );
        assert_eq!(show(en, Show::Money, 12_232.144), "12,232.14");
        assert_eq!(show(en, Show::Count, -1_234_567.0), "-1,234,567");
        assert_eq!(
            show_difference(Lang::Zh, Show::Share, 0.917, 0.878),
            "+3.9 个百分点"
        );
        assert_eq!(show_difference(Lang::Zh, Show::Seconds, 8.6, 8.6), "=");
        assert_eq!(judge(Better::Higher, 0.9, 0.8), Some("better"));
        assert_eq!(judge(Better::Lower, 0.9, 0.8), Some("worse"));
        assert_eq!(judge(Better::Neither, 0.9, 0.8), None);
        assert_eq!(judge(Better::Lower, 0.8, 0.8), None);
    }
}
