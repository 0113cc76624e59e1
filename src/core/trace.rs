//! The append-only event log of a run.
//!
//! Every view, statistic, export and test is derived from a [`Trace`]. Events
//! are plain Rust values: no JS object is created per event.

use std::fmt;

/// Scenario time in milliseconds since the run started.
pub type Ms = f64;

/// Identifies a task within one run. Ids are dense, in spawn order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TaskId(pub u32);

impl TaskId {
    /// The pseudo-task that owns loop heartbeats and run-level events.
    pub const LOOP: TaskId = TaskId(u32::MAX);

    /// The id as an index into per-task tables.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl fmt::Display for TaskId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if *self == TaskId::LOOP {
            f.write_str("loop")
        } else {
            write!(f, "#{}", self.0)
        }
    }
}

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunOutcome {
    /// The main coroutine returned (or raised) and the run wound down.
    Finished,
    /// The user pressed Stop (or started another run).
    Stopped,
    /// Every live task waits on something only another live task can release.
    Deadlock,
    /// The program's main coroutine raised (an interpreted program's
    /// uncaught exception; its traceback is on stderr).
    Error,
}

impl RunOutcome {
    /// The `data-run-state` value this outcome leads to.
    pub fn as_str(self) -> &'static str {
        match self {
            RunOutcome::Finished => "finished",
            RunOutcome::Stopped => "stopped",
            RunOutcome::Deadlock => "deadlock",
            RunOutcome::Error => "error",
        }
    }
}

/// What happened.
#[derive(Clone, Debug, PartialEq)]
pub enum EventKind {
    /// A coroutine object was created but not scheduled (it will not run
    /// unless awaited).
    Created {
        /// The name as the code calls it, e.g. `fetch_user(2)`.
        name: String,
    },
    /// A task was created and scheduled: it is ready to run.
    Spawned {
        /// The name as the code calls it, e.g. `fetch_user(2)`.
        name: String,
    },
    /// The task was given a new name (`task.set_name(...)`): its lane is
    /// called that from now on.
    Renamed {
        /// The new name.
        name: String,
    },
    /// The loop started (or resumed) running the task.
    Running,
    /// The task awaits a timer that fires at `until_ms`.
    Sleeping {
        /// Scenario time at which the timer fires.
        until_ms: Ms,
    },
    /// The task awaits network or worker I/O.
    Fetching {
        /// What it fetches, e.g. a URL.
        what: String,
    },
    /// The task awaits a named resource (a semaphore, a lock, another task).
    Waiting {
        /// The resource, e.g. `Semaphore(3)` or `gather(5)`.
        on: String,
    },
    /// Something the task waited on released it: it is ready to run.
    Woken,
    /// The task now holds a resource (a lock, a semaphore permit).
    Acquired {
        /// The resource, e.g. `Semaphore(3)` or `Lock(a)`.
        on: String,
    },
    /// The task let go of a resource it held.
    Released {
        /// The resource.
        on: String,
    },
    /// The task put an item into a queue.
    ///
    /// Boxed, so that this rare two-string variant does not make every
    /// event bigger: an [`Event`] stays 32 bytes on wasm32.
    QueuePut(Box<QueueMove>),
    /// The task took an item out of a queue.
    QueueGot(Box<QueueMove>),
    /// The task printed a line (stdout).
    Printed {
        /// The line, without its newline.
        line: String,
    },
    /// A line on stderr: a warning or a traceback line, as CPython writes it.
    Stderr {
        /// The line, without its newline.
        line: String,
    },
    /// The task is now at this line of the program's code (recorded when
    /// it changes, before the event it explains).
    AtLine {
        /// Line, from 1.
        line: u32,
    },
    /// The task returned.
    Done,
    /// The task raised an error.
    Failed {
        /// The error in words.
        message: String,
    },
    /// The task was cancelled.
    Cancelled,
    /// The loop's heartbeat ticked `lag_ms` later than it was due.
    Heartbeat {
        /// Lateness in scenario milliseconds.
        lag_ms: Ms,
    },
    /// A request to the bundled mock API answered `lag_ms` later than its
    /// latency (`delay=`) asks: lateness the machine added outside the page's
    /// loop (the service worker, the browser's network), which the heartbeat
    /// does not see. Recorded for the task that fetched, at the answer.
    NetworkLate {
        /// Lateness in scenario milliseconds.
        lag_ms: Ms,
    },
    /// A diagnostic about the task, at its moment: one of asyncio's own
    /// warnings in CPython's words, or the playground's (see
    /// [`DiagKind::from_cpython`]). Boxed: rare, and events stay 32 bytes.
    Diagnostic(Box<Diagnostic>),
    /// What the task awaits, with its structure (which task, gather, lock,
    /// semaphore, queue): recorded just before the [`EventKind::Waiting`]
    /// it explains, by the interpreter. Consumers that know only `Waiting`
    /// may ignore it.
    Awaits(Box<AwaitTarget>),
    /// The run ended.
    RunEnded {
        /// How it ended.
        outcome: RunOutcome,
    },
}

