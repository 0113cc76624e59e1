//! Attributes: `getattr`, `setattr`, `delattr`, bound methods, and the
//! C3 method resolution order.

use super::*;

pub(super) fn bind_attr(owner: &Value, attr: Value) -> Value {
    match attr {
        Value::Func(_) => Value::Method(Rc::new((owner.clone(), attr))),
        Value::Builtin(b) if b.is_method() => Value::Method(Rc::new((owner.clone(), attr))),
        Value::StaticMethod(f) => (*f).clone(),
        other => other,
    }
}

/// `getattr(v, name)`.
pub fn getattr(it: &I, v: &Value, name: &str) -> PyResult<Value> {
    if name == "__class__" && !matches!(v, Value::Instance(_) | Value::Class(_)) {
        return Ok(Value::Class(class_of(v)));
    }
    match v {
        Value::Instance(i) => {
            let cls_attr = i.class.lookup(name);
            if let Some(Value::Property(p)) = &cls_attr {
                return it.call_sync(p.0.clone(), vec![v.clone()], Vec::new());
            }
            if let Some(x) = i.dict.borrow().get(name) {
                return Ok(x.clone());
            }
            if let Some(a) = cls_attr {
                return Ok(match a {
                    Value::ClassMethod(f) => {
                        Value::Method(Rc::new((Value::Class(i.class.clone()), (*f).clone())))
                    }
                    other => bind_attr(v, other),
                });
            }
            match name {
                "__class__" => return Ok(Value::Class(i.class.clone())),
                "__dict__" => {
                    let mut d = Dict::new();
                    for (k, x) in i.dict.borrow().iter() {
                        d.insert(HashKey::Str(k.clone()), Value::Str(k.clone()), x.clone());
                    }
                    return Ok(Value::dict(d));
                }
                _ => {}
            }
            if let Some(d) = &i.exc {
                match name {
                    "args" => return Ok(Value::tuple(d.borrow().args.clone())),
                    "__cause__" => return Ok(d.borrow().cause.clone().unwrap_or(Value::None)),
                    "__context__" => return Ok(d.borrow().context.clone().unwrap_or(Value::None)),
                    "__suppress_context__" => return Ok(Value::Bool(d.borrow().suppress_context)),
                    "__traceback__" => return Ok(Value::None),
                    "with_traceback" => {
                        return Ok(Value::Method(Rc::new((
                            v.clone(),
                            Value::Builtin(Builtin::ExcWithTraceback),
                        ))))
                    }
                    "add_note" => {
                        return Ok(Value::Method(Rc::new((
                            v.clone(),
                            Value::Builtin(Builtin::ExcAddNote),
                        ))))
                    }
                    "split" | "subgroup" | "derive" if is_sub(&i.class, T::BaseExceptionGroup) => {
                        let b = match name {
                            "split" => Builtin::ExcSplit,
                            "subgroup" => Builtin::ExcSubgroup,
                            _ => Builtin::ExcDerive,
                        };
                        return Ok(Value::Method(Rc::new((v.clone(), Value::Builtin(b)))));
                    }
                    _ => {}
                }
                if let Some(b) = builtins::exc_attr(&i.class, name) {
                    return b(it, v);
                }
            }
            if let Some(ga) = i.class.lookup("__getattr__") {
                return it.call_sync(ga, vec![v.clone(), Value::str(name)], Vec::new());
            }
            Err(Exc::new(
                T::AttributeError,
                format!("'{}' object has no attribute '{name}'", i.class.name),
            ))
        }
        Value::Class(c) => {
            if let Some(a) = c.lookup(name) {
                return Ok(match a {
                    Value::ClassMethod(f) => Value::Method(Rc::new((v.clone(), (*f).clone()))),
                    Value::StaticMethod(f) => (*f).clone(),
                    other => other,
                });
            }
            match name {
                "__dict__" => {
                    let mut d = Dict::new();
                    for (k, x) in c.dict.borrow().iter() {
                        d.insert(HashKey::Str(k.clone()), Value::Str(k.clone()), x.clone());
                    }
                    return Ok(Value::dict(d));
                }
                "__name__" => return Ok(Value::Str(c.name.clone())),
                "__qualname__" => return Ok(Value::Str(c.qualname.clone())),
                "__module__" => return Ok(Value::Str(c.module.clone())),
                "__mro__" => {
                    return Ok(Value::tuple(
                        c.mro
                            .borrow()
                            .iter()
                            .map(|k| Value::Class(k.clone()))
                            .collect(),
                    ))
                }
                "__bases__" => {
                    return Ok(Value::tuple(
                        c.bases.iter().map(|k| Value::Class(k.clone())).collect(),
                    ))
                }
                "__doc__" => return Ok(c.def.as_ref().map_or(Value::None, |d| docstring(&d.body))),
                _ => {}
            }
            for k in c.mro.borrow().iter() {
                if let Some(Builtin::Type(t)) = k.builtin {
                    if let Some(b) = builtins::type_attr(t, name) {
                        return Ok(Value::Builtin(b));
                    }
                }
            }
            if name == "mro" {
                // `cls.mro()`: type's method, bound to the class.
                return Ok(Value::Method(Rc::new((
                    Value::Class(c.clone()),
                    Value::Builtin(Builtin::TypeMro),
                ))));
            }
            Err(Exc::new(
                T::AttributeError,
                format!("type object '{}' has no attribute '{name}'", c.name),
            ))
        }
        Value::Module(m) => match m.dict.borrow().get(name) {
            Some(x) => Ok(x.clone()),
            None => match name {
                "__name__" => Ok(Value::Str(m.name.clone())),
                _ => Err(Exc::new(
                    T::AttributeError,
                    format!("module '{}' has no attribute '{name}'", m.name),
                )),
            },
        },
        Value::Func(f) if f.attrs.borrow().contains_key(name) => {
            Ok(f.attrs.borrow().get(name).cloned().unwrap_or(Value::None))
        }
        Value::Func(f) => match name {
            "__name__" => Ok(Value::Str(f.def.name.clone())),
            "__qualname__" => Ok(Value::Str(f.qualname.clone())),
            "__doc__" => Ok(docstring(&f.def.body)),
            "__module__" => Ok(Value::str("__main__")),
            _ if f.attrs.borrow().contains_key(name) => {
                Ok(f.attrs.borrow().get(name).cloned().unwrap_or(Value::None))
            }
            _ => Err(Exc::new(
                T::AttributeError,
                format!("'function' object has no attribute '{name}'"),
            )),
        },
        Value::Super(s) => {
            let (start, obj) = (&s.0, &s.1);
            let owner_cls = match obj {
                Value::Class(c) => c.clone(),
                other => class_of(other),
            };
            let mro = owner_cls.mro.borrow().clone();
            let pos = mro
                .iter()
                .position(|k| Rc::ptr_eq(k, start))
                .map_or(mro.len(), |p| p + 1);
            for k in &mro[pos.min(mro.len())..] {
                let found = k.dict.borrow().get(name).cloned();
                if let Some(a) = found {
                    return Ok(match a {
                        Value::ClassMethod(f) => {
                            Value::Method(Rc::new((Value::Class(owner_cls.clone()), (*f).clone())))
                        }
                        Value::StaticMethod(f) => (*f).clone(),
                        Value::Property(p) => {
                            return it.call_sync(p.0.clone(), vec![obj.clone()], Vec::new())
                        }
                        other => bind_attr(obj, other),
                    });
                }
                if let Some(Builtin::Type(t)) = k.builtin {
                    if let Some(b) = builtins::type_attr(t, name) {
                        return Ok(bind_attr(obj, Value::Builtin(b)));
                    }
                }
            }
            Err(Exc::new(
                T::AttributeError,
                format!("'super' object has no attribute '{name}'"),
            ))
        }
        Value::Native(n) => {
            if let Some(x) = n.attrs.borrow().get(name) {
                if let Value::Builtin(bi) = x {
                    if bi.is_method() && !matches!(bi, Builtin::StreamFlush) {
                        return Ok(Value::Method(Rc::new((v.clone(), x.clone()))));
                    }
                }
                return Ok(x.clone());
            }
            Err(Exc::new(
                T::AttributeError,
                format!("'{}' object has no attribute '{name}'", n.type_name),
            ))
        }
        _ => match builtins::method_of(v, name) {
            Some(b) => Ok(Value::Method(Rc::new((v.clone(), Value::Builtin(b))))),
            None => builtins::value_attr(it, v, name).unwrap_or_else(|| {
                Err(Exc::new(
                    T::AttributeError,
                    format!("'{}' object has no attribute '{name}'", type_name(v)),
                ))
            }),
        },
    }
}

