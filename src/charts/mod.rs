//! Charts as functions from data to drawing calls, generic over the plotters
//! backend (the app passes a canvas). They hold no state and no translations:
//! labels come in with the data. `scale` is the device-pixel ratio, so text
//! and lines keep their size on high-DPI screens.

use plotters::coord::Shift;
use plotters::prelude::*;

/// The legend, boxed where the chart has least data.
macro_rules! legend {
    ($chart:expr, $font:expr, $scale:expr, $position:expr) => {
        $chart
            .configure_series_labels()
            .position($position)
            .background_style(WHITE.mix(0.85))
            .border_style(RGBColor(0xcc, 0xcc, 0xcc))
            .label_font($font)
            .margin((6.0 * $scale).round() as i32)
            .draw()
            .map_err(err)?
    };
}

const SL_COLOUR: RGBColor = RGBColor(0x1f, 0x6f, 0xd1);
const ABANDON_COLOUR: RGBColor = RGBColor(0xd9, 0x48, 0x1c);
const ASA_COLOUR: RGBColor = RGBColor(0x2e, 0x8b, 0x57);
const TARGET_COLOUR: RGBColor = RGBColor(0x55, 0x55, 0x55);
const BAR_COLOUR: RGBColor = RGBColor(0x9e, 0xc5, 0xf0);
const AGENTS_COLOUR: RGBColor = RGBColor(0xc2, 0x3b, 0x6e);
pub(crate) const FONT: &str = "sans-serif";

pub struct CurveLabels {
    pub x_axis: String,
    pub y_axis: String,
    pub asa_axis: String,
    pub service_level: String,
    pub abandon: String,
    pub asa: String,
    pub target: String,
    pub chosen: String,
}

/// Figures at one number of agents, percentages 0–100.
#[derive(Clone, Copy)]
pub struct CurveFigures {
    pub service_level_pct: f64,
    pub abandon_pct: f64,
    pub asa_s: f64,
}

/// One point per number of agents; `None` where the queue is unstable.
pub struct CurveData {
    pub points: Vec<(u32, Option<CurveFigures>)>,
    pub target_pct: f64,
    pub chosen: f64,
    pub show_abandon: bool,
}

pub(crate) type DrawResult = Result<(), String>;

pub(crate) fn err<E: std::fmt::Debug>(e: E) -> String {
    format!("{e:?}")
}

