//! The page in a frame: whether it is framed, and messages to and from
//! the parent window.

use wasm_bindgen::JsValue;

/// Whether the page runs inside a frame.
pub fn in_frame() -> bool {
    web_sys::window().is_some_and(|w| match (w.parent(), w.self_()) {
        (Ok(Some(parent)), me) => !js_sys::Object::is(&parent, &me),
        _ => false,
    })
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
