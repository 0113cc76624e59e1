//! The console: what the code printed, with time and task.
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

use leptos::prelude::*;

use crate::core::task::fmt_ms;
use crate::run_ctl::{Line, RunCtl, RunState};
use crate::runtime::clock::browser::perf_now;

/// Lines per block.
const BLOCK: usize = 100;

/// Above this many lines, only the latest blocks are shown.
pub const FOLD_FROM: usize = 1000;

/// Blocks shown when folding.
const SHOWN_BLOCKS: usize = 2;

/// Shortest real time between two console updates while folding.
const FLOOD_MS: f64 = 250.0;

fn line_view(line: &Line) -> impl IntoView {
    view! {
        <li class="line">
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
        let (_, first, _) = shown.get();
        first * BLOCK
    };
    view! {
        <section class="panel console-panel" aria-labelledby="console-title">
            <h2 id="console-title" class="panel-title">"Output"</h2>
            <Show when=move || { lines.get().1 > FOLD_FROM }>
                <p class="console-fold" data-testid="console-fold" data-folded-lines=folded>
                    {move || {
                        let (f, n) = (folded(), lines.get().1);
                        if f > 0 {
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
            <ol class="console" data-testid="console" tabindex="0" aria-label="Printed output">
                // Rebuilt whole per run: a keyed list that outlives runs keeps
                // a little memory for every row it ever had.
                {move || {
                    generation.get();
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
                }}
            </ol>
            <Show when=move || lines.get().1 == 0>
                <p class="empty">"Nothing printed yet. Press Run."</p>
            </Show>
        </section>
    }
}
