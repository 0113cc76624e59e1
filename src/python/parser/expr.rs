//! Expressions.

use std::rc::Rc;

use super::super::ast::*;
use super::super::lexer::{self, Tok, Token};
use super::targets;
use super::{starts_expr, PResult, MAX_DEPTH, P};

fn binop_of(t: &Tok) -> Option<(u8, BinOp)> {
    let Tok::Op(o) = t else { return None };
    Some(match *o {
        "|" => (1, BinOp::BitOr),
        "^" => (2, BinOp::BitXor),
        "&" => (3, BinOp::BitAnd),
        "<<" => (4, BinOp::LShift),
        ">>" => (4, BinOp::RShift),
        "+" => (5, BinOp::Add),
        "-" => (5, BinOp::Sub),
        "*" => (6, BinOp::Mult),
        "/" => (6, BinOp::Div),
        "//" => (6, BinOp::FloorDiv),
        "%" => (6, BinOp::Mod),
        "@" => (6, BinOp::MatMult),
        _ => return None,
    })
}

fn boxed(e: Expr) -> Box<Expr> {
    Box::new(e)
}

impl<'a> P<'a> {
    /// `a, *b, c` (a tuple when there is a comma); the flag says whether
    /// a tuple was made by a bare comma.
    pub(crate) fn star_expressions(&mut self) -> PResult<(Expr, bool)> {
        let first = self.star_expression()?;
        if !self.at_op(",") {
            return Ok((first, false));
        }
        let pos = first.pos;
        let mut elts = vec![first];
        while self.eat_op(",") {
            if !(starts_expr(self.peek_tok()) || self.at_op("*")) {
                break;
            }
            elts.push(self.star_expression()?);
        }
        Ok((Expr::new(pos, ExprKind::Tuple(elts)), true))
    }

    fn star_expression(&mut self) -> PResult<Expr> {
        if self.at_op("*") {
            let t = self.bump();
            let e = self.bitwise_or()?;
            return Ok(Expr::new(Self::pos_of(t), ExprKind::Starred(boxed(e))));
        }
        self.expression()
    }

