//! Reading a number the way people type or paste it.
//!
//! The rules, the same in every number box and every import:
//! - Full-width characters (`１２０`, `－`, `．`, `，`) read as their ASCII
//!   twins, and the minus sign `−` as `-`: Chinese input methods produce them.
//! - Spaces (plain, no-break, thin, ideographic) between digits group
//!   thousands: `1 062` is 1062.
//! - With both `,` and `.` in a number, the last of the two is the decimal
//!   mark and the other groups thousands: `1,062.5` and `1.062,5` are both 1062.5.
//! - A comma alone: followed by groups of exactly three digits it groups
//!   thousands (`1,062` and `1,062,000`: English and Chinese write numbers
//!   so); otherwise it is a decimal comma (`32,5`, `0,75`). `1,0625` is a
//!   decimal comma too: no grouping has four digits.
//! - Grouping must be regular: `1,06,2` or `12 34` is not a number.
//! - An exponent (`1e3`) is accepted; `NaN`, `inf` and half-typed text
//!   (`1e`, `-`, `.`) are not numbers.
//!
//! Where the comma could also separate columns (a paste), the caller decides
//! first; see [`crate::model::io::intervals_in::parse_intervals`].

/// Why a text is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    /// Nothing typed.
    Empty,
    NotNumber,
}

/// Full-width and typographic characters as their ASCII twins; every
/// kind of space as a plain space.
fn normalise(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{ff10}'..='\u{ff19}' => {
                char::from_u32(u32::from(c) - 0xff10 + u32::from('0')).unwrap_or(c)
            }
            '\u{ff0e}' | '\u{3002}' => '.',
            '\u{ff0c}' => ',',
            '\u{ff0d}' | '\u{2212}' | '\u{2013}' => '-',
            '\u{ff0b}' => '+',
            '\u{ff45}' => 'e',
            '\u{ff25}' => 'E',
            '\u{a0}' | '\u{2009}' | '\u{202f}' | '\u{3000}' | '\t' => ' ',
            other => other,
        })
        .collect()
}

/// Whether `groups` (split at a grouping mark) group thousands: the first
/// has one to three digits, every other exactly three.
fn regular_groups(groups: &[&str]) -> bool {
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    groups.split_first().is_some_and(|(first, rest)| {
        digits(first) && first.len() <= 3 && rest.iter().all(|g| digits(g) && g.len() == 3)
    })
}

/// Removes the grouping mark `mark` from the integer part `whole`, if it
/// groups thousands regularly.
fn ungroup(whole: &str, mark: char) -> Option<String> {
    if !whole.contains(mark) {
        return Some(whole.to_string());
    }
    let groups: Vec<&str> = whole.split(mark).collect();
    regular_groups(&groups).then(|| groups.concat())
}

/// The value of `text`, read by the rules of this module.
///
/// ```
/// use ccplan_app::model::number::parse_number;
/// assert_eq!(parse_number("1,062"), Ok(1062.0));
/// assert_eq!(parse_number("32,5"), Ok(32.5));
/// assert_eq!(parse_number("１２０"), Ok(120.0));
/// ```
pub fn parse_number(text: &str) -> Result<f64, NumberError> {
    let normalised = normalise(text);
    let trimmed = normalised.trim();
    if trimmed.is_empty() {
        return Err(NumberError::Empty);
    }
    let (sign, unsigned) = match trimmed.strip_prefix('-') {
        Some(rest) => ("-", rest.trim_start()),
        None => (
            "",
            trimmed.strip_prefix('+').unwrap_or(trimmed).trim_start(),
        ),
    };
    // Exponent apart, so its sign and digits are not taken for grouping.
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], &unsigned[at..]),
        None => (unsigned, ""),
    };
    let spaced = mantissa.replace(' ', "\u{1}");
    let mantissa = ungroup_spaces(&spaced).ok_or(NumberError::NotNumber)?;
    let plain = match (mantissa.rfind(','), mantissa.rfind('.')) {
        (Some(comma), Some(dot)) => {
            let (mark, group) = if comma > dot {
                (comma, '.')
            } else {
                (dot, ',')
            };
            let whole = ungroup(&mantissa[..mark], group).ok_or(NumberError::NotNumber)?;
            format!("{whole}.{}", &mantissa[mark + 1..])
        }
        (Some(_), None) => {
            let groups: Vec<&str> = mantissa.split(',').collect();
            if regular_groups(&groups) {
                groups.concat()
            } else if groups.len() == 2 {
                format!("{}.{}", groups[0], groups[1])
            } else {
                return Err(NumberError::NotNumber);
            }
        }
        _ => mantissa,
    };
    let well_formed = !plain.is_empty()
        && plain.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && plain.bytes().any(|b| b.is_ascii_digit());
    if !well_formed {
        return Err(NumberError::NotNumber);
    }
    format!("{sign}{plain}{exponent}")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or(NumberError::NotNumber)
}

