//! The plotters backend behind every chart canvas: plotters-canvas's
//! `CanvasBackend` does the drawing, wrapped for two things that make a
//! redraw cheaper:
//! - text is measured with the canvas's `measureText` (and remembered),
//!   where plotters' web font measurer appends a span to the page and reads
//!   its size, forcing a layout of the whole page for every label;
//! - a dry run draws nothing and only hashes the drawing calls, so a chart
//!   whose calls did not change is not redrawn (`ChartCanvas`).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash};
use std::rc::Rc;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use plotters_canvas::CanvasBackend;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

#[derive(Debug)]
pub struct CanvasError(String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "canvas error: {}", self.0)
    }
}

impl std::error::Error for CanvasError {}

/// plotters-canvas's errors as this backend's.
/// A line's colour (hashable) and width, as a drawing call records them.
fn stroke<S: BackendStyle>(style: &S) -> (ColourKey, u32) {
    (key(style.color()), style.stroke_width())
}

fn from_canvas(
    e: DrawingErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>,
) -> DrawingErrorKind<CanvasError> {
    match e {
        DrawingErrorKind::DrawingError(e) => {
            DrawingErrorKind::DrawingError(CanvasError(e.to_string()))
        }
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

/// A colour as a hashable key (the alpha by its bits).
type ColourKey = ((u8, u8, u8), u64);

fn key(colour: BackendColor) -> ColourKey {
    (colour.rgb, colour.alpha.to_bits())
}

thread_local! {
    /// Text sizes by font and text, as `measureText` gave them.
    static MEASURED: RefCell<HashMap<(String, String), (u32, u32)>> = RefCell::new(HashMap::new());
}

thread_local! {
    /// A canvas of its own for measuring text (and the font last set on it),
    /// so measuring never changes a chart's context.
    static MEASURER: RefCell<Option<(CanvasRenderingContext2d, String)>> = const { RefCell::new(None) };
}

fn measuring_context() -> Option<CanvasRenderingContext2d> {
    use wasm_bindgen::JsCast;
    web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into::<web_sys::HtmlCanvasElement>()
        .ok()?
        .get_context("2d")
        .ok()??
        .dyn_into()
        .ok()
}

/// More labels than a page of charts shows; past this the table starts again.
const MEASURED_MAX: usize = 4_000;

/// The CSS font of a text style, as plotters-canvas sets it.
fn font_of<S: BackendTextStyle>(style: &S) -> String {
    format!(
        "{} {}px {}",
        style.style().as_str(),
        style.size(),
        style.family().as_str()
    )
}

pub struct ChartBackend {
    /// The canvas drawn on; `None` for a dry run: calls are hashed, nothing is drawn.
    canvas: Option<(CanvasBackend, CanvasRenderingContext2d)>,
    size: (u32, u32),
    hasher: Rc<RefCell<DefaultHasher>>,
    /// Whether the canvas still has to be cleared before the first drawing
    /// (skipped when that drawing is an opaque fill of the whole canvas, as a
    /// chart's white background is).
    clear: Rc<Cell<bool>>,
}

impl ChartBackend {
    /// A backend of `size` device pixels drawing on `canvas`, or with `None`
    /// only hashing what it would draw; the hash of the calls goes to `hasher`.
    pub fn new(
        canvas: Option<HtmlCanvasElement>,
        size: (u32, u32),
        hasher: Rc<RefCell<DefaultHasher>>,
        clear: Rc<Cell<bool>>,
    ) -> Self {
        size.hash(&mut *hasher.borrow_mut());
        let canvas = canvas.and_then(|canvas| {
            use wasm_bindgen::JsCast;
            let context = canvas.get_context("2d").ok()??.dyn_into().ok()?;
            Some((CanvasBackend::with_canvas_object(canvas)?, context))
        });
        ChartBackend {
            canvas,
            size,
            hasher,
            clear,
        }
    }

    /// Hashes a drawing call; then the canvas to draw it on, if painting,
    /// cleared first if it still has to be, unless this drawing `covers` all of it.
    fn record(&mut self, call: impl Hash, covers: bool) -> Option<&mut CanvasBackend> {
        call.hash(&mut *self.hasher.borrow_mut());
        let (canvas, context) = self.canvas.as_mut()?;
        if self.clear.replace(false) && !covers {
            let (w, h) = self.size;
            context.clear_rect(0.0, 0.0, f64::from(w), f64::from(h));
        }
        Some(canvas)
    }

    /// Records a drawing call and, if painting, makes it with `draw`.
    fn paint(
        &mut self,
        call: impl Hash,
        covers: bool,
        draw: impl FnOnce(
            &mut CanvasBackend,
        )
            -> Result<(), DrawingErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>>,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        match self.record(call, covers) {
            Some(canvas) => draw(canvas).map_err(from_canvas),
            None => Ok(()),
        }
    }
}

impl ChartBackend {
    /// A call through `points` (a path or a polygon), recorded with its
    /// `kind` and `paint` (colour, and width for a line).
    fn paint_points(
        &mut self,
        kind: u8,
        path: impl IntoIterator<Item = BackendCoord>,
        paint: impl Hash,
        draw: impl FnOnce(
            &mut CanvasBackend,
            std::iter::Copied<std::slice::Iter<'_, BackendCoord>>,
        )
            -> Result<(), DrawingErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>>,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let points: Vec<BackendCoord> = path.into_iter().collect();
        self.paint((kind, &points, paint), false, |canvas| {
            draw(canvas, points.iter().copied())
        })
    }
}

impl DrawingBackend for ChartBackend {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        colour: BackendColor,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let call = (0u8, point, key(colour));
        self.paint(call, false, |canvas| canvas.draw_pixel(point, colour))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let call = (1u8, from, to, stroke(style));
        self.paint(call, false, |canvas| canvas.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let (w, h) = self.size;
        let covers = fill
            && style.color().alpha >= 1.0
            && upper_left.0 <= 0
            && upper_left.1 <= 0
            && bottom_right.0 >= w as i32
            && bottom_right.1 >= h as i32;
        let call = (2u8, upper_left, bottom_right, stroke(style), fill);
        self.paint(call, covers, |canvas| {
            canvas.draw_rect(upper_left, bottom_right, style, fill)
        })
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.paint_points(3, path, stroke(style), |canvas, points| {
            canvas.draw_path(points, style)
        })
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.paint_points(4, path, key(style.color()), |canvas, points| {
            canvas.fill_polygon(points, style)
        })
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let call = (5u8, center, radius, stroke(style), fill);
        self.paint(call, false, |canvas| {
            canvas.draw_circle(center, radius, style, fill)
        })
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let transform = match style.transform() {
            FontTransform::None => 0u8,
            FontTransform::Rotate90 => 1,
            FontTransform::Rotate180 => 2,
            FontTransform::Rotate270 => 3,
        };
        let anchor = (
            match style.anchor().v_pos {
                VPos::Top => 0u8,
                VPos::Center => 1,
                VPos::Bottom => 2,
            },
            match style.anchor().h_pos {
                HPos::Left => 0u8,
                HPos::Right => 1,
                HPos::Center => 2,
            },
        );
        let call = (
            6u8,
            text,
            font_of(style),
            pos,
            transform,
            anchor,
            key(style.color()),
        );
        self.paint(call, false, |canvas| canvas.draw_text(text, style, pos))
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        let font = font_of(style);
        let entry = (font, text.to_string());
        if let Some(size) = MEASURED.with(|m| m.borrow().get(&entry).copied()) {
            return Ok(size);
        }
        let metrics = MEASURER
            .with(|m| {
                let mut m = m.borrow_mut();
                if m.is_none() {
                    *m = measuring_context().map(|context| (context, String::new()));
                }
                let (context, font) = m.as_mut()?;
                if *font != entry.0 {
                    context.set_font(&entry.0);
                    font.clone_from(&entry.0);
                }
                context.measure_text(text).ok()
            })
            .ok_or_else(|| DrawingErrorKind::DrawingError(CanvasError("measureText".into())))?;
        // As the page's layout gives them: whole pixels, the width of the
        // text and the height of its line box.
        let size = (
            metrics.width().round().max(0.0) as u32,
            (metrics.font_bounding_box_ascent() + metrics.font_bounding_box_descent())
                .round()
                .max(0.0) as u32,
        );
        MEASURED.with(|m| {
            let mut m = m.borrow_mut();
            if m.len() >= MEASURED_MAX {
                m.clear();
            }
            m.insert(entry, size);
        });
        Ok(size)
    }
}
