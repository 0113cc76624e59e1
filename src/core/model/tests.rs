//! The run model's own tests (the folds against each other: whole, in
//! chunks, as of a moment).

use super::*;
use crate::core::trace::RunOutcome;

fn ev(task: u32, at_ms: Ms, kind: EventKind) -> Event {
    Event {
        run: 1,
        task: TaskId(task),
        at_ms,
        kind,
    }
}

/// Positions of the lanes the last catch-up changed.
fn changed(m: &RunModel) -> Vec<usize> {
    (0..m.task_revs.len())
        .filter(|&p| m.task_revs[p] == m.rev)
        .collect()
}

#[test]
fn lanes_and_figures_follow_the_log() {
    let mut trace = Trace::new(1);
    let mut live = RunModel::new(1, "");
    trace.push(ev(0, 0.0, EventKind::Spawned { name: "a".into() }));
    trace.push(ev(0, 0.0, EventKind::Running));
    trace.push(ev(0, 0.0, EventKind::Sleeping { until_ms: 10.0 }));
    live.catch_up(&trace);
    assert_eq!(changed(&live), [0]);
    assert_eq!(live.tasks[0].state, TaskState::Sleeping);
    assert_eq!(live.stats.max_in_flight, 1);
    trace.push(ev(0, 10.0, EventKind::Printed { line: "hi".into() }));
    trace.push(ev(0, 10.0, EventKind::Done));
    trace.push(ev(
        u32::MAX,
        10.0,
        EventKind::RunEnded {
            outcome: RunOutcome::Finished,
        },
    ));
    live.catch_up(&trace);
    assert_eq!(
        live.console,
        [Line {
            at_ms: 10.0,
            task: "a".to_string(),
            stream: Stream::Stdout,
            text: "hi".to_string()
        }]
    );
    assert_eq!(live.tasks[0].end_ms, Some(10.0));
    assert_eq!(live.stats.outcome, Some(RunOutcome::Finished));
    assert_eq!(live.state, RunState::Finished);
    assert_eq!(live.stats.finished, 1);
    // Nothing new: nothing changes.
    let before = (live.events, live.console.len());
    live.catch_up(&trace);
    assert_eq!((live.events, live.console.len()), before);
    assert!(changed(&live).is_empty());
}

#[test]
fn lines_fold_into_the_lane_and_stderr_is_printed_apart() {
    let mut trace = Trace::new(1);
    trace.push(ev(
        0,
        0.0,
        EventKind::Spawned {
            name: "main()".into(),
        },
    ));
    trace.push(ev(0, 0.0, EventKind::AtLine { line: 3 }));
    trace.push(ev(0, 0.0, EventKind::Running));
    trace.push(ev(0, 0.0, EventKind::AtLine { line: 4 }));
    trace.push(ev(0, 0.0, EventKind::Sleeping { until_ms: 5.0 }));
    trace.push(ev(0, 5.0, EventKind::AtLine { line: 7 }));
    trace.push(ev(
        0,
        5.0,
        EventKind::Stderr {
            line: "ValueError: boom".into(),
        },
    ));
    trace.push(ev(
        0,
        5.0,
        EventKind::Failed {
            message: "ValueError: boom".into(),
        },
    ));
    trace.push(ev(0, 5.0, EventKind::AtLine { line: 9 }));
    let mut live = RunModel::new(1, "");
    live.catch_up(&trace);
    let tasks = &live.tasks;
    assert_eq!(
        tasks[0].line,
        Some(7),
        "a finished task stays at its last line"
    );
    assert_eq!(tasks[0].state, TaskState::Failed);
    assert_eq!(live.console.len(), 1);
    assert_eq!(live.console[0].stream, Stream::Stderr);
    assert_eq!(live.console[0].stream.as_str(), "stderr");
    // At the playhead: the same fold over the log cut at t.
    let at = |t| tasks::tasks_at(&trace, Some(t))[0].line;
    assert_eq!(at(0.0), Some(4));
    assert_eq!(at(4.9), Some(4));
    assert_eq!(at(5.0), Some(7));
    assert_eq!(RunModel::as_of(&trace, 4.9).tasks[0].line, Some(4));
    // Lines change no state and no span.
    assert_eq!(tasks[0].spans.len(), 3);
}

