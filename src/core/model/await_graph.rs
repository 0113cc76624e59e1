//! Who awaits whom at a moment, as a tree like Python 3.14's
//! `python -m asyncio pstree`: each task not awaited by another is a root;
//! under a task, the line its coroutine waits at (`main main.py:14`), and
//! under that what it awaits: another task, a `gather` (its children), a
//! lock or semaphore (with the tasks holding it), a queue, a future, a
//! sleep, I/O. A wait-for cycle (a deadlock) is marked on its nodes.
//!
//! A pure fold of the log: [`await_graph`] at the playhead, [`pstree_text`](super::pstree::pstree_text)
//! for "Copy as text". The interpreter records what a task awaits with
//! structure ([`EventKind::Awaits`]); for a `Waiting` without it (the Rust
//! lessons) the kind is told from the name.

use std::collections::{HashMap, HashSet};

use super::loop_state::loop_state;
use super::wait_for::{wait_for_cycle, WaitEdge};
use crate::core::trace::{AwaitKind, AwaitTarget, Event, EventKind, Ms, TaskId, Trace};

/// What a node of the tree is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeKind {
    /// A task (`(T) name` in pstree).
    Task,
    /// The line a task's coroutine is at (`main main.py:14`).
    Frame,
    /// Something awaited that is not a task.
    Awaited(AwaitKind),
    /// `asyncio.sleep`.
    Sleep,
    /// A fetch or an executor job.
    Io,
}

impl NodeKind {
    /// Its id (`data-await-node`).
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Task => "task",
            NodeKind::Frame => "frame",
            NodeKind::Awaited(k) => k.as_str(),
            NodeKind::Sleep => "sleep",
            NodeKind::Io => "io",
        }
    }
}

/// One node of the tree.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// What it is.
    pub kind: NodeKind,
    /// Its text (a task's name, `main main.py:14`, `lock_b`).
    pub label: String,
    /// The task it is (tasks) or is about (frames).
    pub task: Option<TaskId>,
    /// The code line (tasks and frames), when known.
    pub line: Option<u32>,
    /// Part of a wait-for cycle (a deadlock): drawn in the error colour.
    pub cycle: bool,
    /// A task met again on its own path: the cycle closes here.
    pub back_edge: bool,
    /// What it awaits, or (a lock, a semaphore) who holds it.
    pub children: Vec<Node>,
}

/// The await graph at a moment.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AwaitGraph {
    /// One tree per task that no other task awaits.
    pub roots: Vec<Node>,
    /// A wait-for cycle, in order around it (task names, the first again
    /// at the end), if there is one.
    pub cycle: Option<Vec<String>>,
    /// Nodes left out (a tree is cut at [`MAX_NODES`]).
    pub omitted: usize,
}

/// Most nodes drawn; the rest are counted in [`AwaitGraph::omitted`].
pub const MAX_NODES: usize = 400;

#[derive(Clone, Debug, PartialEq)]
enum Wait {
    None,
    Sleep(Ms),
    Io(String),
    On(AwaitTarget),
}

#[derive(Clone, Debug)]
struct TaskFold {
    name: String,
    alive: bool,
    scheduled: bool,
    line: Option<u32>,
    wait: Wait,
    /// The structure the interpreter gave for the next `Waiting`.
    pending: Option<AwaitTarget>,
}

/// The kind of a waited-on name, when the log gave no structure.
fn kind_of_name(on: &str, held: &HashMap<String, Vec<TaskId>>) -> AwaitKind {
    let starts = |p: &str| on.starts_with(p);
    if starts("gather(") || starts("wait(") || starts("TaskGroup(") || starts("shield(") {
        AwaitKind::Gather
    } else if starts("Queue")
        || starts("PriorityQueue")
        || starts("LifoQueue")
        || on.ends_with(".get()")
        || on.ends_with(".put()")
        || on.ends_with(".join()")
    {
        AwaitKind::Queue
    } else if starts("Semaphore") || starts("BoundedSemaphore") {
        AwaitKind::Semaphore
    } else if starts("Lock") {
        AwaitKind::Lock
    } else if starts("Event") || starts("Condition") || starts("Barrier") {
        AwaitKind::Event
    } else if held.contains_key(on) {
        if on.to_ascii_lowercase().contains("sem") {
            AwaitKind::Semaphore
        } else {
            AwaitKind::Lock
        }
    } else {
        AwaitKind::Future
    }
}

/// The coroutine's function name of a lane name (`fetch_user(2)` → `fetch_user`).
fn func_of(name: &str) -> &str {
    name.split('(').next().unwrap_or(name)
}

struct Builder<'a> {
    tasks: &'a [TaskFold],
    holders: &'a HashMap<String, Vec<TaskId>>,
    cycle_tasks: HashSet<String>,
    cycle_resources: HashSet<String>,
    nodes: usize,
    omitted: usize,
}

