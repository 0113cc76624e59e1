//! The browser clock: `performance.now()`, and sleeps through the one
//! shared `setTimeout` of [`crate::runtime::browser::timers`].
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
    /// ([`timers`](crate::runtime::browser::timers)).
    pub(crate) fn sleep(&self, ms: Ms) -> crate::runtime::browser::timers::Sleep {
        crate::runtime::browser::timers::sleep(self.real(ms))
    }

    /// A real busy-wait on the main thread: the page freezes.
    pub(crate) fn block(&self, ms: Ms) {
        let until = perf_now() + self.real(ms);
        while perf_now() < until {
            std::hint::spin_loop();
        }
    }
}
