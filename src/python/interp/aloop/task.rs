//! Tasks: `loop.create_task`, `Task.__step` and what a step's outcome
//! does (a task finished, cancelled, or waiting on a future: the await
//! graph's edge).

use std::rc::Rc;
use std::task::Poll;

use super::report::{slow_callback_text, SLOW_CALLBACK_MS};
use super::{Job, Yielded};
use crate::core::trace::{EventKind, TaskId};
use crate::python::coro::poll_once;
use crate::python::exc::{Exc, PyResult, T};
use crate::python::future::{Callback, Fut, FutState, Label};
use crate::python::interp::Interp;
use crate::python::ops;
use crate::python::value::Value;

impl Interp {
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
        if self.task_counter.get() as usize >= crate::python::interp::MAX_TASKS {
            return Err(self.fail_fatal(Exc::new(
                T::RuntimeError,
                format!(
                    "more than {} tasks: the playground's limit",
                    crate::python::interp::MAX_TASKS
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
    pub(super) fn step(self: &Rc<Self>, task: &Rc<Fut>, exc: Option<Exc>) {
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
                    // An async generator's awaitables (`aclose()`, ...) pass
                    // an exception thrown before their start on to the
                    // generator; a coroutine raises it at once.
                    let passes_on = !coro.user
                        && matches!(&*coro.name, "__anext__" | "asend" | "athrow" | "aclose");
                    if first && exc.is_some() && !passes_on {
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
                    let message = crate::python::interp::last_line(self, &e);
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
