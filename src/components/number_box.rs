//! The text box behind every number the user types: staffing and scorecard
//! fields, seasonal indices, entered KPIs and targets.
//!
//! What the user types stays exactly as typed while the box has focus: the
//! box never writes back into itself, so a decimal point, a leading minus,
//! an empty box or a half-typed `1e` survive. A valid text is committed at
//! once (live results). An invalid one shows its message, marks the box in
//! the store (the pages then say the results do not reflect it) and puts
//! back the value the box had when the edit began, so nothing computed or
//! saved ever comes from an intermediate keystroke. Leaving the box keeps an
//! invalid draft with its message; Escape puts the committed value back.
//! A valid value is shown in its plain form once the box is left (`1,062`
//! becomes `1062`).

use leptos::prelude::*;

use crate::model::fields::{FieldError, Spec};
use crate::model::number::format_plain;
use crate::store::{use_store, BoxId};

fn text_of(value: Option<f64>) -> String {
    value.map(format_plain).unwrap_or_default()
}

fn has_focus(element: &web_sys::Element) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|active| active == *element)
}

#[component]
pub fn NumberBox(
    id: BoxId,
    spec: Spec,
    /// The committed value, in the units the box shows (`None`: empty, for optional boxes).
    value: Signal<Option<f64>>,
    /// Called with each valid value typed, and with the earlier value to put it back.
    on_commit: Callback<Option<f64>>,
    test_id: String,
    /// Why the current text is refused; shared with the caller, which shows it.
    error: RwSignal<Option<FieldError>>,
    #[prop(optional)] dom_id: Option<String>,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] label: Option<Signal<String>>,
    #[prop(optional)] described_by: Option<String>,
    #[prop(optional)] disabled: Option<Signal<bool>>,
    /// A check of a value the spec accepts against the other inputs (the
    /// AHT what-if must leave every AHT in range); none: the spec decides.
    #[prop(default = None)]
    check: Option<Callback<f64, Result<f64, FieldError>>>,
) -> impl IntoView {
    let store = use_store();
    let read = move |text: &str| match (spec.read(text), check) {
        (Ok(Some(v)), Some(check)) => check.run(v).map(Some),
        (read, _) => read,
    };
    // Only a change of this value may touch the box, not every change of the inputs.
    let value = Memo::new(move |_| value.get());
    let disabled = disabled.unwrap_or(Signal::from(false));
    let input = NodeRef::<leptos::html::Input>::new();
    // The committed value when the current edit began; `None` while not editing.
    let edit_start: StoredValue<Option<Option<f64>>> = StoredValue::new(None);

    let set_error = move |problem: Option<FieldError>| {
        if error.try_get_untracked() != Some(problem) {
            error.set(problem);
        }
        store.mark_invalid(id, problem.is_some());
    };
    let show = move |shown: Option<f64>| {
        if let Some(element) = input.get_untracked() {
            element.set_value(&text_of(shown));
        }
    };
    // A value changed from elsewhere (a slider, a loaded scenario) replaces
    // the text, unless the user is typing in this box.
    Effect::new(move |_| {
        let current = value.get();
        let Some(element) = input.get() else {
            return;
        };
        if has_focus(&element) {
            return;
        }
        element.set_value(&text_of(current));
        edit_start.set_value(None);
        set_error(None);
    });

    let on_input = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        let committed = value.get_untracked();
        let start = *edit_start.get_value().get_or_insert(committed);
        edit_start.set_value(Some(start));
        match read(&typed) {
            Ok(read) => {
                set_error(None);
                if read != committed {
                    on_commit.run(read);
                }
            }
            Err(problem) => {
                set_error(Some(problem));
                if start != committed {
                    on_commit.run(start);
                }
            }
        }
    };
    // Typing over the whole text (select all, then type or paste) starts a
    // new edit from the value committed now.
    let on_beforeinput = move |_| {
        let Some(element) = input.get_untracked() else {
            return;
        };
        let length = element.value().encode_utf16().count() as u32;
        let start = element.selection_start().ok().flatten();
        let end = element.selection_end().ok().flatten();
        if length > 0 && start == Some(0) && end == Some(length) {
            edit_start.set_value(None);
        }
    };
    let on_focus = move |_| edit_start.set_value(None);
    let on_blur = move |_| {
        // The box may be leaving the page with its component (navigation).
        let Some(problem) = error.try_get_untracked() else {
            return;
        };
        if problem.is_none() {
            edit_start.set_value(None);
            show(value.get_untracked());
        }
    };
    let commit_and_show = move |next: Option<f64>| {
        if value.get_untracked() != next {
            on_commit.run(next);
        }
        edit_start.set_value(None);
        set_error(None);
        show(value.get_untracked());
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            if let Some(start) = edit_start.get_value() {
                commit_and_show(start);
            } else {
                commit_and_show(value.get_untracked());
            }
        }
        // Arrow keys step the value, as in a number box.
        key @ ("ArrowUp" | "ArrowDown") => {
            ev.prevent_default();
            let Some(element) = input.get_untracked() else {
                return;
            };
            let current = read(&element.value())
                .ok()
                .flatten()
                .or(value.get_untracked());
            let stepped = current
                .and_then(|v| spec.step_from(v, key == "ArrowUp"))
                .filter(|&v| check.is_none_or(|check| check.run(v).is_ok()));
            if let Some(next) = stepped {
                commit_and_show(Some(next));
            }
        }
        _ => {}
    };
    on_cleanup(move || store.mark_invalid(id, false));

    view! {
        <input
            type="text"
            inputmode="decimal"
            autocomplete="off"
            spellcheck="false"
            node_ref=input
            id=dom_id
            class=class
            class:invalid=move || error.get().is_some()
            data-testid=test_id
            aria-label=move || label.map(|l| l.get())
            aria-invalid=move || error.get().is_some().to_string()
            aria-describedby=described_by
            value=text_of(value.get_untracked())
            prop:disabled=move || disabled.get()
            on:input=on_input
            on:beforeinput=on_beforeinput
            on:focus=on_focus
            on:blur=on_blur
            on:keydown=on_keydown
        />
    }
}
