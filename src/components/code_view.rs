//! The code panel: the lesson as Python asyncio (default) or as the Rust
//! async code that actually runs, both with the live parameter values. The
//! choice is in the URL (`lang=`) and remembered in this browser.

use leptos::prelude::*;

use crate::app::PageCtx;
use crate::core::code_line::line_for;
use crate::core::highlight::{highlight, highlight_rust};
use crate::examples::sources::rust_code;
use crate::examples::Lesson;

const STORAGE_KEY: &str = "async-playground.lang";

fn stored_lang() -> Option<&'static str> {
    let v = web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(STORAGE_KEY)
        .ok()??;
    match v.as_str() {
        "rust" => Some("rust"),
        "python" => Some("python"),
        _ => None,
    }
}

fn store_lang(lang: &str) {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item(STORAGE_KEY, lang);
    }
}

/// Shows the lesson's code with the current parameters.
#[component]
pub fn CodeView(
    /// The lesson whose code is shown.
    lesson: &'static Lesson,
) -> impl IntoView {
    let ctx = expect_context::<PageCtx>();
    // A link without `lang=` uses the language this browser chose last.
    if ctx.page.with_untracked(|p| p.lang == "python")
        && !crate::web::location_search().contains("lang=")
    {
        if let Some(lang) = stored_lang() {
            ctx.page.update(|p| p.lang = lang);
        }
    }
    let lang = Memo::new(move |_| ctx.page.with(|p| p.lang));
    let code = Memo::new(move |_| {
        ctx.page.with(|p| {
            if p.lang == "rust" {
                rust_code(lesson.id, &p.values)
            } else {
                (lesson.python)(&p.values)
            }
        })
    });
    // The line the selected task is at, at the playhead.
    let ctl = expect_context::<crate::run_ctl::RunCtl>();
    let replay = use_context::<crate::replay_ctl::ReplayCtl>();
    let marked = Memo::new(move |_| {
        let pos = replay?.selected.get()?;
        let (name, state, detail) = ctl.snapshot.with(|s| {
            let t = s.tasks.get(pos)?;
            let detail = t
                .spans
                .last()
                .and_then(|sp| sp.detail.clone())
                .unwrap_or_default();
            Some((t.name.clone(), t.state, detail))
        })?;
        let src = code.get();
        let line = line_for(&src, lang.get() == "rust", &name, state, &detail)?;
        Some((line, format!("{name} is {} here", state.as_str())))
    });
    let set_lang = move |l: &'static str| {
        store_lang(l);
        ctx.page.update(|p| p.lang = l);
    };
    view! {
        <section class="panel code-panel" aria-labelledby="code-title">
            <div class="code-head">
                <h2 id="code-title" class="panel-title">
                    {move || if lang.get() == "rust" { "Rust " } else { "Python " }}
                    <span class="muted">
                        {move || if lang.get() == "rust" { "(what really runs)" } else { "(asyncio)" }}
                    </span>
                </h2>
                <div class="segmented" role="group" aria-label="Code language">
                    <button
                        type="button"
                        data-testid="lang-python"
                        aria-pressed=move || (lang.get() == "python").to_string()
                        on:click=move |_| set_lang("python")
                    >
                        "Python"
                    </button>
                    <button
                        type="button"
                        data-testid="lang-rust"
                        aria-pressed=move || (lang.get() == "rust").to_string()
                        on:click=move |_| set_lang("rust")
                    >
                        "Rust"
                    </button>
                </div>
            </div>
            <pre class="code" tabindex="0" aria-label=move || format!("{} code of the lesson", if lang.get() == "rust" { "Rust" } else { "Python" })><code>
                {move || {
                    let src = code.get();
                    let rust = lang.get() == "rust";
                    let mark = marked.get();
                    src.lines()
                        .enumerate()
                        .map(|(i, line)| {
                            let pieces = if rust { highlight_rust(line) } else { highlight(line) };
                            let here = mark.as_ref().is_some_and(|(l, _)| *l == i);
                            let note = mark.as_ref().filter(|_| here).map(|(_, n)| n.clone());
                            view! {
                                <span class="code-line" class:here=here data-here=here.then_some("true") title=note>
                                    {pieces
                                        .into_iter()
                                        .map(|(t, s)| view! { <span class=t.class()>{s}</span> })
                                        .collect_view()}
                                    "\n"
                                </span>
                            }
                        })
                        .collect_view()
                }}
            </code></pre>
        </section>
    }
}
