//! Browser tests: real timers on the browser's event loop, and the real DOM.
//! Run with `make test-browser` (or `wasm-pack test --headless --chrome`).
#![cfg(target_arch = "wasm32")]

use async_playground::app::Playground;
use async_playground::core::model::stats::stats;
use async_playground::core::model::tasks::{tasks_at, TaskState};
use async_playground::core::params::{parse_query, PageState};
use async_playground::core::trace::{EventKind, RunOutcome, Trace};
use async_playground::lessons::{self, lookup};
use async_playground::runtime::Run;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Real timers fire late, never early. How late a run may end beyond its
/// ideal (scenario ms) is what the run's own heartbeat measured: all the
/// loop's lateness in this run plus twice its worst, plus 100 ms of slack.
/// On an idle machine that is about 100 ms; on a busy one it grows with
/// the load, and a run late for a reason of its own still fails.
fn allowed_late(trace: &Trace) -> f64 {
    let lags: Vec<f64> = trace
        .events()
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::Heartbeat { lag_ms } => Some(lag_ms),
            _ => None,
        })
        .collect();
    100.0 + lags.iter().sum::<f64>() + 2.0 * lags.iter().copied().fold(0.0, f64::max)
}

/// Waits (polling every 10 ms, at most `max_ms`) until `f` holds.
async fn until(max_ms: u32, mut f: impl FnMut() -> bool) -> bool {
    let mut waited = 0;
    while !f() {
        if waited >= max_ms {
            return false;
        }
        TimeoutFuture::new(10).await;
        waited += 10;
    }
    true
}

fn page(q: &str) -> PageState {
    parse_query(q, &lookup)
}

fn start(q: &str, generation: u32) -> Run {
    let p = page(q);
    assert!(p.notices.is_empty(), "{:?}", p.notices);
    let lesson = lessons::find(p.example.unwrap_or_default()).expect("lesson");
    let run = Run::new_browser(generation, p.speed);
    run.start(lesson.main_fn(p.values));
    run
}

async fn until_over(run: &Run, max_ms: u32) {
    let mut waited = 0;
    while !run.is_over() && waited < max_ms {
        TimeoutFuture::new(10).await;
        waited += 10;
    }
    assert!(run.is_over(), "run did not end within {max_ms} ms");
}

#[wasm_bindgen_test]
async fn real_timers_end_within_tolerance_of_the_ideal() {
    for (q, ideal) in [
        ("example=coroutine&delay=250", 250.0),
        (
            "example=sequential-vs-gather&tasks=3&delay=100&mode=sequential",
            300.0,
        ),
        (
            "example=sequential-vs-gather&tasks=3&delay=300&mode=gather",
            300.0,
        ),
        ("example=semaphore&tasks=6&limit=2&delay=100", 300.0),
    ] {
        let run = start(q, 1);
        until_over(&run, 5000).await;
        let s = stats(&run.trace());
        assert_eq!(s.outcome, Some(RunOutcome::Finished), "{q}");
        let late = allowed_late(&run.trace());
        assert!(
            s.elapsed_ms >= ideal - 1.0 && s.elapsed_ms <= ideal + late,
            "{q}: elapsed {} ms, ideal {ideal} ms, allowed {late} ms late",
            s.elapsed_ms
        );
        let expected_in_flight = match q {
            q if q.contains("semaphore") => 2,
            q if q.contains("mode=gather") => 3,
            _ => 1,
        };
        assert_eq!(s.max_in_flight, expected_in_flight, "{q}");
    }
}

#[wasm_bindgen_test]
async fn speed_divides_real_waits_but_not_scenario_time() {
    let t0 = js_sys::Date::now();
    let run = start("example=coroutine&delay=400&speed=4", 1);
    until_over(&run, 3000).await;
    let real = js_sys::Date::now() - t0;
    let s = stats(&run.trace());
    // Scenario lateness is real lateness times the speed.
    let late = allowed_late(&run.trace());
    assert!(
        real < 400.0 / 4.0 + 80.0 + late / 4.0,
        "real time {real} ms at speed 4 (allowed {late} ms of scenario lateness)"
    );
    assert!(
        s.elapsed_ms >= 399.0 && s.elapsed_ms <= 400.0 + late,
        "scenario {}",
        s.elapsed_ms
    );
}

#[wasm_bindgen_test]
async fn stop_mid_run_cancels_and_nothing_arrives_afterwards() {
    let run = start("example=semaphore&tasks=6&limit=2&delay=200", 9);
    // Once the first wave is done (a state, not a fixed wait), stop.
    let first_wave = || {
        tasks_at(&run.trace(), None)
            .iter()
            .filter(|t| t.state == TaskState::Done)
            .count()
            >= 2
    };
    assert!(until(5000, first_wave).await, "the first wave ended");
    assert!(!run.is_over());
    run.stop();
    let len = run.trace().len();
    let tasks = tasks_at(&run.trace(), None);
    assert_eq!(tasks.len(), 7);
    assert!(tasks
        .iter()
        .all(|t| matches!(t.state, TaskState::Done | TaskState::Cancelled)));
    let done = tasks.iter().filter(|t| t.state == TaskState::Done).count();
    // The first wave, and a second only if the machine held this test up.
    assert!((2..6).contains(&done), "{done} done");
    // Aborted futures are dropped (their timers cleared) when the loop next
    // polls them: right after the current turn.
    TimeoutFuture::new(0).await;
    assert_eq!(
        run.pending_wakeups(),
        0,
        "every timer of the stopped run is cleared"
    );
    // A barrier: a timer due after every timer of the stopped run would
    // have been due (timers fire in the order they are due).
    TimeoutFuture::new(700).await;
    assert_eq!(run.trace().len(), len, "no event after Stop");
    assert_eq!(run.trace().outcome(), Some(RunOutcome::Stopped));
}

