#![cfg(not(target_arch = "wasm32"))]
//! The one run model: "as of t" is the whole-log derivations cut at t, for
//! every lesson at its defaults; a run tells who listens when it ends, once,
//! with its outcome; and the runtime's deadlock check (the model's wait-for
//! fold) still ends a stuck run as a deadlock.

use std::cell::RefCell;
use std::rc::Rc;

use async_playground::core::model::await_graph::await_graph;
use async_playground::core::model::loop_state::loop_state;
use async_playground::core::model::stats::stats;
use async_playground::core::model::tasks::tasks_at;
use async_playground::core::model::RunModel;
use async_playground::core::params::parse_query;
use async_playground::core::replay::trace_until;
use async_playground::core::trace::RunOutcome;
use async_playground::lessons::{lookup, LESSONS};
use async_playground::runtime::Run;

#[test]
fn as_of_t_is_every_derivation_of_the_log_cut_at_t() {
    for l in LESSONS {
        let p = parse_query(&format!("example={}", l.id), &lookup);
        let trace = Run::simulate(l.main_fn(p.values));
        let end = trace.last_ms();
        for t in [0.0, end * 0.25, end * 0.5, end * 0.9, end] {
            let m = RunModel::as_of(&trace, t);
            let cut = trace_until(&trace, t);
            assert_eq!(m.tasks, tasks_at(&trace, Some(t)), "{} at {t}", l.id);
            assert_eq!(m.stats, stats(&cut), "{} at {t}", l.id);
            assert_eq!(m.events, cut.len(), "{} at {t}", l.id);
            assert_eq!(
                m.loop_state(),
                loop_state(&trace, Some(t)),
                "{} at {t}",
                l.id
            );
            assert_eq!(
                m.await_graph(),
                await_graph(&trace, Some(t)),
                "{} at {t}",
                l.id
            );
        }
        // Caught up from a moment, the model is the whole run's.
        let mut m = RunModel::as_of(&trace, end * 0.5);
        m.catch_up(&trace);
        assert_eq!(m.tasks, tasks_at(&trace, None), "{}", l.id);
        assert_eq!(m.stats, stats(&trace), "{}", l.id);
        assert_eq!(
            m.state.as_str(),
            RunModel::as_of(&trace, end).state.as_str()
        );
    }
}

#[test]
fn a_run_tells_its_listeners_once_when_it_ends() {
    let l = LESSONS[0];
    let p = parse_query(&format!("example={}", l.id), &lookup);
    let run = Run::new_virtual(1);
    let heard: Rc<RefCell<Vec<RunOutcome>>> = Rc::default();
    let h = heard.clone();
    run.on_end(move |o| h.borrow_mut().push(o));
    run.start(l.main_fn(p.values));
    assert!(heard.borrow().is_empty());
    run.advance(3_600_000.0);
    assert!(run.is_over());
    assert_eq!(*heard.borrow(), [RunOutcome::Finished]);
    run.stop();
    assert_eq!(heard.borrow().len(), 1, "told once");
    // A listener that comes late hears at once.
    let h = heard.clone();
    run.on_end(move |o| h.borrow_mut().push(o));
    assert_eq!(
        *heard.borrow(),
        [RunOutcome::Finished, RunOutcome::Finished]
    );
}

#[test]
fn a_stopped_run_tells_it_was_stopped() {
    let l = LESSONS[0];
    let p = parse_query(&format!("example={}", l.id), &lookup);
    let run = Run::new_virtual(1);
    run.start(l.main_fn(p.values));
    let heard: Rc<RefCell<Vec<RunOutcome>>> = Rc::default();
    let h = heard.clone();
    run.on_end(move |o| h.borrow_mut().push(o));
    run.stop();
    assert_eq!(*heard.borrow(), [RunOutcome::Stopped]);
}

/// What the deadlock check asked before the model: every task not ended
/// and scheduled is waiting, derived from the lanes over the whole log.
fn all_waiting_from_lanes(trace: &async_playground::core::trace::Trace) -> bool {
    use async_playground::core::model::tasks::TaskState;
    let tasks = tasks_at(trace, None);
    let mut live = tasks
        .iter()
        .filter(|t| t.end_ms.is_none() && t.state != TaskState::Created)
        .peekable();
    live.peek().is_some() && live.all(|t| t.state == TaskState::Waiting)
}

#[test]
fn the_wait_for_fold_answers_the_deadlock_check_as_the_lanes_did() {
    use async_playground::core::model::wait_for::WaitFor;
    use async_playground::core::trace::Trace;
    let mut queries: Vec<String> = LESSONS
        .iter()
        .map(|l| format!("example={}", l.id))
        .collect();
    queries.push("example=deadlock".into());
    let mut deadlocks = 0;
    for q in &queries {
        let p = parse_query(q, &lookup);
        let lesson = p
            .example
            .and_then(async_playground::lessons::find)
            .expect("a lesson");
        let trace = Run::simulate(lesson.main_fn(p.values));
        let mut fold = WaitFor::default();
        let mut prefix = Trace::new(trace.run);
        for e in trace.events() {
            prefix.push(e.clone());
            fold.catch_up(&prefix);
            assert_eq!(
                fold.all_waiting(),
                all_waiting_from_lanes(&prefix),
                "{q} after {} events",
                prefix.len()
            );
        }
        if trace.outcome() == Some(RunOutcome::Deadlock) {
            deadlocks += 1;
            let mut before_end = Trace::new(trace.run);
            for e in &trace.events()[..trace.len() - 1] {
                before_end.push(e.clone());
            }
            let mut w = WaitFor::default();
            w.catch_up(&before_end);
            assert!(w.all_waiting(), "{q}: stuck before its end");
        }
    }
    assert!(deadlocks > 0, "the deadlock lesson deadlocks");
}
