//! The figures of a run: their home is [`model::stats`](super::model::stats);
//! this path stays for the lessons' tests and other readers.

pub use super::model::stats::{stats, Stats};
