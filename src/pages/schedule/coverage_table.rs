//! The coverage of the day shown, folded: each interval's agents required
//! and scheduled, the gap, and the service level the scheduled agents give.

use leptos::prelude::*;

use crate::components::folded_table::FoldedTable;
use crate::format::percent;
use crate::i18n::Key;
use crate::model::staffing::interval_label;
use crate::store::use_store;

#[component]
pub fn CoverageTable(shown_day: RwSignal<usize>) -> impl IntoView {
    let store = use_store();
    let rows = move || {
        let day = shown_day.get();
        store.with_solved(|o, r| {
            let range = o.day_rows(day);
            Some(o.requirement[range.clone()].iter().zip(&r.schedule.coverage[range.clone()]).zip(&r.service_level[range]).enumerate().map(|(i, ((need, have), sl))| {
                let gap = i64::from(*have) - i64::from(*need);
                let short = gap < 0;
                view! {
                    <tr class:short=short>
                        <td>{interval_label(i, f64::from(o.interval_min), f64::from(o.day_start_min))}</td>
                        <td>{*need}</td>
                        <td>{*have}</td>
                        <td>{if gap > 0 { format!("+{gap}") } else { gap.to_string() }}</td>
                        <td>{sl.map_or_else(|| "—".to_string(), percent)}</td>
                    </tr>
                }
            }).collect_view())
        })
    };
    view! {
        <FoldedTable summary=Key::CoverageTable test_id="coverage-table"
            columns=vec![Key::ColStart, Key::ColRequired, Key::ColScheduled, Key::ColGap, Key::ColServiceLevel]>
            {rows}
        </FoldedTable>
    }
}
