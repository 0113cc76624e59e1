//! `fetch` in the browser: web-sys fetch, AbortController, and the mock
//! API's service worker.
use std::cell::Cell;

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestCache, RequestCredentials, RequestInit, RequestMode};

use crate::core::mock_api;
use crate::runtime::net::Response;
use crate::runtime::spawn::TaskError;

thread_local! {
    static REGISTERED: Cell<bool> = const { Cell::new(false) };
    static GAVE_UP: Cell<bool> = const { Cell::new(false) };
}

/// The page's service worker container, where there is one: none
/// outside a secure context (plain http from a LAN name) and none in a
/// sandboxed, opaque-origin frame (where even reading it throws).
fn container() -> Option<web_sys::ServiceWorkerContainer> {
    if !crate::web::features().service_worker {
        return None;
    }
    let nav = web_sys::window()?.navigator();
    js_sys::Reflect::get(&nav, &JsValue::from_str("serviceWorker"))
        .ok()
        .filter(|c| c.is_object())
        .map(JsCast::unchecked_into)
}

/// Registers the mock API's service worker (once). Call early, so it
/// controls the page before the first request.
pub fn prepare_mock_api() {
    if REGISTERED.with(|r| r.replace(true)) {
        return;
    }
    let Some(container) = container() else {
        return;
    };
    let opts = web_sys::RegistrationOptions::new();
    opts.set_type("module");
    // A failure (refused, or no sw.js here) is fine: requests then fall
    // back to the page, see `mock_fallback`. The rejection is handled so
    // it is not reported as an uncaught one.
    let noop = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(|_| {});
    let _ = container.register_with_options("sw.js", &opts).catch(&noop);
    noop.forget();
}

/// Whether a service worker controls the page, waiting briefly (about a
/// second) for one that is starting; `false` at once where there can be
/// none. The app awaits this before an autorun, so a first visit's run
/// is not slowed by the install.
pub async fn mock_ready() -> bool {
    prepare_mock_api();
    let Some(container) = container() else {
        return false;
    };
    // Once a wait ran out, later requests do not wait again.
    let tries = if GAVE_UP.with(Cell::get) { 1 } else { 40 };
    for i in 0..tries {
        if container.controller().is_some() {
            return true;
        }
        if i + 1 < tries {
            TimeoutFuture::new(25).await;
        }
    }
    GAVE_UP.with(|g| g.set(true));
    false
}

/// Aborts the request when dropped before it completed.
struct AbortOnDrop {
    controller: Option<AbortController>,
}

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(c) = self.controller.take() {
            c.abort();
        }
    }
}

fn js_message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

fn network_error(url: &str, e: &JsValue) -> TaskError {
    let msg = js_message(e);
    if msg.contains("Failed to parse URL") || msg.contains("Invalid URL") {
        TaskError::Raised(format!("InvalidURL: {url} is not a URL"))
    } else if msg.contains("abort") {
        TaskError::Cancelled
    } else {
        TaskError::Raised(format!(
            "NetworkError: {msg} (offline, unknown host, or the server refused a cross-origin request (CORS))"
        ))
    }
}

/// Resolves `url` against the page and accepts only http(s).
fn check_url(url: &str) -> Result<String, TaskError> {
    let base = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let parsed = web_sys::Url::new_with_base(url, &base)
        .map_err(|_| TaskError::Raised(format!("InvalidURL: {url:?} is not a URL")))?;
    let scheme = parsed.protocol();
    if scheme != "http:" && scheme != "https:" {
        return Err(TaskError::Raised(format!(
            "InvalidURL: only http and https URLs can be fetched, not {scheme}"
        )));
    }
    if parsed.host().contains(' ') || url.contains(' ') {
        return Err(TaskError::Raised(format!(
            "InvalidURL: {url:?} contains a space"
        )));
    }
    Ok(parsed.href())
}

async fn http_get(url: &str) -> Result<Response, TaskError> {
    let url = &check_url(url)?;
    let window = web_sys::window().ok_or_else(|| TaskError::Raised("no window".into()))?;
    let controller = AbortController::new().map_err(|e| network_error(url, &e))?;
    let mut guard = AbortOnDrop {
        controller: Some(controller.clone()),
    };
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_signal(Some(&controller.signal()));
    init.set_credentials(RequestCredentials::Omit);
    init.set_mode(RequestMode::Cors);
    init.set_cache(RequestCache::NoStore);
    let resp = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|e| network_error(url, &e))?;
    let resp: web_sys::Response = resp
        .dyn_into()
        .map_err(|_| TaskError::Raised("fetch returned no response".into()))?;
    let text_promise = resp.text().map_err(|e| network_error(url, &e))?;
    let body = JsFuture::from(text_promise)
        .await
        .map_err(|e| network_error(url, &e))?
        .as_string()
        .unwrap_or_default();
    guard.controller = None;
    Ok(Response {
        status: resp.status(),
        status_text: resp.status_text(),
        body,
    })
}

/// Without a service worker: wait the mock latency for real, make a real
/// request for a static file, and answer as the mock API would.
async fn mock_fallback(url: &str) -> Result<Response, TaskError> {
    let answer = mock_api::answer(url);
    let real = answer.delay_ms.clamp(0.0, 60_000.0) as u32;
    TimeoutFuture::new(real).await;
    let _ = http_get("mock-api/fallback.json").await?;
    Ok(Response {
        status: answer.status,
        status_text: String::new(),
        body: answer.body,
    })
}

/// A GET at time scale `speed` (mock latencies are divided by it).
pub(crate) async fn get(url: &str, speed: f64) -> Result<Response, TaskError> {
    if mock_api::is_mock(url) {
        let real_url = mock_api::scale_delay(url, speed);
        if mock_ready().await {
            http_get(&real_url).await
        } else {
            mock_fallback(&real_url).await
        }
    } else {
        http_get(url).await
    }
}
