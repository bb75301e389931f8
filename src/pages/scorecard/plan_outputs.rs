//! The capacity plan's answer: computing or the engine's problem, the
//! summary, the FTE, service and cost charts, the balanced scorecard, and
//! the months as CSV; dimmed while a box holds what the answer leaves out.

use leptos::prelude::*;

use crate::components::monthly_chart::{MonthlyChart, MonthlyKind};
use crate::components::scorecard_summary::ScorecardSummary;
use crate::components::scorecard_table::ScorecardTable;
use crate::components::stale_notice::StaleNotice;
use crate::i18n::{problem_text, text, Key};
use crate::model::staffing::Computed;
use crate::store::{use_store, Store};

#[component]
pub fn PlanOutputs() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    view! {
        <div class="outputs" class:stale=move || store.results_stale()>
            <StaleNotice />
            {move || store.projection.with(|p| match p {
                Computed::Pending => Some(view! { <p class="message info" data-testid="computing" role="status">{text(lang.get(), Key::Computing)}</p> }.into_any()),
                Computed::Failed(p) => Some(view! { <p class="message error" data-testid="engine-problem">{problem_text(lang.get(), p)}</p> }.into_any()),
                Computed::Ready(_) => None,
            })}
            <ScorecardSummary />
            <MonthlyChart kind=MonthlyKind::Fte />
            <MonthlyChart kind=MonthlyKind::Service />
            <MonthlyChart kind=MonthlyKind::Cost />
            <ScorecardTable />
            <div class="row-buttons">
                // Nothing to export until the plan is computed (the worker may still be loading).
                <button
                    type="button"
                    class="secondary"
                    data-testid="export-csv-monthly"
                    disabled=move || store.projection.with(|p| p.ready().is_none())
                    on:click=move |_| download_monthly(store)
                >
                    {move || text(lang.get(), Key::ExportMonthlyCsv)}
                </button>
                <crate::components::csv_bom_choice::CsvBomChoice />
            </div>
        </div>
    }
}

/// The plan's months as CSV, money in the chosen currency.
fn download_monthly(store: Store) {
    let currency = store.currency.get_untracked();
    let code = (currency != crate::format::Currency::None).then(|| currency.code());
    let csv = store.projection.with_untracked(|p| {
        p.ready()
            .map(|p| crate::model::io::csv_out::monthly_csv(&p.plan, code))
    });
    if let Some(csv) = csv {
        crate::download::download_csv("ccplan-monthly.csv", csv, store);
    }
}
