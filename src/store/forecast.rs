//! The forecast page's state: the history text, the settings, and the
//! outcome the worker computed for them. Saved under its own key whenever
//! the history or a setting changes (never per keystroke: the text changes
//! when the user reads a paste or a file).

use leptos::prelude::*;

use super::{Latest, Route, Store};
use crate::engine_worker::ForecastRequest;
use crate::model::forecast::{ForecastOutcome, ForecastSettings, IntervalNeed, NeedsRequest};
use crate::storage::{self, Notice, SaveTarget, SavedForecast};

#[derive(Clone, Copy)]
pub struct ForecastStore {
    pub history: RwSignal<String>,
    pub settings: RwSignal<ForecastSettings>,
    /// The worker's answer for the history and settings it was asked about.
    pub outcome: RwSignal<Option<ForecastOutcome>>,
    /// Whether the worker is forecasting (the newest history and settings).
    pub running: Signal<bool>,
    forecasts: Latest,
    /// The forecast day shown interval by interval.
    pub chosen_day: RwSignal<usize>,
    /// Its intervals' agents from the worker, with the request they answer.
    pub needs: RwSignal<Option<(NeedsRequest, Vec<IntervalNeed>)>>,
    /// The starting headcount the plan started from the forecast took (its
    /// first month's requirement), to say so while it stands.
    pub headcount_carried: RwSignal<Option<f64>>,
}

impl ForecastStore {
    /// Reads what was saved (a notice if it could not be read: its backup
    /// was kept).
    pub(super) fn load() -> (ForecastStore, Option<Notice>) {
        let (saved, notice) = match storage::load_forecast() {
            Ok(saved) => (saved.unwrap_or_default(), None),
            Err(notice) => (SavedForecast::default(), Some(notice)),
        };
        (ForecastStore::showing(saved), notice)
    }

    /// No history: the staffing page alone never reads or shows one (its
    /// app does not even link the forecast's code).
    pub(super) fn empty() -> ForecastStore {
        ForecastStore::showing(SavedForecast::default())
    }

    fn showing(saved: SavedForecast) -> ForecastStore {
        let forecasts = Latest::new();
        ForecastStore {
            history: RwSignal::new(saved.history),
            settings: RwSignal::new(saved.settings),
            outcome: RwSignal::new(None),
            running: forecasts.in_flight(),
            forecasts,
            chosen_day: RwSignal::new(0),
            needs: RwSignal::new(None),
            headcount_carried: RwSignal::new(None),
        }
    }
}

impl ForecastStore {
    /// The history and settings on screen.
    fn current(self) -> SavedForecast {
        SavedForecast {
            history: self.history.get_untracked(),
            settings: self.settings.get_untracked(),
        }
    }

    /// Shows `saved` (from another tab) in place of what is on screen.
    fn show(self, saved: SavedForecast) {
        if self.history.with_untracked(|h| *h != saved.history) {
            self.history.set(saved.history);
        }
        if self.settings.with_untracked(|s| *s != saved.settings) {
            self.settings.set(saved.settings);
        }
    }
}

impl Store {
    /// Saves the forecast's history and settings when they change; while
    /// the forecast page is shown, has the worker forecast them (only the
    /// latest request's answer is kept; nothing is fitted at start-up or
    /// on other pages).
    pub(super) fn follow_forecast(self) {
        let f = self.forecast;
        // What this tab last read or saved: what storage holds unless
        // another tab has saved since.
        let known = StoredValue::new(f.current());
        Effect::new(move |_| {
            let ours = SavedForecast {
                history: f.history.get(),
                settings: f.settings.get(),
            };
            if known.with_value(|k| *k == ours) {
                return;
            }
            let mut next = ours.clone();
            if let Some(stored) = storage::stored_forecast() {
                if known.with_value(|k| *k != stored) {
                    // Another tab saved meanwhile: keep what it saved
                    // except what this tab has just changed.
                    known.with_value(|k| {
                        if ours.history == k.history {
                            next.history = stored.history;
                        }
                        if ours.settings == k.settings {
                            next.settings = stored.settings;
                        }
                    });
                    self.notice.set(Some(Notice::ForecastChangedElsewhere));
                }
            }
            let result = storage::save_forecast(&next);
            if result == Err(Notice::HistoryTooLong) {
                // Keep the history saved before (said so), with the new settings.
                let kept = SavedForecast {
                    history: known.with_value(|k| k.history.clone()),
                    settings: next.settings.clone(),
                };
                if storage::save_forecast(&kept).is_ok() {
                    known.set_value(kept);
                }
            } else if result.is_ok() {
                known.set_value(next.clone());
            }
            self.saved(SaveTarget::Forecast, result);
            if next != ours {
                f.show(next);
            }
        });
        // Another tab saved: show what it saved (nothing is written back).
        let listener = window_event_listener(leptos::ev::storage, move |event| {
            if event.key().as_deref() != Some(storage::KEY_FORECAST) {
                return;
            }
            let Some(stored) = storage::stored_forecast() else {
                return;
            };
            known.set_value(stored.clone());
            if f.current() != stored {
                self.notice.set(Some(Notice::ForecastChangedElsewhere));
                f.show(stored);
            }
        });
        on_cleanup(move || listener.remove());
        // What the last request was for: coming back to the page asks again
        // only if the history or settings changed meanwhile.
        let asked = StoredValue::new(None::<SavedForecast>);
        Effect::new(move |_| {
            if self.route.get() != Route::Forecast {
                return;
            }
            let request = SavedForecast {
                history: f.history.get(),
                settings: f.settings.get(),
            };
            if asked.with_value(|a| a.as_ref() == Some(&request)) {
                return;
            }
            asked.set_value(Some(request.clone()));
            if request.history.trim().is_empty() {
                f.forecasts.cancel();
                f.outcome.set(None);
                return;
            }
            let apply = f.forecasts.request(move |outcome: ForecastOutcome| {
                let days = outcome.result.as_ref().map_or(0, |r| r.days.len());
                if f.chosen_day.get_untracked() >= days {
                    f.chosen_day.set(0);
                }
                f.outcome.set(Some(outcome));
            });
            let SavedForecast { history, settings } = request;
            self.engine
                .run(ForecastRequest { history, settings }, apply);
        });
    }
}

/// Chance of meeting the target the forecast page's third column plans for.
pub const PROBABILITY: f64 = 0.9;

impl Store {
    /// While the forecast page is shown, asks the worker for the chosen
    /// day's agents whenever the day, the forecast or the staffing inputs
    /// change.
    pub(super) fn follow_forecast_needs(self) {
        let f = self.forecast;
        let requests = Latest::new();
        Effect::new(move |_| {
            // Only for the page that shows them: not on every staffing edit.
            if self.route.get() != Route::Forecast {
                return;
            }
            let settings = f.settings.get();
            let inputs = self.staffing.get();
            let chosen = f.chosen_day.get();
            let request = f.outcome.with(|o| {
                let o = o.as_ref()?;
                let day = o.result.as_ref().ok()?.days.get(chosen)?;
                Some(NeedsRequest::new(
                    o,
                    day,
                    inputs,
                    settings.cv_for(day),
                    PROBABILITY,
                ))
            });
            let Some(request) = request else { return };
            if f.needs
                .with_untracked(|n| n.as_ref().is_some_and(|(r, _)| *r == request))
            {
                requests.already_answered();
                return;
            }
            let answered = request.clone();
            let apply = requests.request(move |rows| f.needs.set(Some((answered, rows))));
            self.engine.run(request, apply);
        });
    }
}
