//! What the interpreter needs from the run it lives in: a clock, the event
//! log, lanes, blocking, waiting, and I/O. The runtime implements it on the
//! browser's loop or the virtual clock (`runtime/python_host.rs`); tests can
//! implement it too.

use std::rc::Rc;

use futures::future::LocalBoxFuture;

use crate::core::trace::{EventKind, Ms, TaskId};

/// An HTTP request an interpreted program makes (aiohttp).
#[derive(Clone, Debug, PartialEq)]
pub struct HttpRequest {
    /// `GET`, `POST`, ...
    pub method: String,
    /// The URL as the program gave it.
    pub url: String,
    /// A JSON or text body, if any.
    pub body: Option<String>,
    /// A timeout in scenario ms, if any.
    pub timeout_ms: Option<Ms>,
}

/// An HTTP response.
#[derive(Clone, Debug, PartialEq)]
pub struct HttpResponse {
    /// Status code.
    pub status: u16,
    /// Status text.
    pub reason: String,
    /// Body text.
    pub body: String,
    /// `Content-Type`.
    pub content_type: String,
}

/// The outcome of an I/O operation.
#[derive(Clone, Debug, PartialEq)]
pub enum IoResult {
    /// An HTTP response.
    Http(HttpResponse),
    /// An HTTP failure: (aiohttp exception class name, message).
    HttpError(String, String),
    /// An HTTP timeout.
    Timeout,
    /// A worker job's result (the CPU work's count).
    Work(f64),
    /// A worker job that could not run (no Web Workers here, or the
    /// page's CSP forbids them): why, in words.
    WorkFailed(String),
}

/// An I/O operation to start.
#[derive(Clone, Debug, PartialEq)]
pub enum IoRequest {
    /// An HTTP request.
    Http(HttpRequest),
    /// CPU work of `ms` scenario milliseconds off the loop (a worker).
    Work {
        /// How long the work takes.
        ms: Ms,
    },
}

/// The run an interpreter lives in.
pub trait Host {
    /// Scenario time now, ms.
    fn now(&self) -> Ms;
    /// Whether time is virtual (deterministic; no real waiting).
    fn is_virtual(&self) -> bool;
    /// Records an event.
    fn record(&self, lane: TaskId, kind: EventKind);
    /// A new lane named `name`: scheduled (`Spawned`) or a coroutine object
    /// that nothing runs yet (`Created`). The first scheduled lane of a run
    /// is the run's main lane.
    fn new_lane(&self, name: &str, scheduled: bool) -> TaskId;
    /// Ends a lane with `Done`, `Failed` or `Cancelled`.
    fn end_lane(&self, lane: TaskId, kind: EventKind);
    /// `time.sleep(ms)`: the whole loop stops (really, in the browser).
    fn block(&self, ms: Ms);
    /// Real milliseconds since the interpreter last yielded to the host
    /// (for stopping a loop that never awaits).
    fn busy_ms(&self) -> f64;
    /// Starts an I/O operation; its completion comes back from [`Host::idle`].
    fn start_io(&self, id: u64, req: IoRequest);
    /// Cancels an I/O operation (its result will not come).
    fn cancel_io(&self, id: u64);
    /// Waits until scenario time `until` (or forever with `None`) or until
    /// an I/O operation completes; gives back completed operations.
    fn idle(self: Rc<Self>, until: Option<Ms>) -> LocalBoxFuture<'static, Vec<(u64, IoResult)>>;
    /// Whether any I/O operation is in flight.
    fn io_pending(&self) -> bool;
}
