//! Time travel over the recorded run: a playhead the learner drags, steps
//! and plays back, without re-running anything. `None` follows the live
//! run (or rests at its end); `Some(t)` shows every view as of `t`.

use leptos::prelude::*;

use crate::core::replay::{explain_event, next_moment, prev_moment};
use crate::core::trace::Ms;
use crate::ctl::run::{RunCtl, RunState};

/// Playback rates offered (the order of events never changes with them).
pub const RATES: &[f64] = &[0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0];

/// The replay controller (cheap to copy; lives in context).
#[derive(Clone, Copy)]
pub struct ReplayCtl {
    /// The playhead in scenario ms; `None` follows the run.
    pub playhead: RwSignal<Option<Ms>>,
    /// Whether the recording is playing back.
    pub playing: RwSignal<bool>,
    /// Playback rate.
    pub rate: RwSignal<f64>,
    /// What the last step, click or seek explained, in words.
    pub explanation: RwSignal<Option<String>>,
    /// The lane the learner clicked last (its position): the code panel
    /// marks the line that task is at.
    pub selected: RwSignal<Option<usize>>,
    ctl: RunCtl,
    frame: StoredValue<Option<AnimationFrameRequestHandle>>,
    last_frame: StoredValue<Option<f64>>,
}

fn perf_now() -> f64 {
    crate::runtime::browser::perf_now()
}

impl ReplayCtl {
    /// A replay controller over `ctl`'s runs.
    pub fn new(ctl: RunCtl, initial: Option<Ms>) -> Self {
        let r = ReplayCtl {
            playhead: RwSignal::new(initial),
            playing: RwSignal::new(false),
            rate: RwSignal::new(1.0),
            explanation: RwSignal::new(None),
            selected: RwSignal::new(None),
            ctl,
            frame: StoredValue::new(None),
            last_frame: StoredValue::new(None),
        };
        // A new run follows live again.
        let generation = Memo::new(move |_| ctl.snapshot.with(|s| s.generation));
        Effect::new(move |prev: Option<u32>| {
            let g = generation.get();
            // The first run of the page keeps a shared link's `t=`.
            if prev.is_some_and(|p| p != g && p != 0) {
                r.pause();
                r.playhead.set(None);
                r.explanation.set(None);
            }
            g
        });
        // Every view follows the playhead: re-derive when it moves, and when
        // the run's state changes (a link's `t=` is shown once the run is there).
        Effect::new(move || {
            let at = r.playhead.get();
            ctl.live_state.track();
            ctl.show_at(at);
        });
        on_cleanup(move || r.pause());
        r
    }

    /// The end of what is recorded (scenario ms).
    pub fn end(&self) -> Ms {
        let (state, elapsed) = self.ctl.live_state.get_untracked();
        match state {
            RunState::Idle => 0.0,
            RunState::Running => self.ctl.with_trace(|t| t.last_ms()).unwrap_or(0.0).max(
                if self.playhead.get_untracked().is_none() {
                    self.ctl.now_ms.get_untracked()
                } else {
                    0.0
                },
            ),
            _ => elapsed,
        }
    }

    /// Whether there is anything to travel through.
    pub fn has_run(&self) -> bool {
        self.ctl
            .live_state
            .with_untracked(|s| s.0 != RunState::Idle)
    }

    /// The time shown: the playhead, or the run's now/end.
    pub fn shown(&self) -> Ms {
        self.playhead.get().unwrap_or_else(|| self.ctl.now_ms.get())
    }

    fn explain_at(&self, t: Ms) {
        let text = self.ctl.with_trace(|trace| {
            let idx = trace
                .events()
                .iter()
                .enumerate()
                .take_while(|(_, e)| e.at_ms <= t)
                .filter(|(_, e)| !e.kind.is_measurement())
                .map(|(i, _)| i)
                .last();
            idx.and_then(|i| explain_event(trace, i))
        });
        self.explanation.set(text.flatten());
    }

    /// Puts the playhead at `t` (clamped to what is recorded).
    pub fn seek(&self, t: Ms) {
        if !self.has_run() {
            return;
        }
        let t = t.clamp(0.0, self.end());
        self.playhead.set(Some(t));
        self.explain_at(t);
    }

    /// Steps to the next (or previous) moment something happened.
    pub fn step(&self, forward: bool) {
        if !self.has_run() {
            return;
        }
        self.pause();
        let at = self.playhead.get_untracked().unwrap_or_else(|| self.end());
        let to = self
            .ctl
            .with_trace(|t| {
                if forward {
                    next_moment(t, at)
                } else {
                    prev_moment(t, at)
                }
            })
            .flatten();
        match to {
            Some(t) => self.seek(t),
            None if forward => self.seek(self.end()),
            None => self.seek(0.0),
        }
    }

    /// Jumps to the start.
    pub fn to_start(&self) {
        self.pause();
        self.seek(0.0);
    }

    /// Jumps to the end (and follows the run again).
    pub fn to_end(&self) {
        self.pause();
        if self.has_run() {
            self.seek(self.end());
        }
    }

    /// Play / pause the recording.
    pub fn toggle(&self) {
        if self.playing.get_untracked() {
            self.pause();
        } else {
            self.play();
        }
    }

    /// Plays the recording from the playhead (from the start if at the end).
    pub fn play(&self) {
        if !self.has_run() {
            return;
        }
        let end = self.end();
        let at = self.playhead.get_untracked().unwrap_or(end);
        if at >= end - 0.5 {
            self.playhead.set(Some(0.0));
        }
        self.playing.set(true);
        self.last_frame.set_value(None);
        self.schedule();
    }

    /// Pauses playback (the playhead stays where it is).
    pub fn pause(&self) {
        self.playing.try_set(false);
        if let Some(Some(h)) = self.frame.try_update_value(Option::take) {
            h.cancel();
        }
    }

    fn schedule(&self) {
        let r = *self;
        if let Ok(h) = request_animation_frame_with_handle(move || r.tick()) {
            self.frame.try_set_value(Some(h));
        }
    }

    fn tick(&self) {
        if self.playing.try_get_untracked() != Some(true) {
            return;
        }
        let now = perf_now();
        let dt = self
            .last_frame
            .try_get_value()
            .flatten()
            .map_or(0.0, |l| now - l);
        self.last_frame.try_set_value(Some(now));
        let end = self.end();
        let t = self.playhead.get_untracked().unwrap_or(0.0) + dt * self.rate.get_untracked();
        if t >= end {
            self.seek(end);
            self.pause();
        } else {
            self.seek(t);
            self.schedule();
        }
    }
}
