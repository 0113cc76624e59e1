//! The event loop: CPython's `BaseEventLoop._run_once`, `Task.__step`,
//! `Task.__wakeup`, futures' callbacks, and `asyncio.run`.
//!
//! Time is the loop's clock in nanoseconds: the host's scenario clock in the
//! browser. On the virtual clock it is the clock `scripts/oracle.py` gives
//! CPython, read for read: every read moves it on a nanosecond and a wait
//! for a timer ends a microsecond late, so timers that fall due "at the
//! same instant" fire in the order (and the turns) a real run gives them,
//! and the interpreter's virtual run is CPython's, instant for instant.

use std::cell::{Cell, RefCell};
use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, VecDeque};
use std::rc::Rc;
use std::task::Poll;

use super::Interp;
use crate::core::trace::{EventKind, TaskId};
use crate::python::coro::poll_once;
use crate::python::exc::{Exc, PyResult, T};
use crate::python::future::{Callback, Fut, FutState, Label};
use crate::python::host::IoResult;
use crate::python::ops;
use crate::python::value::{Handle, Value};

/// What a task's coroutine suspended on.
#[derive(Debug)]
pub enum Yielded {
    /// A future to wait for.
    Fut(Rc<Fut>),
    /// A bare yield: run again in the next turn.
    Bare,
}

/// A callback in the ready queue.
#[derive(Debug)]
pub enum Job {
    /// `Task.__step(exc)`.
    Step(Rc<Fut>, Option<Exc>),
    /// `Task.__wakeup(fut)`.
    Wakeup(Rc<Fut>, Rc<Fut>),
    /// A Python callable with arguments, and its handle.
    Call(Value, Vec<Value>, Option<Rc<Handle>>),
    /// `futures._set_result_unless_cancelled(fut, value)` (sleep's timer).
    SetResult(Rc<Fut>, Value),
    /// `loop.stop()` after `run_until_complete`'s future is done.
    Stop,
    /// An internal callback: release a waiter future (wait_for and friends
    /// in Python call through `Call`).
    Release(Rc<Fut>),
    /// An executor job on the virtual clock is over: its result, its lane.
    ExecutorDone(Rc<Fut>, PyResult<Value>, crate::core::trace::TaskId),
    /// `fut.set_exception(e)` unless it is done (a virtual request's failure).
    SetException(Rc<Fut>, Exc),
    /// The asyncgen finalizer: `loop.create_task(agen.aclose())`.
    CloseAsyncGen(Rc<crate::python::coro::Coro>),
}

struct Timer {
    when: i64,
    seq: u64,
    handle: Rc<Handle>,
    job: Job,
}

impl PartialEq for Timer {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Timer {}
impl PartialOrd for Timer {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Timer {
    fn cmp(&self, other: &Self) -> Ordering {
        self.when.cmp(&other.when).then(self.seq.cmp(&other.seq))
    }
}

/// The loop's queues.
#[derive(Default)]
pub struct Loop {
    ready: RefCell<VecDeque<Job>>,
    timers: RefCell<BinaryHeap<Reverse<Timer>>>,
    seq: Cell<u64>,
    /// The virtual clock, ns (see the module's docs).
    vclock: Cell<i64>,
    stopping: Cell<bool>,
    /// Whether `asyncio.run` is running (nested runs are an error).
    pub running: Cell<bool>,
    /// I/O operations in flight: their futures.
    pub io: RefCell<Vec<(u64, Rc<Fut>)>>,
    next_io: Cell<u64>,
    turns_since_yield: Cell<u32>,
}

impl std::fmt::Debug for Loop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Loop")
    }
}

impl Interp {
    /// `loop.call_soon(job)`.
    pub fn call_soon(&self, job: Job) {
        self.lp.ready.borrow_mut().push_back(job);
    }

    /// `loop.time()` in ns: one read of the loop's clock.
    pub fn now_ns(&self) -> i64 {
        if self.host.is_virtual() {
            let t = self.lp.vclock.get() + 1;
            self.lp.vclock.set(t);
            t
        } else {
            (self.host.now() * 1e6) as i64
        }
    }

    /// Moves the virtual clock on (a blocking call), ns.
    pub fn advance_ns(&self, ns: i64) {
        if self.host.is_virtual() {
            self.lp.vclock.set(self.lp.vclock.get() + ns.max(0));
        }
    }

