//! Two runs side by side: the kept run and the latest one, stacked on one
//! time axis, with their figures and the difference in words.

use leptos::prelude::*;

use crate::core::model::tasks::{fmt_ms, TaskView};
use crate::core::replay::compare_text;
use crate::core::trace::Ms;
use crate::ctl::compare::label;
use crate::ctl::page::PageCtl;
use crate::ctl::run::RunState;

/// One run's lanes, small, on a given axis (no `data-task`: those are the
/// current run's, in the timeline).
fn mini_lanes(title: &str, tasks: &[TaskView], axis: Ms, end: Ms) -> impl IntoView {
    let pct = move |ms: Ms| (ms / axis * 100.0).clamp(0.0, 100.0);
    view! {
        <div class="mini-run" role="group" aria-label=format!("{title}: {}", fmt_ms(end))>
            <p class="mini-title">{title.to_string()}" · "{fmt_ms(end)}</p>
            {tasks
                .iter()
                .map(|t| {
                    view! {
                        <div class="mini-lane">
                            <span class="mini-name">{t.name.clone()}</span>
                            <div class="lane-track mini-track">
                                {t
                                    .spans
                                    .iter()
                                    .filter_map(|sp| {
                                        let to = sp.to_ms.or(t.end_ms).unwrap_or(end);
                                        let (l, w) = (pct(sp.from_ms), (pct(to) - pct(sp.from_ms)).max(0.0));
                                        (w > 0.0).then(|| view! {
                                            <div class=format!("span s-{}", sp.state.as_str()) style:left=format!("{l}%") style:width=format!("{w}%")></div>
                                        })
                                    })
                                    .collect_view()}
                            </div>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// The Compare bar and, once a run is kept, the comparison.
#[component]
pub fn ComparePanel() -> impl IntoView {
    let ctx = expect_context::<PageCtl>();
    let ctl = ctx.run;
    let cmp = ctx.compare;
    let ended = move || {
        ctl.live_state.with(|s| {
            matches!(
                s.0,
                RunState::Finished | RunState::Stopped | RunState::Deadlock | RunState::Error
            )
        })
    };
    let keep = move |_| {
        if cmp.keep(ctl) {
            let kept = cmp.kept.get_untracked();
            ctx.page.update(|p| {
                p.compare_code = kept
                    .as_ref()
                    .and_then(|k| k.code.clone())
                    .filter(|c| Some(c) != p.code.as_ref());
                p.compare = kept.map(|k| k.values);
            });
        }
    };
    let clear = move |_| {
        cmp.clear();
        ctx.page.update(|p| {
            p.compare = None;
            p.compare_code = None;
        });
    };
    let view_cmp = move || {
        let kept = cmp.kept.get()?;
        let snap = ctl.snapshot.get();
        let (current, code_now) = ctx.page.with(|p| (p.values.clone(), p.code.clone()));
        let done = matches!(
            snap.state,
            RunState::Finished | RunState::Stopped | RunState::Deadlock | RunState::Error
        );
        let code_differs = code_now != kept.code;
        let with_code = |l: String, edited: bool| match (code_differs, edited, l.as_str()) {
            (false, _, _) => l,
            (true, true, "same parameters") => "edited code".to_string(),
            (true, true, _) => format!("{l}, edited code"),
            (true, false, "same parameters") => "lesson's code".to_string(),
            (true, false, _) => format!("{l}, lesson's code"),
        };
        let label_now = format!(
            "now ({})",
            with_code(label(&current, &kept.values), code_now.is_some())
        );
        let label_kept = format!(
            "kept ({})",
            with_code(label(&kept.values, &current), kept.code.is_some())
        );
        let axis = kept.stats.elapsed_ms.max(snap.stats.elapsed_ms).max(1.0);
        let lanes_now = mini_lanes(&label_now, &snap.tasks, axis, snap.stats.elapsed_ms);
        let lanes_kept = mini_lanes(&label_kept, &kept.tasks, axis, kept.stats.elapsed_ms);
        let summary = if done {
            compare_text(&label_now, &snap.stats, &label_kept, &kept.stats)
        } else {
            "Run again to compare with the kept run.".to_string()
        };
        let row = |name: &'static str, a: String, b: String| {
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td>{a}</td>
                    <td>{b}</td>
                </tr>
            }
        };
        Some(view! {
            <div
                class="compare"
                data-testid="compare"
                data-elapsed-current=format!("{}", snap.stats.elapsed_ms.round())
                data-elapsed-kept=format!("{}", kept.stats.elapsed_ms.round())
            >
                <p class="compare-summary" data-testid="compare-summary" aria-live="polite">{summary}</p>
                <table class="compare-figures">
                    <thead>
                        <tr>
                            <th scope="col"></th>
                            <th scope="col">{label_now.clone()}</th>
                            <th scope="col">{label_kept.clone()}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {row("Elapsed", fmt_ms(snap.stats.elapsed_ms), fmt_ms(kept.stats.elapsed_ms))}
                        {row("Max in flight", snap.stats.max_in_flight.to_string(), kept.stats.max_in_flight.to_string())}
                        {row("Loop lag", fmt_ms(snap.stats.loop_lag_ms), fmt_ms(kept.stats.loop_lag_ms))}
                    </tbody>
                </table>
                <div class="compare-lanes">
                    {lanes_now}
                    {lanes_kept}
                    <p class="compare-axis muted">"Both runs on one time axis, 0 to " {fmt_ms(axis)}</p>
                </div>
            </div>
        })
    };
    view! {
        <section class="panel compare-panel" aria-labelledby="compare-title">
            <div class="compare-head">
                <h2 id="compare-title" class="panel-title">"Compare"</h2>
                <Show
                    when=move || cmp.kept.with(Option::is_some)
                    fallback=move || {
                        view! {
                            <button type="button" data-testid="compare-keep" disabled=move || !ended() on:click=keep>
                                "Keep this run to compare"
                            </button>
                            <span class="muted small-text">"then change parameters and run again"</span>
                        }
                    }
                >
                    <button type="button" class="ghost small" data-testid="compare-clear" on:click=clear>
                        "Clear comparison"
                    </button>
                </Show>
            </div>
            {view_cmp}
        </section>
    }
}
