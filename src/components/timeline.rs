//! The timeline: one lane per task, its states over scenario time, and a
//! playhead. Finished spans render once; only the open span of a live task
//! and the playhead move, driven by the run controller's single frame loop.

use leptos::prelude::*;

use crate::core::task::{fmt_ms, TaskState, TaskView};
use crate::core::trace::Ms;
use crate::run_ctl::RunCtl;

/// A "nice" tick step for an axis of `total` ms: 1, 2 or 5 times a power of ten.
fn tick_step(total: Ms) -> Ms {
    let rough = (total / 5.0).max(1.0);
    let pow = 10f64.powf(rough.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * pow)
        .find(|s| *s >= rough)
        .unwrap_or(pow * 10.0)
}

fn pct(ms: Ms, axis: Ms) -> f64 {
    (ms / axis * 100.0).clamp(0.0, 100.0)
}

/// The lanes and the axis.
#[component]
pub fn Timeline() -> impl IntoView {
    let ctl = expect_context::<RunCtl>();
    let now = ctl.now_ms;
    let axis = Memo::new(move |_| {
        let ideal = ctl.ideal_ms.get();
        let n = now.get();
        let raw = ideal.max(n).max(1.0);
        // Grow in steps so the scale does not creep every frame.
        let step = tick_step(raw);
        (raw / step).ceil() * step
    });
    let ticks = move || {
        let a = axis.get();
        let step = tick_step(a);
        let n = (a / step).round() as usize;
        (0..=n).map(|i| i as f64 * step).collect::<Vec<_>>()
    };
    let has_tasks = move || ctl.snapshot.with(|s| !s.tasks.is_empty());
    view! {
        <section class="panel timeline-panel" aria-labelledby="timeline-title">
            <div class="timeline-head">
                <h2 id="timeline-title" class="panel-title">"Timeline"</h2>
                <Legend/>
            </div>
            <div class="timeline">
                <div class="axis" aria-hidden="true">
                    <div class="lane-label"></div>
                    <div class="axis-track">
                        {move || {
                            ticks()
                                .into_iter()
                                .map(|t| {
                                    view! {
                                        <span class="tick" style=format!("left:{}%", pct(t, axis.get_untracked()))>
                                            {fmt_ms(t)}
                                        </span>
                                    }
                                })
                                .collect_view()
                        }}
                    </div>
                </div>
                <div class="lanes" role="list" aria-label="Tasks">
                    <For
                        each=move || ctl.snapshot.with(|s| s.tasks.clone())
                        key=|t| (t.id, t.spans.len(), t.state, t.end_ms.map(f64::to_bits))
                        children=move |t| view! { <Lane task=t axis=axis/> }
                    />
                    <div class="playhead-layer" aria-hidden="true">
                        <div class="lane-label"></div>
                        <div class="playhead-track">
                            <div
                                class="playhead"
                                class:hidden=move || !has_tasks()
                                style=move || format!("left:{}%", pct(now.get(), axis.get()))
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

/// One task's lane, with the contract's attributes.
#[component]
fn Lane(
    /// The task as of the last event that changed it.
    task: TaskView,
    /// The axis length in scenario ms.
    axis: Memo<Ms>,
) -> impl IntoView {
    let ctl = expect_context::<RunCtl>();
    let state = task.state.as_str();
    let end = task.end_ms.map(|e| format!("{}", e.round()));
    let label = match (&task.error, task.end_ms) {
        (Some(e), _) => format!("{}: {state} ({e})", task.name),
        (None, Some(e)) => format!("{}: {state} at {}", task.name, fmt_ms(e)),
        (None, None) => format!("{}: {state}", task.name),
    };
    let end_ms = task.end_ms;
    let spans = task.spans.clone();
    view! {
        <div
            class="lane"
            role="listitem"
            aria-label=label
            data-task=""
            data-task-id=task.id.0
            data-task-name=task.name.clone()
            data-state=state
            data-start-ms=format!("{}", task.start_ms.round())
            data-end-ms=end
        >
            <div class="lane-label">
                <span class="task-name" title=task.name.clone()>{task.name.clone()}</span>
                <span class=format!("badge s-{state}")>{state}</span>
            </div>
            <div class="lane-track">
                {spans
                    .into_iter()
                    .map(|sp| {
                        let from = sp.from_ms;
                        let to = sp.to_ms.or(end_ms);
                        let st = sp.state;
                        let title = match &sp.detail {
                            Some(d) => format!("{} {} ({} → {})", st.as_str(), d, fmt_ms(from), to.map(fmt_ms).unwrap_or_else(|| "now".into())),
                            None => format!("{} ({} → {})", st.as_str(), fmt_ms(from), to.map(fmt_ms).unwrap_or_else(|| "now".into())),
                        };
                        let style = move || {
                            let a = axis.get();
                            let until = to.unwrap_or_else(|| ctl.now_ms.get());
                            let left = pct(from, a);
                            let width = (pct(until, a) - left).max(0.0);
                            format!("left:{left}%;width:{width}%")
                        };
                        let text = if st == TaskState::Running { "" } else { st.as_str() };
                        view! {
                            <div class=format!("span s-{}", st.as_str()) style=style title=title>
                                <span class="span-label">{text}</span>
                            </div>
                        }
                    })
                    .collect_view()}
                {end_ms.map(|e| {
                    view! {
                        <div
                            class=format!("end-mark s-{state}")
                            style=move || format!("left:{}%", pct(e, axis.get()))
                            title=format!("{state} at {}", fmt_ms(e))
                        ></div>
                    }
                })}
            </div>
        </div>
    }
}

/// What each colour and pattern means.
#[component]
fn Legend() -> impl IntoView {
    view! {
        <ul class="legend" aria-label="States">
            {TaskState::ALL
                .iter()
                .filter(|s| !matches!(s, TaskState::Created | TaskState::Fetching))
                .map(|s| {
                    view! {
                        <li>
                            <span class=format!("swatch s-{}", s.as_str()) aria-hidden="true"></span>
                            {s.as_str()}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
