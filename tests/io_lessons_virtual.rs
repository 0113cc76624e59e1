#![cfg(not(target_arch = "wasm32"))]
//! fetch, batch-llm and executor on the virtual clock: exact timings.

use async_playground::core::model::stats::stats;
use async_playground::core::model::tasks::{tasks_at, TaskState};
use async_playground::core::params::parse_query;
use async_playground::core::trace::{RunOutcome, Trace};
use async_playground::lessons::{self, batch_llm, lookup};
use async_playground::runtime::Run;

fn simulate(query: &str) -> Trace {
    let p = parse_query(query, &lookup);
    assert!(p.notices.is_empty(), "unexpected notices: {:?}", p.notices);
    let lesson = lessons::find(p.example.expect("example")).expect("lesson");
    Run::simulate(lesson.main_fn(p.values))
}

#[test]
fn fetches_overlap_and_end_at_the_server_latency() {
    let t = simulate("example=fetch&tasks=5&delay=800");
    let s = stats(&t);
    assert_eq!(s.outcome, Some(RunOutcome::Finished));
    assert_eq!(s.elapsed_ms, 800.0);
    assert_eq!(s.max_in_flight, 5);
    let tasks = tasks_at(&t, None);
    assert!(tasks[1..]
        .iter()
        .all(|t| t.state == TaskState::Done && t.end_ms == Some(800.0)));
    assert!(tasks[1]
        .spans
        .iter()
        .any(|s| s.state == TaskState::Fetching));
    assert_eq!(
        t.console().last().map(|c| c.2),
        Some("5 of 5 requests succeeded")
    );
}

#[test]
fn a_url_that_cannot_be_reached_fails_its_lane_in_words() {
    let t = simulate("example=fetch&tasks=2&url=http%3A%2F%2F127.0.0.1%3A9%2Fnothing");
    let tasks = tasks_at(&t, None);
    assert!(tasks[1..].iter().all(|t| t.state == TaskState::Failed));
    assert!(tasks[1]
        .error
        .as_deref()
        .unwrap_or_default()
        .starts_with("NetworkError"));
    assert_eq!(stats(&t).outcome, Some(RunOutcome::Finished));
}

/// batch-llm's end by a model of its schedule (the lesson takes its ideal
/// time from the ideal run): FIFO into `limit` slots, each call lasting
/// its latency or the timeout, whichever is shorter.
fn slots_end_ms(p: &async_playground::core::params::Values) -> f64 {
    let limit = usize::try_from(p.int("limit")).unwrap_or(1).max(1);
    let timeout = p.ms("timeout");
    let mut slots = vec![0.0f64; limit];
    let mut end = 0.0f64;
    for d in batch_llm::draws(p) {
        let (i, free) =
            slots
                .iter()
                .copied()
                .enumerate()
                .fold(
                    (0, f64::INFINITY),
                    |best, (i, t)| {
                        if t < best.1 {
                            (i, t)
                        } else {
                            best
                        }
                    },
                );
        let done = free + d.latency_ms.min(timeout);
        slots[i] = done;
        end = end.max(done);
    }
    end
}

#[test]
fn batch_llm_honours_limit_timeout_and_order() {
    let q = "example=batch-llm&prompts=12&limit=4&latency_min=300&latency_max=1200&timeout=1000&fail_rate=15&seed=1";
    let p = parse_query(q, &lookup);
    let draws = batch_llm::draws(&p.values);
    let t = simulate(q);
    let s = stats(&t);
    assert_eq!(s.outcome, Some(RunOutcome::Finished));
    assert!(s.max_in_flight <= 4 && s.max_in_flight > 0);
    assert_eq!(s.elapsed_ms, slots_end_ms(&p.values));
    let tasks = tasks_at(&t, None);
    for (i, d) in draws.iter().enumerate() {
        let task = &tasks[i + 1];
        assert_eq!(task.name, format!("complete({i})"));
        let expected = if d.latency_ms > 1000.0 || d.fails {
            TaskState::Failed
        } else {
            TaskState::Done
        };
        assert_eq!(task.state, expected, "{i}: {d:?}");
        if d.latency_ms > 1000.0 {
            assert!(task
                .error
                .as_deref()
                .unwrap_or_default()
                .starts_with("TimeoutError"));
        }
    }
    // Results are printed in prompt order.
    let order: Vec<usize> = t
        .console()
        .filter(|(_, _, l)| l.contains(" ok: ") || l.contains(" error: "))
        .filter_map(|(_, _, l)| l.split_once(' ').and_then(|(i, _)| i.parse().ok()))
        .collect();
    assert_eq!(order, (0..12).collect::<Vec<_>>());
    // The same seed replays the same draw; another seed draws differently.
    assert_eq!(simulate(q), t);
    let other = parse_query(&q.replace("seed=1", "seed=2"), &lookup);
    assert_ne!(batch_llm::draws(&other.values), draws);
}

#[test]
fn executor_offloaded_keeps_ticking_inline_freezes() {
    let off = simulate("example=executor&work=600&offload=1");
    assert_eq!(stats(&off).elapsed_ms, 600.0);
    let ticks_off = off.console().filter(|c| c.2.starts_with("tick")).count();
    assert_eq!(ticks_off, 6, "ticks every 100 ms while the worker computes");
    assert!(off.console().all(|c| !c.2.contains("late")));

    let inline = simulate("example=executor&work=600&offload=0");
    assert_eq!(stats(&inline).elapsed_ms, 600.0);
    let ticks: Vec<&str> = inline
        .console()
        .map(|c| c.2)
        .filter(|l| l.starts_with("tick"))
        .collect();
    assert!(ticks.len() <= 1, "the loop was frozen: {ticks:?}");
}

#[test]
fn a_body_that_is_not_json_fails_the_lane_in_words() {
    let t = simulate("example=fetch&tasks=2&url=mock-api%2Fhtml");
    let tasks = tasks_at(&t, None);
    assert!(tasks[1..].iter().all(|t| t.state == TaskState::Failed));
    assert_eq!(
        tasks[1].error.as_deref(),
        Some("ContentTypeError: the body is not JSON")
    );
}
