//! Pieces every chart draws the same way: axis titles and their fonts, the
//! light grid, category labels along x, a line with a marker on each point
//! and a dashed level. One place for them keeps the charts alike.

use plotters::chart::{MeshStyle, SecondaryMeshStyle};
use plotters::coord::ranged1d::{Ranged, ValueFormatter};
use plotters::coord::Shift;
use plotters::prelude::*;

use super::{err, FONT};

/// The grid's light grey, under every chart's data.
const GRID_COLOUR: RGBColor = RGBColor(0xee, 0xee, 0xee);

/// `v` CSS pixels in device pixels at the pixel ratio `scale`.
pub(crate) fn px(v: f64, scale: f64) -> i32 {
    (v * scale).round() as i32
}

/// The font of tick labels and legends (12 px).
pub(crate) fn tick_font(scale: f64) -> FontDesc<'static> {
    (FONT, px(12.0, scale)).into_font()
}

/// The font of axis titles (13 px).
fn title_font(scale: f64) -> FontDesc<'static> {
    (FONT, px(13.0, scale)).into_font()
}

/// Whether `area` has room for a chart with axes (120 × 100 CSS pixels);
/// a smaller canvas is left blank.
pub(crate) fn has_room_for_axes<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    scale: f64,
) -> bool {
    let (width, height) = area.dim_in_pixel();
    (width as i32) >= px(120.0, scale) && (height as i32) >= px(100.0, scale)
}

/// How wide `text` is in the tick font, in device pixels.
pub(crate) fn text_width<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    scale: f64,
) -> Result<i32, String> {
    let font: TextStyle = tick_font(scale).into();
    Ok(area.estimate_text_size(text, &font).map_err(err)?.0 as i32)
}

/// The width of the longest of the first `count` x labels (at least 10 CSS
/// pixels), and the room to leave right of the plot for half of a label
/// that sits at its edge.
pub(crate) fn x_label_room<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    labels: &[String],
    count: usize,
    scale: f64,
) -> Result<(i32, i32), String> {
    let longest = labels.iter().take(count).max_by_key(|l| l.chars().count());
    let label_width = match longest {
        Some(label) => text_width(area, label, scale)?.max(px(10.0, scale)),
        None => px(10.0, scale),
    };
    let right = (label_width / 2 + px(4.0, scale)).max(px(10.0, scale));
    Ok((label_width, right))
}

/// Titles both axes, with the charts' fonts and light grid; the caller adds
/// its labels and draws.
pub(crate) fn titled_mesh<'m, 'a, 'b, X, Y, DB>(
    mesh: &'m mut MeshStyle<'a, 'b, X, Y, DB>,
    x_title: &str,
    y_title: &str,
    scale: f64,
) -> &'m mut MeshStyle<'a, 'b, X, Y, DB>
where
    X: Ranged,
    Y: Ranged,
    DB: DrawingBackend,
{
    mesh.x_desc(x_title)
        .y_desc(y_title)
        .label_style(tick_font(scale))
        .axis_desc_style(title_font(scale))
        .light_line_style(GRID_COLOUR)
}

/// Titles a right-hand axis, with the charts' fonts; the caller adds its
/// labels and draws.
pub(crate) fn titled_right_axis<'m, 'a, 'b, XT, YT, X, Y, DB>(
    axis: &'m mut SecondaryMeshStyle<'a, 'b, X, Y, DB>,
    title: &str,
    scale: f64,
) -> &'m mut SecondaryMeshStyle<'a, 'b, X, Y, DB>
where
    X: Ranged<ValueType = XT> + ValueFormatter<XT>,
    Y: Ranged<ValueType = YT> + ValueFormatter<YT>,
    DB: DrawingBackend,
{
    axis.y_desc(title)
        .label_style(tick_font(scale))
        .axis_desc_style(title_font(scale))
}

/// The label at category position `v` (0, 1, 2, …) when it is one of every
/// `step`-th, so labels fit; empty between positions and labels.
pub(crate) fn every_nth_label(names: &[String], step: usize, v: f64) -> String {
    let i = v.round();
    if (v - i).abs() < 1e-6 && i >= 0.0 && (i as usize) < names.len() && (i as usize) % step == 0 {
        names[i as usize].clone()
    } else {
        String::new()
    }
}

/// The label nearest to position `v` among the first `count` positions;
/// empty outside them (the axis's ticks say which positions get one).
pub(crate) fn label_near(names: &[String], count: usize, v: f64) -> String {
    let i = v.round();
    if i >= 0.0 && i < count as f64 {
        names.get(i as usize).cloned().unwrap_or_default()
    } else {
        String::new()
    }
}

/// A line through `points`, then `marker` on each point, as one series:
/// the markers sit on top of the line.
pub(crate) fn line_with_markers<DB, M>(
    points: Vec<(f64, f64)>,
    line: ShapeStyle,
    marker: M,
) -> impl Iterator<Item = DynElement<'static, DB, (f64, f64)>>
where
    DB: DrawingBackend,
    M: Fn((f64, f64)) -> DynElement<'static, DB, (f64, f64)>,
{
    let markers: Vec<_> = points.iter().map(|&p| marker(p)).collect();
    LineSeries::new(points, line).chain(markers)
}

/// A dashed horizontal line across `from..to` at `y` (data coordinates), in
/// 24 dashes.
pub(crate) fn dashed_level(
    from: f64,
    to: f64,
    y: f64,
    style: ShapeStyle,
) -> impl Iterator<Item = PathElement<(f64, f64)>> {
    super::dashes(from, to, y, 24)
        .into_iter()
        .map(move |dash| PathElement::new(dash, style))
}
