//! The run itself: named tasks, their slots, cancellation and the log.
//! ([`Cx`] is a task's handle on it, in `cx.rs`; [`JoinHandle`] and `gather`'s
//! progress are in `join.rs`; how a task and the run end, and the deadlock
//! check, in `spawn/ending.rs`.)
//!
//! A [`Run`] owns one generation of the event log. Stop (or a new Run) ends
//! it completely: every live task is cancelled and its future dropped (which
//! clears its timers), and the log refuses any later event.

use std::cell::{Cell, Ref, RefCell};
use std::future::Future;
use std::rc::Rc;

use futures::future::{AbortHandle, Abortable, FutureExt, LocalBoxFuture};

use super::clock::Clock;
use super::virtual_loop::VirtualLoop;
use crate::core::model::tasks::fmt_ms;
use crate::core::model::wait_for::WaitFor;
use crate::core::trace::{Event, EventKind, Ms, RunOutcome, TaskId, Trace};

pub use super::cx::Cx;
pub use super::join::JoinHandle;
use super::join::JoinState;

mod ending;

/// An error a task ends with, as asyncio would raise it.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum TaskError {
    /// The task raised an exception, e.g. `ValueError: bad id 3`.
    #[error("{0}")]
    Raised(String),
    /// The task was cancelled.
    #[error("CancelledError")]
    Cancelled,
    /// A timeout expired.
    #[error("TimeoutError: no answer within {}", fmt_ms(*.0))]
    Timeout(Ms),
}

/// The lesson's main coroutine.
pub type MainFn = Box<dyn FnOnce(Cx) -> LocalBoxFuture<'static, Result<(), TaskError>>>;

/// Who is told when a run ends, and how it ended ([`Run::on_end`]).
type EndListener = Box<dyn FnOnce(RunOutcome)>;

pub(super) struct Slot {
    pub(super) running: bool,
    pub(super) ended: bool,
    pub(super) abort: Option<AbortHandle>,
    pub(super) on_cancel: Option<Box<dyn FnOnce()>>,
}

pub(crate) struct RunInner {
    generation: u32,
    pub(crate) clock: Clock,
    trace: RefCell<Trace>,
    /// Whether events are kept (see [`Run::set_recording`]).
    recording: Cell<bool>,
    pub(super) slots: RefCell<Vec<Slot>>,
    main: Cell<Option<TaskId>>,
    /// Timers and I/O in flight: what could still wake a waiting task.
    pending_wakeups: Cell<usize>,
    loop_tasks: RefCell<Vec<AbortHandle>>,
    /// The model's wait-for fold over this log, caught up at each deadlock
    /// check (so a check costs the events since the last one).
    wait_for: RefCell<WaitFor>,
    /// Who to tell when the run ends (see [`Run::on_end`]).
    on_end: RefCell<Vec<EndListener>>,
    /// When the heartbeat is next due (real ms) and the speed, while it waits.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    heartbeat_due: Cell<Option<(f64, f64)>>,
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    check_scheduled: Cell<bool>,
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    me: RefCell<std::rc::Weak<RunInner>>,
}

impl RunInner {
    fn is_over(&self) -> bool {
        self.trace.borrow().outcome().is_some()
    }

    pub(super) fn push(&self, task: TaskId, kind: EventKind) {
        if !self.recording.get() && !matches!(kind, EventKind::RunEnded { .. }) {
            return;
        }
        let at_ms = self.clock.now();
        self.trace.borrow_mut().push(Event {
            run: self.generation,
            task,
            at_ms,
            kind,
        });
    }

    fn set_running(&self, task: TaskId, running: bool) -> bool {
        let mut slots = self.slots.borrow_mut();
        match slots.get_mut(task.index()) {
            Some(s) if !s.ended => {
                let was = s.running;
                s.running = running;
                was
            }
            _ => true,
        }
    }

