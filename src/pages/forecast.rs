//! The forecast page (`#/forecast`): history in, the daily forecast with
//! its interval and the model that made it, accuracy on held-back days
//! beside the seasonal naive forecast, known events and days left out, and
//! a forecast day interval by interval with the agents it needs — at the
//! forecast and allowing for its uncertainty — ready for the staffing page.

use leptos::prelude::*;

use crate::components::forecast_chart::ForecastChart;
use crate::components::history_import::HistoryImport;
use crate::i18n::{fixed, grouped, percent, text, weekday_name, Key};
use crate::model::forecast::{
    plan_from_forecast, staffing_day, valid_corrected_total, week_from_forecast, ForecastSettings,
    KnownEvent, NeedsRequest, StaffingDay, CV_CHOICES, HOLDOUTS, HORIZONS, LEVELS, MAX_EVENTS,
};
use crate::model::staffing::interval_label;
use crate::store::forecast::PROBABILITY;
use crate::store::{use_store, Route};
use ccplan_engine::forecast::ModelChoice;
use ccplan_engine::history::Date;

fn model_key(choice: ModelChoice) -> Key {
    match choice {
        ModelChoice::Auto => Key::ModelAuto,
        ModelChoice::Ana => Key::ModelAna,
        ModelChoice::Mnm => Key::ModelMnm,
        ModelChoice::Adda => Key::ModelAdda,
    }
}

fn model_code(choice: ModelChoice) -> &'static str {
    match choice {
        ModelChoice::Auto => "auto",
        ModelChoice::Ana => "ana",
        ModelChoice::Mnm => "mnm",
        ModelChoice::Adda => "adda",
    }
}

/// A smoothing parameter to three significant digits: 0.553, 0.0000447
/// (fixed decimals would show a season that barely moves as 0.0000).
fn smoothing(value: f64) -> String {
    if value == 0.0 || !value.is_finite() {
        return fixed(value, 1);
    }
    let decimals = (2 - value.abs().log10().floor() as i32).clamp(0, 12) as usize;
    fixed(value, decimals)
}

/// A select over `options` bound to one setting.
fn setting_select<T: Copy + PartialEq + Send + Sync + 'static>(
    label: Key,
    test_id: &'static str,
    options: Vec<(T, String, Signal<String>)>,
    get: impl Fn(&ForecastSettings) -> T + Copy + Send + Sync + 'static,
    set: impl Fn(&mut ForecastSettings, T) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let store = use_store();
    let f = store.forecast;
    let values: Vec<(T, String)> = options
        .iter()
        .map(|(v, code, _)| (*v, code.clone()))
        .collect();
    let on_change = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev);
        if let Some((v, _)) = values.iter().find(|(_, code)| *code == chosen) {
            f.settings.update(|s| set(s, *v));
        }
    };
    view! {
        <label class="sim-choice">
            <span>{move || text(store.lang.get(), label)}</span>
            <select data-testid=test_id on:change=on_change>
                {options.into_iter().map(|(v, code, shown)| view! {
                    <option value=code selected=move || f.settings.with(|s| get(s) == v)>{move || shown.get()}</option>
                }).collect_view()}
            </select>
        </label>
    }
}

