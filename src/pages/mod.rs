pub mod compare;
pub mod scorecard;
pub mod staffing;
