//! Thin browser glue: the URL, the theme attribute, the panic panel.
//! Everything here is a few lines over web-sys; no logic lives here.

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
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Whether the page runs inside a frame.
pub fn in_frame() -> bool {
    web_sys::window().is_some_and(|w| match (w.parent(), w.self_()) {
        (Ok(Some(parent)), me) => !js_sys::Object::is(&parent, &me),
        _ => false,
    })
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
