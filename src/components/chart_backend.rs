//! The plotters backend behind every chart canvas. It draws as
//! plotters-canvas does (the same calls, so the same pixels) with three
//! differences that make a redraw cheaper:
//! - text is measured with the canvas's `measureText` (and remembered),
//!   where plotters' web font measurer appends a span to the page and reads
//!   its size, forcing a layout of the whole page for every label;
//! - the context's styles (stroke, fill, line width, font, alignment) are set
//!   only when they change;
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
use web_sys::CanvasRenderingContext2d;

#[derive(Debug)]
pub struct CanvasError(String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "canvas error: {}", self.0)
    }
}

impl std::error::Error for CanvasError {}

fn js_error(e: wasm_bindgen::JsValue) -> DrawingErrorKind<CanvasError> {
    DrawingErrorKind::DrawingError(CanvasError(format!("{e:?}")))
}

/// A colour as a hashable key (the alpha by its bits).
type ColourKey = ((u8, u8, u8), u64);

fn key(colour: BackendColor) -> ColourKey {
    (colour.rgb, colour.alpha.to_bits())
}

/// As plotters-canvas writes a colour for the canvas.
fn css(colour: BackendColor) -> String {
    let (r, g, b) = colour.rgb;
    format!("rgba({},{},{},{})", r, g, b, colour.alpha)
}

/// The context's styles as last set by this backend (`None`: not known).
#[derive(Default)]
struct State {
    stroke: Option<ColourKey>,
    line_width: Option<u32>,
    fill: Option<ColourKey>,
    font: Option<String>,
    align: Option<&'static str>,
    baseline: Option<&'static str>,
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
    context: CanvasRenderingContext2d,
    size: (u32, u32),
    /// False for a dry run: calls are hashed, nothing is drawn.
    paint: bool,
    hasher: Rc<RefCell<DefaultHasher>>,
    /// Whether the canvas still has to be cleared before the first drawing
    /// (skipped when that drawing is an opaque fill of the whole canvas, as a
    /// chart's white background is).
    clear: Rc<Cell<bool>>,
    state: State,
}

impl ChartBackend {
    /// A backend of `size` device pixels drawing on `context` (`paint`), or
    /// only hashing what it would draw; the hash of the calls goes to `hasher`.
    pub fn new(
        context: CanvasRenderingContext2d,
        size: (u32, u32),
        paint: bool,
        hasher: Rc<RefCell<DefaultHasher>>,
        clear: Rc<Cell<bool>>,
    ) -> Self {
        size.hash(&mut *hasher.borrow_mut());
        ChartBackend {
            context,
            size,
            paint,
            hasher,
            clear,
            state: State::default(),
        }
    }

    /// Before a drawing: clears the canvas if it still has to be, unless this
    /// drawing `covers` all of it.
    fn prepare(&self, covers: bool) {
        if self.clear.replace(false) && !covers {
            let (w, h) = self.size;
            self.context
                .clear_rect(0.0, 0.0, f64::from(w), f64::from(h));
        }
    }

    fn record(&self, call: impl Hash) {
        call.hash(&mut *self.hasher.borrow_mut());
    }

    fn set_stroke(&mut self, colour: BackendColor, width: u32) {
        let colour_key = key(colour);
        if self.state.stroke != Some(colour_key) {
            self.context.set_stroke_style_str(&css(colour));
            self.state.stroke = Some(colour_key);
        }
        if self.state.line_width != Some(width) {
            self.context.set_line_width(f64::from(width));
            self.state.line_width = Some(width);
        }
    }

    fn set_fill(&mut self, colour: BackendColor) {
        let colour_key = key(colour);
        if self.state.fill != Some(colour_key) {
            self.context.set_fill_style_str(&css(colour));
            self.state.fill = Some(colour_key);
        }
    }

    fn set_font(&mut self, font: &str) {
        if self.state.font.as_deref() != Some(font) {
            self.context.set_font(font);
            self.state.font = Some(font.to_string());
        }
    }
}

