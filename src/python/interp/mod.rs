//! The evaluator: an async tree-walker.
//!
//! Statements and expressions are evaluated by async functions, so a Python
//! suspension anywhere (an `await` deep inside an expression, a `yield` in
//! a generator) is a Rust suspension that unwinds to whoever polls the body
//! (see [`super::coro`]). The event loop ([`mod@self::aloop`]) follows
//! CPython's `BaseEventLoop._run_once` and `Task.__step` step by step, so
//! what runs in which turn of the loop is CPython's order.

mod aloop;
mod call;
mod defs;
mod expr;
mod group_methods;
mod groups;
mod names;
mod pattern;
mod scope;
mod stmt;
mod traceback;
mod try_stmt;
mod with_stmt;

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

pub use aloop::{Job, Loop, Yielded};
pub use call::{call_name, set_stack_probe};
pub use group_methods::{
    add_note, derive as group_derive, last_line, split as group_split, subgroup as group_subgroup,
};
pub use scope::analyze;
pub use traceback::group_members;

use super::ast::Name;
use super::coro::Coro;
use super::exc::{Exc, PyResult, T};
use super::future::Fut;
use super::host::Host;
use super::value::{Class, FastMap, Function, Scope, ScopeInfo, Value};
use crate::core::trace::{EventKind, TaskId};

/// CPython's default recursion limit.
pub const RECURSION_LIMIT: u32 = 1000;

/// Real milliseconds a program may run without yielding to the loop.
pub const BUSY_LIMIT_MS: f64 = 5000.0;

/// Most lines a program may print.
pub const MAX_OUTPUT_LINES: usize = 100_000;

/// Most tasks a program may create.
pub const MAX_TASKS: usize = 100_000;

/// Most items one list, str or dict may hold.
pub const MAX_ITEMS: usize = 50_000_000;

/// A failed task whose exception may never be retrieved: the task, its
/// flag, the exception, its repr, its lane.
pub type Unretrieved = (Weak<Fut>, Rc<Cell<bool>>, Exc, String, TaskId);

/// How a block of statements ended early.
#[derive(Debug)]
pub enum Flow {
    /// An exception.
    Exc(Exc),
    /// `return`.
    Return(Value),
    /// `break`.
    Break,
    /// `continue`.
    Continue,
}

impl From<Exc> for Flow {
    fn from(e: Exc) -> Self {
        Flow::Exc(e)
    }
}

/// What a frame runs.
#[derive(Debug, Clone)]
pub enum FrameKind {
    /// Module level.
    Module,
    /// A function call.
    Function(Rc<Function>),
    /// A class body.
    Class,
    /// A comprehension or generator expression: its own loop variables.
    Comp(Rc<ScopeInfo>),
}

/// One activation: a module, a call, a class body or a comprehension.
#[derive(Debug)]
pub struct Frame {
    /// Its variables.
    pub scope: Rc<Scope>,
    /// What it runs.
    pub kind: FrameKind,
    /// The module's variables.
    pub globals: Rc<Scope>,
    /// The generator `yield` hands values to.
    pub gen: Option<Weak<Coro>>,
    /// Its name in tracebacks.
    pub name: Rc<str>,
    /// The line it is at.
    pub line: Cell<u32>,
    /// Exceptions being handled (innermost last), for bare `raise` and
    /// `__context__`.
    pub handling: RefCell<Vec<Exc>>,
    /// The frame a comprehension is in.
    pub outer: Option<Rc<Frame>>,
}

impl Frame {
    /// A module frame.
    pub fn module(globals: Rc<Scope>) -> Rc<Frame> {
        Rc::new(Frame {
            scope: globals.clone(),
            kind: FrameKind::Module,
            globals,
            gen: None,
            name: "<module>".into(),
            line: Cell::new(1),
            handling: RefCell::new(Vec::new()),
            outer: None,
        })
    }

    /// The function this frame runs, if any (for `super()`).
    pub fn function(&self) -> Option<&Rc<Function>> {
        match &self.kind {
            FrameKind::Function(f) => Some(f),
            FrameKind::Comp(_) => self.outer.as_ref().and_then(|o| o.function()),
            _ => None,
        }
    }

