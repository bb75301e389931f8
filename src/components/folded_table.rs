//! A table folded away under a summary line until asked for, scrolling
//! sideways on a narrow screen: the schedule's coverage and budget tables.

use leptos::prelude::*;

use crate::i18n::{text, Key};
use crate::store::use_store;

/// `columns`: the header row's names; `children`: the body rows.
#[component]
pub fn FoldedTable(
    summary: Key,
    test_id: &'static str,
    columns: Vec<Key>,
    children: Children,
) -> impl IntoView {
    let lang = use_store().lang;
    view! {
        <details>
            <summary>{move || text(lang.get(), summary)}</summary>
            <div class="table-scroll" tabindex="0">
                <table class="learn-table" data-testid=test_id>
                    <thead><tr>{columns.into_iter().map(|k| view! { <th>{move || text(lang.get(), k)}</th> }).collect_view()}</tr></thead>
                    <tbody>{children()}</tbody>
                </table>
            </div>
        </details>
    }
}
