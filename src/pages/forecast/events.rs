//! Known events: a day (and optionally an interval) with an uplift in %
//! or added contacts, and the events so far, each to remove.

use leptos::prelude::*;

use crate::components::flag_message::FlagMessage;
use crate::components::removable_chip::RemovableChip;
use crate::components::text_entry::TextEntry;
use crate::i18n::{text, Key};
use crate::model::forecast::{event_place, EventPlace, KnownEvent};
use crate::model::number::parse_number;
use crate::model::staffing::{clock, parse_start};
use crate::store::use_store;
use ccplan_engine::history::Date;

#[component]
pub fn Events() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let [date, start, uplift, added] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let bad = RwSignal::new(false);
    // The history's interval starts, first and last, when an event was
    // refused for a time that is not one of them.
    let outside = RwSignal::new(None::<(u32, u32)>);
    // Where an event falls on the forecast's day (None: no history read yet).
    let place = move |start_min: Option<u32>| {
        store.forecast.outcome.with_untracked(|o| {
            let o = o.as_ref().filter(|o| o.width > 0)?;
            let last = o.day_start_min + (o.width as u32 - 1) * o.interval_min;
            Some((
                event_place(start_min, o.interval_min, o.day_start_min, o.width),
                (o.day_start_min, last),
            ))
        })
    };
    let add = move || {
        // A blank number is no change; a blank start, the whole day.
        let number = |t: String| {
            if t.trim().is_empty() {
                Some(0.0)
            } else {
                parse_number(&t).ok()
            }
        };
        let typed_start = start.get_untracked();
        let start_min = if typed_start.trim().is_empty() {
            Some(None)
        } else {
            parse_start(&typed_start).map(|m| Some(m as u32))
        };
        let event = match (
            Date::parse(&date.get_untracked()),
            start_min,
            number(uplift.get_untracked()),
            number(added.get_untracked()),
        ) {
            (Some(date), Some(start_min), Some(uplift_pct), Some(added)) => Some(KnownEvent {
                date,
                start_min,
                uplift_pct,
                added,
            }),
            _ => None,
        };
        // An interval the history's day does not have: refused, never the whole day.
        if let Some((EventPlace::Outside, hours)) = event.as_ref().and_then(|e| place(e.start_min))
        {
            bad.set(false);
            outside.set(Some(hours));
            return;
        }
        outside.set(None);
        if event.is_some_and(|e| store.add_event(e)) {
            bad.set(false);
            uplift.set(String::new());
            added.set(String::new());
        } else {
            bad.set(true);
        }
    };
    let events = move || {
        let lang = lang.get();
        store.forecast.settings.with(|s| s.events.clone()).into_iter().enumerate().map(|(i, e)| {
            let mut when = match e.start_min {
                Some(m) => format!("{} {}", e.date, clock(m)),
                None => e.date.to_string(),
            };
            // A history read since may not have the event's interval.
            let placed = store.forecast.outcome.with(|o| {
                o.as_ref().filter(|o| o.width > 0).map(|o| event_place(e.start_min, o.interval_min, o.day_start_min, o.width))
            });
            if placed == Some(EventPlace::Outside) {
                when = format!("{when} ({})", text(lang, Key::EventNotApplied));
            }
            let what = match (e.uplift_pct != 0.0, e.added != 0.0) {
                (true, true) => format!("{:+} %, {:+}", e.uplift_pct, e.added),
                (true, false) => format!("{:+} %", e.uplift_pct),
                _ => format!("{:+} {}", e.added, text(lang, Key::ContactsWord)),
            };
            view! {
                <RemovableChip test_id="forecast-event" label=format!("{when}: {what}") remove_label=text(lang, Key::RemoveEvent).to_string()
                    on_remove=Callback::new(move |()| store.remove_event(i)) />
            }
        }).collect_view()
    };
    view! {
        <h2>{move || text(lang.get(), Key::EventsTitle)}</h2>
        <p class="help">{move || text(lang.get(), Key::EventsHelp)}</p>
        <div class="answer-row">
            <TextEntry label=Key::ColDate test_id="event-date" value=date placeholder="2003-10-06" />
            <TextEntry label=Key::EventInterval test_id="event-start" value=start placeholder="09:00" />
            <TextEntry label=Key::EventUplift test_id="event-uplift" value=uplift inputmode="decimal" />
            <TextEntry label=Key::EventAdded test_id="event-added" value=added inputmode="decimal" />
            <button type="button" data-testid="event-add" on:click=move |_| add()>{move || text(lang.get(), Key::AddEvent)}</button>
        </div>
        <FlagMessage when=bad class="message error" role="alert" test_id="event-bad" key=Key::EventBad />
        {move || outside.get().map(|(first, last)| view! {
            <p class="message error" role="alert" data-testid="event-outside">
                {move || {
                    let lang = lang.get();
                    let (gap, stop) = if lang == crate::i18n::Lang::Zh { ("", "。") } else { (" ", ".") };
                    format!("{}{gap}{}–{}{stop}", text(lang, Key::EventOutside), clock(first), clock(last))
                }}
            </p>
        })}
        <ul class="chips" data-testid="events">{events}</ul>
    }
}
