//! Adaptive Gauss–Legendre quadrature of `∫ f(z)·w(z) dz` over a finite
//! range, for an integrand that may be expensive and may fail (each value of
//! `f` can be a queue computation), with a weight `w` that is cheap (the
//! normal density, for expectations over a forecast's error).
//!
//! ```text
//! ∫_a^b f(z)·w(z) dz ≈ h · Σᵢ wᵢ · f(m + h·xᵢ) · w(m + h·xᵢ),   m = (a+b)/2, h = (b−a)/2
//! ```
//!
//! with the 8-point nodes `xᵢ` and weights `wᵢ` on [−1, 1]. The weight is
//! kept apart from `f` so that it also measures how much a sharp change
//! between a panel's end and its nearest node could hide
//! ([`Rule::misses_an_edge`]).

/// Halvings of one panel at most, and evaluations of `f` at most per
/// integral: bounds that smooth integrands never come near (a few hundred
/// evaluations are usual); beyond them the estimate is returned.
const MAX_DEPTH: u32 = 40;
const MAX_EVALUATIONS: usize = 50_000;

/// Nodes and weights of the 8-point Gauss–Legendre rule on [−1, 1]
/// (Abramowitz & Stegun, table 25.4), in increasing order.
const GAUSS_LEGENDRE_8: [(f64, f64); 8] = [
    (
        -0.960_289_856_497_536_231_684,
        0.101_228_536_290_376_259_153,
    ),
    (
        -0.796_666_477_413_626_739_592,
        0.222_381_034_453_374_470_544,
    ),
    (
        -0.525_532_409_916_328_985_818,
        0.313_706_645_877_887_287_338,
    ),
    (
        -0.183_434_642_495_649_804_939,
        0.362_683_783_378_361_982_965,
    ),
    (0.183_434_642_495_649_804_939, 0.362_683_783_378_361_982_965),
    (0.525_532_409_916_328_985_818, 0.313_706_645_877_887_287_338),
    (0.796_666_477_413_626_739_592, 0.222_381_034_453_374_470_544),
    (0.960_289_856_497_536_231_684, 0.101_228_536_290_376_259_153),
];

/// The 8-point rule for `∫ f(z)·w(z) dz` on one panel `[a, b]`, with `f` at
/// its nodes.
pub(crate) struct Rule {
    pub(crate) integral: f64,
    nodes: [f64; 8],
    values: [f64; 8],
    weight: fn(f64) -> f64,
}

impl Rule {
    pub(crate) fn new<E>(
        f: &mut dyn FnMut(f64) -> Result<f64, E>,
        weight: fn(f64) -> f64,
        a: f64,
        b: f64,
    ) -> Result<Self, E> {
        let (middle, half) = (0.5 * (a + b), 0.5 * (b - a));
        let mut rule = Rule {
            integral: 0.0,
            nodes: [0.0; 8],
            values: [0.0; 8],
            weight,
        };
        for (i, (x, w)) in GAUSS_LEGENDRE_8.into_iter().enumerate() {
            let z = middle + half * x;
            let value = f(z)?;
            rule.nodes[i] = z;
            rule.values[i] = value;
            rule.integral += w * value * weight(z);
        }
        rule.integral *= half;
        Ok(rule)
    }

    /// Whether the rule may have missed a sharp change between an end of
    /// its panel and the node nearest it: `f` at the end (`at_end`) differs
    /// from that node's by more than twice what the slope between the two
    /// nodes nearest that end predicts, and the weight of that sliver could
    /// hide more than `tolerance`. For the expected service level such
    /// changes sit at the kinks — the Erlang C threshold leap just below
    /// `L = N` when the threshold is many handle times, the Erlang A cliff
    /// just above `N` when patience is very long — and only there can a
    /// change too narrow for the nodes hide; elsewhere the service level
    /// varies on the scale of `√N`.
    fn misses_an_edge(&self, left: bool, end: f64, at_end: f64, tolerance: f64) -> bool {
        let (near, next) = if left { (0, 1) } else { (7, 6) };
        let (z1, s1) = (self.nodes[near], self.values[near]);
        let (z2, s2) = (self.nodes[next], self.values[next]);
        let jump = (at_end - s1).abs();
        let predicted = (s1 - s2).abs() * ((z1 - end) / (z2 - z1)).abs();
        let sliver = (z1 - end).abs() * (self.weight)(end).max((self.weight)(z1));
        jump > 2.0 * predicted && jump * sliver > tolerance
    }
}

/// `∫ f(z)·weight(z) dz` over `[lo, hi]` by adaptive Gauss–Legendre, to an
/// absolute `tolerance` over the whole range. Panels at most one unit
/// wide, split at each break inside (the integrand's kinks); on each the
/// 8-point rule on the whole is compared with the rule on its halves, and
/// the panel is halved again while they differ by more than its share of
/// `tolerance` or while a half may have missed a sharp change at an end
/// ([`Rule::misses_an_edge`]). The halves' estimate is kept. The first
/// error of `f` is returned as it is.
pub(crate) fn integrate<E>(
    f: &mut dyn FnMut(f64) -> Result<f64, E>,
    weight: fn(f64) -> f64,
    (lo, hi): (f64, f64),
    breaks: &[f64],
    tolerance: f64,
) -> Result<f64, E> {
    let mut adaptive = Adaptive {
        f,
        weight,
        evaluations: 0,
    };
    let mut total = 0.0;
    for (a, b) in panels(lo, hi, breaks) {
        let ends = (adaptive.at(a)?, adaptive.at(b)?);
        let whole = adaptive.rule(a, b)?.integral;
        let share = tolerance * (b - a) / (hi - lo);
        total += adaptive.refine((a, b), whole, ends, share, MAX_DEPTH)?;
    }
    Ok(total)
}

