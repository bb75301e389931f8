//! Interval history as planners export it — date, interval start,
//! contacts, and optionally AHT, handled and abandoned — read line by line
//! with a message for each line that cannot be used, then assembled into
//! days on the centre's calendar, with the days that are missing named
//! rather than filled in.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::text::{
    decide_decimal_mark, lines, parse_number_as, split_fields, DecimalMark, Fields, UnclosedQuote,
};

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Reads `YYYY-MM-DD` (or with `/` or `.`); None for anything else or a
    /// day that does not exist.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().split(['-', '/', '.']);
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some()
            || y.len() != 4
            || m.is_empty()
            || m.len() > 2
            || d.is_empty()
            || d.len() > 2
        {
            return None;
        }
        let date = Date {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
            day: d.parse().ok()?,
        };
        (Date::from_days(date.days()) == date && (1900..=2200).contains(&date.year)).then_some(date)
    }

    /// Days since 1970-01-01 (H. Hinnant, "chrono-compatible low-level date
    /// algorithms", `days_from_civil`).
    pub fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (Hinnant's `civil_from_days`).
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> usize {
        (self.days() + 3).rem_euclid(7) as usize
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// One usable line of history.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryRow {
    /// 1-based line in the text.
    pub line: usize,
    pub date: Date,
    /// Interval start, minutes after midnight.
    pub start_min: u32,
    pub contacts: f64,
    pub aht_s: Option<f64>,
    pub handled: Option<f64>,
    pub abandoned: Option<f64>,
}

/// A column of a history line holding a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Column {
    Contacts,
    Aht,
    Handled,
    Abandoned,
}

/// Why a line of history was not used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum LineProblem {
    /// Fewer than 3 or more than 6 columns.
    Columns(usize),
    /// Not a date as `YYYY-MM-DD` (the text found).
    Date(String),
    /// Not a time as `HH:MM` within the day (the text found).
    Start(String),
    /// Contacts, AHT, handled or abandoned is not a number (the text found).
    Number(Column, String),
    /// A count is negative or above [`MAX_INTERVAL_COUNT`].
    Range(Column, f64),
    /// The same date and start as an earlier line (that line's number).
    Duplicate(usize),
    /// Another number of fields than the header has (or, without a header,
    /// than most lines have): found, expected. Never read shifted: in a
    /// comma-separated file `2,073` is two fields.
    FieldCount(usize, usize),
    /// A quote opened and not closed on the line.
    Quote,
}

impl std::fmt::Display for Column {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Column::Contacts => "contacts",
            Column::Aht => "AHT",
            Column::Handled => "handled",
            Column::Abandoned => "abandoned",
        })
    }
}

impl std::fmt::Display for LineProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LineProblem::Columns(n) => write!(
                f,
                "{n} columns (expected date, start, contacts[, AHT, handled, abandoned])"
            ),
            LineProblem::Date(t) => write!(f, "{t:?} is not a date as YYYY-MM-DD"),
            LineProblem::Start(t) => write!(f, "{t:?} is not a time of day as HH:MM"),
            LineProblem::Number(c, t) => write!(f, "{c} {t:?} is not a number"),
            LineProblem::Range(c, v) => write!(f, "{c} {v} is not from 0 to {MAX_INTERVAL_COUNT}"),
            LineProblem::Duplicate(first) => write!(f, "the same date and start as line {first}"),
            LineProblem::FieldCount(found, expected) => write!(
                f,
                "{found} fields where the other lines have {expected} (a number with a thousands separator in a comma-separated file: write 2073 or \"2,073\")"
            ),
            LineProblem::Quote => write!(f, "a quote (\") is opened and not closed on this line"),
        }
    }
}

/// Largest count one interval may hold.
pub const MAX_INTERVAL_COUNT: f64 = 10_000_000.0;
/// Most lines read: about ten years of 30-minute intervals round the
/// clock, or three of 5-minute ones.
pub const MAX_LINES: usize = 320_000;
/// Lines with a problem listed before the rest are only counted.
pub const MAX_LISTED_PROBLEMS: usize = 200;

