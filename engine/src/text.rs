//! Text as people type, paste and export it: lines (LF, CRLF or CR
//! alone), fields between separators (with quotes), and numbers.
//!
//! The rules for a number, the same in every number box and every import:
//! - Full-width characters (`１２０`, `－`, `．`, `，`) read as their ASCII
//!   twins, and the minus sign `−` as `-`: Chinese input methods produce them.
//! - Spaces (plain, no-break, thin, ideographic) between digits group
//!   thousands: `1 062` is 1062.
//! - One of `.` and `,` is the decimal mark ([`DecimalMark`]) and the other
//!   groups thousands. A number alone says which when it can
//!   ([`mark_evidence`]): with both, the last is the decimal mark (`1,062.5`,
//!   `1.062,5`); a mark used twice groups (`1,062,000`); a mark not followed
//!   by exactly three digits, or after a first group that cannot be one
//!   (`0,062`, `1062,500`), is the decimal mark (`32,5`, `0,75`, `1,0625`).
//!   `1,062` and `1.062` read either way: a typed number
//!   ([`parse_number`]) takes the comma for thousands and the dot for a
//!   decimal point, as English and Chinese write numbers; a file decides
//!   once from all its numbers ([`decide_decimal_mark`]) and asks when
//!   they do not say.
//! - Grouping must be regular: `1,06,2` or `12 34` is not a number.
//! - An exponent (`1e3`) is accepted; `NaN`, `inf` and half-typed text
//!   (`1e`, `-`, `.`) are not numbers.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// Why a text is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    /// Nothing typed.
    Empty,
    NotNumber,
}

/// Which mark is the decimal one; the other groups thousands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DecimalMark {
    /// `1,062.5`
    Dot,
    /// `1.062,5`
    Comma,
}

impl DecimalMark {
    fn decimal(self) -> char {
        match self {
            DecimalMark::Dot => '.',
            DecimalMark::Comma => ',',
        }
    }

    fn grouping(self) -> char {
        match self {
            DecimalMark::Dot => ',',
            DecimalMark::Comma => '.',
        }
    }
}

/// What one number says of the decimal mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkEvidence {
    /// No `.` or `,` (or not a number at all).
    NoMark,
    /// Only this mark reads it as a number.
    Decides(DecimalMark),
    /// One mark before exactly three digits (`1,062`, `1.062`): a decimal
    /// mark or thousands.
    EitherWay,
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

