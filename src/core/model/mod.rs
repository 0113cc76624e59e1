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
//!   ([`await_graph::AwaitFold`]), and [`pstree`]: that tree as text;
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
pub mod pstree;
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
    /// How much later than their latency the mock API's answers came, in
    /// all (scenario ms): the machine's lateness outside the loop.
    pub network_late_ms: Ms,
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
            network_late_ms: 0.0,
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
            EventKind::NetworkLate { lag_ms } => self.network_late_ms += lag_ms,
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
mod tests;
