//! The comparison page (`#/compare`): two to four scenarios side by side —
//! their inputs and results with the difference to the first, their staffing
//! curves overlaid and their monthly requirements overlaid.

use leptos::prelude::*;

use crate::charts::compare::{draw_lines, LineLabels, Series};
use crate::components::chart_canvas::ChartCanvas;
use crate::i18n::{fixed, month_labels, percent, text, Key, Lang};
use crate::model::compare::{compare, difference, Compared};
use crate::model::example::example_inputs;
use crate::model::scenario::Inputs;
use crate::model::staffing::ModelChoice;
use crate::model::staffing::{Problem, StaffingInputs};
use crate::store::use_store;
use crate::worker::ProjectRequest;

const MAX_COMPARED: usize = 4;

/// Rows that come from the capacity plan (computed in the worker).
const PLAN_ROWS: [Key; 3] = [Key::PlanHires, Key::PlanPeakFte, Key::PlanCostPerContact];
/// Rows that come from the day (computed in the worker when heavy).
const DAY_ROWS: [Key; 5] = [
    Key::DayVolume,
    Key::DayServiceLevel,
    Key::PeakAgents,
    Key::DayPaidHours,
    Key::DayCost,
];

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
    match how {
        Show::Count => fixed(v, 0),
        Show::One => fixed(v, 1),
        Show::Money => fixed(v, 2),
        Show::Share => percent(v),
        Show::Seconds => format!("{} {}", fixed(v, 1), text(lang, Key::Seconds)),
    }
}