#[test]
fn as_of_is_a_prefix_that_catches_up_to_the_whole() {
    let mut trace = Trace::new(1);
    trace.push(ev(0, 0.0, EventKind::Spawned { name: "a".into() }));
    trace.push(ev(0, 0.0, EventKind::Running));
    trace.push(ev(0, 0.0, EventKind::Sleeping { until_ms: 10.0 }));
    trace.push(ev(0, 10.0, EventKind::Printed { line: "hi".into() }));
    trace.push(ev(0, 10.0, EventKind::Done));
    let mut forward = RunModel::as_of(&trace, 0.0);
    forward.advance_to(&trace, 5.0);
    assert_eq!(forward.tasks, RunModel::as_of(&trace, 5.0).tasks);
    forward.advance_to(&trace, 10.0);
    assert_eq!(forward.console, RunModel::as_of(&trace, 10.0).console);
    assert_eq!(forward.stats, RunModel::as_of(&trace, 10.0).stats);
    let mut early = RunModel::as_of(&trace, 5.0);
    assert_eq!(early.events, 3);
    assert!(early.console.is_empty());
    assert_eq!(early.tasks, tasks::tasks_at(&trace, Some(5.0)));
    early.catch_up(&trace);
    let mut whole = RunModel::new(1, "");
    whole.catch_up(&trace);
    assert_eq!(early.tasks, whole.tasks);
    assert_eq!(early.console, whole.console);
    assert_eq!(early.stats, whole.stats);
    assert_eq!(early.loop_state(), whole.loop_state());
    assert_eq!(early.await_graph(), whole.await_graph());
    assert_eq!(
        RunModel::as_of(&trace, 5.0).await_graph(),
        await_graph::await_graph(&trace, Some(5.0))
    );
}

#[test]
fn every_live_task_waiting_is_what_the_deadlock_check_asks() {
    let mut trace = Trace::new(1);
    let mut m = RunModel::new(1, "");
    trace.push(ev(0, 0.0, EventKind::Spawned { name: "a".into() }));
    trace.push(ev(1, 0.0, EventKind::Created { name: "b".into() }));
    trace.push(ev(0, 0.0, EventKind::Running));
    trace.push(ev(
        0,
        0.0,
        EventKind::Waiting {
            on: "Lock(x)".into(),
        },
    ));
    m.catch_up(&trace);
    // b was only created (never scheduled): it does not count.
    assert!(m.all_waiting());
    trace.push(ev(2, 0.0, EventKind::Spawned { name: "c".into() }));
    m.catch_up(&trace);
    assert!(!m.all_waiting(), "c is ready");
    trace.push(ev(2, 0.0, EventKind::Done));
    m.catch_up(&trace);
    assert!(m.all_waiting());
    trace.push(ev(0, 0.0, EventKind::Cancelled));
    m.catch_up(&trace);
    assert!(!m.all_waiting(), "nobody is live");
}

#[test]
fn the_mock_apis_lateness_is_summed_and_changes_no_lane_nor_step() {
    let mut trace = Trace::new(1);
    trace.push(ev(0, 0.0, EventKind::Spawned { name: "a".into() }));
    trace.push(ev(
        0,
        0.0,
        EventKind::Fetching {
            what: "GET x".into(),
        },
    ));
    trace.push(ev(0, 340.0, EventKind::Woken));
    trace.push(ev(u32::MAX, 340.0, EventKind::NetworkLate { lag_ms: 40.0 }));
    trace.push(ev(0, 340.0, EventKind::Running));
    trace.push(ev(u32::MAX, 500.0, EventKind::NetworkLate { lag_ms: 2.5 }));
    let mut m = RunModel::new(1, "");
    m.catch_up(&trace);
    assert_eq!(m.network_late_ms, 42.5);
    assert_eq!(m.tasks.len(), 1);
    assert_eq!(m.tasks[0].state, TaskState::Running);
    assert!(m.heartbeats.is_empty() && m.stalls.is_empty());
    // A measurement, not a moment of the program: replay does not stop at 500.
    assert_eq!(crate::core::replay::moments(&trace), [0.0, 340.0]);
    // As of before the second answer, only the first counts.
    assert_eq!(RunModel::as_of(&trace, 400.0).network_late_ms, 40.0);
}
