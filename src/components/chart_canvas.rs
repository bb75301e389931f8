//! A canvas that redraws when what its chart draws changes (its data, the
//! language, the window size), at the screen's pixel density. What to draw
//! is the caller's function; this component owns the canvas, when it is
//! painted, and its PNG download.
//!
//! When its data change, the chart runs dry (`ChartBackend` hashes the
//! drawing calls, drawing nothing) in the reactive effect, which tracks what
//! it reads; the canvas is painted only if the calls differ from the ones
//! last painted, and then at most once per animation frame however many
//! changes arrive before it, and only while it is on screen: the first
//! change after a frame is painted at once (in the idle time before the
//! next frame, which would otherwise paint it), later ones in the frame
//! after the one that shows it. A chart off
//! screen is painted when it comes into view, or once changes have stopped
//! for `OFF_SCREEN_DELAY_MS` (so its pixels, and a download, are never
//! stale for long), or at once before a download.

use std::cell::{Cell, RefCell};
use std::hash::{DefaultHasher, Hasher};
use std::rc::Rc;
use std::time::Duration;

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::components::chart_backend::ChartBackend;

/// How long an off-screen chart waits after the last change before it is
/// painted anyway.
const OFF_SCREEN_DELAY_MS: u64 = 300;

/// When the canvas was painted and what is waiting.
#[derive(Default)]
struct Painter {
    /// The hash of the drawing calls last painted.
    painted: Option<u64>,
    /// The canvas's size in device pixels when last painted (`None` after a
    /// resize): the dry run lays the chart out at it.
    size: Option<(u32, u32)>,
    /// The chart has changed since it was last painted.
    dirty: bool,
    /// A frame callback is waiting: to paint, or, after a paint at once, to
    /// let the next paint happen (no other paint is scheduled until then).
    frame_requested: bool,
    later: Option<TimeoutHandle>,
}

fn pixel_ratio() -> f64 {
    web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0)
}

fn context_of(canvas: &web_sys::HtmlCanvasElement) -> Option<web_sys::CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// Whether any of `rect` is inside the window.
fn on_screen(rect: &web_sys::DomRect) -> bool {
    let Some(window) = web_sys::window() else {
        return true;
    };
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(f64::INFINITY);
    let width = window
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .unwrap_or(f64::INFINITY);
    rect.bottom() > 0.0 && rect.top() < height && rect.right() > 0.0 && rect.left() < width
}

