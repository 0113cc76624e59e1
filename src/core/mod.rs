//! The pure core: no Leptos, no web-sys. Everything here builds and tests
//! natively, in milliseconds, on virtual time.
//!
//! - [`trace`]: the append-only event log, the single source of truth.
//! - [`task`]: task states and lanes derived from the log.
//! - [`params`]: every parameter's range and default, URL <-> values, notices.
//! - [`schedule`]: statistics derived from the log.
#![deny(missing_docs)]

pub mod highlight;
pub mod params;
pub mod schedule;
pub mod task;
pub mod trace;
