//! The link with an embedding page (CONTRACT.md section 3), as thin glue:
//! the message shapes and their validation live in
//! [`core::embed_msg`](crate::core::embed_msg).
//!
//! Only when the app runs in a frame: it tells its parent (`window.parent`,
//! never an opener) `ready`, `run-started`, `run-finished` (however the run
//! ended) and `resize` (whenever the content height changes), and obeys
//! `run`, `stop` and `set-params` from its parent. Anything else is ignored.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::app::PageCtx;
use crate::core::embed_msg::{self, Finished, Incoming};
use crate::core::params::PageState;
use crate::examples::lookup;
use crate::run_ctl::{RunCtl, RunState, Snapshot};
use crate::web;

/// Reports each run's start and end to the parent, once each.
#[derive(Clone, Copy)]
pub struct RunWatch {
    framed: bool,
    page: RwSignal<PageState>,
    started: StoredValue<u32>,
    finished: StoredValue<u32>,
    /// The lesson and parameters of the run last started.
    params: StoredValue<Vec<(String, String)>>,
}

impl RunWatch {
    /// A watch over runs of the lessons shown in `page`.
    pub fn new(page: RwSignal<PageState>) -> Self {
        RunWatch {
            framed: web::in_frame(),
            page,
            started: StoredValue::new(0),
            finished: StoredValue::new(0),
            params: StoredValue::new(Vec::new()),
        }
    }

    /// Looks at the current run: sends `run-started` the first time a run
    /// is seen and `run-finished` the first time it is seen ended.
    pub fn observe(&self, s: &Snapshot) {
        if !self.framed || s.generation == 0 {
            return;
        }
        if s.generation > self.started.get_value() {
            self.started.set_value(s.generation);
            let params = self
                .page
                .try_with_untracked(embed_msg::url_params)
                .unwrap_or_default();
            web::post_to_parent(&embed_msg::run_started(s.example, &params));
            self.params.set_value(params);
        }
        let ended = !matches!(s.state, RunState::Idle | RunState::Running);
        if ended && s.generation > self.finished.get_value() {
            self.finished.set_value(s.generation);
            let params = self.params.get_value();
            web::post_to_parent(&embed_msg::run_finished(&Finished {
                example: s.example,
                params: &params,
                state: s.state.as_str(),
                elapsed_ms: s.stats.elapsed_ms,
                tasks: &s.tasks,
            }));
        }
    }
}

/// Applies a parent's parameters, validated like the URL; corrections go
/// to the notices. Opening another lesson stops the run first.
fn set_params(ctx: PageCtx, params: &[(String, String)]) {
    let current = ctx.page.get_untracked();
    let next = embed_msg::apply_params(&current, params, &lookup);
    if next.example != current.example {
        ctx.stop();
        if let Some(ctl) = use_context::<RunCtl>() {
            ctl.reset();
        }
    }
    ctx.notices.set(next.notices.clone());
    ctx.page.set(next);
}

fn content_height() -> Option<i32> {
    web_sys::window()?
        .document()?
        .query_selector("[data-testid=playground]")
        .ok()??
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
        .map(|e| e.offset_height())
}

/// Wires the app to its parent frame (nothing happens when not framed).
/// Call once from the page component, before any autorun starts.
pub fn install(ctx: PageCtx, ctl: RunCtl, watch: RunWatch) {
    if !web::in_frame() {
        return;
    }
    Effect::new(move || ctl.snapshot.with(|s| watch.observe(s)));

    let owner = Owner::current().unwrap_or_default();
    let listener = window_event_listener(leptos::ev::message, move |ev| {
        if !web::from_parent(&ev) {
            return;
        }
        let Some(msg) = web::message_json(&ev).and_then(|t| embed_msg::parse_incoming_text(&t))
        else {
            return;
        };
        owner.with(|| match msg {
            Incoming::Run { params } => {
                if let Some(p) = params {
                    set_params(ctx, &p);
                }
                ctx.run();
            }
            Incoming::Stop => ctx.stop(),
            Incoming::SetParams { params } => set_params(ctx, &params),
        });
    });
    on_cleanup(move || listener.remove());

    // `ready` once mounted, then `resize` whenever the content height changes.
    let observer: StoredValue<Option<(web_sys::ResizeObserver, Closure<dyn FnMut()>)>, LocalStorage> =
        StoredValue::new_local(None);
    request_animation_frame(move || {
        let (example, params) = ctx
            .page
            .try_with_untracked(|p| (p.example.unwrap_or_default(), embed_msg::url_params(p)))
            .unwrap_or_default();
        web::post_to_parent(&embed_msg::ready(example, &params));
        let last = std::cell::Cell::new(-1);
        let on_resize = Closure::<dyn FnMut()>::new(move || {
            if let Some(h) = content_height().filter(|h| *h != last.get()) {
                last.set(h);
                web::post_to_parent(&embed_msg::resize(f64::from(h)));
            }
        });
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("[data-testid=playground]").ok().flatten());
        if let (Some(root), Ok(ro)) = (
            root,
            web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()),
        ) {
            ro.observe(&root);
            observer.try_set_value(Some((ro, on_resize)));
        }
    });
    on_cleanup(move || {
        if let Some(Some((ro, _))) = observer.try_update_value(Option::take) {
            ro.disconnect();
        }
    });
}
