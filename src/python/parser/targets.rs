//! Assignment targets, CPython's names for expressions in its messages,
//! and the generator test.

use super::super::ast::*;

/// Which statement a target is for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum TargetKind {
    /// `=`, `for`, `with ... as`.
    Store,
    /// `del`.
    Del,
}

/// CPython's `_PyPegen_get_expr_name`.
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    use ExprKind::*;
    match &e.kind {
        Attribute(..) => "attribute",
        Subscript(..) => "subscript",
        Starred(_) => "starred",
        Name(_) => "name",
        List(_) => "list",
        Tuple(_) => "tuple",
        Lambda(_) => "lambda",
        Call(..) => "function call",
        BoolOp(..) | BinOp(..) | UnaryOp(..) => "expression",
        GeneratorExp(..) => "generator expression",
        Yield(_) | YieldFrom(_) => "yield expression",
        Await(_) => "await expression",
        ListComp(..) => "list comprehension",
        SetComp(..) => "set comprehension",
        DictComp(..) => "dict comprehension",
        Dict(_) => "dict literal",
        Set(_) => "set display",
        FString(_) => "f-string expression",
        NoneLit => "None",
        Bool(true) => "True",
        Bool(false) => "False",
        Ellipsis => "ellipsis",
        Int(_) | BigInt(_) | Float(_) | Imag(_) | Str(_) | Bytes(_) => "literal",
        Compare(..) => "comparison",
        IfExp { .. } => "conditional expression",
        NamedExpr(..) => "named expression",
        Slice(..) => "slice",
    }
}

/// CPython's `_PyPegen_get_invalid_target`: the first part of `e` that
/// cannot be assigned to (or deleted).
pub(crate) fn invalid_target(e: &Expr, kind: TargetKind) -> Option<&Expr> {
    match &e.kind {
        ExprKind::List(v) | ExprKind::Tuple(v) => v.iter().find_map(|x| invalid_target(x, kind)),
        ExprKind::Starred(inner) => {
            if kind == TargetKind::Del {
                Some(e)
            } else {
                invalid_target(inner, kind)
            }
        }
        ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..) => None,
        _ => Some(e),
    }
}

/// Whether `e` is what CPython's `bitwise_or` rule can produce (not a
/// comparison, `not`, `and`/`or`, conditional, lambda).
pub(crate) fn is_bitwise_or_level(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::Compare(..)
            | ExprKind::BoolOp(..)
            | ExprKind::UnaryOp(UnaryOp::Not, _)
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda(_)
            | ExprKind::NamedExpr(..)
            | ExprKind::Starred(_)
            | ExprKind::Yield(_)
            | ExprKind::YieldFrom(_)
    )
}

/// Whether a function body has `yield` in its own scope.
pub(crate) fn body_has_yield(body: &[Stmt]) -> bool {
    body.iter().any(stmt_has_yield)
}

fn opt(e: &Option<Expr>) -> bool {
    e.as_ref().is_some_and(expr_has_yield)
}

