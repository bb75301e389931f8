//! Daily contact history and its forecast, for the forecast page.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::parts::{has_room_for_axes, label_near, text_width, titled_mesh, x_label_room};
use super::{err, legend_strip, sane_scale, whole, DrawResult, FixedTicks, Swatch};

/// History in the app's blue; the forecast in orange, its interval a light tint of it.
const HISTORY: RGBColor = super::SL_COLOUR;
const MEAN: RGBColor = super::ABANDON_COLOUR;
const BAND: RGBColor = RGBColor(0xfb, 0xdb, 0xcc);
const EVENT: RGBColor = RGBColor(0x6a, 0x1b, 0x9a);
const MISSING: RGBColor = RGBColor(0xa6, 0xa6, 0xa6);
/// The rule between the last history day and the first forecast day.
const START_RULE: RGBColor = RGBColor(0x77, 0x77, 0x77);

/// Values beyond this are no daily contact count: skipped like NaN, so an
/// absurd input cannot blow up the axis.
const LARGEST: f64 = 1e12;

pub struct ForecastChartLabels {
    pub x_axis: String,
    pub y_axis: String,
    pub history: String,
    pub forecast: String,
    /// The prediction interval, e.g. "95 % interval".
    pub band: String,
    /// "known event"
    pub event: String,
    /// "missing or excluded day"
    pub missing: String,
    /// "holdout"
    pub holdout: String,
}

pub struct ForecastChartData {
    /// One label per position (dates "2003-09-02"), history then forecast;
    /// the axis shows a readable subset.
    pub x_labels: Vec<String>,
    /// Daily totals of history; `None` = a missing or excluded day (drawn as
    /// a gap in the line plus a small grey marker on the x axis).
    pub history: Vec<Option<f64>>,
    /// Forecast positions follow the history: mean, lower, upper of the
    /// prediction interval.
    pub mean: Vec<f64>,
    pub lower: Vec<f64>,
    pub upper: Vec<f64>,
    /// Indices into the forecast (0 = first forecast day) that carry a known
    /// event (drawn as a marker on the mean line).
    pub events: Vec<usize>,
    /// Optional holdout: the forecast made without the last k history days,
    /// drawn as a thin dashed line over those history positions (index into
    /// history where it starts, and its values).
    pub holdout: Option<(usize, Vec<f64>)>,
}

fn usable(v: f64) -> Option<f64> {
    (v.is_finite() && v.abs() <= LARGEST).then_some(v)
}

