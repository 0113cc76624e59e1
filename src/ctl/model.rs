//! Which run model the views see: the run's own, kept caught up, or the
//! run as of the replay playhead ([`RunModel::as_of`]) while the run's own
//! one waits aside (parked), still kept caught up, so that following the
//! run again costs only the new events.

use leptos::prelude::*;

use super::run::RunCtl;
use crate::core::model::{RunModel, RunState};
use crate::core::trace::{Ms, Trace};
use crate::runtime::Run;

impl RunCtl {
    /// Reads the current run's model as of its latest event, whatever the
    /// playhead shows (the views' [`RunCtl::snapshot`] may be a moment of
    /// it), if there is a run. Untracked. `f` must not call back into the
    /// controller (the run is held while it reads).
    pub fn with_run_model<R>(&self, f: impl FnOnce(&RunModel) -> R) -> Option<R> {
        let mut f = Some(f);
        let parked = self
            .live
            .try_update_value(|l| {
                let l = l.as_mut()?;
                let m = l.parked.as_mut()?;
                m.catch_up(&l.run.trace());
                Some(f.take().map(|f| f(m)))
            })
            .flatten()
            .flatten();
        if parked.is_some() {
            return parked;
        }
        let f = f?;
        let live = self
            .live
            .try_with_value(|l| l.as_ref().map(|l| l.run.generation()))
            .flatten()?;
        self.snapshot
            .try_with_untracked(|m| (m.generation == live).then(|| f(m)))
            .flatten()
    }

    /// Applies `f` to the run's model, shown or parked (a note about the
    /// run, e.g. that a limit stopped it).
    pub(super) fn note_on_run(&self, f: impl Fn(&mut RunModel)) {
        self.live.try_update_value(|l| {
            if let Some(m) = l.as_mut().and_then(|l| l.parked.as_mut()) {
                f(m);
            }
        });
        self.snapshot.try_update(|m| f(m));
    }

    /// Shows every view as of `t` (replay), or follows the run again with
    /// `None`. Nothing re-runs: the model shown is the log folded up to `t`
    /// ([`RunModel::as_of`]); the run's own model is parked meanwhile and
    /// kept caught up, so following again costs only the new events. The
    /// real run's state stays in [`RunCtl::live_state`].
    pub fn show_at(&self, t: Option<Ms>) {
        let ctl = *self;
        let before = self.shown_at.get_untracked();
        self.shown_at.set(t);
        self.live.try_update_value(|l| {
            let Some(l) = l.as_mut() else { return };
            let full = l.run.trace();
            // Played forward: the moment shown moves on by the events
            // passed over (lanes they did not change need no redraw).
            if let (Some(t), Some(b), Some(_)) = (t, before, &l.parked) {
                let same_run = ctl
                    .snapshot
                    .with_untracked(|s| s.generation == l.run.generation());
                if b <= t && same_run {
                    ctl.snapshot.update(|m| m.advance_to(&full, t));
                    ctl.now_ms.set(t);
                    return;
                }
            }
            let shown_rev = ctl.snapshot.with_untracked(|s| s.rev);
            let following = ctl
                .snapshot
                .with_untracked(|s| s.generation == l.run.generation());
            let mut model = match t {
                Some(t) => {
                    let mut m = RunModel::as_of(&full, t);
                    m.example = l.example;
                    let (hidden, note) = match &l.parked {
                        Some(p) => (p.hidden_during_run, p.limit_note.clone()),
                        None => ctl
                            .snapshot
                            .with_untracked(|s| (s.hidden_during_run, s.limit_note.clone())),
                    };
                    m.hidden_during_run = hidden;
                    m.limit_note = note;
                    ctl.now_ms.set(t);
                    m
                }
                None => {
                    let mut m = match l.parked.take() {
                        Some(p) => p,
                        None if following => {
                            // Already following: catch up, nothing to redraw.
                            ctl.snapshot.update(|s| s.catch_up(&full));
                            ctl.now_ms.set(now_of(&l.run, &full));
                            return;
                        }
                        None => RunModel::new(l.run.generation(), l.example),
                    };
                    m.catch_up(&full);
                    ctl.now_ms.set(now_of(&l.run, &full));
                    m
                }
            };
            // Lanes redraw from a new revision.
            model.rev = model.rev.max(shown_rev) + 1;
            let rev = model.rev;
            model.task_revs.iter_mut().for_each(|r| *r = rev);
            let previous = ctl.snapshot.try_update(|s| std::mem::replace(s, model));
            // The run's own model waits aside while a moment is shown (so
            // whoever reads the run, not the moment, still can).
            if t.is_some() && l.parked.is_none() {
                l.parked = Some(match previous {
                    Some(prev) if following => prev,
                    _ => {
                        let mut m = RunModel::new(l.run.generation(), l.example);
                        m.catch_up(&full);
                        m
                    }
                });
            }
        });
    }

    /// Catches the run's model up with the events recorded since the last
    /// refresh (the shown one, or the parked one while a moment is shown);
    /// returns whether the run is still live.
    pub(super) fn refresh(&self) -> bool {
        let ctl = *self;
        self.live
            .try_update_value(|l| {
                let Some(l) = l.as_mut() else { return false };
                let trace = l.run.trace();
                let over = trace.outcome().is_some();
                let now = now_of(&l.run, &trace);
                // Elapsed only once ended, so this changes with the state, not every frame.
                let real = (RunState::of(trace.outcome()), if over { now } else { 0.0 });
                if ctl
                    .live_state
                    .try_with_untracked(|s| *s != real)
                    .unwrap_or(false)
                {
                    ctl.live_state.try_set(real);
                }
                if ctl.shown_at.try_get_untracked().flatten().is_some() {
                    // The learner inspects a moment: the views stay there.
                    if let Some(m) = l.parked.as_mut() {
                        m.catch_up(&trace);
                    }
                    return !over;
                }
                ctl.now_ms.try_set(now);
                let stale = ctl
                    .snapshot
                    .try_with_untracked(|s| s.generation != l.run.generation())
                    .unwrap_or(true);
                if stale {
                    // Another run replaced this one's model: start afresh.
                    let mut model = RunModel::new(l.run.generation(), l.example);
                    model.catch_up(&trace);
                    ctl.snapshot.try_set(model);
                } else if ctl
                    .snapshot
                    .try_with_untracked(|s| s.events != trace.len())
                    .unwrap_or(false)
                {
                    ctl.snapshot.try_update(|s| s.catch_up(&trace));
                }
                !over
            })
            .unwrap_or(false)
    }
}

/// Scenario time now for `run`: its end once it ended.
pub(super) fn now_of(run: &Run, trace: &Trace) -> Ms {
    if trace.outcome().is_some() {
        trace.last_ms()
    } else {
        run.now()
    }
}
