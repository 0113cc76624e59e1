//! Runs an interpreted program ([`crate::python`]) as a run's main task: the
//! interpreter's event loop on this run's clock, its tasks as the run's
//! lanes, its prints and tracebacks in the run's log.
//!
//! The interpreter keeps CPython's own loop (ready queue, timer heap,
//! `Task.__step`); this host gives it the clock, the log, real waiting
//! (a browser timer or a jump of the virtual clock), blocking, fetches and
//! Web Worker jobs.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use futures::future::{select, AbortHandle, Abortable, Either, FutureExt, LocalBoxFuture};
use futures::stream::{FuturesUnordered, StreamExt};

use super::spawn::{Cx, MainFn, Run, WakeupGuard, VIRTUAL_LIMIT_MS};
use crate::core::trace::{EventKind, Ms, RunOutcome, TaskId};
use crate::python::host::{Host, HttpResponse, IoRequest, IoResult};
use crate::python::interp::Interp;
use crate::python::{OutLine, Outcome, Program, RunOptions};

type IoFuture = LocalBoxFuture<'static, (u64, IoResult)>;

/// The run, as the interpreter sees it.
struct RunHost {
    cx: Cx,
    main_taken: Cell<bool>,
    /// Real ms when the interpreter last came back from waiting.
    resumed_at: Cell<f64>,
    io: RefCell<FuturesUnordered<Abortable<IoFuture>>>,
    aborts: RefCell<Vec<(u64, AbortHandle, WakeupGuard)>>,
}

fn real_now() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        super::browser::perf_now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        thread_local! {
            static T0: std::time::Instant = std::time::Instant::now();
        }
        T0.with(|t| t.elapsed().as_secs_f64() * 1000.0)
    }
}

impl Host for RunHost {
    fn now(&self) -> Ms {
        self.cx.now()
    }

    fn is_virtual(&self) -> bool {
        self.cx.run.clock.as_virtual().is_some()
    }

    fn record(&self, lane: TaskId, kind: EventKind) {
        match kind {
            EventKind::Running => self.cx.run.mark_running(lane),
            EventKind::Woken => self.cx.run.woken(lane),
            EventKind::AtLine { .. }
            | EventKind::Stderr { .. }
            | EventKind::Diagnostic(_)
            | EventKind::Awaits(_) => self.cx.run.note(lane, kind),
            other => self.cx.run.act(lane, other),
        }
    }

    fn new_lane(&self, name: &str, scheduled: bool) -> TaskId {
        if scheduled && !self.main_taken.replace(true) {
            return self.cx.task;
        }
        self.cx.run.add_lane(name.to_string(), scheduled)
    }

    fn end_lane(&self, lane: TaskId, kind: EventKind) {
        self.cx.run.end_lane(lane, kind);
    }

    fn block(&self, ms: Ms) {
        self.cx.block(ms);
    }

    fn busy_ms(&self) -> f64 {
        real_now() - self.resumed_at.get()
    }

