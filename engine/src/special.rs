//! Special functions the Erlang models need: Γ on [1, 2] and the scaled
//! upper incomplete gamma function used by the continuous Erlang B; the
//! standard normal distribution and its inverse for forecast uncertainty.

/// Lanczos approximation (g = 7, n = 9; coefficients by P. Godfrey), good to
/// about 1e-15 relative for arguments in [1, 2], the only range used here.
///
/// ```text
/// Γ(z + 1) = √(2π) · t^(z + ½) · e^(−t) · Σ cᵢ / (z + i),   t = z + g + ½
/// ```
pub(crate) fn gamma_1_to_2(x: f64) -> f64 {
    const G: f64 = 7.0;
    const COEFFICIENTS: [f64; 9] = [
        0.999_999_999_999_809_93,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_13,
        -176.615_029_162_140_59,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_571_6e-6,
        1.505_632_735_149_311_6e-7,
    ];
    let z = x - 1.0;
    let mut sum = COEFFICIENTS[0];
    for (i, c) in COEFFICIENTS.iter().enumerate().skip(1) {
        sum += c / (z + i as f64);
    }
    let t = z + G + 0.5;
    (2.0 * std::f64::consts::PI).sqrt() * t.powf(z + 0.5) * (-t).exp() * sum
}

/// `A^(−f) · e^A · Γ(f + 1, A)` for `f` in [0, 1) and `A > 0`: the reciprocal
/// of the continuous Erlang B at a fractional number of servers `f`.
///
/// Small `A` uses `Γ(s, A) = Γ(s) − γ(s, A)` with the power series of the
/// lower function; larger `A` the Legendre continued fraction of the upper
/// function, evaluated by the modified Lentz method (Numerical Recipes,
/// 3rd ed., §6.2). The switch at `A = s + 1` keeps both fast and accurate.
pub(crate) fn inverse_blocking_below_one(f: f64, traffic: f64) -> f64 {
    let s = f + 1.0;
    if traffic < s + 1.0 {
        // A·Σ A^k / ((f+1)(f+2)…(f+1+k)), then subtract from the complete part.
        let mut term = 1.0 / s;
        let mut series = term;
        let mut k = 1.0;
        while term > series * 1e-18 {
            term *= traffic / (s + k);
            series += term;
            k += 1.0;
        }
        traffic.powf(-f) * traffic.exp() * gamma_1_to_2(s) - traffic * series
    } else {
        const TINY: f64 = 1e-300;
        let mut b = traffic + 1.0 - s;
        let mut c = 1.0 / TINY;
        let mut d = 1.0 / b;
        let mut h = d;
        for i in 1..10_000 {
            let i = i as f64;
            let an = -i * (i - s);
            b += 2.0;
            d = an * d + b;
            if d.abs() < TINY {
                d = TINY;
            }
            c = b + an / c;
            if c.abs() < TINY {
                c = TINY;
            }
            d = 1.0 / d;
            let delta = d * c;
            h *= delta;
            if (delta - 1.0).abs() < 1e-17 {
                break;
            }
        }
        traffic * h
    }
}

/// The standard normal density `φ(x) = e^(−x²/2) / √(2π)`.
pub(crate) fn normal_density(x: f64) -> f64 {
    (-0.5 * x * x).exp() / (2.0 * std::f64::consts::PI).sqrt()
}

/// The standard normal distribution function `Φ(x)`, to about 2e-14
/// relative in both tails (far down the lower tail the rounding of `x²` in
/// `e^(−x²/2)` is what is left).
///
/// For `|x| ≤ 2` the everywhere-convergent series
/// `Φ(x) = ½ + φ(x)·Σ x^(2k+1) / (1·3·…·(2k+1))` (Abramowitz & Stegun
/// 26.2.11); beyond, the tail `Q(t) = 1 − Φ(t)` from Laplace's continued
/// fraction `Q(t) = φ(t) / (t + 1/(t + 2/(t + 3/(t + …))))` (A&S 26.2.14),
/// evaluated by the modified Lentz method, and `Φ(x) = Q(−x)` below −2.
pub(crate) fn normal_cdf(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x.abs() <= 2.0 {
        let (mut term, mut sum, mut k) = (x, x, 0.0);
        while term.abs() > sum.abs() * 1e-17 {
            k += 1.0;
            term *= x * x / (2.0 * k + 1.0);
            sum += term;
        }
        return 0.5 + normal_density(x) * sum;
    }
    let t = x.abs();
    // Lentz: f = t + 1/(t + 2/(t + …)), converging in at most ~110 steps at t = 2.
    let (mut f, mut c, mut d) = (t, t, 0.0);
    for j in 1..1_000 {
        let j = f64::from(j);
        d = 1.0 / (t + j * d);
        c = t + j / c;
        let delta = c * d;
        f *= delta;
        if (delta - 1.0).abs() < 1e-16 {
            break;
        }
    }
    let tail = normal_density(t) / f;
    if x < 0.0 {
        tail
    } else {
        1.0 - tail
    }
}

