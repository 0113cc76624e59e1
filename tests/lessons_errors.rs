#![cfg(not(target_arch = "wasm32"))]
//! Errors, timeouts and retries on the virtual clock: gather-errors,
//! timeout, retry. Exact times.

mod common;
use async_playground::core::model::stats::stats;
use async_playground::core::model::tasks::{tasks_at, TaskState};
use async_playground::core::trace::RunOutcome;
use common::{lines, simulate, task};

#[test]
fn gather_raises_the_first_error_at_once_and_cancels_nothing() {
    // job i ends at (i + 1) × 300; main() goes on 450 ms after the error.
    let t = simulate("example=gather-errors&tasks=4&fail=1&return_exceptions=0");
    assert_eq!(stats(&t).outcome, Some(RunOutcome::Finished));
    assert_eq!(t.last_ms(), 1050.0);
    let tasks = tasks_at(&t, None);
    let states: Vec<_> = (0..4)
        .map(|i| {
            let j = task(&tasks, &format!("job({i})"));
            (j.state, j.end_ms)
        })
        .collect();
    assert_eq!(
        states,
        [
            (TaskState::Done, Some(300.0)),
            (TaskState::Failed, Some(600.0)),
            // Not cancelled by gather: it ends normally after the error.
            (TaskState::Done, Some(900.0)),
            // Cancelled by the end of main(), not by gather.
            (TaskState::Cancelled, Some(1050.0)),
        ]
    );
    assert_eq!(
        task(&tasks, "job(1)").error.as_deref(),
        Some("ValueError: job 1 failed")
    );
    assert_eq!(
        lines(&t),
        [
            (300.0, "job(0) done".to_string()),
            // The error reaches main() at the very instant job(1) fails.
            (
                600.0,
                "gather raised ValueError('job 1 failed')".to_string()
            ),
            (900.0, "job(2) done".to_string()),
            (1050.0, "main returns".to_string()),
        ]
    );
    // main() stops waiting on gather at 600, not when the others end.
    let main = task(&tasks, "main()");
    let waited = main
        .spans
        .iter()
        .find(|s| s.state == TaskState::Waiting)
        .expect("main waited on gather");
    assert_eq!((waited.from_ms, waited.to_ms), (0.0, Some(600.0)));
}

#[test]
fn gather_without_return_exceptions_for_every_failing_index() {
    for n in 1..=6i64 {
        for f in 0..n {
            let t = simulate(&format!(
                "example=gather-errors&tasks={n}&fail={f}&return_exceptions=0"
            ));
            let end = (f + 1) as f64 * 300.0 + 450.0;
            assert_eq!(t.last_ms(), end);
            let tasks = tasks_at(&t, None);
            for i in 0..n {
                let j = task(&tasks, &format!("job({i})"));
                let due = (i + 1) as f64 * 300.0;
                let want = if i == f {
                    TaskState::Failed
                } else if due < end {
                    TaskState::Done
                } else {
                    TaskState::Cancelled
                };
                assert_eq!(j.state, want, "n={n} f={f} job({i})");
                assert_eq!(j.end_ms, Some(due.min(end)), "n={n} f={f} job({i})");
            }
        }
    }
}

#[test]
fn gather_with_return_exceptions_returns_everything_in_order() {
    let t = simulate("example=gather-errors&tasks=4&fail=1&return_exceptions=1");
    assert_eq!(t.last_ms(), 1200.0);
    let tasks = tasks_at(&t, None);
    assert!(tasks.iter().all(|x| x.state != TaskState::Cancelled));
    assert_eq!(task(&tasks, "job(1)").state, TaskState::Failed);
    assert_eq!(
        lines(&t).last(),
        Some(&(1200.0, "[0, ValueError('job 1 failed'), 2, 3]".to_string()))
    );
    // fail outside the jobs: nobody fails, all results.
    let t = simulate("example=gather-errors&tasks=3&fail=5&return_exceptions=0");
    assert_eq!(t.last_ms(), 900.0);
    assert!(tasks_at(&t, None)
        .iter()
        .all(|x| x.state == TaskState::Done));
    assert!(lines(&t).contains(&(900.0, "[0, 1, 2]".to_string())));
}

