//! Modal dialogs and keyboard focus: opening a `<dialog>`, whether one is
//! open, whether keys go to a text field.

use wasm_bindgen::JsCast;

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