impl Builder<'_> {
    fn budget(&mut self) -> bool {
        if self.nodes >= MAX_NODES {
            self.omitted += 1;
            false
        } else {
            self.nodes += 1;
            true
        }
    }

    fn task(&mut self, id: TaskId, path: &mut Vec<TaskId>) -> Option<Node> {
        let t = self.tasks.get(id.index())?;
        // A gather's child that already ended is no longer awaited.
        if !t.alive || !self.budget() {
            return None;
        }
        let cycle = self.cycle_tasks.contains(&t.name);
        let mut node = Node {
            kind: NodeKind::Task,
            label: t.name.clone(),
            task: Some(id),
            line: t.line,
            cycle,
            back_edge: false,
            children: Vec::new(),
        };
        if path.contains(&id) {
            node.back_edge = true;
            return Some(node);
        }
        path.push(id);
        let waits = self.wait(t, id, path);
        match t.line {
            Some(line) if self.budget() => {
                node.children.push(Node {
                    kind: NodeKind::Frame,
                    label: format!("{} main.py:{line}", func_of(&t.name)),
                    task: Some(id),
                    line: Some(line),
                    cycle,
                    back_edge: false,
                    children: waits,
                });
            }
            _ => node.children = waits,
        }
        path.pop();
        Some(node)
    }

    fn wait(&mut self, t: &TaskFold, me: TaskId, path: &mut Vec<TaskId>) -> Vec<Node> {
        let leaf = |kind, label: String| Node {
            kind,
            label,
            task: None,
            line: None,
            cycle: false,
            back_edge: false,
            children: Vec::new(),
        };
        match &t.wait {
            Wait::None => Vec::new(),
            Wait::Sleep(until) => {
                if !self.budget() {
                    return Vec::new();
                }
                vec![leaf(
                    NodeKind::Sleep,
                    format!("sleep until {}", crate::core::narrate::say_ms(*until)),
                )]
            }
            Wait::Io(what) => {
                if !self.budget() {
                    return Vec::new();
                }
                vec![leaf(NodeKind::Io, what.clone())]
            }
            Wait::On(target) => match target.kind {
                // A task awaiting a task: the awaited task directly below.
                AwaitKind::Task => target
                    .tasks
                    .iter()
                    .filter_map(|c| self.task(*c, path))
                    .collect(),
                kind => {
                    if !self.budget() {
                        return Vec::new();
                    }
                    let mut node = leaf(NodeKind::Awaited(kind), target.name.clone());
                    node.cycle = self.cycle_resources.contains(&target.name);
                    let below: Vec<TaskId> = match kind {
                        AwaitKind::Lock | AwaitKind::Semaphore => self
                            .holders
                            .get(&target.name)
                            .map(|h| h.iter().copied().filter(|h| *h != me).collect())
                            .unwrap_or_default(),
                        _ => target.tasks.clone(),
                    };
                    if matches!(kind, AwaitKind::Lock | AwaitKind::Semaphore) && !below.is_empty() {
                        let names: Vec<&str> = below
                            .iter()
                            .filter_map(|h| self.tasks.get(h.index()).map(|t| t.name.as_str()))
                            .collect();
                        node.label = format!("{} (held by {})", target.name, names.join(", "));
                    }
                    node.children = below.iter().filter_map(|c| self.task(*c, path)).collect();
                    vec![node]
                }
            },
        }
    }
}

/// The await graph folded one event at a time: what each task awaits, and
/// who holds each lock. [`AwaitFold::graph`] builds the trees when asked.
#[derive(Clone, Debug, Default)]
pub struct AwaitFold {
    tasks: Vec<TaskFold>,
    holders: HashMap<String, Vec<TaskId>>,
}

impl AwaitFold {
    /// Applies one event.
    pub fn apply(&mut self, e: &Event) {
        if e.task == TaskId::LOOP {
            return;
        }
        let i = e.task.index();
        if i >= self.tasks.len() {
            self.tasks.resize(
                i + 1,
                TaskFold {
                    name: String::new(),
                    alive: false,
                    scheduled: false,
                    line: None,
                    wait: Wait::None,
                    pending: None,
                },
            );
        }
        let t = &mut self.tasks[i];
        match &e.kind {
            EventKind::Created { name } => {
                t.name = name.clone();
                t.alive = true;
            }
            EventKind::Spawned { name } => {
                t.name = name.clone();
                t.alive = true;
                t.scheduled = true;
            }
            EventKind::Renamed { name } => t.name = name.clone(),
            EventKind::Running | EventKind::Woken => {
                t.scheduled = true;
                t.wait = Wait::None;
            }
            EventKind::Sleeping { until_ms } => t.wait = Wait::Sleep(*until_ms),
            EventKind::Fetching { what } => t.wait = Wait::Io(what.clone()),
            EventKind::Awaits(target) => t.pending = Some((**target).clone()),
            EventKind::Waiting { on } => {
                t.wait = Wait::On(match t.pending.take() {
                    Some(p) if p.name == *on => p,
                    _ => AwaitTarget {
                        kind: kind_of_name(on, &self.holders),
                        name: on.clone(),
                        tasks: Vec::new(),
                    },
                });
            }
            EventKind::AtLine { line } => t.line = Some(*line),
            EventKind::Done | EventKind::Failed { .. } | EventKind::Cancelled => {
                t.alive = false;
                t.wait = Wait::None;
                for h in self.holders.values_mut() {
                    h.retain(|x| *x != e.task);
                }
            }
            EventKind::Acquired { on } => self.holders.entry(on.clone()).or_default().push(e.task),
            EventKind::Released { on } => {
                if let Some(h) = self.holders.get_mut(on) {
                    if let Some(p) = h.iter().position(|x| *x == e.task) {
                        h.remove(p);
                    }
                }
            }
            _ => {}
        }
    }

