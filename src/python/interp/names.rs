//! Names and assignment targets: reading a name (local, closure, global,
//! builtin), binding and unbinding one, `=` to a target (a name, attribute,
//! subscript, or a tuple of them), augmented assignment and `del`.

use std::rc::Rc;

use futures::future::LocalBoxFuture;

use super::{Frame, FrameKind, Interp};
use crate::python::ast::{Expr, ExprKind, Name};
use crate::python::exc::{Exc, PyResult, T};
use crate::python::ops;
use crate::python::value::{Scope, Value};

impl Interp {
    /// Reads a name.
    pub fn lookup(&self, f: &Frame, name: &Name) -> PyResult<Value> {
        match &f.kind {
            FrameKind::Module => self.lookup_global(&f.globals, name),
            FrameKind::Function(func) => {
                // A call's scope holds only its locals (globals and
                // nonlocals are stored where they live): one hash for the
                // usual read.
                if let Some(v) = f.scope.get(name) {
                    return Ok(v);
                }
                let info = &func.info;
                if info.locals.contains_key(name) {
                    return Err(Exc::new(
                        T::UnboundLocalError,
                        format!("cannot access local variable '{name}' where it is not associated with a value"),
                    ));
                }
                if info.globals.contains_key(name) {
                    return self.lookup_global(&f.globals, name);
                }
                let mut s = func.closure.clone();
                while let Some(sc) = s {
                    if let Some(v) = sc.get(name) {
                        return Ok(v);
                    }
                    s = sc.parent.clone();
                }
                self.lookup_global(&f.globals, name)
            }
            FrameKind::Class => {
                if let Some(v) = f.scope.get(name) {
                    return Ok(v);
                }
                let mut s = f.scope.parent.clone();
                while let Some(sc) = s {
                    if let Some(v) = sc.get(name) {
                        return Ok(v);
                    }
                    s = sc.parent.clone();
                }
                self.lookup_global(&f.globals, name)
            }
            FrameKind::Comp(info) => {
                if info.locals.contains_key(name) {
                    if let Some(v) = f.scope.get(name) {
                        return Ok(v);
                    }
                }
                match &f.outer {
                    Some(o) => self.lookup(o, name),
                    None => self.lookup_global(&f.globals, name),
                }
            }
        }
    }

    fn lookup_global(&self, globals: &Scope, name: &Name) -> PyResult<Value> {
        if let Some(v) = globals.get(name) {
            return Ok(v);
        }
        if let Some(v) = self.builtins.get(name) {
            return Ok(v);
        }
        Err(Exc::new(
            T::NameError,
            format!("name '{name}' is not defined"),
        ))
    }

    /// Binds a name.
    pub fn store(&self, f: &Frame, name: &Name, v: Value) -> PyResult<()> {
        match &f.kind {
            FrameKind::Module | FrameKind::Class => f.scope.set(name.clone(), v),
            FrameKind::Function(func) => {
                if func.info.globals.contains_key(name) {
                    f.globals.set(name.clone(), v);
                } else if func.info.nonlocals.contains_key(name) {
                    let mut s = func.closure.clone();
                    while let Some(sc) = s {
                        if sc.vars.borrow().contains_key(name) {
                            sc.set(name.clone(), v);
                            return Ok(());
                        }
                        s = sc.parent.clone();
                    }
                    if let Some(sc) = &func.closure {
                        sc.set(name.clone(), v);
                    }
                } else {
                    f.scope.set(name.clone(), v);
                }
            }
            FrameKind::Comp(info) => {
                if info.locals.contains_key(name) {
                    f.scope.set(name.clone(), v);
                } else if let Some(o) = &f.outer {
                    return self.store(o, name, v);
                }
            }
        }
        Ok(())
    }

    pub(super) fn unbind(&self, f: &Frame, name: &Name) -> PyResult<()> {
        let scope = match &f.kind {
            FrameKind::Function(func) if func.info.globals.contains_key(name) => f.globals.clone(),
            _ => f.scope.clone(),
        };
        let removed = scope.vars.borrow_mut().remove(name);
        match removed {
            Some(_) => Ok(()),
            None => Err(Exc::new(
                T::NameError,
                format!("name '{name}' is not defined"),
            )),
        }
    }

    /// Assigns `v` to a target (a name, attribute, subscript, or a tuple of
    /// them).
    pub async fn assign(self: &Rc<Self>, t: &Expr, v: Value, f: &Rc<Frame>) -> PyResult<()> {
        match &t.kind {
            ExprKind::Name(n) => {
                if matches!(v, Value::Instance(_)) {
                    self.name_resource(&v, n);
                }
                self.store(f, n, v)
            }
            ExprKind::Attribute(obj, attr) if obj.simple => {
                let o = self.eval_simple(obj, f)?;
                if matches!(v, Value::Instance(_)) {
                    self.name_resource(&v, attr);
                }
                ops::setattr(self, &o, attr, v)
            }
            ExprKind::Subscript(obj, idx) if obj.simple && idx.simple => {
                let o = self.eval_simple(obj, f)?;
                let i = self.eval_simple(idx, f)?;
                ops::setitem(self, &o, i, v)
            }
            _ => self.assign_boxed(t, v, f).await,
        }
    }