/// An item that entered or left a queue ([`EventKind::QueuePut`],
/// [`EventKind::QueueGot`]).
#[derive(Clone, Debug, PartialEq)]
pub struct QueueMove {
    /// The queue's name, e.g. `Queue(maxsize=2)`.
    pub queue: String,
    /// The item, as printed.
    pub item: String,
}

/// Which diagnostic ([`EventKind::Diagnostic`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DiagKind {
    /// `RuntimeWarning: coroutine '…' was never awaited`.
    NeverAwaited,
    /// `Task exception was never retrieved`.
    NeverRetrieved,
    /// `Task was destroyed but it is pending!`.
    DestroyedPending,
    /// Debug mode's `Executing <Task …> took 0.512 seconds` (a step that
    /// held the loop for 100 ms or more).
    SlowCallback,
    /// A task created and never kept: the loop holds only a weak reference,
    /// so CPython may garbage-collect it before it ends (the playground's
    /// own warning; CPython says nothing).
    NotKept,
}

impl DiagKind {
    /// Every kind, in the order the legend lists them.
    pub const ALL: [DiagKind; 5] = [
        DiagKind::NeverAwaited,
        DiagKind::NeverRetrieved,
        DiagKind::DestroyedPending,
        DiagKind::SlowCallback,
        DiagKind::NotKept,
    ];

    /// Its id, for the DOM (`data-diagnostic`) and the export.
    pub fn as_str(self) -> &'static str {
        match self {
            DiagKind::NeverAwaited => "never-awaited",
            DiagKind::NeverRetrieved => "never-retrieved",
            DiagKind::DestroyedPending => "destroyed-pending",
            DiagKind::SlowCallback => "slow-callback",
            DiagKind::NotKept => "not-kept",
        }
    }

    /// The kind of an id ([`DiagKind::as_str`]).
    pub fn parse(s: &str) -> Option<DiagKind> {
        DiagKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether CPython itself prints it (without debug mode): then the
    /// program's stderr already carries its lines. The slow-callback
    /// warning needs debug mode; the not-kept one is the playground's.
    pub fn from_cpython(self) -> bool {
        matches!(
            self,
            DiagKind::NeverAwaited | DiagKind::NeverRetrieved | DiagKind::DestroyedPending
        )
    }

    /// Who says it, in words.
    pub fn source(self) -> &'static str {
        match self {
            DiagKind::SlowCallback => "asyncio debug mode",
            DiagKind::NotKept => "the playground (CPython says nothing)",
            _ => "CPython",
        }
    }

    /// The lesson that explains it (an example id).
    pub fn lesson(self) -> &'static str {
        match self {
            DiagKind::NeverAwaited => "forgotten-await",
            DiagKind::NeverRetrieved => "gather-errors",
            DiagKind::DestroyedPending => "daemon",
            DiagKind::SlowCallback => "blocking-call",
            DiagKind::NotKept => "create-task",
        }
    }

    /// What it means, in one sentence.
    pub fn meaning(self) -> &'static str {
        match self {
            DiagKind::NeverAwaited => "A coroutine was called but never awaited or scheduled: its body never ran.",
            DiagKind::NeverRetrieved => "A task failed and nobody awaited it or asked for its exception: the error went unseen until the task was garbage-collected.",
            DiagKind::DestroyedPending => "A task was still pending when the loop closed: it never finished.",
            DiagKind::SlowCallback => "One step of a task held the loop for 100 ms or more without awaiting: every other task waited (asyncio debug mode reports it).",
            DiagKind::NotKept => "The task returned by create_task() is not kept anywhere: the loop holds only a weak reference, so CPython may garbage-collect it before it ends. Keep a reference (a set of background tasks).",
        }
    }
}

/// An [`EventKind::Diagnostic`].
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// Which one.
    pub kind: DiagKind,
    /// Its headline, word for word as CPython writes it (for the
    /// playground's own, the playground's words).
    pub text: String,
}

/// What a task awaits ([`EventKind::Awaits`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AwaitKind {
    /// Another task (or a directly awaited coroutine on its own lane).
    Task,
    /// A plain future (`loop.create_future()`, an executor job).
    Future,
    /// `gather`, `wait`, a `TaskGroup`: several tasks at once.
    Gather,
    /// `asyncio.Lock`.
    Lock,
    /// `asyncio.Semaphore` / `BoundedSemaphore`.
    Semaphore,
    /// `asyncio.Queue` (`put` when full, `get` when empty).
    Queue,
    /// `asyncio.Event`, `Condition`, `Barrier` and the like.
    Event,
}