    /// `loop.call_later(delay_ms, job)`: returns the timer's handle.
    pub fn call_later(&self, delay_ms: f64, job: Job) -> Rc<Handle> {
        let delay = if delay_ms.is_finite() {
            delay_ms.clamp(0.0, 1e15)
        } else {
            1e15
        };
        let now = self.now_ns();
        self.call_at_ns(now + (delay * 1e6).round() as i64, job)
    }

    /// `loop.call_at(when_ms, job)`.
    pub fn call_at(&self, when: f64, job: Job) -> Rc<Handle> {
        let w = if when.is_finite() {
            when.clamp(-1e15, 1e15)
        } else {
            1e15
        };
        self.call_at_ns((w * 1e6).round() as i64, job)
    }

    fn call_at_ns(&self, when: i64, job: Job) -> Rc<Handle> {
        let handle = Rc::new(Handle::default());
        handle.when.set(when as f64 / 1e6);
        let seq = self.lp.seq.get();
        self.lp.seq.set(seq + 1);
        self.lp.timers.borrow_mut().push(Reverse(Timer {
            when,
            seq,
            handle: handle.clone(),
            job,
        }));
        handle
    }

    /// Schedules a done future's callbacks (`__schedule_callbacks`).
    pub fn schedule_callbacks(&self, fut: &Rc<Fut>) {
        for cb in fut.take_callbacks() {
            match cb {
                Callback::Wakeup(task) => {
                    if let Some(tp) = task.tp() {
                        if !matches!(*fut.label.borrow(), Label::Sleep(_)) && !tp.running.get() {
                            let lane = tp.lanes.borrow().last().copied().unwrap_or(tp.lane);
                            self.host.record(lane, EventKind::Woken);
                        }
                    }
                    self.call_soon(Job::Wakeup(task, fut.clone()));
                }
                Callback::Py(f) => {
                    self.call_soon(Job::Call(f, vec![Value::Fut(fut.clone())], None))
                }
            }
        }
    }

    /// `fut.add_done_callback(cb)`.
    pub fn add_done_callback(&self, fut: &Rc<Fut>, cb: Callback) {
        if fut.done() {
            match cb {
                Callback::Wakeup(task) => self.call_soon(Job::Wakeup(task, fut.clone())),
                Callback::Py(f) => {
                    self.call_soon(Job::Call(f, vec![Value::Fut(fut.clone())], None))
                }
            }
        } else {
            fut.callbacks.borrow_mut().push(cb);
        }
    }

    /// `fut.set_result(v)`.
    pub fn set_result(&self, fut: &Rc<Fut>, v: Value) -> PyResult<()> {
        if fut.done() {
            return Err(Exc::new(T::InvalidStateError, "invalid state"));
        }
        *fut.state.borrow_mut() = FutState::Result(v);
        self.schedule_callbacks(fut);
        Ok(())
    }

    /// `fut.set_exception(e)`.
    pub fn set_exception(&self, fut: &Rc<Fut>, e: Exc) -> PyResult<()> {
        if fut.done() {
            return Err(Exc::new(T::InvalidStateError, "invalid state"));
        }
        if e.is(T::StopIteration) {
            return Err(Exc::new(
                T::TypeError,
                "StopIteration interacts badly with generators and cannot be raised into a Future",
            ));
        }
        *fut.state.borrow_mut() = FutState::Exception(e);
        fut.log_traceback.set(true);
        self.schedule_callbacks(fut);
        Ok(())
    }

    /// `Future.cancel(msg)` (not a task's).
    pub fn cancel_future(&self, fut: &Rc<Fut>, msg: Option<Value>) -> bool {
        if fut.done() {
            return false;
        }
        *fut.state.borrow_mut() = FutState::Cancelled(msg);
        self.schedule_callbacks(fut);
        true
    }

    /// `fut.cancel(msg)`: a task's, a gathering future's or a plain one's.
    pub fn cancel(&self, fut: &Rc<Fut>, msg: Option<Value>) -> bool {
        if let Some(tp) = fut.tp() {
            fut.log_traceback.set(false);
            if fut.done() {
                return false;
            }
            tp.num_cancels.set(tp.num_cancels.get() + 1);
            let waiter = tp.fut_waiter.borrow().clone();
            if let Some(w) = waiter {
                if self.cancel(&w, msg.clone()) {
                    return true;
                }
            }
            tp.must_cancel.set(true);
            *tp.cancel_message.borrow_mut() = msg;
            return true;
        }
        let children = fut.children.borrow().clone();
        if !children.is_empty() {
            if fut.done() {
                return false;
            }
            let mut ret = false;
            for c in &children {
                if self.cancel(c, msg.clone()) {
                    ret = true;
                }
            }
            if ret {
                fut.cancel_requested.set(true);
            }
            return ret;
        }
        self.cancel_future(fut, msg)
    }

