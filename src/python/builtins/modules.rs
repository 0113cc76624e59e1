//! The natives of the emulated modules (math, random, time, sys, os,
//! ...), `itertools`.

use super::*;

pub(super) fn module_call(
    it: &Rc<Interp>,
    f: Builtin,
    pos: Vec<Value>,
    kw: Vec<(Name, Value)>,
) -> PyResult<Value> {
    use Builtin::*;
    let a0 = || need(&pos, 0, f.short_name());
    Ok(match f {
        // The loop: module functions take the loop object first when
        // called as methods of it.
        LoopTime | LoopCallSoon | LoopCallLater | LoopCallAt | LoopCreateTask
        | LoopCreateFuture | LoopRunInExecutor | LoopIsRunning | LoopGetDebug | LoopSetDebug
        | LoopIsClosed | LoopRunUntilComplete | LoopRunForever | LoopStopB | LoopClose => {
            return loop_call(it, f, pos, kw);
        }
        AioSleep => {
            let d = float_arg(a0()?, "")?;
            let result = pos
                .get(1)
                .or(kwarg(&kw, "result"))
                .cloned()
                .unwrap_or(Value::None);
            sleep(it, d, result)
        }
        AioCreateTask => {
            check_loop_running(it)?;
            let c = coro_arg(it, a0()?, "")?;
            let name = kwarg(&kw, "name")
                .filter(|v| !v.is_none())
                .map(|v| str_of(it, v))
                .transpose()?;
            Value::Fut(it.create_task(c, name.map(Rc::from))?)
        }
        AioEnsureFuture => Value::Fut(ensure_future(it, a0()?)?),
        AioWrapFuture => a0()?.clone(),
        AioCurrentTask => match it.current.borrow().as_ref() {
            Some(t) => Value::Fut(t.clone()),
            None => {
                check_loop_running(it)?;
                Value::None
            }
        },
        AioAllTasks => {
            check_loop_running(it)?;
            let tasks: Vec<Value> = it.live_tasks().into_iter().map(Value::Fut).collect();
            ops::make_set(it, tasks)?
        }
        AioGetRunningLoop => {
            check_loop_running(it)?;
            the_loop(it)
        }
        AioGetEventLoop | AioLoop => the_loop(it),
        AioIscoroutine => {
            Value::Bool(matches!(a0()?, Value::Coro(c) if c.kind == CoroKind::Coroutine))
        }
        AioIscoroutinefunction => {
            Value::Bool(matches!(a0()?, Value::Func(fu) if fu.def.is_async && !fu.def.is_generator))
        }
        AioIsfuture => Value::Bool(matches!(a0()?, Value::Fut(_))),
        AioLabel => {
            let fu = fut_of(a0()?)?.clone();
            let what = need(&pos, 1, "_label")?;
            let mut name = label_name(it, what);
            fu.await_kind.set(await_kind_of(what));
            if let Some(Value::Str(op)) = pos.get(2) {
                name = format!("{name}.{op}()");
            }
            *fu.label.borrow_mut() = Label::Named(Rc::from(name));
            Value::None
        }
        AioNameOf => s(label_name(it, a0()?)),
        AioWakeFirst => {
            // The scan of `Semaphore._wake_up_next`, natively (the waiters
            // woken in this turn stay in the list until their tasks run, so
            // a turn of many releases scans them again and again): the
            // first waiter not done gets `True`. None when a waiter is not
            // a native Future; the prelude then runs CPython's loop.
            let first = match a0()? {
                Value::List(l) => {
                    let mut first = None;
                    for w in l.borrow().iter() {
                        match w {
                            Value::Fut(f) if f.done() => {}
                            Value::Fut(f) => {
                                first = Some(f.clone());
                                break;
                            }
                            _ => return Ok(Value::None),
                        }
                    }
                    first
                }
                _ => return Ok(Value::None),
            };
            match first {
                Some(f) => {
                    it.set_result(&f, Value::Bool(true))?;
                    Value::Bool(true)
                }
                None => Value::Bool(false),
            }
        }
        AioNote => {
            let kind = str_arg(a0()?, "")?;
            let obj = need(&pos, 1, "_note")?;
            let name = label_name(it, obj);
            use crate::core::trace::EventKind as E;
            let ev = match kind.as_str() {
                "acquired" => E::Acquired { on: name },
                "released" => E::Released { on: name },
                "put" => E::queue_put(name, repr(it, need(&pos, 2, "_note")?)?),
                _ => E::queue_got(name, repr(it, need(&pos, 2, "_note")?)?),
            };
            it.record(ev);
            Value::None
        }
        AioGatheringFuture => {
            let children: Vec<Rc<Fut>> = ops::to_vec(it, a0()?)?
                .iter()
                .map(|v| fut_of(v).cloned())
                .collect::<PyResult<_>>()?;
            let g = Fut::new();
            *g.children.borrow_mut() = children;
            Value::Fut(g)
        }
        TimeTime => Value::Float(1_700_000_000.0 + time_s(it)),
        TimeMonotonic | TimePerfCounter => Value::Float(time_s(it)),
        TimeTimeNs => Value::Int(1_700_000_000_000_000_000 + (clock_ms(it) * 1e6) as i64),
        TimeMonotonicNs | TimePerfCounterNs => Value::Int((clock_ms(it) * 1e6) as i64),
        AioHttp => {
            let method = str_of(it, a0()?)?;
            let url = str_of(it, need(&pos, 1, "_http")?)?;
            let body = match pos.get(2) {
                Some(Value::None) | None => None,
                Some(v) => Some(str_of(it, v)?),
            };
            let timeout = match pos.get(3) {
                Some(Value::None) | None => None,
                Some(v) => Some(float_arg(v, "")?),
            };
            crate::python::modules::http(it, method, url, body, timeout)
        }
        NewInstance => match a0()? {
            Value::Class(c) => Value::Instance(Rc::new(crate::python::value::Instance {
                class: c.clone(),
                dict: RefCell::new(Default::default()),
                exc: None,
            })),
            other => {
                return Err(Exc::new(
                    T::TypeError,
                    format!("_new_instance() needs a class, not {}", type_name(other)),
                ))
            }
        },
        BodyNames => {
            // The names a class body assigns at its top level, in order
            // (a class's attribute table does not keep the order).
            use crate::python::ast::{ExprKind, StmtKind};
            let mut names: Vec<Value> = Vec::new();
            if let Value::Class(c) = a0()? {
                if let Some(def) = &c.def {
                    for st in &def.body {
                        let target = match &st.kind {
                            StmtKind::Assign { targets, .. } => targets.first(),
                            StmtKind::AnnAssign { target, .. } => Some(target),
                            _ => None,
                        };
                        if let Some(ExprKind::Name(n)) = target.map(|t| &t.kind) {
                            let v = Value::Str(n.clone());
                            if !names.iter().any(|x| matches!(x, Value::Str(s) if s == n)) {
                                names.push(v);
                            }
                        }
                    }
                }
            }
            Value::list(names)
        }
        MakeClass => {
            crate::python::modules::make_class(&str_of(it, a0()?)?, need(&pos, 1, "_make_class")?)?
        }
        TimeSleep => {
            let d = float_arg(a0()?, "")?;
            if d < 0.0 {
                return Err(Exc::new(T::ValueError, "sleep length must be non-negative"));
            }
            if d > 60.0 {
                return Err(Exc::new(T::ValueError, "time.sleep() longer than 60 s is not allowed in the playground: it freezes the page"));
            }
            match it.worker_clock.get() {
                Some(t) => it.worker_clock.set(Some(t + d * 1000.0)),
                None => {
                    it.advance_ns((d * 1e9).round() as i64);
                    it.host.block(d * 1000.0);
                }
            }
            Value::None
        }
        RandRandom => Value::Float(it.rng.borrow_mut().random()),
        RandGetstate => {
            let (words, index, gauss) = it.rng.borrow().state();
            let mut inner: Vec<Value> = words
                .into_iter()
                .map(|w| Value::Int(i64::from(w)))
                .collect();
            inner.push(Value::Int(index as i64));
            Value::tuple(vec![
                Value::Int(3),
                Value::tuple(inner),
                gauss.map_or(Value::None, Value::Float),
            ])
        }
        RandSetstate => {
            let bad = || Exc::new(T::TypeError, "state vector must be a tuple");
            let Value::Tuple(st) = a0()? else {
                return Err(Exc::new(T::TypeError, "state must be a tuple"));
            };
            match &st[..] {
                [Value::Int(3), Value::Tuple(inner), gauss] => {
                    let mut words = Vec::with_capacity(inner.len());
                    for v in inner.iter() {
                        match v {
                            Value::Int(w) => words.push(u32::try_from(*w).map_err(|_| bad())?),
                            _ => return Err(bad()),
                        }
                    }
                    let index = words.pop().map_or(usize::MAX, |i| i as usize);
                    let gauss = match gauss {
                        Value::Float(x) => Some(*x),
                        _ => None,
                    };
                    it.rng
                        .borrow_mut()
                        .set_state(&words, index, gauss)
                        .map_err(berr)?;
                }
                [Value::Int(v), ..] => {
                    return Err(Exc::new(
                        T::ValueError,
                        format!("state with version {v} passed to Random.setstate() of version 3"),
                    ))
                }
                _ => return Err(bad()),
            }
            Value::None
        }
        RandSeed => {
            let mut r = it.rng.borrow_mut();
            match pos.first() {
                None | Some(Value::None) => r.seed_int(0),
                Some(Value::Int(i)) => r.seed_int(*i),
                Some(Value::Bool(x)) => r.seed_int(i64::from(*x)),
                Some(Value::Float(x)) => r.seed_float(*x),
                Some(Value::Str(x)) => r.seed_str(x),
                Some(Value::Bytes(x)) => r.seed_bytes(x),
                Some(v) => return Err(Exc::new(T::TypeError, format!("The only supported seed types are: None, int, float, str, bytes, and bytearray. Got {}", type_name(v)))),
            }
            Value::None
        }
        RandRandint => {
            let (a, bb) = (int_arg(a0()?, "")?, int_arg(need(&pos, 1, "randint")?, "")?);
            Value::Int(it.rng.borrow_mut().randint(a, bb).map_err(berr)?)
        }
        RandRandrange => {
            let a = int_arg(a0()?, "")?;
            let stop = pos.get(1).map(|v| int_arg(v, "")).transpose()?;
            let step = pos.get(2).map(|v| int_arg(v, "")).transpose()?;
            Value::Int(it.rng.borrow_mut().randrange(a, stop, step).map_err(berr)?)
        }
        RandGetrandbits => {
            let k = int_arg(a0()?, "")?;
            let v = it
                .rng
                .borrow_mut()
                .getrandbits(u32::try_from(k).unwrap_or(0))
                .map_err(berr)?;
            Value::Int(i64::try_from(v).map_err(|_| Exc::new(T::OverflowError, "int too large"))?)
        }
        RandUniform => {
            let (a, bb) = (
                float_arg(a0()?, "")?,
                float_arg(need(&pos, 1, "uniform")?, "")?,
            );
            Value::Float(it.rng.borrow_mut().uniform(a, bb))
        }
        RandTriangular => {
            let lo = pos
                .first()
                .map(|v| float_arg(v, ""))
                .transpose()?
                .unwrap_or(0.0);
            let hi = pos
                .get(1)
                .map(|v| float_arg(v, ""))
                .transpose()?
                .unwrap_or(1.0);
            let mode = pos.get(2).map(|v| float_arg(v, "")).transpose()?;
            Value::Float(it.rng.borrow_mut().triangular(lo, hi, mode))
        }
        RandGauss | RandNormalvariate => {
            let mu = pos
                .first()
                .map(|v| float_arg(v, ""))
                .transpose()?
                .unwrap_or(0.0);
            let sigma = pos
                .get(1)
                .map(|v| float_arg(v, ""))
                .transpose()?
                .unwrap_or(1.0);
            let mut r = it.rng.borrow_mut();
            Value::Float(if f == RandGauss {
                r.gauss(mu, sigma)
            } else {
                r.normalvariate(mu, sigma)
            })
        }
        RandExpovariate => {
            let l = pos
                .first()
                .map(|v| float_arg(v, ""))
                .transpose()?
                .unwrap_or(1.0);
            Value::Float(it.rng.borrow_mut().expovariate(l).map_err(berr)?)
        }
        RandChoice => {
            let items = ops::to_vec(it, a0()?)?;
            let i = it.rng.borrow_mut().choice(items.len()).map_err(berr)?;
            items[i].clone()
        }
        RandShuffle => {
            let Value::List(l) = a0()? else {
                return Err(Exc::new(
                    T::TypeError,
                    "shuffle() needs a list in the playground",
                ));
            };
            let mut v = l.borrow().clone();
            it.rng.borrow_mut().shuffle(&mut v);
            *l.borrow_mut() = v;
            Value::None
        }
        RandSample => {
            let items = ops::to_vec(it, a0()?)?;
            let k = int_arg(
                need(&pos, 1, "sample").or_else(|_| {
                    kwarg(&kw, "k").ok_or_else(|| Exc::new(T::TypeError, "sample() missing k"))
                })?,
                "",
            )?;
            let idx = it.rng.borrow_mut().sample(items.len(), k).map_err(berr)?;
            Value::list(idx.into_iter().map(|i| items[i].clone()).collect())
        }
        RandChoices => {
            let items = ops::to_vec(it, a0()?)?;
            let k = match kwarg(&kw, "k") {
                Some(v) => int_arg(v, "")?,
                None => 1,
            };
            let floats = |v: Option<&Value>| -> PyResult<Option<Vec<f64>>> {
                match v {
                    None | Some(Value::None) => Ok(None),
                    Some(v) => Ok(Some(
                        ops::to_vec(it, v)?
                            .iter()
                            .map(|x| float_arg(x, ""))
                            .collect::<PyResult<_>>()?,
                    )),
                }
            };
            let w = floats(pos.get(1).or(kwarg(&kw, "weights")))?;
            let cw = floats(kwarg(&kw, "cum_weights"))?;
            let idx = it
                .rng
                .borrow_mut()
                .choices(items.len(), w.as_deref(), cw.as_deref(), k.max(0) as usize)
                .map_err(berr)?;
            Value::list(idx.into_iter().map(|i| items[i].clone()).collect())
        }
        MathIsfinite | MathTan | MathAtan | MathAsin | MathAcos | MathSinh | MathCosh
        | MathTanh | MathDegrees | MathRadians | MathExpm1 | MathLog1p | MathCbrt => {
            super::math_more::one(f, a0()?)?
        }
        MathAtan2 | MathCopysign | MathFmod | MathLdexp => {
            super::math_more::two(f, a0()?, need(&pos, 1, "math")?)?
        }
        MathSqrt | MathExp | MathLog | MathLog2 | MathLog10 | MathSin | MathCos | MathFabs => {
            let x = float_arg(a0()?, "")?;
            let r = match f {
                MathSqrt => {
                    if x < 0.0 {
                        return Err(Exc::new(T::ValueError, "math domain error"));
                    }
                    x.sqrt()
                }
                MathExp => x.exp(),
                MathLog => {
                    if x <= 0.0 {
                        return Err(Exc::new(T::ValueError, "math domain error"));
                    }
                    match pos.get(1) {
                        Some(bv) => x.ln() / float_arg(bv, "")?.ln(),
                        None => x.ln(),
                    }
                }
                MathLog2 => x.log2(),
                MathLog10 => x.log10(),
                MathSin => x.sin(),
                MathCos => x.cos(),
                _ => x.abs(),
            };
            Value::Float(r)
        }
        MathFloor | MathCeil | MathTrunc => match a0()? {
            Value::Int(i) => Value::Int(*i),
            v @ Value::BigInt(_) => v.clone(),
            v => {
                let x = float_arg(v, "")?;
                let r = match f {
                    MathFloor => x.floor(),
                    MathCeil => x.ceil(),
                    _ => x.trunc(),
                };
                if r.is_nan() {
                    return Err(Exc::new(
                        T::ValueError,
                        "cannot convert float NaN to integer",
                    ));
                }
                if !r.is_finite() {
                    return Err(Exc::new(
                        T::OverflowError,
                        "cannot convert float infinity to integer",
                    ));
                }
                Value::from_big(BigInt::from_f64(r))
            }
        },
        MathIsclose => {
            let (a, bb) = (
                float_arg(a0()?, "")?,
                float_arg(need(&pos, 1, "isclose")?, "")?,
            );
            let rel = kwarg(&kw, "rel_tol")
                .map(|v| float_arg(v, ""))
                .transpose()?
                .unwrap_or(1e-9);
            let abs = kwarg(&kw, "abs_tol")
                .map(|v| float_arg(v, ""))
                .transpose()?
                .unwrap_or(0.0);
            Value::Bool(a == bb || (a - bb).abs() <= (rel * a.abs().max(bb.abs())).max(abs))
        }
        MathGcd
            if pos
                .iter()
                .any(|v| matches!(v, Value::BigInt(_) | Value::Int(i64::MIN))) =>
        {
            let mut g = BigInt::zero();
            for v in &pos {
                let x = ops::as_big(v).ok_or_else(|| {
                    Exc::new(
                        T::TypeError,
                        format!(
                            "'{}' object cannot be interpreted as an integer",
                            type_name(v)
                        ),
                    )
                })?;
                g = g.gcd(&x);
            }
            Value::from_big(g)
        }
        MathGcd => {
            let mut g: i64 = 0;
            for v in &pos {
                let mut x = int_arg(v, "")?.abs();
                let mut y = g;
                while y != 0 {
                    let t = x % y;
                    x = y;
                    y = t;
                }
                g = x;
            }
            Value::Int(g)
        }
        MathIsnan => Value::Bool(float_arg(a0()?, "")?.is_nan()),
        MathIsinf => Value::Bool(float_arg(a0()?, "")?.is_infinite()),
        MathHypot => Value::Float(
            pos.iter()
                .map(|v| float_arg(v, ""))
                .collect::<PyResult<Vec<_>>>()?
                .iter()
                .map(|x| x * x)
                .sum::<f64>()
                .sqrt(),
        ),
        MathFsum => Value::Float(super::math_more::fsum(
            &ops::to_vec(it, a0()?)?
                .iter()
                .map(|v| float_arg(v, ""))
                .collect::<PyResult<Vec<_>>>()?,
        )),
        MathProd => {
            let mut acc = Value::Int(1);
            for x in ops::to_vec(it, a0()?)? {
                acc = ops::binop(it, crate::python::ast::BinOp::Mult, acc, x)?;
            }
            acc
        }
        MathFactorial => {
            let n = int_arg(a0()?, "")?;
            if n < 0 {
                return Err(Exc::new(
                    T::ValueError,
                    "factorial() not defined for negative values",
                ));
            }
            // log2(n!) by Stirling: refuse a result past the size cap at once.
            let nf = n as f64;
            if n > 20
                && nf * (nf / std::f64::consts::E).log2() > crate::python::bigint::MAX_BITS as f64
            {
                return Err(ops::too_big());
            }
            let mut acc = BigInt::from_i64(1);
            for k in 2..=n {
                acc = acc.mul_small(k as u32).map_err(|_| ops::too_big())?;
            }
            Value::from_big(acc)
        }
        ItCount => {
            let start = pos
                .first()
                .map(|v| int_arg(v, ""))
                .transpose()?
                .unwrap_or(0);
            let step = pos.get(1).map(|v| int_arg(v, "")).transpose()?.unwrap_or(1);
            Value::Iter(Rc::new(RefCell::new(Iter::Count(start, step))))
        }
        ItIslice => {
            let src = ops::iter(it, a0()?)?;
            let (start, stop, step) = match pos.len() {
                2 => (0, pos[1].clone(), 1),
                _ => (
                    pos.get(1)
                        .map(|v| if v.is_none() { Ok(0) } else { int_arg(v, "") })
                        .transpose()?
                        .unwrap_or(0),
                    pos.get(2).cloned().unwrap_or(Value::None),
                    pos.get(3)
                        .map(|v| if v.is_none() { Ok(1) } else { int_arg(v, "") })
                        .transpose()?
                        .unwrap_or(1),
                ),
            };
            let stop = if stop.is_none() {
                i64::MAX
            } else {
                int_arg(&stop, "")?
            };
            let mut out = Vec::new();
            let mut i = 0i64;
            while i < stop {
                let Some(x) = ops::next(it, &src)? else { break };
                if i >= start && (i - start) % step.max(1) == 0 {
                    out.push(x);
                }
                i += 1;
                if out.len() > crate::python::interp::MAX_ITEMS {
                    return Err(Exc::bare(T::MemoryError));
                }
            }
            Value::Iter(Rc::new(RefCell::new(Iter::Seq(Rc::from(out), 0))))
        }
        ItChain => {
            let mut out = Vec::new();
            for p in &pos {
                out.extend(ops::to_vec(it, p)?);
            }
            Value::Iter(Rc::new(RefCell::new(Iter::Seq(Rc::from(out), 0))))
        }
        ItRepeat => {
            let n = pos
                .get(1)
                .map(|v| int_arg(v, ""))
                .transpose()?
                .unwrap_or(1)
                .clamp(0, 10_000_000);
            Value::Iter(Rc::new(RefCell::new(Iter::Seq(
                Rc::from(vec![a0()?.clone(); n as usize]),
                0,
            ))))
        }
        ItProduct | ItPermutations | ItCombinations | ItPairwise | ItAccumulate | ItZipLongest
        | ItStarmap | ItGroupby | ItCycle => {
            let out = itertools(it, f, &pos, &kw)?;
            Value::Iter(Rc::new(RefCell::new(Iter::Seq(Rc::from(out), 0))))
        }
        JsonDumps => s(json_dumps(it, a0()?, &kw)?),
        JsonLoads => {
            let text = str_arg(a0()?, "the JSON object must be str")?;
            json_loads(it, &text)?
        }
        NativeCall => {
            // property.setter(f)
            match (&pos[0], pos.get(1)) {
                (Value::Property(p), Some(fset)) => {
                    Value::Property(Rc::new((p.0.clone(), fset.clone())))
                }
                _ => Value::None,
            }
        }
        other => {
            return Err(Exc::new(
                T::NotImplementedError,
                format!(
                    "{}() is not available in the playground",
                    other.short_name()
                ),
            ))
        }
    })
}

