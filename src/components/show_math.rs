//! "Show the math" under the staffing answer: each figure's formula as
//! mathematics (MathML, which browsers render natively), then the same
//! formula with this interval's numbers in it, ending in the figure exactly
//! as its card shows it. The numbers come from `model::math`; the markup is
//! built from them and from the app's own words only (nothing a user typed
//! goes into it as text).

use leptos::prelude::*;

use crate::components::chart_table::follow_open;
use crate::format::{grouped, money, percent};
use crate::i18n::{seconds, text, Key, Lang};
use crate::mathml::{exp, frac, math, mi, mn, mo, msub, paren, result, row};
use crate::model::math::{significant, worked, Worked};
use crate::store::use_store;

/// One figure: its name, the formula, and the formula with numbers.
struct Formula {
    /// The card's test id, so a test can hold the two side by side.
    card: &'static str,
    name: Key,
    general: String,
    substituted: String,
}

fn n(v: f64) -> String {
    mn(&significant(v))
}

/// A word in a formula, in the page's language ("occupancy" / "占用率").
fn word(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

fn formulas(lang: Lang, w: &Worked, currency: crate::format::Currency) -> Vec<Formula> {
    let (a, agents) = (w.traffic, w.agents);
    let eq = || mo("=");
    let times = || mo("×");
    let minus = || mo("−");
    let load_text = format!("{} {}", grouped(a, 2), text(lang, Key::Erlangs));
    let mut list = vec![Formula {
        card: "load",
        name: Key::MathLoad,
        general: math(&[
            mi("A"),
            eq(),
            frac(&[mi("λ"), mo("·"), mi("AHT")], &[mi("t")]),
        ]),
        substituted: math(&[
            mi("A"),
            eq(),
            frac(&[n(w.volume), times(), n(w.aht_s)], &[n(w.interval_s)]),
            eq(),
            result(&load_text),
        ]),
    }];
    let shown_n = grouped(agents, 0);
    if let (Some(m), Some(b)) = (w.metrics, w.blocking) {
        if w.patience_s.is_none() {
            let b_prev = [
                mi("A"),
                mo("·"),
                mi("B"),
                paren(&[mi("n"), minus(), mn("1")]),
            ];
            list.push(Formula {
                card: "",
                name: Key::MathErlangB,
                general: math(&[
                    mi("B"),
                    paren(&[mn("0")]),
                    eq(),
                    mn("1"),
                    mo(","),
                    mi("B"),
                    paren(&[mi("n")]),
                    eq(),
                    frac(&b_prev, &[mi("n"), mo("+"), row(&b_prev)]),
                ]),
                substituted: math(&[mi("B"), paren(&[mn(&shown_n), mo(","), n(a)]), eq(), n(b)]),
            });
            list.push(Formula {
                card: "p-wait",
                name: Key::MathPWait,
                general: math(&[
                    mi("P"),
                    paren(&[mi(word(lang, "wait", "等待"))]),
                    eq(),
                    frac(
                        &[mi("N"), mo("·"), mi("B")],
                        &[
                            mi("N"),
                            minus(),
                            mi("A"),
                            paren(&[mn("1"), minus(), mi("B")]),
                        ],
                    ),
                ]),
                substituted: math(&[
                    mi("P"),
                    paren(&[mi(word(lang, "wait", "等待"))]),
                    eq(),
                    frac(
                        &[mn(&shown_n), times(), n(b)],
                        &[
                            mn(&shown_n),
                            minus(),
                            n(a),
                            times(),
                            paren(&[mn("1"), minus(), n(b)]),
                        ],
                    ),
                    eq(),
                    result(&percent(m.p_wait)),
                ]),
            });
            let exponent = |parts: &[String]| exp(&[mo("−"), row(parts)]);
            list.push(Formula {
                card: "service-level",
                name: Key::MathSl,
                general: math(&[
                    mi("SL"),
                    eq(),
                    mn("1"),
                    minus(),
                    mi("P"),
                    paren(&[mi(word(lang, "wait", "等待"))]),
                    mo("·"),
                    exponent(&[
                        paren(&[mi("N"), minus(), mi("A")]),
                        mo("·"),
                        mi("T"),
                        mo("/"),
                        mi("AHT"),
                    ]),
                ]),
                substituted: math(&[
                    mi("SL"),
                    eq(),
                    mn("1"),
                    minus(),
                    n(m.p_wait),
                    times(),
                    exponent(&[
                        paren(&[mn(&shown_n), minus(), n(a)]),
                        times(),
                        n(w.threshold_s),
                        mo("/"),
                        n(w.aht_s),
                    ]),
                    eq(),
                    result(&percent(m.service_level)),
                ]),
            });
            list.push(Formula {
                card: "asa",
                name: Key::MathAsa,
                general: math(&[
                    mi("ASA"),
                    eq(),
                    frac(
                        &[
                            mi("P"),
                            paren(&[mi(word(lang, "wait", "等待"))]),
                            mo("·"),
                            mi("AHT"),
                        ],
                        &[mi("N"), minus(), mi("A")],
                    ),
                ]),
                substituted: math(&[
                    mi("ASA"),
                    eq(),
                    frac(
                        &[n(m.p_wait), times(), n(w.aht_s)],
                        &[mn(&shown_n), minus(), n(a)],
                    ),
                    eq(),
                    result(&seconds(lang, m.asa_s)),
                ]),
            });
            list.push(Formula {
                card: "occupancy",
                name: Key::MathOccupancy,
                general: math(&[
                    mi(word(lang, "occupancy", "占用率")),
                    eq(),
                    frac(&[mi("A")], &[mi("N")]),
                ]),
                substituted: math(&[
                    mi(word(lang, "occupancy", "占用率")),
                    eq(),
                    frac(&[n(a)], &[mn(&shown_n)]),
                    eq(),
                    result(&percent(m.occupancy)),
                ]),
            });
        } else {
            let carried = [
                mi("A"),
                paren(&[
                    mn("1"),
                    minus(),
                    mi("P"),
                    paren(&[mi(word(lang, "abandon", "放弃"))]),
                ]),
            ];
            list.push(Formula {
                card: "occupancy",
                name: Key::MathOccupancyA,
                general: math(&[
                    mi(word(lang, "occupancy", "占用率")),
                    eq(),
                    frac(&carried, &[mi("N")]),
                ]),
                substituted: math(&[
                    mi(word(lang, "occupancy", "占用率")),
                    eq(),
                    frac(
                        &[n(a), times(), paren(&[mn("1"), minus(), n(m.p_abandon)])],
                        &[mn(&shown_n)],
                    ),
                    eq(),
                    result(&percent(m.occupancy)),
                ]),
            });
        }
    }
    if let Some(t) = w.trunks {
        let queue = t.traffic_on_lines - a;
        list.push(Formula {
            card: "lines",
            name: Key::MathLines,
            general: math(&[
                mi("L"),
                eq(),
                mi("min"),
                row(&[
                    mo("{"),
                    mi("L"),
                    mo(":"),
                    mi("B"),
                    paren(&[mi("L"), mo(","), mi("A"), mo("+"), msub("L", "q")]),
                    mo("≤"),
                    mn(&percent(t.max_blocking)),
                    mo("}"),
                ]),
            ]),
            substituted: math(&[
                mi("A"),
                mo("+"),
                msub("L", "q"),
                eq(),
                n(a),
                mo("+"),
                n(queue),
                eq(),
                n(t.traffic_on_lines),
                mo("⇒"),
                mi("L"),
                eq(),
                result(&grouped(f64::from(t.lines), 0)),
            ]),
        });
    }
    list.push(Formula {
        card: "fte",
        name: Key::MathFte,
        general: math(&[
            mi(word(lang, "FTE", "全职等效人数")),
            eq(),
            frac(&[mi("N")], &[mn("1"), minus(), mi("s")]),
        ]),
        substituted: math(&[
            mi(word(lang, "FTE", "全职等效人数")),
            eq(),
            frac(&[mn(&shown_n)], &[mn("1"), minus(), n(w.shrinkage)]),
            eq(),
            result(&grouped(w.scheduled_fte, 1)),
        ]),
    });
    list.push(Formula {
        card: "agent-hours",
        name: Key::MathAgentHours,
        general: math(&[
            mi(word(lang, "hours", "工时")),
            eq(),
            mi("N"),
            times(),
            frac(&[mi("t")], &[mn("3,600")]),
        ]),
        substituted: math(&[
            mi(word(lang, "hours", "工时")),
            eq(),
            mn(&shown_n),
            times(),
            frac(&[n(w.interval_s)], &[mn("3,600")]),
            eq(),
            result(&format!(
                "{} {}",
                grouped(w.agent_hours, 1),
                text(lang, Key::PerHour)
            )),
        ]),
    });
    list.push(Formula {
        card: "cost",
        name: Key::MathCost,
        general: math(&[
            mi(word(lang, "cost", "成本")),
            eq(),
            mi(word(lang, "FTE", "全职等效人数")),
            times(),
            frac(&[mi("t")], &[mn("3,600")]),
            times(),
            mi(word(lang, "rate", "小时费率")),
        ]),
        substituted: math(&[
            mi(word(lang, "cost", "成本")),
            eq(),
            n(w.scheduled_fte),
            times(),
            frac(&[n(w.interval_s)], &[mn("3,600")]),
            times(),
            n(w.cost_per_hour),
            eq(),
            result(&money(currency, w.cost, 2)),
        ]),
    });
    list
}

/// The worked example of `w`: the symbols, the model's note and every
/// formula with its numbers (also an exercise's worked solution).
pub fn worked_view(lang: Lang, w: &Worked, currency: crate::format::Currency) -> impl IntoView {
    let items = formulas(lang, w, currency)
        .into_iter()
        .map(|f| {
            view! {
                <div class="formula" data-formula=f.card>
                    <p class="formula-name">{text(lang, f.name)}</p>
                    <div inner_html=f.general></div>
                    <div inner_html=f.substituted></div>
                </div>
            }
        })
        .collect_view();
    let model_note = match (w.patience_s, w.metrics) {
        (Some(patience), _) => Some(format!(
            "{} {}{}",
            text(lang, Key::MathErlangA),
            seconds(lang, patience),
            text(lang, Key::MathErlangASums)
        )),
        (None, None) => Some(text(lang, Key::MathUnstable).to_string()),
        (None, Some(_)) => None,
    };
    view! {
        <p class="help">{text(lang, Key::MathSymbols)}</p>
        <p class="help">{format!("{} N = {}.", text(lang, Key::MathRequired), grouped(w.agents, 0))}</p>
        {model_note.map(|note| view! { <p class="help" data-testid="math-model">{note}</p> })}
        {items}
    }
}

#[component]
pub fn ShowMath() -> impl IntoView {
    let store = use_store();
    let worked_now = move || {
        store.outcome.with(|o| {
            o.interval
                .as_ref()
                .ok()
                .map(|r| store.staffing.with(|i| worked(i, r)))
        })
    };
    // Folded, it computes nothing: every input event would otherwise redo
    // the worked example (Erlang B, trunks, the markup) for nobody.
    let lang = store.lang;
    let open = RwSignal::new(false);
    let body = move || {
        if !open.get() {
            return None;
        }
        let w = worked_now()?;
        Some(worked_view(lang.get(), &w, store.currency.get()))
    };
    view! {
        <details class="show-math" data-testid="show-math" on:toggle=follow_open(open)>
            <summary>{move || text(lang.get(), Key::ShowMath)}</summary>
            {body}
        </details>
    }
}
