#![cfg(not(target_arch = "wasm32"))]
//! The incremental derivations agree with deriving from scratch, on real
//! lesson logs (virtual clock, random parameters), applied in random chunks
//! as the frame loop does:
//! - lanes and figures ([`RunModel`]) with `tasks_at` and `stats`;
//! - the loop panel's fold ([`LoopFold`]) with `loop_state`, and with the
//!   straightforward quadratic fold it replaced (kept here as the oracle);
//! - and a run of 10,000 tasks on one semaphore derives correctly (it used
//!   to be quadratic in the runtime and in the loop state).

use async_playground::core::model::loop_state::{
    loop_state, Entry, LoopFold, LoopState, QueueView, Resource,
};
use async_playground::core::model::stats::stats;
use async_playground::core::model::tasks::{tasks_at, TaskState};
use async_playground::core::model::RunModel;
use async_playground::core::params::parse_query;
use async_playground::core::trace::{EventKind, Ms, TaskId, Trace};
use async_playground::lessons::{self, lookup, LESSONS};
use proptest::prelude::*;

mod oracle {
    //! The loop state as first written: a fold that scans waiter lists.
    use super::*;

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

    #[derive(Clone)]
    enum Where {
        Nowhere,
        Running,
        Ready,
        Sleeping(Ms),
        Io(String),
        Waiting(String),
    }

    /// The loop's state after every event at or before `at` (all when `None`).
    pub fn loop_state_oracle(trace: &Trace, at: Option<Ms>) -> LoopState {
        let mut names: Vec<String> = Vec::new();
        let mut place: Vec<(Where, Ms)> = Vec::new();
        let mut resources: Vec<Resource> = Vec::new();
        let mut queues: Vec<QueueView> = Vec::new();
        let mut worker_jobs: Vec<bool> = Vec::new();

        for e in trace.events() {
            if at.is_some_and(|t| e.at_ms > t) {
                break;
            }
            if e.task == TaskId::LOOP {
                continue;
            }
            let i = e.task.index();
            if i >= names.len() {
                names.resize(i + 1, String::new());
                place.resize(i + 1, (Where::Nowhere, 0.0));
                worker_jobs.resize(i + 1, false);
            }
            let name = names[i].clone();
            let leave_waits = |place: &(Where, Ms),
                               resources: &mut Vec<Resource>,
                               queues: &mut Vec<QueueView>| {
                if let Where::Waiting(on) = &place.0 {
                    for r in resources.iter_mut().filter(|r| &r.name == on) {
                        r.waiters.retain(|(t, _)| *t != e.task);
                    }
                    for q in queues.iter_mut().filter(|q| &q.name == on) {
                        q.waiters.retain(|(t, _)| *t != e.task);
                    }
                }
            };
            let next = match &e.kind {
                EventKind::Created { name } | EventKind::Spawned { name } => {
                    names[i] = name.clone();
                    matches!(e.kind, EventKind::Spawned { .. }).then_some(Where::Ready)
                }
                EventKind::Renamed { name } => {
                    names[i] = name.clone();
                    None
                }
                EventKind::Running => Some(if worker_jobs[i] {
                    Where::Io("worker job".into())
                } else {
                    Where::Running
                }),
                EventKind::Woken => Some(Where::Ready),
                EventKind::Sleeping { until_ms } => Some(Where::Sleeping(*until_ms)),
                EventKind::Fetching { what } => Some(Where::Io(what.clone())),
                EventKind::Waiting { on } => {
                    if is_queue(on) {
                        let q = find_queue(&mut queues, on);
                        q.waiters.push((e.task, name.clone()));
                    } else if is_resource(on) {
                        let r = find_resource(&mut resources, on);
                        r.waiters.push((e.task, name.clone()));
                    }
                    Some(Where::Waiting(on.clone()))
                }
                EventKind::Done | EventKind::Failed { .. } | EventKind::Cancelled => {
                    for r in resources.iter_mut() {
                        r.holders.retain(|(t, _)| *t != e.task);
                    }
                    Some(Where::Nowhere)
                }
                EventKind::Acquired { on } => {
                    let r = find_resource(&mut resources, on);
                    r.waiters.retain(|(t, _)| *t != e.task);
                    r.holders.push((e.task, name.clone()));
                    None
                }
                EventKind::Released { on } => {
                    let r = find_resource(&mut resources, on);
                    if let Some(pos) = r.holders.iter().position(|(t, _)| *t == e.task) {
                        r.holders.remove(pos);
                    }
                    None
                }
                EventKind::QueuePut(m) => {
                    find_queue(&mut queues, &m.queue).items.push(m.item.clone());
                    None
                }
                EventKind::QueueGot(m) => {
                    let q = find_queue(&mut queues, &m.queue);
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
                leave_waits(&place[i], &mut resources, &mut queues);
                place[i] = (w, e.at_ms);
            }
        }

        let mut s = LoopState {
            resources,
            queues,
            ..LoopState::default()
        };
        for (i, (w, since)) in place.iter().enumerate() {
            let entry = |detail: String| Entry {
                task: TaskId(i as u32),
                name: names[i].clone(),
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
                Where::Waiting(on) if !is_queue(on) && !is_resource(on) => {
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

    fn find_resource<'a>(rs: &'a mut Vec<Resource>, name: &str) -> &'a mut Resource {
        let pos = match rs.iter().position(|r| r.name == name) {
            Some(p) => p,
            None => {
                rs.push(Resource {
                    name: name.to_string(),
                    ..Resource::default()
                });
                rs.len() - 1
            }
        };
        &mut rs[pos]
    }

    fn find_queue<'a>(qs: &'a mut Vec<QueueView>, name: &str) -> &'a mut QueueView {
        let pos = match qs.iter().position(|q| q.name == name) {
            Some(p) => p,
            None => {
                qs.push(QueueView {
                    name: name.to_string(),
                    ..QueueView::default()
                });
                qs.len() - 1
            }
        };
        &mut qs[pos]
    }
}

/// Lanes and figures derived the slow, obvious way, independently of the
/// folds under test (`tasks_at` and `stats` are those same folds run once):
/// every task's state, start and end straight from its own events, and
/// "in flight" recounted over all tasks after every event.
mod from_scratch {
    use super::*;
    use async_playground::core::model::stats::Stats;

