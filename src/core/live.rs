//! Incremental derivation: task lanes and figures kept up to date as the log
//! grows, in time proportional to the *new* events only.
//!
//! [`tasks_at`](super::task::tasks_at) and [`stats`](super::stats::stats)
//! are these same folds run over a whole log, so the live view and a view
//! derived from scratch never disagree. A run of 10,000 tasks records about
//! 120,000 events; re-deriving all of them on every animation frame would
//! cost milliseconds per frame, applying the few hundred new ones costs
//! microseconds.
//!
//! ```
//! use async_playground::core::live::LiveTasks;
//! use async_playground::core::trace::{Event, EventKind, TaskId, Trace};
//!
//! let mut trace = Trace::new(1);
//! let mut live = LiveTasks::default();
//! let mut tasks = Vec::new();
//! trace.push(Event { run: 1, task: TaskId(0), at_ms: 0.0,
//!     kind: EventKind::Spawned { name: "main()".into() } });
//! assert_eq!(live.apply(&trace.events()[0], &mut tasks), Some(0));
//! assert_eq!(tasks[0].name, "main()");
//! ```

use super::stats::Stats;
use super::task::{fmt_ms, Span, TaskState, TaskView};
use super::trace::{Event, EventKind, Ms, TaskId, Trace};

/// What a span waited on or slept until, in words.
pub(crate) fn detail(kind: &EventKind) -> Option<String> {
    match kind {
        EventKind::Sleeping { until_ms } => Some(format!("until {}", fmt_ms(*until_ms))),
        EventKind::Fetching { what } => Some(what.clone()),
        EventKind::Waiting { on } => Some(format!("on {on}")),
        EventKind::Failed { message } => Some(message.clone()),
        _ => None,
    }
}

/// Where each task's lane sits in a `Vec<TaskView>` that the caller owns
/// (so a view can hold its lanes without a second copy).
///
/// Lanes appear in the order tasks were named (spawned or created), which is
/// their id order: ids are handed out in spawn order.
#[derive(Clone, Debug, Default)]
pub struct LiveTasks {
    /// Task id -> position in the lanes (`u32::MAX`: not named yet).
    index: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl LiveTasks {
    /// The position of `task`'s lane, once it has one.
    pub fn position(&self, task: TaskId) -> Option<usize> {
        match self.index.get(task.index()) {
            Some(&p) if p != NONE => Some(p as usize),
            _ => None,
        }
    }

    /// Applies one event to `tasks`; returns the position of the lane it
    /// changed, if it changed one.
    pub fn apply(&mut self, e: &Event, tasks: &mut Vec<TaskView>) -> Option<usize> {
        if e.task == TaskId::LOOP {
            return None;
        }
        let mut changed = None;
        if let EventKind::Created { name } | EventKind::Spawned { name } = &e.kind {
            if self.position(e.task).is_none() {
                let idx = e.task.index();
                if idx >= self.index.len() {
                    self.index.resize(idx + 1, NONE);
                }
                let pos = tasks.len();
                self.index[idx] = u32::try_from(pos).unwrap_or(NONE);
                tasks.push(TaskView {
                    id: e.task,
                    name: name.clone(),
                    state: TaskState::Created,
                    start_ms: e.at_ms,
                    end_ms: None,
                    spans: Vec::new(),
                    error: None,
                    line: None,
                });
                changed = Some(pos);
            }
        }
        let pos = self.position(e.task)?;
        let t = tasks.get_mut(pos)?;
        if let EventKind::AtLine { line } = e.kind {
            // Where the task is in the code; it does not change its state.
            // A finished task stays at the line it ended on.
            if t.end_ms.is_some() || t.line == Some(line) {
                return changed;
            }
            t.line = Some(line);
            return Some(pos);
        }
        let Some(state) = TaskState::after(&e.kind) else {
            return changed;
        };
        if t.end_ms.is_some() {
            return changed;
        }
        if let Some(last) = t.spans.last_mut() {
            if last.state == state
                && !matches!(
                    e.kind,
                    EventKind::Sleeping { .. } | EventKind::Waiting { .. }
                )
            {
                return changed;
            }
            last.to_ms = Some(e.at_ms);
        }
        t.state = state;
        if let EventKind::Failed { message } = &e.kind {
            t.error = Some(message.clone());
        }
        if state.is_final() {
            t.end_ms = Some(e.at_ms);
        } else {
            t.spans.push(Span {
                state,
                from_ms: e.at_ms,
                to_ms: None,
                detail: detail(&e.kind),
            });
        }
        Some(pos)
    }
}

/// The run's figures, folded one event at a time.
#[derive(Clone, Debug, Default)]
pub struct LiveStats {
    states: Vec<Option<TaskState>>,
    in_flight: usize,
    stats: Stats,
}

impl LiveStats {
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

/// Everything a run's views derive from its log, kept up to date: call
/// [`LiveView::catch_up`] whenever the log may have grown.
#[derive(Clone, Debug, Default)]
pub struct LiveView {
    /// Events applied so far.
    pub consumed: usize,
    /// Lane positions.
    pub lanes: LiveTasks,
    /// Figures.
    pub stats: LiveStats,
}

/// Which stream a printed line went to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stream {
    /// `print()`.
    Stdout,
    /// Warnings and tracebacks.
    Stderr,
}

impl Stream {
    /// The contract's word (`data-stream`).
    pub fn as_str(self) -> &'static str {
        match self {
            Stream::Stdout => "stdout",
            Stream::Stderr => "stderr",
        }
    }
}

