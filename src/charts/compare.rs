//! Overlaid lines, one per scenario, for the comparison page.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::parts::{every_nth_label, titled_mesh};
use super::{err, legend_strip, DrawResult, Swatch};

/// Scenario colours and markers: told apart by shape as well as colour.
const COLOURS: [RGBColor; 4] = [
    RGBColor(0x1f, 0x6f, 0xd1),
    RGBColor(0xd9, 0x48, 0x1c),
    RGBColor(0x2e, 0x8b, 0x57),
    RGBColor(0x8e, 0x44, 0xad),
];

pub struct Series {
    pub name: String,
    pub points: Vec<(f64, f64)>,
}

pub struct LineLabels {
    pub x_axis: String,
    pub y_axis: String,
    /// Category labels of the x positions 0, 1, 2, … (months); numbers when `None`.
    pub x_names: Option<Vec<String>>,
}

/// One line with markers per series.
pub fn draw_lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    series: &[Series],
    labels: &LineLabels,
    scale: f64,
) -> DrawResult {
    area.fill(&WHITE).map_err(err)?;
    let all = || series.iter().flat_map(|s| s.points.iter());
    let Some(x_min) = all().map(|p| p.0).reduce(f64::min) else {
        return Ok(());
    };
    let x_max = all().map(|p| p.0).fold(x_min + 1.0, f64::max);
    // The legend sits above the plot, so no headroom is needed for it.
    let y_max = all().map(|p| p.1).fold(1.0, f64::max) * 1.05;
    let px = |v: f64| (v * scale).round() as i32;
    let entries: Vec<(&str, Swatch)> = series
        .iter()
        .enumerate()
        .map(|(index, s)| {
            (
                s.name.as_str(),
                Swatch::Line(COLOURS[index % COLOURS.len()]),
            )
        })
        .collect();
    let plot = legend_strip(area, &entries, scale)?;
    let mut chart = ChartBuilder::on(&plot)
        .margin(px(10.0))
        .x_label_area_size(px(36.0))
        .y_label_area_size(px(52.0))
        .build_cartesian_2d(x_min - 0.5..x_max + 0.5, 0.0..y_max)
        .map_err(err)?;
    let names = labels.x_names.clone();
    let fit = (((f64::from(area.dim_in_pixel().0) / scale - 110.0) / 70.0) as usize).max(2);
    let count = names.as_ref().map_or(0, Vec::len);
    let step = count.div_ceil(fit).max(1);
    let format = move |v: &f64| match &names {
        Some(names) => every_nth_label(names, step, *v),
        None => super::whole(v),
    };
    titled_mesh(
        &mut chart.configure_mesh(),
        &labels.x_axis,
        &labels.y_axis,
        scale,
    )
    .x_labels(if count > 0 { count } else { 10 })
    .x_label_formatter(&format)
    .y_label_formatter(&|v| format!("{v:.0}"))
    .draw()
    .map_err(err)?;
    let stroke = px(2.0).max(1) as u32;
    let size = px(3.5).max(2) as u32;
    for (index, s) in series.iter().enumerate() {
        let colour = COLOURS[index % COLOURS.len()];
        chart
            .draw_series(LineSeries::new(
                s.points.clone(),
                colour.stroke_width(stroke),
            ))
            .map_err(err)?;
        let marker = |p: (f64, f64)| -> DynElement<'static, DB, (f64, f64)> {
            match index % 4 {
                0 => Circle::new(p, size, colour.filled()).into_dyn(),
                1 => TriangleMarker::new(p, size + 1, colour.filled()).into_dyn(),
                _ => Cross::new(p, size, colour.stroke_width(stroke)).into_dyn(),
            }
        };
        if index % 4 == 2 {
            // Squares need a size in pixels: draw them as small filled boxes around the point.
            chart
                .draw_series(s.points.iter().map(|&p| {
                    EmptyElement::at(p)
                        + Rectangle::new(
                            [(-(size as i32), -(size as i32)), (size as i32, size as i32)],
                            colour.filled(),
                        )
                }))
                .map_err(err)?;
        } else {
            chart
                .draw_series(s.points.iter().map(|&p| marker(p)))
                .map_err(err)?;
        }
    }
    area.present().map_err(err)
}
