//! The schedule page's shift templates: one card per template with its
//! name, start window, length, break and cap; add and remove. A value is
//! committed when the box is left (or Enter), so a solve does not start
//! per keystroke; a value that cannot be used stays in its box, marked,
//! with a message, and the template keeps its last good value.

use leptos::prelude::*;

use crate::components::check_box::CheckBox;
use crate::format::fixed;
use crate::i18n::{shift_name, text, weekday_name, Key};
use crate::model::limits::{MAX_BREAK_MIN, MAX_HEADS, MAX_SHIFT_NAME_CHARS, MINUTES_PER_DAY};
use crate::model::number::parse_number;
use crate::model::schedule::{ShiftInput, MAX_SHIFTS};
use crate::model::staffing::clock;
use crate::model::staffing::parse_start;
use crate::store::use_store;
use ccplan_engine::schedule::WEEK_DAYS;

/// How a box reads and writes one number of a template.
#[derive(Clone, Copy)]
enum Part {
    Earliest,
    Latest,
    Step,
    LengthHours,
    BreakMinutes,
    BreakFromHours,
    BreakToHours,
    MaxHeads,
    DaysPerAgent,
}

impl Part {
    fn label(self) -> Key {
        match self {
            Part::Earliest => Key::ShiftEarliest,
            Part::Latest => Key::ShiftLatest,
            Part::Step => Key::ShiftStep,
            Part::LengthHours => Key::ShiftLength,
            Part::BreakMinutes => Key::ShiftBreak,
            Part::BreakFromHours => Key::ShiftBreakFrom,
            Part::BreakToHours => Key::ShiftBreakTo,
            Part::MaxHeads => Key::ShiftMaxHeads,
            Part::DaysPerAgent => Key::ShiftDaysPerAgent,
        }
    }

    fn test_id(self) -> &'static str {
        match self {
            Part::Earliest => "shift-earliest",
            Part::Latest => "shift-latest",
            Part::Step => "shift-step",
            Part::LengthHours => "shift-length",
            Part::BreakMinutes => "shift-break",
            Part::BreakFromHours => "shift-break-from",
            Part::BreakToHours => "shift-break-to",
            Part::MaxHeads => "shift-max",
            Part::DaysPerAgent => "shift-days-per-agent",
        }
    }

    fn show(self, s: &ShiftInput) -> String {
        let hours = |m: u32| {
            fixed(f64::from(m) / 60.0, if m % 60 == 0 { 0 } else { 2 })
                .trim_end_matches('0')
                .trim_end_matches('.')
                .to_string()
        };
        match self {
            Part::Earliest => clock(s.earliest_start_min),
            Part::Latest => clock(s.latest_start_min),
            Part::Step => s.start_step_min.to_string(),
            Part::LengthHours => hours(s.length_min),
            Part::BreakMinutes => s.break_min.to_string(),
            Part::BreakFromHours => hours(s.break_earliest_after_min),
            Part::BreakToHours => hours(s.break_latest_after_min),
            Part::MaxHeads => {
                if s.max_heads == 0 {
                    String::new()
                } else {
                    s.max_heads.to_string()
                }
            }
            Part::DaysPerAgent => s.days_per_agent.to_string(),
        }
    }

    /// Writes `typed` into `s`; false when it is not a value of this part.
    fn set(self, s: &mut ShiftInput, typed: &str) -> bool {
        let minutes_of_hours = |t: &str| {
            parse_number(t)
                .ok()
                .filter(|h| (0.0..=f64::from(MINUTES_PER_DAY) / 60.0).contains(h))
                .map(|h| (h * 60.0).round() as u32)
        };
        let whole = |t: &str, max: f64| {
            parse_number(t)
                .ok()
                .filter(|v| v.fract() == 0.0 && (0.0..=max).contains(v))
                .map(|v| v as u32)
        };
        let value = match self {
            Part::Earliest | Part::Latest => parse_start(typed).map(|m| m as u32),
            Part::Step => whole(typed, f64::from(MINUTES_PER_DAY)).filter(|v| *v > 0),
            Part::LengthHours => minutes_of_hours(typed).filter(|v| *v > 0),
            Part::BreakMinutes => whole(typed, f64::from(MAX_BREAK_MIN)),
            Part::BreakFromHours | Part::BreakToHours => minutes_of_hours(typed),
            Part::MaxHeads if typed.trim().is_empty() => Some(0),
            Part::MaxHeads => whole(typed, f64::from(MAX_HEADS)),
            Part::DaysPerAgent => whole(typed, WEEK_DAYS as f64),
        };
        let Some(v) = value else { return false };
        match self {
            Part::Earliest => s.earliest_start_min = v,
            Part::Latest => s.latest_start_min = v,
            Part::Step => s.start_step_min = v,
            Part::LengthHours => s.length_min = v,
            Part::BreakMinutes => s.break_min = v,
            Part::BreakFromHours => s.break_earliest_after_min = v,
            Part::BreakToHours => s.break_latest_after_min = v,
            Part::MaxHeads => s.max_heads = v,
            Part::DaysPerAgent => s.days_per_agent = v,
        }
        true
    }
}

