//! The wait-for relation: who waits for whom. [`WaitFor`] folds the log
//! into what the runtime's deadlock check asks (does every live task wait?),
//! and [`wait_for_cycle`] reads the cycle off the loop's state.

use super::loop_state::LoopState;
use super::tasks::TaskState;
use crate::core::trace::{Event, EventKind, TaskId, Trace};

/// Per task, whether it is live (scheduled and not ended) and waiting on
/// something only another task can release, kept one event at a time. The
/// same states as the lanes ([`Lanes`](super::tasks::Lanes)): a task counts
/// from the event that names it.
#[derive(Clone, Debug, Default)]
pub struct WaitFor {
    states: Vec<Option<TaskState>>,
    live: usize,
    waiting: usize,
    consumed: usize,
}

fn is_live(s: TaskState) -> bool {
    !s.is_final() && s != TaskState::Created
}

impl WaitFor {
    /// Applies one event.
    pub fn apply(&mut self, e: &Event) {
        self.consumed += 1;
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
        let names = matches!(
            e.kind,
            EventKind::Created { .. } | EventKind::Spawned { .. }
        );
        if (prev.is_none() && !names) || prev.is_some_and(TaskState::is_final) {
            return;
        }
        if let Some(p) = prev.filter(|p| is_live(*p)) {
            self.live -= 1;
            if p == TaskState::Waiting {
                self.waiting -= 1;
            }
        }
        if is_live(next) {
            self.live += 1;
            if next == TaskState::Waiting {
                self.waiting += 1;
            }
        }
        self.states[idx] = Some(next);
    }

    /// Applies the events of `trace` not applied yet (a shorter log than
    /// seen starts afresh).
    pub fn catch_up(&mut self, trace: &Trace) {
        if trace.len() < self.consumed {
            *self = WaitFor::default();
        }
        for e in trace.events().get(self.consumed..).unwrap_or_default() {
            self.apply(e);
        }
    }

    /// Whether some task is live and every live task waits: unless a timer
    /// or I/O is pending, nothing can ever move again.
    pub fn all_waiting(&self) -> bool {
        self.live > 0 && self.live == self.waiting
    }
}

/// One edge of a wait-for cycle: `waiter` waits for `resource`, held by `holder`.
#[derive(Clone, Debug, PartialEq)]
pub struct WaitEdge {
    /// The waiting task's name.
    pub waiter: String,
    /// What it waits for.
    pub resource: String,
    /// Who holds it.
    pub holder: String,
}

/// The first cycle in the wait-for graph (task → holder of what it awaits),
/// in order around the cycle; `None` if there is none.
pub fn wait_for_cycle(state: &LoopState) -> Option<Vec<WaitEdge>> {
    let mut edges: Vec<(TaskId, String, TaskId, String, String)> = Vec::new();
    for r in &state.resources {
        for (w, wname) in &r.waiters {
            for (h, hname) in &r.holders {
                if h != w {
                    edges.push((*w, wname.clone(), *h, hname.clone(), r.name.clone()));
                }
            }
        }
    }
    for (start, ..) in &edges {
        let mut path: Vec<usize> = Vec::new();
        let mut at = *start;
        while let Some(idx) = edges.iter().position(|e| e.0 == at) {
            if let Some(pos) = path.iter().position(|&p| edges[p].0 == edges[idx].0) {
                let cycle = path[pos..]
                    .iter()
                    .map(|&p| WaitEdge {
                        waiter: edges[p].1.clone(),
                        resource: edges[p].4.clone(),
                        holder: edges[p].3.clone(),
                    })
                    .collect();
                return Some(cycle);
            }
            path.push(idx);
            at = edges[idx].2;
            if path.len() > edges.len() {
                break;
            }
        }
    }
    None
}
