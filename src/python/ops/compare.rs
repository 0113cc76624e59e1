//! Hashing, equality and order: dict keys, `==`, `<`, `in`.

use super::*;

/// The dict key of `v`, or `TypeError: unhashable type`.
pub fn hash_key(it: &I, v: &Value) -> PyResult<HashKey> {
    Ok(match v {
        Value::None => HashKey::None,
        Value::Bool(b) => HashKey::Int(i64::from(*b)),
        Value::Int(i) => HashKey::Int(*i),
        Value::BigInt(b) => HashKey::BigInt(b.clone()),
        Value::Float(x) => {
            if x.fract() == 0.0 && x.abs() < 9.2e18 {
                HashKey::Int(*x as i64)
            } else if x.fract() == 0.0 && x.is_finite() {
                let b = BigInt::from_f64(*x);
                match b.to_i64() {
                    Some(i) => HashKey::Int(i),
                    None => HashKey::BigInt(Rc::new(b)),
                }
            } else {
                HashKey::Float(x.to_bits())
            }
        }
        Value::Complex(re, im) => return crate::python::complex::hash_key(it, *re, *im),
        Value::Str(s) => HashKey::Str(s.clone()),
        Value::Bytes(b) => HashKey::Bytes(b.clone()),
        Value::Tuple(t) => {
            let mut keys = Vec::with_capacity(t.len());
            for x in t.iter() {
                keys.push(hash_key(it, x)?);
            }
            HashKey::Tuple(Rc::from(keys))
        }
        Value::FrozenSet(d) => {
            let mut keys: Vec<String> = d.hash_keys().map(|k| format!("{k:?}")).collect();
            keys.sort();
            HashKey::Str(Rc::from(keys.join(",")))
        }
        Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => {
            return Err(Exc::new(
                T::TypeError,
                format!("unhashable type: '{}'", type_name(v)),
            ))
        }
        Value::Builtin(b) => HashKey::Str(Rc::from(format!("<builtin {}>", b.short_name()))),
        Value::Range(r) => HashKey::Str(Rc::from(format!("range{:?}", r))),
        Value::Instance(i) => {
            if let Some(h) = i.class.lookup("__hash__") {
                if h.is_none() {
                    return Err(Exc::new(
                        T::TypeError,
                        format!("unhashable type: '{}'", i.class.name),
                    ));
                }
                if !matches!(h, Value::Builtin(_)) {
                    return match it.call_sync(h, vec![v.clone()], Vec::new())? {
                        Value::Int(n) => Ok(HashKey::Tuple(Rc::from(vec![
                            HashKey::Str(i.class.name.clone()),
                            HashKey::Int(n),
                        ]))),
                        _ => Err(Exc::new(
                            T::TypeError,
                            "__hash__ method should return an integer",
                        )),
                    };
                }
            } else if i
                .class
                .lookup("__eq__")
                .is_some_and(|e| !matches!(e, Value::Builtin(_)))
            {
                return Err(Exc::new(
                    T::TypeError,
                    format!("unhashable type: '{}'", i.class.name),
                ));
            }
            HashKey::Id(v.ptr().unwrap_or(0))
        }
        other => HashKey::Id(other.ptr().unwrap_or(0)),
    })
}

