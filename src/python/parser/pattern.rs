//! `match` statements and their patterns (CPython 3.11's `match_stmt`,
//! `case_block` and `patterns` rules, with its `invalid_*` messages).
//! `match` and `case` are soft keywords: a line that does not parse as a
//! `match` statement is an ordinary statement (`match = 1`, `match(x)`).

use super::super::ast::*;
use super::super::lexer::{self, Tok};
use super::super::syntax_error::SyntaxKind;
use super::{starts_expr, PResult, P};

/// Whether a token can start a pattern.
fn starts_pattern(t: &Tok) -> bool {
    match t {
        Tok::Name(n) => !lexer::is_keyword(n) || matches!(&**n, "None" | "True" | "False"),
        Tok::Int(_) | Tok::BigInt(_) | Tok::Float(_) | Tok::Imag(_) | Tok::Str(_) => true,
        Tok::Op(o) => matches!(*o, "(" | "[" | "{" | "-" | "*"),
        _ => false,
    }
}

fn is_number(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Int(_) | Tok::BigInt(_) | Tok::Float(_) | Tok::Imag(_)
    )
}

impl<'a> P<'a> {
    /// At a `match` name starting a statement: the `match` statement, or
    /// `None` when the line is an ordinary statement.
    pub(crate) fn match_stmt_opt(&mut self) -> PResult<Option<Stmt>> {
        // (what follows the subject, whether a NEWLINE follows its `:`);
        // the tokens looked at count for the furthest token, as in CPython,
        // whose first pass tries the `match` rule before the others.
        let (save, depth) = (self.pos, self.depth);
        self.bump();
        self.no_invalid = true;
        let r = self.subject_expr();
        self.no_invalid = false;
        let head = match r {
            Ok(_) => {
                let colon = self.eat_op(":");
                Some((colon, self.at_newline()))
            }
            Err(_) => None,
        };
        self.pos = save;
        self.depth = depth;
        match head {
            // `match x: ...` on one line is no `match` statement either.
            None | Some((true, false)) => return Ok(None),
            Some((true, true)) => {}
            Some((false, newline)) => {
                if !newline {
                    return Ok(None);
                }
                // `match x` alone: CPython's `invalid_match_stmt`, unless
                // the line is an ordinary statement.
                let ok = self.speculate(|p| {
                    let mut v = Vec::new();
                    p.no_invalid = true;
                    let r = p.simple_stmts(&mut v);
                    p.no_invalid = false;
                    r
                });
                self.no_invalid = false;
                if ok.is_some() {
                    return Ok(None);
                }
                self.bump();
                self.subject_expr()?;
                let t = self.peek();
                return Err(self.err_tok(t, "expected ':'"));
            }
        }
        let kw = self.bump();
        let subject = self.subject_expr()?;
        self.bump(); // ':'
        self.bump(); // NEWLINE
        if !matches!(self.peek_tok(), Tok::Indent) {
            let t = self.peek();
            return Err(self
                .err_tok(
                    t,
                    format!(
                        "expected an indented block after 'match' statement on line {}",
                        kw.line
                    ),
                )
                .with_kind(SyntaxKind::Indentation));
        }
        self.bump();
        let mut cases = Vec::new();
        loop {
            match self.peek_tok() {
                Tok::Dedent => {
                    self.bump();
                    break;
                }
                Tok::End if !cases.is_empty() => break,
                Tok::Name(n) if &**n == "case" => cases.push(self.case_block()?),
                _ => return Err(self.invalid()),
            }
        }
        Ok(Some(Stmt {
            pos: Self::pos_of(kw),
            kind: StmtKind::Match { subject, cases },
        }))
    }

