pub mod compare;
pub mod forecast;
pub mod learn;
pub mod schedule;
pub mod scorecard;
pub mod staffing;