    /// The exception being handled, if any.
    pub fn current_exc(&self) -> Option<Exc> {
        if let Some(e) = self.handling.borrow().last() {
            return Some(e.clone());
        }
        self.outer.as_ref().and_then(|o| o.current_exc())
    }
}

/// The interpreter of one program run.
pub struct Interp {
    /// The run it lives in.
    pub host: Rc<dyn Host>,
    /// The program's source lines (for tracebacks).
    pub lines: Vec<Rc<str>>,
    /// Module globals.
    pub globals: Rc<Scope>,
    /// The builtins.
    pub builtins: Rc<Scope>,
    /// Imported modules by name.
    pub modules: RefCell<FastMap<Name, Value>>,
    /// The event loop.
    pub lp: Loop,
    /// What the running coroutine suspended on.
    pub yielded: RefCell<Option<Yielded>>,
    /// An exception to raise where the running coroutine resumes.
    pub thrown: RefCell<Option<Exc>>,
    /// The task running now.
    pub current: RefCell<Option<Rc<Fut>>>,
    /// The line being run.
    pub line: Cell<u32>,
    /// Python call depth.
    pub depth: Cell<u32>,
    /// Coroutines dropped without being awaited: (qualname, def line).
    pub warnings: super::coro::Warnings,
    /// `Task-N` counter.
    pub task_counter: Cell<u64>,
    /// Live tasks (for `all_tasks` and the shutdown of `asyncio.run`).
    pub tasks: RefCell<Vec<Weak<Fut>>>,
    /// Lines printed.
    pub output_lines: Cell<usize>,
    /// Statements run since the last check of the busy limit.
    pub ticks: Cell<u32>,
    /// A limit was hit: every statement raises this again.
    pub fatal: RefCell<Option<Exc>>,
    /// The last line recorded per lane.
    pub lane_lines: RefCell<FastMap<u32, u32>>,
    /// The lane of the module's own code (the run's main lane).
    pub main_lane: Cell<Option<TaskId>>,
    /// Resource names given by assignment (by object identity).
    pub names: RefCell<FastMap<usize, Rc<str>>>,
    /// Failed tasks whose exception may never be retrieved: (the task, its
    /// flag, the exception, its repr).
    pub unretrieved: RefCell<Vec<Unretrieved>>,
    /// Whether the playground's asyncio code is being loaded (its
    /// functions get no lanes).
    pub loading_prelude: Cell<bool>,
    /// Scope analysis of each function, by definition.
    pub scope_cache: RefCell<FastMap<usize, Rc<ScopeInfo>>>,
    /// `random`'s state.
    pub rng: RefCell<super::random::Random>,
    /// Printed text not yet ended by a newline (stdout, stderr).
    pub out_buf: RefCell<String>,
    /// See `out_buf`.
    pub err_buf: RefCell<String>,
    /// While an executor job's function runs: its private clock (ms).
    pub worker_clock: Cell<Option<f64>>,
    /// Results of executor jobs, by their future, until the job is done.
    pub executor_results: RefCell<Vec<(usize, PyResult<Value>, TaskId)>>,
    /// Clock reads since the loop last ran a callback (a busy loop reading
    /// the clock makes virtual time pass).
    pub busy_reads: Cell<u32>,
    /// Async generators that were iterated (for their finalizer and
    /// `shutdown_asyncgens`).
    pub agens: RefCell<Vec<Rc<Coro>>>,
    /// The stack address at the outermost Python call (see `call.rs`).
    pub stack_base: Cell<usize>,
    /// The deepest call depth at which the host's stack probe last passed.
    pub stack_probed: Cell<u32>,
    /// Whether the loop found that nothing can ever happen again.
    pub deadlocked: Cell<bool>,
    /// Itself, for futures that outlive a borrow.
    pub me: RefCell<Weak<Interp>>,
    /// Jitter on sleeps and fetch latencies ("Explore timings"), if any.
    pub jitter: RefCell<Option<crate::core::explore::Jitter>>,
}

impl std::fmt::Debug for Interp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Interp")
    }
}

