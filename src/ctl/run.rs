//! The run controller: starts and stops runs, and keeps one snapshot of the
//! current run's log fresh with a single requestAnimationFrame loop (not one
//! per task). The loop runs only while a run is live.
//!
//! The snapshot is updated *in place* from the events recorded since the
//! last frame ([`LiveView`]): a frame costs time in proportion to what
//! happened during it, not to the size of the run, so a run of 10,000 tasks
//! animates as smoothly as one of ten.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::core::lateness::{stall_of, Stall, STALL_MS};
use crate::core::live::{LiveTasks, LiveView, Stream};
use crate::core::params::Values;
use crate::core::stats::Stats;
use crate::core::task::TaskView;
use crate::core::trace::{Ms, RunOutcome, Trace};
use crate::lessons::Lesson;
use crate::runtime::clock::browser::perf_now;
use crate::runtime::spawn::VIRTUAL_LIMIT_MS;
use crate::runtime::{MainFn, Run};

/// Longest a run may take in real time before it is stopped (with a note).
pub const MAX_RUN_REAL_MS: f64 = 10.0 * 60.0 * 1000.0;

/// Most events a run may record before it is stopped (with a note): about
/// 100 MB of log at worst, far beyond any lesson at its largest settings.
pub const MAX_EVENTS: usize = 1_500_000;

/// Real ms per frame the ideal run (virtual clock) may take while it is
/// computed beside a live run. A small lesson's ideal run is done within
/// the first slice, before the real run starts; a run of 10,000 tasks is
/// computed over a few frames instead of freezing the page at Run.
const IDEAL_BUDGET_MS: f64 = 2.0;

/// The ideal run being computed, a slice of scenario time at a time.
struct IdealSim {
    generation: u32,
    run: Run,
    reached: Ms,
    /// Whether the last slice stopped before `reached` (the same instant
    /// woke more tasks than one slice polls).
    paused: bool,
    step: Ms,
    lanes: LiveTasks,
    tasks: Vec<TaskView>,
    consumed: usize,
}

/// The URL key and value that make the next Run panic on purpose, to show
/// (and test) the error panel.
pub const DEBUG_PANIC: (&str, &str) = ("debug", "panic");

/// The state of the run as `data-run-state` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunState {
    /// No run yet.
    Idle,
    /// A run is live.
    Running,
    /// Ended by itself.
    Finished,
    /// Ended by Stop.
    Stopped,
    /// Ended stuck.
    Deadlock,
    /// The program's main coroutine raised.
    Error,
}

impl RunState {
    /// The contract's word.
    pub fn as_str(self) -> &'static str {
        match self {
            RunState::Idle => "idle",
            RunState::Running => "running",
            RunState::Finished => "finished",
            RunState::Stopped => "stopped",
            RunState::Deadlock => "deadlock",
            RunState::Error => "error",
        }
    }

    fn of(outcome: Option<RunOutcome>) -> Self {
        match outcome {
            None => RunState::Running,
            Some(RunOutcome::Finished) => RunState::Finished,
            Some(RunOutcome::Stopped) => RunState::Stopped,
            Some(RunOutcome::Deadlock) => RunState::Deadlock,
            Some(RunOutcome::Error) => RunState::Error,
        }
    }
}

/// One printed line.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// When it was printed.
    pub at_ms: Ms,
    /// Who printed it.
    pub task: String,
    /// stdout (`print`) or stderr (warnings, tracebacks).
    pub stream: Stream,
    /// What was printed.
    pub text: String,
}

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
}

impl Mains {
    /// A lesson's Rust version with `values`.
    pub fn lesson(lesson: &'static Lesson, values: &Values) -> Self {
        Mains {
            ideal: lesson.main_fn(values.clone()),
            real: lesson.main_fn(values.clone()),
            expected_ms: Some(lesson.ideal_ms(values)),
        }
    }
}

/// What the views show: derived from the log, refreshed when it grows.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// The run's generation (0: none yet).
    pub generation: u32,
    /// The lesson the run belongs to.
    pub example: &'static str,
    /// Idle, running or how it ended.
    pub state: RunState,
    /// Tasks as of the last event.
    pub tasks: Vec<TaskView>,
    /// Printed lines.
    pub console: Vec<Line>,
    /// Figures.
    pub stats: Stats,
    /// Events recorded so far.
    pub events: usize,
    /// Bumped by every refresh that changed something.
    pub rev: u64,
    /// The `rev` at which each lane last changed (parallel to `tasks`):
    /// views redraw only lanes newer than what they drew.
    pub task_revs: Vec<u64>,
    /// The loop's heartbeats so far: (time, lateness), scenario ms.
    pub heartbeats: Vec<(Ms, Ms)>,
    /// Stalls of the loop so far (heartbeats later than [`STALL_MS`]).
    pub stalls: Vec<Stall>,
    /// Whether the tab was hidden during the run: browsers throttle timers
    /// in background tabs, so its timings are not what the code would do.
    pub hidden_during_run: bool,
    /// Why a limit stopped the run, if one did.
    pub limit_note: Option<String>,
}

