//! Nelder–Mead minimisation of a few parameters, for fitting forecast
//! models by maximum likelihood.
//!
//! Nelder, J. A. & Mead, R. (1965), "A simplex method for function
//! minimization", *Computer Journal* 7(4), with the standard coefficients
//! (reflection 1, expansion 2, contraction ½, shrink ½) as in Lagarias et
//! al. (1998), "Convergence properties of the Nelder–Mead simplex method in
//! low dimensions", *SIAM J. Optim.* 9(1).
//!
//! Written here rather than taken from a crate: the problems have two to
//! eight parameters and a cheap objective, and the general optimisation
//! crates bring generic solver frameworks (and their size in the site's
//! wasm) for what is sixty lines.

/// Where the search stopped.
#[derive(Debug, Clone, PartialEq)]
pub struct Minimum {
    pub point: Vec<f64>,
    pub value: f64,
    pub evaluations: usize,
}

/// Minimises `f` from `start`, with initial steps `steps` per coordinate.
/// `f` may return `f64::INFINITY` (or NaN, read as infinity) outside the
/// feasible region; the start must be feasible. Stops when the simplex's
/// values agree to `tolerance` (absolute) or after `max_evaluations`.
pub fn nelder_mead(
    mut f: impl FnMut(&[f64]) -> f64,
    start: &[f64],
    steps: &[f64],
    tolerance: f64,
    max_evaluations: usize,
) -> Minimum {
    let n = start.len();
    let evaluations = std::cell::Cell::new(0);
    let mut eval = |x: &[f64]| {
        evaluations.set(evaluations.get() + 1);
        let v = f(x);
        if v.is_nan() {
            f64::INFINITY
        } else {
            v
        }
    };
    let mut simplex: Vec<(Vec<f64>, f64)> = Vec::with_capacity(n + 1);
    simplex.push((start.to_vec(), eval(start)));
    for i in 0..n {
        let mut x = start.to_vec();
        x[i] += steps[i];
        let mut v = eval(&x);
        if !v.is_finite() {
            // Step the other way if the first step leaves the region.
            x[i] = start[i] - steps[i];
            v = eval(&x);
        }
        simplex.push((x, v));
    }
    let by_value = |a: &(Vec<f64>, f64), b: &(Vec<f64>, f64)| a.1.total_cmp(&b.1);
    loop {
        simplex.sort_by(by_value);
        let (best, worst) = (simplex[0].1, simplex[n].1);
        if evaluations.get() >= max_evaluations
            || (worst.is_finite() && (worst - best).abs() <= tolerance)
        {
            break;
        }
        let centroid: Vec<f64> = (0..n)
            .map(|j| simplex[..n].iter().map(|(x, _)| x[j]).sum::<f64>() / n as f64)
            .collect();
        let toward = |t: f64, from: &[f64]| -> Vec<f64> {
            centroid
                .iter()
                .zip(from)
                .map(|(c, w)| c + t * (w - c))
                .collect()
        };
        let worst_point = simplex[n].0.clone();
        let reflected = toward(-1.0, &worst_point);
        let reflected_value = eval(&reflected);
        if reflected_value < simplex[0].1 {
            let expanded = toward(-2.0, &worst_point);
            let expanded_value = eval(&expanded);
            simplex[n] = if expanded_value < reflected_value {
                (expanded, expanded_value)
            } else {
                (reflected, reflected_value)
            };
            continue;
        }
        if reflected_value < simplex[n - 1].1 {
            simplex[n] = (reflected, reflected_value);
            continue;
        }
        let (contracted, contracted_value) = if reflected_value < worst {
            let c = toward(-0.5, &worst_point);
            let v = eval(&c);
            (c, v)
        } else {
            let c = toward(0.5, &worst_point);
            let v = eval(&c);
            (c, v)
        };
        if contracted_value < reflected_value.min(worst) {
            simplex[n] = (contracted, contracted_value);
            continue;
        }
        let best_point = simplex[0].0.clone();
        for vertex in simplex.iter_mut().skip(1) {
            let x: Vec<f64> = best_point
                .iter()
                .zip(&vertex.0)
                .map(|(b, v)| b + 0.5 * (v - b))
                .collect();
            let v = eval(&x);
            *vertex = (x, v);
        }
    }
    simplex.sort_by(by_value);
    let (point, value) = simplex.swap_remove(0);
    Minimum {
        point,
        value,
        evaluations: evaluations.get(),
    }
}

/// [`nelder_mead`] restarted from each minimum it finds (a fresh simplex
/// of `steps(point)`) until a restart improves by less than `tolerance`, at
/// most `rounds` times: a single run can stall on a collapsed simplex.
pub fn nelder_mead_restarted(
    mut f: impl FnMut(&[f64]) -> f64,
    start: &[f64],
    steps: impl Fn(&[f64]) -> Vec<f64>,
    tolerance: f64,
    max_evaluations: usize,
    rounds: usize,
) -> Minimum {
    let mut best = Minimum {
        point: start.to_vec(),
        value: f64::INFINITY,
        evaluations: 0,
    };
    for _ in 0..rounds.max(1) {
        let found = nelder_mead(
            &mut f,
            &best.point,
            &steps(&best.point),
            tolerance,
            max_evaluations,
        );
        let improved = found.value < best.value - tolerance;
        best = Minimum {
            evaluations: best.evaluations + found.evaluations,
            ..found
        };
        if !improved {
            break;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_rosenbrock_minimum() {
        let rosenbrock = |x: &[f64]| (1.0 - x[0]).powi(2) + 100.0 * (x[1] - x[0] * x[0]).powi(2);
        let m = nelder_mead(rosenbrock, &[-1.2, 1.0], &[0.1, 0.1], 1e-14, 10_000);
        assert!(
            (m.point[0] - 1.0).abs() < 1e-4 && (m.point[1] - 1.0).abs() < 1e-4,
            "{m:?}"
        );
    }

    #[test]
    fn stays_inside_a_region_marked_infinite() {
        // Minimum of (x − 2)² on x ≤ 1 is at the edge x = 1.
        let f = |x: &[f64]| {
            if x[0] > 1.0 {
                f64::INFINITY
            } else {
                (x[0] - 2.0).powi(2)
            }
        };
        let m = nelder_mead(f, &[0.0], &[0.5], 1e-12, 1_000);
        assert!(m.point[0] <= 1.0 && m.point[0] > 0.999, "{m:?}");
        let nan = nelder_mead(|_| f64::NAN, &[0.0], &[1.0], 1e-12, 50);
        assert_eq!(nan.value, f64::INFINITY);
        assert!(nan.evaluations <= 60);
    }
}
