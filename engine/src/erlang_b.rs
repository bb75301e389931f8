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

    /// Blocking at any `servers ≥ 0` (fractional allowed), in O(servers).
    /// Inputs must already be validated.
    pub fn at(traffic: f64, servers: f64) -> Self {
        let whole = servers.floor();
        let mut state = Blocking::start(traffic, servers - whole);
        for _ in 0..whole as u64 {
            state = state.next(traffic);
        }
        state
    }
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
    let mut state = Blocking::at(traffic, 0.0);
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