/// The integrand of one [`integrate`] call and the evaluations spent on it.
struct Adaptive<'a, E> {
    f: &'a mut dyn FnMut(f64) -> Result<f64, E>,
    weight: fn(f64) -> f64,
    evaluations: usize,
}

impl<E> Adaptive<'_, E> {
    fn at(&mut self, z: f64) -> Result<f64, E> {
        self.evaluations += 1;
        (self.f)(z)
    }

    fn rule(&mut self, a: f64, b: f64) -> Result<Rule, E> {
        self.evaluations += GAUSS_LEGENDRE_8.len();
        Rule::new(self.f, self.weight, a, b)
    }

    /// `[a, b]` with its rule's estimate `whole` and `f` at both ends.
    fn refine(
        &mut self,
        (a, b): (f64, f64),
        whole: f64,
        ends: (f64, f64),
        tolerance: f64,
        depth: u32,
    ) -> Result<f64, E> {
        let middle = 0.5 * (a + b);
        let at_middle = self.at(middle)?;
        let left = self.rule(a, middle)?;
        let right = self.rule(middle, b)?;
        let halves = left.integral + right.integral;
        let sliver = 0.25 * tolerance;
        let settled = (halves - whole).abs() <= tolerance
            && !left.misses_an_edge(true, a, ends.0, sliver)
            && !left.misses_an_edge(false, middle, at_middle, sliver)
            && !right.misses_an_edge(true, middle, at_middle, sliver)
            && !right.misses_an_edge(false, b, ends.1, sliver);
        if settled || depth == 0 || self.evaluations >= MAX_EVALUATIONS {
            return Ok(halves);
        }
        let half = 0.5 * tolerance;
        Ok(self.refine(
            (a, middle),
            left.integral,
            (ends.0, at_middle),
            half,
            depth - 1,
        )? + self.refine(
            (middle, b),
            right.integral,
            (at_middle, ends.1),
            half,
            depth - 1,
        )?)
    }
}

/// Panels from `lo` to `hi` at most one unit wide, split at each break inside.
fn panels(lo: f64, hi: f64, breaks: &[f64]) -> Vec<(f64, f64)> {
    let mut edges = vec![lo, hi];
    edges.extend(breaks.iter().copied().filter(|b| *b > lo && *b < hi));
    edges.sort_by(f64::total_cmp);
    edges
        .windows(2)
        .flat_map(|pair| {
            let (a, b) = (pair[0], pair[1]);
            let count = (b - a).ceil().max(1.0) as u32;
            let width = (b - a) / f64::from(count);
            (0..count).map(move |i| {
                let start = a + width * f64::from(i);
                (start, if i + 1 == count { b } else { start + width })
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::special::{normal_cdf, normal_density};
    use std::convert::Infallible;

    fn unit(_: f64) -> f64 {
        1.0
    }

    #[test]
    fn one_panel_is_exact_for_polynomials_up_to_degree_15() {
        let mut f = |z: f64| -> Result<f64, Infallible> { Ok(z.powi(15) + 3.0 * z.powi(14)) };
        let rule = Rule::new(&mut f, unit, 0.0, 1.0).unwrap();
        let exact = 1.0 / 16.0 + 3.0 / 15.0;
        assert!((rule.integral - exact).abs() < 1e-15, "{}", rule.integral);
    }

    #[test]
    fn the_normal_density_integrates_to_its_distribution() {
        let mut one = |_: f64| -> Result<f64, Infallible> { Ok(1.0) };
        let integral = integrate(&mut one, normal_density, (-3.0, 1.5), &[0.25], 1e-12).unwrap();
        let exact = normal_cdf(1.5) - normal_cdf(-3.0);
        assert!((integral - exact).abs() < 1e-12, "{integral} {exact}");
    }

    /// A step just inside a panel, between its end and the nearest node:
    /// the halves agree with the whole, but the edge check finds the step.
    #[test]
    fn a_step_hidden_near_a_panel_end_is_found() {
        let mut step =
            |z: f64| -> Result<f64, Infallible> { Ok(if z < 0.995 { 0.0 } else { 1.0 }) };
        let integral = integrate(&mut step, normal_density, (0.0, 1.0), &[], 1e-10).unwrap();
        let exact = normal_cdf(1.0) - normal_cdf(0.995);
        assert!((integral - exact).abs() < 1e-9, "{integral} {exact}");
    }

    #[test]
    fn the_first_error_is_returned() {
        let mut failing = |z: f64| if z > 0.5 { Err(z) } else { Ok(1.0) };
        assert!(integrate(&mut failing, unit, (0.0, 1.0), &[], 1e-10).is_err());
    }

    #[test]
    fn panels_are_at_most_one_unit_and_split_at_breaks() {
        assert_eq!(
            panels(0.0, 2.5, &[0.5, 7.0]),
            vec![(0.0, 0.5), (0.5, 1.5), (1.5, 2.5)]
        );
        assert_eq!(panels(0.0, 0.3, &[]), vec![(0.0, 0.3)]);
    }
}
