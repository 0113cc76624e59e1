//! The ideal run: the same program on the virtual clock, computed beside
//! the real run a slice of scenario time at a time, so that a run of 10,000
//! tasks does not freeze the page at Run.

use leptos::prelude::*;

use super::run::RunCtl;
use crate::core::model::tasks::{Lanes, TaskView};
use crate::core::model::Ideal;
use crate::core::trace::{Ms, Trace};
use crate::runtime::browser::perf_now;
use crate::runtime::spawn::VIRTUAL_LIMIT_MS;
use crate::runtime::{MainFn, Run};

/// Real ms per frame the ideal run (virtual clock) may take while it is
/// computed beside a live run. A small lesson's ideal run is done within
/// the first slice, before the real run starts.
pub const IDEAL_BUDGET_MS: f64 = 2.0;

/// The ideal run being computed, a slice of scenario time at a time.
pub struct IdealSim {
    /// The generation of the real run it goes with.
    pub generation: u32,
    /// The run on the virtual clock.
    pub run: Run,
    reached: Ms,
    /// Whether the last slice stopped before `reached` (the same instant
    /// woke more tasks than one slice polls).
    paused: bool,
    step: Ms,
    lanes: Lanes,
    /// Its lanes so far.
    pub tasks: Vec<TaskView>,
    consumed: usize,
}

impl IdealSim {
    /// Starts `main` (its lane named `entry`) on the virtual clock for the
    /// real run `generation`; `expected_ms` (a lesson's formula) sets the
    /// size of a slice.
    pub fn start(generation: u32, entry: String, main: MainFn, expected_ms: Option<Ms>) -> Self {
        let run = Run::new_virtual(0);
        run.start_named(entry, main);
        IdealSim {
            generation,
            run,
            reached: 0.0,
            paused: false,
            step: match expected_ms {
                Some(e) => (e / 40.0).clamp(1.0, 60_000.0),
                None => 250.0,
            },
            lanes: Lanes::default(),
            tasks: Vec::new(),
            consumed: 0,
        }
    }

    /// Computes slices until the run is over (returns `true`) or
    /// [`IDEAL_BUDGET_MS`] of real time since `t0` is spent (`false`).
    pub fn advance(&mut self, t0: f64) -> bool {
        loop {
            if !self.paused {
                self.reached = (self.reached + self.step).min(VIRTUAL_LIMIT_MS);
            }
            // Even one instant is cut into slices: a main() that spawns
            // 10,000 tasks must not hold the frame for all.
            let out_of_time = || perf_now() - t0 > IDEAL_BUDGET_MS;
            self.paused = !self.run.advance_or(self.reached, &out_of_time);
            let over = self.run.is_over() || (!self.paused && self.reached >= VIRTUAL_LIMIT_MS);
            if over && !self.run.is_over() {
                self.run.stop();
            }
            {
                let trace = self.run.trace();
                for e in trace.events().get(self.consumed..).unwrap_or_default() {
                    self.lanes.apply(e, &mut self.tasks);
                }
                self.consumed = trace.len();
            }
            if over {
                return true;
            }
            if perf_now() - t0 > IDEAL_BUDGET_MS {
                return false;
            }
        }
    }
}

/// The lanes of a finished ideal run and its elapsed time.
pub fn lanes_of(trace: &Trace) -> (Vec<TaskView>, Ms) {
    let mut lanes = Lanes::default();
    let mut tasks = Vec::new();
    for e in trace.events() {
        lanes.apply(e, &mut tasks);
    }
    (tasks, trace.last_ms())
}

impl RunCtl {
    /// Advances the ideal run's computation by one slice; once it is done,
    /// publishes it. Returns whether it still has work.
    pub(super) fn advance_ideal(&self) -> bool {
        let t0 = perf_now();
        let done = self
            .ideal_sim
            .try_update_value(|slot| {
                let over = slot.as_mut()?.advance(t0);
                if over {
                    slot.take()
                } else {
                    None
                }
            })
            .flatten();
        let Some(sim) = done else {
            return self
                .ideal_sim
                .try_with_value(Option::is_some)
                .unwrap_or(false);
        };
        let elapsed = sim.run.trace().last_ms();
        self.ideal_ms.set(elapsed);
        self.ideal.set(Ideal {
            generation: sim.generation,
            tasks: sim.tasks,
            elapsed_ms: elapsed,
        });
        self.ideal_run.set_value(Some(sim.run));
        false
    }
}
