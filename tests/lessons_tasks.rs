#![cfg(not(target_arch = "wasm32"))]
//! Lessons on tasks, their life and their pitfalls, on the virtual clock:
//! create-task, daemon, forgotten-await, blocking-call, async-iterator,
//! context-manager. Exact times.

mod common;
use async_playground::core::model::stats::stats;
use async_playground::core::model::tasks::{tasks_at, TaskState};
use async_playground::core::trace::{EventKind, RunOutcome};
use async_playground::lessons::{self};
use async_playground::runtime::Run;
use common::{lines, page, simulate, task};

#[test]
fn create_task_workers_tick_then_end_cancelled_at_cancel_after() {
    for (a, b, c) in [
        (300, 700, 1000),
        (200, 300, 900),
        (50, 5000, 0),
        (250, 100, 1234),
    ] {
        let t = simulate(&format!(
            "example=create-task&interval_a={a}&interval_b={b}&cancel_after={c}"
        ));
        let s = stats(&t);
        assert_eq!(s.outcome, Some(RunOutcome::Finished));
        assert_eq!(s.elapsed_ms, c as f64);
        let tasks = tasks_at(&t, None);
        assert_eq!(tasks.len(), 3);
        assert_eq!(task(&tasks, "main()").state, TaskState::Done);
        for (name, every) in [("a", a), ("b", b)] {
            let w = task(&tasks, &format!("worker('{name}')"));
            assert_eq!(w.state, TaskState::Cancelled, "{name}");
            assert_eq!(w.end_ms, Some(c as f64), "{name} cancelled at cancel_after");
            // Ticks at every multiple of the interval strictly before the cancel.
            let ticks: Vec<f64> = lines(&t)
                .into_iter()
                .filter(|(_, l)| l.starts_with(&format!("{name} tick")))
                .map(|(at, _)| at)
                .collect();
            let want: Vec<f64> = (1..)
                .map(|k| (k * every) as f64)
                .take_while(|&at| at < c as f64)
                .collect();
            assert_eq!(ticks, want, "{name} ticks");
        }
        let tail: Vec<_> = lines(&t).into_iter().rev().take(2).collect();
        assert_eq!(
            tail,
            [
                (c as f64, "worker('b') cancelled".to_string()),
                (c as f64, "worker('a') cancelled".to_string())
            ]
        );
    }
}

#[test]
fn daemon_background_task_is_cancelled_when_main_returns() {
    for (m, i) in [(1000, 300), (900, 300), (0, 50), (2500, 1000)] {
        let t = simulate(&format!("example=daemon&main={m}&interval={i}"));
        let s = stats(&t);
        assert_eq!(s.outcome, Some(RunOutcome::Finished));
        assert_eq!(s.elapsed_ms, m as f64);
        let tasks = tasks_at(&t, None);
        let main = task(&tasks, "main()");
        let beat = task(&tasks, "heartbeat()");
        assert_eq!((main.state, main.end_ms), (TaskState::Done, Some(m as f64)));
        assert_eq!(
            (beat.state, beat.end_ms),
            (TaskState::Cancelled, Some(m as f64)),
            "cancelled by the end of main(), not by the code"
        );
        let beats = lines(&t)
            .iter()
            .filter(|(_, l)| l.starts_with("heartbeat"))
            .count() as i64;
        assert_eq!(beats, (1..).take_while(|k| k * i < m).count() as i64);
        // main() ended first, then the heartbeat was cancelled, then the run.
        let order: Vec<_> = t
            .events()
            .iter()
            .filter(|e| {
                matches!(
                    e.kind,
                    EventKind::Done | EventKind::Cancelled | EventKind::RunEnded { .. }
                )
            })
            .map(|e| e.task.to_string())
            .collect();
        assert_eq!(order, ["#0", "#1", "loop"]);
    }
}

#[test]
fn forgotten_coroutine_stays_created_and_never_runs() {
    let t = simulate("example=forgotten-await&delay=700");
    let s = stats(&t);
    assert_eq!(s.outcome, Some(RunOutcome::Finished));
    assert_eq!(s.elapsed_ms, 700.0);
    let tasks = tasks_at(&t, None);
    let forgotten = task(&tasks, "save('report')");
    assert_eq!(forgotten.state, TaskState::Created);
    assert_eq!(forgotten.end_ms, None);
    assert_eq!(forgotten.spans.len(), 1, "never ready, never running");
    let backup = task(&tasks, "save('backup')");
    assert_eq!(
        (backup.state, backup.end_ms),
        (TaskState::Done, Some(700.0))
    );
    assert_eq!(
        lines(&t),
        [
            (
                0.0,
                "RuntimeWarning: coroutine 'save' was never awaited".to_string()
            ),
            (700.0, "saved backup".to_string()),
            (700.0, "main done".to_string()),
        ]
    );
    // Nothing of the forgotten coroutine runs: no event but its creation
    // and the warning about it on its lane.
    let id = forgotten.id;
    let kinds: Vec<_> = t
        .events()
        .iter()
        .filter(|e| e.task == id)
        .map(|e| &e.kind)
        .collect();
    assert_eq!(kinds.len(), 2, "{kinds:?}");
    assert!(matches!(
        kinds[1],
        async_playground::core::trace::EventKind::Diagnostic(d)
            if d.kind == async_playground::core::trace::DiagKind::NeverAwaited
    ));
}

