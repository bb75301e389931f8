//! Charts as functions from data to drawing calls, generic over the plotters
//! backend (the app passes a canvas). They hold no state and no translations:
//! labels come in with the data. `scale` is the device-pixel ratio, so text
//! and lines keep their size on high-DPI screens.

use plotters::coord::Shift;
use plotters::prelude::*;

use parts::{dashed_level, every_nth_label, line_with_markers, titled_mesh, titled_right_axis};

/// A pixel ratio a chart can draw at: up to 16, and 1 for anything not a
/// positive number.
pub(crate) fn sane_scale(scale: f64) -> f64 {
    if scale.is_finite() && scale > 0.0 {
        scale.min(16.0)
    } else {
        1.0
    }
}

/// An axis of plain numbers whose ticks (and grid lines) sit only where
/// given: day positions on the forecast chart (so a band or a rule can sit
/// between days), interval boundaries and whole agents on the coverage chart.
pub(crate) struct FixedTicks {
    pub range: plotters::coord::types::RangedCoordf64,
    pub at: Vec<f64>,
}

impl plotters::coord::ranged1d::Ranged for FixedTicks {
    type FormatOption = plotters::coord::ranged1d::DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.range.map(value, limit)
    }

    fn key_points<Hint: plotters::coord::ranged1d::KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.at.clone()
        }
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.range.range()
    }
}

pub(crate) const SL_COLOUR: RGBColor = RGBColor(0x1f, 0x6f, 0xd1);
pub(crate) const ABANDON_COLOUR: RGBColor = RGBColor(0xd9, 0x48, 0x1c);
const ASA_COLOUR: RGBColor = RGBColor(0x2e, 0x8b, 0x57);

/// A whole-number tick label with thousands separated (`12,000` agents or contacts).
pub(crate) fn whole(v: &f64) -> String {
    crate::format::grouped(*v, 0)
}

/// The target: a dashed dark red, apart from the chosen point's black rule.
const TARGET_COLOUR: RGBColor = RGBColor(0xb3, 0x26, 0x1e);
const CHOSEN_COLOUR: RGBColor = RGBColor(0x22, 0x22, 0x22);
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
    pub asa_cap: String,
    pub abandon_cap: String,
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
    /// The maximum ASA, seconds, where one is set.
    pub asa_cap: Option<f64>,
    /// The maximum abandonment, %, where one is set (Erlang A).
    pub abandon_cap_pct: Option<f64>,
}

pub(crate) type DrawResult = Result<(), String>;

pub(crate) fn err<E: std::fmt::Debug>(e: E) -> String {
    format!("{e:?}")
}

/// How a legend entry shows its series.
#[derive(Clone, Copy)]
pub(crate) enum Swatch {
    Line(RGBColor),
    Dashed(RGBColor),
    Bar(RGBColor),
    /// A vertical rule (a chosen value).
    Rule(RGBColor),
}

/// Draws `entries` as a legend across the top of `area` (wrapping onto more
/// lines on a narrow screen) and returns the area below for the chart, so a
/// legend never covers data.
pub(crate) fn legend_strip<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[(&str, Swatch)],
    scale: f64,
) -> Result<DrawingArea<DB, Shift>, String> {
    let px = |v: f64| (v * scale).round() as i32;
    let font: TextStyle = (FONT, px(12.0)).into_font().into();
    let width = area.dim_in_pixel().0 as i32;
    let (swatch, gap, spacing, line) = (px(18.0), px(6.0), px(16.0), px(18.0));
    let left = px(12.0);
    let mut places = Vec::with_capacity(entries.len());
    let (mut x, mut y) = (left, px(4.0));
    for (label, _) in entries {
        let (text_width, _) = area.estimate_text_size(label, &font).map_err(err)?;
        let needed = swatch + gap + text_width as i32;
        if x > left && x + needed > width - left {
            x = left;
            y += line;
        }
        places.push((x, y));
        x += needed + spacing;
    }
    let height = (y + line + px(4.0)).max(0) as u32;
    let (top, rest) = area.split_vertically(height);
    let stroke = px(2.0).max(1) as u32;
    for ((x, y), (label, kind)) in places.into_iter().zip(entries) {
        let middle = y + line / 2;
        match *kind {
            Swatch::Line(colour) => top
                .draw(&PathElement::new(
                    [(x, middle), (x + swatch, middle)],
                    colour.stroke_width(stroke + 1),
                ))
                .map_err(err)?,
            Swatch::Dashed(colour) => {
                for part in 0..3 {
                    let start = x + part * swatch / 3;
                    top.draw(&PathElement::new(
                        [(start, middle), (start + swatch / 5, middle)],
                        colour.stroke_width(stroke),
                    ))
                    .map_err(err)?;
                }
            }
            Swatch::Bar(colour) => top
                .draw(&Rectangle::new(
                    [(x, middle - px(5.0)), (x + swatch, middle + px(5.0))],
                    colour.filled(),
                ))
                .map_err(err)?,
            Swatch::Rule(colour) => top
                .draw(&PathElement::new(
                    [
                        (x + swatch / 2, middle - px(7.0)),
                        (x + swatch / 2, middle + px(7.0)),
                    ],
                    colour.stroke_width(stroke),
                ))
                .map_err(err)?,
        }
        top.draw(&Text::new(
            label.to_string(),
            (x + swatch + gap, middle - px(7.0)),
            font.clone(),
        ))
        .map_err(err)?;
    }
    Ok(rest)
}