/// One line printed during a run, as the console shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Printed {
    /// When (scenario ms).
    pub at_ms: Ms,
    /// Who printed it ([`TaskId::LOOP`] for the loop itself).
    pub task: TaskId,
    /// stdout or stderr.
    pub stream: Stream,
    /// The text, without its newline.
    pub text: String,
}

/// What one [`LiveView::catch_up`] changed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    /// Positions of the lanes that changed (each once, ascending).
    pub lanes: Vec<usize>,
    /// Lines printed (stdout and stderr), in order.
    pub printed: Vec<Printed>,
    /// Heartbeats: (time, lateness).
    pub heartbeats: Vec<(Ms, Ms)>,
}

impl LiveView {
    /// Applies the events of `trace` not seen yet to `tasks` (the lanes the
    /// caller keeps) and returns what changed. A log of another generation
    /// or a shorter one than seen is the caller's to detect (start afresh).
    pub fn catch_up(&mut self, trace: &Trace, tasks: &mut Vec<TaskView>) -> Changes {
        let mut changes = Changes::default();
        let new = trace.events().get(self.consumed..).unwrap_or_default();
        for e in new {
            self.stats.apply(e);
            if let Some(pos) = self.lanes.apply(e, tasks) {
                changes.lanes.push(pos);
            }
            match &e.kind {
                EventKind::Printed { line } => changes.printed.push(Printed {
                    at_ms: e.at_ms,
                    task: e.task,
                    stream: Stream::Stdout,
                    text: line.clone(),
                }),
                EventKind::Stderr { line } => changes.printed.push(Printed {
                    at_ms: e.at_ms,
                    task: e.task,
                    stream: Stream::Stderr,
                    text: line.clone(),
                }),
                EventKind::Heartbeat { lag_ms } => changes.heartbeats.push((e.at_ms, *lag_ms)),
                _ => {}
            }
        }
        self.consumed += new.len();
        changes.lanes.sort_unstable();
        changes.lanes.dedup();
        changes
    }
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn lanes_and_figures_follow_the_log() {
        let mut trace = Trace::new(1);
        let mut live = LiveView::default();
        let mut tasks = Vec::new();
        trace.push(ev(0, 0.0, EventKind::Spawned { name: "a".into() }));
        trace.push(ev(0, 0.0, EventKind::Running));
        trace.push(ev(0, 0.0, EventKind::Sleeping { until_ms: 10.0 }));
        let c = live.catch_up(&trace, &mut tasks);
        assert_eq!(c.lanes, [0]);
        assert_eq!(tasks[0].state, TaskState::Sleeping);
        assert_eq!(live.stats.stats().max_in_flight, 1);
        trace.push(ev(0, 10.0, EventKind::Printed { line: "hi".into() }));
        trace.push(ev(0, 10.0, EventKind::Done));
        trace.push(ev(
            u32::MAX,
            10.0,
            EventKind::RunEnded {
                outcome: RunOutcome::Finished,
            },
        ));
        let c = live.catch_up(&trace, &mut tasks);
        assert_eq!(
            c.printed,
            [Printed {
                at_ms: 10.0,
                task: TaskId(0),
                stream: Stream::Stdout,
                text: "hi".to_string()
            }]
        );
        assert_eq!(tasks[0].end_ms, Some(10.0));
        assert_eq!(live.stats.stats().outcome, Some(RunOutcome::Finished));
        assert_eq!(live.stats.stats().finished, 1);
        assert_eq!(live.catch_up(&trace, &mut tasks), Changes::default());
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
        let mut live = LiveView::default();
        let mut tasks = Vec::new();
        let c = live.catch_up(&trace, &mut tasks);
        assert_eq!(
            tasks[0].line,
            Some(7),
            "a finished task stays at its last line"
        );
        assert_eq!(tasks[0].state, TaskState::Failed);
        assert_eq!(c.printed.len(), 1);
        assert_eq!(c.printed[0].stream, Stream::Stderr);
        assert_eq!(c.printed[0].stream.as_str(), "stderr");
        // At the playhead: the same fold over the log cut at t.
        let at = |t| crate::core::task::tasks_at(&trace, Some(t))[0].line;
        assert_eq!(at(0.0), Some(4));
        assert_eq!(at(4.9), Some(4));
        assert_eq!(at(5.0), Some(7));
        // Lines change no state and no span.
        assert_eq!(tasks[0].spans.len(), 3);
    }
}
