#![cfg(not(target_arch = "wasm32"))]
//! The recorded primitives on the virtual clock: Lock, Queue, wait_for.
//! First in first out, cancellation safety, what the log records.

mod common;
use common::{lines, task};
use std::cell::RefCell;
use std::rc::Rc;

use async_playground::core::model::tasks::{tasks_at, TaskState};
use async_playground::core::trace::{EventKind, RunOutcome, Trace};
use async_playground::runtime::{Cx, Lock, MainFn, Queue, Run, TaskError};
use futures::FutureExt;

fn run<F, Fut>(f: F) -> Trace
where
    F: FnOnce(Cx) -> Fut + 'static,
    Fut: std::future::Future<Output = Result<(), TaskError>> + 'static,
{
    let main: MainFn = Box::new(move |cx| f(cx).boxed_local());
    Run::simulate(main)
}

#[test]
fn lock_serves_waiters_first_in_first_out_and_records_it() {
    let t = run(|cx| async move {
        let lock = Lock::new(&cx, "a");
        let handles = (0..4)
            .map(|i| {
                let lock = lock.clone();
                cx.spawn(format!("t({i})"), move |cx| async move {
                    let _g = lock.acquire(&cx).await;
                    cx.print(format!("t({i}) in"));
                    cx.sleep(100.0).await;
                    Ok(())
                })
            })
            .collect();
        cx.gather(handles).await?;
        assert!(!lock.locked());
        Ok(())
    });
    assert_eq!(t.outcome(), Some(RunOutcome::Finished));
    assert_eq!(
        lines(&t),
        (0..4)
            .map(|i| (i as f64 * 100.0, format!("t({i}) in")))
            .collect::<Vec<_>>()
    );
    let tasks = tasks_at(&t, None);
    let waits = task(&tasks, "t(3)")
        .spans
        .iter()
        .filter(|s| s.detail.as_deref() == Some("on Lock(a)"))
        .count();
    assert_eq!(waits, 1);
    let kinds: Vec<_> = t
        .events()
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Acquired { on } | EventKind::Released { on } => {
                assert_eq!(on, "Lock(a)");
                Some(matches!(e.kind, EventKind::Acquired { .. }))
            }
            _ => None,
        })
        .collect();
    assert_eq!(kinds, [true, false, true, false, true, false, true, false]);
}

#[test]
fn a_cancelled_lock_waiter_leaves_the_line() {
    let t = run(|cx| async move {
        let lock = Lock::new(&cx, "a");
        let guard = lock.acquire(&cx).await;
        let l1 = lock.clone();
        let first = cx.spawn("first", move |cx| async move {
            let _g = l1.acquire(&cx).await;
            cx.print("first got it");
            Ok(())
        });
        let l2 = lock.clone();
        let second = cx.spawn("second", move |cx| async move {
            let _g = l2.acquire(&cx).await;
            cx.print("second got it");
            Ok(())
        });
        cx.sleep(100.0).await;
        first.cancel();
        drop(guard);
        cx.join(second).await?;
        assert!(cx.join(first).await.is_err());
        Ok(())
    });
    assert_eq!(t.outcome(), Some(RunOutcome::Finished));
    assert_eq!(lines(&t), [(100.0, "second got it".to_string())]);
}

#[test]
fn a_lock_handed_to_a_task_cancelled_before_it_runs_passes_on() {
    let t = run(|cx| async move {
        let lock = Lock::new(&cx, "a");
        let guard = lock.acquire(&cx).await;
        let l1 = lock.clone();
        let first = cx.spawn("first", move |cx| async move {
            let _g = l1.acquire(&cx).await;
            cx.print("first got it");
            Ok(())
        });
        let l2 = lock.clone();
        let second = cx.spawn("second", move |cx| async move {
            let _g = l2.acquire(&cx).await;
            cx.print("second got it");
            Ok(())
        });
        cx.sleep(100.0).await;
        drop(guard); // handed to `first`, which has not run yet...
        first.cancel(); // ...and is cancelled: `second` gets it.
        cx.join(second).await?;
        Ok(())
    });
    assert_eq!(t.outcome(), Some(RunOutcome::Finished));
    assert_eq!(lines(&t), [(100.0, "second got it".to_string())]);
}

