//! The day's volumes, typed or pasted from a spreadsheet (one column, or
//! start / volume / AHT), or read from a CSV file. Good input drives the
//! intraday chart at once; input with bad lines changes nothing until the
//! user fixes it or applies the good lines (see `import_review`).

use leptos::prelude::*;

use crate::download::read_picked_file;
use crate::i18n::{row_interval_text, row_volumes_text, text, Key};
use crate::model::io::intervals_in::{
    parse_pasted, Commas, ParsedIntervals, PastedRow, RowReadings,
};
use crate::store::{use_store, Store};

/// What the user typed or opened and what was read from it, until it is
/// settled; shared by the box and the review below the chart.
#[derive(Clone, Copy)]
pub struct PasteDraft {
    /// The box's text while it differs from the day (None: the box shows the day).
    pub text: RwSignal<Option<String>>,
    pub parsed: RwSignal<Option<ParsedIntervals>>,
    /// What the commas mean, once the user has said (reset by new text).
    pub commas: RwSignal<Commas>,
    /// The good lines were applied with the bad ones held at 0 contacts.
    pub applied_with_gaps: RwSignal<bool>,
    /// Issue 25, item 8: what a single line of numbers is, once the user
    /// has said (reset by new text), and its two readings while they are
    /// the question (kept once answered, so the answer can be changed).
    pub row: RwSignal<PastedRow>,
    pub row_readings: RwSignal<Option<RowReadings>>,
}

impl PasteDraft {
    pub fn new() -> Self {
        Self {
            text: RwSignal::new(None),
            parsed: RwSignal::new(None),
            commas: RwSignal::new(Commas::Auto),
            applied_with_gaps: RwSignal::new(false),
            row: RwSignal::new(PastedRow::Auto),
            row_readings: RwSignal::new(None),
        }
    }

    /// New text: what the user said of the old one no longer holds.
    fn forget_answers(&self) {
        self.commas.set(Commas::Auto);
        self.row.set(PastedRow::Auto);
        self.row_readings.set(None);
    }

    /// Forgets the draft (another day was loaded).
    pub fn clear(&self) {
        self.text.set(None);
        self.parsed.set(None);
        self.forget_answers();
        self.applied_with_gaps.set(false);
    }

    /// Reads `typed`; a text with no bad line becomes the day at once.
    fn read(&self, store: Store, typed: &str) {
        let result = parse_pasted(typed, self.commas.get_untracked(), self.row.get_untracked());
        if let Some(readings) = &result.ambiguous_row {
            self.row_readings.set(Some(readings.clone()));
        }
        if result.problems.is_empty() && !result.rows.is_empty() {
            self.apply(store, &result);
        }
        self.applied_with_gaps.set(false);
        self.parsed.set(Some(result));
    }

    /// Makes the good lines the day, each bad line an interval of 0 contacts.
    pub fn apply_good_lines(&self, store: Store) {
        let applied = self.parsed.with_untracked(|parsed| {
            parsed
                .as_ref()
                .is_some_and(|parsed| self.apply(store, parsed))
        });
        self.applied_with_gaps.set(applied);
    }

    fn apply(&self, store: Store, parsed: &ParsedIntervals) -> bool {
        let interval_min = store.staffing.with_untracked(|i| i.interval_min);
        let Some(day) = parsed.day_with_gaps(interval_min) else {
            return false;
        };
        store.load_intervals(day.volumes, day.ahts, day.start_min);
        true
    }
}

impl Default for PasteDraft {
    fn default() -> Self {
        Self::new()
    }
}

#[component]
pub fn IntervalImport(paste: PasteDraft) -> impl IntoView {
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
    let on_input = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        paste.forget_answers();
        paste.read(store, &typed);
        paste.text.set(Some(typed));
    };
    let choose_commas = move |meaning: Commas| {
        paste.commas.set(meaning);
        if let Some(typed) = paste.text.get_untracked() {
            paste.read(store, &typed);
        }
    };
    let choose_row = move |meaning: PastedRow| {
        paste.row.set(meaning);
        if let Some(typed) = paste.text.get_untracked() {
            paste.read(store, &typed);
        }
    };
    let row = paste.row;
    let readings = paste.row_readings;
    let ambiguous = move || {
        paste
            .parsed
            .with(|p| p.as_ref().is_some_and(|p| p.ambiguous_commas))
    };
    let on_file = move |ev: leptos::ev::Event| {
        read_picked_file(&ev, move |content| {
            if let Some(content) = content {
                paste.forget_answers();
                paste.read(store, &content);
                paste.text.set(Some(content));
            }
        });
    };
    let commas = paste.commas;

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
                prop:value=move || paste.text.get().unwrap_or_else(as_text)
                on:input=on_input
                on:blur=move |_| {
                    // The box may be leaving the page with its component (navigation).
                    let settled = paste.parsed.try_with_untracked(|p| {
                        p.as_ref().is_none_or(|p| {
                            p.problems.is_empty() && !p.ambiguous_commas && p.ambiguous_row.is_none()
                        })
                    });
                    if settled == Some(true) {
                        paste.text.try_set(None);
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
            // Issue 25, item 8: one line of numbers read two ways; nothing
            // is read until the user picks one.
            <Show when=move || readings.with(Option::is_some)>
                <fieldset class="comma-choice row-choice" data-testid="row-choice">
                    <legend>{move || text(lang.get(), Key::RowQuestion)}</legend>
                    <button type="button" class="secondary" data-testid="row-as-volumes"
                        aria-pressed=move || (row.get() == PastedRow::Volumes).to_string()
                        on:click=move |_| choose_row(PastedRow::Volumes)>
                        {move || readings.with(|r| r.as_ref().map(|r| row_volumes_text(lang.get(), &r.volumes)))}
                    </button>
                    <button type="button" class="secondary" data-testid="row-as-interval"
                        aria-pressed=move || (row.get() == PastedRow::Interval).to_string()
                        on:click=move |_| choose_row(PastedRow::Interval)>
                        {move || readings.with(|r| r.as_ref().map(|r| row_interval_text(lang.get(), &r.interval)))}
                    </button>
                </fieldset>
            </Show>
        </div>
    }
}
