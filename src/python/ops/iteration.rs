//! Iteration: `iter`, `next`, and building lists, sets and dicts from
//! iterables.

use super::*;

/// `iter(v)`.
pub fn iter(it: &I, v: &Value) -> PyResult<Value> {
    if let Some(r) = class_hook(it, v, "__class_iter__", Vec::new()) {
        return iter(it, &r?);
    }
    let st = match v {
        Value::List(l) => Iter::List(l.clone(), 0),
        Value::Tuple(t) => Iter::Seq(t.clone(), 0),
        Value::Str(s) => Iter::Str(s.clone(), 0),
        Value::Bytes(b) => Iter::Seq(b.iter().map(|x| Value::Int(i64::from(*x))).collect(), 0),
        Value::Range(r) => Iter::Range(r.0, r.1, r.2),
        Value::Dict(d) => Iter::Dict(d.clone(), 0, DictPart::Keys, d.borrow().len()),
        Value::Set(d) => {
            let dd = d.borrow();
            if dd.hash_keys().all(|k| matches!(k, HashKey::Int(_))) {
                Iter::Seq(Rc::from(set_keys_ordered(&dd)), 0)
            } else {
                Iter::Dict(d.clone(), 0, DictPart::Keys, dd.len())
            }
        }
        Value::FrozenSet(d) => Iter::Seq(Rc::from(set_keys_ordered(d)), 0),
        Value::Iter(_) => return Ok(v.clone()),
        Value::Coro(c) if c.kind == CoroKind::Generator => return Ok(v.clone()),
        Value::Instance(i) => {
            if let Some(m) = i.class.lookup("__iter__") {
                return it.call_sync(m, vec![v.clone()], Vec::new());
            }
            if i.class.lookup("__getitem__").is_some() {
                let mut items = Vec::new();
                let mut k = 0;
                loop {
                    match getitem(it, v, &Value::Int(k)) {
                        Ok(x) => items.push(x),
                        Err(e) if e.is(T::IndexError) || e.is(T::StopIteration) => break,
                        Err(e) => return Err(e),
                    }
                    k += 1;
                }
                Iter::Seq(Rc::from(items), 0)
            } else {
                return Err(Exc::new(
                    T::TypeError,
                    format!("'{}' object is not iterable", i.class.name),
                ));
            }
        }
        Value::Native(n) => {
            if let Some(items) = n.attrs.borrow().get("__items__") {
                return iter(it, items);
            }
            return Err(Exc::new(
                T::TypeError,
                format!("'{}' object is not iterable", n.type_name),
            ));
        }
        _ => {
            return Err(Exc::new(
                T::TypeError,
                format!("'{}' object is not iterable", type_name(v)),
            ))
        }
    };
    Ok(Value::Iter(Rc::new(RefCell::new(st))))
}

/// `next(it)`: `None` when exhausted.
pub fn next(it: &I, v: &Value) -> PyResult<Option<Value>> {
    match v {
        Value::Iter(st) => {
            // Lazy iterators call back into Python: take what they need
            // out of the cell first.
            let lazy = {
                let s = st.borrow();
                match &*s {
                    Iter::Enumerate(inner, n) => Some((0, inner.clone(), Vec::new(), *n)),
                    Iter::Zip(inners) => Some((1, Value::None, inners.clone(), 0)),
                    Iter::Map(f, inners) => Some((2, f.clone(), inners.clone(), 0)),
                    Iter::Filter(f, inner) => Some((3, f.clone(), vec![inner.clone()], 0)),
                    _ => None,
                }
            };
            if let Some((kind, a, list, n)) = lazy {
                return match kind {
                    0 => match next(it, &a)? {
                        Some(x) => {
                            if let Iter::Enumerate(_, k) = &mut *st.borrow_mut() {
                                *k = n + 1;
                            }
                            Ok(Some(Value::tuple(vec![Value::Int(n), x])))
                        }
                        None => Ok(None),
                    },
                    1 => {
                        if list.is_empty() {
                            return Ok(None);
                        }
                        let mut out = Vec::with_capacity(list.len());
                        for i in &list {
                            match next(it, i)? {
                                Some(x) => out.push(x),
                                None => {
                                    *st.borrow_mut() = Iter::Done;
                                    return Ok(None);
                                }
                            }
                        }
                        Ok(Some(Value::tuple(out)))
                    }
                    2 => {
                        let mut args = Vec::with_capacity(list.len());
                        for i in &list {
                            match next(it, i)? {
                                Some(x) => args.push(x),
                                None => return Ok(None),
                            }
                        }
                        Ok(Some(it.call_sync(a, args, Vec::new())?))
                    }
                    _ => loop {
                        let Some(x) = next(it, &list[0])? else {
                            return Ok(None);
                        };
                        let keep = if a.is_none() {
                            truthy(it, &x)?
                        } else {
                            let r = it.call_sync(a.clone(), vec![x.clone()], Vec::new())?;
                            truthy(it, &r)?
                        };
                        if keep {
                            return Ok(Some(x));
                        }
                    },
                };
            }
            let mut s = st.borrow_mut();
            Ok(match &mut *s {
                Iter::List(l, i) => {
                    let l = l.borrow();
                    let x = l.get(*i).cloned();
                    *i += 1;
                    x
                }
                Iter::Seq(t, i) => {
                    let x = t.get(*i).cloned();
                    *i += 1;
                    x
                }
                Iter::Str(s, i) => {
                    let c = s[*i..].chars().next();
                    match c {
                        Some(c) => {
                            *i += c.len_utf8();
                            Some(Value::Str(Rc::from(c.to_string())))
                        }
                        None => None,
                    }
                }
                Iter::Range(a, b, step) => {
                    if (*step > 0 && *a < *b) || (*step < 0 && *a > *b) {
                        let x = *a;
                        *a += *step;
                        Some(Value::Int(x))
                    } else {
                        None
                    }
                }
                Iter::Dict(d, slot, part, size) => {
                    let dd = d.borrow();
                    if dd.len() != *size {
                        return Err(Exc::new(
                            T::RuntimeError,
                            "dictionary changed size during iteration",
                        ));
                    }
                    match dd.nth_slot(*slot) {
                        Some((next_slot, k, v)) => {
                            *slot = next_slot;
                            Some(match part {
                                DictPart::Keys => k.clone(),
                                DictPart::Values => v.clone(),
                                DictPart::Items => Value::tuple(vec![k.clone(), v.clone()]),
                            })
                        }
                        None => None,
                    }
                }
                Iter::Count(n, step) => {
                    let x = *n;
                    *n += *step;
                    Some(Value::Int(x))
                }
                Iter::Done => None,
                _ => None,
            })
        }
        Value::Coro(c) if c.kind == CoroKind::Generator => match c.resume(Value::None, None)? {
            Resumed::Yielded(x) => Ok(Some(x)),
            Resumed::Returned(_) => Ok(None),
            Resumed::Suspended => Err(Exc::new(T::RuntimeError, "generator suspended")),
        },
        Value::Instance(i) => match i.class.lookup("__next__") {
            Some(m) => match it.call_sync(m, vec![v.clone()], Vec::new()) {
                Ok(x) => Ok(Some(x)),
                Err(e) if e.is(T::StopIteration) => Ok(None),
                Err(e) => Err(e),
            },
            None => Err(Exc::new(
                T::TypeError,
                format!("'{}' object is not an iterator", i.class.name),
            )),
        },
        _ => Err(Exc::new(
            T::TypeError,
            format!("'{}' object is not an iterator", type_name(v)),
        )),
    }
}

