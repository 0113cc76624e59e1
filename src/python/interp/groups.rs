//! Exception groups: `split` (as `BaseExceptionGroup.split` does it) and
//! `try`/`except*` (CPython 3.11's `ceval.c` `exception_group_match` and
//! `_PyExc_PrepReraiseStar`): each `except*` clause takes the part of the
//! group it matches; what the clauses raise and what none matched are
//! raised together at the end.

use std::rc::Rc;

use super::stmt::Done;
use super::traceback::group_members;
use super::try_stmt::exc_matches;
use super::{Flow, Frame, Interp};
use crate::python::ast::Handler;
use crate::python::exc::{is_sub, Exc, PyResult, T};
use crate::python::value::Value;

/// A group of `members` with `like`'s message and metadata (traceback,
/// cause, context): `BaseExceptionGroup.derive` plus what `split` copies.
/// An `ExceptionGroup` when every member is an `Exception`.
fn derive(like: &Value, members: Vec<Value>) -> Value {
    let msg = like
        .exc_data()
        .and_then(|d| d.borrow().args.first().cloned())
        .unwrap_or_else(|| Value::str(""));
    let g = new_group(msg, members);
    if let (Some(from), Some(to)) = (like.exc_data(), g.exc_data()) {
        let from = from.borrow();
        let mut to = to.borrow_mut();
        to.traceback = from.traceback.clone();
        to.cause = from.cause.clone();
        to.context = from.context.clone();
        to.suppress_context = from.suppress_context;
        to.caught_in = from.caught_in;
    }
    g
}

/// `BaseExceptionGroup(msg, members)`: an `ExceptionGroup` when every
/// member is an `Exception`.
pub(super) fn new_group(msg: Value, members: Vec<Value>) -> Value {
    let all_exc = members
        .iter()
        .all(|m| matches!(m, Value::Instance(i) if is_sub(&i.class, T::Exception)));
    let cls = if all_exc {
        T::ExceptionGroup
    } else {
        T::BaseExceptionGroup
    };
    Exc::with_args(cls, vec![msg, Value::list(members)]).0
}

/// `(match, rest)` of `e` by `test` on each exception (a group that
/// matches as a whole is matched whole).
pub fn split(
    e: &Value,
    test: &mut dyn FnMut(&Value) -> PyResult<bool>,
) -> PyResult<(Option<Value>, Option<Value>)> {
    if test(e)? {
        return Ok((Some(e.clone()), None));
    }
    let Some(members) = group_members(e) else {
        return Ok((None, Some(e.clone())));
    };
    let (mut hit, mut miss) = (Vec::new(), Vec::new());
    for m in &members {
        let (h, r) = split(m, test)?;
        hit.extend(h);
        miss.extend(r);
    }
    let part = |v: Vec<Value>| (!v.is_empty()).then(|| derive(e, v));
    Ok((part(hit), part(miss)))
}

/// The leaves (exceptions that are not groups) of `e`.
fn leaves(e: &Value, out: &mut Vec<Value>) {
    match group_members(e) {
        Some(ms) => ms.iter().for_each(|m| leaves(m, out)),
        None => out.push(e.clone()),
    }
}

/// Whether `a` carries `b`'s traceback, cause and context (a re-raise of a
/// part of `b`, not a new exception).
fn same_metadata(a: &Value, b: &Value) -> bool {
    let (Some(a), Some(b)) = (a.exc_data(), b.exc_data()) else {
        return false;
    };
    let (a, b) = (a.borrow(), b.borrow());
    let same = |x: &Option<Value>, y: &Option<Value>| match (x, y) {
        (None, None) => true,
        (Some(x), Some(y)) => x.is(y),
        _ => false,
    };
    a.traceback == b.traceback && same(&a.cause, &b.cause) && same(&a.context, &b.context)
}

impl Interp {
    /// The `except*` clauses of a `try` whose block raised `e`.
    pub(super) async fn except_star(
        self: &Rc<Self>,
        e: Exc,
        handlers: &[Handler],
        f: &Rc<Frame>,
    ) -> Done {
        if self.user_frame(f) {
            e.caught_in(Rc::as_ptr(f) as usize, &f.name, f.line.get());
        }
        let orig = e.0.clone();
        let naked = group_members(&orig).is_none();
        let mut rest = Some(orig.clone());
        let mut raised: Vec<Value> = Vec::new();
        for h in handlers {
            let Some(r) = rest.clone() else { break };
            let Some(t) = &h.typ else { continue };
            let t = self.eval(t, f).await?;
            let types: Vec<Value> = match &t {
                Value::Tuple(items) => items.to_vec(),
                other => vec![other.clone()],
            };
            for ty in &types {
                if let Value::Class(c) = ty {
                    if is_sub(c, T::BaseExceptionGroup) {
                        let te = Exc::new(
                            T::TypeError,
                            "catching ExceptionGroup with except* is not allowed. Use except instead.",
                        );
                        return Err(Flow::Exc(self.chain(te, &e)));
                    }
                }
            }
            let mut test = |x: &Value| match x {
                Value::Instance(i) => exc_matches(&i.class, &t),
                _ => Ok(false),
            };
            let (hit, miss) = if naked {
                // A naked exception that matches is wrapped in a group.
                if test(&r)? {
                    let g = new_group(Value::str(""), Vec::new());
                    if let Some(d) = g.exc_data() {
                        d.borrow_mut().args[1] = Value::tuple(vec![r]);
                    }
                    (Some(g), None)
                } else {
                    (None, Some(r))
                }
            } else {
                split(&r, &mut test)?
            };
            rest = miss;
            let Some(hit) = hit else { continue };
            if let Some(n) = &h.name {
                self.store(f, n, hit.clone())?;
            }
            let hit = Exc(hit);
            f.handling.borrow_mut().push(hit.clone());
            let hr = self.exec_block(&h.body, f).await;
            f.handling.borrow_mut().pop();
            if let Some(n) = &h.name {
                let _ = self.unbind(f, n);
            }
            match hr {
                Ok(()) => {}
                Err(Flow::Exc(x)) => raised.push(self.chain(x, &hit).0),
                Err(other) => return Err(other),
            }
        }
        raised.extend(rest);
        if raised.is_empty() {
            return Ok(());
        }
        if naked {
            // One clause at most ran: what it raised, or what was left.
            return Err(Flow::Exc(Exc(raised.swap_remove(0))));
        }
        let (again, new): (Vec<Value>, Vec<Value>) =
            raised.into_iter().partition(|x| same_metadata(x, &orig));
        let mut ids = Vec::new();
        for x in &again {
            leaves(x, &mut ids);
        }
        let mut out = new;
        if !ids.is_empty() {
            let (keep, _) = split(&orig, &mut |x: &Value| Ok(ids.iter().any(|l| l.is(x))))?;
            out.extend(keep);
        }
        let result = if out.len() > 1 {
            Exc(new_group(Value::str(""), out))
        } else {
            match out.pop() {
                Some(x) => Exc(x),
                None => return Ok(()),
            }
        };
        Err(Flow::Exc(result))
    }
}
