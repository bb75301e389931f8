//! The scorecard page: capacity-plan inputs on the left; the answer, three
//! charts and the balanced scorecard on the right.

use leptos::prelude::*;

use crate::components::kpi_entry::KpiEntry;
use crate::components::monthly_chart::{MonthlyChart, MonthlyKind};
use crate::components::number_field::NumberField;
use crate::components::scorecard_summary::ScorecardSummary;
use crate::components::scorecard_table::ScorecardTable;
use crate::i18n::{kpi_name, text, Key};
use crate::state::{field, parse_ramp};
use crate::store::use_store;

/// KPIs the model cannot compute, entered by the planner: (id, share?).
const ENTERED: [(&str, bool); 6] = [
    ("csat", true),
    ("nps", false),
    ("ces", true),
    ("attendance", true),
    ("training_completion", true),
    ("esat", true),
];

#[component]
pub fn ScorecardPage() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let t = move |k: Key| move || text(lang.get(), k);
    let hiring_to_requirement =
        Signal::derive(move || store.inputs.with(|i| i.scorecard.hire_to_requirement));

    let first_month = move || {
        store.inputs.with(|i| {
            format!(
                "{:04}-{:02}",
                i.scorecard.first_year, i.scorecard.first_month
            )
        })
    };
    let on_first_month = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        let mut parts = typed.split('-');
        if let (Some(Ok(year)), Some(Ok(month))) = (
            parts.next().map(str::parse::<i32>),
            parts.next().map(str::parse::<u32>),
        ) {
            if (1900..=2200).contains(&year) && (1..=12).contains(&month) {
                store.update(|i| {
                    i.scorecard.first_year = year;
                    i.scorecard.first_month = month;
                });
            }
        }
    };
    let ramp_invalid = RwSignal::new(false);
    let ramp_draft = RwSignal::new(None::<String>);
    let ramp_text = move || {
        ramp_draft.get().unwrap_or_else(|| {
            store.inputs.with(|i| {
                i.scorecard
                    .ramp
                    .iter()
                    .map(|r| r.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
        })
    };
    let on_ramp = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        match parse_ramp(&typed) {
            Some(ramp) => {
                ramp_invalid.set(false);
                store.update(|i| i.scorecard.ramp = ramp);
            }
            None => ramp_invalid.set(true),
        }
        ramp_draft.set(Some(typed));
    };
    let season = move |index: usize| {
        let label =
            Signal::derive(move || format!("{} {}", text(lang.get(), Key::Seasonality), index + 1));
        let value =
            Signal::derive(move || store.inputs.with(|i| Some(i.scorecard.seasonality[index])));
        view! {
            <label class="season">
                <span>{index + 1}</span>
                <KpiEntry
                    test_id=format!("season-{}", index + 1)
                    label=label
                    value=value
                    percent=false
                    lang=lang.into()
                    on_set=move |v| if let Some(v) = v.filter(|v| (0.0..=10.0).contains(v)) {
                        store.update(|i| i.scorecard.seasonality[index] = v);
                    }
                />
            </label>
        }
    };
    let entered = move |(id, share): (&'static str, bool)| {
        let label = Signal::derive(move || text(lang.get(), kpi_name(id)).to_string());
        let value =
            Signal::derive(move || store.inputs.with(|i| i.scorecard.entered.get(id).copied()));
        view! {
            <label class="entered">
                <span>{move || label.get()}{share.then_some(" (%)")}</span>
                <KpiEntry
                    test_id=format!("kpi-{id}")
                    label=label
                    value=value
                    percent=share
                    lang=lang.into()
                    on_set=move |v| store.update(|i| match v {
                        Some(v) => { i.scorecard.entered.insert(id.to_string(), v); }
                        None => { i.scorecard.entered.remove(id); }
                    })
                />
            </label>
        }
    };
    let fields = move || {
        store.revision.track();
        view! {
            <h3>{t(Key::Demand)}</h3>
            <div class="field">
                <label for="first-month">{t(Key::FirstMonth)}</label>
                <input id="first-month" type="month" data-testid="first-month" prop:value=first_month on:change=on_first_month />
            </div>
            <NumberField field=field("horizon") />
            <NumberField field=field("monthly-volume") />
            <NumberField field=field("growth") />
            <fieldset class="seasonality">
                <legend>{t(Key::Seasonality)}</legend>
                <div class="season-grid">{(0..12).map(season).collect_view()}</div>
            </fieldset>
            <NumberField field=field("fcr") />
            <NumberField field=field("repeat") />
            <NumberField field=field("deflection") />
            <NumberField field=field("aht-trend") />
            <h3>{t(Key::Staff)}</h3>
            <NumberField field=field("open-days") />
            <NumberField field=field("open-hours") />
            <NumberField field=field("paid-hours") />
            <NumberField field=field("start-headcount") />
            <NumberField field=field("attrition") />
            <div class="field checkbox">
                <label>
                    <input
                        type="checkbox"
                        data-testid="hire-to-requirement"
                        prop:checked=move || store.inputs.with(|i| i.scorecard.hire_to_requirement)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            store.update(|i| i.scorecard.hire_to_requirement = on);
                        }
                    />
                    {t(Key::HireToRequirement)}
                </label>
            </div>
            <NumberField field=field("hires") disabled=hiring_to_requirement />
            <NumberField field=field("training") />
            <div class="field" class:invalid=move || ramp_invalid.get()>
                <label for="ramp">{t(Key::Ramp)}</label>
                <input id="ramp" type="text" data-testid="ramp" prop:value=ramp_text on:input=on_ramp
                    on:blur=move |_| if !ramp_invalid.get_untracked() { ramp_draft.set(None) } />
                <p class="field-error" role="alert">{move || ramp_invalid.get().then(|| text(lang.get(), Key::ErrRamp))}</p>
            </div>
            <h3>{t(Key::Costs)}</h3>
            <NumberField field=field("overhead") />
            <NumberField field=field("budget") />
            <h3>{t(Key::EnteredKpis)}</h3>
            <div class="entered-grid">{ENTERED.into_iter().map(entered).collect_view()}</div>
        }
    };
    let problem = move || store.projection.with(|p| p.as_ref().err().cloned());
    view! {
        <div class="page scorecard-page">
            <section class="panel inputs">
                <h2>{t(Key::Inputs)}</h2>
                <p class="help">{t(Key::ScorecardHelp)}</p>
                {fields}
            </section>
            <div class="outputs">
                {move || problem().map(|p| view! {
                    <p class="message error" data-testid="engine-problem">{format!("{} ({})", text(lang.get(), p.key), p.detail)}</p>
                })}
                <ScorecardSummary />
                <MonthlyChart kind=MonthlyKind::Fte />
                <MonthlyChart kind=MonthlyKind::Service />
                <MonthlyChart kind=MonthlyKind::Cost />
                <ScorecardTable />
                <div class="row-buttons">
                    <button type="button" class="secondary" data-testid="export-csv-monthly" on:click=move |_| {
                        let csv = store.projection.with(|p| p.as_ref().ok().map(|p| crate::files::monthly_csv(&p.plan)));
                        if let Some(csv) = csv {
                            crate::download::download_text("ccplan-monthly.csv", "text/csv", &csv);
                        }
                    }>{t(Key::ExportMonthlyCsv)}</button>
                </div>
            </div>
        </div>
    }
}
