//! One component per file. Components read the store and render; the
//! numbers they show come from `model` (the engine), never from
//! arithmetic of their own.

pub mod chart_backend;
pub mod chart_canvas;
pub mod chart_table;
pub mod check_box;
pub mod coverage_chart;
pub mod currency_switch;
pub mod curve_table;
pub mod day_table;
pub mod exercise_card;
pub mod flag_message;
pub mod folded_table;
pub mod forecast_chart;
pub mod history_import;
pub mod import_review;
pub mod interval_import;
pub mod intraday;
pub mod kpi_entry;
pub mod labelled_select;
pub mod lang_switch;
pub mod link_notice;
pub mod live_queue;
pub mod monthly_chart;
pub mod nav;
pub mod notice_bar;
pub mod number_box;
pub mod number_field;
pub mod panel;
pub mod phone_summary;
pub mod removable_chip;
pub mod results_panel;
pub mod scenario_bar;
pub mod scorecard_summary;
pub mod scorecard_table;
pub mod share_box;
pub mod shift_editor;
pub mod show_math;
pub mod simulated_days;
pub mod staffing_curve;
pub mod stale_notice;
pub mod storage_notice;
pub mod term_link;
pub mod text_entry;
