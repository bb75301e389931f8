//! The schedule page's first panel: what is scheduled (the staffing page's
//! day, or a week made of it), the shift templates and the headcount cap.

use leptos::prelude::*;

use super::cap_box::CapBox;
use super::week_days::WeekDays;
use crate::components::shift_editor::ShiftEditor;
use crate::format::{fixed, grouped};
use crate::i18n::{minutes_text, open_days_text, text, Key};
use crate::model::staffing::clock;
use crate::store::{use_store, Store};

#[component]
pub fn ScheduleSetup(shown_day: RwSignal<usize>) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    // Weekday boxes holding text that is not a volume.
    let week_bad = RwSignal::new(Vec::<usize>::new());
    let week_on = move || store.schedule.settings.with(|x| x.week_pct.is_some());
    let set_span = move |value: String| {
        week_bad.set(Vec::new());
        store.schedule_week(value == "week");
        shown_day.set(0);
    };
    view! {
        <section class="panel">
            <h2>{move || text(lang.get(), if week_on() { Key::ScheduleTitleWeek } else { Key::ScheduleTitle })}</h2>
            <p class="help">{move || text(lang.get(), if week_on() { Key::ScheduleHelpWeek } else { Key::ScheduleHelp })}</p>
            <p data-testid="schedule-day">{move || day_line(store)}</p>
            <label class="span-choice">
                <span>{move || text(lang.get(), Key::ScheduleSpan)}</span>
                <select data-testid="schedule-span" on:change=move |ev| set_span(event_target_value(&ev))>
                    <option value="day" selected=move || !week_on()>{move || text(lang.get(), Key::ScheduleOneDay)}</option>
                    <option value="week" selected=week_on>{move || text(lang.get(), Key::ScheduleAWeek)}</option>
                </select>
            </label>
            <WeekDays bad=week_bad />
            <ShiftEditor />
            <CapBox />
        </section>
    }
}

/// The requirement scheduled: its days, intervals, start, peak and
/// agent-hours after shrinkage.
fn day_line(store: Store) -> Option<String> {
    let lang = store.lang.get();
    store.schedule.outcome.with(|o| {
        let (inputs, _, o) = o.as_ref()?;
        let (peak, hours) = (o.peak(), o.required_hours());
        // A week counts its open days (closed ones need no one).
        let days = if o.days > 1 {
            format!(
                "{} {} ×",
                text(lang, Key::ScheduleWeekIs),
                open_days_text(lang, o.open_days())
            )
        } else {
            text(lang, Key::ScheduleDayIs).to_string()
        };
        Some(format!(
            "{days} {} × {} {} {} · {} {} ({} {} %) · {} {}",
            o.day_intervals(),
            minutes_text(lang, o.interval_min),
            text(lang, Key::ScheduleFrom),
            clock(o.day_start_min),
            text(lang, Key::SchedulePeak),
            peak,
            text(lang, Key::ScheduleAfterShrinkage),
            fixed(inputs.shrinkage_pct, 0),
            grouped(hours, 1),
            text(lang, Key::ScheduleAgentHours),
        ))
    })
}