/// Service level and abandonment (left axis, %) and ASA (right axis, s)
/// against agents, with the target line and the chosen point.
pub fn draw_staffing_curve<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &CurveData,
    labels: &CurveLabels,
    scale: f64,
) -> DrawResult {
    area.fill(&WHITE).map_err(err)?;
    // Start at the first stable point: below it Erlang C has no figures to draw.
    let Some(first) = data.points.iter().find(|p| p.1.is_some()).map(|p| p.0) else {
        return Ok(());
    };
    let last = data.points.last().map_or(first, |p| p.0).max(first + 1);
    let px = |v: f64| (v * scale).round() as i32;
    let asa_max = data
        .points
        .iter()
        .filter_map(|p| p.1.map(|m| m.asa_s))
        .fold(1.0f64, f64::max)
        .min(3_600.0)
        * 1.1;
    let mut chart = ChartBuilder::on(area)
        .margin(px(10.0))
        .x_label_area_size(px(40.0))
        .y_label_area_size(px(52.0))
        .right_y_label_area_size(px(56.0))
        .build_cartesian_2d(f64::from(first) - 0.5..f64::from(last) + 0.5, 0.0..100.0)
        .map_err(err)?
        .set_secondary_coord(f64::from(first) - 0.5..f64::from(last) + 0.5, 0.0..asa_max);
    let label_font = (FONT, px(12.0)).into_font();
    let axis_font = (FONT, px(13.0)).into_font();
    chart
        .configure_mesh()
        .x_desc(labels.x_axis.as_str())
        .y_desc(labels.y_axis.as_str())
        .label_style(label_font.clone())
        .axis_desc_style(axis_font.clone())
        .x_label_formatter(&|v| format!("{v:.0}"))
        .y_label_formatter(&|v| format!("{v:.0}"))
        .light_line_style(RGBColor(0xee, 0xee, 0xee))
        .draw()
        .map_err(err)?;
    chart
        .configure_secondary_axes()
        .y_desc(labels.asa_axis.as_str())
        .y_label_formatter(&|v| format!("{v:.0}"))
        .label_style(label_font.clone())
        .axis_desc_style(axis_font)
        .draw()
        .map_err(err)?;

    let stroke = px(2.0).max(1) as u32;
    let target = data.target_pct;
    chart
        .draw_series(LineSeries::new(
            [
                (f64::from(first) - 0.5, target),
                (f64::from(last) + 0.5, target),
            ],
            ShapeStyle::from(&TARGET_COLOUR).stroke_width(stroke),
        ))
        .map_err(err)?
        .label(labels.target.as_str())
        .legend(move |(x, y)| {
            PathElement::new([(x, y), (x + 16, y)], TARGET_COLOUR.stroke_width(stroke))
        });

    let stable = |pick: fn(&CurveFigures) -> f64| -> Vec<(f64, f64)> {
        data.points
            .iter()
            .filter_map(|(n, m)| m.as_ref().map(|m| (f64::from(*n), pick(m))))
            .collect()
    };
    chart
        .draw_series(LineSeries::new(
            stable(|m| m.service_level_pct),
            SL_COLOUR.stroke_width(stroke + 1),
        ))
        .map_err(err)?
        .label(labels.service_level.as_str())
        .legend(move |(x, y)| {
            PathElement::new([(x, y), (x + 16, y)], SL_COLOUR.stroke_width(stroke + 1))
        });
    chart
        .draw_series(
            stable(|m| m.service_level_pct)
                .into_iter()
                .map(|p| Circle::new(p, px(2.5) as u32, SL_COLOUR.filled())),
        )
        .map_err(err)?;
    if data.show_abandon {
        chart
            .draw_series(LineSeries::new(
                stable(|m| m.abandon_pct),
                ABANDON_COLOUR.stroke_width(stroke),
            ))
            .map_err(err)?
            .label(labels.abandon.as_str())
            .legend(move |(x, y)| {
                PathElement::new([(x, y), (x + 16, y)], ABANDON_COLOUR.stroke_width(stroke))
            });
    }
    // Dashed-looking ASA: short segments, so it differs from the others by more than colour.
    let asa: Vec<(f64, f64)> = stable(|m| m.asa_s)
        .into_iter()
        .map(|(n, v)| (n, v.min(asa_max)))
        .collect();
    chart
        .draw_secondary_series(asa.windows(2).map(|w| {
            let (a, b) = (w[0], w[1]);
            let mid = (a.0 + (b.0 - a.0) * 0.6, a.1 + (b.1 - a.1) * 0.6);
            PathElement::new([a, mid], ASA_COLOUR.stroke_width(stroke))
        }))
        .map_err(err)?
        .label(labels.asa.as_str())
        .legend(move |(x, y)| {
            PathElement::new([(x, y), (x + 10, y)], ASA_COLOUR.stroke_width(stroke))
        });
    chart
        .draw_secondary_series(
            asa.iter()
                .map(|&p| TriangleMarker::new(p, px(3.5) as u32, ASA_COLOUR.filled())),
        )
        .map_err(err)?;

    // The chosen staffing: a vertical line and a ring on the service level.
    let chosen = data.chosen;
    if chosen >= f64::from(first) && chosen <= f64::from(last) {
        chart
            .draw_series(LineSeries::new(
                [(chosen, 0.0), (chosen, 100.0)],
                ShapeStyle::from(&BLACK.mix(0.35)).stroke_width(stroke),
            ))
            .map_err(err)?
            .label(labels.chosen.as_str())
            .legend(move |(x, y)| {
                PathElement::new(
                    [(x + 8, y - 6), (x + 8, y + 6)],
                    BLACK.mix(0.5).stroke_width(stroke),
                )
            });
        if let Some((_, Some(m))) = data.points.iter().find(|p| f64::from(p.0) == chosen) {
            chart
                .draw_series([Circle::new(
                    (chosen, m.service_level_pct),
                    px(6.0) as u32,
                    BLACK.stroke_width(stroke),
                )])
                .map_err(err)?;
        }
    }
    legend!(chart, label_font, scale, SeriesLabelPosition::MiddleRight);
    area.present().map_err(err)
}

