//! Browser tests of real I/O: fetch over HTTP against the mock API server
//! (started by scripts/test.sh; its URL is compiled in as MOCK_API_BASE),
//! Stop aborting a request, a real Web Worker, and a real busy-wait.
#![cfg(target_arch = "wasm32")]

use async_playground::core::model::stats::stats;
use async_playground::core::model::tasks::{tasks_at, TaskState};
use async_playground::core::trace::{EventKind, RunOutcome, Trace};
use async_playground::runtime::{Cx, Run, TaskError};
use futures::FutureExt;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// How late (ms) a real run may be beyond its ideal: what its own
/// heartbeat measured in the same run (all of the loop's lateness plus
/// twice its worst), plus 150 ms of slack for the network round trip.
fn allowed_late(trace: &Trace) -> f64 {
    let lags: Vec<f64> = trace
        .events()
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::Heartbeat { lag_ms } => Some(lag_ms),
            _ => None,
        })
        .collect();
    150.0 + lags.iter().sum::<f64>() + 2.0 * lags.iter().copied().fold(0.0, f64::max)
}

fn base() -> &'static str {
    match option_env!("MOCK_API_BASE") {
        Some(url) => url,
        None => panic!(
            "MOCK_API_BASE is not set: run the browser tests through `make test-browser`, which starts the mock API server"
        ),
    }
}

fn now() -> f64 {
    js_sys::Date::now()
}

async fn until_over(run: &Run, max_ms: u32) {
    let mut waited = 0;
    while !run.is_over() && waited < max_ms {
        TimeoutFuture::new(10).await;
        waited += 10;
    }
    assert!(run.is_over(), "run did not end within {max_ms} ms");
}

fn start(
    main: impl FnOnce(Cx) -> futures::future::LocalBoxFuture<'static, Result<(), TaskError>> + 'static,
) -> Run {
    let run = Run::new_browser(1, 1.0);
    run.start(Box::new(main));
    run
}