#[test]
fn timeout_cancels_the_operation_at_exactly_timeout() {
    for (d, timeout) in [(2000, 1000), (5000, 1), (300, 300), (10, 0)] {
        let t = simulate(&format!("example=timeout&delay={d}&timeout={timeout}"));
        let tasks = tasks_at(&t, None);
        let op = task(&tasks, "slow_operation()");
        let at = timeout as f64;
        assert_eq!((op.state, op.end_ms), (TaskState::Cancelled, Some(at)));
        assert_eq!(t.last_ms(), at);
        assert_eq!(task(&tasks, "main()").state, TaskState::Done);
        let last = lines(&t).last().cloned().expect("a line");
        assert_eq!(last.0, at);
        assert!(last.1.starts_with("TimeoutError"), "{}", last.1);
        assert!(!lines(&t).iter().any(|(_, l)| l == "slow_operation() done"));
    }
}

#[test]
fn timeout_lets_a_fast_operation_finish() {
    let t = simulate("example=timeout&delay=400&timeout=1000");
    let tasks = tasks_at(&t, None);
    let op = task(&tasks, "slow_operation()");
    assert_eq!((op.state, op.end_ms), (TaskState::Done, Some(400.0)));
    assert_eq!(t.last_ms(), 400.0);
    assert_eq!(lines(&t).last(), Some(&(400.0, "got 'result'".to_string())));
    // The timer was dropped: nothing else happens after the result.
    assert_eq!(stats(&t).outcome, Some(RunOutcome::Finished));
}

#[test]
fn retry_backs_off_base_then_doubles_until_success() {
    let t = simulate("example=retry&retries=3&base=200&failures=2");
    let tasks = tasks_at(&t, None);
    // call_api(k) runs 100 ms; waits of 200 then 400 between attempts.
    let attempts: Vec<_> = tasks[1..]
        .iter()
        .map(|x| (x.name.clone(), x.state, x.start_ms, x.end_ms))
        .collect();
    assert_eq!(
        attempts,
        [
            (
                "call_api(1)".to_string(),
                TaskState::Failed,
                0.0,
                Some(100.0)
            ),
            (
                "call_api(2)".to_string(),
                TaskState::Failed,
                300.0,
                Some(400.0)
            ),
            (
                "call_api(3)".to_string(),
                TaskState::Done,
                800.0,
                Some(900.0)
            ),
        ]
    );
    let main = task(&tasks, "main()");
    let sleeps: Vec<_> = main
        .spans
        .iter()
        .filter(|s| s.state == TaskState::Sleeping)
        .map(|s| (s.from_ms, s.to_ms))
        .collect();
    assert_eq!(sleeps, [(100.0, Some(300.0)), (400.0, Some(800.0))]);
    assert_eq!(main.state, TaskState::Done);
    assert_eq!(lines(&t).last(), Some(&(900.0, "ok".to_string())));
}

#[test]
fn retry_waits_base_times_powers_of_two_and_gives_up() {
    for (retries, base, failures) in [
        (3, 200, 10),
        (4, 50, 4),
        (0, 500, 1),
        (5, 0, 2),
        (2, 100, 0),
    ] {
        let t = simulate(&format!(
            "example=retry&retries={retries}&base={base}&failures={failures}"
        ));
        let tasks = tasks_at(&t, None);
        let gives_up = failures > retries;
        let attempts = if gives_up { retries + 1 } else { failures + 1 };
        assert_eq!(tasks.len() as i64, 1 + attempts);
        let main = task(&tasks, "main()");
        let sleeps: Vec<f64> = main
            .spans
            .iter()
            .filter(|s| s.state == TaskState::Sleeping)
            .map(|s| s.to_ms.unwrap_or(f64::NAN) - s.from_ms)
            .collect();
        let want: Vec<f64> = (0..attempts - 1)
            .map(|k| base as f64 * 2f64.powi(k as i32))
            .collect();
        assert_eq!(sleeps, want, "backoff waits");
        let total = attempts as f64 * 100.0 + want.iter().sum::<f64>();
        assert_eq!(t.last_ms(), total);
        if gives_up {
            assert_eq!(main.state, TaskState::Failed);
            assert_eq!(
                main.error.as_deref(),
                Some(format!("ConnectionError: attempt {attempts} failed").as_str())
            );
            assert!(lines(&t)
                .iter()
                .any(|(_, l)| *l == format!("giving up after {attempts} attempts")));
        } else {
            assert_eq!(main.state, TaskState::Done);
        }
        // Every attempt but the successful one failed.
        let failed = tasks[1..]
            .iter()
            .filter(|x| x.state == TaskState::Failed)
            .count() as i64;
        assert_eq!(failed, if gives_up { attempts } else { attempts - 1 });
    }
}