    /// A new task for coroutine `coro`, scheduled (`loop.create_task`).
    pub fn create_task(
        &self,
        coro: Rc<crate::python::coro::Coro>,
        name: Option<Rc<str>>,
    ) -> PyResult<Rc<Fut>> {
        if coro.started.get() {
            return Err(Exc::new(
                T::RuntimeError,
                "cannot reuse already awaited coroutine",
            ));
        }
        if self.task_counter.get() as usize >= super::MAX_TASKS {
            return Err(self.fail_fatal(Exc::new(
                T::RuntimeError,
                format!(
                    "more than {} tasks: the playground's limit",
                    super::MAX_TASKS
                ),
            )));
        }
        coro.owned.set(true);
        let n = self.task_counter.get() + 1;
        self.task_counter.set(n);
        let task_name: Rc<str> = name
            .clone()
            .unwrap_or_else(|| Rc::from(format!("Task-{n}")));
        let lane_name = match &name {
            Some(n) => n.to_string(),
            None => coro.call.to_string(),
        };
        let lane = self.host.new_lane(&lane_name, true);
        coro.lane.set(Some(lane));
        let task = Fut::new_task(coro, task_name, lane);
        {
            let mut tasks = self.tasks.borrow_mut();
            // Forget finished tasks now and then (a list of weak references,
            // as CPython's WeakSet of tasks).
            if tasks.len() >= 64 && tasks.len().is_power_of_two() {
                tasks.retain(|w| w.upgrade().is_some_and(|t| !t.done()));
            }
            tasks.push(Rc::downgrade(&task));
        }
        self.call_soon(Job::Step(task.clone(), None));
        Ok(task)
    }

    /// `Task.__step(exc)`.
    fn step(self: &Rc<Self>, task: &Rc<Fut>, exc: Option<Exc>) {
        let Some(tp) = task.tp() else { return };
        if task.done() {
            return;
        }
        let mut exc = exc;
        if tp.must_cancel.get() {
            if !exc.as_ref().is_some_and(|e| e.is(T::CancelledError)) {
                let msg = tp.cancel_message.borrow().clone();
                exc = Some(match msg {
                    Some(m) => Exc::with_args(T::CancelledError, vec![m]),
                    None => Exc::bare(T::CancelledError),
                });
            }
            tp.must_cancel.set(false);
        }
        *tp.fut_waiter.borrow_mut() = None;
        let coro = tp.coro.clone();
        let prev = self.current.replace(Some(task.clone()));
        let lane = tp.lanes.borrow().last().copied().unwrap_or(tp.lane);
        if !tp.running.get() {
            tp.running.set(true);
            self.record_on(lane, EventKind::Running);
        }
        let step_from = self.host.now();
        let result = {
            let body = coro.body.borrow_mut().take();
            match body {
                None => Poll::Ready(Err(Exc::new(
                    T::RuntimeError,
                    "cannot reuse already awaited coroutine",
                ))),
                Some(mut body) => {
                    let first = !coro.started.get();
                    coro.started.set(true);
                    if first && exc.is_some() {
                        coro.finished.set(true);
                        Poll::Ready(Err(exc
                            .take()
                            .unwrap_or_else(|| Exc::bare(T::CancelledError))))
                    } else {
                        *self.thrown.borrow_mut() = exc.take();
                        *self.yielded.borrow_mut() = None;
                        let r = poll_once(&mut body);
                        if r.is_pending() {
                            *coro.body.borrow_mut() = Some(body);
                        } else {
                            coro.finished.set(true);
                        }
                        r
                    }
                }
            }
        };
        self.current.replace(prev);
        let step_ms = self.host.now() - step_from;
        let step_line = self.line.get();
        self.step_result(task, tp, result);
        if step_ms >= SLOW_CALLBACK_MS {
            let text = slow_callback_text(self, task, step_line, step_ms);
            self.host.record(
                tp.lane,
                EventKind::diagnostic(crate::core::trace::DiagKind::SlowCallback, text),
            );
        }
    }

