//! The timeline: the loop's heartbeat lane, one lane per task with its
//! states over scenario time, the ideal run (virtual clock) faintly under
//! each lane, how late each step really was, the loop's stalls, and a
//! playhead.
//!
//! Finished spans render once; only the open span of a live task and the
//! playhead move, driven by the run controller's single frame loop. A lane
//! re-renders only when its task changed (`RunModel::task_revs`). Runs with
//! more than [`BIG_RUN`] tasks are drawn on a canvas instead
//! ([`TimelineCanvas`]), with the contract's `[data-task]` elements kept as
//! a light hidden index ([`TaskIndex`]).
//!
//! One file each: the panel (here), a task's lane and its click-to-explain
//! ([`lane`]), the loop's stalls on the axis and across the lanes
//! ([`stalls`]), the legend ([`legend`]).

use leptos::prelude::*;

use crate::components::loop_lane::LoopLane;
use crate::components::task_index::TaskIndex;
use crate::components::timeline_canvas::TimelineCanvas;
use crate::core::lateness::late_text;
use crate::core::model::tasks::fmt_ms;
use crate::core::svg::{axis_ms, tick_step};
use crate::core::trace::Ms;
use crate::ctl::run::RunCtl;

mod lane;
mod legend;
mod stalls;
use lane::Lane;
use legend::Legend;
use stalls::{StallView, Stalls};

/// Above this many tasks a run is drawn on a canvas, not as DOM lanes.
pub const BIG_RUN: usize = 150;

/// `ms` as a percentage of the axis, clamped to the track.
pub(crate) fn pct(ms: Ms, axis: Ms) -> f64 {
    if axis > 0.0 {
        (ms / axis * 100.0).clamp(0.0, 100.0)
    } else {
        0.0
    }
}

/// A whole number of milliseconds for a data attribute.
pub(crate) fn ms_attr(ms: Ms) -> String {
    format!("{}", ms.round() as i64)
}

/// The time axis in scenario ms: the ideal duration or now, whichever is
/// larger, grown in whole ticks so the scale does not creep every frame.
pub(crate) fn axis_memo(ctl: RunCtl) -> Memo<Ms> {
    Memo::new(move |_| axis_ms(ctl.ideal_ms.get(), ctl.now_ms.get()))
}

/// The lanes, the axis, the loop lane and the notes on the run.
#[component]
pub fn Timeline() -> impl IntoView {
    let ctl = expect_context::<RunCtl>();
    // One fold of the run's warnings for every lane's marks (not one each).
    crate::components::await_graph::provide_run_diagnostics();
    let snap = ctl.snapshot;
    let now = ctl.now_ms;
    let axis = axis_memo(ctl);
    let ticks = move || {
        let a = axis.get();
        let step = tick_step(a);
        let n = (a / step).round() as usize;
        (0..=n).map(move |i| i as f64 * step)
    };
    // Re-diff the lanes only when the run or its number of tasks changes.
    let shape = Memo::new(move |_| snap.with(|s| (s.generation, s.tasks.len())));
    // Lists are rebuilt whole for each run: a keyed list that outlives runs
    // would keep a little memory for every row it ever had (Leptos keeps a
    // weak link from the list to each row's owner until the list goes).
    let generation = Memo::new(move |_| shape.get().0);
    let big = Memo::new(move |_| shape.get().1 > BIG_RUN);
    let has_tasks = move || shape.get().1 > 0;
    let hidden_tab = Memo::new(move |_| snap.with(|s| s.hidden_during_run));
    let limit_note = Memo::new(move |_| snap.with(|s| s.limit_note.clone()));
    let summary = move || {
        let (state, elapsed) = snap.with(|s| (s.state, s.stats.elapsed_ms));
        let ideal = ctl
            .ideal
            .with(|i| (i.generation > 0 && i.generation == shape.get().0).then_some(i.elapsed_ms));
        match (state, ideal) {
            (crate::ctl::run::RunState::Finished, Some(i)) => Some(format!(
                "Ideal run (virtual clock): {}; this run: {} ({}).",
                fmt_ms(i),
                fmt_ms(elapsed),
                late_text(elapsed - i)
            )),
            (_, Some(i)) => Some(format!(
                "Ideal run (virtual clock): {}. Faint bars under each lane show it.",
                fmt_ms(i)
            )),
            _ => None,
        }
    };
    view! {
        <section
            class="panel timeline-panel"
            aria-labelledby="timeline-title"
            data-testid="timeline"
            data-view=move || if big.get() { "canvas" } else { "lanes" }
            data-tab-hidden=move || hidden_tab.get().then_some("true")
        >
            <div class="timeline-head">
                <h2 id="timeline-title" class="panel-title">"Timeline"</h2>
                <Legend/>
            </div>
            <Show when=move || hidden_tab.get()>
                <p class="run-note warn" role="status" data-testid="run-note-hidden">
                    "This tab was hidden during the run. Browsers slow down timers in background tabs, so the times below are not what the code would do: run it again with the tab in view."
                </p>
            </Show>
            {move || limit_note.get().map(|n| view! {
                <p class="run-note warn" role="status" data-testid="run-note-limit">{n}</p>
            })}
            {move || summary().map(|t| view! { <p class="run-note" data-testid="ideal-summary">{t}</p> })}
            <div class="timeline">
                <div class="axis" aria-hidden="true">
                    <div class="lane-label"></div>
                    <div class="axis-track">
                        {move || {
                            ticks()
                                .map(|t| {
                                    view! {
                                        <span class="tick" style:left=format!("{}%", pct(t, axis.get_untracked()))>
                                            {fmt_ms(t)}
                                        </span>
                                    }
                                })
                                .collect_view()
                        }}
                        <Stalls axis=axis generation=generation kind=StallView::Mark/>
                    </div>
                </div>
                <LoopLane axis=axis/>
                <div class="lanes" role="list" aria-label="Tasks">
                    {move || {
                        generation.get();
                        view! {
                            <For
                                each=move || {
                                    let (g, n) = shape.get();
                                    let n = if n > BIG_RUN { 0 } else { n };
                                    (0..n).map(move |p| (g, p))
                                }
                                key=|k| *k
                                children=move |(_, pos)| view! { <Lane pos=pos axis=axis/> }
                            />
                        }
                    }}
                    <Show when=move || big.get()>
                        <TimelineCanvas axis=axis/>
                        <TaskIndex/>
                    </Show>
                    <div class="playhead-layer" aria-hidden="true">
                        <div class="lane-label"></div>
                        <div class="playhead-track">
                            <Stalls axis=axis generation=generation kind=StallView::Band/>
                            <div
                                class="playhead"
                                class:hidden=move || !has_tasks()
                                style:left=move || format!("{}%", pct(now.get(), axis.get()))
                            ></div>
                        </div>
                    </div>
                </div>
                <Show when=move || !has_tasks()>
                    <p class="empty">"Press Run: each task gets a lane here, coloured by what it is doing."</p>
                </Show>
            </div>
        </section>
    }
}