    /// `subject_expr`: `star_named_expression ',' star_named_expressions?`
    /// (a tuple) or `named_expression`.
    fn subject_expr(&mut self) -> PResult<Expr> {
        let first = self.star_named_expression()?;
        if !self.at_op(",") {
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(self.invalid());
            }
            return Ok(first);
        }
        let pos = first.pos;
        let mut elts = vec![first];
        while self.eat_op(",") {
            if !(starts_expr(self.peek_tok()) || self.at_op("*")) {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        Ok(Expr::new(pos, ExprKind::Tuple(elts)))
    }

    /// `"case" patterns guard? ':' block`.
    fn case_block(&mut self) -> PResult<MatchCase> {
        let kw = self.bump();
        let pattern = self.patterns()?;
        let guard = if self.eat_kw("if") {
            Some(self.named_expression()?)
        } else {
            None
        };
        let body = self.colon_block("'case' statement", kw.line)?;
        Ok(MatchCase {
            pattern,
            guard,
            body,
        })
    }

    /// `open_sequence_pattern | pattern`.
    fn patterns(&mut self) -> PResult<Pattern> {
        let first = self.maybe_star_pattern()?;
        if !self.at_op(",") {
            if matches!(first, Pattern::Star { .. }) {
                return Err(self.invalid());
            }
            return Ok(first);
        }
        let pos = first.pos();
        let mut patterns = vec![first];
        while self.eat_op(",") {
            if !starts_pattern(self.peek_tok()) {
                break;
            }
            patterns.push(self.maybe_star_pattern()?);
        }
        Ok(Pattern::Sequence { pos, patterns })
    }

    fn maybe_star_pattern(&mut self) -> PResult<Pattern> {
        if !self.at_op("*") {
            return self.pattern();
        }
        self.enter()?;
        let star = self.bump();
        let pos = Self::pos_of(star);
        let r = if self.at_kw("_") {
            self.bump();
            Ok(Pattern::Star { pos, name: None })
        } else {
            self.capture_target()
                .map(|n| Pattern::Star { pos, name: Some(n) })
        };
        self.leave();
        r
    }

    /// `pattern_capture_target`: `!"_" NAME !('.' | '(' | '=')`.
    fn capture_target(&mut self) -> PResult<Name> {
        if self.at_kw("_") || !self.at_name() {
            return Err(self.invalid());
        }
        let n = self.name()?;
        if self.at_op(".") || self.at_op("(") || self.at_op("=") {
            return Err(self.invalid());
        }
        Ok(n)
    }

    /// `as_pattern | or_pattern`.
    fn pattern(&mut self) -> PResult<Pattern> {
        self.enter()?;
        let r = self.pattern_inner();
        self.leave();
        r
    }

    fn pattern_inner(&mut self) -> PResult<Pattern> {
        let p = self.or_pattern()?;
        if !self.at_kw("as") {
            return Ok(p);
        }
        self.bump();
        let t = self.peek();
        if self.at_kw("_") {
            return Err(self.err_tok(t, "cannot use '_' as a target"));
        }
        if !self.at_name() {
            let start = self.here();
            let ok = self.speculate(|p| {
                p.no_invalid = true;
                let r = p.expression();
                p.no_invalid = false;
                r
            });
            self.no_invalid = false;
            if ok.is_some() {
                return Err(self.err_pos(start, "invalid pattern target"));
            }
            return Err(self.invalid());
        }
        let name = self.capture_target()?;
        Ok(Pattern::As {
            pos: p.pos(),
            pattern: Box::new(p),
            name,
        })
    }

    fn or_pattern(&mut self) -> PResult<Pattern> {
        let first = self.closed_pattern()?;
        if !self.at_op("|") {
            return Ok(first);
        }
        let pos = first.pos();
        let mut patterns = vec![first];
        while self.eat_op("|") {
            patterns.push(self.closed_pattern()?);
        }
        Ok(Pattern::Or { pos, patterns })
    }

    fn closed_pattern(&mut self) -> PResult<Pattern> {
        let t = self.peek();
        let pos = Self::pos_of(t);
        match &t.tok {
            Tok::Int(_) | Tok::BigInt(_) | Tok::Float(_) | Tok::Imag(_) | Tok::Op("-") => {
                let value = self.number_literal()?;
                Ok(Pattern::Value { pos, value })
            }
            Tok::Str(_) => {
                let value = self.strings()?;
                Ok(Pattern::Value { pos, value })
            }
            Tok::Name(n) => match &**n {
                "None" => {
                    self.bump();
                    Ok(Pattern::Singleton { pos, value: None })
                }
                "True" | "False" => {
                    self.bump();
                    Ok(Pattern::Singleton {
                        pos,
                        value: Some(&**n == "True"),
                    })
                }
                k if lexer::is_keyword(k) => Err(self.invalid()),
                _ => self.name_pattern(),
            },
            Tok::Op("(") => self.paren_pattern(),
            Tok::Op("[") => {
                self.bump();
                let patterns = self.sequence_items("]")?;
                Ok(Pattern::Sequence { pos, patterns })
            }
            Tok::Op("{") => self.mapping_pattern(),
            _ => Err(self.invalid()),
        }
    }

    /// `signed_number` or `complex_number` (`-1`, `2j`, `1+2j`, `-1.5-2j`).
    fn number_literal(&mut self) -> PResult<Expr> {
        let pos = self.here();
        let neg = self.eat_op("-");
        if !is_number(self.peek_tok()) {
            return Err(self.invalid());
        }
        let left = self.peek();
        let mut e = self.atom()?;
        if neg {
            e = Expr::new(pos, ExprKind::UnaryOp(UnaryOp::Neg, Box::new(e)));
        }
        if self.at_op("+") || self.at_op("-") {
            if matches!(left.tok, Tok::Imag(_)) {
                return Err(self.err_tok(left, "real number required in complex literal"));
            }
            let op = if self.at_op("+") {
                BinOp::Add
            } else {
                BinOp::Sub
            };
            self.bump();
            let t = self.peek();
            match t.tok {
                Tok::Imag(_) => {
                    let right = self.atom()?;
                    e = Expr::new(pos, ExprKind::BinOp(Box::new(e), op, Box::new(right)));
                }
                Tok::Int(_) | Tok::BigInt(_) | Tok::Float(_) => {
                    return Err(self.err_tok(t, "imaginary number required in complex literal"))
                }
                _ => return Err(self.invalid()),
            }
        }
        Ok(e)
    }

    /// `name_or_attr`: `a` or `a.b.c`.
    fn name_or_attr(&mut self) -> PResult<Expr> {
        let t = self.peek();
        let n = self.name()?;
        let mut e = Expr::new(Self::pos_of(t), ExprKind::Name(n));
        while self.at_op(".") {
            self.bump();
            let attr = self.name()?;
            e = Expr::new(e.pos, ExprKind::Attribute(Box::new(e), attr));
        }
        Ok(e)
    }

    /// A capture, the wildcard, a value (`a.b`) or a class pattern.
    fn name_pattern(&mut self) -> PResult<Pattern> {
        let pos = self.here();
        let e = self.name_or_attr()?;
        if self.at_op("(") {
            return self.class_pattern(pos, e);
        }
        if self.at_op("=") {
            return Err(self.invalid());
        }
        match e.kind {
            ExprKind::Name(n) if &*n == "_" => Ok(Pattern::Capture { pos, name: None }),
            ExprKind::Name(n) => Ok(Pattern::Capture { pos, name: Some(n) }),
            _ => Ok(Pattern::Value { pos, value: e }),
        }
    }

    /// `( )`, `(p)` (a group: the pattern itself) or `(p, ...)`.
    fn paren_pattern(&mut self) -> PResult<Pattern> {
        let open = self.bump();
        let pos = Self::pos_of(open);
        if self.eat_op(")") {
            return Ok(Pattern::Sequence {
                pos,
                patterns: Vec::new(),
            });
        }
        let first = self.maybe_star_pattern()?;
        if self.at_op(")") && !matches!(first, Pattern::Star { .. }) {
            self.bump();
            return Ok(first);
        }
        if !self.eat_op(",") {
            return Err(self.invalid());
        }
        let mut patterns = vec![first];
        patterns.extend(self.sequence_items(")")?);
        Ok(Pattern::Sequence { pos, patterns })
    }

    /// Comma-separated `maybe_star_pattern`s up to `close` (eaten); a
    /// trailing comma is allowed.
    fn sequence_items(&mut self, close: &str) -> PResult<Vec<Pattern>> {
        let mut v = Vec::new();
        loop {
            if self.eat_op(close) {
                return Ok(v);
            }
            v.push(self.maybe_star_pattern()?);
            if !self.eat_op(",") {
                self.expect_op(close)?;
                return Ok(v);
            }
        }
    }

    fn mapping_pattern(&mut self) -> PResult<Pattern> {
        let open = self.bump();
        let pos = Self::pos_of(open);
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut rest = None;
        loop {
            if self.eat_op("}") {
                break;
            }
            if self.eat_op("**") {
                rest = Some(self.capture_target()?);
                self.eat_op(",");
                self.expect_op("}")?;
                break;
            }
            keys.push(self.mapping_key()?);
            self.expect_op(":")?;
            patterns.push(self.pattern()?);
            if !self.eat_op(",") {
                self.expect_op("}")?;
                break;
            }
        }
        Ok(Pattern::Mapping {
            pos,
            keys,
            patterns,
            rest,
        })
    }

    /// `literal_expr | attr`.
    fn mapping_key(&mut self) -> PResult<Expr> {
        let t = self.peek();
        let pos = Self::pos_of(t);
        match &t.tok {
            Tok::Int(_) | Tok::BigInt(_) | Tok::Float(_) | Tok::Imag(_) | Tok::Op("-") => {
                self.number_literal()
            }
            Tok::Str(_) => self.strings(),
            Tok::Name(n) => match &**n {
                "None" | "True" | "False" => self.atom(),
                k if lexer::is_keyword(k) => Err(self.invalid()),
                _ => {
                    let e = self.name_or_attr()?;
                    if matches!(e.kind, ExprKind::Name(_)) {
                        return Err(self.invalid());
                    }
                    let _ = pos;
                    Ok(e)
                }
            },
            _ => Err(self.invalid()),
        }
    }

    /// `Cls(positional, kw=pattern)` after the class name.
    fn class_pattern(&mut self, pos: Pos, cls: Expr) -> PResult<Pattern> {
        self.bump(); // '('
        let mut patterns = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_patterns = Vec::new();
        let mut late: Option<Pos> = None;
        loop {
            if self.eat_op(")") {
                break;
            }
            if self.at_name() && self.nth_is_op(1, "=") {
                kwd_attrs.push(self.name()?);
                self.bump(); // '='
                kwd_patterns.push(self.pattern()?);
            } else {
                let p = self.pattern()?;
                if !kwd_attrs.is_empty() && late.is_none() {
                    late = Some(p.pos());
                }
                patterns.push(p);
            }
            if !self.eat_op(",") {
                if let Some(at) = late {
                    return Err(self.err_pos(at, "positional patterns follow keyword patterns"));
                }
                self.expect_op(")")?;
                break;
            }
        }
        if let Some(at) = late {
            return Err(self.err_pos(at, "positional patterns follow keyword patterns"));
        }
        Ok(Pattern::Class {
            pos,
            cls,
            patterns,
            kwd_attrs,
            kwd_patterns,
        })
    }
}

// ---------------------------------------------------------------------------
// CPython's compiler checks of a pattern (`compiler_pattern` in
// `Python/compile.c`): unreachable patterns, repeated names, alternatives
// binding different names, bad keys. Errors are placed where the compiler
// last set its location (the pattern being compiled; it is not restored
// after a sub-pattern, so some errors point at the last sub-pattern).

/// A literal mapping key, for duplicate detection.
#[derive(Clone, Debug)]
enum Key {
    Num(f64, Option<i64>, bool),
    Cx(f64, f64),
    Str(Name),
    Bytes(std::rc::Rc<[u8]>),
    None,
}

impl Key {
    fn of(e: &Expr) -> Option<Key> {
        Some(match &e.kind {
            ExprKind::Int(i) => Key::Num(*i as f64, Some(*i), false),
            ExprKind::Float(x) => Key::Num(*x, None, false),
            ExprKind::Imag(y) => Key::Cx(0.0, *y),
            ExprKind::BinOp(l, op @ (BinOp::Add | BinOp::Sub), r) => {
                let ExprKind::Imag(y) = r.kind else {
                    return None;
                };
                let re = match Key::of(l)? {
                    Key::Num(x, _, false) => x,
                    _ => return None,
                };
                if *op == BinOp::Add {
                    Key::Cx(re + 0.0, 0.0 + y)
                } else {
                    Key::Cx(re - 0.0, 0.0 - y)
                }
            }
            ExprKind::Bool(b) => Key::Num(f64::from(u8::from(*b)), Some(i64::from(*b)), true),
            ExprKind::Str(s) => Key::Str(s.clone()),
            ExprKind::Bytes(b) => Key::Bytes(b.clone()),
            ExprKind::NoneLit => Key::None,
            ExprKind::UnaryOp(UnaryOp::Neg, inner) => match &inner.kind {
                ExprKind::Int(i) => {
                    let n = i.checked_neg()?;
                    Key::Num(n as f64, Some(n), false)
                }
                ExprKind::Float(x) => Key::Num(-x, None, false),
                ExprKind::Imag(y) => Key::Cx(-0.0, -y),
                _ => return None,
            },
            _ => return None,
        })
    }

