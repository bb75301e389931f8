//! Charts of the capacity plan, one point per month.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::parts::{every_nth_label, line_with_markers, px, titled_mesh, titled_right_axis};
use super::{err, legend_strip, DrawResult, Swatch};

/// Axes of a monthly chart: month labels that fit, titles, light grid.
macro_rules! month_mesh {
    ($chart:expr, $labels:expr, $scale:expr, $n:expr, $format:expr, $y_format:expr) => {
        titled_mesh(
            &mut $chart.configure_mesh(),
            &$labels.x_axis,
            &$labels.y_axis,
            $scale,
        )
        .x_labels($n)
        .x_label_formatter($format)
        .y_label_formatter($y_format)
        .disable_x_mesh()
        .draw()
        .map_err(err)?
    };
}

const REQUIRED: RGBColor = RGBColor(0xc2, 0x3b, 0x6e);
const AVAILABLE: RGBColor = RGBColor(0x1f, 0x6f, 0xd1);
const HIRES: RGBColor = RGBColor(0xb9, 0xd7, 0xb0);
const SERVICE: RGBColor = RGBColor(0x1f, 0x6f, 0xd1);
const ABANDON: RGBColor = RGBColor(0xd9, 0x48, 0x1c);
const BAND: RGBColor = RGBColor(0xd8, 0xf0, 0xdf);
const COST: RGBColor = RGBColor(0x9e, 0xc5, 0xf0);
const PER_CONTACT: RGBColor = RGBColor(0x2e, 0x8b, 0x57);

/// Labels of the months ("2027-01") and of the axes and series.
pub struct MonthlyLabels {
    pub months: Vec<String>,
    pub x_axis: String,
    pub y_axis: String,
    pub y2_axis: String,
    pub series: [String; 3],
}

/// Labels every `step`-th month, with `step` chosen so that the labels
/// (about 70 px each) fit the chart's `width_px`.
fn month_formatter(labels: &[String], width_px: u32, scale: f64) -> impl Fn(&f64) -> String + '_ {
    // The plot is the canvas less its axis-label areas (about 130 px).
    let fit = (((f64::from(width_px) / scale - 130.0) / 75.0) as usize).max(2);
    let step = labels.len().div_ceil(fit).max(1);
    move |v: &f64| every_nth_label(labels, step, *v)
}

/// Clears `area` and, when there are months to draw, puts the legend
/// `entries` above the plot and returns the plot's area; `None` when there
/// are none.
fn month_plot<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    months: usize,
    entries: &[(&str, Swatch)],
    scale: f64,
) -> Result<Option<DrawingArea<DB, Shift>>, String> {
    area.fill(&WHITE).map_err(err)?;
    if months == 0 {
        return Ok(None);
    }
    legend_strip(area, entries, scale).map(Some)
}

/// A monthly chart's frame on `plot`: month labels below, `y_label_px`
/// (CSS pixels) for the left axis's labels.
fn month_builder<'a, 'b, DB: DrawingBackend>(
    plot: &'a DrawingArea<DB, Shift>,
    y_label_px: f64,
    scale: f64,
) -> ChartBuilder<'a, 'b, DB> {
    let mut builder = ChartBuilder::on(plot);
    builder
        .margin(px(10.0, scale))
        .x_label_area_size(px(34.0, scale))
        .y_label_area_size(px(y_label_px, scale));
    builder
}

/// Required FTE (line) and available FTE (line with markers) per month, hires as bars.
pub fn draw_fte<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    required: &[f64],
    available: &[f64],
    hires: &[f64],
    labels: &MonthlyLabels,
    scale: f64,
) -> DrawResult {
    let n = required.len();
    let entries = [
        (labels.series[0].as_str(), Swatch::Line(REQUIRED)),
        (labels.series[1].as_str(), Swatch::Line(AVAILABLE)),
        (labels.series[2].as_str(), Swatch::Bar(HIRES)),
    ];
    let Some(plot) = month_plot(area, n, &entries, scale)? else {
        return Ok(());
    };
    let px = |v: f64| (v * scale).round() as i32;
    let top = required
        .iter()
        .chain(available)
        .chain(hires)
        .fold(1.0f64, |a, b| a.max(*b))
        * 1.1;
    let mut chart = month_builder(&plot, 52.0, scale)
        .build_cartesian_2d(-0.5..n as f64 - 0.5, 0.0..top)
        .map_err(err)?;
    let format = month_formatter(&labels.months, area.dim_in_pixel().0, scale);
    month_mesh!(chart, labels, scale, n, &format, &|v| format!("{v:.0}"));
    let stroke = px(2.0).max(1) as u32;
    chart
        .draw_series(hires.iter().enumerate().map(|(i, h)| {
            let x = i as f64;
            Rectangle::new([(x - 0.35, 0.0), (x + 0.35, *h)], HIRES.filled())
        }))
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            by_month(required),
            REQUIRED.stroke_width(stroke + 1),
        ))
        .map_err(err)?;
    chart
        .draw_series(line_with_markers(
            by_month(available),
            AVAILABLE.stroke_width(stroke),
            |p| Circle::new(p, px(3.0) as u32, AVAILABLE.filled()).into_dyn(),
        ))
        .map_err(err)?;
    chart
        .draw_series(
            by_month(required)
                .into_iter()
                .map(|p| TriangleMarker::new(p, px(3.5) as u32, REQUIRED.filled())),
        )
        .map_err(err)?;
    area.present().map_err(err)
}

