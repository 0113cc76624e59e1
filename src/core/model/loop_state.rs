//! What the event loop holds at a moment, derived from the log: the task it
//! runs, the ready queue, sleepers with their wake times, I/O in flight, and
//! every lock, semaphore and queue with its holders, waiters and items.
//! (The wait-for cycle of a deadlock is read off it in
//! [`wait_for`](super::wait_for).)

use crate::core::trace::{Event, EventKind, Ms, TaskId, Trace};

/// A task as the loop panel lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The task.
    pub task: TaskId,
    /// Its name.
    pub name: String,
    /// Since when it is in this list.
    pub since_ms: Ms,
    /// The detail: wake time, URL, what it awaits.
    pub detail: String,
}

/// A lock, semaphore or other named resource.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Resource {
    /// Its name, e.g. `Semaphore(3)` or `Lock(a)`.
    pub name: String,
    /// Tasks holding it, in the order they got it.
    pub holders: Vec<(TaskId, String)>,
    /// Tasks waiting for it, in arrival order.
    pub waiters: Vec<(TaskId, String)>,
}

/// A queue and its items, oldest first.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct QueueView {
    /// Its name, e.g. `Queue(maxsize=2)`.
    pub name: String,
    /// Items in the queue, oldest first.
    pub items: Vec<String>,
    /// Tasks waiting on it (to put when full, to get when empty).
    pub waiters: Vec<(TaskId, String)>,
}

/// The loop's state at a moment.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct LoopState {
    /// The task running right now, if any.
    pub running: Option<Entry>,
    /// Tasks ready to run, in the order they became ready.
    pub ready: Vec<Entry>,
    /// Tasks sleeping, soonest wake first.
    pub sleeping: Vec<Entry>,
    /// Fetches and worker jobs in flight.
    pub io: Vec<Entry>,
    /// Tasks awaiting other tasks (join, gather).
    pub awaiting: Vec<Entry>,
    /// Locks and semaphores.
    pub resources: Vec<Resource>,
    /// Queues.
    pub queues: Vec<QueueView>,
}

fn is_queue(name: &str) -> bool {
    name.starts_with("Queue")
}

fn is_resource(name: &str) -> bool {
    [
        "Semaphore",
        "Lock",
        "Condition",
        "Event",
        "BoundedSemaphore",
    ]
    .iter()
    .any(|p| name.starts_with(p))
}

#[derive(Clone, Debug)]
enum Where {
    Nowhere,
    Running,
    Ready,
    Sleeping(Ms),
    Io(String),
    Waiting(String),
}

/// Waiters of one resource or queue, in arrival order. Leaving is O(1): an
/// entry stays in the list but counts only while its generation is the
/// task's current one for this list (entries are dropped in bulk once most
/// are stale). A run of 10,000 tasks queued on one semaphore stays linear.
#[derive(Clone, Debug, Default)]
struct Waiters {
    list: Vec<(TaskId, u32, String)>,
    /// Per task: its current generation and how many live entries it has.
    gen: std::collections::HashMap<TaskId, (u32, usize)>,
    live: usize,
}

impl Waiters {
    fn push(&mut self, task: TaskId, name: String) {
        let g = self.gen.entry(task).or_insert((0, 0));
        g.1 += 1;
        self.list.push((task, g.0, name));
        self.live += 1;
    }

    /// Removes every entry of `task`.
    fn remove(&mut self, task: TaskId) {
        let Some(g) = self.gen.get_mut(&task) else {
            return;
        };
        self.live = self.live.saturating_sub(g.1);
        *g = (g.0.wrapping_add(1), 0);
        if self.list.len() > 64 && self.list.len() > 2 * self.live {
            let gen = &self.gen;
            self.list
                .retain(|(t, eg, _)| gen.get(t).is_some_and(|g| g.0 == *eg));
        }
    }

    fn out(&self) -> Vec<(TaskId, String)> {
        self.list
            .iter()
            .filter(|(t, eg, _)| self.gen.get(t).is_some_and(|g| g.0 == *eg))
            .map(|(t, _, n)| (*t, n.clone()))
            .collect()
    }
}

#[derive(Clone, Debug, Default)]
struct ResourceFold {
    name: String,
    holders: Vec<(TaskId, String)>,
    waiters: Waiters,
}

#[derive(Clone, Debug, Default)]
struct QueueFold {
    name: String,
    items: Vec<String>,
    waiters: Waiters,
}

/// The loop's state folded one event at a time: [`loop_state`] runs it over
/// a whole log; a live view keeps one and applies only the new events.
#[derive(Clone, Debug, Default)]
pub struct LoopFold {
    names: Vec<String>,
    place: Vec<(Where, Ms)>,
    resources: Vec<ResourceFold>,
    queues: Vec<QueueFold>,
    worker_jobs: Vec<bool>,
    /// Events applied so far.
    pub consumed: usize,
}

