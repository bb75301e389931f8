//! Economies of scale: agents, occupancy, β and P(wait) as the load
//! grows at the scenario's target and handle time, beside the
//! Halfin–Whitt limit; and what pooling ten groups saves.

use leptos::prelude::*;

use crate::format::{fixed, grouped, percent};
use crate::i18n::{agents_text, aht_text, limit_text, text, Key, Lang};
use crate::model::learn::{pooling, scale_table};
use crate::store::use_store;
use ccplan_engine::staffing::{Limit, Targets};

/// Groups pooled, and the load of each, for the pooling line.
const POOLED_GROUPS: u32 = 10;
const POOLED_GROUP_LOAD: f64 = 10.0;

#[component]
pub fn Scale() -> impl IntoView {
    let store = use_store();
    move || {
        let lang = store.lang.get();
        let inputs = store.staffing.get();
        let rows = scale_table(&inputs)
            .into_iter()
            .map(|r| {
                view! {
                    <tr data-traffic=r.traffic>
                        <td>{grouped(r.traffic, 0)}</td>
                        <td>{grouped(f64::from(r.agents), 0)}</td>
                        <td>{percent(r.occupancy)}</td>
                        <td>{format!("{:.2}", r.beta)}</td>
                        <td>{format!("{:.4}", r.p_wait)}</td>
                        <td>{r.p_wait_limit.map_or("—".into(), |p| format!("{p:.4}"))}</td>
                    </tr>
                }
            })
            .collect_view();
        let target = Targets::new(inputs.sl_target_pct / 100.0, inputs.sl_seconds)
            .map(|targets| limit_text(lang, Limit::ServiceLevel, &targets))
            .unwrap_or_default();
        let basis = format!(
            "Erlang C · {target} · {}",
            aht_text(lang, &fixed(inputs.aht_s, 1))
        );
        let pooled = pooling(&inputs, POOLED_GROUPS, POOLED_GROUP_LOAD).map(|p| {
            format!(
                "{} {} · {} {} ({} %)",
                text(lang, Key::LearnPoolingApart),
                agents_text(lang, p.apart),
                text(lang, Key::LearnPoolingTogether),
                agents_text(lang, p.pooled),
                fixed(p.change * 100.0, 1),
            )
        });
        view! {
            <p class="help" data-testid="scale-basis">{basis}</p>
            <div class="table-scroll" tabindex="0">
            <table class="learn-table" data-testid="scale-table">
                <caption>{text(lang, Key::LearnScaleCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">"A"</th>
                        <th scope="col">"N"</th>
                        <th scope="col">{text(lang, Key::Occupancy)}</th>
                        <th scope="col">"β"</th>
                        <th scope="col">{match lang { Lang::En => "P(wait)", Lang::Zh => text(lang, Key::PWait) }}</th>
                        <th scope="col">{text(lang, Key::LearnHalfinWhitt)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            </div>
            <p class="help">{text(lang, Key::LearnScaleBody)}</p>
            {pooled.map(|p| view! { <p class="live" data-testid="pooling">{p}</p> })}
        }
    }
}
