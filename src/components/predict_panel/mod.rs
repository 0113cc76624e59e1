//! Predict, then run (`data-testid="predict"`): before a lesson's first
//! Run, one to three questions (declared beside the lesson, see
//! [`core::predict`](crate::core::predict)); after the run, each answer
//! scored against the run's own log, with the evidence (a button moves the
//! replay playhead to the moment that decides it and marks the lane and
//! the printed line) and one sentence of why.
//!
//! It never blocks a run: Run (the button, `R`, an embed's `run`,
//! `autorun=1`) runs at once, and the prediction is then not asked for
//! that run (the panel offers "Predict the next run"). With `autorun=1` it
//! is not opened at all; `predict=0` removes it. Whether a lesson's
//! prediction was answered or skipped is remembered in `localStorage`
//! when storage works (otherwise it is simply asked again next time).
//! Scored answers go to an embedding page as `prediction` messages and
//! are announced in the narration's live region.
//!
//! One file each: the panel, its phases and the scoring when a run ends
//! ([`panel`]); the questions' form ([`ask`]); the scored answers
//! ([`results`]); "Show in the run", which moves the replay to the evidence
//! and marks it on the page ([`evidence`]); the remembered answered or
//! skipped state ([`memory`]).

mod ask;
mod evidence;
mod memory;
mod panel;
mod results;

pub use panel::PredictPanel;
