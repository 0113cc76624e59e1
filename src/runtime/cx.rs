//! [`Cx`], a task's handle on its run: everything a coroutine can do
//! (sleep, spawn, join, gather, print, fetch through the run's clock), each
//! recorded in the run's log.

use std::future::Future;
use std::rc::Rc;
use std::task::{Poll, Waker};

use futures::future::poll_fn;

use super::join::{settled_errors, GatherWait, JoinHandle};
use super::spawn::{RunInner, Slot, TaskError};
use crate::core::trace::{EventKind, Ms, TaskId};

/// A task's view of the run: everything a coroutine can do.
#[derive(Clone)]
pub struct Cx {
    pub(crate) run: Rc<RunInner>,
    pub(crate) task: TaskId,
}

impl Cx {
    /// This task's id.
    pub fn id(&self) -> TaskId {
        self.task
    }

    /// Scenario time since the run started.
    pub fn now(&self) -> Ms {
        self.run.clock.now()
    }

    /// `print(...)`: a line in the console, stamped with time and task.
    pub fn print(&self, line: impl Into<String>) {
        self.run
            .act(self.task, EventKind::Printed { line: line.into() });
    }

    /// `await asyncio.sleep(ms / 1000)`: the task sleeps, the loop runs others.
    pub async fn sleep(&self, ms: Ms) {
        let ms = if ms.is_finite() { ms.max(0.0) } else { 0.0 };
        self.run.act(
            self.task,
            EventKind::Sleeping {
                until_ms: self.now() + ms,
            },
        );
        let _pending = self.run.wakeup_guard();
        self.run.clock.sleep(ms).await;
        self.run.mark_running(self.task);
    }

    /// `time.sleep(ms / 1000)` inside a coroutine: a blocking call. The
    /// whole loop stops for `ms`; no other task runs meanwhile.
    pub fn block(&self, ms: Ms) {
        self.run.mark_running(self.task);
        self.run.clock.block(ms);
        self.run.virtual_lag(ms);
    }

    /// `asyncio.create_task(coro)`: a named task, scheduled now.
    pub fn spawn<T, F, Fut>(&self, name: impl Into<String>, f: F) -> JoinHandle<T>
    where
        T: 'static,
        F: FnOnce(Cx) -> Fut,
        Fut: Future<Output = Result<T, TaskError>> + 'static,
    {
        self.run.spawn_task(name.into(), f)
    }

    /// `coro()` without `await` or `create_task`: a coroutine object is
    /// made and never scheduled. Its lane stays `created`.
    pub fn create(&self, name: impl Into<String>) -> TaskId {
        let id = TaskId(self.run.slots.borrow().len() as u32);
        self.run.slots.borrow_mut().push(Slot {
            running: false,
            // Never scheduled: nothing to cancel or wait for.
            ended: true,
            abort: None,
            on_cancel: None,
        });
        self.run.push(id, EventKind::Created { name: name.into() });
        id
    }

    /// `await coro()`: runs a named coroutine to its end and returns its
    /// result (shown as its own lane while this task waits on it).
    pub async fn call<T, F, Fut>(&self, name: impl Into<String>, f: F) -> Result<T, TaskError>
    where
        T: 'static,
        F: FnOnce(Cx) -> Fut,
        Fut: Future<Output = Result<T, TaskError>> + 'static,
    {
        let h = self.spawn(name, f);
        self.join(h).await
    }

    /// Waits, recorded as waiting on `on`, until `ready` says so. `ready`
    /// registers the waker when it answers false.
    pub(crate) async fn wait_until(&self, on: &str, mut ready: impl FnMut(&Waker) -> bool) {
        let mut waiting = false;
        poll_fn(|cx| {
            if ready(cx.waker()) {
                if waiting {
                    self.run.mark_running(self.task);
                }
                Poll::Ready(())
            } else {
                if !waiting {
                    self.run
                        .act(self.task, EventKind::Waiting { on: on.to_string() });
                    waiting = true;
                }
                Poll::Pending
            }
        })
        .await
    }

    /// `await task`: waits for the task and returns its result.
    pub async fn join<T>(&self, handle: JoinHandle<T>) -> Result<T, TaskError> {
        let on = handle.name.clone();
        self.wait_until(&on, |w| handle.settled_or_register(w))
            .await;
        let result = handle.state.borrow_mut().take();
        result
    }

    /// `await asyncio.gather(*tasks)`: every result, in the order given.
    /// The first error is raised to the caller at once; the other tasks go
    /// on running, as in asyncio.
    pub async fn gather<T>(&self, handles: Vec<JoinHandle<T>>) -> Result<Vec<T>, TaskError> {
        let on = format!("gather({} tasks)", handles.len());
        let mut waiting = GatherWait::default();
        let mut errors_seen = None;
        self.wait_until(&on, |w| {
            // Scan for a failure only when some task failed since last time.
            let errors = settled_errors();
            if errors_seen != Some(errors) {
                errors_seen = Some(errors);
                if handles.iter().any(JoinHandle::failed) {
                    return true;
                }
            }
            waiting.all_settled(&handles, w)
        })
        .await;
        if let Some(h) = handles.iter().find(|h| h.failed()) {
            return h.state.borrow_mut().take().map(|_| Vec::new());
        }
        handles
            .iter()
            .map(|h| h.state.borrow_mut().take())
            .collect()
    }

    /// `await asyncio.gather(*tasks, return_exceptions=True)`: every
    /// outcome, in order, errors included.
    pub async fn gather_settled<T>(
        &self,
        handles: Vec<JoinHandle<T>>,
    ) -> Vec<Result<T, TaskError>> {
        let on = format!("gather({} tasks)", handles.len());
        let mut waiting = GatherWait::default();
        self.wait_until(&on, |w| waiting.all_settled(&handles, w))
            .await;
        handles
            .iter()
            .map(|h| h.state.borrow_mut().take())
            .collect()
    }
}
