//! The code editor: a `<textarea>` (`[data-testid=editor]`) over a layer
//! that shows the same text highlighted, with line numbers beside it. The
//! textarea grows with its text, so the two layers scroll together as one.
//!
//! Keys (the text operations are in [`crate::core::editing`], tested
//! natively): Enter keeps the indentation (one level more after `:`),
//! Tab / Shift+Tab indent and dedent the line or every selected line,
//! Backspace in indentation removes a level, Ctrl/⌘+Z undoes,
//! Shift+Ctrl/⌘+Z and Ctrl+Y redo, Ctrl/⌘+Enter runs. Esc then Tab leaves
//! the editor (Tab moves focus as anywhere else), so a keyboard user is
//! never trapped. The buttons above the text do the same for a phone,
//! which has no Tab key.

use leptos::prelude::*;

use crate::core::editing::{
    backspace, byte_to_utf16, dedent, enter, indent, utf16_to_byte, Edit, EditKind, History,
};
use crate::core::highlight::highlight;
use crate::ctl::page::PageCtl;
use crate::lessons::Lesson;
use crate::runtime::browser::perf_now;

/// Lines the code panel marks (0-based), and why.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Marks {
    /// The line of the program's error.
    pub error: Option<usize>,
    /// The line of the selected task, with a note.
    pub here: Option<(usize, String)>,
    /// The line of the task running now.
    pub now: Option<usize>,
}

fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// The highlighted layer's HTML: one block per line (so a marked line is
/// marked across the whole width), the same text as the textarea.
fn layer_html(text: &str, marks: &Marks) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for (i, line) in text.split('\n').enumerate() {
        out.push_str("<span class=\"code-line");
        if marks.error == Some(i) {
            out.push_str(" err");
        }
        if marks.here.as_ref().is_some_and(|(l, _)| *l == i) {
            out.push_str(" here");
        }
        if marks.now == Some(i) {
            out.push_str(" now");
        }
        out.push_str("\">");
        for (t, s) in highlight(line) {
            out.push_str("<span class=\"");
            out.push_str(t.class());
            out.push_str("\">");
            escape_into(&mut out, &s);
            out.push_str("</span>");
        }
        out.push_str("</span>");
    }
    out
}

fn gutter_html(lines: usize, marks: &Marks) -> String {
    let mut out = String::with_capacity(lines * 24);
    for i in 0..lines {
        let class = if marks.error == Some(i) {
            " class=\"err\""
        } else if marks.here.as_ref().is_some_and(|(l, _)| *l == i) || marks.now == Some(i) {
            " class=\"here\""
        } else {
            ""
        };
        out.push_str(&format!("<span{class}>{}</span>", i + 1));
    }
    out
}

