//! Calls: binding arguments, function bodies, coroutine objects, classes,
//! and `await`.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use futures::future::LocalBoxFuture;

use super::{Flow, Frame, FrameKind, Interp, Yielded, RECURSION_LIMIT};
use crate::core::trace::EventKind;
use crate::python::ast::Name;
use crate::python::builtins::{self, Builtin};
use crate::python::coro::{poll_pinned, CoroKind, Resumed, Suspend};
use crate::python::exc::{Exc, PyResult, T};
use crate::python::future::Fut;
use crate::python::ops;
use crate::python::value::{Function, Instance, Scope, Value};

/// Positional and keyword arguments of a call.
type Args = (Vec<Value>, Vec<(Name, Value)>);

/// Counts Python frames being polled: the recursion limit.
struct Depth<F> {
    interp: Rc<Interp>,
    inner: F,
}

impl<F: Future<Output = PyResult<Value>> + Unpin> Future for Depth<F> {
    type Output = PyResult<Value>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let d = self.interp.depth.get() + 1;
        // The machine's stack runs out long before CPython's limit would
        // in some builds: measure it too (the stack grows down).
        let here = stack_addr();
        if d == 1 {
            self.interp.stack_base.set(here);
        }
        let used = self.interp.stack_base.get().saturating_sub(here);
        if d > RECURSION_LIMIT || used > STACK_BUDGET || !self.interp.stack_has_room(d) {
            return Poll::Ready(Err(Exc::new(
                T::RecursionError,
                "maximum recursion depth exceeded",
            )));
        }
        self.interp.depth.set(d);
        let r = Pin::new(&mut self.inner).poll(cx);
        self.interp.depth.set(d - 1);
        r
    }
}

/// Bytes of machine stack Python calls may use (the wasm build links an
/// 8 MiB stack, `.cargo/config.toml`; native tests run the interpreter on
/// threads with large stacks).
#[cfg(target_arch = "wasm32")]
const STACK_BUDGET: usize = 7 << 20;
#[cfg(not(target_arch = "wasm32"))]
const STACK_BUDGET: usize = 48 << 20;

thread_local! {
    /// The host's probe of its own stack (the browser's: see
    /// `runtime::browser::stack`), if it has one.
    static STACK_PROBE: Cell<Option<fn() -> bool>> = const { Cell::new(None) };
}

/// Gives the interpreter a probe of the machine's stack: `false` when a
/// deeper Python call would leave too little of it.
pub fn set_stack_probe(probe: Option<fn() -> bool>) {
    STACK_PROBE.with(|p| p.set(probe));
}

/// Calls nested less deeply than this are not probed.
const PROBE_FROM: u32 = 32;
/// Once a probe passed at a depth, the next is this many levels deeper.
const PROBE_EVERY: u32 = 8;

impl Interp {
    /// Whether a call at depth `d` may go ahead as far as the host's stack
    /// probe can tell (probed only every few levels past [`PROBE_FROM`]).
    fn stack_has_room(&self, d: u32) -> bool {
        if d < PROBE_FROM {
            // Back near the top: the next deep recursion may use more stack
            // a level than the last one, so it is probed afresh.
            if d <= PROBE_FROM / 2 {
                self.stack_probed.set(0);
            }
            return true;
        }
        if d < self.stack_probed.get() + PROBE_EVERY {
            return true;
        }
        let Some(probe) = STACK_PROBE.with(Cell::get) else {
            return true;
        };
        let ok = probe();
        if ok {
            self.stack_probed.set(d);
        }
        ok
    }
}

/// Where the stack is now.
fn stack_addr() -> usize {
    let probe = 0u8;
    std::hint::black_box(&probe) as *const u8 as usize
}

/// The lane name of a call: the function's name and its simple argument
/// values, `fetch_user(2)`; objects are left out.
pub fn call_name(name: &str, args: &[Value], kw: &[(Name, Value)]) -> String {
    let mut parts = Vec::new();
    for a in args {
        if let Some(s) = simple_repr(a) {
            parts.push(s);
        }
    }
    for (k, v) in kw {
        if let Some(s) = simple_repr(v) {
            parts.push(format!("{k}={s}"));
        }
    }
    format!("{name}({})", parts.join(", "))
}

