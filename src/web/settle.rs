//! "The page has settled": the moment after start-up work (mounting, the
//! first layouts and paints, the service worker's install, the task index's
//! idle work) when a run's first timers fire as on time as any later run's.
//!
//! Settled means two animation frames have passed (or [`FRAMES_CAP_MS`]
//! where a frame out of view or a hidden tab gets none), then the browser
//! was idle once (`requestIdleCallback`, at most [`IDLE_CAP_MS`] later;
//! a zero timeout where there is no `requestIdleCallback`). Autorun and a
//! Run pressed before then wait for it; afterwards nothing waits.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use futures::channel::oneshot;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use super::features::features;

/// Longest wait for the two animation frames.
pub const FRAMES_CAP_MS: i32 = 400;
/// Longest wait for the idle callback after them.
pub const IDLE_CAP_MS: i32 = 300;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_name = requestIdleCallback)]
    fn request_idle_callback(f: &JsValue, options: &JsValue) -> Result<u32, JsValue>;
}

thread_local! {
    static SETTLED: Cell<bool> = const { Cell::new(false) };
    static WAITING: RefCell<Vec<oneshot::Sender<()>>> = const { RefCell::new(Vec::new()) };
    static STARTED: Cell<bool> = const { Cell::new(false) };
    static WARM_UPS: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
}

/// Adds start-up work done in the idle moment just before the page counts
/// as settled (e.g. a first use of code the browser compiles on first call,
/// which would otherwise make the first run late). Runs at once if the page
/// has settled already.
pub fn before_settled(f: impl FnOnce() + 'static) {
    if is_settled() {
        f();
    } else {
        WARM_UPS.with(|w| w.borrow_mut().push(Box::new(f)));
    }
}

/// Whether the page has settled (see the module docs).
pub fn is_settled() -> bool {
    SETTLED.with(Cell::get)
}

/// Resolves once the page has settled (at once if it has).
pub async fn settled() {
    if is_settled() {
        return;
    }
    let (tx, rx) = oneshot::channel();
    WAITING.with(|w| w.borrow_mut().push(tx));
    start();
    let _ = rx.await;
}

fn finish() {
    for f in WARM_UPS.with(|w| std::mem::take(&mut *w.borrow_mut())) {
        f();
    }
    SETTLED.with(|s| s.set(true));
    for tx in WAITING.with(|w| std::mem::take(&mut *w.borrow_mut())) {
        let _ = tx.send(());
    }
}

/// Calls `f` once, when the first of `timeout_ms` or `arm(callback)` fires.
fn first_of(timeout_ms: i32, arm: impl FnOnce(&JsValue) -> bool, f: impl FnOnce() + 'static) {
    let slot = Rc::new(Cell::new(Some(f)));
    let a = slot.clone();
    let cb = Closure::once_into_js(move || {
        if let Some(f) = a.take() {
            f();
        }
    });
    let b = slot.clone();
    let timer = Closure::once_into_js(move || {
        if let Some(f) = b.take() {
            f();
        }
    });
    let armed = arm(&cb);
    let timeout = if armed { timeout_ms } else { 0 };
    let set = web_sys::window().and_then(|w| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(timer.unchecked_ref(), timeout)
            .ok()
    });
    if set.is_none() {
        if let Some(f) = slot.take() {
            f();
        }
    }
}

fn animation_frame(cb: &JsValue) -> bool {
    web_sys::window()
        .and_then(|w| w.request_animation_frame(cb.unchecked_ref()).ok())
        .is_some()
}

fn idle_then_finish() {
    first_of(
        IDLE_CAP_MS,
        |cb| {
            if !features().idle_callback {
                return false;
            }
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(
                &options,
                &JsValue::from_str("timeout"),
                &JsValue::from(IDLE_CAP_MS),
            );
            request_idle_callback(cb, &options).is_ok()
        },
        finish,
    );
}

/// Starts watching for the page to settle (once; later calls do nothing).
pub fn start() {
    if STARTED.with(|s| s.replace(true)) {
        return;
    }
    // Two frames, each capped: a frame out of view gets no animation frames.
    first_of(FRAMES_CAP_MS, animation_frame, || {
        first_of(FRAMES_CAP_MS, animation_frame, idle_then_finish);
    });
}
