//! The glossary: each term in English and Chinese with its meaning in the
//! page's language; a term asked for by a "?" link (`#/learn?term=…`) is
//! marked and scrolled to once the page has drawn it.

use leptos::prelude::*;

use crate::i18n::{Term, GLOSSARY};
use crate::store::use_store;

/// `hash`: the URL fragment.
#[component]
pub fn Glossary(hash: Signal<String>) -> impl IntoView {
    let lang = use_store().lang;
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
    let entries = move || {
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
    view! { <dl class="glossary" data-testid="glossary">{entries}</dl> }
}
