//! A chip in a list (a day left out, an event) with a "×" that removes it.

use leptos::prelude::*;

/// `remove_label`: what the "×" says to a screen reader.
#[component]
pub fn RemovableChip(
    test_id: &'static str,
    label: String,
    #[prop(into)] remove_label: Signal<String>,
    on_remove: Callback<()>,
) -> impl IntoView {
    view! {
        <li class="chip" data-testid=test_id>
            {label}
            <button type="button" class="link-button" aria-label=move || remove_label.get()
                on:click=move |_| on_remove.run(())>"×"</button>
        </li>
    }
}
