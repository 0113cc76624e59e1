//! The loop panel: what the event loop holds right now — the running task,
//! the ready queue, sleepers with wake times, I/O in flight, every lock,
//! semaphore and queue with holders, waiters and items — and, after a
//! deadlock, the wait-for cycle. All read off the run model (which folds
//! the log; this panel folds nothing).

use leptos::prelude::*;

use crate::components::timeline::BIG_RUN;
use crate::core::model::loop_state::{Entry, LoopState};
use crate::core::model::tasks::fmt_ms;
use crate::core::model::wait_for::wait_for_cycle;
use crate::ctl::run::{RunCtl, RunState};

/// How often a large run's panel refreshes while it runs, ms.
const BIG_RUN_EVERY_MS: f64 = 500.0;

/// Most names listed per section: a run of 10,000 tasks must not put
/// 10,000 names in the DOM every frame.
const SHOWN: usize = 30;

/// `names` joined by `sep`, at most [`SHOWN`] of them, then how many more.
fn joined(names: &[(crate::core::trace::TaskId, String)], sep: &str) -> String {
    if names.is_empty() {
        return "nobody".to_string();
    }
    let mut out = names
        .iter()
        .take(SHOWN)
        .map(|h| h.1.as_str())
        .collect::<Vec<_>>()
        .join(sep);
    if names.len() > SHOWN {
        out.push_str(&format!(" … and {} more", names.len() - SHOWN));
    }
    out
}

fn names(list: &[Entry], detail: impl Fn(&Entry) -> String) -> AnyView {
    if list.is_empty() {
        return view! { <p class="lp-none">"none"</p> }.into_any();
    }
    let more = list.len().saturating_sub(SHOWN);
    view! {
        <ul class="lp-list">
            {list
                .iter()
                .take(SHOWN)
                .map(|e| {
                    let d = detail(e);
                    view! {
                        <li>
                            <span class="lp-name">{e.name.clone()}</span>
                            {(!d.is_empty()).then(|| view! { <span class="lp-detail">{d}</span> })}
                        </li>
                    }
                })
                .collect_view()}
            {(more > 0).then(|| view! { <li class="lp-more">{format!("… and {more} more")}</li> })}
        </ul>
    }
    .into_any()
}

fn section(title: &'static str, count: usize, body: AnyView) -> impl IntoView {
    view! {
        <section class="lp-section">
            <h3>{title}<span class="lp-count">{count}</span></h3>
            {body}
        </section>
    }
}

/// The panel beside the timeline.
#[component]
pub fn LoopPanel() -> impl IntoView {
    let ctl = expect_context::<RunCtl>();
    // A run of more than BIG_RUN tasks refreshes the panel at most every
    // BIG_RUN_EVERY_MS: its lists are long and change every frame, faster
    // than anyone reads, and redrawing them each frame costs frames.
    let grown = Memo::new(move |_| {
        ctl.snapshot.with(|s| {
            let big = s.tasks.len() > BIG_RUN && s.state == RunState::Running;
            (s.generation, s.events, big)
        })
    });
    let shown = RwSignal::new((0u32, 0usize));
    let last_shown = StoredValue::new(f64::NEG_INFINITY);
    Effect::new(move || {
        let (g, n, big) = grown.get();
        let now = crate::runtime::browser::perf_now();
        if !big || shown.get_untracked().0 != g || now - last_shown.get_value() >= BIG_RUN_EVERY_MS
        {
            last_shown.set_value(now);
            shown.set((g, n));
        }
    });
    let state = Memo::new(move |_| {
        // Replaying a moment: the model shown is the run as of then.
        if ctl.shown_at.get().is_some() {
            return ctl.snapshot.with(|m| m.loop_state());
        }
        // Following the run: as often as `shown` says.
        shown.track();
        ctl.snapshot.with_untracked(|m| m.loop_state())
    });
    let deadlock = move || ctl.live_state.with(|s| s.0 == RunState::Deadlock);
    let cycle = move || state.with(wait_for_cycle);
    view! {
        // It scrolls when long (a queue, a deadlock): focusable, so a
        // keyboard can scroll it; named by its title.
        <aside class="panel loop-panel" aria-labelledby="loop-title" data-testid="loop-panel" tabindex="0">
            <h2 id="loop-title" class="panel-title">"Event loop"</h2>
            {move || {
                let s: LoopState = state.get();
                let running = s.running.as_ref().map(|e| e.name.clone());
                view! {
                    <div class="lp-running" data-testid="loop-running">
                        <span class="lp-label">"Running now"</span>
                        <span class="lp-now">{running.unwrap_or_else(|| "nothing (idle, waiting for a timer or I/O)".into())}</span>
                    </div>
                    {section("Ready", s.ready.len(), names(&s.ready, |_| String::new()))}
                    {section(
                        "Sleeping",
                        s.sleeping.len(),
                        names(&s.sleeping, |e| format!("wakes at {}", fmt_ms(e.detail.parse().unwrap_or(0.0)))),
                    )}
                    {section("I/O in flight", s.io.len(), names(&s.io, |e| e.detail.clone()))}
                    {section("Awaiting tasks", s.awaiting.len(), names(&s.awaiting, |e| e.detail.clone()))}
                    {s
                        .resources
                        .iter()
                        .map(|r| {
                            let holders = joined(&r.holders, ", ");
                            let waiters = joined(&r.waiters, " → ");
                            view! {
                                <section class="lp-section lp-resource" data-resource=r.name.clone()>
                                    <h3>{r.name.clone()}</h3>
                                    <p>
                                        <span class="lp-label">"held by "</span>
                                        {holders}
                                    </p>
                                    <p>
                                        <span class="lp-label">"waiting "</span>
                                        {waiters}
                                    </p>
                                </section>
                            }
                        })
                        .collect_view()}
                    {s
                        .queues
                        .iter()
                        .map(|q| {
                            let waiters = joined(&q.waiters, " → ");
                            view! {
                                <section class="lp-section lp-queue" data-queue=q.name.clone()>
                                    <h3>{q.name.clone()}<span class="lp-count">{q.items.len()}</span></h3>
                                    <ol class="lp-items" aria-label="Items, oldest first">
                                        {q.items.iter().map(|i| view! { <li>{i.clone()}</li> }).collect_view()}
                                    </ol>
                                    <p>
                                        <span class="lp-label">"waiting "</span>
                                        {waiters}
                                    </p>
                                </section>
                            }
                        })
                        .collect_view()}
                }
            }}
            <Show when=deadlock>
                <section class="lp-deadlock" role="alert" data-testid="deadlock-cycle">
                    <h3>"Deadlock: a wait-for cycle"</h3>
                    <ol>
                        {move || {
                            cycle()
                                .unwrap_or_default()
                                .into_iter()
                                .map(|e| {
                                    view! {
                                        <li>
                                            <strong>{e.waiter}</strong>
                                            " waits for "
                                            <code>{e.resource}</code>
                                            ", held by "
                                            <strong>{e.holder}</strong>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ol>
                    <p>"No timer or I/O is pending, so nothing can ever break the cycle."</p>
                </section>
            </Show>
        </aside>
    }
}
