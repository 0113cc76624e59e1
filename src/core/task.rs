//! Task states and lanes: their home is [`model::tasks`](super::model::tasks);
//! this path stays for the lessons' tests and other readers.

pub use super::model::tasks::{fmt_ms, tasks_at, Span, TaskState, TaskView};
