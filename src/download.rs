//! Files in the browser: saving a generated text (JSON, CSV) or a canvas
//! as PNG, through a temporary link with a `download` name; reading the
//! file a user picked.

use wasm_bindgen::{JsCast, JsValue};

fn click_link(href: &str, filename: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(href);
    link.set_download(filename);
    link.set_attribute("hidden", "").ok()?;
    document.body()?.append_child(&link).ok()?;
    link.click();
    link.remove();
    Some(())
}

/// Offers `content` as a file called `filename`.
pub fn download_text(filename: &str, mime: &str, content: &str) -> bool {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let done = click_link(&url, filename).is_some();
    let _ = web_sys::Url::revoke_object_url(&url);
    done
}

/// Offers the canvas with test id `test_id` as a PNG file.
pub fn download_canvas(test_id: &str, filename: &str) -> bool {
    let canvas = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("canvas[data-testid=\"{test_id}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|e| e.dyn_into::<web_sys::HtmlCanvasElement>().ok());
    match canvas.and_then(|c| c.to_data_url_with_type("image/png").ok()) {
        Some(url) => click_link(&url, filename).is_some(),
        None => false,
    }
}

/// Reads the file picked in the file input that sent `event` as text, then
/// calls `on_read` with it (`None` if it could not be read). The input is
/// cleared, so picking the same file again reads it again.
pub fn read_picked_file(event: &web_sys::Event, on_read: impl FnOnce(Option<String>) + 'static) {
    let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    input.set_value("");
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text())
            .await
            .ok()
            .map(|value| value.as_string().unwrap_or_default());
        on_read(text);
    });
}
