//! Statistics derived from the log: elapsed, concurrency, loop lag, progress.

use super::trace::{Ms, RunOutcome, Trace};

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
/// (the fold the live view applies one event at a time:
/// [`LiveStats`](super::live::LiveStats)).
pub fn stats(trace: &Trace) -> Stats {
    let mut live = super::live::LiveStats::default();
    for e in trace.events() {
        live.apply(e);
    }
    live.stats().clone()
}