/// `setattr(v, name, x)`.
pub fn setattr(it: &I, v: &Value, name: &str, x: Value) -> PyResult<()> {
    match v {
        Value::Instance(i) => {
            if let Some(Value::Property(p)) = i.class.lookup(name) {
                if p.1.is_none() {
                    return Err(Exc::new(
                        T::AttributeError,
                        format!(
                            "property '{name}' of '{}' object has no setter",
                            i.class.name
                        ),
                    ));
                }
                it.call_sync(p.1.clone(), vec![v.clone(), x], Vec::new())?;
                return Ok(());
            }
            if let Some(sa) = i.class.lookup("__setattr__") {
                if !matches!(sa, Value::Builtin(_)) {
                    it.call_sync(sa, vec![v.clone(), Value::str(name), x], Vec::new())?;
                    return Ok(());
                }
            }
            if let (Some(d), "__cause__") = (&i.exc, name) {
                let mut d = d.borrow_mut();
                d.cause = if x.is_none() { None } else { Some(x) };
                d.suppress_context = true;
                return Ok(());
            }
            if !slots_allow(&i.class, name) {
                return Err(Exc::new(
                    T::AttributeError,
                    format!("'{}' object has no attribute '{name}'", i.class.name),
                ));
            }
            i.dict.borrow_mut().insert(Rc::from(name), x);
            Ok(())
        }
        Value::Class(c) if c.def.is_some() => {
            // A class may check assignments to itself (enum refuses to
            // reassign a member): `__class_setattr_check__`.
            if let Some(r) = class_hook(it, v, "__class_setattr_check__", vec![Value::str(name)]) {
                r?;
            }
            c.dict.borrow_mut().insert(Rc::from(name), x);
            Ok(())
        }
        Value::Func(f) => {
            f.attrs.borrow_mut().insert(Rc::from(name), x);
            Ok(())
        }
        Value::Module(m) => {
            m.dict.borrow_mut().insert(Rc::from(name), x);
            Ok(())
        }
        Value::Native(n) => {
            n.attrs.borrow_mut().insert(Rc::from(name), x);
            Ok(())
        }
        Value::Class(c) => Err(Exc::new(
            T::TypeError,
            format!(
                "cannot set '{name}' attribute of immutable type '{}'",
                c.name
            ),
        )),
        _ => Err(Exc::new(
            T::AttributeError,
            format!("'{}' object has no attribute '{name}'", type_name(v)),
        )),
    }
}