#[test]
fn queue_put_waits_when_full_and_get_when_empty() {
    let t = run(|cx| async move {
        let q: Queue<&'static str> = Queue::new(&cx, 1);
        assert_eq!(q.name(), "Queue(maxsize=1)");
        q.put(&cx, "x").await;
        assert!(q.full());
        let q2 = q.clone();
        let putter = cx.spawn("putter", move |cx| async move {
            q2.put(&cx, "y").await; // waits: full
            cx.print("put y");
            Ok(())
        });
        cx.sleep(100.0).await;
        assert_eq!(q.get(&cx).await, "x"); // lets y in
        cx.join(putter).await?;
        assert_eq!(q.get(&cx).await, "y");
        let q3 = q.clone();
        let getter = cx.spawn("getter", move |cx| async move {
            let item = q3.get(&cx).await; // waits: empty
            cx.print(format!("got {item}"));
            Ok(())
        });
        cx.sleep(100.0).await;
        q.put(&cx, "z").await; // handed to the waiting getter
        cx.join(getter).await?;
        assert!(q.empty());
        Ok(())
    });
    assert_eq!(t.outcome(), Some(RunOutcome::Finished));
    assert_eq!(
        lines(&t),
        [(100.0, "put y".to_string()), (200.0, "got z".to_string())]
    );
    let tasks = tasks_at(&t, None);
    for name in ["putter", "getter"] {
        let w = task(&tasks, name)
            .spans
            .iter()
            .find(|s| s.state == TaskState::Waiting)
            .expect("waited");
        assert_eq!(w.detail.as_deref(), Some("on Queue(maxsize=1)"));
    }
    // The log alone tells the content: puts and gets by item, in order.
    let moves: Vec<_> = t
        .events()
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::QueuePut(m) => Some(format!("+{}", m.item)),
            EventKind::QueueGot(m) => Some(format!("-{}", m.item)),
            _ => None,
        })
        .collect();
    assert_eq!(moves, ["+x", "-x", "+y", "-y", "+z", "-z"]);
}

#[test]
fn an_item_handed_to_a_cancelled_getter_goes_to_the_next_one() {
    let t = run(|cx| async move {
        let q: Queue<i64> = Queue::new(&cx, 0);
        let got = Rc::new(RefCell::new(Vec::new()));
        let spawn_getter = |name: &'static str| {
            let (q, got) = (q.clone(), got.clone());
            cx.spawn(name, move |cx| async move {
                let item = q.get(&cx).await;
                got.borrow_mut().push((name, item));
                Ok(())
            })
        };
        let first = spawn_getter("first");
        let second = spawn_getter("second");
        cx.sleep(10.0).await;
        q.put(&cx, 7).await; // handed to `first`, not yet run...
        first.cancel(); // ...which is cancelled: `second` gets 7.
        cx.join(second).await?;
        assert_eq!(*got.borrow(), [("second", 7)]);
        assert_eq!(q.qsize(), 0);
        // With no getter left, an item given back returns to the queue.
        let third = spawn_getter("third");
        cx.sleep(10.0).await;
        q.put(&cx, 8).await;
        third.cancel();
        assert_eq!(q.qsize(), 1);
        assert_eq!(q.get(&cx).await, 8);
        Ok(())
    });
    assert_eq!(t.outcome(), Some(RunOutcome::Finished));
    let got_by: Vec<_> = t
        .events()
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::QueueGot(m) => Some((e.task.to_string(), m.item.clone())),
            _ => None,
        })
        .collect();
    // `second` is task #2 and main() is #0; each item is got once.
    assert_eq!(
        got_by,
        [
            ("#2".to_string(), "7".to_string()),
            ("#0".to_string(), "8".to_string())
        ]
    );
}

