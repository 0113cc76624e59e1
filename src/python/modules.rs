//! The modules a program can import: `asyncio` (a native core and the
//! Python of `prelude/asyncio.py`), `time`, `random`, `math`, `typing`,
//! `itertools`, `json`, `sys`, `functools`, `contextlib`, `collections`,
//! `dataclasses`, `concurrent.futures` and `aiohttp`. Anything else is a
//! `ModuleNotFoundError` that says the playground has no such module.

use std::cell::RefCell;
use std::rc::Rc;
use std::task::Poll;

use super::ast::Module;
use super::builtins::Builtin as B;
use super::coro::poll_once;
use super::exc::{class as tclass, Exc, PyResult, T};
use super::future::{Fut, Label};
use super::host::{HttpRequest, IoRequest, IoResult};
use super::interp::{Flow, Frame, Interp};
use super::value::{Class, FastMap, ModuleObj, Native, Scope, Value};

const ASYNCIO_PY: &str = include_str!("prelude/asyncio.py");
const AIOHTTP_PY: &str = include_str!("prelude/aiohttp.py");
const STDLIB_PY: &str = include_str!("prelude/stdlib.py");
const TYPING_PY: &str = include_str!("prelude/typing.py");
const ABC_PY: &str = include_str!("prelude/abc.py");
const ENUM_PY: &str = include_str!("prelude/enum.py");
const DATACLASSES_PY: &str = include_str!("prelude/dataclasses.py");

/// Modules a learner might try that the playground does not have, with why.
const MISSING_WHY: &[(&str, &str)] = &[
    ("subprocess", "no processes"),
    ("threading", "no threads; use asyncio"),
    ("multiprocessing", "no processes; use loop.run_in_executor"),
    ("requests", "blocking HTTP; use aiohttp"),
    ("httpx", "use aiohttp"),
    ("socket", "no sockets; use aiohttp"),
    ("pathlib", "no files"),
];

/// A module's attributes.
type ModuleDict = FastMap<Rc<str>, Value>;

thread_local! {
    static PARSED: RefCell<FastMap<&'static str, Rc<Module>>> = RefCell::new(FastMap::default());
    static MODULES: RefCell<FastMap<Rc<str>, ModuleDict>> = RefCell::new(FastMap::default());
}

/// The parsed source of a built-in Python module, parsed once per thread.
fn parsed(name: &'static str, src: &str) -> PyResult<Rc<Module>> {
    if let Some(m) = PARSED.with(|p| p.borrow().get(name).cloned()) {
        return Ok(m);
    }
    let m = super::parser::parse(src).map_err(|e| {
        Exc::new(
            T::RuntimeError,
            format!(
                "the playground's {name} does not parse: {e} (line {})",
                e.line
            ),
        )
    })?;
    let m = Rc::new(m);
    PARSED.with(|p| p.borrow_mut().insert(name, m.clone()));
    Ok(m)
}

