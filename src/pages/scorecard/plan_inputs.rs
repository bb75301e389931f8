//! The capacity plan's inputs: demand, staff, costs and entered KPIs;
//! rebuilt when inputs are replaced (a scenario loaded), so no half-typed
//! text survives it.

use leptos::prelude::*;

use super::demand_fields::DemandFields;
use super::entered_kpis::EnteredKpis;
use super::ramp_box::RampDraft;
use super::staff_fields::StaffFields;
use crate::components::number_field::NumberField;
use crate::i18n::{text, Key};
use crate::model::fields::ScorecardField as F;
use crate::store::use_store;

#[component]
pub fn PlanInputs() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let t = move |k: Key| move || text(lang.get(), k);
    // Kept across rebuilds, as the page's own state.
    let ramp = RampDraft::for_page();
    let fields = move || {
        store.revision.track();
        view! {
            <DemandFields />
            <StaffFields ramp=ramp />
            <h3>{t(Key::Costs)}</h3>
            <NumberField field=F::Overhead />
            <NumberField field=F::Budget />
            <EnteredKpis />
        }
    };
    view! {
        <section class="panel inputs">
            <h2>{t(Key::Inputs)}</h2>
            <p class="help">{t(Key::ScorecardHelp)}</p>
            {fields}
        </section>
    }
}
