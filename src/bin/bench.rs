//! The benchmark page's wasm (built by `make bench` into its own dist, so
//! none of this ships in the app). It mounts the real playground UI and
//! exposes a few measurements to the page's script (`window.wasmBindings`),
//! which `scripts/bench.mjs` drives in headless Chromium and compares, in
//! the same page and run, with bare JavaScript doing the same thing.
//!
//! - `bench_tasks(n, recorded)`: n instrumented tasks, each spawned, awaiting
//!   `sleep(0)` and finishing, gathered by `main()`; real ms for all of them.
//! - `bench_log_bytes(n)`: heap bytes the event log of such a run keeps,
//!   per event and per task (a counting allocator wraps the system one).
//! - `bench_sleeps(count, ms)`: lateness of `count` sequential instrumented
//!   sleeps, read from the run's own log.
//! - `bench_semaphore(tasks, limit, delay, python, virtual)`: real ms for the
//!   `semaphore` lesson's run, as Rust or as its Python program through the
//!   interpreter, on the browser's clock or the virtual one (CPU only).
//! - `bench_parse_start(source, reps)`: real ms to compile a program and
//!   start its run to its first suspension, `reps` times.

#[cfg(target_arch = "wasm32")]
mod bench {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::RefCell;
    use std::rc::Rc;
    use std::sync::atomic::{AtomicIsize, Ordering};

    use async_playground::core::trace::{EventKind, RunOutcome};
    use async_playground::runtime::spawn::VIRTUAL_LIMIT_MS;
    use async_playground::runtime::{Cx, MainFn, Run, TaskError};
    use futures::channel::oneshot;
    use futures::FutureExt;
    use wasm_bindgen::prelude::*;

    /// The system allocator, counting the bytes it has handed out and not
    /// yet taken back.
    struct Counting;

    static LIVE: AtomicIsize = AtomicIsize::new(0);

