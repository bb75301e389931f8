//! The answer to the planner's question: how many to hire, by when, to hold
//! the target through the peak, and at what cost per contact.

use leptos::prelude::*;

use ccplan_engine::scorecard::KpiId;

use crate::format::{grouped, money};
use crate::i18n::{balance_text, month_label, text, Key};
use crate::model::scorecard::capacity_inputs;
use crate::store::use_store;

#[component]
pub fn ScorecardSummary() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    // Computed once per change and compared: the figures below are written
    // again only when the summary changes, not on every edit of an input.
    let summary = Memo::new(move |_| {
        let assumptions = store
            .staffing
            .with(|staffing| store.scorecard.with(|s| capacity_inputs(staffing, s)))
            .ok()?;
        store
            .projection
            .with(|p| p.ready().map(|p| p.plan.summary(&assumptions)))
    });
    let summary = move || summary.get();
    // Whether the cost per contact meets its target, and the target.
    let cpc_against_target = Memo::new(move |_| {
        let cost = summary()?.cost_per_contact;
        let target = store.scorecard.with(|s| s.target(KpiId::CostPerContact))?;
        Some((cost <= target, target))
    });
    let item =
        move |key: Key, test_id: &'static str, value: Box<dyn Fn() -> String + Send + Sync>| {
            view! {
                <div class="figure">
                    <dt>{move || text(lang.get(), key)}</dt>
                    <dd><span class="value" data-testid=test_id>{value}</span></dd>
                </div>
            }
        };
    view! {
        <section class="panel summary">
            <h2>{move || text(lang.get(), Key::Summary)}</h2>
            <dl class="figures">
                <div class="figure">
                    <dt>{move || text(lang.get(), Key::SummaryHires)}</dt>
                    <dd>
                        <span class="value" data-testid="summary-hires">{move || summary().map_or("—".into(), |s| grouped(s.total_hires, 0))}</span>
                        // With fixed hiring, the answer to "how many must I hire?" beside the input repeated.
                        {move || {
                            let fixed_hiring = !store.scorecard.with(|s| s.hire_to_requirement);
                            let needed = store.projection.with(|p| p.ready().map(|p| p.hires_needed))?;
                            fixed_hiring.then(|| view! {
                                <span class="note" data-testid="summary-hires-needed">
                                    {format!("{} {}", text(lang.get(), Key::SummaryHiresNeeded), grouped(needed, 0))}
                                </span>
                            })
                        }}
                    </dd>
                </div>
                <div class="figure">
                    <dt>{move || text(lang.get(), Key::SummaryBalance)}</dt>
                    <dd><span class="value wordy" data-testid="summary-balance">{move || summary().map_or("—".into(), |s| balance_text(lang.get(), &s))}</span></dd>
                </div>
                <div class="figure">
                    <dt>{move || text(lang.get(), Key::SummaryStart)}</dt>
                    <dd>
                        <span class="value" data-testid="summary-start">
                            {move || summary().map_or("—".into(), |s| match s.first_hiring_month {
                                Some(m) => month_label(m),
                                None => text(lang.get(), Key::SummaryNone).to_string(),
                            })}
                        </span>
                        {move || summary().filter(|s| s.too_late_for_early_months).map(|_| view! {
                            <span class="note" data-testid="summary-late">{text(lang.get(), Key::SummaryLate)}</span>
                        })}
                    </dd>
                </div>
                {item(Key::SummaryPeak, "summary-peak", Box::new(move || {
                    summary().map_or("—".into(), |s| format!("{} ({})", grouped(s.peak_required_fte, 1), month_label(s.peak_month)))
                }))}
                <div class="figure">
                    <dt>{move || text(lang.get(), Key::SummaryCpc)}</dt>
                    <dd>
                        <span class="value" data-testid="summary-cost-per-contact">{move || summary().map_or("—".into(), |s| money(store.currency.get(), s.cost_per_contact, 2))}</span>
                        {move || {
                            let (met, target) = cpc_against_target.get()?;
                            let (class, mark) = if met { ("mark met", "✓") } else { ("mark not-met", "✗") };
                            Some(view! {
                                <span class=class data-testid="summary-cpc-target">
                                    {format!("{mark} {} {}", text(lang.get(), Key::TargetAtMost), money(store.currency.get(), target, 2))}
                                </span>
                            })
                        }}
                    </dd>
                </div>
                {item(Key::SummaryCpr, "summary-cost-per-resolved", Box::new(move || summary().map_or("—".into(), |s| money(store.currency.get(), s.cost_per_resolved, 2))))}
                {item(Key::SummaryMonthsBelow, "summary-months-below", Box::new(move || summary().map_or("—".into(), |s| s.months_below_target.to_string())))}
            </dl>
        </section>
    }
}