#[component]
pub fn ForecastPage() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let f = store.forecast;
    let result = move || {
        f.outcome
            .with(|o| o.as_ref().and_then(|o| o.result.clone().ok()))
    };
    let has_result = move || {
        f.outcome
            .with(|o| o.as_ref().is_some_and(|o| o.result.is_ok()))
    };

    let words = move |k: Key| Signal::derive(move || text(lang.get(), k).to_string());
    let days_word =
        move |n: u32| Signal::derive(move || format!("{n} {}", text(lang.get(), Key::DaysWord)));
    let settings_row = view! {
        <div class="sim-controls" data-testid="forecast-settings">
            {setting_select(Key::ForecastModel, "forecast-model",
                [ModelChoice::Auto, ModelChoice::Ana, ModelChoice::Mnm, ModelChoice::Adda].into_iter()
                    .map(|m| (m, model_code(m).to_string(), words(model_key(m)))).collect(),
                |s| s.model, |s, v| s.model = v)}
            {setting_select(Key::ForecastHorizon, "forecast-horizon",
                HORIZONS.into_iter().map(|h| (h, h.to_string(), days_word(h))).collect(),
                |s| s.horizon_days, |s, v| s.horizon_days = v)}
            {setting_select(Key::ForecastLevel, "forecast-level",
                LEVELS.into_iter().map(|l| (l as u32, fixed(l, 0), Signal::derive(move || format!("{} %", fixed(l, 0))))).collect(),
                |s| s.level_pct as u32, |s, v| s.level_pct = f64::from(v))}
            {setting_select(Key::ForecastHoldout, "forecast-holdout-days",
                HOLDOUTS.into_iter().map(|h| (h, h.to_string(), if h == 0 { words(Key::HoldoutNone) } else { days_word(h) })).collect(),
                |s| s.holdout_days, |s, v| s.holdout_days = v)}
            {setting_select(Key::ForecastCv, "forecast-cv",
                std::iter::once((0u32, "model".to_string(), words(Key::CvFromModel)))
                    .chain(CV_CHOICES.into_iter().map(|c| (c as u32, fixed(c, 0), Signal::derive(move || format!("{} %", fixed(c, 0))))))
                    .collect(),
                |s| s.cv_pct.map_or(0, |c| c as u32), |s, v| s.cv_pct = (v > 0).then_some(f64::from(v)))}
            {setting_select(Key::ForecastShapeWeeks, "forecast-weeks",
                [2u32, 4, 8].into_iter().map(|w| (w, w.to_string(), Signal::derive(move || format!("{w} {}", text(lang.get(), Key::WeeksWord))))).collect(),
                |s| s.recent_weeks, |s, v| s.recent_weeks = v)}
        </div>
    };

    // Days left out of the fit, or counted at a corrected total.
    let exclude_text = RwSignal::new(String::new());
    let corrected_text = RwSignal::new(String::new());
    let exclude_bad = RwSignal::new(false);
    let add_exclusion = move || {
        let corrected = corrected_text.get_untracked();
        let corrected = if corrected.trim().is_empty() {
            Some(None)
        } else {
            crate::model::number::parse_number(&corrected)
                .ok()
                .filter(|v| valid_corrected_total(*v))
                .map(Some)
        };
        match (Date::parse(&exclude_text.get_untracked()), corrected) {
            (Some(date), Some(corrected)) => {
                exclude_bad.set(false);
                exclude_text.set(String::new());
                corrected_text.set(String::new());
                f.settings.update(|s| {
                    // A day is either left out or corrected, as last asked.
                    s.excluded.retain(|d| *d != date);
                    s.adjusted.retain(|a| a.0 != date);
                    match corrected {
                        None => s.excluded.push(date),
                        Some(total) => s.adjusted.push((date, total)),
                    }
                    s.excluded.sort();
                    s.adjusted.sort_by_key(|a| a.0);
                });
            }
            _ => exclude_bad.set(true),
        }
    };
    let exclusions = move || {
        let (excluded, adjusted) = f
            .settings
            .with(|s| (s.excluded.clone(), s.adjusted.clone()));
        let left_out = excluded.into_iter().map(|date| (date, date.to_string()));
        let corrected = adjusted
            .into_iter()
            .map(|(date, total)| (date, format!("{date} → {}", grouped(total, 0))));
        left_out.chain(corrected).map(|(date, label)| view! {
            <li class="chip" data-testid="exception-day">
                {label}
                <button type="button" class="link-button" aria-label=move || format!("{} {date}", text(lang.get(), Key::PutBack))
                    on:click=move |_| f.settings.update(|s| {
                        s.excluded.retain(|d| *d != date);
                        s.adjusted.retain(|a| a.0 != date);
                    })>"×"</button>
            </li>
        }).collect_view()
    };

    // Known events.
    let event_date = RwSignal::new(String::new());
    let event_start = RwSignal::new(String::new());
    let event_uplift = RwSignal::new(String::new());
    let event_added = RwSignal::new(String::new());
    let event_bad = RwSignal::new(false);
    let add_event = move || {
        let number = |t: String| {
            if t.trim().is_empty() {
                Some(0.0)
            } else {
                crate::model::number::parse_number(&t).ok()
            }
        };
        let start = event_start.get_untracked();
        let start_min = if start.trim().is_empty() {
            Some(None)
        } else {
            crate::model::staffing::parse_start(&start).map(|m| Some(m as u32))
        };
        let event = match (
            Date::parse(&event_date.get_untracked()),
            start_min,
            number(event_uplift.get_untracked()),
            number(event_added.get_untracked()),
        ) {
            (Some(date), Some(start_min), Some(uplift_pct), Some(added)) => Some(KnownEvent {
                date,
                start_min,
                uplift_pct,
                added,
            }),
            _ => None,
        };
        match event.filter(|e| e.is_valid() && (e.uplift_pct != 0.0 || e.added != 0.0)) {
            Some(e) if f.settings.with_untracked(|s| s.events.len() < MAX_EVENTS) => {
                event_bad.set(false);
                f.settings.update(|s| s.events.push(e));
                event_uplift.set(String::new());
                event_added.set(String::new());
            }
            _ => event_bad.set(true),
        }
    };
    let events = move || {
        let lang = lang.get();
        f.settings.with(|s| s.events.clone()).into_iter().enumerate().map(|(i, e)| {
            let when = match e.start_min {
                Some(m) => format!("{} {}", e.date, crate::model::staffing::clock(m)),
                None => e.date.to_string(),
            };
            let what = match (e.uplift_pct != 0.0, e.added != 0.0) {
                (true, true) => format!("{:+} %, {:+}", e.uplift_pct, e.added),
                (true, false) => format!("{:+} %", e.uplift_pct),
                _ => format!("{:+} {}", e.added, text(lang, Key::ContactsWord)),
            };
            view! {
                <li class="chip" data-testid="forecast-event">
                    {format!("{when}: {what}")}
                    <button type="button" class="link-button" aria-label=text(lang, Key::RemoveEvent)
                        on:click=move |_| f.settings.update(|s| { if i < s.events.len() { s.events.remove(i); } })>"×"</button>
                </li>
            }
        }).collect_view()
    };

    let model_line = move || {
        let lang = lang.get();
        result().map(|r| {
            let s = r.smoothing;
            let mut params = format!("α = {}, γ = {}", smoothing(s.alpha), smoothing(s.gamma));
            if r.model == ccplan_engine::ets::EtsModel::AddA {
                params = format!("α = {}, β = {}, γ = {}, φ = {}", smoothing(s.alpha), smoothing(s.beta), smoothing(s.gamma), fixed(s.phi, 3));
            }
            let tried = r.tried.iter().map(|(m, aicc)| match aicc {
                Some(a) => format!("{} {}", m.name(), fixed(*a, 1)),
                None => format!("{} —", m.name()),
            }).collect::<Vec<_>>().join(" · ");
            view! {
                <p data-testid="forecast-model-chosen"><strong>{format!("{} {}", text(lang, Key::ModelChosen), r.model.name())}</strong>{format!(" ({params})")}</p>
                <p class="note" data-testid="forecast-aicc">{format!("{} {tried}", text(lang, Key::AiccOfEach))}</p>
            }
        })
    };
    let holdout_line = move || {
        let lang = lang.get();
        result().and_then(|r| r.holdout).map(|h| {
            let better = h.model.mape < h.naive.mape;
            view! {
                <div class="holdout" data-testid="forecast-holdout">
                    <p>{format!("{} {} — MAPE {}, WAPE {}, {} {:+.1} %", text(lang, Key::HoldoutScore), h.days,
                        percent(h.model.mape), percent(h.model.wape), text(lang, Key::Bias), h.model.bias * 100.0)}</p>
                    <p>{format!("{} MAPE {}, WAPE {}", text(lang, Key::SeasonalNaive), percent(h.naive.mape), percent(h.naive.wape))}</p>
                    <p class=if better { "mark met" } else { "mark not-met" } data-testid="forecast-holdout-verdict">
                        {text(lang, if better { Key::HoldoutBetter } else { Key::HoldoutWorse })}
                    </p>
                </div>
            }
        })
    };

    let days_table = move || {
        let lang = lang.get();
        let level = f.settings.with(|s| s.level_pct) / 100.0;
        result().map(|r| {
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
                            on:click=move |_| f.chosen_day.set(i)>{text(lang, Key::ShowDay)}</button></td>
                    </tr>
                }
            }).collect_view();
            view! {
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
            }
        })
    };

    let day_detail = move || {
        let lang = lang.get();
        let inputs = store.staffing.get();
        f.outcome.with(|o| {
            let o = o.as_ref()?;
            let r = o.result.as_ref().ok()?;
            let day = r.days.get(f.chosen_day.get())?;
            let cv = f.settings.with(|s| s.cv_for(day));
            let wanted = NeedsRequest::new(o, day, inputs.clone(), cv, PROBABILITY);
            // The worker's rows, once they answer this day and these inputs.
            let needs = f.needs.with(|n| n.as_ref().filter(|(r, _)| *r == wanted).map(|(_, rows)| rows.clone()));
            let interval = f64::from(o.interval_min);
            let start = f64::from(o.day_start_min);
            let dash = || "—".to_string();
            let rows = day.intervals.iter().enumerate().map(|(i, contacts)| {
                let need = needs.as_ref().and_then(|rows| rows.get(i));
                let traffic = need.map_or_else(dash, |n| fixed(n.traffic, 2));
                let (point, expected, chance) = need.and_then(|n| n.agents).map_or((dash(), dash(), dash()), |a| {
                    (a.point.agents.to_string(), a.expected.agents.to_string(), a.with_probability.agents.to_string())
                });
                view! {
                    <tr>
                        <td>{interval_label(i, interval, start)}</td>
                        <td class="num">{grouped(*contacts, 1)}</td>
                        <td class="num">{traffic}</td>
                        <td class="num" data-testid="need-point">{point}</td>
                        <td class="num" data-testid="need-expected">{expected}</td>
                        <td class="num" data-testid="need-chance">{chance}</td>
                    </tr>
                }
            }).collect_view();
            let plannable = staffing_day(o, day).is_some();
            let date = day.date.to_string();
            let settled = needs.is_some();
            Some(view! {
                <section class="panel" data-testid="forecast-day-detail">
                    <h2>{format!("{} {date} ({})", text(lang, Key::DayDetailTitle), weekday_name(lang, day.date.weekday()))}</h2>
                    <p class="help">{format!("{} {} · AHT {} s · {} {}/{} s · {} {}",
                        text(lang, Key::DayDetailHelp), percent(cv), fixed(inputs.aht_s, 0),
                        text(lang, Key::SlTargetShort), fixed(inputs.sl_target_pct, 0), fixed(inputs.sl_seconds, 0),
                        text(lang, Key::ChanceWord), percent(PROBABILITY))}</p>
                    {(!settled).then(|| view! { <p class="message">{text(lang, Key::Computing)}</p> })}
                    <div class="table-scroll" tabindex="0">
                        <table class="learn-table" data-testid="forecast-intervals" data-settled=settled.to_string()>
                            <thead><tr>
                                <th>{text(lang, Key::ColStart)}</th><th>{text(lang, Key::ColContacts)}</th><th>{text(lang, Key::Load)}</th>
                                <th>{text(lang, Key::ColPointAgents)}</th><th>{text(lang, Key::ColExpectedAgents)}</th><th>{format!("{} {}", text(lang, Key::ColChanceAgents), percent(PROBABILITY))}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    <div class="button-row">
                        <button type="button" data-testid="forecast-use-day" disabled=!plannable on:click=move |_| use_day(store, Route::Staffing)>{text(lang, Key::UseDayOnStaffing)}</button>
                        <button type="button" class="secondary" data-testid="forecast-schedule-day" disabled=!plannable on:click=move |_| use_day(store, Route::Schedule)>{text(lang, Key::ScheduleThisDay)}</button>
                        <button type="button" class="secondary" data-testid="forecast-schedule-week" on:click=move |_| use_week(store)>{text(lang, Key::ScheduleFirstWeek)}</button>
                        <button type="button" class="secondary" data-testid="forecast-use-plan" on:click=move |_| use_plan(store)>{text(lang, Key::UsePlanOnScorecard)}</button>
                        <button type="button" class="secondary" data-testid="forecast-csv" on:click=move |_| download_csv(store)>{text(lang, Key::DownloadForecastCsv)}</button>
                    </div>
                </section>
            })
        })
    };

    view! {
        <div class="page forecast-page">
            <section class="panel">
                <h1>{move || text(lang.get(), Key::ForecastTitle)}</h1>
                <p class="help">{move || text(lang.get(), Key::ForecastIntro)}</p>
            </section>
            <HistoryImport />
            <section class="panel" data-testid="forecast-panel">
                <h2>{move || text(lang.get(), Key::ForecastResultTitle)}</h2>
                {settings_row}
                {move || has_result().then(|| view! { <ForecastChart /> })}
                {model_line}
                {holdout_line}
                {days_table}
            </section>
            {day_detail}
            <section class="panel forecast-adjust">
                <h2>{move || text(lang.get(), Key::ExcludedTitle)}</h2>
                <p class="help">{move || text(lang.get(), Key::ExcludedHelp)}</p>
                <div class="answer-row">
                    <label>
                        <span>{move || text(lang.get(), Key::ColDate)}</span>
                        <input type="text" placeholder="2003-09-01" data-testid="exclude-date" prop:value=move || exclude_text.get()
                            on:input=move |ev| exclude_text.set(event_target_value(&ev))
                            on:keydown=move |ev| if ev.key() == "Enter" { add_exclusion() } />
                    </label>
                    <label>
                        <span>{move || text(lang.get(), Key::CorrectedTotal)}</span>
                        <input type="text" inputmode="decimal" data-testid="corrected-total" prop:value=move || corrected_text.get()
                            on:input=move |ev| corrected_text.set(event_target_value(&ev))
                            on:keydown=move |ev| if ev.key() == "Enter" { add_exclusion() } />
                    </label>
                    <button type="button" data-testid="exclude-add" on:click=move |_| add_exclusion()>{move || text(lang.get(), Key::LeaveOut)}</button>
                </div>
                {move || exclude_bad.get().then(|| view! { <p class="message error" role="alert" data-testid="exclude-bad">{text(lang.get(), Key::ExceptionBad)}</p> })}
                <ul class="chips" data-testid="excluded-days">{exclusions}</ul>
                <h2>{move || text(lang.get(), Key::EventsTitle)}</h2>
                <p class="help">{move || text(lang.get(), Key::EventsHelp)}</p>
                <div class="answer-row">
                    <label><span>{move || text(lang.get(), Key::ColDate)}</span>
                        <input type="text" placeholder="2003-10-06" data-testid="event-date" prop:value=move || event_date.get() on:input=move |ev| event_date.set(event_target_value(&ev)) /></label>
                    <label><span>{move || text(lang.get(), Key::EventInterval)}</span>
                        <input type="text" placeholder="09:00" data-testid="event-start" prop:value=move || event_start.get() on:input=move |ev| event_start.set(event_target_value(&ev)) /></label>
                    <label><span>{move || text(lang.get(), Key::EventUplift)}</span>
                        <input type="text" inputmode="decimal" data-testid="event-uplift" prop:value=move || event_uplift.get() on:input=move |ev| event_uplift.set(event_target_value(&ev)) /></label>
                    <label><span>{move || text(lang.get(), Key::EventAdded)}</span>
                        <input type="text" inputmode="decimal" data-testid="event-added" prop:value=move || event_added.get() on:input=move |ev| event_added.set(event_target_value(&ev)) /></label>
                    <button type="button" data-testid="event-add" on:click=move |_| add_event()>{move || text(lang.get(), Key::AddEvent)}</button>
                </div>
                {move || event_bad.get().then(|| view! { <p class="message error" role="alert" data-testid="event-bad">{text(lang.get(), Key::EventBad)}</p> })}
                <ul class="chips" data-testid="events">{events}</ul>
            </section>
        </div>
    }
}

