//! The forecast days: date, weekday, contacts with their interval, the
//! forecast error, events, and a button to show a day interval by interval.

use leptos::prelude::*;

use crate::format::{fixed, grouped, percent};
use crate::i18n::{text, weekday_name, Key};
use crate::store::use_store;

#[component]
pub fn DaysTable() -> impl IntoView {
    let store = use_store();
    let f = store.forecast;
    move || {
        let r = store.with_forecast(|_, r| Some(r.clone()))?;
        let lang = store.lang.get();
        let level = f.settings.with(|s| s.level_pct) / 100.0;
        let rows = r.days.iter().enumerate().map(|(i, d)| {
            let chosen = move || f.chosen_day.get() == i;
            view! {
                <tr class:chosen=chosen data-testid="forecast-day">
                    <td>{d.date.to_string()}</td>
                    <td>{weekday_name(lang, d.date.weekday())}</td>
                    <td class="num">{grouped(d.mean, 0)}</td>
                    <td class="num">{format!("{} – {}", grouped(d.lower, 0), grouped(d.upper, 0))}</td>
                    <td class="num">{percent(d.cv(level))}</td>
                    <td>{if d.event { text(lang, Key::EventMark) } else { "" }}</td>
                    <td><button type="button" class="link-button" data-testid="forecast-day-show" aria-pressed=move || chosen().to_string()
                        on:click=move |_| store.show_forecast_day(i)>{text(lang, Key::ShowDay)}</button></td>
                </tr>
            }
        }).collect_view();
        Some(view! {
            <div class="table-scroll" tabindex="0">
                <table class="learn-table" data-testid="forecast-days">
                    <thead><tr>
                        <th>{text(lang, Key::ColDate)}</th><th>{text(lang, Key::ColWeekday)}</th>
                        <th>{text(lang, Key::ColContacts)}</th><th>{format!("{} {} %", text(lang, Key::ColInterval), fixed(level * 100.0, 0))}</th>
                        <th>{text(lang, Key::ColCv)}</th><th>{text(lang, Key::ColEvent)}</th><th></th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })
    }
}