#[wasm_bindgen_test]
async fn fetch_really_goes_over_http_with_status_body_and_delay() {
    let url = format!("{}get?id=7&delay=300", base());
    let t0 = now();
    let result = std::rc::Rc::new(std::cell::RefCell::new(None));
    let out = result.clone();
    let run = start(move |cx| {
        async move {
            let r = cx.fetch(&url, None).await;
            *out.borrow_mut() = Some(r);
            Ok(())
        }
        .boxed_local()
    });
    until_over(&run, 5000).await;
    let took = now() - t0;
    let resp = result.borrow_mut().take().expect("ran").expect("fetched");
    assert_eq!(resp.status, 200);
    assert!(resp.body.contains(r#""id":7"#), "{}", resp.body);
    let late = allowed_late(&run.trace());
    assert!(
        (300.0..300.0 + late).contains(&took),
        "took {took} ms, allowed {late} ms late"
    );
    let tasks = tasks_at(&run.trace(), None);
    assert!(tasks[0]
        .spans
        .iter()
        .any(|s| s.state == TaskState::Fetching));
}

#[wasm_bindgen_test]
async fn http_errors_timeouts_and_refusals_are_errors_in_words() {
    let cases = [
        (format!("{}get?status=404", base()), "HTTPError: 404"),
        (format!("{}get?status=500", base()), "HTTPError: 500"),
        (format!("{}get?delay=2000", base()), "TimeoutError"),
        // The mock server answers /no-cors/ without CORS headers: the browser refuses.
        (base().replace("/mock-api/", "/no-cors/x"), "NetworkError"),
        // Nothing listens on port 9 of loopback.
        ("http://127.0.0.1:9/".to_string(), "NetworkError"),
        // A DNS failure: the .invalid top-level domain never resolves.
        ("http://no-such-host.invalid/".to_string(), "NetworkError"),
        ("http://exa mple/".to_string(), "InvalidURL"),
    ];
    // Each request gives up after this long; no case may take much longer
    // (a first answer from the mock server can be slow on a loaded machine).
    let timeout = 1000.0;
    for (url, want) in cases {
        let out = std::rc::Rc::new(std::cell::RefCell::new(String::new()));
        let o = out.clone();
        let u = url.clone();
        let t0 = now();
        let run = start(move |cx| {
            async move {
                let r = cx
                    .fetch(&u, Some(timeout))
                    .await
                    .and_then(|r| r.error_for_status());
                *o.borrow_mut() = match r {
                    Ok(r) => format!("ok {}", r.status),
                    Err(e) => e.to_string(),
                };
                Ok(())
            }
            .boxed_local()
        });
        until_over(&run, 5000).await;
        assert!(
            out.borrow().starts_with(want),
            "{url}: got {:?}, want {want}",
            out.borrow()
        );
        let took = now() - t0;
        assert!(
            took < timeout + 1500.0,
            "{url} hung: {took} ms with a {timeout} ms timeout"
        );
    }
}

#[wasm_bindgen_test]
async fn stop_aborts_an_inflight_request() {
    let url = format!("{}get?delay=3000", base());
    let run = start(move |cx| {
        async move {
            cx.fetch(&url, None).await?;
            cx.print("should never print");
            Ok(())
        }
        .boxed_local()
    });
    // Once the request is in flight (a state, not a fixed wait).
    let mut waited = 0;
    while run.pending_wakeups() == 0 && waited < 5000 {
        TimeoutFuture::new(10).await;
        waited += 10;
    }
    assert_eq!(run.pending_wakeups(), 1, "one request in flight");
    run.stop();
    TimeoutFuture::new(0).await;
    assert_eq!(run.pending_wakeups(), 0, "the request was aborted");
    let len = run.trace().len();
    TimeoutFuture::new(200).await;
    assert_eq!(run.trace().len(), len);
    let tasks = tasks_at(&run.trace(), None);
    assert_eq!(tasks[0].state, TaskState::Cancelled);
    assert_eq!(run.trace().outcome(), Some(RunOutcome::Stopped));
}

#[wasm_bindgen_test]
async fn a_real_worker_computes_while_the_heartbeat_stays_on_time() {
    let primes = std::rc::Rc::new(std::cell::Cell::new(0u64));
    let p = primes.clone();
    let run = start(move |cx| {
        async move {
            let job = cx.spawn("worker", |cx| async move { cx.run_in_worker(500.0).await });
            p.set(cx.join(job).await?);
            Ok(())
        }
        .boxed_local()
    });
    until_over(&run, 5000).await;
    let s = stats(&run.trace());
    assert!(
        primes.get() > 100,
        "the worker found {} primes",
        primes.get()
    );
    let late = allowed_late(&run.trace());
    assert!(
        s.elapsed_ms >= 500.0 && s.elapsed_ms < 500.0 + late + 200.0,
        "elapsed {}, allowed {late} ms late",
        s.elapsed_ms
    );
    // Relative to the work: the loop is never held for its 500 ms (inline,
    // the heartbeat would be at least that late; a busy machine adds its
    // own lateness, well below it).
    assert!(
        s.loop_lag_ms < 400.0,
        "heartbeat lag {} ms while the worker computed",
        s.loop_lag_ms
    );
}

#[wasm_bindgen_test]
async fn a_real_busy_wait_shows_up_as_loop_lag() {
    let run = start(move |cx| {
        async move {
            cx.sleep(120.0).await;
            cx.block(400.0);
            cx.sleep(120.0).await;
            Ok(())
        }
        .boxed_local()
    });
    until_over(&run, 5000).await;
    let s = stats(&run.trace());
    assert!(
        s.loop_lag_ms >= 300.0,
        "loop lag {} ms after a 400 ms busy-wait",
        s.loop_lag_ms
    );
    assert!(s.elapsed_ms >= 640.0, "elapsed {}", s.elapsed_ms);
}
