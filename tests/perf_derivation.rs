#![cfg(not(target_arch = "wasm32"))]
//! The incremental derivations agree with deriving from scratch, on real
//! lesson logs (virtual clock, random parameters), applied in random chunks
//! as the frame loop does:
//! - lanes and figures ([`LiveView`]) with `tasks_at` and `stats`;
//! - the loop panel's fold ([`LoopFold`]) with `loop_state`, and with the
//!   straightforward quadratic fold it replaced (kept here as the oracle);
//! - and a run of 10,000 tasks on one semaphore derives correctly (it used
//!   to be quadratic in the runtime and in the loop state).

use async_playground::core::live::LiveView;
use async_playground::core::loop_state::{
    loop_state, Entry, LoopFold, LoopState, QueueView, Resource,
};
use async_playground::core::params::parse_query;
use async_playground::core::schedule::stats;
use async_playground::core::task::{tasks_at, TaskState};
use async_playground::core::trace::{EventKind, Ms, TaskId, Trace};
use async_playground::examples::{lookup, LESSONS};
use async_playground::runtime::Run;
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

fn trace_of(query: &str) -> Trace {
    let p = parse_query(query, &lookup);
    let lesson = p
        .example
        .and_then(async_playground::examples::find)
        .expect("a lesson");
    Run::simulate(lesson.main_fn(p.values))
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
) -> (LiveView, Vec<async_playground::core::task::TaskView>) {
    let mut live = LiveView::default();
    let mut tasks = Vec::new();
    let mut partial = Trace::new(trace.run);
    let mut it = trace.events().iter();
    for &c in chunks.iter().cycle() {
        let mut pushed = 0;
        for e in it.by_ref().take(c.max(1)) {
            partial.push(e.clone());
            pushed += 1;
        }
        live.catch_up(&partial, &mut tasks);
        if pushed == 0 {
            break;
        }
    }
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
        prop_assert_eq!(&tasks, &tasks_at(&trace, None));
        prop_assert_eq!(live.stats.stats(), &stats(&trace));
        prop_assert_eq!(live.consumed, trace.len());
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
