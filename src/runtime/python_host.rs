//! Runs an interpreted program ([`crate::python`]) as a run's main task: the
//! interpreter's event loop on this run's clock, its tasks as the run's
//! lanes, its prints and tracebacks in the run's log.

use std::rc::Rc;

use futures::FutureExt;

use super::spawn::{MainFn, TaskError};
use crate::python::{Program, RunOptions};

/// The main coroutine of a run of `program` (placeholder until the
/// evaluator lands: it raises at once).
pub fn main_fn(program: Rc<Program>, opts: RunOptions) -> MainFn {
    Box::new(move |_cx| {
        async move {
            let _ = (program, opts);
            Err(TaskError::Raised(
                "RuntimeError: the evaluator is not built yet".into(),
            ))
        }
        .boxed_local()
    })
}
