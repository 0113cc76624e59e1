//! `now()`, `sleep()` and blocking: one shared `setTimeout` on the browser's
//! event loop ([`super::browser::timers`]), or the virtual clock.
//!
//! Scenario time is what the lesson code says (`sleep(800)` is 800 ms of
//! scenario time). In the browser at speed `s`, every real wait is divided
//! by `s` and every real reading multiplied by `s`, so the log and all
//! displayed times stay in scenario time.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use futures::future::LocalBoxFuture;

use super::virtual_loop::{VirtualLoop, VirtualSleep};
use crate::core::trace::Ms;

/// Which clock a run is on.
#[derive(Clone)]
pub(crate) enum Clock {
    /// Deterministic virtual time.
    Virtual(Rc<VirtualLoop>),
    /// The browser's real event loop.
    #[cfg(target_arch = "wasm32")]
    Browser(super::browser::clock::BrowserClock),
}

impl Clock {
    /// Scenario time since the run started.
    pub(crate) fn now(&self) -> Ms {
        match self {
            Clock::Virtual(v) => v.now(),
            #[cfg(target_arch = "wasm32")]
            Clock::Browser(b) => b.now(),
        }
    }

    /// A timer of `ms` scenario milliseconds; dropping it clears it.
    pub(crate) fn sleep(&self, ms: Ms) -> Sleep {
        match self {
            Clock::Virtual(v) => Sleep::Virtual(v.sleep(ms)),
            #[cfg(target_arch = "wasm32")]
            Clock::Browser(b) => Sleep::Browser(b.sleep(ms)),
        }
    }

    /// Holds the thread for `ms` scenario milliseconds: nothing else runs.
    pub(crate) fn block(&self, ms: Ms) {
        match self {
            Clock::Virtual(v) => v.advance(ms),
            #[cfg(target_arch = "wasm32")]
            Clock::Browser(b) => b.block(ms),
        }
    }

    /// Schedules a future on this clock's loop.
    pub(crate) fn spawn(&self, fut: LocalBoxFuture<'static, ()>) {
        match self {
            Clock::Virtual(v) => v.spawn(fut),
            #[cfg(target_arch = "wasm32")]
            Clock::Browser(_) => super::browser::chunk::spawn(fut),
        }
    }

    /// The virtual loop, if this is the virtual clock.
    pub(crate) fn as_virtual(&self) -> Option<&Rc<VirtualLoop>> {
        match self {
            Clock::Virtual(v) => Some(v),
            #[cfg(target_arch = "wasm32")]
            Clock::Browser(_) => None,
        }
    }

    /// The time scale (1 on the virtual clock).
    pub(crate) fn speed(&self) -> f64 {
        match self {
            Clock::Virtual(_) => 1.0,
            #[cfg(target_arch = "wasm32")]
            Clock::Browser(b) => b.speed,
        }
    }
}

/// A pending timer on either clock.
pub(crate) enum Sleep {
    Virtual(VirtualSleep),
    #[cfg(target_arch = "wasm32")]
    Browser(super::browser::timers::Sleep),
}

impl Future for Sleep {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        match self.get_mut() {
            Sleep::Virtual(s) => Pin::new(s).poll(cx),
            #[cfg(target_arch = "wasm32")]
            Sleep::Browser(s) => Pin::new(s).poll(cx),
        }
    }
}
