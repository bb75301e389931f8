//! Staff: open days and hours, paid hours, the starting headcount,
//! attrition, hiring (a number, or to the requirement), training and the
//! new hires' ramp.

use leptos::prelude::*;

use super::ramp_box::{RampBox, RampDraft};
use crate::components::check_box::CheckBox;
use crate::components::number_field::{number_fields, NumberField};
use crate::format::grouped;
use crate::i18n::{text, Key};
use crate::model::fields::ScorecardField as F;
use crate::store::use_store;

/// `ramp`: the ramp box's draft, kept by the page across rebuilds.
#[component]
pub fn StaffFields(ramp: RampDraft) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    // A memo, so the hires box is touched only when the choice changes.
    let hiring_to_requirement = Signal::from(Memo::new(move |_| {
        store.scorecard.with(|s| s.hire_to_requirement)
    }));
    let set_hiring = Callback::new(move |on: bool| store.set_hire_to_requirement(on));
    view! {
        <h3>{move || text(lang.get(), Key::Staff)}</h3>
        {number_fields(&[F::OpenDays, F::OpenHours, F::PaidHours, F::StartHeadcount, F::Attrition])}
        {move || {
            let carried = store.forecast.headcount_carried.get()?;
            store.scorecard.with(|s| s.start_headcount == carried).then(|| view! {
                <p class="help" data-testid="headcount-carried">{format!("{} {}", text(lang.get(), Key::HeadcountCarried), grouped(carried, 0))}</p>
            })
        }}
        <div class="field checkbox">
            <CheckBox test_id="hire-to-requirement" checked=hiring_to_requirement on_change=set_hiring label=Key::HireToRequirement />
        </div>
        <NumberField field=F::Hires disabled=hiring_to_requirement />
        <NumberField field=F::Training />
        <RampBox draft=ramp />
    }
}
