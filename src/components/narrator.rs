//! The narration: a polite live region telling screen-reader users what
//! the run does, at a learner's pace (one announcement every
//! [`GAP_MS`] at most, summarised when many tasks change).

use std::time::Duration;

use leptos::prelude::*;

use crate::core::narrate::narrate;
use crate::ctl::page::PageCtl;

/// Shortest real time between two announcements, ms.
pub const GAP_MS: f64 = 1500.0;

/// A visually hidden `aria-live="polite"` region.
#[component]
pub fn Narrator() -> impl IntoView {
    let ctx = expect_context::<PageCtl>();
    let ctl = ctx.run;
    // Shared with the page, so the prediction's results are announced in
    // the same region.
    let text = ctx.narration;
    let told = StoredValue::new((0u32, 0usize));
    let last_at = StoredValue::new(f64::NEG_INFINITY);
    let pending: StoredValue<Option<TimeoutHandle>, LocalStorage> = StoredValue::new_local(None);

    let speak = move || {
        pending.try_set_value(None);
        let said = ctl
            .with_trace(|trace| {
                let (run, from) = told.get_value();
                let from = if run == trace.run { from } else { 0 };
                told.set_value((trace.run, trace.len()));
                ctl.snapshot
                    .try_with_untracked(|s| narrate(trace, from, &s.tasks))
                    .unwrap_or_default()
            })
            .unwrap_or_default();
        if !said.is_empty() {
            text.try_set(said);
            last_at.try_set_value(js_sys::Date::now());
        }
    };
    Effect::new(move || {
        ctl.snapshot.with(|s| (s.generation, s.events));
        if pending.with_value(Option::is_some) {
            return;
        }
        let wait = last_at.get_value() + GAP_MS - js_sys::Date::now();
        if wait <= 0.0 {
            speak();
        } else if let Ok(h) = set_timeout_with_handle(speak, Duration::from_millis(wait as u64)) {
            pending.set_value(Some(h));
        }
    });
    on_cleanup(move || {
        if let Some(Some(h)) = pending.try_update_value(Option::take) {
            h.clear();
        }
    });
    view! {
        <div class="sr-only" aria-live="polite" aria-atomic="true" data-testid="narration">
            {move || text.get()}
        </div>
    }
}