/// The text split into sign, mantissa (spaces marked by `\u{1}`) and
/// exponent; None when nothing was typed.
fn parts(text: &str) -> Option<(&'static str, String, String)> {
    let normalised = normalise(text);
    let trimmed = normalised.trim();
    if trimmed.is_empty() {
        return None;
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
    Some((sign, mantissa.replace(' ', "\u{1}"), exponent.to_string()))
}

/// What `text` says of the decimal mark on its own.
pub fn mark_evidence(text: &str) -> MarkEvidence {
    // Most numbers of a file have no mark at all: say so without copying.
    if !text.contains([',', '.', '\u{ff0c}', '\u{ff0e}', '\u{3002}']) {
        return MarkEvidence::NoMark;
    }
    let Some((_, mantissa, _)) = parts(text) else {
        return MarkEvidence::NoMark;
    };
    let mantissa = mantissa.replace('\u{1}', "");
    let (commas, dots) = (mantissa.matches(',').count(), mantissa.matches('.').count());
    let alone = |mark: char, is: DecimalMark| {
        let (before, after) = mantissa.split_once(mark).unwrap_or_default();
        let digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
        let groups = after.len() == 3
            && digits(after)
            && (1..=3).contains(&before.len())
            && digits(before)
            && !before.starts_with('0');
        if groups {
            MarkEvidence::EitherWay
        } else {
            MarkEvidence::Decides(is)
        }
    };
    match (commas, dots) {
        (0, 0) => MarkEvidence::NoMark,
        (c, d) if c > 0 && d > 0 => {
            if mantissa.rfind(',') > mantissa.rfind('.') {
                MarkEvidence::Decides(DecimalMark::Comma)
            } else {
                MarkEvidence::Decides(DecimalMark::Dot)
            }
        }
        (c, 0) if c > 1 => MarkEvidence::Decides(DecimalMark::Dot),
        (0, d) if d > 1 => MarkEvidence::Decides(DecimalMark::Comma),
        (_, 0) => alone(',', DecimalMark::Comma),
        _ => alone('.', DecimalMark::Dot),
    }
}

/// The value of `text` with `mark` as its decimal mark.
pub fn parse_number_as(text: &str, mark: DecimalMark) -> Result<f64, NumberError> {
    // Plain digits (most of a file) read without copying.
    let trimmed = text.trim();
    if !trimmed.is_empty() && trimmed.len() <= 15 && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return trimmed.parse().map_err(|_| NumberError::NotNumber);
    }
    let (sign, spaced, exponent) = parts(text).ok_or(NumberError::Empty)?;
    let mantissa = ungroup_spaces(&spaced).ok_or(NumberError::NotNumber)?;
    let plain = match mantissa.split_once(mark.decimal()) {
        Some((whole, fraction)) => {
            let whole = ungroup(whole, mark.grouping()).ok_or(NumberError::NotNumber)?;
            format!("{whole}.{fraction}")
        }
        None => ungroup(&mantissa, mark.grouping()).ok_or(NumberError::NotNumber)?,
    };
    let well_formed = !plain.is_empty()
        && plain.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && plain.matches('.').count() <= 1
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

/// The value of a typed number, read by the rules of this module (a
/// number that reads either way: `1,062` is 1062, `1.062` is 1.062).
///
/// ```
/// use ccplan_engine::text::parse_number;
/// assert_eq!(parse_number("1,062"), Ok(1062.0));
/// assert_eq!(parse_number("32,5"), Ok(32.5));
/// assert_eq!(parse_number("１２０"), Ok(120.0));
/// ```
pub fn parse_number(text: &str) -> Result<f64, NumberError> {
    let mark = match mark_evidence(text) {
        MarkEvidence::Decides(mark) => mark,
        MarkEvidence::NoMark | MarkEvidence::EitherWay => DecimalMark::Dot,
    };
    parse_number_as(text, mark)
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

/// The decimal mark of a file, from all its numbers: the mark more of them
/// decide for (the others then fail to read, each at its own line), else
/// `default` (a comma-separated file's numbers cannot hold a bare comma),
/// else the dot when no number reads either way. `Err` with the first
/// number that reads either way when the numbers do not say.
pub fn decide_decimal_mark<'a>(
    numbers: impl IntoIterator<Item = &'a str>,
    default: Option<DecimalMark>,
) -> Result<DecimalMark, &'a str> {
    let (mut dot, mut comma, mut either) = (0usize, 0usize, None);
    for number in numbers {
        match mark_evidence(number) {
            MarkEvidence::Decides(DecimalMark::Dot) => dot += 1,
            MarkEvidence::Decides(DecimalMark::Comma) => comma += 1,
            MarkEvidence::EitherWay => {
                either.get_or_insert(number);
            }
            MarkEvidence::NoMark => {}
        }
    }
    match (dot.cmp(&comma), default, either) {
        (std::cmp::Ordering::Greater, ..) => Ok(DecimalMark::Dot),
        (std::cmp::Ordering::Less, ..) => Ok(DecimalMark::Comma),
        (_, Some(mark), _) => Ok(mark),
        (_, None, None) => Ok(DecimalMark::Dot),
        (_, None, Some(number)) => Err(number),
    }
}

/// The lines of `text`, each ended by LF, CRLF or CR alone (spreadsheets'
/// "CSV (Macintosh)"): the n-th item is line n + 1 as an editor counts it.
/// A line end at the very end starts no further line.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest.bytes().position(|b| b == b'\r' || b == b'\n');
        let (line, next) = match end {
            Some(at) => {
                let end = if rest[at..].starts_with("\r\n") { 2 } else { 1 };
                (&rest[..at], &rest[at + end..])
            }
            None => (rest, ""),
        };
        rest = next;
        Some(line)
    })
}

/// One line's fields.
pub type Fields<'a> = Vec<Cow<'a, str>>;

/// A quote opened and not closed on its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnclosedQuote;

