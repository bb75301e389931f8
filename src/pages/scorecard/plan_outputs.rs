//! The capacity plan's answer: computing or the engine's problem, the
//! summary, the FTE, service and cost charts, the balanced scorecard, and
//! the months as CSV; dimmed while a box holds what the answer leaves out.

use leptos::prelude::*;

use crate::components::monthly_chart::{MonthlyChart, MonthlyKind};
use crate::components::scorecard_summary::ScorecardSummary;
use crate::components::scorecard_table::ScorecardTable;
use crate::components::stale_notice::StaleNotice;
use crate::i18n::{text, Key};
use crate::store::{use_store, Store};

#[component]
pub fn PlanOutputs() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let problem = move || store.projection.with(|p| p.as_ref().err().cloned());
    view! {
        <div class="outputs" class:stale=move || store.results_stale()>
            <StaleNotice />
            {move || problem().map(|p| if p.key == Key::Computing {
                view! { <p class="message info" data-testid="computing" role="status">{text(lang.get(), p.key)}</p> }.into_any()
            } else {
                view! { <p class="message error" data-testid="engine-problem">{format!("{} ({})", text(lang.get(), p.key), p.detail)}</p> }.into_any()
            })}
            <ScorecardSummary />
            <MonthlyChart kind=MonthlyKind::Fte />
            <MonthlyChart kind=MonthlyKind::Service />
            <MonthlyChart kind=MonthlyKind::Cost />
            <ScorecardTable />
            <div class="row-buttons">
                <button type="button" class="secondary" data-testid="export-csv-monthly" on:click=move |_| download_monthly(store)>
                    {move || text(lang.get(), Key::ExportMonthlyCsv)}
                </button>
            </div>
        </div>
    }
}

/// The plan's months as CSV, money in the chosen currency.
fn download_monthly(store: Store) {
    let csv = store.projection.with_untracked(|p| {
        p.as_ref()
            .ok()
            .map(|p| crate::files::monthly_csv(&p.plan, store.currency.get_untracked()))
    });
    if let Some(csv) = csv {
        crate::download::download_text("ccplan-monthly.csv", "text/csv", &csv);
    }
}
