//! A chart's text alternative: a table, folded away until asked for, with a
//! header row of translated column names.

use leptos::prelude::*;

use crate::download::copy_to_clipboard;
use crate::i18n::{text, Key};
use crate::store::use_store;

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
    // As the browser reads the table out (cells by tabs, rows by lines),
    // which a spreadsheet pastes into cells.
    let copy = move |_| {
        if let Some(table) = table.get() {
            copied.set(Some(copy_to_clipboard(&table.inner_text())));
        }
    };
    view! {
        <details class=format!("day-table {class}") data-testid=test_id>
            <summary>{move || text(lang.get(), title)}</summary>
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
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </details>
    }
}