/// All items of an iterable.
pub fn to_vec(it: &I, v: &Value) -> PyResult<Vec<Value>> {
    match v {
        Value::List(l) => Ok(l.borrow().clone()),
        Value::Tuple(t) => Ok(t.to_vec()),
        _ => {
            let i = iter(it, v)?;
            let mut out = Vec::new();
            while let Some(x) = next(it, &i)? {
                out.push(x);
                if out.len() > crate::python::interp::MAX_ITEMS {
                    return Err(Exc::bare(T::MemoryError));
                }
                if out.len() % 65536 == 0 {
                    it.tick()?;
                }
            }
            Ok(out)
        }
    }
}

/// A set of `items`.
pub fn make_set(it: &I, items: Vec<Value>) -> PyResult<Value> {
    let mut d = Dict::new();
    for x in items {
        let k = hash_key(it, &x)?;
        if !d.contains(&k) {
            d.insert(k, x, Value::None);
        }
    }
    Ok(Value::Set(Rc::new(RefCell::new(d))))
}

/// `d[k] = v`.
pub fn dict_set(it: &I, d: &mut Dict, k: Value, v: Value) -> PyResult<()> {
    let key = hash_key(it, &k)?;
    d.insert(key, k, v);
    Ok(())
}

/// `d.update(other)` / `{**other}`.
pub fn dict_update(it: &I, d: &mut Dict, other: &Value) -> PyResult<()> {
    match other {
        Value::Dict(o) => {
            let items: Vec<(Value, Value)> = o
                .borrow()
                .items()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            for (k, v) in items {
                dict_set(it, d, k, v)?;
            }
            Ok(())
        }
        Value::Instance(i) if i.class.lookup("keys").is_some() => {
            // The mapping protocol: keys() and [].
            let keys = it.call_method_sync(other, "keys", Vec::new())?;
            for k in to_vec(it, &keys)? {
                let v = getitem(it, other, &k)?;
                dict_set(it, d, k, v)?;
            }
            Ok(())
        }
        _ => {
            for (i, pair) in to_vec(it, other)?.into_iter().enumerate() {
                let kv = to_vec(it, &pair).map_err(|e| {
                    if e.is(T::TypeError) {
                        Exc::new(
                            T::TypeError,
                            format!("cannot convert dictionary update sequence element #{i} to a sequence"),
                        )
                    } else {
                        e
                    }
                })?;
                if kv.len() != 2 {
                    return Err(Exc::new(
                        T::ValueError,
                        format!(
                            "dictionary update sequence element #{i} has length {}; 2 is required",
                            kv.len()
                        ),
                    ));
                }
                let mut kv = kv.into_iter();
                if let (Some(k), Some(v)) = (kv.next(), kv.next()) {
                    dict_set(it, d, k, v)?;
                }
            }
            Ok(())
        }
    }
}
