#![cfg(not(target_arch = "wasm32"))]
//! Coordination and limits on the virtual clock: queue, race-condition,
//! deadlock, semaphore-inside. Exact assertions.

mod common;
use async_playground::core::model::stats::stats;
use async_playground::core::model::tasks::{tasks_at, TaskState, TaskView};
use async_playground::core::trace::{EventKind, RunOutcome};
use async_playground::lessons::queue::plan;
use common::{lines, page, simulate, task};

/// Waiting spans of a task that lasted some time, on `on`.
fn real_waits(t: &TaskView, on: &str) -> usize {
    t.spans
        .iter()
        .filter(|s| {
            s.state == TaskState::Waiting
                && s.detail.as_deref() == Some(&format!("on {on}"))
                && s.to_ms.is_some_and(|to| to > s.from_ms)
        })
        .count()
}

#[test]
fn queue_processes_every_item_exactly_once_in_order() {
    for (items, consumers, maxsize, produce, consume) in [
        (8, 2, 2, 100, 500),
        (10, 3, 1, 50, 400),
        (6, 1, 0, 100, 300),
        (5, 4, 3, 300, 100),
        (12, 2, 2, 0, 0),
        (1, 10, 20, 5000, 5000),
    ] {
        let q = format!(
            "example=queue&items={items}&consumers={consumers}&maxsize={maxsize}&produce={produce}&consume={consume}"
        );
        let t = simulate(&q);
        let s = stats(&t);
        assert_eq!(s.outcome, Some(RunOutcome::Finished), "{q}");
        let name = if maxsize == 0 {
            "Queue()".to_string()
        } else {
            format!("Queue(maxsize={maxsize})")
        };
        let mut puts = Vec::new();
        let mut gots = Vec::new();
        let mut content: i64 = 0;
        for e in t.events() {
            match &e.kind {
                EventKind::QueuePut(m) => {
                    assert_eq!(m.queue, name);
                    puts.push((m.item.clone(), e.at_ms));
                    content += 1;
                }
                EventKind::QueueGot(m) => {
                    assert_eq!(m.queue, name);
                    gots.push((m.item.clone(), e.at_ms));
                    content -= 1;
                }
                _ => {}
            }
            assert!(content >= 0, "{q}: got before put");
            if maxsize > 0 {
                assert!(content <= maxsize, "{q}: {content} items in the queue");
            }
        }
        let want: Vec<String> = (0..items).map(|i| i.to_string()).collect();
        let put_items: Vec<_> = puts.iter().map(|p| p.0.clone()).collect();
        let got_items: Vec<_> = gots.iter().map(|g| g.0.clone()).collect();
        assert_eq!(put_items, want, "{q}: each item put once, in order");
        assert_eq!(
            got_items, want,
            "{q}: each item got once, first in first out"
        );
        // Each processed exactly once.
        let processed: Vec<String> = lines(&t)
            .into_iter()
            .filter_map(|(_, l)| l.split(" processed ").nth(1).map(str::to_string))
            .collect();
        let mut sorted = processed.clone();
        sorted.sort_by_key(|x| x.parse::<i64>().unwrap_or(-1));
        assert_eq!(sorted, want, "{q}: each processed once");
        // The hand-computed plan is what really happened.
        let plan = plan(&page(&q).values);
        let put_ms: Vec<f64> = puts.iter().map(|p| p.1).collect();
        let got_ms: Vec<f64> = gots.iter().map(|g| g.1).collect();
        assert_eq!(put_ms, plan.put_ms, "{q}: put times");
        assert_eq!(got_ms, plan.got_ms, "{q}: got times");
        // The producer waits exactly when the queue is full.
        let tasks = tasks_at(&t, None);
        assert_eq!(
            real_waits(task(&tasks, "producer()"), &name),
            plan.producer_waits(produce as f64),
            "{q}: producer waits"
        );
        assert_eq!(task(&tasks, "producer()").state, TaskState::Done);
        for c in 0..consumers {
            let c = task(&tasks, &format!("consumer({c})"));
            assert_eq!(c.state, TaskState::Cancelled, "{q}: {}", c.name);
            assert_eq!(c.end_ms, Some(plan.end_ms));
        }
    }
}

#[test]
fn queue_defaults_show_the_producer_waiting_when_full_and_consumers_when_empty() {
    let t = simulate("example=queue");
    let tasks = tasks_at(&t, None);
    let name = "Queue(maxsize=2)";
    assert!(real_waits(task(&tasks, "producer()"), name) > 0);
    assert!(real_waits(task(&tasks, "consumer(0)"), name) > 0);
    assert!(real_waits(task(&tasks, "consumer(1)"), name) > 0);
    let main = task(&tasks, "main()");
    assert_eq!(real_waits(main, "Queue(maxsize=2).join()"), 1);
}