fn show_difference(lang: Lang, how: Show, value: f64, base: f64) -> String {
    let (delta, relative) = difference(value, base);
    if delta == 0.0 {
        return "=".into();
    }
    let sign = if delta > 0.0 { "+" } else { "−" };
    let amount = match how {
        // A change of a share is in percentage points.
        Show::Share => format!("{sign}{:.1} pp", delta.abs() * 100.0),
        other => format!("{sign}{}", show(lang, other, delta.abs())),
    };
    match (how, relative) {
        (Show::Share, _) | (_, None) => amount,
        (_, Some(r)) => format!("{amount} ({sign}{:.1} %)", r.abs() * 100.0),
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

/// The rows of the table: (label, how, value).
fn rows() -> Vec<(Key, Show, Pick)> {
    vec![
        (Key::Volume, Show::Count, |c| Some(c.inputs.staffing.volume)),
        (Key::Aht, Show::Count, |c| Some(c.inputs.staffing.aht_s)),
        (Key::SlTarget, Show::One, |c| {
            Some(c.inputs.staffing.sl_target_pct)
        }),
        (Key::SlSeconds, Show::Count, |c| {
            Some(c.inputs.staffing.sl_seconds)
        }),
        (Key::Interval, Show::Count, |c| {
            Some(c.inputs.staffing.interval_min)
        }),
        (Key::Shrinkage, Show::One, |c| {
            Some(c.inputs.staffing.shrinkage_pct)
        }),
        (Key::MaxOccupancy, Show::One, |c| {
            Some(c.inputs.staffing.max_occupancy_pct)
        }),
        (Key::Patience, Show::Count, |c| {
            (c.inputs.staffing.model == ModelChoice::ErlangA)
                .then_some(c.inputs.staffing.patience_s)
        }),
        (Key::CostPerHour, Show::Money, |c| {
            Some(c.inputs.staffing.cost_per_hour)
        }),
        (Key::RequiredAgents, Show::Count, |c| {
            c.outcome
                .interval
                .as_ref()
                .ok()
                .map(|r| f64::from(r.required_agents))
        }),
        (Key::ScheduledFte, Show::One, |c| {
            c.outcome.interval.as_ref().ok().map(|r| r.scheduled_fte)
        }),
        (Key::ServiceLevel, Show::Share, |c| {
            interval_metric(c, |m| m.service_level)
        }),
        (Key::Asa, Show::Seconds, |c| interval_metric(c, |m| m.asa_s)),
        (Key::Abandon, Show::Share, |c| {
            interval_metric(c, |m| m.p_abandon)
        }),
        (Key::Occupancy, Show::Share, |c| {
            interval_metric(c, |m| m.occupancy)
        }),
        (Key::Cost, Show::Money, |c| {
            c.outcome.interval.as_ref().ok().map(|r| r.cost)
        }),
        (Key::DayVolume, Show::Count, |c| {
            c.outcome.day.as_ref().ok().map(|d| d.totals.volume)
        }),
        (Key::DayServiceLevel, Show::Share, |c| {
            c.outcome.day.as_ref().ok().map(|d| d.totals.service_level)
        }),
        (Key::PeakAgents, Show::Count, |c| {
            c.outcome.day.as_ref().ok().map(|d| d.totals.peak_agents)
        }),
        (Key::DayPaidHours, Show::One, |c| {
            c.outcome.day.as_ref().ok().map(|d| d.totals.paid_hours)
        }),
        (Key::DayCost, Show::Money, |c| {
            c.outcome.day.as_ref().ok().and_then(|d| d.totals.cost)
        }),
        (Key::PlanHires, Show::Count, |c| {
            c.plan()
                .map(|p| p.plan.summary(&c.capacity_inputs()).total_hires)
        }),
        (Key::PlanPeakFte, Show::One, |c| {
            c.plan()
                .map(|p| p.plan.summary(&c.capacity_inputs()).peak_required_fte)
        }),
        (Key::PlanCostPerContact, Show::Money, |c| {
            c.plan()
                .map(|p| p.plan.summary(&c.capacity_inputs()).cost_per_contact)
        }),
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
                    asked.try_update_value(|a| a.retain(|k| *k != answered));
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
    // Chosen entries, in the order picked: "current", "example" or a scenario name.
    let chosen = RwSignal::new(Vec::<String>::new());
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
    let compared = Memo::new(move |_| {
        let mut list = outcomes.get();
        for c in &mut list {
            c.projection = plans.with(|p| answer_for(p, &c.inputs));
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
                .all(|c| c.projection.is_some() && !c.outcome.day_pending())
        })
    };
    let toggle = move |id: String, on: bool| {
        chosen.update(|list| {
            if on && !list.contains(&id) {
                if list.len() < MAX_COMPARED {
                    list.push(id);
                    too_many.set(false);
                } else {
                    too_many.set(true);
                }
            } else if !on {
                list.retain(|c| *c != id);
                too_many.set(false);
            }
        });
    };
    let ready = move || compared.with(|c| c.len() >= 2);

    let draw_curves = move |area: &_, scale: f64| {
        let lang = lang.get();
        compared.with(|list| {
            if list.len() < 2 {
                return;
            }
            let series: Vec<Series> = list
                .iter()
                .map(|c| Series {
                    name: c.name.clone(),
                    points: c
                        .outcome
                        .curve
                        .iter()
                        .filter_map(|p| {
                            p.metrics
                                .map(|m| (f64::from(p.agents), m.service_level * 100.0))
                        })
                        .collect(),
                })
                .collect();
            let labels = LineLabels {
                x_axis: text(lang, Key::AxisAgents).into(),
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
                                        on:change=move |ev| toggle(toggle_id.clone(), event_target_checked(&ev)) />
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
                                    compared.with(|list| rows().into_iter().map(|(key, how, pick)| {
                                        let base = list.first().and_then(pick);
                                        let cells = list.iter().enumerate().map(|(i, c)| {
                                            let value = pick(c);
                                            let waiting = (c.projection.is_none() && PLAN_ROWS.contains(&key))
                                                || (c.outcome.day_pending() && DAY_ROWS.contains(&key));
                                            let shown = match value {
                                                Some(v) => show(lang, how, v),
                                                None if waiting => "…".to_string(),
                                                None => "—".to_string(),
                                            };
                                            let change = match (i, value, base) {
                                                (0, _, _) => None,
                                                (_, Some(v), Some(b)) => Some(show_difference(lang, how, v, b)),
                                                _ => None,
                                            };
                                            view! {
                                                <td data-column=i>
                                                    <span class="value">{shown}</span>
                                                    {change.map(|d| view! { <span class="difference" title=text(lang, Key::Difference)>{d}</span> })}
                                                </td>
                                            }
                                        }).collect_view();
                                        view! { <tr><th scope="row">{text(lang, key)}</th>{cells}</tr> }
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
