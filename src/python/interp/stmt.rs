//! Statements: a block run statement by statement, and the dispatch of
//! each kind (loops here too); `with` is in `with_stmt.rs`, `try`/`raise`
//! in `try_stmt.rs`, `def`/`class` in `defs.rs`, names and assignment in
//! `names.rs`.

use std::rc::Rc;

use futures::future::LocalBoxFuture;

use super::{Flow, Frame, FrameKind, Interp};
use crate::python::ast::{Expr, ExprKind, Name, Stmt, StmtKind};
use crate::python::exc::{Exc, T};
use crate::python::ops;
use crate::python::value::Value;

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

    /// The statements of most loops and calls; the rest are in
    /// [`Interp::exec_cold`]'s own boxed future, so this one (allocated for
    /// every block run) stays small.
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
                    Box::pin(self.async_for(target, it, body, orelse, f)).await?;
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
            _ => return self.exec_cold(s, f).await,
        }
        Ok(())
    }

    /// The statements [`Interp::exec_kind`] leaves out.
    fn exec_cold<'a>(
        self: &'a Rc<Self>,
        s: &'a Stmt,
        f: &'a Rc<Frame>,
    ) -> LocalBoxFuture<'a, Done> {
        Box::pin(async move {
            match &s.kind {
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
                StmtKind::Match { subject, cases } => {
                    return self.exec_match(subject, cases, f).await
                }
                _ => {}
            }
            Ok(())
        })
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
