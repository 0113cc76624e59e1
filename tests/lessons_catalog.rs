#![cfg(not(target_arch = "wasm32"))]
//! Every lesson of the catalog, at its defaults, on the virtual clock: it
//! ends (as a deadlock only for `deadlock`), its claimed `expected_ms` is
//! the simulated elapsed time, and its ids and keys follow CONTRACT.md.

mod common;

use async_playground::core::model::stats::stats;
use async_playground::core::model::tasks::tasks_at;
use async_playground::core::params::{parse_query, Kind, ParamSpec, Values};
use async_playground::core::trace::RunOutcome;
use async_playground::lessons::{self, batch_llm, lookup, queue, Lesson, GROUPS, LESSONS};
use async_playground::runtime::spawn::VIRTUAL_LIMIT_MS;
use async_playground::runtime::Run;
use common::Rng;

/// The ideal time by a model written beside the lesson: its closed form if
/// it states one, else a model of its schedule kept here (queue's `plan`,
/// batch-llm's slots), since those two take their time from the ideal run.
fn model_ms(lesson: &Lesson, values: &Values) -> Option<f64> {
    match (lesson.expected_ms, lesson.id) {
        (Some(closed_form), _) => Some(closed_form(values)),
        (None, "queue") => Some(queue::plan(values).end_ms),
        (None, "batch-llm") => Some(batch_slots_ms(values)),
        (None, _) => None,
    }
}

/// batch-llm's end: FIFO into `limit` slots, each call lasting its latency
/// or the timeout, whichever is shorter.
fn batch_slots_ms(p: &Values) -> f64 {
    let limit = usize::try_from(p.int("limit")).unwrap_or(1).max(1);
    let timeout = p.ms("timeout");
    let mut slots = vec![0.0f64; limit];
    let mut end = 0.0f64;
    for d in batch_llm::draws(p) {
        let mut best = 0;
        for (i, t) in slots.iter().enumerate() {
            if *t < slots[best] {
                best = i;
            }
        }
        let done = slots[best] + d.latency_ms.min(timeout);
        slots[best] = done;
        end = end.max(done);
    }
    end
}

/// The contract's example table (`../shared/CONTRACT.md`, or the file
/// `CONTRACT_MD` names): each id with its parameter keys, in its order.
fn contract() -> Option<Vec<(String, Vec<String>)>> {
    let path = std::env::var("CONTRACT_MD").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/CONTRACT.md").to_string()
    });
    let text = std::fs::read_to_string(&path).ok()?;
    let tick = |s: &str| s.split('`').nth(1).map(str::to_string);
    // The table under "### Example ids and their parameters", up to the
    // first line that is not a row.
    let (_, table) = text.split_once("### Example ids and their parameters")?;
    let rows = table
        .lines()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .filter_map(|line| {
            // | `id` | what it teaches | `key`, `key` = `a` \| `b` |
            let cells: Vec<&str> = line.split(" | ").collect();
            if cells.len() != 3 || !line.starts_with("| `") {
                return None;
            }
            let id = tick(cells[0])?;
            let keys = cells[2]
                .trim_end_matches(" |")
                .split(", ")
                .filter_map(tick)
                .collect();
            Some((id, keys))
        })
        .collect();
    Some(rows)
}

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
            lesson.ideal_ms(&values),
            s.elapsed_ms,
            "{}: ideal_ms vs simulated elapsed",
            lesson.id
        );
        assert_eq!(
            model_ms(lesson, &values),
            Some(s.elapsed_ms),
            "{}: its model vs simulated elapsed",
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
    // The contract is the one list of ids and keys, outside the repository;
    // every id and key it names is a lesson's, and every lesson is in it.
    match contract() {
        Some(rows) => {
            assert!(!rows.is_empty(), "CONTRACT.md: no example table found");
            for (id, keys) in &rows {
                let Some(lesson) = lessons::find(id) else {
                    panic!("CONTRACT.md names {id}, not in the catalog");
                };
                assert!(!keys.is_empty(), "CONTRACT.md: {id} has no keys");
                for key in keys {
                    assert!(
                        lesson.params.iter().any(|p| p.key == key),
                        "{id}: CONTRACT.md's parameter {key} missing"
                    );
                }
            }
            for lesson in LESSONS {
                assert!(
                    rows.iter().any(|(id, _)| id == lesson.id),
                    "{} is not an id of the contract",
                    lesson.id
                );
            }
        }
        None => eprintln!(
            "CONTRACT.md not found (../shared/CONTRACT.md or CONTRACT_MD): the ids and keys are not checked against it"
        ),
    }
    let mut ids: Vec<_> = LESSONS.iter().map(|l| l.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), LESSONS.len(), "ids are unique");
}