/// Runs of consecutive usable points `(position, value)`: a gap wherever a
/// value is missing or unusable.
fn runs(points: impl IntoIterator<Item = (usize, Option<f64>)>) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current = Vec::new();
    let mut last: Option<usize> = None;
    for (i, v) in points {
        match v.and_then(usable) {
            Some(v) => {
                if last.is_some_and(|l| l + 1 != i) && !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
                current.push((i as f64, v));
                last = Some(i);
            }
            None => {
                if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
                last = None;
            }
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Positions that carry an x label: as many as `fit` allows, evenly spaced
/// from the first day; past four days a step is a whole number of weeks, so
/// the labels fall on one weekday.
fn label_positions(total: usize, fit: usize) -> Vec<f64> {
    let Some(last) = total.checked_sub(1) else {
        return Vec::new();
    };
    if fit <= 1 || last == 0 {
        return vec![0.0];
    }
    // The smallest step that leaves at most `fit` labels.
    let mut step = last / fit + 1;
    let weekly = step.div_ceil(7) * 7;
    if step > 4 && weekly <= last {
        step = weekly;
    }
    (0..total).step_by(step).map(|i| i as f64).collect()
}

/// What the chart draws, in data coordinates (x = position: history, then
/// forecast), every value usable.
struct Plan {
    total: usize,
    n_history: usize,
    n_forecast: usize,
    /// Runs of the history line, broken at missing days.
    history: Vec<Vec<(f64, f64)>>,
    /// History positions with no usable value.
    missing: Vec<usize>,
    mean: Vec<Vec<(f64, f64)>>,
    /// Closed polygons: upper bound forward, lower bound back.
    band: Vec<Vec<(f64, f64)>>,
    /// Points on the mean that carry a known event.
    events: Vec<(f64, f64)>,
    holdout: Vec<Vec<(f64, f64)>>,
    /// The y range: zero (or below the lowest value) to the highest plus 5 %.
    bottom: f64,
    top: f64,
}

impl Plan {
    /// `None` when there is no position to draw.
    fn new(data: &ForecastChartData) -> Option<Plan> {
        let n_history = data.history.len();
        let n_forecast = data.mean.len().max(data.lower.len()).max(data.upper.len());
        let total = n_history.checked_add(n_forecast).filter(|&t| t > 0)?;
        let history = runs(data.history.iter().copied().enumerate());
        let missing: Vec<usize> = data
            .history
            .iter()
            .enumerate()
            .filter(|(_, v)| v.and_then(usable).is_none())
            .map(|(i, _)| i)
            .collect();
        let at = |values: &[f64], j: usize| values.get(j).copied().and_then(usable);
        let mean = runs((0..n_forecast).map(|j| (n_history + j, at(&data.mean, j))));
        let mut band = Vec::new();
        let mut upper: Vec<(f64, f64)> = Vec::new();
        let mut lower: Vec<(f64, f64)> = Vec::new();
        for j in 0..=n_forecast {
            let bounds = if j < n_forecast {
                at(&data.lower, j).zip(at(&data.upper, j))
            } else {
                None
            };
            if let Some((low, high)) = bounds {
                let x = (n_history + j) as f64;
                upper.push((x, high));
                lower.push((x, low));
            } else if !upper.is_empty() {
                // A lone day would be a line of no width: widen it a little.
                if let ([(x, high)], [(_, low)]) = (upper.as_slice(), lower.as_slice()) {
                    let (x, high, low) = (*x, *high, *low);
                    upper = vec![(x - 0.3, high), (x + 0.3, high)];
                    lower = vec![(x - 0.3, low), (x + 0.3, low)];
                }
                let mut polygon = std::mem::take(&mut upper);
                polygon.extend(std::mem::take(&mut lower).into_iter().rev());
                band.push(polygon);
            }
        }
        let events = data
            .events
            .iter()
            .filter(|&&j| j < n_forecast)
            .filter_map(|&j| at(&data.mean, j).map(|v| ((n_history + j) as f64, v)))
            .collect();
        let holdout = data
            .holdout
            .as_ref()
            .map_or_else(Vec::new, |(start, values)| {
                runs(
                    values
                        .iter()
                        .enumerate()
                        .filter_map(|(j, v)| start.checked_add(j).map(|i| (i, Some(*v))))
                        .take_while(|(i, _)| *i < total),
                )
            });
        let values = || {
            history
                .iter()
                .chain(&mean)
                .chain(&band)
                .chain(&holdout)
                .flatten()
                .map(|p| p.1)
        };
        let low = values().fold(0.0f64, f64::min);
        let high = values().fold(low, f64::max);
        // A span of ten at least: whole-number ticks, none repeated.
        let high = high.max(low + 10.0);
        let span = high - low;
        Some(Plan {
            total,
            n_history,
            n_forecast,
            history,
            missing,
            mean,
            band,
            events,
            holdout,
            bottom: if low < 0.0 { low - 0.05 * span } else { 0.0 },
            top: high + 0.05 * span,
        })
    }
}

/// Daily history as a solid blue line (broken at missing or excluded days,
/// which get a small grey mark on the x axis), then the forecast: its
/// prediction interval as a light band, its mean as an orange line with
/// known events marked by short purple ticks, and a thin grey rule where the
/// forecast starts. An optional holdout forecast runs dashed over the last
/// history days. The y axis starts at zero (lower only if a value is
/// negative) and tops the highest value with 5 % headroom, spanning ten at
/// least; the x axis labels as many positions as fit the width, at most
/// ten. The legend above the plot lists only what is drawn. Unusable values
/// (NaN, infinite, beyond a trillion) are skipped like missing ones; a
/// canvas too small for the axes is left blank.
pub fn draw_forecast<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &ForecastChartData,
    labels: &ForecastChartLabels,
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
    let (total, bottom, top) = (plan.total, plan.bottom, plan.top);

    let mut entries = Vec::new();
    if !plan.history.is_empty() {
        entries.push((labels.history.as_str(), Swatch::Line(HISTORY)));
    }
    if !plan.mean.is_empty() {
        entries.push((labels.forecast.as_str(), Swatch::Line(MEAN)));
    }
    if !plan.band.is_empty() {
        entries.push((labels.band.as_str(), Swatch::Bar(BAND)));
    }
    if !plan.events.is_empty() {
        entries.push((labels.event.as_str(), Swatch::Rule(EVENT)));
    }
    if !plan.holdout.is_empty() {
        entries.push((labels.holdout.as_str(), Swatch::Dashed(MEAN)));
    }
    if !plan.missing.is_empty() {
        entries.push((labels.missing.as_str(), Swatch::Bar(MISSING)));
    }
    let plot = legend_strip(area, &entries, scale)?;

    // Axis label areas sized to their text: the widest y label, the longest x label.
    let text_width = |text: &str| text_width(area, text, scale);
    let y_area =
        (text_width(&whole(&top))?.max(text_width(&whole(&bottom))?) + px(30.0)).max(px(52.0));
    // The last label may sit at the right edge: room for half of it.
    let (label_width, right) = x_label_room(area, &data.x_labels, total, scale)?;
    let plot_width = plot.dim_in_pixel().0 as i32 - y_area - px(10.0) - right;
    let fit = (plot_width / (label_width + px(16.0)).max(1)).clamp(1, 10) as usize;
    let plot_height = plot.dim_in_pixel().1 as i32 - px(50.0);
    let y_count = (plot_height / px(32.0).max(1)).clamp(2, 10) as usize;

    let x_range = FixedTicks {
        range: (-0.5..total as f64 - 0.5).into(),
        at: label_positions(total, fit),
    };
    let mut chart = ChartBuilder::on(&plot)
        .margin(px(10.0))
        .margin_right(right)
        .x_label_area_size(px(40.0))
        .y_label_area_size(y_area)
        .build_cartesian_2d(x_range, bottom..top)
        .map_err(err)?;
    let names = &data.x_labels;
    titled_mesh(
        &mut chart.configure_mesh(),
        &labels.x_axis,
        &labels.y_axis,
        scale,
    )
    .x_label_formatter(&|v| label_near(names, total, *v))
    .y_labels(y_count)
    .y_label_formatter(&whole)
    .disable_x_mesh()
    .draw()
    .map_err(err)?;

    let thin = px(1.0).max(1) as u32;
    let line = px(1.5).max(1) as u32;
    let stroke = px(2.0).max(1) as u32;
    chart
        .draw_series(
            plan.band
                .into_iter()
                .map(|p| Polygon::new(p, BAND.filled())),
        )
        .map_err(err)?;
    if plan.n_history > 0 && plan.n_forecast > 0 {
        let x = plan.n_history as f64 - 0.5;
        chart
            .draw_series(LineSeries::new(
                [(x, bottom), (x, top)],
                START_RULE.stroke_width(thin),
            ))
            .map_err(err)?;
    }
    chart
        .draw_series(runs_drawn(
            plan.history,
            HISTORY,
            line,
            px(2.0).max(1) as u32,
        ))
        .map_err(err)?;
    for run in plan.holdout {
        chart
            .draw_series(DashedLineSeries::new(
                run,
                px(5.0).max(1),
                px(4.0).max(1),
                MEAN.stroke_width(thin),
            ))
            .map_err(err)?;
    }
    chart
        .draw_series(runs_drawn(plan.mean, MEAN, stroke, px(2.5).max(1) as u32))
        .map_err(err)?;
    // Events: a short vertical tick across the mean, as in the legend.
    let tick = px(7.0);
    chart
        .draw_series(plan.events.into_iter().map(|p| {
            EmptyElement::at(p)
                + PathElement::new([(0, -tick), (0, tick)], EVENT.stroke_width(stroke))
        }))
        .map_err(err)?;
    // Missing days: a small grey mark on the x axis, a day wide (adjacent
    // days join into one strip) and never narrower than a pixel or two.
    let day = f64::from(chart.plotting_area().dim_in_pixel().0) / total as f64;
    let half = ((day / 2.0).ceil() as i32).max(px(1.0).max(1));
    let mark = px(6.0).max(2);
    chart
        .draw_series(plan.missing.into_iter().map(|i| {
            EmptyElement::at((i as f64, bottom))
                + Rectangle::new([(-half, -mark), (half, 0)], MISSING.filled())
        }))
        .map_err(err)?;
    area.present().map_err(err)
}

/// Runs of days in `colour`: a line `width` px wide through each, or a dot
/// of radius `dot` for a lone day (a line through one point shows nothing).
fn runs_drawn<DB: DrawingBackend>(
    runs: Vec<Vec<(f64, f64)>>,
    colour: RGBColor,
    width: u32,
    dot: u32,
) -> impl Iterator<Item = DynElement<'static, DB, (f64, f64)>> {
    runs.into_iter()
        .flat_map(move |run| -> Vec<DynElement<'static, DB, (f64, f64)>> {
            if let [point] = run[..] {
                vec![Circle::new(point, dot, colour.filled()).into_dyn()]
            } else {
                LineSeries::new(run, colour.stroke_width(width)).collect()
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 120 days of history with a weekly pattern and two missing days, 28
    /// days of forecast with an interval, two events and a 14-day holdout.
    pub(super) fn normal() -> ForecastChartData {
        let level = |i: usize| 12_000.0 + if i % 7 >= 5 { -6_000.0 } else { 1_000.0 };
        let history = (0..120)
            .map(|i| (i != 40 && i != 41).then(|| level(i)))
            .collect();
        let mean: Vec<f64> = (120..148).map(level).collect();
        ForecastChartData {
            x_labels: (0..148)
                .map(|i| format!("2003-{:02}-{:02}", 1 + i / 28 % 12, 1 + i % 28))
                .collect(),
            lower: mean.iter().map(|m| m * 0.85).collect(),
            upper: mean.iter().map(|m| m * 1.15).collect(),
            mean,
            history,
            events: vec![3, 17],
            holdout: Some((106, (106..120).map(|i| level(i) * 1.02).collect())),
        }
    }

    fn empty() -> ForecastChartData {
        ForecastChartData {
            x_labels: Vec::new(),
            history: Vec::new(),
            mean: Vec::new(),
            lower: Vec::new(),
            upper: Vec::new(),
            events: Vec::new(),
            holdout: None,
        }
    }

    /// Inputs that must draw without a panic and without a NaN.
    pub(super) fn edge_cases() -> Vec<(&'static str, ForecastChartData)> {
        vec![
            ("empty", empty()),
            (
                "all missing, no forecast",
                ForecastChartData {
                    history: vec![None; 30],
                    x_labels: vec!["2003-09-02".into(); 30],
                    ..empty()
                },
            ),
            (
                "history only",
                ForecastChartData {
                    history: vec![Some(5.0); 10],
                    ..empty()
                },
            ),
            (
                "forecast only",
                ForecastChartData {
                    mean: vec![5.0; 3],
                    lower: vec![4.0; 3],
                    upper: vec![6.0; 3],
                    events: vec![0, 2, 99],
                    ..empty()
                },
            ),
            (
                "single point",
                ForecastChartData {
                    x_labels: vec!["2003-09-02".into()],
                    history: vec![Some(7.0)],
                    ..empty()
                },
            ),
            (
                "single forecast point",
                ForecastChartData {
                    mean: vec![7.0],
                    lower: vec![6.0],
                    upper: vec![8.0],
                    events: vec![0],
                    ..empty()
                },
            ),
            (
                "all zero",
                ForecastChartData {
                    history: vec![Some(0.0); 5],
                    mean: vec![0.0; 5],
                    lower: vec![0.0; 5],
                    upper: vec![0.0; 5],
                    ..empty()
                },
            ),
            (
                "non-finite everywhere, ragged lengths",
                ForecastChartData {
                    x_labels: vec!["x".into(); 3],
                    history: vec![Some(f64::NAN), Some(f64::INFINITY), Some(3.0), Some(1e300)],
                    mean: vec![f64::NAN, 2.0, f64::NEG_INFINITY, 4.0],
                    lower: vec![1.0, f64::NAN, 1.0],
                    upper: vec![f64::INFINITY, 3.0, 5.0, 6.0, 7.0],
                    events: vec![0, 1, 2, usize::MAX],
                    holdout: Some((usize::MAX - 1, vec![1.0, 2.0, 3.0])),
                },
            ),
            (
                "only NaN",
                ForecastChartData {
                    history: vec![Some(f64::NAN); 4],
                    mean: vec![f64::NAN; 4],
                    lower: vec![f64::NAN; 4],
                    upper: vec![f64::NAN; 4],
                    events: vec![1],
                    holdout: Some((0, vec![f64::NAN; 4])),
                    ..empty()
                },
            ),
            (
                "negative lower bound, swapped bounds, holdout past the end",
                ForecastChartData {
                    history: vec![Some(2.0), Some(1.0)],
                    mean: vec![1.0, 0.5],
                    lower: vec![-3.0, 2.0],
                    upper: vec![4.0, -1.0],
                    holdout: Some((1, vec![5.0, 6.0, 7.0, 8.0])),
                    ..empty()
                },
            ),
            (
                "long labels, many days",
                ForecastChartData {
                    x_labels: (0..3_000)
                        .map(|i| format!("a very long label number {i}"))
                        .collect(),
                    history: (0..2_000).map(|i| Some(f64::from(i) * 1_000.0)).collect(),
                    mean: vec![2e9; 1_000],
                    lower: vec![1e9; 1_000],
                    upper: vec![3e9; 1_000],
                    events: (0..1_000).collect(),
                    holdout: Some((1_000, vec![1e9; 1_000])),
                },
            ),
        ]
    }

    fn points(plan: &Plan) -> Vec<(f64, f64)> {
        plan.history
            .iter()
            .chain(&plan.mean)
            .chain(&plan.band)
            .chain(&plan.holdout)
            .flatten()
            .chain(&plan.events)
            .copied()
            .collect()
    }

    #[test]
    fn plans_the_normal_chart() {
        let plan = Plan::new(&normal()).unwrap();
        assert_eq!(
            (plan.total, plan.n_history, plan.n_forecast),
            (148, 120, 28)
        );
        // History breaks at the two missing days, which are marked.
        let lengths: Vec<usize> = plan.history.iter().map(Vec::len).collect();
        assert_eq!(lengths, [40, 78]);
        assert_eq!(plan.missing, [40, 41]);
        assert_eq!(plan.mean.len(), 1);
        assert_eq!(plan.mean[0].first(), Some(&(120.0, 13_000.0)));
        // One band: the upper bound forward, the lower back.
        assert_eq!(plan.band.len(), 1);
        let band = &plan.band[0];
        assert_eq!(band.len(), 56);
        assert_eq!(band[0], (120.0, 13_000.0 * 1.15));
        assert_eq!(band[55], (120.0, 13_000.0 * 0.85));
        assert_eq!(plan.events, [(123.0, 13_000.0), (137.0, 13_000.0)]);
        assert_eq!(plan.holdout.len(), 1);
        assert_eq!(plan.holdout[0].len(), 14);
        assert_eq!(plan.holdout[0][0].0, 106.0);
        // From zero to the highest upper bound plus 5 %.
        assert_eq!(plan.bottom, 0.0);
        assert!((plan.top - 13_000.0 * 1.15 * 1.05).abs() < 1e-6);
    }

    #[test]
    fn edge_cases_plan_only_finite_points() {
        for (name, data) in edge_cases() {
            let Some(plan) = Plan::new(&data) else {
                assert_eq!(name, "empty");
                continue;
            };
            assert!(plan.bottom.is_finite() && plan.top.is_finite(), "{name}");
            assert!(plan.bottom < plan.top, "{name}");
            for (x, y) in points(&plan) {
                assert!(x.is_finite() && y.is_finite(), "{name}: ({x}, {y})");
                assert!(x >= -0.5 && x <= plan.total as f64 - 0.5, "{name}: x {x}");
                assert!(y >= plan.bottom && y <= plan.top, "{name}: y {y}");
            }
            for &i in &plan.missing {
                assert!(i < plan.n_history, "{name}");
            }
        }
    }

    #[test]
    fn unusable_values_are_gaps() {
        let plan = Plan::new(&edge_cases()[7].1).unwrap();
        // History: NaN, inf, 3, 1e300 → one lone point, three missing marks.
        assert_eq!(plan.history, [vec![(2.0, 3.0)]]);
        assert_eq!(plan.missing, [0, 1, 3]);
        // Five forecast days (the longest of mean, lower, upper).
        assert_eq!((plan.total, plan.n_forecast), (9, 5));
        // Band only where both bounds are usable: day 2 alone, widened.
        assert_eq!(plan.band.len(), 1);
        assert_eq!(plan.band[0].len(), 4);
        // Events on usable means only (day 1); out of range ones dropped.
        assert_eq!(plan.events, [(5.0, 2.0)]);
        // A holdout starting past the chart is not drawn.
        assert!(plan.holdout.is_empty());
        assert!(Plan::new(&edge_cases()[8].1).unwrap().history.is_empty());
    }

    #[test]
    fn y_axis_goes_below_zero_only_for_a_negative_value() {
        let plan = Plan::new(&edge_cases()[9].1).unwrap();
        // Values −3 … 7: the holdout stops at the last forecast day.
        assert!((plan.bottom - (-3.0 - 0.5)).abs() < 1e-9, "{}", plan.bottom);
        assert!((plan.top - (7.0 + 0.5)).abs() < 1e-9, "{}", plan.top);
        assert_eq!(plan.holdout[0].len(), 3);
        let zero = Plan::new(&edge_cases()[6].1).unwrap();
        assert_eq!((zero.bottom, zero.top), (0.0, 10.5));
    }

    #[test]
    fn label_steps_are_even_and_whole_weeks() {
        assert_eq!(label_positions(0, 5), Vec::<f64>::new());
        assert_eq!(label_positions(1, 5), [0.0]);
        assert_eq!(label_positions(3, 10), [0.0, 1.0, 2.0]);
        assert_eq!(label_positions(100, 1), [0.0]);
        assert_eq!(label_positions(148, 3), [0.0, 56.0, 112.0]);
        assert_eq!(label_positions(6, 2), [0.0, 3.0]);
        for total in 2..400 {
            for fit in 2..=10 {
                let positions = label_positions(total, fit);
                let n = positions.len();
                assert!(
                    n >= 2 && n <= fit.min(total),
                    "{total} {fit}: {positions:?}"
                );
                let step = positions[1] - positions[0];
                assert!(
                    step <= 4.0 || step % 7.0 == 0.0,
                    "{total} {fit}: {positions:?}"
                );
                // Labels spread over at least half the axis.
                assert!(
                    positions[n - 1] >= (total - 1) as f64 / 2.0,
                    "{total} {fit}"
                );
            }
        }
    }
}

/// Drawing to SVG (plotters' `svg_backend`, a dev-dependency only).
#[cfg(test)]
mod drawing {
    use super::tests::{edge_cases, normal};
    use super::*;
    use crate::charts::svg_probe::{
        self, assert_none_repeated, draw_everywhere, elements, has_text, hex,
    };

    fn labels() -> ForecastChartLabels {
        ForecastChartLabels {
            x_axis: "Day".into(),
            y_axis: "Contacts".into(),
            history: "History".into(),
            forecast: "Forecast".into(),
            band: "95 % interval".into(),
            event: "Known event".into(),
            missing: "Missing or excluded day".into(),
            holdout: "Holdout".into(),
        }
    }

    fn svg(data: &ForecastChartData, size: (u32, u32), scale: f64) -> (DrawResult, String) {
        let mut out = String::new();
        let result = {
            let area = SVGBackend::with_string(&mut out, size).into_drawing_area();
            draw_forecast(&area, data, &labels(), scale)
        };
        (result, out)
    }

    /// Every text with its x position.
    fn texts(svg: &str) -> Vec<(f64, String)> {
        svg_probe::texts(svg)
            .into_iter()
            .map(|(x, _, text)| (x, text))
            .collect()
    }

    /// The x positions of the date labels, left to right.
    fn date_labels(svg: &str) -> Vec<(f64, String)> {
        let mut out: Vec<(f64, String)> = texts(svg)
            .into_iter()
            .filter(|(_, t)| t.starts_with("2003-"))
            .collect();
        out.sort_by(|a, b| a.0.total_cmp(&b.0));
        out
    }

    #[test]
    fn draws_band_lines_legend_and_marks() {
        let (result, svg) = svg(&normal(), (900, 340), 1.0);
        assert_eq!(result, Ok(()));
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
        // The band: one polygon, 28 days forward and back.
        let band = elements(&svg, "polygon", BAND);
        assert_eq!(band.len(), 1, "{band:?}");
        let points = band[0]
            .split("points=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        assert_eq!(points.split_whitespace().count(), 56);
        // History in two runs around the missing days (+ the legend swatch).
        let history = elements(&svg, "polyline", HISTORY);
        assert_eq!(history.len(), 3, "{history:?}");
        // The mean, the holdout's dashes and two legend swatches.
        let orange = elements(&svg, "polyline", MEAN);
        assert!(orange.len() > 10, "{}", orange.len());
        // Two event ticks and the legend's swatch.
        assert_eq!(elements(&svg, "polyline", EVENT).len(), 3);
        // Two missing days and the legend's swatch.
        assert_eq!(elements(&svg, "rect", MISSING).len(), 3);
        // The rule where the forecast starts.
        assert_eq!(elements(&svg, "polyline", START_RULE).len(), 1);
        for entry in [
            "History",
            "Forecast",
            "95 % interval",
            "Known event",
            "Holdout",
            "Missing or excluded day",
        ] {
            assert!(has_text(&svg, entry), "legend {entry}");
        }
        assert!(has_text(&svg, "10,000"), "thousands separated");
        assert!(has_text(&svg, "0"), "the y axis starts at zero");
        // The band lies under the lines: drawn before the last of them.
        let polygon = svg.find("<polygon").unwrap();
        let last_line = svg.rfind(&format!("stroke=\"{}\"", hex(MEAN))).unwrap();
        assert!(polygon < last_line);
    }

    #[test]
    fn x_labels_are_few_and_apart() {
        for (width, scale, most) in [
            (900, 1.0, 10),
            (360, 1.0, 4),
            (720, 2.0, 4),
            (1600, 1.0, 10),
            (2400, 1.0, 10),
        ] {
            let (result, svg) = svg(&normal(), (width, 340), scale);
            assert_eq!(result, Ok(()));
            let dates = date_labels(&svg);
            assert!(
                dates.len() >= 2 && dates.len() <= most,
                "{width}: {dates:?}"
            );
            assert_eq!(dates[0].1, "2003-01-01", "labels start at the first day");
            // A date is about 70 px wide at 12 px: the centres stay further apart.
            let apart = dates
                .windows(2)
                .map(|w| w[1].0 - w[0].0)
                .fold(f64::MAX, f64::min);
            assert!(apart >= 70.0 * scale, "{width}: {dates:?}");
            // The last label's right half stays on the canvas (naive font: 0.7 em a character).
            let (x, text) = dates.last().unwrap();
            let half = 0.7 * 12.0 * scale / 1.24 / 1.24 * text.len() as f64 / 2.0;
            assert!(x + half <= f64::from(width), "{width}: {x} {text}");
        }
    }

    #[test]
    fn edge_cases_never_panic_nor_draw_nan() {
        let sizes = [
            (900, 340),
            (360, 280),
            (120, 100),
            (40, 30),
            (0, 0),
            (1, 5_000),
        ];
        for (name, data) in edge_cases() {
            draw_everywhere(name, &data, &sizes, svg, |what, svg| {
                // Whole-number y labels, none repeated.
                let numbers: Vec<String> = texts(svg)
                    .into_iter()
                    .map(|(_, t)| t)
                    .filter(|t| t.replace(',', "").parse::<f64>().is_ok())
                    .collect();
                assert_none_repeated(&numbers, what);
            });
        }
    }

    #[test]
    fn negative_values_lower_the_axis() {
        let data = ForecastChartData {
            history: vec![Some(200.0); 10],
            mean: vec![100.0; 5],
            lower: vec![-100.0; 5],
            upper: vec![300.0; 5],
            x_labels: Vec::new(),
            events: Vec::new(),
            holdout: None,
        };
        let (result, svg) = svg(&data, (900, 340), 1.0);
        assert_eq!(result, Ok(()));
        assert!(has_text(&svg, "-100"), "{svg}");
    }
}
