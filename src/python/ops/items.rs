//! Items and slices: `x[i]`, `x[a:b:c]`, assignment and deletion.

use super::*;

pub(super) fn index_of(it: &I, i: &Value, len: usize, what: &str) -> PyResult<usize> {
    let n = match i {
        Value::Int(n) => *n,
        Value::BigInt(_) if what == "range object" => {
            return Err(Exc::new(T::IndexError, "range object index out of range"))
        }
        Value::BigInt(_) => {
            return Err(Exc::new(
                T::IndexError,
                "cannot fit 'int' into an index-sized integer",
            ))
        }
        Value::Bool(b) => i64::from(*b),
        Value::Instance(_) => match it.call_method_sync(i, "__index__", Vec::new()) {
            Ok(Value::Int(n)) => n,
            _ => {
                return Err(Exc::new(
                    T::TypeError,
                    format!(
                        "{what} indices must be integers or slices, not {}",
                        type_name(i)
                    ),
                ))
            }
        },
        _ => {
            return Err(Exc::new(
                T::TypeError,
                format!(
                    "{what} indices must be integers or slices, not {}",
                    type_name(i)
                ),
            ))
        }
    };
    let len = len as i64;
    let k = if n < 0 { n + len } else { n };
    if k < 0 || k >= len {
        let msg = match what {
            "list" => "list index out of range",
            "tuple" => "tuple index out of range",
            "str" => "string index out of range",
            "range object" => "range object index out of range",
            _ => "index out of range",
        };
        return Err(Exc::new(T::IndexError, msg));
    }
    Ok(k as usize)
}

pub(super) fn opt_int(it: &I, v: &Value) -> PyResult<Option<i64>> {
    match v {
        Value::None => Ok(None),
        Value::Int(i) => Ok(Some(*i)),
        Value::Bool(b) => Ok(Some(i64::from(*b))),
        Value::Instance(_) => match it.call_method_sync(v, "__index__", Vec::new()) {
            Ok(Value::Int(i)) => Ok(Some(i)),
            _ => Err(Exc::new(
                T::TypeError,
                "slice indices must be integers or None or have an __index__ method",
            )),
        },
        _ => Err(Exc::new(
            T::TypeError,
            "slice indices must be integers or None or have an __index__ method",
        )),
    }
}

/// `slice.indices(len)`: start, stop and step, adjusted as CPython's
/// `PySlice_AdjustIndices` does.
pub fn slice_adjust(it: &I, s: &(Value, Value, Value), len: i64) -> PyResult<(i64, i64, i64)> {
    let step = opt_int(it, &s.2)?.unwrap_or(1);
    if step == 0 {
        return Err(Exc::new(T::ValueError, "slice step cannot be zero"));
    }
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let fix = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(x) if x < 0 => (x + len).max(lower),
            Some(x) => x.min(upper),
        }
    };
    let start = fix(opt_int(it, &s.0)?, if step < 0 { upper } else { lower });
    let stop = fix(opt_int(it, &s.1)?, if step < 0 { lower } else { upper });
    Ok((start, stop, step))
}

/// The indices a slice selects of a sequence of `len`.
pub fn slice_indices(it: &I, s: &(Value, Value, Value), len: usize) -> PyResult<Vec<usize>> {
    let len = len as i64;
    let step = opt_int(it, &s.2)?.unwrap_or(1);
    if step == 0 {
        return Err(Exc::new(T::ValueError, "slice step cannot be zero"));
    }
    let clamp = |v: Option<i64>, default: i64, lo: i64, hi: i64| -> i64 {
        match v {
            None => default,
            Some(x) => {
                let x = if x < 0 { x + len } else { x };
                x.clamp(lo, hi)
            }
        }
    };
    let mut out = Vec::new();
    if step > 0 {
        let a = clamp(opt_int(it, &s.0)?, 0, 0, len);
        let b = clamp(opt_int(it, &s.1)?, len, 0, len);
        let mut i = a;
        while i < b {
            out.push(i as usize);
            i += step;
        }
    } else {
        let a = clamp(opt_int(it, &s.0)?, len - 1, -1, len - 1);
        let b = clamp(opt_int(it, &s.1)?, -1, -1, len - 1);
        let mut i = a;
        while i > b {
            out.push(i as usize);
            i += step;
        }
    }
    Ok(out)
}