/// What was read from a history text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParsedHistory {
    pub rows: Vec<HistoryRow>,
    /// The first [`MAX_LISTED_PROBLEMS`] problems, by line.
    pub problems: Vec<(usize, LineProblem)>,
    /// All lines with a problem, listed or not.
    pub problem_count: usize,
    /// The lines were not in time order (they are sorted; the user is told).
    pub unordered: bool,
    /// More than [`MAX_LINES`] lines: nothing was read.
    pub too_long: Option<usize>,
    /// The numbers read two ways and no decimal mark was given: nothing
    /// was read.
    pub ambiguous: Option<Ambiguity>,
}

/// A number of a history that reads two ways (`1,062` in a file separated
/// by semicolons or tabs: a decimal comma or thousands), and no number of
/// the file decides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ambiguity {
    /// The line it is on (1-based) and that line as written (at most
    /// [`AMBIGUOUS_LINE_CHARS`] characters).
    pub line: usize,
    pub line_text: String,
    /// The number as written.
    pub number: String,
    /// Its value with a decimal point (the comma grouping thousands).
    pub with_dot: f64,
    /// Its value with a decimal comma (the dot grouping thousands).
    pub with_comma: f64,
}

/// Characters of a line an [`Ambiguity`] keeps.
pub const AMBIGUOUS_LINE_CHARS: usize = 120;

impl std::fmt::Display for Ambiguity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}: {:?} reads as {} with a decimal point or as {} with a decimal comma, and no number in the file says which",
            self.line, self.number, self.with_dot, self.with_comma
        )
    }
}

