//! The landing page: inputs on the left, results and charts on the right.
//! The first visit's app (`first_visit`) shows the inputs and results of
//! [`staffing_page`] alone, with a placeholder for the rest, which the
//! whole app's [`StaffingPage`] fills in when it takes over (with the "Show
//! the math" block of the results).

use leptos::prelude::*;

use crate::components::calculator_interval::CalculatorInterval;
use crate::components::check_box::CheckBox;
use crate::components::intraday::Intraday;
use crate::components::number_field::{number_fields, NumberField};
use crate::components::phone_summary::PhoneSummary;
use crate::components::results_panel::ResultsPanel;
use crate::components::scenario_bar::ScenarioBar;
use crate::components::show_math::ShowMath;
use crate::components::staffing_curve::StaffingCurve;
use crate::components::stale_notice::StaleNotice;
use crate::i18n::{text, Key};
use crate::model::fields::StaffingField as F;
use crate::model::staffing::ModelChoice;
use crate::store::use_store;

/// The whole page: the curve, the day and the scenarios below the results.
#[component]
pub fn StaffingPage() -> impl IntoView {
    staffing_page(
        ViewFn::from(|| view! { <ShowMath /> }),
        view! {
            <StaffingCurve />
            <Intraday />
            <ScenarioBar />
        },
    )
}

/// The inputs and the results (with `math` below the figures), and `rest`
/// below the results.
pub fn staffing_page(math: ViewFn, rest: impl IntoView + 'static) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    // Memos: the boxes they disable are touched only when they change, not
    // on every key typed in another box (issue 26, item 4).
    let is_c = Signal::from(Memo::new(move |_| {
        store.staffing.with(|i| i.model == ModelChoice::ErlangC)
    }));
    let reverse = Signal::from(Memo::new(move |_| store.staffing.with(|i| i.reverse)));
    let on_model = move |ev: leptos::ev::Event| {
        if let Some(model) = ModelChoice::from_code(&event_target_value(&ev)) {
            store.set_model(model);
        }
    };
    let on_reverse = Callback::new(move |on: bool| store.set_reverse(on));
    // Rebuilt when a scenario is loaded, so no half-typed text survives it.
    let fields = move || {
        store.revision.track();
        view! {
            <NumberField field=F::Volume />
            <CalculatorInterval />
            {number_fields(&[F::Aht, F::SlTarget, F::SlSeconds, F::Interval, F::Shrinkage, F::MaxOccupancy, F::MaxAsa])}
            <div class="field">
                <label for="model">{move || text(lang.get(), Key::Model)}</label>
                <select id="model" data-testid="model" prop:value=move || store.staffing.with(|i| i.model.code()) on:change=on_model>
                    <option value="erlang_c">{move || text(lang.get(), Key::ErlangC)}</option>
                    <option value="erlang_a">{move || text(lang.get(), Key::ErlangA)}</option>
                </select>
            </div>
            <NumberField field=F::Patience disabled=is_c />
            <NumberField field=F::MaxAbandon disabled=is_c />
            <NumberField field=F::CostPerHour />
            <NumberField field=F::VolumeScale />
            <p class="help">{move || text(lang.get(), Key::VolumeScaleHelp)}</p>
            <NumberField field=F::AhtChange />
            <p class="help">{move || text(lang.get(), Key::AhtChangeHelp)}</p>
            <fieldset class="reverse">
                <legend>
                    <CheckBox test_id="reverse" checked=reverse on_change=on_reverse label=Key::ReverseMode />
                </legend>
                <p class="help">{move || text(lang.get(), Key::ReverseHelp)}</p>
                <NumberField field=F::Agents disabled=Signal::derive(move || !reverse.get()) />
            </fieldset>
        }
    };
    view! {
        <div class="page staffing">
            <PhoneSummary />
            <section class="panel inputs">
                <h2>{move || text(lang.get(), Key::Inputs)}</h2>
                {fields}
            </section>
            <div class="outputs" class:stale=move || store.results_stale()>
                <StaleNotice />
                <ResultsPanel math />
                {rest}
            </div>
        </div>
    }
}
