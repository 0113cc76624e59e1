//! Narration for screen readers: what happened since the last announcement,
//! in a sentence or two ("fetch_user(2) is sleeping until 2.0 s"). A few
//! changes are told one by one; many are summarised by state, so a large
//! run never floods the live region.

use super::model::tasks::TaskView;
use super::trace::{EventKind, Ms, RunOutcome, TaskId, Trace};

/// Most tasks told one by one; more are summarised.
pub const MAX_TOLD: usize = 3;

/// Scenario time for the ear: `850 ms`, `2.0 s`.
pub fn say_ms(ms: Ms) -> String {
    if ms.abs() < 1000.0 {
        format!("{} ms", ms.round())
    } else {
        format!("{:.1} s", ms / 1000.0)
    }
}

/// The announcement for events `from..` of `trace` (an empty string if
/// nothing worth saying happened). `tasks` are the run's tasks (for names).
pub fn narrate(trace: &Trace, from: usize, tasks: &[TaskView]) -> String {
    let name = |id: TaskId| {
        tasks
            .iter()
            .find(|t| t.id == id)
            .map_or_else(|| id.to_string(), |t| t.name.clone())
    };
    // The last telling change of each task, in order of first change.
    let mut changes: Vec<(TaskId, &EventKind)> = Vec::new();
    // Where each task's change sits in `changes` (by task index): a run of
    // 10,000 tasks must not scan the list once per event.
    let mut slot_of: std::collections::HashMap<TaskId, usize> = std::collections::HashMap::new();
    let mut ended = None;
    // asyncio's warnings, told apart (at most a few, then a count).
    let mut diagnostics: Vec<String> = Vec::new();
    let mut more_diagnostics = 0usize;
    for e in trace.events().iter().skip(from) {
        match &e.kind {
            EventKind::RunEnded { outcome } => ended = Some((*outcome, e.at_ms)),
            EventKind::Diagnostic(d) => {
                if diagnostics.len() < MAX_TOLD {
                    diagnostics.push(format!("Warning on {}: {}", name(e.task), d.text));
                } else {
                    more_diagnostics += 1;
                }
            }
            EventKind::Spawned { .. }
            | EventKind::Sleeping { .. }
            | EventKind::Fetching { .. }
            | EventKind::Waiting { .. }
            | EventKind::Done
            | EventKind::Failed { .. }
            | EventKind::Cancelled
                if e.task != TaskId::LOOP =>
            {
                match slot_of.get(&e.task).and_then(|&i| changes.get_mut(i)) {
                    Some(slot) => slot.1 = &e.kind,
                    None => {
                        slot_of.insert(e.task, changes.len());
                        changes.push((e.task, &e.kind));
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    if changes.len() <= MAX_TOLD {
        for (task, kind) in &changes {
            let n = name(*task);
            out.push(match kind {
                EventKind::Spawned { .. } => format!("{n} is created."),
                EventKind::Sleeping { until_ms } => {
                    format!("{n} is sleeping until {}.", say_ms(*until_ms))
                }
                EventKind::Fetching { what } => format!("{n} is fetching {what}."),
                EventKind::Waiting { on } => format!("{n} is waiting on {on}."),
                EventKind::Done => format!("{n} is done."),
                EventKind::Failed { message } => format!("{n} failed: {message}."),
                _ => format!("{n} was cancelled."),
            });
        }
    } else {
        let words = [
            "created",
            "sleeping",
            "fetching",
            "waiting",
            "done",
            "failed",
            "cancelled",
        ];
        let mut counts = [0usize; 7];
        for (_, kind) in &changes {
            let i = match kind {
                EventKind::Spawned { .. } => 0,
                EventKind::Sleeping { .. } => 1,
                EventKind::Fetching { .. } => 2,
                EventKind::Waiting { .. } => 3,
                EventKind::Done => 4,
                EventKind::Failed { .. } => 5,
                _ => 6,
            };
            counts[i] += 1;
        }
        let parts: Vec<String> = counts
            .iter()
            .zip(words)
            .filter(|(c, _)| **c > 0)
            .map(|(c, w)| format!("{c} {w}"))
            .collect();
        out.push(format!(
            "{} tasks changed: {}.",
            changes.len(),
            parts.join(", ")
        ));
    }
    out.extend(diagnostics);
    if more_diagnostics > 0 {
        out.push(format!("{more_diagnostics} more warnings."));
    }
    if let Some((outcome, at)) = ended {
        out.push(match outcome {
            RunOutcome::Finished => format!("Run finished after {}.", say_ms(at)),
            RunOutcome::Stopped => format!("Run stopped at {}.", say_ms(at)),
            RunOutcome::Deadlock => {
                format!("Deadlock at {}: every task waits on another.", say_ms(at))
            }
            RunOutcome::Error => format!("Run ended with an error at {}.", say_ms(at)),
        });
    }
    out.join(" ")
}
