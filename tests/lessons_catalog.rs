#![cfg(not(target_arch = "wasm32"))]
//! Every lesson of the catalog, at its defaults, on the virtual clock: it
//! ends (as a deadlock only for `deadlock`), its claimed `expected_ms` is
//! the simulated elapsed time, and its ids and keys follow CONTRACT.md.

use async_playground::core::params::{parse_query, Values};
use async_playground::core::stats::stats;
use async_playground::core::task::tasks_at;
use async_playground::core::trace::RunOutcome;
use async_playground::lessons::{self, lookup, GROUPS, LESSONS};
use async_playground::runtime::Run;

/// The contract's example ids and their parameter keys.
const CONTRACT: &[(&str, &[&str])] = &[
    ("coroutine", &["delay"]),
    ("sequential-vs-gather", &["tasks", "delay", "mode"]),
    ("create-task", &["interval_a", "interval_b", "cancel_after"]),
    ("blocking-call", &["tasks", "delay", "block"]),
    ("forgotten-await", &["delay"]),
    ("fetch", &["tasks", "delay", "url"]),
    ("semaphore", &["tasks", "limit", "delay"]),
    ("semaphore-inside", &["tasks", "limit", "delay"]),
    ("gather-errors", &["tasks", "fail", "return_exceptions"]),
    ("timeout", &["delay", "timeout"]),
    ("retry", &["retries", "base", "failures"]),
    (
        "queue",
        &["items", "consumers", "maxsize", "produce", "consume"],
    ),
    ("async-iterator", &["count", "delay"]),
    ("context-manager", &["connect", "query"]),
    (
        "batch-llm",
        &[
            "prompts",
            "limit",
            "latency_min",
            "latency_max",
            "timeout",
            "fail_rate",
        ],
    ),
    ("race-condition", &["tasks", "increments", "lock", "pause"]),
    ("deadlock", &["hold", "order"]),
    ("executor", &["work", "offload"]),
    ("daemon", &["main", "interval"]),
];

/// The lessons this file's author owns: they must all be in the catalog.
const MINE: &[&str] = &[
    "create-task",
    "blocking-call",
    "forgotten-await",
    "semaphore-inside",
    "gather-errors",
    "timeout",
    "retry",
    "queue",
    "async-iterator",
    "context-manager",
    "race-condition",
    "deadlock",
    "daemon",
];

#[test]
fn every_lesson_at_its_defaults_ends_at_its_expected_time() {
    assert!(LESSONS.len() >= 16, "catalog has {} lessons", LESSONS.len());
    for lesson in LESSONS {
        let values = Values::defaults(lesson.params);
        let trace = Run::simulate(lesson.main_fn(values.clone()));
        let s = stats(&trace);
        let want = if lesson.id == "deadlock" {
            RunOutcome::Deadlock
        } else {
            RunOutcome::Finished
        };
        assert_eq!(s.outcome, Some(want), "{}: outcome", lesson.id);
        assert_eq!(
            (lesson.expected_ms)(&values),
            s.elapsed_ms,
            "{}: expected_ms vs simulated elapsed",
            lesson.id
        );
        assert!(
            s.elapsed_ms <= 5_000.0,
            "{}: the default run should be short, not {} ms",
            lesson.id,
            s.elapsed_ms
        );
        // Every task of a finished run has ended, or was never scheduled.
        if want == RunOutcome::Finished {
            for t in tasks_at(&trace, None) {
                assert!(
                    t.end_ms.is_some() || t.state.as_str() == "created",
                    "{}: task {} left {}",
                    lesson.id,
                    t.name,
                    t.state.as_str()
                );
            }
        }
        assert!(!(lesson.claim)(&values).is_empty(), "{}: claim", lesson.id);
        assert!(
            (lesson.python)(&values).contains("asyncio"),
            "{}: python",
            lesson.id
        );
        assert!(GROUPS.contains(&lesson.group), "{}: group", lesson.id);
        assert!(!lesson.explanation.is_empty(), "{}: explanation", lesson.id);
    }
}

#[test]
fn ids_and_parameter_keys_follow_the_contract() {
    for id in MINE {
        assert!(lessons::find(id).is_some(), "{id} is in the catalog");
    }
    for lesson in LESSONS {
        let Some((_, keys)) = CONTRACT.iter().find(|(id, _)| *id == lesson.id) else {
            panic!("{} is not an id of the contract", lesson.id);
        };
        for key in *keys {
            assert!(
                lesson.params.iter().any(|p| p.key == *key),
                "{}: parameter {key} missing",
                lesson.id
            );
        }
    }
    let mut ids: Vec<_> = LESSONS.iter().map(|l| l.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), LESSONS.len(), "ids are unique");
}

#[test]
fn every_lesson_url_with_its_defaults_needs_no_correction() {
    for lesson in LESSONS {
        let defaults = Values::defaults(lesson.params);
        let mut q = format!("?example={}", lesson.id);
        for (k, v) in defaults.iter() {
            q.push_str(&format!("&{k}={}", v.to_url()));
        }
        let back = parse_query(&q, &lookup);
        assert!(back.notices.is_empty(), "{q}: {:?}", back.notices);
        assert_eq!(back.example, Some(lesson.id), "{q}");
        assert_eq!(back.values, defaults, "{q}");
    }
}

#[test]
fn extreme_parameters_never_panic_and_end() {
    // Every lesson of this file's author at the ends of its ranges (the
    // longest runs are cut off by the virtual limit, never hang).
    for id in MINE {
        let lesson = lessons::find(id).expect("in the catalog");
        for pick_max in [false, true] {
            let mut q = format!("example={id}");
            for spec in lesson.params {
                use async_playground::core::params::Kind;
                let v = match spec.kind {
                    Kind::Int { min, max, .. } => {
                        if pick_max {
                            max.to_string()
                        } else {
                            min.to_string()
                        }
                    }
                    Kind::Flag { .. } => u8::from(pick_max).to_string(),
                    Kind::Choice { options, .. } => {
                        let i = if pick_max { options.len() - 1 } else { 0 };
                        options[i].to_string()
                    }
                    _ => continue,
                };
                q.push_str(&format!("&{}={v}", spec.key));
            }
            let p = parse_query(&q, &lookup);
            assert!(p.notices.is_empty(), "{q}: {:?}", p.notices);
            let trace = Run::simulate(lesson.main_fn(p.values.clone()));
            let s = stats(&trace);
            assert!(s.outcome.is_some(), "{q}: ended");
            if *id != "deadlock" {
                assert_eq!(s.outcome, Some(RunOutcome::Finished), "{q}");
            }
            assert_eq!((lesson.expected_ms)(&p.values), s.elapsed_ms, "{q}");
        }
    }
}

#[test]
fn python_lines_fit_the_code_view() {
    // The code view shows about 78 columns at 1280 px without scrolling.
    for id in MINE {
        let lesson = lessons::find(id).expect("in the catalog");
        for flags in ["0", "1"] {
            let mut values = Values::defaults(lesson.params);
            for spec in lesson.params {
                if matches!(spec.kind, async_playground::core::params::Kind::Flag { .. }) {
                    values.set(lesson.params, spec.key, flags);
                }
            }
            for line in (lesson.python)(&values).lines() {
                assert!(
                    line.chars().count() <= 76,
                    "{id}: {} columns: {line}",
                    line.chars().count()
                );
            }
        }
    }
}
