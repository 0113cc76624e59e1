//! Join handles and what awaiting them needs: a task's result slot, the
//! handle that awaits or cancels it, and the O(1)-per-poll progress of a
//! `gather` over many handles.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::task::Waker;

use super::spawn::{RunInner, TaskError};
use crate::core::trace::TaskId;

pub(super) struct JoinState<T> {
    pub(super) result: Option<Result<T, TaskError>>,
    taken: bool,
    wakers: Vec<Waker>,
}

impl<T> Default for JoinState<T> {
    fn default() -> Self {
        JoinState {
            result: None,
            taken: false,
            wakers: Vec::new(),
        }
    }
}

thread_local! {
    /// How many join states ever settled with an error (any run): lets
    /// `gather` skip its scan for a failed task while nothing failed.
    static SETTLED_ERRORS: Cell<u64> = const { Cell::new(0) };
}

pub(super) fn settled_errors() -> u64 {
    SETTLED_ERRORS.with(Cell::get)
}

impl<T> JoinState<T> {
    pub(super) fn resolve(&mut self, result: Result<T, TaskError>) {
        if self.result.is_none() && !self.taken {
            if result.is_err() {
                SETTLED_ERRORS.with(|c| c.set(c.get() + 1));
            }
            self.result = Some(result);
            for w in self.wakers.drain(..) {
                w.wake();
            }
        }
    }

    fn is_settled(&self) -> bool {
        self.result.is_some() || self.taken
    }

    pub(super) fn take(&mut self) -> Result<T, TaskError> {
        self.taken = true;
        self.result.take().unwrap_or(Err(TaskError::Cancelled))
    }
}

/// A handle to a spawned task: await it with [`Cx::join`](super::Cx::join) or
/// [`Cx::gather`](super::Cx::gather), or [`cancel`](JoinHandle::cancel) it.
pub struct JoinHandle<T> {
    pub(super) id: TaskId,
    pub(super) name: String,
    pub(super) state: Rc<RefCell<JoinState<T>>>,
    pub(super) run: Rc<RunInner>,
}

impl<T> JoinHandle<T> {
    /// The task's id.
    pub fn id(&self) -> TaskId {
        self.id
    }

    /// The task's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether the task has ended.
    pub fn is_done(&self) -> bool {
        self.state.borrow().is_settled()
    }

    /// `task.cancel()`: ends the task now; returns false if it had ended.
    pub fn cancel(&self) -> bool {
        self.run.cancel(self.id)
    }

    pub(super) fn settled_or_register(&self, waker: &Waker) -> bool {
        let mut s = self.state.borrow_mut();
        if s.is_settled() {
            true
        } else {
            // A joiner polled again must not pile up copies of its waker.
            if !s.wakers.iter().any(|w| w.will_wake(waker)) {
                s.wakers.push(waker.clone());
            }
            false
        }
    }

    pub(super) fn failed(&self) -> bool {
        matches!(self.state.borrow().result, Some(Err(_)))
    }
}

/// Where a `gather` stands: handles before `next` have settled. Each poll
/// costs O(1) amortised instead of O(tasks), so a gather of 10,000 tasks
/// stays linear.
#[derive(Default)]
pub(super) struct GatherWait {
    next: usize,
    registered: Option<Waker>,
}

impl GatherWait {
    pub(super) fn all_settled<T>(&mut self, handles: &[JoinHandle<T>], w: &Waker) -> bool {
        // Every unsettled handle wakes us when it settles: register once
        // (again only if the executor hands us another waker).
        if !self.registered.as_ref().is_some_and(|r| r.will_wake(w)) {
            for h in &handles[self.next..] {
                h.settled_or_register(w);
            }
            self.registered = Some(w.clone());
        }
        while self.next < handles.len() && handles[self.next].is_done() {
            self.next += 1;
        }
        self.next == handles.len()
    }
}
