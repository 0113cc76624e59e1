//! The run controller: starts and stops runs, and keeps the current run's
//! [`RunModel`] fresh: the frame loop ([`frame`](super::frame)) catches it
//! up with the events of each frame, in time proportional to what happened
//! during it, so a run of 10,000 tasks animates as smoothly as one of ten.
//! A run tells the controller when it ends ([`Run::on_end`]), frames or no
//! frames, and the controller tells whoever listens ([`RunCtl::ended`]).

use leptos::prelude::*;

pub use crate::core::model::{Ideal, Line, RunModel, RunState};
use crate::core::params::Values;
use crate::core::trace::{Ms, Trace};
use crate::ctl::ideal::{lanes_of, IdealSim};
use crate::lessons::Lesson;
use crate::runtime::browser::perf_now;
use crate::runtime::{MainFn, Run};
use crate::web::visibility;

/// The URL key and value that make the next Run panic on purpose, to show
/// (and test) the error panel.
pub const DEBUG_PANIC: (&str, &str) = ("debug", "panic");

/// What one run runs: the same program twice, once on the virtual clock
/// (the ideal run) and once for real, each as a run's main coroutine.
pub struct Mains {
    /// The main coroutine of the ideal run (virtual clock).
    pub ideal: MainFn,
    /// The main coroutine of the real run (the browser's clock).
    pub real: MainFn,
    /// The ideal elapsed time if known beforehand (a lesson's formula);
    /// `None` for an interpreted program, whose ideal run tells it.
    pub expected_ms: Option<Ms>,
    /// The main lane's name: `main()` for a lesson, the program's entry
    /// call for an interpreted one (`crawl(8)`, `<module>`).
    pub entry: String,
}

impl Mains {
    /// A lesson's Rust version with `values`.
    pub fn lesson(lesson: &'static Lesson, values: &Values) -> Self {
        Mains {
            ideal: lesson.main_fn(values.clone()),
            real: lesson.main_fn(values.clone()),
            expected_ms: Some(lesson.ideal_ms(values)),
            entry: "main()".to_string(),
        }
    }
}

pub(super) struct Live {
    pub(super) run: Run,
    pub(super) example: &'static str,
    pub(super) started_real_ms: f64,
    /// The run's own model while the views show a moment of it (replay):
    /// the frame loop keeps it caught up, following the run puts it back.
    pub(super) parked: Option<RunModel>,
}

/// Handle to the run controller (cheap to copy; lives in context).
#[derive(Clone, Copy)]
pub struct RunCtl {
    /// The model the views show: the current run's, or the run as of the
    /// playhead while replaying ([`RunCtl::show_at`]).
    pub snapshot: RwSignal<RunModel>,
    /// Scenario time now (advances every frame while a run is live).
    pub now_ms: RwSignal<Ms>,
    /// The ideal duration of the current lesson and parameters (virtual clock).
    pub ideal_ms: RwSignal<Ms>,
    /// The ideal run's lanes (virtual clock), for the overlay.
    pub ideal: RwSignal<Ideal>,
    /// The real run's state and, once it ended, its elapsed time, whatever
    /// the playhead shows (for `data-run-state`, `data-elapsed-ms`, Run / Stop).
    pub live_state: RwSignal<(RunState, Ms)>,
    /// The replay playhead the views show (`None`: follow the run). Set it
    /// with [`RunCtl::show_at`].
    pub shown_at: RwSignal<Option<Ms>>,
    /// The generation of the last run that ended (0: none yet), set when
    /// the run itself ends, even in a tab or frame that gets no animation
    /// frames: listen to it instead of polling.
    pub ended: RwSignal<u32>,
    pub(super) live: StoredValue<Option<Live>, LocalStorage>,
    pub(super) ideal_run: StoredValue<Option<Run>, LocalStorage>,
    pub(super) ideal_sim: StoredValue<Option<IdealSim>, LocalStorage>,
    generation: StoredValue<u32>,
    pub(super) frame: StoredValue<Option<AnimationFrameRequestHandle>>,
    on_visibility: StoredValue<Option<visibility::Listener>, LocalStorage>,
    /// The page was opened with [`DEBUG_PANIC`]: the next Run panics.
    panic_on_run: StoredValue<bool>,
}

