//! Browser tests of the fast paths and of reliability: the shared timer
//! queue, chunked spawning, unrecorded runs, and a restart storm through
//! the run controller (100 Runs in about a second: one live run, nothing of
//! the others left). Real timers, real event loop.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use async_playground::core::model::tasks::{tasks_at, TaskState};
use async_playground::core::params::parse_query;
use async_playground::core::trace::{EventKind, RunOutcome};
use async_playground::ctl::run::{RunCtl, RunState};
use async_playground::lessons::{self, lookup};
use async_playground::runtime::browser::{chunk, timers};
use async_playground::runtime::Run;
use futures::FutureExt;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn until(mut done: impl FnMut() -> bool, max_ms: u32, what: &str) {
    let mut waited = 0;
    while !done() && waited < max_ms {
        TimeoutFuture::new(10).await;
        waited += 10;
    }
    assert!(done(), "{what}: not within {max_ms} ms");
}

fn run_of(gen: u32, main: async_playground::runtime::MainFn) -> Run {
    let run = Run::new_browser(gen, 1.0);
    run.start(main);
    run
}

#[wasm_bindgen_test]
async fn sleeps_share_one_timer_fire_in_order_and_leave_nothing_armed() {
    assert_eq!(timers::pending(), 0, "nothing pending before");
    let order = Rc::new(RefCell::new(Vec::new()));
    let o = order.clone();
    let run = run_of(
        1,
        Box::new(move |cx| {
            async move {
                // Set in reverse: 300, 200, 100 ms, then two at 50 ms.
                let hs: Vec<_> = [300.0, 200.0, 100.0, 50.0, 50.0]
                    .into_iter()
                    .enumerate()
                    .map(|(i, ms)| {
                        let o = o.clone();
                        cx.spawn(format!("s{i}"), move |cx| async move {
                            cx.sleep(ms).await;
                            o.borrow_mut().push(i);
                            Ok(())
                        })
                    })
                    .collect();
                cx.gather(hs).await.map(|_| ())
            }
            .boxed_local()
        }),
    );
    until(|| timers::pending() == 5, 500, "five sleeps pending").await;
    assert!(timers::armed(), "one real timer armed for them");
    until(|| run.is_over(), 2000, "run ends").await;
    // Due order; the two 50 ms sleeps in the order they were set.
    assert_eq!(*order.borrow(), [3, 4, 2, 1, 0]);
    // Timers of an ended heartbeat probe may still tick once: wait for it.
    TimeoutFuture::new(0).await;
    assert_eq!(timers::pending(), 0);
    assert!(!timers::armed(), "nothing left armed after the run");

    // A stopped run's sleeps are cleared, and the real timer with them.
    let run = run_of(
        2,
        Box::new(|cx| {
            async move {
                cx.sleep(10_000.0).await;
                Ok(())
            }
            .boxed_local()
        }),
    );
    until(|| timers::pending() == 1, 500, "the long sleep is set").await;
    run.stop();
    TimeoutFuture::new(0).await;
    assert_eq!(timers::pending(), 0, "stop clears the sleep");
    assert!(!timers::armed(), "and disarms the real timer");
    assert_eq!(run.pending_wakeups(), 0);
}

#[wasm_bindgen_test]
async fn thousands_of_tasks_start_in_chunks_in_spawn_order() {
    let started = Rc::new(RefCell::new(Vec::new()));
    // How many tasks were still waiting for a turn when the first started.
    let waiting_at_first = Rc::new(RefCell::new(None));
    let s = started.clone();
    let w = waiting_at_first.clone();
    let n = chunk::PER_TURN * 2 + 500;
    let run = run_of(
        3,
        Box::new(move |cx| {
            async move {
                let hs: Vec<_> = (0..n)
                    .map(|i| {
                        let s = s.clone();
                        let w = w.clone();
                        cx.spawn(format!("t({i})"), move |cx| async move {
                            w.borrow_mut().get_or_insert(chunk::waiting());
                            s.borrow_mut().push(i);
                            cx.sleep(0.0).await;
                            Ok(())
                        })
                    })
                    .collect();
                cx.gather(hs).await.map(|_| ())
            }
            .boxed_local()
        }),
    );
    until(|| run.is_over(), 10_000, "all tasks end").await;
    // When the first task started, all but one turn's worth still waited
    // (main() was the first task of that turn).
    let first = *waiting_at_first.borrow();
    assert_eq!(first, Some(n + 1 - chunk::PER_TURN));
    let started = started.borrow();
    assert_eq!(started.len(), n);
    assert!(started.windows(2).all(|w| w[0] < w[1]), "spawn order kept");
    assert_eq!(chunk::waiting(), 0);
    let tasks = tasks_at(&run.trace(), None);
    assert_eq!(tasks.len(), n + 1);
    assert!(tasks.iter().all(|t| t.state == TaskState::Done));
}

