//! The run controller's frame loop: one requestAnimationFrame loop while a
//! run is live (not one per task), which enforces the limits, advances the
//! ideal run and catches the run model up with the events of the frame.

use leptos::prelude::*;

use super::run::RunCtl;
use crate::runtime::browser::perf_now;
use crate::runtime::Run;

/// Longest a run may take in real time before it is stopped (with a note).
pub const MAX_RUN_REAL_MS: f64 = 10.0 * 60.0 * 1000.0;

/// Most events a run may record before it is stopped (with a note): about
/// 100 MB of log at worst, far beyond any lesson at its largest settings.
pub const MAX_EVENTS: usize = 1_500_000;

/// Why `run`, started at `started_real_ms` (real ms), must stop now, if a
/// limit says so.
pub fn over_limit(run: &Run, started_real_ms: f64) -> Option<String> {
    if run.is_over() {
        return None;
    }
    if perf_now() - started_real_ms > MAX_RUN_REAL_MS {
        Some(
            "Stopped after 10 minutes: a run may last at most 10 minutes of real time.".to_string(),
        )
    } else if run.trace().len() > MAX_EVENTS {
        Some(format!(
            "Stopped after {MAX_EVENTS} events: a run may record at most that many."
        ))
    } else {
        None
    }
}

impl RunCtl {
    /// Asks for the next animation frame (one at a time).
    pub(super) fn schedule_frame(&self) {
        let ctl = *self;
        if let Some(Some(h)) = self.frame.try_update_value(Option::take) {
            h.cancel();
        }
        if let Ok(h) = request_animation_frame_with_handle(move || ctl.frame_tick()) {
            self.frame.try_set_value(Some(h));
        }
    }

    /// Cancels the pending animation frame, if any.
    pub(super) fn cancel_frame(&self) {
        if let Some(Some(h)) = self.frame.try_update_value(Option::take) {
            h.cancel();
        }
    }

    fn frame_tick(&self) {
        self.frame.try_set_value(None);
        self.enforce_limits();
        let ideal_pending = self.advance_ideal();
        if self.refresh() || ideal_pending {
            self.schedule_frame();
        }
    }

    /// Stops a run that outgrew its limits, saying which.
    fn enforce_limits(&self) {
        let over = self
            .live
            .try_with_value(|l| {
                let l = l.as_ref()?;
                over_limit(&l.run, l.started_real_ms)
            })
            .flatten();
        if let Some(note) = over {
            self.stop();
            self.note_on_run(|m| m.limit_note = Some(note.clone()));
        }
    }
}
