//! Futures' outcomes: `set_result`, `set_exception`, `cancel` (a task's,
//! a gathering future's, a plain one's) and done callbacks.

use std::rc::Rc;

use super::Job;
use crate::core::trace::EventKind;
use crate::python::exc::{Exc, PyResult, T};
use crate::python::future::{Callback, Fut, FutState, Label};
use crate::python::interp::Interp;
use crate::python::value::Value;

impl Interp {
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
}
