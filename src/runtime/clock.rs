//! `now()`, `sleep()` and blocking: one shared `setTimeout` on the browser's
//! event loop ([`super::timers`]), or the virtual clock.
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
    Browser(browser::BrowserClock),
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
            Clock::Browser(_) => super::chunk::spawn(fut),
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
    Browser(super::timers::Sleep),
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

#[cfg(target_arch = "wasm32")]
pub(crate) mod browser {
    //! The browser clock: `performance.now()`, and sleeps through the one
    //! shared `setTimeout` of [`crate::runtime::timers`].
    use crate::core::trace::Ms;

    thread_local! {
        /// Looked up once: every recorded event reads the clock.
        static PERFORMANCE: Option<web_sys::Performance> =
            web_sys::window().and_then(|w| w.performance());
    }

    /// Real milliseconds since the page loaded.
    pub fn perf_now() -> f64 {
        PERFORMANCE.with(|p| p.as_ref().map_or_else(js_sys::Date::now, |p| p.now()))
    }

    /// Scenario time on the browser's clock.
    #[derive(Clone)]
    pub(crate) struct BrowserClock {
        t0: f64,
        pub(crate) speed: f64,
    }

    impl BrowserClock {
        pub(crate) fn new(speed: f64) -> Self {
            let speed = if speed.is_finite() && speed > 0.0 {
                speed
            } else {
                1.0
            };
            BrowserClock {
                t0: perf_now(),
                speed,
            }
        }

        pub(crate) fn now(&self) -> Ms {
            (perf_now() - self.t0) * self.speed
        }

        /// Real milliseconds for `ms` of scenario time.
        pub(crate) fn real(&self, ms: Ms) -> f64 {
            (ms / self.speed).max(0.0)
        }

        /// A timer of `ms` scenario milliseconds on the shared timer queue
        /// ([`timers`](crate::runtime::timers)).
        pub(crate) fn sleep(&self, ms: Ms) -> crate::runtime::timers::Sleep {
            crate::runtime::timers::sleep(self.real(ms))
        }

        /// A real busy-wait on the main thread: the page freezes.
        pub(crate) fn block(&self, ms: Ms) {
            let until = perf_now() + self.real(ms);
            while perf_now() < until {
                std::hint::spin_loop();
            }
        }
    }
}
