//! The schedule page's second panel: the solve's status and figures, the
//! coverage chart of the day shown, the CSV buttons, the schedule's rows
//! and the coverage table.

use leptos::prelude::*;

use super::coverage_table::CoverageTable;
use super::day_picker::DayPicker;
use super::figures::ScheduleFigures;
use super::shift_table::ShiftTable;
use super::shortfall::ShortfallList;
use super::solve_status::SolveStatus;
use crate::components::coverage_chart::CoverageChart;
use crate::i18n::{text, Key};
use crate::store::{use_store, Store};

#[component]
pub fn CoverageSection(shown_day: RwSignal<usize>) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let has_result = move || store.schedule_solved();
    view! {
        <section class="panel">
            <h2>{move || text(lang.get(), Key::CoverageTitle)}</h2>
            <SolveStatus />
            <ScheduleFigures />
            <ShortfallList />
            <DayPicker shown_day=shown_day />
            {move || has_result().then(|| view! { <CoverageChart day=shown_day.into() /> })}
            <div class="button-row">
                <button type="button" class="secondary" data-testid="schedule-csv" disabled=move || !has_result() on:click=move |_| download(store, false)>{move || text(lang.get(), Key::DownloadScheduleCsv)}</button>
                <button type="button" class="secondary" data-testid="coverage-csv" disabled=move || !has_result() on:click=move |_| download(store, true)>{move || text(lang.get(), Key::DownloadCoverageCsv)}</button>
                <crate::components::csv_bom_choice::CsvBomChoice />
            </div>
            <ShiftTable />
            <CoverageTable shown_day=shown_day />
        </section>
    }
}

/// The schedule (shift, start, end, break, agents) or the coverage
/// (interval, required, scheduled, service level) as CSV.
fn download(store: Store, coverage: bool) {
    let csv = untrack(|| {
        store.with_solved(|o, r| {
            Some(if coverage {
                crate::model::io::csv_out::coverage_csv(o, r)
            } else {
                crate::model::io::csv_out::schedule_csv(r)
            })
        })
    });
    if let Some(csv) = csv {
        let name = if coverage {
            "ccplan-coverage.csv"
        } else {
            "ccplan-schedule.csv"
        };
        crate::download::download_csv(name, csv, store);
    }
}
