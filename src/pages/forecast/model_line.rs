//! The model that made the forecast, its smoothing parameters, and the
//! AICc of each model tried.

use leptos::prelude::*;

use crate::format::fixed;
use crate::i18n::{text, Key};
use crate::store::use_store;

#[component]
pub fn ModelLine() -> impl IntoView {
    let store = use_store();
    move || {
        let lang = store.lang.get();
        let r = store.with_forecast(|_, r| Some(r.clone()))?;
        let s = r.smoothing;
        let mut params = format!("α = {}, γ = {}", smoothing(s.alpha), smoothing(s.gamma));
        if r.model == ccplan_engine::ets::EtsModel::AddA {
            params = format!(
                "α = {}, β = {}, γ = {}, φ = {}",
                smoothing(s.alpha),
                smoothing(s.beta),
                smoothing(s.gamma),
                fixed(s.phi, 3)
            );
        }
        let tried = r
            .tried
            .iter()
            .map(|(m, aicc)| match aicc {
                Some(a) => format!("{} {}", m.name(), fixed(*a, 1)),
                None => format!("{} —", m.name()),
            })
            .collect::<Vec<_>>()
            .join(" · ");
        Some(view! {
            <p data-testid="forecast-model-chosen"><strong>{format!("{} {}", text(lang, Key::ModelChosen), r.model.name())}</strong>{format!(" ({params})")}</p>
            <p class="note" data-testid="forecast-aicc">{format!("{} {tried}", text(lang, Key::AiccOfEach))}</p>
        })
    }
}

/// A smoothing parameter to three significant digits: 0.553, 0.0000447
/// (fixed decimals would show a season that barely moves as 0.0000).
fn smoothing(value: f64) -> String {
    if value == 0.0 || !value.is_finite() {
        return fixed(value, 1);
    }
    let decimals = (2 - value.abs().log10().floor() as i32).clamp(0, 12) as usize;
    fixed(value, decimals)
}

#[cfg(test)]
mod tests {
    #[test]
    fn smoothing_parameters_keep_three_significant_digits() {
        assert_eq!(super::smoothing(0.55278), "0.553");
        assert_eq!(super::smoothing(4.472e-5), "0.0000447");
        assert_eq!(super::smoothing(0.0001), "0.000100");
        assert_eq!(super::smoothing(0.0), "0.0");
    }
}