/// `v[i]`.
pub fn getitem(it: &I, v: &Value, i: &Value) -> PyResult<Value> {
    match (v, i) {
        (Value::List(l), Value::Slice(s)) => {
            let l = l.borrow();
            let idx = slice_indices(it, s, l.len())?;
            Ok(Value::list(idx.into_iter().map(|k| l[k].clone()).collect()))
        }
        (Value::List(l), _) => {
            let l = l.borrow();
            let k = index_of(it, i, l.len(), "list")?;
            Ok(l[k].clone())
        }
        (Value::Tuple(t), Value::Slice(s)) => {
            let idx = slice_indices(it, s, t.len())?;
            Ok(Value::tuple(
                idx.into_iter().map(|k| t[k].clone()).collect(),
            ))
        }
        (Value::Tuple(t), _) => Ok(t[index_of(it, i, t.len(), "tuple")?].clone()),
        (Value::Str(s), _) => {
            let chars: Vec<char> = s.chars().collect();
            match i {
                Value::Slice(sl) => {
                    let idx = slice_indices(it, sl, chars.len())?;
                    Ok(Value::Str(Rc::from(
                        idx.into_iter().map(|k| chars[k]).collect::<String>(),
                    )))
                }
                _ => {
                    let k = index_of(it, i, chars.len(), "str")?;
                    Ok(Value::Str(Rc::from(chars[k].to_string())))
                }
            }
        }
        (Value::Bytes(b), Value::Slice(sl)) => {
            let idx = slice_indices(it, sl, b.len())?;
            Ok(Value::Bytes(Rc::from(
                idx.into_iter().map(|k| b[k]).collect::<Vec<u8>>(),
            )))
        }
        (Value::Bytes(b), _) => Ok(Value::Int(i64::from(b[index_of(it, i, b.len(), "index")?]))),
        (Value::Range(r), Value::Slice(sl)) => {
            let n = range_len(r.0, r.1, r.2);
            let (start, stop, step) = slice_adjust(it, sl, n)?;
            Ok(Value::Range(Rc::new((
                r.0 + start * r.2,
                r.0 + stop * r.2,
                r.2 * step,
            ))))
        }
        (Value::Range(r), _) => {
            let n = range_len(r.0, r.1, r.2);
            let k = index_of(it, i, n as usize, "range object")?;
            Ok(Value::Int(r.0 + r.2 * k as i64))
        }
        (Value::Dict(d), _) => {
            let key = hash_key(it, i)?;
            let found = d.borrow().get(&key).cloned();
            match found {
                Some(x) => Ok(x),
                None => Err(Exc::with_args(T::KeyError, vec![i.clone()])),
            }
        }
        (Value::Instance(inst), _) => match inst.class.lookup("__getitem__") {
            Some(m) => it.call_sync(m, vec![v.clone(), i.clone()], Vec::new()),
            None => Err(Exc::new(
                T::TypeError,
                format!("'{}' object is not subscriptable", inst.class.name),
            )),
        },
        (Value::Class(_), _) => match class_hook(it, v, "__class_getitem__", vec![i.clone()]) {
            Some(r) => r,
            None => Ok(v.clone()),
        },
        (Value::Builtin(Builtin::Type(_)), _) => Ok(v.clone()),
        _ => Err(Exc::new(
            T::TypeError,
            format!("'{}' object is not subscriptable", type_name(v)),
        )),
    }
}

/// `v[i] = x`.
pub fn setitem(it: &I, v: &Value, i: Value, x: Value) -> PyResult<()> {
    match v {
        Value::List(l) => {
            if let Value::Slice(s) = &i {
                let new = to_vec(it, &x)?;
                let mut l = l.borrow_mut();
                let idx = slice_indices(it, s, l.len())?;
                let step = opt_int(it, &s.2)?.unwrap_or(1);
                if step == 1 {
                    let a = idx.first().copied().unwrap_or_else(|| {
                        let start = match &s.0 {
                            Value::Int(n) => *n,
                            _ => 0,
                        };
                        let len = l.len() as i64;
                        (if start < 0 { start + len } else { start }).clamp(0, len) as usize
                    });
                    let b = idx.last().map_or(a, |k| k + 1);
                    l.splice(a..b, new);
                    return Ok(());
                }
                if idx.len() != new.len() {
                    return Err(Exc::new(
                        T::ValueError,
                        format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            new.len(),
                            idx.len()
                        ),
                    ));
                }
                for (k, val) in idx.into_iter().zip(new) {
                    l[k] = val;
                }
                return Ok(());
            }
            let mut l = l.borrow_mut();
            let len = l.len();
            let k = index_of(it, &i, len, "list").map_err(|e| {
                if e.is(T::IndexError) {
                    Exc::new(T::IndexError, "list assignment index out of range")
                } else {
                    e
                }
            })?;
            l[k] = x;
            Ok(())
        }
        Value::Dict(d) => {
            let key = hash_key(it, &i)?;
            d.borrow_mut().insert(key, i, x);
            Ok(())
        }
        Value::Instance(inst) => match inst.class.lookup("__setitem__") {
            Some(m) => {
                it.call_sync(m, vec![v.clone(), i, x], Vec::new())?;
                Ok(())
            }
            None => Err(Exc::new(
                T::TypeError,
                format!(
                    "'{}' object does not support item assignment",
                    inst.class.name
                ),
            )),
        },
        _ => Err(Exc::new(
            T::TypeError,
            format!("'{}' object does not support item assignment", type_name(v)),
        )),
    }
}

/// `del v[i]`.
pub fn delitem(it: &I, v: &Value, i: &Value) -> PyResult<()> {
    match v {
        Value::List(l) => {
            if let Value::Slice(s) = i {
                let mut l = l.borrow_mut();
                let mut idx = slice_indices(it, s, l.len())?;
                idx.sort_unstable();
                for k in idx.into_iter().rev() {
                    l.remove(k);
                }
                return Ok(());
            }
            let mut l = l.borrow_mut();
            let len = l.len();
            let k = index_of(it, i, len, "list").map_err(|e| {
                if e.is(T::IndexError) {
                    Exc::new(T::IndexError, "list assignment index out of range")
                } else {
                    e
                }
            })?;
            l.remove(k);
            Ok(())
        }
        Value::Dict(d) => {
            let key = hash_key(it, i)?;
            match d.borrow_mut().remove(&key) {
                Some(_) => Ok(()),
                None => Err(Exc::with_args(T::KeyError, vec![i.clone()])),
            }
        }
        Value::Instance(inst) => match inst.class.lookup("__delitem__") {
            Some(m) => {
                it.call_sync(m, vec![v.clone(), i.clone()], Vec::new())?;
                Ok(())
            }
            None => Err(Exc::new(
                T::TypeError,
                format!("'{}' object doesn't support item deletion", inst.class.name),
            )),
        },
        _ => Err(Exc::new(
            T::TypeError,
            format!("'{}' object doesn't support item deletion", type_name(v)),
        )),
    }
}
