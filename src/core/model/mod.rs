//! One run model: the event log folded once, incrementally, into everything
//! the views need. [`RunModel::catch_up`] applies the events recorded since
//! the last call, in time proportional to those new events only (a run of
//! 10,000 tasks records about 120,000 events; re-deriving all of them every
//! animation frame would cost milliseconds per frame, applying the few
//! hundred new ones costs microseconds). [`RunModel::as_of`] answers "as of
//! t" for replay with the same folds over the log cut at `t`.
//!
//! One file per kind of thing, each with its fold, all behind the one
//! [`RunModel::apply`]:
//!
//! - [`tasks`]: task states, spans and lanes ([`tasks::Lanes`]);
//! - [`stats`]: the figures ([`stats::StatsFold`]);
//! - [`console`]: printed lines; [`diagnostics`]: the run's diagnostics;
//! - [`heartbeats`]: the loop's heartbeats and the stalls they reveal;
//! - [`loop_state`]: what the loop holds ([`loop_state::LoopFold`]);
//! - [`wait_for`]: who waits for whom: the deadlock check's fold
//!   ([`wait_for::WaitFor`]) and the wait-for cycle;
//! - [`await_graph`]: who awaits whom, pstree's tree
//!   ([`await_graph::AwaitFold`]);
//! - [`run_state`]: how the run stands, and its ideal counterpart.
//!
//! ```
//! use async_playground::core::model::{RunModel, RunState};
//! use async_playground::core::trace::{Event, EventKind, TaskId, Trace};
//!
//! let mut trace = Trace::new(1);
//! let mut model = RunModel::new(1, "demo");
//! trace.push(Event { run: 1, task: TaskId(0), at_ms: 0.0,
//!     kind: EventKind::Spawned { name: "main()".into() } });
//! trace.push(Event { run: 1, task: TaskId(0), at_ms: 5.0,
//!     kind: EventKind::Printed { line: "hi".into() } });
//! model.catch_up(&trace);
//! assert_eq!(model.tasks[0].name, "main()");
//! assert_eq!(model.console[0].task, "main()");
//! assert_eq!(model.state, RunState::Running);
//! assert!(RunModel::as_of(&trace, 1.0).console.is_empty());
//! ```

pub mod await_graph;
pub mod console;
pub mod diagnostics;
pub mod heartbeats;
pub mod loop_state;
pub mod run_state;
pub mod stats;
pub mod tasks;
pub mod wait_for;

pub use console::{Line, Stream};
pub use heartbeats::{Stall, STALL_MS};
pub use run_state::{Ideal, RunState};
pub use stats::Stats;
pub use tasks::{TaskState, TaskView};

use crate::core::trace::{Event, EventKind, Ms, TaskId, Trace};
use await_graph::{AwaitFold, AwaitGraph};
use diagnostics::Diagnosed;
use loop_state::{LoopFold, LoopState};
use stats::StatsFold;
use tasks::Lanes;
use wait_for::{WaitEdge, WaitFor};

/// Everything the views show of one run, derived from its log and kept up
/// to date by [`RunModel::catch_up`]. The fields are the views' data; the
/// folds that keep them are private.
#[derive(Clone, Debug)]
pub struct RunModel {
    /// The run's generation (0: none yet).
    pub generation: u32,
    /// The lesson the run belongs to.
    pub example: &'static str,
    /// Idle, running or how it ended.
    pub state: RunState,
    /// Tasks as of the last event, in spawn order.
    pub tasks: Vec<TaskView>,
    /// Printed lines.
    pub console: Vec<Line>,
    /// Figures.
    pub stats: Stats,
    /// Events applied so far.
    pub events: usize,
    /// Bumped by every [`RunModel::catch_up`].
    pub rev: u64,
    /// The `rev` at which each lane last changed (parallel to `tasks`):
    /// views redraw only lanes newer than what they drew.
    pub task_revs: Vec<u64>,
    /// The loop's heartbeats so far: (time, lateness), scenario ms.
    pub heartbeats: Vec<(Ms, Ms)>,
    /// Stalls of the loop so far (heartbeats later than [`STALL_MS`]).
    pub stalls: Vec<Stall>,
    /// Whether the tab was hidden during the run: browsers throttle timers
    /// in background tabs, so its timings are not what the code would do.
    pub hidden_during_run: bool,
    /// Why a limit stopped the run, if one did.
    pub limit_note: Option<String>,
    /// The run's diagnostics, in order.
    pub diagnostics: Vec<Diagnosed>,
    lanes: Lanes,
    figures: StatsFold,
    loop_fold: LoopFold,
    wait_for: WaitFor,
    awaits: AwaitFold,
}

impl Default for RunModel {
    fn default() -> Self {
        RunModel::new(0, "")
    }
}