    /// Records that a request to the mock API came `lag_ms` later than its
    /// latency asks (on the loop's row, as the heartbeat's lateness is).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn note_network_late(&self, lag_ms: Ms) {
        self.push(TaskId::LOOP, EventKind::NetworkLate { lag_ms });
    }

    /// Records that the loop runs `task` (once per stretch of running).
    pub(crate) fn mark_running(&self, task: TaskId) {
        if !self.set_running(task, true) {
            self.push(task, EventKind::Running);
        }
    }

    /// Records something `task` does while it runs (so it runs first).
    /// Events that change no state (prints, acquisitions, queue moves) leave
    /// it running.
    pub(crate) fn act(&self, task: TaskId, kind: EventKind) {
        self.mark_running(task);
        if crate::core::model::tasks::TaskState::after(&kind).is_some() {
            self.set_running(task, false);
        }
        let waits = matches!(kind, EventKind::Waiting { .. });
        self.push(task, kind);
        if waits {
            self.schedule_deadlock_check();
        }
    }

    /// Records an event that changes no task state (e.g. a release from a
    /// `Drop`), without marking the task running.
    pub(crate) fn note(&self, task: TaskId, kind: EventKind) {
        self.push(task, kind);
    }

    /// Records that `task` was released by something and is ready to run.
    pub(crate) fn woken(&self, task: TaskId) {
        if !self.set_running(task, false) {
            self.push(task, EventKind::Woken);
        }
    }

    pub(super) fn spawn_task<T, F, Fut>(self: &Rc<Self>, name: String, f: F) -> JoinHandle<T>
    where
        T: 'static,
        F: FnOnce(Cx) -> Fut,
        Fut: Future<Output = Result<T, TaskError>> + 'static,
    {
        let state = Rc::new(RefCell::new(JoinState::<T>::default()));
        let id = TaskId(self.slots.borrow().len() as u32);
        let handle = JoinHandle {
            id,
            name: name.clone(),
            state: state.clone(),
            run: self.clone(),
        };
        if self.is_over() {
            state.borrow_mut().resolve(Err(TaskError::Cancelled));
            return handle;
        }
        let (abort, reg) = AbortHandle::new_pair();
        let on_cancel_state = state.clone();
        self.slots.borrow_mut().push(Slot {
            running: false,
            ended: false,
            abort: Some(abort),
            on_cancel: Some(Box::new(move || {
                on_cancel_state
                    .borrow_mut()
                    .resolve(Err(TaskError::Cancelled))
            })),
        });
        self.push(id, EventKind::Spawned { name });
        let fut = f(Cx {
            run: self.clone(),
            task: id,
        });
        let run = self.clone();
        let task = async move {
            let result = fut.await;
            run.finish_task(id, result.as_ref().err());
            state.borrow_mut().resolve(result);
        };
        self.clock
            .spawn(Abortable::new(task, reg).map(|_| ()).boxed_local());
        handle
    }

    /// On the virtual clock, a blocking stretch of `ms` is exactly how late
    /// a heartbeat would have been: record it as such (the browser measures
    /// it for real).
    pub(crate) fn virtual_lag(&self, ms: Ms) {
        if self.clock.as_virtual().is_some() && ms > 0.0 {
            self.push(TaskId::LOOP, EventKind::Heartbeat { lag_ms: ms });
        }
    }

    /// A lane for an interpreted program's task or awaited coroutine:
    /// scheduled (`Spawned`) or a coroutine nothing runs (`Created`). It has
    /// no future of its own: the interpreter drives it and ends it with
    /// [`RunInner::end_lane`].
    pub(crate) fn add_lane(&self, name: String, scheduled: bool) -> TaskId {
        let id = TaskId(self.slots.borrow().len() as u32);
        self.slots.borrow_mut().push(Slot {
            running: false,
            ended: !scheduled,
            abort: None,
            on_cancel: None,
        });
        if scheduled {
            self.push(id, EventKind::Spawned { name });
        } else {
            self.push(id, EventKind::Created { name });
        }
        id
    }

    /// Ends an interpreted lane with `Done`, `Failed` or `Cancelled` (the
    /// run goes on: the interpreter says when it ends).
    pub(crate) fn end_lane(&self, id: TaskId, kind: EventKind) {
        let live = {
            let mut slots = self.slots.borrow_mut();
            match slots.get_mut(id.index()) {
                Some(s) if !s.ended => {
                    s.on_cancel = None;
                    s.abort = None;
                    true
                }
                _ => false,
            }
        };
        if !live {
            return;
        }
        self.act(id, kind);
        if let Some(slot) = self.slots.borrow_mut().get_mut(id.index()) {
            slot.ended = true;
        }
    }

    /// Counts a timer or I/O in flight until the guard drops.
    pub(crate) fn wakeup_guard(self: &Rc<Self>) -> WakeupGuard {
        self.pending_wakeups.set(self.pending_wakeups.get() + 1);
        WakeupGuard(self.clone())
    }
}

