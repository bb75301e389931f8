pub mod compare;
pub mod forecast;
pub mod learn;
pub mod scorecard;
pub mod staffing;
