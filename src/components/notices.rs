//! The notices: every correction made to the URL or a control, in words.

use leptos::prelude::*;

use crate::ctl::page::PageCtl;

/// Lists corrections in `[data-testid=notice]`; hidden when there are none.
#[component]
pub fn Notices() -> impl IntoView {
    let ctx = expect_context::<PageCtl>();
    let notices = ctx.notices;
    let empty = move || notices.with(Vec::is_empty);
    view! {
        <div class="notices" data-testid="notice" role="status" hidden=empty>
            <div class="notices-head">
                <strong>"Some settings were corrected"</strong>
                <button
                    class="ghost small"
                    type="button"
                    aria-label="Dismiss notices"
                    on:click=move |_| notices.set(Vec::new())
                >
                    "Dismiss"
                </button>
            </div>
            <ul>
                {move || {
                    notices
                        .get()
                        .into_iter()
                        .map(|n| view! { <li>{n}</li> })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}