impl LoopFold {
    fn resource(&mut self, name: &str) -> &mut ResourceFold {
        let pos = match self.resources.iter().position(|r| r.name == name) {
            Some(p) => p,
            None => {
                self.resources.push(ResourceFold {
                    name: name.to_string(),
                    ..ResourceFold::default()
                });
                self.resources.len() - 1
            }
        };
        &mut self.resources[pos]
    }

    fn queue(&mut self, name: &str) -> &mut QueueFold {
        let pos = match self.queues.iter().position(|q| q.name == name) {
            Some(p) => p,
            None => {
                self.queues.push(QueueFold {
                    name: name.to_string(),
                    ..QueueFold::default()
                });
                self.queues.len() - 1
            }
        };
        &mut self.queues[pos]
    }

    /// The name `task` was last given (created or spawned), if any.
    pub fn name(&self, task: TaskId) -> Option<&str> {
        self.names.get(task.index()).map(String::as_str)
    }

    /// Applies one event.
    pub fn apply(&mut self, e: &Event) {
        self.consumed += 1;
        if e.task == TaskId::LOOP {
            return;
        }
        let i = e.task.index();
        if i >= self.names.len() {
            self.names.resize(i + 1, String::new());
            self.place.resize(i + 1, (Where::Nowhere, 0.0));
            self.worker_jobs.resize(i + 1, false);
        }
        let next = match &e.kind {
            EventKind::Created { name } | EventKind::Spawned { name } => {
                self.names[i] = name.clone();
                matches!(e.kind, EventKind::Spawned { .. }).then_some(Where::Ready)
            }
            EventKind::Renamed { name } => {
                self.names[i] = name.clone();
                None
            }
            EventKind::Running => Some(if self.worker_jobs[i] {
                Where::Io("worker job".into())
            } else {
                Where::Running
            }),
            EventKind::Woken => Some(Where::Ready),
            EventKind::Sleeping { until_ms } => Some(Where::Sleeping(*until_ms)),
            EventKind::Fetching { what } => Some(Where::Io(what.clone())),
            EventKind::Waiting { on } => {
                let name = self.names[i].clone();
                if is_queue(on) {
                    self.queue(on).waiters.push(e.task, name);
                } else if is_resource(on) || self.resources.iter().any(|r| r.name == *on) {
                    // A resource named by the code (`sem`, `lock_a`): one
                    // that someone already acquired.
                    self.resource(on).waiters.push(e.task, name);
                }
                Some(Where::Waiting(on.clone()))
            }
            EventKind::Done | EventKind::Failed { .. } | EventKind::Cancelled => {
                for r in self.resources.iter_mut() {
                    r.holders.retain(|(t, _)| *t != e.task);
                }
                Some(Where::Nowhere)
            }
            EventKind::Acquired { on } => {
                let name = self.names[i].clone();
                let r = self.resource(on);
                r.waiters.remove(e.task);
                r.holders.push((e.task, name));
                None
            }
            EventKind::Released { on } => {
                let r = self.resource(on);
                if let Some(pos) = r.holders.iter().position(|(t, _)| *t == e.task) {
                    r.holders.remove(pos);
                }
                None
            }
            EventKind::QueuePut(m) => {
                self.queue(&m.queue).items.push(m.item.clone());
                None
            }
            EventKind::QueueGot(m) => {
                let q = self.queue(&m.queue);
                match q.items.iter().position(|x| *x == m.item) {
                    Some(pos) => {
                        q.items.remove(pos);
                    }
                    None if !q.items.is_empty() => {
                        q.items.remove(0);
                    }
                    None => {}
                }
                None
            }
            EventKind::Printed { .. }
            | EventKind::Stderr { .. }
            | EventKind::AtLine { .. }
            | EventKind::Heartbeat { .. }
            | EventKind::NetworkLate { .. }
            | EventKind::Diagnostic(_)
            | EventKind::Awaits(_)
            | EventKind::RunEnded { .. } => None,
        };
        if let Some(w) = next {
            // Leaving a wait: out of that resource's or queue's waiters.
            if let Where::Waiting(on) = &self.place[i].0 {
                let on = on.clone();
                for r in self.resources.iter_mut().filter(|r| r.name == on) {
                    r.waiters.remove(e.task);
                }
                for q in self.queues.iter_mut().filter(|q| q.name == on) {
                    q.waiters.remove(e.task);
                }
            }
            self.place[i] = (w, e.at_ms);
        }
    }

