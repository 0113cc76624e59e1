//! `with` and `async with`: a context manager's enter and exit, the exit
//! told of the body's exception and maybe suppressing it.

use std::rc::Rc;

use futures::future::LocalBoxFuture;

use super::stmt::Done;
use super::{Flow, Frame, Interp};
use crate::python::ast::{Stmt, WithItem};
use crate::python::exc::{Exc, T};
use crate::python::ops;
use crate::python::value::Value;

impl Interp {
    /// The rest of a `with`'s items, then its body (no box of its own
    /// when no item is left).
    async fn with_rest(
        self: &Rc<Self>,
        rest: &[WithItem],
        body: &[Stmt],
        is_async: bool,
        f: &Rc<Frame>,
    ) -> Done {
        if rest.is_empty() {
            return self.exec_block(body, f).await;
        }
        self.with(rest, body, is_async, f).await
    }

    pub(super) fn with<'a>(
        self: &'a Rc<Self>,
        items: &'a [WithItem],
        body: &'a [Stmt],
        is_async: bool,
        f: &'a Rc<Frame>,
    ) -> LocalBoxFuture<'a, Done> {
        Box::pin(async move {
            let Some((item, rest)) = items.split_first() else {
                return self.exec_block(body, f).await;
            };
            let mgr = self.eval(&item.context, f).await?;
            let (enter, exit) = if is_async {
                ("__aenter__", "__aexit__")
            } else {
                ("__enter__", "__exit__")
            };
            let exit_fn = match ops::getattr(self, &mgr, exit) {
                Ok(x) => x,
                Err(_) => {
                    let what = if is_async {
                        "asynchronous context manager protocol"
                    } else {
                        "context manager protocol"
                    };
                    return Err(Flow::Exc(Exc::new(
                        T::TypeError,
                        format!(
                            "'{}' object does not support the {what}",
                            ops::type_name(&mgr)
                        ),
                    )));
                }
            };
            let mut v = self.call_method(&mgr, enter, Vec::new()).await?;
            if is_async {
                v = self.await_value(v).await?;
            }
            let r = match &item.var {
                Some(t) => match self.assign(t, v, f).await {
                    Ok(()) => self.with_rest(rest, body, is_async, f).await,
                    Err(e) => Err(Flow::Exc(e)),
                },
                None => self.with_rest(rest, body, is_async, f).await,
            };
            // The exit is the `with` line's (as CPython's tracebacks say).
            f.line.set(item.context.pos.line);
            match r {
                Err(Flow::Exc(e)) => {
                    let cls = Value::Class(e.class());
                    f.handling.borrow_mut().push(e.clone());
                    let mut out = self
                        .call(exit_fn, vec![cls, e.0.clone(), Value::None], Vec::new())
                        .await;
                    if is_async {
                        if let Ok(aw) = out {
                            out = self.await_value(aw).await;
                        }
                    }
                    f.handling.borrow_mut().pop();
                    let suppress = match out {
                        Ok(v) => ops::truthy(self, &v)?,
                        Err(e2) => return Err(Flow::Exc(self.chain(e2, &e))),
                    };
                    if suppress {
                        Ok(())
                    } else {
                        Err(Flow::Exc(e))
                    }
                }
                other => {
                    let mut out = self
                        .call(
                            exit_fn,
                            vec![Value::None, Value::None, Value::None],
                            Vec::new(),
                        )
                        .await;
                    if is_async {
                        if let Ok(aw) = out {
                            out = self.await_value(aw).await;
                        }
                    }
                    out?;
                    other
                }
            }
        })
    }
}