impl Interp {
    /// An interpreter for `source` in `host`, `random` seeded with `seed`.
    pub fn new(host: Rc<dyn Host>, source: &str, seed: u64) -> Rc<Interp> {
        let globals = Scope::new(None);
        globals.set("__name__".into(), Value::str("__main__"));
        globals.set("__file__".into(), Value::str("main.py"));
        let builtins = super::builtins::make_builtins();
        let interp = Rc::new(Interp {
            host,
            lines: source.lines().map(Rc::from).collect(),
            globals,
            builtins,
            modules: RefCell::new(FastMap::default()),
            lp: Loop::default(),
            yielded: RefCell::new(None),
            thrown: RefCell::new(None),
            current: RefCell::new(None),
            line: Cell::new(1),
            depth: Cell::new(0),
            warnings: Rc::new(RefCell::new(Vec::new())),
            task_counter: Cell::new(0),
            tasks: RefCell::new(Vec::new()),
            output_lines: Cell::new(0),
            ticks: Cell::new(0),
            fatal: RefCell::new(None),
            lane_lines: RefCell::new(FastMap::default()),
            main_lane: Cell::new(None),
            names: RefCell::new(FastMap::default()),
            unretrieved: RefCell::new(Vec::new()),
            rng: RefCell::new(super::random::Random::new(seed as i64)),
            out_buf: RefCell::new(String::new()),
            worker_clock: Cell::new(None),
            executor_results: RefCell::new(Vec::new()),
            busy_reads: Cell::new(0),
            deadlocked: Cell::new(false),
            stack_base: Cell::new(0),
            stack_probed: Cell::new(0),
            agens: RefCell::new(Vec::new()),
            err_buf: RefCell::new(String::new()),
            loading_prelude: Cell::new(false),
            scope_cache: RefCell::new(FastMap::default()),
            me: RefCell::new(Weak::new()),
            jitter: RefCell::new(None),
        });
        *interp.me.borrow_mut() = Rc::downgrade(&interp);
        interp
    }

    /// A duration of a sleep or a fetch latency (ms), jittered when the
    /// run explores timings.
    pub fn jittered(&self, ms: f64) -> f64 {
        match self.jitter.borrow_mut().as_mut() {
            Some(j) => j.apply(ms),
            None => ms,
        }
    }

    /// A strong reference to itself.
    pub fn rc(&self) -> Option<Rc<Interp>> {
        self.me.borrow().upgrade()
    }

    /// The lane events go to now: the innermost coroutine the current task
    /// awaits, or the module's lane.
    pub fn lane(&self) -> Option<TaskId> {
        if let Some(t) = self.current.borrow().as_ref() {
            if let Some(tp) = t.tp() {
                return Some(tp.lanes.borrow().last().copied().unwrap_or(tp.lane));
            }
        }
        self.main_lane.get()
    }

    /// Records an event on `lane`, with the line the code is at first when
    /// it changed.
    pub fn record_on(&self, lane: TaskId, kind: EventKind) {
        let line = self.line.get();
        let changed = {
            let mut ll = self.lane_lines.borrow_mut();
            let old = ll.insert(lane.0, line);
            old != Some(line)
        };
        if changed && line > 0 {
            self.host.record(lane, EventKind::AtLine { line });
        }
        self.host.record(lane, kind);
    }

    /// Records an event on the current lane.
    pub fn record(&self, kind: EventKind) {
        if let Some(lane) = self.lane() {
            self.record_on(lane, kind);
        }
    }

    /// Writes a line on stderr (warnings, tracebacks) on the current lane.
    pub fn stderr(&self, line: &str) {
        let lane = self.lane().unwrap_or(TaskId(0));
        self.host.record(
            lane,
            EventKind::Stderr {
                line: line.to_string(),
            },
        );
    }

    /// Reports coroutines that were dropped without being awaited, as
    /// CPython's `RuntimeWarning`.
    pub fn flush_warnings(&self) {
        if self.warnings.borrow().is_empty() {
            return;
        }
        let pending: Vec<_> = self.warnings.borrow_mut().drain(..).collect();
        let line = self.line.get();
        for (name, call) in pending {
            // Its lane: a coroutine object that never ran.
            let lane = self.host.new_lane(&call, false);
            // The warning line as the issue and learners quote it; CPython
            // prefixes it with `main.py:N: ` (the next line shows the code).
            let text = format!("RuntimeWarning: coroutine '{name}' was never awaited");
            self.host.record(
                lane,
                EventKind::diagnostic(crate::core::trace::DiagKind::NeverAwaited, text.clone()),
            );
            self.stderr(&text);
            if let Some(src) = self.lines.get(line.saturating_sub(1) as usize) {
                self.stderr(&format!("  {}", src.trim()));
            }
            self.stderr(
                "RuntimeWarning: Enable tracemalloc to get the object allocation traceback",
            );
        }
    }