/// The standard normal quantile `Φ⁻¹(p)` for `p` in (0, 1): P. J. Acklam's
/// rational approximation (relative error below 1.15e-9), polished by one
/// Halley step on `Φ(x) − p`, which leaves it exact to about 1e-15 relative.
/// The upper half is `−Φ⁻¹(1 − p)` (`1 − p` is exact there), so small tail
/// probabilities keep their digits on both sides. `p` must lie in (0, 1).
pub(crate) fn normal_quantile(p: f64) -> f64 {
    if p > 0.5 {
        return -normal_quantile(1.0 - p);
    }
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_690e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    let x = if p < 0.02425 {
        let q = (-2.0 * p.ln()).sqrt();
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    };
    // Halley: u = (Φ(x) − p)/φ(x), x ← x − u/(1 + x·u/2).
    let u = (normal_cdf(x) - p) / normal_density(x);
    x - u / (1.0 + 0.5 * x * u)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prec::assert_relative;

    #[test]
    fn gamma_matches_known_values() {
        assert_relative(gamma_1_to_2(1.0), 1.0, 1e-15);
        assert_relative(gamma_1_to_2(2.0), 1.0, 1e-15);
        assert_relative(gamma_1_to_2(1.5), std::f64::consts::PI.sqrt() / 2.0, 1e-15);
    }

    #[test]
    fn integer_case_is_one_either_side_of_the_switch() {
        // Γ(1, A) = e^(−A), so the scaled function is exactly 1 at f = 0.
        for traffic in [0.01, 0.5, 1.9, 2.1, 10.0, 5000.0] {
            assert_relative(inverse_blocking_below_one(0.0, traffic), 1.0, 1e-14);
        }
    }

    #[test]
    fn half_server_matches_the_error_function_form() {
        // Γ(3/2, A) = √A e^(−A) + (√π/2) erfc(√A); at A = 1, erfc(1) = 0.157299207050285130658...
        let erfc_1 = 0.157_299_207_050_285_13;
        let expected =
            std::f64::consts::E * ((-1.0f64).exp() + std::f64::consts::PI.sqrt() / 2.0 * erfc_1);
        assert_relative(inverse_blocking_below_one(0.5, 1.0), expected, 1e-14);
    }

    #[test]
    fn normal_distribution_matches_known_values() {
        // 30-digit mpmath values of Φ.
        for (x, expected) in [
            (0.0, 0.5),
            (1.0, 0.841_344_746_068_542_948_59),
            (-1.5, 0.066_807_201_268_858_066_004),
            (3.0, 0.998_650_101_968_369_905_47),
            (-5.0, 2.866_515_718_791_939_116_7e-7),
            (-10.0, 7.619_853_024_160_526_066e-24),
        ] {
            assert_relative(normal_cdf(x), expected, 2e-15);
        }
        // Either side of the switch from series to continued fraction: the
        // step is the density's slope, and rounding.
        for x in [-2.0, 2.0] {
            let step = normal_cdf(x + 1e-9) - normal_cdf(x - 1e-9);
            assert!((step - 2e-9 * normal_density(x)).abs() < 1e-16, "{step}");
        }
        assert_eq!(normal_cdf(-40.0), 0.0);
        assert_eq!(normal_cdf(40.0), 1.0);
    }

    #[test]
    fn normal_quantile_inverts_the_distribution() {
        for (p, expected) in [
            (0.9, 1.281_551_565_544_600_467),
            (0.975, 1.959_963_984_540_054_235_5),
            (0.3, -0.524_400_512_708_040_784_04),
            (1e-10, -6.361_340_902_404_056_204_7),
        ] {
            assert_relative(normal_quantile(p), expected, 1e-14);
        }
        assert_eq!(normal_quantile(0.5), 0.0);
        for p in [
            1e-100, 1e-20, 0.01, 0.024, 0.025, 0.2, 0.49, 0.51, 0.8, 0.99,
        ] {
            assert_relative(normal_cdf(normal_quantile(p)), p, 1e-13);
        }
    }
}