#[test]
fn blocking_call_delays_everyone_then_awaiting_does_not() {
    for (n, d, b) in [(3, 300, 1000), (5, 200, 700), (2, 800, 300), (1, 0, 50)] {
        let t = simulate(&format!(
            "example=blocking-call&tasks={n}&delay={d}&block={b}"
        ));
        let s = stats(&t);
        let phase = d.max(b) as f64;
        assert_eq!(s.outcome, Some(RunOutcome::Finished));
        assert_eq!(s.elapsed_ms, 2.0 * phase, "elapsed includes the block");
        let tasks = tasks_at(&t, None);
        assert_eq!(tasks.len() as i64, 1 + 2 * (n + 1));
        let blocker = task(&tasks, "compute_blocking()");
        assert_eq!(blocker.end_ms, Some(b as f64));
        // The blocking call never yields: it runs from start to end.
        assert!(blocker.spans.iter().all(|s| s.state != TaskState::Sleeping));
        // Phase 1: the fetches due at d end only when the block returns.
        let phase1: Vec<_> = tasks
            .iter()
            .filter(|x| x.name.starts_with("fetch(") && x.start_ms == 0.0)
            .collect();
        assert_eq!(phase1.len() as i64, n);
        for f in &phase1 {
            assert_eq!(
                f.end_ms,
                Some(phase),
                "{} late by {}",
                f.name,
                phase - d as f64
            );
        }
        // Phase 2: the same fetches end on time beside an awaiting call.
        let phase2: Vec<_> = tasks
            .iter()
            .filter(|x| x.name.starts_with("fetch(") && x.start_ms == phase)
            .collect();
        assert_eq!(phase2.len() as i64, n);
        for f in &phase2 {
            assert_eq!(f.end_ms, Some(phase + d as f64), "{}", f.name);
        }
        let awaiting = task(&tasks, "compute_awaiting()");
        assert_eq!(awaiting.end_ms, Some(phase + b as f64));
        if b > 0 {
            assert!(awaiting
                .spans
                .iter()
                .any(|s| s.state == TaskState::Sleeping));
        }
        // While blocked, nobody else ran: no event between 0 and b but the
        // blocker's own.
        let others = t
            .events()
            .iter()
            .filter(|e| e.at_ms > 0.0 && e.at_ms < b as f64)
            .count();
        assert_eq!(others, 0);
    }
}

#[test]
fn async_iterator_yields_one_value_per_delay_in_one_task() {
    for (n, d) in [(5, 300), (1, 0), (3, 1000), (0, 500)] {
        let t = simulate(&format!("example=async-iterator&count={n}&delay={d}"));
        let s = stats(&t);
        assert_eq!(s.outcome, Some(RunOutcome::Finished));
        assert_eq!(s.elapsed_ms, (n * d) as f64);
        assert_eq!(s.total, 1, "the generator runs inside main()'s task");
        let mut want: Vec<(f64, String)> = (0..n)
            .map(|i| (((i + 1) * d) as f64, format!("got {i}")))
            .collect();
        want.push(((n * d) as f64, "done".to_string()));
        assert_eq!(lines(&t), want);
        let sleeps = tasks_at(&t, None)[0]
            .spans
            .iter()
            .filter(|s| s.state == TaskState::Sleeping)
            .count() as i64;
        assert_eq!(sleeps, n, "one await per value, none ahead");
    }
}

#[test]
fn context_manager_closes_on_success_and_on_failure() {
    for fail in [0, 1] {
        let (c, q) = (300.0, 500.0);
        let t = simulate(&format!(
            "example=context-manager&connect={c}&query={q}&fail={fail}"
        ));
        let s = stats(&t);
        assert_eq!(s.outcome, Some(RunOutcome::Finished));
        assert_eq!(s.elapsed_ms, c + q);
        let tasks = tasks_at(&t, None);
        let main = task(&tasks, "main()");
        assert_eq!(main.state, TaskState::Done, "main() handles the error");
        let query = task(&tasks, "conn.query('SELECT 1')");
        let want_state = if fail == 1 {
            TaskState::Failed
        } else {
            TaskState::Done
        };
        assert_eq!((query.state, query.end_ms), (want_state, Some(c + q)));
        let body = if fail == 1 {
            vec![
                (
                    c + q,
                    "connection closed (exc_type=RuntimeError)".to_string(),
                ),
                (
                    c + q,
                    "main caught RuntimeError('query failed')".to_string(),
                ),
            ]
        } else {
            vec![
                (c + q, "[(1,)]".to_string()),
                (c + q, "connection closed (exc_type=None)".to_string()),
            ]
        };
        let mut want = vec![
            (0.0, "connecting".to_string()),
            (c, "connected".to_string()),
        ];
        want.extend(body);
        assert_eq!(
            lines(&t),
            want,
            "fail={fail}: closed before the error leaves"
        );
        // The connection is held from connect to the end of the block.
        let held: Vec<_> = t
            .events()
            .iter()
            .filter_map(|e| match &e.kind {
                EventKind::Acquired { on } => Some(("acquired", on.clone(), e.at_ms)),
                EventKind::Released { on } => Some(("released", on.clone(), e.at_ms)),
                _ => None,
            })
            .collect();
        assert_eq!(
            held,
            [
                ("acquired", "Connection(db)".to_string(), c),
                ("released", "Connection(db)".to_string(), c + q)
            ]
        );
    }
}

#[test]
fn context_manager_closes_when_cancelled() {
    let p = page("example=context-manager&connect=300&query=500");
    let lesson = lessons::find("context-manager").expect("lesson");
    let run = Run::new_virtual(3);
    run.start(lesson.main_fn(p.values));
    run.advance(600.0);
    // Stop mid-query: exit runs as the task's future is dropped; the log is
    // closed by then, so nothing lands after RunEnded, and nothing panics.
    run.stop();
    let t = run.trace().clone();
    assert_eq!(t.outcome(), Some(RunOutcome::Stopped));
    assert!(tasks_at(&t, None)
        .iter()
        .all(|x| x.state == TaskState::Cancelled));
}