/// The fields of one line between `separator`s: a field that starts with
/// `"` (after spaces) runs to its closing quote, `""` inside it being one
/// quote, and may hold the separator; a quote anywhere else is text.
/// Fields are trimmed.
pub fn split_fields(line: &str, separator: char) -> Result<Fields<'_>, UnclosedQuote> {
    let mut fields = Vec::with_capacity(6);
    let mut rest = line;
    loop {
        let start = rest.trim_start_matches(|c: char| c != separator && c.is_whitespace());
        if let Some(quoted) = start.strip_prefix('"') {
            let mut value = String::new();
            let mut inside = quoted;
            loop {
                let close = inside.find('"').ok_or(UnclosedQuote)?;
                value.push_str(&inside[..close]);
                inside = &inside[close + 1..];
                match inside.strip_prefix('"') {
                    Some(after) => {
                        value.push('"');
                        inside = after;
                    }
                    None => break,
                }
            }
            // Text after the closing quote belongs to the field.
            let (tail, next) = match inside.find(separator) {
                Some(at) => (&inside[..at], Some(&inside[at + separator.len_utf8()..])),
                None => (inside, None),
            };
            value.push_str(tail);
            fields.push(Cow::Owned(value.trim().to_string()));
            match next {
                Some(next) => rest = next,
                None => return Ok(fields),
            }
        } else {
            match rest.find(separator) {
                Some(at) => {
                    fields.push(Cow::Borrowed(rest[..at].trim()));
                    rest = &rest[at + separator.len_utf8()..];
                }
                None => {
                    fields.push(Cow::Borrowed(rest.trim()));
                    return Ok(fields);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn numbers_read_with_a_given_decimal_mark() {
        use DecimalMark::{Comma, Dot};
        for (text, dot, comma) in [
            ("1,062", Ok(1062.0), Ok(1.062)),
            ("1.062", Ok(1.062), Ok(1062.0)),
            ("1.062,5", Err(NumberError::NotNumber), Ok(1062.5)),
            ("1,062.5", Ok(1062.5), Err(NumberError::NotNumber)),
            ("100,5", Err(NumberError::NotNumber), Ok(100.5)),
            ("1 062,5", Err(NumberError::NotNumber), Ok(1062.5)),
            ("2,073,000", Ok(2_073_000.0), Err(NumberError::NotNumber)),
        ] {
            assert_eq!(
                (parse_number_as(text, Dot), parse_number_as(text, Comma)),
                (dot, comma),
                "{text}"
            );
        }
        assert_eq!(mark_evidence("1,062"), MarkEvidence::EitherWay);
        assert_eq!(mark_evidence("0,062"), MarkEvidence::Decides(Comma));
        assert_eq!(mark_evidence("1062,500"), MarkEvidence::Decides(Comma));
        assert_eq!(mark_evidence("1.062.000"), MarkEvidence::Decides(Comma));
        assert_eq!(mark_evidence("980"), MarkEvidence::NoMark);
        assert_eq!(decide_decimal_mark(["980", "1,062"], None), Err("1,062"));
        assert_eq!(decide_decimal_mark(["980", "1,062"], Some(Dot)), Ok(Dot));
        assert_eq!(decide_decimal_mark(["1.062", "32,5"], None), Ok(Comma));
        assert_eq!(decide_decimal_mark(["980"], None), Ok(Dot));
    }

    #[test]
    fn lines_and_fields() {
        for text in ["a\nb\n\nc", "a\r\nb\r\n\r\nc\r\n", "a\rb\r\rc\r"] {
            assert_eq!(
                lines(text).collect::<Vec<_>>(),
                ["a", "b", "", "c"],
                "{text:?}"
            );
        }
        assert_eq!(lines("").count(), 0);
        assert_eq!(lines("\n").collect::<Vec<_>>(), [""]);
        let f =
            |l| split_fields(l, ',').map(|v| v.iter().map(|c| c.to_string()).collect::<Vec<_>>());
        assert_eq!(
            f(" a , \"1,062\" ,\"say \"\"hi\"\"\",x\"y"),
            Ok(vec![
                "a".into(),
                "1,062".into(),
                "say \"hi\"".into(),
                "x\"y".into()
            ])
        );
        assert_eq!(f("a,,"), Ok(vec!["a".into(), String::new(), String::new()]));
        assert_eq!(f("a,\"b"), Err(UnclosedQuote));
        assert_eq!(split_fields("a\t b ;c", '\t').unwrap(), ["a", "b ;c"]);
    }
}
