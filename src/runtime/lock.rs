//! `asyncio.Lock`: one holder at a time, recorded like every primitive.
//!
//! A lock is a [`Semaphore`] with one permit and its own name, so it shares
//! the semaphore's recorded behaviour: `Acquired`/`Released` events with the
//! lock's name, `Waiting { on: "Lock(a)" }` while a task queues for it,
//! first-in first-out hand-off to waiters, and cancellation safety (a task
//! cancelled while it waits leaves the queue; one cancelled just after the
//! lock was handed to it passes it on).

use super::spawn::Cx;
use super::sync::{Permit, Semaphore};
use crate::core::trace::TaskId;

/// `asyncio.Lock()`: at most one task holds it; the others wait, in
/// arrival order. Clones share the same lock.
#[derive(Clone)]
pub struct Lock(Semaphore);

/// A held lock; dropping it releases the lock (like leaving
/// `async with lock:`), on every way out: return, error or cancellation.
pub struct LockGuard {
    _permit: Permit,
    holder: TaskId,
}

impl LockGuard {
    /// The task that holds the lock.
    pub fn holder(&self) -> TaskId {
        self.holder
    }
}

impl Lock {
    /// A lock shown as `Lock(label)`, e.g. `Lock(a)`.
    pub fn new(cx: &Cx, label: &str) -> Self {
        Lock(Semaphore::named(cx, 1, format!("Lock({label})")))
    }

    /// The name shown where tasks wait on it, e.g. `Lock(a)`.
    pub fn name(&self) -> &str {
        self.0.name()
    }

    /// `lock.locked()`: whether some task holds it.
    pub fn locked(&self) -> bool {
        self.0.available() == 0
    }

    /// `async with lock:` — waits (recorded as waiting on the lock) until
    /// the lock is free and this task is first in line, then holds it.
    pub async fn acquire(&self, cx: &Cx) -> LockGuard {
        let permit = self.0.acquire(cx).await;
        LockGuard {
            _permit: permit,
            holder: cx.id(),
        }
    }
}
