//! The runtime's browser side (wasm only): the real clock, the one shared
//! `setTimeout`, `fetch` and the mock API's service worker, Web Workers for
//! the executor, and the chunked work that keeps the page painting.
//! Everything else in the runtime is clock-agnostic and runs natively too.

pub mod chunk;
pub(crate) mod clock;
pub(crate) mod fetch;
pub mod stack;
pub mod timers;
pub(crate) mod worker;

pub use clock::perf_now;