pub struct IntradayLabels {
    pub x_axis: String,
    pub volume_axis: String,
    pub agents_axis: String,
    pub volume: String,
    pub agents: String,
}

pub struct IntradayData {
    /// (label, volume, required agents) per interval.
    pub intervals: Vec<(String, f64, f64)>,
}

/// Volume per interval as bars (left axis) and required agents as a line
/// with markers (right axis).
pub fn draw_intraday<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &IntradayData,
    labels: &IntradayLabels,
    scale: f64,
) -> DrawResult {
    area.fill(&WHITE).map_err(err)?;
    if data.intervals.is_empty() {
        return Ok(());
    }
    let px = |v: f64| (v * scale).round() as i32;
    let count = data.intervals.len();
    let volume_max = data.intervals.iter().map(|i| i.1).fold(1.0, f64::max) * 1.1;
    let agents_max = data.intervals.iter().map(|i| i.2).fold(1.0, f64::max) * 1.1;
    let x_range = -0.5..count as f64 - 0.5;
    let mut chart = ChartBuilder::on(area)
        .margin(px(10.0))
        .x_label_area_size(px(40.0))
        .y_label_area_size(px(52.0))
        .right_y_label_area_size(px(56.0))
        .build_cartesian_2d(x_range.clone(), 0.0..volume_max)
        .map_err(err)?
        .set_secondary_coord(x_range, 0.0..agents_max);
    let label_font = (FONT, px(12.0)).into_font();
    // As many time labels as fit (about 55 px each).
    let fit = ((f64::from(area.dim_in_pixel().0) / (55.0 * scale)) as usize).max(2);
    let step = count.div_ceil(fit).max(1);
    let names: Vec<String> = data.intervals.iter().map(|i| i.0.clone()).collect();
    chart
        .configure_mesh()
        .x_desc(labels.x_axis.as_str())
        .y_desc(labels.volume_axis.as_str())
        .label_style(label_font.clone())
        .axis_desc_style((FONT, px(13.0)).into_font())
        .x_labels(count)
        .x_label_formatter(&|v| {
            let i = v.round();
            if (v - i).abs() < 1e-6
                && i >= 0.0
                && (i as usize) < names.len()
                && (i as usize) % step == 0
            {
                names[i as usize].clone()
            } else {
                String::new()
            }
        })
        .y_label_formatter(&|v| format!("{v:.0}"))
        .disable_x_mesh()
        .light_line_style(RGBColor(0xee, 0xee, 0xee))
        .draw()
        .map_err(err)?;
    chart
        .configure_secondary_axes()
        .y_desc(labels.agents_axis.as_str())
        .y_label_formatter(&|v| format!("{v:.0}"))
        .label_style(label_font.clone())
        .axis_desc_style((FONT, px(13.0)).into_font())
        .draw()
        .map_err(err)?;
    chart
        .draw_series(data.intervals.iter().enumerate().map(|(i, interval)| {
            let x = i as f64;
            Rectangle::new([(x - 0.4, 0.0), (x + 0.4, interval.1)], BAR_COLOUR.filled())
        }))
        .map_err(err)?
        .label(labels.volume.as_str())
        .legend(|(x, y)| Rectangle::new([(x, y - 5), (x + 14, y + 5)], BAR_COLOUR.filled()));
    let stroke = px(2.0).max(1) as u32;
    let agents: Vec<(f64, f64)> = data
        .intervals
        .iter()
        .enumerate()
        .map(|(i, v)| (i as f64, v.2))
        .collect();
    chart
        .draw_secondary_series(LineSeries::new(
            agents.clone(),
            AGENTS_COLOUR.stroke_width(stroke + 1),
        ))
        .map_err(err)?
        .label(labels.agents.as_str())
        .legend(move |(x, y)| {
            PathElement::new(
                [(x, y), (x + 16, y)],
                AGENTS_COLOUR.stroke_width(stroke + 1),
            )
        });
    chart
        .draw_secondary_series(
            agents
                .into_iter()
                .map(|p| Circle::new(p, px(2.5) as u32, AGENTS_COLOUR.filled())),
        )
        .map_err(err)?;
    legend!(chart, label_font, scale, SeriesLabelPosition::UpperRight);
    area.present().map_err(err)
}

pub mod compare;
pub mod monthly;
