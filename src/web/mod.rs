//! Thin browser glue: the URL, the theme attribute, the panic panel.
//! Everything here is a few lines over web-sys; no logic lives here.
//! Optional APIs are detected in [`features`] before anything uses them;
//! [`settle`] says when start-up work is over.

pub mod features;
pub mod settle;
pub mod visibility;

pub use features::{features, Features};

use wasm_bindgen::{JsCast, JsValue};

use crate::core::params::Theme;

/// The query string of the page, with its `?` (empty if none).
pub fn location_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

fn url_for(query: &str) -> Option<String> {
    let path = web_sys::window()?.location().pathname().ok()?;
    Some(format!("{path}{query}"))
}

/// Replaces the URL (no history entry) with `query`, keeping the path.
pub fn replace_url(query: &str) {
    let (Some(w), Some(url)) = (web_sys::window(), url_for(query)) else {
        return;
    };
    if w.location().search().ok().as_deref() == Some(query) {
        return;
    }
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Adds a history entry for `query` (navigation between lessons).
pub fn push_url(query: &str) {
    let (Some(w), Some(url)) = (web_sys::window(), url_for(query)) else {
        return;
    };
    if let Ok(h) = w.history() {
        let _ = h.push_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Sets `data-theme` on `<html>` (`auto` follows the system through CSS).
pub fn apply_theme(theme: Theme) {
    let name = match theme {
        Theme::Auto => "auto",
        Theme::Light => "light",
        Theme::Dark => "dark",
    };
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("data-theme", name);
    }
}

/// Whether the system asks for dark colours.
pub fn system_prefers_dark() -> bool {
    features::media_matches("(prefers-color-scheme: dark)")
}

/// Whether the learner asked the system for reduced motion.
pub fn prefers_reduced_motion() -> bool {
    features::media_matches("(prefers-reduced-motion: reduce)")
}

/// Whether the page runs inside a frame.
pub fn in_frame() -> bool {
    web_sys::window().is_some_and(|w| match (w.parent(), w.self_()) {
        (Ok(Some(parent)), me) => !js_sys::Object::is(&parent, &me),
        _ => false,
    })
}

/// Removes index.html's "Loading…" note once the app has mounted.
pub fn remove_boot_note() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        el.remove();
    }
}

/// The last resort: a panic logs to the console and shows an error panel
/// with what happened and a Reset button that reloads the lesson.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_error_panel(&info.to_string());
    }));
}

/// Shows the error panel (plain DOM: the UI may be in a broken state).
pub fn show_error_panel(message: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
    if doc.get_element_by_id("error-panel").is_some() {
        return;
    }
    let Ok(panel) = doc.create_element("div") else {
        return;
    };
    panel.set_id("error-panel");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("data-testid", "error-panel");
    let parts = [
        ("h2", "Something went wrong"),
        ("p", "The playground hit an error it did not expect. Your lesson and its parameters are still in the address bar."),
        ("pre", message),
    ];
    for (tag, text) in parts {
        if let Ok(el) = doc.create_element(tag) {
            el.set_text_content(Some(text));
            let _ = panel.append_child(&el);
        }
    }
    if let Ok(button) = doc.create_element("button") {
        button.set_text_content(Some("Reset"));
        let _ = button.set_attribute("data-testid", "reset");
        let reload = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        let _ = button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
        // The panel lives until the page reloads.
        reload.forget();
        let _ = panel.append_child(&button);
    }
    let _ = body.append_child(&panel);
}

/// The app's address without its query (`https://host/path/`), the base of
/// share links and embed code.
pub fn app_base() -> String {
    web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}

/// Saves `text` as a file named `name` (a download of a Blob).
pub fn download_text(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    download_url(name, &url);
    // Revoke once the download has been handed over.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
}

/// Saves what `url` points at (a blob: or data: URL) as `name`.
pub fn download_url(name: &str, url: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    a.set_href(url);
    a.set_download(name);
    let _ = a.style().set_property("display", "none");
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
}

