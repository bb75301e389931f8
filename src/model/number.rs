//! Numbers as people type and paste them: read by the engine's
//! [`ccplan_engine::text::parse_number`] (the rules are there, shared with
//! the history reader), and written back as a box shows them.

pub use ccplan_engine::text::{parse_number, NumberError};

/// A value as a box shows it: the shortest text that reads back exactly,
/// without grouping (`1062`, `32.5`, `-0.5`).
pub fn format_plain(value: f64) -> String {
    if value == 0.0 {
        // No "-0".
        return "0".to_string();
    }
    format!("{value}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formatted_values_read_back() {
        for value in [0.0, -0.0, 1062.0, 32.5, -0.5, 1.05, 1e-7, 123456789.125] {
            let text = format_plain(value);
            assert_eq!(parse_number(&text), Ok(value + 0.0), "{text}");
        }
        assert_eq!(format_plain(-0.0), "0");
    }
}
