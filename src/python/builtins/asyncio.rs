//! The asyncio natives: the loop's clock, `sleep`, futures from
//! awaitables, the loop object and its methods.

use super::*;

/// The clock as the program reads it (`time.monotonic()`...), in ms: one
/// read of the loop's clock. Inside an executor job it is the job's
/// private clock, on which a busy loop that keeps reading the clock makes
/// time pass (a little more with each read after the first few), so the
/// job's length is what its code says.
pub(super) fn clock_ms(it: &Rc<Interp>) -> f64 {
    if let Some(t) = it.worker_clock.get() {
        let n = it.busy_reads.get().saturating_add(1);
        it.busy_reads.set(n);
        let step = if n <= 8 {
            0.000001
        } else {
            (0.001 * f64::from(1u32 << (n - 8).min(10))).min(1.0)
        };
        let t = t + step;
        it.worker_clock.set(Some(t));
        return t;
    }
    if it.host.is_virtual() {
        // A loop that keeps reading the clock without awaiting is busy:
        // after a few reads, each one takes a little virtual time (the loop
        // is blocked meanwhile), so `while time.monotonic() < end:` ends.
        let n = it.busy_reads.get().saturating_add(1);
        it.busy_reads.set(n);
        if n > 8 {
            let step_ms = (0.001 * f64::from(1u32 << (n - 8).min(10))).min(1.0);
            it.advance_ns((step_ms * 1e6) as i64);
            it.host.block(step_ms);
        }
    }
    it.now_ns() as f64 / 1e6
}

pub(super) fn time_s(it: &Rc<Interp>) -> f64 {
    clock_ms(it) / 1000.0
}

/// A coroutine object run by Rust code (`asyncio.sleep`, an awaitable
/// from `anext`...).
pub fn native_coro(
    it: &Rc<Interp>,
    name: &str,
    body: LocalBoxFuture<'static, PyResult<Value>>,
) -> Value {
    let c = it.new_coro(
        CoroKind::Coroutine,
        Rc::from(name),
        Rc::from(name),
        Rc::from(format!("{name}()")),
        0,
        false,
    );
    *c.body.borrow_mut() = Some(body);
    Value::Coro(Rc::new(c))
}

pub(super) fn sleep(it: &Rc<Interp>, delay_s: f64, result: Value) -> Value {
    let me = it.clone();
    let v = native_coro(
        it,
        "sleep",
        Box::pin(async move {
            if delay_s <= 0.0 || delay_s.is_nan() {
                me.yield_bare().await?;
                return Ok(result);
            }
            let fut = Fut::new();
            let ms = me.jittered(delay_s * 1000.0);
            *fut.label.borrow_mut() = Label::Sleep(me.host.now() + ms.min(1e15));
            let h = me.call_later(
                ms,
                crate::python::interp::Job::SetResult(fut.clone(), result),
            );
            let r = me.await_fut(fut).await;
            h.cancelled.set(true);
            r
        }),
    );
    // A real coroutine of asyncio: dropped unawaited, CPython warns.
    if let Value::Coro(c) = &v {
        c.owned.set(false);
    }
    v
}

pub(super) fn coro_arg(
    it: &Rc<Interp>,
    v: &Value,
    what: &str,
) -> PyResult<Rc<crate::python::coro::Coro>> {
    match v {
        Value::Coro(c) if c.kind == CoroKind::Coroutine => Ok(c.clone()),
        other => Err(Exc::new(
            T::TypeError,
            format!("a coroutine was expected, got {}{what}", repr(it, other)?),
        )),
    }
}

/// `ensure_future(x)`: a task for a coroutine, the future itself otherwise.
pub fn ensure_future(it: &Rc<Interp>, v: &Value) -> PyResult<Rc<Fut>> {
    match v {
        Value::Fut(f) => Ok(f.clone()),
        Value::Coro(c) if c.kind == CoroKind::Coroutine => it.create_task(c.clone(), None),
        Value::Instance(i) if i.class.lookup("__await__").is_some() => {
            let me = it.clone();
            let v2 = v.clone();
            let body: LocalBoxFuture<'static, PyResult<Value>> =
                Box::pin(async move { me.await_value(v2).await });
            let Value::Coro(c) = native_coro(it, "_wrap_awaitable", body) else {
                return Err(Exc::new(T::RuntimeError, "internal"));
            };
            it.create_task(c, None)
        }
        _ => Err(Exc::new(
            T::TypeError,
            "An asyncio.Future, a coroutine or an awaitable is required",
        )),
    }
}

pub(super) fn fut_of(v: &Value) -> PyResult<&Rc<Fut>> {
    match v {
        Value::Fut(f) => Ok(f),
        other => Err(Exc::new(
            T::TypeError,
            format!("expected a Future, got {}", type_name(other)),
        )),
    }
}

