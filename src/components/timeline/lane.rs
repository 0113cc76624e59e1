//! One task's lane: its spans over scenario time with the contract's
//! attributes, the ideal run faintly under it, how late each step ran, and
//! what a click on it explains.

use leptos::prelude::*;

use super::{ms_attr, pct};
use crate::core::lateness::{end_lateness, ideal_for, late_text, span_lateness};
use crate::core::model::tasks::{fmt_ms, Span, TaskState, TaskView};
use crate::core::trace::Ms;
use crate::ctl::run::RunCtl;

/// A span's end: its own, the task's end, or (still open) now.
fn span_end(sp: &Span, task_end: Option<Ms>) -> Option<Ms> {
    sp.to_ms.or(task_end)
}

/// One task's lane, with the contract's attributes, its ideal spans and
/// how late it ran.
#[component]
pub(super) fn Lane(
    /// Position of the task in the snapshot's lanes.
    pos: usize,
    /// The axis length in scenario ms.
    axis: Memo<Ms>,
) -> impl IntoView {
    let ctl = expect_context::<RunCtl>();
    let snap = ctl.snapshot;
    // Cheap per frame: a lane wakes only when its own task changed.
    let rev = Memo::new(move |_| snap.with(|s| s.task_revs.get(pos).copied().unwrap_or(0)));
    let task = Memo::new(move |_| {
        // `get`, not `track`: a memo computes (and subscribes) only when read.
        rev.get();
        snap.with_untracked(|s| s.tasks.get(pos).cloned())
    });
    let ideal = Memo::new(move |_| {
        let t = task.get()?;
        let g = snap.with_untracked(|s| s.generation);
        ctl.ideal.with(|i| {
            (i.generation == g)
                .then(|| ideal_for(&i.tasks, pos, &t).cloned())
                .flatten()
        })
    });
    let late = Memo::new(move |_| {
        let t = task.get()?;
        ideal.with(|i| i.as_ref().and_then(|i| end_lateness(&t, i)))
    });
    let field = move |f: fn(&TaskView) -> String| move || task.with(|t| t.as_ref().map(f));
    let state = move || task.with(|t| t.as_ref().map_or("created", |t| t.state.as_str()));
    let label = move || {
        task.with(|t| {
            let t = t.as_ref()?;
            let state = t.state.as_str();
            let late = late
                .get()
                .map(|l| format!(", {}", late_text(l)))
                .unwrap_or_default();
            Some(match (&t.error, t.end_ms) {
                (Some(e), _) => format!("{}: {state} ({e}){late}", t.name),
                (None, Some(e)) => format!("{}: {state} at {}{late}", t.name, fmt_ms(e)),
                (None, None) => format!("{}: {state}", t.name),
            })
        })
    };
    let spans = move || {
        let Some(t) = task.get() else {
            return Vec::new();
        };
        let lateness = ideal.with(|i| i.as_ref().map(|i| span_lateness(&t, i)));
        t.spans
            .iter()
            .enumerate()
            .map(|(k, sp)| {
                let late = lateness.as_ref().and_then(|l| l.get(k).copied().flatten());
                real_span(sp, t.end_ms, late, axis, ctl.now_ms)
            })
            .collect::<Vec<_>>()
    };
    let ideal_spans = move || {
        ideal.with(|i| {
            let Some(i) = i.as_ref() else {
                return Vec::new();
            };
            let mut out: Vec<_> = i
                .spans
                .iter()
                .filter_map(|sp| {
                    let to = span_end(sp, i.end_ms)?;
                    let from = sp.from_ms;
                    let st = sp.state.as_str();
                    Some(view! {
                        <div
                            class=format!("ideal-span s-{st}")
                            style:left=move || format!("{}%", pct(from, axis.get()))
                            style:width=move || format!("{}%", (pct(to, axis.get()) - pct(from, axis.get())).max(0.0))
                        ></div>
                    }
                    .into_any())
                })
                .collect();
            if let Some(e) = i.end_ms {
                out.push(
                    view! {
                        <div
                            class="ideal-end"
                            style:left=move || format!("{}%", pct(e, axis.get()))
                            title=format!("ideal end: {}", fmt_ms(e))
                        ></div>
                    }
                    .into_any(),
                );
            }
            out
        })
    };
    let end_mark = move || {
        let t = task.get()?;
        let e = t.end_ms?;
        let st = t.state.as_str();
        let late = late.get();
        let side = move || {
            if pct(e, axis.get()) > 80.0 {
                "late before"
            } else {
                "late"
            }
        };
        Some(view! {
            <div
                class=format!("end-mark s-{st}")
                style:left=move || format!("{}%", pct(e, axis.get()))
                title=format!("{st} at {}", fmt_ms(e))
            ></div>
            {late.filter(|l| l.abs() >= 0.5).map(|l| view! {
                <span
                    class=side
                    data-testid="lane-late"
                    style:left=move || format!("{}%", pct(e, axis.get()))
                    title=format!("ended {} compared with the ideal run", late_text(l))
                >
                    {late_text(l)}
                </span>
            })}
        })
    };
    // Clicking a lane moves the playhead there and explains that segment.
    let replay = use_context::<crate::ctl::replay::ReplayCtl>();
    let on_track_click = move |ev: web_sys::MouseEvent| {
        let (Some(replay), Some(el)) = (
            replay,
            ev.current_target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()),
        ) else {
            return;
        };
        let rect = el.get_bounding_client_rect();
        if rect.width() <= 0.0 {
            return;
        }
        let frac = ((f64::from(ev.client_x()) - rect.left()) / rect.width()).clamp(0.0, 1.0);
        let t = frac * axis.get_untracked();
        replay.pause();
        replay.selected.set(Some(pos));
        replay.seek(t);
        // The task over the whole run (the model shown is the moment `t`).
        let text = ctl.with_run_model(|m| {
            let task = m.tasks.get(pos)?;
            let sp = task
                .spans
                .iter()
                .find(|sp| sp.from_ms <= t && sp.to_ms.or(task.end_ms).is_none_or(|to| t <= to))?;
            Some(crate::core::replay::explain_span(task, sp, t))
        });
        if let Some(text) = text.flatten() {
            replay.explanation.set(Some(text));
        }
    };
    view! {
        <div
            class="lane"
            role="listitem"
            aria-label=label
            data-task=""
            data-task-id=field(|t| t.id.0.to_string())
            data-task-name=field(|t| t.name.clone())
            data-state=state
            data-start-ms=field(|t| ms_attr(t.start_ms))
            data-end-ms=move || task.with(|t| t.as_ref().and_then(|t| t.end_ms).map(ms_attr))
            data-late-ms=move || late.get().map(ms_attr)
            data-line=move || task.with(|t| t.as_ref().and_then(|t| t.line).map(|l| l.to_string()))
        >
            <div class="lane-label">
                <span class="task-name" title=field(|t| t.name.clone())>{field(|t| t.name.clone())}</span>
                <span class=move || format!("badge s-{}", state())>{state}</span>
            </div>
            <div class="lane-track" on:click=on_track_click title="Click to move the playhead here and explain this moment">
                <div class="ideal-layer" aria-hidden="true">{ideal_spans}</div>
                {spans}
                {end_mark}
                <crate::components::await_graph::DiagMarks
                    task=Signal::derive(move || task.with(|t| t.as_ref().map(|t| t.id)))
                    axis=Signal::derive(move || axis.get())
                />
            </div>
        </div>
    }
}

