//! Interval volumes read from a CSV file or from cells pasted from a
//! spreadsheet: one interval per line, a problem per line that cannot be
//! read, and what the commas mean when the text does not say.

use std::borrow::Cow;

use ccplan_engine::text::{
    decide_decimal_mark, lines, parse_number_as, split_fields, DecimalMark, Fields, UnclosedQuote,
};

use crate::model::limits::{valid_aht, valid_volume, MAX_DAY_INTERVALS};
use crate::model::number::parse_number;
use crate::model::staffing::parse_start;

/// One interval read from CSV or pasted cells.
#[derive(Debug, Clone, PartialEq)]
pub struct IntervalRow {
    /// 1-based line number in the text.
    pub line: usize,
    pub start: Option<String>,
    pub volume: f64,
    pub aht_s: Option<f64>,
}

/// Why a line was not read.
#[derive(Debug, Clone, PartialEq)]
pub enum RowProblem {
    /// The volume is not a number (the text found).
    Volume(String),
    /// The volume is negative or above 100 000.
    VolumeRange(f64),
    /// The AHT is not a number from 1 to 7 200 seconds (the text found).
    Aht(String),
    /// More than three columns.
    Columns(usize),
    /// More intervals than a day of 15-minute intervals.
    TooMany,
    /// A quote opened and not closed on the line.
    Quote,
}

/// What was read from intervals text: good rows and a problem per bad line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParsedIntervals {
    pub rows: Vec<IntervalRow>,
    pub problems: Vec<(usize, RowProblem)>,
    /// The commas could mean either thing (see [`Commas`]); nothing was
    /// read, the user must say which.
    pub ambiguous_commas: bool,
    /// One line of numbers that reads as a row of volumes and as one
    /// interval's `start; volume; AHT` (or `volume; AHT`): nothing was read,
    /// the user must say which (see [`PastedRow`]).
    pub ambiguous_row: Option<RowReadings>,
}

/// Issue 25, item 8: the two readings of a pasted line of numbers, shown
/// to the user so that they can pick one.
#[derive(Debug, Clone, PartialEq)]
pub struct RowReadings {
    /// A row of volumes, one per interval (a spreadsheet row copied).
    pub volumes: Vec<f64>,
    /// One interval: its start (`HH:MM`, when the line gave one), volume
    /// and AHT.
    pub interval: IntervalRow,
}

/// What a single pasted line of numbers is (issue 25, item 8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PastedRow {
    /// Decided from the line: a row of volumes unless it also reads as one
    /// interval's `start; volume; AHT` or `volume; AHT`, then asked.
    #[default]
    Auto,
    /// A row of volumes, one per interval.
    Volumes,
    /// One interval: `start; volume; AHT` or `volume; AHT`.
    Interval,
}

