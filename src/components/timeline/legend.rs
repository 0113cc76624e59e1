//! The timeline's legend: what each colour means.

use leptos::prelude::*;

use crate::core::model::tasks::TaskState;

/// What each colour and pattern means.
#[component]
pub(super) fn Legend() -> impl IntoView {
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
            <li><span class="swatch swatch-ideal" aria-hidden="true"></span>"ideal (virtual clock)"</li>
            <li><span class="swatch swatch-stall" aria-hidden="true"></span>"loop stalled"</li>
        </ul>
    }
}
