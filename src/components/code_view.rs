//! The code panel: the lesson as Python asyncio (default, what runs in the
//! interpreter) or as the Rust version, both with the live parameter
//! values. The choice is in the URL (`lang=`) and remembered in this
//! browser. **Edit** opens the editor on the Python code ([`Editor`]);
//! **Reset** goes back to the lesson's own code. The panel marks the line
//! of the program's error, of the selected task and of the task running
//! now (from the log's `AtLine` events; a heuristic over the code for the
//! Rust version, which records no lines).

use leptos::prelude::*;

use crate::components::download_py::{DownloadNote, DownloadPy, DownloadState};
use crate::components::editor::{focus_line, Editor, Marks};
use crate::core::code_line::line_for;
use crate::core::highlight::{highlight, highlight_rust};
use crate::core::model::tasks::TaskState;
use crate::core::query::YOUR_CODE;
use crate::ctl::code::lesson_code;
use crate::ctl::page::PageCtl;
use crate::lessons::sources::rust_code;
use crate::lessons::Lesson;

const STORAGE_KEY: &str = "async-playground.lang";

fn stored_lang() -> Option<&'static str> {
    match crate::web::features::storage_get(STORAGE_KEY)?.as_str() {
        "rust" => Some("rust"),
        "python" => Some("python"),
        _ => None,
    }
}

/// Remembers the choice where storage works (a note says so where not).
fn store_lang(lang: &str) {
    crate::web::features::storage_set(STORAGE_KEY, lang);
}

