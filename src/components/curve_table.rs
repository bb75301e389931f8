//! The staffing curve as a table — the classic agents table of Erlang
//! calculators, and the chart's text alternative: for each number of agents
//! around the requirement, P(wait), service level, ASA, occupancy and (Erlang
//! A) abandonment, with the chosen row and the first row meeting each target
//! marked.

use leptos::prelude::*;

use crate::i18n::{limit_text, percent, seconds, text, Key};
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
                    if !firsts.is_empty() {
                        notes.push(format!("{} {}", text(lang, Key::FirstMeeting), firsts.join(", ")));
                    }
                    view! {
                        <tr class:chosen=chosen class:first-meeting=!firsts.is_empty() data-agents=agents>
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
    view! {
        <details class="day-table curve-table" data-testid="curve-table">
            <summary>{move || text(lang.get(), Key::CurveTable)}</summary>
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{move || text(lang.get(), Key::AxisAgents)}</th>
                            <th scope="col">{move || text(lang.get(), Key::PWait)}</th>
                            <th scope="col">{move || text(lang.get(), Key::ServiceLevel)}</th>
                            <th scope="col">{move || text(lang.get(), Key::Asa)}</th>
                            <th scope="col">{move || text(lang.get(), Key::Occupancy)}</th>
                            {move || is_a().then(|| view! { <th scope="col">{text(lang.get(), Key::Abandon)}</th> })}
                            <th scope="col"></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </details>
    }
}
