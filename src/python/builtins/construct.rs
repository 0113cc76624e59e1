//! Calling a built-in class: `int(...)`, `list(...)`, exceptions, ...
//! and `len`.

use super::*;

pub(super) fn class_matches(spec: &Value, test: &dyn Fn(&Rc<Class>) -> bool) -> PyResult<bool> {
    match spec {
        Value::Class(c) => Ok(test(c)),
        Value::Tuple(t) => {
            for x in t.iter() {
                if class_matches(x, test)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(Exc::new(
            T::TypeError,
            "isinstance() arg 2 must be a type, a tuple of types, or a union",
        )),
    }
}

/// `len(v)`.
pub fn len(it: &Rc<Interp>, v: &Value) -> PyResult<i64> {
    if let Some(r) = ops::class_hook(it, v, "__class_len__", Vec::new()) {
        return match r? {
            Value::Int(n) => Ok(n),
            other => len(it, &other),
        };
    }
    Ok(match v {
        Value::Str(x) => x.chars().count() as i64,
        Value::Bytes(x) => x.len() as i64,
        Value::List(l) => l.borrow().len() as i64,
        Value::Tuple(t) => t.len() as i64,
        Value::Dict(d) | Value::Set(d) => d.borrow().len() as i64,
        Value::FrozenSet(d) => d.len() as i64,
        Value::Range(r) => ops::range_len(r.0, r.1, r.2),
        Value::Instance(i) => match i.class.lookup("__len__") {
            Some(m) => match it.call_sync(m, vec![v.clone()], Vec::new())? {
                Value::Int(n) if n >= 0 => n,
                Value::Int(_) => {
                    return Err(Exc::new(T::ValueError, "__len__() should return >= 0"))
                }
                other => {
                    return Err(Exc::new(
                        T::TypeError,
                        format!(
                            "'{}' object cannot be interpreted as an integer",
                            type_name(&other)
                        ),
                    ))
                }
            },
            None => {
                return Err(Exc::new(
                    T::TypeError,
                    format!("object of type '{}' has no len()", i.class.name),
                ))
            }
        },
        _ => {
            return Err(Exc::new(
                T::TypeError,
                format!("object of type '{}' has no len()", type_name(v)),
            ))
        }
    })
}

pub(super) fn construct(
    it: &Rc<Interp>,
    t: T,
    pos: Vec<Value>,
    kw: Vec<(Name, Value)>,
) -> PyResult<Value> {
    let a0 = pos.first();
    Ok(match t {
        T::Int => match a0 {
            None => Value::Int(0),
            Some(Value::Int(i)) => Value::Int(*i),
            Some(v @ Value::BigInt(_)) => v.clone(),
            Some(Value::Bool(x)) => Value::Int(i64::from(*x)),
            Some(Value::Float(x)) => {
                if x.is_nan() {
                    return Err(Exc::new(T::ValueError, "cannot convert float NaN to integer"));
                }
                if x.is_infinite() {
                    return Err(Exc::new(T::OverflowError, "cannot convert float infinity to integer"));
                }
                if x.abs() >= 9.2e18 {
                    return Ok(Value::from_big(BigInt::from_f64(*x)));
                }
                Value::Int(x.trunc() as i64)
            }
            Some(Value::Str(x)) => {
                let base = match pos.get(1).or(kwarg(&kw, "base")) {
                    Some(b) => int_arg(b, "")? as u32,
                    None => 10,
                };
                Value::from_big(fmt::int_from_str_big(x, base).map_err(berr)?)
            }
            Some(v @ Value::Instance(_)) => return it.call_method_sync(v, "__int__", Vec::new()),
            Some(v) => return Err(Exc::new(T::TypeError, format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", type_name(v)))),
        },
        T::Float => match a0 {
            None => Value::Float(0.0),
            Some(Value::Int(i)) => Value::Float(*i as f64),
            Some(v @ Value::BigInt(_)) => Value::Float(ops::int_to_float(v)?),
            Some(Value::Bool(x)) => Value::Float(f64::from(u8::from(*x))),
            Some(Value::Float(x)) => Value::Float(*x),
            Some(Value::Str(x)) => Value::Float(fmt::float_from_str(x).map_err(berr)?),
            Some(v @ Value::Instance(_)) => return it.call_method_sync(v, "__float__", Vec::new()),
            Some(v) => return Err(Exc::new(T::TypeError, format!("float() argument must be a string or a real number, not '{}'", type_name(v)))),
        },
        T::Complex => return crate::python::complex::construct(it, &pos, &kw),
        T::Str => match a0 {
            None => Value::str(""),
            Some(Value::Bytes(bts)) if pos.len() > 1 || kwarg(&kw, "encoding").is_some() => s(String::from_utf8_lossy(bts).to_string()),
            Some(v) => s(str_of(it, v)?),
        },
        T::Bool => Value::Bool(match a0 {
            None => false,
            Some(v) => truthy(it, v)?,
        }),
        T::Bytes => match a0 {
            None => Value::Bytes(Rc::from(Vec::new())),
            Some(Value::Str(x)) => Value::Bytes(Rc::from(x.as_bytes().to_vec())),
            Some(Value::Int(n)) => Value::Bytes(Rc::from(vec![0u8; (*n).clamp(0, 1 << 24) as usize])),
            Some(v) => {
                let items = ops::to_vec(it, v)?;
                let mut out = Vec::new();
                for x in items {
                    let n = int_arg(&x, "")?;
                    out.push(u8::try_from(n).map_err(|_| Exc::new(T::ValueError, "bytes must be in range(0, 256)"))?);
                }
                Value::Bytes(Rc::from(out))
            }
        },
        T::List => Value::list(match a0 {
            None => Vec::new(),
            Some(v) => ops::to_vec(it, v)?,
        }),
        T::Tuple => match a0 {
            None => Value::tuple(Vec::new()),
            Some(v @ Value::Tuple(_)) => v.clone(),
            Some(v) => Value::tuple(ops::to_vec(it, v)?),
        },
        T::Set => ops::make_set(it, match a0 {
            None => Vec::new(),
            Some(v) => ops::to_vec(it, v)?,
        })?,
        T::FrozenSet => {
            let Value::Set(d) = ops::make_set(it, match a0 {
                None => Vec::new(),
                Some(v) => ops::to_vec(it, v)?,
            })?
            else {
                return Ok(Value::None);
            };
            let d = d.borrow().clone();
            Value::FrozenSet(Rc::new(d))
        }
        T::Dict => {
            let mut d = Dict::new();
            if let Some(v) = a0 {
                ops::dict_update(it, &mut d, v)?;
            }
            for (k, v) in kw {
                d.insert(HashKey::Str(k.clone()), Value::Str(k), v);
            }
            Value::dict(d)
        }
        T::Range => {
            let ints: Vec<i64> = pos.iter().map(|v| int_arg(v, "")).collect::<PyResult<_>>()?;
            let (a, bb, st) = match ints.as_slice() {
                [e] => (0, *e, 1),
                [a, e] => (*a, *e, 1),
                [a, e, st] => (*a, *e, *st),
                _ => return Err(Exc::new(T::TypeError, format!("range expected at most 3 arguments, got {}", ints.len()))),
            };
            if st == 0 {
                return Err(Exc::new(T::ValueError, "range() arg 3 must not be zero"));
            }
            Value::Range(Rc::new((a, bb, st)))
        }
        T::Slice => {
            let g = |i: usize| pos.get(i).cloned().unwrap_or(Value::None);
            match pos.len() {
                1 => Value::Slice(Rc::new((Value::None, g(0), Value::None))),
                _ => Value::Slice(Rc::new((g(0), g(1), g(2)))),
            }
        }
        T::Type => match pos.len() {
            1 => Value::Class(class_of(&pos[0])),
            _ => return Err(Exc::new(T::TypeError, "type() takes 1 argument in the playground")),
        },
        T::Object => Value::Instance(Rc::new(crate::python::value::Instance {
            class: tclass(T::Object),
            dict: RefCell::new(Default::default()),
            exc: None,
        })),
        T::Property => Value::Property(Rc::new((
            a0.cloned().unwrap_or(Value::None),
            pos.get(1).cloned().unwrap_or(Value::None),
        ))),
        T::StaticMethod => Value::StaticMethod(Rc::new(a0.cloned().unwrap_or(Value::None))),
        T::ClassMethod => Value::ClassMethod(Rc::new(a0.cloned().unwrap_or(Value::None))),
        T::Future => Value::Fut(Fut::new()),
        T::Super => match (pos.first(), pos.get(1)) {
            (Some(Value::Class(c)), Some(obj)) => Value::Super(Rc::new((c.clone(), obj.clone()))),
            _ => return Err(Exc::new(T::RuntimeError, "super(): no arguments")),
        },
        T::BaseExceptionGroup | T::ExceptionGroup => {
            let msg = a0.cloned().unwrap_or(Value::str(""));
            let excs = match pos.get(1) {
                Some(v) => ops::to_vec(it, v)?,
                None => return Err(Exc::new(T::TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (1 given)")),
            };
            if excs.is_empty() {
                return Err(Exc::new(T::ValueError, "second argument (exceptions) must be a non-empty sequence"));
            }
            if let Some(i) = excs.iter().position(|e| !matches!(e, Value::Instance(i) if is_sub(&i.class, T::BaseException))) {
                return Err(Exc::new(T::ValueError, format!("Item {i} of second argument (exceptions) is not an exception")));
            }
            let all_exc = excs.iter().all(|e| matches!(e, Value::Instance(i) if is_sub(&i.class, T::Exception)));
            if t == T::ExceptionGroup && !all_exc {
                return Err(Exc::new(T::TypeError, "Cannot nest BaseExceptions in an ExceptionGroup"));
            }
            let cls = if t == T::ExceptionGroup || all_exc { T::ExceptionGroup } else { T::BaseExceptionGroup };
            // `args` keeps the sequence as given (its repr shows a list as a
            // list); `exceptions` is a tuple.
            let given = match pos.get(1) {
                Some(v @ (Value::List(_) | Value::Tuple(_))) => v.clone(),
                _ => Value::tuple(excs),
            };
            Exc::with_args(cls, vec![msg, given]).0
        }
        t if tclass(t).is_exception => Exc::with_args(t, pos).0,
        other => {
            return Err(Exc::new(
                T::TypeError,
                format!("cannot create '{}' instances", tclass(other).name),
            ))
        }
    })
}