    // SAFETY: every call is forwarded unchanged to the system allocator;
    // only a counter is updated besides.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
            // SAFETY: same layout contract as ours.
            unsafe { System.alloc(layout) }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
            // SAFETY: `ptr` came from `alloc` with this layout.
            unsafe { System.dealloc(ptr, layout) }
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new: usize) -> *mut u8 {
            LIVE.fetch_add(new as isize - layout.size() as isize, Ordering::Relaxed);
            // SAFETY: forwarded with the caller's guarantees.
            unsafe { System.realloc(ptr, layout, new) }
        }
    }

    #[global_allocator]
    static ALLOC: Counting = Counting;

    fn now() -> f64 {
        web_sys::window()
            .and_then(|w| w.performance())
            .map_or_else(js_sys::Date::now, |p| p.now())
    }

    thread_local! {
        static GENERATION: RefCell<u32> = const { RefCell::new(1000) };
    }

    fn next_generation() -> u32 {
        GENERATION.with(|g| {
            *g.borrow_mut() += 1;
            *g.borrow()
        })
    }

    /// Starts a browser run of `main` and resolves when `main()` returned.
    async fn run_to_end<F, Fut>(recorded: bool, main: F) -> Run
    where
        F: FnOnce(Cx) -> Fut + 'static,
        Fut: std::future::Future<Output = Result<(), TaskError>> + 'static,
    {
        run_named_to_end("main()".to_string(), recorded, main).await
    }

    /// [`run_to_end`] with the main task's lane named `name`.
    async fn run_named_to_end<F, Fut>(name: String, recorded: bool, main: F) -> Run
    where
        F: FnOnce(Cx) -> Fut + 'static,
        Fut: std::future::Future<Output = Result<(), TaskError>> + 'static,
    {
        let run = Run::new_browser(next_generation(), 1.0);
        run.set_recording(recorded);
        let (tx, rx) = oneshot::channel::<()>();
        let tx = Rc::new(RefCell::new(Some(tx)));
        run.start_named(
            name,
            Box::new(move |cx| {
                async move {
                    let r = main(cx).await;
                    if let Some(tx) = tx.borrow_mut().take() {
                        let _ = tx.send(());
                    }
                    r
                }
                .boxed_local()
            }),
        );
        let _ = rx.await;
        // Let the run close its log (main's end is recorded right after).
        gloo_timers::future::TimeoutFuture::new(0).await;
        run
    }

    async fn tasks_run(n: u32, recorded: bool) -> Run {
        run_to_end(recorded, move |cx| async move {
            let handles = (0..n)
                .map(|i| {
                    cx.spawn(format!("t({i})"), |cx| async move {
                        cx.sleep(0.0).await;
                        Ok(())
                    })
                })
                .collect();
            cx.gather(handles).await.map(|_| ())
        })
        .await
    }

    /// Real ms for `n` instrumented tasks (spawn, `sleep(0)`, finish),
    /// recorded or not.
    #[wasm_bindgen]
    pub async fn bench_tasks(n: u32, recorded: bool) -> f64 {
        let t0 = now();
        let run = tasks_run(n, recorded).await;
        let t = now() - t0;
        drop(run);
        t
    }

    /// `[bytes per event, bytes per task, events]` the log of an `n`-task
    /// run keeps: heap held by a recorded run minus an unrecorded one.
    #[wasm_bindgen]
    pub async fn bench_log_bytes(n: u32) -> Vec<f64> {
        // Warm up both ways first, so capacities the runtime keeps between
        // runs (queues, tables) are grown before anything is measured.
        drop(tasks_run(n, false).await);
        drop(tasks_run(n, true).await);
        let base = LIVE.load(Ordering::Relaxed);
        let plain = tasks_run(n, false).await;
        let unrecorded = LIVE.load(Ordering::Relaxed) - base;
        drop(plain);
        let base = LIVE.load(Ordering::Relaxed);
        let run = tasks_run(n, true).await;
        let recorded = LIVE.load(Ordering::Relaxed) - base;
        let events = run.trace().len().max(1) as f64;
        let log = (recorded - unrecorded) as f64;
        drop(run);
        vec![log / events, log / f64::from(n.max(1)), events]
    }

    /// Lateness (real ms) of `count` sequential instrumented sleeps of `ms`,
    /// from the run's log: when each task ran again minus when its timer
    /// was due.
    #[wasm_bindgen]
    pub async fn bench_sleeps(count: u32, ms: f64) -> Vec<f64> {
        let run = run_to_end(true, move |cx| async move {
            for _ in 0..count {
                cx.sleep(ms).await;
            }
            Ok(())
        })
        .await;
        let trace = run.trace();
        let mut due = None;
        let mut late = Vec::with_capacity(count as usize);
        for e in trace.events().iter().filter(|e| e.task.0 == 0) {
            match e.kind {
                EventKind::Sleeping { until_ms } => due = Some(until_ms),
                EventKind::Running => {
                    if let Some(d) = due.take() {
                        late.push(e.at_ms - d);
                    }
                }
                _ => {}
            }
        }
        late
    }

    /// The `semaphore` lesson's values for `tasks`, `limit`, `delay` ms.
    fn semaphore_values(
        tasks: u32,
        limit: u32,
        delay_ms: f64,
    ) -> async_playground::core::params::Values {
        use async_playground::core::params::parse_query;
        use async_playground::lessons::lookup;
        let q = format!("example=semaphore&tasks={tasks}&limit={limit}&delay={delay_ms}");
        parse_query(&q, &lookup).values
    }

    /// The `semaphore` lesson's Python program with these values written
    /// into its module-level literals, as the page shows and runs it.
    fn semaphore_source(values: &async_playground::core::params::Values) -> String {
        use async_playground::core::code_params;
        let lesson = async_playground::lessons::find("semaphore").expect("semaphore lesson");
        code_params::apply(
            include_str!("../lessons/semaphore/lesson.py"),
            lesson.params,
            values,
        )
    }

    /// The main coroutine of the `semaphore` lesson's run: the Rust lesson,
    /// or its Python program (compiled before the clock starts).
    fn semaphore_main(tasks: u32, limit: u32, delay_ms: f64, python: bool) -> (String, MainFn) {
        use async_playground::python::{self, RunOptions};
        use async_playground::runtime::python_host;
        let values = semaphore_values(tasks, limit, delay_ms);
        if python {
            let program =
                python::compile(&semaphore_source(&values)).expect("semaphore.py compiles");
            let name = program.entry_name();
            (
                name,
                python_host::main_fn(Rc::new(program), RunOptions::default()),
            )
        } else {
            let lesson = async_playground::lessons::find("semaphore").expect("semaphore lesson");
            ("main()".to_string(), lesson.main_fn(values))
        }
    }

    /// Real ms for one recorded run of the `semaphore` lesson (`tasks`,
    /// `limit`, `delay_ms`), as Rust or as its Python program through the
    /// interpreter; on the browser's clock (the run takes its real time:
    /// the sleeps are real timers) or on the virtual clock (the sleeps cost
    /// nothing: CPU only). `NaN` if the run did not finish.
    #[wasm_bindgen]
    pub async fn bench_semaphore(
        tasks: u32,
        limit: u32,
        delay_ms: f64,
        python: bool,
        virtual_clock: bool,
    ) -> f64 {
        let (name, main) = semaphore_main(tasks, limit, delay_ms, python);
        if virtual_clock {
            let t0 = now();
            let run = Run::new_virtual(next_generation());
            run.start_named(name, main);
            run.advance(VIRTUAL_LIMIT_MS);
            let t = now() - t0;
            let ok = run.trace().outcome() == Some(RunOutcome::Finished);
            drop(run);
            return if ok { t } else { f64::NAN };
        }
        // As `bench_tasks`: from the start to `main()`'s return (then the
        // run closes its log), recorded as the app records.
        let t0 = now();
        let run = run_named_to_end(name, true, main).await;
        let t = now() - t0;
        let ok = run.trace().outcome() == Some(RunOutcome::Finished);
        drop(run);
        if ok {
            t
        } else {
            f64::NAN
        }
    }

    /// The `semaphore` lesson's Python program for these values (what
    /// `bench_semaphore` runs), for CPython to run the same program.
    #[wasm_bindgen]
    pub fn bench_semaphore_source(tasks: u32, limit: u32, delay_ms: f64) -> String {
        semaphore_source(&semaphore_values(tasks, limit, delay_ms))
    }

    /// `[compile ms, compile + start ms]` for each of `reps` times: parse
    /// `source` (`python::compile`) and start its run on the virtual clock to
    /// its first suspension (everything ready at time 0 has run; the loop
    /// waits for its first timer). Empty if it does not compile.
    #[wasm_bindgen]
    pub fn bench_parse_start(source: String, reps: u32) -> Vec<f64> {
        use async_playground::python::{self, RunOptions};
        use async_playground::runtime::python_host;
        let mut out = Vec::with_capacity(2 * reps as usize);
        for _ in 0..reps {
            let t0 = now();
            let Ok(program) = python::compile(&source) else {
                return Vec::new();
            };
            let t1 = now();
            let run = Run::new_virtual(next_generation());
            run.start_named(
                program.entry_name(),
                python_host::main_fn(Rc::new(program), RunOptions::default()),
            );
            run.advance(0.0);
            let t2 = now();
            if !run.is_over() {
                run.stop();
            }
            drop(run);
            out.push(t1 - t0);
            out.push(t2 - t0);
        }
        out
    }

    /// Heap bytes the wasm module holds right now (the counting allocator's
    /// total): what the soak benchmark watches besides the JS heap.
    #[wasm_bindgen]
    pub fn bench_live_bytes() -> f64 {
        LIVE.load(Ordering::Relaxed) as f64
    }

    /// `n` runs of `coroutine` (delay 0) through a run controller with no
    /// view at all: separates what the controller keeps from what views do.
    #[wasm_bindgen]
    pub async fn bench_ctl_runs(n: u32) {
        use async_playground::core::params::parse_query;
        use async_playground::ctl::run::{RunCtl, RunState};
        use async_playground::lessons::{find, lookup};
        use leptos::prelude::*;
        let owner = Owner::new();
        let ctl = owner.with(RunCtl::new);
        let p = parse_query("example=coroutine&delay=0", &lookup);
        let Some(lesson) = find("coroutine") else {
            return;
        };
        for _ in 0..n {
            owner.with(|| ctl.start(lesson, p.values.clone(), 1.0));
            while ctl.snapshot.with_untracked(|s| s.state) == RunState::Running {
                gloo_timers::future::TimeoutFuture::new(1).await;
            }
        }
        owner.with(|| ctl.reset());
        drop(owner);
    }

    thread_local! {
        static PART_CTL: RefCell<Option<async_playground::ctl::run::RunCtl>> = const { RefCell::new(None) };
    }

    /// `n` runs of `coroutine` (delay 0) through the controller of a page
    /// mounted with `?part=` (one component alone, to find what keeps
    /// memory between runs).
    #[wasm_bindgen]
    pub async fn bench_part_runs(n: u32) {
        use async_playground::core::params::parse_query;
        use async_playground::ctl::run::RunState;
        use async_playground::lessons::{find, lookup};
        use leptos::prelude::*;
        let Some(ctl) = PART_CTL.with(|c| *c.borrow()) else {
            return;
        };
        let p = parse_query("example=coroutine&delay=0", &lookup);
        let Some(lesson) = find("coroutine") else {
            return;
        };
        for _ in 0..n {
            ctl.start(lesson, p.values.clone(), 1.0);
            while ctl.snapshot.with_untracked(|s| s.state) == RunState::Running {
                gloo_timers::future::TimeoutFuture::new(1).await;
            }
            gloo_timers::future::TimeoutFuture::new(1).await;
        }
    }

    /// Mounts the real playground UI, configured by the page's URL; with
    /// `?part=timeline|console|stats|loop`, only that component.
    pub fn mount() {
        use async_playground::app::Playground;
        use async_playground::components::{
            console::Console, loop_panel::LoopPanel, stats::Stats, timeline::Timeline,
        };
        use async_playground::core::params::parse_query;
        use async_playground::ctl::run::RunCtl;
        use async_playground::lessons::lookup;
        use leptos::prelude::*;
        async_playground::web::install_panic_hook();
        let q = async_playground::web::location_search();
        let part = form_urlencoded::parse(q.trim_start_matches('?').as_bytes())
            .find(|(k, _)| k == "part")
            .map(|(_, v)| v.into_owned());
        let p = parse_query(&q, &lookup);
        match part {
            None => leptos::mount::mount_to_body(move || view! { <Playground initial=p.clone()/> }),
            Some(part) => leptos::mount::mount_to_body(move || {
                let ctl = RunCtl::new();
                provide_context(ctl);
                PART_CTL.with(|c| *c.borrow_mut() = Some(ctl));
                let body = match part.as_str() {
                    "timeline" => view! { <Timeline/> }.into_any(),
                    "console" => view! { <Console/> }.into_any(),
                    "stats" => view! { <Stats/> }.into_any(),
                    "loop" => view! { <LoopPanel/> }.into_any(),
                    _ => view! { <p>"nothing"</p> }.into_any(),
                };
                view! { <div data-testid="playground">{body}</div> }
            }),
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    bench::mount();
}

/// Natively: `cargo run --bin bench -- PROGRAM.py` runs a benchmark program
/// through the interpreter on the virtual clock and prints what it printed
/// and how it ended (to check a program of `scripts/bench_programs/`).
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("The benchmark page runs in a browser: make bench.");
        return;
    };
    let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let outcome = async_playground::python::run_virtual(&source);
    for line in &outcome.lines {
        println!("{:>9.1} {} {}", line.at_ms, line.stream, line.text);
    }
    println!("ending: {}", outcome.ending);
}
