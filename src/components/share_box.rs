//! "Copy link": the current inputs as a share link, copied to the clipboard
//! where the browser allows it and always shown in a read-only field.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::download::copy_to_clipboard;
use crate::i18n::{text, Key};
use crate::store::use_store;

#[component]
pub fn ShareBox(#[prop(into)] name: Signal<String>) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let url = RwSignal::new(String::new());
    let copied = RwSignal::new(false);
    let share = move |_| {
        let typed = name.get_untracked();
        let label = if typed.trim().is_empty() {
            text(lang.get_untracked(), Key::ShareUrl).to_string()
        } else {
            typed.trim().to_string()
        };
        let link = store.share_url(&label);
        copied.set(copy_to_clipboard(&link));
        url.set(link);
    };
    view! {
        <div class="share">
            <button type="button" class="secondary" data-testid="share-link" on:click=share>{move || text(lang.get(), Key::ShareLink)}</button>
            <label class="share-url">
                <span>{move || text(lang.get(), Key::ShareUrl)}</span>
                <input type="text" readonly data-testid="share-url" prop:value=move || url.get()
                    on:focus=move |ev| {
                        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            input.select();
                        }
                    } />
            </label>
            <p class="help">
                {move || text(lang.get(), Key::ShareHelp)}
                " "
                {move || copied.get().then(|| text(lang.get(), Key::Copied))}
            </p>
        </div>
    }
}
