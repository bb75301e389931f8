//! Who starts when: one row per shift variant worked (its days in a week),
//! with its agents and their paid hours.

use leptos::prelude::*;

use crate::format::grouped;
use crate::i18n::{shift_name, text, weekday_name, Key};
use crate::model::staffing::clock;
use crate::store::use_store;

#[component]
pub fn ShiftTable() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let week_on = move || store.schedule.settings.with(|x| x.week_pct.is_some());
    let rows = move || {
        let lang = lang.get();
        store.with_solved(|_, r| {
            Some(r.rows.iter().map(|row| view! {
                <tr data-testid="schedule-row">
                    <td>{shift_name(lang, &row.shift)}</td>
                    {(!row.days.is_empty()).then(|| view! { <td data-testid="schedule-row-days">{row.days.iter().map(|d| weekday_name(lang, *d)).collect::<Vec<_>>().join(" ")}</td> })}
                    <td>{clock(row.start_min)}</td>
                    <td>{clock(row.end_min)}</td>
                    <td>{row.break_start_min.map_or_else(|| "—".to_string(), clock)}</td>
                    <td>{row.agents}</td>
                    <td>{grouped(row.total_paid_hours(), 1)}</td>
                </tr>
            }).collect_view())
        })
    };
    view! {
        <h3>{move || text(lang.get(), Key::ScheduleShiftsTitle)}</h3>
        <div class="table-scroll" tabindex="0">
            <table class="learn-table" data-testid="schedule-table">
                <thead><tr>
                    <th>{move || text(lang.get(), Key::ColShift)}</th>
                    {move || week_on().then(|| view! { <th>{text(lang.get(), Key::ColDays)}</th> })}
                    <th>{move || text(lang.get(), Key::ColStart)}</th>
                    <th>{move || text(lang.get(), Key::ColEnd)}</th><th>{move || text(lang.get(), Key::ColBreak)}</th>
                    <th>{move || text(lang.get(), Key::ColAgentsCount)}</th><th>{move || text(lang.get(), Key::PaidHours)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
