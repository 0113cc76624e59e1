//! The console: what the code printed, with time and task. Each line
//! carries `data-stream` (`stdout`, or `stderr` for warnings and
//! tracebacks, styled apart), `data-at-ms` (scenario ms) and `data-text`
//! (the exact text).
//!
//! Lines are rendered in blocks of [`BLOCK`], each keyed by line number: a
//! line renders once, so a frame costs only what was printed during it. Blocks are
//! fragments: every line is a direct child of `[data-testid=console]`.
//!
//! A run that prints more than [`FOLD_FROM`] lines (10,000 tasks print
//! 20,000) shows only its latest [`SHOWN_BLOCKS`] blocks, with a note
//! saying how many earlier lines are folded away and a button to show them
//! all, and while it prints that fast the console catches up at most every
//! [`FLOOD_MS`]: laying out thousands of lines a second would cost the
//! browser more than the whole run, and nobody reads that fast.
//!
//! While a large run (more than [`BIG_RUN`] tasks) is live, the console is
//! a tail instead: its latest [`TAIL`] lines in rows that are made once and
//! then only change their text, so printing 20,000 lines a second costs no
//! line creation and no layout beyond those rows. When the run ends (or the
//! learner asks for all lines) the console shows its lines as above.

use leptos::prelude::*;

use crate::components::timeline::BIG_RUN;
use crate::core::model::tasks::fmt_ms;
use crate::core::model::Stream;
use crate::ctl::run::{Line, RunCtl, RunState};
use crate::runtime::browser::perf_now;

/// Lines per block.
const BLOCK: usize = 100;

/// Above this many lines, only the latest blocks are shown.
pub const FOLD_FROM: usize = 1000;

/// Blocks shown when folding.
const SHOWN_BLOCKS: usize = 2;

/// Shortest real time between two console updates while folding.
const FLOOD_MS: f64 = 250.0;

/// Lines a large run's console shows while the run is live.
const TAIL: usize = 12;

fn at_ms_attr(ms: f64) -> String {
    format!("{}", ms.round())
}

fn line_view(line: &Line) -> impl IntoView {
    let stream = line.stream.as_str();
    view! {
        <li
            class="line"
            class:stderr=line.stream == Stream::Stderr
            data-stream=stream
            data-at-ms=at_ms_attr(line.at_ms)
            data-text=line.text.clone()
        >
            <span class="line-time">{fmt_ms(line.at_ms)}</span>
            <span class="line-task">{line.task.clone()}</span>
            <span class="line-text">{line.text.clone()}</span>
        </li>
    }
}

/// One block of lines (a fragment, no wrapper element).
#[component]
fn Block(
    /// Which block of [`BLOCK`] lines.
    index: usize,
    /// Lines shown so far (generation, count).
    lines: RwSignal<(u32, usize)>,
) -> impl IntoView {
    let snap = expect_context::<RunCtl>().snapshot;
    let start = index * BLOCK;
    let len = Memo::new(move |_| lines.get().1.saturating_sub(start).min(BLOCK));
    // Keyed by line number: a growing block only appends its new lines.
    view! {
        <For
            each=move || start..start + len.get()
            key=|i| *i
            children=move |i| snap.with_untracked(|s| s.console.get(i).map(line_view))
        />
    }
}

/// Row `i` of a live tail: made once, its text follows the tail.
#[component]
fn TailRow(
    /// Which row, from the oldest shown.
    i: usize,
    /// The lines shown.
    tail: Memo<Vec<Line>>,
) -> impl IntoView {
    let part = move |f: fn(&Line) -> String| tail.with(|t| t.get(i).map(f).unwrap_or_default());
    view! {
        <li
            class="line"
            class:stderr=move || tail.with(|t| t.get(i).is_some_and(|l| l.stream == Stream::Stderr))
            data-stream=move || part(|l| l.stream.as_str().to_string())
            data-at-ms=move || part(|l| at_ms_attr(l.at_ms))
            data-text=move || part(|l| l.text.clone())
        >
            <span class="line-time">{move || part(|l| fmt_ms(l.at_ms))}</span>
            <span class="line-task">{move || part(|l| l.task.clone())}</span>
            <span class="line-text">{move || part(|l| l.text.clone())}</span>
        </li>
    }
}

