//! "Copy link": the current inputs as a share link, copied to the clipboard
//! where the browser allows it and always shown in a read-only field.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::i18n::{text, Key};
use crate::store::use_store;

/// `navigator.clipboard.writeText(text)`, looked up at run time: the
/// clipboard is missing on insecure origins and in some browsers.
fn copy_to_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("clipboard"))
        .unwrap_or(JsValue::UNDEFINED);
    if clipboard.is_undefined() || clipboard.is_null() {
        return false;
    }
    let write = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .unwrap_or(JsValue::UNDEFINED);
    match write.dyn_ref::<js_sys::Function>() {
        Some(function) => function.call1(&clipboard, &JsValue::from_str(text)).is_ok(),
        None => false,
    }
}

use wasm_bindgen::JsCast;

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