fn stmt_has_yield(s: &Stmt) -> bool {
    match &s.kind {
        StmtKind::Expr(e) => expr_has_yield(e),
        StmtKind::Assign { targets, value } => {
            targets.iter().any(expr_has_yield) || expr_has_yield(value)
        }
        StmtKind::AugAssign { target, value, .. } => {
            expr_has_yield(target) || expr_has_yield(value)
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
        } => expr_has_yield(target) || expr_has_yield(annotation) || opt(value),
        StmtKind::Pass | StmtKind::Break | StmtKind::Continue => false,
        StmtKind::Return(v) => opt(v),
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            expr_has_yield(test) || body_has_yield(body) || body_has_yield(orelse)
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
            ..
        } => {
            expr_has_yield(target)
                || expr_has_yield(iter)
                || body_has_yield(body)
                || body_has_yield(orelse)
        }
        StmtKind::With { items, body, .. } => {
            items
                .iter()
                .any(|i| expr_has_yield(&i.context) || i.var.as_ref().is_some_and(expr_has_yield))
                || body_has_yield(body)
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            body_has_yield(body)
                || handlers
                    .iter()
                    .any(|h| h.typ.as_ref().is_some_and(expr_has_yield) || body_has_yield(&h.body))
                || body_has_yield(orelse)
                || body_has_yield(finalbody)
        }
        StmtKind::Raise { exc, cause } => opt(exc) || opt(cause),
        StmtKind::FunctionDef(f) => {
            f.decorators.iter().any(expr_has_yield)
                || params_have_yield(&f.params)
                || f.returns.as_ref().is_some_and(expr_has_yield)
        }
        StmtKind::ClassDef(c) => {
            c.decorators.iter().any(expr_has_yield)
                || c.bases.iter().any(expr_has_yield)
                || c.keywords.iter().any(|(_, e)| expr_has_yield(e))
        }
        StmtKind::Import(_)
        | StmtKind::ImportFrom { .. }
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_) => false,
        StmtKind::Delete(v) => v.iter().any(expr_has_yield),
        StmtKind::Assert { test, msg } => expr_has_yield(test) || opt(msg),
        StmtKind::Match { subject, cases } => {
            expr_has_yield(subject)
                || cases
                    .iter()
                    .any(|c| opt(&c.guard) || body_has_yield(&c.body))
        }
    }
}

fn params_have_yield(p: &Params) -> bool {
    p.posonly
        .iter()
        .chain(&p.args)
        .chain(&p.vararg)
        .chain(&p.kwonly)
        .chain(&p.kwarg)
        .any(|a| {
            a.default.as_ref().is_some_and(expr_has_yield)
                || a.annotation.as_ref().is_some_and(expr_has_yield)
        })
}

fn boxed(e: &Option<Box<Expr>>) -> bool {
    e.as_ref().is_some_and(|e| expr_has_yield(e))
}

fn parts_have_yield(parts: &[FPart]) -> bool {
    parts.iter().any(|p| match p {
        FPart::Lit(_) => false,
        FPart::Field { expr, spec, .. } => {
            expr_has_yield(expr) || spec.as_ref().is_some_and(|s| parts_have_yield(s))
        }
    })
}

/// Whether `e` has `yield` in the enclosing function's scope (not inside
/// a lambda or a comprehension, except a comprehension's first iterable).
pub(crate) fn expr_has_yield(e: &Expr) -> bool {
    use ExprKind::*;
    if e.simple {
        return false;
    }
    match &e.kind {
        Yield(_) | YieldFrom(_) => true,
        Name(_) | Int(_) | BigInt(_) | Float(_) | Imag(_) | Str(_) | Bytes(_) | Bool(_)
        | NoneLit | Ellipsis => false,
        FString(parts) => parts_have_yield(parts),
        List(v) | Tuple(v) | Set(v) => v.iter().any(expr_has_yield),
        Dict(items) => items
            .iter()
            .any(|(k, v)| k.as_ref().is_some_and(expr_has_yield) || expr_has_yield(v)),
        Starred(x) | Attribute(x, _) | UnaryOp(_, x) | Await(x) => expr_has_yield(x),
        Subscript(a, b) | BinOp(a, _, b) => expr_has_yield(a) || expr_has_yield(b),
        Slice(a, b, c) => boxed(a) || boxed(b) || boxed(c),
        Call(f, args) => {
            expr_has_yield(f)
                || args.iter().any(|a| match a {
                    Arg::Pos(e) | Arg::Star(e) | Arg::Kw(_, e) | Arg::StarStar(e) => {
                        expr_has_yield(e)
                    }
                })
        }
        BoolOp(_, v) => v.iter().any(expr_has_yield),
        Compare(a, rest) => expr_has_yield(a) || rest.iter().any(|(_, e)| expr_has_yield(e)),
        IfExp { test, body, orelse } => {
            expr_has_yield(test) || expr_has_yield(body) || expr_has_yield(orelse)
        }
        Lambda(f) => params_have_yield(&f.params),
        ListComp(_, gens) | SetComp(_, gens) | DictComp(_, _, gens) | GeneratorExp(_, gens) => {
            gens.first().is_some_and(|g| expr_has_yield(&g.iter))
        }
        NamedExpr(_, v) => expr_has_yield(v),
    }
}
