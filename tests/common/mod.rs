//! Helpers shared by the native test files (`mod common;` in each).
#![allow(dead_code)]

#[cfg(not(target_arch = "wasm32"))]
pub mod cpython;

use async_playground::core::model::tasks::TaskView;
use async_playground::core::params::{parse_query, PageState};
use async_playground::core::trace::Trace;
use async_playground::lessons::{self, lookup};
use async_playground::runtime::Run;

/// The page state of a query string.
pub fn page(query: &str) -> PageState {
    parse_query(query, &lookup)
}

/// Runs the lesson of `query` on the virtual clock; the query must need no
/// correction, and the lesson's ideal time (its closed form, if it states
/// one) must be the simulated end.
pub fn simulate(query: &str) -> Trace {
    let p = page(query);
    assert!(p.notices.is_empty(), "unexpected notices: {:?}", p.notices);
    let lesson = lessons::find(p.example.expect("example")).expect("lesson");
    let trace = Run::simulate(lesson.main_fn(p.values.clone()));
    assert_eq!(
        lesson.ideal_ms(&p.values),
        trace.last_ms(),
        "{query}: ideal_ms"
    );
    trace
}

/// The task named `name`.
pub fn task<'a>(tasks: &'a [TaskView], name: &str) -> &'a TaskView {
    tasks
        .iter()
        .find(|t| t.name == name)
        .unwrap_or_else(|| panic!("no task {name}"))
}

/// Printed lines with their times.
pub fn lines(t: &Trace) -> Vec<(f64, String)> {
    t.console().map(|(at, _, l)| (at, l.to_string())).collect()
}

/// A small seeded generator (xorshift64*), so failures replay.
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % ((hi - lo + 1).max(1) as u64)) as i64
    }
}
