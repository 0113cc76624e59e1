//! "Show in the run": the replay paused at the moment that decides an
//! answer, its lane selected and the why explained, then the lanes and the
//! console line of the evidence marked on the page (class `evidence`).

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::predict::Evidence;
use crate::ctl::replay::ReplayCtl;
use crate::ctl::run::RunCtl;

/// Moves the replay to `ev` (paused, seeked, its first lane selected, `why`
/// explained), then marks it once the views show that moment.
pub(super) fn show_in_run(r: ReplayCtl, ctl: RunCtl, ev: Evidence, why: String) {
    r.pause();
    if let Some(t) = ev.at_ms {
        r.seek(t);
    }
    let pos = ev.lanes.first().and_then(|name| {
        ctl.snapshot
            .with_untracked(|s| s.tasks.iter().position(|t| t.name == *name))
    });
    if pos.is_some() {
        r.selected.set(pos);
    }
    r.explanation.set(Some(why));
    // Once the views show that moment.
    set_timeout(move || mark(&ev), Duration::from_millis(80));
}

/// Marks the lanes and the console line of `ev` (class `evidence`),
/// clearing earlier marks, and scrolls the first into view.
fn mark(ev: &Evidence) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let all = |sel: &str| -> Vec<web_sys::Element> {
        let Ok(list) = doc.query_selector_all(sel) else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
            .collect()
    };
    for el in all(".evidence") {
        let _ = el.class_list().remove_1("evidence");
    }
    let mut first: Option<web_sys::Element> = None;
    if let Some(line) = &ev.line {
        let at = format!("{}", line.at_ms.round());
        if let Some(el) = all("[data-testid=console] [data-text]")
            .into_iter()
            .find(|el| {
                el.get_attribute("data-text").as_deref() == Some(line.text.as_str())
                    && el.get_attribute("data-at-ms").as_deref() == Some(at.as_str())
            })
        {
            let _ = el.class_list().add_1("evidence");
            first = Some(el);
        }
    }
    for el in all("[data-task]") {
        let name = el.get_attribute("data-task-name").unwrap_or_default();
        if ev.lanes.contains(&name) {
            let _ = el.class_list().add_1("evidence");
            if first.is_none() {
                first = Some(el);
            }
        }
    }
    // Scrolled into view only when it is out of view.
    if let Some(el) = first {
        let r = el.get_bounding_client_rect();
        let h = web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        if r.top() < 0.0 {
            el.scroll_into_view_with_bool(true);
        } else if r.bottom() > h {
            el.scroll_into_view_with_bool(false);
        }
    }
}
