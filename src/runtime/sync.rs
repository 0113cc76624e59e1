//! Synchronisation primitives that record who waits on what.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use std::task::Waker;

use super::spawn::{Cx, RunInner};
use crate::core::trace::{EventKind, TaskId};

struct Waiter {
    ticket: u64,
    task: TaskId,
    waker: Option<Waker>,
}

struct SemState {
    name: String,
    permits: Cell<usize>,
    next_ticket: Cell<u64>,
    waiters: RefCell<VecDeque<Waiter>>,
    granted: RefCell<Vec<u64>>,
    run: Rc<RunInner>,
}

impl SemState {
    fn release(&self) {
        let next = {
            let mut waiters = self.waiters.borrow_mut();
            waiters.pop_front()
        };
        match next {
            Some(w) => {
                self.granted.borrow_mut().push(w.ticket);
                self.run.woken(w.task);
                if let Some(waker) = w.waker {
                    waker.wake();
                }
            }
            None => self.permits.set(self.permits.get() + 1),
        }
    }
}

/// `asyncio.Semaphore(n)`: at most `n` holders at once; the others wait in
/// arrival order.
#[derive(Clone)]
pub struct Semaphore(Rc<SemState>);

/// A held permit; dropping it releases the semaphore (like leaving
/// `async with sem:`).
pub struct Permit {
    sem: Rc<SemState>,
    holder: TaskId,
}

impl Drop for Permit {
    fn drop(&mut self) {
        self.sem.run.note(
            self.holder,
            EventKind::Released {
                on: self.sem.name.clone(),
            },
        );
        self.sem.release();
    }
}

impl SemState {
    fn grant(self: &Rc<Self>, cx: &Cx) -> Permit {
        self.run.act(
            cx.id(),
            EventKind::Acquired {
                on: self.name.clone(),
            },
        );
        Permit {
            sem: self.clone(),
            holder: cx.id(),
        }
    }
}

impl Semaphore {
    /// A semaphore with `permits` permits, named `Semaphore(permits)`.
    pub fn new(cx: &Cx, permits: usize) -> Self {
        Self::named(cx, permits, format!("Semaphore({permits})"))
    }

    /// A semaphore with its own display name.
    pub fn named(cx: &Cx, permits: usize, name: String) -> Self {
        Semaphore(Rc::new(SemState {
            name,
            permits: Cell::new(permits),
            next_ticket: Cell::new(0),
            waiters: RefCell::new(VecDeque::new()),
            granted: RefCell::new(Vec::new()),
            run: cx.run.clone(),
        }))
    }

    /// The name shown where tasks wait on it.
    pub fn name(&self) -> &str {
        &self.0.name
    }

    /// Permits free right now.
    pub fn available(&self) -> usize {
        self.0.permits.get()
    }

    /// `async with sem:` — waits (recorded) for a permit.
    pub async fn acquire(&self, cx: &Cx) -> Permit {
        let s = &self.0;
        if s.permits.get() > 0 && s.waiters.borrow().is_empty() {
            s.permits.set(s.permits.get() - 1);
            return s.grant(cx);
        }
        let ticket = s.next_ticket.get();
        s.next_ticket.set(ticket + 1);
        s.waiters.borrow_mut().push_back(Waiter {
            ticket,
            task: cx.id(),
            waker: None,
        });
        let mut guard = WaitGuard {
            sem: s.clone(),
            ticket,
            done: false,
        };
        cx.wait_until(&s.name, |w| {
            if s.granted.borrow().contains(&ticket) {
                return true;
            }
            // Waiters are in ticket order: a binary search keeps 10,000
            // waiters linear overall.
            let mut waiters = s.waiters.borrow_mut();
            if let Ok(i) = waiters.binary_search_by_key(&ticket, |x| x.ticket) {
                if let Some(waiter) = waiters.get_mut(i) {
                    waiter.waker = Some(w.clone());
                }
            }
            false
        })
        .await;
        guard.done = true;
        s.granted.borrow_mut().retain(|t| *t != ticket);
        s.grant(cx)
    }
}

/// Removes a waiter whose task was cancelled while it waited; a permit
/// already handed to it is passed on.
struct WaitGuard {
    sem: Rc<SemState>,
    ticket: u64,
    done: bool,
}

impl Drop for WaitGuard {
    fn drop(&mut self) {
        if self.done {
            return;
        }
        let ticket = self.ticket;
        {
            let mut waiters = self.sem.waiters.borrow_mut();
            if let Ok(i) = waiters.binary_search_by_key(&ticket, |w| w.ticket) {
                waiters.remove(i);
            }
        }
        let was_granted = {
            let mut g = self.sem.granted.borrow_mut();
            let before = g.len();
            g.retain(|t| *t != ticket);
            before != g.len()
        };
        if was_granted {
            self.sem.release();
        }
    }
}
