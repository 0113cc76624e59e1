#![cfg(not(target_arch = "wasm32"))]
//! The three foundation lessons on the virtual clock: exact timings.

use async_playground::core::model::stats::stats;
use async_playground::core::model::tasks::{tasks_at, TaskState};
use async_playground::core::params::{parse_query, PageState};
use async_playground::core::trace::{RunOutcome, Trace};
use async_playground::lessons::{self, lookup};
use async_playground::runtime::Run;

fn page(query: &str) -> PageState {
    parse_query(query, &lookup)
}

fn simulate(query: &str) -> Trace {
    let p = page(query);
    assert!(p.notices.is_empty(), "unexpected notices: {:?}", p.notices);
    let lesson = lessons::find(p.example.expect("example")).expect("lesson");
    Run::simulate(lesson.main_fn(p.values))
}

#[test]
fn coroutine_sleeps_for_delay_then_finishes() {
    let t = simulate("example=coroutine&delay=750");
    let s = stats(&t);
    assert_eq!(s.outcome, Some(RunOutcome::Finished));
    assert_eq!(s.elapsed_ms, 750.0);
    let tasks = tasks_at(&t, None);
    assert_eq!(tasks.len(), 1);
    assert_eq!(tasks[0].name, "main()");
    assert_eq!(tasks[0].state, TaskState::Done);
    assert_eq!(tasks[0].end_ms, Some(750.0));
    let states: Vec<_> = tasks[0].spans.iter().map(|s| s.state).collect();
    assert_eq!(
        states,
        [
            TaskState::Ready,
            TaskState::Running,
            TaskState::Sleeping,
            TaskState::Running
        ]
    );
    let lines: Vec<_> = t.console().map(|(at, _, l)| (at, l.to_string())).collect();
    assert_eq!(
        lines,
        [
            (0.0, "start".to_string()),
            (750.0, "resumed after 0.75 s".to_string())
        ]
    );
    // In the middle of the sleep, the task is sleeping.
    assert_eq!(tasks_at(&t, Some(400.0))[0].state, TaskState::Sleeping);
}

#[test]
fn sequential_takes_the_sum_of_delays() {
    let t = simulate("example=sequential-vs-gather&tasks=3&delay=1000&mode=sequential");
    let s = stats(&t);
    assert_eq!(s.elapsed_ms, 3000.0);
    assert_eq!(s.max_in_flight, 1);
    let tasks = tasks_at(&t, None);
    assert_eq!(tasks.len(), 4);
    for (i, task) in tasks[1..].iter().enumerate() {
        assert_eq!(task.name, format!("fetch_user({i})"));
        assert_eq!(task.start_ms, 1000.0 * i as f64);
        assert_eq!(task.end_ms, Some(1000.0 * (i + 1) as f64));
        assert_eq!(task.state, TaskState::Done);
    }
    assert_eq!(
        t.console().last().map(|c| c.2),
        Some("['user0', 'user1', 'user2']")
    );
}

#[test]
fn gather_takes_the_longest_delay() {
    let t = simulate("example=sequential-vs-gather&tasks=3&delay=1000&mode=gather");
    let s = stats(&t);
    assert_eq!(s.elapsed_ms, 1000.0);
    assert_eq!(s.max_in_flight, 3);
    assert_eq!(s.finished, 4);
    assert_eq!(s.total, 4);
    for task in &tasks_at(&t, None)[1..] {
        assert_eq!((task.start_ms, task.end_ms), (0.0, Some(1000.0)));
    }
    // main waits on gather meanwhile
    let main = &tasks_at(&t, Some(500.0))[0];
    assert_eq!(main.state, TaskState::Waiting);
    assert_eq!(
        main.spans.last().and_then(|s| s.detail.clone()).as_deref(),
        Some("on gather(3 tasks)")
    );
}

#[test]
fn semaphore_runs_in_waves_of_limit() {
    for (n, limit, d) in [
        (6, 2, 300),
        (9, 3, 800),
        (10, 3, 100),
        (5, 10, 50),
        (1, 1, 0),
        (7, 1, 10),
    ] {
        let t = simulate(&format!(
            "example=semaphore&tasks={n}&limit={limit}&delay={d}"
        ));
        let s = stats(&t);
        let waves = (n + limit - 1) / limit;
        assert_eq!(
            s.elapsed_ms,
            (waves * d) as f64,
            "n={n} limit={limit} d={d}"
        );
        if d > 0 {
            assert_eq!(
                s.max_in_flight,
                limit.min(n) as usize,
                "n={n} limit={limit}"
            );
        }
        let tasks = tasks_at(&t, None);
        assert!(tasks.iter().all(|t| t.state == TaskState::Done));
        // Task i enters in wave i / limit, in arrival order.
        for (i, task) in tasks[1..].iter().enumerate() {
            let wave = (i as i64 / limit) as f64;
            assert_eq!(task.end_ms, Some((wave + 1.0) * d as f64), "task {i}");
            if wave > 0.0 && d > 0 {
                assert!(
                    task.spans.iter().any(|s| s.state == TaskState::Waiting),
                    "task {i} waited"
                );
            }
        }
    }
}

#[test]
fn stop_mid_run_leaves_every_task_cancelled_or_done() {
    let p = page("example=semaphore&tasks=6&limit=2&delay=300");
    let lesson = lessons::find("semaphore").expect("lesson");
    let run = Run::new_virtual(7);
    run.start(lesson.main_fn(p.values));
    run.advance(450.0);
    assert!(!run.is_over());
    run.stop();
    let trace = run.trace().clone();
    assert_eq!(trace.outcome(), Some(RunOutcome::Stopped));
    let tasks = tasks_at(&trace, None);
    assert_eq!(tasks.len(), 7);
    let done = tasks.iter().filter(|t| t.state == TaskState::Done).count();
    let cancelled = tasks
        .iter()
        .filter(|t| t.state == TaskState::Cancelled)
        .count();
    assert_eq!(done, 2, "the first wave finished at 300 ms");
    assert_eq!(cancelled, 5, "main and four downloads cancelled");
    assert!(tasks.iter().all(|t| t.end_ms.is_some()));
    // Nothing lands after the stop, even if the clock is driven again.
    let len = trace.len();
    run.advance(10_000.0);
    assert_eq!(run.trace().len(), len);
    assert!(run.trace().events().iter().all(|e| e.run == 7));
}

#[test]
fn the_virtual_clock_is_deterministic() {
    let a = simulate("example=semaphore&tasks=20&limit=4&delay=123");
    let b = simulate("example=semaphore&tasks=20&limit=4&delay=123");
    assert_eq!(a, b);
}
