//! The console: what the code printed, with time and task.

use leptos::prelude::*;

use crate::core::task::fmt_ms;
use crate::run_ctl::RunCtl;

/// `[data-testid=console]`, one element per printed line.
#[component]
pub fn Console() -> impl IntoView {
    let ctl = expect_context::<RunCtl>();
    let lines = move || ctl.snapshot.with(|s| s.console.clone());
    view! {
        <section class="panel console-panel" aria-labelledby="console-title">
            <h2 id="console-title" class="panel-title">"Output"</h2>
            <ol class="console" data-testid="console" tabindex="0" aria-label="Printed output">
                <For
                    each=move || lines().into_iter().enumerate()
                    key=|(i, _)| *i
                    children=move |(_, line)| {
                        view! {
                            <li class="line">
                                <span class="line-time">{fmt_ms(line.at_ms)}</span>
                                <span class="line-task">{line.task}</span>
                                <span class="line-text">{line.text}</span>
                            </li>
                        }
                    }
                />
            </ol>
            <Show when=move || ctl.snapshot.with(|s| s.console.is_empty())>
                <p class="empty">"Nothing printed yet. Press Run."</p>
            </Show>
        </section>
    }
}