/// Copies `text` to the clipboard; `false` if the Clipboard API is missing
/// or refused (the caller then shows the text to copy by hand).
pub async fn copy_text(text: &str) -> bool {
    if !features().clipboard {
        return false;
    }
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let clip = js_sys::Reflect::get(&nav, &JsValue::from_str("clipboard")).unwrap_or_default();
    let Ok(clip) = clip.dyn_into::<web_sys::Clipboard>() else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(clip.write_text(text))
        .await
        .is_ok()
}

/// The computed colour of a CSS colour expression (e.g. `var(--text)`) in
/// the current theme, as `rgb(…)`; used to draw exports as on screen.
pub fn resolve_colours(exprs: &[&str]) -> Vec<Option<String>> {
    let (Some(w), Some(doc)) = (
        web_sys::window(),
        web_sys::window().and_then(|w| w.document()),
    ) else {
        return vec![None; exprs.len()];
    };
    let (Some(body), Ok(probe)) = (doc.body(), doc.create_element("span")) else {
        return vec![None; exprs.len()];
    };
    let _ = body.append_child(&probe);
    let out = exprs
        .iter()
        .map(|e| {
            // Through the CSSOM, not a style attribute: the page's CSP
            // (style-src 'self') refuses inline style attributes.
            if let Some(el) = probe.dyn_ref::<web_sys::HtmlElement>() {
                let st = el.style();
                let _ = st.set_property("display", "none");
                let _ = st.set_property("color", e);
            }
            w.get_computed_style(&probe)
                .ok()
                .flatten()
                .and_then(|s| s.get_property_value("color").ok())
                .filter(|c| !c.is_empty())
        })
        .collect();
    let _ = body.remove_child(&probe);
    out
}

/// Draws an SVG picture onto a canvas at `scale` and saves it as a PNG
/// named `name`.
pub fn save_svg_as_png(svg: &str, width: f64, height: f64, scale: f64, name: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(svg));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("image/svg+xml");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let Ok(img) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let name = name.to_string();
    let img2 = img.clone();
    let url2 = url.clone();
    let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url2);
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(canvas) = doc
            .create_element("canvas")
            .ok()
            .and_then(|e| e.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            return;
        };
        canvas.set_width((width * scale).ceil() as u32);
        canvas.set_height((height * scale).ceil() as u32);
        let Some(cx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ = cx.scale(scale, scale);
        let _ = cx.draw_image_with_html_image_element(&img2, 0.0, 0.0);
        if let Ok(data) = canvas.to_data_url_with_type("image/png") {
            download_url(&name, &data);
        }
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&url);
}

/// Opens the `<dialog>` with id `id` as a modal (focus moves into it; Esc
/// closes it and focus returns).
pub fn open_dialog(id: &str) {
    if let Some(d) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlDialogElement>().ok())
    {
        if !d.open() {
            let _ = d.show_modal();
        }
    }
}

/// Whether a modal `<dialog>` is open (page shortcuts then pause).
pub fn dialog_open() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("dialog[open]").ok().flatten())
        .is_some()
}

/// Whether keys typed at `target` are text (an input, a select, a text
/// area, or an editable element), where shortcuts must not fire.
pub fn is_typing_target(target: Option<web_sys::EventTarget>) -> bool {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return false;
    };
    if el.is_content_editable() {
        return true;
    }
    match el.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => !matches!(
            el.get_attribute("type").as_deref(),
            Some("button" | "checkbox" | "radio" | "submit" | "reset")
        ),
        _ => false,
    }
}

/// Sends a JSON message (an object) to the parent window, only when the
/// page is framed; never to an opener.
pub fn post_to_parent(json: &str) {
    if !in_frame() {
        return;
    }
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
        return;
    };
    if let Ok(msg) = js_sys::JSON::parse(json) {
        // Any page may embed the playground; the messages carry nothing secret.
        let _ = parent.post_message(&msg, "*");
    }
}

/// Whether a message event came from the parent window.
pub fn from_parent(ev: &web_sys::MessageEvent) -> bool {
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
        return false;
    };
    ev.source()
        .is_some_and(|s| js_sys::Object::is(&s, parent.as_ref()))
}

/// The data of a message event as JSON text (`None` if it has none or
/// cannot be written as JSON).
pub fn message_json(ev: &web_sys::MessageEvent) -> Option<String> {
    js_sys::JSON::stringify(&ev.data())
        .ok()
        .and_then(|s| JsValue::from(s).as_string())
}