    /// The graph after the events applied so far; `cycle` is the wait-for
    /// cycle at the same moment.
    pub fn graph(&self, cycle: Option<Vec<WaitEdge>>) -> AwaitGraph {
        build(self.tasks.clone(), &self.holders, cycle)
    }
}

/// The await graph after every event at or before `at` (all when `None`).
pub fn await_graph(trace: &Trace, at: Option<Ms>) -> AwaitGraph {
    let mut fold = AwaitFold::default();
    for e in trace.events() {
        if at.is_some_and(|t| e.at_ms > t) {
            break;
        }
        fold.apply(e);
    }
    fold.graph(wait_for_cycle(&loop_state(trace, at)))
}

fn build(
    mut tasks: Vec<TaskFold>,
    holders: &HashMap<String, Vec<TaskId>>,
    cycle: Option<Vec<WaitEdge>>,
) -> AwaitGraph {
    // A task waited on by name only (the Rust lessons): the live task of
    // that name (the latest spawned).
    let by_name: HashMap<&str, TaskId> = tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.alive)
        .map(|(i, t)| (t.name.as_str(), TaskId(i as u32)))
        .collect();
    let mut resolved: Vec<(usize, TaskId)> = Vec::new();
    for (i, t) in tasks.iter().enumerate() {
        if let Wait::On(target) = &t.wait {
            if target.kind == AwaitKind::Future && target.tasks.is_empty() {
                if let Some(id) = by_name.get(target.name.as_str()) {
                    if id.index() != i {
                        resolved.push((i, *id));
                    }
                }
            }
        }
    }
    for (i, id) in resolved {
        if let Wait::On(target) = &mut tasks[i].wait {
            target.kind = AwaitKind::Task;
            target.tasks = vec![id];
        }
    }
    // Roots: live tasks that no live task awaits (as a task or through a
    // gather). Coroutine objects never scheduled are not tasks.
    let mut awaited: HashSet<TaskId> = HashSet::new();
    for t in tasks.iter().filter(|t| t.alive) {
        if let Wait::On(target) = &t.wait {
            if !matches!(target.kind, AwaitKind::Lock | AwaitKind::Semaphore) {
                awaited.extend(target.tasks.iter().copied());
            }
        }
    }
    let mut b = Builder {
        tasks: &tasks,
        holders,
        cycle_tasks: cycle
            .iter()
            .flatten()
            .flat_map(|e| [e.waiter.clone(), e.holder.clone()])
            .collect(),
        cycle_resources: cycle.iter().flatten().map(|e| e.resource.clone()).collect(),
        nodes: 0,
        omitted: 0,
    };
    let mut roots = Vec::new();
    let live = |t: &TaskFold| t.alive && t.scheduled;
    for (i, t) in tasks.iter().enumerate() {
        let id = TaskId(i as u32);
        if live(t) && !awaited.contains(&id) {
            if let Some(n) = b.task(id, &mut Vec::new()) {
                roots.push(n);
            }
        }
    }
    // Tasks awaiting each other in a ring have no root: start at the first.
    let mut shown: HashSet<TaskId> = HashSet::new();
    fn collect(n: &Node, into: &mut HashSet<TaskId>) {
        if let (NodeKind::Task, Some(t)) = (n.kind, n.task) {
            into.insert(t);
        }
        for c in &n.children {
            collect(c, into);
        }
    }
    for r in &roots {
        collect(r, &mut shown);
    }
    for (i, t) in tasks.iter().enumerate() {
        let id = TaskId(i as u32);
        if live(t) && !shown.contains(&id) {
            if let Some(n) = b.task(id, &mut Vec::new()) {
                collect(&n, &mut shown);
                roots.push(n);
            }
        }
    }
    let omitted = b.omitted;
    AwaitGraph {
        roots,
        cycle: cycle.map(|edges| {
            let mut names: Vec<String> = edges.iter().map(|e| e.waiter.clone()).collect();
            if let Some(first) = names.first().cloned() {
                names.push(first);
            }
            names
        }),
        omitted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_names() {
        let held = HashMap::from([("lock_a".to_string(), vec![TaskId(1)])]);
        assert_eq!(kind_of_name("gather(3 tasks)", &held), AwaitKind::Gather);
        assert_eq!(kind_of_name("Semaphore(3)", &held), AwaitKind::Semaphore);
        assert_eq!(kind_of_name("q.get()", &held), AwaitKind::Queue);
        assert_eq!(kind_of_name("lock_a", &held), AwaitKind::Lock);
        assert_eq!(kind_of_name("Future", &held), AwaitKind::Future);
        assert_eq!(func_of("fetch_user(2)"), "fetch_user");
    }
}