/// Counts one pending timer or I/O operation while it lives.
pub struct WakeupGuard(Rc<RunInner>);

impl Drop for WakeupGuard {
    fn drop(&mut self) {
        let n = self.0.pending_wakeups.get();
        self.0.pending_wakeups.set(n.saturating_sub(1));
    }
}

/// One run of a lesson: its generation, its clock and its log.
#[derive(Clone)]
pub struct Run(Rc<RunInner>);

/// Real milliseconds between two heartbeats of the loop-lag probe.
pub const HEARTBEAT_MS: u32 = 50;

/// Longest scenario a virtual run simulates before it is cut off.
pub const VIRTUAL_LIMIT_MS: Ms = 3_600_000.0;

impl Run {
    fn with_clock(generation: u32, clock: Clock) -> Run {
        let inner = Rc::new(RunInner {
            generation,
            clock,
            trace: RefCell::new(Trace::new(generation)),
            recording: Cell::new(true),
            slots: RefCell::new(Vec::new()),
            main: Cell::new(None),
            pending_wakeups: Cell::new(0),
            loop_tasks: RefCell::new(Vec::new()),
            wait_for: RefCell::new(WaitFor::default()),
            on_end: RefCell::new(Vec::new()),
            heartbeat_due: Cell::new(None),
            check_scheduled: Cell::new(false),
            me: RefCell::new(std::rc::Weak::new()),
        });
        *inner.me.borrow_mut() = Rc::downgrade(&inner);
        Run(inner)
    }

    /// A run on the virtual clock: deterministic and instant.
    pub fn new_virtual(generation: u32) -> Run {
        Run::with_clock(generation, Clock::Virtual(Rc::new(VirtualLoop::default())))
    }

    /// A run on the browser's event loop at time scale `speed`.
    #[cfg(target_arch = "wasm32")]
    pub fn new_browser(generation: u32, speed: f64) -> Run {
        Run::with_clock(
            generation,
            Clock::Browser(super::browser::clock::BrowserClock::new(speed)),
        )
    }

    /// Spawns the lesson's `main()` task; on the browser clock also the
    /// loop's heartbeat probe. The run finishes when `main()` ends.
    pub fn start(&self, main: MainFn) {
        self.start_named("main()".to_string(), main);
    }

