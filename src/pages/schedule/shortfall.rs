//! The intervals a capped schedule leaves short: each run, why it is
//! short and what would cover it (`model::shortfall`), in words.

use leptos::prelude::*;

use crate::i18n::{short_cover_text, short_run_text, text, Key};
use crate::store::use_store;

#[component]
pub fn ShortfallList() -> impl IntoView {
    let store = use_store();
    move || {
        let lang = store.lang.get();
        store.with_solved(|_, r| {
            (!r.shortfall.is_empty()).then(|| {
                let runs = r
                    .shortfall
                    .iter()
                    .map(|run| {
                        let covers = run
                            .covers
                            .iter()
                            .map(|c| view! { <li data-testid="shortfall-cover">{short_cover_text(lang, c)}</li> })
                            .collect_view();
                        view! {
                            <li data-testid="shortfall-run">
                                <span data-testid="shortfall-why">{short_run_text(lang, run)}</span>
                                <ul>{covers}</ul>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="message warning shortfall" data-testid="shortfall">
                        <h3>{text(lang, Key::ShortfallTitle)}</h3>
                        <p>{text(lang, Key::ShortfallIntro)}</p>
                        <ul>{runs}</ul>
                    </div>
                }
            })
        })
    }
}
