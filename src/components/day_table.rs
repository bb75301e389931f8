//! The day as a table: each interval's start, contacts, agents and service
//! level — the intraday chart's text alternative. The row the calculator
//! shows is marked; a click on a row (or its button) shows that interval in
//! the calculator.

use leptos::prelude::*;

use crate::components::chart_table::ChartTable;
use crate::format::{grouped, percent};
use crate::i18n::{text, Key};
use crate::store::use_store;

#[component]
pub fn DayTable() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let rows = move || {
        let lang = lang.get();
        let used = store.staffing.with(|s| s.calculator_index());
        store.outcome.with(|o| {
            let Some(day) = o.day.ready() else {
                return Vec::new();
            };
            day.intervals
                .iter()
                .enumerate()
                .map(|(index, row)| {
                    let start = store.staffing.with(|s| s.interval_label(index));
                    let sl = row.metrics.map_or("—".to_string(), |m| percent(m.service_level));
                    let label = format!("{} {start}", text(lang, Key::UseInterval));
                    view! {
                        // A click anywhere on the row shows it in the calculator (the button is its keyboard way).
                        <tr class:used=used == index aria-current=(used == index).then_some("true")
                            on:click=move |_| store.use_interval(index)>
                            <th scope="row">{start}</th>
                            <td>{grouped(row.volume, 0)}</td>
                            <td>{grouped(row.agents, 0)}</td>
                            <td>{sl}</td>
                            <td>
                                <button type="button" class="secondary small" data-testid="use-interval" data-index=index
                                    aria-label=label on:click=move |_| store.use_interval(index)>
                                    {text(lang, Key::UseIntervalShort)}
                                </button>
                            </td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let columns = Signal::derive(|| {
        vec![
            Some(Key::AxisTime),
            Some(Key::AxisContacts),
            Some(Key::AxisAgents),
            Some(Key::ServiceLevel),
            None,
        ]
    });
    view! {
        <ChartTable test_id="day-table" title=Key::DayTable columns=columns rows=rows />
    }
}