/// One line of pasted text as a day is planned from it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PastedLine<'a> {
    Good(&'a IntervalRow),
    /// A bad line keeps its interval, so that the lines after it stay at
    /// their times; it is planned as 0 contacts until it is fixed.
    Bad(usize, &'a RowProblem),
}

/// A day read from pasted text with its bad lines held at 0 contacts.
#[derive(Debug, Clone, PartialEq)]
pub struct DayWithGaps {
    pub volumes: Vec<f64>,
    /// Empty when no line gave its own AHT.
    pub ahts: Vec<Option<f64>>,
    /// Minutes after midnight, when the text gave start times.
    pub start_min: Option<f64>,
}

impl ParsedIntervals {
    /// Good and bad lines in the order of the text, one per interval, at
    /// most a day's worth (lines beyond that are left out, not held).
    pub fn planned_lines(&self) -> Vec<PastedLine<'_>> {
        let mut lines: Vec<(usize, PastedLine<'_>)> = self
            .rows
            .iter()
            .map(|row| (row.line, PastedLine::Good(row)))
            .chain(
                self.problems
                    .iter()
                    .filter(|(_, problem)| *problem != RowProblem::TooMany)
                    .map(|(line, problem)| (*line, PastedLine::Bad(*line, problem))),
            )
            .collect();
        lines.sort_by_key(|(line, _)| *line);
        lines.truncate(MAX_DAY_INTERVALS);
        lines.into_iter().map(|(_, line)| line).collect()
    }

    /// The day to plan when the user applies the good lines of a text with
    /// bad ones: each bad line is an interval of 0 contacts. The day starts
    /// where the first line with a start time says, counted back to the
    /// first line (`None` when that would fall before midnight).
    pub fn day_with_gaps(&self, interval_min: f64) -> Option<DayWithGaps> {
        let lines = self.planned_lines();
        if !lines.iter().any(|l| matches!(l, PastedLine::Good(_))) {
            return None;
        }
        let volumes = lines
            .iter()
            .map(|l| match l {
                PastedLine::Good(row) => row.volume,
                PastedLine::Bad(..) => 0.0,
            })
            .collect();
        let ahts: Vec<Option<f64>> = lines
            .iter()
            .map(|l| match l {
                PastedLine::Good(row) => row.aht_s,
                PastedLine::Bad(..) => None,
            })
            .collect();
        let start_min = lines.iter().enumerate().find_map(|(slot, l)| match l {
            PastedLine::Good(row) => row
                .start
                .as_deref()
                .and_then(parse_start)
                .map(|start| start - slot as f64 * interval_min),
            PastedLine::Bad(..) => None,
        });
        Some(DayWithGaps {
            ahts: if ahts.iter().any(Option::is_some) {
                ahts
            } else {
                Vec::new()
            },
            volumes,
            start_min: start_min.filter(|start| *start >= 0.0),
        })
    }
}

/// What a comma means in pasted text without tabs or semicolons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Commas {
    /// Decided from the text; ambiguous text is not read (see [`parse_intervals`]).
    #[default]
    Auto,
    /// Part of the numbers: thousands (`1,062`) or a decimal comma (`32,5`).
    InNumbers,
    /// Between columns (`volume,AHT` or `start,volume,AHT`), as in a CSV file.
    Columns,
}

fn number(text: &str) -> Option<f64> {
    parse_number(text).ok()
}

/// What the commas in `lines` mean when the user has not said: columns in
/// anything that looks like a CSV file (a header, quotes, start times); part
/// of the numbers when lines differ in commas and each line is one number
/// (`1,062` / `980` / `1,200`) or some lines have none. When every line has
/// the same commas, the reading that gives a valid day (volumes up to
/// 100 000, AHT from 1 to 7 200 s) wins (`120,300` is volume 120 with AHT
/// 300: 120 300 contacts is too many); `Auto` (ambiguous) when both do
/// (`1,062` / `1,200`: thousands, or volume and AHT?).
fn decide_commas(lines: &[&str]) -> Commas {
    let header = lines
        .first()
        .is_some_and(|l| l.chars().any(char::is_alphabetic));
    let csv_like = header || lines.iter().any(|l| l.contains(['"', ':']));
    if csv_like {
        return Commas::Columns;
    }
    let with_commas: Vec<&str> = lines.iter().copied().filter(|l| l.contains(',')).collect();
    if !with_commas.iter().all(|l| number(l).is_some()) {
        return Commas::Columns;
    }
    let commas = |l: &&str| l.matches(',').count();
    let first = with_commas.first().map(commas).unwrap_or(0);
    if with_commas.len() < lines.len() || !with_commas.iter().all(|l| commas(l) == first) {
        return Commas::InNumbers;
    }
    // Every line has the same commas: ask only if both readings give valid days.
    let as_numbers = lines.iter().all(|l| number(l).is_some_and(valid_volume));
    let as_columns = lines
        .iter()
        .all(|l| match l.split(',').collect::<Vec<_>>()[..] {
            [volume, aht] => {
                number(volume).is_some_and(valid_volume) && number(aht).is_some_and(valid_aht)
            }
            _ => false,
        });
    match (as_numbers, as_columns) {
        (true, true) => Commas::Auto,
        (true, false) => Commas::InNumbers,
        (false, _) => Commas::Columns,
    }
}

