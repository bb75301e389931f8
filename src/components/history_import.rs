//! The forecast page's history: a box to paste cells or CSV into, a file
//! picker, the example history, and what was read — days, interval, the
//! days missing, a message for each line that was not used.

use leptos::prelude::*;

use crate::download::read_picked_file;
use crate::format::grouped;
use crate::i18n::{
    forecast_problem_text, history_summary, line_label, line_problem_text, long_history_text, text,
    Key, Lang,
};
use crate::model::forecast::PreviewLine;
use crate::model::number::format_plain;
use crate::store::{use_store, Store};
use ccplan_engine::history::Ambiguity;
use ccplan_engine::text::DecimalMark;

/// Where the example history is served from (copied into the site by Trunk).
const EXAMPLE_URL: &str = "./examples/bank-calls-train-30min.csv";

/// Longest history (in bytes) put in the box as text.
const LONGEST_SHOWN: usize = 200_000;

#[component]
pub fn HistoryImport() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let f = store.forecast;
    // The box's text until it is read (the saved history otherwise; a long
    // one is not put in the box: laying out megabytes of text holds the
    // page for seconds, and nobody edits ten years by hand).
    let draft = RwSignal::new(None::<String>);
    let long = Memo::new(move |_| f.history.with(|h| h.len() > LONGEST_SHOWN));
    let shown = move || {
        draft.get().unwrap_or_else(|| {
            if long.get() {
                String::new()
            } else {
                f.history.get()
            }
        })
    };
    let read = move || {
        if let Some(text) = draft.get_untracked() {
            read_new(store, text);
            draft.set(None);
        }
    };
    let open_file = move |ev: leptos::ev::Event| {
        read_picked_file(&ev, move |content| {
            if let Some(content) = content {
                draft.set(None);
                read_new(store, content);
            }
        });
    };
    let fetch_failed = RwSignal::new(false);
    let load_example = move |_| {
        fetch_failed.set(false);
        leptos::task::spawn_local(async move {
            match fetch_text(EXAMPLE_URL).await {
                Some(content) => {
                    draft.set(None);
                    read_new(store, content);
                }
                None => fetch_failed.set(true),
            }
        });
    };
    let summary = move || {
        let lang = lang.get();
        f.outcome.with(|outcome| {
            let o = outcome.as_ref()?;
            let mut lines = Vec::new();
            if let Some(first) = o.daily.first() {
                let last = o.daily.last().map_or(first.0, |d| d.0);
                let days = o.daily.len() - o.missing.len();
                lines.push(view! {
                    <p data-testid="history-summary">{history_summary(lang, days, o.interval_min, o.day_start_min, o.width, &first.0.to_string(), &last.to_string(), &o.open_weekdays)}</p>
                }.into_any());
            }
            if !o.missing.is_empty() {
                let list = o.missing.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
                lines.push(view! { <p class="note" data-testid="history-missing">{format!("{} {list}", text(lang, Key::HistoryMissing))}</p> }.into_any());
            }
            if o.read.unordered {
                lines.push(view! { <p class="note" data-testid="history-unordered">{text(lang, Key::HistoryUnordered)}</p> }.into_any());
            }
            if o.read.problem_count > 0 {
                let more = o.read.problem_count - o.read.problems.len();
                let items = o.read.problems.iter().map(|(line, p)| view! { <li>{line_problem_text(lang, *line, p)}</li> }).collect_view();
                lines.push(view! {
                    <div class="message error" data-testid="history-problems" role="alert">
                        <p>{format!("{} {}", text(lang, Key::HistoryProblems), o.read.problem_count)}</p>
                        <ul>{items}</ul>
                        {(more > 0).then(|| view! { <p>{format!("{} {more}", text(lang, Key::HistoryMoreProblems))}</p> })}
                    </div>
                }.into_any());
            }
            if let Some(a) = &o.read.ambiguous {
                lines.push(ambiguity_question(lang, store, a).into_any());
            } else if let Some(mark) = f.settings.with(|s| s.decimal_mark) {
                let chosen = match mark {
                    DecimalMark::Dot => Key::DecimalChosenDot,
                    DecimalMark::Comma => Key::DecimalChosenComma,
                };
                lines.push(view! {
                    <p class="note" data-testid="history-decimal-chosen">
                        {text(lang, chosen)}" "
                        <button type="button" class="secondary" data-testid="decimal-change" on:click=move |_| store.set_forecast_setting(|s| s.decimal_mark = None)>{text(lang, Key::DecimalChange)}</button>
                    </p>
                }.into_any());
            }
            if !o.read.preview.is_empty() {
                lines.push(preview_table(lang, &o.read.preview).into_any());
            }
            if let Err(problem) = &o.result {
                lines.push(view! { <p class="message error" data-testid="forecast-problem" role="alert">{forecast_problem_text(lang, problem)}</p> }.into_any());
            }
            Some(lines.collect_view())
        })
    };
    view! {
        <section class="panel history-import">
            <h2>{move || text(lang.get(), Key::HistoryTitle)}</h2>
            <p class="help">{move || text(lang.get(), Key::HistoryHelp)}</p>
            <label for="history-text">{move || text(lang.get(), Key::HistoryBox)}</label>
            <textarea
                id="history-text"
                data-testid="history-text"
                rows="6"
                spellcheck="false"
                placeholder="2003-03-03,07:00,560"
                prop:value=shown
                on:input=move |ev| draft.set(Some(event_target_value(&ev)))
            ></textarea>
            {move || (long.get() && draft.with(Option::is_none)).then(|| {
                let size = f.history.with(|h| format!("{:.1}", h.len() as f64 / 1e6));
                view! { <p class="note" data-testid="history-not-shown">{long_history_text(lang.get(), &size)}</p> }
            })}
            <div class="button-row">
                <button type="button" data-testid="history-read" on:click=move |_| read()>{move || text(lang.get(), Key::HistoryRead)}</button>
                <label class="file-button">
                    {move || text(lang.get(), Key::HistoryFile)}
                    <input type="file" accept=".csv,.txt,text/csv,text/plain" data-testid="history-file" on:change=open_file />
                </label>
                <button type="button" class="secondary" data-testid="history-example" on:click=load_example>{move || text(lang.get(), Key::HistoryExample)}</button>
                <button type="button" class="secondary" data-testid="history-clear" on:click=move |_| { draft.set(None); read_new(store, String::new()); }>{move || text(lang.get(), Key::HistoryClear)}</button>
            </div>
            {move || fetch_failed.get().then(|| view! { <p class="message error" role="alert">{text(lang.get(), Key::HistoryExampleFailed)}</p> })}
            {move || f.running.get().then(|| view! { <p class="message" data-testid="forecast-running">{text(lang.get(), Key::ForecastRunning)}</p> })}
            {summary}
        </section>
    }
}

