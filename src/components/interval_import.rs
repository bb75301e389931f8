//! The day's volumes, typed or pasted from a spreadsheet (one column, or
//! start / volume / AHT), or read from a CSV file: a preview of what was
//! understood and a message per bad line. Good input drives the intraday
//! chart at once; input with bad lines changes nothing until fixed.

use leptos::prelude::*;

use crate::download::read_picked_file;
use crate::files::{parse_intervals, Commas, ParsedIntervals, RowProblem};
use crate::i18n::{text, Key, Lang};
use crate::model::staffing::parse_start;
use crate::store::use_store;

/// Rows shown in the preview; the rest are counted.
const PREVIEW_ROWS: usize = 12;
/// Problems listed; the rest are counted (a wrong file can have 100 000 bad lines).
const LISTED_PROBLEMS: usize = 20;

fn problem_text(lang: Lang, line: usize, problem: &RowProblem) -> String {
    let what = match problem {
        RowProblem::Volume(found) => format!("{} “{found}”", text(lang, Key::RowVolume)),
        RowProblem::VolumeRange(v) => format!("{} {v}", text(lang, Key::RowVolumeRange)),
        RowProblem::Aht(found) => format!("{} “{found}”", text(lang, Key::RowAht)),
        RowProblem::Columns(n) => format!("{} {n}", text(lang, Key::RowColumns)),
        RowProblem::TooMany => text(lang, Key::RowTooMany).to_string(),
    };
    format!(
        "{} {line}{}: {what}",
        text(lang, Key::Line),
        text(lang, Key::LineSuffix)
    )
}

