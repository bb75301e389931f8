//! Erlang B (M/M/N/N, blocked calls cleared): blocking probability and the
//! number of lines needed for a blocking target.

use crate::error::{check_agents, check_traffic, Error, Result, MAX_AGENTS};
use crate::special::inverse_blocking_below_one;

/// Erlang B at one number of servers, kept in the two forms the other models
/// need: the blocking probability `B` and the ratio `L = (1 − B) / B`
/// (infinite when `B` underflows to 0). Keeping `L` separately avoids the
/// cancellation in `1 − B` when `B` is close to 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Blocking {
    pub servers: f64,
    pub blocking: f64,
    pub ratio_not_blocked: f64,
}

impl Blocking {
    /// `1 − B`, without cancellation.
    pub fn not_blocked(&self) -> f64 {
        if self.ratio_not_blocked.is_infinite() {
            1.0
        } else {
            self.ratio_not_blocked / (1.0 + self.ratio_not_blocked)
        }
    }

    /// Blocking at `servers ∈ [0, 1)`: `B(0) = 1`, fractional values through
    /// the incomplete gamma function.
    fn start(traffic: f64, servers: f64) -> Self {
        if servers == 0.0 {
            return Blocking {
                servers,
                blocking: 1.0,
                ratio_not_blocked: 0.0,
            };
        }
        if traffic == 0.0 {
            return Blocking {
                servers,
                blocking: 0.0,
                ratio_not_blocked: f64::INFINITY,
            };
        }
        // Mathematically at least 1; rounding in Γ(1 + f) can dip below it for f near 0.
        let inverse = inverse_blocking_below_one(servers, traffic).max(1.0);
        Blocking {
            servers,
            blocking: 1.0 / inverse,
            ratio_not_blocked: (inverse - 1.0).max(0.0),
        }
    }

    /// One more server, by the stable recursion
    /// `B(x) = A·B(x−1) / (x + A·B(x−1))`, `L(x) = (x/A)·(1 + L(x−1))`.
    pub fn next(&self, traffic: f64) -> Self {
        let servers = self.servers + 1.0;
        if traffic == 0.0 {
            return Blocking {
                servers,
                blocking: 0.0,
                ratio_not_blocked: f64::INFINITY,
            };
        }
        let carried = traffic * self.blocking;
        Blocking {
            servers,
            blocking: carried / (servers + carried),
            ratio_not_blocked: servers / traffic * (1.0 + self.ratio_not_blocked),
        }
    }

    /// Blocking at any `servers ≥ 0` (fractional allowed), in O(√A) steps
    /// near the load and O(servers − A) above it, never O(servers) from zero.
    /// Inputs must already be validated.
    ///
    /// The recursion forgets where it started: `L(x) = (x/A)·(1 + L(x−1))` is
    /// affine, so a relative error in `L` at the start is multiplied at each
    /// step by `L(x−1)/(1 + L(x−1)) = 1 − B(x−1) ≤ (x−1)/A` (the carried load
    /// `A·(1 − B(n))` never exceeds `n`). Starting `k` servers below
    /// `min(N, A)` from the crude `B = 1` therefore leaves a relative error
    /// below `e^(−40)` once those factors multiply to less than that — about
    /// 9·√A steps at the load, fewer below it (see [`skippable_servers`]).
    pub fn at(traffic: f64, servers: f64) -> Self {
        let (mut state, steps) = Blocking::late_start(traffic, servers);
        for _ in 0..steps {
            state = state.next(traffic);
        }
        state
    }

    /// Where [`Blocking::at`] starts its recursion for `servers`, and how
    /// many steps up it then takes.
    #[inline]
    fn late_start(traffic: f64, servers: f64) -> (Self, u64) {
        let whole = servers.floor();
        let fraction = servers - whole;
        let skipped = skippable_servers(traffic, whole);
        let state = if skipped == 0.0 {
            Blocking::start(traffic, fraction)
        } else {
            // Any start will do (see above); B = 1 is the largest error, 100 %.
            Blocking {
                servers: skipped + fraction,
                blocking: 1.0,
                ratio_not_blocked: 0.0,
            }
        };
        (state, (whole - skipped) as u64)
    }
}

/// [`Blocking::at`] for many loads at once (`traffic[i]`, `servers[i]`),
/// bit for bit the same states: four recursions advance side by side. Each
/// step of one recursion waits for the division before it (about twenty
/// cycles), while four independent ones share that time, so a day's
/// intervals cost about what one costs alone. Inputs must already be
/// validated and of equal length.
pub(crate) fn at_each(traffic: &[f64], servers: &[f64]) -> Vec<Blocking> {
    const LANES: usize = 4;
    let mut out = Vec::with_capacity(traffic.len());
    for (loads, staffings) in traffic.chunks(LANES).zip(servers.chunks(LANES)) {
        if loads.len() < LANES {
            out.extend(
                loads
                    .iter()
                    .zip(staffings)
                    .map(|(&t, &n)| Blocking::at(t, n)),
            );
            continue;
        }
        let mut states = [Blocking {
            servers: 0.0,
            blocking: 1.0,
            ratio_not_blocked: 0.0,
        }; LANES];
        let mut steps = [0u64; LANES];
        for lane in 0..LANES {
            let (state, count) = Blocking::late_start(loads[lane], staffings[lane]);
            states[lane] = state;
            steps[lane] = count;
        }
        let together = steps.iter().copied().min().unwrap_or(0);
        for _ in 0..together {
            for lane in 0..LANES {
                states[lane] = states[lane].next(loads[lane]);
            }
        }
        for lane in 0..LANES {
            for _ in together..steps[lane] {
                states[lane] = states[lane].next(loads[lane]);
            }
        }
        out.extend(states);
    }
    out
}

