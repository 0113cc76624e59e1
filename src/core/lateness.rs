//! Ideal versus real: how late the browser ran each step of a run compared
//! with the same lesson on the virtual clock, and when the loop stalled.
//!
//! The ideal run is the same lesson code with the same parameters on the
//! virtual clock, where every timer fires exactly on time and nothing else
//! competes for the thread. Lanes are matched by position and name: ids are
//! handed out in spawn order, so the n-th task of both runs is the same task
//! as long as both spawned the same things in the same order.
//!
//! ```
//! use async_playground::core::lateness::{late_text, stalls, Stall};
//! use async_playground::core::trace::{Event, EventKind, TaskId, Trace};
//!
//! let mut t = Trace::new(1);
//! t.push(Event { run: 1, task: TaskId::LOOP, at_ms: 400.0,
//!     kind: EventKind::Heartbeat { lag_ms: 120.0 } });
//! assert_eq!(stalls(&t, 30.0), [Stall { from_ms: 280.0, to_ms: 400.0 }]);
//! assert_eq!(late_text(37.4), "+37 ms late");
//! ```

pub use super::model::heartbeats::{stall_of, stalls, Stall, STALL_MS};
use super::model::tasks::{fmt_ms, TaskView};
use super::trace::Ms;

/// The ideal lane for the real lane at `pos`: the ideal task at the same
/// position with the same name.
pub fn ideal_for<'a>(ideal: &'a [TaskView], pos: usize, real: &TaskView) -> Option<&'a TaskView> {
    ideal.get(pos).filter(|i| i.name == real.name)
}

/// How late each real span began compared with the ideal one. Spans are
/// paired in order while their states agree; after the first disagreement
/// (the real run took another path, e.g. a different task got a lock
/// first) there is nothing fair to compare, so the rest is `None`.
pub fn span_lateness(real: &TaskView, ideal: &TaskView) -> Vec<Option<Ms>> {
    let mut out = Vec::with_capacity(real.spans.len());
    let mut paired = true;
    for (i, r) in real.spans.iter().enumerate() {
        let late = match ideal.spans.get(i) {
            Some(s) if paired && s.state == r.state => Some(r.from_ms - s.from_ms),
            _ => {
                paired = false;
                None
            }
        };
        out.push(late);
    }
    out
}

/// How late the task ended compared with its ideal end (both must have
/// ended in the same state).
pub fn end_lateness(real: &TaskView, ideal: &TaskView) -> Option<Ms> {
    match (real.end_ms, ideal.end_ms) {
        (Some(r), Some(i)) if real.state == ideal.state => Some(r - i),
        _ => None,
    }
}

/// Lateness in words: `+37 ms late`, `on time` (under half a millisecond),
/// or `12 ms early` (which real timers never are; kept honest anyway).
pub fn late_text(late_ms: Ms) -> String {
    if late_ms.abs() < 0.5 {
        "on time".to_string()
    } else if late_ms > 0.0 {
        format!("+{} late", fmt_ms(late_ms))
    } else {
        format!("{} early", fmt_ms(-late_ms))
    }
}

/// Percentiles of a sample, by nearest rank: `q` in 0..=1. `None` when
/// the sample is empty. NaNs are ignored.
pub fn percentile(sample: &[f64], q: f64) -> Option<f64> {
    let mut v: Vec<f64> = sample.iter().copied().filter(|x| !x.is_nan()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let q = q.clamp(0.0, 1.0);
    let rank = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len());
    v.get(rank - 1).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::tasks::{Span, TaskState};
    use crate::core::trace::TaskId;

    fn lane(spans: &[(TaskState, Ms)], end: Option<Ms>) -> TaskView {
        TaskView {
            id: TaskId(1),
            name: "t".into(),
            state: if end.is_some() {
                TaskState::Done
            } else {
                TaskState::Sleeping
            },
            start_ms: 0.0,
            end_ms: end,
            spans: spans
                .iter()
                .map(|&(state, from_ms)| Span {
                    state,
                    from_ms,
                    to_ms: None,
                    detail: None,
                })
                .collect(),
            error: None,
            line: None,
        }
    }

    #[test]
    fn spans_pair_while_states_agree() {
        use TaskState::*;
        let ideal = lane(
            &[(Ready, 0.0), (Sleeping, 0.0), (Running, 100.0)],
            Some(100.0),
        );
        let real = lane(
            &[(Ready, 0.0), (Sleeping, 2.0), (Running, 131.0)],
            Some(131.0),
        );
        assert_eq!(
            span_lateness(&real, &ideal),
            [Some(0.0), Some(2.0), Some(31.0)]
        );
        assert_eq!(end_lateness(&real, &ideal), Some(31.0));
        let other = lane(&[(Ready, 0.0), (Waiting, 1.0), (Sleeping, 5.0)], None);
        assert_eq!(span_lateness(&other, &ideal), [Some(0.0), None, None]);
        assert_eq!(end_lateness(&other, &ideal), None);
    }

    #[test]
    fn percentiles_by_nearest_rank() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&v, 0.5), Some(50.0));
        assert_eq!(percentile(&v, 0.99), Some(99.0));
        assert_eq!(percentile(&v, 1.0), Some(100.0));
        assert_eq!(percentile(&[], 0.5), None);
        assert_eq!(percentile(&[f64::NAN, 3.0], 0.5), Some(3.0));
    }

    #[test]
    fn late_in_words() {
        assert_eq!(late_text(0.2), "on time");
        assert_eq!(late_text(1234.0), "+1.23 s late");
        assert_eq!(late_text(-3.0), "3 ms early");
    }
}