#[test]
fn race_condition_loses_updates_without_the_lock_and_none_with_it() {
    // (tasks, increments, pause): the pause after each write sets whether
    // the lock's turn through all tasks or one task's step and pause is
    // the longer round.
    for (n, k, pause) in [
        (3, 3, 300),
        (3, 3, 0),
        (2, 5, 300),
        (10, 1, 300),
        (1, 4, 300),
        (20, 20, 300),
        (5, 3, 250),
    ] {
        let t = simulate(&format!(
            "example=race-condition&tasks={n}&increments={k}&lock=0&pause={pause}"
        ));
        assert_eq!(t.last_ms(), (k * (100 + pause)) as f64);
        let lost = n * k - k;
        assert_eq!(
            lines(&t).last().map(|l| l.1.clone()),
            Some(format!("counter = {k}, expected {}, lost {lost}", n * k))
        );
        if n > 1 {
            assert!(lost > 0);
        }

        let t = simulate(&format!(
            "example=race-condition&tasks={n}&increments={k}&lock=1&pause={pause}"
        ));
        // One round: every task through the lock (n steps) or one task's
        // step and pause, whichever is longer; the last ends with a pause.
        let round = (n * 100).max(100 + pause);
        assert_eq!(t.last_ms(), ((k - 1) * round + n * 100 + pause) as f64);
        assert_eq!(
            lines(&t).last().map(|l| l.1.clone()),
            Some(format!("counter = {}, expected {}, lost 0", n * k, n * k))
        );
        // Only one task at a time inside the lock: every Acquired is
        // followed by its holder's Released before the next Acquired.
        let mut holder = None;
        let mut turns = 0;
        for e in t.events() {
            match &e.kind {
                EventKind::Acquired { on } if on == "Lock(counter)" => {
                    assert_eq!(holder, None, "{n} {k} {pause}: two inside at {}", e.at_ms);
                    holder = Some(e.task);
                    turns += 1;
                }
                EventKind::Released { on } if on == "Lock(counter)" => {
                    assert_eq!(holder, Some(e.task), "{n} {k} {pause}");
                    holder = None;
                }
                _ => {}
            }
        }
        assert_eq!(turns, n * k);
        if n > 1 {
            let tasks = tasks_at(&t, None);
            assert!(real_waits(task(&tasks, "worker(1)"), "Lock(counter)") > 0);
        }
    }
}

#[test]
fn deadlock_with_opposite_order_and_none_with_the_same_order() {
    for hold in [0, 1, 500, 5000] {
        let t = simulate(&format!("example=deadlock&hold={hold}&order=opposite"));
        let s = stats(&t);
        assert_eq!(s.outcome, Some(RunOutcome::Deadlock), "hold={hold}");
        assert_eq!(s.elapsed_ms, hold as f64);
        let tasks = tasks_at(&t, None);
        for (name, on) in [("task_1()", "Lock(b)"), ("task_2()", "Lock(a)")] {
            let x = task(&tasks, name);
            assert_eq!(x.state, TaskState::Waiting, "{name}");
            assert_eq!(
                x.spans.last().and_then(|s| s.detail.clone()),
                Some(format!("on {on}"))
            );
        }
        // Each holds the lock the other waits for.
        let acquired: Vec<_> = t
            .events()
            .iter()
            .filter_map(|e| match &e.kind {
                EventKind::Acquired { on } => Some((e.task.to_string(), on.clone())),
                _ => None,
            })
            .collect();
        assert_eq!(
            acquired,
            [
                ("#1".to_string(), "Lock(a)".to_string()),
                ("#2".to_string(), "Lock(b)".to_string())
            ]
        );

        let t = simulate(&format!("example=deadlock&hold={hold}&order=same"));
        let s = stats(&t);
        assert_eq!(s.outcome, Some(RunOutcome::Finished), "hold={hold}");
        assert_eq!(s.elapsed_ms, 2.0 * hold as f64);
        assert!(tasks_at(&t, None)
            .iter()
            .all(|x| x.state == TaskState::Done));
        assert_eq!(
            lines(&t).last().map(|l| l.1.clone()),
            Some("both done".into())
        );
    }
}

#[test]
fn semaphore_inside_limits_nothing() {
    for (n, limit, d) in [(6, 2, 800), (10, 1, 100), (3, 5, 50), (1, 1, 10)] {
        let t = simulate(&format!(
            "example=semaphore-inside&tasks={n}&limit={limit}&delay={d}"
        ));
        let s = stats(&t);
        assert_eq!(s.elapsed_ms, d as f64, "one delay, not one per wave");
        assert_eq!(s.max_in_flight, n, "max in flight = tasks");
        let tasks = tasks_at(&t, None);
        assert!(tasks
            .iter()
            .all(|x| x.spans.iter().all(|s| s.state != TaskState::Waiting
                || s.detail.as_deref() == Some(&format!("on gather({n} tasks)")))));
        // Every download acquired a semaphore of its own.
        let sems: Vec<String> = t
            .events()
            .iter()
            .filter_map(|e| match &e.kind {
                EventKind::Acquired { on } => Some(on.clone()),
                _ => None,
            })
            .collect();
        let want: Vec<String> = (0..n)
            .map(|i| format!("Semaphore({limit}) of download({i})"))
            .collect();
        assert_eq!(sems, want);
    }
}
