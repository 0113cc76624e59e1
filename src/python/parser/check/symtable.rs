//! The first pass: CPython's symbol table (`Python/symtable.c`): each
//! scope's names and their kinds; `global`/`nonlocal` rules, duplicate
//! arguments, `yield` in comprehensions, walrus rules.

use super::*;

pub(super) const DEF_LOCAL: u32 = 1;
pub(super) const DEF_PARAM: u32 = 2;
pub(super) const USE: u32 = 4;
pub(super) const DEF_ANNOT: u32 = 8;
pub(super) const DEF_GLOBAL: u32 = 16;
pub(super) const DEF_NONLOCAL: u32 = 32;
pub(super) const DEF_COMP_ITER: u32 = 64;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Block {
    Module,
    Function { is_async: bool },
    Lambda,
    Class,
    Comp { kind: CompKind },
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

impl CompKind {
    pub(super) fn name(self) -> &'static str {
        match self {
            CompKind::List => "list comprehension",
            CompKind::Set => "set comprehension",
            CompKind::Dict => "dict comprehension",
            CompKind::Gen => "generator expression",
        }
    }
}

pub(super) struct Scope {
    pub(super) block: Block,
    pub(super) symbols: Vec<(Name, u32)>,
    pub(super) directives: Vec<(Name, Pos)>,
    pub(super) children: Vec<usize>,
    pub(super) comp_iter_expr: u32,
    /// Has `await` or `async for` (comprehensions: it is asynchronous).
    pub(super) coroutine: bool,
}

impl Scope {
    pub(super) fn new(block: Block) -> Self {
        Scope {
            block,
            symbols: Vec::new(),
            directives: Vec::new(),
            children: Vec::new(),
            comp_iter_expr: 0,
            coroutine: false,
        }
    }

    pub(super) fn flags(&self, n: &str) -> u32 {
        self.symbols
            .iter()
            .find(|(m, _)| &**m == n)
            .map_or(0, |(_, f)| *f)
    }

    pub(super) fn add(&mut self, n: &Name, f: u32) {
        match self.symbols.iter_mut().find(|(m, _)| m == n) {
            Some((_, g)) => *g |= f,
            None => self.symbols.push((n.clone(), f)),
        }
    }
}

pub(super) struct Symtable<'s> {
    pub(super) scopes: Vec<Scope>,
    pub(super) stack: Vec<usize>,
    pub(super) side: &'s Side,
}

