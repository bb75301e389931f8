//! The new hires' AHT multipliers, month by month (`1.3, 1.15, 1.05`): the
//! text stays as typed while it is being edited; an invalid list is marked
//! and leaves the plan as it was.

use leptos::prelude::*;

use crate::i18n::{text, Key};
use crate::model::scorecard::parse_ramp;
use crate::store::{use_store, BoxId};

/// The box's state, owned by the page so a rebuild of the fields keeps it.
#[derive(Clone, Copy)]
pub struct RampDraft {
    invalid: RwSignal<bool>,
    /// The text as typed, until the box is left holding a valid list.
    typed: RwSignal<Option<String>>,
}

impl RampDraft {
    pub fn for_page() -> RampDraft {
        let store = use_store();
        on_cleanup(move || store.mark_invalid(BoxId::Ramp, false));
        RampDraft {
            invalid: RwSignal::new(false),
            typed: RwSignal::new(None),
        }
    }
}

#[component]
pub fn RampBox(draft: RampDraft) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let RampDraft { invalid, typed } = draft;
    let shown = move || {
        typed.get().unwrap_or_else(|| {
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
        let text = event_target_value(&ev);
        let ramp = parse_ramp(&text);
        invalid.set(ramp.is_none());
        store.mark_invalid(BoxId::Ramp, ramp.is_none());
        if let Some(ramp) = ramp {
            store.set_ramp(ramp);
        }
        typed.set(Some(text));
    };
    view! {
        <div class="field" class:invalid=move || invalid.get()>
            <label for="ramp">{move || text(lang.get(), Key::Ramp)}</label>
            <input id="ramp" type="text" data-testid="ramp" prop:value=shown on:input=on_ramp
                on:blur=move |_| if invalid.try_get_untracked() == Some(false) { typed.try_set(None); } />
            // An alert only while it has something to say (issue 25, item 12).
            <p class="field-error" role=move || invalid.get().then_some("alert")>{move || invalid.get().then(|| text(lang.get(), Key::ErrRamp))}</p>
        </div>
    }
}
