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
            Clock::Browser(b) => count_primes_for(b.real(work_ms), super::clock::browser::perf_now),
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use futures::channel::oneshot;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    use super::{TaskError, WORKER_JS};

    /// Terminates the worker and frees its URL when the job ends or is dropped.
    struct Job {
        worker: web_sys::Worker,
        url: String,
        _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
        _on_error: Closure<dyn FnMut(web_sys::Event)>,
    }

    impl Drop for Job {
        fn drop(&mut self) {
            self.worker.terminate();
            let _ = web_sys::Url::revoke_object_url(&self.url);
        }
    }

    fn err(what: &str, e: &JsValue) -> TaskError {
        TaskError::Raised(format!(
            "WorkerError: {what}: {}",
            crate::web::features::js_error_text(e)
        ))
    }

    /// What a task says when this page cannot start a Blob-URL worker.
    const REFUSED: &str = "WorkerError: this page cannot start a Web Worker from a Blob URL \
        (none here, or the page's Content-Security-Policy forbids it); run with offload=0 to do \
        the work inline";

    fn refused(detail: Option<&JsValue>) -> TaskError {
        // Where the API is missing altogether the page says so already
        // (`features::notes_for`); a refusal is news.
        if crate::web::features().blob_worker {
            crate::web::features::note(
                "This page cannot start Web Workers from Blob URLs (its Content-Security-Policy \
                 forbids them): offload=1 cannot leave the loop; offload=0 runs the work inline.",
            );
        }
        match detail {
            Some(e) => TaskError::Raised(format!(
                "{REFUSED} ({})",
                crate::web::features::js_error_text(e)
            )),
            None => TaskError::Raised(REFUSED.to_string()),
        }
    }

    pub(super) async fn job(real_ms: f64) -> Result<u64, TaskError> {
        if !crate::web::features().blob_worker {
            return Err(refused(None));
        }
        let parts = js_sys::Array::of1(&JsValue::from_str(WORKER_JS));
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type("text/javascript");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
            .map_err(|e| err("blob", &e))?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| err("url", &e))?;
        let worker = match web_sys::Worker::new(&url) {
            Ok(w) => w,
            Err(e) => {
                let _ = web_sys::Url::revoke_object_url(&url);
                return Err(refused(Some(&e)));
            }
        };
        let (tx, rx) = oneshot::channel::<Result<u64, TaskError>>();
        let tx = std::rc::Rc::new(std::cell::RefCell::new(Some(tx)));
        let tx2 = tx.clone();
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let primes = js_sys::Reflect::get(&e.data(), &JsValue::from_str("primes"))
                    .ok()
                    .and_then(|v| v.as_f64())
                    .unwrap_or(0.0);
                if let Some(tx) = tx.borrow_mut().take() {
                    let _ = tx.send(Ok(primes as u64));
                }
            });
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_e: web_sys::Event| {
            if let Some(tx) = tx2.borrow_mut().take() {
                let _ = tx.send(Err(refused(None)));
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let job = Job {
            worker,
            url,
            _on_message: on_message,
            _on_error: on_error,
        };
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &JsValue::from_str("ms"), &JsValue::from_f64(real_ms));
        job.worker
            .post_message(&msg)
            .map_err(|e| err("could not post the job", &e))?;
        let result = rx.await.unwrap_or(Err(TaskError::Cancelled));
        drop(job);
        result
    }
}
