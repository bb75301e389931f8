//! The balanced scorecard as a table: one row per KPI, grouped by
//! perspective, with its editable target and a value and status per month.
//! Status is a word-symbol as well as a colour; entered KPIs are marked.

use ccplan_engine::scorecard::{kpi, Direction, KpiId, KpiRow, Perspective, Source, Status, Unit};

use crate::model::scorecard::Projection;
use crate::model::staffing::Problem;
use leptos::prelude::*;

use crate::components::kpi_entry::KpiEntry;
use crate::i18n::{kpi_name, kpi_value, month_labels, text, Key};
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

fn status_view(status: Option<Status>, lang: crate::i18n::Lang) -> Option<impl IntoView> {
    status.map(|s| {
        let (class, symbol, key) = match s {
            Status::Green => ("rag green", "●", Key::Green),
            Status::Amber => ("rag amber", "▲", Key::Amber),
            Status::Red => ("rag red", "■", Key::Red),
        };
        view! { <span class=class title=text(lang, key) aria-label=text(lang, key)>{symbol}</span> }
    })
}

/// `read` applied to the row of `id` in the current projection, in place.
fn with_row<T>(
    projection: Memo<Result<Projection, Problem>>,
    id: KpiId,
    read: impl FnOnce(&KpiRow) -> T,
) -> Option<T> {
    projection.with(|p| {
        p.as_ref()
            .ok()
            .and_then(|p| p.rows.iter().find(|r| r.kpi == id))
            .map(read)
    })
}

#[component]
pub fn ScorecardTable() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let months = move || {
        store.projection.with(|p| {
            p.as_ref()
                .map(|p| month_labels(&p.plan))
                .unwrap_or_default()
        })
    };
    let set_target = move |id: KpiId, value: Option<f64>| match (id, value) {
        (KpiId::ServiceLevel, Some(v)) => store.staffing.update(|s| s.set_sl_target_share(v)),
        // The service level always has a target: an empty box keeps it.
        (KpiId::ServiceLevel, None) => {}
        (id, Some(v)) => store.scorecard.update(|s| {
            s.targets.insert(id, v);
        }),
        (id, None) => store.scorecard.update(|s| {
            s.targets.remove(&id);
        }),
    };
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
                kpi_spec(kpi_name(id), percent, true)
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
        let cells = move || {
            let lang_now = lang.get();
            let month_labels = months();
            with_row(store.projection, id, |row| {
                row.values
                    .iter()
                    .zip(&row.statuses)
                    .zip(month_labels)
                    .map(|((v, s), m)| {
                        let text_value = v.map_or("—".to_string(), |v| {
                            kpi_value(lang_now, store.currency.get(), unit, v)
                        });
                        let class = match s {
                            Some(Status::Green) => "cell green",
                            Some(Status::Amber) => "cell amber",
                            Some(Status::Red) => "cell red",
                            None => "cell",
                        };
                        view! {
                            <td data-month=m class=class>
                                {text_value}" "{status_view(*s, lang_now)}
                            </td>
                        }
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
        };
        view! {
            <tr data-kpi=id.as_str() class:input-kpi=is_input>
                <td class="perspective">{move || text(lang.get(), perspective_key(info.perspective))}</td>
                <th scope="row">
                    {move || text(lang.get(), kpi_name(id))}
                    {is_input.then(|| view! { <span class="input-mark">{move || text(lang.get(), Key::InputMark)}</span> })}
                    {is_assumption.then(|| view! { <span class="input-mark assumption">{move || text(lang.get(), Key::AssumptionMark)}</span> })}
                </th>
                <td>{target_cell}</td>
                {cells}
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
                            {move || months().into_iter().map(|m| view! { <th scope="col">{m}</th> }).collect_view()}
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
