//! The controllers (wasm only): plain handles that own the page's moving
//! parts and that components receive by context, one typed handle each.
//!
//! - [`page`]: the URL's state and the page's verbs (open, run, stop).
//! - [`run`]: starts and stops runs, keeps the run's model, tells when a
//!   run ends; [`frame`]: its one requestAnimationFrame loop while a run is
//!   live, and the limits; [`ideal`]: the ideal run beside it, in slices;
//!   [`model`]: which model the views see (the run's, or as of the playhead).
//! - [`replay`]: the playhead and playback of a recorded run.
//! - [`compare`]: the kept run against the current one.
//! - [`code`]: the code panel's program: the editor's text, compile errors,
//!   interpreted runs.
//! - [`explore`]: "Explore timings": jittered runs grouped by outcome.
//! - [`embed`]: the embed protocol: messages in and out of a parent page.

pub mod code;
pub mod compare;
pub mod embed;
pub mod explore;
pub mod frame;
pub mod ideal;
pub mod model;
pub mod page;
pub mod replay;
pub mod run;
