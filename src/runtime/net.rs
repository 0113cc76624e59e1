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
use std::rc::Rc;

use super::spawn::{Cx, RunInner, TaskError};
use crate::core::mock_api;
use crate::core::trace::{EventKind, Ms};

/// Network lateness (scenario ms) below which an answer counts as on time:
/// the browser's clock and timers' own granularity.
pub const NETWORK_LATE_MS: Ms = 1.0;

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
        let request = request(&self.run, url.to_string());
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

/// A GET of `url` on `run`'s clock. In the browser, an answer of the mock
/// API later than its latency asks is recorded as the run's network
/// lateness (the machine's, not the program's: what the heartbeat cannot see).
pub(crate) fn request(
    run: &Rc<RunInner>,
    url: String,
) -> futures::future::LocalBoxFuture<'static, Result<Response, TaskError>> {
    use futures::FutureExt;
    let clock = &run.clock;
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
            let run = run.clone();
            async move {
                let asked = mock_api::is_mock(&url).then(|| mock_api::answer(&url).delay_ms);
                let t0 = run.clock.now();
                let r = browser::get(&url, speed).await;
                if let (Some(asked), Ok(_)) = (asked, &r) {
                    let late = run.clock.now() - t0 - asked;
                    if late >= NETWORK_LATE_MS {
                        run.note_network_late(late);
                    }
                }
                r
            }
            .boxed_local()
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{mock_ready, prepare_mock_api};

#[cfg(target_arch = "wasm32")]
use super::browser::fetch as browser;