#[test]
fn a_cancelled_putter_never_puts() {
    let t = run(|cx| async move {
        let q: Queue<i64> = Queue::new(&cx, 1);
        q.put(&cx, 1).await;
        let q2 = q.clone();
        let putter = cx.spawn("putter", move |cx| async move {
            q2.put(&cx, 2).await;
            Ok(())
        });
        cx.sleep(10.0).await;
        putter.cancel();
        assert_eq!(q.get(&cx).await, 1);
        assert!(q.empty(), "2 was never put");
        Ok(())
    });
    assert_eq!(t.outcome(), Some(RunOutcome::Finished));
    let puts = t
        .events()
        .iter()
        .filter(|e| matches!(e.kind, EventKind::QueuePut(_)))
        .count();
    assert_eq!(puts, 1);
}

#[test]
fn queue_join_waits_for_task_done_and_task_done_checks_its_count() {
    let t = run(|cx| async move {
        let q: Queue<i64> = Queue::new(&cx, 0);
        assert_eq!(q.name(), "Queue()");
        for i in 0..3 {
            q.put(&cx, i).await; // unbounded: never waits
        }
        let q2 = q.clone();
        cx.spawn("worker", move |cx| async move {
            for _ in 0..3 {
                q2.get(&cx).await;
                cx.sleep(100.0).await;
                q2.task_done()?;
            }
            Ok(())
        });
        q.join(&cx).await;
        cx.print(format!("joined, {} unfinished", q.unfinished()));
        assert!(q.task_done().is_err(), "one more task_done is a ValueError");
        Ok(())
    });
    assert_eq!(lines(&t), [(300.0, "joined, 0 unfinished".to_string())]);
}

#[test]
fn wait_for_is_never_taken_for_a_deadlock() {
    // main() holds the lock and waits, with a timeout, on a task that waits
    // for that lock: everyone waits, but the timeout's timer will fire.
    let t = run(|cx| async move {
        let lock = Lock::new(&cx, "a");
        let _g = lock.acquire(&cx).await;
        let l = lock.clone();
        let stuck = cx.spawn("stuck", move |cx| async move {
            let _g = l.acquire(&cx).await;
            Ok(())
        });
        match cx.wait_for(stuck, 500.0).await {
            Err(TaskError::Timeout(ms)) => cx.print(format!("timeout after {ms}")),
            other => cx.print(format!("unexpected {other:?}")),
        }
        Ok(())
    });
    assert_eq!(t.outcome(), Some(RunOutcome::Finished));
    assert_eq!(t.last_ms(), 500.0);
    assert_eq!(lines(&t), [(500.0, "timeout after 500".to_string())]);
    let tasks = tasks_at(&t, None);
    assert_eq!(task(&tasks, "stuck").state, TaskState::Cancelled);
}

#[test]
fn wait_for_returns_the_inner_error_when_it_fails_first() {
    let t = run(|cx| async move {
        let h = cx.spawn("fails", |cx| async move {
            cx.sleep(100.0).await;
            Err::<(), _>(TaskError::Raised("ValueError: no".into()))
        });
        let r = cx.wait_for(h, 1000.0).await;
        assert_eq!(r, Err(TaskError::Raised("ValueError: no".into())));
        Ok(())
    });
    assert_eq!(t.last_ms(), 100.0);
}

#[test]
fn a_slot_kept_for_a_cancelled_putter_passes_to_the_next() {
    let t = run(|cx| async move {
        let q: Queue<&'static str> = Queue::new(&cx, 1);
        q.put(&cx, "x").await;
        let spawn_putter = |name: &'static str, item: &'static str| {
            let q = q.clone();
            cx.spawn(name, move |cx| async move {
                q.put(&cx, item).await;
                Ok(())
            })
        };
        let first = spawn_putter("first", "y");
        let second = spawn_putter("second", "z");
        cx.sleep(10.0).await;
        assert_eq!(q.get(&cx).await, "x"); // keeps the slot for `first`...
        first.cancel(); // ...cancelled before it resumes: `second` puts.
        cx.join(second).await?;
        assert_eq!(q.get(&cx).await, "z");
        assert!(q.empty());
        Ok(())
    });
    assert_eq!(t.outcome(), Some(RunOutcome::Finished));
    let puts: Vec<_> = t
        .events()
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::QueuePut(m) => Some(m.item.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(puts, ["x", "z"]);
}
