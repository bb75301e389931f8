//! Numbers as people type and paste them: read by the engine's
//! [`ccplan_engine::text::parse_number`] (the rules are there, shared with
//! the history reader), and written back as a box shows them.

pub use ccplan_engine::text::{parse_number, NumberError};

/// A value as a box shows it, without grouping (`1062`, `32.5`, `-0.5`):
/// at most 15 significant digits, and an exponent where plain digits would
/// run long (`1e-320`); `parse_number` reads both back.
pub fn format_plain(value: f64) -> String {
    ccplan_engine::Shown(value).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_short_and_reads_back() {
        for (value, shown) in [
            (0.1 + 0.2, "0.3"),
            (32.5, "32.5"),
            (-0.0, "0"),
            (1e-320, "1e-320"),
            (f64::MAX, "1.7976931348623157e308"),
            (123_456_789_012_345.0, "123456789012345"),
            (1.5e15, "1.5e15"),
            (12_345_678.25, "12345678.25"),
        ] {
            let text = format_plain(value);
            assert_eq!(text, shown);
            assert!(text.len() <= 22, "{text}");
            let back = parse_number(&text).unwrap();
            assert!(
                (back - value).abs() <= value.abs() * 1e-14,
                "{text} reads as {back}"
            );
        }
    }

    #[test]
    fn formatted_values_read_back() {
        for value in [0.0, -0.0, 1062.0, 32.5, -0.5, 1.05, 1e-7, 123456789.125] {
            let text = format_plain(value);
            assert_eq!(parse_number(&text), Ok(value + 0.0), "{text}");
        }
        assert_eq!(format_plain(-0.0), "0");
    }
}
