//! The schedule page's third panel: a budget of paid agent-hours or heads
//! for the day, or the week when a week is scheduled (blank: not asked),
//! and what it buys.

use leptos::prelude::*;

use super::budget_result::BudgetResult;
use crate::components::flag_message::FlagMessage;
use crate::format::fixed;
use crate::i18n::{text, Key};
use crate::model::limits::whole_heads;
use crate::model::number::parse_number;
use crate::store::{use_store, Budget};

#[component]
pub fn BudgetSection() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let settings = store.schedule.settings;
    let heads_unit = RwSignal::new(settings.with_untracked(|x| x.budget_heads.is_some()));
    let budget_text = RwSignal::new(settings.with_untracked(|x| {
        x.budget_heads
            .map(|h| h.to_string())
            .or(x.budget_hours.map(|h| fixed(h, 0)))
            .unwrap_or_default()
    }));
    let budget_bad = RwSignal::new(false);
    // Issue 25, item 12: a week's budget is the week's.
    let week = move || settings.with(|x| x.week_pct.is_some());
    let set_budget = move |typed: String| {
        let budget = if typed.trim().is_empty() {
            Some(Budget::Unset)
        } else {
            parse_number(&typed).ok().and_then(|v| {
                if heads_unit.get_untracked() {
                    whole_heads(v).map(Budget::Heads)
                } else {
                    Some(Budget::Hours(v))
                }
            })
        };
        let taken = budget.is_some_and(|b| store.set_budget(b));
        budget_bad.set(!taken);
    };
    let set_unit = move |value: String| {
        heads_unit.set(value == "heads");
        // The number means something else now: asked again.
        budget_text.set(String::new());
        budget_bad.set(false);
        store.set_budget(Budget::Unset);
    };
    view! {
        <section class="panel">
            <h2>{move || text(lang.get(), Key::BudgetTitle)}</h2>
            <p class="help">{move || text(lang.get(), if week() { Key::BudgetHelpWeek } else { Key::BudgetHelp })}</p>
            <label class="budget">
                <span>{move || text(lang.get(), Key::BudgetUnit)}</span>
                <select data-testid="budget-unit" on:change=move |ev| set_unit(event_target_value(&ev))>
                    <option value="hours" selected=move || !heads_unit.get()>{move || text(lang.get(), Key::BudgetUnitHours)}</option>
                    <option value="heads" selected=move || heads_unit.get()>{move || text(lang.get(), Key::BudgetUnitHeads)}</option>
                </select>
            </label>
            <label class="budget">
                <span>{move || text(lang.get(), match (heads_unit.get(), week()) {
                    (true, false) => Key::BudgetHeads,
                    (false, false) => Key::BudgetHours,
                    (true, true) => Key::BudgetHeadsWeek,
                    (false, true) => Key::BudgetHoursWeek,
                })}</span>
                <input type="text" inputmode="decimal" class="short" data-testid="budget-hours" class:invalid=move || budget_bad.get()
                    prop:value=move || budget_text.get()
                    on:input=move |ev| budget_text.set(event_target_value(&ev))
                    on:change=move |ev| set_budget(event_target_value(&ev)) />
            </label>
            <FlagMessage when=budget_bad class="message error" role="alert" test_id="budget-bad"
                key=Signal::derive(move || if heads_unit.get() { Key::BudgetHeadsBad } else { Key::BudgetBad }) />
            <BudgetResult />
        </section>
    }
}