/// Space-grouped digits (`1 062 000`), marked by `\u{1}`, joined; any other
/// use of a space is not a number.
fn ungroup_spaces(mantissa: &str) -> Option<String> {
    if !mantissa.contains('\u{1}') {
        return Some(mantissa.to_string());
    }
    let (whole, fraction) = match mantissa.find(['.', ',']) {
        Some(at) => mantissa.split_at(at),
        None => (mantissa, ""),
    };
    if fraction.contains('\u{1}') {
        return None;
    }
    let whole = ungroup(whole, '\u{1}')?;
    Some(format!("{whole}{fraction}"))
}

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
    fn plain_decimals_minus_and_exponents() {
        assert_eq!(parse_number("32.5"), Ok(32.5));
        assert_eq!(parse_number(" -0.5 "), Ok(-0.5));
        assert_eq!(parse_number("+7"), Ok(7.0));
        assert_eq!(parse_number(".5"), Ok(0.5));
        assert_eq!(parse_number("5."), Ok(5.0));
        assert_eq!(parse_number("1e3"), Ok(1000.0));
        assert_eq!(parse_number("2.5E-1"), Ok(0.25));
    }

    #[test]
    fn half_typed_and_foreign_text_are_refused() {
        for text in [
            "1e", "-", ".", "+", "1e-", "abc", "NaN", "inf", "1..2", "1-2", "0x10",
        ] {
            assert_eq!(parse_number(text), Err(NumberError::NotNumber), "{text:?}");
        }
        assert_eq!(parse_number(""), Err(NumberError::Empty));
        assert_eq!(parse_number("  "), Err(NumberError::Empty));
        assert_eq!(parse_number("1e999"), Err(NumberError::NotNumber));
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(parse_number("1,062"), Ok(1062.0));
        assert_eq!(parse_number("1,062,000"), Ok(1_062_000.0));
        assert_eq!(parse_number("1 062"), Ok(1062.0));
        assert_eq!(parse_number("1\u{a0}062"), Ok(1062.0));
        assert_eq!(parse_number("1\u{202f}062,5"), Ok(1062.5));
        assert_eq!(parse_number("1,062.5"), Ok(1062.5));
        assert_eq!(parse_number("1.062,5"), Ok(1062.5));
        assert_eq!(parse_number("-1,200"), Ok(-1200.0));
        for text in ["1,06,2", "12 34", "1,0,0", "1.062.5", "1 06", "1.5 5"] {
            assert_eq!(parse_number(text), Err(NumberError::NotNumber), "{text:?}");
        }
    }

    #[test]
    fn decimal_comma() {
        assert_eq!(parse_number("32,5"), Ok(32.5));
        assert_eq!(parse_number("0,75"), Ok(0.75));
        assert_eq!(parse_number("1,0625"), Ok(1.0625));
        assert_eq!(parse_number("-0,5"), Ok(-0.5));
    }

    #[test]
    fn full_width_and_typographic() {
        assert_eq!(parse_number("１２０"), Ok(120.0));
        assert_eq!(parse_number("－０．５"), Ok(-0.5));
        assert_eq!(parse_number("１，０６２"), Ok(1062.0));
        assert_eq!(parse_number("\u{2212}3"), Ok(-3.0));
        assert_eq!(parse_number("\u{3000}42\u{3000}"), Ok(42.0));
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