    /// The loop's state after the events applied so far.
    pub fn state(&self) -> LoopState {
        let mut s = LoopState {
            resources: self
                .resources
                .iter()
                .map(|r| Resource {
                    name: r.name.clone(),
                    holders: r.holders.clone(),
                    waiters: r.waiters.out(),
                })
                .collect(),
            queues: self
                .queues
                .iter()
                .map(|q| QueueView {
                    name: q.name.clone(),
                    items: q.items.clone(),
                    waiters: q.waiters.out(),
                })
                .collect(),
            ..LoopState::default()
        };
        for (i, (w, since)) in self.place.iter().enumerate() {
            let entry = |detail: String| Entry {
                task: TaskId(i as u32),
                name: self.names[i].clone(),
                since_ms: *since,
                detail,
            };
            match w {
                Where::Nowhere => {}
                Where::Running => {
                    // Several "running" at one instant can only mean the latest
                    // one runs; the others were left for a wait we did not see.
                    let e = entry(String::new());
                    if s.running.as_ref().is_none_or(|r| r.since_ms <= e.since_ms) {
                        s.running = Some(e);
                    }
                }
                Where::Ready => s.ready.push(entry(String::new())),
                Where::Sleeping(until) => s.sleeping.push(entry(format!("{until}"))),
                Where::Io(what) => s.io.push(entry(what.clone())),
                Where::Waiting(on)
                    if !is_queue(on)
                        && !is_resource(on)
                        && !self.resources.iter().any(|r| r.name == *on) =>
                {
                    s.awaiting.push(entry(on.clone()))
                }
                Where::Waiting(_) => {}
            }
        }
        s.ready.sort_by(|a, b| a.since_ms.total_cmp(&b.since_ms));
        s.sleeping.sort_by(|a, b| {
            let wa: f64 = a.detail.parse().unwrap_or(f64::MAX);
            let wb: f64 = b.detail.parse().unwrap_or(f64::MAX);
            wa.total_cmp(&wb)
        });
        s
    }
}

/// The loop's state after every event at or before `at` (all when `None`).
pub fn loop_state(trace: &Trace, at: Option<Ms>) -> LoopState {
    let mut fold = LoopFold::default();
    for e in trace.events() {
        if at.is_some_and(|t| e.at_ms > t) {
            break;
        }
        fold.apply(e);
    }
    fold.state()
}

#[cfg(test)]
mod tests {
    use super::super::wait_for::{wait_for_cycle, WaitEdge};
    use super::*;

    fn ev(task: u32, at: Ms, kind: EventKind) -> Event {
        Event {
            run: 0,
            task: TaskId(task),
            at_ms: at,
            kind,
        }
    }

    #[test]
    fn holders_waiters_sleepers_and_a_cycle() {
        let mut t = Trace::new(0);
        let spawn = |i: u32, n: &str| ev(i, 0.0, EventKind::Spawned { name: n.into() });
        for e in [
            spawn(0, "a()"),
            spawn(1, "b()"),
            spawn(2, "c()"),
            ev(0, 0.0, EventKind::Running),
            ev(
                0,
                0.0,
                EventKind::Acquired {
                    on: "Lock(x)".into(),
                },
            ),
            ev(1, 0.0, EventKind::Running),
            ev(
                1,
                0.0,
                EventKind::Acquired {
                    on: "Lock(y)".into(),
                },
            ),
            ev(2, 0.0, EventKind::Running),
            ev(2, 0.0, EventKind::Sleeping { until_ms: 500.0 }),
            ev(
                0,
                10.0,
                EventKind::Waiting {
                    on: "Lock(y)".into(),
                },
            ),
            ev(
                1,
                10.0,
                EventKind::Waiting {
                    on: "Lock(x)".into(),
                },
            ),
        ] {
            t.push(e);
        }
        let s = loop_state(&t, None);
        assert!(s.running.is_none());
        assert_eq!(s.sleeping.len(), 1);
        assert_eq!(s.sleeping[0].name, "c()");
        let x = s.resources.iter().find(|r| r.name == "Lock(x)").expect("x");
        assert_eq!(x.holders, [(TaskId(0), "a()".to_string())]);
        assert_eq!(x.waiters, [(TaskId(1), "b()".to_string())]);
        let cycle = wait_for_cycle(&s).expect("cycle");
        assert_eq!(cycle.len(), 2);
        let edge = |w: &str, r: &str, h: &str| WaitEdge {
            waiter: w.into(),
            resource: r.into(),
            holder: h.into(),
        };
        assert!(cycle.contains(&edge("a()", "Lock(y)", "b()")), "{cycle:?}");
        assert!(cycle.contains(&edge("b()", "Lock(x)", "a()")), "{cycle:?}");
        // Before the waits there is no cycle, and a() was running at 0.
        let early = loop_state(&t, Some(5.0));
        assert!(wait_for_cycle(&early).is_none());
    }

    #[test]
    fn queue_items_come_and_go() {
        let mut t = Trace::new(0);
        for e in [
            ev(0, 0.0, EventKind::Spawned { name: "p()".into() }),
            ev(0, 0.0, EventKind::queue_put("Queue(maxsize=2)", "1")),
            ev(0, 0.0, EventKind::queue_put("Queue(maxsize=2)", "2")),
            ev(0, 1.0, EventKind::queue_got("Queue(maxsize=2)", "1")),
        ] {
            t.push(e);
        }
        let s = loop_state(&t, None);
        assert_eq!(s.queues[0].items, ["2"]);
        assert_eq!(loop_state(&t, Some(0.5)).queues[0].items, ["1", "2"]);
    }
}
