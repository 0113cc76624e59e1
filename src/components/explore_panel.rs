//! "Explore timings": runs the program N times on the virtual clock with
//! every sleep and fetch latency jittered by ±x %, groups the distinct
//! outcomes with their counts, and opens any of them as the shown run.
//!
//! The runs go in slices of at most [`SLICE_MS`] of real time; between
//! slices the page gets the thread back (a 0 ms timeout), so it paints and
//! answers while exploring. The grouping and the jitter are pure
//! ([`crate::core::explore`]); the runs are
//! [`python_host::explore_run`].

use std::rc::Rc;

use leptos::prelude::*;

use crate::core::explore::{
    clamp_percent, clamp_runs, run_seed, share, Explorer, Group, JitterSpec, OutcomeKey,
    DEFAULT_PERCENT, DEFAULT_RUNS, DEFAULT_SEED, MAX_PERCENT, MAX_RUNS, MIN_RUNS,
};
use crate::ctl::code::CodeCtl;
use crate::ctl::run::RunCtl;
use crate::lessons::Lesson;
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

/// Most printed lines shown per outcome.
const SHOWN_LINES: usize = 40;

/// The real-time budget of one jittered run, from the plain run's.
fn run_budget(plain_ms: f64) -> f64 {
    (plain_ms * 20.0).max(MIN_RUN_BUDGET_MS)
}

