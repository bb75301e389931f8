//! The first visit's app: the staffing page's inputs and results alone, in
//! their own small wasm (`src/bin/ccplan-staffing.rs`), so the first answer
//! needs only its bytes. The whole app (every page, the staffing curve, the
//! day and the scenarios, the engine worker's jobs) is another wasm, which
//! this one fetches as soon as the first answer is shown and the page is
//! idle (at once for another page, or a day too heavy to plan here), and
//! then hands the page to. The handover (`handover`) carries what the user
//! sees, the box being typed in included, so the switch loses nothing.
//!
//! The loading itself is a few lines of JavaScript in `index.html`
//! (`window.ccplanPages`): it knows the whole app's content-hashed file
//! names, which the build writes into the page (`tools/stamp_build.sh`).

use leptos::prelude::*;
use std::any::Any;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::components::link_notice::LinkNotice;
use crate::handover::{Focus, Handover};
use crate::i18n::{text, Key};
use crate::pages::staffing::staffing_page;
use crate::store::{use_store, Route, Store};
use crate::TopBar;

thread_local! {
    /// The mounted first-visit app; dropping it unmounts it.
    static MOUNTED: RefCell<Option<Box<dyn Any>>> = RefCell::new(None);
}

/// Mounts the first visit's app on the page.
pub fn mount() {
    let Some(body) = document().body() else {
        return;
    };
    let handle = leptos::mount::mount_to(body, StaffingApp);
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(handle)));
}

#[component]
fn StaffingApp() -> impl IntoView {
    let store = Store::provide_staffing_page();
    let loader = Loader::new();
    // Another page, or a day too heavy for this one (the whole app plans
    // it in its worker): the whole app is needed now.
    Effect::new(move |_| {
        if store.route.get() != Route::Staffing || store.day_pending.get() {
            loader.hand_over(store);
        }
    });
    // The first answer is on screen: load the rest once the page is idle.
    request_idle(move || loader.hand_over(store));
    view! {
        <TopBar />
        <LinkNotice />
        <main>
            {move || match store.route.get() {
                Route::Staffing => staffing_page(ViewFn::default(), view! {
                    <Loading loader what=Key::RestLoading test_id="rest-loading" />
                })
                .into_any(),
                _ => view! {
                    <div class="page">
                        <Loading loader what=Key::PageLoading test_id="page-loading" />
                    </div>
                }
                .into_any(),
            }}
        </main>
    }
}

/// Where loading the whole app stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LoadState {
    Idle,
    Loading,
    /// Could not fetch it (offline with nothing cached, a network error).
    Failed,
    /// Its files are gone from the site: a new version was deployed since
    /// this page was loaded.
    Updated,
}

#[derive(Clone, Copy)]
struct Loader {
    state: RwSignal<LoadState>,
}

impl Loader {
    fn new() -> Self {
        Loader {
            state: RwSignal::new(LoadState::Idle),
        }
    }

    /// Loads the whole app (unless it is loading) and hands the page to it.
    fn hand_over(self, store: Store) {
        // Gone (the whole app took over before the browser was idle), or loading.
        match self.state.try_get_untracked() {
            None | Some(LoadState::Loading) => return,
            Some(_) => {}
        }
        self.state.set(LoadState::Loading);
        leptos::task::spawn_local(async move {
            match JsFuture::from(call_pages("load")).await {
                Ok(app) => switch_to(&app, store),
                Err(error) => {
                    let updated = error.as_string().is_some_and(|e| e == "missing");
                    self.state.try_set(if updated {
                        LoadState::Updated
                    } else {
                        LoadState::Failed
                    });
                }
            }
        });
    }
}

/// Unmounts this app and mounts the whole one in its place, in one go (no
/// event runs between the two, so no keystroke falls in between).
fn switch_to(app: &JsValue, store: Store) {
    let handover = Handover {
        inputs: store.inputs(),
        from_link: store.from_link.get_untracked(),
        link_problem: store.link_problem.get_untracked(),
        notice: store.notice.get_untracked(),
        focus: Focus::current(),
        scroll_y: window().scroll_y().unwrap_or(0.0),
    };
    // Unmounting saves any edit the autosave was still waiting to save.
    MOUNTED.with(|m| m.borrow_mut().take());
    let mount = js_sys::Reflect::get(app, &JsValue::from_str("mount_app"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(mount) = mount {
        let _ = mount.call1(&JsValue::NULL, &JsValue::from_str(&handover.to_json()));
    }
}

/// What stands for what is still loading (`what` says what): a page this
/// app does not have, or the rest of the staffing page. When loading
/// fails, it says why and offers to try again or (after a new deploy) to
/// reload.
#[component]
fn Loading(loader: Loader, what: Key, test_id: &'static str) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    view! {
        <section class="panel loading-rest" data-testid=test_id>
            {move || match loader.state.get() {
                LoadState::Idle | LoadState::Loading => view! {
                    <p role="status" class="loading">{text(lang.get(), what)}</p>
                }
                .into_any(),
                state => {
                    // Offline: try again; the files gone (a new deploy): reload.
                    let updated = state == LoadState::Updated;
                    let (test_id, message, label, button_id) = if updated {
                        ("load-updated", Key::PageUpdated, Key::PageReload, "load-reload")
                    } else {
                        ("load-failed", Key::PageLoadFailed, Key::PageRetry, "load-retry")
                    };
                    let act = move |_| {
                        if updated {
                            let _ = window().location().reload();
                        } else {
                            loader.hand_over(store);
                        }
                    };
                    view! {
                        <div role="alert" class="load-failed" data-testid=test_id>
                            <p>{text(lang.get(), message)}</p>
                            <button type="button" data-testid=button_id on:click=act>
                                {text(lang.get(), label)}
                            </button>
                        </div>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

/// Calls `window.ccplanPages[name]()` (index.html); `undefined` if the page
/// has no loader.
fn call_pages(name: &str) -> js_sys::Promise {
    let pages = js_sys::Reflect::get(&window(), &JsValue::from_str("ccplanPages")).ok();
    let function = pages
        .as_ref()
        .and_then(|p| js_sys::Reflect::get(p, &JsValue::from_str(name)).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match (pages, function) {
        (Some(pages), Some(function)) => function
            .call0(&pages)
            .ok()
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
            .unwrap_or_else(|| js_sys::Promise::reject(&JsValue::from_str("failed"))),
        _ => js_sys::Promise::reject(&JsValue::from_str("failed")),
    }
}

/// Runs `work` when the browser is idle (after a timeout where it has no
/// `requestIdleCallback`).
fn request_idle(work: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(work);
    let window = window();
    let idle = js_sys::Reflect::get(&window, &JsValue::from_str("requestIdleCallback"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match idle {
        Some(idle) => {
            let _ = idle.call1(&window, &callback);
        }
        None => {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.unchecked_ref(),
                1000,
            );
        }
    }
}
