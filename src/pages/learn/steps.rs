//! The nine steps of resource planning: each with a short explanation,
//! its formula or method, the current scenario's live numbers (from
//! `step_live`) and a link to the page where ccplan does it.

use leptos::prelude::*;

use super::step_live::live;
use crate::i18n::{text, Key, Lang};
use crate::mathml::{exp, frac, math, mi, mn, mo, paren};
use crate::model::learn::day_figures;
use crate::store::{use_store, Store};

/// What each step says: its title and body, and where ccplan does it (a
/// page's fragment and the link's words). Every step has its page.
type StepText = (Key, Key, &'static str, Key);

#[rustfmt::skip]
const STEPS: [StepText; 9] = [
    (Key::Step1, Key::Step1Body, "#/", Key::LearnOnStaffing),
    (Key::Step2, Key::Step2Body, "#/", Key::LearnOnStaffing),
    (Key::Step3, Key::Step3Body, "#/forecast", Key::LearnOnForecast),
    (Key::Step4, Key::Step4Body, "#/", Key::LearnShowMath),
    (Key::Step5, Key::Step5Body, "#/", Key::LearnOnLines),
    (Key::Step6, Key::Step6Body, "#/", Key::LearnOnStaffing),
    (Key::Step7, Key::Step7Body, "#/schedule", Key::LearnOnSchedule),
    (Key::Step8, Key::Step8Body, "#/scorecard", Key::LearnOnScorecard),
    (Key::Step9, Key::Step9Body, "#/compare", Key::LearnOnCompare),
];

/// Step `index`'s formula as MathML (steps 3, 4, 5, 6 and 8).
fn formula(index: usize, lang: Lang) -> Option<String> {
    let word = |en: &'static str, zh: &'static str| if lang == Lang::Zh { zh } else { en };
    let b_of = |n: &[String]| [mi("B"), paren(n)].concat();
    Some(match index {
        2 => math(&[
            mi(word("workload", "工作量")),
            mo("="),
            mo("Σ"),
            mi("λ"),
            mo("·"),
            mi("AHT"),
        ]),
        3 => math(&[
            mi("SL"),
            mo("="),
            mn("1"),
            mo("−"),
            mi("P"),
            paren(&[mi(word("wait", "等待"))]),
            mo("·"),
            exp(&[
                mo("−"),
                paren(&[mi("N"), mo("−"), mi("A")]),
                mo("·"),
                mi("T"),
                mo("/"),
                mi("AHT"),
            ]),
        ]),
        4 => {
            let previous = b_of(&[mi("n"), mo("−"), mn("1")]);
            math(&[
                b_of(&[mi("n")]),
                mo("="),
                frac(
                    &[mi("A"), mo("·"), previous.clone()],
                    &[mi("n"), mo("+"), mi("A"), mo("·"), previous],
                ),
            ])
        }
        5 => math(&[
            mi(word("FTE", "全职等效人数")),
            mo("="),
            frac(&[mi("N")], &[mn("1"), mo("−"), mi("s")]),
        ]),
        7 => math(&[
            mi(word("cost", "成本")),
            mo("="),
            mi(word("paid hours", "付薪工时")),
            mo("×"),
            mi(word("rate", "小时费率")),
        ]),
        _ => return None,
    })
}

#[component]
pub fn Steps() -> impl IntoView {
    let store = use_store();
    let words = move |key| move || text(store.lang.get(), key);
    view! {
        <section class="panel">
            <h2>{words(Key::LearnTitle)}</h2>
            <p>{words(Key::LearnIntro)}</p>
            <ol class="steps" data-testid="steps">{move || step_list(store)}</ol>
        </section>
    }
}

/// The steps with the current scenario's figures.
fn step_list(store: Store) -> impl IntoView {
    let lang = store.lang.get();
    let inputs = store.staffing.get();
    let r = store.outcome.with(|o| o.interval.clone().ok());
    let day = store.outcome.with(|o| o.day.ready().map(day_figures));
    let currency = store.currency.get();
    let step = |(i, (title, body, href, where_key)): (usize, &StepText)| {
        let live = live(i, lang, &inputs, r.as_ref(), day, currency);
        view! {
            <li class="step" data-step=i + 1>
                <h3>{text(lang, *title)}</h3>
                <p>{text(lang, *body)}</p>
                {formula(i, lang).map(|f| view! { <div class="step-formula" inner_html=f></div> })}
                {live.map(|live| view! { <p class="live" data-testid=format!("step-{}-live", i + 1)>{live}</p> })}
                <a href=*href class="step-link">{text(lang, *where_key)}</a>
            </li>
        }
    };
    STEPS.iter().enumerate().map(step).collect_view()
}
