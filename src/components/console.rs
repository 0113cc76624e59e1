//! The console: what the code printed, with time and task.
//!
//! Lines are rendered in blocks of [`BLOCK`]: a full block never renders
//! again, so a run that prints 20,000 lines costs a frame only what it
//! printed during that frame. Blocks are fragments: every line stays a
//! direct child of `[data-testid=console]`. Only the last [`SHOWN_BLOCKS`]
//! blocks are displayed unless the reader asks for all: 20,000 displayed
//! lines would cost the browser more layout per frame than the whole run.

use leptos::prelude::*;

use crate::core::task::fmt_ms;
use crate::run_ctl::{Line, RunCtl};

/// Lines per block.
const BLOCK: usize = 100;

/// Blocks displayed (the latest) unless every line is asked for.
const SHOWN_BLOCKS: usize = 5;

fn line_view(line: &Line, hidden: bool) -> impl IntoView {
    view! {
        <li class="line" hidden=hidden>
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
    /// Whether this block is old enough to be folded away.
    folded: Memo<bool>,
) -> impl IntoView {
    let snap = expect_context::<RunCtl>().snapshot;
    let start = index * BLOCK;
    let len = Memo::new(move |_| snap.with(|s| s.console.len().saturating_sub(start).min(BLOCK)));
    move || {
        let n = len.get();
        let hidden = folded.get();
        snap.with_untracked(|s| {
            s.console
                .iter()
                .skip(start)
                .take(n)
                .map(|l| line_view(l, hidden))
                .collect_view()
        })
    }
}

/// `[data-testid=console]`, one element per printed line.
#[component]
pub fn Console() -> impl IntoView {
    let ctl = expect_context::<RunCtl>();
    let blocks = Memo::new(move |_| {
        ctl.snapshot
            .with(|s| (s.generation, s.console.len().div_ceil(BLOCK)))
    });
    let empty = Memo::new(move |_| ctl.snapshot.with(|s| s.console.is_empty()));
    let show_all = RwSignal::new(false);
    let lines = Memo::new(move |_| ctl.snapshot.with(|s| s.console.len()));
    let folded_lines = move || {
        let shown_from = blocks.get().1.saturating_sub(SHOWN_BLOCKS) * BLOCK;
        if show_all.get() {
            0
        } else {
            shown_from
        }
    };
    view! {
        <section class="panel console-panel" aria-labelledby="console-title">
            <h2 id="console-title" class="panel-title">"Output"</h2>
            <Show when=move || { blocks.get().1 > SHOWN_BLOCKS }>
                <p class="console-fold" data-testid="console-fold">
                    {move || {
                        let f = folded_lines();
                        if f > 0 {
                            format!("{f} earlier lines folded away; showing the last {} of {}. ", lines.get() - f, lines.get())
                        } else {
                            format!("Showing all {} lines. ", lines.get())
                        }
                    }}
                    <button class="ghost small" type="button" on:click=move |_| show_all.update(|v| *v = !*v)>
                        {move || if show_all.get() { "Fold old lines" } else { "Show all" }}
                    </button>
                </p>
            </Show>
            <ol class="console" data-testid="console" tabindex="0" aria-label="Printed output">
                <For
                    each=move || {
                        let (g, n) = blocks.get();
                        (0..n).map(move |b| (g, b))
                    }
                    key=|k| *k
                    children=move |(_, b)| {
                        let folded = Memo::new(move |_| {
                            !show_all.get() && b + SHOWN_BLOCKS < blocks.get().1
                        });
                        view! { <Block index=b folded=folded/> }
                    }
                />
            </ol>
            <Show when=move || empty.get()>
                <p class="empty">"Nothing printed yet. Press Run."</p>
            </Show>
        </section>
    }
}
