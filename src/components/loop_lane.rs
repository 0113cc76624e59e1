//! The event loop's own lane: a tick for every heartbeat of the loop-lag
//! probe (a 50 ms timer that runs beside the lesson) and a red bar wherever
//! a heartbeat came late. A blocking call freezes the loop, so the ticks
//! stop and a gap appears exactly where the page froze.
//!
//! Not a `[data-task]` element: the contract counts tasks with those.

use leptos::prelude::*;

use crate::components::timeline::ms_attr;
use crate::core::lateness::STALL_MS;
use crate::core::model::tasks::fmt_ms;
use crate::core::trace::Ms;
use crate::ctl::run::RunCtl;
use crate::runtime::spawn::HEARTBEAT_MS;

/// Heartbeats per `<path>`: a full chunk is drawn once and never again.
const CHUNK: usize = 128;

/// The heartbeat lane, on the same axis as the task lanes.
#[component]
pub fn LoopLane(
    /// The axis length in scenario ms.
    axis: Memo<Ms>,
) -> impl IntoView {
    let ctl = expect_context::<RunCtl>();
    let snap = ctl.snapshot;
    let count = Memo::new(move |_| snap.with(|s| (s.generation, s.heartbeats.len())));
    // Lists rebuilt whole per run (see the timeline's note on keyed lists).
    let generation = Memo::new(move |_| count.get().0);
    let stalls = Memo::new(move |_| snap.with(|s| s.stalls.clone()));
    let worst = Memo::new(move |_| snap.with(|s| s.stats.loop_lag_ms));
    // All the lateness the heartbeat measured in this run (scenario ms):
    // what tests allow a real run beyond its ideal on a busy machine.
    let total = Memo::new(move |_| snap.with(|s| s.heartbeats.iter().map(|h| h.1).sum::<Ms>()));
    // The mock API's answers' lateness (outside the loop), in all.
    let network = Memo::new(move |_| snap.with(|s| s.network_late_ms));
    let running = Memo::new(move |_| snap.with(|s| s.generation > 0));
    let chunks = move || {
        let (g, n) = count.get();
        (0..n.div_ceil(CHUNK)).map(move |c| (g, c))
    };
    let label = move || {
        let (_, n) = count.get();
        let st = stalls.with(Vec::len);
        format!(
            "event loop: {n} heartbeats, {st} stalls over {}, worst lateness {}",
            fmt_ms(STALL_MS),
            fmt_ms(worst.get())
        )
    };
    view! {
        <div
            class="lane loop-lane"
            class:hidden=move || !running.get()
            role="img"
            aria-label=label
            data-testid="loop-lane"
            data-heartbeats=move || count.get().1
            data-stalls=move || stalls.with(Vec::len)
            data-worst-lag-ms=move || ms_attr(worst.get())
            data-total-lag-ms=move || ms_attr(total.get())
            data-network-lag-ms=move || ms_attr(network.get())
        >
            <div class="lane-label">
                <span class="task-name">"event loop"</span>
                <span class="loop-note" title=format!("a heartbeat timer every {HEARTBEAT_MS} ms; red: it came late, the loop was blocked")>
                    "heartbeat"
                </span>
            </div>
            <div class="lane-track loop-track">
                <svg
                    class="beats"
                    viewBox=move || format!("0 0 {} 10", axis.get().max(1.0))
                    preserveAspectRatio="none"
                    aria-hidden="true"
                >
                    {move || { generation.get(); view! { <For
                        each=move || {
                            let g = count.get().0;
                            (0..stalls.with(Vec::len)).map(move |i| (g, i))
                        }
                        key=|k| *k
                        children=move |(_, i)| {
                            stalls.with_untracked(|v| v.get(i).copied()).map(|s| view! {
                                <rect class="stall" x=s.from_ms y="0" width=s.len_ms().max(0.1) height="10">
                                    <title>{format!("the loop stalled {} (a heartbeat came {} late)", fmt_ms(s.len_ms()), fmt_ms(s.len_ms()))}</title>
                                </rect>
                            })
                        }
                    /> } }}
                    {move || { generation.get(); view! { <For each=chunks key=|k| *k children=move |(_, c)| view! { <Beats chunk=c/> }/> } }}
                </svg>
            </div>
        </div>
    }
}

/// One chunk of heartbeat ticks as a single path.
#[component]
fn Beats(
    /// Which chunk of [`CHUNK`] heartbeats.
    chunk: usize,
) -> impl IntoView {
    let snap = expect_context::<RunCtl>().snapshot;
    let start = chunk * CHUNK;
    // O(1) per frame; the path is rebuilt only when this chunk grew.
    let len =
        Memo::new(move |_| snap.with(|s| s.heartbeats.len().saturating_sub(start).min(CHUNK)));
    let d = Memo::new(move |_| {
        let n = len.get();
        snap.with_untracked(|s| {
            let mut d = String::with_capacity(n * 12);
            for &(at, _) in s.heartbeats.iter().skip(start).take(n) {
                d.push_str(&format!("M{} 2V8", at.round() as i64));
            }
            d
        })
    });
    view! { <path class="beat" d=d></path> }
}
