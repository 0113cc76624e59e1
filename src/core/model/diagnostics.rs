//! The run's diagnostics (`EventKind::Diagnostic`): what CPython would warn
//! about, and the playground's own notes, each with who and when.

use crate::core::trace::{DiagKind, Event, EventKind, Ms, TaskId};

/// One recorded diagnostic.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnosed {
    /// The task it is about.
    pub task: TaskId,
    /// That task's name.
    pub name: String,
    /// When it was recorded.
    pub at_ms: Ms,
    /// Which one.
    pub kind: DiagKind,
    /// Its headline.
    pub text: String,
}

/// The diagnostic `e` records, if it records one; `name` is its task's name.
pub fn diagnosed(e: &Event, name: impl FnOnce() -> String) -> Option<Diagnosed> {
    let EventKind::Diagnostic(d) = &e.kind else {
        return None;
    };
    Some(Diagnosed {
        task: e.task,
        name: name(),
        at_ms: e.at_ms,
        kind: d.kind,
        text: d.text.clone(),
    })
}