/// Moves a horizontal or vertical line by half a pixel so it is not blurred
/// (as plotters-canvas does).
fn fine_hor_ver_lines(from: BackendCoord, end: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let mut from = (f64::from(from.0), f64::from(from.1));
    let mut end = (f64::from(end.0), f64::from(end.1));
    if from.0 == end.0 {
        from.0 -= 0.5;
        end.0 -= 0.5;
    }
    if from.1 == end.1 {
        from.1 -= 0.5;
        end.1 -= 0.5;
    }
    (from, end)
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
        if colour.alpha == 0.0 {
            return Ok(());
        }
        self.record((0u8, point, key(colour)));
        if self.paint {
            self.prepare(false);
            self.set_fill(colour);
            self.context
                .fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.record((1u8, from, to, key(style.color()), style.stroke_width()));
        if self.paint {
            self.prepare(false);
            let (from, to) = fine_hor_ver_lines(from, to);
            self.set_stroke(style.color(), style.stroke_width());
            self.context.begin_path();
            self.context.move_to(from.0, from.1);
            self.context.line_to(to.0, to.1);
            self.context.stroke();
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.record((
            2u8,
            upper_left,
            bottom_right,
            key(style.color()),
            style.stroke_width(),
            fill,
        ));
        if self.paint {
            let (w, h) = self.size;
            self.prepare(
                fill && style.color().alpha >= 1.0
                    && upper_left.0 <= 0
                    && upper_left.1 <= 0
                    && bottom_right.0 >= w as i32
                    && bottom_right.1 >= h as i32,
            );
            let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
            let (w, h) = (
                f64::from(bottom_right.0 - upper_left.0),
                f64::from(bottom_right.1 - upper_left.1),
            );
            if fill {
                self.set_fill(style.color());
                self.context.fill_rect(x, y, w, h);
            } else {
                self.set_stroke(style.color(), style.stroke_width());
                self.context.stroke_rect(x, y, w, h);
            }
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let points: Vec<BackendCoord> = path.into_iter().collect();
        self.record((3u8, &points, key(style.color()), style.stroke_width()));
        if self.paint {
            self.prepare(false);
            self.context.begin_path();
            if let Some((start, rest)) = points.split_first() {
                self.set_stroke(style.color(), style.stroke_width());
                self.context.move_to(f64::from(start.0), f64::from(start.1));
                for next in rest {
                    self.context.line_to(f64::from(next.0), f64::from(next.1));
                }
            }
            self.context.stroke();
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let points: Vec<BackendCoord> = path.into_iter().collect();
        self.record((4u8, &points, key(style.color())));
        if self.paint {
            self.prepare(false);
            self.context.begin_path();
            if let Some((start, rest)) = points.split_first() {
                self.set_fill(style.color());
                self.context.move_to(f64::from(start.0), f64::from(start.1));
                for next in rest {
                    self.context.line_to(f64::from(next.0), f64::from(next.1));
                }
                self.context.close_path();
            }
            self.context.fill();
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.record((
            5u8,
            center,
            radius,
            key(style.color()),
            style.stroke_width(),
            fill,
        ));
        if self.paint {
            self.prepare(false);
            if fill {
                self.set_fill(style.color());
            } else {
                self.set_stroke(style.color(), style.stroke_width());
            }
            self.context.begin_path();
            self.context
                .arc(
                    f64::from(center.0),
                    f64::from(center.1),
                    f64::from(radius),
                    0.0,
                    std::f64::consts::PI * 2.0,
                )
                .map_err(js_error)?;
            if fill {
                self.context.fill();
            } else {
                self.context.stroke();
            }
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        let font = font_of(style);
        let degree = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 90.0,
            FontTransform::Rotate180 => 180.0,
            FontTransform::Rotate270 => 270.0,
        } / 180.0
            * std::f64::consts::PI;
        let baseline = match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        let align = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        self.record((
            6u8,
            text,
            &font,
            pos,
            degree.to_bits(),
            baseline,
            align,
            key(colour),
        ));
        if !self.paint {
            return Ok(());
        }
        self.prepare(false);
        if degree != 0.0 {
            // Turned text: its styles are set inside save / restore, which
            // puts back the ones this backend knows of.
            self.context.save();
            self.context
                .translate(f64::from(pos.0), f64::from(pos.1))
                .map_err(js_error)?;
            self.context.rotate(degree).map_err(js_error)?;
            self.context.set_text_baseline(baseline);
            self.context.set_text_align(align);
            self.context.set_fill_style_str(&css(colour));
            self.context.set_font(&font);
            let drawn = self.context.fill_text(text, 0.0, 0.0);
            self.context.restore();
            return drawn.map_err(js_error);
        }
        if self.state.baseline != Some(baseline) {
            self.context.set_text_baseline(baseline);
            self.state.baseline = Some(baseline);
        }
        if self.state.align != Some(align) {
            self.context.set_text_align(align);
            self.state.align = Some(align);
        }
        self.set_fill(colour);
        self.set_font(&font);
        self.context
            .fill_text(text, f64::from(pos.0), f64::from(pos.1))
            .map_err(js_error)
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
