//! Colours and motion: the theme attribute, the system's preferences
//! (through `matchMedia`, detected in `features`), computed colours.

use wasm_bindgen::JsCast;

use super::features;
use crate::core::params::Theme;

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
