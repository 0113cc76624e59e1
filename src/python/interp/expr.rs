//! Expressions.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use futures::future::LocalBoxFuture;

use super::{Frame, FrameKind, Interp};
use crate::python::ast::{Arg, Comprehension, Expr, ExprKind, FPart, Name};
use crate::python::coro::{Coro, CoroKind, Resumed, Suspend};
use crate::python::exc::{Exc, PyResult, T};
use crate::python::ops;
use crate::python::value::{Dict, Scope, Value};

impl Interp {
    /// Evaluates an expression.
    pub async fn eval(self: &Rc<Self>, e: &Expr, f: &Rc<Frame>) -> PyResult<Value> {
        if e.simple {
            return self.eval_simple(e, f);
        }
        // Most calls (`print(x)`, `fut.done()`, `sleep(d)`) get a smaller
        // boxed future than `eval_complex`'s; only the box is held here.
        let fut = match &e.kind {
            ExprKind::Call(func, args) => match self.simple_call(func, args, f) {
                Some((fv, pos, kw)) => self.call_boxed_at(e, func, fv?, pos, kw, f),
                None => self.eval_complex(e, f),
            },
            _ => self.eval_complex(e, f),
        };
        fut.await
    }

    /// [`Interp::finish_call`] in a boxed future.
    fn call_boxed_at<'a>(
        self: &'a Rc<Self>,
        e: &'a Expr,
        func: &'a Expr,
        fv: Value,
        pos: Vec<Value>,
        kw: Vec<(Name, Value)>,
        f: &'a Rc<Frame>,
    ) -> LocalBoxFuture<'a, PyResult<Value>> {
        Box::pin(self.finish_call(e, func, fv, pos, kw, f))
    }

    /// The callee and arguments of a call whose parts cannot suspend (and
    /// that is not a zero-argument `super()`), evaluated; None otherwise.
    #[allow(clippy::type_complexity)]
    fn simple_call(
        self: &Rc<Self>,
        func: &Expr,
        args: &[Arg],
        f: &Rc<Frame>,
    ) -> Option<(PyResult<Value>, Vec<Value>, Vec<(Name, Value)>)> {
        if !func.simple
            || !args.iter().all(|a| match a {
                Arg::Pos(e) | Arg::Kw(_, e) => e.simple,
                _ => false,
            })
            || (args.is_empty() && matches!(&func.kind, ExprKind::Name(n) if &**n == "super"))
        {
            return None;
        }
        let fv = match self.eval_simple(func, f) {
            Ok(v) => v,
            Err(e) => return Some((Err(e), Vec::new(), Vec::new())),
        };
        let mut pos = Vec::with_capacity(args.len());
        let mut kw = Vec::new();
        for a in args {
            let r = match a {
                Arg::Pos(e) => self.eval_simple(e, f).map(|v| pos.push(v)),
                Arg::Kw(n, e) => self.eval_simple(e, f).map(|v| kw.push((n.clone(), v))),
                _ => Ok(()),
            };
            if let Err(e) = r {
                return Some((Err(e), Vec::new(), Vec::new()));
            }
        }
        Some((Ok(fv), pos, kw))
    }

    /// Calls `fv` for the call expression `e`: the line it is on while it
    /// runs, and a coroutine's call text (`self.fetch(1)`).
    async fn finish_call(
        self: &Rc<Self>,
        e: &Expr,
        func: &Expr,
        fv: Value,
        pos: Vec<Value>,
        kw: Vec<(Name, Value)>,
        f: &Rc<Frame>,
    ) -> PyResult<Value> {
        f.line.set(e.pos.line);
        let user = Rc::ptr_eq(&f.globals, &self.globals);
        if user {
            self.line.set(e.pos.line);
        }
        let r = self.call(fv, pos, kw).await;
        if user {
            self.line.set(f.line.get());
        }
        if let (Ok(Value::Coro(c)), ExprKind::Attribute(..)) = (&r, &func.kind) {
            if c.user {
                if let Some(text) = dotted(func) {
                    let args = c.call.find('(').map_or("()", |p| &c.call[p..]);
                    *c.call_text.borrow_mut() = Some(Rc::from(format!("{text}{args}")));
                }
            }
        }
        r
    }

    /// Evaluates an expression that cannot suspend.
    pub fn eval_simple(self: &Rc<Self>, e: &Expr, f: &Rc<Frame>) -> PyResult<Value> {
        Ok(match &e.kind {
            ExprKind::Name(n) => return self.lookup(f, n),
            ExprKind::Int(i) => Value::Int(*i),
            ExprKind::BigInt(b) => Value::BigInt(b.clone()),
            ExprKind::Float(x) => Value::Float(*x),
            ExprKind::Imag(x) => Value::Complex(0.0, *x),
            ExprKind::Str(s) => Value::Str(s.clone()),
            ExprKind::Bytes(b) => Value::Bytes(b.clone()),
            ExprKind::Bool(b) => Value::Bool(*b),
            ExprKind::NoneLit => Value::None,
            ExprKind::Ellipsis => Value::Builtin(crate::python::builtins::Builtin::Ellipsis),
            ExprKind::FString(parts) => {
                let mut out = String::new();
                for p in parts {
                    match p {
                        FPart::Lit(s) => out.push_str(s),
                        FPart::Field {
                            expr,
                            conversion,
                            spec,
                            debug,
                        } => {
                            let v = self.eval_simple(expr, f)?;
                            let spec = match spec {
                                Some(parts) => {
                                    let mut s = String::new();
                                    for sp in parts {
                                        match sp {
                                            FPart::Lit(l) => s.push_str(l),
                                            FPart::Field {
                                                expr, conversion, ..
                                            } => {
                                                let v = self.eval_simple(expr, f)?;
                                                s.push_str(&self.convert(v, *conversion, "")?);
                                            }
                                        }
                                    }
                                    s
                                }
                                None => String::new(),
                            };
                            if let Some(d) = debug {
                                out.push_str(d);
                            }
                            let conv = match (conversion, debug, spec.is_empty()) {
                                (None, Some(_), true) => Some('r'),
                                (c, _, _) => *c,
                            };
                            out.push_str(&self.convert(v, conv, &spec)?);
                        }
                    }
                }
                Value::Str(Rc::from(out))
            }
            ExprKind::List(items) => Value::list(self.simple_items(items, f)?),
            ExprKind::Tuple(items) => Value::tuple(self.simple_items(items, f)?),
            ExprKind::Set(items) => {
                let vals = self.simple_items(items, f)?;
                ops::make_set(self, vals)?
            }
            ExprKind::Dict(items) => {
                let mut d = Dict::new();
                for (k, v) in items {
                    let vv = self.eval_simple(v, f)?;
                    match k {
                        Some(k) => {
                            let kv = self.eval_simple(k, f)?;
                            ops::dict_set(self, &mut d, kv, vv)?;
                        }
                        None => ops::dict_update(self, &mut d, &vv)?,
                    }
                }
                Value::dict(d)
            }
            ExprKind::Starred(_) => {
                return Err(Exc::new(T::TypeError, "can't use starred expression here"))
            }
            ExprKind::Attribute(obj, attr) => {
                let o = self.eval_simple(obj, f)?;
                return ops::getattr(self, &o, attr);
            }
            ExprKind::Subscript(obj, idx) => {
                let o = self.eval_simple(obj, f)?;
                let i = self.eval_simple(idx, f)?;
                return ops::getitem(self, &o, &i);
            }
            ExprKind::Slice(a, b, c) => {
                let g = |x: &Option<Box<Expr>>| -> PyResult<Value> {
                    match x {
                        Some(e) => self.eval_simple(e, f),
                        None => Ok(Value::None),
                    }
                };
                Value::Slice(Rc::new((g(a)?, g(b)?, g(c)?)))
            }
            ExprKind::BinOp(a, op, b) => {
                let l = self.eval_simple(a, f)?;
                let r = self.eval_simple(b, f)?;
                return ops::binop(self, *op, l, r);
            }
            ExprKind::UnaryOp(op, a) => {
                let v = self.eval_simple(a, f)?;
                return ops::unary(self, *op, v);
            }
            ExprKind::BoolOp(op, items) => {
                let mut last = Value::None;
                for (i, it) in items.iter().enumerate() {
                    last = self.eval_simple(it, f)?;
                    if i + 1 == items.len() {
                        break;
                    }
                    let t = ops::truthy(self, &last)?;
                    match op {
                        crate::python::ast::BoolOp::And if !t => return Ok(last),
                        crate::python::ast::BoolOp::Or if t => return Ok(last),
                        _ => {}
                    }
                }
                last
            }
            ExprKind::Compare(a, rest) => {
                let mut l = self.eval_simple(a, f)?;
                for (op, e) in rest {
                    let r = self.eval_simple(e, f)?;
                    if !ops::compare(self, *op, &l, &r)? {
                        return Ok(Value::Bool(false));
                    }
                    l = r;
                }
                Value::Bool(true)
            }
            ExprKind::IfExp { test, body, orelse } => {
                let t = self.eval_simple(test, f)?;
                if ops::truthy(self, &t)? {
                    return self.eval_simple(body, f);
                }
                return self.eval_simple(orelse, f);
            }
            _ => {
                return Err(Exc::new(
                    T::RuntimeError,
                    "internal: not a simple expression",
                ))
            }
        })
    }

    fn simple_items(self: &Rc<Self>, items: &[Expr], f: &Rc<Frame>) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(items.len());
        for it in items {
            if let ExprKind::Starred(inner) = &it.kind {
                let v = self.eval_simple(inner, f)?;
                out.extend(ops::to_vec(self, &v)?);
            } else {
                out.push(self.eval_simple(it, f)?);
            }
        }
        Ok(out)
    }

    /// `!r`, `!s`, `!a` then `format(v, spec)`.
    pub fn convert(self: &Rc<Self>, v: Value, conv: Option<char>, spec: &str) -> PyResult<String> {
        let v = match conv {
            Some('r') => Value::Str(Rc::from(ops::repr(self, &v)?)),
            Some('s') => Value::Str(Rc::from(ops::str_of(self, &v)?)),
            Some('a') => Value::Str(Rc::from(ops::ascii(&ops::repr(self, &v)?))),
            _ => v,
        };
        ops::format_value(self, &v, spec)
    }

    fn eval_complex<'a>(
        self: &'a Rc<Self>,
        e: &'a Expr,
        f: &'a Rc<Frame>,
    ) -> LocalBoxFuture<'a, PyResult<Value>> {
        Box::pin(async move {
            Ok(match &e.kind {
                ExprKind::Call(func, args) => {
                    if args.is_empty() {
                        if let ExprKind::Name(n) = &func.kind {
                            if &**n == "super" {
                                if let Ok(Value::Class(c)) = self.lookup(f, n) {
                                    if c.builtin
                                        == Some(crate::python::builtins::Builtin::Type(T::Super))
                                    {
                                        return self.zero_arg_super(f);
                                    }
                                }
                            }
                        }
                    }
                    let fv = self.eval(func, f).await?;
                    let (pos, kw) = self.eval_args(args, f).await?;
                    return self.finish_call(e, func, fv, pos, kw, f).await;
                }
                ExprKind::Await(x) => {
                    let v = self.eval(x, f).await?;
                    f.line.set(e.pos.line);
                    let user = Rc::ptr_eq(&f.globals, &self.globals);
                    if user {
                        self.line.set(e.pos.line);
                    }
                    let r = self.await_value(v).await;
                    if user {
                        self.line.set(f.line.get());
                    }
                    return r;
                }
                ExprKind::Lambda(def) => return self.make_function(def, f).await,
                ExprKind::NamedExpr(n, v) => {
                    let v = self.eval(v, f).await?;
                    self.store(f, n, v.clone())?;
                    v
                }
                ExprKind::Yield(v) => {
                    let v = match v {
                        Some(x) => self.eval(x, f).await?,
                        None => Value::None,
                    };
                    return self.yield_value(v, f).await;
                }
                ExprKind::YieldFrom(x) => {
                    let v = self.eval(x, f).await?;
                    return self.yield_from(v, f).await;
                }
                ExprKind::GeneratorExp(elt, gens) => return self.genexp(e, elt, gens, f).await,
                // Compound nodes with a non-simple child.
                ExprKind::ListComp(..)
                | ExprKind::SetComp(..)
                | ExprKind::DictComp(..)
                | ExprKind::FString(_)
                | ExprKind::Dict(_)
                | ExprKind::Slice(..) => return self.eval_rare(e, f).await,
                ExprKind::List(items) => Value::list(self.items(items, f).await?),
                ExprKind::Tuple(items) => Value::tuple(self.items(items, f).await?),
                ExprKind::Set(items) => {
                    let v = self.items(items, f).await?;
                    ops::make_set(self, v)?
                }
                ExprKind::Attribute(obj, attr) => {
                    let o = self.eval(obj, f).await?;
                    return ops::getattr(self, &o, attr);
                }
                ExprKind::Subscript(obj, idx) => {
                    let o = self.eval(obj, f).await?;
                    let i = self.eval(idx, f).await?;
                    return ops::getitem(self, &o, &i);
                }
                ExprKind::BinOp(a, op, b) => {
                    let l = self.eval(a, f).await?;
                    let r = self.eval(b, f).await?;
                    return ops::binop(self, *op, l, r);
                }
                ExprKind::UnaryOp(op, a) => {
                    let v = self.eval(a, f).await?;
                    return ops::unary(self, *op, v);
                }
                ExprKind::BoolOp(op, items) => {
                    let mut last = Value::None;
                    for (i, it) in items.iter().enumerate() {
                        last = self.eval(it, f).await?;
                        if i + 1 == items.len() {
                            break;
                        }
                        let t = ops::truthy(self, &last)?;
                        match op {
                            crate::python::ast::BoolOp::And if !t => return Ok(last),
                            crate::python::ast::BoolOp::Or if t => return Ok(last),
                            _ => {}
                        }
                    }
                    last
                }
                ExprKind::Compare(a, rest) => {
                    let mut l = self.eval(a, f).await?;
                    for (op, e) in rest {
                        let r = self.eval(e, f).await?;
                        if !ops::compare(self, *op, &l, &r)? {
                            return Ok(Value::Bool(false));
                        }
                        l = r;
                    }
                    Value::Bool(true)
                }
                ExprKind::IfExp { test, body, orelse } => {
                    let t = self.eval(test, f).await?;
                    if ops::truthy(self, &t)? {
                        return self.eval(body, f).await;
                    }
                    return self.eval(orelse, f).await;
                }
                ExprKind::Starred(_) => {
                    return Err(Exc::new(T::TypeError, "can't use starred expression here"))
                }
                _ => return self.eval_simple(e, f),
            })
        })
    }

    /// The less common compound expressions (comprehensions, f-strings,
    /// dict displays, slices), apart from [`Self::eval_complex`] so that its
    /// poll, on every level of a recursion, keeps a small stack frame.
    #[inline(never)]
    fn eval_rare<'a>(
        self: &'a Rc<Self>,
        e: &'a Expr,
        f: &'a Rc<Frame>,
    ) -> LocalBoxFuture<'a, PyResult<Value>> {
        Box::pin(async move {
            Ok(match &e.kind {
                ExprKind::ListComp(elt, gens) => {
                    let cf = self.comp_frame(gens, f);
                    let out = RefCell::new(Vec::new());
                    self.comp_loop(
                        gens,
                        0,
                        &cf,
                        f,
                        &mut |v| {
                            out.borrow_mut().push(v);
                            Ok(())
                        },
                        elt,
                        None,
                    )
                    .await?;
                    Value::list(out.into_inner())
                }
                ExprKind::SetComp(elt, gens) => {
                    let cf = self.comp_frame(gens, f);
                    let out = RefCell::new(Vec::new());
                    self.comp_loop(
                        gens,
                        0,
                        &cf,
                        f,
                        &mut |v| {
                            out.borrow_mut().push(v);
                            Ok(())
                        },
                        elt,
                        None,
                    )
                    .await?;
                    ops::make_set(self, out.into_inner())?
                }
                ExprKind::DictComp(k, v, gens) => {
                    let cf = self.comp_frame(gens, f);
                    let out = RefCell::new(Vec::new());
                    self.comp_loop(
                        gens,
                        0,
                        &cf,
                        f,
                        &mut |kv| {
                            out.borrow_mut().push(kv);
                            Ok(())
                        },
                        k,
                        Some(v),
                    )
                    .await?;
                    let mut d = Dict::new();
                    for pair in out.into_inner() {
                        if let Value::Tuple(t) = pair {
                            if t.len() == 2 {
                                ops::dict_set(self, &mut d, t[0].clone(), t[1].clone())?;
                            }
                        }
                    }
                    Value::dict(d)
                }
                ExprKind::FString(parts) => {
                    let mut out = String::new();
                    for p in parts {
                        match p {
                            FPart::Lit(s) => out.push_str(s),
                            FPart::Field {
                                expr,
                                conversion,
                                spec,
                                debug,
                            } => {
                                let v = self.eval(expr, f).await?;
                                let mut s = String::new();
                                if let Some(parts) = spec {
                                    for sp in parts {
                                        match sp {
                                            FPart::Lit(l) => s.push_str(l),
                                            FPart::Field {
                                                expr, conversion, ..
                                            } => {
                                                let v = self.eval(expr, f).await?;
                                                s.push_str(&self.convert(v, *conversion, "")?);
                                            }
                                        }
                                    }
                                }
                                if let Some(d) = debug {
                                    out.push_str(d);
                                }
                                let conv = match (conversion, debug, s.is_empty()) {
                                    (None, Some(_), true) => Some('r'),
                                    (c, _, _) => *c,
                                };
                                out.push_str(&self.convert(v, conv, &s)?);
                            }
                        }
                    }
                    Value::Str(Rc::from(out))
                }
                ExprKind::Dict(items) => {
                    let mut d = Dict::new();
                    for (k, v) in items {
                        match k {
                            Some(k) => {
                                let kv = self.eval(k, f).await?;
                                let vv = self.eval(v, f).await?;
                                ops::dict_set(self, &mut d, kv, vv)?;
                            }
                            None => {
                                let vv = self.eval(v, f).await?;
                                ops::dict_update(self, &mut d, &vv)?;
                            }
                        }
                    }
                    Value::dict(d)
                }
                ExprKind::Slice(a, b, c) => {
                    let mut parts = Vec::new();
                    for x in [a, b, c] {
                        parts.push(match x {
                            Some(e) => self.eval(e, f).await?,
                            None => Value::None,
                        });
                    }
                    let c = parts.pop().unwrap_or(Value::None);
                    let b = parts.pop().unwrap_or(Value::None);
                    let a = parts.pop().unwrap_or(Value::None);
                    Value::Slice(Rc::new((a, b, c)))
                }
                _ => return self.eval_simple(e, f),
            })
        })
    }

    /// `super()` inside a method: its class and its first argument.
    fn zero_arg_super(self: &Rc<Self>, f: &Rc<Frame>) -> PyResult<Value> {
        let err = || Exc::new(T::RuntimeError, "super(): no arguments");
        let func = f.function().ok_or_else(err)?;
        let owner = func
            .owner
            .borrow()
            .as_ref()
            .and_then(Weak::upgrade)
            .ok_or_else(|| Exc::new(T::RuntimeError, "super(): __class__ cell not found"))?;
        let p = &func.def.params;
        let first = p.posonly.first().or(p.args.first()).ok_or_else(err)?;
        let mut fr: &Frame = f;
        while let FrameKind::Comp(_) = fr.kind {
            match &fr.outer {
                Some(o) => fr = o,
                None => break,
            }
        }
        let obj = fr.scope.get(&first.name).ok_or_else(err)?;
        Ok(Value::Super(Rc::new((owner, obj))))
    }

    async fn items(self: &Rc<Self>, items: &[Expr], f: &Rc<Frame>) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(items.len());
        for it in items {
            if let ExprKind::Starred(inner) = &it.kind {
                let v = self.eval(inner, f).await?;
                out.extend(ops::to_vec(self, &v)?);
            } else {
                out.push(self.eval(it, f).await?);
            }
        }
        Ok(out)
    }

    /// Evaluates call arguments.
    pub async fn eval_args(
        self: &Rc<Self>,
        args: &[Arg],
        f: &Rc<Frame>,
    ) -> PyResult<(Vec<Value>, Vec<(Name, Value)>)> {
        let mut pos = Vec::with_capacity(args.len());
        let mut kw = Vec::new();
        for a in args {
            match a {
                Arg::Pos(e) => pos.push(self.eval(e, f).await?),
                Arg::Star(e) => {
                    let v = self.eval(e, f).await?;
                    pos.extend(ops::to_vec(self, &v)?);
                }
                Arg::Kw(n, e) => kw.push((n.clone(), self.eval(e, f).await?)),
                Arg::StarStar(e) => {
                    let v = self.eval(e, f).await?;
                    let Value::Dict(d) = &v else {
                        return Err(Exc::new(
                            T::TypeError,
                            format!(
                                "argument after ** must be a mapping, not {}",
                                ops::type_name(&v)
                            ),
                        ));
                    };
                    for (k, v) in d.borrow().items() {
                        match k {
                            Value::Str(s) => kw.push((s.clone(), v.clone())),
                            _ => return Err(Exc::new(T::TypeError, "keywords must be strings")),
                        }
                    }
                }
            }
        }
        Ok((pos, kw))
    }

    fn comp_frame(self: &Rc<Self>, gens: &[Comprehension], f: &Rc<Frame>) -> Rc<Frame> {
        let targets: Vec<&Expr> = gens.iter().map(|g| &g.target).collect();
        let info = Rc::new(super::scope::comp_targets(&targets));
        Rc::new(Frame {
            scope: Scope::new(Some(f.scope.clone())),
            kind: FrameKind::Comp(info),
            globals: f.globals.clone(),
            gen: f.gen.clone(),
            name: "<listcomp>".into(),
            line: Cell::new(f.line.get()),
            handling: RefCell::new(Vec::new()),
            outer: Some(f.clone()),
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn comp_loop<'a>(
        self: &'a Rc<Self>,
        gens: &'a [Comprehension],
        i: usize,
        cf: &'a Rc<Frame>,
        outer: &'a Rc<Frame>,
        sink: &'a mut dyn FnMut(Value) -> PyResult<()>,
        elt: &'a Expr,
        val: Option<&'a Expr>,
    ) -> LocalBoxFuture<'a, PyResult<()>> {
        Box::pin(async move {
            let Some(g) = gens.get(i) else {
                let k = self.eval(elt, cf).await?;
                let v = match val {
                    Some(v) => Value::tuple(vec![k, self.eval(v, cf).await?]),
                    None => k,
                };
                return sink(v);
            };
            // The first iterable is evaluated in the enclosing scope.
            let src = if i == 0 {
                self.eval(&g.iter, outer).await?
            } else {
                self.eval(&g.iter, cf).await?
            };
            if g.is_async {
                let aiter = self.call_method(&src, "__aiter__", Vec::new()).await?;
                loop {
                    let aw = self.call_method(&aiter, "__anext__", Vec::new()).await?;
                    let v = match self.await_value(aw).await {
                        Ok(v) => v,
                        Err(e) if e.is(T::StopAsyncIteration) => break,
                        Err(e) => return Err(e),
                    };
                    self.assign(&g.target, v, cf).await?;
                    if self.comp_filters(g, cf).await? {
                        self.comp_loop(gens, i + 1, cf, outer, sink, elt, val)
                            .await?;
                    }
                }
            } else {
                let it = ops::iter(self, &src)?;
                while let Some(v) = ops::next(self, &it)? {
                    self.assign(&g.target, v, cf).await?;
                    if self.comp_filters(g, cf).await? {
                        self.comp_loop(gens, i + 1, cf, outer, sink, elt, val)
                            .await?;
                    }
                    self.tick()?;
                }
            }
            Ok(())
        })
    }

    async fn comp_filters(self: &Rc<Self>, g: &Comprehension, cf: &Rc<Frame>) -> PyResult<bool> {
        for c in &g.ifs {
            let t = self.eval(c, cf).await?;
            if !ops::truthy(self, &t)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    async fn genexp(
        self: &Rc<Self>,
        e: &Expr,
        elt: &Expr,
        gens: &[Comprehension],
        f: &Rc<Frame>,
    ) -> PyResult<Value> {
        let is_async = gens.iter().any(|g| g.is_async)
            || matches!(elt.kind, ExprKind::Await(_))
            || !elt.simple && contains_await(elt);
        // The first iterable now, in this scope; the rest lazily.
        let first = self.eval(&gens[0].iter, f).await?;
        let first = if gens[0].is_async {
            first
        } else {
            ops::iter(self, &first)?
        };
        let kind = if is_async {
            CoroKind::AsyncGenerator
        } else {
            CoroKind::Generator
        };
        let coro = Rc::new(self.new_coro(
            kind,
            "<genexpr>".into(),
            "<genexpr>".into(),
            "<genexpr>".into(),
            e.pos.line,
            false,
        ));
        let cf = self.comp_frame(gens, f);
        let cf = Rc::new(Frame {
            scope: cf.scope.clone(),
            kind: cf.kind.clone(),
            globals: cf.globals.clone(),
            gen: Some(Rc::downgrade(&coro)),
            name: "<genexpr>".into(),
            line: Cell::new(e.pos.line),
            handling: RefCell::new(Vec::new()),
            outer: Some(f.clone()),
        });
        let me = self.clone();
        let elt = Rc::new(elt.clone());
        let gens: Rc<[Comprehension]> = Rc::from(gens.to_vec());
        let body = async move {
            let mut rest = gens.to_vec();
            rest[0].iter = Expr::new(rest[0].iter.pos, ExprKind::Name(Rc::from(".0")));
            cf.scope.set(Rc::from(".0"), first);
            let mut info = match &cf.kind {
                FrameKind::Comp(i) => crate::python::value::ScopeInfo {
                    locals: i.locals.clone(),
                    ..Default::default()
                },
                _ => Default::default(),
            };
            info.locals.insert(Rc::from(".0"), ());
            let cf = Rc::new(Frame {
                scope: cf.scope.clone(),
                kind: FrameKind::Comp(Rc::new(info)),
                globals: cf.globals.clone(),
                gen: cf.gen.clone(),
                name: "<genexpr>".into(),
                line: Cell::new(cf.line.get()),
                handling: RefCell::new(Vec::new()),
                outer: cf.outer.clone(),
            });
            me.genexp_loop(&rest, 0, &cf, &elt).await?;
            Ok(Value::None)
        };
        *coro.body.borrow_mut() = Some(Box::pin(body));
        Ok(Value::Coro(coro))
    }

    fn genexp_loop<'a>(
        self: &'a Rc<Self>,
        gens: &'a [Comprehension],
        i: usize,
        cf: &'a Rc<Frame>,
        elt: &'a Expr,
    ) -> LocalBoxFuture<'a, PyResult<()>> {
        Box::pin(async move {
            let Some(g) = gens.get(i) else {
                let v = self.eval(elt, cf).await?;
                self.yield_value(v, cf).await?;
                return Ok(());
            };
            let src = self.eval(&g.iter, cf).await?;
            if g.is_async {
                let aiter = self.call_method(&src, "__aiter__", Vec::new()).await?;
                loop {
                    let aw = self.call_method(&aiter, "__anext__", Vec::new()).await?;
                    let v = match self.await_value(aw).await {
                        Ok(v) => v,
                        Err(e) if e.is(T::StopAsyncIteration) => break,
                        Err(e) => return Err(e),
                    };
                    self.assign(&g.target, v, cf).await?;
                    if self.comp_filters(g, cf).await? {
                        self.genexp_loop(gens, i + 1, cf, elt).await?;
                    }
                }
            } else {
                let it = ops::iter(self, &src)?;
                while let Some(v) = ops::next(self, &it)? {
                    self.assign(&g.target, v, cf).await?;
                    if self.comp_filters(g, cf).await? {
                        self.genexp_loop(gens, i + 1, cf, elt).await?;
                    }
                }
            }
            Ok(())
        })
    }

    /// `yield v` in the generator that frame `f` runs.
    pub async fn yield_value(self: &Rc<Self>, v: Value, f: &Rc<Frame>) -> PyResult<Value> {
        let Some(gen) = f.gen.as_ref().and_then(Weak::upgrade) else {
            return Err(Exc::new(T::RuntimeError, "yield outside a generator"));
        };
        *gen.yielded.borrow_mut() = Some(v);
        drop(gen);
        Suspend::default().await;
        let Some(gen) = f.gen.as_ref().and_then(Weak::upgrade) else {
            return Ok(Value::None);
        };
        if let Some(e) = gen.thrown.borrow_mut().take() {
            return Err(e);
        }
        let sent = gen.sent.borrow_mut().take();
        Ok(sent.unwrap_or(Value::None))
    }

    async fn yield_from(self: &Rc<Self>, v: Value, f: &Rc<Frame>) -> PyResult<Value> {
        if let Value::Coro(sub) = &v {
            if sub.kind == CoroKind::Generator {
                let mut sent = Value::None;
                let mut thrown: Option<Exc> = None;
                loop {
                    match sub.resume(sent, thrown.take())? {
                        Resumed::Yielded(y) => match self.yield_value(y, f).await {
                            Ok(s) => sent = s,
                            Err(e) => {
                                sent = Value::None;
                                thrown = Some(e);
                            }
                        },
                        Resumed::Returned(r) => return Ok(r),
                        Resumed::Suspended => {
                            return Err(Exc::new(T::RuntimeError, "generator suspended"))
                        }
                    }
                }
            }
        }
        let it = ops::iter(self, &v)?;
        while let Some(x) = ops::next(self, &it)? {
            self.yield_value(x, f).await?;
        }
        Ok(Value::None)
    }

    /// A coroutine-like object (its body is set by the caller).
    pub fn new_coro(
        &self,
        kind: CoroKind,
        name: Rc<str>,
        qualname: Rc<str>,
        call: Rc<str>,
        def_line: u32,
        user: bool,
    ) -> Coro {
        Coro {
            kind,
            name,
            qualname,
            call,
            call_text: RefCell::new(None),
            def_line,
            user,
            body: RefCell::new(None),
            started: Cell::new(false),
            finished: Cell::new(false),
            running: Cell::new(false),
            yielded: RefCell::new(None),
            sent: RefCell::new(None),
            thrown: RefCell::new(None),
            lane: Cell::new(None),
            warnings: self.warnings.clone(),
            owned: Cell::new(!user),
            hooked: Cell::new(false),
        }
    }
}