    fn step_result(
        self: &Rc<Self>,
        task: &Rc<Fut>,
        tp: &crate::python::future::TaskPart,
        result: Poll<PyResult<Value>>,
    ) {
        match result {
            Poll::Ready(Ok(v)) => {
                tp.running.set(false);
                if tp.must_cancel.get() {
                    tp.must_cancel.set(false);
                    let msg = tp.cancel_message.borrow().clone();
                    self.finish_task_cancelled(task, msg);
                } else {
                    *task.state.borrow_mut() = FutState::Result(v);
                    self.host.end_lane(tp.lane, EventKind::Done);
                    self.task_finished(task);
                }
            }
            Poll::Ready(Err(e)) => {
                tp.running.set(false);
                if e.is(T::CancelledError) {
                    let msg = e.args().into_iter().next();
                    self.finish_task_cancelled(task, msg);
                } else {
                    let message = ops::exc_line(self, &e);
                    *task.state.borrow_mut() = FutState::Exception(e);
                    task.log_traceback.set(true);
                    self.host.end_lane(tp.lane, EventKind::Failed { message });
                    self.task_finished(task);
                }
            }
            Poll::Pending => {
                // The coroutine may have entered (or left) a directly
                // awaited coroutine's lane meanwhile.
                let lane = tp.lanes.borrow().last().copied().unwrap_or(tp.lane);
                let y = self.yielded.borrow_mut().take();
                match y {
                    Some(Yielded::Fut(f)) => {
                        if Rc::ptr_eq(&f, task) {
                            let e = Exc::new(
                                T::RuntimeError,
                                format!(
                                    "Task cannot await on itself: {}",
                                    ops::repr(self, &Value::Fut(task.clone())).unwrap_or_default()
                                ),
                            );
                            self.call_soon(Job::Step(task.clone(), Some(e)));
                            return;
                        }
                        tp.running.set(false);
                        let kind = match &*f.label.borrow() {
                            Label::Sleep(until) => EventKind::Sleeping { until_ms: *until },
                            Label::Io(what) => EventKind::Fetching {
                                what: what.to_string(),
                            },
                            Label::Named(n) => EventKind::Waiting { on: n.to_string() },
                            Label::Plain => EventKind::Waiting {
                                on: match f.tp() {
                                    Some(t) => t.coro.call.to_string(),
                                    None => "Future".to_string(),
                                },
                            },
                        };
                        if let EventKind::Waiting { on } = &kind {
                            self.record_on(lane, EventKind::Awaits(Box::new(await_target(&f, on))));
                        }
                        self.record_on(lane, kind);
                        self.add_done_callback(&f, Callback::Wakeup(task.clone()));
                        *tp.fut_waiter.borrow_mut() = Some(f.clone());
                        if tp.must_cancel.get() {
                            let msg = tp.cancel_message.borrow().clone();
                            if self.cancel(&f, msg) {
                                tp.must_cancel.set(false);
                            }
                        }
                    }
                    Some(Yielded::Bare) | None => {
                        self.call_soon(Job::Step(task.clone(), None));
                    }
                }
            }
        }
    }

    fn finish_task_cancelled(self: &Rc<Self>, task: &Rc<Fut>, msg: Option<Value>) {
        let Some(tp) = task.tp() else { return };
        *task.state.borrow_mut() = FutState::Cancelled(msg);
        self.host.end_lane(tp.lane, EventKind::Cancelled);
        self.task_finished(task);
    }

    fn task_finished(self: &Rc<Self>, task: &Rc<Fut>) {
        if let FutState::Exception(e) = &*task.state.borrow() {
            let r = ops::repr(self, &Value::Fut(task.clone())).unwrap_or_default();
            self.unretrieved.borrow_mut().push((
                Rc::downgrade(task),
                task.log_traceback.clone(),
                e.clone(),
                r,
                task.tp().map_or(TaskId(0), |tp| tp.lane),
            ));
        }
        self.schedule_callbacks(task);
    }

