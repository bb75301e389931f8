//! A day's staffing requirement against the scheduled agents, interval by
//! interval: the coverage view of the schedule page.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::parts::{has_room_for_axes, label_near, text_width, titled_mesh, x_label_room};
use super::{err, legend_strip, sane_scale, whole, DrawResult, FixedTicks, Swatch};

/// The requirement: a dark step line over everything.
const REQUIREMENT: RGBColor = RGBColor(0x22, 0x22, 0x22);
/// The scheduled agents: a light tint of the app's blue, edged in the blue.
const SCHEDULED: RGBColor = RGBColor(0xa5, 0xc5, 0xec);
const SCHEDULED_EDGE: RGBColor = super::SL_COLOUR;
/// Over: a pale green, lighter than the blue it lies in. Under: a soft red,
/// darker than both and hatched, so that the two differ in grey as well.
const OVER: RGBColor = RGBColor(0xd3, 0xf0, 0xd8);
const UNDER: RGBColor = RGBColor(0xf0, 0x8a, 0x84);
const HATCH: RGBColor = RGBColor(0xa9, 0x2a, 0x1f);

/// Values beyond this are no number of agents: skipped like NaN, so an
/// absurd input cannot blow up the axis.
const LARGEST: f64 = 1e9;

/// Steps between labelled intervals, smallest first: whole hours and their
/// halves for 15-, 30- and 60-minute intervals alike.
const LABEL_STEPS: [usize; 8] = [1, 2, 4, 6, 8, 12, 16, 24];

pub struct CoverageChartLabels {
    pub x_axis: String,
    pub y_axis: String,
    /// "Required"
    pub requirement: String,
    /// "Scheduled"
    pub scheduled: String,
    /// "Over" (more scheduled than required)
    pub over: String,
    /// "Under" (fewer scheduled than required)
    pub under: String,
}

pub struct CoverageChartData {
    /// One label per interval ("07:00", "07:30", …); the axis shows a readable subset.
    pub x_labels: Vec<String>,
    /// Agents required per interval (may be fractional; drawn as a step line, dark).
    pub requirement: Vec<f64>,
    /// Agents scheduled per interval (whole numbers; drawn as a step area in the app's blue).
    pub scheduled: Vec<f64>,
}

fn usable(v: f64) -> Option<f64> {
    (v.is_finite() && (0.0..=LARGEST).contains(&v)).then_some(v)
}

