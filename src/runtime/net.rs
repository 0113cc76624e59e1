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
use super::browser::fetch as browser;
