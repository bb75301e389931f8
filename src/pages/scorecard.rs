//! The scorecard page: capacity-plan inputs on the left; the answer, three
//! charts and the balanced scorecard on the right.

use leptos::prelude::*;

use crate::components::kpi_entry::KpiEntry;
use crate::components::monthly_chart::{MonthlyChart, MonthlyKind};
use crate::components::number_field::NumberField;
use crate::components::scorecard_summary::ScorecardSummary;
use crate::components::scorecard_table::ScorecardTable;
use crate::components::stale_notice::StaleNotice;
use crate::i18n::{kpi_name, problem_text, text, Key};
use crate::model::fields::{kpi_spec, ScorecardField as F, Spec};
use crate::model::scorecard::parse_ramp;
use crate::model::staffing::Computed;
use crate::store::use_store;
use crate::store::BoxId;
use ccplan_engine::scorecard::{kpi, KpiId, Source, Unit};

#[component]
pub fn ScorecardPage() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let t = move |k: Key| move || text(lang.get(), k);
    // A memo, so the hires box is touched only when the choice changes.
    let hiring_to_requirement = Signal::from(Memo::new(move |_| {
        store.scorecard.with(|s| s.hire_to_requirement)
    }));

    let first_month = move || {
        store
            .scorecard
            .with(|s| format!("{:04}-{:02}", s.first_year, s.first_month))
    };
    let on_first_month = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        let mut parts = typed.split('-');
        if let (Some(Ok(year)), Some(Ok(month))) = (
            parts.next().map(str::parse::<i32>),
            parts.next().map(str::parse::<u32>),
        ) {
            if (1900..=2200).contains(&year) && (1..=12).contains(&month) {
                store.scorecard.update(|s| {
                    s.first_year = year;
                    s.first_month = month;
                });
            }
        }
    };
    let ramp_invalid = RwSignal::new(false);
    on_cleanup(move || store.mark_invalid(BoxId::Ramp, false));
    let ramp_draft = RwSignal::new(None::<String>);
    let ramp_text = move || {
        ramp_draft.get().unwrap_or_else(|| {
            store.scorecard.with(|s| {
                s.ramp
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
                store.mark_invalid(BoxId::Ramp, false);
                store.scorecard.update(|s| s.ramp = ramp);
            }
            None => {
                ramp_invalid.set(true);
                store.mark_invalid(BoxId::Ramp, true);
            }
        }
        ramp_draft.set(Some(typed));
    };
    let season = move |index: usize| {
        let label =
            Signal::derive(move || format!("{} {}", text(lang.get(), Key::Seasonality), index + 1));
        let value = Signal::from(Memo::new(move |_| {
            store.scorecard.with(|s| Some(s.seasonality[index]))
        }));
        let on_set = Callback::new(move |v: Option<f64>| {
            if let Some(v) = v {
                store.scorecard.update(|s| s.seasonality[index] = v);
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
    let entered = move |id: KpiId| {
        let share = kpi(id).unit == Unit::Share;
        let label = Signal::derive(move || text(lang.get(), kpi_name(id)).to_string());
        let value = Signal::from(Memo::new(move |_| {
            store.scorecard.with(|s| s.entered.get(&id).copied())
        }));
        let on_set = Callback::new(move |v: Option<f64>| {
            store.scorecard.update(|s| match v {
                Some(v) => {
                    s.entered.insert(id, v);
                }
                None => {
                    s.entered.remove(&id);
                }
            })
        });
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
    let fields = move || {
        store.revision.track();
        view! {
            <h3>{t(Key::Demand)}</h3>
            <div class="field">
                <label for="first-month">{t(Key::FirstMonth)}</label>
                <input id="first-month" type="month" data-testid="first-month" prop:value=first_month on:change=on_first_month />
            </div>
            <NumberField field=F::Horizon />
            <NumberField field=F::MonthlyVolume />
            <NumberField field=F::Growth />
            <fieldset class="seasonality">
                <legend>{t(Key::Seasonality)}</legend>
                <div class="season-grid">{(0..12).map(season).collect_view()}</div>
            </fieldset>
            <NumberField field=F::Fcr />
            <NumberField field=F::Repeat />
            <NumberField field=F::Deflection />
            <NumberField field=F::AhtTrend />
            <h3>{t(Key::Staff)}</h3>
            <NumberField field=F::OpenDays />
            <NumberField field=F::OpenHours />
            <NumberField field=F::PaidHours />
            <NumberField field=F::StartHeadcount />
            <NumberField field=F::Attrition />
            <div class="field checkbox">
                <label>
                    <input
                        type="checkbox"
                        data-testid="hire-to-requirement"
                        prop:checked=move || store.scorecard.with(|s| s.hire_to_requirement)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            store.scorecard.update(|s| s.hire_to_requirement = on);
                        }
                    />
                    {t(Key::HireToRequirement)}
                </label>
            </div>
            <NumberField field=F::Hires disabled=hiring_to_requirement />
            <NumberField field=F::Training />
            <div class="field" class:invalid=move || ramp_invalid.get()>
                <label for="ramp">{t(Key::Ramp)}</label>
                <input id="ramp" type="text" data-testid="ramp" prop:value=ramp_text on:input=on_ramp
                    on:blur=move |_| if ramp_invalid.try_get_untracked() == Some(false) { ramp_draft.try_set(None); } />
                <p class="field-error" role="alert">{move || ramp_invalid.get().then(|| text(lang.get(), Key::ErrRamp))}</p>
            </div>
            <h3>{t(Key::Costs)}</h3>
            <NumberField field=F::Overhead />
            <NumberField field=F::Budget />
            <h3>{t(Key::EnteredKpis)}</h3>
            <div class="entered-grid">{entered_kpis.clone().map(entered).collect_view()}</div>
        }
    };
    view! {
        <div class="page scorecard-page">
            <section class="panel inputs">
                <h2>{t(Key::Inputs)}</h2>
                <p class="help">{t(Key::ScorecardHelp)}</p>
                {fields}
            </section>
            <div class="outputs" class:stale=move || store.results_stale()>
                <StaleNotice />
                {move || store.projection.with(|p| match p {
                    Computed::Pending => Some(view! { <p class="message info" data-testid="computing" role="status">{text(lang.get(), Key::Computing)}</p> }.into_any()),
                    Computed::Failed(p) => Some(view! { <p class="message error" data-testid="engine-problem">{problem_text(lang.get(), p)}</p> }.into_any()),
                    Computed::Ready(_) => None,
                })}
                <ScorecardSummary />
                <MonthlyChart kind=MonthlyKind::Fte />
                <MonthlyChart kind=MonthlyKind::Service />
                <MonthlyChart kind=MonthlyKind::Cost />
                <ScorecardTable />
                <div class="row-buttons">
                    <button type="button" class="secondary" data-testid="export-csv-monthly" on:click=move |_| {
                        let currency = store.currency.get_untracked();
                        let code = (currency != crate::i18n::Currency::None).then(|| currency.code());
                        let csv = store.projection.with(|p| p.ready().map(|p| crate::model::io::csv_out::monthly_csv(&p.plan, code)));
                        if let Some(csv) = csv {
                            crate::download::download_csv("ccplan-monthly.csv", csv, store.lang.get_untracked());
                        }
                    }>{t(Key::ExportMonthlyCsv)}</button>
                </div>
            </div>
        </div>
    }
}