/// Makes the chosen forecast day the staffing page's day and opens the
/// staffing page, or the schedule page to cover it with shifts.
fn use_day(store: crate::store::Store, open: Route) {
    let f = store.forecast;
    let day = f.outcome.with_untracked(|o| {
        let o = o.as_ref()?;
        let day = o
            .result
            .as_ref()
            .ok()?
            .days
            .get(f.chosen_day.get_untracked())?;
        staffing_day(o, day)
    });
    if let Some((interval_min, start_min, volumes)) = day {
        if open == Route::Schedule {
            // This day, not a week made of it.
            store.schedule.settings.update(|s| s.week_pct = None);
        }
        let peak = volumes
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map_or(0, |(i, _)| i);
        load_day(store, (interval_min, start_min, volumes));
        store.use_interval(peak);
        store.revision.update(|r| *r += 1);
        go_to(open);
    }
}

/// Opens the schedule page on the forecast's first week (see
/// `week_from_forecast`): its mean day on the staffing page, each
/// weekday's volume against it.
fn use_week(store: crate::store::Store) {
    let week = store
        .forecast
        .outcome
        .with_untracked(|o| week_from_forecast(o.as_ref()?));
    if let Some((day, pct)) = week {
        load_day(store, day);
        store.schedule.settings.update(|s| s.week_pct = Some(pct));
        store.revision.update(|r| *r += 1);
        go_to(Route::Schedule);
    }
}