impl RunModel {
    /// The model of no run yet ([`RunState::Idle`]).
    pub fn idle() -> Self {
        RunModel::default()
    }

    /// An empty model of run `generation` of the page `example` (idle
    /// until its first [`RunModel::catch_up`]).
    pub fn new(generation: u32, example: &'static str) -> Self {
        RunModel {
            generation,
            example,
            state: RunState::Idle,
            tasks: Vec::new(),
            console: Vec::new(),
            stats: Stats::default(),
            events: 0,
            rev: 0,
            task_revs: Vec::new(),
            heartbeats: Vec::new(),
            stalls: Vec::new(),
            hidden_during_run: false,
            limit_note: None,
            diagnostics: Vec::new(),
            lanes: Lanes::default(),
            figures: StatsFold::default(),
            loop_fold: LoopFold::default(),
            wait_for: WaitFor::default(),
            awaits: AwaitFold::default(),
        }
    }

    /// Applies one event (the next of the log) to every fold. A lane it
    /// changes is marked with the current `rev`.
    pub fn apply(&mut self, e: &Event) {
        self.events += 1;
        self.figures.apply(e);
        self.loop_fold.apply(e);
        self.wait_for.apply(e);
        self.awaits.apply(e);
        if let Some(pos) = self.lanes.apply(e, &mut self.tasks) {
            let rev = self.rev;
            match self.task_revs.get_mut(pos) {
                Some(r) => *r = rev,
                None => self.task_revs.resize(pos + 1, rev),
            }
        }
        let (lanes, tasks) = (&self.lanes, &self.tasks);
        let name = || {
            lanes
                .position(e.task)
                .and_then(|p| tasks.get(p))
                .map(|t| t.name.clone())
                .unwrap_or_default()
        };
        match &e.kind {
            EventKind::Printed { .. } | EventKind::Stderr { .. } => {
                self.console.extend(console::line_of(e, name));
            }
            EventKind::Diagnostic(_) => {
                // Named as the task was last named (created, then spawned).
                let named = || {
                    self.loop_fold
                        .name(e.task)
                        .map(str::to_string)
                        .unwrap_or_default()
                };
                self.diagnostics.extend(diagnostics::diagnosed(e, named));
            }
            EventKind::Heartbeat { lag_ms } => {
                self.heartbeats.push((e.at_ms, *lag_ms));
                self.stalls
                    .extend(heartbeats::stall_of(e.at_ms, *lag_ms, STALL_MS));
            }
            _ => {}
        }
        self.stats = self.figures.stats().clone();
        self.state = RunState::of(self.stats.outcome);
    }

    /// Applies the events of `trace` not applied yet, under a new `rev`.
    /// A log of another generation, or a shorter one than seen, is the
    /// caller's to detect (start afresh with a new model).
    pub fn catch_up(&mut self, trace: &Trace) {
        self.rev += 1;
        for e in trace.events().get(self.events..).unwrap_or_default() {
            self.apply(e);
        }
        self.state = RunState::of(self.stats.outcome);
    }

    /// The model as of `t` for replay: every event at or before `t` (the
    /// run's outcome only if it had ended by then).
    pub fn as_of(trace: &Trace, t: Ms) -> Self {
        let mut m = RunModel::new(trace.run, "");
        m.state = RunState::Running;
        m.advance_to(trace, t);
        m
    }

    /// Moves a model as of some moment on to `t` (not before it): applies,
    /// under a new `rev`, the events not applied yet that are at or before
    /// `t`. Playing a replay forward costs the events passed over only.
    pub fn advance_to(&mut self, trace: &Trace, t: Ms) {
        self.rev += 1;
        let rest = trace.events().get(self.events..).unwrap_or_default();
        for e in rest.iter().take_while(|e| e.at_ms <= t) {
            self.apply(e);
        }
    }

    /// The lane of `task`, once it has one.
    pub fn task(&self, task: TaskId) -> Option<&TaskView> {
        self.lanes.position(task).and_then(|p| self.tasks.get(p))
    }

    /// What the loop holds after the events applied so far (built on
    /// demand: the fold is kept, the lists are made when asked).
    pub fn loop_state(&self) -> LoopState {
        self.loop_fold.state()
    }

    /// The first cycle in the wait-for graph now, if there is one.
    pub fn wait_for_cycle(&self) -> Option<Vec<WaitEdge>> {
        wait_for::wait_for_cycle(&self.loop_state())
    }

    /// Who awaits whom now (pstree's tree), with the wait-for cycle.
    pub fn await_graph(&self) -> AwaitGraph {
        self.awaits.graph(self.wait_for_cycle())
    }

    /// Whether some task is live and every live task waits (see
    /// [`WaitFor::all_waiting`]).
    pub fn all_waiting(&self) -> bool {
        self.wait_for.all_waiting()
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
}