/// `a.b.c` for an attribute chain of names.
fn dotted(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Name(n) => Some(n.to_string()),
        ExprKind::Attribute(inner, attr) => Some(format!("{}.{attr}", dotted(inner)?)),
        _ => None,
    }
}

/// Whether `e` holds an `await` anywhere inside (a generator expression
/// with one is an async generator). A simple expression holds none.
fn contains_await(e: &Expr) -> bool {
    if e.simple {
        return false;
    }
    let any = |v: &[Expr]| v.iter().any(contains_await);
    let opt = |e: &Option<Box<Expr>>| e.as_deref().is_some_and(contains_await);
    let comps = |gens: &[Comprehension]| {
        gens.iter()
            .any(|g| contains_await(&g.target) || contains_await(&g.iter) || any(&g.ifs))
    };
    match &e.kind {
        ExprKind::Await(_) => true,
        ExprKind::FString(parts) => fparts_await(parts),
        ExprKind::List(v) | ExprKind::Tuple(v) | ExprKind::Set(v) | ExprKind::BoolOp(_, v) => {
            any(v)
        }
        ExprKind::Dict(items) => items
            .iter()
            .any(|(k, v)| k.as_ref().is_some_and(contains_await) || contains_await(v)),
        ExprKind::Starred(a)
        | ExprKind::Attribute(a, _)
        | ExprKind::UnaryOp(_, a)
        | ExprKind::YieldFrom(a)
        | ExprKind::NamedExpr(_, a) => contains_await(a),
        ExprKind::Yield(a) => opt(a),
        ExprKind::Subscript(a, b) | ExprKind::BinOp(a, _, b) => {
            contains_await(a) || contains_await(b)
        }
        ExprKind::Slice(a, b, c) => opt(a) || opt(b) || opt(c),
        ExprKind::Call(func, args) => {
            contains_await(func)
                || args.iter().any(|a| match a {
                    Arg::Pos(e) | Arg::Star(e) | Arg::Kw(_, e) | Arg::StarStar(e) => {
                        contains_await(e)
                    }
                })
        }
        ExprKind::Compare(a, rest) => {
            contains_await(a) || rest.iter().any(|(_, e)| contains_await(e))
        }
        ExprKind::IfExp { test, body, orelse } => {
            contains_await(test) || contains_await(body) || contains_await(orelse)
        }
        ExprKind::ListComp(a, gens)
        | ExprKind::SetComp(a, gens)
        | ExprKind::GeneratorExp(a, gens) => contains_await(a) || comps(gens),
        ExprKind::DictComp(a, b, gens) => contains_await(a) || contains_await(b) || comps(gens),
        // `await` in a lambda is a syntax error the parser reports.
        ExprKind::Lambda(_) => false,
        _ => false,
    }
}

fn fparts_await(parts: &[FPart]) -> bool {
    parts.iter().any(|p| match p {
        FPart::Lit(_) => false,
        FPart::Field { expr, spec, .. } => {
            contains_await(expr) || spec.as_deref().is_some_and(fparts_await)
        }
    })
}
