//! Staffing on top of the queueing models, one concept per file:
//!
//! - [`targets`](Targets): the model to staff with ([`Model`]) and what the
//!   staffing must meet ([`Targets`], each target a [`Limit`]), valid by
//!   construction;
//! - figures: one set of figures for either model ([`Metrics`], [`metrics`]);
//! - search: the required number of agents for a set of targets
//!   ([`required_agents`]) and what each target needs alone
//!   ([`requirement_by_limit`]), with the Erlang A search in its own file;
//! - curves: the figures over a range of staffings, for charts
//!   ([`staffing_curve`]);
//! - fte: scheduled FTE after shrinkage ([`scheduled_fte`]);
//! - batch: many requirement searches at once, sharing work
//!   ([`required_agents_each`]).

mod batch;
mod curves;
mod erlang_a_search;
mod figures;
mod fte;
mod search;
mod targets;

pub use batch::{required_agents_each, Search};
pub use curves::{staffing_curve, CurvePoint};
pub(crate) use figures::metrics_given;
pub use figures::{metrics, Metrics};
pub use fte::scheduled_fte;
pub(crate) use search::{erlang_c_first, required_agents_near};
pub use search::{required_agents, requirement_by_limit, LimitRequirement, Requirement};
pub use targets::{Limit, Model, Targets};