    fn start_io(&self, id: u64, req: IoRequest) {
        let run = self.cx.run.clone();
        let fut: IoFuture = match req {
            IoRequest::Http(r) => {
                let clock = run.clock.clone();
                let timeout = r.timeout_ms;
                let request =
                    super::net::request(&run, crate::python::modules::bundled_url(&r.url));
                async move {
                    let result = match timeout {
                        Some(t) if t.is_finite() && t >= 0.0 => {
                            match select(request, clock.sleep(t)).await {
                                Either::Left((r, _)) => Some(r),
                                Either::Right(_) => None,
                            }
                        }
                        _ => Some(request.await),
                    };
                    let out = match result {
                        None => IoResult::Timeout,
                        Some(Ok(resp)) => IoResult::Http(HttpResponse {
                            status: resp.status,
                            reason: if resp.status_text.is_empty() {
                                reason_of(resp.status).to_string()
                            } else {
                                resp.status_text
                            },
                            content_type: if crate::core::json::parse(&resp.body).is_some() {
                                "application/json".into()
                            } else {
                                "text/plain".into()
                            },
                            body: resp.body,
                        }),
                        Some(Err(e)) => {
                            let msg = e.to_string();
                            let msg = msg
                                .split_once(": ")
                                .map_or(msg.clone(), |(_, m)| m.to_string());
                            IoResult::HttpError("ClientConnectorError".into(), msg)
                        }
                    };
                    (id, out)
                }
                .boxed_local()
            }
            IoRequest::Work { ms } => {
                let cx = self.cx.clone();
                async move {
                    let n: Result<f64, String> = match &cx.run.clock {
                        super::clock::Clock::Virtual(_) => {
                            cx.run.clock.sleep(ms).await;
                            Ok(0.0)
                        }
                        #[cfg(target_arch = "wasm32")]
                        super::clock::Clock::Browser(_) => cx.worker_job(ms).await,
                    };
                    match n {
                        Ok(n) => (id, IoResult::Work(n)),
                        Err(e) => (id, IoResult::WorkFailed(e)),
                    }
                }
                .boxed_local()
            }
        };
        let (h, reg) = AbortHandle::new_pair();
        let guard = run.wakeup_guard();
        self.aborts.borrow_mut().push((id, h, guard));
        self.io.borrow_mut().push(Abortable::new(fut, reg));
    }

    fn cancel_io(&self, id: u64) {
        let mut a = self.aborts.borrow_mut();
        if let Some(p) = a.iter().position(|(i, _, _)| *i == id) {
            let (_, h, _) = a.remove(p);
            h.abort();
        }
    }

    fn idle(self: Rc<Self>, until: Option<Ms>) -> LocalBoxFuture<'static, Vec<(u64, IoResult)>> {
        async move {
            let me = self.clone();
            let wait = async move {
                match until {
                    Some(t) => {
                        let _guard = me.cx.run.wakeup_guard();
                        let ms = (t - me.cx.now()).max(0.0);
                        me.cx.run.clock.sleep(ms).await;
                    }
                    None => futures::future::pending::<()>().await,
                }
            }
            .boxed_local();
            let io_next = async {
                loop {
                    let next =
                        futures::future::poll_fn(|cx| self.io.borrow_mut().poll_next_unpin(cx))
                            .await;
                    match next {
                        Some(Ok(done)) => return Some(done),
                        Some(Err(_aborted)) => continue,
                        None => futures::future::pending::<()>().await,
                    }
                }
            }
            .boxed_local();
            let mut out = Vec::new();
            if let Either::Right((Some(done), _)) = select(wait, io_next).await {
                out.push(done);
            }
            // Others that finished meanwhile.
            let waker = crate::python::coro::noop_waker();
            let mut cx = std::task::Context::from_waker(&waker);
            while let std::task::Poll::Ready(Some(r)) =
                self.io.borrow_mut().poll_next_unpin(&mut cx)
            {
                if let Ok(done) = r {
                    out.push(done);
                }
            }
            {
                let mut a = self.aborts.borrow_mut();
                a.retain(|(i, _, _)| !out.iter().any(|(d, _)| d == i));
            }
            self.resumed_at.set(real_now());
            out
        }
        .boxed_local()
    }

    fn io_pending(&self) -> bool {
        !self.aborts.borrow().is_empty()
    }
}

/// Ends the interpreter of a run whose main future is dropped.
struct ShutdownGuard {
    host: Rc<RunHost>,
    interp: Rc<Interp>,
}

impl Drop for ShutdownGuard {
    fn drop(&mut self) {
        for (_, h, _) in self.host.aborts.borrow_mut().drain(..) {
            h.abort();
        }
        // Dropping the requests' futures aborts their fetches.
        let pending = std::mem::take(&mut *self.host.io.borrow_mut());
        drop(pending);
        self.interp.shutdown();
    }
}