/// Reads intervals: one per line, as `volume`, `start, volume`,
/// `volume, AHT` (two numbers) or `start, volume, AHT`; separated by tabs
/// (cells pasted from a spreadsheet), semicolons or commas. Numbers are read
/// by [`parse_number`] (thousands separators, decimal comma, full-width
/// digits). Lines may end in LF, CRLF or CR alone. In text with tabs or
/// semicolons a comma is part of a number, and the decimal mark is one for
/// the whole text as its numbers say ([`decide_decimal_mark`]: `32,5` on
/// one line makes `1.062` on another 1062); otherwise `commas` says, or the
/// text decides (see [`decide_commas`]). A quote not closed on its line is
/// that line's problem.
/// A first line with no digit where the volume goes is a header and
/// skipped; blank lines too.
pub fn parse_intervals(text: &str, commas: Commas) -> ParsedIntervals {
    parse_pasted(text, commas, PastedRow::Auto)
}

/// A number that could be a start time written without a colon: an hour of
/// the day (`8`, `08`, `17`) or four digits `HHMM` (`0830`, `1730`). `100`
/// is not one (three digits), so `100;200;300` is plainly a row.
fn start_without_colon(text: &str) -> Option<String> {
    let text = text.trim();
    if !text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (hours, minutes) = match text.len() {
        1 | 2 => (text.parse::<u32>().ok()?, 0),
        4 => (
            text[..2].parse::<u32>().ok()?,
            text[2..].parse::<u32>().ok()?,
        ),
        _ => return None,
    };
    (hours < 24 && minutes < 60).then(|| format!("{hours:02}:{minutes:02}"))
}

/// The one-interval reading of a line of numbers: `volume; AHT` (two) or
/// `start; volume; AHT` (three, the start an hour or `HHMM`), when every
/// figure is valid.
fn interval_reading(
    line: usize,
    fields: &[&str],
    number: impl Fn(&str) -> Option<f64>,
) -> Option<IntervalRow> {
    let (start, volume, aht) = match fields {
        [volume, aht] => (None, *volume, *aht),
        [start, volume, aht] => (Some(start_without_colon(start)?), *volume, *aht),
        _ => return None,
    };
    let (volume, aht) = (number(volume)?, number(aht)?);
    (valid_volume(volume) && valid_aht(aht)).then_some(IntervalRow {
        line,
        start,
        volume,
        aht_s: Some(aht),
    })
}

