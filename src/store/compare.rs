//! The compare page's data: the scenarios chosen (kept as the last choice),
//! each computed by `model::compare`, with what only the worker computes —
//! capacity plans, shifts and heavy days — filled in as it arrives.

use leptos::prelude::*;

use super::Store;
use crate::engine_worker::{DayRequest, ProjectRequest, ScheduleRequest};
use crate::i18n::{text, Key};
use crate::model::compare::{available, compare, Choice, Compared, MAX_COMPARED};
use crate::model::example::example_inputs;
use crate::model::scenario::Inputs;
use crate::model::staffing::{Problem, StaffingInputs};

/// Answers from the worker, one per key.
type Answers<K, T> = Vec<(K, Result<T, Problem>)>;

impl Store {
    /// The scenarios chosen for comparison, in the order picked; the first
    /// time, the current inputs beside the latest saved scenario (or the
    /// example). Saved scenarios since deleted drop out.
    pub fn compare_chosen(self) -> Memo<Vec<Choice>> {
        if self.compare_choice.with_untracked(Option::is_none) {
            let latest = self
                .scenarios
                .with_untracked(|list| list.last().map(|s| Choice::Saved(s.name.clone())));
            let second = latest.unwrap_or(Choice::Example);
            self.compare_choice.set(Some(vec![Choice::Current, second]));
        }
        Memo::new(move |_| {
            let stored: Vec<String> = self
                .compare_choice
                .get()
                .unwrap_or_default()
                .iter()
                .map(Choice::id)
                .collect();
            self.scenarios.with(|list| {
                let names: Vec<&str> = list.iter().map(|s| s.name.as_str()).collect();
                available(&stored, &names)
            })
        })
    }

    /// Adds `choice` to the comparison or takes it out; `false` when adding
    /// is refused because [`MAX_COMPARED`] are compared already.
    pub fn toggle_compared(self, chosen: Memo<Vec<Choice>>, choice: Choice, on: bool) -> bool {
        let mut list = chosen.get_untracked();
        if on && !list.contains(&choice) {
            if list.len() >= MAX_COMPARED {
                return false;
            }
            list.push(choice);
        } else if !on {
            list.retain(|c| *c != choice);
        }
        self.compare_choice.set(Some(list));
        true
    }

    /// Each chosen scenario computed, with the worker's answers for its
    /// plan, shifts and (when heavy) day as they arrive.
    pub fn compared(self, chosen: Memo<Vec<Choice>>) -> Memo<Vec<Compared>> {
        let lang = self.lang;
        let outcomes = Memo::new(move |_| {
            let scenarios = self.scenarios.get();
            let lang = lang.get();
            let picked: Vec<(String, Inputs)> = chosen
                .get()
                .iter()
                .filter_map(|choice| match choice {
                    Choice::Current => Some((
                        text(lang, Key::CurrentInputs).to_string(),
                        Inputs {
                            staffing: self.staffing.get(),
                            scorecard: self.scorecard.get(),
                            schedule: self.schedule.settings.get(),
                        },
                    )),
                    Choice::Example => {
                        Some((text(lang, Key::Example).to_string(), example_inputs()))
                    }
                    Choice::Saved(name) => scenarios
                        .iter()
                        .find(|s| s.name == *name)
                        .map(|s| (s.name.clone(), s.inputs.clone())),
                })
                .collect();
            compare(&picked)
        });
        let each_inputs =
            move || outcomes.with(|list| list.iter().map(|c| c.inputs.clone()).collect());
        let plans = answers_from_worker(each_inputs, move |inputs: Inputs, done| {
            let request = ProjectRequest {
                staffing: inputs.staffing,
                scorecard: inputs.scorecard,
            };
            self.engine.run(request, done);
        });
        let days = answers_from_worker(
            move || {
                outcomes.with(|list| {
                    list.iter()
                        .filter(|c| c.outcome.day_pending())
                        .map(|c| c.inputs.staffing.clone())
                        .collect()
                })
            },
            move |inputs: StaffingInputs, done| self.engine.run(DayRequest(inputs), done),
        );
        let schedules = answers_from_worker(each_inputs, move |inputs: Inputs, done| {
            let request = ScheduleRequest {
                inputs: inputs.staffing,
                settings: inputs.schedule,
            };
            self.engine
                .ask(request, move |outcome| done(outcome.map_err(Problem::from)));
        });
        Memo::new(move |_| {
            let mut list = outcomes.get();
            for c in &mut list {
                c.projection = plans.with(|p| answer_for(p, &c.inputs));
                c.schedule = schedules
                    .with(|s| answer_for(s, &c.inputs))
                    .and_then(Result::ok);
                if c.outcome.day_pending() {
                    if let Some(day) = days.with(|d| answer_for(d, &c.inputs.staffing)) {
                        c.outcome.day = day.into();
                    }
                }
            }
            list
        })
    }
}

/// Asks the worker (through `ask`) for each key `wanted` lists and keeps the
/// answers for the keys still wanted; each key is asked once, and an answer
/// for a key no longer wanted is dropped.
fn answers_from_worker<K, T>(
    wanted: impl Fn() -> Vec<K> + Send + Sync + Copy + 'static,
    ask: impl Fn(K, Box<dyn FnOnce(Result<T, Problem>)>) + 'static,
) -> RwSignal<Answers<K, T>>
where
    K: Clone + PartialEq + Send + Sync + 'static,
    T: Send + Sync + 'static,
{
    let answers = RwSignal::new(Answers::<K, T>::new());
    let asked = StoredValue::new(Vec::<K>::new());
    Effect::new(move |_| {
        for key in wanted() {
            let known = answers.with_untracked(|a| a.iter().any(|(k, _)| *k == key));
            if known || asked.with_value(|a| a.contains(&key)) {
                continue;
            }
            asked.update_value(|a| a.push(key.clone()));
            let answered = key.clone();
            ask(
                key,
                Box::new(move |result| {
                    // The page may be gone by now, and everything it owned with it.
                    if asked
                        .try_update_value(|a| a.retain(|k| *k != answered))
                        .is_none()
                    {
                        return;
                    }
                    let still = untrack(wanted);
                    if still.contains(&answered) {
                        answers.try_update(|a| {
                            a.retain(|(k, _)| still.contains(k));
                            a.push((answered, result));
                        });
                    }
                }),
            );
        }
    });
    answers
}

fn answer_for<K: PartialEq, T: Clone>(
    answers: &Answers<K, T>,
    key: &K,
) -> Option<Result<T, Problem>> {
    answers
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, r)| r.clone())
}