fn doc() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

fn attr(sel: &str, name: &str) -> Option<String> {
    doc()
        .query_selector(sel)
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute(name))
}

fn task_states() -> Vec<(String, String)> {
    let list = doc().query_selector_all("[data-task]").expect("query");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .map(|e| {
            (
                e.get_attribute("data-task-name").unwrap_or_default(),
                e.get_attribute("data-state").unwrap_or_default(),
            )
        })
        .collect()
}

fn click(sel: &str) {
    let el = doc()
        .query_selector(sel)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .expect(sel);
    el.click();
}

#[wasm_bindgen_test]
async fn the_lesson_view_moves_data_state_through_the_states() {
    let root = doc().create_element("div").expect("div");
    doc()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let p = page("example=semaphore&tasks=4&limit=2&delay=300");
    let handle = leptos::mount::mount_to(root.clone().unchecked_into(), move || {
        leptos::prelude::view! { <Playground initial=p.clone()/> }
    });
    TimeoutFuture::new(50).await;
    assert_eq!(
        attr("[data-testid=playground]", "data-example").as_deref(),
        Some("semaphore")
    );
    assert_eq!(
        attr("[data-testid=playground]", "data-run-state").as_deref(),
        Some("idle")
    );
    assert!(task_states().is_empty());

    click("[data-testid=run]");
    // The run starts once the page has settled (web::settle): wait for the
    // state, not for a fixed time.
    let state = || attr("[data-testid=playground]", "data-run-state");
    assert!(
        until(5000, || state().as_deref() == Some("running")).await,
        "{:?}",
        state()
    );
    // The first wave sleeps, the rest wait on the semaphore.
    assert!(
        until(5000, || task_states().len() == 5).await,
        "{:?}",
        task_states()
    );
    let mid = task_states();
    assert_eq!(mid[0], ("main()".to_string(), "waiting".to_string()));
    assert_eq!(mid[1].1, "sleeping");
    assert_eq!(mid[2].1, "sleeping");
    assert_eq!(mid[3].1, "waiting");
    assert_eq!(mid[4].1, "waiting");

    // Then the second wave: download(0) done, download(2) sleeping.
    assert!(until(5000, || task_states().get(1).is_some_and(|t| t.1 == "done")).await);
    assert!(until(5000, || state().as_deref() == Some("finished")).await);
    assert!(task_states().iter().all(|(_, s)| s == "done"));
    // Order, in scenario time: a wave starts sleeping when one ends.
    let ms = |sel: &str, name: &str| -> f64 {
        attr(sel, name)
            .and_then(|v| v.parse().ok())
            .unwrap_or(f64::NAN)
    };
    let end0 = ms("[data-task-name='download(0)']", "data-end-ms");
    let end2 = ms("[data-task-name='download(2)']", "data-end-ms");
    let end3 = ms("[data-task-name='download(3)']", "data-end-ms");
    assert!(
        end2 >= end0 + 300.0 - 1.0,
        "download(2) {end2} after download(0) {end0}"
    );
    let elapsed = ms("[data-testid=playground]", "data-elapsed-ms");
    // Real lateness: what the page's heartbeat measured in this run.
    let total_lag = ms("[data-testid=loop-lane]", "data-total-lag-ms");
    let worst = ms("[data-testid=stat-loop-lag]", "data-value");
    let late = 100.0 + total_lag + 2.0 * worst;
    assert!(late.is_finite(), "the page measured its lateness");
    assert!(
        (600.0..600.0 + late).contains(&elapsed),
        "elapsed {elapsed}, allowed {late} ms late"
    );
    assert!((600.0..600.0 + late).contains(&end3), "end {end3}");
    assert_eq!(
        doc()
            .query_selector("[data-testid=stat-max-concurrency]")
            .ok()
            .flatten()
            .and_then(|e| e.text_content())
            .as_deref(),
        Some("2")
    );
    let lines = doc()
        .query_selector_all("[data-testid=console] > li")
        .expect("lines")
        .length();
    assert_eq!(lines, 9, "4 starts, 4 ends, 1 summary");

    // Stop mid-run from the button.
    click("[data-testid=run]");
    assert!(until(5000, || state().as_deref() == Some("running")).await);
    click("[data-testid=stop]");
    assert!(
        until(5000, || state().as_deref() == Some("stopped")).await,
        "{:?}",
        state()
    );
    assert!(
        task_states().iter().all(|(_, s)| s == "cancelled"),
        "{:?}",
        task_states()
    );
    drop(handle);
    root.remove();
}
