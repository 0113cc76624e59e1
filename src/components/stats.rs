//! The figures: elapsed, most in flight, loop lag, and progress.

use leptos::prelude::*;

use crate::ctl::run::{RunCtl, RunState};

/// The run's figures, derived from the log.
#[component]
pub fn Stats() -> impl IntoView {
    let ctl = expect_context::<RunCtl>();
    let snap = ctl.snapshot;
    let elapsed = move || {
        let s = snap.read();
        let ms = if s.state == RunState::Running {
            ctl.now_ms.get()
        } else {
            s.stats.elapsed_ms
        };
        ms.max(0.0).round()
    };
    let in_flight = move || snap.with(|s| s.stats.max_in_flight);
    let lag = move || snap.with(|s| s.stats.loop_lag_ms.round());
    let finished = move || snap.with(|s| s.stats.finished);
    let total = move || snap.with(|s| s.stats.total);
    let ideal = move || ctl.ideal_ms.get().round();
    view! {
        <section class="stats" aria-label="Figures">
            <dl>
                <div class="stat">
                    <dt>"Elapsed"</dt>
                    <dd data-testid="stat-elapsed" data-value=elapsed>{elapsed}" ms"</dd>
                    <dd class="stat-note">"ideal "{ideal}" ms"</dd>
                </div>
                <div class="stat">
                    <dt>"Max in flight"</dt>
                    <dd data-testid="stat-max-concurrency" data-value=in_flight>{in_flight}</dd>
                    <dd class="stat-note">"tasks sleeping or fetching at once"</dd>
                </div>
                <div class="stat">
                    <dt>"Loop lag"</dt>
                    <dd data-testid="stat-loop-lag" data-value=lag>{lag}" ms"</dd>
                    <dd class="stat-note">"worst heartbeat lateness"</dd>
                </div>
                <div class="stat stat-progress">
                    <dt>"Tasks finished"</dt>
                    <dd data-testid="stat-progress" data-value=finished>{finished}" / "{total}</dd>
                    <dd class="stat-bar">
                        <progress
                            max=move || total().max(1)
                            value=finished
                            aria-label="Tasks finished"
                        ></progress>
                    </dd>
                </div>
            </dl>
        </section>
    }
}