pub(super) fn loop_obj() -> Value {
    let n = crate::python::value::Native {
        type_name: "_UnixSelectorEventLoop",
        attrs: RefCell::new(Default::default()),
    };
    for (k, v) in [
        ("time", Builtin::LoopTime),
        ("call_soon", Builtin::LoopCallSoon),
        ("call_later", Builtin::LoopCallLater),
        ("call_at", Builtin::LoopCallAt),
        ("create_task", Builtin::LoopCreateTask),
        ("create_future", Builtin::LoopCreateFuture),
        ("run_in_executor", Builtin::LoopRunInExecutor),
        ("is_running", Builtin::LoopIsRunning),
        ("get_debug", Builtin::LoopGetDebug),
        ("set_debug", Builtin::LoopSetDebug),
        ("is_closed", Builtin::LoopIsClosed),
        ("run_until_complete", Builtin::LoopRunUntilComplete),
        ("run_forever", Builtin::LoopRunForever),
        ("stop", Builtin::LoopStopB),
        ("close", Builtin::LoopClose),
    ] {
        n.attrs.borrow_mut().insert(Rc::from(k), b(v));
    }
    n.attrs.borrow_mut().insert(
        "__repr__".into(),
        Value::str("<_UnixSelectorEventLoop running=True closed=False debug=False>"),
    );
    Value::Native(Rc::new(n))
}

pub(super) fn the_loop(it: &Rc<Interp>) -> Value {
    if let Some(l) = it.modules.borrow().get("<loop>") {
        return l.clone();
    }
    let l = loop_obj();
    it.modules.borrow_mut().insert("<loop>".into(), l.clone());
    l
}

pub(super) fn label_name(it: &Rc<Interp>, v: &Value) -> String {
    match v {
        Value::Str(s) => s.to_string(),
        Value::Fut(f) => match f.tp() {
            Some(tp) => tp.coro.call.to_string(),
            None => "Future".into(),
        },
        Value::Instance(i) => it.name_of(v).map(|n| n.to_string()).unwrap_or_else(|| {
            match i.class.lookup("_pg_resource") {
                Some(Value::Str(s)) => s.to_string(),
                _ => i.class.name.to_string(),
            }
        }),
        other => type_name(other),
    }
}

/// What awaiting a future labelled with `v` is (the await graph): the
/// prelude's resource class, or an aggregate named by its text.
pub(super) fn await_kind_of(v: &Value) -> Option<crate::core::trace::AwaitKind> {
    use crate::core::trace::AwaitKind as K;
    match v {
        Value::Instance(i) => match i.class.lookup("_pg_resource") {
            Some(Value::Str(s)) => Some(match &*s {
                "Lock" => K::Lock,
                "Semaphore" => K::Semaphore,
                "Queue" => K::Queue,
                _ => K::Event,
            }),
            _ => None,
        },
        Value::Str(s)
            if s.starts_with("gather(")
                || s.starts_with("wait(")
                || s.starts_with("TaskGroup(")
                || s.starts_with("shield(") =>
        {
            Some(K::Gather)
        }
        _ => None,
    }
}

pub(super) fn check_loop_running(it: &Rc<Interp>) -> PyResult<()> {
    if !it.lp.running.get() {
        return Err(Exc::new(T::RuntimeError, "no running event loop"));
    }
    Ok(())
}

pub(super) fn loop_call(
    it: &Rc<Interp>,
    f: Builtin,
    pos: Vec<Value>,
    kw: Vec<(Name, Value)>,
) -> PyResult<Value> {
    use Builtin::*;
    // pos[0] is the loop object.
    let args = &pos[1.min(pos.len())..];
    Ok(match f {
        LoopTime => Value::Float(it.now_ns() as f64 / 1e9),
        LoopCallSoon => {
            let func = need(args, 0, "call_soon")?.clone();
            let h = Rc::new(crate::python::value::Handle::default());
            it.call_soon(crate::python::interp::Job::Call(
                func,
                args[1..].to_vec(),
                Some(h.clone()),
            ));
            Value::Handle(h)
        }
        LoopCallLater | LoopCallAt => {
            let t = float_arg(need(args, 0, "call_later")?, "")?;
            let func = need(args, 1, "call_later")?.clone();
            let job = crate::python::interp::Job::Call(func, args[2..].to_vec(), None);
            let h = if f == LoopCallLater {
                it.call_later(t * 1000.0, job)
            } else {
                it.call_at(t * 1000.0, job)
            };
            Value::Handle(h)
        }
        LoopCreateTask => {
            let c = coro_arg(it, need(args, 0, "create_task")?, "")?;
            let name = kwarg(&kw, "name")
                .filter(|v| !v.is_none())
                .map(|v| str_of(it, v))
                .transpose()?;
            Value::Fut(it.create_task(c, name.map(Rc::from))?)
        }
        LoopCreateFuture => Value::Fut(Fut::new()),
        LoopRunInExecutor => {
            let func = need(args, 1, "run_in_executor")?.clone();
            return crate::python::modules::run_in_executor(it, func, args[2..].to_vec());
        }
        LoopIsRunning => Value::Bool(it.lp.running.get()),
        LoopGetDebug => Value::Bool(false),
        LoopSetDebug => Value::None,
        LoopIsClosed => Value::Bool(false),
        LoopRunUntilComplete | LoopRunForever => {
            if it.lp.running.get() {
                return Err(Exc::new(
                    T::RuntimeError,
                    "This event loop is already running",
                ));
            }
            return Err(Exc::new(
                T::RuntimeError,
                "loop.run_forever() is not available in the playground: use asyncio.run(main())",
            ));
        }
        LoopStopB => {
            it.stop_loop();
            Value::None
        }
        LoopClose => {
            if it.lp.running.get() {
                return Err(Exc::new(
                    T::RuntimeError,
                    "Cannot close a running event loop",
                ));
            }
            Value::None
        }
        _ => Value::None,
    })
}
