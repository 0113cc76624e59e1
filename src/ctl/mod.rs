//! The controllers (wasm only): plain handles that own the page's moving
//! parts and that components receive by context, one typed handle each.
//!
//! - [`page`]: the URL's state and the page's verbs (open, run, stop).
//! - [`run`]: starts and stops runs; one requestAnimationFrame loop while a
//!   run is live; the ideal run beside it.
//! - [`replay`]: the playhead and playback of a recorded run.
//! - [`compare`]: the kept run against the current one.
//! - [`code`]: the code panel's program: the editor's text, compile errors,
//!   interpreted runs.
//! - [`embed`]: the embed protocol: messages in and out of a parent page.

pub mod code;
pub mod compare;
pub mod embed;
pub mod frame;
pub mod ideal;
pub mod page;
pub mod replay;
pub mod run;