/// A dashed horizontal line from `from` to `to` at `y`, in data coordinates.
fn dashes(from: f64, to: f64, y: f64, pieces: usize) -> Vec<[(f64, f64); 2]> {
    let step = (to - from) / pieces as f64;
    (0..pieces)
        .map(|i| {
            let start = from + step * i as f64;
            [(start, y), (start + step * 0.55, y)]
        })
        .collect()
}

/// Decimals for axis labels that keep ticks apart on an axis up to `top`.
fn tick_decimals(top: f64) -> usize {
    if top < 1.0 {
        2
    } else if top < 10.0 {
        1
    } else {
        0
    }
}

/// The agents the staffing curve's axis runs over, ends included: from
/// the first stable point to the last point, stretched so that the chosen
/// staffing (reverse mode: the user's agents, possibly far below the load,
/// or above the points) is always on the chart (issue 25, item 12). `None`
/// when no point has figures.
pub fn curve_agent_range(data: &CurveData) -> Option<(u32, u32)> {
    let first_stable = data.points.iter().find(|p| p.1.is_some())?.0;
    let last_point = data.points.last().map_or(first_stable, |p| p.0);
    if !(data.chosen.is_finite() && data.chosen >= 0.0) {
        return Some((first_stable, last_point.max(first_stable + 1)));
    }
    // At most MAX_AGENTS-sized figures reach here; the casts saturate.
    let (below, above) = (data.chosen.floor() as u32, data.chosen.ceil() as u32);
    let (first, last) = (first_stable.min(below), last_point.max(above));
    // A chosen staffing that stretches the axis keeps a margin (a 40th of
    // the span, at least one agent), so its rule is not drawn on the axis.
    let margin = ((last - first) / 40).max(1);
    let first = if below < first_stable {
        first.saturating_sub(margin)
    } else {
        first
    };
    let last = if above > last_point {
        last.saturating_add(margin)
    } else {
        last
    };
    Some((first, last.max(first + 1)))
}

