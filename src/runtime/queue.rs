//! `asyncio.Queue(maxsize)`: a first-in first-out queue between tasks that
//! records every item put and got, and who waits on it.
//!
//! - `put` waits (recorded as `Waiting { on: "Queue(maxsize=2)" }`) while the
//!   queue is full; `get` waits while it is empty. Waiters are served in
//!   arrival order.
//! - Every item that enters the queue is recorded as
//!   [`EventKind::QueuePut`] by the task that put it, every item that leaves
//!   it as [`EventKind::QueueGot`] by the task that got it, so the queue's
//!   content at any moment is derived from the log.
//! - An item put while a consumer waits is handed straight to the first
//!   waiting consumer. When a `get` frees a slot of a full queue, the slot
//!   is kept for the first waiting putter, which puts its item when it
//!   resumes (so nobody barges in meanwhile).
//! - Cancellation safe, as in asyncio: a getter cancelled after an item was
//!   handed to it gives the item back (to the next getter, or the front of
//!   the queue); a putter cancelled while it waits, even after a slot was
//!   kept for it, never puts its item and passes the slot on.
//! - `task_done()` and `join()` as in asyncio: `join()` waits until every
//!   item put has been marked done.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::fmt::Display;
use std::rc::Rc;
use std::task::Waker;

use super::spawn::{Cx, RunInner, TaskError};
use crate::core::trace::{EventKind, TaskId};

struct Waiter {
    ticket: u64,
    task: TaskId,
    waker: Option<Waker>,
}

struct QueueState<T> {
    name: String,
    maxsize: usize,
    items: RefCell<VecDeque<T>>,
    getters: RefCell<VecDeque<Waiter>>,
    /// Items handed to a waiting getter that has not resumed yet.
    handed: RefCell<Vec<(u64, T)>>,
    putters: RefCell<VecDeque<Waiter>>,
    /// Tickets of waiting putters for which a slot is kept.
    reserved: RefCell<Vec<u64>>,
    next_ticket: Cell<u64>,
    unfinished: Cell<usize>,
    joiners: RefCell<Vec<Waker>>,
    run: Rc<RunInner>,
}

impl<T: Display> QueueState<T> {
    fn ticket(&self) -> u64 {
        let t = self.next_ticket.get();
        self.next_ticket.set(t + 1);
        t
    }

    fn full(&self) -> bool {
        self.maxsize > 0 && self.items.borrow().len() + self.reserved.borrow().len() >= self.maxsize
    }

    /// Gives `item` to the first waiting getter; returns it if none waits.
    fn hand_to_getter(&self, item: T) -> Option<T> {
        let next = self.getters.borrow_mut().pop_front();
        match next {
            Some(g) => {
                self.handed.borrow_mut().push((g.ticket, item));
                self.run.woken(g.task);
                if let Some(w) = g.waker {
                    w.wake();
                }
                None
            }
            None => Some(item),
        }
    }

    /// Keeps a free slot for the first waiting putter and wakes it.
    fn admit_putter(&self) {
        if self.full() {
            return;
        }
        let next = self.putters.borrow_mut().pop_front();
        let Some(p) = next else { return };
        self.reserved.borrow_mut().push(p.ticket);
        self.run.woken(p.task);
        if let Some(w) = p.waker {
            w.wake();
        }
    }

    /// Puts `item` now (there is room): recorded, then handed to a waiting
    /// getter or queued.
    fn enter(&self, cx: &Cx, item: T) {
        self.run.act(
            cx.id(),
            EventKind::queue_put(self.name.clone(), item.to_string()),
        );
        self.unfinished.set(self.unfinished.get() + 1);
        if let Some(item) = self.hand_to_getter(item) {
            self.items.borrow_mut().push_back(item);
        }
    }

    fn took(&self, cx: &Cx, item: &T) {
        self.run.act(
            cx.id(),
            EventKind::queue_got(self.name.clone(), item.to_string()),
        );
    }
}

/// `asyncio.Queue(maxsize)`: `maxsize` 0 means unbounded. Clones share the
/// same queue.
pub struct Queue<T>(Rc<QueueState<T>>);

impl<T> Clone for Queue<T> {
    fn clone(&self) -> Self {
        Queue(self.0.clone())
    }
}

