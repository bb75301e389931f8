//! Which day of a scheduled week the chart and coverage table show (closed
//! days said so); nothing when one day is scheduled.

use leptos::prelude::*;

use crate::i18n::{text, weekday_name, Key};
use crate::store::use_store;

#[component]
pub fn DayPicker(shown_day: RwSignal<usize>) -> impl IntoView {
    let store = use_store();
    move || {
        let lang = store.lang.get();
        store.schedule.outcome.with(|o| {
            let (_, _, o) = o.as_ref()?;
            (o.days > 1).then(|| {
                let options = (0..o.days)
                    .map(|d| {
                        let closed = o.requirement[o.day_rows(d)].iter().all(|r| *r == 0);
                        let name = if closed {
                            format!("{} ({})", weekday_name(lang, d), text(lang, Key::ScheduleWeekClosed))
                        } else {
                            weekday_name(lang, d).to_string()
                        };
                        view! { <option value=d.to_string() selected=move || shown_day.get() == d>{name}</option> }
                    })
                    .collect_view();
                view! {
                    <label class="show-day">
                        <span>{text(lang, Key::ScheduleShowDay)}</span>
                        <select data-testid="schedule-show-day" on:change=move |ev| shown_day.set(event_target_value(&ev).parse().unwrap_or(0))>
                            {options}
                        </select>
                    </label>
                }
            })
        })
    }
}
