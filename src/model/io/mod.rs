//! Files in and out, as text: pure functions (no browser, no page words);
//! the browser side (downloads, the file picker) is in `download` and the
//! components.
//!
//! | module | owns |
//! |---|---|
//! | `scenarios_json` | the scenarios file: export, import (renaming, never overwriting), `ImportProblem` |
//! | `csv_out` | the CSV files written (intervals, months, forecast, schedule, coverage), their own column and day names, `CsvError` |
//! | `intervals_in` | `parse_intervals`: a day's intervals from CSV or pasted cells, `Commas`, a problem per bad line, the day with bad lines held at 0 |

pub mod csv_out;
pub mod intervals_in;
pub mod scenarios_json;