pub(super) fn itertools(
    it: &Rc<Interp>,
    f: Builtin,
    pos: &[Value],
    kw: &[(Name, Value)],
) -> PyResult<Vec<Value>> {
    use Builtin::*;
    let cap = |n: usize| -> PyResult<()> {
        if n > 1_000_000 {
            Err(Exc::bare(T::MemoryError))
        } else {
            Ok(())
        }
    };
    Ok(match f {
        ItProduct => {
            let pools: Vec<Vec<Value>> = pos
                .iter()
                .map(|p| ops::to_vec(it, p))
                .collect::<PyResult<_>>()?;
            let mut out: Vec<Vec<Value>> = vec![Vec::new()];
            for pool in pools {
                let mut next = Vec::new();
                for prefix in &out {
                    for x in &pool {
                        let mut t = prefix.clone();
                        t.push(x.clone());
                        next.push(t);
                    }
                }
                cap(next.len())?;
                out = next;
            }
            out.into_iter().map(Value::tuple).collect()
        }
        ItPermutations | ItCombinations => {
            let pool = ops::to_vec(it, &pos[0])?;
            let n = pool.len();
            let r = match pos.get(1).or(kwarg(kw, "r")) {
                Some(Value::None) | None => n,
                Some(v) => int_arg(v, "")?.max(0) as usize,
            };
            let mut out = Vec::new();
            let mut stack: Vec<Vec<usize>> = vec![Vec::new()];
            while let Some(cur) = stack.pop() {
                if cur.len() == r {
                    out.push(Value::tuple(cur.iter().map(|&i| pool[i].clone()).collect()));
                    cap(out.len())?;
                    continue;
                }
                let start = if f == ItCombinations {
                    cur.last().map_or(0, |l| l + 1)
                } else {
                    0
                };
                for i in (start..n).rev() {
                    if f == ItPermutations && cur.contains(&i) {
                        continue;
                    }
                    let mut nx = cur.clone();
                    nx.push(i);
                    stack.push(nx);
                }
            }
            out
        }
        ItPairwise => {
            let v = ops::to_vec(it, &pos[0])?;
            v.windows(2).map(|w| Value::tuple(w.to_vec())).collect()
        }
        ItAccumulate => {
            let v = ops::to_vec(it, &pos[0])?;
            let func = pos.get(1).cloned().filter(|x| !x.is_none());
            let mut out = Vec::new();
            let mut acc: Option<Value> = kwarg(kw, "initial").cloned();
            if let Some(a) = &acc {
                out.push(a.clone());
            }
            for x in v {
                acc = Some(match acc {
                    None => x,
                    Some(a) => match &func {
                        Some(fu) => it.call_sync(fu.clone(), vec![a, x], Vec::new())?,
                        None => ops::binop(it, crate::python::ast::BinOp::Add, a, x)?,
                    },
                });
                out.push(acc.clone().unwrap_or(Value::None));
            }
            out
        }
        ItZipLongest => {
            let lists: Vec<Vec<Value>> = pos
                .iter()
                .map(|p| ops::to_vec(it, p))
                .collect::<PyResult<_>>()?;
            let fill = kwarg(kw, "fillvalue").cloned().unwrap_or(Value::None);
            let n = lists.iter().map(Vec::len).max().unwrap_or(0);
            (0..n)
                .map(|i| {
                    Value::tuple(
                        lists
                            .iter()
                            .map(|l| l.get(i).cloned().unwrap_or_else(|| fill.clone()))
                            .collect(),
                    )
                })
                .collect()
        }
        ItStarmap => {
            let func = pos[0].clone();
            let mut out = Vec::new();
            for args in ops::to_vec(it, &pos[1])? {
                out.push(it.call_sync(func.clone(), ops::to_vec(it, &args)?, Vec::new())?);
            }
            out
        }
        ItGroupby => {
            let v = ops::to_vec(it, &pos[0])?;
            let key = pos
                .get(1)
                .or(kwarg(kw, "key"))
                .cloned()
                .filter(|x| !x.is_none());
            let mut out: Vec<Value> = Vec::new();
            let mut cur: Option<(Value, Vec<Value>)> = None;
            for x in v {
                let k = match &key {
                    Some(kf) => it.call_sync(kf.clone(), vec![x.clone()], Vec::new())?,
                    None => x.clone(),
                };
                match &mut cur {
                    Some((ck, items)) if ops::eq(it, ck, &k)? => items.push(x),
                    _ => {
                        if let Some((ck, items)) = cur.take() {
                            out.push(Value::tuple(vec![
                                ck,
                                Value::Iter(Rc::new(RefCell::new(Iter::Seq(Rc::from(items), 0)))),
                            ]));
                        }
                        cur = Some((k, vec![x]));
                    }
                }
            }
            if let Some((ck, items)) = cur {
                out.push(Value::tuple(vec![
                    ck,
                    Value::Iter(Rc::new(RefCell::new(Iter::Seq(Rc::from(items), 0)))),
                ]));
            }
            out
        }
        _ => {
            return Err(Exc::new(
                T::NotImplementedError,
                "itertools.cycle is not available in the playground",
            ));
        }
    })
}
