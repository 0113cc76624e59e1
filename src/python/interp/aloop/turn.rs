//! One turn of the loop (`_run_once`: due timers, then the ready queue's
//! jobs), `run_until_complete`'s turns, and `loop.stop()`.

use std::cmp::Reverse;
use std::rc::Rc;

use super::Job;
use crate::core::trace::EventKind;
use crate::python::exc::{Exc, PyResult};
use crate::python::future::{Callback, Fut};
use crate::python::interp::Interp;
use crate::python::ops;
use crate::python::value::Value;

impl Interp {
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

    /// Stops the loop at the end of this turn.
    pub fn stop_loop(&self) {
        self.lp.stopping.set(true);
    }
}