fn simple_repr(v: &Value) -> Option<String> {
    match v {
        Value::None => Some("None".into()),
        Value::Bool(b) => Some(if *b { "True" } else { "False" }.into()),
        Value::Int(i) => Some(i.to_string()),
        Value::Float(x) => Some(crate::python::format::float_repr(*x)),
        Value::Str(s) if s.chars().count() <= 40 => Some(ops::str_repr(s)),
        _ => None,
    }
}

impl Interp {
    /// Calls `func` with positional and keyword arguments.
    ///
    /// Python functions, bound methods and built-ins that cannot suspend
    /// are called without a boxed future of their own (the body's block is
    /// boxed, which breaks the recursion); the rest go through
    /// [`Interp::call_boxed`].
    pub async fn call(
        self: &Rc<Self>,
        func: Value,
        pos: Vec<Value>,
        kw: Vec<(Name, Value)>,
    ) -> PyResult<Value> {
        match func {
            Value::Func(fu) => self.call_function(fu, pos, kw).await,
            Value::Builtin(b) if !builtins::suspends(b) => builtins::call_now(self, b, pos, kw),
            Value::Method(m) => {
                let (obj, inner) = (m.0.clone(), m.1.clone());
                let mut args = Vec::with_capacity(pos.len() + 1);
                args.push(obj);
                args.extend(pos);
                match inner {
                    Value::Func(fu) => self.call_function(fu, args, kw).await,
                    Value::Builtin(b) if !builtins::suspends(b) => {
                        builtins::call_now(self, b, args, kw)
                    }
                    other => self.call_boxed(other, args, kw).await,
                }
            }
            other => self.call_boxed(other, pos, kw).await,
        }
    }

