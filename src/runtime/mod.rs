//! The instrumented async primitives, with asyncio's names and meaning.
//!
//! The same lesson code runs on two clocks:
//! - in the browser, on the real event loop (one shared `setTimeout` for every
//!   sleep; wasm-bindgen-futures): the browser side is in `browser`;
//! - anywhere (native tests, and the ideal schedule), on a virtual clock that is
//!   deterministic and instant.
//!
//! Every primitive records what its task does into the run's [`Trace`](crate::core::trace::Trace).

#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod clock;
mod cx;
mod join;
pub mod lock;
pub mod net;
pub mod python_host;
pub mod queue;
pub mod spawn;
pub mod sync;
pub mod timeout;
mod virtual_loop;
pub mod worker;

pub use lock::{Lock, LockGuard};
pub use queue::Queue;
pub use spawn::{Cx, JoinHandle, MainFn, Run, TaskError};
pub use sync::{Permit, Semaphore};