fn parse_start(text: &str) -> Option<u32> {
    let (h, m) = text.trim().split_once(':')?;
    let m = m
        .get(..2)
        .filter(|_| m.len() == 2 || m[2..].starts_with(':'))?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

fn parse_count(column: Column, text: &str, mark: DecimalMark) -> Result<f64, LineProblem> {
    let value = parse_number_as(text, mark)
        .map_err(|_| LineProblem::Number(column, text.trim().to_string()))?;
    if !(0.0..=MAX_INTERVAL_COUNT).contains(&value) {
        return Err(LineProblem::Range(column, value));
    }
    Ok(value)
}

/// The number of fields a line has, trailing empty ones not counted.
fn filled(fields: &[Cow<'_, str>]) -> usize {
    fields.len() - fields.iter().rev().take_while(|f| f.is_empty()).count()
}

/// Reads history with the decimal mark its numbers say (see
/// [`parse_history_as`]); when they do not say, nothing is read and
/// `ambiguous` names the first number that reads two ways.
pub fn parse_history(text: &str) -> ParsedHistory {
    parse_history_as(text, None)
}

/// Reads history: a line per interval, `date, start, contacts[, AHT s[,
/// handled[, abandoned]]]`, separated by commas, semicolons or tabs (as
/// the first line is); a first line without a date is a header. Empty
/// optional cells are absent. Lines end in LF, CRLF or CR alone, and are
/// counted so. Every line has the header's number of fields (without a
/// header, the number most lines have), or it is not used; a quote not
/// closed on its line spoils that line only. Numbers are read with
/// `mark` as the decimal mark, else the one the file's numbers decide
/// ([`decide_decimal_mark`]; the dot in a comma-separated file).
pub fn parse_history_as(text: &str, mark: Option<DecimalMark>) -> ParsedHistory {
    let text = text.trim_start_matches('\u{feff}');
    let all: Vec<&str> = lines(text).take(MAX_LINES + 1).collect();
    if all.len() > MAX_LINES {
        return ParsedHistory {
            too_long: Some(lines(text).count()),
            ..ParsedHistory::default()
        };
    }
    let mut parsed = ParsedHistory::default();
    let problem = |parsed: &mut ParsedHistory, line: usize, p: LineProblem| {
        parsed.problem_count += 1;
        if parsed.problems.len() < MAX_LISTED_PROBLEMS {
            parsed.problems.push((line, p));
        }
    };
    let separator = all
        .iter()
        .find(|l| !l.trim().is_empty())
        .map_or(',', |first| {
            if first.contains('\t') {
                '\t'
            } else if first.contains(';') {
                ';'
            } else {
                ','
            }
        });
    // Each non-blank line split once: (line, its fields or an unclosed quote).
    let mut records: Vec<(usize, Result<Fields<'_>, UnclosedQuote>)> = all
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i + 1, split_fields(l, separator)))
        .collect();
    let header = match records.first() {
        Some((_, Ok(fields)))
            if Date::parse(&fields[0]).is_none()
                && !fields[0].chars().any(|c| c.is_ascii_digit()) =>
        {
            Some(filled(fields))
        }
        _ => None,
    };
    if header.is_some() {
        let _header = records.remove(0);
    }
    // Without a header, the number of fields most lines have (the fewer on a tie).
    let expected = header.unwrap_or_else(|| {
        let mut counts = std::collections::BTreeMap::new();
        for fields in records.iter().filter_map(|(_, r)| r.as_ref().ok()) {
            *counts.entry(filled(fields)).or_insert(0usize) += 1;
        }
        counts
            .iter()
            .max_by_key(|(n, count)| (**count, std::cmp::Reverse(**n)))
            .map_or(0, |(n, _)| *n)
    });
    let fits = |fields: &[Cow<'_, str>]| filled(fields) <= expected && expected <= fields.len();
    let numbers = || {
        records
            .iter()
            .filter_map(|(line, r)| Some((*line, r.as_ref().ok().filter(|f| fits(f))?)))
            .flat_map(|(line, fields)| fields.iter().skip(2).map(move |f| (line, f.as_ref())))
    };
    let default = (separator == ',').then_some(DecimalMark::Dot);
    let mark = match mark.map_or_else(|| decide_decimal_mark(numbers().map(|n| n.1), default), Ok) {
        Ok(mark) => mark,
        Err(number) => {
            let line = numbers().find(|n| n.1 == number).map_or(0, |n| n.0);
            let line_text = all
                .get(line.saturating_sub(1))
                .copied()
                .unwrap_or_default()
                .chars()
                .take(AMBIGUOUS_LINE_CHARS)
                .collect();
            parsed.ambiguous = Some(Ambiguity {
                line,
                line_text,
                number: number.to_string(),
                with_dot: parse_number_as(number, DecimalMark::Dot).unwrap_or(0.0),
                with_comma: parse_number_as(number, DecimalMark::Comma).unwrap_or(0.0),
            });
            return parsed;
        }
    };
    let mut seen = std::collections::HashMap::new();
    for (line, record) in &records {
        let line = *line;
        let fields = match record {
            Ok(fields) => fields,
            Err(UnclosedQuote) => {
                problem(&mut parsed, line, LineProblem::Quote);
                continue;
            }
        };
        let n = filled(fields);
        if !(3..=6).contains(&n) {
            problem(&mut parsed, line, LineProblem::Columns(n));
            continue;
        }
        if !fits(fields) {
            let found = if n > expected { n } else { fields.len() };
            problem(&mut parsed, line, LineProblem::FieldCount(found, expected));
            continue;
        }
        let fields = &fields[..n];
        let Some(date) = Date::parse(&fields[0]) else {
            problem(&mut parsed, line, LineProblem::Date(fields[0].to_string()));
            continue;
        };
        let Some(start_min) = parse_start(&fields[1]) else {
            problem(&mut parsed, line, LineProblem::Start(fields[1].to_string()));
            continue;
        };
        let optional = |i: usize, column: Column| -> Result<Option<f64>, LineProblem> {
            match fields.get(i) {
                Some(t) if !t.is_empty() => parse_count(column, t, mark).map(Some),
                _ => Ok(None),
            }
        };
        let row = (|| {
            Ok(HistoryRow {
                line,
                date,
                start_min,
                contacts: parse_count(Column::Contacts, &fields[2], mark)?,
                aht_s: optional(3, Column::Aht)?,
                handled: optional(4, Column::Handled)?,
                abandoned: optional(5, Column::Abandoned)?,
            })
        })();
        match row {
            Ok(row) => {
                if let Some(first) = seen.insert((date, start_min), line) {
                    seen.insert((date, start_min), first);
                    problem(&mut parsed, line, LineProblem::Duplicate(first));
                    continue;
                }
                parsed.rows.push(row);
            }
            Err(p) => problem(&mut parsed, line, p),
        }
    }
    let key = |r: &HistoryRow| (r.date, r.start_min);
    if parsed.rows.windows(2).any(|w| key(&w[0]) > key(&w[1])) {
        parsed.unordered = true;
        parsed.rows.sort_by_key(key);
    }
    parsed
}

/// One day of history on the interval grid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryDay {
    pub date: Date,
    /// Contacts per interval from the day's first to its last interval
    /// (0 where the day had no line).
    pub contacts: Vec<f64>,
}

impl HistoryDay {
    pub fn total(&self) -> f64 {
        self.contacts.iter().sum()
    }
}

/// History assembled into days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct History {
    pub interval_min: u32,
    /// Start of the earliest interval any day has, minutes after midnight.
    pub day_start_min: u32,
    pub days: Vec<HistoryDay>,
    /// The days of the week the centre is open (seen in the history).
    pub open_weekdays: [bool; 7],
    /// Open weekdays between the first and last day with no line at all.
    pub missing: Vec<Date>,
}