/// Whether the page's URL asks the next Run to panic (see [`DEBUG_PANIC`]).
fn panic_requested() -> bool {
    let q = crate::web::location_search();
    form_urlencoded::parse(q.trim_start_matches('?').as_bytes())
        .any(|(k, v)| k == DEBUG_PANIC.0 && v == DEBUG_PANIC.1)
}

impl RunCtl {
    /// A controller with no run.
    pub fn new() -> Self {
        let ctl = RunCtl {
            snapshot: RwSignal::new(RunModel::idle()),
            now_ms: RwSignal::new(0.0),
            ideal_ms: RwSignal::new(0.0),
            ideal: RwSignal::new(Ideal::default()),
            live_state: RwSignal::new((RunState::Idle, 0.0)),
            shown_at: RwSignal::new(None),
            ended: RwSignal::new(0),
            live: StoredValue::new_local(None),
            ideal_run: StoredValue::new_local(None),
            ideal_sim: StoredValue::new_local(None),
            generation: StoredValue::new(0),
            frame: StoredValue::new(None),
            on_visibility: StoredValue::new_local(None),
            // Read now: the page rewrites its URL to the lesson's keys.
            panic_on_run: StoredValue::new(panic_requested()),
        };
        // Notes on the live run when the tab is hidden: timers in
        // background tabs are throttled (to once a second or less), which
        // would make the figures wrong without a word.
        let listener = visibility::on_hidden(move || {
            let live = ctl
                .live_state
                .try_with_untracked(|s| s.0 == RunState::Running)
                .unwrap_or(false);
            if live {
                ctl.note_on_run(|m| m.hidden_during_run = true);
            }
        });
        ctl.on_visibility.set_value(listener);
        on_cleanup(move || ctl.dispose());
        ctl
    }

    /// Starts a run of `lesson`'s Rust version with `values` at `speed`; a
    /// live run is stopped first (its timers cleared, its late events
    /// ignored).
    pub fn start(&self, lesson: &'static Lesson, values: Values, speed: f64) {
        self.start_mains(lesson.id, Mains::lesson(lesson, &values), speed);
    }

    /// Starts a run of `mains` (a lesson's Rust version or an interpreted
    /// program) for the page `example` at `speed`; a live run is stopped
    /// first (its timers cleared, its late events ignored).
    pub fn start_mains(&self, example: &'static str, mains: Mains, speed: f64) {
        self.stop();
        if self.panic_on_run.try_get_value().unwrap_or(false) {
            panic!("debug=panic: this Run panics on purpose, to show the error panel");
        }
        let Some(generation) = self.claim_generation() else {
            return;
        };
        // The ideal run: the same code on the virtual clock, computed in
        // slices (a small lesson's at once, right here). An interpreted
        // program's ideal time is what its ideal run takes.
        let Mains {
            ideal,
            real,
            expected_ms,
            entry,
        } = mains;
        self.ideal_ms.set(expected_ms.unwrap_or(0.0));
        self.ideal.set(Ideal::default());
        self.ideal_run.set_value(None);
        self.ideal_sim.set_value(Some(IdealSim::start(
            generation,
            entry.clone(),
            ideal,
            expected_ms,
        )));
        self.advance_ideal();
        let run = Run::new_browser(generation, speed);
        run.start_named(entry, real);
        self.now_ms.set(0.0);
        self.shown_at.set(None);
        self.live_state.set((RunState::Running, 0.0));
        let mut model = RunModel::new(generation, example);
        model.hidden_during_run = visibility::tab_hidden();
        model.catch_up(&run.trace());
        self.snapshot.set(model);
        self.listen_for_end(&run);
        self.live.set_value(Some(Live {
            run,
            example,
            started_real_ms: perf_now(),
            parked: None,
        }));
        self.schedule_frame();
    }

    /// When `run` ends, catches the model up and tells [`RunCtl::ended`]'s
    /// listeners, after the runtime's current step (from a microtask: the
    /// runtime may be in the middle of something).
    fn listen_for_end(&self, run: &Run) {
        let ctl = *self;
        let generation = run.generation();
        run.on_end(move |_| {
            queue_microtask(move || {
                let current = ctl
                    .live
                    .try_with_value(|l| l.as_ref().map(|l| l.run.generation()))
                    .flatten();
                if current == Some(generation) {
                    ctl.refresh();
                }
                ctl.ended.try_set(generation);
            });
        });
    }