/// The editor of the page's program.
#[component]
pub fn Editor(
    /// The lesson whose code is edited (Reset goes back to it).
    lesson: &'static Lesson,
    /// The lines to mark.
    #[prop(into)]
    marks: Signal<Marks>,
    /// Whether to take the focus when it opens (it does when Edit is
    /// pressed, not when a page opens with it).
    autofocus: bool,
) -> impl IntoView {
    let ctx = expect_context::<PageCtl>();
    let code = ctx.code;
    let area = NodeRef::<leptos::html::Textarea>::new();
    let history: StoredValue<History> = StoredValue::new(History::default());
    // The state before the next edit (what undo goes back to).
    let last: StoredValue<Edit> = StoredValue::new(Edit {
        text: code.text.get_untracked(),
        sel: (0, 0),
    });
    let escaped = StoredValue::new(false);
    let can = RwSignal::new((false, false));
    let text = code.text;
    let lines = Memo::new(move |_| text.with(|t| t.split('\n').count()));

    let read = move || -> Option<Edit> {
        let el = area.get_untracked()?;
        let value = el.value();
        let a = el.selection_start().ok().flatten().unwrap_or(0) as usize;
        let b = el.selection_end().ok().flatten().unwrap_or(0) as usize;
        let sel = (utf16_to_byte(&value, a), utf16_to_byte(&value, b));
        Some(Edit { text: value, sel })
    };
    let write = move |e: &Edit| {
        let Some(el) = area.get_untracked() else {
            return;
        };
        if el.value() != e.text {
            el.set_value(&e.text);
        }
        let a = u32::try_from(byte_to_utf16(&e.text, e.sel.0)).unwrap_or(0);
        let b = u32::try_from(byte_to_utf16(&e.text, e.sel.1)).unwrap_or(0);
        let _ = el.set_selection_range(a, b);
    };
    let refresh_can = move || {
        let c = history.with_value(|h| (h.can_undo(), h.can_redo()));
        if can.get_untracked() != c {
            can.set(c);
        }
    };
    // An edit made by a key or a button: into the history, the textarea and
    // the page.
    let apply = move |e: Edit, kind: EditKind| {
        let before = last.get_value();
        history.update_value(|h| h.record(before, kind, perf_now()));
        write(&e);
        last.set_value(e.clone());
        code.edit(lesson, e.text);
        refresh_can();
    };
    let undo = move || {
        let Some(now) = read() else { return };
        if let Some(back) = history.try_update_value(|h| h.undo(now)).flatten() {
            write(&back);
            last.set_value(back.clone());
            code.edit(lesson, back.text);
        }
        refresh_can();
    };
    let redo = move || {
        let Some(now) = read() else { return };
        if let Some(fwd) = history.try_update_value(|h| h.redo(now)).flatten() {
            write(&fwd);
            last.set_value(fwd.clone());
            code.edit(lesson, fwd.text);
        }
        refresh_can();
    };
    let with_sel = move |f: fn(&str, usize, usize) -> Edit| {
        if let Some(now) = read() {
            apply(f(&now.text, now.sel.0, now.sel.1), EditKind::Other);
        }
    };

    // Typing, pasting, cutting, dictation: whatever the browser did.
    let on_input = move |_| {
        let Some(now) = read() else { return };
        let before = last.get_value();
        let (n, b) = (now.text.chars().count(), before.text.chars().count());
        let kind = if n < b {
            EditKind::Deleting
        } else if n == b + 1 {
            EditKind::Typing
        } else {
            EditKind::Other
        };
        history.update_value(|h| h.record(before, kind, perf_now()));
        last.set_value(now.clone());
        code.edit(lesson, now.text);
        refresh_can();
    };
    // The browser's own undo (menu, shake to undo): ours instead.
    let on_beforeinput = move |ev: web_sys::InputEvent| match ev.input_type().as_str() {
        "historyUndo" => {
            ev.prevent_default();
            undo();
        }
        "historyRedo" => {
            ev.prevent_default();
            redo();
        }
        _ => {}
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.is_composing() {
            return;
        }
        let key = ev.key();
        let cmd = ev.ctrl_key() || ev.meta_key();
        if key == "Escape" {
            // The next Tab leaves the editor.
            escaped.set_value(true);
            return;
        }
        let was_escaped = escaped.get_value();
        escaped.set_value(false);
        match key.as_str() {
            "Tab" if was_escaped || ev.alt_key() || cmd => {}
            "Tab" => {
                ev.prevent_default();
                with_sel(if ev.shift_key() { dedent } else { indent });
            }
            "Enter" if cmd => {
                ev.prevent_default();
                code.flush(lesson);
                ctx.run();
            }
            "Enter" if !ev.alt_key() => {
                ev.prevent_default();
                with_sel(enter);
            }
            "Backspace" if !cmd && !ev.alt_key() && !ev.shift_key() => {
                if let Some(e) = read().and_then(|n| backspace(&n.text, n.sel.0, n.sel.1)) {
                    ev.prevent_default();
                    apply(e, EditKind::Deleting);
                }
            }
            "z" | "Z" if cmd && ev.shift_key() => {
                ev.prevent_default();
                redo();
            }
            "z" | "Z" if cmd => {
                ev.prevent_default();
                undo();
            }
            "y" | "Y" if ev.ctrl_key() && !ev.meta_key() => {
                ev.prevent_default();
                redo();
            }
            _ => {}
        }
    };
    // The selection, for the buttons (a tap on one takes the focus away).
    let remember = move || {
        if let Some(now) = read() {
            last.update_value(|l| {
                if l.text == now.text {
                    l.sel = now.sel;
                }
            });
        }
    };
    let button = move |f: fn(&str, usize, usize) -> Edit| {
        move |_| {
            let Some(el) = area.get_untracked() else {
                return;
            };
            let sel = last.with_value(|l| l.sel);
            let _ = el.focus();
            let text = el.value();
            apply(f(&text, sel.0, sel.1), EditKind::Other);
        }
    };
    // Keeps focus in the textarea when a button is pressed with a mouse.
    let keep_focus = |ev: web_sys::MouseEvent| ev.prevent_default();

    // Text set from outside (Reset, a parameter of the lesson's code):
    // into the textarea, undoably.
    Effect::new(move || {
        let t = text.get();
        if let Some(el) = area.get() {
            if el.value() != t {
                let before = last.get_value();
                if before.text != t {
                    history.update_value(|h| h.record(before, EditKind::Other, perf_now()));
                }
                el.set_value(&t);
                last.set_value(Edit {
                    text: t,
                    sel: (0, 0),
                });
                refresh_can();
            }
        }
    });
    // Focus the editor when Edit opened it.
    Effect::new(move || {
        if let Some(el) = area.get() {
            if autofocus {
                let _ = el.focus();
                let _ = el.set_selection_range(0, 0);
            }
        }
    });

    let layer = move || marks.with(|m| text.with(|t| layer_html(t, m)));
    let gutter = move || marks.with(|m| gutter_html(lines.get(), m));
    let has_error = move || marks.with(|m| m.error.is_some());
    view! {
        <div class="editor">
            <div class="editor-bar" role="toolbar" aria-label="Editor actions" aria-controls="code-editor">
                <button type="button" class="small" data-testid="editor-undo" on:mousedown=keep_focus on:click=move |_| undo() disabled=move || !can.get().0>
                    "Undo"
                </button>
                <button type="button" class="small" data-testid="editor-redo" on:mousedown=keep_focus on:click=move |_| redo() disabled=move || !can.get().1>
                    "Redo"
                </button>
                <button type="button" class="small" data-testid="editor-indent" aria-label="Indent the line or selection" on:mousedown=keep_focus on:click=button(indent)>
                    "Indent ⇥"
                </button>
                <button type="button" class="small" data-testid="editor-dedent" aria-label="Dedent the line or selection" on:mousedown=keep_focus on:click=button(dedent)>
                    "⇤ Dedent"
                </button>
                <span id="editor-help" class="editor-help muted">
                    "Tab indents · Esc then Tab leaves · Ctrl+Enter runs"
                </span>
            </div>
            <div class="editor-scroll">
                <div class="editor-gutter" aria-hidden="true" inner_html=gutter></div>
                <div class="editor-body">
                    <pre class="editor-layer" aria-hidden="true" inner_html=layer></pre>
                    <textarea
                        id="code-editor"
                        class="editor-input"
                        data-testid="editor"
                        node_ref=area
                        aria-label="Python code (editable)"
                        aria-describedby=move || if has_error() { "code-error editor-help" } else { "editor-help" }
                        aria-invalid=move || has_error().to_string()
                        spellcheck="false"
                        autocapitalize="off"
                        autocomplete="off"
                        wrap="off"
                        translate="no"
                        prop:value=text.get_untracked()
                        on:input=on_input
                        on:beforeinput=on_beforeinput
                        on:keydown=on_keydown
                        on:keyup=move |_| remember()
                        on:mouseup=move |_| remember()
                        on:blur=move |_| remember()
                        on:select=move |_| remember()
                    ></textarea>
                </div>
            </div>
        </div>
    }
}

/// Puts the editor's caret at the start of `line` (from 1), focused and
/// scrolled into view (the code error's "Go to line" button).
pub fn focus_line(line: u32) {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(area) = doc
        .get_element_by_id("code-editor")
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return;
    };
    let text = area.value();
    let skip = line.saturating_sub(1) as usize;
    let byte = if skip == 0 {
        0
    } else {
        text.match_indices('\n')
            .nth(skip - 1)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    let at = u32::try_from(byte_to_utf16(&text, byte)).unwrap_or(0);
    let _ = area.focus();
    let _ = area.set_selection_range(at, at);
    let selector = format!(".editor-layer > .code-line:nth-child({})", skip + 1);
    if let Ok(Some(el)) = doc.query_selector(&selector) {
        el.scroll_into_view_with_bool(false);
    }
}