/// Why history cannot be assembled.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum HistoryError {
    #[error("no usable lines")]
    Empty,
    /// Starts are not on one grid of 5, 15, 30 or 60 minutes (the step found).
    #[error("interval starts are {0} minutes apart; use 5-, 15-, 30- or 60-minute intervals, all the same")]
    Granularity(u32),
    #[error("the history spans more than {MAX_SPAN_DAYS} days")]
    Span,
    /// Days on different grids: some days' intervals are `0` minutes
    /// apart, others' `1` (a mix of exports).
    #[error(
        "some days have {0}-minute intervals and others {1}-minute ones; use one interval length"
    )]
    Mixed(u32, u32),
}

/// Longest span of dates accepted (about 11 years).
pub const MAX_SPAN_DAYS: i64 = 4_000;

fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// Days from rows (sorted by date and start, as [`parse_history`] leaves
/// them). The interval is the largest of 5, 15, 30 or 60 minutes that every
/// start lies on; starts on a finer grid, or on none of these, are refused
/// (mixed granularity).
pub fn assemble(rows: &[HistoryRow]) -> Result<History, HistoryError> {
    let (first, last) = match (rows.first(), rows.last()) {
        (Some(f), Some(l)) => (f.date, l.date),
        _ => return Err(HistoryError::Empty),
    };
    if last.days() - first.days() > MAX_SPAN_DAYS {
        return Err(HistoryError::Span);
    }
    // Each day's own step (the gcd of its starts' differences): a day of
    // 30-minute lines among 15-minute days would otherwise read as a
    // 15-minute day with every other interval empty. A day counts as
    // coarser only with four or more lines (two lines an hour apart are a
    // day with gaps, not an hourly export).
    let steps: Vec<(u32, usize)> = rows
        .chunk_by(|a, b| a.date == b.date)
        .map(|day| {
            let step = day
                .windows(2)
                .fold(0, |g, w| gcd(g, w[1].start_min - w[0].start_min));
            (step, day.len())
        })
        .filter(|(step, _)| *step > 0)
        .collect();
    if let Some(finest) = steps.iter().map(|s| s.0).min() {
        if let Some((coarser, _)) = steps
            .iter()
            .find(|(step, lines)| *step != finest && *lines >= 4)
        {
            return Err(HistoryError::Mixed(finest, *coarser));
        }
    }
    let day_start_min = rows.iter().map(|r| r.start_min).min().unwrap_or(0);
    let step = rows
        .iter()
        .fold(0, |g, r| gcd(g, r.start_min - day_start_min));
    // A single start a day: hourly unless the starts say otherwise.
    let step = if step == 0 { 60 } else { step };
    let interval_min = [60, 30, 15, 5]
        .into_iter()
        .find(|i| step % i == 0)
        .ok_or(HistoryError::Granularity(step))?;
    let day_end = rows.iter().map(|r| r.start_min).max().unwrap_or(0);
    let width = ((day_end - day_start_min) / interval_min + 1) as usize;
    let mut days: Vec<HistoryDay> = Vec::new();
    for row in rows {
        if days.last().is_none_or(|d| d.date != row.date) {
            days.push(HistoryDay {
                date: row.date,
                contacts: vec![0.0; width],
            });
        }
        if let Some(day) = days.last_mut() {
            day.contacts[((row.start_min - day_start_min) / interval_min) as usize] += row.contacts;
        }
    }
    let mut open_weekdays = [false; 7];
    for d in &days {
        open_weekdays[d.date.weekday()] = true;
    }
    let present: std::collections::HashSet<Date> = days.iter().map(|d| d.date).collect();
    let missing = (first.days()..=last.days())
        .map(Date::from_days)
        .filter(|d| open_weekdays[d.weekday()] && !present.contains(d))
        .collect();
    Ok(History {
        interval_min,
        day_start_min,
        days,
        open_weekdays,
        missing,
    })
}

