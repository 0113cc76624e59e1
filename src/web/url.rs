//! The page's address: its query, history entries, the app's base URL.

use wasm_bindgen::JsValue;

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