/// [`parse_intervals`], and what a single line of numbers is: a line of two
/// or more numbers separated by tabs, semicolons or spaces (and nothing
/// else in the text) is a row of volumes, one per interval, as a
/// spreadsheet row copies (`100\t200\t300`); when it also reads as one
/// interval (`8;120;300`: start 08:00, 120 contacts, AHT 300 s; `100;250`:
/// 100 contacts, AHT 250 s) and `row` is [`PastedRow::Auto`], nothing is
/// read and `ambiguous_row` holds both readings for the user to choose.
pub fn parse_pasted(text: &str, commas: Commas, row: PastedRow) -> ParsedIntervals {
    let text = text.trim_start_matches('\u{feff}');
    let mut parsed = ParsedIntervals::default();
    if let Some(read) = read_row(text, row) {
        return read;
    }
    let delimiter = if text.contains('\t') {
        Some('\t')
    } else if text.contains(';') {
        Some(';')
    } else if !text.contains(',') {
        None
    } else {
        let lines: Vec<&str> = lines(text)
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        match (commas, decide_commas(&lines)) {
            (Commas::Columns, _) | (Commas::Auto, Commas::Columns) => Some(','),
            (Commas::InNumbers, _) | (Commas::Auto, Commas::InNumbers) => None,
            (Commas::Auto, Commas::Auto) => {
                parsed.ambiguous_commas = true;
                return parsed;
            }
        }
    };
    // Every line as the user sees it (blank lines counted; LF, CRLF and CR
    // alone end a line), split once: (line, its fields or an unclosed quote).
    let records: Vec<(usize, Result<Fields<'_>, UnclosedQuote>)> = lines(text)
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let fields = match delimiter {
                Some(delimiter) => split_fields(l, delimiter),
                None => Ok(vec![Cow::Borrowed(l.trim())]),
            };
            (i + 1, fields)
        })
        .collect();
    // With tabs or semicolons between the columns, one decimal mark for the
    // whole text, as its numbers say (`32,5` elsewhere makes `1.062` 1062);
    // when they do not, a comma groups thousands, as a typed number's does.
    let mark = matches!(delimiter, Some('\t' | ';')).then(|| {
        let fields = records
            .iter()
            .filter_map(|(_, r)| r.as_ref().ok())
            .flatten();
        decide_decimal_mark(fields.map(AsRef::as_ref), Some(DecimalMark::Dot))
            .unwrap_or(DecimalMark::Dot)
    });
    let number = |text: &str| match mark {
        Some(mark) => parse_number_as(text, mark).ok(),
        None => number(text),
    };
    let mut first = true;
    for (line, record) in &records {
        let line = *line;
        let Ok(record) = record else {
            parsed.problems.push((line, RowProblem::Quote));
            first = false;
            continue;
        };
        let fields: Vec<&str> = record.iter().map(AsRef::as_ref).collect();
        let (start, volume, aht) = match fields.as_slice() {
            [v] => (None, *v, None),
            [a, b] if number(a).is_some() && number(b).is_some() => (None, *a, Some(*b)),
            [s, v] => (Some(*s), *v, None),
            [s, v, a] => (Some(*s), *v, Some(*a).filter(|a| !a.is_empty())),
            more => {
                parsed
                    .problems
                    .push((line, RowProblem::Columns(more.len())));
                first = false;
                continue;
            }
        };
        // A header names its columns (no digit where the volume goes); a
        // malformed first volume (`12x`) is a problem like on any other line.
        let header = first
            && !volume
                .chars()
                .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
        first = false;
        if header {
            continue;
        }
        let problem = match (number(volume), aht.map(number)) {
            (None, _) => Some(RowProblem::Volume(volume.to_string())),
            (Some(v), _) if !valid_volume(v) => Some(RowProblem::VolumeRange(v)),
            (_, Some(a)) if !a.is_some_and(valid_aht) => {
                Some(RowProblem::Aht(aht.unwrap_or_default().to_string()))
            }
            _ => None,
        };
        match problem {
            Some(problem) => parsed.problems.push((line, problem)),
            None if parsed.rows.len() >= MAX_DAY_INTERVALS => {
                parsed.problems.push((line, RowProblem::TooMany));
                break;
            }
            None => parsed.rows.push(IntervalRow {
                line,
                start: start.map(str::to_string),
                volume: number(volume).unwrap_or(0.0),
                aht_s: aht.and_then(number),
            }),
        }
    }
    parsed
}