/// `delattr(v, name)`.
pub fn delattr(_it: &I, v: &Value, name: &str) -> PyResult<()> {
    if let Value::Instance(i) = v {
        if i.dict.borrow_mut().remove(name).is_some() {
            return Ok(());
        }
    }
    Err(Exc::new(
        T::AttributeError,
        format!("'{}' object has no attribute '{name}'", type_name(v)),
    ))
}

/// The C3 linearisation of `bases` (without the new class itself).
pub fn c3_mro(bases: &[Rc<Class>]) -> PyResult<Vec<Rc<Class>>> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases.iter().map(|b| b.mro.borrow().clone()).collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Rc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut found = None;
        for s in &seqs {
            let cand = &s[0];
            if !seqs
                .iter()
                .any(|t| t[1..].iter().any(|c| Rc::ptr_eq(c, cand)))
            {
                found = Some(cand.clone());
                break;
            }
        }
        let Some(c) = found else {
            return Err(Exc::new(
                T::TypeError,
                "Cannot create a consistent method resolution order (MRO)",
            ));
        };
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// Whether an instance of `c` may get attribute `name`: every class of its
/// MRO (but `object`) declares `__slots__` and none names it, or `__dict__`.
fn slots_allow(c: &Class, name: &str) -> bool {
    let object = tclass(T::Object);
    for k in c.mro.borrow().iter() {
        if Rc::ptr_eq(k, &object) {
            continue;
        }
        if k.def.is_none() {
            return true;
        }
        let slots = match k.dict.borrow().get("__slots__") {
            None => return true,
            Some(v) => v.clone(),
        };
        let names: Vec<Value> = match &slots {
            Value::Str(_) => vec![slots.clone()],
            Value::Tuple(t) => t.to_vec(),
            Value::List(l) => l.borrow().clone(),
            _ => return true,
        };
        if names
            .iter()
            .any(|n| matches!(n, Value::Str(s) if &**s == name || &**s == "__dict__"))
        {
            return true;
        }
    }
    false
}

/// A body's docstring: its first statement if that is a string literal.
pub fn docstring(body: &[crate::python::ast::Stmt]) -> Value {
    use crate::python::ast::{ExprKind, StmtKind};
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(e)) => match &e.kind {
            ExprKind::Str(s) => Value::Str(s.clone()),
            _ => Value::None,
        },
        _ => Value::None,
    }
}