impl Snapshot {
    fn idle() -> Self {
        Snapshot {
            generation: 0,
            example: "",
            state: RunState::Idle,
            tasks: Vec::new(),
            console: Vec::new(),
            stats: Stats::default(),
            events: 0,
            rev: 0,
            task_revs: Vec::new(),
            heartbeats: Vec::new(),
            stalls: Vec::new(),
            hidden_during_run: false,
            limit_note: None,
        }
    }

    /// Applies the events of `trace` that `live` has not seen yet.
    fn catch_up(&mut self, live: &mut LiveView, trace: &Trace) {
        let changes = live.catch_up(trace, &mut self.tasks);
        self.rev += 1;
        let rev = self.rev;
        self.task_revs.resize(self.tasks.len(), rev);
        for p in changes.lanes {
            if let Some(r) = self.task_revs.get_mut(p) {
                *r = rev;
            }
        }
        for p in changes.printed {
            let task = live
                .lanes
                .position(p.task)
                .and_then(|p| self.tasks.get(p))
                .map(|t| t.name.clone())
                .unwrap_or_default();
            self.console.push(Line {
                at_ms: p.at_ms,
                task,
                stream: p.stream,
                text: p.text,
            });
        }
        for &(at, lag) in &changes.heartbeats {
            self.stalls.extend(stall_of(at, lag, STALL_MS));
        }
        self.heartbeats.extend(changes.heartbeats);
        self.stats = live.stats.stats().clone();
        self.state = RunState::of(self.stats.outcome);
        self.events = live.consumed;
    }
}

/// The ideal run of the current lesson and parameters, on the virtual
/// clock: what the code would do with perfectly punctual timers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ideal {
    /// The generation of the real run it goes with.
    pub generation: u32,
    /// Its lanes, matched to the real ones by position and name.
    pub tasks: Vec<TaskView>,
    /// Its elapsed scenario time.
    pub elapsed_ms: Ms,
}

struct Live {
    run: Run,
    example: &'static str,
    started_real_ms: f64,
    view: LiveView,
}

/// Handle to the run controller (cheap to copy; lives in context).
#[derive(Clone, Copy)]
pub struct RunCtl {
    /// The current run, derived.
    pub snapshot: RwSignal<Snapshot>,
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
    live: StoredValue<Option<Live>, LocalStorage>,
    ideal_run: StoredValue<Option<Run>, LocalStorage>,
    ideal_sim: StoredValue<Option<IdealSim>, LocalStorage>,
    generation: StoredValue<u32>,
    frame: StoredValue<Option<AnimationFrameRequestHandle>>,
    on_visibility: StoredValue<Option<Closure<dyn FnMut()>>, LocalStorage>,
    /// The page was opened with [`DEBUG_PANIC`]: the next Run panics.
    panic_on_run: StoredValue<bool>,
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

fn tab_hidden() -> bool {
    document().is_some_and(|d| d.hidden())
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
            snapshot: RwSignal::new(Snapshot::idle()),
            now_ms: RwSignal::new(0.0),
            ideal_ms: RwSignal::new(0.0),
            ideal: RwSignal::new(Ideal::default()),
            live_state: RwSignal::new((RunState::Idle, 0.0)),
            shown_at: RwSignal::new(None),
            live: StoredValue::new_local(None),
            ideal_run: StoredValue::new_local(None),
            ideal_sim: StoredValue::new_local(None),
            generation: StoredValue::new(0),
            frame: StoredValue::new(None),
            on_visibility: StoredValue::new_local(None),
            // Read now: the page rewrites its URL to the lesson's keys.
            panic_on_run: StoredValue::new(panic_requested()),
        };
        ctl.watch_visibility();
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
        let generation = self.generation.try_update_value(|g| {
            *g += 1;
            *g
        });
        let Some(generation) = generation else { return };
        // The ideal run: the same code on the virtual clock, computed in
        // slices (a small lesson's at once, right here). An interpreted
        // program's ideal time is what its ideal run takes.
        let Mains {
            ideal,
            real,
            expected_ms,
        } = mains;
        let expected = expected_ms.unwrap_or(0.0);
        let sim = Run::new_virtual(0);
        sim.start(ideal);
        self.ideal_ms.set(expected);
        self.ideal.set(Ideal::default());
        self.ideal_run.set_value(None);
        self.ideal_sim.set_value(Some(IdealSim {
            generation,
            run: sim,
            reached: 0.0,
            paused: false,
            step: match expected_ms {
                Some(e) => (e / 40.0).clamp(1.0, 60_000.0),
                None => 250.0,
            },
            lanes: LiveTasks::default(),
            tasks: Vec::new(),
            consumed: 0,
        }));
        self.advance_ideal();
        let run = Run::new_browser(generation, speed);
        run.start(real);
        self.now_ms.set(0.0);
        self.shown_at.set(None);
        self.live_state.set((RunState::Running, 0.0));
        let mut view = LiveView::default();
        let mut snap = Snapshot::idle();
        snap.generation = generation;
        snap.example = example;
        snap.hidden_during_run = tab_hidden();
        snap.catch_up(&mut view, &run.trace());
        self.snapshot.set(snap);
        self.live.set_value(Some(Live {
            run,
            example,
            started_real_ms: perf_now(),
            view,
        }));
        self.schedule_frame();
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
                let (tasks, elapsed) = {
                    let t = i.trace();
                    let mut lanes = LiveTasks::default();
                    let mut tasks = Vec::new();
                    for e in t.events() {
                        lanes.apply(e, &mut tasks);
                    }
                    (tasks, t.last_ms())
                };
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
        let mut view = LiveView::default();
        let mut snap = Snapshot::idle();
        snap.generation = generation;
        snap.example = example;
        let end = {
            let trace = run.trace();
            snap.catch_up(&mut view, &trace);
            trace.last_ms()
        };
        let state = snap.state;
        self.snapshot.set(snap);
        self.now_ms.set(end);
        self.shown_at.set(None);
        self.live_state.set((state, end));
        self.live.set_value(Some(Live {
            run,
            example,
            started_real_ms: perf_now(),
            view,
        }));
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

