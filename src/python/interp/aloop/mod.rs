//! The event loop: CPython's `BaseEventLoop._run_once`, `Task.__step`,
//! `Task.__wakeup`, futures' callbacks, and `asyncio.run`.
//!
//! Time is the loop's clock in nanoseconds: the host's scenario clock in the
//! browser. On the virtual clock it is the clock `scripts/oracle.py` gives
//! CPython, read for read: every read moves it on a nanosecond and a wait
//! for a timer ends a microsecond late, so timers that fall due "at the
//! same instant" fire in the order (and the turns) a real run gives them,
//! and the interpreter's virtual run is CPython's, instant for instant.
//!
//! This file holds the loop's types (the ready queue's [`Job`]s, the
//! timers, [`Loop`]) and its clock (`call_soon`, `call_later`, `now_ns`);
//! the rest is one file a concern: `future.rs` (results, exceptions,
//! cancellation, done callbacks), `task.rs` (`create_task`, `Task.__step`),
//! `turn.rs` (one turn: `_run_once`, the ready queue's jobs,
//! `run_until_complete`), `io.rs` (I/O in flight and its completion),
//! `run.rs` (`asyncio.run`, `loop.run_until_complete`, the end of a run),
//! `asyncgens.rs` (async generators' finalizer and shutdown) and
//! `report.rs` (never-retrieved exceptions, slow-callback text).

mod asyncgens;
mod future;
mod io;
mod report;
mod run;
mod task;
mod turn;

use std::cell::{Cell, RefCell};
use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, VecDeque};
use std::rc::Rc;

use super::Interp;
use crate::python::exc::{Exc, PyResult};
use crate::python::future::Fut;
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
}
