//! The lessons: one file each, holding its id, title, explanation, the claim
//! a learner can check on screen, the Python asyncio code a course would
//! show, its parameter specs, and the async fn that really runs.

use futures::future::LocalBoxFuture;

use crate::core::params::{ParamSpec, Values};
use crate::runtime::{Cx, MainFn, TaskError};

pub mod async_iterator;
pub mod batch_llm;
pub mod blocking_call;
pub mod context_manager;
pub mod coroutine;
pub mod create_task;
pub mod daemon;
pub mod deadlock;
pub mod executor;
pub mod fetch;
pub mod forgotten_await;
pub mod gather_errors;
pub mod queue;
pub mod race_condition;
pub mod retry;
pub mod semaphore;
pub mod semaphore_inside;
pub mod sequential_vs_gather;
pub mod sources;
pub mod timeout;

/// A lesson of the playground.
pub struct Lesson {
    /// The URL id, e.g. `semaphore`.
    pub id: &'static str,
    /// The title shown in the catalog and the header.
    pub title: &'static str,
    /// The catalog group.
    pub group: &'static str,
    /// One line for the catalog.
    pub summary: &'static str,
    /// A short explanation, one paragraph per entry.
    pub explanation: &'static [&'static str],
    /// The parameters, with their ranges and defaults.
    pub params: &'static [ParamSpec],
    /// The claim a learner can check on screen, with the current values.
    pub claim: fn(&Values) -> String,
    /// The ideal elapsed scenario time, for the claim and the time axis.
    pub expected_ms: fn(&Values) -> f64,
    /// The Python asyncio code, with the current values in it.
    pub python: fn(&Values) -> String,
    /// The coroutine that really runs.
    pub main: fn(Cx, Values) -> LocalBoxFuture<'static, Result<(), TaskError>>,
    /// The questions asked before the first Run (`core::predict`): plain
    /// data, answered from the run's own log.
    pub predict: &'static [crate::core::predict::Question],
}

impl Lesson {
    /// The lesson's main coroutine bound to `values`, ready for a run.
    pub fn main_fn(&'static self, values: Values) -> MainFn {
        let main = self.main;
        Box::new(move |cx| main(cx, values))
    }
}

/// Catalog groups, in the order shown.
pub const GROUPS: &[&str] = &[
    "Basics",
    "Tasks and cancellation",
    "Concurrency limits",
    "Errors, timeouts and retries",
    "Coordination",
    "Pitfalls",
    "Real I/O and executors",
];

/// Every lesson, in catalog order.
pub static LESSONS: &[&Lesson] = &[
    &coroutine::LESSON,
    &sequential_vs_gather::LESSON,
    &async_iterator::LESSON,
    &context_manager::LESSON,
    &create_task::LESSON,
    &daemon::LESSON,
    &semaphore::LESSON,
    &semaphore_inside::LESSON,
    &gather_errors::LESSON,
    &timeout::LESSON,
    &retry::LESSON,
    &queue::LESSON,
    &race_condition::LESSON,
    &deadlock::LESSON,
    &blocking_call::LESSON,
    &forgotten_await::LESSON,
    &fetch::LESSON,
    &batch_llm::LESSON,
    &executor::LESSON,
];

/// Finds a lesson by its URL id.
pub fn find(id: &str) -> Option<&'static Lesson> {
    LESSONS.iter().copied().find(|l| l.id == id)
}

/// The lookup the URL parser uses.
pub fn lookup(id: &str) -> Option<(&'static str, &'static [ParamSpec])> {
    find(id).map(|l| (l.id, l.params))
}

/// Seconds for Python code: `0.8` for 800 ms.
pub fn secs(ms: f64) -> String {
    let s = format!("{:.3}", ms / 1000.0);
    let s = s.trim_end_matches('0');
    if s.ends_with('.') {
        format!("{s}0")
    } else {
        s.to_string()
    }
}