    fn same(&self, other: &Key) -> bool {
        match (self, other) {
            (Key::Num(a, ai, _), Key::Num(b, bi, _)) => match (ai, bi) {
                (Some(x), Some(y)) => x == y,
                _ => a == b,
            },
            (Key::Cx(a, b), Key::Cx(c, d)) => a == c && b == d,
            (Key::Cx(re, im), Key::Num(x, _, _)) | (Key::Num(x, _, _), Key::Cx(re, im)) => {
                *im == 0.0 && re == x
            }
            (Key::Str(a), Key::Str(b)) => a == b,
            (Key::Bytes(a), Key::Bytes(b)) => a == b,
            (Key::None, Key::None) => true,
            _ => false,
        }
    }

    fn repr(&self) -> String {
        match self {
            Key::Num(_, Some(i), true) => if *i == 1 { "True" } else { "False" }.to_string(),
            Key::Num(_, Some(i), false) => i.to_string(),
            Key::Num(x, None, _) => super::super::format::float_repr(*x),
            Key::Cx(re, im) => super::super::complex::repr(*re, *im),
            Key::Str(s) => super::super::ops::str_repr(s),
            Key::Bytes(b) => {
                let mut s = String::from("b'");
                for &c in b.iter() {
                    match c {
                        b'\\' => s.push_str("\\\\"),
                        b'\'' => s.push_str("\\'"),
                        b'\n' => s.push_str("\\n"),
                        b'\t' => s.push_str("\\t"),
                        b'\r' => s.push_str("\\r"),
                        0x20..=0x7e => s.push(char::from(c)),
                        _ => s.push_str(&format!("\\x{c:02x}")),
                    }
                }
                s.push('\'');
                s
            }
            Key::None => "None".to_string(),
        }
    }
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::Capture { name: None, .. })
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::Star { name: None, .. })
}

