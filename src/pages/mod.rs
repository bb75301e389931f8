pub mod staffing;