    fn run_job(self: &Rc<Self>, job: Job) {
        self.busy_reads.set(0);
        match job {
            Job::Step(t, e) => self.step(&t, e),
            Job::Wakeup(t, f) => {
                let r = f.result();
                match r {
                    Ok(_) => self.step(&t, None),
                    Err(e) => self.step(&t, Some(e)),
                }
            }
            Job::Call(f, args, handle) => {
                if handle.as_ref().is_some_and(|h| h.cancelled.get()) {
                    return;
                }
                if let Err(e) = self.call_sync(f.clone(), args, Vec::new()) {
                    // loop.call_exception_handler: logged, the loop goes on.
                    let what = ops::repr(self, &f).unwrap_or_default();
                    self.stderr(&format!("Exception in callback {what}"));
                    self.print_traceback(&e);
                }
            }
            Job::SetResult(f, v) => {
                if !f.cancelled() && !f.done() {
                    let _ = self.set_result(&f, v);
                }
            }
            Job::ExecutorDone(f, r, lane) => {
                self.host.end_lane(lane, EventKind::Done);
                if !f.done() {
                    let _ = match r {
                        Ok(v) => self.set_result(&f, v),
                        Err(e) => self.set_exception(&f, e),
                    };
                }
            }
            Job::SetException(f, e) => {
                if !f.done() {
                    let _ = self.set_exception(&f, e);
                }
            }
            Job::Release(f) => {
                if !f.done() {
                    let _ = self.set_result(&f, Value::None);
                }
            }
            Job::Stop => self.lp.stopping.set(true),
            Job::CloseAsyncGen(g) => {
                if let Value::Coro(c) = crate::python::builtins::agen_aclose(self, &g) {
                    let _ = self.create_task(c, None);
                }
            }
        }
    }

    /// Starts an I/O operation whose result resolves `fut`.
    pub fn start_io(&self, req: crate::python::host::IoRequest, fut: Rc<Fut>) -> u64 {
        let id = self.lp.next_io.get() + 1;
        self.lp.next_io.set(id);
        self.lp.io.borrow_mut().push((id, fut));
        self.host.start_io(id, req);
        id
    }

    fn complete_io(self: &Rc<Self>, id: u64, r: IoResult) {
        let fut = {
            let mut io = self.lp.io.borrow_mut();
            let pos = io.iter().position(|(i, _)| *i == id);
            pos.map(|p| io.remove(p).1)
        };
        if let Some(fut) = fut {
            if fut.done() {
                return;
            }
            let v = if let IoResult::Work(_) | IoResult::WorkFailed(_) = r {
                let failed = match &r {
                    IoResult::WorkFailed(m) => Some(m.clone()),
                    _ => None,
                };
                let key = Rc::as_ptr(&fut) as usize;
                let mut res = self.executor_results.borrow_mut();
                match res.iter().position(|(k, _, _)| *k == key) {
                    Some(p) => {
                        let (_, r, lane) = res.remove(p);
                        match failed {
                            Some(m) => {
                                let e = Exc::new(T::RuntimeError, m);
                                self.host.end_lane(
                                    lane,
                                    EventKind::Failed {
                                        message: ops::exc_line(self, &e),
                                    },
                                );
                                Err(e)
                            }
                            None => {
                                self.host.end_lane(lane, EventKind::Done);
                                r
                            }
                        }
                    }
                    None => Ok(Value::None),
                }
            } else {
                crate::python::modules::io_value(self, r)
            };
            match v {
                Ok(v) => {
                    let _ = self.set_result(&fut, v);
                }
                Err(e) => {
                    let _ = self.set_exception(&fut, e);
                }
            }
        }
    }

