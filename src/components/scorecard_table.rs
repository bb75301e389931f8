//! The balanced scorecard as a table: one row per KPI, grouped by
//! perspective, with its editable target and a value and status per month.
//! Status is a word-symbol as well as a colour; entered KPIs are marked.

use ccplan_engine::scorecard::{kpi, Direction, KpiId, KpiRow, Perspective, Source, Status, Unit};

use crate::model::scorecard::{unstable_months, Projection};
use crate::model::staffing::Computed;
use leptos::prelude::*;

use crate::components::kpi_entry::KpiEntry;
use crate::i18n::{kpi_name, kpi_value, month_labels, text, Key, Lang};
use crate::model::fields::{kpi_spec, StaffingField};
use crate::store::{use_store, BoxId};

fn perspective_key(p: Perspective) -> Key {
    match p {
        Perspective::Customer => Key::Customer,
        Perspective::Operations => Key::Operations,
        Perspective::Finance => Key::Finance,
        Perspective::People => Key::People,
    }
}

/// The class, symbol and word of a status: a word-symbol as well as a colour.
fn status_parts(status: Status) -> (&'static str, &'static str, Key) {
    match status {
        Status::Green => ("rag green", "●", Key::Green),
        Status::Amber => ("rag amber", "▲", Key::Amber),
        Status::Red => ("rag red", "■", Key::Red),
    }
}

/// What one month cell of a KPI's row shows.
#[derive(Debug, Clone, PartialEq)]
struct MonthCell {
    text: String,
    status: Option<Status>,
}

/// The month cells of a row as last written to the page.
#[derive(Default)]
struct Written {
    labels: Vec<String>,
    lang: Option<Lang>,
    cells: Vec<MonthCell>,
}

/// Brings the month cells of `row` (a `<tr>`) to `cells`, under the month
/// `labels`, touching only what changed: a cell is `<td data-month class>`
/// holding its text and, with a status, a symbol `<span class="rag …">`.
///
/// Why by hand: a growth edit changes most of the 228 figures, and cells
/// rebuilt by the view set all their attributes again (with erased
/// components, tachys removes and re-adds every attribute of a rebuilt
/// element), a style recalculation of every cell; one reactive node per
/// cell cost as much in the reactive graph (BENCHMARKS.md, issue 14).
fn patch_month_cells(
    row: &web_sys::Element,
    labels: &[String],
    cells: &[MonthCell],
    lang: Lang,
    written: &mut Written,
) {
    let document = document();
    if written.labels != labels {
        let mut child = row.first_element_child();
        while let Some(element) = child {
            child = element.next_element_sibling();
            if element.has_attribute("data-month") {
                element.remove();
            }
        }
        for label in labels {
            if let Ok(td) = document.create_element("td") {
                let _ = td.set_attribute("data-month", label);
                td.set_class_name("cell");
                let _ = td.append_with_str_1("");
                let _ = row.append_child(&td);
            }
        }
        written.labels = labels.to_vec();
        written.cells.clear();
    }
    if written.lang != Some(lang) {
        written.cells.clear();
        written.lang = Some(lang);
    }
    let mut td = row.first_element_child();
    while td.as_ref().is_some_and(|e| !e.has_attribute("data-month")) {
        td = td.and_then(|e| e.next_element_sibling());
    }
    for (i, cell) in cells.iter().enumerate() {
        let Some(element) = td else { break };
        td = element.next_element_sibling();
        let before = written.cells.get(i);
        if before.map(|b| &b.text) != Some(&cell.text) {
            if let Some(text) = element.first_child() {
                text.set_node_value(Some(&format!("{} ", cell.text)));
            }
        }
        if before.map(|b| b.status) != Some(cell.status) {
            element.set_class_name(match cell.status {
                Some(Status::Green) => "cell green",
                Some(Status::Amber) => "cell amber",
                Some(Status::Red) => "cell red",
                None => "cell",
            });
            if let Some(old) = element.query_selector(".rag").ok().flatten() {
                old.remove();
            }
            if let Some((class, symbol, key)) = cell.status.map(status_parts) {
                if let Ok(span) = document.create_element("span") {
                    span.set_class_name(class);
                    let _ = span.set_attribute("title", text(lang, key));
                    let _ = span.set_attribute("aria-label", text(lang, key));
                    span.set_text_content(Some(symbol));
                    let _ = element.append_child(&span);
                }
            }
        }
    }
    written.cells = cells.to_vec();
}

/// `read` applied to the row of `id` in the current projection, in place.
fn with_row<T>(
    projection: Memo<Computed<Projection>>,
    id: KpiId,
    read: impl FnOnce(&KpiRow) -> T,
) -> Option<T> {
    projection.with(|p| {
        p.ready()
            .and_then(|p| p.rows.iter().find(|r| r.kpi == id))
            .map(read)
    })
}