struct PatCheck {
    loc: Pos,
    stores: Vec<Name>,
}

type CResult = Result<(), super::super::syntax_error::SyntaxError>;

/// Checks a `case` pattern as CPython's compiler does; `allow_irrefutable`
/// is whether the case has a guard or is the last one.
pub(crate) fn check_pattern(p: &Pattern, allow_irrefutable: bool) -> CResult {
    let mut c = PatCheck {
        loc: p.pos(),
        stores: Vec::new(),
    };
    c.pattern(p, allow_irrefutable)
}

impl PatCheck {
    fn err(&self, msg: impl Into<String>) -> super::super::syntax_error::SyntaxError {
        super::super::syntax_error::SyntaxError::new(msg, self.loc.line, self.loc.col + 1)
    }

    fn store(&mut self, name: &Option<Name>) -> CResult {
        let Some(n) = name else { return Ok(()) };
        if &**n == "__debug__" {
            return Err(self.err("cannot assign to __debug__"));
        }
        if self.stores.contains(n) {
            return Err(self.err(format!("multiple assignments to name '{n}' in pattern")));
        }
        self.stores.push(n.clone());
        Ok(())
    }

    fn pattern(&mut self, p: &Pattern, allow: bool) -> CResult {
        self.loc = p.pos();
        match p {
            Pattern::Value { value, .. } => {
                if matches!(value.kind, ExprKind::FString(_)) {
                    return Err(self.err("patterns may only match literals and attribute lookups"));
                }
                Ok(())
            }
            Pattern::Singleton { .. } => Ok(()),
            Pattern::Capture { name, .. } => {
                if !allow {
                    return Err(match name {
                        Some(n) => self.err(format!(
                            "name capture '{n}' makes remaining patterns unreachable"
                        )),
                        None => self.err("wildcard makes remaining patterns unreachable"),
                    });
                }
                self.store(name)
            }
            Pattern::As { pattern, name, .. } => {
                self.pattern(pattern, allow)?;
                self.store(&Some(name.clone()))
            }
            Pattern::Star { name, .. } => self.store(name),
            Pattern::Sequence { patterns, .. } => {
                if patterns
                    .iter()
                    .filter(|p| matches!(p, Pattern::Star { .. }))
                    .count()
                    > 1
                {
                    return Err(self.err("multiple starred names in sequence pattern"));
                }
                let only_wildcard = patterns
                    .iter()
                    .all(|p| is_wildcard(p) || is_star_wildcard(p));
                if only_wildcard {
                    return Ok(());
                }
                let star_wildcard = patterns.iter().any(is_star_wildcard);
                for sub in patterns {
                    if star_wildcard && (is_wildcard(sub) || is_star_wildcard(sub)) {
                        continue;
                    }
                    self.pattern(sub, true)?;
                }
                Ok(())
            }
            Pattern::Mapping {
                keys,
                patterns,
                rest,
                ..
            } => {
                let mut seen: Vec<Key> = Vec::new();
                for k in keys {
                    if let Some(key) = Key::of(k) {
                        if seen.iter().any(|s| s.same(&key)) {
                            return Err(self.err(format!(
                                "mapping pattern checks duplicate key ({})",
                                key.repr()
                            )));
                        }
                        seen.push(key);
                    } else if matches!(k.kind, ExprKind::FString(_)) {
                        return Err(self.err(
                            "mapping pattern keys may only match literals and attribute lookups",
                        ));
                    }
                }
                for sub in patterns {
                    self.pattern(sub, true)?;
                }
                self.store(rest)
            }
            Pattern::Class {
                pos,
                patterns,
                kwd_attrs,
                kwd_patterns,
                ..
            } => {
                for (i, attr) in kwd_attrs.iter().enumerate() {
                    if let Some(p) = kwd_patterns.get(i) {
                        self.loc = p.pos();
                    }
                    if &**attr == "__debug__" {
                        return Err(self.err("cannot assign to __debug__"));
                    }
                    for (j, other) in kwd_attrs.iter().enumerate().skip(i + 1) {
                        if attr == other {
                            if let Some(p) = kwd_patterns.get(j) {
                                self.loc = p.pos();
                            }
                            return Err(self
                                .err(format!("attribute name repeated in class pattern: {attr}")));
                        }
                    }
                }
                self.loc = *pos;
                for sub in patterns.iter().chain(kwd_patterns) {
                    if is_wildcard(sub) {
                        continue;
                    }
                    self.pattern(sub, true)?;
                }
                Ok(())
            }
            Pattern::Or { patterns, .. } => {
                let outer = std::mem::take(&mut self.stores);
                let mut control: Option<Vec<Name>> = None;
                let last = patterns.len().saturating_sub(1);
                for (i, alt) in patterns.iter().enumerate() {
                    self.loc = alt.pos();
                    self.stores = Vec::new();
                    self.pattern(alt, i == last && allow)?;
                    match &control {
                        None => control = Some(self.stores.clone()),
                        Some(c) => {
                            if c.len() != self.stores.len()
                                || c.iter().any(|n| !self.stores.contains(n))
                            {
                                return Err(self.err("alternative patterns bind different names"));
                            }
                        }
                    }
                }
                self.stores = outer;
                for n in control.unwrap_or_default() {
                    self.store(&Some(n))?;
                }
                Ok(())
            }
        }
    }
}

