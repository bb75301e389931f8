//! A chart's text alternative: a table, folded away until asked for, with a
//! header row of translated column names.
//!
//! Folded, it has no body rows and computes none: they are built when it is
//! opened and kept up to date only while it is open. Every input on the
//! staffing page would otherwise rebuild the curve's and the day's rows
//! (about 500 DOM nodes) for nobody; typing on a phone paid for it on every
//! key (issue 26, item 4).

use leptos::prelude::*;

use crate::download::copy_to_clipboard;
use crate::i18n::{text, Key};
use crate::store::use_store;

/// A `toggle` handler for a `<details>`: `open` follows whether it is open,
/// so what it folds away can be built only while it is shown.
pub fn follow_open(open: RwSignal<bool>) -> impl Fn(leptos::ev::Event) + 'static {
    move |ev| {
        use wasm_bindgen::JsCast;
        let opened = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
            .is_some_and(|d| d.open());
        open.set(opened);
    }
}

#[component]
pub fn ChartTable<R, V>(
    test_id: &'static str,
    /// The summary line that unfolds it.
    title: Key,
    /// Column names (an empty last column for row actions or notes).
    columns: Signal<Vec<Option<Key>>>,
    /// The body rows.
    rows: R,
    #[prop(optional)] class: &'static str,
) -> impl IntoView
where
    R: Fn() -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let lang = use_store().lang;
    let table = NodeRef::<leptos::html::Table>::new();
    let copied = RwSignal::new(None::<bool>);
    let open = RwSignal::new(false);
    let body = move || open.get().then(&rows);
    // A click on the summary (or Enter / Space on it) opens or folds the
    // table before its `toggle` event, which the browser sends a task
    // later: the rows are there as soon as the click has been handled.
    let details = NodeRef::<leptos::html::Details>::new();
    let on_summary = move |_| {
        if let Some(details) = details.get_untracked() {
            open.set(!details.open());
        }
    };
    // As the browser reads the table out (cells by tabs, rows by lines),
    // which a spreadsheet pastes into cells.
    let copy = move |_| {
        if let Some(table) = table.get() {
            copied.set(Some(copy_to_clipboard(&table.inner_text())));
        }
    };
    view! {
        <details class=format!("day-table {class}") data-testid=test_id node_ref=details on:toggle=follow_open(open)>
            <summary on:click=on_summary>{move || text(lang.get(), title)}</summary>
            <p class="row-buttons">
                <button type="button" class="secondary small" data-testid=format!("{test_id}-copy") on:click=copy>
                    {move || text(lang.get(), Key::CopyTable)}
                </button>
                {move || copied.get().map(|ok| view! {
                    <span class="help" role="status">{text(lang.get(), if ok { Key::TableCopied } else { Key::TableNotCopied })}</span>
                })}
            </p>
            <div class="table-scroll">
                <table node_ref=table>
                    <thead>
                        <tr>
                            {move || {
                                let lang = lang.get();
                                columns.get().into_iter().map(|key| view! {
                                    <th scope="col">{key.map(|k| text(lang, k))}</th>
                                }).collect_view()
                            }}
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </details>
    }
}