/// `a == b`.
pub fn eq(it: &I, a: &Value, b: &Value) -> PyResult<bool> {
    if let Some(r) = crate::python::complex::eq(it, a, b) {
        return r;
    }
    Ok(match (a, b) {
        (Value::None, Value::None) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(_) | Value::Bool(_), Value::Int(_) | Value::Bool(_)) => as_int(a) == as_int(b),
        (Value::BigInt(x), Value::BigInt(y)) => x == y,
        (Value::BigInt(_), Value::Int(_) | Value::Bool(_))
        | (Value::Int(_) | Value::Bool(_), Value::BigInt(_)) => false,
        (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), Value::Float(y)) => {
            int_cmp_float(a, *y) == Some(std::cmp::Ordering::Equal)
        }
        (Value::Float(x), Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => {
            int_cmp_float(b, *x) == Some(std::cmp::Ordering::Equal)
        }
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Bytes(x), Value::Bytes(y)) => x == y,
        (Value::List(x), Value::List(y)) => {
            if Rc::ptr_eq(x, y) {
                return Ok(true);
            }
            let (x, y) = (x.borrow().clone(), y.borrow().clone());
            seq_eq(it, &x, &y)?
        }
        (Value::Tuple(x), Value::Tuple(y)) => seq_eq(it, x, y)?,
        (Value::Dict(x), Value::Dict(y)) => {
            let (x, y) = (x.borrow().clone(), y.borrow().clone());
            if x.len() != y.len() {
                return Ok(false);
            }
            for (k, v) in x.items() {
                let key = hash_key(it, k)?;
                match y.get(&key) {
                    Some(w) => {
                        if !eq(it, v, w)? {
                            return Ok(false);
                        }
                    }
                    None => return Ok(false),
                }
            }
            true
        }
        (Value::Set(x), Value::Set(y)) => set_eq(&x.borrow(), &y.borrow()),
        (Value::FrozenSet(x), Value::FrozenSet(y)) => set_eq(x, y),
        (Value::Set(x), Value::FrozenSet(y)) => set_eq(&x.borrow(), y),
        (Value::FrozenSet(x), Value::Set(y)) => set_eq(x, &y.borrow()),
        (Value::Range(x), Value::Range(y)) => x == y,
        (Value::Instance(i), _) | (_, Value::Instance(i)) => {
            let (first, second) = if matches!(a, Value::Instance(_)) {
                (a, b)
            } else {
                (b, a)
            };
            if let Some(m) = i.class.lookup("__eq__") {
                if !matches!(m, Value::Builtin(_)) {
                    let r = it.call_sync(m, vec![first.clone(), second.clone()], Vec::new())?;
                    if !matches!(r, Value::Builtin(Builtin::NotImplemented)) {
                        return truthy(it, &r);
                    }
                }
            }
            if let Value::Instance(j) = second {
                if !Rc::ptr_eq(&i.class, &j.class) {
                    if let Some(m) = j.class.lookup("__eq__") {
                        if !matches!(m, Value::Builtin(_)) {
                            let r =
                                it.call_sync(m, vec![second.clone(), first.clone()], Vec::new())?;
                            if !matches!(r, Value::Builtin(Builtin::NotImplemented)) {
                                return truthy(it, &r);
                            }
                        }
                    }
                }
            }
            a.is(b)
        }
        (Value::Builtin(x), Value::Builtin(y)) => x == y,
        _ => a.is(b),
    })
}

pub(super) fn set_eq(x: &Dict, y: &Dict) -> bool {
    x.len() == y.len() && x.hash_keys().all(|k| y.contains(k))
}

thread_local! {
    /// How deeply sequence comparisons are nested now.
    static CMP_DEPTH: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Runs a comparison of nested sequences one level deeper, or refuses it
/// (CPython's RecursionError) past the depth the browser's stack allows, as
/// `repr` does.
fn nested<R>(f: impl FnOnce() -> PyResult<R>) -> PyResult<R> {
    let depth = CMP_DEPTH.with(std::cell::Cell::get);
    if depth > 200 {
        return Err(Exc::new(
            T::RecursionError,
            "maximum recursion depth exceeded in comparison",
        ));
    }
    CMP_DEPTH.with(|d| d.set(depth + 1));
    let r = f();
    CMP_DEPTH.with(|d| d.set(depth));
    r
}

pub(super) fn seq_eq(it: &I, x: &[Value], y: &[Value]) -> PyResult<bool> {
    nested(|| seq_eq_inner(it, x, y))
}

fn seq_eq_inner(it: &I, x: &[Value], y: &[Value]) -> PyResult<bool> {
    if x.len() != y.len() {
        return Ok(false);
    }
    for (a, b) in x.iter().zip(y) {
        if !a.is(b) && !eq(it, a, b)? {
            return Ok(false);
        }
    }
    Ok(true)
}

pub(super) fn as_int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(i64::from(*b)),
        _ => None,
    }
}

