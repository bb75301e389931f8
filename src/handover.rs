//! What the first visit's app (`first_visit`) hands to the whole app when
//! it takes over the page: everything the user sees that storage does not
//! hold, so the switch loses nothing. The inputs travel too (a share link's
//! copy is never saved), and the box being typed in keeps its text, caret
//! and focus.

use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

use crate::model::scenario::Inputs;
use crate::share::LinkError;
use crate::storage::Notice;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Handover {
    pub inputs: Inputs,
    /// The name of the scenario opened from a share link (an unsaved copy).
    pub from_link: Option<String>,
    pub link_problem: Option<LinkError>,
    pub notice: Option<Notice>,
    pub focus: Option<Focus>,
    pub scroll_y: f64,
}

/// The element that had the keyboard, by its id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Focus {
    pub id: String,
    /// A text box's text and selection, as the user left them (half-typed
    /// text such as `32.` included).
    pub text: Option<String>,
    pub selection: Option<(u32, u32)>,
}

impl Focus {
    /// The focused element of the page, if it has an id to find it again by.
    pub fn current() -> Option<Focus> {
        let element = web_sys::window()?.document()?.active_element()?;
        let id = element.id();
        if id.is_empty() {
            return None;
        }
        let input = element.dyn_ref::<web_sys::HtmlInputElement>();
        Some(Focus {
            id,
            text: input.map(|i| i.value()),
            selection: input
                .and_then(|i| Some((i.selection_start().ok()??, i.selection_end().ok()??))),
        })
    }

    /// Gives the element with the same id the keyboard back, its text and
    /// selection as they were.
    pub fn restore(&self) {
        let Some(element) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&self.id))
        else {
            return;
        };
        if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
            let _ = input.focus();
            if let Some(text) = &self.text {
                if input.value() != *text {
                    // As if typed: the box reads it (its message, the results).
                    input.set_value(text);
                    let init = web_sys::EventInit::new();
                    init.set_bubbles(true);
                    if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &init) {
                        let _ = input.dispatch_event(&event);
                    }
                }
            }
            if let Some((start, end)) = self.selection {
                let _ = input.set_selection_range(start, end);
            }
        } else if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }
}

impl Handover {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// `None` for anything but a handover of this build (then the whole app
    /// reads storage, as on a visit of its own).
    pub fn from_json(json: &str) -> Option<Handover> {
        serde_json::from_str(json).ok()
    }
}
