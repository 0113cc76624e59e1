//! Off-loop work in a real Web Worker (`loop.run_in_executor`).
//!
//! The job is CPU work (counting primes) for a given time on another
//! thread: the event loop stays free while it runs. The worker is made from
//! a Blob URL, so it needs no file of its own, and it is terminated when the
//! job's future is dropped (Stop or cancellation end it for real). On the
//! virtual clock a job simply takes its time.

use super::clock::Clock;
use super::spawn::{Cx, TaskError};
use crate::core::trace::Ms;

/// The worker's script: counts primes for `ms` milliseconds, then answers.
pub const WORKER_JS: &str = r#"onmessage = (e) => {
  const { ms } = e.data;
  const t0 = performance.now();
  let primes = 0, n = 2;
  while (performance.now() - t0 < ms) {
    for (let k = 0; k < 500; k += 1, n += 1) {
      let prime = true;
      for (let d = 2; d * d <= n; d += 1) { if (n % d === 0) { prime = false; break; } }
      if (prime) primes += 1;
    }
  }
  postMessage({ primes, ms: performance.now() - t0 });
};"#;

/// Counts primes on this thread for `ms` real milliseconds: the inline
/// (blocking) twin of the worker's job.
pub fn count_primes_for(ms: f64, now: impl Fn() -> f64) -> u64 {
    let t0 = now();
    let (mut primes, mut n) = (0u64, 2u64);
    while now() - t0 < ms {
        for _ in 0..500 {
            if (2..).take_while(|d| d * d <= n).all(|d| n % d != 0) {
                primes += 1;
            }
            n += 1;
        }
    }
    primes
}

impl Cx {
    /// Runs `work_ms` (scenario ms) of CPU work in a Web Worker. The calling
    /// task's lane shows it running (on the worker's thread) meanwhile;
    /// returns how many primes the worker found.
    pub async fn run_in_worker(&self, work_ms: Ms) -> Result<u64, TaskError> {
        self.run.mark_running(self.task);
        let _pending = self.run.wakeup_guard();
        match &self.run.clock {
            Clock::Virtual(_) => {
                self.run.clock.sleep(work_ms).await;
                Ok(0)
            }
            #[cfg(target_arch = "wasm32")]
            Clock::Browser(b) => browser::job(b.real(work_ms)).await,
        }
    }

    /// A worker job of `work_ms` scenario ms for an interpreted program's
    /// executor, recorded by the interpreter (not here); gives back the
    /// primes found, or 0 if the worker failed.
    #[cfg(target_arch = "wasm32")]
    pub(crate) async fn worker_job(&self, work_ms: Ms) -> Result<f64, String> {
        match &self.run.clock {
            Clock::Browser(b) => browser::job(b.real(work_ms))
                .await
                .map(|n| n as f64)
                .map_err(|e| e.to_string()),
            Clock::Virtual(_) => {
                self.run.clock.sleep(work_ms).await;
                Ok(0.0)
            }
        }
    }

    /// Runs `work_ms` (scenario ms) of the same CPU work inline, on the
    /// loop's own thread: nothing else runs meanwhile.
    pub fn compute_inline(&self, work_ms: Ms) -> u64 {
        self.run.mark_running(self.task);
        match &self.run.clock {
            Clock::Virtual(v) => {
                v.advance(work_ms);
                self.run.virtual_lag(work_ms);
                0
            }
            #[cfg(target_arch = "wasm32")]
            Clock::Browser(b) => count_primes_for(b.real(work_ms), super::browser::perf_now),
        }
    }
}

#[cfg(target_arch = "wasm32")]
use super::browser::worker as browser;