    /// Called at every statement: counts work and stops a loop that never
    /// yields, or a run past a limit.
    pub fn tick(&self) -> PyResult<()> {
        if let Some(e) = self.fatal.borrow().as_ref() {
            return Err(e.clone());
        }
        let n = self.ticks.get().wrapping_add(1);
        self.ticks.set(n);
        if n.is_multiple_of(4096) && self.host.busy_ms() > BUSY_LIMIT_MS {
            let e = Exc::new(
                T::RuntimeError,
                format!(
                    "ran {} s without awaiting: it blocks the event loop; in Python it would hang here",
                    (BUSY_LIMIT_MS / 1000.0) as u32
                ),
            );
            *self.fatal.borrow_mut() = Some(e.clone());
            return Err(e);
        }
        Ok(())
    }

    /// Stops the program with `e` (a limit): it cannot be caught for long.
    pub fn fail_fatal(&self, e: Exc) -> Exc {
        *self.fatal.borrow_mut() = Some(e.clone());
        e
    }

    /// The name an object was bound to (`lock_a = asyncio.Lock()`), if any.
    pub fn name_of(&self, v: &Value) -> Option<Rc<str>> {
        v.ptr().and_then(|p| self.names.borrow().get(&p).cloned())
    }

    /// Remembers the name a resource is first bound to.
    pub fn name_resource(&self, v: &Value, name: &str) {
        let Value::Instance(i) = v else { return };
        if i.class.dict.borrow().contains_key("_pg_resource")
            || i.class.lookup("_pg_resource").is_some()
        {
            if let Some(p) = v.ptr() {
                self.names
                    .borrow_mut()
                    .entry(p)
                    .or_insert_with(|| Rc::from(name));
            }
        }
    }

    /// The tasks not done yet (`asyncio.all_tasks()`), in creation order.
    pub fn live_tasks(&self) -> Vec<Rc<Fut>> {
        self.tasks
            .borrow()
            .iter()
            .filter_map(Weak::upgrade)
            .filter(|t| !t.done())
            .collect()
    }

    /// The class of `v`.
    pub fn class_of(&self, v: &Value) -> Rc<Class> {
        super::ops::class_of(v)
    }
}

/// A new Python error.
pub fn raise<V>(t: T, msg: impl Into<String>) -> PyResult<V> {
    Err(Exc::new(t, msg))
}

/// How a program ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Ending {
    /// It ran to its end (or called `sys.exit`).
    Ok,
    /// Nothing could ever happen again while a coroutine waited.
    Deadlock,
    /// An exception escaped: its last traceback line.
    Error(String),
}

impl Interp {
    /// Runs a whole program: the module's code, `asyncio.run` inside it.
    pub async fn run_program(self: &Rc<Self>, module: &super::ast::Module) -> Ending {
        let frame = Frame::module(self.globals.clone());
        let r = self.exec_block(&module.body, &frame).await;
        let _ = super::builtins::write_out(self, "", false);
        for err in [false, true] {
            let buf = if err { &self.err_buf } else { &self.out_buf };
            let rest = std::mem::take(&mut *buf.borrow_mut());
            if !rest.is_empty() {
                let _ = super::builtins::write_out(self, &format!("{rest}\n"), err);
            }
        }
        self.flush_warnings();
        if self.deadlocked.get() {
            return Ending::Deadlock;
        }
        match r {
            Ok(()) | Err(Flow::Return(_)) | Err(Flow::Break) | Err(Flow::Continue) => Ending::Ok,
            Err(Flow::Exc(e)) => {
                if e.is(T::SystemExit) {
                    return Ending::Ok;
                }
                e.leave_frame(
                    Rc::as_ptr(&frame) as usize,
                    &Rc::from("<module>"),
                    frame.line.get(),
                );
                self.print_traceback(&e);
                Ending::Error(last_line(self, &e))
            }
        }
    }
}