/// An int (bool, int, big int) as a [`BigInt`].
pub fn as_big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from_i64(*i)),
        Value::Bool(b) => Some(BigInt::from_i64(i64::from(*b))),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

/// An int compared exactly with a float (`None` for NaN).
pub(super) fn int_cmp_float(a: &Value, y: f64) -> Option<std::cmp::Ordering> {
    match a {
        Value::Int(i) if i.unsigned_abs() <= 1 << 53 => (*i as f64).partial_cmp(&y),
        Value::Bool(b) => f64::from(u8::from(*b)).partial_cmp(&y),
        _ => as_big(a)?.cmp_f64(y),
    }
}

/// CPython's error for `str()` of an int over 4300 digits.
pub fn str_limit() -> Exc {
    Exc::new(
        T::ValueError,
        "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
    )
}

/// An int too large for the playground (over about 100,000 digits).
pub fn too_big() -> Exc {
    Exc::new(
        T::MemoryError,
        "int too large: the playground's ints stop at about 100,000 digits",
    )
}

/// `float(n)` for an int: `OverflowError` when it is too large.
pub fn int_to_float(v: &Value) -> PyResult<f64> {
    match v {
        Value::BigInt(b) => b
            .to_f64()
            .ok_or_else(|| Exc::new(T::OverflowError, "int too large to convert to float")),
        other => Ok(as_float(other).unwrap_or(0.0)),
    }
}

pub(super) fn as_float(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        Value::Float(x) => Some(*x),
        _ => None,
    }
}

/// `a < b` and friends: -1, 0, 1, or a TypeError.
pub(super) fn order(it: &I, op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
    use std::cmp::Ordering as O;
    let ord: Option<O> = match (a, b) {
        (Value::Int(_) | Value::Bool(_), Value::Int(_) | Value::Bool(_)) => {
            as_int(a).zip(as_int(b)).map(|(x, y)| x.cmp(&y))
        }
        (
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_),
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_),
        ) => as_big(a).zip(as_big(b)).map(|(x, y)| x.cmp(&y)),
        (Value::Float(x), Value::Float(y)) => match x.partial_cmp(y) {
            Some(o) => Some(o),
            None => return Ok(false),
        },
        (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), Value::Float(y)) => {
            match int_cmp_float(a, *y) {
                Some(o) => Some(o),
                None => return Ok(false),
            }
        }
        (Value::Float(x), Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => {
            match int_cmp_float(b, *x) {
                Some(o) => Some(o.reverse()),
                None => return Ok(false),
            }
        }
        (Value::Str(x), Value::Str(y)) => Some(x.cmp(y)),
        (Value::Bytes(x), Value::Bytes(y)) => Some(x.cmp(y)),
        (Value::List(x), Value::List(y)) => {
            let (x, y) = (x.borrow().clone(), y.borrow().clone());
            return seq_order(it, op, &x, &y);
        }
        (Value::Tuple(x), Value::Tuple(y)) => return seq_order(it, op, x, y),
        (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
            let x = set_keys(a);
            let y = set_keys(b);
            let sub = x.iter().all(|k| y.contains(k));
            let sup = y.iter().all(|k| x.contains(k));
            return Ok(match op {
                CmpOp::LtE => sub,
                CmpOp::Lt => sub && x.len() < y.len(),
                CmpOp::GtE => sup,
                CmpOp::Gt => sup && x.len() > y.len(),
                _ => false,
            });
        }
        _ => None,
    };
    if let Some(o) = ord {
        return Ok(match op {
            CmpOp::Lt => o == O::Less,
            CmpOp::LtE => o != O::Greater,
            CmpOp::Gt => o == O::Greater,
            CmpOp::GtE => o != O::Less,
            _ => false,
        });
    }
    let (name, rname) = match op {
        CmpOp::Lt => ("__lt__", "__gt__"),
        CmpOp::LtE => ("__le__", "__ge__"),
        CmpOp::Gt => ("__gt__", "__lt__"),
        _ => ("__ge__", "__le__"),
    };
    if let Value::Instance(i) = a {
        if let Some(m) = i.class.lookup(name) {
            let r = it.call_sync(m, vec![a.clone(), b.clone()], Vec::new())?;
            if !matches!(r, Value::Builtin(Builtin::NotImplemented)) {
                return truthy(it, &r);
            }
        }
    }
    if let Value::Instance(i) = b {
        if let Some(m) = i.class.lookup(rname) {
            let r = it.call_sync(m, vec![b.clone(), a.clone()], Vec::new())?;
            if !matches!(r, Value::Builtin(Builtin::NotImplemented)) {
                return truthy(it, &r);
            }
        }
    }
    Err(Exc::new(
        T::TypeError,
        format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            type_name(a),
            type_name(b)
        ),
    ))
}