#[component]
pub fn ScorecardTable() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    // The month labels change only with the plan's start and length, so the
    // month cells are built again only then.
    let months = Memo::new(move |_| {
        store
            .projection
            .with(|p| p.ready().map(|p| month_labels(&p.plan)).unwrap_or_default())
    });
    let set_target = move |id: KpiId, value: Option<f64>| store.set_kpi_target(id, value);
    // Rows are built once, one per KPI of the engine's table, so a target
    // box keeps its focus and its edit while the figures around it change.
    let row_view = move |id: KpiId| {
        let info = kpi(id);
        let unit = info.unit;
        let is_input = info.source == Source::Input;
        let is_assumption = info.source == Source::Assumption;
        let percent = unit == Unit::Share;
        let comparison = match info.direction {
            Direction::AtLeast => "≥",
            Direction::AtMost => "≤",
        };
        let target_cell = if info.has_editable_target() {
            let value =
                Signal::derive(move || with_row(store.projection, id, |r| r.target).flatten());
            // One service-level target for both pages: the staffing field's limits and reason.
            let spec = if id == KpiId::ServiceLevel {
                StaffingField::SlTarget.spec()
            } else {
                kpi_spec(percent, true)
            };
            view! {
                <span class="target">
                    {comparison}" "
                    <KpiEntry
                        id=BoxId::Target(id)
                        spec=spec
                        test_id=format!("target-{}", id.as_str())
                        label=Signal::derive(move || format!("{} — {}", text(lang.get(), kpi_name(id)), text(lang.get(), Key::Target)))
                        value=value
                        percent=percent
                        on_set=Callback::new(move |v: Option<f64>| set_target(id, v))
                    />
                    {percent.then_some(" %")}
                </span>
            }
            .into_any()
        } else {
            let target = move || {
                with_row(store.projection, id, |r| r.target)
                    .flatten()
                    .map(|t| {
                        format!(
                            "{comparison} {}",
                            kpi_value(lang.get(), store.currency.get(), unit, t)
                        )
                    })
            };
            view! { <span class="target">{target}</span> }.into_any()
        };
        // The month cells are written by hand (see `patch_month_cells`).
        let row = NodeRef::<leptos::html::Tr>::new();
        let written = StoredValue::new_local(Written::default());
        Effect::new(move |_| {
            let lang_now = lang.get();
            let currency = store.currency.get();
            let labels = months.get();
            let unstable = store.projection.with(|p| {
                p.ready()
                    .map(|p| unstable_months(p, id))
                    .unwrap_or_default()
            });
            let cells = with_row(store.projection, id, |row| {
                row.values
                    .iter()
                    .zip(&row.statuses)
                    .enumerate()
                    .map(|(month, (v, s))| MonthCell {
                        text: match v {
                            Some(v) => kpi_value(lang_now, currency, unit, *v),
                            None if unstable.get(month) == Some(&true) => {
                                text(lang_now, Key::MonthUnstable).to_string()
                            }
                            None => "—".to_string(),
                        },
                        status: *s,
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
            if let Some(row) = row.get() {
                written.update_value(|w| patch_month_cells(&row, &labels, &cells, lang_now, w));
            }
        });
        view! {
            <tr node_ref=row data-kpi=id.as_str() class:input-kpi=is_input>
                <td class="perspective">{move || text(lang.get(), perspective_key(info.perspective))}</td>
                <th scope="row">
                    {move || text(lang.get(), kpi_name(id))}
                    {is_input.then(|| view! { <span class="input-mark">{move || text(lang.get(), Key::InputMark)}</span> })}
                    {is_assumption.then(|| view! { <span class="input-mark assumption">{move || text(lang.get(), Key::AssumptionMark)}</span> })}
                </th>
                <td>{target_cell}</td>
            </tr>
        }
    };
    view! {
        <section class="panel table-panel">
            <h2>{move || text(lang.get(), Key::NavScorecard)}</h2>
            <div class="table-scroll" tabindex="0">
                <table class="scorecard" data-testid="scorecard-table" data-settled=move || store.projection_settled.get().to_string()>
                    <thead>
                        <tr>
                            <th scope="col" class="perspective">{move || text(lang.get(), Key::Perspective)}</th>
                            <th scope="col" class="kpi-heading">{move || text(lang.get(), Key::Kpi)}</th>
                            <th scope="col">{move || text(lang.get(), Key::Target)}</th>
                            {move || months.get().into_iter().map(|m| view! { <th scope="col">{m}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {KpiId::ALL.into_iter().map(row_view).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
