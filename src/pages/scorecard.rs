//! The scorecard page: capacity-plan inputs on the left; the answer, three
//! charts and the balanced scorecard on the right.
//!
//! The page is a list of its sections, each in its own file below
//! `scorecard/` (they belong to this page alone):
//!
//! | module | owns |
//! |---|---|
//! | `plan_inputs` | the inputs panel, rebuilt when inputs are replaced |
//! | `demand_fields` | demand: first month, horizon, volume, growth, seasonality, contacts avoided, AHT trend |
//! | `seasonality` | the twelve seasonal indices |
//! | `staff_fields` | staff: open days and hours, headcount, attrition, hiring, training |
//! | `ramp_box` | the new hires' AHT multipliers by month, as typed |
//! | `entered_kpis` | the KPIs a planner enters rather than the plan computes |
//! | `plan_outputs` | the answer: status, summary, charts, scorecard, CSV |

mod demand_fields;
mod entered_kpis;
mod plan_inputs;
mod plan_outputs;
mod ramp_box;
mod seasonality;
mod staff_fields;

use leptos::prelude::*;

#[component]
pub fn ScorecardPage() -> impl IntoView {
    view! {
        <div class="page scorecard-page">
            <plan_inputs::PlanInputs />
            <plan_outputs::PlanOutputs />
        </div>
    }
}
