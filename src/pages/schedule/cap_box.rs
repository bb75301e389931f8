//! The headcount cap: a check box that turns it on (at the solved
//! schedule's agents less a tenth) or off, and the box that sets it.

use leptos::prelude::*;

use crate::components::check_box::CheckBox;
use crate::components::flag_message::FlagMessage;
use crate::i18n::{text, Key};
use crate::model::limits::whole_heads;
use crate::model::number::parse_number;
use crate::store::use_store;

#[component]
pub fn CapBox() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let settings = store.schedule.settings;
    let cap_on = Signal::derive(move || settings.with(|x| x.max_heads.is_some()));
    let cap_text = RwSignal::new(String::new());
    let cap_bad = RwSignal::new(false);
    let set_cap = move |typed: String| match parse_number(&typed).ok().and_then(whole_heads) {
        Some(cap) => {
            cap_bad.set(false);
            store.set_headcount_cap(cap);
        }
        None => cap_bad.set(true),
    };
    let toggle_cap = Callback::new(move |on: bool| {
        cap_bad.set(false);
        let cap = store.toggle_headcount_cap(on);
        cap_text.set(cap.map(|c| c.to_string()).unwrap_or_default());
    });
    // A cap set elsewhere (a scenario, a link) shows in the box, unless
    // the box holds text being corrected.
    Effect::new(move |_| {
        if let Some(cap) = settings.with(|x| x.max_heads) {
            if !cap_bad.get_untracked() {
                cap_text.set(cap.to_string());
            }
        }
    });
    view! {
        <div class="answer-row">
            <CheckBox class="check" test_id="cap-on" checked=cap_on on_change=toggle_cap label=Key::HeadcountCap />
            <input type="text" inputmode="numeric" class="short" data-testid="cap" aria-label=move || text(lang.get(), Key::HeadcountCap)
                disabled=move || !cap_on.get() prop:value=move || cap_text.get()
                on:input=move |ev| cap_text.set(event_target_value(&ev))
                on:change=move |ev| set_cap(event_target_value(&ev)) />
        </div>
        <FlagMessage when=cap_bad class="message error" role="alert" test_id="cap-bad" key=Key::CapBad />
    }
}
