//! Days left out of the fit, or counted at a corrected total: a date and
//! an optional total to add, and the days so far, each to put back.

use leptos::prelude::*;

use crate::components::flag_message::FlagMessage;
use crate::components::removable_chip::RemovableChip;
use crate::components::text_entry::TextEntry;
use crate::format::grouped;
use crate::i18n::{text, Key};
use crate::model::forecast::valid_corrected_total;
use crate::model::number::parse_number;
use crate::store::use_store;
use ccplan_engine::history::Date;

#[component]
pub fn Exclusions() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let date_text = RwSignal::new(String::new());
    let corrected_text = RwSignal::new(String::new());
    let bad = RwSignal::new(false);
    let add = Callback::new(move |()| {
        let corrected = corrected_text.get_untracked();
        let corrected = if corrected.trim().is_empty() {
            Some(None)
        } else {
            parse_number(&corrected)
                .ok()
                .filter(|v| valid_corrected_total(*v))
                .map(Some)
        };
        match (Date::parse(&date_text.get_untracked()), corrected) {
            (Some(date), Some(corrected)) => {
                bad.set(false);
                date_text.set(String::new());
                corrected_text.set(String::new());
                store.leave_out_day(date, corrected);
            }
            _ => bad.set(true),
        }
    });
    let days = move || {
        let (excluded, adjusted) = store
            .forecast
            .settings
            .with(|s| (s.excluded.clone(), s.adjusted.clone()));
        let left_out = excluded.into_iter().map(|date| (date, date.to_string()));
        let corrected = adjusted
            .into_iter()
            .map(|(date, total)| (date, format!("{date} → {}", grouped(total, 0))));
        left_out.chain(corrected).map(|(date, label)| {
            let remove_label = Signal::derive(move || format!("{} {date}", text(lang.get(), Key::PutBack)));
            view! { <RemovableChip test_id="exception-day" label=label remove_label=remove_label on_remove=Callback::new(move |()| store.put_back_day(date)) /> }
        }).collect_view()
    };
    view! {
        <h2>{move || text(lang.get(), Key::ExcludedTitle)}</h2>
        <p class="help">{move || text(lang.get(), Key::ExcludedHelp)}</p>
        <div class="answer-row">
            <TextEntry label=Key::ColDate test_id="exclude-date" value=date_text placeholder="2003-09-01" on_enter=add />
            <TextEntry label=Key::CorrectedTotal test_id="corrected-total" value=corrected_text inputmode="decimal" on_enter=add />
            <button type="button" data-testid="exclude-add" on:click=move |_| add.run(())>{move || text(lang.get(), Key::LeaveOut)}</button>
        </div>
        <FlagMessage when=bad class="message error" role="alert" test_id="exclude-bad" key=Key::ExceptionBad />
        <ul class="chips" data-testid="excluded-days">{days}</ul>
    }
}
