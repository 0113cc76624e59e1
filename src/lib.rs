//! The async playground: asyncio lessons that run for real on the browser's
//! event loop, recorded into an event log and animated on a timeline.
//!
//! - [`core`]: pure Rust (no web-sys): the event log, derived states, params, stats.
//! - [`runtime`]: instrumented async primitives on the real or a virtual clock.
//! - [`lessons`]: one folder per lesson.
//! - `ctl` (wasm only): the controllers: run, replay, compare, code, embed.
//! - `components` and `app` (wasm only): the Leptos UI, thin views over the core.

pub mod core;
pub mod lessons;
pub mod python;
pub mod runtime;
pub mod your_code;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod ctl;
#[cfg(target_arch = "wasm32")]
pub mod web;
