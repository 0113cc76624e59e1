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
//!
//! In a large run (more than [`BIG_RUN`] tasks) new lines are also drawn at
//! most [`STEP`] per frame: the lines shown are a range `lo..hi` of the
//! printed ones that catches up with the latest over a few frames, so one
//! update never makes hundreds of lines (and their layout) in one frame.
//! Smaller runs show every line in the frame it is printed, as before.

use leptos::prelude::*;

use crate::components::timeline::BIG_RUN;
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

/// Most new lines drawn per frame in a large run (unless "Show all").
const STEP: usize = 40;

/// Most new lines drawn per frame in a large run after "Show all".
const STEP_ALL: usize = 1000;

/// The lines to draw, `(generation, lo, hi)` (`lo..hi`), one step from
/// `drawn` towards the latest `n` lines of run `g`.
fn next_drawn(
    (g, n): (u32, usize),
    drawn: (u32, usize, usize),
    show_all: bool,
    big: bool,
) -> (u32, usize, usize) {
    let want_lo = first_block(n, show_all) * BLOCK;
    if !big {
        return (g, want_lo, n);
    }
    let mut hi = if drawn.0 == g { drawn.2.min(n) } else { 0 };
    if want_lo > hi {
        // Everything drawn fell out of the window: start it afresh.
        hi = want_lo;
    }
    let step = if show_all { STEP_ALL } else { STEP };
    hi = n.min(hi + step);
    (g, want_lo.min(hi), hi)
}

/// The first block shown of `n` lines.
fn first_block(n: usize, show_all: bool) -> usize {
    if n > FOLD_FROM && !show_all {
        n.div_ceil(BLOCK).saturating_sub(SHOWN_BLOCKS)
    } else {
        0
    }
}

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
    /// Lines drawn (generation, from, to).
    drawn: RwSignal<(u32, usize, usize)>,
) -> impl IntoView {
    let snap = expect_context::<RunCtl>().snapshot;
    let start = index * BLOCK;
    let range = Memo::new(move |_| {
        let (_, lo, hi) = drawn.get();
        let a = start.max(lo);
        (a, (start + BLOCK).min(hi).max(a))
    });
    // Keyed by line number: a growing block only appends its new lines.
    view! {
        <For
            each=move || {
                let (a, b) = range.get();
                a..b
            }
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
    // The lines drawn: all of `lines` at once, or a step per frame in a
    // large run (see `next_drawn`).
    let drawn = RwSignal::new((0u32, 0usize, 0usize));
    let pending = StoredValue::new(false);
    let step = move || -> bool {
        let (Some(target), Some(now), Some(all)) = (
            lines.try_get_untracked(),
            drawn.try_get_untracked(),
            show_all.try_get_untracked(),
        ) else {
            return false;
        };
        let big = ctl
            .snapshot
            .try_with_untracked(|s| s.tasks.len() > BIG_RUN)
            .unwrap_or(false);
        let next = next_drawn(target, now, all, big);
        if next != now {
            drawn.set(next);
        }
        next.2 < target.1
    };
    fn step_loop(step: impl Fn() -> bool + Copy + 'static, pending: StoredValue<bool>) {
        if pending.get_value() {
            return;
        }
        pending.set_value(true);
        request_animation_frame(move || {
            pending.try_set_value(false);
            if step() {
                step_loop(step, pending);
            }
        });
    }
    Effect::new(move || {
        lines.track();
        show_all.track();
        // One step per frame: while the frame loop runs, it takes the next.
        if !pending.get_value() && step() {
            step_loop(step, pending);
        }
    });
    let generation = Memo::new(move |_| drawn.get().0);
    // A large run's console is skipped by layout and paint while it is off
    // screen (see console.css).
    let big_run = Memo::new(move |_| ctl.snapshot.with(|s| s.tasks.len() > BIG_RUN));
    // The blocks on screen: those holding the lines drawn.
    let shown = Memo::new(move |_| {
        let (g, lo, hi) = drawn.get();
        (g, lo / BLOCK, hi.div_ceil(BLOCK))
    });
    let folded = move || {
        let (n, all) = (lines.get().1, show_all.get());
        first_block(n, all) * BLOCK
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
                    view! {
                        <For
                            each=move || {
                                let (g, first, blocks) = shown.get();
                                (first..blocks).map(move |b| (g, b))
                            }
                            key=|k| *k
                            children=move |(_, b)| view! { <Block index=b drawn=drawn/> }
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
