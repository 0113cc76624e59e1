//! The console: what the code printed, with time and task.
//!
//! Lines are rendered in blocks of [`BLOCK`]: a full block never renders
//! again, so a run that prints 20,000 lines costs a frame only what it
//! printed during that frame. Blocks are fragments: every line stays a
//! direct child of `[data-testid=console]`.

use leptos::prelude::*;

use crate::core::task::fmt_ms;
use crate::run_ctl::{Line, RunCtl};

/// Lines per block.
const BLOCK: usize = 100;

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
) -> impl IntoView {
    let snap = expect_context::<RunCtl>().snapshot;
    let start = index * BLOCK;
    let len = Memo::new(move |_| snap.with(|s| s.console.len().saturating_sub(start).min(BLOCK)));
    move || {
        let n = len.get();
        snap.with_untracked(|s| {
            s.console
                .iter()
                .skip(start)
                .take(n)
                .map(line_view)
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
    view! {
        <section class="panel console-panel" aria-labelledby="console-title">
            <h2 id="console-title" class="panel-title">"Output"</h2>
            <ol class="console" data-testid="console" tabindex="0" aria-label="Printed output">
                <For
                    each=move || {
                        let (g, n) = blocks.get();
                        (0..n).map(move |b| (g, b))
                    }
                    key=|k| *k
                    children=move |(_, b)| view! { <Block index=b/> }
                />
            </ol>
            <Show when=move || empty.get()>
                <p class="empty">"Nothing printed yet. Press Run."</p>
            </Show>
        </section>
    }
}