/// Service level and abandonment (left axis, %) and ASA (right axis, s)
/// against agents, with the target line and the chosen point; the legend
/// above the plot.
pub fn draw_staffing_curve<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &CurveData,
    labels: &CurveLabels,
    scale: f64,
) -> DrawResult {
    area.fill(&WHITE).map_err(err)?;
    // Start at the first stable point (below it Erlang C has no figures to
    // draw), the chosen staffing always inside.
    let Some((first, last)) = curve_agent_range(data) else {
        return Ok(());
    };
    let px = |v: f64| (v * scale).round() as i32;
    let chosen_asa = data
        .points
        .iter()
        .find(|p| f64::from(p.0) == data.chosen)
        .and_then(|p| p.1.map(|m| m.asa_s));
    let worst_asa = data
        .points
        .iter()
        .filter_map(|p| p.1.map(|m| m.asa_s))
        .fold(0.0f64, f64::max);
    // The ASA axis shows the neighbourhood of the chosen point (three times
    // its ASA, at least 5 s), not the worst point: steeper parts run off the top.
    let asa_max = chosen_asa
        .map_or(worst_asa, |asa| (asa * 3.0).max(5.0))
        .min(worst_asa.max(1.0))
        .max(data.asa_cap.unwrap_or(0.0))
        .clamp(0.5, 3_600.0)
        * 1.1;

    let mut entries = vec![
        (labels.service_level.as_str(), Swatch::Line(SL_COLOUR)),
        (labels.target.as_str(), Swatch::Dashed(TARGET_COLOUR)),
    ];
    if data.show_abandon {
        entries.push((labels.abandon.as_str(), Swatch::Line(ABANDON_COLOUR)));
    }
    entries.push((labels.asa.as_str(), Swatch::Line(ASA_COLOUR)));
    if data.asa_cap.is_some() {
        entries.push((labels.asa_cap.as_str(), Swatch::Dashed(ASA_COLOUR)));
    }
    if data.show_abandon && data.abandon_cap_pct.is_some() {
        entries.push((labels.abandon_cap.as_str(), Swatch::Dashed(ABANDON_COLOUR)));
    }
    entries.push((labels.chosen.as_str(), Swatch::Rule(CHOSEN_COLOUR)));
    let plot = legend_strip(area, &entries, scale)?;

    let mut chart = ChartBuilder::on(&plot)
        .margin(px(10.0))
        .x_label_area_size(px(40.0))
        .y_label_area_size(px(52.0))
        .right_y_label_area_size(px(56.0))
        .build_cartesian_2d(f64::from(first) - 0.5..f64::from(last) + 0.5, 0.0..100.0)
        .map_err(err)?
        .set_secondary_coord(f64::from(first) - 0.5..f64::from(last) + 0.5, 0.0..asa_max);
    titled_mesh(
        &mut chart.configure_mesh(),
        &labels.x_axis,
        &labels.y_axis,
        scale,
    )
    .x_label_formatter(&whole)
    .y_label_formatter(&|v| format!("{v:.0}"))
    .draw()
    .map_err(err)?;
    let decimals = tick_decimals(asa_max);
    titled_right_axis(
        &mut chart.configure_secondary_axes(),
        &labels.asa_axis,
        scale,
    )
    .y_label_formatter(&|v| format!("{v:.decimals$}"))
    .draw()
    .map_err(err)?;

    let stroke = px(2.0).max(1) as u32;
    let (left, right) = (f64::from(first) - 0.5, f64::from(last) + 0.5);
    let level =
        |y: f64, colour: RGBColor| dashed_level(left, right, y, colour.stroke_width(stroke));
    chart
        .draw_series(level(data.target_pct, TARGET_COLOUR))
        .map_err(err)?;

    // The caps: dashed in the colour of the figure they limit.
    if let Some(cap) = data.abandon_cap_pct.filter(|_| data.show_abandon) {
        chart.draw_series(level(cap, ABANDON_COLOUR)).map_err(err)?;
    }
    if let Some(cap) = data.asa_cap {
        chart
            .draw_secondary_series(level(cap, ASA_COLOUR))
            .map_err(err)?;
    }

    let stable = |pick: fn(&CurveFigures) -> f64| -> Vec<(f64, f64)> {
        data.points
            .iter()
            .filter_map(|(n, m)| m.as_ref().map(|m| (f64::from(*n), pick(m))))
            .collect()
    };
    chart
        .draw_series(line_with_markers(
            stable(|m| m.service_level_pct),
            SL_COLOUR.stroke_width(stroke + 1),
            |p| Circle::new(p, px(2.5) as u32, SL_COLOUR.filled()).into_dyn(),
        ))
        .map_err(err)?;
    if data.show_abandon {
        chart
            .draw_series(LineSeries::new(
                stable(|m| m.abandon_pct),
                ABANDON_COLOUR.stroke_width(stroke),
            ))
            .map_err(err)?;
    }
    // ASA: one unbroken line with triangles; where it runs above the axis it
    // leaves through the top edge (the ASA falls as agents are added).
    let asa = stable(|m| m.asa_s);
    let mut line = Vec::with_capacity(asa.len() + 1);
    if let Some(&first_point) = asa.first().filter(|p| p.1 <= asa_max) {
        line.push(first_point);
    }
    for pair in asa.windows(2) {
        let ((n0, v0), (n1, v1)) = (pair[0], pair[1]);
        if (v0 > asa_max) != (v1 > asa_max) {
            let crossing = n0 + (n1 - n0) * (asa_max - v0) / (v1 - v0);
            line.push((crossing, asa_max));
        }
        if v1 <= asa_max {
            line.push((n1, v1));
        }
    }
    chart
        .draw_secondary_series(LineSeries::new(line, ASA_COLOUR.stroke_width(stroke)))
        .map_err(err)?;
    chart
        .draw_secondary_series(
            asa.iter()
                .filter(|p| p.1 <= asa_max)
                .map(|&p| TriangleMarker::new(p, px(3.5) as u32, ASA_COLOUR.filled())),
        )
        .map_err(err)?;

    // The chosen staffing: a vertical line and a ring on the service level.
    let chosen = data.chosen;
    if chosen >= f64::from(first) && chosen <= f64::from(last) {
        chart
            .draw_series(LineSeries::new(
                [(chosen, 0.0), (chosen, 100.0)],
                ShapeStyle::from(&CHOSEN_COLOUR).stroke_width(stroke),
            ))
            .map_err(err)?;
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
    let plot = legend_strip(
        area,
        &[
            (labels.volume.as_str(), Swatch::Bar(BAR_COLOUR)),
            (labels.agents.as_str(), Swatch::Line(AGENTS_COLOUR)),
        ],
        scale,
    )?;
    let count = data.intervals.len();
    let volume_max = data.intervals.iter().map(|i| i.1).fold(1.0, f64::max) * 1.1;
    let agents_max = data.intervals.iter().map(|i| i.2).fold(1.0, f64::max) * 1.1;
    let x_range = -0.5..count as f64 - 0.5;
    let mut chart = ChartBuilder::on(&plot)
        .margin(px(10.0))
        .x_label_area_size(px(40.0))
        .y_label_area_size(px(52.0))
        .right_y_label_area_size(px(56.0))
        .build_cartesian_2d(x_range.clone(), 0.0..volume_max)
        .map_err(err)?
        .set_secondary_coord(x_range, 0.0..agents_max);
    // As many time labels as fit (about 55 px each).
    let fit = ((f64::from(area.dim_in_pixel().0) / (55.0 * scale)) as usize).max(2);
    let step = count.div_ceil(fit).max(1);
    let names: Vec<String> = data.intervals.iter().map(|i| i.0.clone()).collect();
    titled_mesh(
        &mut chart.configure_mesh(),
        &labels.x_axis,
        &labels.volume_axis,
        scale,
    )
    .x_labels(count)
    .x_label_formatter(&|v| every_nth_label(&names, step, *v))
    .y_label_formatter(&whole)
    .disable_x_mesh()
    .draw()
    .map_err(err)?;
    titled_right_axis(
        &mut chart.configure_secondary_axes(),
        &labels.agents_axis,
        scale,
    )
    .y_label_formatter(&whole)
    .draw()
    .map_err(err)?;
    chart
        .draw_series(data.intervals.iter().enumerate().map(|(i, interval)| {
            let x = i as f64;
            Rectangle::new([(x - 0.4, 0.0), (x + 0.4, interval.1)], BAR_COLOUR.filled())
        }))
        .map_err(err)?;
    let stroke = px(2.0).max(1) as u32;
    let agents: Vec<(f64, f64)> = data
        .intervals
        .iter()
        .enumerate()
        .map(|(i, v)| (i as f64, v.2))
        .collect();
    chart
        .draw_secondary_series(line_with_markers(
            agents,
            AGENTS_COLOUR.stroke_width(stroke + 1),
            |p| Circle::new(p, px(2.5) as u32, AGENTS_COLOUR.filled()).into_dyn(),
        ))
        .map_err(err)?;
    area.present().map_err(err)
}

pub mod compare;
pub mod forecast;
pub mod monthly;
mod parts;
pub mod schedule;
#[cfg(test)]
mod svg_probe;

/// Issue 25, item 12: the chosen staffing is always on the curve's axis.
#[cfg(test)]
mod range_tests {
    use super::*;

    fn data(points: std::ops::RangeInclusive<u32>, stable_from: u32, chosen: f64) -> CurveData {
        let figures = CurveFigures {
            service_level_pct: 80.0,
            abandon_pct: 0.0,
            asa_s: 10.0,
        };
        CurveData {
            points: points
                .map(|n| (n, (n >= stable_from).then_some(figures)))
                .collect(),
            target_pct: 80.0,
            chosen,
            show_abandon: false,
            asa_cap: None,
            abandon_cap_pct: None,
        }
    }

    #[test]
    fn the_chosen_point_is_always_inside_the_axis() {
        let range = |chosen: f64| curve_agent_range(&data(126..=162, 138, chosen));
        // 825 contacts of 300 s in 30 min: 137.5 Erlangs, 35 agents chosen,
        // with a margin of a 40th of the span beyond it (127 / 40 → 3).
        assert_eq!(range(35.0), Some((32, 162)));
        // Far above the points and fractional, among them, or none chosen.
        assert_eq!(range(400.5), Some((138, 407)));
        assert_eq!(range(150.0), Some((138, 162)));
        assert_eq!(range(f64::NAN), Some((138, 162)));
        for chosen in [
            0.0,
            1.0,
            35.0,
            137.0,
            150.0,
            162.0,
            163.0,
            5_000.0,
            f64::from(u32::MAX),
        ] {
            let (first, last) = range(chosen).unwrap();
            assert!(
                f64::from(first) <= chosen && chosen <= f64::from(last),
                "{chosen}"
            );
            // Off the points, never on the axis's edge.
            if chosen > 0.0 && chosen < f64::from(u32::MAX) && !(138.0..=162.0).contains(&chosen) {
                assert!(
                    f64::from(first) < chosen && chosen < f64::from(last),
                    "{chosen}"
                );
            }
        }
        assert_eq!(curve_agent_range(&data(1..=5, 10, 3.0)), None);
    }
}