/// `[data-testid=console]`, one element per printed line.
#[component]
pub fn Console() -> impl IntoView {
    let ctl = expect_context::<RunCtl>();
    let latest = Memo::new(move |_| {
        ctl.snapshot
            .with(|s| (s.generation, s.console.len(), s.state == RunState::Running))
    });
    // The lines shown: every update, or at most every FLOOD_MS while a run
    // prints more than FOLD_FROM lines (and always its last state).
    let lines = RwSignal::new((0u32, 0usize));
    let last_update = StoredValue::new(f64::NEG_INFINITY);
    Effect::new(move || {
        let (g, n, running) = latest.get();
        let now = perf_now();
        let flood = running && n > FOLD_FROM && lines.get_untracked().0 == g;
        if !flood || now - last_update.get_value() >= FLOOD_MS {
            last_update.set_value(now);
            lines.set((g, n));
        }
    });
    let show_all = RwSignal::new(false);
    let big_run = Memo::new(move |_| ctl.snapshot.with(|s| s.tasks.len() > BIG_RUN));
    // A large live run shows its latest lines only (see the module doc).
    let tail_mode = Memo::new(move |_| big_run.get() && latest.get().2 && !show_all.get());
    let tail = Memo::new(move |_| {
        let (_, n) = lines.get();
        if !tail_mode.get() {
            return Vec::new();
        }
        let from = n.saturating_sub(TAIL);
        ctl.snapshot
            .with_untracked(|s| s.console.get(from..n).map(<[Line]>::to_vec))
            .unwrap_or_default()
    });
    let tail_rows = Memo::new(move |_| tail.with(Vec::len));
    let generation = Memo::new(move |_| lines.get().0);
    // The blocks on screen: all of them, or the latest when folding.
    let shown = Memo::new(move |_| {
        let (g, n) = lines.get();
        let blocks = n.div_ceil(BLOCK);
        let first = if n > FOLD_FROM && !show_all.get() {
            blocks.saturating_sub(SHOWN_BLOCKS)
        } else {
            0
        };
        (g, first, blocks)
    });
    let folded = move || {
        if tail_mode.get() {
            return lines.get().1.saturating_sub(tail_rows.get());
        }
        let (_, first, _) = shown.get();
        first * BLOCK
    };
    view! {
        <section class="panel console-panel" aria-labelledby="console-title">
            <h2 id="console-title" class="panel-title">"Output"</h2>
            <Show when=move || { lines.get().1 > FOLD_FROM || (tail_mode.get() && lines.get().1 > TAIL) }>
                <p class="console-fold" data-testid="console-fold" data-folded-lines=folded>
                    {move || {
                        let (f, n) = (folded(), lines.get().1);
                        if tail_mode.get() {
                            format!("{n} lines so far; while this large run lasts, the latest {} are shown. ", n - f)
                        } else if f > 0 {
                            format!("{f} earlier lines are folded away; the last {} of {n} are shown. ", n - f)
                        } else {
                            format!("All {n} lines are shown. ")
                        }
                    }}
                    <button class="ghost small" type="button" on:click=move |_| show_all.update(|v| *v = !*v)>
                        {move || if show_all.get() { "Fold earlier lines" } else { "Show all" }}
                    </button>
                </p>
            </Show>
            <ol
                class="console"
                class:big=big_run
                data-testid="console"
                tabindex="0"
                aria-label="Printed output"
            >
                // Rebuilt whole per run: a keyed list that outlives runs keeps
                // a little memory for every row it ever had.
                {move || {
                    generation.get();
                    if tail_mode.get() {
                        return view! {
                            <For each=move || 0..tail_rows.get() key=|i| *i let:i>
                                <TailRow i=i tail=tail/>
                            </For>
                        }
                            .into_any();
                    }
                    view! {
                        <For
                            each=move || {
                                let (g, first, blocks) = shown.get();
                                (first..blocks).map(move |b| (g, b))
                            }
                            key=|k| *k
                            children=move |(_, b)| view! { <Block index=b lines=lines/> }
                        />
                    }
                        .into_any()
                }}
                <crate::components::await_graph::DiagConsoleLines/>
            </ol>
            <Show when=move || lines.get().1 == 0>
                <p class="empty">"Nothing printed yet. Press Run."</p>
            </Show>
        </section>
    }
}
