//! What was read from a paste or a file, below the chart at the panel's full
//! width: a message per bad line, the choice to apply the good lines, the
//! lines as a table and the volumes as a small bar chart.

use leptos::prelude::*;

use crate::components::interval_import::PasteDraft;
use crate::i18n::{intervals_text, text, Key, Lang};
use crate::model::io::intervals_in::{PastedLine, RowProblem};
use crate::store::use_store;

/// Rows shown in the preview; the rest are counted.
const PREVIEW_ROWS: usize = 12;
/// Problems listed; the rest are counted (a wrong file can have 100 000 bad lines).
const LISTED_PROBLEMS: usize = 20;
/// Width of one bar in the preview chart's own units (its height is 100).
const BAR_STEP: f64 = 10.0;

fn problem_text(lang: Lang, line: usize, problem: &RowProblem) -> String {
    let what = match problem {
        RowProblem::Volume(found) if found.is_empty() => {
            text(lang, Key::RowVolumeMissing).to_string()
        }
        RowProblem::Volume(found) => format!("{} “{found}”", text(lang, Key::RowVolume)),
        RowProblem::VolumeRange(v) => format!("{} {v}", text(lang, Key::RowVolumeRange)),
        RowProblem::Aht(found) => format!("{} “{found}”", text(lang, Key::RowAht)),
        RowProblem::Columns(n) => format!("{} {n}", text(lang, Key::RowColumns)),
        RowProblem::TooMany => text(lang, Key::RowTooMany).to_string(),
        RowProblem::Quote => text(lang, Key::RowQuote).to_string(),
    };
    format!(
        "{} {line}{}: {what}",
        text(lang, Key::Line),
        text(lang, Key::LineSuffix)
    )
}

/// One preview row: line, start, volume planned, AHT, and whether the line is bad.
type PreviewRow = (usize, String, f64, Option<f64>, bool);

fn preview_row(line: &PastedLine<'_>) -> PreviewRow {
    match line {
        PastedLine::Good(row) => (
            row.line,
            row.start.clone().unwrap_or_default(),
            row.volume,
            row.aht_s,
            false,
        ),
        PastedLine::Bad(line, _) => (*line, String::new(), 0.0, None, true),
    }
}

#[component]
pub fn ImportReview(paste: PasteDraft) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let parsed = paste.parsed;
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
    let lines = move || {
        parsed.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.planned_lines()
                        .iter()
                        .map(preview_row)
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let good_lines = move || parsed.with(|p| p.as_ref().map_or(0, |p| p.rows.len()));
    let can_apply = move || !paste.applied_with_gaps.get() && good_lines() > 0;
    let bars = move || {
        let lines = lines();
        let peak = lines.iter().map(|l| l.2).fold(0.0_f64, f64::max).max(1.0);
        lines
            .into_iter()
            .enumerate()
            .map(|(slot, (_, _, volume, _, bad))| {
                let x = slot as f64 * BAR_STEP + 1.0;
                // A bad line shows as a red stub at the baseline where its interval is.
                let height = if bad { 6.0 } else { (volume / peak * 96.0).max(0.5) };
                view! {
                    <rect class=if bad { "bad" } else { "good" } x=x y=100.0 - height width=BAR_STEP - 2.0 height=height />
                }
            })
            .collect_view()
    };
    let chart_width = move || (lines().len().max(1) as f64 * BAR_STEP).to_string();

    view! {
        <Show when=move || parsed.with(Option::is_some)>
            <div class="import-review" data-testid="import-review">
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
                        <p data-testid="import-note">{move || text(lang.get(), if paste.applied_with_gaps.get() { Key::AppliedWithGaps } else { Key::NotApplied })}</p>
                        <Show when=can_apply>
                            <button type="button" class="secondary" data-testid="apply-good-lines" on:click=move |_| paste.apply_good_lines(store)>
                                {move || format!("{} ({})", text(lang.get(), Key::ApplyGoodLines), good_lines())}
                            </button>
                            <span class="help">{move || text(lang.get(), Key::BadLinesAsZero)}</span>
                        </Show>
                    </div>
                </Show>
                <div class="import-preview-wrap">
                    <table class="import-preview" data-testid="import-preview">
                        <caption>{move || format!("{} — {}", text(lang.get(), Key::PreviewTitle), intervals_text(lang.get(), lines().len()))}</caption>
                        <thead>
                            <tr>
                                <th>"#"</th>
                                <th>{move || text(lang.get(), Key::PreviewStart)}</th>
                                <th>{move || text(lang.get(), Key::PreviewVolume)}</th>
                                <th>{move || text(lang.get(), Key::PreviewAht)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || lines().into_iter().take(PREVIEW_ROWS).map(|(line, start, volume, aht, bad)| view! {
                                <tr class:bad=bad>
                                    <td>{line}</td>
                                    <td>{start}</td>
                                    <td>{volume}</td>
                                    <td>{aht.map(|a| a.to_string()).unwrap_or_else(|| "—".into())}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    <figure class="import-bars">
                        <svg
                            data-testid="import-bars"
                            role="img"
                            aria-label=move || text(lang.get(), Key::PreviewChart)
                            viewBox=move || format!("0 0 {} 100", chart_width())
                            preserveAspectRatio="none"
                        >
                            {bars}
                        </svg>
                        <figcaption class="help">{move || text(lang.get(), Key::PreviewChart)}</figcaption>
                    </figure>
                </div>
                <p class="help">
                    {move || {
                        let more = lines().len().saturating_sub(PREVIEW_ROWS);
                        (more > 0).then(|| format!("+{more} {}", text(lang.get(), Key::PreviewMore)))
                    }}
                </p>
            </div>
        </Show>
    }
}
