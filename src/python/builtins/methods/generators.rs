//! The methods of generators (`send`, `throw`, `close`), async generators
//! (`__anext__`, `asend`, `athrow`, `aclose`) and coroutines (`__await__`).

use super::*;

/// Calls method `f` of a generator, async generator or coroutine (the receiver is `pos[0]`).
pub(super) fn call(
    it: &Rc<Interp>,
    f: Builtin,
    pos: Vec<Value>,
    kw: Vec<(Name, Value)>,
) -> PyResult<Value> {
    use Builtin::*;
    let p1 = || need(&pos, 1, f.short_name());
    Ok(match f {
        GenSend | GenThrow | GenClose => {
            let Some(Value::Coro(c)) = pos.first() else {
                return Ok(Value::None);
            };
            if c.kind == CoroKind::Coroutine {
                return Err(Exc::new(
                    T::RuntimeError,
                    "driving a coroutine by hand is not supported in the playground; await it",
                ));
            }
            let (sent, thrown) = match f {
                GenSend => {
                    let v = p1()?.clone();
                    if !c.started.get() && !v.is_none() {
                        return Err(Exc::new(
                            T::TypeError,
                            "can't send non-None value to a just-started generator",
                        ));
                    }
                    (v, None)
                }
                GenThrow => {
                    let e = p1()?.clone();
                    let exc = match &e {
                        Value::Class(k) if k.is_exception => {
                            Exc::with_args(T::BaseException, Vec::new()).0
                        }
                        _ => e.clone(),
                    };
                    let exc = if let Value::Class(k) = &e {
                        crate::python::exc::new_exc(k.clone(), Vec::new())
                    } else {
                        exc
                    };
                    (Value::None, Some(Exc(exc)))
                }
                _ => {
                    if !c.started.get() || c.finished.get() {
                        c.finished.set(true);
                        *c.body.borrow_mut() = None;
                        return Ok(Value::None);
                    }
                    (Value::None, Some(Exc::bare(T::GeneratorExit)))
                }
            };
            match c.resume(sent, thrown) {
                Ok(Resumed::Yielded(v)) => {
                    if f == GenClose {
                        return Err(Exc::new(T::RuntimeError, "generator ignored GeneratorExit"));
                    }
                    v
                }
                Ok(Resumed::Returned(v)) => {
                    if f == GenClose {
                        return Ok(Value::None);
                    }
                    return Err(Exc::with_args(
                        T::StopIteration,
                        if v.is_none() { Vec::new() } else { vec![v] },
                    ));
                }
                Ok(Resumed::Suspended) => {
                    return Err(Exc::new(T::RuntimeError, "generator suspended"))
                }
                Err(e) if f == GenClose && (e.is(T::GeneratorExit) || e.is(T::StopIteration)) => {
                    Value::None
                }
                Err(e) => return Err(e),
            }
        }
        AgenAnext | AgenAsend | AgenAthrow | AgenAclose => {
            let Some(Value::Coro(c)) = pos.first() else {
                return Ok(Value::None);
            };
            let c = c.clone();
            if !c.hooked.replace(true) {
                it.agens.borrow_mut().push(c.clone());
            }
            let me = it.clone();
            let sent = if f == AgenAsend {
                p1()?.clone()
            } else {
                Value::None
            };
            let thrown = match f {
                AgenAthrow => {
                    let e = p1()?.clone();
                    Some(Exc(match &e {
                        Value::Class(k) => crate::python::exc::new_exc(k.clone(), Vec::new()),
                        _ => e,
                    }))
                }
                AgenAclose => Some(Exc::bare(T::GeneratorExit)),
                _ => None,
            };
            let closing = f == AgenAclose;
            let mut thrown = thrown;
            let body: LocalBoxFuture<'static, PyResult<Value>> = Box::pin(async move {
                // Thrown in before its first step (a task of `aclose()`
                // cancelled before it ran): CPython throws it into the
                // generator itself, so its `finally` still runs.
                let early = me.thrown.borrow_mut().take();
                if let Some(e) = early {
                    if !c.started.get() || c.finished.get() {
                        c.finished.set(true);
                        *c.body.borrow_mut() = None;
                        return Err(e);
                    }
                    thrown = Some(e);
                } else if closing && (!c.started.get() || c.finished.get()) {
                    c.finished.set(true);
                    *c.body.borrow_mut() = None;
                    return Ok(Value::None);
                }
                let mut sent = sent;
                loop {
                    match c.resume(std::mem::replace(&mut sent, Value::None), thrown.take()) {
                        Ok(Resumed::Yielded(v)) => {
                            if closing {
                                return Err(Exc::new(
                                    T::RuntimeError,
                                    "async generator ignored GeneratorExit",
                                ));
                            }
                            return Ok(v);
                        }
                        Ok(Resumed::Returned(_)) => {
                            if closing {
                                return Ok(Value::None);
                            }
                            return Err(Exc::bare(T::StopAsyncIteration));
                        }
                        Ok(Resumed::Suspended) => {
                            // The generator awaits something: suspend the task
                            // with it, then resume the generator.
                            crate::python::coro::Suspend::default().await;
                            if let Some(e) = me.thrown.borrow_mut().take() {
                                *c.thrown.borrow_mut() = Some(e);
                            }
                            // Re-poll: the generator's await point reads the
                            // interpreter's slot, so put it back there.
                            let t = c.thrown.borrow_mut().take();
                            *me.thrown.borrow_mut() = t;
                        }
                        Err(e)
                            if closing
                                && (e.is(T::GeneratorExit) || e.is(T::StopAsyncIteration)) =>
                        {
                            return Ok(Value::None)
                        }
                        Err(e) => return Err(e),
                    }
                }
            });
            // Named by the method, so a task of one (the finalizer's
            // `create_task(agen.aclose())`) is the lane `aclose()`.
            let name = match f {
                AgenAsend => "asend",
                AgenAthrow => "athrow",
                AgenAclose => "aclose",
                _ => "__anext__",
            };
            native_coro(it, name, body)
        }
        CoroAwait => pos[0].clone(),
        // Not one of these: as the dispatcher's own fallback.
        _ => return module_call(it, f, pos, kw),
    })
}