    /// [`Interp::assign`] of targets that may suspend or recurse (unpacking).
    fn assign_boxed<'a>(
        self: &'a Rc<Self>,
        t: &'a Expr,
        v: Value,
        f: &'a Rc<Frame>,
    ) -> LocalBoxFuture<'a, PyResult<()>> {
        Box::pin(async move {
            match &t.kind {
                // Names are stored by `assign` itself.
                ExprKind::Attribute(obj, attr) => {
                    let o = self.eval(obj, f).await?;
                    if matches!(v, Value::Instance(_)) {
                        self.name_resource(&v, attr);
                    }
                    ops::setattr(self, &o, attr, v)
                }
                ExprKind::Subscript(obj, idx) => {
                    let o = self.eval(obj, f).await?;
                    let i = self.eval(idx, f).await?;
                    ops::setitem(self, &o, i, v)
                }
                ExprKind::Tuple(items) | ExprKind::List(items) => {
                    let vals = ops::to_vec(self, &v)?;
                    let star = items
                        .iter()
                        .position(|e| matches!(e.kind, ExprKind::Starred(_)));
                    match star {
                        None => {
                            if vals.len() != items.len() {
                                return Err(if vals.len() > items.len() {
                                    Exc::new(
                                        T::ValueError,
                                        format!(
                                            "too many values to unpack (expected {})",
                                            items.len()
                                        ),
                                    )
                                } else {
                                    Exc::new(
                                        T::ValueError,
                                        format!(
                                            "not enough values to unpack (expected {}, got {})",
                                            items.len(),
                                            vals.len()
                                        ),
                                    )
                                });
                            }
                            for (e, v) in items.iter().zip(vals) {
                                self.assign(e, v, f).await?;
                            }
                        }
                        Some(si) => {
                            let after = items.len() - si - 1;
                            if vals.len() < si + after {
                                return Err(Exc::new(
                                    T::ValueError,
                                    format!(
                                        "not enough values to unpack (expected at least {}, got {})",
                                        si + after,
                                        vals.len()
                                    ),
                                ));
                            }
                            let mut vals = vals;
                            let tail = vals.split_off(vals.len() - after);
                            let mid = vals.split_off(si);
                            for (e, v) in items[..si].iter().zip(vals) {
                                self.assign(e, v, f).await?;
                            }
                            if let ExprKind::Starred(inner) = &items[si].kind {
                                self.assign(inner, Value::list(mid), f).await?;
                            }
                            for (e, v) in items[si + 1..].iter().zip(tail) {
                                self.assign(e, v, f).await?;
                            }
                        }
                    }
                    Ok(())
                }
                ExprKind::Starred(inner) => self.assign(inner, v, f).await,
                _ => Err(Exc::new(T::TypeError, "cannot assign to expression")),
            }
        })
    }

    pub(super) async fn aug_assign(
        self: &Rc<Self>,
        target: &Expr,
        op: crate::python::ast::BinOp,
        value: &Expr,
        f: &Rc<Frame>,
    ) -> PyResult<()> {
        match &target.kind {
            ExprKind::Name(n) => {
                let old = self.lookup(f, n)?;
                let r = self.eval(value, f).await?;
                let v = ops::inplace(self, op, old, r)?;
                self.store(f, n, v)
            }
            ExprKind::Attribute(obj, attr) => {
                let o = self.eval(obj, f).await?;
                let old = ops::getattr(self, &o, attr)?;
                let r = self.eval(value, f).await?;
                let v = ops::inplace(self, op, old, r)?;
                ops::setattr(self, &o, attr, v)
            }
            ExprKind::Subscript(obj, idx) => {
                let o = self.eval(obj, f).await?;
                let i = self.eval(idx, f).await?;
                let old = ops::getitem(self, &o, &i)?;
                let r = self.eval(value, f).await?;
                let v = ops::inplace(self, op, old, r)?;
                ops::setitem(self, &o, i, v)
            }
            _ => Err(Exc::new(
                T::TypeError,
                "illegal expression for augmented assignment",
            )),
        }
    }

    pub(super) fn delete<'a>(
        self: &'a Rc<Self>,
        t: &'a Expr,
        f: &'a Rc<Frame>,
    ) -> LocalBoxFuture<'a, PyResult<()>> {
        Box::pin(async move {
            match &t.kind {
                ExprKind::Name(n) => self.unbind(f, n),
                ExprKind::Attribute(obj, attr) => {
                    let o = self.eval(obj, f).await?;
                    ops::delattr(self, &o, attr)
                }
                ExprKind::Subscript(obj, idx) => {
                    let o = self.eval(obj, f).await?;
                    let i = self.eval(idx, f).await?;
                    ops::delitem(self, &o, &i)
                }
                ExprKind::Tuple(items) | ExprKind::List(items) => {
                    for e in items {
                        self.delete(e, f).await?;
                    }
                    Ok(())
                }
                _ => Err(Exc::new(T::TypeError, "cannot delete expression")),
            }
        })
    }
}
