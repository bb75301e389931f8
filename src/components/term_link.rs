//! The "?" beside a label whose term the glossary explains: a link to the
//! entry on the Learn page (`#/learn?term=…`), named for screen readers.

use leptos::prelude::*;

use crate::i18n::{text, Key, Term};
use crate::store::use_store;

#[component]
pub fn TermLink(
    term: Term,
    /// The label the link sits beside, for its accessible name.
    label: Key,
    /// Result cards' links are tab stops. An input's is not, so that Tab
    /// walks the form one field at a time (as it skips the sliders); the
    /// same terms are reachable from the results and the Learn page.
    in_tab_order: bool,
) -> impl IntoView {
    let lang = use_store().lang;
    view! {
        <a class="term-link" href=format!("#/learn?term={}", term.id()) data-term=term.id()
            tabindex=(!in_tab_order).then_some("-1")
            title=move || text(lang.get(), Key::LearnGlossary)
            aria-label=move || format!("{}: {}", text(lang.get(), Key::LearnGlossary), text(lang.get(), label))>"?"</a>
    }
}
