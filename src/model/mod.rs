//! The app's model: what a user can set, how a typed text becomes a value,
//! and what the engine makes of it. Pure Rust with no browser in it, so all
//! of it is tested natively; `store` holds it in signals and components
//! only show it.
//!
//! | module | owns |
//! |---|---|
//! | `number` | reading numbers as people type and paste them |
//! | `limits` | every limit on what can be entered |
//! | `fields` | the typed field table: label, limits, kind, get and set |
//! | `staffing` | `StaffingInputs` and `compute` (interval, curve, day) |
//! | `scorecard` | `ScorecardSettings` and `project` (capacity plan, scorecard) |
//! | `scenario` | the saved form `Inputs`, `Scenario`, scenario-list operations |
//! | `example` | the built-in example |
//! | `compare` | scenarios side by side |
//! | `exercise` | classroom exercises: situation, question, the figure asked; answers computed, never carried |
//! | `learn` | the Learn page's live numbers: scale, pooling, trunks, C beside A |
//! | `math` | the worked example behind the staffing answer ("show the math") |
//! | `forecast` | the forecast page: history read, daily ETS, intraday shape, staffing for uncertainty |
//! | `schedule` | the schedule page: shift templates, the day's requirement covered by the engine's integer program, the service it gives |
//! | `shortfall` | why a capped schedule leaves intervals short, and what would cover them (issue 25, item 5) |
//! | `io` | files in and out as text: scenarios JSON, the CSV files written, intervals read from CSV or pasted cells |

pub mod compare;
pub mod example;
pub mod exercise;
pub mod fields;
pub mod forecast;
pub mod io;
pub mod learn;
pub mod limits;
pub mod math;
pub mod number;
pub mod scenario;
pub mod schedule;
pub mod scorecard;
pub mod shortfall;
pub mod staffing;
