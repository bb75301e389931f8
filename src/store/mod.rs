//! The reactive store: the signals every component shares, provided once as
//! context. The staffing inputs and the scorecard settings are separate
//! signals, so a keystroke on one page recomputes only what depends on it.
//! Persistence goes through `storage` only, from here:
//!
//! | module | owns |
//! |---|---|
//! | `route` | the page shown, from the URL fragment |
//! | `prefs` | the interface language |
//! | `autosave` | saving the current inputs a moment after a change |
//! | `link` | opening a share link, making one |
//! | `scenarios` | named scenarios (operations from `model::scenario`) |
//! | `forecast` | the forecast page's history, settings and outcome |
//! | `schedule` | the schedule page's templates and the worker's schedule |
//! | `projection` | the scorecard's projection and heavy days, from the worker |
//! | `commands` | what pages ask of the store: each user action's field writes |
//! | `latest` | `Latest`: only the newest request's answer is applied |

mod autosave;
mod commands;
mod compare;
pub mod forecast;
mod latest;
mod link;
mod prefs;
mod projection;
pub mod route;
mod scenarios;
pub mod schedule;

use ccplan_engine::scorecard::KpiId;
use leptos::prelude::*;
use std::collections::BTreeSet;

pub use crate::engine_worker::EngineWorker;
use crate::format::Currency;
use crate::handover::Handover;
use crate::i18n::Lang;
use crate::model::compare::Choice;
use crate::model::fields::Field;
use crate::model::scenario::{Inputs, Scenario};
use crate::model::scorecard::{Projection, ScorecardSettings};
use crate::model::staffing::{compute, Computed, Outcome, Problem, StaffingInputs};
use crate::share::LinkError;
use crate::storage::{self, Notice, SaveTarget};
use ccplan_engine::plan::DayPlan;
pub use commands::Budget;
pub use latest::Latest;
pub use route::Route;

/// A box whose text is not a value the model accepts (so the results do
/// not reflect it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum BoxId {
    Field(Field),
    Season(usize),
    Entered(KpiId),
    Target(KpiId),
    Ramp,
}

/// A save that failed, and whether the notice of it is still shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SaveFailure {
    pub target: SaveTarget,
    pub notice: Notice,
    pub shown: bool,
}

#[derive(Clone, Copy)]
pub struct Store {
    pub staffing: RwSignal<StaffingInputs>,
    pub scorecard: RwSignal<ScorecardSettings>,
    /// The interval, curve and day: reads only the staffing inputs. A heavy
    /// day is planned in the worker and pending until it answers.
    pub outcome: Memo<Outcome>,
    /// The capacity plan and scorecard, computed in a Web Worker while the
    /// scorecard page is shown; "computing" until the first answer.
    pub projection: Memo<Computed<Projection>>,
    /// Whether `projection` answers the latest inputs (no request in flight).
    pub projection_settled: Signal<bool>,
    /// The scorecard's requests to the worker, and its latest answer.
    projections: Latest,
    projected: RwSignal<Option<Result<Projection, Problem>>>,
    /// Whether the day is too heavy for the page (`compute` left it pending).
    pub day_pending: Memo<bool>,
    /// The worker's plan of a heavy day, with the inputs it is for.
    planned_day: RwSignal<Option<(StaffingInputs, Result<DayPlan, Problem>)>>,
    /// The worker that computes plans and heavy days off the page's thread.
    pub engine: EngineWorker,
    pub route: RwSignal<Route>,
    /// Name of the scenario opened from a share link; while set, nothing is
    /// saved automatically (the link is an unsaved copy).
    pub from_link: RwSignal<Option<String>>,
    /// Why the last share link was refused.
    pub link_problem: RwSignal<Option<LinkError>>,
    pub lang: RwSignal<Lang>,
    /// The currency money is shown in; saved once chosen.
    pub currency: RwSignal<Currency>,
    /// Whether CSV downloads start with a UTF-8 byte-order mark (default on); saved once chosen.
    pub csv_bom: RwSignal<bool>,
    pub notice: RwSignal<Option<Notice>>,
    /// Saves that failed, each until its own next save succeeds (one key's
    /// success never hides another's failure); `shown` until dismissed.
    pub save_failures: RwSignal<Vec<SaveFailure>>,
    pub scenarios: RwSignal<Vec<Scenario>>,
    /// Bumped when inputs are replaced wholesale (a scenario loaded), so
    /// fields drop whatever half-typed text they hold.
    pub revision: RwSignal<u32>,
    /// Boxes holding text that is not a valid value.
    pub invalid: RwSignal<BTreeSet<BoxId>>,
    /// The compare page's choice, in the order picked; `None` until the
    /// page first opens.
    pub compare_choice: RwSignal<Option<Vec<Choice>>>,
    pub forecast: forecast::ForecastStore,
    pub schedule: schedule::ScheduleStore,
    // Issue 25, item 9: what "Load" replaced, until undone or dismissed.
    pub undo_load: RwSignal<Option<scenarios::UndoLoad>>,
}

