//! The Web Worker side of the executor: a worker made from a Blob URL runs
//! the CPU work; its answer (or its failure) resolves the job.

use futures::channel::oneshot;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::runtime::spawn::TaskError;
use crate::runtime::worker::WORKER_JS;

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

pub(crate) async fn job(real_ms: f64) -> Result<u64, TaskError> {
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
