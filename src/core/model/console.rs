//! The console: every line a run printed, to stdout or stderr, with who
//! printed it.

use crate::core::trace::{Event, EventKind, Ms};

/// Which stream a printed line went to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stream {
    /// `print()`.
    Stdout,
    /// Warnings and tracebacks.
    Stderr,
}

impl Stream {
    /// The contract's word (`data-stream`).
    pub fn as_str(self) -> &'static str {
        match self {
            Stream::Stdout => "stdout",
            Stream::Stderr => "stderr",
        }
    }
}

/// One printed line.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// When it was printed.
    pub at_ms: Ms,
    /// Who printed it (empty for the loop itself).
    pub task: String,
    /// stdout (`print`) or stderr (warnings, tracebacks).
    pub stream: Stream,
    /// What was printed.
    pub text: String,
}

/// The line `e` prints, if it prints one; `name` is its task's name.
pub fn line_of(e: &Event, name: impl FnOnce() -> String) -> Option<Line> {
    let (stream, text) = match &e.kind {
        EventKind::Printed { line } => (Stream::Stdout, line),
        EventKind::Stderr { line } => (Stream::Stderr, line),
        _ => return None,
    };
    Some(Line {
        at_ms: e.at_ms,
        task: name(),
        stream,
        text: text.clone(),
    })
}
