//! Coroutine, generator and async generator objects.
//!
//! A body runs as a Rust future polled by hand with a no-op waker: a Python
//! suspension (a `yield`, or an `await` on a pending future) is a
//! `Poll::Pending` after the value it hands out is left in a slot, and
//! resuming is polling again. Who polls decides what the suspension means:
//! a generator's consumer takes the yielded value; a task's step takes the
//! future the coroutine waits on (see [`super::interp::Interp::step`]).

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};

use futures::future::LocalBoxFuture;

use super::exc::{Exc, PyResult};
use super::value::Value;
use crate::core::trace::TaskId;

/// Where coroutines dropped unawaited are reported: (qualname, the call
/// that made it, e.g. `save('report')`).
pub type Warnings = Rc<RefCell<Vec<(Rc<str>, Rc<str>)>>>;

/// Which kind of object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoroKind {
    /// `async def` called.
    Coroutine,
    /// `def` with `yield` called, or a generator expression.
    Generator,
    /// `async def` with `yield` called.
    AsyncGenerator,
}

/// A coroutine, generator or async generator object.
pub struct Coro {
    /// Which kind.
    pub kind: CoroKind,
    /// `__name__`.
    pub name: Rc<str>,
    /// `__qualname__`.
    pub qualname: Rc<str>,
    /// The lane name: the call with its simple arguments, `fetch_user(2)`.
    pub call: Rc<str>,
    /// The call as written, for a method (`conn.query('SELECT 1')`): the
    /// lane name when it is awaited directly.
    pub call_text: RefCell<Option<Rc<str>>>,
    /// The line of its `def`.
    pub def_line: u32,
    /// Whether user code defined it (only those get lanes of their own).
    pub user: bool,
    /// The body; `None` once it finished (or while it is being polled by
    /// someone who took it).
    pub body: RefCell<Option<LocalBoxFuture<'static, PyResult<Value>>>>,
    /// Whether it was ever resumed (started).
    pub started: Cell<bool>,
    /// Whether it finished.
    pub finished: Cell<bool>,
    /// Whether it is running now (re-entrance is an error).
    pub running: Cell<bool>,
    /// A generator's value handed out by `yield`.
    pub yielded: RefCell<Option<Value>>,
    /// A value sent in (`send(v)`; `None` for `next()`).
    pub sent: RefCell<Option<Value>>,
    /// An exception thrown in (`throw(e)`, `close()`).
    pub thrown: RefCell<Option<Exc>>,
    /// Its lane, once it has one.
    pub lane: Cell<Option<TaskId>>,
    /// Where to report a coroutine never awaited (shared with its interpreter).
    pub warnings: Warnings,
    /// The task that owns it, once wrapped in one (or awaited).
    pub owned: Cell<bool>,
    /// An async generator seen by the loop's asyncgen hooks: once, on its
    /// first `__anext__`/`asend`/`athrow`/`aclose` (CPython's
    /// `ag_hooks_inited`), so the finalizer closes it once.
    pub hooked: Cell<bool>,
}

impl std::fmt::Debug for Coro {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{:?} {}>", self.kind, self.qualname)
    }
}

impl Drop for Coro {
    fn drop(&mut self) {
        if self.kind == CoroKind::Coroutine && !self.started.get() && !self.owned.get() {
            self.warnings
                .borrow_mut()
                .push((self.qualname.clone(), self.call.clone()));
        }
    }
}

fn noop_raw() -> RawWaker {
    fn clone(_: *const ()) -> RawWaker {
        noop_raw()
    }
    fn noop(_: *const ()) {}
    static VTABLE: RawWakerVTable = RawWakerVTable::new(clone, noop, noop, noop);
    RawWaker::new(std::ptr::null(), &VTABLE)
}

/// A waker that does nothing: the interpreter decides when to poll again.
pub fn noop_waker() -> Waker {
    // SAFETY: the vtable's functions do nothing and never touch the data pointer.
    unsafe { Waker::from_raw(noop_raw()) }
}

/// Polls a body once.
pub fn poll_once<T>(fut: &mut LocalBoxFuture<'_, T>) -> Poll<T> {
    let waker = noop_waker();
    let mut cx = Context::from_waker(&waker);
    fut.as_mut().poll(&mut cx)
}

/// [`poll_once`] of a future pinned in place.
pub fn poll_pinned<F: Future>(fut: Pin<&mut F>) -> Poll<F::Output> {
    let waker = noop_waker();
    let mut cx = Context::from_waker(&waker);
    fut.poll(&mut cx)
}

/// A future that is pending once, then ready: one Python suspension.
#[derive(Default)]
pub struct Suspend(bool);

impl Future for Suspend {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            Poll::Pending
        }
    }
}

/// What resuming a generator gave.
pub enum Resumed {
    /// It yielded a value.
    Yielded(Value),
    /// It returned (StopIteration's value).
    Returned(Value),
    /// It is suspended on the event loop (an async generator's `await`).
    Suspended,
}

impl Coro {
    /// Resumes a generator (or async generator) with `sent` or `thrown`,
    /// polling its body once.
    pub fn resume(&self, sent: Value, thrown: Option<Exc>) -> PyResult<Resumed> {
        if self.finished.get() {
            if let Some(e) = thrown {
                return Err(e);
            }
            return Ok(Resumed::Returned(Value::None));
        }
        if self.running.get() {
            return Err(Exc::new(
                super::exc::T::ValueError,
                "generator already executing",
            ));
        }
        let Some(mut body) = self.body.borrow_mut().take() else {
            return Err(Exc::new(
                super::exc::T::ValueError,
                "generator already executing",
            ));
        };
        if !self.started.get() {
            self.started.set(true);
            if let Some(e) = thrown {
                // Thrown into a generator that never started: it ends at once.
                self.finished.set(true);
                return Err(e);
            }
        } else {
            *self.sent.borrow_mut() = Some(sent);
            *self.thrown.borrow_mut() = thrown;
        }
        self.running.set(true);
        let r = poll_once(&mut body);
        self.running.set(false);
        match r {
            Poll::Ready(r) => {
                self.finished.set(true);
                r.map(Resumed::Returned)
            }
            Poll::Pending => {
                *self.body.borrow_mut() = Some(body);
                match self.yielded.borrow_mut().take() {
                    Some(v) => Ok(Resumed::Yielded(v)),
                    None => Ok(Resumed::Suspended),
                }
            }
        }
    }
}
