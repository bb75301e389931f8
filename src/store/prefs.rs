//! Preferences: the interface language (the one the user chose, else the
//! browser's) and the compare page's last choice.

use leptos::prelude::*;

use super::Store;
use crate::i18n::{text, Key, Lang};
use crate::model::compare::Choice;
use crate::storage::{self, SaveTarget};

/// The saved choice, or the first language of the browser's list.
pub fn initial_lang() -> Lang {
    storage::load_lang().unwrap_or_else(|| {
        let languages: Vec<String> = web_sys::window()
            .map(|w| {
                w.navigator()
                    .languages()
                    .iter()
                    .filter_map(|v| v.as_string())
                    .collect()
            })
            .unwrap_or_default();
        Lang::from_browser(&languages)
    })
}

impl Store {
    /// Keeps `<html lang>` in step and saves the language once the user picks one.
    pub(super) fn follow_lang(self) {
        let first = StoredValue::new(true);
        Effect::new(move |_| {
            let lang = self.lang.get();
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = root.set_attribute("lang", lang.html());
            }
            if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                document.set_title(text(lang, Key::PageTitle));
            }
            if first.get_value() {
                // Not chosen yet: keep following the browser's language until the user picks one.
                first.set_value(false);
                return;
            }
            self.saved(SaveTarget::Language, storage::save_lang(lang));
        });
    }
}

impl Store {
    /// Saves the currency once the user picks one.
    pub(super) fn follow_currency(self) {
        self.save_on_change(self.currency, SaveTarget::Currency, storage::save_currency);
        self.save_on_change(self.csv_bom, SaveTarget::CsvBom, storage::save_csv_bom);
    }

    /// Saves the compare page's choice whenever it changes.
    pub(super) fn follow_compare_choice(self) {
        self.save_on_change(
            self.compare_choice,
            SaveTarget::CompareChoice,
            |choice| match choice {
                Some(choice) => {
                    storage::save_compare_choice(&choice.iter().map(Choice::id).collect::<Vec<_>>())
                }
                None => Ok(()),
            },
        );
    }

    /// Calls `save` with each new value of `preference` (not the one it
    /// starts with, which was read from storage), and shows any failure.
    fn save_on_change<T: Clone + Send + Sync + 'static>(
        self,
        preference: RwSignal<T>,
        target: SaveTarget,
        save: fn(T) -> Result<(), storage::Notice>,
    ) {
        let first = StoredValue::new(true);
        Effect::new(move |_| {
            let value = preference.get();
            if std::mem::take(&mut *first.write_value()) {
                return;
            }
            self.saved(target, save(value));
        });
    }
}
