//! The last resort: the panic hook and its error panel (plain DOM: the UI
//! may be in a broken state), and the boot note it replaces.

use wasm_bindgen::JsCast;

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
