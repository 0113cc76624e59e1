//! Task states and lanes, derived from the event log (never stored twice).

use super::trace::{EventKind, Ms, TaskId, Trace};

/// The state of a task, as `data-state` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TaskState {
    /// A coroutine object exists but was never scheduled.
    Created,
    /// Scheduled, waiting for the loop to run it.
    Ready,
    /// The loop is running it right now.
    Running,
    /// Awaiting a timer.
    Sleeping,
    /// Awaiting network or worker I/O.
    Fetching,
    /// Awaiting a lock, semaphore, queue or another task.
    Waiting,
    /// Returned.
    Done,
    /// Raised an error.
    Failed,
    /// Was cancelled.
    Cancelled,
}

impl TaskState {
    /// Every state, in lifecycle order (for legends).
    pub const ALL: [TaskState; 9] = [
        TaskState::Created,
        TaskState::Ready,
        TaskState::Running,
        TaskState::Sleeping,
        TaskState::Fetching,
        TaskState::Waiting,
        TaskState::Done,
        TaskState::Failed,
        TaskState::Cancelled,
    ];

    /// The contract's name of the state.
    pub fn as_str(self) -> &'static str {
        match self {
            TaskState::Created => "created",
            TaskState::Ready => "ready",
            TaskState::Running => "running",
            TaskState::Sleeping => "sleeping",
            TaskState::Fetching => "fetching",
            TaskState::Waiting => "waiting",
            TaskState::Done => "done",
            TaskState::Failed => "failed",
            TaskState::Cancelled => "cancelled",
        }
    }

    /// Whether the task can no longer change.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            TaskState::Done | TaskState::Failed | TaskState::Cancelled
        )
    }

    /// Whether the task counts as "in flight": its operation (a timer
    /// standing for I/O, a fetch, a worker job) is under way. A task that
    /// merely runs for an instant on its way to a lock is not in flight, nor
    /// is one queued behind a semaphore.
    pub fn in_flight(self) -> bool {
        matches!(self, TaskState::Sleeping | TaskState::Fetching)
    }

    /// The state an event puts its task in, if it changes it.
    pub fn after(kind: &EventKind) -> Option<TaskState> {
        Some(match kind {
            EventKind::Created { .. } => TaskState::Created,
            EventKind::Spawned { .. } | EventKind::Woken => TaskState::Ready,
            EventKind::Running => TaskState::Running,
            EventKind::Sleeping { .. } => TaskState::Sleeping,
            EventKind::Fetching { .. } => TaskState::Fetching,
            EventKind::Waiting { .. } => TaskState::Waiting,
            EventKind::Done => TaskState::Done,
            EventKind::Failed { .. } => TaskState::Failed,
            EventKind::Cancelled => TaskState::Cancelled,
            EventKind::Printed { .. }
            | EventKind::Stderr { .. }
            | EventKind::AtLine { .. }
            | EventKind::Acquired { .. }
            | EventKind::Released { .. }
            | EventKind::QueuePut(_)
            | EventKind::QueueGot(_)
            | EventKind::Heartbeat { .. }
            | EventKind::Diagnostic(_)
            | EventKind::Awaits(_)
            | EventKind::RunEnded { .. } => return None,
        })
    }
}

/// A stretch of time a task spent in one state.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    /// The state.
    pub state: TaskState,
    /// When it began.
    pub from_ms: Ms,
    /// When it ended; `None` while it lasts.
    pub to_ms: Option<Ms>,
    /// What the task waited on or slept until, in words, if anything.
    pub detail: Option<String>,
}

/// A task and its history, as of some moment.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskView {
    /// The task's id.
    pub id: TaskId,
    /// The name as the code calls it.
    pub name: String,
    /// The state at the moment of the view.
    pub state: TaskState,
    /// When the task was created.
    pub start_ms: Ms,
    /// When it ended, if it has.
    pub end_ms: Option<Ms>,
    /// Its states over time; the last one lasts until `end_ms` or now.
    pub spans: Vec<Span>,
    /// The error message, if it failed.
    pub error: Option<String>,
    /// The line of the program's code the task is at (from 1), from its
    /// latest [`EventKind::AtLine`]; `None` until it records one (a
    /// lesson's Rust version records none).
    pub line: Option<u32>,
}

/// Formats scenario milliseconds for people: `850 ms`, `2.40 s`.
pub fn fmt_ms(ms: Ms) -> String {
    if ms.abs() < 1000.0 {
        format!("{} ms", ms.round())
    } else {
        format!("{:.2} s", ms / 1000.0)
    }
}

/// Every task of the run as of `at` (all events when `None`), in spawn order.
/// The same fold the live view applies one event at a time
/// ([`LiveTasks`](super::live::LiveTasks)).
pub fn tasks_at(trace: &Trace, at: Option<Ms>) -> Vec<TaskView> {
    let mut lanes = super::live::LiveTasks::default();
    let mut tasks = Vec::new();
    for e in trace.events() {
        if at.is_some_and(|t| e.at_ms > t) {
            break;
        }
        lanes.apply(e, &mut tasks);
    }
    tasks
}
