pub mod scorecard;
pub mod staffing;