impl History {
    /// Open days in a season (a week): 5 for a centre open Monday–Friday.
    pub fn season(&self) -> usize {
        self.open_weekdays.iter().filter(|o| **o).count()
    }

    /// Daily totals on the open-day calendar from the first to the last
    /// day: None for a missing day or one in `excluded` (a holiday or a
    /// campaign the user marked), so the model skips it; a day in
    /// `adjusted` counts at the total the planner corrected it to (an
    /// outage day at what it would have taken; a missing day whose records
    /// were lost at what it took).
    pub fn daily(&self, excluded: &[Date], adjusted: &[(Date, f64)]) -> Vec<(Date, Option<f64>)> {
        let (Some(first), Some(last)) = (self.days.first(), self.days.last()) else {
            return Vec::new();
        };
        let totals: std::collections::HashMap<Date, f64> =
            self.days.iter().map(|d| (d.date, d.total())).collect();
        (first.date.days()..=last.date.days())
            .map(Date::from_days)
            .filter(|d| self.open_weekdays[d.weekday()])
            .map(|d| {
                let corrected = adjusted.iter().find(|a| a.0 == d).map(|a| a.1);
                let total = corrected.or_else(|| totals.get(&d).copied());
                (d, total.filter(|_| !excluded.contains(&d)))
            })
            .collect()
    }

