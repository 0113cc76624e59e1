//! The table view of a run: task, state, start, end and what it waited
//! on; an alternative to the timeline for reading values (no `data-task`
//! here: the timeline's lanes stay the one element per task).

use leptos::prelude::*;

use crate::core::model::tasks::{fmt_ms, TaskView};
use crate::core::table::waited_on;
use crate::ctl::run::RunCtl;

fn row(t: TaskView) -> impl IntoView {
    let state = t.state.as_str();
    let waited = waited_on(&t);
    let waited = if waited.is_empty() {
        "—".to_string()
    } else {
        waited.join(", ")
    };
    let end = t.end_ms.map_or_else(|| "—".to_string(), fmt_ms);
    view! {
        <tr>
            <th scope="row" class="task-name">{t.name}</th>
            <td><span class=format!("badge s-{state}")>{state}</span>{t.error.map(|e| format!(" ({e})"))}</td>
            <td class="num">{fmt_ms(t.start_ms)}</td>
            <td class="num">{end}</td>
            <td>{waited}</td>
        </tr>
    }
}

/// Every task of the current run, one row each.
#[component]
pub fn RunTable() -> impl IntoView {
    let ctl = expect_context::<RunCtl>();
    view! {
        <div class="run-table-wrap" tabindex="0" role="region" aria-label="Tasks as a table">
            <table class="run-table" data-testid="run-table">
                <thead>
                    <tr>
                        <th scope="col">"Task"</th>
                        <th scope="col">"State"</th>
                        <th scope="col">"Start"</th>
                        <th scope="col">"End"</th>
                        <th scope="col">"Waited on"</th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || ctl.snapshot.with(|s| s.tasks.clone())
                        key=|t| (t.id, t.spans.len(), t.state, t.end_ms.map(f64::to_bits))
                        children=row
                    />
                </tbody>
            </table>
            <Show when=move || ctl.snapshot.with(|s| s.tasks.is_empty())>
                <p class="empty">"Press Run: each task gets a row here."</p>
            </Show>
        </div>
    }
}
