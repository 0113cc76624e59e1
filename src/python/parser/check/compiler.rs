//! The second pass: CPython's compiler checks (`Python/compile.c`):
//! `return`/`yield`/`await` placement, loops, `async` statements, starred
//! expressions, repeated keywords.

use super::*;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum UnitKind {
    Module,
    Class,
    Function { is_async: bool, async_gen: bool },
    Lambda,
    Comp,
}

pub(super) struct Unit {
    pub(super) kind: UnitKind,
    pub(super) loops: u32,
    /// The loops and `except*` blocks around the statement, innermost
    /// last (`true`: an `except*` block), for CPython's
    /// "cannot appear in an except* block".
    pub(super) blocks: Vec<bool>,
}

pub(super) const IN_EXCEPT_STAR: &str =
    "'break', 'continue' and 'return' cannot appear in an except* block";

pub(super) struct Compiler<'s> {
    pub(super) side: &'s Side,
    pub(super) units: Vec<Unit>,
    #[allow(dead_code)]
    pub(super) scope_ix: usize,
    pub(super) st: &'s Symtable<'s>,
    pub(super) next_scope: usize,
}

impl Compiler<'_> {
    pub(super) fn unit(&mut self) -> &mut Unit {
        let n = self.units.len() - 1;
        &mut self.units[n]
    }

    pub(super) fn kind(&self) -> UnitKind {
        self.units.last().map_or(UnitKind::Module, |u| u.kind)
    }

    pub(super) fn is_function_block(&self) -> bool {
        matches!(
            self.kind(),
            UnitKind::Function { .. } | UnitKind::Lambda | UnitKind::Comp
        )
    }

    pub(super) fn body(&mut self, b: &[Stmt]) -> CResult {
        for s in b {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub(super) fn opt(&mut self, e: &Option<Expr>) -> CResult {
        if let Some(e) = e {
            self.expr(e)?;
        }
        Ok(())
    }

    pub(super) fn push(&mut self, kind: UnitKind) {
        self.units.push(Unit {
            kind,
            loops: 0,
            blocks: Vec::new(),
        });
    }

    pub(super) fn pop(&mut self) {
        self.units.pop();
    }

    pub(super) fn stmt(&mut self, s: &Stmt) -> CResult {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for t in targets {
                    self.store(t)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target)?;
                self.expr(value)
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                self.opt(value)?;
                self.store(target)?;
                if !matches!(target.kind, ExprKind::Name(_))
                    || !matches!(self.kind(), UnitKind::Function { .. })
                {
                    self.expr(annotation)?;
                }
                Ok(())
            }
            StmtKind::Pass => Ok(()),
            StmtKind::Break | StmtKind::Continue if self.unit().blocks.last() == Some(&true) => {
                Err(err(s.pos, IN_EXCEPT_STAR))
            }
            StmtKind::Break => {
                if self.unit().loops == 0 {
                    return Err(err(s.pos, "'break' outside loop"));
                }
                Ok(())
            }
            StmtKind::Continue => {
                if self.unit().loops == 0 {
                    return Err(err(s.pos, "'continue' not properly in loop"));
                }
                Ok(())
            }
            StmtKind::Return(v) => {
                if !self.is_function_block() {
                    return Err(err(s.pos, "'return' outside function"));
                }
                if self.unit().blocks.contains(&true) {
                    return Err(err(v.as_ref().map_or(s.pos, |v| v.pos), IN_EXCEPT_STAR));
                }
                if v.is_some() {
                    if let UnitKind::Function {
                        async_gen: true, ..
                    } = self.kind()
                    {
                        return Err(err(s.pos, "'return' with value in async generator"));
                    }
                }
                self.opt(v)
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.body(body)?;
                self.body(orelse)
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.unit().loops += 1;
                self.unit().blocks.push(false);
                let r = self.body(body);
                self.unit().blocks.pop();
                self.unit().loops -= 1;
                r?;
                self.body(orelse)
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async && !matches!(self.kind(), UnitKind::Function { is_async: true, .. }) {
                    return Err(err(s.pos, "'async for' outside async function"));
                }
                self.expr(iter)?;
                self.store(target)?;
                self.unit().loops += 1;
                self.unit().blocks.push(false);
                let r = self.body(body);
                self.unit().blocks.pop();
                self.unit().loops -= 1;
                r?;
                self.body(orelse)
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                if *is_async && !matches!(self.kind(), UnitKind::Function { is_async: true, .. }) {
                    return Err(err(s.pos, "'async with' outside async function"));
                }
                for i in items {
                    self.expr(&i.context)?;
                    if let Some(v) = &i.var {
                        self.store(v)?;
                    }
                }
                self.body(body)
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.body(body)?;
                for h in handlers {
                    self.opt(&h.typ)?;
                    if h.star {
                        self.unit().blocks.push(true);
                    }
                    let r = self.body(&h.body);
                    if h.star {
                        self.unit().blocks.pop();
                    }
                    r?;
                }
                self.body(orelse)?;
                self.body(finalbody)
            }
            StmtKind::Raise { exc, cause } => {
                self.opt(exc)?;
                self.opt(cause)
            }
            StmtKind::FunctionDef(f) => {
                for d in &f.decorators {
                    self.expr(d)?;
                }
                self.defaults(&f.params)?;
                self.annotations(&f.params)?;
                self.opt(&f.returns)?;
                self.next_scope += 1;
                self.push(UnitKind::Function {
                    is_async: f.is_async,
                    async_gen: f.is_async && f.is_generator,
                });
                let r = self.body(&f.body);
                self.pop();
                r
            }
            StmtKind::ClassDef(c) => {
                for d in &c.decorators {
                    self.expr(d)?;
                }
                self.next_scope += 1;
                self.push(UnitKind::Class);
                let r = self.body(&c.body);
                self.pop();
                r?;
                for b in &c.bases {
                    self.expr(b)?;
                }
                for (_, k) in &c.keywords {
                    self.expr(k)?;
                }
                Ok(())
            }
            StmtKind::Import(_)
            | StmtKind::ImportFrom { .. }
            | StmtKind::Global(_)
            | StmtKind::Nonlocal(_) => Ok(()),
            StmtKind::Delete(v) => {
                for t in v {
                    self.expr_sub(t)?;
                }
                Ok(())
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                self.opt(msg)
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                let n = cases.len();
                for (i, c) in cases.iter().enumerate() {
                    crate::python::parser::pattern::check_pattern(
                        &c.pattern,
                        c.guard.is_some() || i + 1 == n,
                    )?;
                    self.opt(&c.guard)?;
                    self.body(&c.body)?;
                }
                Ok(())
            }
        }
    }

    pub(super) fn defaults(&mut self, p: &Params) -> CResult {
        for a in p.posonly.iter().chain(&p.args) {
            self.opt(&a.default)?;
        }
        for a in &p.kwonly {
            self.opt(&a.default)?;
        }
        Ok(())
    }

    pub(super) fn annotations(&mut self, p: &Params) -> CResult {
        for a in p
            .posonly
            .iter()
            .chain(&p.args)
            .chain(&p.vararg)
            .chain(&p.kwonly)
            .chain(&p.kwarg)
        {
            if let Some(x) = &a.annotation {
                // `*args: *Ts` is a starred annotation CPython accepts.
                match &x.kind {
                    ExprKind::Starred(inner) => self.expr(inner)?,
                    _ => self.expr(x)?,
                }
            }
        }
        Ok(())
    }

    /// An assignment target.
    pub(super) fn store(&mut self, e: &Expr) -> CResult {
        match &e.kind {
            ExprKind::Name(_) => Ok(()),
            ExprKind::Tuple(v) | ExprKind::List(v) => {
                let stars = v
                    .iter()
                    .filter(|x| matches!(x.kind, ExprKind::Starred(_)))
                    .count();
                if stars > 1 {
                    return Err(err(e.pos, "multiple starred expressions in assignment"));
                }
                for x in v {
                    match &x.kind {
                        ExprKind::Starred(inner) => self.store(inner)?,
                        _ => self.store(x)?,
                    }
                }
                Ok(())
            }
            ExprKind::Starred(_) => Err(err(
                e.pos,
                "starred assignment target must be in a list or tuple",
            )),
            ExprKind::Attribute(x, _) => self.expr(x),
            ExprKind::Subscript(a, b) => {
                self.expr(a)?;
                self.expr(b)
            }
            _ => self.expr(e),
        }
    }

    /// A `del` target (checked by the parser).
    pub(super) fn expr_sub(&mut self, e: &Expr) -> CResult {
        match &e.kind {
            ExprKind::Tuple(v) | ExprKind::List(v) => {
                for x in v {
                    self.expr_sub(x)?;
                }
                Ok(())
            }
            ExprKind::Name(_) => Ok(()),
            _ => self.expr(e),
        }
    }

    /// Elements of a display or call, where `*x` is allowed.
    pub(super) fn elts(&mut self, v: &[Expr]) -> CResult {
        for x in v {
            match &x.kind {
                ExprKind::Starred(inner) => self.expr(inner)?,
                _ => self.expr(x)?,
            }
        }
        Ok(())
    }

    pub(super) fn parts(&mut self, parts: &[FPart]) -> CResult {
        for p in parts {
            if let FPart::Field { expr, spec, .. } = p {
                self.expr(expr)?;
                if let Some(s) = spec {
                    self.parts(s)?;
                }
            }
        }
        Ok(())
    }

    pub(super) fn expr(&mut self, e: &Expr) -> CResult {
        use ExprKind::*;
        match &e.kind {
            Name(_) | Int(_) | BigInt(_) | Float(_) | Imag(_) | Str(_) | Bytes(_) | Bool(_)
            | NoneLit | Ellipsis => Ok(()),
            FString(parts) => self.parts(parts),
            List(v) | Tuple(v) | Set(v) => self.elts(v),
            Dict(items) => {
                for (k, v) in items {
                    if let Some(k) = k {
                        self.expr(k)?;
                    }
                    self.expr(v)?;
                }
                Ok(())
            }
            Starred(_) => Err(err(e.pos, "can't use starred expression here")),
            Attribute(x, _) | UnaryOp(_, x) => self.expr(x),
            Subscript(a, b) | BinOp(a, _, b) => {
                self.expr(a)?;
                self.expr(b)
            }
            Slice(a, b, c) => {
                for x in [a, b, c].into_iter().flatten() {
                    self.expr(x)?;
                }
                Ok(())
            }
            Call(f, args) => {
                for a in args {
                    if let Arg::Kw(_, v) = a {
                        if let Some(e) = self.side.dup_kwargs.get(&v.pos) {
                            return Err(e.clone());
                        }
                    }
                }
                self.expr(f)?;
                for a in args {
                    match a {
                        Arg::Pos(x) | Arg::Star(x) | Arg::Kw(_, x) | Arg::StarStar(x) => {
                            self.expr(x)?
                        }
                    }
                }
                Ok(())
            }
            BoolOp(_, v) => {
                for x in v {
                    self.expr(x)?;
                }
                Ok(())
            }
            Compare(a, rest) => {
                self.expr(a)?;
                for (_, x) in rest {
                    self.expr(x)?;
                }
                Ok(())
            }
            IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)
            }
            Lambda(f) => {
                self.defaults(&f.params)?;
                self.next_scope += 1;
                self.push(UnitKind::Lambda);
                let r = self.body(&f.body);
                self.pop();
                r
            }
            Await(x) => {
                if !self.is_function_block() {
                    return Err(err(e.pos, "'await' outside function"));
                }
                if !matches!(
                    self.kind(),
                    UnitKind::Function { is_async: true, .. } | UnitKind::Comp
                ) {
                    return Err(err(e.pos, "'await' outside async function"));
                }
                self.expr(x)
            }
            Yield(x) => {
                if !self.is_function_block() {
                    return Err(err(e.pos, "'yield' outside function"));
                }
                if let Some(x) = x {
                    self.expr(x)?;
                }
                Ok(())
            }
            YieldFrom(x) => {
                if !self.is_function_block() {
                    return Err(err(e.pos, "'yield' outside function"));
                }
                if let UnitKind::Function { is_async: true, .. } = self.kind() {
                    return Err(err(e.pos, "'yield from' inside async function"));
                }
                self.expr(x)
            }
            ListComp(elt, gens) | SetComp(elt, gens) | GeneratorExp(elt, gens) => {
                let gen = matches!(e.kind, GeneratorExp(..));
                self.comprehension(e, gen, &[&**elt], gens)
            }
            DictComp(k, v, gens) => self.comprehension(e, false, &[&**k, &**v], gens),
            NamedExpr(_, v) => self.expr(v),
        }
    }

    pub(super) fn comprehension(
        &mut self,
        e: &Expr,
        gen: bool,
        elts: &[&Expr],
        gens: &[Comprehension],
    ) -> CResult {
        let is_async = comp_is_async(elts, gens);
        let enclosing = self.kind();
        if is_async
            && !gen
            && !matches!(
                enclosing,
                UnitKind::Function { is_async: true, .. } | UnitKind::Comp
            )
        {
            return Err(err(
                e.pos,
                "asynchronous comprehension outside of an asynchronous function",
            ));
        }
        let _ = self.st;
        self.next_scope += 1;
        self.push(UnitKind::Comp);
        let r = (|| {
            for (i, g) in gens.iter().enumerate() {
                if i > 0 {
                    self.expr(&g.iter)?;
                }
                self.store(&g.target)?;
                for c in &g.ifs {
                    self.expr(c)?;
                }
            }
            for x in elts {
                self.expr(x)?;
            }
            Ok(())
        })();
        self.pop();
        r?;
        if let Some(first) = gens.first() {
            self.expr(&first.iter)?;
        }
        Ok(())
    }
}