    /// One turn of the loop (`_run_once`). Returns false when nothing can
    /// ever happen again (CPython would wait forever: a deadlock).
    async fn run_once(self: &Rc<Self>) -> PyResult<bool> {
        {
            let mut timers = self.lp.timers.borrow_mut();
            while timers
                .peek()
                .is_some_and(|Reverse(t)| t.handle.cancelled.get())
            {
                timers.pop();
            }
        }
        let has_ready = !self.lp.ready.borrow().is_empty() || self.lp.stopping.get();
        let next = self.lp.timers.borrow().peek().map(|Reverse(t)| t.when);
        let virt = self.host.is_virtual();
        if !has_ready {
            if next.is_none() && self.lp.io.borrow().is_empty() {
                return Ok(false);
            }
            self.lp.turns_since_yield.set(0);
            let until = match next {
                Some(when) if virt => {
                    // select(timeout) on the oracle's clock: the timeout
                    // read, then the wake a microsecond late.
                    let t = self.now_ns();
                    let timeout = (when - t).max(0);
                    if timeout > 0 {
                        Some(t + timeout + 1000)
                    } else {
                        Some(t)
                    }
                }
                Some(when) => Some(when),
                None => None,
            };
            let done = self
                .host
                .clone()
                .idle(until.map(|ns| ns as f64 / 1e6))
                .await;
            if virt {
                if let Some(u) = until {
                    if done.is_empty() {
                        self.lp.vclock.set(self.lp.vclock.get().max(u));
                    } else {
                        let host_ns = (self.host.now() * 1e6) as i64;
                        self.lp.vclock.set(self.lp.vclock.get().max(host_ns));
                    }
                }
            }
            for (id, r) in done {
                self.complete_io(id, r);
            }
        } else if !virt {
            // Let the browser breathe now and then (I/O, rendering).
            let n = self.lp.turns_since_yield.get() + 1;
            self.lp.turns_since_yield.set(n);
            if n >= 64 && self.host.busy_ms() > 8.0 {
                self.lp.turns_since_yield.set(0);
                let done = self.host.clone().idle(Some(self.host.now())).await;
                for (id, r) in done {
                    self.complete_io(id, r);
                }
            }
        }
        if let Some(e) = self.fatal.borrow().as_ref() {
            return Err(e.clone());
        }
        // Timers that are due (`end_time = self.time() + clock_resolution`).
        let end_time = self.now_ns() + 1;
        {
            let mut timers = self.lp.timers.borrow_mut();
            while let Some(Reverse(t)) = timers.peek() {
                if t.when >= end_time {
                    break;
                }
                let Some(Reverse(t)) = timers.pop() else {
                    break;
                };
                if !t.handle.cancelled.get() {
                    let job = match t.job {
                        Job::Call(f, a, _) => Job::Call(f, a, Some(t.handle.clone())),
                        j => j,
                    };
                    self.lp.ready.borrow_mut().push_back(job);
                }
            }
        }
        let ntodo = self.lp.ready.borrow().len();
        for _ in 0..ntodo {
            let job = self.lp.ready.borrow_mut().pop_front();
            let Some(job) = job else { break };
            self.run_job(job);
            self.finalize_asyncgens();
            if let Some(e) = self.fatal.borrow().as_ref() {
                return Err(e.clone());
            }
        }
        self.report_unretrieved(false);
        Ok(true)
    }

    /// `loop.run_until_complete(task)`: turns until the task is done and
    /// the loop stopped. Err(None) is a deadlock.
    pub async fn run_until_complete(self: &Rc<Self>, task: &Rc<Fut>) -> Result<(), Option<Exc>> {
        self.add_done_callback(
            task,
            Callback::Py(Value::Builtin(crate::python::builtins::Builtin::LoopStop)),
        );
        self.lp.stopping.set(false);
        loop {
            match self.run_once().await {
                Ok(true) => {}
                Ok(false) => return Err(None),
                Err(e) => return Err(Some(e)),
            }
            if self.lp.stopping.get() {
                self.lp.stopping.set(false);
                if task.done() {
                    return Ok(());
                }
            }
        }
    }

    /// `loop.shutdown_asyncgens()`: closes the async generators still open.
    async fn shutdown_asyncgens(self: &Rc<Self>) {
        let gens: Vec<Rc<crate::python::coro::Coro>> =
            std::mem::take(&mut *self.agens.borrow_mut());
        let open: Vec<_> = gens
            .into_iter()
            .filter(|g| g.started.get() && !g.finished.get())
            .collect();
        if open.is_empty() {
            return;
        }
        let mut tasks = Vec::new();
        for g in open {
            let close = crate::python::builtins::agen_aclose(self, &g);
            if let Value::Coro(c) = close {
                if let Ok(t) = self.create_task(c, None) {
                    tasks.push(t);
                }
            }
        }
        if let Ok(g) = crate::python::modules::gather_futures(self, tasks, true) {
            let _ = self.run_until_complete(&g).await;
        }
    }

    /// Async generators that nothing refers to any more are closed, as
    /// CPython's asyncgen finalizer hook does (`create_task(agen.aclose())`
    /// scheduled with `call_soon`).
    pub fn finalize_asyncgens(self: &Rc<Self>) {
        if self.agens.borrow().is_empty() {
            return;
        }
        let dead: Vec<Rc<crate::python::coro::Coro>> = {
            let mut gens = self.agens.borrow_mut();
            let (dead, live): (Vec<_>, Vec<_>) =
                gens.drain(..).partition(|g| Rc::strong_count(g) == 1);
            *gens = live;
            dead
        };
        for g in dead {
            if g.started.get() && !g.finished.get() {
                self.call_soon(Job::CloseAsyncGen(g));
            }
        }
    }

