//! The loop's stalls (heartbeats later than the stall threshold): marks on
//! the time axis, with what happened as their title, and faint bands
//! across every lane at the same moments. One component, drawn twice.

use leptos::prelude::*;

use super::pct;
use crate::core::model::heartbeats::Stall;
use crate::core::model::tasks::fmt_ms;
use crate::core::trace::Ms;
use crate::ctl::run::RunCtl;

/// Where the stalls are drawn.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum StallView {
    /// On the time axis (`[data-testid=stall-mark]`, with a title).
    Mark,
    /// A band across the lanes.
    Band,
}

/// The run's stalls. They only ever get appended: keyed by index, each
/// renders once; the list is rebuilt whole for each run (`generation`).
#[component]
pub(super) fn Stalls(
    /// The axis length in scenario ms.
    axis: Memo<Ms>,
    /// The run the stalls belong to.
    generation: Memo<u32>,
    /// Where they are drawn.
    kind: StallView,
) -> impl IntoView {
    let snap = expect_context::<RunCtl>().snapshot;
    let stalls = Memo::new(move |_| snap.with(|s| s.stalls.clone()));
    let keys = move || {
        let g = generation.get();
        (0..stalls.with(Vec::len)).map(move |i| (g, i))
    };
    move || {
        generation.get();
        view! {
            <For
                each=keys
                key=|k| *k
                children=move |(_, i)| {
                    let s = stalls
                        .with_untracked(|v| v.get(i).copied())
                        .unwrap_or(Stall { from_ms: 0.0, to_ms: 0.0 });
                    let left = move || format!("{}%", pct(s.from_ms, axis.get()));
                    let width = move || {
                        format!("{}%", (pct(s.to_ms, axis.get()) - pct(s.from_ms, axis.get())).max(0.3))
                    };
                    match kind {
                        StallView::Mark => view! {
                            <span
                                class="stall-mark"
                                data-testid="stall-mark"
                                style:left=left
                                style:width=width
                                title=format!("the loop stalled for {} (from {})", fmt_ms(s.len_ms()), fmt_ms(s.from_ms))
                            ></span>
                        }
                        .into_any(),
                        StallView::Band => view! {
                            <div class="stall-band" style:left=left style:width=width></div>
                        }
                        .into_any(),
                    }
                }
            />
        }
    }
}