pub(super) fn set_keys(v: &Value) -> Vec<HashKey> {
    match v {
        Value::Set(d) => d.borrow().hash_keys().cloned().collect(),
        Value::FrozenSet(d) => d.hash_keys().cloned().collect(),
        _ => Vec::new(),
    }
}

pub(super) fn seq_order(it: &I, op: CmpOp, x: &[Value], y: &[Value]) -> PyResult<bool> {
    nested(|| seq_order_inner(it, op, x, y))
}

fn seq_order_inner(it: &I, op: CmpOp, x: &[Value], y: &[Value]) -> PyResult<bool> {
    for (a, b) in x.iter().zip(y) {
        if !eq(it, a, b)? {
            return order(it, op, a, b);
        }
    }
    let (lx, ly) = (x.len(), y.len());
    Ok(match op {
        CmpOp::Lt => lx < ly,
        CmpOp::LtE => lx <= ly,
        CmpOp::Gt => lx > ly,
        _ => lx >= ly,
    })
}

/// `x in c`.
pub fn contains(it: &I, c: &Value, x: &Value) -> PyResult<bool> {
    if let Some(r) = class_hook(it, c, "__class_contains__", vec![x.clone()]) {
        return truthy(it, &r?);
    }
    match c {
        Value::Str(s) => match x {
            Value::Str(sub) => Ok(s.contains(&**sub)),
            _ => Err(Exc::new(
                T::TypeError,
                format!(
                    "'in <string>' requires string as left operand, not {}",
                    type_name(x)
                ),
            )),
        },
        Value::Dict(d) | Value::Set(d) => {
            let k = hash_key(it, x)?;
            Ok(d.borrow().contains(&k))
        }
        Value::FrozenSet(d) => Ok(d.contains(&hash_key(it, x)?)),
        Value::Range(r) => Ok(match x {
            Value::Int(n) => {
                let (a, b, s) = (r.0, r.1, r.2);
                if s > 0 {
                    *n >= a && *n < b && (n - a) % s == 0
                } else {
                    *n <= a && *n > b && (a - n) % (-s) == 0
                }
            }
            _ => false,
        }),
        Value::Instance(i) if i.class.lookup("__contains__").is_some() => {
            let m = i.class.lookup("__contains__").unwrap_or(Value::None);
            let r = it.call_sync(m, vec![c.clone(), x.clone()], Vec::new())?;
            truthy(it, &r)
        }
        _ => {
            let iter = iter(it, c)?;
            while let Some(v) = next(it, &iter)? {
                if v.is(x) || eq(it, &v, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// A comparison.
pub fn compare(it: &I, op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
    match op {
        CmpOp::Eq => eq(it, a, b),
        CmpOp::NotEq => {
            if let Value::Instance(i) = a {
                if let Some(m) = i.class.lookup("__ne__") {
                    let r = it.call_sync(m, vec![a.clone(), b.clone()], Vec::new())?;
                    return truthy(it, &r);
                }
            }
            Ok(!eq(it, a, b)?)
        }
        CmpOp::Is => Ok(a.is(b)),
        CmpOp::IsNot => Ok(!a.is(b)),
        CmpOp::In => contains(it, b, a),
        CmpOp::NotIn => Ok(!contains(it, b, a)?),
        _ => order(it, op, a, b),
    }
}
