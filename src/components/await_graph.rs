//! Two views beside the loop panel, both folded from the log at the
//! playhead:
//!
//! - [`AwaitGraphPanel`]: who awaits whom (`core::model::await_graph`), a tree
//!   like `python -m asyncio pstree`, with "Copy as text" in its layout; a
//!   deadlock's cycle in the error colour.
//! - [`DiagnosticsPanel`] and [`DiagMarks`]: asyncio's own warnings
//!   (CPython's words) and the playground's, listed with the lesson that
//!   explains each and marked on their task's lane at their moment. A
//!   switch (remembered) shows or hides them.

use leptos::prelude::*;

use crate::core::model::await_graph::{AwaitGraph, Node};
use crate::core::model::diagnostics::Diagnosed;
use crate::core::model::pstree::{node_text, pstree_text};
use crate::core::model::tasks::fmt_ms;
use crate::core::trace::{Ms, TaskId};
use crate::ctl::run::{RunCtl, RunState};

const SWITCH_KEY: &str = "async-playground:diagnostics";

thread_local! {
    static SWITCH: std::cell::RefCell<Option<ArcRwSignal<bool>>> = const { std::cell::RefCell::new(None) };
}

/// Whether diagnostics are shown (remembered in `localStorage` when there
/// is one; on by default). One reference-counted signal for the page, so
/// no view's unmounting disposes it; each caller gets a handle owned by its
/// own reactive owner.
pub fn diagnostics_shown() -> RwSignal<bool> {
    let arc = SWITCH.with(|s| {
        s.borrow_mut()
            .get_or_insert_with(|| {
                let on = crate::web::features::storage_get(SWITCH_KEY).as_deref() != Some("0");
                ArcRwSignal::new(on)
            })
            .clone()
    });
    RwSignal::from(arc)
}

/// The playhead: the replayed moment, or the run's latest.
fn playhead(ctl: &RunCtl) -> Option<Ms> {
    ctl.shown_at.get()
}

/// One recorded diagnostic.
type Shown = Diagnosed;

/// The run's diagnostics up to the playhead (the model shown is the run as
/// of it), the first 200.
fn diagnostics_of(ctl: &RunCtl) -> Vec<Shown> {
    ctl.snapshot
        .with(|m| m.diagnostics.iter().take(200).cloned().collect())
}

/// Most tasks for which the graph follows a live run frame by frame.
const LIVE_GRAPH_MAX_TASKS: usize = 300;

/// The run's diagnostics up to the playhead, folded once for all lanes.
#[derive(Clone, Copy)]
pub struct RunDiagnostics(Memo<Vec<Shown>>);

/// Provides [`RunDiagnostics`] to the views below (the timeline's lanes).
pub fn provide_run_diagnostics() {
    let ctl = expect_context::<RunCtl>();
    provide_context(RunDiagnostics(Memo::new(move |_| diagnostics_of(&ctl))));
}