impl Store {
    /// The store of every page (the whole app): reads what was saved, or
    /// takes over from the first visit's app ([`Handover`]), and starts
    /// the autosave and every page's work in the engine worker.
    pub fn provide(handover: Option<Handover>) -> Store {
        let (forecast, forecast_notice) = forecast::ForecastStore::load();
        let compare_choice = storage::load_compare_choice()
            .map(|ids| ids.iter().filter_map(|id| Choice::from_id(id)).collect());
        let store = Store::read(handover, forecast, forecast_notice, compare_choice);
        store.follow_compare_choice();
        store.project_in_worker();
        store.plan_day_in_worker();
        store.follow_forecast();
        store.follow_forecast_needs();
        store.follow_schedule();
        store
    }

    /// The store of the staffing page alone, for the first visit's small
    /// app (`first_visit`): no forecast, no worker. The other pages, and a
    /// day too heavy for the page, are the whole app's, which takes over.
    pub fn provide_staffing_page() -> Store {
        Store::read(None, forecast::ForecastStore::empty(), None, None)
    }

    /// The signals, from `handover` or from storage (recovering from bad
    /// data), provided as context, with what every page needs running: the
    /// share link in the URL, the autosave, the preferences, other tabs and
    /// the route.
    fn read(
        handover: Option<Handover>,
        forecast: forecast::ForecastStore,
        forecast_notice: Option<Notice>,
        compare_choice: Option<Vec<Choice>>,
    ) -> Store {
        let mut first_notice = None;
        let mut taken_over = None;
        let inputs = match handover {
            Some(handover) => {
                let inputs = handover.inputs.clone();
                first_notice = handover.notice;
                taken_over = Some(handover);
                inputs
            }
            None => storage::load_current()
                .unwrap_or_else(|notice| {
                    first_notice = Some(notice);
                    None
                })
                .unwrap_or_default(),
        };
        let scenarios = storage::load_scenarios().unwrap_or_else(|notice| {
            first_notice = first_notice.or(Some(notice));
            Vec::new()
        });
        first_notice = first_notice.or(forecast_notice);
        let Inputs {
            staffing,
            scorecard,
            schedule: saved_schedule,
        } = inputs;
        let schedule = schedule::ScheduleStore::new(saved_schedule);
        let staffing = RwSignal::new(staffing);
        let scorecard = RwSignal::new(scorecard);
        let computed = Memo::new(move |_| staffing.with(compute));
        let planned_day = RwSignal::new(None::<(StaffingInputs, Result<DayPlan, Problem>)>);
        let projected = RwSignal::new(None::<Result<Projection, Problem>>);
        let projections = Latest::new();
        let store = Store {
            staffing,
            scorecard,
            day_pending: Memo::new(move |_| computed.with(Outcome::day_pending)),
            planned_day,
            outcome: Memo::new(move |_| {
                let mut outcome = computed.get();
                if outcome.day_pending() {
                    planned_day.with(|answer| match answer {
                        Some((inputs, day)) if staffing.with(|s| s == inputs) => {
                            outcome.day = day.clone().into();
                        }
                        _ => {}
                    });
                }
                outcome
            }),
            projection: Memo::new(move |_| {
                projected.get().map_or(Computed::Pending, Computed::from)
            }),
            projection_settled: projections.settled(),
            projections,
            projected,
            engine: EngineWorker::start(),
            route: RwSignal::new(route::current_route()),
            from_link: RwSignal::new(taken_over.as_ref().and_then(|h| h.from_link.clone())),
            link_problem: RwSignal::new(taken_over.as_ref().and_then(|h| h.link_problem)),
            lang: RwSignal::new(prefs::initial_lang()),
            currency: RwSignal::new(storage::load_currency().unwrap_or_default()),
            csv_bom: RwSignal::new(storage::load_csv_bom().unwrap_or(true)),
            notice: RwSignal::new(first_notice),
            save_failures: RwSignal::new(Vec::new()),
            scenarios: RwSignal::new(scenarios),
            revision: RwSignal::new(0),
            invalid: RwSignal::new(BTreeSet::new()),
            compare_choice: RwSignal::new(compare_choice),
            forecast,
            schedule,
            // Issue 25, item 9.
            undo_load: RwSignal::new(None),
        };
        // A link the first visit's app opened is already in the inputs
        // (edited, maybe): opening it again would undo the edits.
        if taken_over.is_none() {
            store.open_link_in_url();
        }
        store.autosave();
        store.follow_lang();
        store.follow_currency();
        store.follow_other_tabs();
        let listener = window_event_listener(leptos::ev::hashchange, move |_| {
            store.route.set(route::current_route());
            store.open_link_in_url();
        });
        on_cleanup(move || listener.remove());
        provide_context(store);
        store
    }