    pub(crate) fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at_op("*") {
            let t = self.bump();
            let e = self.bitwise_or()?;
            return Ok(Expr::new(Self::pos_of(t), ExprKind::Starred(boxed(e))));
        }
        self.named_expression()
    }

    #[inline(never)]
    fn walrus(&mut self) -> PResult<Expr> {
        let t = self.bump();
        let name = self.name_of_tok(t);
        self.bump(); // :=
        let value = self.expression()?;
        Ok(Expr::new(
            Self::pos_of(t),
            ExprKind::NamedExpr(name, boxed(value)),
        ))
    }

    fn name_of_tok(&self, t: &Token) -> Name {
        match &t.tok {
            Tok::Name(n) => n.clone(),
            _ => "".into(),
        }
    }

    pub(crate) fn named_expression(&mut self) -> PResult<Expr> {
        if self.at_name() && self.nth_is_op(1, ":=") {
            return self.walrus();
        }
        let start = self.pos;
        let e = self.expression()?;
        if self.at_op(":=") {
            return Err(self.err_pos(
                e.pos,
                format!(
                    "cannot use assignment expressions with {}",
                    targets::expr_name(&e)
                ),
            ));
        }
        if self.at_op("=") && !self.no_invalid {
            if let Some(err) = self.named_eq_error(&e, start) {
                return Err(err);
            }
        }
        Ok(e)
    }

    /// `if x = 1:` and the like (CPython's `invalid_named_expression`).
    #[inline(never)]
    fn named_eq_error(
        &mut self,
        e: &Expr,
        start: usize,
    ) -> Option<super::super::syntax_error::SyntaxError> {
        let eq = self.pos;
        let rhs_ok = self
            .speculate(|p| {
                p.bump();
                p.bitwise_or()?;
                Ok(!(p.at_op("=") || p.at_op(":=")))
            })
            .unwrap_or(false);
        if !rhs_ok {
            return None;
        }
        if eq == start + 1 && matches!(e.kind, ExprKind::Name(_)) {
            let t = self.toks.get(start)?;
            return Some(self.err_tok(
                t,
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            ));
        }
        if !targets::is_bitwise_or_level(e) {
            return None;
        }
        let first = self.toks.get(start)?;
        let excluded = match &first.tok {
            Tok::Name(n) => matches!(&**n, "True" | "None" | "False"),
            Tok::Op("[") | Tok::Op("(") => {
                let save = self.pos;
                self.pos = start;
                let r = self.speculate(|p| p.atom()).is_some_and(|a| {
                    matches!(
                        a.kind,
                        ExprKind::List(_) | ExprKind::Tuple(_) | ExprKind::GeneratorExp(..)
                    )
                });
                self.pos = save;
                r
            }
            _ => false,
        };
        if excluded {
            return None;
        }
        Some(self.err_pos(
            e.pos,
            format!(
                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                targets::expr_name(e)
            ),
        ))
    }

    pub(crate) fn expression(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.expression_inner();
        self.leave();
        r
    }

    fn expression_inner(&mut self) -> PResult<Expr> {
        if self.at_kw("lambda") {
            return self.lambdef();
        }
        let start = self.pos;
        let a = self.disjunction()?;
        self.check_juxtaposed(&a, start)?;
        if !self.at_kw("if") {
            return Ok(a);
        }
        self.bump();
        let test = self.disjunction()?;
        if !self.at_kw("else") {
            if !self.at_op(":") && !self.no_invalid {
                return Err(self.err_pos(a.pos, "expected 'else' after 'if' expression"));
            }
            return Err(self.invalid());
        }
        self.bump();
        let orelse = self.expression()?;
        Ok(Expr::new(
            a.pos,
            ExprKind::IfExp {
                test: boxed(test),
                body: boxed(a),
                orelse: boxed(orelse),
            },
        ))
    }

    /// Two expressions side by side: `print "x"` and, inside brackets,
    /// "Perhaps you forgot a comma?".
    #[inline(never)]
    fn check_juxtaposed(&mut self, a: &Expr, start: usize) -> PResult<()> {
        if self.no_invalid {
            return Ok(());
        }
        let next = self.peek();
        if !starts_expr(&next.tok) {
            return Ok(());
        }
        let single_name = self.pos == start + 1 && matches!(a.kind, ExprKind::Name(_));
        if single_name {
            if let ExprKind::Name(n) = &a.kind {
                if &**n == "print" || &**n == "exec" {
                    if !self.at_op("(") && self.speculate(|p| p.star_expressions()).is_some() {
                        return Err(self.err_pos(
                            a.pos,
                            format!("Missing parentheses in call to '{n}'. Did you mean {n}(...)?"),
                        ));
                    }
                    return Ok(());
                }
            }
            if matches!(next.tok, Tok::Str(_)) {
                return Ok(());
            }
        }
        if let Some(Tok::Name(n)) = self.toks.get(start).map(|t| &t.tok) {
            if matches!(&**n, "match" | "case" | "_") {
                return Ok(());
            }
        }
        // CPython parses the second expression before it looks at the
        // bracket level, reading tokens on later lines (which matters for
        // `'(' was never closed`).
        let ok = self.speculate(|p| {
            p.no_invalid = true;
            let r = p.expression();
            p.no_invalid = false;
            r
        });
        self.no_invalid = false;
        if next.level == 0 && !self.in_fstring {
            return Ok(());
        }
        if ok.is_some() {
            return Err(self.err_pos(a.pos, "invalid syntax. Perhaps you forgot a comma?"));
        }
        Ok(())
    }

    fn disjunction(&mut self) -> PResult<Expr> {
        let first = self.conjunction()?;
        if !self.at_kw("or") {
            return Ok(first);
        }
        let pos = first.pos;
        let mut v = vec![first];
        while self.eat_kw("or") {
            v.push(self.conjunction()?);
        }
        Ok(Expr::new(pos, ExprKind::BoolOp(BoolOp::Or, v)))
    }

    fn conjunction(&mut self) -> PResult<Expr> {
        let first = self.inversion()?;
        if !self.at_kw("and") {
            return Ok(first);
        }
        let pos = first.pos;
        let mut v = vec![first];
        while self.eat_kw("and") {
            v.push(self.inversion()?);
        }
        Ok(Expr::new(pos, ExprKind::BoolOp(BoolOp::And, v)))
    }

    fn inversion(&mut self) -> PResult<Expr> {
        let mut nots = Vec::new();
        while self.at_kw("not") {
            nots.push(self.here());
            self.bump();
        }
        self.check_prefix_depth(nots.len())?;
        self.depth += nots.len() as u32;
        let e = self.comparison();
        self.depth -= nots.len() as u32;
        let mut e = e?;
        for p in nots.into_iter().rev() {
            e = Expr::new(p, ExprKind::UnaryOp(UnaryOp::Not, boxed(e)));
        }
        Ok(e)
    }

    #[inline(never)]
    fn check_prefix_depth(&mut self, n: usize) -> PResult<()> {
        if n as u32 + self.depth > MAX_DEPTH || (n > 0 && self.enter_probe()) {
            let t = self.peek();
            return Err(self.err_tok(
                t,
                format!("too many nested expressions (the playground's parser allows {MAX_DEPTH} levels)"),
            ));
        }
        Ok(())
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let first = self.bitwise_or()?;
        let mut ops = Vec::new();
        loop {
            let op = match self.peek_tok() {
                Tok::Op("==") => CmpOp::Eq,
                Tok::Op("!=") => CmpOp::NotEq,
                Tok::Op("<") => CmpOp::Lt,
                Tok::Op("<=") => CmpOp::LtE,
                Tok::Op(">") => CmpOp::Gt,
                Tok::Op(">=") => CmpOp::GtE,
                Tok::Name(n) if &**n == "in" => CmpOp::In,
                Tok::Name(n) if &**n == "is" => {
                    if self.nth_is_kw(1, "not") {
                        self.bump();
                        CmpOp::IsNot
                    } else {
                        CmpOp::Is
                    }
                }
                Tok::Name(n) if &**n == "not" && self.nth_is_kw(1, "in") => {
                    self.bump();
                    CmpOp::NotIn
                }
                _ => break,
            };
            self.bump();
            ops.push((op, self.bitwise_or()?));
        }
        if ops.is_empty() {
            return Ok(first);
        }
        let pos = first.pos;
        Ok(Expr::new(pos, ExprKind::Compare(boxed(first), ops)))
    }

    pub(crate) fn bitwise_or(&mut self) -> PResult<Expr> {
        self.binary(1)
    }

    fn binary(&mut self, min: u8) -> PResult<Expr> {
        let mut left = self.factor()?;
        let depth = self.depth;
        let r = (|| {
            while let Some((prec, op)) = binop_of(self.peek_tok()) {
                if prec < min {
                    break;
                }
                self.bump();
                // Each link of a chain is one more level of the tree.
                self.enter()?;
                let right = self.binary(prec + 1)?;
                let pos = left.pos;
                left = Expr::new(pos, ExprKind::BinOp(boxed(left), op, boxed(right)));
            }
            Ok(left)
        })();
        self.depth = depth;
        r
    }

    fn factor(&mut self) -> PResult<Expr> {
        let mut ops = Vec::new();
        loop {
            let op = match self.peek_tok() {
                Tok::Op("-") => UnaryOp::Neg,
                Tok::Op("+") => UnaryOp::Pos,
                Tok::Op("~") => UnaryOp::Invert,
                _ => break,
            };
            ops.push((op, self.here()));
            self.bump();
        }
        self.check_prefix_depth(ops.len())?;
        let n = ops.len() as u32;
        self.depth += n;
        let e = self.factor_operand(&mut ops);
        self.depth -= n;
        let mut e = e?;
        for (op, p) in ops.into_iter().rev() {
            e = Expr::new(p, ExprKind::UnaryOp(op, boxed(e)));
        }
        Ok(e)
    }

    fn factor_operand(&mut self, ops: &mut Vec<(UnaryOp, Pos)>) -> PResult<Expr> {
        // `-9223372036854775808` fits in 64 bits.
        let e = match (ops.last(), self.peek_tok()) {
            (Some((UnaryOp::Neg, p)), Tok::BigInt(text))
                if &**text == "9223372036854775808"
                    && !matches!(&self.nth(1).tok, Tok::Op("**" | "." | "(" | "[")) =>
            {
                let p = *p;
                ops.pop();
                self.bump();
                Expr::new(p, ExprKind::Int(i64::MIN))
            }
            _ => self.power()?,
        };
        Ok(e)
    }

    fn power(&mut self) -> PResult<Expr> {
        let base = self.await_primary()?;
        if !self.at_op("**") {
            return Ok(base);
        }
        self.bump();
        self.enter()?;
        let rhs = self.factor();
        self.leave();
        let pos = base.pos;
        Ok(Expr::new(
            pos,
            ExprKind::BinOp(boxed(base), BinOp::Pow, boxed(rhs?)),
        ))
    }

    fn await_primary(&mut self) -> PResult<Expr> {
        if self.at_kw("await") {
            let t = self.bump();
            let e = self.primary()?;
            return Ok(Expr::new(Self::pos_of(t), ExprKind::Await(boxed(e))));
        }
        self.primary()
    }

    fn primary(&mut self) -> PResult<Expr> {
        let depth = self.depth;
        let r = self.primary_chain();
        self.depth = depth;
        r
    }

    fn primary_chain(&mut self) -> PResult<Expr> {
        let mut e = self.atom()?;
        loop {
            if matches!(self.peek_tok(), Tok::Op("." | "(" | "[")) {
                self.enter()?;
            }
            match self.peek_tok() {
                Tok::Op(".") => {
                    self.bump();
                    let name = self.name()?;
                    let pos = e.pos;
                    e = Expr::new(pos, ExprKind::Attribute(boxed(e), name));
                }
                Tok::Op("(") => {
                    let open = self.bump();
                    let args = self.call_args(open)?;
                    let pos = e.pos;
                    e = Expr::new(pos, ExprKind::Call(boxed(e), args));
                }
                Tok::Op("[") => {
                    self.bump();
                    let idx = self.slices()?;
                    self.expect_op("]")?;
                    let pos = e.pos;
                    e = Expr::new(pos, ExprKind::Subscript(boxed(e), boxed(idx)));
                }
                _ => break,
            }
        }
        Ok(e)
    }

    #[inline(never)]
    fn slices(&mut self) -> PResult<Expr> {
        let first = self.slice()?;
        if !self.at_op(",") {
            if matches!(first.kind, ExprKind::Starred(_)) {
                let pos = first.pos;
                return Ok(Expr::new(pos, ExprKind::Tuple(vec![first])));
            }
            return Ok(first);
        }
        let pos = first.pos;
        let mut v = vec![first];
        while self.eat_op(",") {
            if self.at_op("]") {
                break;
            }
            v.push(self.slice()?);
        }
        Ok(Expr::new(pos, ExprKind::Tuple(v)))
    }

    fn slice(&mut self) -> PResult<Expr> {
        let pos = self.here();
        if self.at_op("*") {
            let t = self.bump();
            let e = self.expression()?;
            return Ok(Expr::new(Self::pos_of(t), ExprKind::Starred(boxed(e))));
        }
        let lower = if self.at_op(":") {
            None
        } else {
            let e = self.named_expression()?;
            if !self.at_op(":") {
                return Ok(e);
            }
            Some(boxed(e))
        };
        self.bump(); // ':'
        let ends = |p: &mut Self| p.at_op(":") || p.at_op("]") || p.at_op(",");
        let upper = if ends(self) {
            None
        } else {
            Some(boxed(self.expression()?))
        };
        let step = if self.eat_op(":") {
            if self.at_op("]") || self.at_op(",") {
                None
            } else {
                Some(boxed(self.expression()?))
            }
        } else {
            None
        };
        Ok(Expr::new(pos, ExprKind::Slice(lower, upper, step)))
    }

    /// The arguments after `(` up to and including `)`.
    #[inline(never)]
    pub(crate) fn call_args(&mut self, open: &Token) -> PResult<Vec<Arg>> {
        let mut args: Vec<Arg> = Vec::new();
        let mut seen_kw = false;
        let mut seen_kwunpack = false;
        let mut kw_names: Vec<Name> = Vec::new();
        loop {
            if self.at_op(")") {
                self.bump();
                break;
            }
            let t = self.peek();
            if self.at_op("*") {
                self.bump();
                let e = self.expression()?;
                if seen_kwunpack {
                    return Err(self.err_tok(
                        t,
                        "iterable argument unpacking follows keyword argument unpacking",
                    ));
                }
                args.push(Arg::Star(e));
            } else if self.at_op("**") {
                self.bump();
                let e = self.expression()?;
                seen_kwunpack = true;
                args.push(Arg::StarStar(e));
            } else if self.nth_is_op(1, "=") && matches!(&t.tok, Tok::Name(_)) {
                let Tok::Name(n) = &t.tok else {
                    return Err(self.invalid());
                };
                if matches!(&**n, "True" | "False" | "None") {
                    return Err(self.err_tok(t, format!("cannot assign to {n}")));
                }
                if lexer::is_keyword(n) {
                    return Err(self.invalid());
                }
                self.bump();
                self.bump();
                let value = self.expression()?;
                if self.at_kw("for") || (self.at_kw("async") && self.nth_is_kw(1, "for")) {
                    return Err(self.err_tok(
                        t,
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    ));
                }
                if kw_names.iter().any(|k| k == n) {
                    let e = self.err_tok(t, format!("keyword argument repeated: {n}"));
                    self.side.dup_kwargs.entry(value.pos).or_insert(e);
                } else {
                    kw_names.push(n.clone());
                }
                seen_kw = true;
                args.push(Arg::Kw(n.clone(), value));
            } else {
                let e = if self.at_name() && self.nth_is_op(1, ":=") {
                    self.walrus()?
                } else {
                    self.expression()?
                };
                if self.at_op("=") {
                    return Err(self.err_pos(
                        e.pos,
                        "expression cannot contain assignment, perhaps you meant \"==\"?",
                    ));
                }
                let e = if self.at_kw("for") || (self.at_kw("async") && self.nth_is_kw(1, "for")) {
                    let gens = self.comp_clauses()?;
                    let sole = args.is_empty() && self.at_op(")");
                    if !sole {
                        return Err(
                            self.err_pos(e.pos, "Generator expression must be parenthesized")
                        );
                    }
                    Expr::new(Self::pos_of(open), ExprKind::GeneratorExp(boxed(e), gens))
                } else {
                    e
                };
                if seen_kwunpack {
                    return Err(
                        self.err_last("positional argument follows keyword argument unpacking")
                    );
                }
                if seen_kw {
                    return Err(self.err_last("positional argument follows keyword argument"));
                }
                if let Some(Arg::Pos(prev)) = args.first() {
                    if matches!(prev.kind, ExprKind::GeneratorExp(..)) && args.len() == 1 {
                        // `f(x for x in y, z)` was caught above.
                    }
                }
                args.push(Arg::Pos(e));
            }
            if self.at_op(",") {
                self.bump();
                // A sole generator argument must be alone.
                if let Some(Arg::Pos(g)) = args.last() {
                    if matches!(g.kind, ExprKind::GeneratorExp(..))
                        && g.pos == Self::pos_of(open)
                        && !self.at_op(")")
                    {
                        if let ExprKind::GeneratorExp(elt, _) = &g.kind {
                            return Err(
                                self.err_pos(elt.pos, "Generator expression must be parenthesized")
                            );
                        }
                    }
                }
                continue;
            }
            if !self.at_op(")") {
                return Err(self.invalid());
            }
        }
        Ok(args)
    }

    #[inline(never)]
    pub(crate) fn comp_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut v = Vec::new();
        loop {
            let is_async = if self.at_kw("async") && self.nth_is_kw(1, "for") {
                self.bump();
                true
            } else if self.at_kw("for") {
                false
            } else {
                break;
            };
            self.bump(); // for
            let target = self.for_target()?;
            if !self.eat_kw("in") {
                // CPython reparses the target as expressions: inside brackets,
                // `for y range(3)` is a missing comma.
                let next = self.peek();
                if starts_expr(&next.tok) && next.level > 0 && !self.no_invalid {
                    let last = match &target.kind {
                        ExprKind::Tuple(v) => v.last().map_or(target.pos, |e| e.pos),
                        _ => target.pos,
                    };
                    if self.speculate(|p| p.expression()).is_some() {
                        return Err(
                            self.err_pos(last, "invalid syntax. Perhaps you forgot a comma?")
                        );
                    }
                }
                return Err(self.invalid());
            }
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat_kw("if") {
                ifs.push(self.disjunction()?);
            }
            v.push(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        Ok(v)
    }

    fn at_comp(&mut self) -> bool {
        self.at_kw("for") || (self.at_kw("async") && self.nth_is_kw(1, "for"))
    }

    #[inline(never)]
    pub(crate) fn yield_expr(&mut self) -> PResult<Expr> {
        let t = self.bump();
        let pos = Self::pos_of(t);
        if self.eat_kw("from") {
            let e = self.expression()?;
            return Ok(Expr::new(pos, ExprKind::YieldFrom(boxed(e))));
        }
        if !(starts_expr(self.peek_tok()) || self.at_op("*")) {
            return Ok(Expr::new(pos, ExprKind::Yield(None)));
        }
        let (e, _) = self.star_expressions()?;
        Ok(Expr::new(pos, ExprKind::Yield(Some(boxed(e)))))
    }

    #[inline(never)]
    fn lambdef(&mut self) -> PResult<Expr> {
        let t = self.bump();
        let pos = Self::pos_of(t);
        let params = self.params(":", pos)?;
        self.expect_op(":")?;
        let body = self.expression()?;
        let is_generator = targets::expr_has_yield(&body);
        let f = FunctionDef {
            pos,
            name: "<lambda>".into(),
            params,
            body: vec![Stmt {
                pos: body.pos,
                kind: StmtKind::Return(Some(body)),
            }],
            is_async: false,
            is_generator,
            decorators: Vec::new(),
            returns: None,
        };
        Ok(Expr::new(pos, ExprKind::Lambda(Rc::new(f))))
    }

    pub(crate) fn atom(&mut self) -> PResult<Expr> {
        let t = self.peek();
        let pos = Self::pos_of(t);
        let kind = match &t.tok {
            Tok::Name(n) => match &**n {
                "True" => ExprKind::Bool(true),
                "False" => ExprKind::Bool(false),
                "None" => ExprKind::NoneLit,
                k if lexer::is_keyword(k) => return Err(self.invalid()),
                _ => ExprKind::Name(n.clone()),
            },
            Tok::Int(v) => ExprKind::Int(*v),
            Tok::Float(v) => ExprKind::Float(*v),
            Tok::BigInt(text) => match big_literal(text) {
                Ok(b) => ExprKind::BigInt(Rc::new(b)),
                Err(msg) => return Err(self.err_tok(t, &msg)),
            },
            Tok::Imag(v) => ExprKind::Imag(*v),
            Tok::Str(_) => return self.strings(),
            Tok::Op("(") => return self.paren(),
            Tok::Op("[") => return self.list_display(),
            Tok::Op("{") => return self.brace_display(),
            Tok::Op("...") => ExprKind::Ellipsis,
            _ => return Err(self.invalid()),
        };
        self.bump();
        Ok(Expr::new(pos, kind))
    }

    #[inline(never)]
    fn no_starred_comp(&mut self, e: &Expr) -> PResult<()> {
        if matches!(e.kind, ExprKind::Starred(_)) {
            return Err(self.err_pos(e.pos, "iterable unpacking cannot be used in comprehension"));
        }
        Ok(())
    }

    #[inline(never)]
    fn paren(&mut self) -> PResult<Expr> {
        let open = self.bump();
        let pos = Self::pos_of(open);
        if self.eat_op(")") {
            return Ok(Expr::new(pos, ExprKind::Tuple(Vec::new())));
        }
        if self.at_kw("yield") {
            let e = self.yield_expr()?;
            self.expect_op(")")?;
            return Ok(e);
        }
        if self.at_op("**") {
            let t = self.peek();
            let ok = self.speculate(|p| {
                p.bump();
                p.expression()?;
                p.expect_op(")")
            });
            if ok.is_some() {
                return Err(self.err_tok(t, "cannot use double starred expression here"));
            }
            return Err(self.invalid());
        }
        let first = self.star_named_expression()?;
        if self.at_comp() {
            self.no_starred_comp(&first)?;
            let gens = self.comp_clauses()?;
            self.expect_op(")")?;
            return Ok(Expr::new(pos, ExprKind::GeneratorExp(boxed(first), gens)));
        }
        if self.at_op(")") {
            self.bump();
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(self.err_pos(first.pos, "cannot use starred expression here"));
            }
            return Ok(first);
        }
        if !self.at_op(",") {
            return Err(self.invalid());
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.at_op(")") {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        self.expect_op(")")?;
        Ok(Expr::new(pos, ExprKind::Tuple(elts)))
    }

    #[inline(never)]
    fn list_display(&mut self) -> PResult<Expr> {
        let open = self.bump();
        let pos = Self::pos_of(open);
        if self.eat_op("]") {
            return Ok(Expr::new(pos, ExprKind::List(Vec::new())));
        }
        let first = self.star_named_expression()?;
        if self.at_comp() {
            self.no_starred_comp(&first)?;
            let gens = self.comp_clauses()?;
            self.expect_op("]")?;
            return Ok(Expr::new(pos, ExprKind::ListComp(boxed(first), gens)));
        }
        let first_pos = first.pos;
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.at_op("]") {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        if self.at_comp() && elts.len() > 1 {
            return Err(self.err_pos(
                first_pos,
                "did you forget parentheses around the comprehension target?",
            ));
        }
        self.expect_op("]")?;
        Ok(Expr::new(pos, ExprKind::List(elts)))
    }

    #[inline(never)]
    fn dict_value(&mut self, colon: &Token) -> PResult<Expr> {
        if self.at_op("*") {
            let t = self.peek();
            return Err(self.err_tok(t, "cannot use a starred expression in a dictionary value"));
        }
        if self.at_op("}") || self.at_op(",") {
            return Err(self.err_tok(colon, "expression expected after dictionary key and ':'"));
        }
        self.expression()
    }

    #[inline(never)]
    fn brace_display(&mut self) -> PResult<Expr> {
        let open = self.bump();
        let pos = Self::pos_of(open);
        if self.eat_op("}") {
            return Ok(Expr::new(pos, ExprKind::Dict(Vec::new())));
        }
        let mut items: Vec<(Option<Expr>, Expr)> = Vec::new();
        if self.at_op("**") {
            self.bump();
            let v = self.bitwise_or()?;
            items.push((None, v));
        } else {
            let first = self.star_named_expression()?;
            if self.at_op(":") && !matches!(first.kind, ExprKind::Starred(_)) {
                let colon = self.bump();
                let v = self.dict_value(colon)?;
                if self.at_comp() {
                    let gens = self.comp_clauses()?;
                    self.expect_op("}")?;
                    return Ok(Expr::new(
                        pos,
                        ExprKind::DictComp(boxed(first), boxed(v), gens),
                    ));
                }
                items.push((Some(first), v));
            } else {
                // A set.
                if self.at_comp() {
                    self.no_starred_comp(&first)?;
                    let gens = self.comp_clauses()?;
                    self.expect_op("}")?;
                    return Ok(Expr::new(pos, ExprKind::SetComp(boxed(first), gens)));
                }
                let first_pos = first.pos;
                let mut elts = vec![first];
                while self.eat_op(",") {
                    if self.at_op("}") {
                        break;
                    }
                    elts.push(self.star_named_expression()?);
                }
                if self.at_comp() && elts.len() > 1 {
                    return Err(self.err_pos(
                        first_pos,
                        "did you forget parentheses around the comprehension target?",
                    ));
                }
                self.expect_op("}")?;
                return Ok(Expr::new(pos, ExprKind::Set(elts)));
            }
        }
        // The rest of a dict.
        while self.eat_op(",") {
            if self.at_op("}") {
                break;
            }
            if self.at_op("**") {
                self.bump();
                let v = self.bitwise_or()?;
                items.push((None, v));
                continue;
            }
            let k = self.expression()?;
            if !self.at_op(":") {
                let end = self
                    .prev()
                    .map_or((k.pos.line, k.pos.col), |t| (t.end_line, t.end_col));
                return Err(super::super::syntax_error::SyntaxError::new(
                    "':' expected after dictionary key",
                    end.0,
                    end.1,
                ));
            }
            let colon = self.bump();
            let v = self.dict_value(colon)?;
            items.push((Some(k), v));
        }
        self.expect_op("}")?;
        Ok(Expr::new(pos, ExprKind::Dict(items)))
    }
}

/// An int literal beyond 64 bits (`text` without `_`, with its `0x`/`0o`/
/// `0b` prefix if any); CPython 3.11's error for a decimal over 4300 digits.
fn big_literal(text: &str) -> Result<super::super::bigint::BigInt, String> {
    use super::super::bigint::BigInt;
    let lower = text.to_ascii_lowercase();
    let (radix, body) = match lower.get(..2) {
        Some("0x") => (16, &lower[2..]),
        Some("0o") => (8, &lower[2..]),
        Some("0b") => (2, &lower[2..]),
        _ => (10, &lower[..]),
    };
    let digits: Vec<u32> = body.chars().filter_map(|c| c.to_digit(radix)).collect();
    BigInt::from_digits(false, &digits, radix).map_err(|e| match e {
        Some(n) => format!("Exceeds the limit (4300 digits) for integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits."),
        None => "integer literal too large: the playground's ints stop at about 100,000 digits".to_string(),
    })
}
