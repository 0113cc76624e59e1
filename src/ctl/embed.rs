//! The link with an embedding page (CONTRACT.md section 3), as thin glue:
//! the message shapes and their validation live in
//! [`core::embed_msg`](crate::core::embed_msg).
//!
//! Only when the app runs in a frame: it tells its parent (`window.parent`,
//! never an opener) `ready`, `run-started`, `run-finished` (however the run
//! ended) and `resize` (whenever the content height changes), and obeys
//! `run`, `stop` and `set-params` from its parent. Anything else is ignored.
//!
//! The height also goes out as the platforms' own resize messages
//! ([`core::platform_resize`](crate::core::platform_resize)): Canvas's
//! `lti.frameResize`, and H5P's resizer handshake, so a plain iframe in
//! Canvas, Moodle or an H5P host sizes itself with no script of the author's.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::core::embed_msg::{self, Finished, Incoming};
use crate::core::params::PageState;
use crate::core::platform_resize::{self, H5p};
use crate::ctl::page::PageCtl;
use crate::ctl::run::RunCtl;
use crate::lessons::lookup;
use crate::web;

/// Reports each run's start and end to the parent, once each. The end
/// comes from the run itself ([`RunCtl::ended`], set by the runtime when the
/// run ends), not from the animation frames: a frame scrolled out of view
/// gets none, and its runs must still be reported.
#[derive(Clone, Copy)]
pub struct RunWatch {
    framed: bool,
    page: RwSignal<PageState>,
    ctl: RunCtl,
    started: StoredValue<u32>,
    finished: StoredValue<u32>,
    /// The parameters of the run last started, as in the URL.
    params: StoredValue<Vec<(String, String)>>,
}

impl RunWatch {
    /// A watch over the runs of `ctl`, of the lessons shown in `page`.
    pub fn new(page: RwSignal<PageState>, ctl: RunCtl) -> Self {
        RunWatch {
            framed: web::in_frame(),
            page,
            ctl,
            started: StoredValue::new(0),
            finished: StoredValue::new(0),
            params: StoredValue::new(Vec::new()),
        }
    }

    /// Looks at the current run: sends `run-started` the first time a run
    /// is seen and `run-finished` the first time it is seen ended.
    pub fn check(&self) {
        if !self.framed {
            return;
        }
        let Some((generation, example)) = self
            .ctl
            .snapshot
            .try_with_untracked(|s| (s.generation, s.example))
        else {
            return;
        };
        if generation == 0 || generation <= self.finished.get_value() {
            return;
        }
        if generation > self.started.get_value() {
            self.started.set_value(generation);
            let params = self
                .page
                .try_with_untracked(embed_msg::url_params)
                .unwrap_or_default();
            web::post_to_parent(&embed_msg::run_started(example, &params));
            self.params.set_value(params);
        }
        let ended = self
            .ctl
            .with_run_model(|m| {
                let outcome = m.stats.outcome.filter(|_| m.generation == generation)?;
                Some((outcome, m.tasks.clone(), m.stats.elapsed_ms))
            })
            .flatten();
        if let Some((outcome, tasks, elapsed_ms)) = ended {
            self.finished.set_value(generation);
            let params = self.params.get_value();
            web::post_to_parent(&embed_msg::run_finished(&Finished {
                example,
                params: &params,
                state: outcome.as_str(),
                elapsed_ms,
                tasks: &tasks,
            }));
        }
    }
}

/// Applies a parent's parameters, validated like the URL; corrections go
/// to the notices. Opening another lesson stops the run first.
fn set_params(ctx: PageCtl, params: &[(String, String)]) {
    let current = ctx.page.get_untracked();
    let next = embed_msg::apply_params(&current, params, &lookup);
    if next.example != current.example {
        ctx.stop();
        ctx.run.reset();
    }
    ctx.notices.set(next.notices.clone());
    ctx.page.set(next);
}

/// The content's ResizeObserver and its callback (kept alive together).
type Observer = (web_sys::ResizeObserver, Closure<dyn FnMut()>);

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
pub fn install(ctx: PageCtl) {
    if !web::in_frame() {
        return;
    }
    let (ctl, watch) = (ctx.run, ctx.watch);
    // A run's start shows in the model; its end is told by the run itself
    // (`ended`), with or without animation frames: nothing polls.
    Effect::new(move || {
        ctl.snapshot.track();
        ctl.ended.track();
        watch.check();
    });

    // The frame side of H5P's resizer handshake (shared by the listener
    // and the height watch below).
    let h5p = Rc::new(Cell::new(H5p::default()));
    let owner = Owner::current().unwrap_or_default();
    let h5p_in = h5p.clone();
    let listener = window_event_listener(leptos::ev::message, move |ev| {
        if !web::from_parent(&ev) {
            return;
        }
        let Some(text) = web::message_json(&ev).filter(|t| t.len() <= embed_msg::MAX_MESSAGE_LEN)
        else {
            return;
        };
        if let Some(m) =
            crate::core::json::parse(&text).and_then(|j| platform_resize::parse_h5p(&j))
        {
            let mut state = h5p_in.get();
            let height = content_height().map_or(0.0, f64::from);
            web::post_to_parent(&state.on_message(m, height));
            h5p_in.set(state);
            return;
        }
        let Some(msg) = embed_msg::parse_incoming_text(&text) else {
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

    // `ready` once mounted, with the height; then `resize` whenever the
    // content height changes. Not on an animation frame: a frame out of
    // view gets none until it scrolls into view.
    let observer: StoredValue<Option<Observer>, LocalStorage> = StoredValue::new_local(None);
    let height_poll: StoredValue<Option<IntervalHandle>, LocalStorage> =
        StoredValue::new_local(None);
    set_timeout(
        move || {
            let (example, params) = ctx
                .page
                .try_with_untracked(|p| (p.example.unwrap_or_default(), embed_msg::url_params(p)))
                .unwrap_or_default();
            web::post_to_parent(&embed_msg::ready(example, &params));
            let last = Rc::new(Cell::new(-1));
            let send_height = move || {
                if let Some(h) = content_height().filter(|h| *h != last.get()) {
                    last.set(h);
                    let h = f64::from(h);
                    web::post_to_parent(&embed_msg::resize(h));
                    web::post_to_parent(&platform_resize::canvas_frame_resize(h));
                    web::post_to_parent(&h5p.get().on_height(h));
                }
            };
            send_height();
            let root = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.query_selector("[data-testid=playground]").ok().flatten());
            if web::features().resize_observer {
                let on_resize = Closure::<dyn FnMut()>::new(send_height.clone());
                if let (Some(root), Ok(ro)) = (
                    root,
                    web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()),
                ) {
                    ro.observe(&root);
                    observer.try_set_value(Some((ro, on_resize)));
                    return;
                }
            }
            // No ResizeObserver: the height is checked on a timer instead
            // (a resize message at most a quarter second late).
            if let Ok(poll) = set_interval_with_handle(send_height, Duration::from_millis(250)) {
                height_poll.try_set_value(Some(poll));
            }
        },
        Duration::ZERO,
    );
    on_cleanup(move || {
        if let Some(Some((ro, _))) = observer.try_update_value(Option::take) {
            ro.disconnect();
        }
        if let Some(Some(poll)) = height_poll.try_update_value(Option::take) {
            poll.clear();
        }
    });
}