/// Runs of consecutive usable values as steps: interval `i` spans `i..i + 1`
/// at its value, and a run breaks wherever a value is unusable.
fn steps(values: &[f64]) -> Vec<Vec<(f64, f64)>> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    for (i, v) in values.iter().enumerate() {
        if let Some(v) = usable(*v) {
            current.push((i as f64, v));
            current.push((i as f64 + 1.0, v));
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Whole-number ticks from zero to at most `top`, no more than `fit` of
/// them (two at least), a step of 1, 2 or 5 times a power of ten.
fn whole_ticks(top: f64, fit: usize) -> Vec<f64> {
    let fit = fit.max(2) as f64;
    let mut magnitude = 1.0;
    let step = loop {
        if let Some(step) = [1.0, 2.0, 5.0]
            .into_iter()
            .map(|m| m * magnitude)
            .find(|step| (top / step).floor() + 1.0 <= fit)
        {
            break step;
        }
        magnitude *= 10.0;
    };
    (0..)
        .map(|k| f64::from(k) * step)
        .take_while(|v| *v <= top)
        .collect()
}

/// Interval starts that carry an x label: every `step`-th from the first,
/// `step` the smallest of `LABEL_STEPS` (then whole multiples of its last)
/// that is at least `needed`.
fn label_positions(count: usize, needed: usize) -> Vec<f64> {
    let last = LABEL_STEPS[LABEL_STEPS.len() - 1];
    let step = LABEL_STEPS
        .into_iter()
        .find(|&s| s >= needed)
        .unwrap_or_else(|| needed.div_ceil(last) * last);
    (0..count).step_by(step.max(1)).map(|i| i as f64).collect()
}

/// What the chart draws, in data coordinates (interval `i` spans `i..i + 1`),
/// every value usable.
struct Plan {
    count: usize,
    requirement: Vec<Vec<(f64, f64)>>,
    scheduled: Vec<Vec<(f64, f64)>>,
    /// Intervals with more scheduled than required: (start, required, scheduled).
    over: Vec<(f64, f64, f64)>,
    /// Intervals with fewer scheduled than required: (start, scheduled, required).
    under: Vec<(f64, f64, f64)>,
    /// The top of the y axis, a little above the highest value.
    top: f64,
}

impl Plan {
    /// `None` when there is no interval to draw.
    fn new(data: &CoverageChartData) -> Option<Plan> {
        let count = data.requirement.len().max(data.scheduled.len());
        if count == 0 {
            return None;
        }
        let at = |values: &[f64], i: usize| values.get(i).copied().and_then(usable);
        let (mut over, mut under) = (Vec::new(), Vec::new());
        for i in 0..count {
            if let (Some(r), Some(s)) = (at(&data.requirement, i), at(&data.scheduled, i)) {
                if s > r {
                    over.push((i as f64, r, s));
                } else if s < r {
                    under.push((i as f64, s, r));
                }
            }
        }
        let requirement = steps(&data.requirement);
        let scheduled = steps(&data.scheduled);
        let high = requirement
            .iter()
            .chain(&scheduled)
            .flatten()
            .map(|p| p.1)
            .fold(1.0f64, f64::max);
        Some(Plan {
            count,
            requirement,
            scheduled,
            over,
            under,
            top: high + (high * 0.06).max(0.5),
        })
    }
}

/// Diagonal hatch lines ("/", `spacing` pixels apart, aligned across
/// neighbouring rectangles) inside the pixel rectangle `(x0, y0)–(x1, y1)`,
/// relative to its top left corner.
fn hatch(x0: i32, y0: i32, x1: i32, y1: i32, spacing: i32) -> Vec<[(i32, i32); 2]> {
    let spacing = spacing.max(1);
    let mut out = Vec::new();
    let mut c = (x0 + y0).div_euclid(spacing) * spacing + spacing;
    while c < x1 + y1 {
        let start = x0.max(c - y1);
        let end = x1.min(c - y0);
        if end > start {
            out.push([(start - x0, c - start - y0), (end - x0, c - end - y0)]);
        }
        c += spacing;
    }
    out
}

/// The scheduled agents per interval as a light blue step area edged in
/// blue; the excess over the requirement shaded pale green ("over"), the
/// shortfall a hatched soft red ("under"); the requirement as a dark step
/// line on top. The legend above the plot always lists all four, so it
/// keeps its height as the schedule changes. The y axis runs from zero to a
/// little above the highest value, with whole-number ticks; the x axis
/// labels interval starts, as many as fit the width, at a step of 1, 2, 4,
/// 6, 8, 12 or 24 intervals (whole hours where intervals are 15 or 30
/// minutes). Unusable values (NaN, infinite, negative, beyond a billion)
/// are gaps; a canvas too small for the axes is left blank.
pub fn draw_coverage<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &CoverageChartData,
    labels: &CoverageChartLabels,
    scale: f64,
) -> DrawResult {
    area.fill(&WHITE).map_err(err)?;
    let scale = sane_scale(scale);
    let Some(plan) = Plan::new(data) else {
        return Ok(());
    };
    let px = |v: f64| (v * scale).round() as i32;
    if !has_room_for_axes(area, scale) {
        return Ok(());
    }
    let (count, top) = (plan.count, plan.top);

    let plot = legend_strip(
        area,
        &[
            (labels.requirement.as_str(), Swatch::Line(REQUIREMENT)),
            (labels.scheduled.as_str(), Swatch::Bar(SCHEDULED)),
            (labels.over.as_str(), Swatch::Bar(OVER)),
            (labels.under.as_str(), Swatch::Bar(UNDER)),
        ],
        scale,
    )?;

    // Axis label areas sized to their text: the widest y label, the longest x label.
    let plot_height = plot.dim_in_pixel().1 as i32 - px(50.0);
    let y_ticks = whole_ticks(top, (plot_height / px(28.0).max(1)).clamp(2, 10) as usize);
    let widest = y_ticks.last().copied().unwrap_or(0.0);
    let y_area = (text_width(area, &whole(&widest), scale)? + px(30.0)).max(px(52.0));
    // A label may sit near the right edge: room for half of it.
    let (label_width, right) = x_label_room(area, &data.x_labels, count, scale)?;
    let plot_width = plot.dim_in_pixel().0 as i32 - y_area - px(10.0) - right;
    // No room left for the plot (a narrow canvas, huge numbers, a tall legend): blank.
    if plot_width < px(60.0) || plot_height < px(40.0) {
        return area.fill(&WHITE).map_err(err);
    }
    // Label centres an interval-width apart: enough intervals per label to
    // keep a gap between neighbours.
    let per_interval = f64::from(plot_width.max(1)) / count as f64;
    let needed = (f64::from(label_width + px(16.0)) / per_interval).ceil();
    let needed = if needed.is_finite() {
        needed.clamp(1.0, count as f64) as usize
    } else {
        count
    };

    let x_axis = FixedTicks {
        range: (0.0..count as f64).into(),
        at: label_positions(count, needed),
    };
    let y_axis = FixedTicks {
        range: (0.0..top).into(),
        at: y_ticks,
    };
    let mut chart = ChartBuilder::on(&plot)
        .margin(px(10.0))
        .margin_right(right)
        .x_label_area_size(px(40.0))
        .y_label_area_size(y_area)
        .build_cartesian_2d(x_axis, y_axis)
        .map_err(err)?;
    let names = &data.x_labels;
    titled_mesh(
        &mut chart.configure_mesh(),
        &labels.x_axis,
        &labels.y_axis,
        scale,
    )
    .x_label_formatter(&|v| label_near(names, count, *v))
    .y_label_formatter(&whole)
    .disable_x_mesh()
    .draw()
    .map_err(err)?;

    let thin = px(1.0).max(1) as u32;
    let stroke = px(2.0).max(1) as u32;
    chart
        .draw_series(plan.scheduled.iter().map(|run| {
            let (start, end) = (run[0].0, run[run.len() - 1].0);
            let mut outline = run.clone();
            outline.extend([(end, 0.0), (start, 0.0)]);
            Polygon::new(outline, SCHEDULED.filled())
        }))
        .map_err(err)?;
    chart
        .draw_series(
            plan.over
                .iter()
                .map(|&(x, low, high)| Rectangle::new([(x, high), (x + 1.0, low)], OVER.filled())),
        )
        .map_err(err)?;
    chart
        .draw_series(
            plan.under
                .iter()
                .map(|&(x, low, high)| Rectangle::new([(x, high), (x + 1.0, low)], UNDER.filled())),
        )
        .map_err(err)?;
    // The shortfall's hatch, in pixels from each rectangle's top left corner.
    let spacing = px(6.0).max(3);
    let mut lines = Vec::new();
    for &(x, low, high) in &plan.under {
        let (x0, y0) = chart.backend_coord(&(x, high));
        let (x1, y1) = chart.backend_coord(&(x + 1.0, low));
        lines.extend(
            hatch(x0, y0, x1, y1, spacing)
                .into_iter()
                .map(|line| ((x, high), line)),
        );
    }
    chart
        .draw_series(lines.into_iter().map(|(corner, line)| {
            EmptyElement::at(corner) + PathElement::new(line, HATCH.stroke_width(thin))
        }))
        .map_err(err)?;
    for run in plan.scheduled {
        chart
            .draw_series(LineSeries::new(run, SCHEDULED_EDGE.stroke_width(thin)))
            .map_err(err)?;
    }
    for run in plan.requirement {
        chart
            .draw_series(LineSeries::new(run, REQUIREMENT.stroke_width(stroke)))
            .map_err(err)?;
    }
    area.present().map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 07:00–21:30 in half hours: a morning and an afternoon peak, whole
    /// agents scheduled around them, short at 08:00, over lunch and late on.
    pub(super) fn day() -> CoverageChartData {
        CoverageChartData {
            x_labels: (0..30)
                .map(|i| format!("{:02}:{:02}", 7 + i / 2, i % 2 * 30))
                .collect(),
            requirement: vec![
                3.2, 5.8, 8.4, 10.9, 12.6, 13.1, 12.4, 11.0, 9.7, 9.1, 8.8, 9.3, 10.2, 11.5, 12.0,
                11.8, 10.9, 9.6, 8.7, 8.1, 7.9, 8.3, 8.6, 8.2, 7.1, 5.9, 4.6, 3.5, 2.4, 1.6,
            ],
            scheduled: vec![
                4.0, 6.0, 8.0, 9.0, 13.0, 14.0, 14.0, 12.0, 10.0, 9.0, 9.0, 9.0, 8.0, 9.0, 12.0,
                12.0, 11.0, 10.0, 9.0, 8.0, 8.0, 8.0, 7.0, 8.0, 7.0, 6.0, 5.0, 4.0, 2.0, 2.0,
            ],
        }
    }

    /// Intervals over and under the requirement in `day()`.
    pub(super) const DAY_OVER: usize = 17;
    pub(super) const DAY_UNDER: usize = 12;

    fn empty() -> CoverageChartData {
        CoverageChartData {
            x_labels: Vec::new(),
            requirement: Vec::new(),
            scheduled: Vec::new(),
        }
    }

    /// Inputs that must draw without a panic and without a NaN.
    pub(super) fn edge_cases() -> Vec<(&'static str, CoverageChartData)> {
        vec![
            ("empty", empty()),
            (
                "labels only",
                CoverageChartData {
                    x_labels: vec!["07:00".into(); 10],
                    ..empty()
                },
            ),
            (
                "requirement only",
                CoverageChartData {
                    requirement: vec![2.5; 8],
                    ..empty()
                },
            ),
            (
                "scheduled only",
                CoverageChartData {
                    scheduled: vec![3.0; 8],
                    ..empty()
                },
            ),
            (
                "single interval",
                CoverageChartData {
                    x_labels: vec!["07:00".into()],
                    requirement: vec![1.4],
                    scheduled: vec![1.0],
                },
            ),
            (
                "all zero",
                CoverageChartData {
                    requirement: vec![0.0; 48],
                    scheduled: vec![0.0; 48],
                    ..empty()
                },
            ),
            (
                "unusable everywhere, ragged lengths",
                CoverageChartData {
                    x_labels: vec!["x".into(); 3],
                    requirement: vec![f64::NAN, 2.0, f64::INFINITY, -3.0, 1e300, 4.0],
                    scheduled: vec![1.0, f64::NAN, 5.0, 2.0, 3.0, f64::NEG_INFINITY, 7.0, 8.0],
                },
            ),
            (
                "only NaN",
                CoverageChartData {
                    x_labels: vec!["07:00".into(); 4],
                    requirement: vec![f64::NAN; 4],
                    scheduled: vec![f64::NAN; 4],
                },
            ),
            (
                "long labels, many intervals, huge values",
                CoverageChartData {
                    x_labels: (0..3_000)
                        .map(|i| format!("a very long label number {i}"))
                        .collect(),
                    requirement: (0..2_880).map(|i| f64::from(i) * 1e5).collect(),
                    scheduled: vec![1e8; 2_880],
                },
            ),
            (
                "tiny differences",
                CoverageChartData {
                    x_labels: Vec::new(),
                    requirement: vec![5.0 + 1e-12, 5.0 - 1e-12, 5.0],
                    scheduled: vec![5.0; 3],
                },
            ),
        ]
    }

    #[test]
    fn plans_a_day() {
        let plan = Plan::new(&day()).unwrap();
        assert_eq!(plan.count, 30);
        assert_eq!((plan.over.len(), plan.under.len()), (DAY_OVER, DAY_UNDER));
        // 08:30 is short: 9 scheduled for 10.9 required.
        assert_eq!(plan.under[1], (3.0, 9.0, 10.9));
        assert_eq!(plan.over[0], (0.0, 3.2, 4.0));
        // One run each, two points (start and end) per interval.
        assert_eq!(plan.requirement.len(), 1);
        assert_eq!(plan.requirement[0].len(), 60);
        assert_eq!(
            plan.requirement[0][..4],
            [(0.0, 3.2), (1.0, 3.2), (1.0, 5.8), (2.0, 5.8)]
        );
        assert_eq!(plan.scheduled[0].last(), Some(&(30.0, 2.0)));
        // A little above the highest value, 14 scheduled.
        assert!(plan.top > 14.0 && plan.top < 15.0, "{}", plan.top);
    }

    #[test]
    fn edge_cases_plan_only_usable_points() {
        for (name, data) in edge_cases() {
            let Some(plan) = Plan::new(&data) else {
                assert!(name == "empty" || name == "labels only", "{name}");
                continue;
            };
            assert!(plan.top.is_finite() && plan.top >= 1.5, "{name}");
            let shaded = plan.over.iter().chain(&plan.under);
            for (x, y) in plan
                .requirement
                .iter()
                .chain(&plan.scheduled)
                .flatten()
                .copied()
                .chain(shaded.flat_map(|&(x, a, b)| [(x, a), (x + 1.0, b)]))
            {
                assert!(x.is_finite() && y.is_finite(), "{name}: ({x}, {y})");
                assert!(x >= 0.0 && x <= plan.count as f64, "{name}: x {x}");
                assert!(y >= 0.0 && y <= plan.top, "{name}: y {y}");
            }
        }
    }

    #[test]
    fn unusable_values_are_gaps() {
        let plan = Plan::new(&edge_cases()[6].1).unwrap();
        assert_eq!(plan.count, 8);
        // Requirement: NaN, 2, inf, −3, 1e300, 4 → two lone intervals.
        assert_eq!(
            plan.requirement,
            [vec![(1.0, 2.0), (2.0, 2.0)], vec![(5.0, 4.0), (6.0, 4.0)]]
        );
        // Scheduled breaks at NaN and −inf.
        let lengths: Vec<usize> = plan.scheduled.iter().map(Vec::len).collect();
        assert_eq!(lengths, [2, 6, 4]);
        // Shading only where both are usable: nowhere here (interval 5 has no schedule).
        assert!(plan.over.is_empty() && plan.under.is_empty());
        assert!((plan.top - 8.5).abs() < 1e-9, "{}", plan.top);
        // Equal within a rounding: a sliver, never a NaN.
        let tiny = Plan::new(&edge_cases()[9].1).unwrap();
        assert_eq!((tiny.over.len(), tiny.under.len()), (1, 1));
    }

    #[test]
    fn y_ticks_are_whole_and_few() {
        assert_eq!(whole_ticks(1.5, 10), [0.0, 1.0]);
        assert_eq!(whole_ticks(3.5, 10), [0.0, 1.0, 2.0, 3.0]);
        assert_eq!(whole_ticks(14.84, 5), [0.0, 5.0, 10.0]);
        assert_eq!(
            whole_ticks(14.84, 8),
            [0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0, 14.0]
        );
        for top in [1.5, 2.2, 7.9, 10.6, 99.0, 1_234.5, 1.06e9] {
            for fit in 0..12 {
                let ticks = whole_ticks(top, fit);
                assert!(
                    ticks.len() >= 2 && ticks.len() <= fit.max(2),
                    "{top} {fit}: {ticks:?}"
                );
                assert!(ticks.iter().all(|t| t.fract() == 0.0 && *t <= top));
                assert_eq!(ticks[0], 0.0);
            }
        }
    }

    #[test]
    fn label_steps_are_round() {
        assert_eq!(label_positions(0, 1), Vec::<f64>::new());
        assert_eq!(label_positions(1, 5), [0.0]);
        assert_eq!(label_positions(30, 1).len(), 30);
        assert_eq!(
            label_positions(30, 3),
            [0.0, 4.0, 8.0, 12.0, 16.0, 20.0, 24.0, 28.0]
        );
        assert_eq!(label_positions(30, 6), [0.0, 6.0, 12.0, 18.0, 24.0]);
        assert_eq!(label_positions(96, 30), [0.0, 48.0]);
        assert_eq!(label_positions(30, 30), [0.0]);
    }

    #[test]
    fn hatch_stays_inside_and_lines_up() {
        for (x0, y0, x1, y1) in [
            (0, 0, 40, 20),
            (13, 7, 14, 90),
            (5, 5, 5, 5),
            (3, 9, 60, 10),
        ] {
            for [a, b] in hatch(x0, y0, x1, y1, 6) {
                for (x, y) in [a, b] {
                    assert!(x >= 0 && x <= x1 - x0 && y >= 0 && y <= y1 - y0);
                    // On the shared lattice x + y ≡ 0 (mod 6).
                    assert_eq!((x + x0 + y + y0).rem_euclid(6), 0);
                }
            }
        }
        assert!(hatch(0, 0, 40, 20, 6).len() >= 9);
        assert!(hatch(5, 5, 5, 5, 6).is_empty());
    }
}

/// Drawing to SVG (plotters' `svg_backend`, a dev-dependency only).
#[cfg(test)]
mod drawing {
    use super::tests::{day, edge_cases, DAY_OVER, DAY_UNDER};
    use super::*;
    use crate::charts::svg_probe::{
        assert_none_repeated, draw_everywhere, elements, has_text, hex, texts,
    };

    fn labels() -> CoverageChartLabels {
        CoverageChartLabels {
            x_axis: "Interval".into(),
            y_axis: "Agents".into(),
            requirement: "Required".into(),
            scheduled: "Scheduled".into(),
            over: "Over".into(),
            under: "Under".into(),
        }
    }

    fn svg_with(
        data: &CoverageChartData,
        labels: &CoverageChartLabels,
        size: (u32, u32),
        scale: f64,
    ) -> (DrawResult, String) {
        let mut out = String::new();
        let result = {
            let area = SVGBackend::with_string(&mut out, size).into_drawing_area();
            draw_coverage(&area, data, labels, scale)
        };
        (result, out)
    }

    fn svg(data: &CoverageChartData, size: (u32, u32), scale: f64) -> (DrawResult, String) {
        svg_with(data, &labels(), size, scale)
    }

    /// The time labels ("07:00"), left to right.
    fn time_labels(svg: &str) -> Vec<(f64, String)> {
        let mut out: Vec<(f64, String)> = texts(svg)
            .into_iter()
            .filter(|(_, _, t)| t.len() == 5 && t.as_bytes()[2] == b':')
            .map(|(x, _, t)| (x, t))
            .collect();
        out.sort_by(|a, b| a.0.total_cmp(&b.0));
        out
    }

    /// The numbers on the y axis, bottom to top.
    fn y_labels(svg: &str) -> Vec<(f64, String)> {
        let mut out: Vec<(f64, String)> = texts(svg)
            .into_iter()
            .filter(|(_, _, t)| t.replace(',', "").parse::<f64>().is_ok())
            .map(|(_, y, t)| (y, t))
            .collect();
        out.sort_by(|a, b| b.0.total_cmp(&a.0));
        out
    }

    #[test]
    fn draws_areas_shading_line_and_legend() {
        let (result, svg) = svg(&day(), (900, 360), 1.0);
        assert_eq!(result, Ok(()));
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
        // One scheduled area, a rectangle per interval over or under (+ legend swatches).
        assert_eq!(elements(&svg, "polygon", SCHEDULED).len(), 1);
        assert_eq!(elements(&svg, "rect", SCHEDULED).len(), 1);
        assert_eq!(elements(&svg, "rect", OVER).len(), DAY_OVER + 1);
        assert_eq!(elements(&svg, "rect", UNDER).len(), DAY_UNDER + 1);
        // The shortfall is hatched; the excess is not.
        assert!(elements(&svg, "polyline", HATCH).len() >= DAY_UNDER);
        // The requirement: one step line and the legend's swatch.
        let requirement = elements(&svg, "polyline", REQUIREMENT);
        assert_eq!(requirement.len(), 2, "{requirement:?}");
        let points = requirement
            .iter()
            .map(|e| {
                e.split("points=\"")
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap()
            })
            .map(|p| p.split_whitespace().count())
            .max();
        assert_eq!(points, Some(60));
        assert_eq!(elements(&svg, "polyline", SCHEDULED_EDGE).len(), 1);
        for entry in [
            "Required",
            "Scheduled",
            "Over",
            "Under",
            "Interval",
            "Agents",
        ] {
            assert!(has_text(&svg, entry), "{entry}");
        }
        // Layers: the area, then the shading, then the requirement on top.
        let area = svg.find("<polygon").unwrap();
        let first_over = svg
            .match_indices(&format!("fill=\"{}\"", hex(OVER)))
            .nth(1)
            .unwrap()
            .0;
        let line = svg
            .rfind(&format!("stroke=\"{}\"", hex(REQUIREMENT)))
            .unwrap();
        assert!(area < first_over && first_over < line);
        // y from zero to 14 and a little more.
        let ys: Vec<String> = y_labels(&svg).into_iter().map(|(_, t)| t).collect();
        assert_eq!(ys.first().map(String::as_str), Some("0"));
        assert_eq!(ys.last().map(String::as_str), Some("14"), "{ys:?}");
    }

    #[test]
    fn the_legend_sits_above_the_plot() {
        for (size, scale) in [((900, 360), 1.0), ((340, 260), 1.0), ((1020, 780), 3.0)] {
            let (result, svg) = svg(&day(), size, scale);
            assert_eq!(result, Ok(()));
            let legend_bottom = texts(&svg)
                .into_iter()
                .filter(|(_, _, t)| {
                    ["Required", "Scheduled", "Over", "Under"].contains(&t.as_str())
                })
                .map(|(_, y, _)| y)
                .fold(0.0, f64::max);
            // The highest y label sits at the top of the plot, below the legend.
            let (top_label, _) = *y_labels(&svg).last().unwrap();
            assert!(top_label > legend_bottom + 10.0 * scale, "{size:?}: {svg}");
        }
    }

    #[test]
    fn x_labels_are_few_and_apart() {
        for (size, scale, most) in [
            ((340, 260), 1.0, 6),
            ((680, 520), 2.0, 6),
            ((1020, 780), 3.0, 6),
            ((900, 360), 1.0, 15),
            ((1800, 720), 2.0, 15),
            ((2400, 360), 1.0, 30),
        ] {
            let (result, svg) = svg(&day(), size, scale);
            assert_eq!(result, Ok(()));
            let times = time_labels(&svg);
            assert!(
                times.len() >= 3 && times.len() <= most,
                "{size:?}: {times:?}"
            );
            assert_eq!(times[0].1, "07:00", "labels start at the first interval");
            // Whole hours at these widths.
            assert!(times.iter().all(|(_, t)| t.ends_with(":00")) || size.0 == 2400);
            // A real "07:00" at 12 px is about 33 px wide: the centres stay further apart.
            let apart = times
                .windows(2)
                .map(|w| w[1].0 - w[0].0)
                .fold(f64::MAX, f64::min);
            assert!(apart >= 45.0 * scale, "{size:?}: {times:?}");
            let (x, _) = times.last().unwrap();
            assert!(x + 20.0 * scale <= f64::from(size.0), "{size:?}: {x}");
        }
        // Quarter hours on a phone: labels a few hours apart.
        let quarters = CoverageChartData {
            x_labels: (0..64)
                .map(|i| format!("{:02}:{:02}", 6 + i / 4, i % 4 * 15))
                .collect(),
            requirement: vec![4.0; 64],
            scheduled: vec![5.0; 64],
        };
        let (_, svg) = svg(&quarters, (340, 260), 1.0);
        let times = time_labels(&svg);
        assert!(times.len() >= 3 && times.len() <= 6, "{times:?}");
        assert!(times.iter().all(|(_, t)| t.ends_with(":00")), "{times:?}");
    }

    #[test]
    fn y_labels_are_whole_and_apart() {
        for (size, scale) in [((340, 260), 1.0), ((900, 360), 1.0), ((680, 520), 2.0)] {
            for top in [1.0, 3.0, 14.0, 57.0, 2_400.0] {
                let data = CoverageChartData {
                    x_labels: Vec::new(),
                    requirement: vec![top * 0.8, top],
                    scheduled: vec![top.round(), 0.0],
                };
                let (result, svg) = svg(&data, size, scale);
                assert_eq!(result, Ok(()));
                let ys = y_labels(&svg);
                assert!(ys.len() >= 2, "{size:?} {top}: {ys:?}");
                for (_, t) in &ys {
                    assert!(!t.contains('.'), "{size:?} {top}: {ys:?}");
                }
                for w in ys.windows(2) {
                    assert!(w[0].0 - w[1].0 >= 20.0 * scale, "{size:?} {top}: {ys:?}");
                }
            }
        }
    }

    fn chinese_labels() -> CoverageChartLabels {
        CoverageChartLabels {
            x_axis: "时段".into(),
            y_axis: "坐席".into(),
            requirement: "需求".into(),
            scheduled: "已排班".into(),
            over: "超配".into(),
            under: "不足".into(),
        }
    }

    #[test]
    fn chinese_labels_are_drawn() {
        let labels = chinese_labels();
        let (result, svg) = svg_with(&day(), &labels, (340, 260), 1.0);
        assert_eq!(result, Ok(()));
        for text in ["时段", "坐席", "需求", "已排班", "超配", "不足"] {
            assert!(has_text(&svg, text), "{text}");
        }
    }

    #[test]
    fn edge_cases_never_panic_nor_draw_nan() {
        let sizes = [
            (900, 360),
            (340, 260),
            (120, 100),
            (40, 30),
            (0, 0),
            (1, 5_000),
        ];
        for (name, data) in edge_cases() {
            draw_everywhere(name, &data, &sizes, svg, |what, svg| {
                // Whole-number y labels, none repeated.
                let numbers: Vec<String> = y_labels(svg).into_iter().map(|(_, t)| t).collect();
                assert_none_repeated(&numbers, what);
                assert!(
                    numbers.iter().all(|t| !t.contains('.')),
                    "{what}: {numbers:?}"
                );
            });
        }
    }

    /// Writes the sample day at phone and desktop sizes to the directory in
    /// `CCPLAN_CHART_DIR`, for a look (e.g. `rsvg-convert`); nothing otherwise.
    #[test]
    fn sample_day_to_files() {
        let Some(dir) = std::env::var_os("CCPLAN_CHART_DIR") else {
            return;
        };
        let chinese = chinese_labels();
        for (name, size, scale, labels) in [
            ("phone", (340, 260), 1.0, labels()),
            ("phone-2x", (680, 520), 2.0, labels()),
            ("desktop", (900, 360), 1.0, labels()),
            ("phone-zh", (340, 260), 1.0, chinese),
        ] {
            let (result, svg) = svg_with(&day(), &labels, size, scale);
            assert_eq!(result, Ok(()));
            let path = std::path::Path::new(&dir).join(format!("coverage-{name}.svg"));
            std::fs::write(path, svg).unwrap();
        }
    }
}