    /// A new run generation, for a run made elsewhere and then shown with
    /// [`RunCtl::show_recorded`] (its events are this generation's).
    pub fn claim_generation(&self) -> Option<u32> {
        self.generation.try_update_value(|g| {
            *g += 1;
            *g
        })
    }

    /// Shows `run`, a run recorded elsewhere on the virtual clock (an
    /// outcome of "Explore timings"), as the current run in every view
    /// (timeline, loop panel, console, replay), with `ideal` (the same
    /// program with exact timings) as its ideal run. A live run is stopped
    /// first. `run` should carry a generation from
    /// [`RunCtl::claim_generation`].
    pub fn show_recorded(&self, example: &'static str, run: Run, ideal: Option<Run>) {
        self.stop();
        if !run.is_over() {
            run.stop();
        }
        self.ideal_sim.set_value(None);
        let generation = run.generation();
        match ideal {
            Some(i) => {
                let (tasks, elapsed) = lanes_of(&i.trace());
                self.ideal_ms.set(elapsed);
                self.ideal.set(Ideal {
                    generation,
                    tasks,
                    elapsed_ms: elapsed,
                });
                self.ideal_run.set_value(Some(i));
            }
            None => {
                self.ideal.set(Ideal::default());
                self.ideal_run.set_value(None);
            }
        }
        let mut model = RunModel::new(generation, example);
        let end = {
            let trace = run.trace();
            model.catch_up(&trace);
            trace.last_ms()
        };
        let state = model.state;
        self.snapshot.set(model);
        self.now_ms.set(end);
        self.shown_at.set(None);
        self.live_state.set((state, end));
        self.live.set_value(Some(Live {
            run,
            example,
            started_real_ms: perf_now(),
            parked: None,
        }));
        self.ended.set(generation);
    }

    /// Stops the live run, if any.
    pub fn stop(&self) {
        let live = self
            .live
            .try_with_value(|l| l.as_ref().map(|l| l.run.clone()))
            .flatten();
        if let Some(run) = live {
            run.stop();
            self.refresh();
        }
    }

    /// A copy of the current run's event log (for exports and narration),
    /// if there is a run. Prefer [`RunCtl::with_trace`] in anything that runs
    /// every frame: a large run's log is megabytes.
    pub fn trace(&self) -> Option<Trace> {
        self.with_trace(Trace::clone)
    }

    /// Reads the current run's event log in place, if there is a run.
    pub fn with_trace<R>(&self, f: impl FnOnce(&Trace) -> R) -> Option<R> {
        self.live
            .try_with_value(|l| l.as_ref().map(|l| f(&l.run.trace())))
            .flatten()
    }

    /// Reads the ideal run's event log (virtual clock) in place, if there
    /// is a run.
    pub fn with_ideal_trace<R>(&self, f: impl FnOnce(&Trace) -> R) -> Option<R> {
        self.ideal_run
            .try_with_value(|r| r.as_ref().map(|r| f(&r.trace())))
            .flatten()
    }

    /// Timers and I/O of the current run still pending (0 once it ended).
    pub fn pending_wakeups(&self) -> usize {
        self.live
            .try_with_value(|l| l.as_ref().map_or(0, |l| l.run.pending_wakeups()))
            .unwrap_or(0)
    }

    /// Forgets the run (e.g. when another lesson is opened).
    pub fn reset(&self) {
        self.stop();
        self.live.set_value(None);
        self.ideal_run.set_value(None);
        self.ideal_sim.set_value(None);
        self.ideal.set(Ideal::default());
        self.snapshot.set(RunModel::idle());
        self.now_ms.set(0.0);
        self.shown_at.set(None);
        self.live_state.set((RunState::Idle, 0.0));
    }

    fn dispose(&self) {
        self.cancel_frame();
        if let Some(Some(run)) = self
            .live
            .try_with_value(|l| l.as_ref().map(|l| l.run.clone()))
        {
            run.stop();
        }
        if let Some(Some(listener)) = self.on_visibility.try_update_value(Option::take) {
            listener.remove();
        }
    }
}

impl Default for RunCtl {
    fn default() -> Self {
        Self::new()
    }
}
