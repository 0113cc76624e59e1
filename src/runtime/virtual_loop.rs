//! A deterministic single-threaded executor on virtual time.
//!
//! Ready tasks run in FIFO order until none is ready; then the clock jumps to
//! the earliest pending timer and every timer due at that instant fires, in
//! the order the timers were set. No real time passes.

use std::cell::{Cell, RefCell};
use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

use futures::future::LocalBoxFuture;

use crate::core::trace::Ms;

/// Shared state of one virtual timer.
#[derive(Default)]
pub(crate) struct TimerShared {
    fired: Cell<bool>,
    dropped: Cell<bool>,
    waker: RefCell<Option<Waker>>,
}

struct TimerEntry {
    at_us: u64,
    seq: u64,
    shared: Rc<TimerShared>,
}

impl PartialEq for TimerEntry {
    fn eq(&self, other: &Self) -> bool {
        (self.at_us, self.seq) == (other.at_us, other.seq)
    }
}
impl Eq for TimerEntry {}
impl PartialOrd for TimerEntry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for TimerEntry {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.at_us, self.seq).cmp(&(other.at_us, other.seq))
    }
}

struct TaskWaker {
    idx: usize,
    ready: Arc<Mutex<VecDeque<usize>>>,
}

impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }
    fn wake_by_ref(self: &Arc<Self>) {
        if let Ok(mut q) = self.ready.lock() {
            q.push_back(self.idx);
        }
    }
}

/// The virtual event loop.
#[derive(Default)]
pub(crate) struct VirtualLoop {
    now_us: Cell<u64>,
    seq: Cell<u64>,
    timers: RefCell<BinaryHeap<Reverse<TimerEntry>>>,
    tasks: RefCell<Vec<Option<LocalBoxFuture<'static, ()>>>>,
    /// One waker per task, made once: a task polled again hands out the
    /// same waker, so joiners can tell it is already registered.
    wakers: RefCell<Vec<Waker>>,
    incoming: RefCell<Vec<LocalBoxFuture<'static, ()>>>,
    ready: Arc<Mutex<VecDeque<usize>>>,
}

/// Polls between two questions to a caller's `pause` (see
/// [`VirtualLoop::run_until_or`]): asking costs a clock read.
const PAUSE_EVERY: u32 = 64;

fn to_us(ms: Ms) -> u64 {
    if ms.is_finite() && ms > 0.0 {
        (ms * 1000.0).round() as u64
    } else {
        0
    }
}

impl VirtualLoop {
    pub(crate) fn now(&self) -> Ms {
        self.now_us.get() as f64 / 1000.0
    }

    /// Moves the clock forward without running anything (a blocking call).
    pub(crate) fn advance(&self, ms: Ms) {
        self.now_us.set(self.now_us.get() + to_us(ms));
    }

    pub(crate) fn spawn(&self, fut: LocalBoxFuture<'static, ()>) {
        self.incoming.borrow_mut().push(fut);
    }

    pub(crate) fn sleep(&self, ms: Ms) -> VirtualSleep {
        let shared = Rc::new(TimerShared::default());
        let seq = self.seq.get();
        self.seq.set(seq + 1);
        self.timers.borrow_mut().push(Reverse(TimerEntry {
            at_us: self.now_us.get() + to_us(ms),
            seq,
            shared: shared.clone(),
        }));
        VirtualSleep { shared }
    }

    /// Timers set and neither fired nor dropped.
    pub(crate) fn pending_timers(&self) -> usize {
        self.timers
            .borrow()
            .iter()
            .filter(|Reverse(t)| !t.shared.dropped.get())
            .count()
    }

    fn adopt_incoming(&self) {
        let new: Vec<_> = self.incoming.borrow_mut().drain(..).collect();
        for fut in new {
            let mut tasks = self.tasks.borrow_mut();
            let idx = tasks.len();
            tasks.push(Some(fut));
            self.wakers
                .borrow_mut()
                .push(Waker::from(Arc::new(TaskWaker {
                    idx,
                    ready: self.ready.clone(),
                })));
            if let Ok(mut q) = self.ready.lock() {
                q.push_back(idx);
            }
        }
    }

    /// Polls ready tasks until none is left (true) or `pause()` says so
    /// (false; it is asked every [`PAUSE_EVERY`] polls).
    fn run_ready(&self, pause: &dyn Fn() -> bool) -> bool {
        let mut polls = 0u32;
        loop {
            self.adopt_incoming();
            let next = self.ready.lock().ok().and_then(|mut q| q.pop_front());
            let Some(idx) = next else { return true };
            let fut = self.tasks.borrow_mut().get_mut(idx).and_then(Option::take);
            let Some(mut fut) = fut else { continue };
            let Some(waker) = self.wakers.borrow().get(idx).cloned() else {
                continue;
            };
            let mut cx = Context::from_waker(&waker);
            if fut.as_mut().poll(&mut cx).is_pending() {
                if let Some(slot) = self.tasks.borrow_mut().get_mut(idx) {
                    *slot = Some(fut);
                }
            }
            polls += 1;
            if polls.is_multiple_of(PAUSE_EVERY) && pause() {
                return false;
            }
        }
    }

    /// Runs until nothing is ready and no timer is due at or before
    /// `limit_ms`, and returns the number of live timers left; or stops
    /// early, between two polls, when `pause()` says so: then `None`, and a
    /// later call goes on where it stopped (one instant may take several
    /// calls when it wakes thousands of tasks).
    pub(crate) fn run_until_or(&self, limit_ms: Ms, pause: &dyn Fn() -> bool) -> Option<usize> {
        let limit = to_us(limit_ms);
        loop {
            if !self.run_ready(pause) {
                return None;
            }
            let mut due = Vec::new();
            {
                let mut timers = self.timers.borrow_mut();
                while timers
                    .peek()
                    .is_some_and(|Reverse(t)| t.shared.dropped.get())
                {
                    timers.pop();
                }
                let Some(at) = timers.peek().map(|Reverse(t)| t.at_us) else {
                    break;
                };
                if at > limit {
                    break;
                }
                while timers.peek().is_some_and(|Reverse(t)| t.at_us == at) {
                    if let Some(Reverse(t)) = timers.pop() {
                        due.push(t);
                    }
                }
                self.now_us.set(self.now_us.get().max(at));
            }
            for t in due {
                if t.shared.dropped.get() {
                    continue;
                }
                t.shared.fired.set(true);
                if let Some(w) = t.shared.waker.borrow_mut().take() {
                    w.wake();
                }
            }
        }
        Some(self.pending_timers())
    }

    /// Whether any task is queued to run.
    pub(crate) fn has_ready(&self) -> bool {
        !self.incoming.borrow().is_empty()
            || self.ready.lock().map(|q| !q.is_empty()).unwrap_or(false)
    }

    /// Drops every task future (used when the run is over).
    pub(crate) fn clear(&self) {
        self.tasks.borrow_mut().clear();
        self.wakers.borrow_mut().clear();
        self.incoming.borrow_mut().clear();
        self.timers.borrow_mut().clear();
    }
}

/// A virtual timer; dropping it cancels it.
pub(crate) struct VirtualSleep {
    shared: Rc<TimerShared>,
}

impl Future for VirtualSleep {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.shared.fired.get() {
            Poll::Ready(())
        } else {
            *self.shared.waker.borrow_mut() = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

impl Drop for VirtualSleep {
    fn drop(&mut self) {
        self.shared.dropped.set(true);
    }
}