/// Opens `route` at its top (not at the forecast page's scroll).
fn go_to(route: Route) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(route.hash());
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Makes `day` the staffing page's day (its handle times are the page's).
fn load_day(store: crate::store::Store, (interval_min, start_min, volumes): StaffingDay) {
    store.staffing.update(|s| {
        s.interval_min = interval_min;
        s.day_start_min = start_min;
        s.intraday = volumes;
        s.intraday_aht.clear();
    });
}

/// Starts the capacity plan from the forecast (its month, calendar and
/// mean day; see `plan_from_forecast`) and opens the scorecard page.
fn use_plan(store: crate::store::Store) {
    let planned = store.forecast.outcome.with_untracked(|o| {
        let o = o.as_ref()?;
        store
            .scorecard
            .with_untracked(|plan| plan_from_forecast(o, plan))
    });
    if let Some((settings, day)) = planned {
        store.scorecard.set(settings);
        load_day(store, day);
        store.revision.update(|r| *r += 1);
        go_to(Route::Scorecard);
    }
}

/// The interval forecast of every forecast day as CSV: date, start,
/// contacts, lower, upper (the day's interval shared by its shape).
fn download_csv(store: crate::store::Store) {
    let csv = store.forecast.outcome.with_untracked(|o| {
        let o = o.as_ref()?;
        let r = o.result.as_ref().ok()?;
        Some(crate::model::io::csv_out::forecast_csv(o, r))
    });
    if let Some(csv) = csv {
        crate::download::download_csv("ccplan-forecast.csv", csv, store.lang.get_untracked());
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn smoothing_parameters_keep_three_significant_digits() {
        assert_eq!(super::smoothing(0.55278), "0.553");
        assert_eq!(super::smoothing(4.472e-5), "0.0000447");
        assert_eq!(super::smoothing(0.0001), "0.000100");
        assert_eq!(super::smoothing(0.0), "0.0");
    }
}