/// Whether a comprehension is asynchronous: `async for`, or `await` in its
/// own scope (not in its first iterable, nor inside lambdas or generator
/// expressions; an inner asynchronous list/set/dict comprehension counts).
pub(super) fn comp_is_async(elts: &[&Expr], gens: &[Comprehension]) -> bool {
    if gens.iter().any(|g| g.is_async) {
        return true;
    }
    elts.iter().any(|e| has_await(e))
        || gens.iter().enumerate().any(|(i, g)| {
            (i > 0 && has_await(&g.iter)) || has_await(&g.target) || g.ifs.iter().any(has_await)
        })
}

pub(super) fn has_await(e: &Expr) -> bool {
    use ExprKind::*;
    if e.simple {
        return false;
    }
    match &e.kind {
        Await(_) => true,
        Name(_) | Int(_) | BigInt(_) | Float(_) | Imag(_) | Str(_) | Bytes(_) | Bool(_)
        | NoneLit | Ellipsis => false,
        FString(parts) => parts.iter().any(|p| match p {
            FPart::Lit(_) => false,
            FPart::Field { expr, spec, .. } => {
                has_await(expr)
                    || spec.as_ref().is_some_and(|s| {
                        s.iter()
                            .any(|q| matches!(q, FPart::Field { expr, .. } if has_await(expr)))
                    })
            }
        }),
        List(v) | Tuple(v) | Set(v) | BoolOp(_, v) => v.iter().any(has_await),
        Dict(items) => items
            .iter()
            .any(|(k, v)| k.as_ref().is_some_and(has_await) || has_await(v)),
        Starred(x) | Attribute(x, _) | UnaryOp(_, x) | NamedExpr(_, x) => has_await(x),
        Subscript(a, b) | BinOp(a, _, b) => has_await(a) || has_await(b),
        Slice(a, b, c) => [a, b, c].into_iter().flatten().any(|x| has_await(x)),
        Call(f, args) => {
            has_await(f)
                || args.iter().any(|a| match a {
                    Arg::Pos(x) | Arg::Star(x) | Arg::Kw(_, x) | Arg::StarStar(x) => has_await(x),
                })
        }
        Compare(a, rest) => has_await(a) || rest.iter().any(|(_, x)| has_await(x)),
        IfExp { test, body, orelse } => has_await(test) || has_await(body) || has_await(orelse),
        Lambda(_) => false,
        Yield(x) => x.as_ref().is_some_and(|x| has_await(x)),
        YieldFrom(x) => has_await(x),
        ListComp(elt, gens) | SetComp(elt, gens) => {
            gens.first().is_some_and(|g| has_await(&g.iter)) || comp_is_async(&[&**elt], gens)
        }
        DictComp(k, v, gens) => {
            gens.first().is_some_and(|g| has_await(&g.iter)) || comp_is_async(&[&**k, &**v], gens)
        }
        GeneratorExp(_, gens) => gens.first().is_some_and(|g| has_await(&g.iter)),
    }
}