/// The boxes of a card; the last ones only when a week is scheduled.
const PARTS: [Part; 9] = [
    Part::Earliest,
    Part::Latest,
    Part::Step,
    Part::LengthHours,
    Part::BreakMinutes,
    Part::BreakFromHours,
    Part::BreakToHours,
    Part::MaxHeads,
    Part::DaysPerAgent,
];

/// Boxes shown for one day: all but the week's.
const DAY_PARTS: usize = 8;

#[component]
pub fn ShiftEditor() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let settings = store.schedule.settings;
    // Boxes holding text that is not a value: (template, part index).
    let bad = RwSignal::new(Vec::<(usize, usize)>::new());
    let count = move || settings.with(|s| s.shifts.len());
    let week = move || settings.with(|s| s.week_pct.is_some());

    let card = move |index: usize| {
        let boxes = PARTS
            .iter()
            .enumerate()
            .map(|(p, part)| {
                let part = *part;
                let is_bad = move || bad.with(|b| b.contains(&(index, p)));
                let shown = move || settings.with(|s| s.shifts.get(index).map(|t| part.show(t)).unwrap_or_default());
                let commit = move |typed: String| {
                    // Only a usable, changed value touches the settings: the
                    // box keeps what was typed otherwise.
                    let mut ok = false;
                    store.edit_shift(index, |t| {
                        let mut edited = t.clone();
                        ok = part.set(&mut edited, &typed);
                        if ok {
                            *t = edited;
                        }
                    });
                    bad.update(|b| {
                        b.retain(|x| *x != (index, p));
                        if !ok {
                            b.push((index, p));
                        }
                    });
                };
                let hidden = move || p >= DAY_PARTS && !week();
                view! {
                    <label class="shift-field" class:hidden=hidden>
                        <span>{move || text(lang.get(), part.label())}</span>
                        <input type="text" data-testid=part.test_id() class:invalid=is_bad aria-invalid=move || is_bad().to_string()
                            prop:value=shown on:change=move |ev| commit(event_target_value(&ev)) />
                    </label>
                }
            })
            .collect_view();
        // A name made of the length ("8.5 h") shows in the page's language;
        // what is stored changes only when the planner types a name.
        let name = move || {
            settings.with(|s| {
                s.shifts
                    .get(index)
                    .map(|t| shift_name(lang.get(), &t.name))
                    .unwrap_or_default()
            })
        };
        let paid = Signal::derive(move || {
            settings.with(|s| s.shifts.get(index).is_some_and(|t| t.break_paid))
        });
        let set_paid =
            Callback::new(move |on: bool| store.edit_shift(index, |t| t.break_paid = on));
        let days = move || {
            week().then(|| {
                let lang = lang.get();
                let boxes = (0..WEEK_DAYS)
                    .map(|d| {
                        let on = move || settings.with(|s| s.shifts.get(index).is_some_and(|t| t.days[d]));
                        view! {
                            <label class="check day-check">
                                <input type="checkbox" data-testid=format!("shift-day-{d}") prop:checked=on
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        store.edit_shift(index, |t| t.days[d] = on);
                                    } />
                                {weekday_name(lang, d)}
                            </label>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="shift-days" role="group" aria-label=text(lang, Key::ShiftDays)>
                        <span>{text(lang, Key::ShiftDays)}</span>
                        {boxes}
                    </div>
                }
            })
        };
        let row_bad = move || bad.with(|b| b.iter().any(|x| x.0 == index));
        view! {
            <fieldset class="shift-card" data-testid="shift-card">
                <legend>
                    <input type="text" class="shift-name" data-testid="shift-name" maxlength=MAX_SHIFT_NAME_CHARS aria-label=move || text(lang.get(), Key::ShiftName)
                        prop:value=name on:change=move |ev| {
                            let typed = event_target_value(&ev);
                            store.edit_shift(index, |t| t.name = typed.chars().take(MAX_SHIFT_NAME_CHARS).collect());
                        } />
                </legend>
                <div class="shift-fields">
                    {boxes}
                    <CheckBox class="check" test_id="shift-break-paid" checked=paid on_change=set_paid label=Key::ShiftBreakPaid />
                </div>
                {days}
                {move || row_bad().then(|| view! { <p class="message error" role="alert" data-testid="shift-bad">{text(lang.get(), Key::ShiftBad)}</p> })}
                <button type="button" class="link-button" data-testid="shift-remove"
                    on:click=move |_| {
                        store.remove_shift(index);
                        bad.set(Vec::new());
                    }>{move || text(lang.get(), Key::ShiftRemove)}</button>
            </fieldset>
        }
    };

    let full = move || count() >= MAX_SHIFTS;
    view! {
        <div class="shift-editor">
        <h3>{move || text(lang.get(), Key::ShiftsTitle)}</h3>
        <div class="shift-cards">
            {move || (0..count()).map(card).collect_view()}
        </div>
        <button type="button" class="secondary" data-testid="shift-add" disabled=full on:click=move |_| store.add_shift(format!("{} {}", text(lang.get_untracked(), Key::ShiftWord), settings.with_untracked(|s| s.shifts.len()) + 1))>
            {move || text(lang.get(), Key::ShiftAdd)}
        </button>
        </div>
    }
}
