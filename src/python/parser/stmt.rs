//! Statements.

use std::rc::Rc;

use super::super::ast::*;
use super::super::lexer::{Tok, Token};
use super::super::syntax_error::{SyntaxError, SyntaxKind};
use super::targets::{self, TargetKind};
use super::{PResult, P};

const AUG_OPS: &[(&str, BinOp)] = &[
    ("+=", BinOp::Add),
    ("-=", BinOp::Sub),
    ("*=", BinOp::Mult),
    ("@=", BinOp::MatMult),
    ("/=", BinOp::Div),
    ("%=", BinOp::Mod),
    ("&=", BinOp::BitAnd),
    ("|=", BinOp::BitOr),
    ("^=", BinOp::BitXor),
    ("<<=", BinOp::LShift),
    (">>=", BinOp::RShift),
    ("**=", BinOp::Pow),
    ("//=", BinOp::FloorDiv),
];

fn stmt(pos: Pos, kind: StmtKind) -> Stmt {
    Stmt { pos, kind }
}

impl<'a> P<'a> {
    pub(crate) fn file(&mut self) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        loop {
            match self.peek_tok() {
                Tok::End => break,
                Tok::Newline => {
                    self.bump();
                }
                _ => self.statement(&mut body)?,
            }
        }
        Ok(body)
    }

    fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let t = self.peek();
        if let Tok::Name(n) = &t.tok {
            match &**n {
                "if" | "while" | "for" | "try" | "with" | "def" | "class" => {
                    out.push(self.compound()?);
                    return Ok(());
                }
                "async" if matches!(&self.nth(1).tok, Tok::Name(k) if matches!(&**k, "def" | "for" | "with")) =>
                {
                    out.push(self.compound()?);
                    return Ok(());
                }
                "match" => {
                    if let Some(m) = self.match_stmt_opt()? {
                        out.push(m);
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        if self.at_op("@") {
            out.push(self.decorated()?);
            return Ok(());
        }
        self.simple_stmts(out)
    }

    pub(crate) fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            out.push(self.simple_stmt()?);
            if self.eat_op(";") {
                if self.at_newline() {
                    break;
                }
                continue;
            }
            break;
        }
        if self.at_newline() {
            self.bump();
            Ok(())
        } else {
            Err(self.invalid())
        }
    }

    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let t = self.peek();
        let pos = Self::pos_of(t);
        if let Tok::Name(n) = &t.tok {
            match &**n {
                "pass" => {
                    self.bump();
                    return Ok(stmt(pos, StmtKind::Pass));
                }
                "break" => {
                    self.bump();
                    return Ok(stmt(pos, StmtKind::Break));
                }
                "continue" => {
                    self.bump();
                    return Ok(stmt(pos, StmtKind::Continue));
                }
                "return" => {
                    self.bump();
                    let value = if self.at_stmt_end() {
                        None
                    } else {
                        Some(self.star_expressions()?.0)
                    };
                    return Ok(stmt(pos, StmtKind::Return(value)));
                }
                "raise" => return self.raise_stmt(pos),
                "global" | "nonlocal" => {
                    let global = &**n == "global";
                    self.bump();
                    let mut names = vec![self.name()?];
                    while self.eat_op(",") {
                        names.push(self.name()?);
                    }
                    let kind = if global {
                        StmtKind::Global(names)
                    } else {
                        StmtKind::Nonlocal(names)
                    };
                    return Ok(stmt(pos, kind));
                }
                "del" => return self.del_stmt(pos),
                "assert" => {
                    self.bump();
                    let test = self.expression()?;
                    self.no_assign_after("assert")?;
                    let msg = if self.eat_op(",") {
                        Some(self.expression()?)
                    } else {
                        None
                    };
                    return Ok(stmt(pos, StmtKind::Assert { test, msg }));
                }
                "import" => return self.import_stmt(pos),
                "from" => return self.import_from_stmt(pos),
                _ => {}
            }
        }
        self.expr_or_assign(pos)
    }

    fn no_assign_after(&mut self, _what: &str) -> PResult<()> {
        Ok(())
    }

    fn at_stmt_end(&mut self) -> bool {
        matches!(self.peek_tok(), Tok::Newline | Tok::Op(";"))
    }

    fn raise_stmt(&mut self, pos: Pos) -> PResult<Stmt> {
        self.bump();
        if self.at_stmt_end() {
            return Ok(stmt(
                pos,
                StmtKind::Raise {
                    exc: None,
                    cause: None,
                },
            ));
        }
        let exc = self.expression()?;
        let cause = if self.eat_kw("from") {
            Some(self.expression()?)
        } else {
            None
        };
        Ok(stmt(
            pos,
            StmtKind::Raise {
                exc: Some(exc),
                cause,
            },
        ))
    }

    fn del_stmt(&mut self, pos: Pos) -> PResult<Stmt> {
        self.bump();
        let (e, bare) = self.star_expressions()?;
        if let Some(bad) = targets::invalid_target(&e, TargetKind::Del) {
            return Err(self.err_pos(
                bad.pos,
                format!("cannot delete {}", targets::expr_name(bad)),
            ));
        }
        if !self.at_stmt_end() {
            return Err(self.invalid());
        }
        let targets = match e.kind {
            ExprKind::Tuple(v) if bare => v,
            _ => vec![e],
        };
        Ok(stmt(pos, StmtKind::Delete(targets)))
    }

    fn dotted_name(&mut self) -> PResult<String> {
        let mut s = self.name()?.to_string();
        while self.at_op(".") {
            self.bump();
            s.push('.');
            s.push_str(&self.name()?);
        }
        Ok(s)
    }

    fn import_stmt(&mut self, pos: Pos) -> PResult<Stmt> {
        self.bump();
        let mut names = Vec::new();
        loop {
            let name = self.dotted_name()?;
            let asname = if self.eat_kw("as") {
                Some(self.name()?)
            } else {
                None
            };
            names.push(Alias {
                name: name.into(),
                asname,
            });
            if !self.eat_op(",") {
                break;
            }
        }
        Ok(stmt(pos, StmtKind::Import(names)))
    }

    fn import_from_stmt(&mut self, pos: Pos) -> PResult<Stmt> {
        self.bump();
        let mut level = 0u32;
        loop {
            if self.eat_op(".") {
                level += 1;
            } else if self.eat_op("...") {
                level += 3;
            } else {
                break;
            }
        }
        let module = if level > 0 && self.at_kw("import") {
            String::new()
        } else {
            self.dotted_name()?
        };
        if !self.eat_kw("import") {
            return Err(self.invalid());
        }
        let mut names = Vec::new();
        if self.at_op("*") {
            self.bump();
            names.push(Alias {
                name: "*".into(),
                asname: None,
            });
        } else {
            let paren = self.eat_op("(");
            loop {
                let name = self.name()?;
                let asname = if self.eat_kw("as") {
                    Some(self.name()?)
                } else {
                    None
                };
                names.push(Alias { name, asname });
                if !self.eat_op(",") {
                    break;
                }
                if paren && self.at_op(")") {
                    break;
                }
                if !paren && self.at_newline() {
                    return Err(
                        self.err_last("trailing comma not allowed without surrounding parentheses")
                    );
                }
            }
            if paren {
                self.expect_op(")")?;
            }
        }
        Ok(stmt(
            pos,
            StmtKind::ImportFrom {
                module: module.into(),
                names,
                level,
            },
        ))
    }

    fn expr_or_assign(&mut self, pos: Pos) -> PResult<Stmt> {
        // NAME ':' annotation
        if self.at_name() && self.nth_is_op(1, ":") {
            let t = self.bump();
            let target = Expr::new(Self::pos_of(t), ExprKind::Name(self.name_of(t)));
            return self.ann_assign(pos, target);
        }
        let first_idx = self.pos;
        let (first, bare_tuple) = if self.at_kw("yield") {
            (self.yield_expr()?, false)
        } else {
            self.star_expressions()?
        };
        if self.at_op(":") {
            let annotation_follows = self.speculate(|p| {
                p.bump();
                p.expression()
            });
            if annotation_follows.is_none() {
                self.bump();
                return Err(self.invalid());
            }
            return self.annotated(pos, first, bare_tuple);
        }
        if self.at_op(":=") {
            // CPython's invalid_named_expression: `a.b := 1` as a statement.
            let elem = match (&first.kind, bare_tuple) {
                (ExprKind::Tuple(v), true) => v.last(),
                _ => Some(&first),
            };
            if let Some(e) = elem {
                let value_follows = self
                    .speculate(|p| {
                        p.bump();
                        p.expression()
                    })
                    .is_some();
                if !matches!(e.kind, ExprKind::Name(_)) && value_follows {
                    return Err(self.err_pos(
                        e.pos,
                        format!(
                            "cannot use assignment expressions with {}",
                            targets::expr_name(e)
                        ),
                    ));
                }
            }
            return Err(self.invalid());
        }
        if let Tok::Op(o) = self.peek_tok() {
            if let Some(&(_, op)) = AUG_OPS.iter().find(|(s, _)| s == o) {
                if !matches!(
                    first.kind,
                    ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..)
                ) || bare_tuple
                {
                    let name = if bare_tuple {
                        "tuple"
                    } else {
                        targets::expr_name(&first)
                    };
                    return Err(self.err_pos(
                        first.pos,
                        format!("'{name}' is an illegal expression for augmented assignment"),
                    ));
                }
                self.bump();
                let value = self.rhs()?;
                return Ok(stmt(
                    pos,
                    StmtKind::AugAssign {
                        target: first,
                        op,
                        value,
                    },
                ));
            }
        }
        if !self.at_op("=") {
            return Ok(stmt(pos, StmtKind::Expr(first)));
        }
        let mut targets = vec![(first, bare_tuple, first_idx)];
        let mut value;
        loop {
            self.bump(); // '='
            let idx = self.pos;
            value = if self.at_kw("yield") {
                (self.yield_expr()?, false)
            } else {
                self.star_expressions()?
            };
            if self.at_op("=") {
                targets.push((value.0, value.1, idx));
                continue;
            }
            break;
        }
        // Validate the targets as CPython's invalid_assignment does.
        for (i, (t, bare, tidx)) in targets.iter().enumerate() {
            if matches!(t.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) {
                return Err(self.err_pos(t.pos, "assignment to yield expression not possible"));
            }
            if let Some(bad) = targets::invalid_target(t, TargetKind::Store) {
                if i == 0 && targets.len() == 1 {
                    if let Some(e) = self.here_maybe_error(t, *bare, *tidx)? {
                        return Err(e);
                    }
                }
                return Err(self.err_pos(
                    bad.pos,
                    format!("cannot assign to {}", targets::expr_name(bad)),
                ));
            }
        }
        let value = value.0;
        Ok(stmt(
            pos,
            StmtKind::Assign {
                targets: targets.into_iter().map(|(t, _, _)| t).collect(),
                value,
            },
        ))
    }

    /// CPython's `invalid_named_expression` on the element before the
    /// first `=`: "cannot assign to X here. Maybe you meant '==' ...".
    fn here_maybe_error(
        &mut self,
        target: &Expr,
        bare: bool,
        tidx: usize,
    ) -> PResult<Option<SyntaxError>> {
        // The element directly before '=' and where it starts.
        let (elem, elem_idx) = match (&target.kind, bare) {
            (ExprKind::Tuple(v), true) => match v.last() {
                Some(e) => (e, self.token_index_at(e.pos, tidx)),
                None => return Ok(None),
            },
            _ => (target, tidx),
        };
        // Find the '=' after the targets: the token after the element.
        let save = self.pos;
        // The value after '=' must start with a bitwise_or not followed by '=' or ':='.
        let eq_idx = self.find_first_eq(tidx);
        let Some(eq_idx) = eq_idx else {
            return Ok(None);
        };
        self.pos = eq_idx + 1;
        let ok = self
            .speculate(|p| {
                p.bitwise_or()?;
                Ok(!(p.at_op("=") || p.at_op(":=")))
            })
            .unwrap_or(false);
        self.pos = save;
        if !ok {
            return Ok(None);
        }
        if let ExprKind::Name(_) = elem.kind {
            if self
                .toks
                .get(elem_idx + 1)
                .is_some_and(|t| matches!(t.tok, Tok::Op("=")))
            {
                let t = self.toks.get(elem_idx).unwrap_or(self.dummy);
                return Ok(Some(self.err_tok(
                    t,
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                )));
            }
        }
        if matches!(elem.kind, ExprKind::Starred(_)) || !targets::is_bitwise_or_level(elem) {
            return Ok(None);
        }
        // `!(list|tuple|genexp|True|None|False)` at the element's start.
        let save = self.pos;
        self.pos = elem_idx;
        let excluded = match &self.peek().tok {
            Tok::Name(n) if matches!(&**n, "True" | "None" | "False") => true,
            Tok::Op("[") | Tok::Op("(") => self.speculate(|p| p.atom()).is_some_and(|a| {
                matches!(
                    a.kind,
                    ExprKind::List(_) | ExprKind::Tuple(_) | ExprKind::GeneratorExp(..)
                )
            }),
            _ => false,
        };
        self.pos = save;
        if excluded {
            return Ok(None);
        }
        Ok(Some(self.err_pos(
            elem.pos,
            format!(
                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                targets::expr_name(elem)
            ),
        )))
    }

    fn token_index_at(&self, pos: Pos, from: usize) -> usize {
        let mut i = from;
        while let Some(t) = self.toks.get(i) {
            if t.line == pos.line && t.col == pos.col {
                return i;
            }
            i += 1;
        }
        from
    }

    fn find_first_eq(&self, from: usize) -> Option<usize> {
        let level = self.toks.get(from)?.level;
        let mut i = from;
        while let Some(t) = self.toks.get(i) {
            match t.tok {
                Tok::Op("=") if t.level == level => return Some(i),
                Tok::Newline | Tok::End => return None,
                _ => {}
            }
            i += 1;
        }
        None
    }

    fn name_of(&self, t: &Token) -> Name {
        match &t.tok {
            Tok::Name(n) => n.clone(),
            _ => "".into(),
        }
    }

    /// The right side of an assignment: `yield ...` or star_expressions.
    fn rhs(&mut self) -> PResult<Expr> {
        if self.at_kw("yield") {
            self.yield_expr()
        } else {
            Ok(self.star_expressions()?.0)
        }
    }

    fn annotated(&mut self, pos: Pos, target: Expr, bare_tuple: bool) -> PResult<Stmt> {
        if bare_tuple {
            let first = match &target.kind {
                ExprKind::Tuple(v) => v.first().map_or(target.pos, |e| e.pos),
                _ => target.pos,
            };
            return Err(self.err_pos(first, "only single target (not tuple) can be annotated"));
        }
        match &target.kind {
            ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..) => {}
            ExprKind::Tuple(_) => {
                return Err(self.err_pos(
                    target.pos,
                    "only single target (not tuple) can be annotated",
                ))
            }
            ExprKind::List(_) => {
                return Err(
                    self.err_pos(target.pos, "only single target (not list) can be annotated")
                )
            }
            _ => return Err(self.err_pos(target.pos, "illegal target for annotation")),
        }
        self.ann_assign(pos, target)
    }

    fn ann_assign(&mut self, pos: Pos, target: Expr) -> PResult<Stmt> {
        self.expect_op(":")?;
        let annotation = self.expression()?;
        let value = if self.eat_op("=") {
            Some(self.rhs()?)
        } else {
            None
        };
        Ok(stmt(
            pos,
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            },
        ))
    }

    // ----- compound statements -----

    fn compound(&mut self) -> PResult<Stmt> {
        let t = self.peek();
        let Tok::Name(n) = &t.tok else {
            return Err(self.invalid());
        };
        match &**n {
            "if" => self.if_stmt("if"),
            "while" => self.while_stmt(),
            "for" => self.for_stmt(None),
            "try" => self.try_stmt(),
            "with" => self.with_stmt(None),
            "def" => self.funcdef(None, Vec::new()),
            "class" => self.classdef(Vec::new()),
            "async" => {
                let a = self.bump();
                match &self.peek().tok {
                    Tok::Name(k) if &**k == "def" => self.funcdef(Some(a), Vec::new()),
                    Tok::Name(k) if &**k == "for" => self.for_stmt(Some(a)),
                    Tok::Name(k) if &**k == "with" => self.with_stmt(Some(a)),
                    _ => Err(self.invalid()),
                }
            }
            _ => Err(self.invalid()),
        }
    }

    /// `':' block`, with CPython's messages for a missing `:` (only when a
    /// newline follows) and a missing indented block.
    pub(crate) fn colon_block(&mut self, what: &str, line: u32) -> PResult<Vec<Stmt>> {
        if !self.at_op(":") {
            if self.at_newline() {
                let t = self.peek();
                return Err(self.err_tok(t, "expected ':'"));
            }
            return Err(self.invalid());
        }
        self.bump();
        self.block(what, line)
    }

    fn block(&mut self, what: &str, line: u32) -> PResult<Vec<Stmt>> {
        if !self.at_newline() {
            let mut body = Vec::new();
            self.simple_stmts(&mut body)?;
            return Ok(body);
        }
        self.bump();
        if !matches!(self.peek_tok(), Tok::Indent) {
            let t = self.peek();
            return Err(self
                .err_tok(
                    t,
                    format!("expected an indented block after {what} on line {line}"),
                )
                .with_kind(SyntaxKind::Indentation));
        }
        self.bump();
        let mut body = Vec::new();
        loop {
            match self.peek_tok() {
                Tok::Dedent => {
                    self.bump();
                    break;
                }
                Tok::End => break,
                _ => self.statement(&mut body)?,
            }
        }
        Ok(body)
    }

    /// `if` with its `elif` chain (parsed in a loop, nested from the end).
    fn if_stmt(&mut self, _kw: &str) -> PResult<Stmt> {
        let mut arms = Vec::new();
        let mut kw = "if";
        loop {
            let t = self.bump();
            let test = self.named_expression()?;
            let body = self.colon_block(&format!("'{kw}' statement"), t.line)?;
            arms.push((Self::pos_of(t), test, body));
            if !self.at_kw("elif") {
                break;
            }
            kw = "elif";
        }
        let mut orelse = self.else_block()?;
        while let Some((pos, test, body)) = arms.pop() {
            orelse = vec![stmt(pos, StmtKind::If { test, body, orelse })];
        }
        match orelse.pop() {
            Some(s) => Ok(s),
            None => Err(self.invalid()),
        }
    }

    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        if !self.at_kw("else") {
            return Ok(Vec::new());
        }
        let t = self.bump();
        self.expect_forced(":")?;
        self.block("'else' statement", t.line)
    }

    fn while_stmt(&mut self) -> PResult<Stmt> {
        let t = self.bump();
        let test = self.named_expression()?;
        let body = self.colon_block("'while' statement", t.line)?;
        let orelse = self.else_block()?;
        Ok(stmt(
            Self::pos_of(t),
            StmtKind::While { test, body, orelse },
        ))
    }

    fn for_stmt(&mut self, async_tok: Option<&'a Token>) -> PResult<Stmt> {
        let t = self.bump();
        let pos = Self::pos_of(async_tok.unwrap_or(t));
        let target = self.for_target()?;
        if !self.eat_kw("in") {
            return Err(self.invalid());
        }
        let (iter, _) = self.star_expressions()?;
        let body = self.colon_block("'for' statement", t.line)?;
        let orelse = self.else_block()?;
        Ok(stmt(
            pos,
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async: async_tok.is_some(),
            },
        ))
    }

    /// `star_targets` before `in`, with CPython's `cannot assign to ...`.
    #[inline(never)]
    pub(crate) fn for_target(&mut self) -> PResult<Expr> {
        let start = self.here();
        let mut elts = Vec::new();
        let mut comma = false;
        loop {
            let e = if self.at_op("*") {
                let st = self.bump();
                let inner = self.bitwise_or()?;
                Expr::new(Self::pos_of(st), ExprKind::Starred(Box::new(inner)))
            } else {
                self.bitwise_or()?
            };
            elts.push(e);
            if self.at_op(",") {
                self.bump();
                comma = true;
                if self.at_kw("in") || !super::starts_expr(self.peek_tok()) && !self.at_op("*") {
                    break;
                }
                continue;
            }
            break;
        }
        let target = if comma || elts.len() > 1 {
            Expr::new(start, ExprKind::Tuple(elts))
        } else {
            match elts.pop() {
                Some(e) => e,
                None => return Err(self.invalid()),
            }
        };
        if let Some(bad) = targets::invalid_target(&target, TargetKind::Store) {
            if self.at_kw("in") || self.at_kw("not") || matches!(self.peek_tok(), Tok::Op(_)) {
                return Err(self.err_pos(
                    bad.pos,
                    format!("cannot assign to {}", targets::expr_name(bad)),
                ));
            }
        }
        Ok(target)
    }

    fn with_stmt(&mut self, async_tok: Option<&'a Token>) -> PResult<Stmt> {
        let t = self.bump();
        let pos = Self::pos_of(async_tok.unwrap_or(t));
        // Parenthesized items: `with (a as b, c):`.
        let items = if self.at_op("(") {
            let paren = self.speculate(|p| {
                p.bump();
                let items = p.with_items(true)?;
                p.expect_op(")")?;
                if p.at_op(":") {
                    Ok((items, p.pos))
                } else {
                    Err(p.invalid())
                }
            });
            match paren {
                Some((items, end)) => {
                    // Re-parse to consume the tokens for real.
                    self.bump();
                    let items2 = self.with_items(true)?;
                    self.expect_op(")")?;
                    debug_assert_eq!(self.pos, end);
                    let _ = items;
                    items2
                }
                None => self.with_items(false)?,
            }
        } else {
            self.with_items(false)?
        };
        let body = self.colon_block("'with' statement", t.line)?;
        Ok(stmt(
            pos,
            StmtKind::With {
                items,
                body,
                is_async: async_tok.is_some(),
            },
        ))
    }

    fn with_items(&mut self, in_parens: bool) -> PResult<Vec<WithItem>> {
        let mut items = Vec::new();
        loop {
            let context = self.expression()?;
            let var = if self.eat_kw("as") {
                let target = self.with_target()?;
                Some(target)
            } else {
                None
            };
            items.push(WithItem { context, var });
            if !self.eat_op(",") {
                break;
            }
            if in_parens && self.at_op(")") {
                break;
            }
        }
        Ok(items)
    }

    fn with_target(&mut self) -> PResult<Expr> {
        let e = if self.at_op("*") {
            let st = self.bump();
            let inner = self.bitwise_or()?;
            Expr::new(Self::pos_of(st), ExprKind::Starred(Box::new(inner)))
        } else {
            self.bitwise_or()?
        };
        if self.at_op(",") || self.at_op(")") || self.at_op(":") {
            if let Some(bad) = targets::invalid_target(&e, TargetKind::Store) {
                return Err(self.err_pos(
                    bad.pos,
                    format!("cannot assign to {}", targets::expr_name(bad)),
                ));
            }
        } else {
            // `with a as b + c:` etc.: CPython parses an expression there.
            let save = self.pos;
            let _ = save;
        }
        Ok(e)
    }

    fn try_stmt(&mut self) -> PResult<Stmt> {
        let t = self.bump();
        let pos = Self::pos_of(t);
        self.expect_forced(":")?;
        let body = self.block("'try' statement", t.line)?;
        let mut handlers = Vec::new();
        while self.at_kw("except") {
            let et = self.bump();
            let star = self.at_op("*");
            if star {
                self.bump();
                if self.at_op(":") || self.at_newline() {
                    let nt = self.peek();
                    return Err(self.err_tok(nt, "expected one or more exception types"));
                }
            }
            if handlers.first().is_some_and(|h: &Handler| h.star != star) {
                return Err(self.err_tok(
                    et,
                    "cannot have both 'except' and 'except*' on the same 'try'",
                ));
            }
            let (typ, name) = if self.at_op(":") {
                (None, None)
            } else if self.at_newline() {
                let nt = self.peek();
                return Err(self.err_tok(nt, "expected ':'"));
            } else {
                let typ = self.expression()?;
                if self.at_op(",") {
                    // `except A, B:` without parentheses.
                    let save = self.pos;
                    let ok = self.speculate(|p| {
                        p.bump();
                        p.star_expressions()?;
                        if p.eat_kw("as") {
                            p.name()?;
                        }
                        if p.at_op(":") {
                            Ok(())
                        } else {
                            Err(p.invalid())
                        }
                    });
                    self.pos = save;
                    if ok.is_some() {
                        return Err(
                            self.err_pos(typ.pos, "multiple exception types must be parenthesized")
                        );
                    }
                    return Err(self.invalid());
                }
                let name = if self.eat_kw("as") {
                    Some(self.name()?)
                } else {
                    None
                };
                (Some(typ), name)
            };
            let body = self.colon_block("'except' statement", et.line)?;
            handlers.push(Handler {
                pos: Self::pos_of(et),
                typ,
                name,
                body,
                star,
            });
        }
        let orelse = if !handlers.is_empty() {
            self.else_block()?
        } else {
            Vec::new()
        };
        let finalbody = if self.at_kw("finally") {
            let ft = self.bump();
            self.expect_forced(":")?;
            self.block("'finally' statement", ft.line)?
        } else {
            Vec::new()
        };
        if handlers.is_empty() && finalbody.is_empty() {
            return Err(self.err_last("expected 'except' or 'finally' block"));
        }
        Ok(stmt(
            pos,
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            },
        ))
    }

    fn decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.eat_op("@") {
            decorators.push(self.named_expression()?);
            if !self.at_newline() {
                return Err(self.invalid());
            }
            self.bump();
        }
        if self.at_kw("def") {
            self.funcdef(None, decorators)
        } else if self.at_kw("async") && self.nth_is_kw(1, "def") {
            let a = self.bump();
            self.funcdef(Some(a), decorators)
        } else if self.at_kw("class") {
            self.classdef(decorators)
        } else {
            Err(self.invalid())
        }
    }

    fn funcdef(&mut self, async_tok: Option<&'a Token>, decorators: Vec<Expr>) -> PResult<Stmt> {
        let t = self.bump(); // def
        let pos = Self::pos_of(async_tok.unwrap_or(t));
        let name = self.name()?;
        self.expect_forced("(")?;
        let params = self.params(")", pos)?;
        self.expect_op(")")?;
        // `['->' expression]` is optional: when it does not parse, the
        // forced ':' complains at the '->'.
        let returns = if self.at_op("->") {
            let save = self.pos;
            self.bump();
            match self.speculate(|p| p.expression()) {
                Some(_) => Some(self.expression()?),
                None => {
                    self.pos = save;
                    None
                }
            }
        } else {
            None
        };
        self.expect_forced(":")?;
        let body = self.block("function definition", t.line)?;
        let is_generator = targets::body_has_yield(&body);
        let f = FunctionDef {
            pos,
            name,
            params,
            body,
            is_async: async_tok.is_some(),
            is_generator,
            decorators,
            returns,
        };
        Ok(stmt(pos, StmtKind::FunctionDef(Rc::new(f))))
    }

    fn classdef(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let t = self.bump();
        let pos = Self::pos_of(t);
        let name = self.name()?;
        let (mut bases, mut keywords) = (Vec::new(), Vec::new());
        if self.at_op("(") {
            let open = self.bump();
            let args = self.call_args(open)?;
            for a in args {
                match a {
                    Arg::Pos(e) => bases.push(e),
                    Arg::Star(e) => {
                        let p = e.pos;
                        bases.push(Expr::new(p, ExprKind::Starred(Box::new(e))))
                    }
                    Arg::Kw(n, e) => keywords.push((n, e)),
                    Arg::StarStar(e) => keywords.push(("**".into(), e)),
                }
            }
        }
        let body = self.colon_block("class definition", t.line)?;
        let c = ClassDef {
            pos,
            name,
            bases,
            keywords,
            body,
            decorators,
        };
        Ok(stmt(pos, StmtKind::ClassDef(Rc::new(c))))
    }

    /// Parameters up to `closer` (`)` for def, `:` for lambda), with
    /// CPython 3.11's messages.
    pub(crate) fn params(&mut self, closer: &str, fpos: Pos) -> PResult<Params> {
        let annotations = closer == ")";
        let mut ps = Params::default();
        let mut seen_default = false;
        let mut seen_slash = false;
        let mut seen_star = false;
        let mut names: Vec<Name> = Vec::new();
        let mut dup: Option<SyntaxError> = None;
        let mut check_dup = |p: &mut Self, n: &Name, t: &Token, dup: &mut Option<SyntaxError>| {
            if names.iter().any(|m| m == n) {
                if dup.is_none() {
                    *dup = Some(p.err_tok(
                        t,
                        format!("duplicate argument '{n}' in function definition"),
                    ));
                }
            } else {
                names.push(n.clone());
            }
        };
        loop {
            if self.at_op(closer) {
                break;
            }
            let t = self.peek();
            if self.at_op("/") {
                if seen_slash {
                    return Err(self.err_tok(t, "/ may appear only once"));
                }
                if seen_star {
                    return Err(self.err_tok(t, "/ must be ahead of *"));
                }
                if ps.args.is_empty() {
                    return Err(self.err_tok(t, "at least one argument must precede /"));
                }
                self.bump();
                seen_slash = true;
                ps.posonly = std::mem::take(&mut ps.args);
            } else if self.at_op("*") {
                if seen_star {
                    return Err(self.err_tok(t, "* argument may appear only once"));
                }
                self.bump();
                seen_star = true;
                if self.at_op(closer)
                    || (self.at_op(",") && (self.nth_is_op(1, closer) || self.nth_is_op(1, "**")))
                {
                    return Err(self.err_tok(t, "named arguments must follow bare *"));
                }
                if !self.at_op(",") {
                    let nt = self.peek();
                    let name = self.name()?;
                    check_dup(self, &name, nt, &mut dup);
                    let annotation = if annotations && self.eat_op(":") {
                        Some(if self.at_op("*") {
                            let st = self.bump();
                            let e = self.expression()?;
                            Expr::new(Self::pos_of(st), ExprKind::Starred(Box::new(e)))
                        } else {
                            self.expression()?
                        })
                    } else {
                        None
                    };
                    if self.at_op("=") {
                        let et = self.peek();
                        return Err(
                            self.err_tok(et, "var-positional argument cannot have default value")
                        );
                    }
                    ps.vararg = Some(Param {
                        name,
                        default: None,
                        annotation,
                    });
                }
            } else if self.at_op("**") {
                self.bump();
                let nt = self.peek();
                let name = self.name()?;
                check_dup(self, &name, nt, &mut dup);
                let annotation = if annotations && self.eat_op(":") {
                    Some(self.expression()?)
                } else {
                    None
                };
                if self.at_op("=") {
                    let et = self.peek();
                    return Err(self.err_tok(et, "var-keyword argument cannot have default value"));
                }
                ps.kwarg = Some(Param {
                    name,
                    default: None,
                    annotation,
                });
                if self.at_op(",") {
                    let nt = self.nth(1);
                    let follows = match &nt.tok {
                        Tok::Name(n) => !super::super::lexer::is_keyword(n),
                        Tok::Op(o) => matches!(*o, "*" | "**" | "/"),
                        _ => false,
                    };
                    if follows {
                        return Err(
                            self.err_tok(nt, "arguments cannot follow var-keyword argument")
                        );
                    }
                    self.bump();
                }
                if !self.at_op(closer) {
                    return Err(self.invalid());
                }
                break;
            } else {
                let nt = self.peek();
                let name = self.name()?;
                check_dup(self, &name, nt, &mut dup);
                let annotation = if annotations && self.eat_op(":") {
                    Some(self.expression()?)
                } else {
                    None
                };
                let default = if self.eat_op("=") {
                    Some(self.expression()?)
                } else {
                    None
                };
                if !seen_star {
                    if default.is_some() {
                        seen_default = true;
                    } else if seen_default {
                        return Err(
                            self.err_tok(nt, "non-default argument follows default argument")
                        );
                    }
                }
                let p = Param {
                    name,
                    default,
                    annotation,
                };
                if seen_star {
                    ps.kwonly.push(p);
                } else {
                    ps.args.push(p);
                }
            }
            if self.at_op(closer) {
                break;
            }
            if !self.at_op(",") {
                return Err(self.invalid());
            }
            self.bump();
        }
        if let Some(e) = dup {
            self.side.dup_params.entry(fpos).or_insert(e);
        }
        Ok(ps)
    }
}