    /// Advances the ideal run's computation by one slice of at most
    /// [`IDEAL_BUDGET_MS`]; once it is done, publishes it. Returns whether
    /// it still has work.
    fn advance_ideal(&self) -> bool {
        let t0 = perf_now();
        let done = self
            .ideal_sim
            .try_update_value(|slot| {
                let sim = slot.as_mut()?;
                loop {
                    if !sim.paused {
                        sim.reached = (sim.reached + sim.step).min(VIRTUAL_LIMIT_MS);
                    }
                    // Even one instant is cut into slices: a main() that
                    // spawns 10,000 tasks must not hold the frame for all.
                    let out_of_time = || perf_now() - t0 > IDEAL_BUDGET_MS;
                    sim.paused = !sim.run.advance_or(sim.reached, &out_of_time);
                    let over =
                        sim.run.is_over() || (!sim.paused && sim.reached >= VIRTUAL_LIMIT_MS);
                    if over && !sim.run.is_over() {
                        sim.run.stop();
                    }
                    {
                        let trace = sim.run.trace();
                        for e in trace.events().get(sim.consumed..).unwrap_or_default() {
                            sim.lanes.apply(e, &mut sim.tasks);
                        }
                        sim.consumed = trace.len();
                    }
                    if over {
                        return slot.take();
                    }
                    if perf_now() - t0 > IDEAL_BUDGET_MS {
                        return None;
                    }
                }
            })
            .flatten();
        let Some(sim) = done else {
            return self
                .ideal_sim
                .try_with_value(Option::is_some)
                .unwrap_or(false);
        };
        let elapsed = sim.run.trace().last_ms();
        self.ideal_ms.set(elapsed);
        self.ideal.set(Ideal {
            generation: sim.generation,
            tasks: sim.tasks,
            elapsed_ms: elapsed,
        });
        self.ideal_run.set_value(Some(sim.run));
        false
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
        self.snapshot.set(Snapshot::idle());
        self.now_ms.set(0.0);
        self.shown_at.set(None);
        self.live_state.set((RunState::Idle, 0.0));
    }

    /// Shows every view as of `t` (replay), or follows the run again with
    /// `None`. Nothing re-runs: the snapshot is derived from the log cut at
    /// `t`. The real run's state stays in [`RunCtl::live_state`].
    pub fn show_at(&self, t: Option<Ms>) {
        let ctl = *self;
        let following = self.shown_at.get_untracked().is_none();
        self.shown_at.set(t);
        if t.is_none() && following && self.follows_live_run() {
            // Already following this run: its snapshot is up to date but
            // for the latest events, so catch up instead of deriving a
            // 10,000-task run again from its whole log (which the replay
            // controller would do at every start and end of a run).
            self.refresh();
            return;
        }
        self.live.try_update_value(|l| {
            let Some(l) = l.as_mut() else { return };
            let full = l.run.trace();
            let (hidden, note) = ctl
                .snapshot
                .with_untracked(|s| (s.hidden_during_run, s.limit_note.clone()));
            let mut snap = Snapshot::idle();
            snap.generation = l.run.generation();
            snap.example = l.example;
            snap.hidden_during_run = hidden;
            snap.limit_note = note;
            match t {
                Some(t) => {
                    let cut = crate::core::replay::trace_until(&full, t);
                    let mut view = LiveView::default();
                    snap.catch_up(&mut view, &cut);
                    ctl.now_ms.set(t);
                }
                None => {
                    l.view = LiveView::default();
                    snap.catch_up(&mut l.view, &full);
                    let now = if full.outcome().is_some() {
                        full.last_ms()
                    } else {
                        l.run.now()
                    };
                    ctl.now_ms.set(now);
                }
            }
            // Lanes redraw from a new revision.
            snap.rev = ctl.snapshot.with_untracked(|s| s.rev) + 1;
            let rev = snap.rev;
            snap.task_revs.iter_mut().for_each(|r| *r = rev);
            ctl.snapshot.set(snap);
        });
    }

