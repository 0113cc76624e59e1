//! A run's entry points and end: `asyncio.run` (its `_cancel_all_tasks`,
//! the pending tasks it drops), the pre-`asyncio.run` style
//! `loop.run_until_complete`, and `shutdown` (the loop lets go of all).

use std::rc::Rc;

use crate::core::trace::EventKind;
use crate::python::exc::{Exc, PyResult, T};
use crate::python::future::{Fut, FutState};
use crate::python::interp::Interp;
use crate::python::ops;
use crate::python::value::Value;

impl Interp {
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
        // The program's globals, taken apart without recursing (a deeply
        // nested list would overrun the browser's stack as it drops).
        let globals = std::mem::take(&mut *self.globals.vars.borrow_mut());
        for (_, v) in globals {
            crate::python::value::drop_deep(v);
        }
    }

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

    /// `asyncio.run(coro)`.
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
}
