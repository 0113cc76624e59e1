//! `try`/`except`/`else`/`finally`, `raise` (`from`), exception chaining
//! (`__context__`) and which `except` clause matches an exception.
//! (`except*` is in `groups.rs`.)

use std::rc::Rc;

use super::stmt::Done;
use super::{Flow, Frame, Interp};
use crate::python::ast::{Expr, Handler, Stmt};
use crate::python::exc::{class as tclass, Exc, PyResult, T};
use crate::python::value::{Class, Value};

impl Interp {
    /// Sets `e.__context__` to `ctx` when it has none (an exception raised
    /// while handling another).
    pub fn chain(&self, e: Exc, ctx: &Exc) -> Exc {
        if !e.same(ctx) {
            if let Some(d) = e.0.exc_data() {
                let mut d = d.borrow_mut();
                if d.context.is_none() {
                    d.context = Some(ctx.0.clone());
                }
            }
        }
        e
    }

    pub(super) async fn try_stmt(
        self: &Rc<Self>,
        body: &[Stmt],
        handlers: &[Handler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
        f: &Rc<Frame>,
    ) -> Done {
        let mut r = self.exec_block(body, f).await;
        match r {
            Err(Flow::Exc(e)) if handlers.first().is_some_and(|h| h.star) => {
                r = self.except_star(e, handlers, f).await;
            }
            Err(Flow::Exc(e)) if !handlers.is_empty() => {
                r = Err(Flow::Exc(e.clone()));
                for h in handlers {
                    if !self.handler_matches(h, &e, f).await? {
                        continue;
                    }
                    if self.user_frame(f) {
                        e.caught_in(Rc::as_ptr(f) as usize, &f.name, f.line.get());
                    }
                    if let Some(n) = &h.name {
                        self.store(f, n, e.0.clone())?;
                    }
                    f.handling.borrow_mut().push(e.clone());
                    let hr = self.exec_block(&h.body, f).await;
                    f.handling.borrow_mut().pop();
                    if let Some(n) = &h.name {
                        let _ = self.unbind(f, n);
                    }
                    r = match hr {
                        Err(Flow::Exc(e2)) => Err(Flow::Exc(self.chain(e2, &e))),
                        other => other,
                    };
                    break;
                }
            }
            Ok(()) => {
                r = self.exec_block(orelse, f).await;
            }
            _ => {}
        }
        if !finalbody.is_empty() {
            if let Err(Flow::Exc(e)) = &r {
                f.handling.borrow_mut().push(e.clone());
            }
            let fr = self.exec_block(finalbody, f).await;
            if let Err(Flow::Exc(_)) = &r {
                f.handling.borrow_mut().pop();
            }
            match fr {
                Ok(()) => {}
                Err(Flow::Exc(e2)) => {
                    if let Err(Flow::Exc(e)) = &r {
                        return Err(Flow::Exc(self.chain(e2, e)));
                    }
                    return Err(Flow::Exc(e2));
                }
                Err(other) => return Err(other),
            }
        }
        r
    }

    async fn handler_matches(
        self: &Rc<Self>,
        h: &Handler,
        e: &Exc,
        f: &Rc<Frame>,
    ) -> PyResult<bool> {
        let Some(t) = &h.typ else { return Ok(true) };
        let t = self.eval(t, f).await?;
        exc_matches(&e.class(), &t)
    }

    pub(super) async fn raise_stmt(
        self: &Rc<Self>,
        exc: &Option<Expr>,
        cause: &Option<Expr>,
        f: &Rc<Frame>,
    ) -> PyResult<Exc> {
        let Some(x) = exc else {
            return match f.current_exc() {
                Some(e) => Ok(e),
                None => Err(Exc::new(T::RuntimeError, "No active exception to reraise")),
            };
        };
        let v = self.eval(x, f).await?;
        let e = self.make_exc(v).await?;
        if let Some(c) = cause {
            let c = self.eval(c, f).await?;
            let c = if c.is_none() {
                None
            } else {
                Some(self.make_exc(c).await?.0)
            };
            if let Some(d) = e.0.exc_data() {
                let mut d = d.borrow_mut();
                d.cause = c;
                d.suppress_context = true;
            }
        }
        if let Some(ctx) = f.current_exc() {
            return Ok(self.chain(e, &ctx));
        }
        Ok(e)
    }

    /// An exception from what `raise` was given: an instance, or a class
    /// to call.
    pub async fn make_exc(self: &Rc<Self>, v: Value) -> PyResult<Exc> {
        match &v {
            Value::Instance(i) if i.exc.is_some() => Ok(Exc(v)),
            Value::Class(c) if c.is_exception => {
                let inst = self.call(v.clone(), Vec::new(), Vec::new()).await?;
                Ok(Exc(inst))
            }
            _ => Err(Exc::new(
                T::TypeError,
                "exceptions must derive from BaseException",
            )),
        }
    }
}

/// Whether an exception of class `c` matches an `except` clause's value
/// (a class or a tuple of classes).
pub fn exc_matches(c: &Rc<Class>, t: &Value) -> PyResult<bool> {
    match t {
        Value::Class(k) => {
            if !k.is_exception && !Rc::ptr_eq(k, &tclass(T::BaseException)) {
                return Err(Exc::new(
                    T::TypeError,
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            }
            Ok(c.is_subclass(k))
        }
        Value::Tuple(items) => {
            for i in items.iter() {
                if exc_matches(c, i)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(Exc::new(
            T::TypeError,
            "catching classes that do not inherit from BaseException is not allowed",
        )),
    }
}
