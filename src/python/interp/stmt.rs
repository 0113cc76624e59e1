//! Statements, names and assignment.

use std::cell::RefCell;
use std::rc::Rc;

use futures::future::LocalBoxFuture;

use super::{Flow, Frame, FrameKind, Interp};
use crate::python::ast::{Expr, ExprKind, Handler, Name, Stmt, StmtKind, WithItem};
use crate::python::exc::{class as tclass, Exc, PyResult, T};
use crate::python::ops;
use crate::python::value::{Class, FastMap, Function, Scope, Value};

pub(super) type Done = Result<(), Flow>;

impl Interp {
    /// Runs a block.
    pub fn exec_block<'a>(
        self: &'a Rc<Self>,
        body: &'a [Stmt],
        f: &'a Rc<Frame>,
    ) -> LocalBoxFuture<'a, Done> {
        Box::pin(async move {
            for s in body {
                self.exec(s, f).await?;
            }
            Ok(())
        })
    }

    /// Whether `f` runs the learner's code (not the playground's asyncio).
    pub(super) fn user_frame(&self, f: &Frame) -> bool {
        Rc::ptr_eq(&f.globals, &self.globals)
    }

    async fn exec(self: &Rc<Self>, s: &Stmt, f: &Rc<Frame>) -> Done {
        self.tick()?;
        f.line.set(s.pos.line);
        let user = Rc::ptr_eq(&f.globals, &self.globals);
        if user {
            self.line.set(s.pos.line);
        }
        let r = self.exec_kind(s, f).await;
        if !self.agens.borrow().is_empty() {
            // An async generator nothing refers to any more is finalised
            // when it is dropped (CPython's refcounting): at once.
            self.finalize_asyncgens();
        }
        if user && !self.warnings.borrow().is_empty() {
            self.line.set(s.pos.line);
            self.flush_warnings();
        }
        r
    }

    async fn exec_kind(self: &Rc<Self>, s: &Stmt, f: &Rc<Frame>) -> Done {
        match &s.kind {
            StmtKind::Expr(e) => {
                let v = self.eval(e, f).await?;
                if let Value::Fut(task) = &v {
                    self.check_kept(task);
                }
            }
            StmtKind::Assign { targets, value } => {
                let v = self.eval(value, f).await?;
                for t in targets {
                    self.assign(t, v.clone(), f).await?;
                }
            }
            StmtKind::AugAssign { target, op, value } => {
                self.aug_assign(target, *op, value, f).await?;
            }
            StmtKind::AnnAssign {
                target,
                value,
                annotation,
            } => {
                if let (FrameKind::Class, ExprKind::Name(n)) = (&f.kind, &target.kind) {
                    let ann = self.eval(annotation, f).await.unwrap_or(Value::None);
                    let d = match f.scope.get("__annotations__") {
                        Some(d @ Value::Dict(_)) => d,
                        _ => {
                            let d = Value::dict(crate::python::value::Dict::new());
                            f.scope.set(Rc::from("__annotations__"), d.clone());
                            d
                        }
                    };
                    ops::setitem(self, &d, Value::Str(n.clone()), ann)?;
                }
                if let Some(v) = value {
                    let v = self.eval(v, f).await?;
                    self.assign(target, v, f).await?;
                }
            }
            StmtKind::Pass => {}
            StmtKind::Break => return Err(Flow::Break),
            StmtKind::Continue => return Err(Flow::Continue),
            StmtKind::Return(v) => {
                let v = match v {
                    Some(e) => self.eval(e, f).await?,
                    None => Value::None,
                };
                return Err(Flow::Return(v));
            }
            StmtKind::If { test, body, orelse } => {
                let t = self.eval(test, f).await?;
                if ops::truthy(self, &t)? {
                    self.exec_block(body, f).await?;
                } else {
                    self.exec_block(orelse, f).await?;
                }
            }
            StmtKind::While { test, body, orelse } => loop {
                let t = self.eval(test, f).await?;
                if !ops::truthy(self, &t)? {
                    self.exec_block(orelse, f).await?;
                    break;
                }
                match self.exec_block(body, f).await {
                    Ok(()) | Err(Flow::Continue) => {}
                    Err(Flow::Break) => break,
                    Err(e) => return Err(e),
                }
                self.tick()?;
            },
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                let it = self.eval(iter, f).await?;
                if *is_async {
                    self.async_for(target, it, body, orelse, f).await?;
                } else {
                    let it = ops::iter(self, &it)?;
                    loop {
                        let Some(v) = ops::next(self, &it)? else {
                            self.exec_block(orelse, f).await?;
                            break;
                        };
                        self.assign(target, v, f).await?;
                        match self.exec_block(body, f).await {
                            Ok(()) | Err(Flow::Continue) => {}
                            Err(Flow::Break) => break,
                            Err(e) => return Err(e),
                        }
                    }
                }
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => return self.with(items, body, *is_async, f).await,
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => return self.try_stmt(body, handlers, orelse, finalbody, f).await,
            StmtKind::Raise { exc, cause } => {
                return Err(Flow::Exc(self.raise_stmt(exc, cause, f).await?))
            }
            StmtKind::FunctionDef(def) => {
                let func = self.make_function(def, f).await?;
                let mut v = func;
                for d in def.decorators.iter().rev() {
                    let dec = self.eval(d, f).await?;
                    v = self.call(dec, vec![v], Vec::new()).await?;
                }
                self.store(f, &def.name, v)?;
            }
            StmtKind::ClassDef(def) => {
                let v = self.make_class(def, f).await?;
                self.store(f, &def.name, v)?;
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let m = self.import(&a.name)?;
                    match &a.asname {
                        Some(n) => {
                            let target = self.import_leaf(&a.name, m)?;
                            self.store(f, n, target)?;
                        }
                        None => {
                            let top: Name = Rc::from(a.name.split('.').next().unwrap_or(""));
                            let top_m = self.import(&top)?;
                            self.store(f, &top, top_m)?;
                        }
                    }
                }
            }
            StmtKind::ImportFrom { module, names, .. } => {
                let m = self.import(module)?;
                for a in names {
                    if &*a.name == "*" {
                        if let Value::Module(mo) = &m {
                            let items: Vec<(Name, Value)> = mo
                                .dict
                                .borrow()
                                .iter()
                                .filter(|(k, _)| !k.starts_with('_'))
                                .map(|(k, v)| (k.clone(), v.clone()))
                                .collect();
                            for (k, v) in items {
                                self.store(f, &k, v)?;
                            }
                        }
                        continue;
                    }
                    let v = match ops::getattr(self, &m, &a.name) {
                        Ok(v) => v,
                        Err(_) => {
                            // A submodule, e.g. `from concurrent import futures`.
                            let full = format!("{module}.{}", a.name);
                            match self.import(&full) {
                                Ok(v) => v,
                                Err(_) => {
                                    return Err(Flow::Exc(Exc::new(
                                        T::ImportError,
                                        format!(
                                            "cannot import name '{}' from '{module}' (unknown location)",
                                            a.name
                                        ),
                                    )))
                                }
                            }
                        }
                    };
                    self.store(f, a.asname.as_ref().unwrap_or(&a.name), v)?;
                }
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(t, f).await?;
                }
            }
            StmtKind::Assert { test, msg } => {
                let t = self.eval(test, f).await?;
                if !ops::truthy(self, &t)? {
                    let args = match msg {
                        Some(m) => vec![self.eval(m, f).await?],
                        None => Vec::new(),
                    };
                    return Err(Flow::Exc(Exc::with_args(T::AssertionError, args)));
                }
            }
            StmtKind::Match { subject, cases } => return self.exec_match(subject, cases, f).await,
        }
        Ok(())
    }

    async fn async_for(
        self: &Rc<Self>,
        target: &Expr,
        it: Value,
        body: &[Stmt],
        orelse: &[Stmt],
        f: &Rc<Frame>,
    ) -> Done {
        let aiter = self
            .call_method(&it, "__aiter__", Vec::new())
            .await
            .map_err(|e| {
                if e.is(T::AttributeError) {
                    Exc::new(
                        T::TypeError,
                        format!(
                            "'async for' requires an object with __aiter__ method, got {}",
                            ops::type_name(&it)
                        ),
                    )
                } else {
                    e
                }
            })?;
        loop {
            let aw = self.call_method(&aiter, "__anext__", Vec::new()).await?;
            let v = match self.await_value(aw).await {
                Ok(v) => v,
                Err(e) if e.is(T::StopAsyncIteration) => {
                    self.exec_block(orelse, f).await?;
                    break;
                }
                Err(e) => return Err(Flow::Exc(e)),
            };
            self.assign(target, v, f).await?;
            match self.exec_block(body, f).await {
                Ok(()) | Err(Flow::Continue) => {}
                Err(Flow::Break) => break,
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    fn with<'a>(
        self: &'a Rc<Self>,
        items: &'a [WithItem],
        body: &'a [Stmt],
        is_async: bool,
        f: &'a Rc<Frame>,
    ) -> LocalBoxFuture<'a, Done> {
        Box::pin(async move {
            let Some((item, rest)) = items.split_first() else {
                return self.exec_block(body, f).await;
            };
            let mgr = self.eval(&item.context, f).await?;
            let (enter, exit) = if is_async {
                ("__aenter__", "__aexit__")
            } else {
                ("__enter__", "__exit__")
            };
            let exit_fn = match ops::getattr(self, &mgr, exit) {
                Ok(x) => x,
                Err(_) => {
                    let what = if is_async {
                        "asynchronous context manager protocol"
                    } else {
                        "context manager protocol"
                    };
                    return Err(Flow::Exc(Exc::new(
                        T::TypeError,
                        format!(
                            "'{}' object does not support the {what}",
                            ops::type_name(&mgr)
                        ),
                    )));
                }
            };
            let mut v = self.call_method(&mgr, enter, Vec::new()).await?;
            if is_async {
                v = self.await_value(v).await?;
            }
            let r = match &item.var {
                Some(t) => match self.assign(t, v, f).await {
                    Ok(()) => self.with(rest, body, is_async, f).await,
                    Err(e) => Err(Flow::Exc(e)),
                },
                None => self.with(rest, body, is_async, f).await,
            };
            // The exit is the `with` line's (as CPython's tracebacks say).
            f.line.set(item.context.pos.line);
            match r {
                Err(Flow::Exc(e)) => {
                    let cls = Value::Class(e.class());
                    f.handling.borrow_mut().push(e.clone());
                    let mut out = self
                        .call(exit_fn, vec![cls, e.0.clone(), Value::None], Vec::new())
                        .await;
                    if is_async {
                        if let Ok(aw) = out {
                            out = self.await_value(aw).await;
                        }
                    }
                    f.handling.borrow_mut().pop();
                    let suppress = match out {
                        Ok(v) => ops::truthy(self, &v)?,
                        Err(e2) => return Err(Flow::Exc(self.chain(e2, &e))),
                    };
                    if suppress {
                        Ok(())
                    } else {
                        Err(Flow::Exc(e))
                    }
                }
                other => {
                    let mut out = self
                        .call(
                            exit_fn,
                            vec![Value::None, Value::None, Value::None],
                            Vec::new(),
                        )
                        .await;
                    if is_async {
                        if let Ok(aw) = out {
                            out = self.await_value(aw).await;
                        }
                    }
                    out?;
                    other
                }
            }
        })
    }

    /// Sets `e.__context__` to `ctx` when it has none (an exception raised
    /// while handling another).
    pub fn chain(&self, e: Exc, ctx: &Exc) -> Exc {
        if !e.same(ctx) {
            if let Some(d) = e.0.exc_data() {
                let mut d = d.borrow_mut();
                if d.context.is_none() {
                    d.context = Some(ctx.0.clone());
                }
            }
        }
        e
    }

    async fn try_stmt(
        self: &Rc<Self>,
        body: &[Stmt],
        handlers: &[Handler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
        f: &Rc<Frame>,
    ) -> Done {
        let mut r = self.exec_block(body, f).await;
        match r {
            Err(Flow::Exc(e)) if handlers.first().is_some_and(|h| h.star) => {
                r = self.except_star(e, handlers, f).await;
            }
            Err(Flow::Exc(e)) if !handlers.is_empty() => {
                r = Err(Flow::Exc(e.clone()));
                for h in handlers {
                    if !self.handler_matches(h, &e, f).await? {
                        continue;
                    }
                    if self.user_frame(f) {
                        e.caught_in(Rc::as_ptr(f) as usize, &f.name, f.line.get());
                    }
                    if let Some(n) = &h.name {
                        self.store(f, n, e.0.clone())?;
                    }
                    f.handling.borrow_mut().push(e.clone());
                    let hr = self.exec_block(&h.body, f).await;
                    f.handling.borrow_mut().pop();
                    if let Some(n) = &h.name {
                        let _ = self.unbind(f, n);
                    }
                    r = match hr {
                        Err(Flow::Exc(e2)) => Err(Flow::Exc(self.chain(e2, &e))),
                        other => other,
                    };
                    break;
                }
            }
            Ok(()) => {
                r = self.exec_block(orelse, f).await;
            }
            _ => {}
        }
        if !finalbody.is_empty() {
            if let Err(Flow::Exc(e)) = &r {
                f.handling.borrow_mut().push(e.clone());
            }
            let fr = self.exec_block(finalbody, f).await;
            if let Err(Flow::Exc(_)) = &r {
                f.handling.borrow_mut().pop();
            }
            match fr {
                Ok(()) => {}
                Err(Flow::Exc(e2)) => {
                    if let Err(Flow::Exc(e)) = &r {
                        return Err(Flow::Exc(self.chain(e2, e)));
                    }
                    return Err(Flow::Exc(e2));
                }
                Err(other) => return Err(other),
            }
        }
        r
    }

    async fn handler_matches(
        self: &Rc<Self>,
        h: &Handler,
        e: &Exc,
        f: &Rc<Frame>,
    ) -> PyResult<bool> {
        let Some(t) = &h.typ else { return Ok(true) };
        let t = self.eval(t, f).await?;
        exc_matches(&e.class(), &t)
    }

    async fn raise_stmt(
        self: &Rc<Self>,
        exc: &Option<Expr>,
        cause: &Option<Expr>,
        f: &Rc<Frame>,
    ) -> PyResult<Exc> {
        let Some(x) = exc else {
            return match f.current_exc() {
                Some(e) => Ok(e),
                None => Err(Exc::new(T::RuntimeError, "No active exception to reraise")),
            };
        };
        let v = self.eval(x, f).await?;
        let e = self.make_exc(v).await?;
        if let Some(c) = cause {
            let c = self.eval(c, f).await?;
            let c = if c.is_none() {
                None
            } else {
                Some(self.make_exc(c).await?.0)
            };
            if let Some(d) = e.0.exc_data() {
                let mut d = d.borrow_mut();
                d.cause = c;
                d.suppress_context = true;
            }
        }
        if let Some(ctx) = f.current_exc() {
            return Ok(self.chain(e, &ctx));
        }
        Ok(e)
    }

    /// An exception from what `raise` was given: an instance, or a class
    /// to call.
    pub async fn make_exc(self: &Rc<Self>, v: Value) -> PyResult<Exc> {
        match &v {
            Value::Instance(i) if i.exc.is_some() => Ok(Exc(v)),
            Value::Class(c) if c.is_exception => {
                let inst = self.call(v.clone(), Vec::new(), Vec::new()).await?;
                Ok(Exc(inst))
            }
            _ => Err(Exc::new(
                T::TypeError,
                "exceptions must derive from BaseException",
            )),
        }
    }

    // ----- names -----

    /// Reads a name.
    pub fn lookup(&self, f: &Frame, name: &Name) -> PyResult<Value> {
        match &f.kind {
            FrameKind::Module => self.lookup_global(&f.globals, name),
            FrameKind::Function(func) => {
                let info = &func.info;
                if info.locals.contains_key(name) {
                    return match f.scope.get(name) {
                        Some(v) => Ok(v),
                        None => Err(Exc::new(
                            T::UnboundLocalError,
                            format!("cannot access local variable '{name}' where it is not associated with a value"),
                        )),
                    };
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
    pub fn assign<'a>(
        self: &'a Rc<Self>,
        t: &'a Expr,
        v: Value,
        f: &'a Rc<Frame>,
    ) -> LocalBoxFuture<'a, PyResult<()>> {
        Box::pin(async move {
            match &t.kind {
                ExprKind::Name(n) => {
                    if matches!(v, Value::Instance(_)) {
                        self.name_resource(&v, n);
                    }
                    self.store(f, n, v)
                }
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

    async fn aug_assign(
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

    fn delete<'a>(
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

    // ----- definitions -----

    /// The closure scope for a function defined in frame `f`.
    fn closure_scope(f: &Frame) -> Option<Rc<Scope>> {
        match &f.kind {
            FrameKind::Module => None,
            FrameKind::Function(_) | FrameKind::Comp(_) => Some(f.scope.clone()),
            FrameKind::Class => f.scope.parent.clone(),
        }
    }

    fn qualname_in(f: &Frame, name: &str) -> Rc<str> {
        match &f.kind {
            FrameKind::Module => Rc::from(name),
            FrameKind::Function(func) => Rc::from(format!("{}.<locals>.{name}", func.qualname)),
            FrameKind::Class => match f.scope.get("__qualname__") {
                Some(Value::Str(q)) => Rc::from(format!("{q}.{name}")),
                _ => Rc::from(name),
            },
            FrameKind::Comp(_) => match &f.outer {
                Some(o) => Self::qualname_in(o, name),
                None => Rc::from(name),
            },
        }
    }

    /// A function object for `def` (or a lambda) in frame `f`.
    pub async fn make_function(
        self: &Rc<Self>,
        def: &Rc<crate::python::ast::FunctionDef>,
        f: &Rc<Frame>,
    ) -> PyResult<Value> {
        let p = &def.params;
        let mut defaults = Vec::new();
        for param in p.posonly.iter().chain(&p.args) {
            if let Some(d) = &param.default {
                defaults.push(self.eval(d, f).await?);
            }
        }
        let mut kwdefaults = Vec::new();
        for param in &p.kwonly {
            if let Some(d) = &param.default {
                kwdefaults.push((param.name.clone(), self.eval(d, f).await?));
            }
        }
        let info = self.scope_info(def);
        let mut annotations = crate::python::value::Dict::new();
        for param in p
            .posonly
            .iter()
            .chain(&p.args)
            .chain(&p.vararg)
            .chain(&p.kwonly)
            .chain(&p.kwarg)
        {
            if let Some(a) = &param.annotation {
                let v = self.eval(a, f).await?;
                ops::dict_set(self, &mut annotations, Value::Str(param.name.clone()), v)?;
            }
        }
        if let Some(r) = &def.returns {
            let v = self.eval(r, f).await?;
            ops::dict_set(self, &mut annotations, Value::str("return"), v)?;
        }
        let attrs = RefCell::new(FastMap::default());
        if !annotations.is_empty() {
            attrs
                .borrow_mut()
                .insert(Rc::from("__annotations__"), Value::dict(annotations));
        }
        Ok(Value::Func(Rc::new(Function {
            def: def.clone(),
            qualname: Self::qualname_in(f, &def.name),
            defaults,
            kwdefaults,
            closure: Self::closure_scope(f),
            globals: f.globals.clone(),
            info,
            attrs,
            owner: RefCell::new(None),
            internal: !Rc::ptr_eq(&f.globals, &self.globals),
        })))
    }

    /// The cached scope analysis of a function.
    pub fn scope_info(
        &self,
        def: &Rc<crate::python::ast::FunctionDef>,
    ) -> Rc<crate::python::value::ScopeInfo> {
        let key = Rc::as_ptr(def) as usize;
        if let Some(i) = self.scope_cache.borrow().get(&key) {
            return i.clone();
        }
        let info = Rc::new(super::analyze(def));
        self.scope_cache.borrow_mut().insert(key, info.clone());
        info
    }

    async fn make_class(
        self: &Rc<Self>,
        def: &Rc<crate::python::ast::ClassDef>,
        f: &Rc<Frame>,
    ) -> PyResult<Value> {
        let mut bases = Vec::new();
        for b in &def.bases {
            match self.eval(b, f).await? {
                Value::Class(c) => bases.push(c),
                other => {
                    return Err(Exc::new(
                        T::TypeError,
                        format!("bases must be types, not {}", ops::type_name(&other)),
                    ))
                }
            }
        }
        if bases.is_empty() {
            bases.push(tclass(T::Object));
        }
        let qualname = Self::qualname_in(f, &def.name);
        let scope = Scope::new(Self::closure_scope(f));
        scope.set("__qualname__".into(), Value::Str(qualname.clone()));
        let module_name = f.globals.get("__name__").unwrap_or(Value::str("__main__"));
        scope.set("__module__".into(), module_name);
        let cf = Rc::new(Frame {
            scope: scope.clone(),
            kind: FrameKind::Class,
            globals: f.globals.clone(),
            gen: None,
            name: def.name.clone(),
            line: std::cell::Cell::new(def.pos.line),
            handling: RefCell::new(Vec::new()),
            outer: None,
        });
        match self.exec_block(&def.body, &cf).await {
            Ok(()) => {}
            Err(Flow::Exc(e)) => return Err(e),
            Err(_) => {
                return Err(Exc::new(
                    T::RuntimeError,
                    "unexpected control flow in class body",
                ))
            }
        }
        let dict = std::mem::take(&mut *scope.vars.borrow_mut());
        let is_exception = bases.iter().any(|b| b.is_exception);
        let mro = ops::c3_mro(&bases)?;
        let module: Rc<str> = match dict.get("__module__") {
            Some(Value::Str(m)) => m.clone(),
            _ => "__main__".into(),
        };
        let class = Rc::new(Class {
            name: def.name.clone(),
            qualname,
            bases,
            mro: RefCell::new(Vec::new()),
            dict: RefCell::new(dict),
            builtin: None,
            is_exception,
            def: Some(def.clone()),
            module,
        });
        let mut full = vec![class.clone()];
        full.extend(mro);
        *class.mro.borrow_mut() = full;
        for v in class.dict.borrow().values() {
            let func = match v {
                Value::Func(func) => Some(func.clone()),
                Value::StaticMethod(x) | Value::ClassMethod(x) => match &**x {
                    Value::Func(func) => Some(func.clone()),
                    _ => None,
                },
                Value::Property(p) => match &p.0 {
                    Value::Func(func) => Some(func.clone()),
                    _ => None,
                },
                _ => None,
            };
            if let Some(func) = func {
                *func.owner.borrow_mut() = Some(Rc::downgrade(&class));
            }
        }
        let mut v = Value::Class(class);
        for d in def.decorators.iter().rev() {
            let dec = self.eval(d, f).await?;
            v = self.call(dec, vec![v], Vec::new()).await?;
        }
        Ok(v)
    }
}

/// Whether an exception of class `c` matches an `except` clause's value
/// (a class or a tuple of classes).
pub fn exc_matches(c: &Rc<Class>, t: &Value) -> PyResult<bool> {
    match t {
        Value::Class(k) => {
            if !k.is_exception && !Rc::ptr_eq(k, &tclass(T::BaseException)) {
                return Err(Exc::new(
                    T::TypeError,
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            }
            Ok(c.is_subclass(k))
        }
        Value::Tuple(items) => {
            for i in items.iter() {
                if exc_matches(c, i)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(Exc::new(
            T::TypeError,
            "catching classes that do not inherit from BaseException is not allowed",
        )),
    }
}

impl Interp {
    /// A task made by an expression statement (`asyncio.create_task(x())`
    /// whose result is dropped) that nothing else holds: only this value
    /// and the loop's ready queue refer to it. CPython's loop keeps only a
    /// weak reference to its tasks, so such a task may be garbage-collected
    /// before it ends. A `TaskGroup` (which keeps its tasks) is no such case.
    /// The warning is the playground's own: CPython prints nothing.
    fn check_kept(&self, task: &Rc<crate::python::future::Fut>) {
        let Some(tp) = task.tp() else { return };
        if task.done() || std::rc::Rc::strong_count(task) > 2 {
            return;
        }
        self.host.record(
            tp.lane,
            crate::core::trace::EventKind::diagnostic(
                crate::core::trace::DiagKind::NotKept,
                format!(
                    "playground: the task {} is not kept anywhere: asyncio holds only a weak reference to it, so it may be garbage-collected before it ends",
                    tp.coro.call
                ),
            ),
        );
    }
}
