//! # ccplan-engine
//!
//! Exact queueing models for contact-centre staffing, with no dependency on
//! the browser: Erlang B ([`erlang_b`]), Erlang C ([`erlang_c`]) and Erlang A
//! ([`erlang_a`]); required agents, FTE and staffing curves ([`staffing`]);
//! interval day plans and their reverse ([`plan`]); staffing for an
//! uncertain forecast: expected service level, chance of meeting the target
//! ([`uncertainty`]); a seeded queue simulation for teaching ([`simulation`]).
//!
//! Every function validates its input and returns [`Error`] rather than
//! panicking; no output is ever NaN or infinite.

#![forbid(unsafe_code)]
// Constants and reference values are quoted with the digits their source
// gives; the compiler rounds them to the nearest double.
#![allow(clippy::excessive_precision)]

pub mod allocate;
pub mod capacity;
pub mod erlang_a;
pub mod erlang_b;
pub mod erlang_c;
mod error;
pub mod ets;
pub mod forecast;
pub mod history;
mod optimize;
pub mod plan;
#[cfg(test)]
mod prec;
mod quadrature;
pub mod schedule;
pub mod scorecard;
pub mod simulation;
mod special;
pub mod staffing;
pub mod text;
pub mod uncertainty;

pub use error::{
    Error, Result, Shown, MAX_AGENTS, MAX_CURVE_POINTS, MAX_INTERVALS, MAX_QUEUE_STATES,
    MAX_TRAFFIC,
};
