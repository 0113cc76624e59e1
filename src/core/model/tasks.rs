//! Tasks and their lanes: the states, the spans, and the fold that keeps a
//! run's lanes as the log grows ([`Lanes`]), one event at a time.
//!
//! ```
//! use async_playground::core::model::tasks::Lanes;
//! use async_playground::core::trace::{Event, EventKind, TaskId, Trace};
//!
//! let mut trace = Trace::new(1);
//! let mut lanes = Lanes::default();
//! let mut tasks = Vec::new();
//! trace.push(Event { run: 1, task: TaskId(0), at_ms: 0.0,
//!     kind: EventKind::Spawned { name: "main()".into() } });
//! assert_eq!(lanes.apply(&trace.events()[0], &mut tasks), Some(0));
//! assert_eq!(tasks[0].name, "main()");
//! ```

use crate::core::trace::{Event, EventKind, Ms, TaskId, Trace};

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
            | EventKind::Renamed { .. }
            | EventKind::Stderr { .. }
            | EventKind::AtLine { .. }
            | EventKind::Acquired { .. }
            | EventKind::Released { .. }
            | EventKind::QueuePut(_)
            | EventKind::QueueGot(_)
            | EventKind::Heartbeat { .. }
            | EventKind::NetworkLate { .. }
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

/// Every task of the run as of `at` (all events when `None`), in spawn order:
/// the [`Lanes`] fold run over the log (what [`RunModel`](super::RunModel)
/// keeps incrementally).
pub fn tasks_at(trace: &Trace, at: Option<Ms>) -> Vec<TaskView> {
    let mut lanes = Lanes::default();
    let mut tasks = Vec::new();
    for e in trace.events() {
        if at.is_some_and(|t| e.at_ms > t) {
            break;
        }
        lanes.apply(e, &mut tasks);
    }
    tasks
}

/// What a span waited on or slept until, in words.
pub(crate) fn detail(kind: &EventKind) -> Option<String> {
    match kind {
        EventKind::Sleeping { until_ms } => Some(format!("until {}", fmt_ms(*until_ms))),
        EventKind::Fetching { what } => Some(what.clone()),
        EventKind::Waiting { on } => Some(format!("on {on}")),
        EventKind::Failed { message } => Some(message.clone()),
        _ => None,
    }
}

/// Where each task's lane sits in a `Vec<TaskView>` that the caller owns
/// (so a view can hold its lanes without a second copy).
///
/// Lanes appear in the order tasks were named (spawned or created), which is
/// their id order: ids are handed out in spawn order.
#[derive(Clone, Debug, Default)]
pub struct Lanes {
    /// Task id -> position in the lanes (`u32::MAX`: not named yet).
    index: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl Lanes {
    /// The position of `task`'s lane, once it has one.
    pub fn position(&self, task: TaskId) -> Option<usize> {
        match self.index.get(task.index()) {
            Some(&p) if p != NONE => Some(p as usize),
            _ => None,
        }
    }

    /// Applies one event to `tasks`; returns the position of the lane it
    /// changed, if it changed one.
    pub fn apply(&mut self, e: &Event, tasks: &mut Vec<TaskView>) -> Option<usize> {
        if e.task == TaskId::LOOP {
            return None;
        }
        let mut changed = None;
        if let EventKind::Created { name } | EventKind::Spawned { name } = &e.kind {
            if self.position(e.task).is_none() {
                let idx = e.task.index();
                if idx >= self.index.len() {
                    self.index.resize(idx + 1, NONE);
                }
                let pos = tasks.len();
                self.index[idx] = u32::try_from(pos).unwrap_or(NONE);
                tasks.push(TaskView {
                    id: e.task,
                    name: name.clone(),
                    state: TaskState::Created,
                    start_ms: e.at_ms,
                    end_ms: None,
                    spans: Vec::new(),
                    error: None,
                    line: None,
                });
                changed = Some(pos);
            }
        }
        let pos = self.position(e.task)?;
        let t = tasks.get_mut(pos)?;
        if let EventKind::Renamed { name } = &e.kind {
            t.name = name.clone();
            return Some(pos);
        }
        if let EventKind::AtLine { line } = e.kind {
            // Where the task is in the code; it does not change its state.
            // A finished task stays at the line it ended on.
            if t.end_ms.is_some() || t.line == Some(line) {
                return changed;
            }
            t.line = Some(line);
            return Some(pos);
        }
        let Some(state) = TaskState::after(&e.kind) else {
            return changed;
        };
        if t.end_ms.is_some() {
            return changed;
        }
        if let Some(last) = t.spans.last_mut() {
            if last.state == state
                && !matches!(
                    e.kind,
                    EventKind::Sleeping { .. } | EventKind::Waiting { .. }
                )
            {
                return changed;
            }
            last.to_ms = Some(e.at_ms);
        }
        t.state = state;
        if let EventKind::Failed { message } = &e.kind {
            t.error = Some(message.clone());
        }
        if state.is_final() {
            t.end_ms = Some(e.at_ms);
        } else {
            t.spans.push(Span {
                state,
                from_ms: e.at_ms,
                to_ms: None,
                detail: detail(&e.kind),
            });
        }
        Some(pos)
    }
}
