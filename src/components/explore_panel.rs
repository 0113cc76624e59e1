//! The "Explore timings" panel: the runs and jitter inputs, the progress,
//! and the outcomes with their counts; exploring and opening an outcome
//! are [`ExploreCtl`]'s.

use leptos::prelude::*;

use crate::core::explore::{
    clamp_percent, clamp_runs, share, DEFAULT_PERCENT, DEFAULT_RUNS, MAX_PERCENT, MAX_RUNS,
    MIN_RUNS,
};
use crate::ctl::explore::ExploreCtl;
use crate::ctl::page::PageCtl;
use crate::lessons::Lesson;

/// Most printed lines shown per outcome.
const SHOWN_LINES: usize = 40;

/// The Explore timings panel.
#[component]
pub fn ExplorePanel(
    /// The lesson (or "Your code") whose program is explored.
    lesson: &'static Lesson,
) -> impl IntoView {
    let ctx = expect_context::<PageCtl>();
    let (ctl, code) = (ctx.run, ctx.code);
    let ex = ExploreCtl::new(ctl, code, lesson.id);
    let ExploreCtl {
        progress,
        result,
        problem,
        opened,
        ..
    } = ex;
    let runs_text = RwSignal::new(DEFAULT_RUNS.to_string());
    let pct_text = RwSignal::new(format!("{DEFAULT_PERCENT}"));

    let start = move || {
        let n = clamp_runs(runs_text.get_untracked().trim().parse::<f64>().ok());
        let percent = clamp_percent(pct_text.get_untracked().trim().parse::<f64>().ok());
        runs_text.set(n.to_string());
        pct_text.set(format!("{percent}"));
        ex.start(n, percent);
    };
    let cancel = move |_| ex.cancel();
    let open = move |idx: usize| ex.open(idx);

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
                        crate::core::model::tasks::fmt_ms(g.elapsed.0),
                        crate::core::model::tasks::fmt_ms(g.elapsed.1),
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
