//! A labelled number box with a slider beside it. Typing, dragging and the
//! arrow keys all work; a value out of range gets an inline message and the
//! last valid value (and its results) stay.

use leptos::prelude::*;

use crate::i18n::{text, Key};
use crate::state::{Field, FieldError};
use crate::store::use_store;

#[component]
pub fn NumberField(
    field: Field,
    #[prop(optional)] disabled: Option<Signal<bool>>,
) -> impl IntoView {
    let store = use_store();
    let disabled = disabled.unwrap_or(Signal::from(false));
    let value = Memo::new(move |_| store.inputs.with(|i| (field.get)(i)));
    // What the user typed while it is not (yet) a valid value; `None` shows the value.
    let draft = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<FieldError>);
    let box_id = format!("field-{}", field.id);
    let error_id = format!("error-{}", field.id);

    let on_box = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        match field.parse(&typed) {
            Ok(v) => {
                error.set(None);
                store.update(|i| (field.set)(i, v));
            }
            Err(e) => error.set(Some(e)),
        }
        draft.set(Some(typed));
    };
    let on_blur = move |_| {
        if error.get_untracked().is_none() {
            draft.set(None);
        }
    };
    let choices = field.slider_choices();
    let on_slider = move |ev: leptos::ev::Event| {
        let position: f64 = event_target_value(&ev).parse().unwrap_or(f64::NAN);
        let v = match choices {
            Some(values) => values.get(position as usize).copied().unwrap_or(f64::NAN),
            None => position,
        };
        if let Ok(v) = field.check(v) {
            error.set(None);
            draft.set(None);
            store.update(|i| (field.set)(i, v));
        }
    };
    let message = move || {
        let lang = store.lang.get();
        error.get().map(|e| match e {
            FieldError::NotNumber => text(lang, Key::ErrNotNumber).to_string(),
            FieldError::Whole => text(lang, Key::ErrWhole).to_string(),
            FieldError::Interval => text(lang, Key::ErrInterval).to_string(),
            FieldError::Range { min, max } => {
                format!("{} {min} – {max}", text(lang, Key::ErrRange))
            }
        })
    };

    view! {
        <div class="field" class:invalid=move || error.get().is_some() class:disabled=move || disabled.get()>
            <label for=box_id.clone()>{move || text(store.lang.get(), field.label)}</label>
            <div class="field-controls">
                <input
                    type="range"
                    data-testid=format!("{}-slider", field.id)
                    aria-label=move || text(store.lang.get(), field.label)
                    min=choices.map_or(field.slider_min, |_| 0.0)
                    max=choices.map_or(field.slider_max, |c| (c.len() - 1) as f64)
                    step=choices.map_or(field.step, |_| 1.0)
                    aria-valuetext=move || value.get().to_string()
                    prop:value=move || match choices {
                        Some(values) => values.iter().position(|c| *c == value.get()).unwrap_or(0).to_string(),
                        None => value.get().to_string(),
                    }
                    prop:disabled=move || disabled.get()
                    on:input=on_slider
                />
                <input
                    type="number"
                    id=box_id
                    data-testid=field.id
                    inputmode="decimal"
                    min=field.min
                    max=field.max
                    step=field.step
                    aria-invalid=move || error.get().is_some().to_string()
                    aria-describedby=error_id.clone()
                    prop:value=move || draft.get().unwrap_or_else(|| value.get().to_string())
                    prop:disabled=move || disabled.get()
                    on:input=on_box
                    on:blur=on_blur
                />
            </div>
            <p class="field-error" id=error_id role="alert">{message}</p>
        </div>
    }
}
