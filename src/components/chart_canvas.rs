//! A canvas that redraws whenever its data, the language or the window size
//! changes, at the screen's pixel density. What to draw is the caller's
//! function; this component only owns the canvas (and its PNG download).

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

#[component]
pub fn ChartCanvas<F>(
    test_id: &'static str,
    label: Signal<String>,
    draw: F,
    /// Key inputs, printed under the title of the downloaded PNG.
    #[prop(optional)]
    caption: Option<Signal<String>>,
) -> impl IntoView
where
    F: Fn(&DrawingArea<CanvasBackend, plotters::coord::Shift>, f64) + 'static,
{
    let canvas = NodeRef::<Canvas>::new();
    let resized = RwSignal::new(0u32);
    let handle = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n += 1));
    on_cleanup(move || handle.remove());
    Effect::new(move |_| {
        resized.track();
        let Some(canvas) = canvas.get() else { return };
        let ratio = web_sys::window()
            .map_or(1.0, |w| w.device_pixel_ratio())
            .max(1.0);
        let rect = canvas.get_bounding_client_rect();
        if rect.width() < 1.0 || rect.height() < 1.0 {
            return;
        }
        canvas.set_width((rect.width() * ratio).round() as u32);
        canvas.set_height((rect.height() * ratio).round() as u32);
        if let Some(backend) = CanvasBackend::with_canvas_object(canvas) {
            draw(&backend.into_drawing_area(), ratio);
        }
    });
    let store = crate::store::use_store();
    let save = move |_| {
        let caption = caption.map(|c| c.get_untracked()).unwrap_or_default();
        crate::download::download_canvas(
            test_id,
            &format!("ccplan-{test_id}.png"),
            &label.get_untracked(),
            &caption,
        );
    };
    view! {
        <figure class="chart-figure" aria-label=move || label.get()>
            <canvas node_ref=canvas class="chart" data-testid=test_id role="img" aria-label=move || label.get()></canvas>
            <figcaption>
                <button type="button" class="link-button" data-testid=format!("download-{test_id}") on:click=save>
                    {move || crate::i18n::text(store.lang.get(), crate::i18n::Key::DownloadPng)}
                </button>
            </figcaption>
        </figure>
    }
}
