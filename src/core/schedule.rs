//! Statistics derived from the log: elapsed, concurrency, loop lag, progress.

use super::task::TaskState;
use super::trace::{EventKind, Ms, RunOutcome, TaskId, Trace};

/// The figures a run shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    /// Scenario time from the start to the end of the run (or to the last
    /// event while it runs).
    pub elapsed_ms: Ms,
    /// The most tasks in flight (sleeping or fetching) at once.
    pub max_in_flight: usize,
    /// The worst lateness of the loop's heartbeat, in scenario ms.
    pub loop_lag_ms: Ms,
    /// Tasks that have ended (done, failed or cancelled).
    pub finished: usize,
    /// Tasks created so far.
    pub total: usize,
    /// How the run ended, if it has.
    pub outcome: Option<RunOutcome>,
}

/// Computes the figures of a run from its log, sweeping events in order.
pub fn stats(trace: &Trace) -> Stats {
    let mut states: Vec<Option<TaskState>> = Vec::new();
    let mut in_flight = 0usize;
    let mut s = Stats {
        outcome: trace.outcome(),
        elapsed_ms: trace.last_ms(),
        ..Stats::default()
    };
    for e in trace.events() {
        if let EventKind::Heartbeat { lag_ms } = e.kind {
            s.loop_lag_ms = s.loop_lag_ms.max(lag_ms);
            continue;
        }
        if e.task == TaskId::LOOP {
            continue;
        }
        let Some(next) = TaskState::after(&e.kind) else {
            continue;
        };
        let idx = e.task.index();
        if idx >= states.len() {
            states.resize(idx + 1, None);
        }
        let prev = states[idx];
        if prev.is_some_and(TaskState::is_final) {
            continue;
        }
        if prev.is_none() {
            s.total += 1;
        }
        if prev.is_some_and(TaskState::in_flight) {
            in_flight -= 1;
        }
        if next.in_flight() {
            in_flight += 1;
        }
        if next.is_final() {
            s.finished += 1;
        }
        states[idx] = Some(next);
        s.max_in_flight = s.max_in_flight.max(in_flight);
    }
    s
}