/// The switch and the list of diagnostics of the run (up to the playhead).
#[component]
pub fn DiagnosticsPanel() -> impl IntoView {
    let ctl = expect_context::<RunCtl>();
    let on = diagnostics_shown();
    let list = Memo::new(move |_| diagnostics_of(&ctl));
    let toggle = move |ev: web_sys::Event| {
        let checked = event_target_checked(&ev);
        on.set(checked);
        crate::web::features::storage_set(SWITCH_KEY, if checked { "1" } else { "0" });
    };
    view! {
        <section class="panel diag-panel" data-testid="diagnostics" aria-labelledby="diag-title">
            <div class="diag-head">
                <h2 id="diag-title" class="panel-title">"asyncio's warnings"</h2>
                <label class="diag-switch">
                    <input
                        type="checkbox"
                        data-testid="diagnostics-switch"
                        prop:checked=move || on.get()
                        on:change=toggle
                    />
                    " Show on the lanes"
                </label>
            </div>
            <Show when=move || on.get()>
                {move || {
                    let l = list.get();
                    if l.is_empty() {
                        return view! { <p class="lp-none">"No warning so far."</p> }.into_any();
                    }
                    view! {
                        <ul class="diag-list">
                            {l.into_iter().map(|d| {
                                let href = format!("?example={}", d.kind.lesson());
                                let ours = !d.kind.from_cpython();
                                view! {
                                    <li
                                        data-diagnostic=d.kind.as_str()
                                        data-task-name=d.name.clone()
                                        data-at-ms=format!("{}", d.at_ms.round())
                                        data-source=if ours { "playground" } else { "cpython" }
                                        data-text=d.text.clone()
                                    >
                                        <code class="diag-text">{d.text.clone()}</code>
                                        <span class="diag-meta">
                                            {format!("{} · {} at {} · {}", d.name, d.kind.source(), fmt_ms(d.at_ms), d.kind.meaning())}
                                        </span>
                                        <a class="diag-lesson" href=href>{format!("Lesson: {}", d.kind.lesson())}</a>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }}
            </Show>
        </section>
    }
}

/// The warnings CPython prints only in debug mode (the slow callback) and
/// the playground's own, as stderr lines of the console (CPython's other
/// warnings are already there, printed by the program), while the switch
/// shows diagnostics.
#[component]
pub fn DiagConsoleLines() -> impl IntoView {
    let ctl = expect_context::<RunCtl>();
    let on = diagnostics_shown();
    let extra = Memo::new(move |_| {
        diagnostics_of(&ctl)
            .into_iter()
            .filter(|d| !d.kind.from_cpython())
            .collect::<Vec<_>>()
    });
    move || {
        if !on.get() {
            return Vec::new();
        }
        extra
            .get()
            .into_iter()
            .map(|d| {
                view! {
                    <li
                        class="line stderr diag-line"
                        data-stream="stderr"
                        data-diagnostic=d.kind.as_str()
                        data-at-ms=format!("{}", d.at_ms.round())
                        data-text=d.text.clone()
                    >
                        <span class="line-time">{fmt_ms(d.at_ms)}</span>
                        <span class="line-task">{d.name.clone()}</span>
                        <span class="line-text">{d.text.clone()}</span>
                    </li>
                }
            })
            .collect::<Vec<_>>()
    }
}

/// The diagnostics of one lane, as marks at their moment on its track.
#[component]
pub fn DiagMarks(
    /// The lane's task.
    #[prop(into)]
    task: Signal<Option<TaskId>>,
    /// The axis length in scenario ms.
    #[prop(into)]
    axis: Signal<Ms>,
) -> impl IntoView {
    let ctl = expect_context::<RunCtl>();
    let shared = use_context::<RunDiagnostics>();
    let on = diagnostics_shown();
    let mine = Memo::new(move |_| {
        let Some(id) = task.get() else {
            return Vec::new();
        };
        let all = match shared {
            Some(RunDiagnostics(m)) => m.get(),
            None => diagnostics_of(&ctl),
        };
        all.into_iter().filter(|d| d.task == id).collect::<Vec<_>>()
    });
    move || {
        if !on.get() {
            return Vec::new();
        }
        mine.get()
            .into_iter()
            .map(|d| {
                let at = d.at_ms;
                view! {
                    <span
                        class=format!("diag-mark diag-{}", d.kind.as_str())
                        data-diagnostic-mark=d.kind.as_str()
                        data-at-ms=format!("{}", at.round())
                        style:left=move || format!("{}%", crate::components::timeline::pct(at, axis.get()))
                        title=format!("{} ({}, {})", d.text, d.kind.source(), fmt_ms(at))
                        aria-label=format!("warning: {}", d.text)
                        role="img"
                    >"!"</span>
                }
            })
            .collect::<Vec<_>>()
    }
}

fn node_view(n: Node) -> AnyView {
    let kind = n.kind.as_str();
    let text = node_text(&n);
    let class = if n.cycle || n.back_edge {
        "ag-node ag-cycle"
    } else {
        "ag-node"
    };
    let children = n.children;
    let has_children = !children.is_empty();
    view! {
        <li
            class=class
            role="treeitem"
            aria-expanded=has_children.then_some("true")
            data-await-node=kind
            data-line=n.line.map(|l| l.to_string())
            data-cycle=(n.cycle || n.back_edge).then_some("1")
        >
            <span class=format!("ag-label ag-{kind}")>{text}</span>
            {has_children.then(|| view! {
                <ul role="group">{children.into_iter().map(node_view).collect_view()}</ul>
            })}
        </li>
    }
    .into_any()
}

/// The await graph at the playhead.
#[component]
pub fn AwaitGraphPanel() -> impl IntoView {
    let ctl = expect_context::<RunCtl>();
    // A large run's graph is drawn at the playhead of a replay and when the
    // run ends, not on every frame while it runs (the model folds the log,
    // but building 10,000 tasks' trees on every frame still costs frames).
    let big = Memo::new(move |_| ctl.snapshot.with(|s| s.tasks.len()) > LIVE_GRAPH_MAX_TASKS);
    let graph = Memo::new(move |_| {
        let at = playhead(&ctl);
        let running = ctl.live_state.with(|(s, _)| *s == RunState::Running);
        if running && at.is_none() && big.get() {
            return AwaitGraph::default();
        }
        // The model shown is the run as of the playhead.
        ctl.snapshot.with(|m| m.await_graph())
    });
    let deferred = move || {
        big.get()
            && playhead(&ctl).is_none()
            && ctl.live_state.with(|(s, _)| *s == RunState::Running)
    };
    let status = RwSignal::new(String::new());
    let manual = RwSignal::new(None::<String>);
    let copy = move |_| {
        let text = graph.with_untracked(pstree_text);
        leptos::task::spawn_local(async move {
            if crate::web::copy_text(&text).await {
                status.try_set("Copied as text.".to_string());
                manual.try_set(None);
            } else {
                status.try_set(
                    "Copying is not available here: the text is shown below; select it and press Ctrl+C (⌘C on a Mac)."
                        .to_string(),
                );
                manual.try_set(Some(text));
            }
        });
    };
    view! {
        <section class="panel await-graph" data-testid="await-graph" aria-labelledby="ag-title" tabindex="0">
            <div class="diag-head">
                <h2 id="ag-title" class="panel-title">"Who awaits whom"</h2>
                <button type="button" class="btn small" data-testid="await-graph-copy" on:click=copy>
                    "Copy as text"
                </button>
            </div>
            <p class="ag-status" role="status" data-testid="await-graph-status">{move || status.get()}</p>
            {move || manual.get().map(|t| view! {
                <pre class="ag-manual" data-testid="await-graph-text" tabindex="0">{t}</pre>
            })}
            {move || {
                let g: AwaitGraph = graph.get();
                let cycle = g.cycle.clone();
                let omitted = g.omitted;
                let empty = g.roots.is_empty();
                let later = deferred();
                view! {
                    {later.then(|| view! { <p class="lp-none">{format!("More than {LIVE_GRAPH_MAX_TASKS} tasks: the graph is drawn when the run ends, or at a moment you replay.")}</p> })}
                    {(empty && !later).then(|| view! { <p class="lp-none">"No task is pending."</p> })}
                    <ul class="ag-tree" role="tree" aria-label="Who awaits whom">
                        {g.roots.into_iter().map(node_view).collect_view()}
                    </ul>
                    {(omitted > 0).then(|| view! { <p class="lp-more">{format!("… {omitted} more not shown")}</p> })}
                    {cycle.map(|c| view! {
                        <p class="ag-cycle-line" role="alert" data-testid="await-graph-cycle">
                            {format!("cycle: {}", c.join(" → "))}
                        </p>
                    })}
                }
            }}
        </section>
    }
}
