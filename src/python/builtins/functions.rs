//! The built-in functions a program calls by name (`print`, `len`,
//! `range`, `sorted`, `isinstance`, ...) and the synchronous natives of
//! asyncio and the emulated modules: one dispatcher over [`Builtin`].

use super::*;

pub fn call_sync(
    it: &Rc<Interp>,
    f: Builtin,
    pos: Vec<Value>,
    kw: Vec<(Name, Value)>,
) -> PyResult<Value> {
    use Builtin::*;
    let a0 = || need(&pos, 0, f.short_name());
    Ok(match f {
        Print => {
            let sep = match kwarg(&kw, "sep") {
                Some(Value::None) | None => " ".to_string(),
                Some(v) => str_of(it, v)?,
            };
            let end = match kwarg(&kw, "end") {
                Some(Value::None) | None => "\n".to_string(),
                Some(v) => str_of(it, v)?,
            };
            let to_err =
                matches!(kwarg(&kw, "file"), Some(Value::Native(n)) if n.type_name == "stderr");
            let mut text = String::new();
            for (i, v) in pos.iter().enumerate() {
                if i > 0 {
                    text.push_str(&sep);
                }
                text.push_str(&str_of(it, v)?);
            }
            text.push_str(&end);
            write_out(it, &text, to_err)?;
            Value::None
        }
        StreamWrite => {
            let stream = a0()?;
            let text = str_of(it, need(&pos, 1, "write")?)?;
            let to_err = matches!(stream, Value::Native(n) if n.type_name == "stderr");
            write_out(it, &text, to_err)?;
            Value::Int(text.chars().count() as i64)
        }
        StreamFlush => Value::None,
        Len => {
            let v = a0()?;
            Value::Int(len(it, v)?)
        }
        Repr => s(repr(it, a0()?)?),
        Ascii => s(ops::ascii(&repr(it, a0()?)?)),
        Abs => match a0()? {
            Value::Int(i) => match i.checked_abs() {
                Some(a) => Value::Int(a),
                None => Value::from_big(BigInt::from_i64(*i).abs()),
            },
            Value::BigInt(b) => Value::from_big(b.abs()),
            Value::Bool(b) => Value::Int(i64::from(*b)),
            Value::Float(x) => Value::Float(x.abs()),
            Value::Complex(re, im) => Value::Float(crate::python::complex::abs(*re, *im)?),
            v @ Value::Instance(_) => return it.call_method_sync(v, "__abs__", Vec::new()),
            v => {
                return Err(Exc::new(
                    T::TypeError,
                    format!("bad operand type for abs(): '{}'", type_name(v)),
                ))
            }
        },
        Min => min_max(it, pos, &kw, false)?,
        Max => min_max(it, pos, &kw, true)?,
        Sum => {
            let items = ops::to_vec(it, a0()?)?;
            let mut acc = match arg(&pos, 1).or(kwarg(&kw, "start")) {
                Some(v) => v.clone(),
                None => Value::Int(0),
            };
            if matches!(acc, Value::Str(_)) {
                return Err(Exc::new(
                    T::TypeError,
                    "sum() can't sum strings [use ''.join(seq) instead]",
                ));
            }
            for x in items {
                acc = ops::binop(it, crate::python::ast::BinOp::Add, acc, x)?;
            }
            acc
        }
        Sorted => {
            let items = ops::to_vec(it, a0()?)?;
            let rev = match kwarg(&kw, "reverse") {
                Some(v) => truthy(it, v)?,
                None => false,
            };
            Value::list(sort_values(it, items, key_fn(&kw), rev)?)
        }
        Reversed => {
            let v = a0()?;
            if let Value::Instance(i) = v {
                if let Some(m) = i.class.lookup("__reversed__") {
                    return it.call_sync(m, vec![v.clone()], Vec::new());
                }
            }
            let mut items = match v {
                Value::Dict(_)
                | Value::List(_)
                | Value::Tuple(_)
                | Value::Str(_)
                | Value::Range(_) => ops::to_vec(it, v)?,
                Value::Instance(_) => ops::to_vec(it, v)?,
                other => {
                    return Err(Exc::new(
                        T::TypeError,
                        format!("'{}' object is not reversible", type_name(other)),
                    ))
                }
            };
            items.reverse();
            Value::Iter(Rc::new(RefCell::new(Iter::Seq(Rc::from(items), 0))))
        }
        Enumerate => {
            let inner = ops::iter(it, a0()?)?;
            let start = match arg(&pos, 1).or(kwarg(&kw, "start")) {
                Some(v) => int_arg(v, "")?,
                None => 0,
            };
            Value::Iter(Rc::new(RefCell::new(Iter::Enumerate(inner, start))))
        }
        Zip => {
            let mut its = Vec::new();
            for p in &pos {
                its.push(ops::iter(it, p)?);
            }
            if kwarg(&kw, "strict").is_some_and(|v| matches!(v, Value::Bool(true))) {
                let lists: Vec<Vec<Value>> = pos
                    .iter()
                    .map(|p| ops::to_vec(it, p))
                    .collect::<PyResult<_>>()?;
                let n = lists.first().map_or(0, Vec::len);
                if let Some((i, l)) = lists.iter().enumerate().find(|(_, l)| l.len() != n) {
                    let which = if l.len() < n { "shorter" } else { "longer" };
                    return Err(Exc::new(
                        T::ValueError,
                        format!("zip() argument {} is {which} than argument 1", i + 1),
                    ));
                }
            }
            Value::Iter(Rc::new(RefCell::new(Iter::Zip(its))))
        }
        Map => {
            let func = a0()?.clone();
            let mut its = Vec::new();
            for p in &pos[1..] {
                its.push(ops::iter(it, p)?);
            }
            Value::Iter(Rc::new(RefCell::new(Iter::Map(func, its))))
        }
        Filter => {
            let func = a0()?.clone();
            let inner = ops::iter(it, need(&pos, 1, "filter")?)?;
            Value::Iter(Rc::new(RefCell::new(Iter::Filter(func, inner))))
        }
        Any => {
            let i = ops::iter(it, a0()?)?;
            while let Some(x) = ops::next(it, &i)? {
                if truthy(it, &x)? {
                    return Ok(Value::Bool(true));
                }
            }
            Value::Bool(false)
        }
        All => {
            let i = ops::iter(it, a0()?)?;
            while let Some(x) = ops::next(it, &i)? {
                if !truthy(it, &x)? {
                    return Ok(Value::Bool(false));
                }
            }
            Value::Bool(true)
        }
        IterB => ops::iter(it, a0()?)?,
        Next | GenNext => {
            let i = a0()?;
            if let Value::Coro(c) = i {
                if c.kind == CoroKind::Generator {
                    return match c.resume(Value::None, None)? {
                        Resumed::Yielded(x) => Ok(x),
                        Resumed::Returned(v) => match arg(&pos, 1) {
                            Some(d) if f == Next => Ok(d.clone()),
                            _ => Err(Exc::with_args(
                                T::StopIteration,
                                if v.is_none() { Vec::new() } else { vec![v] },
                            )),
                        },
                        Resumed::Suspended => Err(Exc::new(T::RuntimeError, "generator suspended")),
                    };
                }
            }
            match ops::next(it, i)? {
                Some(x) => x,
                None => match arg(&pos, 1) {
                    Some(d) if f == Next => d.clone(),
                    _ => {
                        if let Value::Coro(c) = i {
                            let _ = c;
                        }
                        return Err(Exc::bare(T::StopIteration));
                    }
                },
            }
        }
        GenIter | AgenAiter => a0()?.clone(),
        Round => {
            let v = a0()?;
            let nd = match arg(&pos, 1).or(kwarg(&kw, "ndigits")) {
                Some(Value::None) | None => None,
                Some(x) => Some(int_arg(x, "")?),
            };
            match v {
                Value::Int(i) => match nd {
                    None => Value::Int(*i),
                    Some(n) => Value::from_big(BigInt::from_i128(fmt::round_int(*i, n))),
                },
                Value::BigInt(b) => match nd {
                    Some(n) if n < 0 => round_big(b, n)?,
                    _ => v.clone(),
                },
                Value::Bool(x) => Value::Int(i64::from(*x)),
                Value::Float(x) => {
                    let r = fmt::round_float(*x, nd).map_err(berr)?;
                    if nd.is_none() {
                        if r.abs() >= 9.2e18 {
                            return Ok(Value::from_big(BigInt::from_f64(r)));
                        }
                        Value::Int(r as i64)
                    } else {
                        Value::Float(r)
                    }
                }
                v @ Value::Instance(_) => {
                    return it.call_method_sync(v, "__round__", pos[1..].to_vec())
                }
                v => {
                    return Err(Exc::new(
                        T::TypeError,
                        format!("type {} doesn't define __round__ method", type_name(v)),
                    ))
                }
            }
        }
        Divmod => {
            let (a, bb) = (a0()?.clone(), need(&pos, 1, "divmod")?.clone());
            if matches!(a, Value::Complex(..)) || matches!(bb, Value::Complex(..)) {
                return Err(Exc::new(
                    T::TypeError,
                    format!(
                        "unsupported operand type(s) for divmod(): '{}' and '{}'",
                        type_name(&a),
                        type_name(&bb)
                    ),
                ));
            }
            let q = ops::binop(
                it,
                crate::python::ast::BinOp::FloorDiv,
                a.clone(),
                bb.clone(),
            )?;
            let r = ops::binop(it, crate::python::ast::BinOp::Mod, a, bb)?;
            Value::tuple(vec![q, r])
        }
        Pow | MathPow => {
            let (a, bb) = (a0()?.clone(), need(&pos, 1, "pow")?.clone());
            if f == MathPow {
                let x = float_arg(&a, "")?.powf(float_arg(&bb, "")?);
                Value::Float(x)
            } else if let Some(m) = arg(&pos, 2).filter(|m| !m.is_none()) {
                if [&a, &bb, m].iter().any(|v| matches!(v, Value::Complex(..))) {
                    return Err(Exc::new(T::ValueError, "complex modulo"));
                }
                pow_mod_big(&a, &bb, m)?
            } else {
                ops::binop(it, crate::python::ast::BinOp::Pow, a, bb)?
            }
        }
        Hash => {
            let k = ops::hash_key(it, a0()?)?;
            use std::hash::{Hash as _, Hasher};
            let mut h = crate::python::value::FastHasher::default();
            k.hash(&mut h);
            match a0()? {
                Value::Int(i) => Value::Int(BigInt::from_i64(*i).py_hash()),
                Value::BigInt(b) => Value::Int(b.py_hash()),
                Value::Float(x) if !x.is_nan() => Value::Int(crate::python::bigint::hash_f64(*x)),
                Value::Complex(re, im) => Value::Int(crate::python::complex::hash(*re, *im)),
                Value::Bool(x) => Value::Int(i64::from(*x)),
                _ => Value::Int((h.finish() >> 2) as i64),
            }
        }
        Id => Value::Int(a0()?.ptr().unwrap_or(0) as i64),
        Callable => Value::Bool(
            matches!(
                a0()?,
                Value::Func(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_)
            ) || matches!(a0()?, Value::Instance(i) if i.class.lookup("__call__").is_some()),
        ),
        Getattr => {
            let name = str_arg(
                need(&pos, 1, "getattr")?,
                "getattr(): attribute name must be string",
            )?;
            match ops::getattr(it, a0()?, &name) {
                Ok(v) => v,
                Err(e) if e.is(T::AttributeError) && pos.len() > 2 => pos[2].clone(),
                Err(e) => return Err(e),
            }
        }
        Setattr => {
            let name = str_arg(need(&pos, 1, "setattr")?, "attribute name must be string")?;
            ops::setattr(it, a0()?, &name, need(&pos, 2, "setattr")?.clone())?;
            Value::None
        }
        Hasattr => {
            let name = str_arg(
                need(&pos, 1, "hasattr")?,
                "hasattr(): attribute name must be string",
            )?;
            match ops::getattr(it, a0()?, &name) {
                Ok(_) => Value::Bool(true),
                Err(e) if e.is(T::AttributeError) => Value::Bool(false),
                Err(e) => return Err(e),
            }
        }
        Delattr => {
            let name = str_arg(need(&pos, 1, "delattr")?, "attribute name must be string")?;
            ops::delattr(it, a0()?, &name)?;
            Value::None
        }
        Chr => {
            if let Value::BigInt(_) = a0()? {
                return Err(Exc::new(
                    T::OverflowError,
                    "Python int too large to convert to C int",
                ));
            }
            let n = int_arg(a0()?, "")?;
            match u32::try_from(n).ok().and_then(char::from_u32) {
                Some(c) => s(c.to_string()),
                None => return Err(Exc::new(T::ValueError, "chr() arg not in range(0x110000)")),
            }
        }
        Ord => match a0()? {
            Value::Str(x) if x.chars().count() == 1 => {
                Value::Int(x.chars().next().map_or(0, |c| c as i64))
            }
            Value::Str(x) => {
                return Err(Exc::new(
                    T::TypeError,
                    format!(
                        "ord() expected a character, but string of length {} found",
                        x.chars().count()
                    ),
                ))
            }
            v => {
                return Err(Exc::new(
                    T::TypeError,
                    format!(
                        "ord() expected string of length 1, but {} found",
                        type_name(v)
                    ),
                ))
            }
        },
        Hex | Oct | Bin if matches!(a0()?, Value::BigInt(_)) => {
            let Value::BigInt(b) = a0()? else {
                return Ok(Value::None);
            };
            let (p, base) = match f {
                Hex => ("0x", 16),
                Oct => ("0o", 8),
                _ => ("0b", 2),
            };
            let body = b.mag_digits(base).unwrap_or_default();
            s(format!(
                "{}{p}{body}",
                if b.is_negative() { "-" } else { "" }
            ))
        }
        Hex | Oct | Bin => {
            let n = int_arg(a0()?, "")?;
            let (p, body) = match f {
                Hex => ("0x", format!("{:x}", n.unsigned_abs())),
                Oct => ("0o", format!("{:o}", n.unsigned_abs())),
                _ => ("0b", format!("{:b}", n.unsigned_abs())),
            };
            s(format!("{}{p}{body}", if n < 0 { "-" } else { "" }))
        }
        Format => {
            let spec = match arg(&pos, 1) {
                Some(v) => str_arg(v, "format() argument 2 must be str")?,
                None => String::new(),
            };
            s(ops::format_value(it, a0()?, &spec)?)
        }
        Isinstance => {
            let v = a0()?;
            Value::Bool(class_matches(need(&pos, 1, "isinstance")?, &|c| {
                ops::isinstance(v, c)
            })?)
        }
        Issubclass => {
            let Value::Class(c) = a0()? else {
                return Err(Exc::new(T::TypeError, "issubclass() arg 1 must be a class"));
            };
            Value::Bool(class_matches(need(&pos, 1, "issubclass")?, &|k| {
                ops::issubclass(c, k)
            })?)
        }
        Input => {
            return Err(Exc::new(
                T::RuntimeError,
                "input() is not available in the playground: there is no keyboard input",
            ))
        }
        Open => {
            return Err(Exc::new(
                T::OSError,
                "open() is not available in the playground: there are no files",
            ))
        }
        Globals => {
            let mut d = Dict::new();
            for (k, v) in it.globals.vars.borrow().iter() {
                d.insert(HashKey::Str(k.clone()), Value::Str(k.clone()), v.clone());
            }
            Value::dict(d)
        }
        Locals | Vars => {
            if let Some(v) = arg(&pos, 0) {
                return ops::getattr(it, v, "__dict__");
            }
            Value::dict(Dict::new())
        }
        Dir => {
            let mut names: Vec<String> = match arg(&pos, 0) {
                Some(Value::Instance(i)) => {
                    let mut n: Vec<String> =
                        i.dict.borrow().keys().map(|k| k.to_string()).collect();
                    for c in i.class.mro.borrow().iter() {
                        n.extend(c.dict.borrow().keys().map(|k| k.to_string()));
                    }
                    n
                }
                Some(Value::Module(m)) => m.dict.borrow().keys().map(|k| k.to_string()).collect(),
                Some(Value::Class(c)) => c.dict.borrow().keys().map(|k| k.to_string()).collect(),
                _ => it
                    .globals
                    .vars
                    .borrow()
                    .keys()
                    .map(|k| k.to_string())
                    .collect(),
            };
            names.sort();
            names.dedup();
            Value::list(names.into_iter().map(s).collect())
        }
        Aiter => it.call_method_sync(a0()?, "__aiter__", Vec::new())?,
        Exit | SysExit => return Err(Exc::with_args(T::SystemExit, pos)),
        NotImplemented | Ellipsis | LoopStop => {
            if f == LoopStop {
                it.stop_loop();
            }
            Value::None
        }
        ObjectInit => Value::None,
        ObjectSetattr => {
            let name = str_arg(
                need(&pos, 1, "__setattr__")?,
                "attribute name must be string",
            )?;
            let v = need(&pos, 2, "__setattr__")?.clone();
            match a0()? {
                Value::Instance(i) => {
                    i.dict.borrow_mut().insert(Rc::from(name.as_str()), v);
                }
                other => ops::setattr(it, other, &name, v)?,
            }
            Value::None
        }
        ObjectRepr => {
            let v = a0()?;
            s(format!("<{} object>", type_name(v)))
        }
        ObjectStr => s(repr(it, a0()?)?),
        ExcInit => {
            if let Some(d) = a0()?.exc_data() {
                d.borrow_mut().args = pos[1..].to_vec();
            }
            Value::None
        }
        ExcWithTraceback => a0()?.clone(),
        ExcAddNote => {
            crate::python::interp::add_note(a0()?, need(&pos, 1, "add_note")?)?;
            Value::None
        }
        ExcSplit => crate::python::interp::group_split(it, a0()?, need(&pos, 1, "split")?)?,
        ExcSubgroup => {
            crate::python::interp::group_subgroup(it, a0()?, need(&pos, 1, "subgroup")?)?
        }
        ExcDerive => crate::python::interp::group_derive(it, a0()?, need(&pos, 1, "derive")?)?,
        Type(t) => return construct(it, t, pos, kw),
        _ => return method_call(it, f, pos, kw),
    })
}

/// Attributes of exception classes that are computed (`StopIteration.value`,
/// `ExceptionGroup.exceptions`...).
pub type ExcAttr = fn(&Rc<Interp>, &Value) -> PyResult<Value>;
