//! What a budget buys: the service level and worst interval when it is
//! spent where it answers the most calls within target, beside a
//! proportional cut of the requirement, and both interval by interval
//! (or why it cannot be spent).

use leptos::prelude::*;

use super::problem_text;
use crate::components::folded_table::FoldedTable;
use crate::format::{grouped, percent};
use crate::i18n::{hours_text, schedule_row_name, text, Key};
use crate::store::use_store;

#[component]
pub fn BudgetResult() -> impl IntoView {
    let store = use_store();
    move || {
        let lang = store.lang.get();
        store.schedule.outcome.with(|o| {
            let (_, _, o) = o.as_ref()?;
            let budget = o.budget.as_ref()?;
            // Heads are explained whatever they buy, too little included.
            let heads_line = budget.as_ref().ok().and_then(|b| b.heads.map(|h| (h, b.hours))).map(|((heads, per_head), hours)| view! {
                <p data-testid="budget-heads-line">{format!("{} {heads} × {} = {}", text(lang, Key::BudgetHeadsAs), hours_text(lang, &grouped(per_head, 1)), hours_text(lang, &grouped(hours, 1)))}</p>
            });
            Some(view! { {heads_line} {match budget {
                Err(problem) => view! { <p class="message error" role="alert" data-testid="budget-problem">{problem_text(lang, problem, o)}</p> }.into_any(),
                Ok(b) if !b.best.feasible => view! {
                    <p class="message error" role="alert" data-testid="budget-too-small">
                        {format!("{} {} {} {}", grouped(b.hours, 1), text(lang, Key::BudgetTooSmall), grouped(b.minimum_hours.ceil(), 0), text(lang, Key::BudgetTooSmallEnd))}
                    </p>
                }.into_any(),
                Ok(b) => {
                    let rows = (0..o.required_fte.len()).map(|i| view! {
                        <tr>
                            <td>{schedule_row_name(lang, o, i)}</td>
                            <td>{b.best.agents.get(i).copied().unwrap_or(0)}</td>
                            <td>{b.cut.agents.get(i).copied().unwrap_or(0)}</td>
                        </tr>
                    }).collect_view();
                    view! {
                        <dl class="figures" data-testid="budget-figures">
                            <div class="figure lead">
                                <dt>{text(lang, Key::BudgetBest)}</dt>
                                <dd><span class="value" data-testid="budget-best-sl">{percent(b.best.service_level)}</span>
                                    <span class="unit" data-testid="budget-best-worst">{format!("{} {}", text(lang, Key::BudgetWorst), percent(b.best.worst_service_level))}</span></dd>
                            </div>
                            <div class="figure">
                                <dt>{text(lang, Key::BudgetCut)}</dt>
                                <dd><span class="value" data-testid="budget-cut-sl">{percent(b.cut.service_level)}</span>
                                    <span class="unit" data-testid="budget-cut-worst">{format!("{} {}", text(lang, Key::BudgetWorst), percent(b.cut.worst_service_level))}</span></dd>
                            </div>
                            <div class="figure">
                                <dt>{text(lang, Key::BudgetOnPhones)}</dt>
                                <dd><span class="value" data-testid="budget-agent-intervals">{grouped(b.agent_intervals as f64, 0)}</span></dd>
                            </div>
                        </dl>
                        <FoldedTable summary=Key::BudgetTable test_id="budget-table" columns=vec![Key::ColStart, Key::BudgetBest, Key::BudgetCut]>
                            {rows}
                        </FoldedTable>
                    }.into_any()
                }
            }} })
        })
    }
}