/// The names a pattern binds, in order, and the expressions it evaluates
/// (values, keys, classes), for the symbol table.
pub(crate) fn pattern_parts<'p>(
    p: &'p Pattern,
    names: &mut Vec<&'p Name>,
    exprs: &mut Vec<&'p Expr>,
) {
    match p {
        Pattern::Value { value, .. } => exprs.push(value),
        Pattern::Singleton { .. } => {}
        Pattern::Capture { name, .. } | Pattern::Star { name, .. } => names.extend(name),
        Pattern::As { pattern, name, .. } => {
            pattern_parts(pattern, names, exprs);
            names.push(name);
        }
        Pattern::Or { patterns, .. } | Pattern::Sequence { patterns, .. } => {
            for s in patterns {
                pattern_parts(s, names, exprs);
            }
        }
        Pattern::Mapping {
            keys,
            patterns,
            rest,
            ..
        } => {
            exprs.extend(keys);
            for s in patterns {
                pattern_parts(s, names, exprs);
            }
            names.extend(rest);
        }
        Pattern::Class {
            cls,
            patterns,
            kwd_patterns,
            ..
        } => {
            exprs.push(cls);
            for s in patterns.iter().chain(kwd_patterns) {
                pattern_parts(s, names, exprs);
            }
        }
    }
}
