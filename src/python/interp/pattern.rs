//! `match` statements (PEP 634, as CPython 3.11 runs them): the subject is
//! evaluated once, each `case` pattern is tried in order; a pattern binds
//! its names only when it matches as a whole (before the guard runs, so a
//! failed guard leaves them bound, as in CPython).

use std::rc::Rc;

use futures::future::LocalBoxFuture;

use super::{Flow, Frame, Interp};
use crate::python::ast::{Expr, MatchCase, Name, Pattern};
use crate::python::builtins::Builtin;
use crate::python::exc::{Exc, PyResult, T};
use crate::python::ops;
use crate::python::value::{Class, Dict, Value};

type Binds = Vec<(Name, Value)>;

/// The names a pattern binds (for the function's scope).
pub fn pattern_names(p: &Pattern, out: &mut Vec<Name>) {
    match p {
        Pattern::Value { .. } | Pattern::Singleton { .. } => {}
        Pattern::Capture { name, .. } | Pattern::Star { name, .. } => out.extend(name.clone()),
        Pattern::As { pattern, name, .. } => {
            pattern_names(pattern, out);
            out.push(name.clone());
        }
        Pattern::Or { patterns, .. } | Pattern::Sequence { patterns, .. } => {
            patterns.iter().for_each(|s| pattern_names(s, out))
        }
        Pattern::Mapping { patterns, rest, .. } => {
            patterns.iter().for_each(|s| pattern_names(s, out));
            out.extend(rest.clone());
        }
        Pattern::Class {
            patterns,
            kwd_patterns,
            ..
        } => patterns
            .iter()
            .chain(kwd_patterns)
            .for_each(|s| pattern_names(s, out)),
    }
}

/// Types whose instances a single positional sub-pattern matches whole
/// (`int(x)`, `str(s)`): CPython's `_Py_TPFLAGS_MATCH_SELF`.
fn matches_self(c: &Class) -> bool {
    c.mro.borrow().iter().any(|k| {
        matches!(
            k.builtin,
            Some(Builtin::Type(
                T::Bool
                    | T::Int
                    | T::Float
                    | T::Str
                    | T::Bytes
                    | T::List
                    | T::Tuple
                    | T::Dict
                    | T::Set
                    | T::FrozenSet
            ))
        )
    })
}

