//! asyncio's `Future` and `Task`, with CPython's states and callbacks.
//!
//! A Task is a Future that drives a coroutine: its [`TaskPart`] holds what
//! `Task.__step` needs (`_must_cancel`, `_fut_waiter`, the cancel message).
//! The stepping itself is the interpreter's ([`super::interp::Interp::step`]),
//! because it polls Python code.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::coro::Coro;
use super::exc::{Exc, T};
use super::value::Value;
use crate::core::trace::TaskId;

/// A future's state.
#[derive(Clone, Debug)]
pub enum FutState {
    /// Not done.
    Pending,
    /// Done with a result.
    Result(Value),
    /// Done with an exception.
    Exception(Exc),
    /// Cancelled (with the message given to `cancel`, if any).
    Cancelled(Option<Value>),
}

/// A done-callback.
#[derive(Clone, Debug)]
pub enum Callback {
    /// `Task.__wakeup` of this task.
    Wakeup(Rc<Fut>),
    /// A Python callable, called with the future.
    Py(Value),
}

/// What a future stands for, for the lane of a task that awaits it.
#[derive(Clone, Debug, Default)]
pub enum Label {
    /// Nothing in particular (a plain future): "Future".
    #[default]
    Plain,
    /// `asyncio.sleep`: due at this scenario time.
    Sleep(f64),
    /// I/O (a fetch, a worker job): what.
    Io(Rc<str>),
    /// A named resource or aggregate: `sem`, `gather(3 tasks)`, `queue.get()`.
    Named(Rc<str>),
}

/// A Future or a Task.
#[derive(Debug)]
pub struct Fut {
    /// Its state.
    pub state: RefCell<FutState>,
    /// Callbacks to schedule when it is done.
    pub callbacks: RefCell<Vec<Callback>>,
    /// What awaiting it means, for the log.
    pub label: RefCell<Label>,
    /// Whether an exception it holds was never looked at (shared with the
    /// interpreter's list of failed tasks, which outlives the future).
    pub log_traceback: Rc<Cell<bool>>,
    /// Task-only state.
    pub task: Option<TaskPart>,
    /// `_GatheringFuture`: its children (cancelling it cancels them).
    pub children: RefCell<Vec<Rc<Fut>>>,
    /// `_GatheringFuture._cancel_requested`.
    pub cancel_requested: Cell<bool>,
    /// What awaiting it is, for the await graph (a lock, a semaphore, a
    /// queue, a gather), once the asyncio prelude labels it.
    pub await_kind: Cell<Option<crate::core::trace::AwaitKind>>,
}

/// The part of a Task that drives its coroutine.
#[derive(Debug)]
pub struct TaskPart {
    /// The coroutine.
    pub coro: Rc<Coro>,
    /// `get_name()`.
    pub name: RefCell<Rc<str>>,
    /// Its lane in the log.
    pub lane: TaskId,
    /// Lanes of coroutines it awaits directly, innermost last.
    pub lanes: RefCell<Vec<TaskId>>,
    /// `_must_cancel`.
    pub must_cancel: Cell<bool>,
    /// `_cancel_message`.
    pub cancel_message: RefCell<Option<Value>>,
    /// `_fut_waiter`.
    pub fut_waiter: RefCell<Option<Rc<Fut>>>,
    /// `_num_cancels_requested`.
    pub num_cancels: Cell<u32>,
    /// Whether the log already shows its lane as running.
    pub running: Cell<bool>,
}

impl Fut {
    /// A pending plain future.
    pub fn new() -> Rc<Fut> {
        Rc::new(Fut {
            state: RefCell::new(FutState::Pending),
            callbacks: RefCell::new(Vec::new()),
            label: RefCell::new(Label::Plain),
            log_traceback: Rc::new(Cell::new(false)),
            task: None,
            children: RefCell::new(Vec::new()),
            cancel_requested: Cell::new(false),
            await_kind: Cell::new(None),
        })
    }

    /// A pending task for `coro`, named `name`, on `lane`.
    pub fn new_task(coro: Rc<Coro>, name: Rc<str>, lane: TaskId) -> Rc<Fut> {
        Rc::new(Fut {
            state: RefCell::new(FutState::Pending),
            callbacks: RefCell::new(Vec::new()),
            label: RefCell::new(Label::Plain),
            log_traceback: Rc::new(Cell::new(false)),
            task: Some(TaskPart {
                coro,
                name: RefCell::new(name),
                lane,
                lanes: RefCell::new(Vec::new()),
                must_cancel: Cell::new(false),
                cancel_message: RefCell::new(None),
                fut_waiter: RefCell::new(None),
                num_cancels: Cell::new(0),
                running: Cell::new(false),
            }),
            children: RefCell::new(Vec::new()),
            cancel_requested: Cell::new(false),
            await_kind: Cell::new(None),
        })
    }

    /// `done()`.
    pub fn done(&self) -> bool {
        !matches!(*self.state.borrow(), FutState::Pending)
    }

    /// `cancelled()`.
    pub fn cancelled(&self) -> bool {
        matches!(*self.state.borrow(), FutState::Cancelled(_))
    }

    /// Whether this is a Task.
    pub fn is_task(&self) -> bool {
        self.task.is_some()
    }

    /// The CancelledError a cancelled future raises (`_make_cancelled_error`).
    pub fn cancelled_error(&self) -> Exc {
        match &*self.state.borrow() {
            FutState::Cancelled(Some(msg)) => Exc::with_args(T::CancelledError, vec![msg.clone()]),
            _ => Exc::bare(T::CancelledError),
        }
    }

    /// `result()`: the result, or raises.
    pub fn result(&self) -> Result<Value, Exc> {
        let state = self.state.borrow().clone();
        match state {
            FutState::Pending => Err(Exc::new(T::InvalidStateError, "Result is not set.")),
            FutState::Result(v) => Ok(v),
            FutState::Exception(e) => {
                self.log_traceback.set(false);
                Err(e)
            }
            FutState::Cancelled(_) => Err(self.cancelled_error()),
        }
    }

    /// `exception()`: the exception or None, or raises.
    pub fn exception(&self) -> Result<Value, Exc> {
        let state = self.state.borrow().clone();
        match state {
            FutState::Pending => Err(Exc::new(T::InvalidStateError, "Exception is not set.")),
            FutState::Result(_) => Ok(Value::None),
            FutState::Exception(e) => {
                self.log_traceback.set(false);
                Ok(e.0)
            }
            FutState::Cancelled(_) => Err(self.cancelled_error()),
        }
    }

    /// Takes the callbacks to schedule now that it is done.
    pub fn take_callbacks(&self) -> Vec<Callback> {
        std::mem::take(&mut *self.callbacks.borrow_mut())
    }

    /// The task's part (panics are avoided: callers check `is_task`).
    pub fn tp(&self) -> Option<&TaskPart> {
        self.task.as_ref()
    }
}
