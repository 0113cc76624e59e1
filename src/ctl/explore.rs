//! "Explore timings", the controller: runs a program N times on the
//! virtual clock with every sleep and fetch latency jittered by ±x %,
//! groups the distinct outcomes with their counts, and opens any of them
//! as the shown run. The panel (`components::explore_panel`) only shows
//! what this holds and calls its verbs.
//!
//! The runs go in slices of at most [`SLICE_MS`] of real time; between
//! slices the page gets the thread back (a 0 ms timeout), so it paints and
//! answers while exploring. The grouping and the jitter are pure
//! ([`crate::core::explore`]); the runs are
//! [`python_host::explore_run`].

use std::rc::Rc;

use leptos::prelude::*;

use crate::core::explore::{run_seed, Explorer, Group, JitterSpec, OutcomeKey, DEFAULT_SEED};
use crate::ctl::code::CodeCtl;
use crate::ctl::run::RunCtl;
use crate::python::{compile, Program};
use crate::runtime::browser::perf_now;
use crate::runtime::python_host;
use crate::runtime::spawn::VIRTUAL_LIMIT_MS;
use crate::runtime::Run;

/// Real ms the explorer may hold the thread before it yields to the page.
pub const SLICE_MS: f64 = 12.0;

/// Real ms one jittered run may take at least before it counts as "did not
/// end" (more if the plain run was slow: see [`run_budget`]).
const MIN_RUN_BUDGET_MS: f64 = 1000.0;

/// The real-time budget of one jittered run, from the plain run's.
fn run_budget(plain_ms: f64) -> f64 {
    (plain_ms * 20.0).max(MIN_RUN_BUDGET_MS)
}

/// One exploration's result.
#[derive(Clone)]
pub struct Explored {
    /// The source explored (results are stale once the code changes).
    pub source: String,
    program: Rc<Program>,
    /// The jitter, ± percent.
    pub percent: f64,
    /// Runs done.
    pub runs: u32,
    /// The outcomes, most frequent first.
    pub groups: Vec<Group>,
    /// Real ms the whole exploration took.
    pub real_ms: f64,
    /// Real ms of the plain run (exact timings) alone.
    pub plain_ms: f64,
    /// Cancelled before all runs were done.
    pub cancelled: bool,
}

/// Gives the thread back to the page (a 0 ms timeout).
async fn yield_to_page() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// Runs `run` to its end in slices; `None` if the exploration was cancelled
/// meanwhile, else whether a limit stopped it.
async fn drive(
    run: &Run,
    slice_start: &std::cell::Cell<f64>,
    budget: f64,
    alive: &dyn Fn() -> bool,
) -> Option<bool> {
    let t0 = perf_now();
    loop {
        let over_slice = || perf_now() - slice_start.get() > SLICE_MS;
        let reached = run.advance_or(VIRTUAL_LIMIT_MS - 0.001, &over_slice);
        if run.is_over() {
            return Some(false);
        }
        if reached || perf_now() - t0 > budget {
            run.stop();
            return Some(true);
        }
        yield_to_page().await;
        slice_start.set(perf_now());
        if !alive() {
            run.stop();
            return None;
        }
    }
}

/// The explorer of one panel (cheap to copy).
#[derive(Clone, Copy)]
pub struct ExploreCtl {
    /// (done, total) while exploring.
    pub progress: RwSignal<Option<(u32, u32)>>,
    /// The last exploration's result.
    pub result: RwSignal<Option<Explored>, LocalStorage>,
    /// Why nothing could be explored, in words.
    pub problem: RwSignal<Option<String>>,
    /// The outcome opened as the shown run.
    pub opened: RwSignal<Option<usize>>,
    // Bumped to cancel an exploration in flight (a new one, Cancel, or the
    // panel going away).
    token: StoredValue<u32>,
    run_ctl: RunCtl,
    code: CodeCtl,
    example: &'static str,
}

impl ExploreCtl {
    /// An explorer for the page `example`'s program (the code panel's
    /// text), showing what it opens through `run_ctl`. Cancels its
    /// exploration when its owner is cleaned up.
    pub fn new(run_ctl: RunCtl, code: CodeCtl, example: &'static str) -> Self {
        let token = StoredValue::new(0u32);
        on_cleanup(move || {
            token.try_update_value(|t| *t += 1);
        });
        ExploreCtl {
            progress: RwSignal::new(None),
            result: RwSignal::new_local(None),
            problem: RwSignal::new(None),
            opened: RwSignal::new(None),
            token,
            run_ctl,
            code,
            example,
        }
    }

