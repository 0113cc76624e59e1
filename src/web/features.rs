//! Which optional browser APIs this page can use, found once at start-up
//! without calling any of them in a way that can throw, and what a missing
//! one costs, in words.
//!
//! Each optional API is looked up through `Reflect` (which turns a throwing
//! getter, such as `navigator.serviceWorker` in a sandboxed frame, into an
//! error value) and checked to be a function or an object before anything
//! calls it. A missing API degrades one feature, which says so in
//! `[data-testid=feature-note]`; the page itself always renders.

use std::cell::{OnceCell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The optional APIs of this page, as found at start-up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Features {
    /// `navigator.serviceWorker` with `register` (absent outside a secure
    /// context; throws in a sandboxed, opaque-origin frame).
    pub service_worker: bool,
    /// `requestIdleCallback` (Safari has none).
    pub idle_callback: bool,
    /// `localStorage` that can be written and read back (throws in
    /// opaque-origin frames and when the browser blocks storage).
    pub local_storage: bool,
    /// `navigator.clipboard.writeText` (secure contexts only).
    pub clipboard: bool,
    /// `ResizeObserver`.
    pub resize_observer: bool,
    /// `Worker` and `URL.createObjectURL` (a page's CSP may still refuse a
    /// Blob-URL worker; that is found when one starts).
    pub blob_worker: bool,
    /// `matchMedia` that answers a query.
    pub match_media: bool,
}

thread_local! {
    static FEATURES: OnceCell<Features> = const { OnceCell::new() };
    static RUNTIME_NOTES: RefCell<Option<ArcRwSignal<Vec<String>>>> = const { RefCell::new(None) };
}

/// The page's optional APIs (detected on the first call, then cached).
pub fn features() -> Features {
    FEATURES.with(|f| *f.get_or_init(detect))
}

fn get(target: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn is_function(target: &JsValue, key: &str) -> bool {
    get(target, key).is_some_and(|v| v.is_function())
}

fn detect() -> Features {
    let Some(window) = web_sys::window() else {
        return Features::default();
    };
    let win: &JsValue = window.as_ref();
    let nav = get(win, "navigator");
    let service_worker = nav
        .as_ref()
        .and_then(|n| get(n, "serviceWorker"))
        .is_some_and(|sw| is_function(&sw, "register"));
    let clipboard = nav
        .as_ref()
        .and_then(|n| get(n, "clipboard"))
        .is_some_and(|c| is_function(&c, "writeText"));
    let blob_worker = is_function(win, "Worker")
        && get(win, "URL").is_some_and(|u| is_function(&u, "createObjectURL"));
    let match_media = is_function(win, "matchMedia")
        && window
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some();
    Features {
        service_worker,
        idle_callback: is_function(win, "requestIdleCallback"),
        local_storage: storage_works(&window),
        clipboard,
        resize_observer: is_function(win, "ResizeObserver"),
        blob_worker,
        match_media,
    }
}

const PROBE_KEY: &str = "async-playground.probe";

fn storage_works(window: &web_sys::Window) -> bool {
    let Ok(Some(s)) = window.local_storage() else {
        return false;
    };
    let ok = s.set_item(PROBE_KEY, "1").is_ok()
        && s.get_item(PROBE_KEY).ok().flatten().as_deref() == Some("1");
    let _ = s.remove_item(PROBE_KEY);
    ok
}

fn storage() -> Option<web_sys::Storage> {
    if !features().local_storage {
        return None;
    }
    web_sys::window()?.local_storage().ok()?
}

/// The value stored under `key` in this browser, if storage works here.
pub fn storage_get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

/// Stores `value` under `key`; `false` (and a feature note) when this
/// browser blocks storage for the page.
pub fn storage_set(key: &str, value: &str) -> bool {
    let ok = storage().is_some_and(|s| s.set_item(key, value).is_ok());
    if !ok {
        note(
            "This browser blocks storage for this page (a sandboxed frame, or storage turned off): \
             your choice is kept in the link (lang=) but not remembered for next time.",
        );
    }
    ok
}

fn runtime_notes() -> ArcRwSignal<Vec<String>> {
    RUNTIME_NOTES.with(|n| {
        n.borrow_mut()
            .get_or_insert_with(ArcRwSignal::default)
            .clone()
    })
}

/// Adds a note (once) saying what a missing or refused API costs; shown in
/// `[data-testid=feature-note]`.
pub fn note(text: &str) {
    let notes = runtime_notes();
    if !notes.with_untracked(|n| n.iter().any(|t| t == text)) {
        notes.update(|n| n.push(text.to_string()));
    }
}

/// Notes pushed while the page runs (see [`note`]), tracked.
pub fn runtime_notes_tracked() -> Vec<String> {
    runtime_notes().get()
}

/// The notes for the page showing lesson `example` (or the catalog): what
/// each missing API takes away there.
pub fn notes_for(example: Option<&str>) -> Vec<&'static str> {
    let f = features();
    let mut out = Vec::new();
    if !f.service_worker && matches!(example, Some("fetch" | "batch-llm")) {
        out.push(
            "No service worker here (plain http from a name other than localhost, or a sandboxed \
             frame): the mock API answers from the page instead, after the same latency.",
        );
    }
    if !f.blob_worker && example == Some("executor") {
        out.push(
            "This browser offers no Web Workers here: with offload=1 the work cannot leave the loop \
             and the run says so; offload=0 runs it inline.",
        );
    }
    if !f.match_media && example.is_some() {
        out.push(
            "matchMedia is missing: the timeline cannot ask whether you prefer reduced motion, so \
             open bars move (the colours still follow the system through CSS).",
        );
    }
    out
}

/// Whether `matches` is true for a media query (`false` without matchMedia).
pub fn media_matches(query: &str) -> bool {
    if !features().match_media {
        return false;
    }
    web_sys::window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|m| {
            js_sys::Reflect::get(m.as_ref(), &JsValue::from_str("matches"))
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false)
        })
}

/// The message of a thrown JS value (an `Error`, a `DOMException` or a
/// string), for errors shown to the learner.
pub fn js_error_text(e: &JsValue) -> String {
    if let Some(s) = e.as_string() {
        return s;
    }
    let name = get(e, "name").and_then(|v| v.as_string());
    let msg = get(e, "message").and_then(|v| v.as_string());
    match (name, msg) {
        (Some(n), Some(m)) => format!("{n}: {m}"),
        (None, Some(m)) => m,
        (Some(n), None) => n,
        (None, None) => e
            .dyn_ref::<js_sys::Object>()
            .map(|o| String::from(o.to_string()))
            .unwrap_or_else(|| "unknown error".to_string()),
    }
}
