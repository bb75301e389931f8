//! A forecast day interval by interval: contacts, load, and the agents
//! needed at the forecast, for the expected service level and for a
//! chance of meeting the target (from the worker); and where to use the
//! day: the staffing page, the schedule page (the day or the first week),
//! the monthly plan, or a CSV.

use leptos::prelude::*;

use crate::format::{fixed, grouped, percent};
use crate::i18n::{aht_text, text, weekday_name, Key, Lang};
use crate::model::forecast::{staffing_day, NeedsRequest};
use crate::model::staffing::interval_label;
use crate::store::forecast::PROBABILITY;
use crate::store::{use_store, Route, Store};

#[component]
pub fn DayDetail() -> impl IntoView {
    let store = use_store();
    let f = store.forecast;
    move || {
        let inputs = store.staffing.get();
        let lang = store.lang.get();
        store.with_forecast(|o, r| {
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
                    <p class="help">{format!("{} {} · {} · {} {}/{} {} · {} {}",
                        text(lang, Key::DayDetailHelp), percent(cv), aht_text(lang, &fixed(inputs.changed_aht(inputs.aht_s), 0)),
                        text(lang, Key::SlTargetShort), fixed(inputs.sl_target_pct, 0), fixed(inputs.sl_seconds, 0), text(lang, Key::Seconds),
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
                    <UseDayButtons lang=lang plannable=plannable />
                </section>
            })
        })
    }
}

/// Where the day goes: the staffing page, the schedule page (the day or
/// the forecast's first week), the monthly plan, or a CSV. `plannable`:
/// whether the day can be the staffing page's day.
#[component]
fn UseDayButtons(lang: Lang, plannable: bool) -> impl IntoView {
    let store = use_store();
    // A forecast the pages cannot take is said so, never ignored in silence.
    let refused = RwSignal::new(false);
    let go = move |done: bool, route: Route| {
        refused.set(!done);
        if done {
            go_to(route);
        }
    };
    view! {
        <div class="button-row">
            <button type="button" data-testid="forecast-use-day" disabled=!plannable
                on:click=move |_| go(store.use_forecast_day(false), Route::Staffing)>{text(lang, Key::UseDayOnStaffing)}</button>
            <button type="button" class="secondary" data-testid="forecast-schedule-day" disabled=!plannable
                on:click=move |_| go(store.use_forecast_day(true), Route::Schedule)>{text(lang, Key::ScheduleThisDay)}</button>
            <button type="button" class="secondary" data-testid="forecast-schedule-week"
                on:click=move |_| go(store.schedule_forecast_week(), Route::Schedule)>{text(lang, Key::ScheduleFirstWeek)}</button>
            <button type="button" class="secondary" data-testid="forecast-use-plan"
                on:click=move |_| go(store.start_plan_from_forecast(), Route::Scorecard)>{text(lang, Key::UsePlanOnScorecard)}</button>
            <button type="button" class="secondary" data-testid="forecast-csv" on:click=move |_| download_csv(store)>{text(lang, Key::DownloadForecastCsv)}</button>
            <crate::components::csv_bom_choice::CsvBomChoice />
        </div>
        {move || refused.get().then(|| view! {
            <p class="message error" role="alert" data-testid="forecast-not-used">{text(lang, Key::ForecastNotUsable)}</p>
        })}
    }
}

/// Opens `route` at its top (not at the forecast page's scroll).
fn go_to(route: Route) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(route.hash());
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// The interval forecast of every forecast day as CSV: date, start,
/// contacts, lower, upper (the day's interval shared by its shape).
fn download_csv(store: Store) {
    let csv =
        untrack(|| store.with_forecast(|o, r| Some(crate::model::io::csv_out::forecast_csv(o, r))));
    if let Some(csv) = csv {
        crate::download::download_csv("ccplan-forecast.csv", csv, store);
    }
}
