//! Special functions the Erlang models need: Γ on [1, 2] and the scaled
//! upper incomplete gamma function used by the continuous Erlang B.

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

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_relative(value: f64, expected: f64, tolerance: f64) {
        let error = ((value - expected) / expected).abs();
        assert!(
            error <= tolerance,
            "{value} vs {expected}: relative error {error:e}"
        );
    }

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
}