    /// [`Interp::call`] in a boxed future: classes, callable instances and
    /// the built-ins that suspend.
    fn call_boxed<'a>(
        self: &'a Rc<Self>,
        func: Value,
        pos: Vec<Value>,
        kw: Vec<(Name, Value)>,
    ) -> LocalBoxFuture<'a, PyResult<Value>> {
        Box::pin(async move {
            match func {
                Value::Func(fu) => self.call_function(fu, pos, kw).await,
                Value::Method(m) => {
                    let (obj, inner) = (m.0.clone(), m.1.clone());
                    let mut args = Vec::with_capacity(pos.len() + 1);
                    args.push(obj);
                    args.extend(pos);
                    self.call(inner, args, kw).await
                }
                Value::Builtin(b) => builtins::call(self, b, pos, kw).await,
                Value::Class(c) => {
                    if let Some(hook) = c.lookup("__class_call__") {
                        let mut args = vec![Value::Class(c.clone())];
                        args.extend(pos);
                        return self.call(hook, args, kw).await;
                    }
                    if let Some(b) = c.builtin {
                        if c.def.is_none() {
                            return builtins::call(self, b, pos, kw).await;
                        }
                    }
                    self.instantiate(c, pos, kw).await
                }
                Value::StaticMethod(f) => self.call((*f).clone(), pos, kw).await,
                Value::Instance(ref i) => match i.class.lookup("__call__") {
                    Some(m) => {
                        let mut args = vec![func.clone()];
                        args.extend(pos);
                        self.call(m, args, kw).await
                    }
                    None => Err(Exc::new(
                        T::TypeError,
                        format!("'{}' object is not callable", i.class.name),
                    )),
                },
                other => Err(Exc::new(
                    T::TypeError,
                    format!("'{}' object is not callable", ops::type_name(&other)),
                )),
            }
        })
    }

    /// Calls a function where nothing may suspend (a key function, a dunder
    /// method called by a built-in, a loop callback).
    pub fn call_sync(
        self: &Rc<Self>,
        func: Value,
        pos: Vec<Value>,
        kw: Vec<(Name, Value)>,
    ) -> PyResult<Value> {
        let fut = std::pin::pin!(self.call(func, pos, kw));
        match poll_pinned(fut) {
            Poll::Ready(r) => r,
            Poll::Pending => {
                self.yielded.borrow_mut().take();
                Err(Exc::new(
                    T::RuntimeError,
                    "this call cannot wait here (asyncio.run() inside a callback?)",
                ))
            }
        }
    }

    /// `obj.name(*args)`.
    pub async fn call_method(
        self: &Rc<Self>,
        obj: &Value,
        name: &str,
        args: Vec<Value>,
    ) -> PyResult<Value> {
        let m = ops::getattr(self, obj, name)?;
        self.call(m, args, Vec::new()).await
    }

    /// `obj.name(*args)` where nothing may suspend.
    pub fn call_method_sync(
        self: &Rc<Self>,
        obj: &Value,
        name: &str,
        args: Vec<Value>,
    ) -> PyResult<Value> {
        let m = ops::getattr(self, obj, name)?;
        self.call_sync(m, args, Vec::new())
    }

    fn bind(
        &self,
        fu: &Function,
        scope: &Scope,
        pos: Vec<Value>,
        kw: Vec<(Name, Value)>,
    ) -> PyResult<()> {
        let p = &fu.def.params;
        let qn = &fu.qualname;
        let positional: Vec<&crate::python::ast::Param> = p.posonly.iter().chain(&p.args).collect();
        let npos = positional.len();
        let given = pos.len();
        let mut extra = Vec::new();
        for (i, v) in pos.into_iter().enumerate() {
            if i < npos {
                scope.set(positional[i].name.clone(), v);
            } else {
                extra.push(v);
            }
        }
        if !extra.is_empty() {
            match &p.vararg {
                Some(va) => scope.set(va.name.clone(), Value::tuple(extra)),
                None => {
                    let ndef = fu.defaults.len();
                    let takes = if ndef > 0 {
                        format!("from {} to {npos}", npos - ndef)
                    } else {
                        npos.to_string()
                    };
                    let plural = if npos == 1 && ndef == 0 { "" } else { "s" };
                    let was = if given == 1 { "was" } else { "were" };
                    return Err(Exc::new(
                        T::TypeError,
                        format!("{qn}() takes {takes} positional argument{plural} but {given} {was} given"),
                    ));
                }
            }
        } else if let Some(va) = &p.vararg {
            scope.set(va.name.clone(), Value::tuple(Vec::new()));
        }
        let mut kwargs = crate::python::value::Dict::new();
        for (k, v) in kw {
            let is_param = positional.iter().skip(p.posonly.len()).any(|q| q.name == k)
                || p.kwonly.iter().any(|q| q.name == k);
            if is_param {
                if scope.vars.borrow().contains_key(&k) {
                    return Err(Exc::new(
                        T::TypeError,
                        format!("{qn}() got multiple values for argument '{k}'"),
                    ));
                }
                scope.set(k, v);
            } else if p.kwarg.is_some() {
                kwargs.insert(
                    crate::python::value::HashKey::Str(k.clone()),
                    Value::Str(k),
                    v,
                );
            } else {
                return Err(Exc::new(
                    T::TypeError,
                    format!("{qn}() got an unexpected keyword argument '{k}'"),
                ));
            }
        }
        if let Some(kwa) = &p.kwarg {
            scope.set(kwa.name.clone(), Value::dict(kwargs));
        }
        // Defaults, then what is still missing.
        let ndef = fu.defaults.len();
        let mut missing = Vec::new();
        for (i, q) in positional.iter().enumerate() {
            if scope.vars.borrow().contains_key(&q.name) {
                continue;
            }
            if i + ndef >= npos {
                scope.set(q.name.clone(), fu.defaults[i + ndef - npos].clone());
            } else {
                missing.push(q.name.clone());
            }
        }
        if !missing.is_empty() {
            return Err(Exc::new(
                T::TypeError,
                format!(
                    "{qn}() missing {} required positional argument{}: {}",
                    missing.len(),
                    if missing.len() == 1 { "" } else { "s" },
                    name_list(&missing)
                ),
            ));
        }
        let mut missing = Vec::new();
        for q in &p.kwonly {
            if scope.vars.borrow().contains_key(&q.name) {
                continue;
            }
            match fu.kwdefaults.iter().find(|(n, _)| *n == q.name) {
                Some((_, v)) => scope.set(q.name.clone(), v.clone()),
                None => missing.push(q.name.clone()),
            }
        }
        if !missing.is_empty() {
            return Err(Exc::new(
                T::TypeError,
                format!(
                    "{qn}() missing {} required keyword-only argument{}: {}",
                    missing.len(),
                    if missing.len() == 1 { "" } else { "s" },
                    name_list(&missing)
                ),
            ));
        }
        Ok(())
    }

    async fn call_function(
        self: &Rc<Self>,
        fu: Rc<Function>,
        pos: Vec<Value>,
        kw: Vec<(Name, Value)>,
    ) -> PyResult<Value> {
        let def = fu.def.clone();
        let lane_args: Option<Args> = if def.is_async && !def.is_generator && !fu.internal {
            let skip = usize::from(
                fu.owner.borrow().is_some()
                    && !pos.is_empty()
                    && fu
                        .def
                        .params
                        .args
                        .first()
                        .is_some_and(|a| &*a.name == "self" || &*a.name == "cls"),
            );
            Some((pos[skip.min(pos.len())..].to_vec(), kw.clone()))
        } else {
            None
        };
        let scope = Scope::new(fu.closure.clone());
        self.bind(&fu, &scope, pos, kw)?;
        if def.is_async || def.is_generator {
            let kind = match (def.is_async, def.is_generator) {
                (true, false) => CoroKind::Coroutine,
                (false, _) => CoroKind::Generator,
                (true, true) => CoroKind::AsyncGenerator,
            };
            let call = match &lane_args {
                Some((a, k)) => call_name(&def.name, a, k),
                None => format!("{}()", def.name),
            };
            let coro = Rc::new(self.new_coro(
                kind,
                def.name.clone(),
                fu.qualname.clone(),
                Rc::from(call),
                def.pos.line,
                !fu.internal,
            ));
            let frame = Rc::new(Frame {
                scope,
                kind: FrameKind::Function(fu.clone()),
                globals: fu.globals.clone(),
                gen: if def.is_generator {
                    Some(Rc::downgrade(&coro))
                } else {
                    None
                },
                name: def.name.clone(),
                line: Cell::new(def.pos.line),
                handling: RefCell::new(Vec::new()),
                outer: None,
            });
            let me = self.clone();
            let body = async move { me.run_body(&frame, kind).await };
            *coro.body.borrow_mut() = Some(Box::pin(Depth {
                interp: self.clone(),
                inner: Box::pin(body) as LocalBoxFuture<'static, PyResult<Value>>,
            }));
            return Ok(Value::Coro(coro));
        }
        let frame = Rc::new(Frame {
            scope,
            kind: FrameKind::Function(fu.clone()),
            globals: fu.globals.clone(),
            gen: None,
            name: def.name.clone(),
            line: Cell::new(def.pos.line),
            handling: RefCell::new(Vec::new()),
            outer: None,
        });
        let me = self.clone();
        let body: LocalBoxFuture<'_, PyResult<Value>> =
            Box::pin(async move { me.run_body(&frame, CoroKind::Coroutine).await });
        Depth {
            interp: self.clone(),
            inner: body,
        }
        .await
    }

    async fn run_body(self: &Rc<Self>, frame: &Rc<Frame>, kind: CoroKind) -> PyResult<Value> {
        let FrameKind::Function(fu) = &frame.kind else {
            return Ok(Value::None);
        };
        let r = self.exec_block(&fu.def.body, frame).await;
        if !fu.internal {
            self.line.set(frame.line.get());
        }
        match r {
            Ok(()) => Ok(Value::None),
            Err(Flow::Return(v)) => Ok(v),
            Err(Flow::Exc(e)) => {
                let e = if kind != CoroKind::Coroutine && e.is(T::StopIteration) {
                    let what = if kind == CoroKind::Generator {
                        "generator raised StopIteration"
                    } else {
                        "async generator raised StopIteration"
                    };
                    self.chain(Exc::new(T::RuntimeError, what), &e)
                } else if kind == CoroKind::AsyncGenerator && e.is(T::StopAsyncIteration) {
                    self.chain(
                        Exc::new(T::RuntimeError, "async generator raised StopAsyncIteration"),
                        &e,
                    )
                } else {
                    e
                };
                if !fu.internal {
                    e.leave_frame(Rc::as_ptr(frame) as usize, &frame.name, frame.line.get());
                }
                Err(e)
            }
            Err(Flow::Break) | Err(Flow::Continue) => Ok(Value::None),
        }
    }

    /// `Class(*args)`: a new instance, `__init__` called.
    pub async fn instantiate(
        self: &Rc<Self>,
        c: Rc<crate::python::value::Class>,
        pos: Vec<Value>,
        kw: Vec<(Name, Value)>,
    ) -> PyResult<Value> {
        if let Some(new) = c.dict.borrow().get("__new__").cloned() {
            let _ = new;
        }
        let inst = Value::Instance(Rc::new(Instance {
            class: c.clone(),
            dict: RefCell::new(Default::default()),
            exc: if c.is_exception {
                Some(RefCell::new(crate::python::exc::ExcData {
                    args: pos.clone(),
                    ..Default::default()
                }))
            } else {
                None
            },
        }));
        match c.lookup("__init__") {
            Some(init @ Value::Func(_)) => {
                let mut args = vec![inst.clone()];
                args.extend(pos);
                let r = self.call(init, args, kw).await?;
                if !r.is_none() {
                    return Err(Exc::new(
                        T::TypeError,
                        format!(
                            "__init__() should return None, not '{}'",
                            ops::type_name(&r)
                        ),
                    ));
                }
            }
            Some(Value::Builtin(b)) if b != Builtin::ObjectInit => {
                let mut args = vec![inst.clone()];
                args.extend(pos);
                builtins::call(self, b, args, kw).await?;
            }
            _ => {
                if !c.is_exception && (!pos.is_empty() || !kw.is_empty()) {
                    return Err(Exc::new(
                        T::TypeError,
                        format!("{}() takes no arguments", c.name),
                    ));
                }
            }
        }
        Ok(inst)
    }

    /// `await v`.
    pub async fn await_value(self: &Rc<Self>, v: Value) -> PyResult<Value> {
        match v {
            Value::Coro(c) if c.kind == CoroKind::Coroutine => self.drive(c).await,
            Value::Fut(fu) => self.await_fut(fu).await,
            other => self.await_value_boxed(other).await,
        }
    }

    /// [`Interp::await_value`] of objects with `__await__` (and the error
    /// for the rest), in a boxed future.
    fn await_value_boxed<'a>(self: &'a Rc<Self>, v: Value) -> LocalBoxFuture<'a, PyResult<Value>> {
        Box::pin(async move {
            match &v {
                Value::Instance(i) if i.class.lookup("__await__").is_some() => {
                    let it = self.call_method(&v, "__await__", Vec::new()).await?;
                    self.await_iter(it).await
                }
                _ => Err(Exc::new(
                    T::TypeError,
                    format!(
                        "object {} can't be used in 'await' expression",
                        ops::type_name(&v)
                    ),
                )),
            }
        })
    }

    /// Awaits what `__await__` gave: a generator of futures.
    async fn await_iter(self: &Rc<Self>, it: Value) -> PyResult<Value> {
        match &it {
            Value::Coro(g) if g.kind == CoroKind::Generator => {
                let mut thrown = None;
                loop {
                    match g.resume(Value::None, thrown.take())? {
                        Resumed::Returned(r) => return Ok(r),
                        Resumed::Yielded(Value::Fut(fu)) => {
                            if let Err(e) = self.await_fut(fu).await {
                                thrown = Some(e);
                            }
                        }
                        Resumed::Yielded(Value::None) => {
                            *self.yielded.borrow_mut() = Some(Yielded::Bare);
                            Suspend::default().await;
                            if let Some(e) = self.thrown.borrow_mut().take() {
                                thrown = Some(e);
                            }
                        }
                        Resumed::Yielded(_) | Resumed::Suspended => {
                            return Err(Exc::new(T::RuntimeError, "Task got bad yield"))
                        }
                    }
                }
            }
            Value::Coro(c) if c.kind == CoroKind::Coroutine => self.drive(c.clone()).await,
            _ => Err(Exc::new(
                T::TypeError,
                format!(
                    "__await__() returned non-iterator of type '{}'",
                    ops::type_name(&it)
                ),
            )),
        }
    }

    /// Runs a coroutine inside the current task (`await coro()`), on a lane
    /// of its own when user code defined it.
    pub async fn drive(self: &Rc<Self>, c: Rc<crate::python::coro::Coro>) -> PyResult<Value> {
        if c.started.get() || c.finished.get() {
            return Err(Exc::new(
                T::RuntimeError,
                "cannot reuse already awaited coroutine",
            ));
        }
        c.started.set(true);
        c.owned.set(true);
        let Some(body) = c.body.borrow_mut().take() else {
            return Err(Exc::new(
                T::RuntimeError,
                "coroutine is being awaited already",
            ));
        };
        let task = self.current.borrow().clone();
        let lane = match (&task, c.user) {
            (Some(t), true) if self.lanes_enabled() && !c.name.starts_with("__") => {
                let parent = self.lane();
                let name = c
                    .call_text
                    .borrow()
                    .clone()
                    .unwrap_or_else(|| c.call.clone());
                let lane = self.host.new_lane(&name, true);
                c.lane.set(Some(lane));
                if let Some(p) = parent {
                    self.record_on(
                        p,
                        EventKind::Awaits(Box::new(crate::core::trace::AwaitTarget {
                            kind: crate::core::trace::AwaitKind::Task,
                            name: name.to_string(),
                            tasks: vec![lane],
                        })),
                    );
                    self.record_on(
                        p,
                        EventKind::Waiting {
                            on: name.to_string(),
                        },
                    );
                }
                if let Some(tp) = t.tp() {
                    tp.lanes.borrow_mut().push(lane);
                }
                self.record_on(lane, EventKind::Running);
                Some((t.clone(), lane, parent))
            }
            _ => None,
        };
        let r = body.await;
        c.finished.set(true);
        if let Some((t, lane, parent)) = lane {
            if let Some(tp) = t.tp() {
                tp.lanes.borrow_mut().pop();
            }
            let end = match &r {
                Ok(_) => EventKind::Done,
                Err(e) if e.is(T::CancelledError) => EventKind::Cancelled,
                Err(e) => EventKind::Failed {
                    message: super::last_line(self, e),
                },
            };
            self.host.end_lane(lane, end);
            if let Some(p) = parent {
                self.record_on(p, EventKind::Running);
            }
        }
        r
    }

    /// Whether awaited coroutines get lanes (not past the task limit).
    fn lanes_enabled(&self) -> bool {
        true
    }

    /// `await fut`: suspends the task until the future is done.
    pub async fn await_fut(self: &Rc<Self>, fu: Rc<Fut>) -> PyResult<Value> {
        if !fu.done() {
            *self.yielded.borrow_mut() = Some(Yielded::Fut(fu.clone()));
            Suspend::default().await;
            if let Some(e) = self.thrown.borrow_mut().take() {
                return Err(e);
            }
            if !fu.done() {
                return Err(Exc::new(T::RuntimeError, "await wasn't used with future"));
            }
        }
        fu.result()
    }

    /// A bare `yield` to the loop (`await asyncio.sleep(0)`).
    pub async fn yield_bare(self: &Rc<Self>) -> PyResult<()> {
        *self.yielded.borrow_mut() = Some(Yielded::Bare);
        Suspend::default().await;
        if let Some(e) = self.thrown.borrow_mut().take() {
            return Err(e);
        }
        Ok(())
    }
}

fn name_list(names: &[Name]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}