#[component]
pub fn IntervalImport() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let as_text = move || {
        store.staffing.with(|i| {
            i.intraday
                .iter()
                .enumerate()
                .map(|(n, v)| match i.intraday_aht.get(n).copied().flatten() {
                    Some(aht) => format!("{v}\t{aht}"),
                    None => v.to_string(),
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
    };
    let draft = RwSignal::new(None::<String>);
    let parsed = RwSignal::new(None::<ParsedIntervals>);

    // What the commas mean, once the user has said (reset by new text).
    let commas = RwSignal::new(Commas::Auto);
    let apply = move |typed: &str| {
        let result = parse_intervals(typed, commas.get_untracked());
        if result.problems.is_empty() && !result.rows.is_empty() {
            let volumes = result.rows.iter().map(|r| r.volume).collect();
            let ahts: Vec<Option<f64>> = result.rows.iter().map(|r| r.aht_s).collect();
            let start = result
                .rows
                .first()
                .and_then(|r| r.start.as_deref())
                .and_then(parse_start);
            store.staffing.update(|i| {
                i.intraday = volumes;
                i.intraday_aht = if ahts.iter().any(Option::is_some) {
                    ahts
                } else {
                    Vec::new()
                };
                if let Some(start) = start {
                    i.day_start_min = start;
                }
            });
        }
        parsed.set(Some(result));
    };
    let on_input = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        commas.set(Commas::Auto);
        apply(&typed);
        draft.set(Some(typed));
    };
    let choose_commas = move |meaning: Commas| {
        commas.set(meaning);
        if let Some(typed) = draft.get_untracked() {
            apply(&typed);
        }
    };
    let ambiguous = move || parsed.with(|p| p.as_ref().is_some_and(|p| p.ambiguous_commas));
    let on_file = move |ev: leptos::ev::Event| {
        read_picked_file(&ev, move |content| {
            if let Some(content) = content {
                commas.set(Commas::Auto);
                apply(&content);
                draft.set(Some(content));
            }
        });
    };
    // Read in place: a wrong file can bring 100 000 problems, never copied whole.
    let problem_count = move || parsed.with(|p| p.as_ref().map_or(0, |p| p.problems.len()));
    let listed_problems = move || {
        parsed.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.problems
                        .iter()
                        .take(LISTED_PROBLEMS)
                        .cloned()
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let rows = move || parsed.with(|p| p.as_ref().map(|p| p.rows.clone()).unwrap_or_default());

    view! {
        <div class="intraday-editor">
            <label for="paste-volumes">{move || text(lang.get(), Key::IntradayVolumes)}</label>
            <p class="help" id="paste-help">{move || text(lang.get(), Key::IntradayHelp)}</p>
            <textarea
                id="paste-volumes"
                data-testid="paste-volumes"
                rows="8"
                aria-describedby="paste-help"
                spellcheck="false"
                prop:value=move || draft.get().unwrap_or_else(as_text)
                on:input=on_input
                on:blur=move |_| {
                    // The box may be leaving the page with its component (navigation).
                    let settled = parsed.try_with_untracked(|p| {
                        p.as_ref().is_none_or(|p| p.problems.is_empty() && !p.ambiguous_commas)
                    });
                    if settled == Some(true) {
                        draft.try_set(None);
                    }
                }
            ></textarea>
            <label class="file-button">
                <span>{move || text(lang.get(), Key::OpenCsv)}</span>
                <input type="file" accept=".csv,.txt,text/csv,text/plain" data-testid="import-intervals-file" on:change=on_file />
            </label>
            // Stays once answered, so the answer can be changed.
            <Show when=move || ambiguous() || commas.get() != Commas::Auto>
                <fieldset class="comma-choice" data-testid="comma-choice" role="alert">
                    <legend>{move || text(lang.get(), Key::CommaQuestion)}</legend>
                    <label>
                        <input type="radio" name="commas" data-testid="commas-numbers" prop:checked=move || commas.get() == Commas::InNumbers on:change=move |_| choose_commas(Commas::InNumbers) />
                        {move || text(lang.get(), Key::CommasInNumbers)}
                    </label>
                    <label>
                        <input type="radio" name="commas" data-testid="commas-columns" prop:checked=move || commas.get() == Commas::Columns on:change=move |_| choose_commas(Commas::Columns) />
                        {move || text(lang.get(), Key::CommasColumns)}
                    </label>
                </fieldset>
            </Show>
            <Show when=move || problem_count() != 0>
                <div class="import-errors" data-testid="import-errors" role="alert">
                    <ul>
                        {move || listed_problems().iter().map(|(line, p)| view! { <li>{problem_text(lang.get(), *line, p)}</li> }).collect_view()}
                    </ul>
                    {move || {
                        let more = problem_count().saturating_sub(LISTED_PROBLEMS);
                        (more > 0).then(|| view! {
                            <p data-testid="more-problems">{format!("+{more} {}", text(lang.get(), Key::MoreProblemLines))}</p>
                        })
                    }}
                    <p>{move || text(lang.get(), Key::NotApplied)}</p>
                </div>
            </Show>
            <Show when=move || parsed.with(Option::is_some)>
                <table class="import-preview" data-testid="import-preview">
                    <caption>{move || format!("{} — {} {}", text(lang.get(), Key::PreviewTitle), rows().len(), text(lang.get(), Key::Intervals))}</caption>
                    <thead>
                        <tr>
                            <th>"#"</th>
                            <th>{move || text(lang.get(), Key::PreviewStart)}</th>
                            <th>{move || text(lang.get(), Key::PreviewVolume)}</th>
                            <th>{move || text(lang.get(), Key::PreviewAht)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || rows().into_iter().take(PREVIEW_ROWS).map(|r| view! {
                            <tr>
                                <td>{r.line}</td>
                                <td>{r.start.unwrap_or_default()}</td>
                                <td>{r.volume}</td>
                                <td>{r.aht_s.map(|a| a.to_string()).unwrap_or_else(|| "—".into())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <p class="help">
                    {move || {
                        let more = rows().len().saturating_sub(PREVIEW_ROWS);
                        (more > 0).then(|| format!("+{more} {}", text(lang.get(), Key::PreviewMore)))
                    }}
                </p>
            </Show>
        </div>
    }
}
