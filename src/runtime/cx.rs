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

    /// Records a diagnostic on `task`'s lane (asyncio's own warning in
    /// CPython's words, or the playground's).
    pub fn diagnose(
        &self,
        task: TaskId,
        kind: crate::core::trace::DiagKind,
        text: impl Into<String>,
    ) {
        self.run.note(task, EventKind::diagnostic(kind, text));
    }

    /// After a step of this task that held the loop `ms` without awaiting
    /// (a blocking call, inline CPU work): asyncio debug mode's warning,
    /// when the step took its `slow_callback_duration` (100 ms) or more.
    /// `repr` is the task's repr after the step, as CPython writes it.
    pub fn slow_step(&self, ms: Ms, repr: &str) {
        // asyncio debug mode's `slow_callback_duration`, 0.1 s.
        if ms >= 100.0 {
            self.diagnose(
                self.task,
                crate::core::trace::DiagKind::SlowCallback,
                format!("Executing {repr} took {:.3} seconds", ms / 1000.0),
            );
        }
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
    pub(crate) async fn wait_until(&self, on: &str, ready: impl FnMut(&Waker) -> bool) {
        self.wait_until_on(on, None, ready).await
    }

    /// [`Cx::wait_until`], with what is awaited (tasks, a gather's
    /// children) recorded for the await graph just before the wait.
    pub(crate) async fn wait_until_on(
        &self,
        on: &str,
        target: Option<(crate::core::trace::AwaitKind, Vec<TaskId>)>,
        mut ready: impl FnMut(&Waker) -> bool,
    ) {
        let mut target = target;
        let mut waiting = false;
        poll_fn(|cx| {
            if ready(cx.waker()) {
                if waiting {
                    self.run.mark_running(self.task);
                }
                Poll::Ready(())
            } else {
                if !waiting {
                    if let Some((kind, tasks)) = target.take() {
                        self.run.note(
                            self.task,
                            EventKind::Awaits(Box::new(crate::core::trace::AwaitTarget {
                                kind,
                                name: on.to_string(),
                                tasks,
                            })),
                        );
                    }
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
        let target = Some((crate::core::trace::AwaitKind::Task, vec![handle.id]));
        self.wait_until_on(&on, target, |w| handle.settled_or_register(w))
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
        let target = Some((
            crate::core::trace::AwaitKind::Gather,
            handles.iter().map(|h| h.id).collect(),
        ));
        self.wait_until_on(&on, target, |w| {
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
        let target = Some((
            crate::core::trace::AwaitKind::Gather,
            handles.iter().map(|h| h.id).collect(),
        ));
        self.wait_until_on(&on, target, |w| waiting.all_settled(&handles, w))
            .await;
        handles
            .iter()
            .map(|h| h.state.borrow_mut().take())
            .collect()
    }
}
