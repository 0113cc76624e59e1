//! "Download .py": saves the program the learner sees (the lesson at its
//! current parameters, or their own edited code) as `<id>.py`, a file that
//! CPython 3.11 runs as it is ([`python_file`] makes it). The file is a
//! Blob saved through an `<a download>`; where Blob URLs are refused it
//! goes through a `data:` URL, and where no download can start the file's
//! text is shown, selected, to copy by hand, with a note that says so.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::core::download::{file_name, python_file, uses_mock_api};
use crate::core::share::link;
use crate::ctl::page::PageCtl;
use crate::lessons::Lesson;
use crate::web;

const MIME: &str = "text/x-python;charset=utf-8";

/// Clicks a hidden `<a download=name href=url>`; `false` if it cannot.
fn click_download(name: &str, url: &str) -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return false;
    };
    let Some(body) = doc.body() else {
        return false;
    };
    a.set_href(url);
    a.set_download(name);
    let _ = web_sys::HtmlElement::style(&a).set_property("display", "none");
    if body.append_child(&a).is_err() {
        return false;
    }
    a.click();
    let _ = body.remove_child(&a);
    true
}

/// How the file was handed over.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Saved {
    Blob,
    DataUrl,
    Nothing,
}

fn save(name: &str, text: &str) -> Saved {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(MIME);
    let blob_url = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .ok()
        .and_then(|b| web_sys::Url::create_object_url_with_blob(&b).ok());
    if let Some(url) = blob_url {
        if click_download(name, &url) {
            // Revoke once the download has been handed over.
            set_timeout(
                move || {
                    let _ = web_sys::Url::revoke_object_url(&url);
                },
                std::time::Duration::from_secs(10),
            );
            return Saved::Blob;
        }
        let _ = web_sys::Url::revoke_object_url(&url);
    }
    let data = format!(
        "data:{MIME},{}",
        String::from(js_sys::encode_uri_component(text))
    );
    if click_download(name, &data) {
        Saved::DataUrl
    } else {
        Saved::Nothing
    }
}

/// What the last download said, shared by the button and its note.
#[derive(Clone, Copy)]
pub struct DownloadState {
    note: RwSignal<String>,
    manual: RwSignal<Option<String>>,
    field: NodeRef<leptos::html::Textarea>,
}

impl DownloadState {
    /// Nothing said yet.
    pub fn new() -> Self {
        DownloadState {
            note: RwSignal::new(String::new()),
            manual: RwSignal::new(None),
            field: NodeRef::new(),
        }
    }
}

impl Default for DownloadState {
    fn default() -> Self {
        Self::new()
    }
}

/// The "Download .py" button of the code panel.
#[component]
pub fn DownloadPy(
    /// The lesson whose program is saved (the "Your code" page too).
    lesson: &'static Lesson,
    /// Where the button says what happened ([`DownloadNote`] shows it).
    state: DownloadState,
) -> impl IntoView {
    let ctx = expect_context::<PageCtl>();
    let cc = ctx.code;
    let DownloadState {
        note,
        manual,
        field,
    } = state;
    let name = file_name(lesson.id);
    let title = format!(
        "Save this program as {name}: it runs under CPython 3.11 (python3 {name}) and prints the same lines"
    );
    let download = move |_| {
        // The file carries the editor's latest text.
        cc.flush(lesson);
        let source = cc.text.get_untracked();
        let page_link = ctx.page.with_untracked(|p| link(&web::app_base(), p));
        let file = python_file(lesson.id, &source, Some(&page_link));
        let name = file_name(lesson.id);
        let network = if uses_mock_api(&source) {
            " Its requests go to a public test server (httpbin.org) instead of the page's mock API; it needs aiohttp (pip install aiohttp)."
        } else {
            ""
        };
        match save(&name, &file) {
            Saved::Blob => {
                manual.set(None);
                note.set(format!(
                    "Saved {name}: run it with python3 {name}.{network}"
                ));
            }
            Saved::DataUrl => {
                manual.set(None);
                note.set(format!(
                    "Saved {name} through a data: link (this page cannot make Blob URLs).{network}"
                ));
            }
            Saved::Nothing => {
                note.set(format!(
                    "This browser did not start a download: the program is selected below; copy it into a file named {name}.{network}"
                ));
                manual.set(Some(file));
                request_animation_frame(move || {
                    if let Some(el) = field.get_untracked() {
                        el.select();
                        let _ = el.focus();
                    }
                });
            }
        }
    };
    view! {
        <button
            type="button"
            class="small"
            data-testid="download-py"
            title=title
            on:click=download
        >
            "Download .py"
        </button>
    }
}

/// What the last download said, and the file's text where no download
/// could start.
#[component]
pub fn DownloadNote(
    /// The lesson whose program is saved.
    lesson: &'static Lesson,
    /// Shared with its [`DownloadPy`] button.
    state: DownloadState,
) -> impl IntoView {
    let DownloadState {
        note,
        manual,
        field,
    } = state;
    view! {
        <p class="code-note" role="status" data-testid="download-note" hidden=move || note.with(String::is_empty)>
            {move || note.get()}
        </p>
        <Show when=move || manual.with(Option::is_some)>
            <label class="code-note" for="download-text">{format!("The program, to save as {}", file_name(lesson.id))}</label>
            <textarea id="download-text" class="download-text" data-testid="download-text" readonly rows="8" node_ref=field prop:value=move || manual.get().unwrap_or_default()></textarea>
        </Show>
    }
}
