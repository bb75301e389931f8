//! Which interval of the day the one-interval calculator shows (issue 25,
//! item 1): a list of the day's interval starts beside the contacts box, the
//! busiest marked, and that interval's own AHT when the day gives one.

use leptos::prelude::*;

use crate::format::grouped;
use crate::i18n::{text, Key};
use crate::model::number::format_plain;
use crate::store::use_store;

#[component]
pub fn CalculatorInterval() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let chosen = Memo::new(move |_| store.staffing.with(|s| s.calculator_index()));
    // Rebuilt only when the day's starts or volumes change, not on every input.
    let options = Memo::new(move |_| {
        store.staffing.with(|s| {
            let busiest = crate::model::staffing::busiest(&s.intraday);
            (0..s.intraday.len())
                .map(|n| (s.interval_label(n), s.intraday[n], n == busiest))
                .collect::<Vec<_>>()
        })
    });
    let count = Memo::new(move |_| options.with(Vec::len));
    let option_text = move |n: usize| {
        let lang = lang.get();
        options.with(|options| {
            options
                .get(n)
                .map_or_else(String::new, |(start, volume, busiest)| {
                    let mark = if *busiest {
                        format!(" {}", text(lang, Key::BusiestMark))
                    } else {
                        String::new()
                    };
                    format!("{start} · {}{mark}", grouped(*volume, 0))
                })
        })
    };
    let own_aht = Memo::new(move |_| {
        store
            .staffing
            .with(|s| s.intraday_aht.get(s.calculator_index()).copied().flatten())
    });
    let on_change = move |ev: leptos::ev::Event| {
        if let Ok(index) = event_target_value(&ev).parse::<usize>() {
            store.use_interval(index);
        }
    };
    view! {
        <div class="field calculator-interval">
            <label for="calculator-interval">{move || text(lang.get(), Key::CalculatorInterval)}</label>
            <select id="calculator-interval" data-testid="calculator-interval" aria-describedby="calculator-interval-help"
                prop:value=move || chosen.get().to_string() on:change=on_change>
                // One option per interval, kept: a key typed in the contacts
                // box changes one option's text, which is all that is
                // written (rebuilding the list set every option's
                // attributes again on every key; issue 26, item 4).
                <For each=move || 0..count.get() key=|n| *n let:n>
                    <option value=n.to_string() selected=n == chosen.get_untracked()>{move || option_text(n)}</option>
                </For>
            </select>
        </div>
        <p class="help" id="calculator-interval-help">
            {move || text(lang.get(), Key::CalculatorIntervalHelp)}
            {move || own_aht.get().map(|aht| {
                let lang = lang.get();
                // An AHT as it was entered (whole seconds read as typed, not "240.0 s").
                view! { " " <span data-testid="interval-own-aht">{format!("{} {} {}", text(lang, Key::IntervalOwnAht), format_plain(aht), text(lang, Key::Seconds))}</span> }
            })}
        </p>
    }
}