/// Whether a class (or a base) is the playground's Python-written `name`.
fn has_base_named(c: &Class, name: &str) -> bool {
    c.mro
        .borrow()
        .iter()
        .any(|k| &*k.name == name && &*k.module != "__main__")
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

impl Interp {
    /// Runs a `match` statement.
    pub(super) async fn exec_match(
        self: &Rc<Self>,
        subject: &Expr,
        cases: &[MatchCase],
        f: &Rc<Frame>,
    ) -> Result<(), Flow> {
        let v = self.eval(subject, f).await?;
        for c in cases {
            self.set_line(f, c.pattern.pos().line);
            let mut binds = Vec::new();
            if !self.match_pattern(&c.pattern, &v, &mut binds, f).await? {
                continue;
            }
            for (n, x) in binds {
                self.store(f, &n, x)?;
            }
            if let Some(g) = &c.guard {
                self.set_line(f, g.pos.line);
                let t = self.eval(g, f).await?;
                if !ops::truthy(self, &t)? {
                    continue;
                }
            }
            return self.exec_block(&c.body, f).await;
        }
        Ok(())
    }

    fn set_line(&self, f: &Frame, line: u32) {
        f.line.set(line);
        if Rc::ptr_eq(&f.globals, &self.globals) {
            self.line.set(line);
        }
    }

    fn match_pattern<'a>(
        self: &'a Rc<Self>,
        p: &'a Pattern,
        v: &'a Value,
        binds: &'a mut Binds,
        f: &'a Rc<Frame>,
    ) -> LocalBoxFuture<'a, PyResult<bool>> {
        Box::pin(async move {
            self.tick()?;
            match p {
                Pattern::Value { value, .. } => {
                    let x = self.eval(value, f).await?;
                    ops::eq(self, v, &x)
                }
                Pattern::Singleton { value, .. } => Ok(match (value, v) {
                    (None, Value::None) => true,
                    (Some(b), Value::Bool(x)) => b == x,
                    _ => false,
                }),
                Pattern::Capture { name, .. } | Pattern::Star { name, .. } => {
                    if let Some(n) = name {
                        binds.push((n.clone(), v.clone()));
                    }
                    Ok(true)
                }
                Pattern::As { pattern, name, .. } => {
                    if !self.match_pattern(pattern, v, binds, f).await? {
                        return Ok(false);
                    }
                    binds.push((name.clone(), v.clone()));
                    Ok(true)
                }
                Pattern::Or { patterns, .. } => {
                    for alt in patterns {
                        let mut b = Vec::new();
                        if self.match_pattern(alt, v, &mut b, f).await? {
                            binds.extend(b);
                            return Ok(true);
                        }
                    }
                    Ok(false)
                }
                Pattern::Sequence { patterns, .. } => {
                    self.match_sequence(patterns, v, binds, f).await
                }
                Pattern::Mapping {
                    keys,
                    patterns,
                    rest,
                    ..
                } => self.match_mapping(keys, patterns, rest, v, binds, f).await,
                Pattern::Class {
                    cls,
                    patterns,
                    kwd_attrs,
                    kwd_patterns,
                    ..
                } => {
                    self.match_class(cls, patterns, kwd_attrs, kwd_patterns, v, binds, f)
                        .await
                }
            }
        })
    }

    /// The items of a sequence subject (list, tuple, range, deque; not
    /// str, bytes or mappings), or `None`.
    fn sequence_len(&self, v: &Value) -> Option<usize> {
        match v {
            Value::List(l) => Some(l.borrow().len()),
            Value::Tuple(t) => Some(t.len()),
            Value::Range(r) => usize::try_from(ops::range_len(r.0, r.1, r.2)).ok(),
            Value::Instance(i) if has_base_named(&i.class, "deque") => {
                match i.dict.borrow().get("_items") {
                    Some(Value::List(l)) => Some(l.borrow().len()),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    fn sequence_items(&self, v: &Value) -> Vec<Value> {
        match v {
            Value::List(l) => l.borrow().clone(),
            Value::Tuple(t) => t.to_vec(),
            Value::Range(r) => {
                let n = ops::range_len(r.0, r.1, r.2).max(0);
                (0..n).map(|i| Value::Int(r.0 + i * r.2)).collect()
            }
            Value::Instance(i) => match i.dict.borrow().get("_items") {
                Some(Value::List(l)) => l.borrow().clone(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    async fn match_sequence(
        self: &Rc<Self>,
        patterns: &[Pattern],
        v: &Value,
        binds: &mut Binds,
        f: &Rc<Frame>,
    ) -> PyResult<bool> {
        let Some(len) = self.sequence_len(v) else {
            return Ok(false);
        };
        let star = patterns
            .iter()
            .position(|p| matches!(p, Pattern::Star { .. }));
        let fixed = patterns.len() - usize::from(star.is_some());
        match star {
            None if len != fixed => return Ok(false),
            Some(_) if len < fixed => return Ok(false),
            _ => {}
        }
        let items = self.sequence_items(v);
        if items.len() != len {
            return Ok(false);
        }
        let (before, after) = match star {
            Some(s) => (s, patterns.len() - s - 1),
            None => (len, 0),
        };
        for (i, p) in patterns.iter().enumerate() {
            let ok = if Some(i) == star {
                let mid = items
                    .get(before..len - after)
                    .map(<[Value]>::to_vec)
                    .unwrap_or_default();
                self.match_pattern(p, &Value::list(mid), binds, f).await?
            } else {
                let at = if i < before {
                    i
                } else {
                    len - (patterns.len() - i)
                };
                match items.get(at) {
                    Some(x) => self.match_pattern(p, x, binds, f).await?,
                    None => false,
                }
            };
            if !ok {
                return Ok(false);
            }
        }
        Ok(true)
    }

    async fn match_mapping(
        self: &Rc<Self>,
        keys: &[Expr],
        patterns: &[Pattern],
        rest: &Option<Name>,
        v: &Value,
        binds: &mut Binds,
        f: &Rc<Frame>,
    ) -> PyResult<bool> {
        let d = match v {
            Value::Dict(d) => d.clone(),
            Value::Instance(i)
                if has_base_named(&i.class, "defaultdict")
                    || has_base_named(&i.class, "Counter") =>
            {
                match i.dict.borrow().get("_d") {
                    Some(Value::Dict(d)) => d.clone(),
                    _ => return Ok(false),
                }
            }
            _ => return Ok(false),
        };
        if d.borrow().len() < keys.len() {
            return Ok(false);
        }
        let mut hks = Vec::with_capacity(keys.len());
        for k in keys {
            let kv = self.eval(k, f).await?;
            let hk = ops::hash_key(self, &kv)?;
            if hks.contains(&hk) {
                return Err(Exc::new(
                    T::ValueError,
                    format!(
                        "mapping pattern checks duplicate key ({})",
                        ops::repr(self, &kv)?
                    ),
                ));
            }
            hks.push(hk);
        }
        let mut values = Vec::with_capacity(hks.len());
        for hk in &hks {
            match d.borrow().get(hk) {
                Some(x) => values.push(x.clone()),
                None => return Ok(false),
            }
        }
        for (p, x) in patterns.iter().zip(&values) {
            if !self.match_pattern(p, x, binds, f).await? {
                return Ok(false);
            }
        }
        if let Some(r) = rest {
            let mut copy: Dict = d.borrow().clone();
            for hk in &hks {
                copy.remove(hk);
            }
            binds.push((r.clone(), Value::dict(copy)));
        }
        Ok(true)
    }

    #[allow(clippy::too_many_arguments)]
    async fn match_class(
        self: &Rc<Self>,
        cls: &Expr,
        patterns: &[Pattern],
        kwd_attrs: &[Name],
        kwd_patterns: &[Pattern],
        v: &Value,
        binds: &mut Binds,
        f: &Rc<Frame>,
    ) -> PyResult<bool> {
        let cv = self.eval(cls, f).await?;
        let Value::Class(class) = &cv else {
            return Err(Exc::new(
                T::TypeError,
                "called match pattern must be a type",
            ));
        };
        if !ops::isinstance(v, class) {
            return Ok(false);
        }
        let tname = class.name.clone();
        let mut attrs: Vec<Value> = Vec::with_capacity(patterns.len() + kwd_attrs.len());
        let mut seen: Vec<Name> = Vec::new();
        let n = patterns.len();
        let mut names: Vec<Name> = Vec::new();
        if n > 0 {
            let (match_args, match_self) = match ops::getattr(self, &cv, "__match_args__") {
                Ok(Value::Tuple(t)) => (t.to_vec(), false),
                Ok(other) => {
                    return Err(Exc::new(
                        T::TypeError,
                        format!(
                            "{tname}.__match_args__ must be a tuple (got {})",
                            ops::type_name(&other)
                        ),
                    ))
                }
                Err(e) if e.is(T::AttributeError) => (Vec::new(), matches_self(class)),
                Err(e) => return Err(e),
            };
            let allowed = if match_self { 1 } else { match_args.len() };
            if allowed < n {
                return Err(Exc::new(
                    T::TypeError,
                    format!(
                        "{tname}() accepts {allowed} positional sub-pattern{} ({n} given)",
                        plural(allowed)
                    ),
                ));
            }
            if match_self {
                attrs.push(v.clone());
            } else {
                for name in match_args.iter().take(n) {
                    let Value::Str(s) = name else {
                        return Err(Exc::new(
                            T::TypeError,
                            format!(
                                "__match_args__ elements must be strings (got {})",
                                ops::type_name(name)
                            ),
                        ));
                    };
                    names.push(s.clone());
                }
            }
        }
        names.extend(kwd_attrs.iter().cloned());
        for name in &names {
            if seen.contains(name) {
                return Err(Exc::new(
                    T::TypeError,
                    format!(
                        "{tname}() got multiple sub-patterns for attribute {}",
                        ops::str_repr(name)
                    ),
                ));
            }
            seen.push(name.clone());
            match ops::getattr(self, v, name) {
                Ok(x) => attrs.push(x),
                Err(e) if e.is(T::AttributeError) => return Ok(false),
                Err(e) => return Err(e),
            }
        }
        for (p, x) in patterns.iter().chain(kwd_patterns).zip(&attrs) {
            if !self.match_pattern(p, x, binds, f).await? {
                return Ok(false);
            }
        }
        Ok(true)
    }
}
