//! The KPIs a planner enters rather than the plan computes (which ones
//! comes from the engine's KPI table), each a compact box.

use leptos::prelude::*;

use crate::components::kpi_entry::KpiEntry;
use crate::i18n::{kpi_name, text, Key};
use crate::model::fields::kpi_spec;
use crate::store::{use_store, BoxId};
use ccplan_engine::scorecard::{kpi, KpiId, Source, Unit};

#[component]
pub fn EnteredKpis() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let entered = move |id: KpiId| {
        let share = kpi(id).unit == Unit::Share;
        let label = Signal::derive(move || text(lang.get(), kpi_name(id)).to_string());
        let value = Signal::from(Memo::new(move |_| {
            store.scorecard.with(|s| s.entered.get(&id).copied())
        }));
        let on_set = Callback::new(move |v: Option<f64>| store.set_entered_kpi(id, v));
        view! {
            <label class="entered">
                <span>{move || label.get()}{share.then_some(" (%)")}</span>
                <KpiEntry
                    id=BoxId::Entered(id)
                    spec=kpi_spec(share, true)
                    test_id=format!("kpi-{}", id.as_str())
                    label=label
                    value=value
                    percent=share
                    on_set=on_set
                />
            </label>
        }
    };
    let entered_kpis = KpiId::ALL
        .into_iter()
        .filter(|id| kpi(*id).source == Source::Input);
    view! {
        <h3>{move || text(lang.get(), Key::EnteredKpis)}</h3>
        <div class="entered-grid">{entered_kpis.map(entered).collect_view()}</div>
    }
}
