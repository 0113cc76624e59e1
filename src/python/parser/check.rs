//! CPython's compile-time checks after parsing: first its symbol table
//! (`Python/symtable.c`: `global`/`nonlocal` rules, duplicate arguments,
//! `yield` in comprehensions, walrus rules), then its compiler
//! (`Python/compile.c`: `return`/`yield`/`await` placement, loops,
//! `async` statements, starred expressions, repeated keywords).

use super::super::ast::*;
use super::super::syntax_error::SyntaxError;
use super::Side;

type CResult = Result<(), SyntaxError>;

fn err(pos: Pos, msg: impl Into<String>) -> SyntaxError {
    SyntaxError::new(msg, pos.line, pos.col + 1)
}

/// Runs both passes.
pub(crate) fn check(m: &Module, side: &Side) -> CResult {
    let mut st = Symtable {
        scopes: vec![Scope::new(Block::Module)],
        stack: vec![0],
        side,
    };
    for s in &m.body {
        st.stmt(s)?;
    }
    st.analyze(0, None)?;
    let mut c = Compiler {
        side,
        units: vec![Unit {
            kind: UnitKind::Module,
            loops: 0,
            blocks: Vec::new(),
        }],
        scope_ix: 0,
        st: &st,
        next_scope: 1,
    };
    for s in &m.body {
        c.stmt(s)?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Symbol table

const DEF_LOCAL: u32 = 1;
const DEF_PARAM: u32 = 2;
const USE: u32 = 4;
const DEF_ANNOT: u32 = 8;
const DEF_GLOBAL: u32 = 16;
const DEF_NONLOCAL: u32 = 32;
const DEF_COMP_ITER: u32 = 64;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Block {
    Module,
    Function { is_async: bool },
    Lambda,
    Class,
    Comp { kind: CompKind },
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

impl CompKind {
    fn name(self) -> &'static str {
        match self {
            CompKind::List => "list comprehension",
            CompKind::Set => "set comprehension",
            CompKind::Dict => "dict comprehension",
            CompKind::Gen => "generator expression",
        }
    }
}

struct Scope {
    block: Block,
    symbols: Vec<(Name, u32)>,
    directives: Vec<(Name, Pos)>,
    children: Vec<usize>,
    comp_iter_expr: u32,
    /// Has `await` or `async for` (comprehensions: it is asynchronous).
    coroutine: bool,
}

impl Scope {
    fn new(block: Block) -> Self {
        Scope {
            block,
            symbols: Vec::new(),
            directives: Vec::new(),
            children: Vec::new(),
            comp_iter_expr: 0,
            coroutine: false,
        }
    }

    fn flags(&self, n: &str) -> u32 {
        self.symbols
            .iter()
            .find(|(m, _)| &**m == n)
            .map_or(0, |(_, f)| *f)
    }

    fn add(&mut self, n: &Name, f: u32) {
        match self.symbols.iter_mut().find(|(m, _)| m == n) {
            Some((_, g)) => *g |= f,
            None => self.symbols.push((n.clone(), f)),
        }
    }
}

struct Symtable<'s> {
    scopes: Vec<Scope>,
    stack: Vec<usize>,
    side: &'s Side,
}

impl Symtable<'_> {
    fn cur(&mut self) -> &mut Scope {
        let i = self.stack.last().copied().unwrap_or(0);
        &mut self.scopes[i]
    }

    fn cur_ix(&self) -> usize {
        self.stack.last().copied().unwrap_or(0)
    }

    fn enter(&mut self, block: Block) -> usize {
        let ix = self.scopes.len();
        self.scopes.push(Scope::new(block));
        let parent = self.cur_ix();
        self.scopes[parent].children.push(ix);
        self.stack.push(ix);
        ix
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn body(&mut self, b: &[Stmt]) -> CResult {
        for s in b {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn opt(&mut self, e: &Option<Expr>) -> CResult {
        if let Some(e) = e {
            self.expr(e)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> CResult {
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
                    super::pattern::pattern_parts(&c.pattern, &mut names, &mut exprs);
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

    fn defaults(&mut self, p: &Params) -> CResult {
        for a in p.posonly.iter().chain(&p.args) {
            self.opt(&a.default)?;
        }
        for a in &p.kwonly {
            self.opt(&a.default)?;
        }
        Ok(())
    }

    fn annotations(&mut self, p: &Params) -> CResult {
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

    fn params(&mut self, f: &FunctionDef) -> CResult {
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

    fn target(&mut self, e: &Expr, flag: u32) -> CResult {
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

    fn exprs(&mut self, v: &[Expr]) -> CResult {
        for e in v {
            self.expr(e)?;
        }
        Ok(())
    }

    fn parts(&mut self, parts: &[FPart]) -> CResult {
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

    fn in_comprehension(&self) -> Option<CompKind> {
        match self.scopes.get(self.cur_ix()).map(|s| s.block) {
            Some(Block::Comp { kind }) => Some(kind),
            _ => None,
        }
    }

    fn expr(&mut self, e: &Expr) -> CResult {
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

    fn comprehension(&mut self, kind: CompKind, elts: &[&Expr], gens: &[Comprehension]) -> CResult {
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
    fn analyze(&self, ix: usize, bound: Option<&[Name]>) -> CResult {
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

// ---------------------------------------------------------------------------
// Compiler

#[derive(Clone, Copy, PartialEq, Eq)]
enum UnitKind {
    Module,
    Class,
    Function { is_async: bool, async_gen: bool },
    Lambda,
    Comp,
}

struct Unit {
    kind: UnitKind,
    loops: u32,
    /// The loops and `except*` blocks around the statement, innermost
    /// last (`true`: an `except*` block), for CPython's
    /// "cannot appear in an except* block".
    blocks: Vec<bool>,
}

const IN_EXCEPT_STAR: &str = "'break', 'continue' and 'return' cannot appear in an except* block";

struct Compiler<'s> {
    side: &'s Side,
    units: Vec<Unit>,
    #[allow(dead_code)]
    scope_ix: usize,
    st: &'s Symtable<'s>,
    next_scope: usize,
}

impl Compiler<'_> {
    fn unit(&mut self) -> &mut Unit {
        let n = self.units.len() - 1;
        &mut self.units[n]
    }

    fn kind(&self) -> UnitKind {
        self.units.last().map_or(UnitKind::Module, |u| u.kind)
    }

    fn is_function_block(&self) -> bool {
        matches!(
            self.kind(),
            UnitKind::Function { .. } | UnitKind::Lambda | UnitKind::Comp
        )
    }

    fn body(&mut self, b: &[Stmt]) -> CResult {
        for s in b {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn opt(&mut self, e: &Option<Expr>) -> CResult {
        if let Some(e) = e {
            self.expr(e)?;
        }
        Ok(())
    }

    fn push(&mut self, kind: UnitKind) {
        self.units.push(Unit {
            kind,
            loops: 0,
            blocks: Vec::new(),
        });
    }

    fn pop(&mut self) {
        self.units.pop();
    }

    fn stmt(&mut self, s: &Stmt) -> CResult {
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
                    super::pattern::check_pattern(&c.pattern, c.guard.is_some() || i + 1 == n)?;
                    self.opt(&c.guard)?;
                    self.body(&c.body)?;
                }
                Ok(())
            }
        }
    }

    fn defaults(&mut self, p: &Params) -> CResult {
        for a in p.posonly.iter().chain(&p.args) {
            self.opt(&a.default)?;
        }
        for a in &p.kwonly {
            self.opt(&a.default)?;
        }
        Ok(())
    }

    fn annotations(&mut self, p: &Params) -> CResult {
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
    fn store(&mut self, e: &Expr) -> CResult {
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
    fn expr_sub(&mut self, e: &Expr) -> CResult {
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
    fn elts(&mut self, v: &[Expr]) -> CResult {
        for x in v {
            match &x.kind {
                ExprKind::Starred(inner) => self.expr(inner)?,
                _ => self.expr(x)?,
            }
        }
        Ok(())
    }

    fn parts(&mut self, parts: &[FPart]) -> CResult {
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

    fn expr(&mut self, e: &Expr) -> CResult {
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

    fn comprehension(
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
fn comp_is_async(elts: &[&Expr], gens: &[Comprehension]) -> bool {
    if gens.iter().any(|g| g.is_async) {
        return true;
    }
    elts.iter().any(|e| has_await(e))
        || gens.iter().enumerate().any(|(i, g)| {
            (i > 0 && has_await(&g.iter)) || has_await(&g.target) || g.ifs.iter().any(has_await)
        })
}

fn has_await(e: &Expr) -> bool {
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
