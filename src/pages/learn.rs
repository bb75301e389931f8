//! `#/learn`: the nine steps of resource planning for a class, each with a
//! short explanation, its formula or method, the current scenario's live
//! numbers and a link to where ccplan does it (or a plain "not yet");
//! then economies of scale and square-root staffing, pooling, Erlang C
//! beside Erlang A, and the glossary.

use leptos::prelude::*;

use crate::components::exercise_card::{asked_key, ExerciseCard};
use crate::components::live_queue::LiveQueueView;
use crate::components::simulated_days::SimulatedDays;
use crate::i18n::{
    agents_text, built_in_question, grouped, labelled, limit_text, money, percent, seconds, text,
    Key, Lang, Term, GLOSSARY,
};
use crate::mathml::{exp, frac, math, mi, mn, mo, paren};
use crate::model::exercise::{built_in, Asked, Exercise};
use crate::model::learn::{
    c_versus_a, day_figures, pooling, scale_table, trunks, workload_hours, DayFigures,
    DEFAULT_MAX_BLOCKING,
};
use crate::model::staffing::{IntervalResult, StaffingInputs};
use crate::share::{decode_value, exercise_payload_of};
use crate::store::route::current_hash;
use crate::store::use_store;

/// One of the nine steps.
struct Step {
    title: Key,
    body: Key,
    formula: Option<String>,
    live: Option<String>,
    /// Where ccplan does it: a page's fragment and the link's words.
    link: Option<(&'static str, Key)>,
    /// What ccplan does not do yet, said plainly.
    not_yet: Option<Key>,
}

fn formula_sl() -> String {
    math(&[
        mi("SL"),
        mo("="),
        mn("1"),
        mo("−"),
        mi("P"),
        paren(&[mi("wait")]),
        mo("·"),
        exp(&[
            mo("−"),
            paren(&[mi("N"), mo("−"), mi("A")]),
            mo("·"),
            mi("T"),
            mo("/"),
            mi("AHT"),
        ]),
    ])
}

fn steps(
    lang: Lang,
    inputs: &StaffingInputs,
    r: Option<&IntervalResult>,
    day: Option<DayFigures>,
    currency: crate::i18n::Currency,
) -> Vec<Step> {
    let t = |k| text(lang, k);
    let objective = r.map(|r| {
        r.by_limit
            .iter()
            .map(|l| limit_text(lang, l.limit, &r.targets))
            .collect::<Vec<_>>()
            .join(" · ")
    });
    let workload = workload_hours(inputs);
    vec![
        Step {
            title: Key::Step1,
            body: Key::Step1Body,
            formula: None,
            live: objective.map(|o| labelled(lang, t(Key::LearnYourObjective), &o)),
            link: Some(("#/", Key::LearnOnStaffing)),
            not_yet: None,
        },
        Step {
            title: Key::Step2,
            body: Key::Step2Body,
            formula: None,
            live: Some(format!(
                "{} · {} · {}",
                labelled(lang, t(Key::Volume), &grouped(inputs.volume, 0)),
                labelled(
                    lang,
                    t(Key::Aht),
                    &crate::model::number::format_plain(inputs.aht_s)
                ),
                labelled(lang, t(Key::Intervals), &inputs.intraday.len().to_string()),
            )),
            link: Some(("#/", Key::LearnOnStaffing)),
            not_yet: None,
        },
        Step {
            title: Key::Step3,
            body: Key::Step3Body,
            formula: Some(math(&[
                mi("workload"),
                mo("="),
                mo("Σ"),
                mi("λ"),
                mo("·"),
                mi("AHT"),
            ])),
            live: Some(labelled(
                lang,
                t(Key::LearnDayWorkload),
                &format!("{} {}", grouped(workload, 1), t(Key::PerHour)),
            )),
            link: Some(("#/forecast", Key::LearnOnForecast)),
            not_yet: None,
        },
        Step {
            title: Key::Step4,
            body: Key::Step4Body,
            formula: Some(formula_sl()),
            live: r.map(|r| {
                format!(
                    "A = {} {} → N = {}",
                    grouped(r.traffic, 2),
                    t(Key::Erlangs),
                    agents_text(lang, r.required_agents)
                )
            }),
            link: Some(("#/", Key::LearnShowMath)),
            not_yet: None,
        },
        Step {
            title: Key::Step5,
            body: Key::Step5Body,
            formula: Some(math(&[
                mi("B"),
                paren(&[mi("n")]),
                mo("="),
                frac(
                    &[
                        mi("A"),
                        mo("·"),
                        mi("B"),
                        paren(&[mi("n"), mo("−"), mn("1")]),
                    ],
                    &[
                        mi("n"),
                        mo("+"),
                        mi("A"),
                        mo("·"),
                        mi("B"),
                        paren(&[mi("n"), mo("−"), mn("1")]),
                    ],
                ),
            ])),
            live: r.and_then(|r| trunks(r, DEFAULT_MAX_BLOCKING)).map(|tr| {
                format!(
                    "{} · {}",
                    labelled(
                        lang,
                        t(Key::LearnLinesTraffic),
                        &format!("{} {}", grouped(tr.traffic_on_lines, 2), t(Key::Erlangs))
                    ),
                    labelled(
                        lang,
                        t(Key::LearnLinesNeeded),
                        &format!(
                            "{} ({} ≤ {})",
                            tr.lines,
                            t(Key::LearnBusy),
                            percent(tr.max_blocking)
                        )
                    ),
                )
            }),
            link: None,
            not_yet: None,
        },
        Step {
            title: Key::Step6,
            body: Key::Step6Body,
            formula: Some(math(&[
                mi("FTE"),
                mo("="),
                frac(&[mi("N")], &[mn("1"), mo("−"), mi("s")]),
            ])),
            live: r.map(|r| {
                format!(
                    "{} / (1 − {}) = {} FTE",
                    grouped(r.agents, 0),
                    percent(inputs.shrinkage_pct / 100.0),
                    grouped(r.scheduled_fte, 1)
                )
            }),
            link: Some(("#/", Key::LearnOnStaffing)),
            not_yet: None,
        },
        Step {
            title: Key::Step7,
            body: Key::Step7Body,
            formula: None,
            live: day.map(|d| labelled(lang, t(Key::PeakAgents), &grouped(d.peak_agents, 0))),
            link: Some(("#/", Key::LearnOnIntraday)),
            not_yet: Some(Key::Step7NotYet),
        },
        Step {
            title: Key::Step8,
            body: Key::Step8Body,
            formula: Some(math(&[
                mi("cost"),
                mo("="),
                mi("paid hours"),
                mo("×"),
                mi("rate"),
            ])),
            live: day.map(|d| {
                format!(
                    "{} · {} · {}",
                    labelled(
                        lang,
                        t(Key::PaidHours),
                        &format!("{} {}", grouped(d.paid_hours, 1), t(Key::PerHour))
                    ),
                    labelled(lang, t(Key::DayCost), &money(currency, d.cost, 2)),
                    labelled(
                        lang,
                        t(Key::CostPerContact),
                        &money(currency, d.cost_per_contact, 2)
                    ),
                )
            }),
            link: Some(("#/scorecard", Key::LearnOnScorecard)),
            not_yet: None,
        },
        Step {
            title: Key::Step9,
            body: Key::Step9Body,
            formula: None,
            live: None,
            link: Some(("#/compare", Key::LearnOnCompare)),
            not_yet: None,
        },
    ]
}

#[component]
pub fn LearnPage() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let result = move || store.outcome.with(|o| o.interval.clone().ok());
    let day = move || store.outcome.with(|o| o.day.ready().map(day_figures));
    let step_list = move || {
        let lang = lang.get();
        let inputs = store.staffing.get();
        let r = result();
        steps(lang, &inputs, r.as_ref(), day(), store.currency.get())
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                view! {
                    <li class="step" data-step=i + 1>
                        <h3>{text(lang, s.title)}</h3>
                        <p>{text(lang, s.body)}</p>
                        {s.formula.map(|f| view! { <div class="step-formula" inner_html=f></div> })}
                        {s.live.map(|live| view! { <p class="live" data-testid=format!("step-{}-live", i + 1)>{live}</p> })}
                        {s.not_yet.map(|k| view! { <p class="not-yet" data-testid=format!("step-{}-not-yet", i + 1)>{text(lang, k)}</p> })}
                        {s.link.map(|(href, k)| view! { <a href=href class="step-link">{text(lang, k)}</a> })}
                    </li>
                }
            })
            .collect_view()
    };
    let scale = move || {
        let lang = lang.get();
        let inputs = store.staffing.get();
        let rows = scale_table(&inputs)
            .into_iter()
            .map(|r| {
                view! {
                    <tr data-traffic=r.traffic>
                        <td>{grouped(r.traffic, 0)}</td>
                        <td>{grouped(f64::from(r.agents), 0)}</td>
                        <td>{percent(r.occupancy)}</td>
                        <td>{format!("{:.2}", r.beta)}</td>
                        <td>{format!("{:.4}", r.p_wait)}</td>
                        <td>{r.p_wait_limit.map_or("—".into(), |p| format!("{p:.4}"))}</td>
                    </tr>
                }
            })
            .collect_view();
        let target =
            ccplan_engine::staffing::Targets::new(inputs.sl_target_pct / 100.0, inputs.sl_seconds)
                .map(|targets| {
                    limit_text(lang, ccplan_engine::staffing::Limit::ServiceLevel, &targets)
                })
                .unwrap_or_default();
        let basis = format!("Erlang C · {target} · AHT {}", seconds(lang, inputs.aht_s));
        let pooled = pooling(&inputs, 10, 10.0).map(|p| {
            format!(
                "{} {} · {} {} ({} %)",
                text(lang, Key::LearnPoolingApart),
                agents_text(lang, p.apart),
                text(lang, Key::LearnPoolingTogether),
                agents_text(lang, p.pooled),
                crate::i18n::fixed(p.change * 100.0, 1),
            )
        });
        view! {
            <p class="help" data-testid="scale-basis">{basis}</p>
            <div class="table-scroll" tabindex="0">
            <table class="learn-table" data-testid="scale-table">
                <caption>{text(lang, Key::LearnScaleCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">"A"</th>
                        <th scope="col">"N"</th>
                        <th scope="col">{text(lang, Key::Occupancy)}</th>
                        <th scope="col">"β"</th>
                        <th scope="col">"P(wait)"</th>
                        <th scope="col">{text(lang, Key::LearnHalfinWhitt)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            </div>
            <p class="help">{text(lang, Key::LearnScaleBody)}</p>
            {pooled.map(|p| view! { <p class="live" data-testid="pooling">{p}</p> })}
        }
    };
    let c_and_a = move || {
        let lang = lang.get();
        let inputs = store.staffing.get();
        let r = result()?;
        let cmp = c_versus_a(&inputs, r.traffic)?;
        let asa = |v: f64| seconds(lang, v);
        Some(view! {
            <table class="learn-table" data-testid="c-vs-a">
                <thead>
                    <tr>
                        <th scope="col"></th>
                        <th scope="col">"Erlang C"</th>
                        <th scope="col">{format!("Erlang A ({})", labelled(lang, text(lang, Key::LearnPatience), &asa(cmp.patience_s)))}</th>
                    </tr>
                </thead>
                <tbody>
                    <tr data-row="required">
                        <th scope="row">{text(lang, Key::LearnRequiredForSl)}</th>
                        <td>{cmp.required_c}</td>
                        <td>{cmp.required_a}</td>
                    </tr>
                    <tr data-row="service-level">
                        <th scope="row">{format!("{} ({} N = {})", text(lang, Key::ServiceLevel), text(lang, Key::LearnAt), cmp.required_c)}</th>
                        <td>{percent(cmp.c.service_level)}</td>
                        <td>{percent(cmp.a_at_c.service_level)}</td>
                    </tr>
                    <tr data-row="asa">
                        <th scope="row">{text(lang, Key::Asa)}</th>
                        <td>{asa(cmp.c.asa_s)}</td>
                        <td>{asa(cmp.a_at_c.asa_s)}</td>
                    </tr>
                    <tr data-row="p-wait">
                        <th scope="row">{text(lang, Key::PWait)}</th>
                        <td>{percent(cmp.c.p_wait)}</td>
                        <td>{percent(cmp.a_at_c.p_wait)}</td>
                    </tr>
                    <tr data-row="abandon">
                        <th scope="row">{text(lang, Key::Abandon)}</th>
                        <td>{percent(0.0)}</td>
                        <td>{percent(cmp.a_at_c.p_abandon)}</td>
                    </tr>
                </tbody>
            </table>
            <p class="help">{text(lang, Key::LearnCVersusABody)}</p>
        })
    };
    // An exercise link (`#x=…`): read now and whenever the fragment changes.
    let hash = RwSignal::new(current_hash());
    let listener = window_event_listener(leptos::ev::hashchange, move |_| hash.set(current_hash()));
    on_cleanup(move || listener.remove());
    let from_link = move || {
        let hash = hash.get();
        let payload = exercise_payload_of(&hash)?;
        Some(
            decode_value::<Exercise>(payload)
                .ok()
                .filter(Exercise::is_valid),
        )
    };
    // A term asked for by a "?" link (`#/learn?term=occupancy`): marked, and
    // scrolled to once the page has drawn it.
    let asked_term = move || {
        hash.get()
            .split_once("?term=")
            .and_then(|(_, id)| Term::from_id(id))
    };
    Effect::new(move |_| {
        if let Some(term) = asked_term() {
            request_animation_frame(move || {
                if let Some(entry) = document().get_element_by_id(&format!("term-{}", term.id())) {
                    // Centred, so the entries around it show too (and no
                    // sub-pixel rounding leaves its top edge off screen).
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Center);
                    entry.scroll_into_view_with_scroll_into_view_options(&options);
                }
            });
        }
    });
    let glossary = move || {
        let asked = asked_term();
        GLOSSARY
            .iter()
            .map(|entry| {
                let marked = asked == Some(entry.term);
                view! {
                    <div id=format!("term-{}", entry.term.id()) class:asked=marked data-term=entry.term.id()>
                        <dt lang="en">{entry.en}</dt>
                        <dd lang="zh-CN">{entry.zh}</dd>
                        <dd class="meaning">{move || entry.meaning(lang.get())}</dd>
                    </div>
                }
            })
            .collect_view()
    };
    let linked = move || {
        from_link().map(|found| match found {
            Some(exercise) => {
                let question = exercise.question.clone();
                view! {
                    <section class="panel exercise-from-link">
                        <h2>{move || text(lang.get(), Key::ExerciseFromLink)}</h2>
                        <ExerciseCard exercise=exercise question=Signal::derive(move || question.clone()) test_id="linked-exercise".to_string() />
                    </section>
                }
                .into_any()
            }
            None => view! {
                <p class="message error" data-testid="exercise-link-bad">{move || text(lang.get(), Key::ExerciseLinkBad)}</p>
            }
            .into_any(),
        })
    };
    let built_ins = move || {
        built_in()
            .into_iter()
            .enumerate()
            .map(|(i, exercise)| {
                let key = built_in_question(exercise.asked);
                view! {
                    <ExerciseCard exercise=exercise question=Signal::derive(move || text(lang.get(), key).to_string()) test_id=format!("exercise-{}", i + 1) />
                }
            })
            .collect_view()
    };
    // The trainer's form: a question about the current inputs, as a link.
    let question = RwSignal::new(String::new());
    let asked = RwSignal::new(Asked::RequiredAgents);
    let made = RwSignal::new(None::<Option<String>>);
    let make = move |_| {
        let exercise = Exercise {
            question: question.get_untracked().trim().to_string(),
            asked: asked.get_untracked(),
            inputs: store.staffing.get_untracked(),
        };
        made.set(Some(
            exercise.is_valid().then(|| store.exercise_url(&exercise)),
        ));
    };
    view! {
        <div class="page learn-page">
            {linked}
            <section class="panel">
                <h2>{move || text(lang.get(), Key::LearnTitle)}</h2>
                <p>{move || text(lang.get(), Key::LearnIntro)}</p>
                <ol class="steps" data-testid="steps">{step_list}</ol>
            </section>
            <section class="panel">
                <h2>{move || text(lang.get(), Key::LearnScaleTitle)}</h2>
                {scale}
            </section>
            <section class="panel">
                <h2>{move || text(lang.get(), Key::LiveQueueTitle)}</h2>
                <LiveQueueView />
            </section>
            <section class="panel">
                <h2>{move || text(lang.get(), Key::SimTitle)}</h2>
                <SimulatedDays />
            </section>
            <section class="panel">
                <h2>{move || text(lang.get(), Key::LearnCVersusATitle)}</h2>
                <div class="table-scroll" tabindex="0">{c_and_a}</div>
            </section>
            <section class="panel" data-testid="exercises">
                <h2>{move || text(lang.get(), Key::ExercisesTitle)}</h2>
                <p>{move || text(lang.get(), Key::ExercisesIntro)}</p>
                <div class="exercise-list">{built_ins}</div>
                <h3>{move || text(lang.get(), Key::ExerciseWrite)}</h3>
                <div class="exercise-form">
                    <label for="exercise-question">{move || text(lang.get(), Key::ExerciseQuestion)}</label>
                    <textarea id="exercise-question" data-testid="exercise-question-input" rows="3" maxlength="600"
                        prop:value=move || question.get()
                        on:input=move |ev| { question.set(event_target_value(&ev)); made.set(None); }></textarea>
                    <label for="exercise-asked">{move || text(lang.get(), Key::ExerciseAsked)}</label>
                    <select id="exercise-asked" data-testid="exercise-asked" on:change=move |ev| {
                        if let Some(a) = Asked::from_code(&event_target_value(&ev)) { asked.set(a); made.set(None); }
                    }>
                        {Asked::ALL.into_iter().map(|a| view! {
                            <option value=a.code() selected=move || asked.get() == a>{move || text(lang.get(), asked_key(a))}</option>
                        }).collect_view()}
                    </select>
                    <button type="button" data-testid="exercise-make" on:click=make>{move || text(lang.get(), Key::ExerciseMake)}</button>
                    {move || made.get().map(|link| match link {
                        Some(url) => view! {
                            <input type="text" readonly data-testid="exercise-link" prop:value=url.clone() on:focus=move |ev| {
                                use wasm_bindgen::JsCast;
                                if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) { input.select(); }
                            } />
                            <a href=url data-testid="exercise-open">{move || text(lang.get(), Key::ExerciseOpen)}</a>
                        }.into_any(),
                        None => view! { <p class="message error" data-testid="exercise-cannot">{move || text(lang.get(), Key::ExerciseCannot)}</p> }.into_any(),
                    })}
                </div>
            </section>
            <section class="panel">
                <h2>{move || text(lang.get(), Key::LearnGlossary)}</h2>
                <dl class="glossary" data-testid="glossary">{glossary}</dl>
            </section>
        </div>
    }
}
