#![cfg(not(target_arch = "wasm32"))]
//! Replaying the log to time t gives exactly the state the run was in at t.

use async_playground::core::model::stats::stats;
use async_playground::core::model::tasks::tasks_at;
use async_playground::core::params::parse_query;
use async_playground::core::replay::{
    compare_text, explain_event, moments, next_moment, prev_moment, stats_at,
};
use async_playground::lessons::{self, lookup, LESSONS};
use async_playground::runtime::Run;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// For any lesson (defaults) and any sequence of pause times: the live
    /// state when the virtual run is paused at t equals the final log
    /// replayed to t.
    #[test]
    fn replay_to_t_equals_the_live_state_at_t(lesson in 0..LESSONS.len(), cuts in prop::collection::vec(0u32..4000, 1..6)) {
        let l = LESSONS[lesson];
        let p = parse_query(&format!("example={}", l.id), &lookup);
        let run = Run::new_virtual(1);
        run.start(l.main_fn(p.values.clone()));
        let mut cuts = cuts;
        cuts.sort_unstable();
        let mut live = Vec::new();
        for t in cuts {
            let t = f64::from(t);
            run.advance(t);
            if run.is_over() { break; }
            // A blocking call moves the clock past t inside one poll; such a
            // pause is not "at t", so it is not compared.
            if run.trace().last_ms() <= t {
                live.push((t, tasks_at(&run.trace(), None)));
            }
        }
        run.advance(3_600_000.0);
        if !run.is_over() { run.stop(); }
        let full = run.trace().clone();
        for (t, state) in live {
            prop_assert_eq!(tasks_at(&full, Some(t)), state, "{} at {}", l.id, t);
        }
    }
}

#[test]
fn stepping_visits_every_moment_and_figures_follow_the_playhead() {
    let p = parse_query("example=semaphore&tasks=6&limit=2&delay=300", &lookup);
    let t = Run::simulate(
        lessons::find("semaphore")
            .expect("lesson")
            .main_fn(p.values),
    );
    assert_eq!(moments(&t), [0.0, 300.0, 600.0, 900.0]);
    assert_eq!(next_moment(&t, 0.0), Some(300.0));
    assert_eq!(next_moment(&t, 450.0), Some(600.0));
    assert_eq!(prev_moment(&t, 600.0), Some(300.0));
    assert_eq!(prev_moment(&t, 0.0), None);
    let mid = stats_at(&t, 450.0);
    assert_eq!(mid.elapsed_ms, 450.0);
    assert_eq!(mid.finished, 2);
    assert_eq!(mid.outcome, None);
    assert_eq!(stats_at(&t, 900.0), stats(&t));
    let texts: Vec<String> = (0..t.len()).filter_map(|i| explain_event(&t, i)).collect();
    assert!(
        texts
            .iter()
            .any(|s| s == "t = 300 ms: download(0) resumed after sleeping 300 ms"),
        "{texts:#?}"
    );
    assert!(
        texts
            .iter()
            .any(|s| s == "t = 0 ms: download(2) waits on Semaphore(2)"),
        "{texts:#?}"
    );
    assert!(
        texts
            .iter()
            .any(|s| s == "t = 300 ms: download(2) acquired Semaphore(2)"),
        "{texts:#?}"
    );
}

#[test]
fn comparisons_read_as_sentences() {
    let q = |m: &str| {
        parse_query(
            &format!("example=sequential-vs-gather&tasks=3&delay=2000&mode={m}"),
            &lookup,
        )
    };
    let lesson = lessons::find("sequential-vs-gather").expect("lesson");
    let g = stats(&Run::simulate(lesson.main_fn(q("gather").values)));
    let s = stats(&Run::simulate(lesson.main_fn(q("sequential").values)));
    assert_eq!(
        compare_text("gather", &g, "sequential", &s),
        "gather: 2.00 s vs sequential: 6.00 s, 3.0× faster"
    );
    assert_eq!(
        compare_text("sequential", &s, "gather", &g),
        "sequential: 6.00 s vs gather: 2.00 s, 3.0× slower"
    );
}

/// The ideal run is computed a slice at a time beside a live run, and even
/// one instant is cut between polls (a `main()` that spawns 10,000 tasks at
/// t = 0 must not hold a frame): however it is cut, the log is the one a
/// run computed at once records.
#[test]
fn a_run_simulated_in_slices_records_the_same_log_as_at_once() {
    let big = "example=semaphore&tasks=10000&limit=100&delay=10".to_string();
    let queries = LESSONS
        .iter()
        .map(|l| format!("example={}", l.id))
        .chain([big.clone()]);
    for q in queries {
        let p = parse_query(&q, &lookup);
        let Some(lesson) = p.example.and_then(lessons::find) else {
            panic!("no lesson for {q}");
        };
        let whole = Run::simulate(lesson.main_fn(p.values.clone()));
        let run = Run::new_virtual(0);
        run.start(lesson.main_fn(p.values.clone()));
        let (mut reached, mut paused, mut slices) = (0.0, false, 0u32);
        while !run.is_over() && slices < 1_000_000 {
            if !paused {
                reached += 25.0;
            }
            // Pause whenever asked: the finest cut there is.
            paused = !run.advance_or(reached, &|| true);
            slices += 1;
        }
        assert_eq!(run.trace().events(), whole.events(), "{q}");
        if q == big {
            // 10,000 tasks start at t = 0: that instant alone is many slices.
            assert!(slices > 150, "{q}: only {slices} slices");
        }
    }
}