/// Shows the lesson's code with the current parameters, or the editor.
#[component]
pub fn CodeView(
    /// The lesson whose code is shown.
    lesson: &'static Lesson,
) -> impl IntoView {
    let ctx = expect_context::<PageCtl>();
    let ctl = ctx.run;
    let cc = ctx.code;
    let own_page = lesson.id == YOUR_CODE;
    // A link without `lang=` uses the language this browser chose last.
    if !own_page
        && ctx.page.with_untracked(|p| p.lang == "python")
        && !crate::web::location_search().contains("lang=")
    {
        if let Some(lang) = stored_lang() {
            ctx.page.update(|p| p.lang = lang);
        }
    }
    // "Your code" has no Rust version: always Python, editor open.
    let lang = Memo::new(move |_| {
        if own_page {
            "python"
        } else {
            ctx.page.with(|p| p.lang)
        }
    });
    let rust = move || lang.get() == "rust";
    if own_page
        || ctx
            .page
            .with_untracked(|p| p.code.is_some() && p.lang == "python")
    {
        cc.start_editing();
    }
    let autofocus = StoredValue::new(false);
    let python_code = cc.text;
    let code = Memo::new(move |_| {
        if rust() {
            ctx.page.with(|p| rust_code(lesson.id, &p.values))
        } else {
            python_code.get()
        }
    });
    let edited = Memo::new(move |_| {
        let own = ctx.page.with(|p| lesson_code(lesson, &p.values));
        python_code.with(|c| *c != own)
    });
    let editing = Memo::new(move |_| cc.editing.get() && !rust());
    let error = cc.error;
    // The lines to mark, live and at the playhead.
    let replay = Some(ctx.replay);
    let marks = Memo::new(move |_| {
        let mut m = Marks {
            error: if rust() {
                None
            } else {
                error
                    .with(|e| e.as_ref().and_then(|e| e.line))
                    .map(|l| l.saturating_sub(1) as usize)
            },
            ..Marks::default()
        };
        let selected = replay.and_then(|r| r.selected.get());
        ctl.snapshot.with(|s| {
            m.now = s
                .tasks
                .iter()
                .find(|t| t.state == TaskState::Running)
                .and_then(|t| t.line)
                .filter(|_| !rust())
                .map(|l| l.saturating_sub(1) as usize);
            let Some(t) = selected.and_then(|p| s.tasks.get(p)) else {
                return;
            };
            let note = format!("{} is {} here", t.name, t.state.as_str());
            let line = match t.line.filter(|_| !rust()) {
                Some(l) => Some(l.saturating_sub(1) as usize),
                None => {
                    let detail = t
                        .spans
                        .last()
                        .and_then(|sp| sp.detail.clone())
                        .unwrap_or_default();
                    code.with(|src| line_for(src, rust(), &t.name, t.state, &detail))
                }
            };
            m.here = line.map(|l| (l, note));
        });
        m
    });
    let set_lang = move |l: &'static str| {
        store_lang(l);
        ctx.page.update(|p| p.lang = l);
    };
    let toggle_edit = move |_| {
        if rust() {
            set_lang("python");
        }
        if cc.editing.get_untracked() && !rust() {
            cc.flush(lesson);
            cc.editing.set(false);
        } else {
            autofocus.set_value(true);
            cc.start_editing();
        }
    };
    let reset = move |_| cc.reset(lesson);
    let download = DownloadState::new();
    view! {
        <section class="panel code-panel" aria-labelledby="code-title">
            <div class="code-head">
                <h2 id="code-title" class="panel-title">
                    {move || if rust() { "Rust " } else { "Python " }}
                    <span class="muted">
                        {move || if rust() {
                            "(the Rust version)"
                        } else if edited.get() {
                            "(asyncio, edited)"
                        } else {
                            "(asyncio)"
                        }}
                    </span>
                </h2>
                <div class="code-actions">
                    <button
                        type="button"
                        class="small"
                        data-testid="edit"
                        aria-pressed=move || editing.get().to_string()
                        aria-controls=move || editing.get().then_some("code-editor")
                        on:click=toggle_edit
                    >
                        {move || if editing.get() { "Done editing" } else { "Edit" }}
                    </button>
                    <button
                        type="button"
                        class="small"
                        data-testid="reset-code"
                        disabled=move || !edited.get()
                        title="Back to the lesson's own code"
                        on:click=reset
                    >
                        {if own_page { "Reset to the starter" } else { "Reset" }}
                    </button>
                    <DownloadPy lesson=lesson state=download/>
                    <Show when=move || !own_page>
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
                    </Show>
                </div>
            </div>
            <DownloadNote lesson=lesson state=download/>
            <Show when=move || cc.bridged.get() && !rust()>
                <p class="code-note" data-testid="code-note">
                    "This build has no Python interpreter yet: Run ran the lesson's Rust version, which does the same. Edited code goes to the interpreter."
                </p>
            </Show>
            <Show when=move || rust() && edited.get()>
                <p class="code-note">"The Rust version runs as written; your edited Python is kept for the Python view."</p>
            </Show>
            // Announced when an error appears (a live region that stays).
            <div class="code-error-live" role="alert">
                {move || {
                    if rust() {
                        return None;
                    }
                    error.get().map(|e| {
                        let line = e.line;
                        view! {
                            <div
                                class="code-error"
                                id="code-error"
                                data-testid="code-error"
                                data-line=line.map(|l| l.to_string())
                                data-syntax=e.syntax.to_string()
                            >
                                <p class="code-error-head">
                                    <strong class="code-error-msg">{e.message.clone()}</strong>
                                    {line.map(|l| view! { " at " <span class="code-error-line">{format!("line {l}")}</span> })}
                                    <span class="muted">
                                        {if e.syntax { " · the program did not start" } else { " · the program stopped here" }}
                                    </span>
                                </p>
                                <pre class="code-error-detail">{e.detail.clone()}</pre>
                                {line.map(|l| view! {
                                    <button
                                        type="button"
                                        class="small"
                                        data-testid="goto-error"
                                        on:click=move |_| {
                                            cc.start_editing();
                                            // Once the editor is there.
                                            request_animation_frame(move || focus_line(l));
                                        }
                                    >
                                        {format!("Go to line {l}")}
                                    </button>
                                })}
                            </div>
                        }
                    })
                }}
            </div>
            <Show
                when=move || editing.get()
                fallback=move || view! {
                    <pre
                        class="code"
                        data-testid="code"
                        tabindex="0"
                        aria-label=move || format!("{} code of the lesson", if rust() { "Rust" } else { "Python" })
                    ><code>
                        {move || {
                            let src = code.get();
                            let rust = rust();
                            let m = marks.get();
                            src.lines()
                                .enumerate()
                                .map(|(i, line)| {
                                    let pieces = if rust { highlight_rust(line) } else { highlight(line) };
                                    let here = m.here.as_ref().is_some_and(|(l, _)| *l == i);
                                    let note = m.here.as_ref().filter(|_| here).map(|(_, n)| n.clone());
                                    let err = m.error == Some(i);
                                    view! {
                                        <span
                                            class="code-line"
                                            class:here=here
                                            class:now=m.now == Some(i)
                                            class:err=err
                                            data-here=here.then_some("true")
                                            title=note
                                        >
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
                }
            >
                <Editor lesson=lesson marks=marks autofocus=autofocus.get_value()/>
            </Show>
        </section>
    }
}