#[component]
pub fn ChartCanvas<F>(
    test_id: &'static str,
    label: Signal<String>,
    draw: F,
    /// Key inputs, printed under the title of the downloaded PNG.
    #[prop(optional)]
    caption: Option<Signal<String>>,
    /// Every signal `draw` reads, read: while the chart is off screen with a
    /// paint already waiting, a change is followed by this alone instead of
    /// a dry run of the chart (typing on a phone ran the off-screen curve
    /// dry on every key; issue 26, item 4). It must read all `draw` reads,
    /// or a change to the one left out would not reach the chart.
    #[prop(optional)]
    reads: Option<Signal<()>>,
) -> impl IntoView
where
    F: Fn(&DrawingArea<ChartBackend, plotters::coord::Shift>, f64) + 'static,
{
    let canvas = NodeRef::<Canvas>::new();
    let draw = StoredValue::new_local(draw);
    let painter = StoredValue::new_local(Painter::default());
    let resized = RwSignal::new(0u32);
    let handle = window_event_listener(leptos::ev::resize, move |_| {
        painter.update_value(|p| p.size = None);
        resized.update(|n| *n += 1);
    });
    on_cleanup(move || handle.remove());

    // Callbacks (frames, timers, the observer) can run after the chart has
    // left the page: then they do nothing.
    let alive = move || painter.try_with_value(|_| ()).is_some();
    // Paints the chart now (untracked); false if the canvas is not shown.
    let paint = move || -> bool {
        if !alive() {
            return false;
        }
        let Some(element) = canvas.try_get_untracked().flatten() else {
            return false;
        };
        let rect = element.get_bounding_client_rect();
        if rect.width() < 1.0 || rect.height() < 1.0 {
            return false;
        }
        let ratio = pixel_ratio();
        let size = (
            (rect.width() * ratio).round() as u32,
            (rect.height() * ratio).round() as u32,
        );
        // A new size reallocates (and clears) the canvas; the same size is
        // cleared by the backend, unless the chart paints all of it first.
        if element.width() != size.0 || element.height() != size.1 {
            element.set_width(size.0);
            element.set_height(size.1);
        }
        let Some(context) = context_of(&element) else {
            return false;
        };
        let clear = Rc::new(Cell::new(true));
        let hasher = Rc::new(RefCell::new(DefaultHasher::new()));
        let backend = ChartBackend::new(Some(element.clone()), size, hasher.clone(), clear.clone());
        untrack(|| draw.with_value(|d| d(&backend.into_drawing_area(), ratio)));
        if clear.get() {
            // Nothing was drawn.
            context.clear_rect(0.0, 0.0, f64::from(size.0), f64::from(size.1));
        }
        let hash = hasher.borrow().finish();
        painter.update_value(|p| {
            p.painted = Some(hash);
            p.size = Some(size);
            p.dirty = false;
        });
        true
    };
    // Paints once changes have stopped for a while (an off-screen chart).
    let paint_later = move || {
        if !alive() {
            return;
        }
        painter.update_value(|p| {
            if let Some(h) = p.later.take() {
                h.clear();
            }
        });
        let handle = set_timeout_with_handle(
            move || {
                if !alive() {
                    return;
                }
                painter.update_value(|p| p.later = None);
                if painter.with_value(|p| p.dirty) {
                    paint();
                }
            },
            Duration::from_millis(OFF_SCREEN_DELAY_MS),
        )
        .ok();
        painter.update_value(|p| p.later = handle);
    };
    // Whether the canvas is in the window now: as the intersection observer
    // last said (it follows scrolling and layout without forcing a layout),
    // or, before its first report, from the canvas's box. Asking the box
    // on every change forced a layout of the page in the middle of the
    // input's DOM patch, once per chart, whether or not it was on screen
    // (issue 26, item 4).
    let in_view = StoredValue::new_local(None::<bool>);
    let shown = move || {
        if let Some(seen) = in_view.try_get_value().flatten() {
            return seen;
        }
        canvas
            .try_get_untracked()
            .flatten()
            .is_some_and(|element| on_screen(&element.get_bounding_client_rect()))
    };
    // A waiting change, painted now if the chart is on screen, else later.
    let paint_waiting = move || {
        if painter.with_value(|p| p.dirty) && !(shown() && paint()) {
            paint_later();
        }
    };
    // Paints in the next animation frame if the chart is then on screen.
    let paint_in_frame = move || {
        if !alive() || painter.with_value(|p| p.frame_requested) {
            return;
        }
        painter.update_value(|p| p.frame_requested = true);
        request_animation_frame(move || {
            if alive() {
                painter.update_value(|p| p.frame_requested = false);
                paint_waiting();
            }
        });
    };
    // A change on screen is painted at once, unless the chart was already
    // painted since the last frame: then in the frame after the one that
    // shows that paint, so there is at most one paint per frame. Off
    // screen, as `paint_in_frame`.
    let schedule = move || {
        if !alive() || painter.with_value(|p| p.frame_requested) {
            return;
        }
        if !(shown() && paint()) {
            paint_in_frame();
            return;
        }
        painter.update_value(|p| p.frame_requested = true);
        // The first frame shows this paint; the next paint waits for the second.
        request_animation_frame(move || {
            request_animation_frame(move || {
                if alive() {
                    painter.update_value(|p| p.frame_requested = false);
                    paint_waiting();
                }
            })
        });
    };

    // A chart coming into view with a change waiting is painted.
    let observer = StoredValue::new_local(None::<web_sys::IntersectionObserver>);
    let on_view = StoredValue::new_local(None::<Closure<dyn FnMut(js_sys::Array)>>);
    on_cleanup(move || {
        observer.with_value(|o| {
            if let Some(o) = o {
                o.disconnect();
            }
        });
        painter.with_value(|p| {
            if let Some(h) = p.later {
                h.clear();
            }
        });
    });

    Effect::new(move |_| {
        resized.track();
        let Some(element) = canvas.get() else { return };
        if observer.with_value(Option::is_none) {
            let callback =
                Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                    // The latest entry is the canvas's state now.
                    let Some(entry) = entries.iter().last() else {
                        return;
                    };
                    let seen = entry
                        .unchecked_into::<web_sys::IntersectionObserverEntry>()
                        .is_intersecting();
                    if !alive() {
                        return;
                    }
                    in_view.set_value(Some(seen));
                    if seen && painter.with_value(|p| p.dirty) {
                        schedule();
                    }
                });
            if let Ok(o) = web_sys::IntersectionObserver::new(callback.as_ref().unchecked_ref()) {
                o.observe(&element);
                observer.set_value(Some(o));
                on_view.set_value(Some(callback));
            }
        }
        // Off screen with a paint waiting: what the chart reads is followed,
        // and the paint waits on (it draws whatever is current then).
        if let Some(reads) = reads {
            let waiting = painter.with_value(|p| p.dirty && p.painted.is_some());
            if waiting && in_view.get_value() == Some(false) {
                reads.get();
                paint_later();
                return;
            }
        }
        // The dry run, at the size last painted: the effect tracks what the
        // chart reads, and the hash says whether its drawing changed.
        let ratio = pixel_ratio();
        let changed = match painter.with_value(|p| p.size.zip(p.painted)) {
            Some((size, painted)) => {
                let hasher = Rc::new(RefCell::new(DefaultHasher::new()));
                let backend =
                    ChartBackend::new(None, size, hasher.clone(), Rc::new(Cell::new(false)));
                draw.with_value(|d| d(&backend.into_drawing_area(), ratio));
                let hash = hasher.borrow().finish();
                hash != painted
            }
            None => {
                // Not painted yet, or resized: a dry run at a usual size
                // only tracks what the chart reads.
                let hasher = Rc::new(RefCell::new(DefaultHasher::new()));
                let size = ((600.0 * ratio) as u32, (360.0 * ratio) as u32);
                let backend = ChartBackend::new(None, size, hasher, Rc::new(Cell::new(false)));
                draw.with_value(|d| d(&backend.into_drawing_area(), ratio));
                true
            }
        };
        painter.update_value(|p| p.dirty = changed);
        if changed {
            schedule();
        }
    });

    let store = crate::store::use_store();
    let save = move |_| {
        // The picture as it is now, even if off screen and not yet painted.
        if painter.with_value(|p| p.dirty) {
            paint();
        }
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