impl AwaitKind {
    /// Its id, for the DOM (`data-await-node`).
    pub fn as_str(self) -> &'static str {
        match self {
            AwaitKind::Task => "task",
            AwaitKind::Future => "future",
            AwaitKind::Gather => "gather",
            AwaitKind::Lock => "lock",
            AwaitKind::Semaphore => "semaphore",
            AwaitKind::Queue => "queue",
            AwaitKind::Event => "event",
        }
    }
}

/// An [`EventKind::Awaits`]: the awaited thing and the tasks it stands for.
#[derive(Clone, Debug, PartialEq)]
pub struct AwaitTarget {
    /// What it is.
    pub kind: AwaitKind,
    /// Its name as the `Waiting` event gives it (`sem`, `gather(3 tasks)`,
    /// `fetch_user(2)`).
    pub name: String,
    /// The lanes it waits for: the awaited task, a gather's children.
    pub tasks: Vec<TaskId>,
}

impl EventKind {
    /// Whether this is the page measuring the machine (the heartbeat, the
    /// mock API's lateness) rather than something the program did: left
    /// out of replay's steps and explanations.
    pub fn is_measurement(&self) -> bool {
        matches!(
            self,
            EventKind::Heartbeat { .. } | EventKind::NetworkLate { .. }
        )
    }

    /// A diagnostic of `kind` with `text`.
    pub fn diagnostic(kind: DiagKind, text: impl Into<String>) -> Self {
        EventKind::Diagnostic(Box::new(Diagnostic {
            kind,
            text: text.into(),
        }))
    }

    /// `item` was put into `queue`.
    pub fn queue_put(queue: impl Into<String>, item: impl Into<String>) -> Self {
        EventKind::QueuePut(Box::new(QueueMove {
            queue: queue.into(),
            item: item.into(),
        }))
    }

    /// `item` was taken out of `queue`.
    pub fn queue_got(queue: impl Into<String>, item: impl Into<String>) -> Self {
        EventKind::QueueGot(Box::new(QueueMove {
            queue: queue.into(),
            item: item.into(),
        }))
    }
}

/// One entry of the log.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// The generation of the run that recorded the event.
    pub run: u32,
    /// The task the event is about ([`TaskId::LOOP`] for run-level events).
    pub task: TaskId,
    /// Scenario time since the run started.
    pub at_ms: Ms,
    /// What happened.
    pub kind: EventKind,
}

// The log's memory is its events: keep one at 32 bytes in the browser (48
// natively), so that a recorded event costs well under 64 bytes.
#[cfg(target_pointer_width = "32")]
const _: () = assert!(std::mem::size_of::<Event>() == 32);
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Event>() == 48);

/// The append-only log of one run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trace {
    /// The run's generation; events of any other generation are refused.
    pub run: u32,
    events: Vec<Event>,
}

impl Trace {
    /// An empty log for run `run`.
    pub fn new(run: u32) -> Self {
        Trace {
            run,
            events: Vec::new(),
        }
    }

    /// Appends an event. Events of another generation, or after the run
    /// ended, are ignored; returns whether the event was kept.
    pub fn push(&mut self, event: Event) -> bool {
        if event.run != self.run || self.outcome().is_some() {
            return false;
        }
        let ended = matches!(event.kind, EventKind::RunEnded { .. });
        self.events.push(event);
        if ended {
            // A finished log never grows again: give back the slack that
            // doubling left (up to half of it), once per run.
            self.events.shrink_to_fit();
        }
        true
    }

    /// All events, in the order they happened.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// Number of events.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// Whether nothing was recorded yet.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// How the run ended, once it has.
    pub fn outcome(&self) -> Option<RunOutcome> {
        match self.events.last() {
            Some(Event {
                kind: EventKind::RunEnded { outcome },
                ..
            }) => Some(*outcome),
            _ => None,
        }
    }

    /// The time of the last event (the run's end once it has ended).
    pub fn last_ms(&self) -> Ms {
        self.events.last().map_or(0.0, |e| e.at_ms)
    }

    /// Lines printed, with their time and task, in order.
    pub fn console(&self) -> impl Iterator<Item = (Ms, TaskId, &str)> {
        self.events.iter().filter_map(|e| match &e.kind {
            EventKind::Printed { line } => Some((e.at_ms, e.task, line.as_str())),
            _ => None,
        })
    }
}