impl Symtable<'_> {
    pub(super) fn cur(&mut self) -> &mut Scope {
        let i = self.stack.last().copied().unwrap_or(0);
        &mut self.scopes[i]
    }

    pub(super) fn cur_ix(&self) -> usize {
        self.stack.last().copied().unwrap_or(0)
    }

    pub(super) fn enter(&mut self, block: Block) -> usize {
        let ix = self.scopes.len();
        self.scopes.push(Scope::new(block));
        let parent = self.cur_ix();
        self.scopes[parent].children.push(ix);
        self.stack.push(ix);
        ix
    }

    pub(super) fn exit(&mut self) {
        self.stack.pop();
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

    pub(super) fn stmt(&mut self, s: &Stmt) -> CResult {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign { targets, value } => {
                for t in targets {
                    self.target(t, DEF_LOCAL)?;
                }
                self.expr(value)
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.target(target, DEF_LOCAL)?;
                self.expr(value)
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                if let ExprKind::Name(n) = &target.kind {
                    let cur = self.cur().flags(n);
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && self.cur_ix() != 0 {
                        let what = if cur & DEF_GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return Err(err(s.pos, format!("annotated name '{n}' can't be {what}")));
                    }
                    self.cur().add(n, DEF_ANNOT | DEF_LOCAL);
                } else {
                    self.target(target, DEF_LOCAL)?;
                }
                self.expr(annotation)?;
                self.opt(value)
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => Ok(()),
            StmtKind::Return(v) => self.opt(v),
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.body(body)?;
                self.body(orelse)
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.target(target, DEF_LOCAL)?;
                self.expr(iter)?;
                self.body(body)?;
                self.body(orelse)
            }
            StmtKind::With { items, body, .. } => {
                for i in items {
                    self.expr(&i.context)?;
                    if let Some(v) = &i.var {
                        self.target(v, DEF_LOCAL)?;
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
                    if let Some(n) = &h.name {
                        self.cur().add(n, DEF_LOCAL);
                    }
                    self.body(&h.body)?;
                }
                self.body(orelse)?;
                self.body(finalbody)
            }
            StmtKind::Raise { exc, cause } => {
                self.opt(exc)?;
                self.opt(cause)
            }
            StmtKind::FunctionDef(f) => {
                self.cur().add(&f.name, DEF_LOCAL);
                self.defaults(&f.params)?;
                self.annotations(&f.params)?;
                self.opt(&f.returns)?;
                for d in &f.decorators {
                    self.expr(d)?;
                }
                self.enter(Block::Function {
                    is_async: f.is_async,
                });
                self.params(f)?;
                self.body(&f.body)?;
                self.exit();
                Ok(())
            }
            StmtKind::ClassDef(c) => {
                self.cur().add(&c.name, DEF_LOCAL);
                for b in &c.bases {
                    self.expr(b)?;
                }
                for (_, k) in &c.keywords {
                    self.expr(k)?;
                }
                for d in &c.decorators {
                    self.expr(d)?;
                }
                self.enter(Block::Class);
                self.body(&c.body)?;
                self.exit();
                Ok(())
            }
            StmtKind::Import(names) => {
                for a in names {
                    let n: Name = match &a.asname {
                        Some(n) => n.clone(),
                        None => a.name.split('.').next().unwrap_or("").into(),
                    };
                    self.cur().add(&n, DEF_LOCAL);
                }
                Ok(())
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if &*a.name == "*" {
                        continue;
                    }
                    let n = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.cur().add(&n, DEF_LOCAL);
                }
                Ok(())
            }
            StmtKind::Global(names) | StmtKind::Nonlocal(names) => {
                let global = matches!(s.kind, StmtKind::Global(_));
                let what = if global { "global" } else { "nonlocal" };
                for n in names {
                    let cur = self.cur().flags(n);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{n}' is parameter and {what}")
                        } else if cur & USE != 0 {
                            format!("name '{n}' is used prior to {what} declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{n}' can't be {what}")
                        } else {
                            format!("name '{n}' is assigned to before {what} declaration")
                        };
                        return Err(err(s.pos, msg));
                    }
                    let flag = if global { DEF_GLOBAL } else { DEF_NONLOCAL };
                    let scope = self.cur();
                    scope.add(n, flag);
                    scope.directives.push((n.clone(), s.pos));
                }
                Ok(())
            }
            StmtKind::Delete(v) => {
                for t in v {
                    self.target(t, DEF_LOCAL)?;
                }
                Ok(())
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                self.opt(msg)
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for c in cases {
                    let mut names = Vec::new();
                    let mut exprs = Vec::new();
                    crate::python::parser::pattern::pattern_parts(
                        &c.pattern, &mut names, &mut exprs,
                    );
                    for e in exprs {
                        self.expr(e)?;
                    }
                    for n in names {
                        self.cur().add(n, DEF_LOCAL);
                    }
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
            self.opt(&a.annotation)?;
        }
        Ok(())
    }

    pub(super) fn params(&mut self, f: &FunctionDef) -> CResult {
        if let Some(e) = self.side.dup_params.get(&f.pos) {
            return Err(e.clone());
        }
        let p = &f.params;
        for a in p
            .posonly
            .iter()
            .chain(&p.args)
            .chain(&p.vararg)
            .chain(&p.kwonly)
            .chain(&p.kwarg)
        {
            self.cur().add(&a.name, DEF_PARAM);
        }
        Ok(())
    }

    pub(super) fn target(&mut self, e: &Expr, flag: u32) -> CResult {
        match &e.kind {
            ExprKind::Name(n) => {
                self.cur().add(n, flag);
                Ok(())
            }
            ExprKind::Tuple(v) | ExprKind::List(v) => {
                for x in v {
                    self.target(x, flag)?;
                }
                Ok(())
            }
            ExprKind::Starred(x) => self.target(x, flag),
            _ => self.expr(e),
        }
    }

    pub(super) fn exprs(&mut self, v: &[Expr]) -> CResult {
        for e in v {
            self.expr(e)?;
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

    pub(super) fn in_comprehension(&self) -> Option<CompKind> {
        match self.scopes.get(self.cur_ix()).map(|s| s.block) {
            Some(Block::Comp { kind }) => Some(kind),
            _ => None,
        }
    }

    pub(super) fn expr(&mut self, e: &Expr) -> CResult {
        use ExprKind::*;
        match &e.kind {
            Name(n) => {
                self.cur().add(n, USE);
                Ok(())
            }
            Int(_) | BigInt(_) | Float(_) | Imag(_) | Str(_) | Bytes(_) | Bool(_) | NoneLit
            | Ellipsis => Ok(()),
            FString(parts) => self.parts(parts),
            List(v) | Tuple(v) | Set(v) => self.exprs(v),
            Dict(items) => {
                for (k, v) in items {
                    if let Some(k) = k {
                        self.expr(k)?;
                    }
                    self.expr(v)?;
                }
                Ok(())
            }
            Starred(x) | Attribute(x, _) | UnaryOp(_, x) => self.expr(x),
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
            BoolOp(_, v) => self.exprs(v),
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
                self.enter(Block::Lambda);
                self.params(f)?;
                self.body(&f.body)?;
                self.exit();
                Ok(())
            }
            Await(x) => {
                self.expr(x)?;
                self.cur().coroutine = true;
                Ok(())
            }
            Yield(x) => {
                if let Some(x) = x {
                    self.expr(x)?;
                }
                if let Some(k) = self.in_comprehension() {
                    return Err(err(e.pos, format!("'yield' inside {}", k.name())));
                }
                Ok(())
            }
            YieldFrom(x) => {
                self.expr(x)?;
                if let Some(k) = self.in_comprehension() {
                    return Err(err(e.pos, format!("'yield' inside {}", k.name())));
                }
                Ok(())
            }
            ListComp(elt, gens) => self.comprehension(CompKind::List, &[&**elt], gens),
            SetComp(elt, gens) => self.comprehension(CompKind::Set, &[&**elt], gens),
            GeneratorExp(elt, gens) => self.comprehension(CompKind::Gen, &[&**elt], gens),
            DictComp(k, v, gens) => self.comprehension(CompKind::Dict, &[&**k, &**v], gens),
            NamedExpr(n, v) => {
                if self.cur().comp_iter_expr > 0 {
                    return Err(err(
                        e.pos,
                        "assignment expression cannot be used in a comprehension iterable expression",
                    ));
                }
                self.expr(v)?;
                if self.in_comprehension().is_some() {
                    // Rebinding an iteration variable of any enclosing comprehension.
                    let mut target = None;
                    for &ix in self.stack.iter().rev() {
                        let s = &self.scopes[ix];
                        match s.block {
                            Block::Comp { .. } => {
                                if s.flags(n) & DEF_COMP_ITER != 0 {
                                    return Err(err(
                                        e.pos,
                                        format!("assignment expression cannot rebind comprehension iteration variable '{n}'"),
                                    ));
                                }
                            }
                            Block::Class => {
                                return Err(err(
                                    e.pos,
                                    "assignment expression within a comprehension cannot be used in a class body",
                                ))
                            }
                            _ => {
                                target = Some(ix);
                                break;
                            }
                        }
                    }
                    if let Some(ix) = target {
                        self.scopes[ix].add(n, DEF_LOCAL);
                    }
                    let cur = self.cur_ix();
                    self.scopes[cur].add(n, USE);
                } else {
                    self.cur().add(n, DEF_LOCAL);
                }
                Ok(())
            }
        }
    }

    pub(super) fn comprehension(
        &mut self,
        kind: CompKind,
        elts: &[&Expr],
        gens: &[Comprehension],
    ) -> CResult {
        let Some(first) = gens.first() else {
            return Ok(());
        };
        self.cur().comp_iter_expr += 1;
        let r = self.expr(&first.iter);
        self.cur().comp_iter_expr -= 1;
        r?;
        self.enter(Block::Comp { kind });
        if gens.iter().any(|g| g.is_async) {
            self.cur().coroutine = true;
        }
        for (i, g) in gens.iter().enumerate() {
            self.target(&g.target, DEF_LOCAL | DEF_COMP_ITER)?;
            if i > 0 {
                self.cur().comp_iter_expr += 1;
                let r = self.expr(&g.iter);
                self.cur().comp_iter_expr -= 1;
                r?;
            }
            self.exprs(&g.ifs)?;
        }
        for e in elts {
            self.expr(e)?;
        }
        self.exit();
        Ok(())
    }

    /// CPython's `analyze_block`: `nonlocal` needs a binding in an
    /// enclosing function.
    pub(super) fn analyze(&self, ix: usize, bound: Option<&[Name]>) -> CResult {
        let Some(s) = self.scopes.get(ix) else {
            return Ok(());
        };
        let directive = |n: &Name| {
            s.directives
                .iter()
                .find(|(m, _)| m == n)
                .map_or(Pos::default(), |(_, p)| *p)
        };
        for (n, f) in &s.symbols {
            if f & DEF_GLOBAL != 0 && f & DEF_NONLOCAL != 0 {
                return Err(err(
                    directive(n),
                    format!("name '{n}' is nonlocal and global"),
                ));
            }
            if f & DEF_NONLOCAL != 0 {
                match bound {
                    None => {
                        return Err(err(
                            directive(n),
                            "nonlocal declaration not allowed at module level",
                        ))
                    }
                    Some(b) if !b.contains(n) => {
                        return Err(err(
                            directive(n),
                            format!("no binding for nonlocal '{n}' found"),
                        ))
                    }
                    _ => {}
                }
            }
        }
        let mut newbound: Vec<Name> = bound.map(|b| b.to_vec()).unwrap_or_default();
        let is_function = matches!(
            s.block,
            Block::Function { .. } | Block::Lambda | Block::Comp { .. }
        );
        if is_function {
            for (n, f) in &s.symbols {
                if f & (DEF_LOCAL | DEF_PARAM) != 0
                    && f & (DEF_GLOBAL | DEF_NONLOCAL) == 0
                    && !newbound.contains(n)
                {
                    newbound.push(n.clone());
                }
            }
        }
        for &c in &s.children {
            self.analyze(c, Some(&newbound))?;
        }
        Ok(())
    }
}