    /// The next `count` open days after the last day of history.
    pub fn next_open_days(&self, count: usize) -> Vec<Date> {
        let Some(last) = self.days.last() else {
            return Vec::new();
        };
        if self.season() == 0 {
            return Vec::new();
        }
        (1..)
            .map(|n| last.date.add_days(n))
            .filter(|d| self.open_weekdays[d.weekday()])
            .take(count)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_weekdays() {
        let d = Date::parse("2003-03-03").unwrap();
        assert_eq!(d.weekday(), 0, "a Monday");
        assert_eq!(Date::from_days(d.days()), d);
        assert_eq!(
            Date::parse("2004-02-29").map(|d| d.add_days(1).to_string()),
            Some("2004-03-01".into())
        );
        for bad in [
            "2003-02-29",
            "03-03-2003",
            "2003-13-01",
            "",
            "2003-1-1-1",
            "yesterday",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert_eq!(Date::parse("2003/3/3"), Some(d));
    }

    #[test]
    fn lines_are_read_with_a_problem_each() {
        let text = "date,time,calls\n2003-03-03,07:00,120\n2003-03-03,07:30,1,300\n2003-03-03,07:00,5\n\
                    2003-03-04,7:00,x\n2003-13-04,07:00,3\n2003-03-04,25:00,3\n2003-03-04,08:00,-2\n2003-03-04\n2003-03-02,07:00,9\n";
        let p = parse_history(text);
        assert_eq!(p.rows.len(), 2);
        assert!(p.unordered);
        assert_eq!(p.rows[0].date.to_string(), "2003-03-02");
        assert_eq!(
            p.problems,
            vec![
                (3, LineProblem::FieldCount(4, 3)),
                (4, LineProblem::Duplicate(2)),
                (5, LineProblem::Number(Column::Contacts, "x".into())),
                (6, LineProblem::Date("2003-13-04".into())),
                (7, LineProblem::Start("25:00".into())),
                (8, LineProblem::Range(Column::Contacts, -2.0)),
                (9, LineProblem::Columns(1)),
            ]
        );
    }

    fn contacts(p: &ParsedHistory) -> Vec<f64> {
        p.rows.iter().map(|r| r.contacts).collect()
    }

    #[test]
    fn decimal_and_thousands_marks_are_decided_by_the_whole_file() {
        // Semicolons: `100,5` is a decimal comma, so `1.062` groups thousands.
        let p = parse_history(
            "datum;zeit;anrufe;aht\n2003-03-03;07:00;100,5;318,5\n2003-03-03;07:30;1.062;300\n",
        );
        assert_eq!(
            (contacts(&p), p.problems.clone()),
            (vec![100.5, 1062.0], vec![])
        );
        assert_eq!(p.rows[0].aht_s, Some(318.5));
        // Tabs: `1.062,5` says the same; `1.062` read by it.
        let p = parse_history("2003-03-03\t07:00\t1.062,5\n2003-03-03\t07:30\t1.062\n");
        assert_eq!(contacts(&p), vec![1062.5, 1062.0]);
        // A decimal point decides the other way: `1,062` groups thousands.
        let p = parse_history("2003-03-03;07:00;1,062\n2003-03-03;07:30;99.5\n");
        assert_eq!(contacts(&p), vec![1062.0, 99.5]);
        // A number against the file's mark is refused at its line, not misread.
        let p = parse_history(
            "2003-03-03;07:00;100,5\n2003-03-03;07:30;7,25\n2003-03-03;08:00;100.5\n",
        );
        assert_eq!(contacts(&p), vec![100.5, 7.25]);
        assert_eq!(
            p.problems,
            vec![(4 - 1, LineProblem::Number(Column::Contacts, "100.5".into()))]
        );
        // A comma-separated file: a quoted `"2,073"` groups thousands, `1.062` is a decimal point.
        let p =
            parse_history("date,time,calls\n2003-03-03,09:00,\"2,073\"\n2003-03-03,09:30,1.062\n");
        assert_eq!(
            (contacts(&p), p.ambiguous.clone()),
            (vec![2073.0, 1.062], None)
        );
    }

    #[test]
    fn a_file_that_reads_two_ways_is_not_read_until_told() {
        for (text, line, number, dot, comma) in [
            (
                "date;time;calls\n2003-03-03;07:00;980\n2003-03-03;07:30;1.062\n",
                3,
                "1.062",
                1.062,
                1062.0,
            ),
            (
                "2003-03-03\t07:00\t1,200\n2003-03-03\t07:30\t980\n",
                1,
                "1,200",
                1200.0,
                1.2,
            ),
        ] {
            let p = parse_history(text);
            assert!(p.rows.is_empty() && p.problems.is_empty(), "{text:?}");
            let a = p.ambiguous.expect(text);
            assert_eq!(
                (a.line, a.number.as_str(), a.with_dot, a.with_comma),
                (line, number, dot, comma)
            );
            assert_eq!(a.line_text, lines(text).nth(line - 1).unwrap());
            let as_comma = parse_history_as(text, Some(DecimalMark::Comma));
            let as_dot = parse_history_as(text, Some(DecimalMark::Dot));
            assert!(contacts(&as_comma).contains(&comma) && contacts(&as_dot).contains(&dot));
        }
        let a = parse_history("x;y;z\n2003-03-03;07:00;1.062\n")
            .ambiguous
            .unwrap();
        assert_eq!(
            a.to_string(),
            "line 2: \"1.062\" reads as 1.062 with a decimal point or as 1062 with a decimal comma, and no number in the file says which"
        );
    }

    #[test]
    fn unquoted_thousands_in_a_comma_file_are_refused_at_their_line() {
        // The bank example with `2,073` unquoted: never contacts 2 with an AHT of 73.
        let p = parse_history("date,time,calls\n2003-03-03,08:30,980\n2003-03-03,09:00,2,073\n2003-03-03,09:30,1,950\n");
        assert_eq!(contacts(&p), vec![980.0]);
        assert_eq!(
            p.problems,
            vec![
                (3, LineProblem::FieldCount(4, 3)),
                (4, LineProblem::FieldCount(4, 3))
            ]
        );
        // Without a header, the count most lines have; trailing empty fields are no field.
        let p = parse_history("2003-03-03,08:30,980,\n2003-03-03,09:00,2,073\n2003-03-03,09:30,950\n2003-03-03,10:00,950,,\n");
        assert_eq!(contacts(&p), vec![980.0, 950.0, 950.0]);
        assert_eq!(p.problems, vec![(2, LineProblem::FieldCount(4, 3))]);
        // Fewer fields than the header's is no shifted reading either.
        let p =
            parse_history("date,time,calls,aht\n2003-03-03,08:30,980,300\n2003-03-03,09:00,980\n");
        assert_eq!(p.problems, vec![(3, LineProblem::FieldCount(3, 4))]);
    }

    #[test]
    fn a_stray_quote_spoils_its_own_line_only() {
        let mut text = String::from("date,time,calls\n2003-03-03,07:00,\"12\n");
        for h in 7..21 {
            text.push_str(&format!("2003-03-03,{h:02}:30,5\n"));
        }
        let p = parse_history(&text);
        assert_eq!(p.rows.len(), 14);
        assert_eq!(p.problems, vec![(2, LineProblem::Quote)]);
        // A quote inside a field is text (not a number); quotes that close are fine.
        let p = parse_history("2003-03-03,07:00,1\"2\n\"2003-03-03\",\"07:30\",\"3\"\n");
        assert_eq!(contacts(&p), vec![3.0]);
        assert_eq!(
            p.problems,
            vec![(1, LineProblem::Number(Column::Contacts, "1\"2".into()))]
        );
    }

    #[test]
    fn every_kind_of_line_end_counts_lines_the_same() {
        let lf = "date,time,calls\n2003-03-03,07:00,1\n\n2003-03-03,07:30,x\n2003-03-03,08:00,\"3\n2003-03-03,08:30,4\n";
        let crlf = lf.replace('\n', "\r\n");
        let cr = lf.replace('\n', "\r");
        let expected = parse_history(lf);
        assert_eq!(
            expected.problems.iter().map(|p| p.0).collect::<Vec<_>>(),
            vec![4, 5]
        );
        assert_eq!(
            expected.rows.iter().map(|r| r.line).collect::<Vec<_>>(),
            vec![2, 6]
        );
        for text in [&crlf, &cr] {
            assert_eq!(parse_history(text), expected, "{text:?}");
        }
        // The line limit holds for all three.
        for end in ["\n", "\r\n", "\r"] {
            let text = format!("2003-03-03,07:00,1{end}").repeat(MAX_LINES + 1);
            let p = parse_history(&text);
            assert_eq!(
                (p.too_long, p.rows.len()),
                (Some(MAX_LINES + 1), 0),
                "{end:?}"
            );
        }
    }

    #[test]
    fn days_on_one_grid_with_missing_days_named() {
        let rows = |lines: &[(&str, &str, f64)]| {
            let text: String = lines
                .iter()
                .map(|(d, t, c)| format!("{d},{t},{c}\n"))
                .collect();
            parse_history(&text).rows
        };
        // Mon 3rd and Wed 5th, Fri 7th (no Tue, Thu): Tue and Thu are not
        // open days; Mon 10th is missing before Tue 11th... keep it small.
        let h = assemble(&rows(&[
            ("2003-03-03", "07:00", 10.0),
            ("2003-03-03", "08:00", 20.0),
            ("2003-03-04", "07:30", 5.0),
            ("2003-03-10", "07:00", 7.0),
            ("2003-03-11", "07:00", 8.0),
        ]))
        .unwrap();
        assert_eq!(h.interval_min, 30);
        assert_eq!(h.day_start_min, 420);
        assert_eq!(h.days[0].contacts, vec![10.0, 0.0, 20.0]);
        assert_eq!(h.season(), 2, "Mondays and Tuesdays seen");
        assert!(h.missing.is_empty());
        let daily = h.daily(&[Date::parse("2003-03-10").unwrap()], &[]);
        assert_eq!(
            daily.iter().map(|d| d.1).collect::<Vec<_>>(),
            vec![Some(30.0), Some(5.0), None, Some(8.0)]
        );
        // Corrected totals, a missing Monday filled; a date off the calendar
        // (a Wednesday) changes nothing; left out wins over corrected.
        let monday_17 = Date::parse("2003-03-17").unwrap();
        let h2 = assemble(&rows(&[
            ("2003-03-03", "07:00", 10.0),
            ("2003-03-04", "07:00", 5.0),
            ("2003-03-11", "07:00", 8.0),
            ("2003-03-17", "07:00", 9.0),
        ]))
        .unwrap();
        let adjusted = [
            (Date::parse("2003-03-04").unwrap(), 6.5),
            (Date::parse("2003-03-10").unwrap(), 7.5),
            (Date::parse("2003-03-05").unwrap(), 1.0),
            (monday_17, 2.0),
        ];
        assert_eq!(
            h2.daily(&[monday_17], &adjusted)
                .iter()
                .map(|d| d.1)
                .collect::<Vec<_>>(),
            vec![Some(10.0), Some(6.5), Some(7.5), Some(8.0), None]
        );
        assert_eq!(
            h.next_open_days(3)
                .iter()
                .map(Date::to_string)
                .collect::<Vec<_>>(),
            ["2003-03-17", "2003-03-18", "2003-03-24"]
        );
        // Mixed granularity: starts 7 minutes apart fit no grid.
        assert_eq!(
            assemble(&rows(&[
                ("2003-03-03", "07:00", 1.0),
                ("2003-03-03", "07:07", 1.0)
            ])),
            Err(HistoryError::Granularity(7))
        );
        assert_eq!(assemble(&[]), Err(HistoryError::Empty));
        // A day of 30-minute lines beside a day of 15-minute ones.
        assert_eq!(
            assemble(&rows(&[
                ("2003-03-03", "07:00", 1.0),
                ("2003-03-03", "07:30", 1.0),
                ("2003-03-03", "08:00", 1.0),
                ("2003-03-03", "08:30", 1.0),
                ("2003-03-04", "07:00", 1.0),
                ("2003-03-04", "07:15", 1.0),
            ])),
            Err(HistoryError::Mixed(15, 30))
        );
        // Two lines an hour apart on a 30-minute day: a day with a gap.
        assert!(assemble(&rows(&[
            ("2003-03-03", "07:00", 1.0),
            ("2003-03-03", "08:00", 1.0),
            ("2003-03-04", "07:00", 1.0),
            ("2003-03-04", "07:30", 1.0),
        ]))
        .is_ok());
    }

    #[test]
    fn a_million_lines_are_refused_unread() {
        let text = "2003-03-03,07:00,1\n".repeat(MAX_LINES + 1);
        let p = parse_history(&text);
        assert_eq!(p.too_long, Some(MAX_LINES + 1));
        assert!(p.rows.is_empty());
    }
}
