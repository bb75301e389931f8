//! Files in the browser: saving a generated text (JSON, CSV) or a canvas
//! as PNG, through a temporary link with a `download` name; reading the
//! file a user picked.

use leptos::prelude::GetUntracked;
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

/// Offers a generated CSV file as `filename`; if it could not be written,
/// says so in an alert (it cannot happen in practice, so no page keeps room
/// for the message) instead of offering a truncated file.
pub fn download_csv(
    filename: &str,
    csv: Result<String, crate::model::io::csv_out::CsvError>,
    store: crate::store::Store,
) -> bool {
    let lang = store.lang.get_untracked();
    match csv {
        Ok(csv) => download_text(
            filename,
            "text/csv",
            &with_bom(csv, store.csv_bom.get_untracked()),
        ),
        Err(_) => {
            if let Some(window) = web_sys::window() {
                let _ = window
                    .alert_with_message(crate::i18n::text(lang, crate::i18n::Key::CsvNotWritten));
            }
            false
        }
    }
}

/// The CSV as the browser offers it: with a UTF-8 byte-order mark first
/// when `bom` (Excel on Windows then reads 早班 as UTF-8, not as the
/// system code page); the CLI writes its CSV without one.
pub fn with_bom(csv: String, bom: bool) -> String {
    if bom && !csv.starts_with('\u{feff}') {
        format!("\u{feff}{csv}")
    } else {
        csv
    }
}

/// Height of the band above a downloaded chart, in CSS pixels: a title,
/// then the caption and the date, so the picture can go on a slide alone.
pub const PNG_HEADER_CSS_PX: f64 = 58.0;

/// Offers the canvas with test id `test_id` as a PNG file, with `title`
/// and a line of `caption` and today's date above the chart.
pub fn download_canvas(test_id: &str, filename: &str, title: &str, caption: &str) -> bool {
    titled_png(test_id, title, caption).is_some_and(|url| click_link(&url, filename).is_some())
}

fn titled_png(test_id: &str, title: &str, caption: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let chart = document
        .query_selector(&format!("canvas[data-testid=\"{test_id}\"]"))
        .ok()??
        .dyn_into::<web_sys::HtmlCanvasElement>()
        .ok()?;
    let css_width = chart.get_bounding_client_rect().width();
    let ratio = if css_width > 0.0 {
        f64::from(chart.width()) / css_width
    } else {
        1.0
    };
    let header = (PNG_HEADER_CSS_PX * ratio).round();
    let picture = document
        .create_element("canvas")
        .ok()?
        .dyn_into::<web_sys::HtmlCanvasElement>()
        .ok()?;
    picture.set_width(chart.width());
    picture.set_height(chart.height() + header as u32);
    let context = picture
        .get_context("2d")
        .ok()??
        .dyn_into::<web_sys::CanvasRenderingContext2d>()
        .ok()?;
    context.set_fill_style_str("#ffffff");
    context.fill_rect(
        0.0,
        0.0,
        f64::from(picture.width()),
        f64::from(picture.height()),
    );
    context.set_fill_style_str("#1d2330");
    context.set_font(&format!("bold {}px sans-serif", (16.0 * ratio).round()));
    context.fill_text(title, 12.0 * ratio, 22.0 * ratio).ok()?;
    let date = String::from(js_sys::Date::new_0().to_iso_string());
    let line = match caption {
        "" => date.chars().take(10).collect::<String>(),
        caption => format!("{caption} · {}", date.chars().take(10).collect::<String>()),
    };
    context.set_fill_style_str("#5b6475");
    context.set_font(&format!("{}px sans-serif", (12.0 * ratio).round()));
    context.fill_text(&line, 12.0 * ratio, 44.0 * ratio).ok()?;
    context
        .draw_image_with_html_canvas_element(&chart, 0.0, header)
        .ok()?;
    picture.to_data_url_with_type("image/png").ok()
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

/// `navigator.clipboard.writeText(text)`, looked up at run time: the
/// clipboard is missing on insecure origins and in some browsers.
pub fn copy_to_clipboard(text: &str) -> bool {
    write_text(text).is_some()
}

/// `copy_to_clipboard`, waiting for the browser's answer: `false` also when
/// the browser refuses the write (permission denied, page not focused), so
/// the page can say the link was not copied.
pub async fn copy_to_clipboard_confirmed(text: &str) -> bool {
    let Some(promise) = write_text(text).and_then(|p| p.dyn_into::<js_sys::Promise>().ok()) else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Starts `navigator.clipboard.writeText(text)`; its promise, or `None`
/// where there is no clipboard.
fn write_text(text: &str) -> Option<JsValue> {
    let window = web_sys::window()?;
    let clipboard = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("clipboard"))
        .unwrap_or(JsValue::UNDEFINED);
    if clipboard.is_undefined() || clipboard.is_null() {
        return None;
    }
    let write = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .unwrap_or(JsValue::UNDEFINED);
    write
        .dyn_ref::<js_sys::Function>()?
        .call1(&clipboard, &JsValue::from_str(text))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::with_bom;

    #[test]
    fn the_bom_is_added_once_and_only_when_asked() {
        assert_eq!(
            with_bom("shift\n早班\n".into(), true),
            "\u{feff}shift\n早班\n"
        );
        assert_eq!(with_bom("\u{feff}a\n".into(), true), "\u{feff}a\n");
        assert_eq!(with_bom("shift\n早班\n".into(), false), "shift\n早班\n");
    }
}