fn stdlib_section(name: &str) -> String {
    let mut out = String::new();
    let mut on = false;
    for line in STDLIB_PY.lines() {
        if let Some(n) = line.strip_prefix("#: ") {
            on = n.trim() == name;
            out.push('\n');
            continue;
        }
        if on {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

fn natives(pairs: &[(&str, Value)]) -> FastMap<Rc<str>, Value> {
    let mut d = FastMap::default();
    for (k, v) in pairs {
        d.insert(Rc::from(*k), v.clone());
    }
    d
}

fn b(x: B) -> Value {
    Value::Builtin(x)
}

impl Interp {
    /// `import name`.
    pub fn import(self: &Rc<Self>, name: &str) -> PyResult<Value> {
        if let Some(m) = self.modules.borrow().get(name) {
            return Ok(m.clone());
        }
        // A module's objects (its classes and functions) are made once per
        // thread and shared by the runs on it; each run gets its own module
        // object (its own attribute table), so a program that replaces a
        // module attribute changes only its own run. Starting a run then
        // costs no module code: the first line of a shared link is on time.
        if let Some(dict) = MODULES.with(|m| m.borrow().get(name).cloned()) {
            let m = Value::Module(Rc::new(ModuleObj {
                name: Rc::from(name),
                dict: RefCell::new(dict),
            }));
            self.modules.borrow_mut().insert(Rc::from(name), m.clone());
            return Ok(m);
        }
        let m = self.make_module(name)?;
        if let Value::Module(mo) = &m {
            MODULES.with(|c| {
                c.borrow_mut()
                    .insert(Rc::from(name), mo.dict.borrow().clone())
            });
        }
        self.modules.borrow_mut().insert(Rc::from(name), m.clone());
        Ok(m)
    }

    /// For `import a.b as c`: the submodule `a.b`.
    pub fn import_leaf(self: &Rc<Self>, name: &str, m: Value) -> PyResult<Value> {
        let _ = name;
        Ok(m)
    }

    fn module_with(
        self: &Rc<Self>,
        name: &str,
        dict: FastMap<Rc<str>, Value>,
        py: Option<(&'static str, String)>,
    ) -> PyResult<Value> {
        let globals = Scope::new(None);
        for (k, v) in dict {
            globals.set(k, v);
        }
        globals.set("__name__".into(), Value::str(name));
        if let Some((key, src)) = py {
            let tree = parsed(key, &src)?;
            let frame = Frame::module(globals.clone());
            let was = self.loading_prelude.replace(true);
            let saved_line = self.line.get();
            let r = {
                let mut fut = self.exec_block(&tree.body, &frame);
                match poll_once(&mut fut) {
                    Poll::Ready(r) => r,
                    Poll::Pending => Err(Flow::Exc(Exc::new(
                        T::RuntimeError,
                        "module code suspended",
                    ))),
                }
            };
            self.line.set(saved_line);
            self.loading_prelude.set(was);
            match r {
                Ok(()) => {}
                Err(Flow::Exc(e)) => return Err(e),
                Err(_) => {}
            }
        }
        let dict = std::mem::take(&mut *globals.vars.borrow_mut());
        // Functions keep seeing their module's globals: give them back.
        let module = Rc::new(ModuleObj {
            name: Rc::from(name),
            dict: RefCell::new(dict.clone()),
        });
        *globals.vars.borrow_mut() = dict;
        Ok(Value::Module(module))
    }

    fn make_module(self: &Rc<Self>, name: &str) -> PyResult<Value> {
        Ok(match name {
            "asyncio" => {
                let d = natives(&[
                    ("run", b(B::AioRun)),
                    ("sleep", b(B::AioSleep)),
                    ("create_task", b(B::AioCreateTask)),
                    ("ensure_future", b(B::AioEnsureFuture)),
                    ("current_task", b(B::AioCurrentTask)),
                    ("all_tasks", b(B::AioAllTasks)),
                    ("get_running_loop", b(B::AioGetRunningLoop)),
                    ("get_event_loop", b(B::AioGetEventLoop)),
                    ("new_event_loop", b(B::AioGetEventLoop)),
                    ("iscoroutine", b(B::AioIscoroutine)),
                    ("iscoroutinefunction", b(B::AioIscoroutinefunction)),
                    ("isfuture", b(B::AioIsfuture)),
                    ("wrap_future", b(B::AioWrapFuture)),
                    ("_loop", b(B::AioLoop)),
                    ("_label", b(B::AioLabel)),
                    ("_note", b(B::AioNote)),
                    ("_gathering_future", b(B::AioGatheringFuture)),
                    ("_name_of", b(B::AioNameOf)),
                    ("_wake_first", b(B::AioWakeFirst)),
                    ("Future", Value::Class(tclass(T::Future))),
                    ("Task", Value::Class(tclass(T::Task))),
                    ("CancelledError", Value::Class(tclass(T::CancelledError))),
                    (
                        "InvalidStateError",
                        Value::Class(tclass(T::InvalidStateError)),
                    ),
                    ("TimeoutError", Value::Class(tclass(T::TimeoutError))),
                ]);
                self.module_with("asyncio", d, Some(("asyncio", ASYNCIO_PY.to_string())))?
            }
            "time" => self.module_with(
                "time",
                natives(&[
                    ("time", b(B::TimeTime)),
                    ("monotonic", b(B::TimeMonotonic)),
                    ("perf_counter", b(B::TimePerfCounter)),
                    ("sleep", b(B::TimeSleep)),
                    ("time_ns", b(B::TimeTimeNs)),
                    ("monotonic_ns", b(B::TimeMonotonicNs)),
                    ("perf_counter_ns", b(B::TimePerfCounterNs)),
                ]),
                None,
            )?,
            "random" => self.module_with(
                "random",
                natives(&[
                    ("random", b(B::RandRandom)),
                    ("randint", b(B::RandRandint)),
                    ("uniform", b(B::RandUniform)),
                    ("choice", b(B::RandChoice)),
                    ("shuffle", b(B::RandShuffle)),
                    ("sample", b(B::RandSample)),
                    ("seed", b(B::RandSeed)),
                    ("randrange", b(B::RandRandrange)),
                    ("gauss", b(B::RandGauss)),
                    ("normalvariate", b(B::RandNormalvariate)),
                    ("choices", b(B::RandChoices)),
                    ("expovariate", b(B::RandExpovariate)),
                    ("getrandbits", b(B::RandGetrandbits)),
                    ("triangular", b(B::RandTriangular)),
                    ("getstate", b(B::RandGetstate)),
                    ("setstate", b(B::RandSetstate)),
                ]),
                Some(("random", stdlib_section("random"))),
            )?,
            "math" => self.module_with(
                "math",
                natives(&[
                    ("sqrt", b(B::MathSqrt)),
                    ("floor", b(B::MathFloor)),
                    ("ceil", b(B::MathCeil)),
                    ("log", b(B::MathLog)),
                    ("log2", b(B::MathLog2)),
                    ("log10", b(B::MathLog10)),
                    ("exp", b(B::MathExp)),
                    ("isclose", b(B::MathIsclose)),
                    ("fabs", b(B::MathFabs)),
                    ("pow", b(B::MathPow)),
                    ("gcd", b(B::MathGcd)),
                    ("isnan", b(B::MathIsnan)),
                    ("isinf", b(B::MathIsinf)),
                    ("sin", b(B::MathSin)),
                    ("cos", b(B::MathCos)),
                    ("trunc", b(B::MathTrunc)),
                    ("prod", b(B::MathProd)),
                    ("factorial", b(B::MathFactorial)),
                    ("hypot", b(B::MathHypot)),
                    ("fsum", b(B::MathFsum)),
                    ("isfinite", b(B::MathIsfinite)),
                    ("tan", b(B::MathTan)),
                    ("atan", b(B::MathAtan)),
                    ("asin", b(B::MathAsin)),
                    ("acos", b(B::MathAcos)),
                    ("sinh", b(B::MathSinh)),
                    ("cosh", b(B::MathCosh)),
                    ("tanh", b(B::MathTanh)),
                    ("degrees", b(B::MathDegrees)),
                    ("radians", b(B::MathRadians)),
                    ("expm1", b(B::MathExpm1)),
                    ("log1p", b(B::MathLog1p)),
                    ("cbrt", b(B::MathCbrt)),
                    ("atan2", b(B::MathAtan2)),
                    ("copysign", b(B::MathCopysign)),
                    ("fmod", b(B::MathFmod)),
                    ("ldexp", b(B::MathLdexp)),
                    ("pi", Value::Float(std::f64::consts::PI)),
                    ("e", Value::Float(std::f64::consts::E)),
                    ("tau", Value::Float(std::f64::consts::TAU)),
                    ("inf", Value::Float(f64::INFINITY)),
                    ("nan", Value::Float(f64::NAN)),
                ]),
                Some(("math", stdlib_section("math"))),
            )?,
            "itertools" => self.module_with(
                "itertools",
                natives(&[
                    ("count", b(B::ItCount)),
                    ("islice", b(B::ItIslice)),
                    ("chain", b(B::ItChain)),
                    ("repeat", b(B::ItRepeat)),
                    ("product", b(B::ItProduct)),
                    ("permutations", b(B::ItPermutations)),
                    ("combinations", b(B::ItCombinations)),
                    ("accumulate", b(B::ItAccumulate)),
                    ("groupby", b(B::ItGroupby)),
                    ("zip_longest", b(B::ItZipLongest)),
                    ("pairwise", b(B::ItPairwise)),
                    ("starmap", b(B::ItStarmap)),
                ]),
                Some(("itertools", stdlib_section("itertools"))),
            )?,
            "json" => self.module_with(
                "json",
                natives(&[
                    ("dumps", b(B::JsonDumps)),
                    ("loads", b(B::JsonLoads)),
                    // Its messages are not yet CPython's; catching it works.
                    ("JSONDecodeError", Value::Class(tclass(T::ValueError))),
                ]),
                None,
            )?,
            "sys" => {
                let stream = |n: &'static str| {
                    let nv = Native {
                        type_name: n,
                        attrs: RefCell::new(FastMap::default()),
                    };
                    Value::Native(Rc::new(nv))
                };
                let out = stream("stdout");
                let err = stream("stderr");
                for s in [&out, &err] {
                    if let Value::Native(n) = s {
                        n.attrs.borrow_mut().insert(
                            "write".into(),
                            Value::Method(Rc::new((s.clone(), b(B::StreamWrite)))),
                        );
                        n.attrs
                            .borrow_mut()
                            .insert("flush".into(), b(B::StreamFlush));
                    }
                }
                self.module_with(
                    "sys",
                    natives(&[
                        ("stdout", out),
                        ("stderr", err),
                        ("exit", b(B::SysExit)),
                        ("version", Value::str("3.11.7 (the async playground)")),
                        ("platform", Value::str("emscripten")),
                        ("argv", Value::list(vec![Value::str("main.py")])),
                        ("maxsize", Value::Int(i64::MAX)),
                        (
                            "version_info",
                            Value::tuple(vec![
                                Value::Int(3),
                                Value::Int(11),
                                Value::Int(7),
                                Value::str("final"),
                                Value::Int(0),
                            ]),
                        ),
                    ]),
                    None,
                )?
            }
            "typing" => {
                let any = Value::Class(tclass(T::Object));
                let mut pairs: Vec<(&str, Value)> = Vec::new();
                for n in [
                    "Any",
                    "Optional",
                    "Union",
                    "List",
                    "Dict",
                    "Tuple",
                    "Set",
                    "FrozenSet",
                    "Callable",
                    "Awaitable",
                    "Coroutine",
                    "AsyncIterator",
                    "AsyncIterable",
                    "AsyncGenerator",
                    "Iterator",
                    "Iterable",
                    "Generator",
                    "Sequence",
                    "Mapping",
                    "Type",
                    "TypeVar",
                    "Generic",
                    "Protocol",
                    "NoReturn",
                    "ClassVar",
                    "Final",
                    "Literal",
                    "TypedDict",
                    "Self",
                    "Never",
                    "AsyncContextManager",
                    "ContextManager",
                    "Hashable",
                    "Sized",
                    "Deque",
                    "DefaultDict",
                ] {
                    pairs.push((n, any.clone()));
                }
                pairs.push(("TYPE_CHECKING", Value::Bool(false)));
                self.module_with(
                    "typing",
                    natives(&pairs),
                    Some(("typing", TYPING_PY.to_string())),
                )?
            }
            "dataclasses" => self.module_with(
                "dataclasses",
                FastMap::default(),
                Some(("dataclasses", DATACLASSES_PY.to_string())),
            )?,
            "functools" | "contextlib" | "collections" | "logging" | "os" | "operator" => {
                let key: &'static str = match name {
                    "operator" => "operator",
                    "functools" => "functools",
                    "contextlib" => "contextlib",
                    "collections" => "collections",
                    "logging" => "logging",
                    _ => "os",
                };
                let mut d = FastMap::default();
                d.insert(Rc::from("_make_class"), b(B::MakeClass));
                self.module_with(name, d, Some((key, stdlib_section(name))))?
            }
            "enum" => self.module_with(
                "enum",
                natives(&[
                    ("_new_instance", b(B::NewInstance)),
                    ("_body_names", b(B::BodyNames)),
                ]),
                Some(("enum", ENUM_PY.to_string())),
            )?,
            "abc" => self.module_with(
                "abc",
                natives(&[("_new_instance", b(B::NewInstance))]),
                Some(("abc", ABC_PY.to_string())),
            )?,
            "concurrent" => {
                let futures = self.import("concurrent.futures")?;
                self.module_with("concurrent", natives(&[("futures", futures)]), None)?
            }
            "concurrent.futures" => {
                let mut d = natives(&[
                    ("CancelledError", Value::Class(tclass(T::CancelledError))),
                    ("TimeoutError", Value::Class(tclass(T::TimeoutError))),
                ]);
                d.insert(Rc::from("_make_class"), b(B::MakeClass));
                self.module_with(
                    "concurrent.futures",
                    d,
                    Some(("concurrent.futures", stdlib_section("concurrent.futures"))),
                )?
            }
            "aiohttp" => {
                let asyncio = self.import("asyncio")?;
                let d = natives(&[
                    ("asyncio", asyncio),
                    ("_http", b(B::AioHttp)),
                    ("_json_loads", b(B::JsonLoads)),
                    ("_json_dumps", b(B::JsonDumps)),
                ]);
                self.module_with("aiohttp", d, Some(("aiohttp", AIOHTTP_PY.to_string())))?
            }
            "__future__" => {
                self.module_with("__future__", natives(&[("annotations", Value::None)]), None)?
            }
            "asyncio.exceptions" | "asyncio.tasks" | "asyncio.locks" | "asyncio.queues"
            | "asyncio.events" | "asyncio.futures" => self.import("asyncio")?,
            _ => {
                let why = MISSING_WHY
                    .iter()
                    .find(|(n, _)| *n == name.split('.').next().unwrap_or(name))
                    .map(|(_, w)| format!(": {w}"))
                    .unwrap_or_default();
                return Err(Exc::new(
                    T::ModuleNotFoundError,
                    format!("No module named '{name}' (not available in the playground{why})"),
                ));
            }
        })
    }
}

/// What an I/O operation's result becomes in Python.
pub fn io_value(it: &Rc<Interp>, r: IoResult) -> PyResult<Value> {
    let aiohttp_exc = |cls: &str, msg: String| -> Exc {
        let m = it.import("aiohttp").ok();
        let c = m.and_then(|m| match m {
            Value::Module(mo) => mo.dict.borrow().get(cls).cloned(),
            _ => None,
        });
        match c {
            Some(Value::Class(c)) => Exc(super::exc::new_exc(c, vec![Value::str(&msg)])),
            _ => Exc::new(T::OSError, msg),
        }
    };
    match r {
        IoResult::Http(resp) => Ok(Value::tuple(vec![
            Value::Int(i64::from(resp.status)),
            Value::str(&resp.reason),
            Value::str(&resp.body),
            Value::str(&resp.content_type),
        ])),
        IoResult::HttpError(cls, msg) => Err(aiohttp_exc(&cls, msg)),
        IoResult::Timeout => Err(Exc::bare(T::TimeoutError)),
        IoResult::Work(_) => Ok(Value::None),
        IoResult::WorkFailed(msg) => Err(Exc::new(T::RuntimeError, msg)),
    }
}

/// A URL for the bundled mock API written as a local server would serve it
/// (`http://127.0.0.1:8765/mock-api/get`, the lessons' files say so for a
/// run at home) goes to the bundled mock API.
pub fn bundled_url(url: &str) -> String {
    for host in ["http://127.0.0.1", "http://localhost"] {
        if let Some(rest) = url.strip_prefix(host) {
            let rest = rest
                .strip_prefix(':')
                .map_or(rest, |r| r.trim_start_matches(|c: char| c.is_ascii_digit()));
            if let Some(path) = rest.strip_prefix("/mock-api/") {
                return format!("mock-api/{path}");
            }
        }
    }
    url.to_string()
}

/// `aiohttp`'s request: a future resolved by the host's fetch.
pub fn http(
    it: &Rc<Interp>,
    method: String,
    url: String,
    body: Option<String>,
    timeout_s: Option<f64>,
) -> Value {
    let url = bundled_url(&url);
    let fut = Fut::new();
    let short: String = url.chars().take(80).collect();
    *fut.label.borrow_mut() = Label::Io(Rc::from(format!("{method} {short}")));
    if it.host.is_virtual() {
        // The virtual clock answers the bundled mock API itself, after its
        // latency (a timer of the loop, as the oracle's aiohttp sleeps).
        if !crate::core::mock_api::is_mock(&url) {
            let e = io_value(
                it,
                IoResult::HttpError(
                    "ClientConnectorError".into(),
                    format!("{url} is not reachable on the virtual clock"),
                ),
            );
            if let Err(e) = e {
                let _ = it.set_exception(&fut, e);
            }
            return Value::Fut(fut);
        }
        let mut a = crate::core::mock_api::answer(&url);
        a.delay_ms = it.jittered(a.delay_ms);
        let timeout_ms = timeout_s
            .map(|t| t * 1000.0)
            .filter(|t| t.is_finite() && *t >= 0.0);
        match timeout_ms {
            Some(t) if t < a.delay_ms => {
                it.call_later(
                    t,
                    super::interp::Job::SetException(fut.clone(), Exc::bare(T::TimeoutError)),
                );
            }
            _ => {
                let ctype = if a.body.trim_start().starts_with(['{', '[']) {
                    "application/json"
                } else {
                    "text/html"
                };
                let v = Value::tuple(vec![
                    Value::Int(i64::from(a.status)),
                    Value::str(""),
                    Value::str(&a.body),
                    Value::str(ctype),
                ]);
                it.call_later(a.delay_ms, super::interp::Job::SetResult(fut.clone(), v));
            }
        }
        return Value::Fut(fut);
    }
    it.start_io(
        IoRequest::Http(HttpRequest {
            method,
            url,
            body,
            timeout_ms: timeout_s.map(|t| t * 1000.0),
        }),
        fut.clone(),
    );
    Value::Fut(fut)
}

/// `loop.run_in_executor(pool, func, *args)`: the function's statements are
/// evaluated at once on a private clock (its `time.sleep` and clock reads
/// advance that clock, not the loop's); the job then takes that long off
/// the loop (a Web Worker in the browser), and its future resolves with
/// the function's result.
pub fn run_in_executor(it: &Rc<Interp>, func: Value, args: Vec<Value>) -> PyResult<Value> {
    let start = it.host.now();
    it.worker_clock.set(Some(start));
    let r = it.call_sync(func.clone(), args.clone(), Vec::new());
    let end = it.worker_clock.take().unwrap_or(start);
    let ms = (end - start).max(0.0);
    let fut = Fut::new();
    let fname = match &func {
        Value::Func(f) => f.def.name.to_string(),
        Value::Builtin(b) => b.short_name().to_string(),
        _ => "job".to_string(),
    };
    let mut all = vec![Value::Str(Rc::from(fname.as_str()))];
    all.extend(args.iter().cloned());
    // The job is a lane of its own, running off the loop meanwhile.
    let name = super::interp::call_name("run_in_executor", &all, &[]).replacen(
        &format!("'{fname}'"),
        &fname,
        1,
    );
    *fut.label.borrow_mut() = Label::Io(Rc::from(name.as_str()));
    let lane = it.host.new_lane(&name, true);
    it.host.record(lane, crate::core::trace::EventKind::Running);
    if it.host.is_virtual() {
        it.call_later(ms, super::interp::Job::ExecutorDone(fut.clone(), r, lane));
        return Ok(Value::Fut(fut));
    }
    // The job's value is kept until the worker says it is done.
    it.executor_results
        .borrow_mut()
        .push((Rc::as_ptr(&fut) as usize, r, lane));
    it.start_io(IoRequest::Work { ms }, fut.clone());
    Ok(Value::Fut(fut))
}

/// A future that is done when every one of `futs` is: the prelude's
/// `gather(*futs, return_exceptions=True)`, as `asyncio.run` uses at its end.
pub fn gather_futures(
    it: &Rc<Interp>,
    futs: Vec<Rc<Fut>>,
    _return_exceptions: bool,
) -> PyResult<Rc<Fut>> {
    let m = it.import("asyncio")?;
    let g = super::ops::getattr(it, &m, "gather")?;
    let args = futs.into_iter().map(Value::Fut).collect();
    match it.call_sync(
        g,
        args,
        vec![(Rc::from("return_exceptions"), Value::Bool(true))],
    )? {
        Value::Fut(f) => Ok(f),
        _ => Err(Exc::new(T::RuntimeError, "gather gave no future")),
    }
}

/// A class made from a name and a namespace (`namedtuple`).
pub fn make_class(name: &str, ns: &Value) -> PyResult<Value> {
    let Value::Dict(d) = ns else {
        return Err(Exc::new(T::TypeError, "namespace must be a dict"));
    };
    let mut dict = FastMap::default();
    for (k, v) in d.borrow().items() {
        if let Value::Str(s) = k {
            dict.insert(s.clone(), v.clone());
        }
    }
    let object = tclass(T::Object);
    let c = Rc::new(Class {
        name: Rc::from(name),
        qualname: Rc::from(name),
        bases: vec![object.clone()],
        mro: RefCell::new(Vec::new()),
        dict: RefCell::new(dict),
        builtin: None,
        is_exception: false,
        def: None,
        module: "__main__".into(),
    });
    *c.mro.borrow_mut() = vec![c.clone(), object];
    Ok(Value::Class(c))
}