    /// (id, name, state, start, end) of every task, by id.
    pub fn lanes(trace: &Trace) -> Vec<(u32, String, TaskState, Ms, Option<Ms>)> {
        let mut ids: Vec<TaskId> = trace
            .events()
            .iter()
            .map(|e| e.task)
            .filter(|t| *t != TaskId::LOOP)
            .collect();
        ids.sort_by_key(|t| t.index());
        ids.dedup();
        ids.into_iter()
            .filter_map(|id| {
                let mine: Vec<_> = trace.events().iter().filter(|e| e.task == id).collect();
                let name = mine.iter().find_map(|e| match &e.kind {
                    EventKind::Created { name } | EventKind::Spawned { name } => Some(name.clone()),
                    _ => None,
                })?;
                let mut state = None;
                let mut end = None;
                for e in &mine {
                    if state.is_some_and(TaskState::is_final) {
                        break;
                    }
                    if let Some(s) = TaskState::after(&e.kind) {
                        state = Some(s);
                        if s.is_final() {
                            end = Some(e.at_ms);
                        }
                    }
                }
                Some((id.index() as u32, name, state?, mine[0].at_ms, end))
            })
            .collect()
    }

    /// The state of every task after the first `n` events.
    fn states_after(trace: &Trace, n: usize) -> Vec<TaskState> {
        let mut by_task: std::collections::BTreeMap<usize, TaskState> = Default::default();
        for e in &trace.events()[..n] {
            if e.task == TaskId::LOOP {
                continue;
            }
            let Some(s) = TaskState::after(&e.kind) else {
                continue;
            };
            let cur = by_task.get(&e.task.index()).copied();
            if !cur.is_some_and(TaskState::is_final) {
                by_task.insert(e.task.index(), s);
            }
        }
        by_task.into_values().collect()
    }