#[wasm_bindgen_test]
async fn an_unrecorded_run_does_the_same_work_and_logs_only_its_end() {
    let done = Rc::new(RefCell::new(0));
    let d = done.clone();
    let run = Run::new_browser(4, 1.0);
    run.set_recording(false);
    run.start(Box::new(move |cx| {
        async move {
            let hs: Vec<_> = (0..50)
                .map(|i| {
                    let d = d.clone();
                    cx.spawn(format!("t({i})"), move |cx| async move {
                        cx.sleep(5.0).await;
                        *d.borrow_mut() += 1;
                        Ok(())
                    })
                })
                .collect();
            cx.gather(hs).await.map(|_| ())
        }
        .boxed_local()
    }));
    until(|| run.is_over(), 3000, "unrecorded run ends").await;
    assert_eq!(*done.borrow(), 50);
    let trace = run.trace();
    assert_eq!(trace.len(), 1, "only the end: {:?}", trace.events());
    assert!(matches!(
        trace.events()[0].kind,
        EventKind::RunEnded {
            outcome: RunOutcome::Finished
        }
    ));
}

/// 100 Run clicks in about a second: exactly one live run, its log holds
/// only its own events, and no timer or task of the 99 others is left.
#[wasm_bindgen_test]
async fn a_restart_storm_leaves_one_run_and_nothing_of_the_others() {
    let owner = Owner::new();
    let ctl = owner.with(RunCtl::new);
    let p = parse_query("example=semaphore&tasks=4&limit=2&delay=300", &lookup);
    let lesson = lessons::find("semaphore").expect("semaphore");
    // Each start's own cost, within the same storm: the last starts (99
    // runs stopped before them) cost about what the first did. Compared in
    // one run, this holds on a busy machine, where every start is slower.
    let mut cost = Vec::new();
    for _ in 0..100 {
        let t0 = js_sys::Date::now();
        owner.with(|| ctl.start(lesson, p.values.clone(), 1.0));
        cost.push(js_sys::Date::now() - t0);
        TimeoutFuture::new(8).await;
    }
    let median = |xs: &[f64]| {
        let mut v = xs.to_vec();
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (first, last) = (median(&cost[1..21]), median(&cost[80..]));
    assert!(
        last <= 3.0 * first + 2.0,
        "a start costs {last} ms after 99 restarts vs {first} ms at first"
    );
    let (generation, state) = ctl.snapshot.with_untracked(|s| (s.generation, s.state));
    assert_eq!(state, RunState::Running);
    assert!(generation >= 100, "generation {generation}");
    // Only the live run's two downloads sleep: 99 stopped runs left none.
    until(
        || timers::pending() == 2,
        500,
        "two sleepers of the live run",
    )
    .await;
    assert_eq!(ctl.pending_wakeups(), 2);
    assert_eq!(chunk::waiting(), 0);
    until(
        || ctl.snapshot.with_untracked(|s| s.state) == RunState::Finished,
        3000,
        "the last run finishes",
    )
    .await;
    TimeoutFuture::new(0).await;
    ctl.snapshot.with_untracked(|s| {
        assert_eq!(s.generation, generation, "no older run took over");
        assert_eq!(s.tasks.len(), 5);
        assert!(s.tasks.iter().all(|t| t.state == TaskState::Done));
        // 4 starts, 4 ends, 1 summary: no line of an older run landed.
        assert_eq!(s.console.len(), 9, "{:?}", s.console);
    });
    ctl.with_trace(|t| {
        assert!(t.events().iter().all(|e| e.run == generation));
    });
    assert_eq!(timers::pending(), 0);
    assert!(!timers::armed(), "no timer left armed");
    owner.with(|| ctl.reset());
    drop(owner);
}