fn reason_of(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

/// The main coroutine of a run of `program`.
pub fn main_fn(program: Rc<Program>, opts: RunOptions) -> MainFn {
    main_fn_with(program, opts, None)
}

/// Final values of a run's simple globals: (name, repr), by name.
pub type Finals = Rc<RefCell<Vec<(String, String)>>>;

/// The module's globals that are plain values (ints, bools, short strs),
/// by name; parameters (ALL_CAPS) and private names (`_x`) left out.
fn final_values(interp: &Interp) -> Vec<(String, String)> {
    use crate::python::value::Value;
    let mut out: Vec<(String, String)> = interp
        .globals
        .vars
        .borrow()
        .iter()
        .filter(|(name, _)| !name.starts_with('_') && name.chars().any(|c| c.is_ascii_lowercase()))
        .filter_map(|(name, v)| {
            let repr = match v {
                Value::Bool(b) => if *b { "True" } else { "False" }.to_string(),
                Value::Int(i) => i.to_string(),
                Value::BigInt(b) => b.to_decimal()?,
                Value::Str(t) if t.chars().count() <= 60 => format!("{t:?}"),
                _ => return None,
            };
            Some((name.to_string(), repr))
        })
        .collect();
    out.sort();
    out
}

fn main_fn_with(program: Rc<Program>, opts: RunOptions, finals: Option<Finals>) -> MainFn {
    Box::new(move |cx: Cx| {
        async move {
            let host = Rc::new(RunHost {
                cx: cx.clone(),
                main_taken: Cell::new(false),
                resumed_at: Cell::new(real_now()),
                io: RefCell::new(FuturesUnordered::new()),
                aborts: RefCell::new(Vec::new()),
            });
            // The browser's stack is small: the interpreter probes it (a
            // clean RecursionError, not a RangeError that breaks the page).
            #[cfg(target_arch = "wasm32")]
            super::browser::stack::install();
            let interp = Interp::new(host.clone(), &program.source, opts.seed);
            interp.main_lane.set(Some(cx.task));
            if let Some(j) = opts.jitter {
                *interp.jitter.borrow_mut() = Some(crate::core::explore::Jitter::new(j));
            }
            // Stop (or a new Run) drops this future: then every request in
            // flight is aborted and the interpreter's own references (its
            // ready queue and timers hold tasks, which hold it) are let go.
            let _guard = ShutdownGuard {
                host: host.clone(),
                interp: interp.clone(),
            };
            let outcome = interp.run_program(&program.module).await;
            if let Some(f) = &finals {
                *f.borrow_mut() = final_values(&interp);
            }
            let outcome = match outcome {
                crate::python::interp::Ending::Ok => RunOutcome::Finished,
                crate::python::interp::Ending::Deadlock => RunOutcome::Deadlock,
                crate::python::interp::Ending::Error(message) => {
                    cx.run.end_lane(cx.task, EventKind::Failed { message });
                    RunOutcome::Error
                }
            };
            if outcome == RunOutcome::Finished {
                cx.run.end_lane(cx.task, EventKind::Done);
            }
            cx.run.finish_run(outcome);
            Ok(())
        }
        .boxed_local()
    })
}

/// Runs `source` to its end on the virtual clock and gives back the log
/// (`None` if it does not compile).
pub fn simulate(source: &str) -> Option<crate::core::trace::Trace> {
    let program = Rc::new(crate::python::compile(source).ok()?);
    let run = Run::new_virtual(0);
    run.start_named(
        program.entry_name(),
        main_fn(program, RunOptions::default()),
    );
    run.advance(VIRTUAL_LIMIT_MS - 0.001);
    if !run.is_over() {
        run.stop();
    }
    let trace = run.trace().clone();
    Some(trace)
}

/// Runs `source` to its end on the virtual clock and collects what it
/// printed and how it ended, in `scripts/oracle.py`'s terms.
pub fn run_virtual(source: &str) -> Outcome {
    let program = match crate::python::compile(source) {
        Ok(p) => Rc::new(p),
        Err(e) => {
            return Outcome {
                lines: Vec::new(),
                ending: format!("error: {e}"),
                lanes: Vec::new(),
            }
        }
    };
    let run = Run::new_virtual(0);
    run.start_named(
        program.entry_name(),
        main_fn(program, RunOptions::default()),
    );
    // The oracle stops as soon as the clock passes the limit.
    run.advance(VIRTUAL_LIMIT_MS - 0.001);
    let limited = !run.is_over();
    if limited {
        run.stop();
    }
    let trace = run.trace();
    let mut lines = Vec::new();
    for e in trace.events() {
        match &e.kind {
            EventKind::Printed { line } => lines.push(OutLine {
                at_ms: e.at_ms,
                stream: "stdout",
                text: line.clone(),
            }),
            EventKind::Stderr { line } => lines.push(OutLine {
                at_ms: e.at_ms,
                stream: "stderr",
                text: line.clone(),
            }),
            _ => {}
        }
    }
    let ending = if limited {
        "limit".to_string()
    } else {
        match trace.outcome() {
            Some(RunOutcome::Finished) => "ok".to_string(),
            Some(RunOutcome::Deadlock) => "deadlock".to_string(),
            Some(RunOutcome::Stopped) => "limit".to_string(),
            Some(RunOutcome::Error) | None => {
                // The main lane's failure (the exception's last line: for a
                // group, its own line, not the box's last line).
                let main = trace
                    .events()
                    .iter()
                    .find(|e| matches!(e.kind, EventKind::Spawned { .. }))
                    .map(|e| e.task);
                let failed = trace.events().iter().rev().find_map(|e| match &e.kind {
                    EventKind::Failed { message } if Some(e.task) == main => Some(message.clone()),
                    _ => None,
                });
                let last = failed.unwrap_or_else(|| {
                    lines
                        .iter()
                        .rev()
                        .find(|l| l.stream == "stderr")
                        .map(|l| l.text.clone())
                        .unwrap_or_default()
                });
                format!("error: {last}")
            }
        }
    };
    // In the order they started, each by its last name (`set_name`).
    let mut lanes: Vec<(TaskId, String)> = Vec::new();
    for e in trace.events() {
        match &e.kind {
            EventKind::Spawned { name } => lanes.push((e.task, name.clone())),
            EventKind::Renamed { name } => {
                if let Some(l) = lanes.iter_mut().find(|(t, _)| *t == e.task) {
                    l.1 = name.clone();
                }
            }
            _ => {}
        }
    }
    let lanes = lanes.into_iter().map(|(_, n)| n).collect();
    Outcome {
        lines,
        ending,
        lanes,
    }
}

/// One run of `program` on the virtual clock with every sleep and mock
/// latency jittered as `jitter` says ("Explore timings"), started and ready
/// to be advanced ([`Run::advance_or`], a slice at a time); its globals'
/// final values land in the returned cell when `main()` ends.
pub fn explore_run(
    program: Rc<Program>,
    jitter: Option<crate::core::explore::JitterSpec>,
    generation: u32,
) -> (Run, Finals) {
    let finals: Finals = Rc::new(RefCell::new(Vec::new()));
    let run = Run::new_virtual(generation);
    let opts = RunOptions {
        jitter,
        ..RunOptions::default()
    };
    run.start_named(
        program.entry_name(),
        main_fn_with(program, opts, Some(finals.clone())),
    );
    (run, finals)
}

/// Explores `program` at once (native tests and benchmarks; the page does
/// the same in chunks): `runs` runs jittered by ±`percent` %, run `i` with
/// seed [`run_seed`](crate::core::explore::run_seed)`(seed, i)`.
pub fn explore(
    program: &Rc<Program>,
    runs: u32,
    percent: f64,
    seed: u64,
) -> crate::core::explore::Explorer {
    use crate::core::explore::{run_seed, Explorer, JitterSpec, OutcomeKey};
    let mut ex = Explorer::default();
    for i in 0..runs {
        let s = run_seed(seed, i);
        let (run, finals) = explore_run(program.clone(), Some(JitterSpec { percent, seed: s }), 0);
        run.advance(VIRTUAL_LIMIT_MS - 0.001);
        let limited = !run.is_over();
        if limited {
            run.stop();
        }
        let trace = run.trace();
        let key = OutcomeKey::of(&trace, finals.borrow().clone(), limited);
        ex.add(key, s, trace.last_ms());
    }
    ex
}
