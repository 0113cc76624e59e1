//! The pure core: no Leptos, no web-sys. Everything here builds and tests
//! natively, in milliseconds, on virtual time.
//!
//! - [`trace`]: the append-only event log, the single source of truth.
//! - [`model`]: the one run model: the log folded once, incrementally, into
//!   everything the views need (tasks and lanes, figures, the console, the
//!   loop's state, the wait-for cycle), and "as of t" for replay.
//! - [`params`]: every parameter's range and default, values, notices.
//! - [`query`]: the page's URL: lesson, parameters, global keys, corrections.
//! - [`code_params`]: parameters as literals in a lesson's Python code.
//! - [`lateness`]: ideal versus real: lateness of each step, loop stalls.
//! - [`raster`]: a large run painted incrementally into a pixel buffer.
//! - [`json`], [`embed_msg`], [`export`], [`svg`], [`share`]: embeds and exports.
//! - [`platform_resize`]: the resize messages of Canvas and H5P hosts.
//! - [`download`]: "Download .py", the program as a file CPython runs.
//! - [`narrate`], [`keys`], [`table`]: narration, shortcuts, the table view.
//! - [`explore`]: jittered runs grouped by outcome ("Explore timings").
//! - [`predict`]: predict, then run: questions scored against the log.
#![deny(missing_docs)]

pub mod code_error;
pub mod code_line;
pub mod code_params;
pub mod download;
pub mod editing;
pub mod embed_msg;
pub mod explore;
pub mod export;
pub mod highlight;
pub mod json;
pub mod keys;
pub mod lateness;
pub mod mock_api;
pub mod model;
pub mod narrate;
pub mod params;
pub mod platform_resize;
pub mod predict;
pub mod query;
pub mod raster;
pub mod replay;
pub mod share;
pub mod svg;
pub mod table;
pub mod trace;
