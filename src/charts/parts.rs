//! Pieces every chart draws the same way: axis titles and their fonts, the
//! light grid, category labels along x, a line with a marker on each point
//! and a dashed level. One place for them keeps the charts alike.

use plotters::chart::{MeshStyle, SecondaryMeshStyle};
use plotters::coord::ranged1d::{Ranged, ValueFormatter};
use plotters::prelude::*;

use super::FONT;

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
