//! A page's panel under its heading: the frame most sections share.

use leptos::prelude::*;

use crate::i18n::{text, Key};
use crate::store::use_store;

#[component]
pub fn Panel(title: Key, children: Children) -> impl IntoView {
    let lang = use_store().lang;
    view! {
        <section class="panel">
            <h2>{move || text(lang.get(), title)}</h2>
            {children()}
        </section>
    }
}
