//! The async playground: asyncio lessons that run for real on the browser's
//! event loop, recorded into an event log and animated on a timeline.
//!
//! - [`core`]: pure Rust (no web-sys): the event log, derived states, params, stats.
//! - [`runtime`]: instrumented async primitives on the real or a virtual clock.
//! - [`examples`]: one file per lesson.
//! - `components` and `app` (wasm only): the Leptos UI, thin views over the core.

pub mod core;
pub mod examples;
pub mod python;
pub mod runtime;
pub mod your_code;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod code_ctl;
#[cfg(target_arch = "wasm32")]
pub mod compare_ctl;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod replay_ctl;
#[cfg(target_arch = "wasm32")]
pub mod run_ctl;
#[cfg(target_arch = "wasm32")]
pub mod web;