impl<T: Display + 'static> Queue<T> {
    /// A queue named `Queue(maxsize=N)` (`Queue()` when unbounded).
    pub fn new(cx: &Cx, maxsize: usize) -> Self {
        let name = if maxsize == 0 {
            "Queue()".to_string()
        } else {
            format!("Queue(maxsize={maxsize})")
        };
        Self::named(cx, maxsize, name)
    }

    /// A queue with its own display name.
    pub fn named(cx: &Cx, maxsize: usize, name: String) -> Self {
        Queue(Rc::new(QueueState {
            name,
            maxsize,
            items: RefCell::new(VecDeque::new()),
            getters: RefCell::new(VecDeque::new()),
            handed: RefCell::new(Vec::new()),
            putters: RefCell::new(VecDeque::new()),
            reserved: RefCell::new(Vec::new()),
            next_ticket: Cell::new(0),
            unfinished: Cell::new(0),
            joiners: RefCell::new(Vec::new()),
            run: cx.run.clone(),
        }))
    }

    /// The name shown where tasks wait on it.
    pub fn name(&self) -> &str {
        &self.0.name
    }

    /// The bound given at creation (0: unbounded).
    pub fn maxsize(&self) -> usize {
        self.0.maxsize
    }

    /// `q.qsize()`: items in the queue now.
    pub fn qsize(&self) -> usize {
        self.0.items.borrow().len() + self.0.handed.borrow().len()
    }

    /// `q.empty()`.
    pub fn empty(&self) -> bool {
        self.qsize() == 0
    }

    /// `q.full()`.
    pub fn full(&self) -> bool {
        self.0.full()
    }

    /// `await q.put(item)`: puts the item, waiting while the queue is full.
    pub async fn put(&self, cx: &Cx, item: T) {
        let s = &self.0;
        if s.putters.borrow().is_empty() && !s.full() {
            s.enter(cx, item);
            return;
        }
        let ticket = s.ticket();
        s.putters.borrow_mut().push_back(Waiter {
            ticket,
            task: cx.id(),
            waker: None,
        });
        let mut guard = PutGuard {
            queue: s.clone(),
            ticket,
            done: false,
        };
        cx.wait_until(&s.name, |w| {
            if s.reserved.borrow().contains(&ticket) {
                return true;
            }
            if let Some(p) = s
                .putters
                .borrow_mut()
                .iter_mut()
                .find(|p| p.ticket == ticket)
            {
                p.waker = Some(w.clone());
            }
            false
        })
        .await;
        guard.done = true;
        s.reserved.borrow_mut().retain(|t| *t != ticket);
        s.enter(cx, item);
    }

    /// `await q.get()`: takes the oldest item, waiting while the queue is
    /// empty.
    pub async fn get(&self, cx: &Cx) -> T {
        let s = &self.0;
        let first = if s.getters.borrow().is_empty() {
            s.items.borrow_mut().pop_front()
        } else {
            None
        };
        if let Some(item) = first {
            s.took(cx, &item);
            s.admit_putter();
            return item;
        }
        let ticket = s.ticket();
        s.getters.borrow_mut().push_back(Waiter {
            ticket,
            task: cx.id(),
            waker: None,
        });
        let mut guard = GetGuard {
            queue: s.clone(),
            ticket,
            done: false,
        };
        let mut got: Option<T> = None;
        cx.wait_until(&s.name, |w| {
            let mut handed = s.handed.borrow_mut();
            if let Some(pos) = handed.iter().position(|(t, _)| *t == ticket) {
                got = Some(handed.swap_remove(pos).1);
                return true;
            }
            if let Some(g) = s
                .getters
                .borrow_mut()
                .iter_mut()
                .find(|g| g.ticket == ticket)
            {
                g.waker = Some(w.clone());
            }
            false
        })
        .await;
        guard.done = true;
        match got {
            Some(item) => {
                s.took(cx, &item);
                s.admit_putter();
                item
            }
            // Unreachable by construction: the wait ends only with an item.
            None => std::future::pending().await,
        }
    }

    /// `q.task_done()`: marks one got item as processed. Raises
    /// `ValueError` when called more times than items were put.
    pub fn task_done(&self) -> Result<(), TaskError> {
        let s = &self.0;
        let n = s.unfinished.get();
        if n == 0 {
            return Err(TaskError::Raised(
                "ValueError: task_done() called too many times".to_string(),
            ));
        }
        s.unfinished.set(n - 1);
        if n == 1 {
            for w in s.joiners.borrow_mut().drain(..) {
                w.wake();
            }
        }
        Ok(())
    }

    /// Items put and not yet marked done.
    pub fn unfinished(&self) -> usize {
        self.0.unfinished.get()
    }

    /// `await q.join()`: waits until every item put has been marked done
    /// (recorded as waiting on `Queue(maxsize=N).join()`).
    pub async fn join(&self, cx: &Cx) {
        let s = &self.0;
        let on = format!("{}.join()", s.name);
        cx.wait_until(&on, |w| {
            if s.unfinished.get() == 0 {
                return true;
            }
            s.joiners.borrow_mut().push(w.clone());
            false
        })
        .await;
    }
}

/// Takes a cancelled putter out of line; its item is never put, and a slot
/// kept for it goes to the next putter.
struct PutGuard<T: Display> {
    queue: Rc<QueueState<T>>,
    ticket: u64,
    done: bool,
}

impl<T: Display> Drop for PutGuard<T> {
    fn drop(&mut self) {
        if self.done {
            return;
        }
        let ticket = self.ticket;
        let s = &self.queue;
        s.putters.borrow_mut().retain(|p| p.ticket != ticket);
        let had_slot = {
            let mut reserved = s.reserved.borrow_mut();
            let before = reserved.len();
            reserved.retain(|t| *t != ticket);
            before != reserved.len()
        };
        if had_slot {
            s.admit_putter();
        }
    }
}

/// Takes a cancelled getter out of line; an item already handed to it goes
/// to the next getter or back to the front of the queue.
struct GetGuard<T: Display> {
    queue: Rc<QueueState<T>>,
    ticket: u64,
    done: bool,
}

impl<T: Display> Drop for GetGuard<T> {
    fn drop(&mut self) {
        if self.done {
            return;
        }
        let ticket = self.ticket;
        let s = &self.queue;
        s.getters.borrow_mut().retain(|g| g.ticket != ticket);
        let item = {
            let mut handed = s.handed.borrow_mut();
            handed
                .iter()
                .position(|(t, _)| *t == ticket)
                .map(|pos| handed.swap_remove(pos).1)
        };
        if let Some(item) = item {
            if let Some(item) = s.hand_to_getter(item) {
                s.items.borrow_mut().push_front(item);
            }
        }
    }
}
