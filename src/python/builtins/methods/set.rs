//! The methods of `set` and `frozenset`.

use super::*;

/// Calls method `f` of a `set` or `frozenset` (the receiver is `pos[0]`).
pub(super) fn call(
    it: &Rc<Interp>,
    f: Builtin,
    pos: Vec<Value>,
    kw: Vec<(Name, Value)>,
) -> PyResult<Value> {
    use Builtin::*;
    let p1 = || need(&pos, 1, f.short_name());
    Ok(match f {
        SetAdd => {
            let d = the_dict(&pos)?;
            let x = p1()?.clone();
            let k = ops::hash_key(it, &x)?;
            if !d.borrow().contains(&k) {
                d.borrow_mut().insert(k, x, Value::None);
            }
            Value::None
        }
        SetRemove | SetDiscard => {
            let d = the_dict(&pos)?;
            let k = ops::hash_key(it, p1()?)?;
            let r = d.borrow_mut().remove(&k);
            if r.is_none() && f == SetRemove {
                return Err(Exc::with_args(T::KeyError, vec![p1()?.clone()]));
            }
            Value::None
        }
        SetPop => {
            let d = the_dict(&pos)?;
            let first = ops::set_keys_ordered(&d.borrow()).into_iter().next();
            match first {
                Some(x) => {
                    let k = ops::hash_key(it, &x)?;
                    d.borrow_mut().remove(&k);
                    x
                }
                None => return Err(Exc::new(T::KeyError, "pop from an empty set")),
            }
        }
        SetUpdate => {
            let d = the_dict(&pos)?;
            for o in &pos[1..] {
                for x in ops::to_vec(it, o)? {
                    let k = ops::hash_key(it, &x)?;
                    if !d.borrow().contains(&k) {
                        d.borrow_mut().insert(k, x, Value::None);
                    }
                }
            }
            Value::None
        }
        SetUnion | SetIntersection | SetDifference | SetSymmetricDifference => {
            let op = match f {
                SetUnion => crate::python::ast::BinOp::BitOr,
                SetIntersection => crate::python::ast::BinOp::BitAnd,
                SetDifference => crate::python::ast::BinOp::Sub,
                _ => crate::python::ast::BinOp::BitXor,
            };
            let mut acc = pos[0].clone();
            if matches!(acc, Value::FrozenSet(_)) {
                acc = Value::Set(Rc::new(RefCell::new(the_dict(&pos)?.borrow().clone())));
            }
            for o in &pos[1..] {
                let other = match o {
                    Value::Set(_) | Value::FrozenSet(_) => o.clone(),
                    other => ops::make_set(it, ops::to_vec(it, other)?)?,
                };
                acc = ops::binop(it, op, acc, other)?;
            }
            acc
        }
        SetIssubset | SetIssuperset | SetIsdisjoint => {
            let other = ops::make_set(it, ops::to_vec(it, p1()?)?)?;
            let me = Value::Set(the_dict(&pos)?);
            match f {
                SetIssubset => Value::Bool(ops::compare(
                    it,
                    crate::python::ast::CmpOp::LtE,
                    &me,
                    &other,
                )?),
                SetIssuperset => Value::Bool(ops::compare(
                    it,
                    crate::python::ast::CmpOp::GtE,
                    &me,
                    &other,
                )?),
                _ => {
                    let inter = ops::binop(it, crate::python::ast::BinOp::BitAnd, me, other)?;
                    Value::Bool(!truthy(it, &inter)?)
                }
            }
        }
        SetCopy => match &pos[0] {
            Value::FrozenSet(d) => Value::FrozenSet(d.clone()),
            _ => Value::Set(Rc::new(RefCell::new(the_dict(&pos)?.borrow().clone()))),
        },
        // Not one of these: as the dispatcher's own fallback.
        _ => return module_call(it, f, pos, kw),
    })
}
