//! `#/learn`: the nine steps of resource planning for a class, each with a
//! short explanation, its formula or method, the current scenario's live
//! numbers and a link to where ccplan does it (or a plain "not yet");
//! then economies of scale and square-root staffing, pooling, Erlang C
//! beside Erlang A, and the glossary.
//!
//! The page is a list of its sections, each in its own file below
//! `learn/` (they belong to this page alone):
//!
//! | module | owns |
//! |---|---|
//! | `linked_exercise` | an exercise opened from a link (`#x=…`), or why it cannot be |
//! | `steps` | the nine steps: what each says, its formula, where ccplan does it |
//! | `step_live` | each step's live numbers from the current scenario |
//! | `scale` | economies of scale: the square-root staffing table, pooling |
//! | `c_versus_a` | Erlang C beside Erlang A at the same agents |
//! | `exercises` | the built-in exercises |
//! | `exercise_form` | the trainer's form: a question about the current inputs, as a link |
//! | `glossary` | every term in both languages, the one asked for marked and scrolled to |

mod c_versus_a;
mod exercise_form;
mod exercises;
mod glossary;
mod linked_exercise;
mod scale;
mod step_live;
mod steps;

use leptos::prelude::*;

use crate::components::live_queue::LiveQueueView;
use crate::components::panel::Panel;
use crate::components::simulated_days::SimulatedDays;
use crate::i18n::Key;
use crate::store::route::current_hash;

#[component]
pub fn LearnPage() -> impl IntoView {
    // The fragment: an exercise link (`#x=…`) or a term asked for
    // (`#/learn?term=…`), read now and whenever it changes.
    let hash = RwSignal::new(current_hash());
    let listener = window_event_listener(leptos::ev::hashchange, move |_| hash.set(current_hash()));
    on_cleanup(move || listener.remove());
    view! {
        <div class="page learn-page">
            <linked_exercise::LinkedExercise hash=hash.into() />
            <steps::Steps />
            <Panel title=Key::LearnScaleTitle><scale::Scale /></Panel>
            <Panel title=Key::LiveQueueTitle><LiveQueueView /></Panel>
            <Panel title=Key::SimTitle><SimulatedDays /></Panel>
            <Panel title=Key::LearnCVersusATitle>
                <div class="table-scroll" tabindex="0"><c_versus_a::CVersusA /></div>
            </Panel>
            <exercises::Exercises />
            <Panel title=Key::LearnGlossary><glossary::Glossary hash=hash.into() /></Panel>
        </div>
    }
}
