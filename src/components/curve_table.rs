//! The staffing curve as a table — the classic agents table of Erlang
//! calculators, and the chart's text alternative: for each number of agents
//! around the requirement, P(wait), service level, ASA, occupancy and (Erlang
//! A) abandonment, with the chosen row and the first row meeting each target
//! marked.

use leptos::prelude::*;

use crate::components::chart_table::ChartTable;
use crate::format::percent;
use crate::i18n::{limit_text, seconds, text, unstable_row_text, Key};
use crate::model::staffing::ModelChoice;
use crate::store::use_store;

#[component]
pub fn CurveTable() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let is_a = move || store.staffing.with(|i| i.model == ModelChoice::ErlangA);
    let rows = move || {
        let lang = lang.get();
        let abandon = is_a();
        store.outcome.with(|o| {
            let Ok(result) = &o.interval else {
                return Vec::new();
            };
            o.curve
                .iter()
                .map(|point| {
                    let agents = point.agents;
                    let chosen = f64::from(agents) == result.agents;
                    // The targets whose own requirement is this row.
                    let firsts = result
                        .by_limit
                        .iter()
                        .filter(|l| l.agents == agents)
                        .map(|l| limit_text(lang, l.limit, &result.targets))
                        .collect::<Vec<_>>();
                    let dash = || "—".to_string();
                    let m = point.metrics;
                    let mut notes = Vec::new();
                    if chosen {
                        notes.push(text(lang, Key::Chosen).to_string());
                    }
                    // Issue 25, item 12: a row of "—" says why.
                    if m.is_none() {
                        notes.push(unstable_row_text(lang, agents, result.traffic));
                    }
                    if !firsts.is_empty() {
                        notes.push(format!("{} {}", text(lang, Key::FirstMeeting), firsts.join(", ")));
                    }
                    view! {
                        <tr class:chosen=chosen class:first-meeting=!firsts.is_empty() class:unstable=m.is_none() data-agents=agents>
                            <th scope="row">{agents}</th>
                            <td>{m.map_or_else(dash, |m| percent(m.p_wait))}</td>
                            <td>{m.map_or_else(dash, |m| percent(m.service_level))}</td>
                            <td>{m.map_or_else(dash, |m| seconds(lang, m.asa_s))}</td>
                            <td>{m.map_or_else(dash, |m| percent(m.occupancy))}</td>
                            {abandon.then(|| view! { <td>{m.map_or_else(dash, |m| percent(m.p_abandon))}</td> })}
                            <td class="note-cell">{notes.join(" · ")}</td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    // A memo: the header is written again only when the model changes, not on every input.
    let columns = Memo::new(move |_| {
        let mut keys = vec![
            Some(Key::AxisAgents),
            Some(Key::PWait),
            Some(Key::ServiceLevel),
            Some(Key::Asa),
            Some(Key::Occupancy),
        ];
        if is_a() {
            keys.push(Some(Key::Abandon));
        }
        keys.push(None);
        keys
    });
    view! {
        <ChartTable test_id="curve-table" title=Key::CurveTable columns=Signal::from(columns) rows=rows class="curve-table" />
    }
}
