//! The page's visibility (`visibilitychange`): one browser hook. Browsers
//! throttle timers in hidden tabs, which a run notes beside its figures.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Whether the tab is hidden now.
pub fn tab_hidden() -> bool {
    document().is_some_and(|d| d.hidden())
}

/// A `visibilitychange` listener; [`Listener::remove`] takes it off.
pub struct Listener(Closure<dyn FnMut()>);

/// Calls `on_hidden` each time the tab becomes hidden, until the listener
/// is removed.
pub fn on_hidden(mut on_hidden: impl FnMut() + 'static) -> Option<Listener> {
    let f = Closure::<dyn FnMut()>::new(move || {
        if tab_hidden() {
            on_hidden();
        }
    });
    document()?
        .add_event_listener_with_callback("visibilitychange", f.as_ref().unchecked_ref())
        .ok()?;
    Some(Listener(f))
}

impl Listener {
    /// Stops listening.
    pub fn remove(self) {
        if let Some(doc) = document() {
            let _ = doc.remove_event_listener_with_callback(
                "visibilitychange",
                self.0.as_ref().unchecked_ref(),
            );
        }
    }
}
