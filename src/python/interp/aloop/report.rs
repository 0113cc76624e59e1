//! The loop's diagnostics: "Task exception was never retrieved", and
//! debug mode's slow-callback warning text.

use std::rc::Rc;

use crate::core::trace::EventKind;
use crate::python::future::Fut;
use crate::python::interp::Interp;
use crate::python::value::Value;

impl Interp {
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
