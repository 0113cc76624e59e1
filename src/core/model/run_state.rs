//! How a run stands (`data-run-state`), and its ideal counterpart.

use super::tasks::TaskView;
use crate::core::trace::{Ms, RunOutcome};

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
    /// The program's main coroutine raised.
    Error,
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
            RunState::Error => "error",
        }
    }

    /// The state of a run that has recorded `outcome` (`None`: still live).
    pub fn of(outcome: Option<RunOutcome>) -> Self {
        match outcome {
            None => RunState::Running,
            Some(RunOutcome::Finished) => RunState::Finished,
            Some(RunOutcome::Stopped) => RunState::Stopped,
            Some(RunOutcome::Deadlock) => RunState::Deadlock,
            Some(RunOutcome::Error) => RunState::Error,
        }
    }
}

/// The ideal run of the current lesson and parameters, on the virtual
/// clock: what the code would do with perfectly punctual timers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ideal {
    /// The generation of the real run it goes with.
    pub generation: u32,
    /// Its lanes, matched to the real ones by position and name.
    pub tasks: Vec<TaskView>,
    /// Its elapsed scenario time.
    pub elapsed_ms: Ms,
}