    /// Whether an exploration is in flight.
    pub fn exploring(&self) -> bool {
        self.progress.with(Option::is_some)
    }

    /// Explores the code panel's program `n` times at ±`percent` %
    /// (both already clamped), cancelling one in flight.
    pub fn start(&self, n: u32, percent: f64) {
        let ExploreCtl {
            progress,
            result,
            problem,
            opened,
            token,
            code,
            ..
        } = *self;
        let Some(my) = token.try_update_value(|t| {
            *t += 1;
            *t
        }) else {
            return;
        };
        problem.set(None);
        opened.set(None);
        let source = code.text.get_untracked();
        let program = match compile(&source) {
            Ok(p) => Rc::new(p),
            Err(e) => {
                problem.set(Some(format!(
                    "The program cannot start, so there is nothing to explore: {e} (line {})",
                    e.line
                )));
                return;
            }
        };
        progress.set(Some((0, n)));
        let alive = move || token.try_get_value() == Some(my);
        leptos::task::spawn_local(async move {
            let t0 = perf_now();
            let slice = std::cell::Cell::new(t0);
            // The plain run first: exact timings (the benchmark's unit, and
            // whether the program ends at all).
            let (plain, _) = python_host::explore_run(program.clone(), None, 0);
            let Some(limited) = drive(&plain, &slice, 10_000.0, &alive).await else {
                return;
            };
            let plain_ms = perf_now() - t0;
            if limited {
                problem.try_set(Some(
                    "This program does not end on the virtual clock within its limits \
                     (an hour of scenario time, or 10 s of real time), so its outcomes \
                     cannot be counted. Make it end, then explore."
                        .to_string(),
                ));
                progress.try_set(None);
                return;
            }
            let budget = run_budget(plain_ms);
            let mut ex = Explorer::default();
            let mut cancelled = false;
            for i in 0..n {
                let seed = run_seed(DEFAULT_SEED, i);
                let spec = JitterSpec { percent, seed };
                let (run, finals) = python_host::explore_run(program.clone(), Some(spec), 0);
                let Some(limited) = drive(&run, &slice, budget, &alive).await else {
                    cancelled = true;
                    break;
                };
                {
                    let trace = run.trace();
                    let key = OutcomeKey::of(&trace, finals.borrow().clone(), limited);
                    ex.add(key, seed, trace.last_ms());
                }
                drop(run);
                if perf_now() - slice.get() > SLICE_MS {
                    progress.try_set(Some((i + 1, n)));
                    yield_to_page().await;
                    slice.set(perf_now());
                    if !alive() {
                        cancelled = true;
                        break;
                    }
                }
            }
            if cancelled && token.try_get_value().is_none() {
                return;
            }
            let real_ms = perf_now() - t0;
            progress.try_set(None);
            result.try_set(Some(Explored {
                source,
                program,
                percent,
                runs: ex.runs(),
                groups: ex.sorted(),
                real_ms,
                plain_ms,
                cancelled,
            }));
        });
    }

    /// Cancels the exploration in flight.
    pub fn cancel(&self) {
        self.token.try_update_value(|t| *t += 1);
        self.progress.set(None);
    }

    /// Opens outcome `idx` of the last exploration as the shown run (its
    /// seed run again), with the exact-timings run as its ideal.
    pub fn open(&self, idx: usize) {
        let ExploreCtl {
            result,
            opened,
            run_ctl: ctl,
            code,
            example,
            ..
        } = *self;
        let Some((program, percent, seed)) = result.with_untracked(|r| {
            let r = r.as_ref()?;
            let g = r.groups.get(idx)?;
            Some((r.program.clone(), r.percent, g.seed))
        }) else {
            return;
        };
        let Some(generation) = ctl.claim_generation() else {
            return;
        };
        let spec = JitterSpec { percent, seed };
        let t0 = perf_now();
        let budget = || perf_now() - t0 > 4.0 * MIN_RUN_BUDGET_MS;
        let (run, _) = python_host::explore_run(program.clone(), Some(spec), generation);
        run.advance_or(VIRTUAL_LIMIT_MS - 0.001, &budget);
        let (ideal, _) = python_host::explore_run(program, None, generation);
        let t1 = perf_now();
        ideal.advance_or(VIRTUAL_LIMIT_MS - 0.001, &|| {
            perf_now() - t1 > MIN_RUN_BUDGET_MS
        });
        if !ideal.is_over() {
            ideal.stop();
        }
        code.interpreted.set(generation);
        ctl.show_recorded(example, run, Some(ideal));
        opened.set(Some(idx));
    }
}
