//! The figures a run shows (elapsed, concurrency, loop lag, progress), and
//! the fold that keeps them as the log grows ([`StatsFold`]).

use super::tasks::TaskState;
use crate::core::trace::{Event, EventKind, Ms, RunOutcome, TaskId, Trace};

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

/// Computes the figures of a run from its log, sweeping events in order
/// (the [`StatsFold`] that [`RunModel`](super::RunModel) keeps incrementally).
pub fn stats(trace: &Trace) -> Stats {
    let mut fold = StatsFold::default();
    for e in trace.events() {
        fold.apply(e);
    }
    fold.stats().clone()
}

/// The run's figures, folded one event at a time.
#[derive(Clone, Debug, Default)]
pub struct StatsFold {
    states: Vec<Option<TaskState>>,
    in_flight: usize,
    stats: Stats,
}

impl StatsFold {
    /// Applies one event.
    pub fn apply(&mut self, e: &Event) {
        let s = &mut self.stats;
        s.elapsed_ms = e.at_ms;
        match e.kind {
            EventKind::Heartbeat { lag_ms } => {
                s.loop_lag_ms = s.loop_lag_ms.max(lag_ms);
                return;
            }
            EventKind::RunEnded { outcome } => s.outcome = Some(outcome),
            _ => {}
        }
        if e.task == TaskId::LOOP {
            return;
        }
        let Some(next) = TaskState::after(&e.kind) else {
            return;
        };
        let idx = e.task.index();
        if idx >= self.states.len() {
            self.states.resize(idx + 1, None);
        }
        let prev = self.states[idx];
        if prev.is_some_and(TaskState::is_final) {
            return;
        }
        if prev.is_none() {
            s.total += 1;
        }
        if prev.is_some_and(TaskState::in_flight) {
            self.in_flight = self.in_flight.saturating_sub(1);
        }
        if next.in_flight() {
            self.in_flight += 1;
        }
        if next.is_final() {
            s.finished += 1;
        }
        self.states[idx] = Some(next);
        s.max_in_flight = s.max_in_flight.max(self.in_flight);
    }

    /// The figures so far.
    pub fn stats(&self) -> &Stats {
        &self.stats
    }
}
