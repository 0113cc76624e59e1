//! `fetch` with an AbortController, a timeout and clear errors.
//!
//! In the browser a request really goes over HTTP through the page's fetch:
//! to any URL the learner gives, or to the bundled mock API under
//! `mock-api/` that the service worker (`sw.js`) answers offline. Dropping
//! the future (Stop, a timeout, a cancelled task) aborts the request. On the
//! virtual clock the mock API is answered in Rust with the same latency and
//! status, so the ideal schedule and native tests match the browser.

use futures::future::{select, Either};

use super::clock::Clock;
use super::spawn::{Cx, TaskError};
use crate::core::mock_api;
use crate::core::trace::{EventKind, Ms};

/// An HTTP response: status and body text.
#[derive(Clone, Debug, PartialEq)]
pub struct Response {
    /// HTTP status code.
    pub status: u16,
    /// The status text, if the server sent one.
    pub status_text: String,
    /// The body as text.
    pub body: String,
}

impl Response {
    /// Whether the status is 2xx.
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// `response.raise_for_status()`: a non-2xx status becomes an error.
    pub fn error_for_status(self) -> Result<Response, TaskError> {
        if self.ok() {
            Ok(self)
        } else {
            let text = if self.status_text.is_empty() {
                String::new()
            } else {
                format!(" {}", self.status_text)
            };
            Err(TaskError::Raised(format!(
                "HTTPError: {}{text}",
                self.status
            )))
        }
    }
}

fn shorten(url: &str) -> String {
    const MAX: usize = 80;
    if url.chars().count() <= MAX {
        url.to_string()
    } else {
        format!("{}…", url.chars().take(MAX).collect::<String>())
    }
}

impl Cx {
    /// `await session.get(url)`: a real HTTP GET (recorded as `fetching`),
    /// with an optional timeout in scenario ms. Network failures, CORS
    /// refusals and timeouts are errors in words; a non-2xx status is a
    /// response (see [`Response::error_for_status`]).
    pub async fn fetch(&self, url: &str, timeout_ms: Option<Ms>) -> Result<Response, TaskError> {
        self.run.act(
            self.task,
            EventKind::Fetching {
                what: format!("GET {}", shorten(url)),
            },
        );
        let _pending = self.run.wakeup_guard();
        let request = request(&self.run.clock, url.to_string());
        let result = match timeout_ms {
            Some(t) if t.is_finite() && t >= 0.0 => {
                let timer = self.run.clock.sleep(t);
                match select(request, timer).await {
                    Either::Left((r, _)) => r,
                    // Dropping the request aborts it.
                    Either::Right(_) => Err(TaskError::Timeout(t)),
                }
            }
            _ => request.await,
        };
        self.run.mark_running(self.task);
        result
    }
}

pub(crate) fn request(
    clock: &Clock,
    url: String,
) -> futures::future::LocalBoxFuture<'static, Result<Response, TaskError>> {
    use futures::FutureExt;
    match clock {
        Clock::Virtual(_) => {
            let answer = mock_api::answer(&url);
            let clock = clock.clone();
            async move {
                if !mock_api::is_mock(&url) {
                    return Err(TaskError::Raised(format!(
                        "NetworkError: {url} is not reachable on the virtual clock"
                    )));
                }
                clock.sleep(answer.delay_ms).await;
                Ok(Response {
                    status: answer.status,
                    status_text: String::new(),
                    body: answer.body,
                })
            }
            .boxed_local()
        }
        #[cfg(target_arch = "wasm32")]
        Clock::Browser(b) => {
            let speed = b.speed;
            async move { browser::get(&url, speed).await }.boxed_local()
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{mock_ready, prepare_mock_api};

#[cfg(target_arch = "wasm32")]
mod browser {
    //! The browser side: web-sys fetch, AbortController, the service worker.
    use std::cell::Cell;

    use gloo_timers::future::TimeoutFuture;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{AbortController, RequestCache, RequestCredentials, RequestInit, RequestMode};

    use super::{Response, TaskError};
    use crate::core::mock_api;

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
    pub(super) async fn get(url: &str, speed: f64) -> Result<Response, TaskError> {
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
}