    /// Lets go of everything the loop holds (the run is over): the ready
    /// queue, the timers, I/O, async generators. Tasks and the interpreter
    /// refer to each other; this breaks those cycles.
    pub fn shutdown(&self) {
        let ready = std::mem::take(&mut *self.lp.ready.borrow_mut());
        let timers = std::mem::take(&mut *self.lp.timers.borrow_mut());
        let io = std::mem::take(&mut *self.lp.io.borrow_mut());
        let gens = std::mem::take(&mut *self.agens.borrow_mut());
        let current = self.current.borrow_mut().take();
        drop((ready, timers, io, gens, current));
        self.tasks.borrow_mut().clear();
        self.modules.borrow_mut().clear();
        self.executor_results.borrow_mut().clear();
    }

    /// Stops the loop at the end of this turn.
    pub fn stop_loop(&self) {
        self.lp.stopping.set(true);
    }

    /// `asyncio.run(coro)`.
    /// `loop.run_until_complete(aw)` (the pre-`asyncio.run` style): runs
    /// the loop until `aw` is done and returns its result; what is still
    /// pending stays for the next call (nothing is cancelled or closed).
    pub async fn loop_run_until_complete(self: &Rc<Self>, aw: Value) -> PyResult<Value> {
        if self.lp.running.get() {
            return Err(Exc::new(
                T::RuntimeError,
                "This event loop is already running",
            ));
        }
        let fut = crate::python::builtins::ensure_future(self, &aw)?;
        self.lp.running.set(true);
        if !self.host.is_virtual() {
            let _ = self.host.clone().idle(Some(self.host.now())).await;
        }
        let r = self.run_until_complete(&fut).await;
        self.lp.running.set(false);
        match r {
            Err(None) => {
                self.deadlocked.set(true);
                return Err(self.fail_fatal(Exc::new(
                    T::RuntimeError,
                    "deadlock: every task waits and nothing can wake one",
                )));
            }
            Err(Some(e)) => return Err(e),
            Ok(()) => {}
        }
        fut.log_traceback.set(false);
        let state = fut.state.borrow().clone();
        match state {
            FutState::Result(v) => Ok(v),
            FutState::Exception(e) => Err(e),
            FutState::Cancelled(_) | FutState::Pending => {
                Err(Exc::with_args(T::CancelledError, Vec::new()))
            }
        }
    }

    pub async fn asyncio_run(self: &Rc<Self>, coro: Value) -> PyResult<Value> {
        if self.lp.running.get() {
            return Err(Exc::new(
                T::RuntimeError,
                "asyncio.run() cannot be called from a running event loop",
            ));
        }
        let Value::Coro(c) = coro else {
            return Err(Exc::new(
                T::ValueError,
                format!("a coroutine was expected, got {}", ops::repr(self, &coro)?),
            ));
        };
        if c.kind != crate::python::coro::CoroKind::Coroutine {
            return Err(Exc::new(
                T::ValueError,
                format!(
                    "a coroutine was expected, got {}",
                    ops::repr(self, &Value::Coro(c.clone()))?
                ),
            ));
        }
        self.lp.running.set(true);
        if !self.host.is_virtual() {
            // Let the page's own start-up work (its loop probe) begin
            // before the program holds the thread.
            let _ = self.host.clone().idle(Some(self.host.now())).await;
        }
        let main = self.create_task(c, None)?;
        let r = self.run_until_complete(&main).await;
        match r {
            Err(None) => {
                self.lp.running.set(false);
                self.deadlocked.set(true);
                return Err(self.fail_fatal(Exc::new(
                    T::RuntimeError,
                    "deadlock: every task waits and nothing can wake one",
                )));
            }
            Err(Some(e)) => {
                self.lp.running.set(false);
                return Err(e);
            }
            Ok(()) => {}
        }
        // Cancel what is left, and let it finish (`_cancel_all_tasks`).
        let left: Vec<Rc<Fut>> = self.live_tasks();
        if !left.is_empty() {
            for t in &left {
                self.cancel(t, None);
            }
            let gather = crate::python::modules::gather_futures(self, left.clone(), true)?;
            let r = self.run_until_complete(&gather).await;
            if let Err(Some(e)) = r {
                self.lp.running.set(false);
                return Err(e);
            }
            for t in &left {
                if t.cancelled() {
                    continue;
                }
                if let FutState::Exception(e) = &*t.state.borrow() {
                    self.stderr("unhandled exception during asyncio.run() shutdown");
                    self.stderr(&format!(
                        "task: {}",
                        ops::repr(self, &Value::Fut(t.clone())).unwrap_or_default()
                    ));
                    self.print_traceback(e);
                    t.log_traceback.set(false);
                }
            }
        }
        self.shutdown_asyncgens().await;
        // Tasks still pending now are dropped with the loop.
        let pending: Vec<Rc<Fut>> = self.live_tasks();
        for t in pending {
            if let Some(tp) = t.tp() {
                self.host.record(
                    tp.lane,
                    EventKind::diagnostic(
                        crate::core::trace::DiagKind::DestroyedPending,
                        "Task was destroyed but it is pending!",
                    ),
                );
            }
            self.stderr("Task was destroyed but it is pending!");
            let r = ops::repr(self, &Value::Fut(t.clone())).unwrap_or_default();
            self.stderr(&format!("task: {r}"));
        }
        self.tasks.borrow_mut().clear();
        self.lp.running.set(false);
        let r = main.result();
        drop(main);
        self.report_unretrieved(true);
        r
    }