/// One real span, with its lateness against the ideal run in its tooltip.
fn real_span(
    sp: &Span,
    task_end: Option<Ms>,
    late: Option<Ms>,
    axis: Memo<Ms>,
    now: RwSignal<Ms>,
) -> impl IntoView {
    let from = sp.from_ms;
    let to = span_end(sp, task_end);
    let st = sp.state;
    let until = to.map_or_else(|| "now".to_string(), fmt_ms);
    let late = late
        .filter(|l| l.abs() >= 0.5)
        .map(|l| format!(" · began {}", late_text(l)))
        .unwrap_or_default();
    let title = match &sp.detail {
        Some(d) => format!("{} {d} ({} → {until}){late}", st.as_str(), fmt_ms(from)),
        None => format!("{} ({} → {until}){late}", st.as_str(), fmt_ms(from)),
    };
    // With reduced motion an open bar does not slide: it grows in steps of
    // half a second (and its state still changes when it does).
    let reduced = crate::web::prefers_reduced_motion();
    let stepped = Memo::new(move |_| {
        let n = now.get();
        if reduced {
            (n / 500.0).floor() * 500.0
        } else {
            n
        }
    });
    let width = move || {
        let a = axis.get();
        let until = to.unwrap_or_else(|| stepped.get().max(from));
        format!("{}%", (pct(until, a) - pct(from, a)).max(0.0))
    };
    let text = if st == TaskState::Running {
        ""
    } else {
        st.as_str()
    };
    view! {
        <div
            class=format!("span s-{}", st.as_str())
            style:left=move || format!("{}%", pct(from, axis.get()))
            style:width=width
            title=title
        >
            <span class="span-label">{text}</span>
        </div>
    }
}
