//! The comparison table: each row's figure for every scenario, with its
//! change from the first one (better or worse where a row has a direction);
//! "…" while the worker computes a figure, "—" where there is none.

use leptos::prelude::*;

use crate::i18n::{change_text, change_title, figure_label, group_label, shown_value, text};
use crate::model::compare::{cells, Cell, Compared, Group, Verdict};
use crate::store::use_store;

#[component]
pub fn CompareTable(compared: Memo<Vec<Compared>>) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    // Every figure is in: the tests wait for this.
    let settled = move || {
        compared.with(|list| {
            list.iter()
                .all(|c| Group::ALL.iter().all(|group| !group.pending(c)))
        })
    };
    let body = move || {
        let (lang, currency) = (lang.get(), store.currency.get());
        compared.with(|list| {
            Group::ALL
                .into_iter()
                .map(|group| {
                    let heading = view! {
                        <tr class="group"><th scope="colgroup" colspan=list.len() + 1>{text(lang, group_label(group))}</th></tr>
                    };
                    let rows = group
                        .rows()
                        .iter()
                        .map(|&figure| {
                            let show = figure.show();
                            let cells = cells(group, figure, list)
                                .into_iter()
                                .enumerate()
                                .map(|(i, cell)| {
                                    let (shown, change) = match cell {
                                        Cell::Value(v, change) => (
                                            shown_value(lang, currency, show, v),
                                            change.map(|change| (change_text(lang, show, change), change.verdict())),
                                        ),
                                        Cell::Pending => ("…".to_string(), None),
                                        Cell::Missing => ("—".to_string(), None),
                                    };
                                    view! {
                                        <td data-column=i>
                                            <span class="value">{shown}</span>
                                            {change.map(|(words, verdict)| {
                                                let name = verdict_name(verdict);
                                                let class = format!("difference {name}").trim_end().to_string();
                                                view! { <span class=class data-change=name title=change_title(lang, verdict)>{words}</span> }
                                            })}
                                        </td>
                                    }
                                })
                                .collect_view();
                            view! { <tr><th scope="row">{text(lang, figure_label(figure))}</th>{cells}</tr> }
                        })
                        .collect_view();
                    view! { {heading}{rows} }
                })
                .collect_view()
        })
    };
    view! {
        <section class="panel table-panel">
            <div class="table-scroll" tabindex="0">
                <table class="compare" data-testid="compare-table" data-settled=move || settled().to_string()>
                    <thead>
                        <tr>
                            <th scope="col"></th>
                            {move || compared.with(|list| list.iter().enumerate().map(|(i, c)| view! {
                                <th scope="col" data-column=i>{c.name.clone()}</th>
                            }).collect_view())}
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </section>
    }
}

/// The class and `data-change` of a judged change (the tests read it).
fn verdict_name(verdict: Option<Verdict>) -> &'static str {
    match verdict {
        Some(Verdict::Better) => "better",
        Some(Verdict::Worse) => "worse",
        None => "",
    }
}
