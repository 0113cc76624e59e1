//! The methods of `dict` (and `set.clear`, which shares `dict.clear`).

use super::*;

/// Calls method `f` of a `dict` (the receiver is `pos[0]`).
pub(super) fn call(
    it: &Rc<Interp>,
    f: Builtin,
    pos: Vec<Value>,
    kw: Vec<(Name, Value)>,
) -> PyResult<Value> {
    use Builtin::*;
    let p1 = || need(&pos, 1, f.short_name());
    Ok(match f {
        DictGet => {
            let d = the_dict(&pos)?;
            let k = ops::hash_key(it, p1()?)?;
            let found = d.borrow().get(&k).cloned();
            found.unwrap_or_else(|| pos.get(2).cloned().unwrap_or(Value::None))
        }
        DictKeys | DictValues | DictItems => {
            let d = the_dict(&pos)?;
            let part = match f {
                DictKeys => DictPart::Keys,
                DictValues => DictPart::Values,
                _ => DictPart::Items,
            };
            let n = d.borrow().len();
            // A view: iterable again and again, sized, printable.
            let items: Vec<Value> = {
                let dd = d.borrow();
                match part {
                    DictPart::Keys => dd.keys().cloned().collect(),
                    DictPart::Values => dd.items().map(|(_, v)| v.clone()).collect(),
                    DictPart::Items => dd
                        .items()
                        .map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()]))
                        .collect(),
                }
            };
            let _ = n;
            let name = match part {
                DictPart::Keys => "dict_keys",
                DictPart::Values => "dict_values",
                DictPart::Items => "dict_items",
            };
            let r = format!("{name}({})", repr(it, &Value::list(items.clone()))?);
            let nv = crate::python::value::Native {
                type_name: name,
                attrs: RefCell::new(Default::default()),
            };
            nv.attrs
                .borrow_mut()
                .insert("__items__".into(), Value::list(items));
            nv.attrs.borrow_mut().insert("__repr__".into(), s(r));
            Value::Native(Rc::new(nv))
        }
        DictPop => {
            let d = the_dict(&pos)?;
            let k = ops::hash_key(it, p1()?)?;
            let r = d.borrow_mut().remove(&k);
            match r {
                Some((_, v)) => v,
                None => match pos.get(2) {
                    Some(dflt) => dflt.clone(),
                    None => return Err(Exc::with_args(T::KeyError, vec![p1()?.clone()])),
                },
            }
        }
        DictPopitem => {
            let d = the_dict(&pos)?;
            let r = d.borrow_mut().pop_last();
            match r {
                Some((k, v)) => Value::tuple(vec![k, v]),
                None => return Err(Exc::new(T::KeyError, "popitem(): dictionary is empty")),
            }
        }
        DictSetdefault => {
            let d = the_dict(&pos)?;
            let kv = p1()?.clone();
            let k = ops::hash_key(it, &kv)?;
            let existing = d.borrow().get(&k).cloned();
            match existing {
                Some(v) => v,
                None => {
                    let dflt = pos.get(2).cloned().unwrap_or(Value::None);
                    d.borrow_mut().insert(k, kv, dflt.clone());
                    dflt
                }
            }
        }
        DictUpdate => {
            let d = the_dict(&pos)?;
            let mut dd = d.borrow().clone();
            if let Some(o) = pos.get(1) {
                ops::dict_update(it, &mut dd, o)?;
            }
            for (k, v) in kw {
                dd.insert(HashKey::Str(k.clone()), Value::Str(k), v);
            }
            *d.borrow_mut() = dd;
            Value::None
        }
        DictCopy => Value::dict(the_dict(&pos)?.borrow().clone()),
        DictClear | SetClear => {
            the_dict(&pos)?.borrow_mut().clear();
            Value::None
        }
        DictFromkeys => {
            let keys = ops::to_vec(it, need(&pos, 0, "fromkeys")?)?;
            let v = pos.get(1).cloned().unwrap_or(Value::None);
            let mut d = Dict::new();
            for k in keys {
                ops::dict_set(it, &mut d, k, v.clone())?;
            }
            Value::dict(d)
        }
        // Not one of these: as the dispatcher's own fallback.
        _ => return module_call(it, f, pos, kw),
    })
}
