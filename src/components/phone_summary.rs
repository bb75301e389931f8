//! On a phone the results sit far below the sliders, so a slim bar with the
//! four figures a manager watches (agents, service level, ASA, cost) stays at
//! the top of the screen while the inputs are dragged. Hidden on wider
//! screens, where the results are beside the inputs.

use leptos::prelude::*;

use crate::format::{grouped, money, percent, Currency};
use crate::i18n::{seconds, text, Key, Lang};
use crate::model::staffing::IntervalResult;
use crate::store::use_store;

#[component]
pub fn PhoneSummary() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let result = move || store.outcome.with(|o| o.interval.clone().ok());
    let reverse = move || store.staffing.with(|i| i.reverse);
    // The label is read when shown: the agents' changes with reverse mode.
    let figure = move |label: fn(bool) -> Key,
                       test_id: &'static str,
                       show: fn(&IntervalResult, Lang, Currency) -> String| {
        view! {
            <div>
                <span class="label">{move || text(lang.get(), label(reverse()))}</span>
                <span class="value" data-testid=test_id>
                    {move || result().map_or("—".to_string(), |r| show(&r, lang.get(), store.currency.get()))}
                </span>
            </div>
        }
    };
    view! {
        <div class="phone-summary" data-testid="phone-summary" aria-hidden="true">
            // In reverse mode the figures are for the user's agents: the
            // bar names them so rather than calling them the requirement.
            {figure(|reverse| if reverse { Key::AgentsOnPhones } else { Key::RequiredAgents }, "phone-agents", |r, _, _| grouped(r.agents, 0))}
            {figure(|_| Key::ServiceLevel, "phone-sl", |r, _, _| r.metrics.map_or("—".into(), |m| percent(m.service_level)))}
            {figure(|_| Key::Asa, "phone-asa", |r, l, _| r.metrics.map_or("—".into(), |m| seconds(l, m.asa_s)))}
            {figure(|_| Key::Cost, "phone-cost", |r, _, c| money(c, r.cost, 2))}
        </div>
    }
}