    /// Records how a save of `target` went: a failure is shown (again)
    /// until `target` saves; a success clears only `target`'s failure.
    pub fn saved(self, target: SaveTarget, result: Result<(), Notice>) {
        self.save_failures.update(|failures| {
            failures.retain(|f| f.target != target);
            if let Err(notice) = result {
                failures.push(SaveFailure {
                    target,
                    notice,
                    shown: true,
                });
            }
        });
    }

    /// Both pages' inputs, as saved and shared.
    pub fn inputs(self) -> Inputs {
        Inputs {
            staffing: self.staffing.get_untracked(),
            scorecard: self.scorecard.get_untracked(),
            schedule: self.schedule.settings.get_untracked(),
        }
    }

    /// Replaces all inputs (a scenario, the example, a link): every box
    /// shows the new values and drops what it held.
    pub fn replace_inputs(self, inputs: Inputs) {
        self.invalid.set(BTreeSet::new());
        self.staffing.set(inputs.staffing);
        self.scorecard.set(inputs.scorecard);
        self.schedule.settings.set(inputs.schedule);
        self.revision.update(|r| *r += 1);
    }

    /// The value of `field` (tracked).
    pub fn field_value(self, field: Field) -> f64 {
        match field {
            Field::Staffing(f) => self.staffing.with(|s| f.get(s)),
            Field::Scorecard(f) => self.scorecard.with(|s| f.get(s)),
        }
    }

    /// Shows interval `index` of the day in the calculator (the contacts
    /// box, not being typed in, shows its volume at once).
    pub fn use_interval(self, index: usize) {
        self.staffing.update(|s| {
            s.use_interval(index);
        });
    }

    pub fn set_field(self, field: Field, value: f64) {
        match field {
            Field::Staffing(f) => self.staffing.update(|s| f.set(s, value)),
            Field::Scorecard(f) => self.scorecard.update(|s| f.set(s, value)),
        }
    }

    /// Records whether box `id` holds an invalid value.
    pub fn mark_invalid(self, id: BoxId, invalid: bool) {
        let known = self.invalid.with_untracked(|set| set.contains(&id));
        if known != invalid {
            self.invalid.update(|set| {
                if invalid {
                    set.insert(id);
                } else {
                    set.remove(&id);
                }
            });
        }
    }

    /// Whether the results on screen leave out what a box holds.
    pub fn results_stale(self) -> bool {
        self.invalid.with(|set| !set.is_empty())
    }
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}