/// A new history for the forecast: a reading chosen for the last one's
/// numbers does not carry over (the new one is asked about if it needs it).
fn read_new(store: Store, text: String) {
    if store
        .forecast
        .settings
        .with_untracked(|s| s.decimal_mark.is_some())
    {
        store.set_forecast_setting(|s| s.decimal_mark = None);
    }
    store.read_history(text);
}

/// The question for a history whose numbers read two ways: a line as
/// written, and its number read each way, one button each.
fn ambiguity_question(lang: Lang, store: Store, a: &Ambiguity) -> impl IntoView {
    let choice = |mark: DecimalMark, key: Key, value: f64, test_id: &'static str| {
        view! {
            <button type="button" data-testid=test_id on:click=move |_| store.set_forecast_setting(|s| s.decimal_mark = Some(mark))>
                {format!("{}{}{} = {}", text(lang, key), if lang == Lang::Zh { "" } else { " " }, a.number, format_plain(value))}
            </button>
        }
    };
    view! {
        <div class="message error" data-testid="history-ambiguous" role="alert">
            <p>{text(lang, Key::HistoryAmbiguous)}</p>
            <p>{line_label(lang, a.line)}": "<code data-testid="ambiguous-line">{a.line_text.clone()}</code></p>
            <div class="button-row">
                {choice(DecimalMark::Dot, Key::DecimalDot, a.with_dot, "decimal-dot")}
                {choice(DecimalMark::Comma, Key::DecimalComma, a.with_comma, "decimal-comma")}
            </div>
        </div>
    }
}

/// The first lines of the text as read: a row per good line, the reason
/// for a bad one. AHT, handled and abandoned only when a line has them.
fn preview_table(lang: Lang, preview: &[PreviewLine]) -> impl IntoView {
    let optional: Vec<(usize, Key)> = [Key::PreviewAht, Key::PreviewHandled, Key::PreviewAbandoned]
        .into_iter()
        .enumerate()
        .filter(|(i, _)| preview.iter().any(|l| l.optional()[*i].is_some()))
        .collect();
    let span = 4 + optional.len();
    let head = optional
        .iter()
        .map(|(_, key)| view! { <th>{text(lang, *key)}</th> })
        .collect_view();
    let rows = preview
        .iter()
        .map(|line| match line {
            PreviewLine::Read { line: n, date, start_min, contacts, .. } => {
                let cells = optional
                    .iter()
                    .map(|(i, _)| view! { <td>{line.optional()[*i].map_or_else(String::new, |v| grouped(v, 0))}</td> })
                    .collect_view();
                view! {
                    <tr>
                        <td>{*n}</td><td>{date.to_string()}</td>
                        <td>{crate::model::staffing::clock(*start_min)}</td>
                        <td>{grouped(*contacts, 0)}</td>{cells}
                    </tr>
                }
                .into_any()
            }
            PreviewLine::Bad { line: n, problem } => view! {
                <tr class="bad"><td>{*n}</td><td colspan=span - 1 class="problem">{line_problem_text(lang, *n, problem)}</td></tr>
            }
            .into_any(),
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0">
            <table class="import-preview" data-testid="history-preview">
                <caption>{text(lang, Key::HistoryPreviewCaption)}</caption>
                <thead><tr>
                    <th>"#"</th><th>{text(lang, Key::ColDate)}</th><th>{text(lang, Key::PreviewStart)}</th><th>{text(lang, Key::PreviewVolume)}</th>{head}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The text at `url`, or None (offline, not found).
async fn fetch_text(url: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?).await.ok()?;
    text.as_string()
}