/// Service level and abandonment (%) per month, with the target band shaded.
pub fn draw_service<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    service_pct: &[f64],
    abandon_pct: &[f64],
    target_pct: f64,
    labels: &MonthlyLabels,
    scale: f64,
) -> DrawResult {
    let n = service_pct.len();
    let entries = [
        (labels.series[0].as_str(), Swatch::Line(SERVICE)),
        (labels.series[1].as_str(), Swatch::Line(ABANDON)),
        (labels.series[2].as_str(), Swatch::Bar(BAND)),
    ];
    let Some(plot) = month_plot(area, n, &entries, scale)? else {
        return Ok(());
    };
    let px = |v: f64| (v * scale).round() as i32;
    let mut chart = month_builder(&plot, 52.0, scale)
        .build_cartesian_2d(-0.5..n as f64 - 0.5, 0.0..100.0)
        .map_err(err)?;
    let format = month_formatter(&labels.months, area.dim_in_pixel().0, scale);
    month_mesh!(chart, labels, scale, n, &format, &|v| format!("{v:.0}"));
    let stroke = px(2.0).max(1) as u32;
    chart
        .draw_series([Rectangle::new(
            [(-0.5, target_pct), (n as f64 - 0.5, 100.0)],
            BAND.filled(),
        )])
        .map_err(err)?;
    chart
        .draw_series(line_with_markers(
            by_month(service_pct),
            SERVICE.stroke_width(stroke + 1),
            |p| Circle::new(p, px(3.0) as u32, SERVICE.filled()).into_dyn(),
        ))
        .map_err(err)?;
    chart
        .draw_series(line_with_markers(
            by_month(abandon_pct),
            ABANDON.stroke_width(stroke),
            |p| TriangleMarker::new(p, px(3.5) as u32, ABANDON.filled()).into_dyn(),
        ))
        .map_err(err)?;
    area.present().map_err(err)
}

/// Total cost per month as bars (left axis) and cost per contact as a line (right axis).
pub fn draw_cost<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    total: &[f64],
    per_contact: &[f64],
    labels: &MonthlyLabels,
    scale: f64,
) -> DrawResult {
    let n = total.len();
    let entries = [
        (labels.series[0].as_str(), Swatch::Bar(COST)),
        (labels.series[1].as_str(), Swatch::Line(PER_CONTACT)),
    ];
    let Some(plot) = month_plot(area, n, &entries, scale)? else {
        return Ok(());
    };
    let px = |v: f64| (v * scale).round() as i32;
    // The legend sits above the plot: a little headroom is enough.
    let top = total.iter().fold(1.0f64, |a, b| a.max(*b)) * 1.1;
    let top2 = per_contact.iter().fold(0.01f64, |a, b| a.max(*b)) * 1.1;
    let mut chart = month_builder(&plot, 64.0, scale)
        .right_y_label_area_size(px(52.0))
        .build_cartesian_2d(-0.5..n as f64 - 0.5, 0.0..top)
        .map_err(err)?
        .set_secondary_coord(-0.5..n as f64 - 0.5, 0.0..top2);
    let format = month_formatter(&labels.months, area.dim_in_pixel().0, scale);
    month_mesh!(chart, labels, scale, n, &format, &|v| compact(*v));
    titled_right_axis(
        &mut chart.configure_secondary_axes(),
        &labels.y2_axis,
        scale,
    )
    .y_label_formatter(&|v| format!("{v:.2}"))
    .draw()
    .map_err(err)?;
    chart
        .draw_series(total.iter().enumerate().map(|(i, t)| {
            let x = i as f64;
            Rectangle::new([(x - 0.38, 0.0), (x + 0.38, *t)], COST.filled())
        }))
        .map_err(err)?;
    let stroke = px(2.0).max(1) as u32;
    chart
        .draw_secondary_series(line_with_markers(
            by_month(per_contact),
            PER_CONTACT.stroke_width(stroke + 1),
            |p| Circle::new(p, px(3.0) as u32, PER_CONTACT.filled()).into_dyn(),
        ))
        .map_err(err)?;
    area.present().map_err(err)
}

/// One point per month: `(index, value)`.
fn by_month(values: &[f64]) -> Vec<(f64, f64)> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| (i as f64, *v))
        .collect()
}

/// 1 234 567 → "1.2M", 12 345 → "12k": axis labels that fit.
fn compact(v: f64) -> String {
    if v.abs() >= 1e6 {
        format!("{:.1}M", v / 1e6)
    } else if v.abs() >= 1e3 {
        format!("{:.0}k", v / 1e3)
    } else {
        format!("{v:.0}")
    }
}
