//! The clipboard (optional: detected in `features`).

use wasm_bindgen::{JsCast, JsValue};

use super::features::features;

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