#[test]
fn the_catalog_is_sorted_by_order_with_each_group_together() {
    for pair in LESSONS.windows(2) {
        assert!(
            pair[0].order < pair[1].order,
            "{} before {}",
            pair[0].id,
            pair[1].id
        );
    }
    let groups: Vec<usize> = LESSONS
        .iter()
        .map(|l| GROUPS.iter().position(|g| *g == l.group).expect("a group"))
        .collect();
    assert!(
        groups.windows(2).all(|w| w[0] <= w[1]),
        "groups in GROUPS' order, each lesson next to its group: {groups:?}"
    );
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
    // Every lesson at the ends of its ranges (the longest runs are cut off
    // by the virtual limit, never hang).
    for lesson in LESSONS {
        let id = lesson.id;
        for pick_max in [false, true] {
            let mut q = format!("example={id}");
            for spec in lesson.params {
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
            if id != "deadlock" {
                assert_eq!(s.outcome, Some(RunOutcome::Finished), "{q}");
            }
            assert_eq!(lesson.ideal_ms(&p.values), s.elapsed_ms, "{q}");
            assert_eq!(model_ms(lesson, &p.values), Some(s.elapsed_ms), "{q}");
        }
    }
}

#[test]
fn python_lines_fit_the_code_view() {
    // The code view shows about 78 columns at 1280 px without scrolling.
    for lesson in LESSONS {
        let id = lesson.id;
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

/// Random values for `specs`: whole numbers mostly near the bottom of
/// their range (a run stays short), sometimes anywhere in it.
fn random_values(specs: &[ParamSpec], rng: &mut Rng) -> Values {
    let mut v = Values::defaults(specs);
    for spec in specs {
        let raw = match spec.kind {
            Kind::Int { min, max, unit, .. } => {
                let hi = if rng.below(4) == 0 {
                    max
                } else if unit == "ms" {
                    max.min(min.max(0) + 2_000)
                } else {
                    max.min(min + 12)
                };
                rng.range(min, hi).to_string()
            }
            Kind::Float { min, max, .. } => format!("{:.2}", min + (max - min) * 0.3),
            Kind::Choice { options, .. } => {
                options[rng.range(0, options.len() as i64 - 1) as usize].to_string()
            }
            Kind::Flag { .. } => rng.range(0, 1).to_string(),
            Kind::Text { default, .. } => default.to_string(),
        };
        assert_eq!(v.set(specs, spec.key, &raw), None, "{}={raw}", spec.key);
    }
    v
}

#[test]
fn every_closed_form_is_the_ideal_run_over_random_values() {
    // A lesson that states its ideal time in closed form must agree with its
    // ideal run (the Rust on the virtual clock) wherever the run ends within
    // the virtual limit; queue and batch-llm, which take it from the ideal
    // run, against the models kept in this file.
    let sets: usize = std::env::var("LESSONS_CATALOG_SETS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(40);
    let mut rng = Rng(0x1dea_1c10_c4ed | 1);
    for lesson in LESSONS {
        for _ in 0..sets {
            let values = random_values(lesson.params, &mut rng);
            let Some(model) = model_ms(lesson, &values) else {
                panic!("{}: no model of its ideal time", lesson.id);
            };
            if model >= VIRTUAL_LIMIT_MS {
                continue;
            }
            let trace = Run::simulate(lesson.main_fn(values.clone()));
            let s = stats(&trace);
            let q: Vec<String> = values
                .iter()
                .map(|(k, v)| format!("{k}={}", v.to_url()))
                .collect();
            assert_eq!(
                model,
                s.elapsed_ms,
                "{}: closed form or model vs the ideal run at {}",
                lesson.id,
                q.join("&")
            );
            if lesson.expected_ms.is_some() {
                assert_eq!(lesson.ideal_ms(&values), s.elapsed_ms, "{}", lesson.id);
            }
        }
    }
}