/// One exploration's result.
#[derive(Clone)]
struct Explored {
    /// The source explored (results are stale once the code changes).
    source: String,
    program: Rc<Program>,
    percent: f64,
    runs: u32,
    groups: Vec<Group>,
    /// Real ms the whole exploration took, and the plain run alone.
    real_ms: f64,
    plain_ms: f64,
    /// Cancelled after this many runs.
    cancelled: bool,
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

/// The Explore timings panel.
#[component]
pub fn ExplorePanel(
    /// The lesson (or "Your code") whose program is explored.
    lesson: &'static Lesson,
) -> impl IntoView {
    let ctl = expect_context::<RunCtl>();
    let code = expect_context::<CodeCtl>();
    let runs_text = RwSignal::new(DEFAULT_RUNS.to_string());
    let pct_text = RwSignal::new(format!("{DEFAULT_PERCENT}"));
    // (done, total) while exploring.
    let progress = RwSignal::new(None::<(u32, u32)>);
    let result = RwSignal::new_local(None::<Explored>);
    let problem = RwSignal::new(None::<String>);
    let opened = RwSignal::new(None::<usize>);
    // Bumped to cancel an exploration in flight (a new one, Cancel, or the
    // panel going away).
    let token = StoredValue::new(0u32);
    on_cleanup(move || {
        token.try_update_value(|t| *t += 1);
    });

    let start = move || {
        let Some(my) = token.try_update_value(|t| {
            *t += 1;
            *t
        }) else {
            return;
        };
        let n = clamp_runs(runs_text.get_untracked().trim().parse::<f64>().ok());
        let percent = clamp_percent(pct_text.get_untracked().trim().parse::<f64>().ok());
        runs_text.set(n.to_string());
        pct_text.set(format!("{percent}"));
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
    };
    let cancel = move |_| {
        token.try_update_value(|t| *t += 1);
        progress.set(None);
    };
    let open = move |idx: usize| {
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
        ctl.show_recorded(lesson.id, run, Some(ideal));
        opened.set(Some(idx));
    };

    let exploring = move || progress.with(Option::is_some);
    let state = move || {
        if exploring() {
            "running"
        } else if problem.with(Option::is_some) {
            "error"
        } else if result.with(Option::is_some) {
            "done"
        } else {
            "idle"
        }
    };
    let stale = move || {
        result.with(|r| {
            r.as_ref()
                .is_some_and(|r| code.text.with(|t| *t != r.source))
        })
    };
    let status = move || {
        // Said once per exploration (the progress bar counts the runs).
        if let Some(total) = progress.with(|p| p.map(|p| p.1)) {
            return format!("Exploring {total} runs…");
        }
        if let Some(p) = problem.get() {
            return p;
        }
        result.with(|r| match r {
            None => String::new(),
            Some(r) => {
                let outcomes = r.groups.len();
                let kinds = if outcomes == 1 {
                    "1 outcome: the timings do not change what this program does".to_string()
                } else {
                    format!("{outcomes} different outcomes")
                };
                format!(
                    "{} runs at ±{}%{}: {kinds}. Took {:.0} ms ({:.1} ms for one run with exact timings).",
                    r.runs,
                    r.percent,
                    if r.cancelled { " (cancelled)" } else { "" },
                    r.real_ms,
                    r.plain_ms
                )
            }
        })
    };

    let outcome_list = move || {
        result.with(|r| {
            let r = r.as_ref()?;
            let top = r.groups.first().cloned();
            let runs = r.runs;
            let items = r
                .groups
                .iter()
                .enumerate()
                .map(|(idx, g)| {
                    let summary = g.summary(if idx == 0 { None } else { top.as_ref() });
                    let pct = share(g.count, runs);
                    let count_text = format!(
                        "{} of {runs} runs ({pct:.1} %)",
                        g.count
                    );
                    let title_id = format!("explore-outcome-{idx}");
                    let lines: Vec<(bool, String)> =
                        g.key.lines.iter().take(SHOWN_LINES).cloned().collect();
                    let more = g.key.lines.len().saturating_sub(SHOWN_LINES);
                    let finals = g.key.finals.clone();
                    let (lo, hi) = (
                        crate::core::task::fmt_ms(g.elapsed.0),
                        crate::core::task::fmt_ms(g.elapsed.1),
                    );
                    let times = if lo == hi { lo } else { format!("{lo} to {hi}") };
                    let is_open = move || opened.get() == Some(idx);
                    view! {
                        <li
                            class="explore-outcome"
                            class:opened=is_open
                            data-outcome=idx.to_string()
                            data-count=g.count.to_string()
                            data-ending=g.key.ending.as_str()
                            aria-labelledby=title_id.clone()
                        >
                            <div class="explore-outcome-head">
                                <span class="explore-summary" id=title_id.clone()>{summary.clone()}</span>
                                <span class="explore-count">{count_text}</span>
                                <button
                                    type="button"
                                    class="small"
                                    data-testid="explore-open"
                                    aria-label=format!("Open outcome {}: {summary}", idx + 1)
                                    aria-pressed=move || if is_open() { "true" } else { "false" }
                                    on:click=move |_| open(idx)
                                >
                                    "Open"
                                </button>
                            </div>
                            <div class="explore-bar" aria-hidden="true">
                                <div class="explore-bar-fill" style:width=format!("{pct:.1}%")></div>
                            </div>
                            <details class="explore-details">
                                <summary>{format!("What it printed · ended after {times}")}</summary>
                                <ol class="explore-lines">
                                    {lines
                                        .into_iter()
                                        .map(|(err, t)| {
                                            view! {
                                                <li class:stderr=err data-stream=if err { "stderr" } else { "stdout" }>{t}</li>
                                            }
                                        })
                                        .collect_view()}
                                </ol>
                                {(more > 0).then(|| view! { <p class="muted small-text">{format!("… and {more} more lines")}</p> })}
                                {(!finals.is_empty()).then(|| view! {
                                    <p class="explore-finals">
                                        "Final values: "
                                        {finals.iter().map(|(n, v)| format!("{n} = {v}")).collect::<Vec<_>>().join(", ")}
                                    </p>
                                })}
                            </details>
                        </li>
                    }
                })
                .collect_view();
            Some(view! {
                <ol class="explore-outcomes" data-testid="explore-outcomes" aria-label="Outcomes, most frequent first">
                    {items}
                </ol>
            })
        })
    };

    view! {
        <section
            class="panel explore-panel"
            data-testid="explore"
            data-explore-state=state
            data-outcomes=move || result.with(|r| r.as_ref().map(|r| r.groups.len().to_string()))
            data-runs=move || result.with(|r| r.as_ref().map(|r| r.runs.to_string()))
            data-real-ms=move || result.with(|r| r.as_ref().map(|r| format!("{:.1}", r.real_ms)))
            data-plain-ms=move || result.with(|r| r.as_ref().map(|r| format!("{:.2}", r.plain_ms)))
            aria-labelledby="explore-title"
        >
            <h2 id="explore-title" class="panel-title">"Explore timings"</h2>
            <p class="muted small-text" id="explore-help">
                "Real networks and timers are not exact. Run this program many times on the virtual clock, \
                 every sleep and every fetch latency off by up to ± the percent you choose, and see which \
                 outcomes are possible and how often each comes."
            </p>
            <form
                class="explore-form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    if !exploring() {
                        start();
                    }
                }
            >
                <label for="explore-runs">"Runs"</label>
                <input
                    id="explore-runs"
                    data-testid="explore-runs"
                    type="number"
                    inputmode="numeric"
                    min=MIN_RUNS.to_string()
                    max=MAX_RUNS.to_string()
                    step="1"
                    prop:value=move || runs_text.get()
                    on:input=move |ev| runs_text.set(event_target_value(&ev))
                />
                <label for="explore-jitter">"Jitter ±%"</label>
                <input
                    id="explore-jitter"
                    data-testid="explore-jitter"
                    type="number"
                    inputmode="decimal"
                    min="0"
                    max=format!("{MAX_PERCENT}")
                    step="1"
                    prop:value=move || pct_text.get()
                    on:input=move |ev| pct_text.set(event_target_value(&ev))
                />
                <button
                    type="submit"
                    data-testid="explore-run"
                    aria-describedby="explore-help"
                    disabled=exploring
                >
                    "Explore"
                </button>
                <Show when=exploring>
                    <button type="button" class="ghost small" data-testid="explore-cancel" on:click=cancel>
                        "Cancel"
                    </button>
                </Show>
            </form>
            <Show when=exploring>
                <progress
                    class="explore-progress"
                    data-testid="explore-progress"
                    aria-label="Runs done"
                    max=move || progress.get().map_or(1, |p| p.1).to_string()
                    value=move || progress.get().map_or(0, |p| p.0).to_string()
                ></progress>
            </Show>
            <p class="explore-status" data-testid="explore-status" role="status" aria-live="polite">
                {status}
            </p>
            <Show when=stale>
                <p class="muted small-text" data-testid="explore-stale">
                    "The code or its parameters changed since: Explore again to count the new outcomes. \
                     Open still shows the program that was explored."
                </p>
            </Show>
            {outcome_list}
        </section>
    }
}
