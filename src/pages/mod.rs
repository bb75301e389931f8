pub mod compare;
pub mod learn;
pub mod scorecard;
pub mod staffing;
