//! Comparisons for the unit tests: one relative-error assertion, so every
//! module states its tolerance the same way (relative, as the figures span
//! many orders of magnitude).

/// Asserts that `value` is within `tolerance` of `expected`, relative to
/// `expected`.
pub(crate) fn assert_relative(value: f64, expected: f64, tolerance: f64) {
    let error = ((value - expected) / expected).abs();
    assert!(
        error <= tolerance,
        "{value} vs {expected}: relative error {error:e}"
    );
}
