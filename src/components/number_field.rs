//! A labelled number box with a slider beside it, for one field of the
//! field table, wired to its value in the store. Typing (see `number_box`), dragging and the arrow keys all
//! work; a refused value gets an inline message saying why.

use leptos::prelude::*;

use crate::components::number_box::NumberBox;
use crate::components::term_link::TermLink;
use crate::i18n::{field_label, field_message, glossary_term, text};
use crate::model::fields::{Field, FieldError};
use crate::store::{use_store, BoxId};

#[component]
pub fn NumberField(
    #[prop(into)] field: Field,
    #[prop(optional)] disabled: Option<Signal<bool>>,
) -> impl IntoView {
    let store = use_store();
    let spec = field.spec();
    let label = field_label(field);
    let test_id = field.test_id();
    // A memo: an edit elsewhere does not touch this field's box and slider.
    let value = Memo::new(move |_| store.field_value(field));
    let on_set = Callback::new(move |v| store.set_field(field, v));
    // The AHT and its what-if are checked against each other.
    let check = field.checked_against_inputs().then(|| {
        Callback::new(move |v: f64| match field {
            Field::Staffing(f) => store.staffing.with_untracked(|s| f.check_in(s, v)),
            Field::Scorecard(_) => Ok(v),
        })
    });
    let disabled = disabled.unwrap_or(Signal::from(false));
    let error = RwSignal::new(None::<FieldError>);
    let box_id = format!("field-{test_id}");
    let error_id = format!("error-{test_id}");

    let choices = spec.choices();
    let on_slider = move |ev: leptos::ev::Event| {
        let position: f64 = event_target_value(&ev).parse().unwrap_or(f64::NAN);
        let v = match choices {
            Some(values) => values.get(position as usize).copied().unwrap_or(f64::NAN),
            None => position,
        };
        let checked = match check {
            Some(check) => check.run(v),
            None => spec.check(v),
        };
        if let Ok(v) = checked {
            on_set.run(v);
        }
    };
    let message = move || {
        let lang = store.lang.get();
        error.get().map(|e| field_message(lang, &spec, e))
    };

    view! {
        <div class="field" class:invalid=move || error.get().is_some() class:disabled=move || disabled.get()>
            <label for=box_id.clone()>
                {move || text(store.lang.get(), label)}
                {glossary_term(label).map(|term| view! { " " <TermLink term=term label=label in_tab_order=false /> })}
            </label>
            <div class="field-controls">
                // One tab stop per field: the box (↑ / ↓ step it); the slider is for pointers.
                <input
                    type="range"
                    tabindex="-1"
                    data-testid=format!("{test_id}-slider")
                    aria-label=move || text(store.lang.get(), label)
                    min=choices.map_or(spec.slider_min, |_| 0.0)
                    max=choices.map_or(spec.slider_max, |c| (c.len() - 1) as f64)
                    step=choices.map_or(spec.step, |_| 1.0)
                    aria-valuetext=move || value.get().to_string()
                    prop:value=move || match choices {
                        Some(values) => values.iter().position(|c| *c == value.get()).unwrap_or(0).to_string(),
                        None => value.get().to_string(),
                    }
                    prop:disabled=move || disabled.get()
                    on:input=on_slider
                />
                <NumberBox
                    id=BoxId::Field(field)
                    spec=spec
                    value=Signal::derive(move || Some(value.get()))
                    on_commit=Callback::new(move |v: Option<f64>| if let Some(v) = v { on_set.run(v) })
                    test_id=test_id.to_string()
                    error=error
                    dom_id=box_id
                    described_by=error_id.clone()
                    disabled=disabled
                    check=check
                />
            </div>
            // An alert only while it has something to say (issue 25, item 12).
            <p class="field-error" id=error_id role=move || error.get().map(|_| "alert")>{message}</p>
        </div>
    }
}

/// A `NumberField` for each of `fields`, in order.
pub fn number_fields<F: Into<Field> + Copy>(fields: &[F]) -> impl IntoView {
    fields
        .iter()
        .map(|field| view! { <NumberField field=*field /> })
        .collect_view()
}
