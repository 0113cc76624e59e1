//! "Explore timings": the jitter and the grouping of outcomes, natively on
//! the virtual clock.

use std::rc::Rc;

use async_playground::core::explore::{run_seed, Ending, Explorer, Jitter, JitterSpec, OutcomeKey};
use async_playground::python::compile;
use async_playground::runtime::python_host::explore;

const RACE: &str = include_str!("../src/lessons/race_condition/lesson.py");
const COROUTINE: &str = include_str!("../src/lessons/coroutine/lesson.py");

/// The lesson with `PAUSE` and `LOCK` set as given.
fn race(pause: &str, lock: bool) -> String {
    assert!(RACE.contains("PAUSE = 0.3 "));
    let src = RACE.replace("PAUSE = 0.3 ", &format!("PAUSE = {pause} "));
    if lock {
        src.replace("LOCK = False", "LOCK = True")
    } else {
        src
    }
}

fn counts(src: &str, runs: u32, percent: f64, seed: u64) -> Vec<(String, u32)> {
    let program = Rc::new(compile(src).expect("the lesson compiles"));
    explore(&program, runs, percent, seed)
        .sorted()
        .into_iter()
        .map(|g| (g.summary(None), g.count))
        .collect()
}

#[test]
fn jitter_stays_within_its_bounds_and_repeats_per_seed() {
    let spec = JitterSpec {
        percent: 20.0,
        seed: 7,
    };
    let mut a = Jitter::new(spec);
    let mut b = Jitter::new(spec);
    let mut lo = f64::MAX;
    let mut hi: f64 = 0.0;
    for _ in 0..10_000 {
        let x = a.apply(100.0);
        assert_eq!(x, b.apply(100.0));
        lo = lo.min(x);
        hi = hi.max(x);
    }
    assert!(lo >= 80.0 && hi < 120.0, "{lo} {hi}");
    assert!(
        lo < 81.0 && hi > 119.0,
        "the whole range is used: {lo} {hi}"
    );
    // Zero and non-finite durations are left alone; 0 % changes nothing.
    assert_eq!(a.apply(0.0), 0.0);
    assert!(a.apply(f64::INFINITY).is_infinite());
    let mut none = Jitter::new(JitterSpec {
        percent: 0.0,
        seed: 7,
    });
    assert_eq!(none.apply(123.0), 123.0);
    // Out-of-range percents are clamped to 50.
    let mut wide = Jitter::new(JitterSpec {
        percent: 500.0,
        seed: 1,
    });
    for _ in 0..1000 {
        let x = wide.apply(10.0);
        assert!((5.0..15.0).contains(&x));
    }
    assert_ne!(run_seed(1, 0), run_seed(1, 1));
}

#[test]
fn grouping_counts_distinct_outcomes_most_frequent_first() {
    let key = |line: &str, ending: Ending| OutcomeKey {
        ending,
        lines: vec![(false, line.to_string())],
        finals: vec![],
    };
    let mut ex = Explorer::default();
    ex.add(key("a", Ending::Finished), 10, 100.0);
    ex.add(key("b", Ending::Finished), 11, 120.0);
    ex.add(key("b", Ending::Finished), 12, 90.0);
    ex.add(key("a", Ending::Deadlock), 13, 50.0);
    assert_eq!(ex.runs(), 4);
    assert_eq!(ex.groups().len(), 3);
    let s = ex.sorted();
    assert_eq!(
        (s[0].count, s[0].seed, s[0].elapsed),
        (2, 11, (90.0, 120.0))
    );
    assert_eq!(s[1].key.lines[0].1, "a");
    assert_eq!(
        s[1].seed, 10,
        "the first run of an outcome is the one to open"
    );
    assert_eq!(s[2].summary(Some(&s[0])), "deadlock · a");
    assert_eq!(s[0].summary(None), "finished · b");
}

#[test]
fn race_condition_without_the_pause_loses_the_same_updates_in_every_run() {
    // Each task reads right after its own write: no timing changes that.
    let groups = counts(&race("0", false), 200, 20.0, 1);
    assert_eq!(
        groups,
        vec![(
            "finished · counter = 3, expected 9, lost 6".to_string(),
            200
        )]
    );
}

#[test]
fn race_condition_as_written_has_several_final_counts() {
    assert!(RACE.contains("LOCK = False"));
    let groups = counts(RACE, 200, 20.0, 1);
    assert!(groups.len() > 1, "usually right is not right: {groups:?}");
    assert!(groups
        .iter()
        .all(|(s, _)| s.starts_with("finished · counter = ")));
    assert_eq!(groups.iter().map(|g| g.1).sum::<u32>(), 200);
}

#[test]
fn race_condition_with_lock_has_exactly_one() {
    let groups = counts(&race("0.3", true), 200, 20.0, 1);
    assert_eq!(
        groups,
        vec![(
            "finished · counter = 9, expected 9, lost 0".to_string(),
            200
        )]
    );
}

#[test]
fn a_deterministic_program_has_one_outcome() {
    let groups = counts(COROUTINE, 50, 50.0, 3);
    assert_eq!(groups.len(), 1, "{groups:?}");
    assert_eq!(groups[0].1, 50);
}

#[test]
fn the_same_seed_gives_the_same_groups() {
    let program = Rc::new(compile(RACE).expect("compiles"));
    let a = explore(&program, 60, 20.0, 42);
    let b = explore(&program, 60, 20.0, 42);
    assert_eq!(a, b);
    assert!(a.groups().len() > 1);
    let c = explore(&program, 60, 20.0, 43);
    assert_eq!(c.runs(), 60);
    assert_ne!(a, c, "another seed, other runs");
}

#[test]
fn final_values_and_endings_are_part_of_the_outcome() {
    let src = "import asyncio\n\ntotal = 0\n\nasync def main():\n    global total\n    total = 5\n    await asyncio.sleep(0.1)\n    raise ValueError('boom')\n\nasyncio.run(main())\n";
    let program = Rc::new(compile(src).expect("compiles"));
    let ex = explore(&program, 5, 20.0, 1);
    let g = &ex.sorted()[0];
    assert_eq!(g.count, 5);
    assert_eq!(g.key.finals, vec![("total".to_string(), "5".to_string())]);
    assert_eq!(g.key.ending, Ending::Error("ValueError: boom".to_string()));
}

#[test]
fn mock_fetch_latency_is_jittered() {
    // Two fetches of the same latency race: which answers first changes.
    let src = "import asyncio\nimport aiohttp\n\nasync def get(s, i):\n    async with s.get(f'http://127.0.0.1/mock-api/get?id={i}&delay=100') as r:\n        await r.json()\n        print(f'got {i}')\n\nasync def main():\n    async with aiohttp.ClientSession() as s:\n        await asyncio.gather(get(s, 1), get(s, 2))\n\nasyncio.run(main())\n";
    let program = Rc::new(compile(src).expect("compiles"));
    let exact = explore(&program, 5, 0.0, 1);
    assert_eq!(exact.groups().len(), 1, "{:?}", exact.sorted());
    let jittered = explore(&program, 40, 20.0, 1);
    assert_eq!(jittered.groups().len(), 2, "{:?}", jittered.sorted());
}
