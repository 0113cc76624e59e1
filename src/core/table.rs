//! The table view of a run: one row per task with what it waited on,
//! derived from the same task views as the timeline.

use super::model::tasks::{TaskState, TaskView};

/// The resources a task waited on (locks, semaphores, queues, other
/// tasks), each once, in the order first waited on.
pub fn waited_on(task: &TaskView) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for sp in &task.spans {
        if sp.state != TaskState::Waiting {
            continue;
        }
        let Some(d) = &sp.detail else { continue };
        let on = d.strip_prefix("on ").unwrap_or(d).to_string();
        if !out.contains(&on) {
            out.push(on);
        }
    }
    out
}