/// How far the relative error of a crude start must shrink: `e^(−40)`, about
/// 4e-18, below a double's rounding.
const FORGOTTEN_START_LOG: f64 = 40.0;

/// The number of servers whose Erlang B values [`Blocking::at`] may skip on
/// its way to `whole` servers: the recursion is started `k` steps below
/// `m = min(whole, A)` with `Σ_{j<k} ln(A/(m − 1 − j)) ≥ 40`. Using
/// `ln(A/y) ≥ 1 − y/A`, that holds once
/// `k·(A − m + 1)/A + k·(k − 1)/(2A) ≥ 40`, a quadratic in `k`.
fn skippable_servers(traffic: f64, whole: f64) -> f64 {
    if traffic == 0.0 {
        return 0.0;
    }
    let m = whole.min(traffic.floor());
    let b = 2.0 * (traffic - m + 1.0) - 1.0;
    let steps = ((-b + (b * b + 8.0 * FORGOTTEN_START_LOG * traffic).sqrt()) / 2.0).ceil() + 1.0;
    (m - steps).floor().max(0.0)
}

/// Erlang B blocking probability `B(N, A)` for `A` Erlangs offered to `N`
/// servers. `N` may be fractional: the continuous extension
///
/// ```text
/// B(x, A) = A^x · e^(−A) / Γ(x + 1, A)          (Γ: upper incomplete gamma)
/// B(0, A) = 1,   B(x, A) = A·B(x−1, A) / (x + A·B(x−1, A))
/// ```
///
/// agrees with the textbook formula at whole `N` and is smooth in between
/// (Jagerman, "Some properties of the Erlang loss function", Bell System
/// Technical Journal 53(3), 1974). The recursion never forms `A^N` or `N!`,
/// so it stays exact where the factorial formula overflows.
///
/// ```
/// let b = ccplan_engine::erlang_b::blocking(10.0, 15.0).unwrap();
/// assert!((b - 0.036_496_945_472_370_79).abs() < 1e-15);
/// ```
pub fn blocking(traffic: f64, servers: f64) -> Result<f64> {
    let traffic = check_traffic(traffic)?;
    let servers = check_agents(servers)?;
    Ok(Blocking::at(traffic, servers).blocking)
}

/// Smallest whole number of lines whose blocking is at most `max_blocking`.
///
/// ```
/// assert_eq!(ccplan_engine::erlang_b::lines_needed(10.0, 0.01), Ok(18));
/// ```
pub fn lines_needed(traffic: f64, max_blocking: f64) -> Result<u32> {
    let traffic = check_traffic(traffic)?;
    if !(max_blocking > 0.0 && max_blocking <= 1.0) {
        return Err(Error::MaxAbandon(max_blocking));
    }
    if traffic == 0.0 {
        return Ok(0);
    }
    // B falls as lines are added, so if it is still above the target some
    // 8·√A lines below the load, the answer lies above there: start the walk
    // there (exact, see `Blocking::at`) instead of at zero lines — O(√A)
    // rather than O(A) for the usual grades of service.
    let near_load = (traffic - 8.0 * traffic.sqrt()).floor().max(0.0);
    let mut state = match Blocking::at(traffic, near_load) {
        state if state.blocking > max_blocking => state,
        _ => Blocking::at(traffic, 0.0),
    };
    while state.blocking > max_blocking {
        if state.servers >= MAX_AGENTS {
            return Err(Error::Unreachable);
        }
        state = state.next(traffic);
    }
    Ok(state.servers as u32)
}

#[cfg(test)]
mod tests {
    /// The walk from near the load gives what the walk from zero gives.
    #[test]
    fn lines_needed_starts_near_the_load_with_the_same_answer() {
        let from_zero = |traffic: f64, max_blocking: f64| {
            let mut state = Blocking::at(traffic, 0.0);
            while state.blocking > max_blocking {
                state = state.next(traffic);
            }
            state.servers as u32
        };
        for traffic in [0.5, 3.0, 10.0, 34.29, 250.0, 5_000.0, 100_000.0] {
            for max_blocking in [0.001, 0.01, 0.05, 0.3, 0.9] {
                assert_eq!(
                    lines_needed(traffic, max_blocking),
                    Ok(from_zero(traffic, max_blocking)),
                    "{traffic} Erlangs, {max_blocking}"
                );
            }
        }
    }