    pub fn figures(trace: &Trace) -> Stats {
        let ev = trace.events();
        let last = states_after(trace, ev.len());
        let max_in_flight = (0..=ev.len())
            .map(|n| {
                states_after(trace, n)
                    .into_iter()
                    .filter(|s| s.in_flight())
                    .count()
            })
            .max()
            .unwrap_or(0);
        Stats {
            elapsed_ms: ev.last().map_or(0.0, |e| e.at_ms),
            max_in_flight,
            loop_lag_ms: ev
                .iter()
                .filter_map(|e| match e.kind {
                    EventKind::Heartbeat { lag_ms } => Some(lag_ms),
                    _ => None,
                })
                .fold(0.0, f64::max),
            finished: last.iter().filter(|st| st.is_final()).count(),
            total: last.len(),
            outcome: ev.iter().rev().find_map(|e| match e.kind {
                EventKind::RunEnded { outcome } => Some(outcome),
                _ => None,
            }),
        }
    }
}

fn trace_of(query: &str) -> Trace {
    let p = parse_query(query, &lookup);
    let lesson = p.example.and_then(lessons::find).expect("a lesson");
    lesson.ideal_run(p.values)
}

/// Every lesson at its defaults, plus a few larger settings.
fn sample_queries() -> Vec<String> {
    let mut q: Vec<String> = LESSONS
        .iter()
        .map(|l| format!("example={}", l.id))
        .collect();
    q.push("example=semaphore&tasks=40&limit=3&delay=7".into());
    q.push("example=queue".into());
    q
}

fn chunked_live(
    trace: &Trace,
    chunks: &[usize],
) -> (
    RunModel,
    Vec<async_playground::core::model::tasks::TaskView>,
) {
    let mut live = RunModel::new(trace.run, "");
    let mut partial = Trace::new(trace.run);
    let mut it = trace.events().iter();
    for &c in chunks.iter().cycle() {
        let mut pushed = 0;
        for e in it.by_ref().take(c.max(1)) {
            partial.push(e.clone());
            pushed += 1;
        }
        live.catch_up(&partial);
        if pushed == 0 {
            break;
        }
    }
    let tasks = live.tasks.clone();
    (live, tasks)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn live_view_in_chunks_equals_deriving_from_scratch(
        which in 0usize..64,
        chunks in prop::collection::vec(1usize..40, 1..8),
    ) {
        let qs = sample_queries();
        let trace = trace_of(&qs[which % qs.len()]);
        let (live, tasks) = chunked_live(&trace, &chunks);
        // Against an independent derivation (tasks_at and stats are the
        // same folds run in one go: equal to them says only that chunking
        // changes nothing, which is checked too).
        let lanes: Vec<_> = tasks
            .iter()
            .map(|t| (t.id.index() as u32, t.name.clone(), t.state, t.start_ms, t.end_ms))
            .collect();
        prop_assert_eq!(lanes, from_scratch::lanes(&trace));
        prop_assert_eq!(&live.stats, &from_scratch::figures(&trace));
        prop_assert_eq!(&tasks, &tasks_at(&trace, None));
        prop_assert_eq!(&live.stats, &stats(&trace));
        prop_assert_eq!(live.events, trace.len());
        // The model's loop state is the loop fold's.
        prop_assert_eq!(live.loop_state(), oracle::loop_state_oracle(&trace, None));
    }

    #[test]
    fn loop_fold_in_chunks_equals_the_oracle(
        which in 0usize..64,
        chunks in prop::collection::vec(1usize..40, 1..8),
        cut in 0.0f64..1.2,
    ) {
        let qs = sample_queries();
        let trace = trace_of(&qs[which % qs.len()]);
        let mut fold = LoopFold::default();
        let mut at = 0;
        for &c in chunks.iter().cycle() {
            if at >= trace.len() {
                break;
            }
            let end = (at + c).min(trace.len());
            for e in &trace.events()[at..end] {
                fold.apply(e);
            }
            at = end;
            let mut prefix = Trace::new(trace.run);
            for e in &trace.events()[..at] {
                prefix.push(e.clone());
            }
            prop_assert_eq!(fold.state(), oracle::loop_state_oracle(&prefix, None));
        }
        let t = cut * trace.last_ms();
        prop_assert_eq!(loop_state(&trace, Some(t)), oracle::loop_state_oracle(&trace, Some(t)));
    }
}

#[test]
fn ten_thousand_tasks_on_one_semaphore_derive_correctly() {
    let trace = trace_of("example=semaphore&tasks=10000&limit=100&delay=10");
    let s = stats(&trace);
    assert_eq!(s.total, 10_001);
    assert_eq!(s.finished, 10_001);
    assert_eq!(s.max_in_flight, 100);
    assert_eq!(s.elapsed_ms, 1000.0);
    let tasks = tasks_at(&trace, None);
    assert!(tasks.iter().all(|t| t.state == TaskState::Done));
    // Mid-run: 100 holders, the rest queued in arrival order.
    let mid = loop_state(&trace, Some(505.0));
    let sem = mid
        .resources
        .iter()
        .find(|r| r.name == "Semaphore(100)")
        .expect("the semaphore");
    assert_eq!(sem.holders.len(), 100);
    assert_eq!(sem.waiters.len(), 10_000 - 5_100);
    assert!(sem.waiters.windows(2).all(|w| w[0].0 < w[1].0));
    assert_eq!(mid.sleeping.len(), 100);
}
