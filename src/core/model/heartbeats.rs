//! The loop's heartbeats, and the stalls they reveal: a heartbeat later
//! than [`STALL_MS`] means the loop could not run anything for that long.

use crate::core::trace::{EventKind, Ms, Trace};

/// Heartbeat lateness (scenario ms) from which the loop counts as stalled:
/// well above timer jitter, well below what a person notices as a freeze.
pub const STALL_MS: Ms = 30.0;

/// A stretch when the loop could not run anything (a heartbeat was late).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stall {
    /// When the heartbeat was due (the stall began at the latest then).
    pub from_ms: Ms,
    /// When it finally ticked.
    pub to_ms: Ms,
}

impl Stall {
    /// The stall's length.
    pub fn len_ms(&self) -> Ms {
        self.to_ms - self.from_ms
    }
}

/// The stall a heartbeat at `at_ms`, `lag_ms` late, reveals, if it is one.
pub fn stall_of(at_ms: Ms, lag_ms: Ms, threshold: Ms) -> Option<Stall> {
    (lag_ms > threshold).then(|| Stall {
        from_ms: (at_ms - lag_ms).max(0.0),
        to_ms: at_ms,
    })
}

/// Every stall of a run, in order: heartbeats later than `threshold`.
pub fn stalls(trace: &Trace, threshold: Ms) -> Vec<Stall> {
    trace
        .events()
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::Heartbeat { lag_ms } => stall_of(e.at_ms, lag_ms, threshold),
            _ => None,
        })
        .collect()
}
