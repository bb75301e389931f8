//! How the forecast did on the held-back days (MAPE, WAPE, bias) beside
//! the seasonal naive forecast, and which was better.

use leptos::prelude::*;

use crate::format::percent;
use crate::i18n::{text, Key};
use crate::store::use_store;

#[component]
pub fn HoldoutLine() -> impl IntoView {
    let store = use_store();
    move || {
        let lang = store.lang.get();
        let h = store.with_forecast(|_, r| r.holdout.clone())?;
        let better = h.model.mape < h.naive.mape;
        Some(view! {
            <div class="holdout" data-testid="forecast-holdout">
                <p>{format!("{} {} — MAPE {}, WAPE {}, {} {:+.1} %", text(lang, Key::HoldoutScore), h.days,
                    percent(h.model.mape), percent(h.model.wape), text(lang, Key::Bias), h.model.bias * 100.0)}</p>
                <p>{format!("{} MAPE {}, WAPE {}", text(lang, Key::SeasonalNaive), percent(h.naive.mape), percent(h.naive.wape))}</p>
                <p class=if better { "mark met" } else { "mark not-met" } data-testid="forecast-holdout-verdict">
                    {text(lang, if better { Key::HoldoutBetter } else { Key::HoldoutWorse })}
                </p>
            </div>
        })
    }
}