/// The reading of a text that is one line of numbers (see
/// [`parse_pasted`]); `None` for any other text, read as a column.
fn read_row(text: &str, row: PastedRow) -> Option<ParsedIntervals> {
    let mut non_blank = lines(text)
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let (index, only) = non_blank.next()?;
    if non_blank.next().is_some() {
        return None;
    }
    let line = index + 1;
    let only = only.trim();
    let delimiter = if only.contains('\t') {
        '\t'
    } else if only.contains(';') {
        ';'
    } else if only.contains(',') || number(only).is_some_and(valid_volume) {
        // Commas are decided as a column's are; `1 062` is one number.
        return None;
    } else {
        ' '
    };
    let fields: Vec<String> = if delimiter == ' ' {
        only.split_whitespace().map(str::to_string).collect()
    } else {
        split_fields(only, delimiter)
            .ok()?
            .into_iter()
            .map(|f| f.trim().to_string())
            .collect()
    };
    let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
    // One decimal mark for the line, as a column's tabs or semicolons have.
    let mark = decide_decimal_mark(fields.iter().copied(), Some(DecimalMark::Dot))
        .unwrap_or(DecimalMark::Dot);
    let read = |text: &str| parse_number_as(text, mark).ok();
    let volumes: Vec<f64> = fields.iter().map(|f| read(f)).collect::<Option<_>>()?;
    if volumes.len() < 2 {
        return None;
    }
    let interval = interval_reading(line, &fields, read);
    let mut parsed = ParsedIntervals::default();
    match (row, interval) {
        (PastedRow::Interval, Some(interval)) => parsed.rows.push(interval),
        // Not an interval after all: read as a column's line would be.
        (PastedRow::Interval, None) => return None,
        (PastedRow::Auto, Some(interval)) => {
            parsed.ambiguous_row = Some(RowReadings { volumes, interval });
        }
        (PastedRow::Auto | PastedRow::Volumes, _) => {
            if let Some(bad) = volumes.iter().copied().find(|v| !valid_volume(*v)) {
                parsed.problems.push((line, RowProblem::VolumeRange(bad)));
                return Some(parsed);
            }
            for volume in volumes {
                if parsed.rows.len() >= MAX_DAY_INTERVALS {
                    parsed.problems.push((line, RowProblem::TooMany));
                    break;
                }
                parsed.rows.push(IntervalRow {
                    line,
                    start: None,
                    volume,
                    aht_s: None,
                });
            }
        }
    }
    Some(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_lines_hold_their_intervals_at_zero_contacts() {
        let parsed = parse_intervals(
            "start,volume,aht\n08:00,abc,300\n08:30,150,240\n09:00,-4\n09:30,90",
            Commas::Auto,
        );
        assert_eq!(parsed.problems.len(), 2);
        let day = parsed.day_with_gaps(30.0).unwrap();
        assert_eq!(day.volumes, vec![0.0, 150.0, 0.0, 90.0]);
        assert_eq!(day.ahts, vec![None, Some(240.0), None, None]);
        // The first good line starts at 08:30 and is the second interval.
        assert_eq!(day.start_min, Some(480.0));
        let bad: Vec<usize> = parsed
            .planned_lines()
            .iter()
            .filter_map(|l| match l {
                PastedLine::Bad(line, _) => Some(*line),
                PastedLine::Good(_) => None,
            })
            .collect();
        assert_eq!(bad, vec![2, 4]);
    }

    #[test]
    fn a_day_with_gaps_needs_a_good_line_and_stops_at_a_full_day() {
        assert_eq!(
            parse_intervals("abc\nx1\n", Commas::Auto).day_with_gaps(30.0),
            None
        );
        let long = format!("x1\n{}", "5\n".repeat(MAX_DAY_INTERVALS + 3));
        let day = parse_intervals(&long, Commas::Auto)
            .day_with_gaps(15.0)
            .unwrap();
        assert_eq!(day.volumes.len(), MAX_DAY_INTERVALS);
        assert_eq!(day.volumes[0], 0.0);
        assert_eq!(day.ahts, Vec::<Option<f64>>::new());
        // A start that would put the first (bad) line before midnight is not used.
        let early = parse_intervals("x1\n00:00\t5", Commas::Auto)
            .day_with_gaps(30.0)
            .unwrap();
        assert_eq!(early.start_min, None);
    }

    #[test]
    fn commas_in_pasted_columns() {
        /// Text, what the user said of commas, volumes read, AHTs read.
        type Case<'a> = (&'a str, Commas, &'a [f64], &'a [Option<f64>]);
        let cases: [Case; 10] = [
            // A spreadsheet column with thousands separators: commas differ per line.
            (
                "1,062\n980\n1,200\n",
                Commas::Auto,
                &[1062.0, 980.0, 1200.0],
                &[None, None, None],
            ),
            (
                "1,062\n980\nabc\n",
                Commas::Auto,
                &[1062.0, 980.0],
                &[None, None],
            ),
            // Lines that read both ways, read as the user says.
            (
                "1,062\n1,200\n",
                Commas::InNumbers,
                &[1062.0, 1200.0],
                &[None, None],
            ),
            (
                "1,062\n1,200\n",
                Commas::Columns,
                &[1.0, 1.0],
                &[Some(62.0), Some(200.0)],
            ),
            // Decimal commas in a semicolon file; thousands and full width after a tab.
            (
                "08:00;32,5\n08:30;1 062,5",
                Commas::Auto,
                &[32.5, 1062.5],
                &[None, None],
            ),
            (
                "08:00\t1,062\t２４０\n08:30\t980",
                Commas::Auto,
                &[1062.0, 980.0],
                &[Some(240.0), None],
            ),
            // Files with a header, quotes or start times are CSV: commas separate.
            (
                "\"1,062\",300\n980,240",
                Commas::Auto,
                &[1062.0, 980.0],
                &[Some(300.0), Some(240.0)],
            ),
            (
                "120,300\n150,240",
                Commas::Auto,
                &[120.0, 150.0],
                &[Some(300.0), Some(240.0)],
            ),
            (
                "08:00,120\n08:30,150",
                Commas::Auto,
                &[120.0, 150.0],
                &[None, None],
            ),
            (
                "interval_start,volume\n08:00,1\n",
                Commas::Auto,
                &[1.0],
                &[None],
            ),
        ];
        for (text, commas, volumes, ahts) in cases {
            let parsed = parse_intervals(text, commas);
            let read: Vec<f64> = parsed.rows.iter().map(|r| r.volume).collect();
            let read_ahts: Vec<Option<f64>> = parsed.rows.iter().map(|r| r.aht_s).collect();
            assert_eq!(
                (read.as_slice(), read_ahts.as_slice()),
                (volumes, ahts),
                "{text:?}"
            );
        }
        let with_typo = parse_intervals("1,062\n980\nabc\n", Commas::Auto);
        assert_eq!(
            with_typo.problems,
            vec![(3, RowProblem::Volume("abc".into()))]
        );
        // Every line reads both ways: ask.
        for text in ["1,062\n1,200\n", "32,5\n40,25"] {
            let both = parse_intervals(text, Commas::Auto);
            assert!(both.ambiguous_commas && both.rows.is_empty() && both.problems.is_empty());
        }
        let big = parse_intervals("1,062,000\n2,000,500", Commas::Auto);
        assert!(!big.problems.is_empty(), "neither reading is a valid day");
    }

    #[test]
    fn one_decimal_mark_for_the_whole_paste_and_a_stray_quote_at_its_line() {
        let volumes = |p: &ParsedIntervals| p.rows.iter().map(|r| r.volume).collect::<Vec<_>>();
        // `32,5` says the comma is decimal: `1.062` groups thousands (alone it is 1.062).
        let p = parse_intervals("08:00;1.062\r08:30;32,5\r", Commas::Auto);
        assert_eq!(volumes(&p), [1062.0, 32.5]);
        assert_eq!(
            volumes(&parse_intervals("08:00;1.062", Commas::Auto)),
            [1.062]
        );
        let p = parse_intervals("08:00\t1,062\n08:30\t32.5\n09:00\t100,5", Commas::Auto);
        assert_eq!(volumes(&p), [1062.0, 32.5]);
        assert_eq!(p.problems, vec![(3, RowProblem::Volume("100,5".into()))]);
        let p = parse_intervals("start,volume\n08:00,\"12\n08:30,5\n", Commas::Auto);
        assert_eq!(volumes(&p), [5.0]);
        assert_eq!(p.problems, vec![(2, RowProblem::Quote)]);
    }

    #[test]
    fn line_ends_and_headers() {
        let mac = parse_intervals("interval_start,volume\r08:00,50\r08:30,60\r", Commas::Auto);
        assert_eq!(mac.rows.len(), 2);
        assert_eq!(mac.rows[1].line, 3);
        let malformed = parse_intervals("12x\n20\n", Commas::Auto);
        assert_eq!(
            malformed.problems,
            vec![(1, RowProblem::Volume("12x".into()))]
        );
        let named = parse_intervals("时段\t来电量\n08:00\t１２０\n", Commas::Auto);
        assert_eq!(named.rows.len(), 1);
        assert!(named.problems.is_empty());
    }

    #[test]
    fn pasted_cells_and_csv_files() {
        let one = parse_intervals("120\n135\n\n150\n", Commas::Auto);
        assert_eq!(
            one.rows.iter().map(|r| r.volume).collect::<Vec<_>>(),
            [120.0, 135.0, 150.0]
        );
        assert!(one.problems.is_empty());
        let two = parse_intervals("08:00\t120\n08:30\t1 135\n", Commas::Auto);
        assert_eq!(two.rows[1].start.as_deref(), Some("08:30"));
        assert_eq!(two.rows[1].volume, 1135.0);
        let three = parse_intervals("interval_start,volume,aht_s\r\n08:00,62,318\r\n08:30,95,\r\n09:00,x,300\r\n09:30,-4\r\n10:00,5,0\r\n", Commas::Auto);
        assert_eq!(three.rows.len(), 2);
        assert_eq!(three.rows[0].aht_s, Some(318.0));
        assert_eq!(three.rows[1].aht_s, None);
        assert_eq!(
            three.problems,
            vec![
                (4, RowProblem::Volume("x".into())),
                (5, RowProblem::VolumeRange(-4.0)),
                (6, RowProblem::Aht("0".into()))
            ]
        );
        // One line of two numbers reads two ways (issue 25, item 8): asked,
        // and read as one interval when the user says so.
        let numbers = parse_pasted("100;250\n", Commas::Auto, PastedRow::Interval);
        assert_eq!(
            (numbers.rows[0].volume, numbers.rows[0].aht_s),
            (100.0, Some(250.0))
        );
        assert!(parse_intervals("100;250\n", Commas::Auto)
            .ambiguous_row
            .is_some());
        let blank = parse_intervals("10\n\n\nabc\n20", Commas::Auto);
        assert_eq!(blank.problems, vec![(4, RowProblem::Volume("abc".into()))]);
        let wide = parse_intervals("a\tb\tc\td\n", Commas::Auto);
        assert_eq!(wide.problems, vec![(1, RowProblem::Columns(4))]);
        let many = parse_intervals(&"1\n".repeat(MAX_DAY_INTERVALS + 3), Commas::Auto);
        assert_eq!(many.rows.len(), MAX_DAY_INTERVALS);
        assert_eq!(
            many.problems.last().map(|p| &p.1),
            Some(&RowProblem::TooMany)
        );
    }

    /// Issue 25, item 8: a spreadsheet row pasted is a row of volumes.
    #[test]
    fn a_line_of_numbers_is_a_row_of_volumes_or_asked() {
        let volumes = |p: &ParsedIntervals| p.rows.iter().map(|r| r.volume).collect::<Vec<_>>();
        let six = parse_intervals("100\t200\t300\t400\t500\t600", Commas::Auto);
        assert_eq!(volumes(&six), [100.0, 200.0, 300.0, 400.0, 500.0, 600.0]);
        assert!(six.problems.is_empty() && six.ambiguous_row.is_none());
        assert!(six
            .rows
            .iter()
            .all(|r| r.aht_s.is_none() && r.start.is_none()));
        let day = six.day_with_gaps(30.0).unwrap();
        assert_eq!(day.volumes.len(), 6);
        assert_eq!((day.ahts.len(), day.start_min), (0, None));
        // `100` is no start time: three intervals, not one at "100".
        let three = parse_intervals("100;200;300", Commas::Auto);
        assert_eq!(volumes(&three), [100.0, 200.0, 300.0]);
        // Spaces, a trailing tab, CRLF, decimal commas after semicolons.
        assert_eq!(
            volumes(&parse_intervals("100 200 300 400\r\n", Commas::Auto)),
            [100.0, 200.0, 300.0, 400.0]
        );
        assert_eq!(
            volumes(&parse_intervals("\n100\t20\t30\t\n\n", Commas::Auto)),
            [100.0, 20.0, 30.0]
        );
        assert_eq!(
            volumes(&parse_intervals("32,5;40;12,25;8", Commas::Auto)),
            [32.5, 40.0, 12.25, 8.0]
        );
        // `1 062` typed alone stays one number.
        assert_eq!(volumes(&parse_intervals("1 062", Commas::Auto)), [1062.0]);
        // An hour (or HHMM) first, a volume, then an AHT: asked, nothing read.
        for (text, start) in [
            ("8;120;300", "08:00"),
            ("0830\t120\t300", "08:30"),
            ("17 120 300", "17:00"),
        ] {
            let asked = parse_intervals(text, Commas::Auto);
            assert!(
                asked.rows.is_empty() && asked.problems.is_empty(),
                "{text:?}"
            );
            let both = asked.ambiguous_row.expect(text);
            assert_eq!(both.volumes.len(), 3);
            assert_eq!(
                (
                    both.interval.start.as_deref(),
                    both.interval.volume,
                    both.interval.aht_s
                ),
                (Some(start), 120.0, Some(300.0))
            );
            let as_row = parse_pasted(text, Commas::Auto, PastedRow::Volumes);
            assert_eq!(volumes(&as_row), both.volumes);
            let one = parse_pasted(text, Commas::Auto, PastedRow::Interval);
            assert_eq!(one.rows, vec![both.interval.clone()]);
            let day = one.day_with_gaps(30.0).unwrap();
            assert_eq!(day.start_min, parse_start(start));
        }
        // 9 000 s is no AHT, 24 no hour: plainly rows.
        assert_eq!(volumes(&parse_intervals("100;9000", Commas::Auto)).len(), 2);
        assert_eq!(
            volumes(&parse_intervals("24;120;300", Commas::Auto)).len(),
            3
        );
        // A volume out of range makes the line a problem; a row longer than a day stops.
        let bad = parse_intervals("100\t-5\t300", Commas::Auto);
        assert_eq!(bad.problems, vec![(1, RowProblem::VolumeRange(-5.0))]);
        assert!(bad.rows.is_empty());
        let long = parse_intervals(&"5\t".repeat(MAX_DAY_INTERVALS + 2), Commas::Auto);
        assert_eq!(long.rows.len(), MAX_DAY_INTERVALS);
        assert_eq!(
            long.problems.last().map(|p| &p.1),
            Some(&RowProblem::TooMany)
        );
        // Two lines are a column, as before.
        assert_eq!(
            parse_intervals("100;250\n120;240", Commas::Auto).rows.len(),
            2
        );
    }

    /// Hostile text in every shape a paste or a file can take: whatever
    /// comes in, every row read is a valid interval and nothing panics.
    #[test]
    fn hostile_interval_text_never_gives_an_invalid_row() {
        let mut corpus: Vec<String> = [
            "",
            "\u{feff}",
            "\r\r\r",
            ",,,,",
            "\t\t\t",
            ";;;",
            "\"",
            "\"\"\"",
            "NaN",
            "inf",
            "-inf",
            "1e999",
            "-0",
            "0x10",
            "１２３４５６",
            "－５",
            "1,0,0,0",
            "1 0 0",
            "1.2.3",
            "=HYPERLINK(\"a\",\"b\"),5",
            "08:00,1e308,300",
            "08:00,5,1e308",
            "08:00,5,-300",
            "99:99,5",
            "\u{202e}08:00,5",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        corpus.push("9".repeat(10_000));
        corpus.push(",".repeat(10_000));
        corpus.push("1\n".repeat(1_000));
        // Random lines from a fixed seed (a linear congruential generator).
        let alphabet: Vec<char> = "0123456789,.;:\t \n\r-+eE\"x１，．\u{a0}".chars().collect();
        let mut seed: u64 = 20_261_123;
        for _ in 0..300 {
            let mut text = String::new();
            for _ in 0..40 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                text.push(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            corpus.push(text);
        }
        for text in &corpus {
            for (commas, row) in [
                (Commas::Auto, PastedRow::Auto),
                (Commas::InNumbers, PastedRow::Volumes),
                (Commas::Columns, PastedRow::Interval),
            ] {
                let parsed = parse_pasted(text, commas, row);
                assert!(parsed.rows.len() <= MAX_DAY_INTERVALS, "{text:?}");
                for row in &parsed.rows {
                    assert!(valid_volume(row.volume), "{text:?}: {row:?}");
                    assert!(row.aht_s.is_none_or(valid_aht), "{text:?}: {row:?}");
                    assert!(row.line >= 1, "{text:?}");
                }
            }
        }
    }
}