    use super::*;

    #[test]
    fn textbook_values() {
        // B(2, 1) = (1/2) / (1 + 1 + 1/2) = 0.2
        assert!((blocking(1.0, 2.0).unwrap() - 0.2).abs() < 1e-16);
        assert_eq!(blocking(5.0, 0.0), Ok(1.0));
        assert_eq!(blocking(0.0, 3.0), Ok(0.0));
        assert_eq!(blocking(0.0, 0.0), Ok(1.0));
    }

    #[test]
    fn fractional_servers_join_the_integer_values_smoothly() {
        let below = blocking(20.0, 9.999_999).unwrap();
        let at = blocking(20.0, 10.0).unwrap();
        let above = blocking(20.0, 10.000_001).unwrap();
        assert!(below > at && at > above);
        assert!((below - at).abs() / at < 1e-6);
    }

    #[test]
    fn no_overflow_where_factorials_would() {
        let b = blocking(50_000.0, 60_000.0).unwrap();
        assert!((0.0..1e-300).contains(&b));
        let b = blocking(1_000.0, 1_000.0).unwrap();
        assert!(b > 0.02 && b < 0.03, "{b}");
    }

    /// The full recursion from zero servers, as `Blocking::at` was before it
    /// learnt to skip.
    fn from_zero(traffic: f64, servers: f64) -> Blocking {
        let whole = servers.floor();
        let mut state = Blocking::start(traffic, servers - whole);
        for _ in 0..whole as u64 {
            state = state.next(traffic);
        }
        state
    }

    #[test]
    fn a_late_start_gives_the_full_recursion_value() {
        for traffic in [0.3, 7.0, 99.5, 1_000.0, 12_345.6, 50_000.0, 100_000.0] {
            let root = f64::sqrt(traffic);
            for offset in [
                -3.0 * traffic,
                -20.0 * root,
                -9.0 * root,
                -root,
                0.0,
                root,
                5.0 * root,
                40.0 * root,
            ] {
                for fraction in [0.0, 0.37] {
                    let servers = (traffic + offset).floor().max(0.0) + fraction;
                    let fast = Blocking::at(traffic, servers);
                    let slow = from_zero(traffic, servers);
                    assert_eq!(fast.servers, slow.servers);
                    for (f, s) in [
                        (fast.blocking, slow.blocking),
                        (fast.ratio_not_blocked, slow.ratio_not_blocked),
                    ] {
                        let error = if f == s {
                            0.0
                        } else if s == 0.0 {
                            f.abs()
                        } else {
                            ((f - s) / s).abs()
                        };
                        assert!(error < 1e-13, "A={traffic} N={servers}: {f} vs {s}");
                    }
                }
            }
        }
    }

    #[test]
    fn four_recursions_side_by_side_give_each_its_own_state() {
        let mut loads = Vec::new();
        let mut staffings = Vec::new();
        for (i, traffic) in [0.0, 0.3, 7.0, 99.5, 1_000.0, 12_345.6, 50_000.0, 100_000.0]
            .into_iter()
            .enumerate()
        {
            for offset in [-2.0 * traffic, -30.0, 0.0, 0.37, 11.0, 250.5, 4_000.0] {
                loads.push(traffic);
                staffings.push((traffic + offset + i as f64).max(0.0));
            }
        }
        for count in [0, 1, 3, 4, 5, 9, loads.len()] {
            let together = at_each(&loads[..count], &staffings[..count]);
            let alone: Vec<Blocking> = (0..count)
                .map(|i| Blocking::at(loads[i], staffings[i]))
                .collect();
            assert_eq!(together, alone);
        }
    }

    #[test]
    fn a_late_start_skips_most_servers_at_large_loads() {
        // At 100 000 Erlangs the requirement needs a few thousand steps, not 100 000.
        let skipped = skippable_servers(100_000.0, 100_500.0);
        assert!((96_000.0..98_000.0).contains(&skipped), "{skipped}");
        assert_eq!(skippable_servers(10.0, 12.0), 0.0);
        assert_eq!(skippable_servers(0.0, 12.0), 0.0);
    }

    #[test]
    fn lines_for_a_blocking_target() {
        assert_eq!(lines_needed(10.0, 0.01), Ok(18));
        assert_eq!(lines_needed(0.0, 0.01), Ok(0));
        assert_eq!(lines_needed(3.0, 1.0), Ok(0));
        assert_eq!(lines_needed(3.0, 0.0), Err(Error::MaxAbandon(0.0)));
    }

    #[test]
    fn invalid_input_is_an_error() {
        assert!(matches!(blocking(f64::NAN, 3.0), Err(Error::Traffic(_))));
        assert!(matches!(blocking(3.0, -1.0), Err(Error::Agents(_))));
        assert!(matches!(
            blocking(3.0, f64::INFINITY),
            Err(Error::Agents(_))
        ));
    }
}
