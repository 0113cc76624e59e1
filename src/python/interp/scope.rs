//! Which names of a function are local, global or nonlocal: Python decides
//! at compile time, from the whole body (a name assigned anywhere in a
//! function is local everywhere in it).

use std::rc::Rc;

use crate::python::ast::{Expr, ExprKind, FunctionDef, Stmt, StmtKind};
use crate::python::value::ScopeInfo;

/// The scope of a function body.
pub fn analyze(def: &FunctionDef) -> ScopeInfo {
    let mut info = ScopeInfo::default();
    let p = &def.params;
    for param in p
        .posonly
        .iter()
        .chain(&p.args)
        .chain(&p.vararg)
        .chain(&p.kwonly)
        .chain(&p.kwarg)
    {
        info.locals.insert(param.name.clone(), ());
    }
    block(&def.body, &mut info);
    for g in info.globals.keys().chain(info.nonlocals.keys()) {
        info.locals.remove(g);
    }
    info
}

/// The loop variables of a comprehension.
pub fn comp_targets(targets: &[&Expr]) -> ScopeInfo {
    let mut info = ScopeInfo::default();
    for t in targets {
        target(t, &mut info);
    }
    info
}

fn bind(name: &Rc<str>, info: &mut ScopeInfo) {
    info.locals.insert(name.clone(), ());
}

fn target(e: &Expr, info: &mut ScopeInfo) {
    match &e.kind {
        ExprKind::Name(n) => bind(n, info),
        ExprKind::Tuple(v) | ExprKind::List(v) => v.iter().for_each(|e| target(e, info)),
        ExprKind::Starred(e) => target(e, info),
        _ => expr(e, info),
    }
}

/// Walrus targets bind in the enclosing function, even from comprehensions.
fn expr(e: &Expr, info: &mut ScopeInfo) {
    if e.simple {
        return;
    }
    match &e.kind {
        ExprKind::NamedExpr(n, v) => {
            bind(n, info);
            expr(v, info);
        }
        ExprKind::Lambda(_) => {}
        ExprKind::Call(f, args) => {
            expr(f, info);
            for a in args {
                match a {
                    crate::python::ast::Arg::Pos(e)
                    | crate::python::ast::Arg::Star(e)
                    | crate::python::ast::Arg::Kw(_, e)
                    | crate::python::ast::Arg::StarStar(e) => expr(e, info),
                }
            }
        }
        ExprKind::ListComp(a, gens)
        | ExprKind::SetComp(a, gens)
        | ExprKind::GeneratorExp(a, gens) => {
            expr(a, info);
            for g in gens {
                expr(&g.iter, info);
                g.ifs.iter().for_each(|e| expr(e, info));
            }
        }
        ExprKind::DictComp(a, b, gens) => {
            expr(a, info);
            expr(b, info);
            for g in gens {
                expr(&g.iter, info);
                g.ifs.iter().for_each(|e| expr(e, info));
            }
        }
        ExprKind::Await(e)
        | ExprKind::YieldFrom(e)
        | ExprKind::Starred(e)
        | ExprKind::Attribute(e, _)
        | ExprKind::UnaryOp(_, e) => expr(e, info),
        ExprKind::Yield(Some(e)) => expr(e, info),
        ExprKind::BinOp(a, _, b) | ExprKind::Subscript(a, b) => {
            expr(a, info);
            expr(b, info);
        }
        ExprKind::BoolOp(_, v) | ExprKind::List(v) | ExprKind::Tuple(v) | ExprKind::Set(v) => {
            v.iter().for_each(|e| expr(e, info))
        }
        ExprKind::Compare(a, rest) => {
            expr(a, info);
            rest.iter().for_each(|(_, e)| expr(e, info));
        }
        ExprKind::IfExp { test, body, orelse } => {
            expr(test, info);
            expr(body, info);
            expr(orelse, info);
        }
        ExprKind::Dict(items) => {
            for (k, v) in items {
                if let Some(k) = k {
                    expr(k, info);
                }
                expr(v, info);
            }
        }
        ExprKind::FString(parts) => {
            for p in parts {
                if let crate::python::ast::FPart::Field { expr: e, .. } = p {
                    expr(e, info);
                }
            }
        }
        _ => {}
    }
}

fn block(body: &[Stmt], info: &mut ScopeInfo) {
    for s in body {
        stmt(s, info);
    }
}

fn stmt(s: &Stmt, info: &mut ScopeInfo) {
    match &s.kind {
        StmtKind::Expr(e) | StmtKind::Return(Some(e)) => expr(e, info),
        StmtKind::Assign { targets, value } => {
            targets.iter().for_each(|t| target(t, info));
            expr(value, info);
        }
        StmtKind::AugAssign {
            target: t, value, ..
        } => {
            target(t, info);
            expr(value, info);
        }
        StmtKind::AnnAssign {
            target: t, value, ..
        } => {
            if matches!(t.kind, ExprKind::Name(_)) {
                target(t, info);
            }
            if let Some(v) = value {
                expr(v, info);
            }
        }
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            expr(test, info);
            block(body, info);
            block(orelse, info);
        }
        StmtKind::For {
            target: t,
            iter,
            body,
            orelse,
            ..
        } => {
            target(t, info);
            expr(iter, info);
            block(body, info);
            block(orelse, info);
        }
        StmtKind::With { items, body, .. } => {
            for it in items {
                expr(&it.context, info);
                if let Some(v) = &it.var {
                    target(v, info);
                }
            }
            block(body, info);
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            block(body, info);
            for h in handlers {
                if let Some(n) = &h.name {
                    bind(n, info);
                }
                block(&h.body, info);
            }
            block(orelse, info);
            block(finalbody, info);
        }
        StmtKind::FunctionDef(f) => bind(&f.name, info),
        StmtKind::ClassDef(c) => bind(&c.name, info),
        StmtKind::Import(aliases) => {
            for a in aliases {
                let name = a
                    .asname
                    .clone()
                    .unwrap_or_else(|| Rc::from(a.name.split('.').next().unwrap_or("")));
                bind(&name, info);
            }
        }
        StmtKind::ImportFrom { names, .. } => {
            for a in names {
                bind(a.asname.as_ref().unwrap_or(&a.name), info);
            }
        }
        StmtKind::Global(names) => {
            for n in names {
                info.globals.insert(n.clone(), ());
            }
        }
        StmtKind::Nonlocal(names) => {
            for n in names {
                info.nonlocals.insert(n.clone(), ());
            }
        }
        StmtKind::Delete(targets) => targets.iter().for_each(|t| target(t, info)),
        StmtKind::Raise { exc, cause } => {
            if let Some(e) = exc {
                expr(e, info);
            }
            if let Some(e) = cause {
                expr(e, info);
            }
        }
        StmtKind::Assert { test, msg } => {
            expr(test, info);
            if let Some(m) = msg {
                expr(m, info);
            }
        }
        StmtKind::Return(None) | StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        StmtKind::Match { subject, cases } => {
            expr(subject, info);
            for c in cases {
                let mut names = Vec::new();
                super::pattern::pattern_names(&c.pattern, &mut names);
                names.iter().for_each(|n| bind(n, info));
                if let Some(g) = &c.guard {
                    expr(g, info);
                }
                block(&c.body, info);
            }
        }
    }
}