    /// Whether the snapshot is the live run's, kept by the frame loop.
    fn follows_live_run(&self) -> bool {
        let live = self
            .live
            .try_with_value(|l| l.as_ref().map(|l| l.run.generation()))
            .flatten();
        let shown = self.snapshot.try_with_untracked(|s| s.generation);
        matches!((live, shown), (Some(a), Some(b)) if a == b)
    }

    fn dispose(&self) {
        if let Some(Some(h)) = self.frame.try_update_value(Option::take) {
            h.cancel();
        }
        if let Some(Some(run)) = self
            .live
            .try_with_value(|l| l.as_ref().map(|l| l.run.clone()))
        {
            run.stop();
        }
        if let (Some(Some(f)), Some(doc)) = (
            self.on_visibility.try_update_value(Option::take),
            document(),
        ) {
            let _ = doc.remove_event_listener_with_callback(
                "visibilitychange",
                f.as_ref().unchecked_ref(),
            );
        }
    }

    /// Notes on the live run when the tab is hidden: timers in background
    /// tabs are throttled (to once a second or less), which would make the
    /// figures wrong without a word.
    fn watch_visibility(&self) {
        let ctl = *self;
        let f = Closure::<dyn FnMut()>::new(move || {
            if !tab_hidden() {
                return;
            }
            let live = ctl
                .snapshot
                .try_with_untracked(|s| s.state == RunState::Running)
                .unwrap_or(false);
            if live {
                ctl.snapshot.try_update(|s| s.hidden_during_run = true);
            }
        });
        if let Some(doc) = document() {
            let _ = doc
                .add_event_listener_with_callback("visibilitychange", f.as_ref().unchecked_ref());
        }
        self.on_visibility.set_value(Some(f));
    }

    fn schedule_frame(&self) {
        let ctl = *self;
        if let Some(Some(h)) = self.frame.try_update_value(Option::take) {
            h.cancel();
        }
        if let Ok(h) = request_animation_frame_with_handle(move || ctl.frame_tick()) {
            self.frame.try_set_value(Some(h));
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
                if l.run.is_over() {
                    return None;
                }
                if perf_now() - l.started_real_ms > MAX_RUN_REAL_MS {
                    Some(
                        "Stopped after 10 minutes: a run may last at most 10 minutes of real time."
                            .to_string(),
                    )
                } else if l.run.trace().len() > MAX_EVENTS {
                    Some(format!(
                        "Stopped after {MAX_EVENTS} events: a run may record at most that many."
                    ))
                } else {
                    None
                }
            })
            .flatten();
        if let Some(note) = over {
            self.stop();
            self.snapshot.try_update(|s| s.limit_note = Some(note));
        }
    }

    /// Applies the events recorded since the last refresh to the snapshot;
    /// returns whether the run is still live.
    fn refresh(&self) -> bool {
        let ctl = *self;
        self.live
            .try_update_value(|l| {
                let Some(l) = l.as_mut() else { return false };
                let trace = l.run.trace();
                let over = trace.outcome().is_some();
                let now = if over { trace.last_ms() } else { l.run.now() };
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
                    return !over;
                }
                ctl.now_ms.try_set(now);
                let stale = ctl
                    .snapshot
                    .try_with_untracked(|s| s.generation != l.run.generation())
                    .unwrap_or(true);
                if stale {
                    // Another run replaced this one's snapshot: start afresh.
                    l.view = LiveView::default();
                    let mut snap = Snapshot::idle();
                    snap.generation = l.run.generation();
                    snap.example = l.example;
                    snap.catch_up(&mut l.view, &trace);
                    ctl.snapshot.try_set(snap);
                } else if trace.len() != l.view.consumed {
                    ctl.snapshot.try_update(|s| s.catch_up(&mut l.view, &trace));
                }
                !over
            })
            .unwrap_or(false)
    }
}

impl Default for RunCtl {
    fn default() -> Self {
        Self::new()
    }
}
