//! Erlang C beside Erlang A: the agents each needs for the target, and at
//! Erlang C's agents each one's service level, ASA, P(wait) and abandons.

use leptos::prelude::*;

use crate::format::percent;
use crate::i18n::{labelled, seconds, text, Key};
use crate::model::learn::c_versus_a;
use crate::store::use_store;

#[component]
pub fn CVersusA() -> impl IntoView {
    let store = use_store();
    move || {
        let lang = store.lang.get();
        let traffic = store
            .outcome
            .with(|o| o.interval.as_ref().ok().map(|r| r.traffic))?;
        let cmp = store.staffing.with(|inputs| c_versus_a(inputs, traffic))?;
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
    }
}
