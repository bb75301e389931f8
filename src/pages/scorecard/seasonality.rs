//! The twelve seasonal indices, one compact box per calendar month.

use leptos::prelude::*;

use crate::components::kpi_entry::KpiEntry;
use crate::i18n::{text, Key};
use crate::model::fields::Spec;
use crate::store::{use_store, BoxId};

/// Calendar months, one index each.
const MONTHS: usize = 12;

#[component]
pub fn Seasonality() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let season = move |index: usize| {
        let label =
            Signal::derive(move || format!("{} {}", text(lang.get(), Key::Seasonality), index + 1));
        let value = Signal::from(Memo::new(move |_| {
            store.scorecard.with(|s| s.seasonality.get(index).copied())
        }));
        let on_set = Callback::new(move |v: Option<f64>| {
            if let Some(v) = v {
                store.set_seasonal_index(index, v);
            }
        });
        view! {
            <label class="season">
                <span>{index + 1}</span>
                <KpiEntry
                    id=BoxId::Season(index)
                    spec=Spec::SEASON
                    test_id=format!("season-{}", index + 1)
                    label=label
                    value=value
                    percent=false
                    on_set=on_set
                />
            </label>
        }
    };
    view! {
        <fieldset class="seasonality">
            <legend>{move || text(lang.get(), Key::Seasonality)}</legend>
            <div class="season-grid">{(0..MONTHS).map(season).collect_view()}</div>
        </fieldset>
    }
}
