//! The run controller: starts and stops runs, and keeps one snapshot of the
//! current run's log fresh with a single requestAnimationFrame loop (not one
//! per task). The loop runs only while a run is live.

use leptos::prelude::*;

use crate::core::params::Values;
use crate::core::schedule::{stats, Stats};
use crate::core::task::{tasks_at, TaskView};
use crate::core::trace::{Ms, RunOutcome, TaskId};
use crate::examples::Lesson;
use crate::runtime::Run;

/// The state of the run as `data-run-state` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunState {
    /// No run yet.
    Idle,
    /// A run is live.
    Running,
    /// Ended by itself.
    Finished,
    /// Ended by Stop.
    Stopped,
    /// Ended stuck.
    Deadlock,
}

impl RunState {
    /// The contract's word.
    pub fn as_str(self) -> &'static str {
        match self {
            RunState::Idle => "idle",
            RunState::Running => "running",
            RunState::Finished => "finished",
            RunState::Stopped => "stopped",
            RunState::Deadlock => "deadlock",
        }
    }
}

/// One printed line.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// When it was printed.
    pub at_ms: Ms,
    /// Who printed it.
    pub task: String,
    /// What was printed.
    pub text: String,
}

/// What the views show: derived from the log, refreshed when it grows.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// The run's generation (0: none yet).
    pub generation: u32,
    /// The lesson the run belongs to.
    pub example: &'static str,
    /// Idle, running or how it ended.
    pub state: RunState,
    /// Tasks as of the last event.
    pub tasks: Vec<TaskView>,
    /// Printed lines.
    pub console: Vec<Line>,
    /// Figures.
    pub stats: Stats,
    /// Events recorded so far.
    pub events: usize,
}

impl Snapshot {
    fn idle() -> Self {
        Snapshot {
            generation: 0,
            example: "",
            state: RunState::Idle,
            tasks: Vec::new(),
            console: Vec::new(),
            stats: Stats::default(),
            events: 0,
        }
    }

    fn of(run: &Run, example: &'static str) -> Self {
        let trace = run.trace();
        let tasks = tasks_at(&trace, None);
        let name = |id: TaskId| {
            tasks
                .get(id.index())
                .map(|t| t.name.clone())
                .unwrap_or_default()
        };
        let console = trace
            .console()
            .map(|(at_ms, task, text)| Line {
                at_ms,
                task: name(task),
                text: text.to_string(),
            })
            .collect();
        let stats = stats(&trace);
        let state = match stats.outcome {
            None => RunState::Running,
            Some(RunOutcome::Finished) => RunState::Finished,
            Some(RunOutcome::Stopped) => RunState::Stopped,
            Some(RunOutcome::Deadlock) => RunState::Deadlock,
        };
        Snapshot {
            generation: run.generation(),
            example,
            state,
            tasks,
            console,
            stats,
            events: trace.len(),
        }
    }
}

/// Handle to the run controller (cheap to copy; lives in context).
#[derive(Clone, Copy)]
pub struct RunCtl {
    /// The current run, derived.
    pub snapshot: RwSignal<Snapshot>,
    /// Scenario time now (advances every frame while a run is live).
    pub now_ms: RwSignal<Ms>,
    /// The ideal duration of the current lesson and parameters (virtual clock).
    pub ideal_ms: RwSignal<Ms>,
    run: StoredValue<Option<(Run, &'static str)>, LocalStorage>,
    generation: StoredValue<u32>,
    frame: StoredValue<Option<AnimationFrameRequestHandle>>,
}

impl RunCtl {
    /// A controller with no run.
    pub fn new() -> Self {
        let ctl = RunCtl {
            snapshot: RwSignal::new(Snapshot::idle()),
            now_ms: RwSignal::new(0.0),
            ideal_ms: RwSignal::new(0.0),
            run: StoredValue::new_local(None),
            generation: StoredValue::new(0),
            frame: StoredValue::new(None),
        };
        on_cleanup(move || ctl.dispose());
        ctl
    }

    /// Starts a run of `lesson` with `values` at `speed`; a live run is
    /// stopped first (its timers cleared, its late events ignored).
    pub fn start(&self, lesson: &'static Lesson, values: Values, speed: f64) {
        self.stop();
        let ideal = Run::simulate(lesson.main_fn(values.clone())).last_ms();
        let generation = self.generation.try_update_value(|g| {
            *g += 1;
            *g
        });
        let Some(generation) = generation else { return };
        let run = Run::new_browser(generation, speed);
        run.start(lesson.main_fn(values));
        self.ideal_ms.set(ideal);
        self.now_ms.set(0.0);
        self.snapshot.set(Snapshot::of(&run, lesson.id));
        self.run.set_value(Some((run, lesson.id)));
        self.schedule_frame();
    }

    /// Stops the live run, if any.
    pub fn stop(&self) {
        let live = self
            .run
            .try_with_value(|r| r.as_ref().map(|(run, _)| run.clone()))
            .flatten();
        if let Some(run) = live {
            run.stop();
            self.refresh();
        }
    }

    /// Forgets the run (e.g. when another lesson is opened).
    pub fn reset(&self) {
        self.stop();
        self.run.set_value(None);
        self.snapshot.set(Snapshot::idle());
        self.now_ms.set(0.0);
    }

    fn dispose(&self) {
        if let Some(Some(h)) = self.frame.try_update_value(Option::take) {
            h.cancel();
        }
        if let Some(Some((run, _))) = self.run.try_with_value(Clone::clone) {
            run.stop();
        }
    }

    fn schedule_frame(&self) {
        let ctl = *self;
        if let Some(Some(h)) = self.frame.try_update_value(Option::take) {
            h.cancel();
        }
        if let Ok(h) = request_animation_frame_with_handle(move || ctl.frame_tick()) {
            self.frame.try_set_value(Some(h));
        }
    }

    fn frame_tick(&self) {
        self.frame.try_set_value(None);
        if self.refresh() {
            self.schedule_frame();
        }
    }

    /// Re-derives the snapshot if the log grew; returns whether the run is
    /// still live.
    fn refresh(&self) -> bool {
        let Some(Some((run, example))) = self.run.try_with_value(Clone::clone) else {
            return false;
        };
        let over = run.is_over();
        let now = if over {
            run.trace().last_ms()
        } else {
            run.now()
        };
        self.now_ms.try_set(now);
        let changed = self
            .snapshot
            .try_with_untracked(|s| {
                s.generation != run.generation() || s.events != run.trace().len()
            })
            .unwrap_or(false);
        if changed {
            self.snapshot.try_set(Snapshot::of(&run, example));
        }
        !over
    }
}

impl Default for RunCtl {
    fn default() -> Self {
        Self::new()
    }
}
