//! Tells the user when saved data was recovered, changed in another tab,
//! or could not be saved: each failed save (inputs, scenarios, forecast,
//! preferences) is listed until that same data saves.

use leptos::prelude::*;

use crate::i18n::{text, Key};
use crate::storage::{Notice, SaveTarget};
use crate::store::use_store;

fn notice_text(notice: Notice) -> Key {
    match notice {
        Notice::Corrupt => Key::StorageCorrupt,
        Notice::UnknownVersion => Key::StorageUnknownVersion,
        Notice::KeptInPlace => Key::StorageKeptInPlace,
        Notice::Full => Key::StorageFull,
        Notice::Unavailable => Key::StorageUnavailable,
        Notice::KeptNotOverwritten => Key::StorageKeptNotOverwritten,
        Notice::WouldNotRead => Key::StorageWouldNotRead,
        Notice::ChangedElsewhere => Key::StorageChangedElsewhere,
        Notice::CurrentChangedElsewhere => Key::StorageCurrentChangedElsewhere,
        Notice::HistoryTooLong => Key::StorageHistoryTooLong,
        Notice::ForecastChangedElsewhere => Key::StorageForecastChangedElsewhere,
    }
}

fn target_text(target: SaveTarget) -> Key {
    match target {
        SaveTarget::Inputs => Key::SavingInputs,
        SaveTarget::Scenarios => Key::SavingScenarios,
        SaveTarget::Forecast => Key::SavingForecast,
        SaveTarget::Language
        | SaveTarget::Currency
        | SaveTarget::CompareChoice
        | SaveTarget::CsvBom => Key::SavingPreferences,
    }
}

#[component]
pub fn StorageNotice() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let lines = move || {
        let mut lines: Vec<(Option<Key>, Key)> = Vec::new();
        if let Some(notice) = store.notice.get() {
            lines.push((None, notice_text(notice)));
        }
        store.save_failures.with(|failures| {
            for f in failures.iter().filter(|f| f.shown) {
                lines.push((Some(target_text(f.target)), notice_text(f.notice)));
            }
        });
        lines
    };
    let dismiss = move |_| {
        store.notice.set(None);
        store.save_failures.update(|failures| {
            for f in failures.iter_mut() {
                f.shown = false;
            }
        });
    };
    move || {
        let lines = lines();
        (!lines.is_empty()).then(|| {
            view! {
                <div class="notice" role="status" data-testid="storage-notice">
                    <div class="notice-lines">
                        {lines.into_iter().map(|(what, why)| view! {
                            <p>
                                {what.map(|what| view! { <strong>{move || text(lang.get(), what)}</strong>" " })}
                                {move || text(lang.get(), why)}
                            </p>
                        }).collect_view()}
                    </div>
                    <button type="button" on:click=dismiss>{move || text(lang.get(), Key::Dismiss)}</button>
                </div>
            }
        })
    }
}