    /// [`Run::start`] with the main task's lane named `name` (an
    /// interpreted program's entry coroutine, e.g. `amain()`).
    pub fn start_named(&self, name: String, main: MainFn) {
        let h = self.0.spawn_task(name, main);
        self.0.main.set(Some(h.id));
        #[cfg(target_arch = "wasm32")]
        if let Clock::Browser(clock) = &self.0.clock {
            use super::browser::perf_now;
            let run = Rc::downgrade(&self.0);
            let speed = clock.speed;
            let (abort, reg) = AbortHandle::new_pair();
            let probe = async move {
                loop {
                    let due = perf_now() + f64::from(HEARTBEAT_MS);
                    if let Some(run) = run.upgrade() {
                        run.heartbeat_due.set(Some((due, speed)));
                    }
                    gloo_timers::future::TimeoutFuture::new(HEARTBEAT_MS).await;
                    let lag = (perf_now() - due).max(0.0) * speed;
                    let Some(run) = run.upgrade() else { break };
                    run.heartbeat_due.set(None);
                    run.push(TaskId::LOOP, EventKind::Heartbeat { lag_ms: lag });
                }
            };
            self.0.loop_tasks.borrow_mut().push(abort);
            wasm_bindgen_futures::spawn_local(Abortable::new(probe, reg).map(|_| ()));
        }
    }

    /// On the virtual clock: runs until the run ends or scenario time
    /// passes `limit_ms`. A run that can make no more progress while
    /// `main()` still waits ends as a deadlock.
    pub fn advance(&self, limit_ms: Ms) {
        self.advance_or(limit_ms, &|| false);
    }

    /// [`advance`](Self::advance) that may stop early, between two polls,
    /// when `pause()` says so (asked every few dozen polls): returns whether
    /// it got to `limit_ms` (or the end). Calling it again goes on.
    pub fn advance_or(&self, limit_ms: Ms, pause: &dyn Fn() -> bool) -> bool {
        let Some(vl) = self.0.clock.as_virtual() else {
            return true;
        };
        let Some(timers) = vl.run_until_or(limit_ms, pause) else {
            return false;
        };
        if !self.0.is_over() && timers == 0 && !vl.has_ready() && !self.0.check_deadlock() {
            // Nothing can wake anyone, even if not every task shows waiting.
            self.0.finish_run(RunOutcome::Deadlock);
        }
        if self.0.is_over() {
            vl.clear();
        }
        true
    }

    /// Runs `main` to its end on the virtual clock and returns the log.
    pub fn simulate(main: MainFn) -> Trace {
        let run = Run::new_virtual(0);
        run.start(main);
        run.advance(VIRTUAL_LIMIT_MS);
        if !run.is_over() {
            run.stop();
        }
        let trace = run.trace().clone();
        trace
    }

    /// Stop: cancels every live task and closes the log.
    pub fn stop(&self) {
        self.0.finish_run(RunOutcome::Stopped);
        if let Some(vl) = self.0.clock.as_virtual() {
            vl.clear();
        }
    }

    /// Turns recording off (or on again). A run that does not record keeps
    /// only its `RunEnded` event: tasks, timers and cancellation work the
    /// same, nothing is drawn. Benchmarks use it to measure what recording
    /// costs.
    pub fn set_recording(&self, on: bool) {
        self.0.recording.set(on);
    }

    /// Calls `f` with the outcome once the run ends (at once if it has):
    /// the run tells who listens, from the runtime itself, so the end is
    /// known without animation frames (a tab or frame out of view).
    pub fn on_end(&self, f: impl FnOnce(RunOutcome) + 'static) {
        let ended = self.0.trace.borrow().outcome();
        match ended {
            Some(outcome) => f(outcome),
            None => self.0.on_end.borrow_mut().push(Box::new(f)),
        }
    }

    /// Whether the run has ended.
    pub fn is_over(&self) -> bool {
        self.0.is_over()
    }

    /// The run's generation.
    pub fn generation(&self) -> u32 {
        self.0.generation
    }

    /// Scenario time now.
    pub fn now(&self) -> Ms {
        self.0.clock.now()
    }

    /// The time scale.
    pub fn speed(&self) -> f64 {
        self.0.clock.speed()
    }

    /// Timers and I/O in flight.
    pub fn pending_wakeups(&self) -> usize {
        self.0.pending_wakeups.get()
    }

    /// The log so far.
    pub fn trace(&self) -> Ref<'_, Trace> {
        self.0.trace.borrow()
    }
}
