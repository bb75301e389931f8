//! A week's boxes: each weekday's volume as % of the staffing page's day,
//! shown only while a week is scheduled.

use leptos::prelude::*;

use crate::components::flag_message::FlagMessage;
use crate::format::fixed;
use crate::i18n::{text, weekday_name, Key};
use crate::model::number::parse_number;
use crate::store::use_store;
use ccplan_engine::schedule::WEEK_DAYS;

/// `bad`: the weekdays whose box holds text that is not a volume.
#[component]
pub fn WeekDays(bad: RwSignal<Vec<usize>>) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let settings = store.schedule.settings;
    let week_on = move || settings.with(|x| x.week_pct.is_some());
    let day_box = move |d: usize| {
        let lang = lang.get();
        let shown = move || {
            settings.with(|x| {
                x.week_pct
                    .map(|w| fixed(w[d], if w[d].fract() == 0.0 { 0 } else { 1 }))
                    .unwrap_or_default()
            })
        };
        let is_bad = move || bad.with(|b| b.contains(&d));
        let commit = move |typed: String| {
            let taken = parse_number(&typed).is_ok_and(|v| store.set_week_day_pct(d, v));
            bad.update(|b| {
                b.retain(|x| *x != d);
                if !taken {
                    b.push(d);
                }
            });
        };
        view! {
            <label>
                <span>{weekday_name(lang, d)}</span>
                <input type="text" inputmode="decimal" data-testid=format!("week-pct-{d}") class:invalid=is_bad
                    aria-label=format!("{} %", weekday_name(lang, d))
                    prop:value=shown on:change=move |ev| commit(event_target_value(&ev)) />
            </label>
        }
    };
    view! {
        {move || week_on().then(|| view! { <p class="help">{text(lang.get(), Key::WeekPctHelp)}</p> })}
        <div class="week-days">{move || week_on().then(|| (0..WEEK_DAYS).map(day_box).collect_view())}</div>
        <FlagMessage when=Signal::derive(move || bad.with(|b| !b.is_empty())) class="message error" role="alert" test_id="week-bad" key=Key::WeekPctBad />
    }
}
