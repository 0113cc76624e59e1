//! The methods of `list` (and `tuple.index`/`tuple.count`, which share
//! `list.index`'s search).

use super::*;

/// Calls method `f` of a `list` or `tuple` (the receiver is `pos[0]`).
pub(super) fn call(
    it: &Rc<Interp>,
    f: Builtin,
    pos: Vec<Value>,
    kw: Vec<(Name, Value)>,
) -> PyResult<Value> {
    use Builtin::*;
    let p1 = || need(&pos, 1, f.short_name());
    Ok(match f {
        ListAppend => {
            let x = p1()?.clone();
            with_list(&pos, |l| {
                if l.len() >= crate::python::interp::MAX_ITEMS {
                    return Err(Exc::bare(T::MemoryError));
                }
                l.push(x);
                Ok(())
            })??;
            Value::None
        }
        ListExtend => {
            let items = ops::to_vec(it, p1()?)?;
            with_list(&pos, |l| l.extend(items))?;
            Value::None
        }
        ListInsert => {
            let i = int_arg(p1()?, "")?;
            let x = need(&pos, 2, "insert")?.clone();
            with_list(&pos, |l| {
                let n = l.len() as i64;
                let k = if i < 0 { (i + n).max(0) } else { i.min(n) };
                l.insert(k as usize, x);
            })?;
            Value::None
        }
        ListPop => {
            let i = match pos.get(1) {
                Some(v) => Some(int_arg(v, "")?),
                None => None,
            };
            with_list(&pos, |l| {
                if l.is_empty() {
                    return Err(Exc::new(T::IndexError, "pop from empty list"));
                }
                let n = l.len() as i64;
                let k = match i {
                    None => n - 1,
                    Some(i) if i < 0 => i + n,
                    Some(i) => i,
                };
                if k < 0 || k >= n {
                    return Err(Exc::new(T::IndexError, "pop index out of range"));
                }
                Ok(l.remove(k as usize))
            })??
        }
        ListRemove | ListIndex | ListCount | TupleIndex | TupleCount => {
            // Read item by item (no copy of the list): `==` may run Python.
            let item = |i: usize| -> Option<Value> {
                match pos.first() {
                    Some(Value::List(l)) => l.borrow().get(i).cloned(),
                    Some(Value::Tuple(t)) => t.get(i).cloned(),
                    _ => None,
                }
            };
            let x = p1()?;
            let mut found = None;
            let mut count = 0;
            let mut i = 0;
            while let Some(y) = item(i) {
                i += 1;
                let i = i - 1;
                if y.is(x) || ops::eq(it, &y, x)? {
                    count += 1;
                    if found.is_none() {
                        found = Some(i);
                        if f != ListCount && f != TupleCount {
                            break;
                        }
                    }
                }
            }
            match f {
                ListCount | TupleCount => Value::Int(count),
                ListRemove => match found {
                    Some(i) => {
                        with_list(&pos, |l| {
                            if i < l.len() {
                                l.remove(i);
                            }
                        })?;
                        Value::None
                    }
                    None => return Err(Exc::new(T::ValueError, "list.remove(x): x not in list")),
                },
                _ => match found {
                    Some(i) => Value::Int(i as i64),
                    None => {
                        let what = if f == ListIndex {
                            format!("{} is not in list", repr(it, x)?)
                        } else {
                            "tuple.index(x): x not in tuple".into()
                        };
                        return Err(Exc::new(T::ValueError, what));
                    }
                },
            }
        }
        ListSort => {
            let items = with_list(&pos, std::mem::take)?;
            let rev = match kwarg(&kw, "reverse") {
                Some(v) => truthy(it, v)?,
                None => false,
            };
            let sorted = sort_values(it, items.clone(), key_fn(&kw), rev);
            match sorted {
                Ok(v) => with_list(&pos, |l| *l = v)?,
                Err(e) => {
                    with_list(&pos, |l| *l = items)?;
                    return Err(e);
                }
            }
            Value::None
        }
        ListReverse => {
            with_list(&pos, |l| l.reverse())?;
            Value::None
        }
        ListCopy => Value::list(with_list(&pos, |l| l.clone())?),
        ListClear => {
            with_list(&pos, |l| l.clear())?;
            Value::None
        }
        // Not one of these: as the dispatcher's own fallback.
        _ => return module_call(it, f, pos, kw),
    })
}
