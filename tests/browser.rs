//! Browser tests: real timers on the browser's event loop, and the real DOM.
//! Run with `make test-browser` (or `wasm-pack test --headless --chrome`).
#![cfg(target_arch = "wasm32")]

use async_playground::app::Playground;
use async_playground::core::params::{parse_query, PageState};
use async_playground::core::schedule::stats;
use async_playground::core::task::{tasks_at, TaskState};
use async_playground::core::trace::RunOutcome;
use async_playground::examples::{self, lookup};
use async_playground::runtime::Run;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Real timers fire a little late, never early: a run may end up to this
/// much (ms, scenario time at speed 1) after its ideal time on a loaded
/// 2-core machine.
const TOLERANCE_MS: f64 = 120.0;

fn page(q: &str) -> PageState {
    parse_query(q, &lookup)
}

fn start(q: &str, generation: u32) -> Run {
    let p = page(q);
    assert!(p.notices.is_empty(), "{:?}", p.notices);
    let lesson = examples::find(p.example.unwrap_or_default()).expect("lesson");
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
        assert!(
            s.elapsed_ms >= ideal - 1.0 && s.elapsed_ms <= ideal + TOLERANCE_MS,
            "{q}: elapsed {} ms, ideal {ideal} ms",
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
    assert!(real < 400.0 / 4.0 + 80.0, "real time {real} ms at speed 4");
    assert!(
        s.elapsed_ms >= 399.0 && s.elapsed_ms <= 400.0 + TOLERANCE_MS,
        "scenario {}",
        s.elapsed_ms
    );
}

#[wasm_bindgen_test]
async fn stop_mid_run_cancels_and_nothing_arrives_afterwards() {
    let run = start("example=semaphore&tasks=6&limit=2&delay=200", 9);
    TimeoutFuture::new(300).await;
    assert!(!run.is_over());
    run.stop();
    let len = run.trace().len();
    let tasks = tasks_at(&run.trace(), None);
    assert_eq!(tasks.len(), 7);
    assert!(tasks
        .iter()
        .all(|t| matches!(t.state, TaskState::Done | TaskState::Cancelled)));
    assert_eq!(
        tasks.iter().filter(|t| t.state == TaskState::Done).count(),
        2
    );
    // Aborted futures are dropped (their timers cleared) when the loop next
    // polls them: right after the current turn.
    TimeoutFuture::new(0).await;
    assert_eq!(
        run.pending_wakeups(),
        0,
        "every timer of the stopped run is cleared"
    );
    // Wait past when the remaining timers would have fired.
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
    TimeoutFuture::new(120).await;
    assert_eq!(
        attr("[data-testid=playground]", "data-run-state").as_deref(),
        Some("running")
    );
    let mid = task_states();
    assert_eq!(mid.len(), 5, "{mid:?}");
    assert_eq!(mid[0], ("main()".to_string(), "waiting".to_string()));
    assert_eq!(mid[1].1, "sleeping");
    assert_eq!(mid[2].1, "sleeping");
    assert_eq!(mid[3].1, "waiting");
    assert_eq!(mid[4].1, "waiting");

    TimeoutFuture::new(300).await;
    let second_wave = task_states();
    assert_eq!(second_wave[1].1, "done", "{second_wave:?}");
    assert_eq!(second_wave[3].1, "sleeping", "{second_wave:?}");

    let mut waited = 0;
    while attr("[data-testid=playground]", "data-run-state").as_deref() != Some("finished")
        && waited < 3000
    {
        TimeoutFuture::new(20).await;
        waited += 20;
    }
    assert_eq!(
        attr("[data-testid=playground]", "data-run-state").as_deref(),
        Some("finished")
    );
    assert!(task_states().iter().all(|(_, s)| s == "done"));
    let elapsed: f64 = attr("[data-testid=playground]", "data-elapsed-ms")
        .and_then(|v| v.parse().ok())
        .expect("data-elapsed-ms");
    assert!(
        (600.0..600.0 + TOLERANCE_MS).contains(&elapsed),
        "elapsed {elapsed}"
    );
    let end: f64 = attr("[data-task-name='download(3)']", "data-end-ms")
        .and_then(|v| v.parse().ok())
        .expect("data-end-ms");
    assert!((600.0..600.0 + TOLERANCE_MS).contains(&end), "end {end}");
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
    TimeoutFuture::new(100).await;
    click("[data-testid=stop]");
    TimeoutFuture::new(50).await;
    assert_eq!(
        attr("[data-testid=playground]", "data-run-state").as_deref(),
        Some("stopped")
    );
    assert!(
        task_states().iter().all(|(_, s)| s == "cancelled"),
        "{:?}",
        task_states()
    );
    drop(handle);
    root.remove();
}
