//! The code panel: the lesson's Python asyncio code with live values.

use leptos::prelude::*;

use crate::app::PageCtx;
use crate::core::highlight::highlight;
use crate::examples::Lesson;

/// Shows the Python code a course would show, with the current parameters.
#[component]
pub fn CodeView(
    /// The lesson whose code is shown.
    lesson: &'static Lesson,
) -> impl IntoView {
    let ctx = expect_context::<PageCtx>();
    let code = Memo::new(move |_| ctx.page.with(|p| (lesson.python)(&p.values)));
    view! {
        <section class="panel code-panel" aria-labelledby="code-title">
            <h2 id="code-title" class="panel-title">
                "Python "<span class="muted">"(asyncio)"</span>
            </h2>
            <pre class="code" tabindex="0" aria-label="Python code of the lesson"><code>
                {move || {
                    highlight(&code.get())
                        .into_iter()
                        .map(|(t, s)| view! { <span class=t.class()>{s}</span> })
                        .collect_view()
                }}
            </code></pre>
        </section>
    }
}