    /// "Task exception was never retrieved" for failed tasks that are gone
    /// (or, with `all`, for every one) and whose exception nobody asked for.
    pub fn report_unretrieved(self: &Rc<Self>, all: bool) {
        if self.unretrieved.borrow().is_empty() {
            return;
        }
        let entries = std::mem::take(&mut *self.unretrieved.borrow_mut());
        let mut keep = Vec::new();
        for (weak, log, e, r, lane) in entries {
            if !log.get() {
                continue;
            }
            if !all && weak.upgrade().is_some() {
                keep.push((weak, log, e, r, lane));
                continue;
            }
            log.set(false);
            self.host.record(
                lane,
                EventKind::diagnostic(
                    crate::core::trace::DiagKind::NeverRetrieved,
                    "Task exception was never retrieved",
                ),
            );
            self.stderr("Task exception was never retrieved");
            self.stderr(&format!("future: {r}"));
            self.print_traceback(&e);
        }
        self.unretrieved.borrow_mut().extend(keep);
    }
}

/// What a task awaiting `f` (recorded as waiting on `on`) awaits, for the
/// await graph: the task, a gather's children, a lock, a semaphore, a queue.
fn await_target(f: &Rc<Fut>, on: &str) -> crate::core::trace::AwaitTarget {
    use crate::core::trace::{AwaitKind, AwaitTarget};
    let children: Vec<TaskId> = f
        .children
        .borrow()
        .iter()
        .filter_map(|c| c.tp().map(|tp| tp.lane))
        .collect();
    let kind = match (f.await_kind.get(), f.tp()) {
        (_, Some(_)) => AwaitKind::Task,
        (Some(k), None) => k,
        (None, None) if !children.is_empty() => AwaitKind::Gather,
        (None, None) => AwaitKind::Future,
    };
    let tasks = match f.tp() {
        Some(tp) => vec![tp.lane],
        None => children,
    };
    AwaitTarget {
        kind,
        name: on.to_string(),
        tasks,
    }
}

/// asyncio debug mode's `slow_callback_duration` (0.1 s), in ms.
pub const SLOW_CALLBACK_MS: f64 = 100.0;

/// Debug mode's warning for a step of `task` that took `ms`, as
/// `base_events._run_once` logs it (`'Executing %s took %.3f seconds'`
/// with the task's repr after the step). The repr is CPython's without
/// what only debug mode adds (`created at …`) and without the pending
/// task's `wait_for=` and `cb=` parts.
pub fn slow_callback_text(it: &Rc<Interp>, task: &Rc<Fut>, line: u32, ms: f64) -> String {
    let repr = match task.tp() {
        Some(tp) if !task.done() => format!(
            "<Task pending name='{}' coro=<{}() running at main.py:{line}>>",
            tp.name.borrow(),
            tp.coro.qualname
        ),
        _ => crate::python::ops::repr(it, &Value::Fut(task.clone())).unwrap_or_default(),
    };
    format!("Executing {repr} took {:.3} seconds", ms / 1000.0)
}
