//! The Share menu: copy the link, the one-line embed (`embed.js` and an
//! `<async-playground>` element: sizes itself, no other script), the plain
//! `<iframe>` embed code, or the script a course page needs to follow a
//! plain iframe's height. Uses the Clipboard API; where it is missing or
//! refused, the text is selected in its field for a manual copy.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::share::{element_code, embed_code, link, RESIZE_SCRIPT};
use crate::ctl::page::PageCtl;
use crate::lessons::Lesson;
use crate::web;

type Field = NodeRef<leptos::html::Textarea>;

/// The Share button and its panel.
#[component]
pub fn ShareMenu(
    /// The lesson shared.
    lesson: &'static Lesson,
) -> impl IntoView {
    let ctx = expect_context::<PageCtl>();
    let ctl = ctx.run;
    let open = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let button = NodeRef::<leptos::html::Button>::new();
    let (link_f, element_f, embed_f, script_f): (Field, Field, Field, Field) = (
        NodeRef::new(),
        NodeRef::new(),
        NodeRef::new(),
        NodeRef::new(),
    );
    let base = StoredValue::new(web::app_base());
    let link_text = move || base.with_value(|b| ctx.page.with(|p| link(b, p)));
    let element_text =
        move || base.with_value(|b| ctx.page.with(|p| element_code(b, p, lesson.title)));
    let lanes = move || ctl.snapshot.with(|s| s.tasks.len());
    let embed_text =
        move || base.with_value(|b| ctx.page.with(|p| embed_code(b, p, lesson.title, lanes())));
    let copy = move |field: Field, what: &'static str| {
        let Some(el) = field.get_untracked() else {
            return;
        };
        let text = el.value();
        spawn_local(async move {
            if web::copy_text(&text).await {
                status.try_set(format!("{what} copied to the clipboard."));
            } else {
                el.select();
                let _ = el.focus();
                status.try_set(format!(
                    "Copying is not available here: the {} is selected below; press Ctrl+C (⌘C on a Mac).",
                    what.to_lowercase()
                ));
            }
        });
    };
    let close = move || {
        open.set(false);
        if let Some(b) = button.get_untracked() {
            let _ = b.focus();
        }
    };
    view! {
        <div
            class="share"
            on:keydown=move |ev| {
                if ev.key() == "Escape" && open.get_untracked() {
                    ev.stop_propagation();
                    close();
                }
            }
        >
            <button
                type="button"
                class="small"
                data-testid="share"
                aria-expanded=move || open.get().to_string()
                aria-controls="share-panel"
                node_ref=button
                on:click=move |_| {
                    // The link carries the editor's latest text.
                    ctx.code.flush(lesson);
                    status.set(String::new());
                    open.update(|o| *o = !*o);
                }
            >
                "Share"
            </button>
            <div id="share-panel" class="share-panel panel" role="group" aria-label="Share this lesson" hidden=move || !open.get()>
                <div class="share-actions">
                    <button type="button" class="small" data-testid="copy-link" on:click=move |_| copy(link_f, "Link")>
                        "Copy link"
                    </button>
                    <button type="button" class="small" data-testid="copy-element" on:click=move |_| copy(element_f, "One-line embed")>
                        "Copy one-line embed"
                    </button>
                    <button type="button" class="small" data-testid="copy-embed" on:click=move |_| copy(embed_f, "Embed code")>
                        "Copy iframe code"
                    </button>
                    <button type="button" class="small" data-testid="copy-script" on:click=move |_| copy(script_f, "Script")>
                        "Copy resize script"
                    </button>
                    <button type="button" class="small ghost" on:click=move |_| close()>"Close"</button>
                </div>
                <p class="share-status" role="status" data-testid="share-status">{move || status.get()}</p>
                <label for="share-link">"Link to this lesson and its parameters"</label>
                <textarea id="share-link" data-testid="share-link" readonly rows="2" node_ref=link_f prop:value=link_text></textarea>
                <label for="share-element">"One-line embed for a course page (sizes itself, raises events; no other script)"</label>
                <textarea id="share-element" data-testid="share-element" readonly rows="4" node_ref=element_f prop:value=element_text></textarea>
                <label for="share-embed">"Or a plain iframe (where scripts are not allowed)"</label>
                <textarea id="share-embed" data-testid="share-embed" readonly rows="4" node_ref=embed_f prop:value=embed_text></textarea>
                <label for="share-script">"With a plain iframe, this script on the course page (once) sizes each iframe to its content"</label>
                <textarea id="share-script" data-testid="share-script" readonly rows="6" node_ref=script_f prop:value=RESIZE_SCRIPT></textarea>
            </div>
        </div>
    }
}
