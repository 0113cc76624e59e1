//! Browser timers for the instrumented `sleep`: one JavaScript `setTimeout`
//! for all of them.
//!
//! Every pending sleep is an entry in a Rust-side queue ordered by due time
//! (then by when it was set). Only the earliest one is armed as a real
//! `setTimeout`, through one `Closure` made once; when it fires, every sleep
//! due by then is woken, in the order the sleeps were set, and the next one
//! is armed. This is what the virtual clock does too (all timers due at an
//! instant fire together, in order), and it makes a sleep cost a heap push
//! instead of a JS closure, a `setTimeout` and a `clearTimeout`: 10,000
//! `sleep(0)`s arm one timer, not 10,000.
//!
//! Dropping a sleep cancels it; when no sleep is pending any more, the
//! armed `setTimeout` is cleared too, so nothing of a stopped run is left
//! on the browser's timer list ([`pending`] counts what is).

use std::cell::{Cell, RefCell};
use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::clock::perf_now;

#[derive(Default)]
struct Shared {
    fired: Cell<bool>,
    dropped: Cell<bool>,
    waker: RefCell<Option<Waker>>,
}

struct Entry {
    due: f64,
    seq: u64,
    shared: Rc<Shared>,
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        self.due
            .total_cmp(&other.due)
            .then(self.seq.cmp(&other.seq))
    }
}

#[derive(Default)]
struct Queue {
    heap: BinaryHeap<Reverse<Entry>>,
    seq: u64,
    /// Sleeps set and neither fired nor dropped.
    live: usize,
    /// The armed `setTimeout`: (due, handle).
    armed: Option<(f64, i32)>,
    on_fire: Option<Closure<dyn FnMut()>>,
}

thread_local! {
    static QUEUE: RefCell<Queue> = RefCell::new(Queue::default());
}

/// Sleeps pending right now (set, not fired, not dropped), all runs.
pub fn pending() -> usize {
    QUEUE.with(|q| q.borrow().live)
}

/// Whether a real `setTimeout` is armed for the pending sleeps.
pub fn armed() -> bool {
    QUEUE.with(|q| q.borrow().armed.is_some())
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

impl Queue {
    fn disarm(&mut self) {
        if let (Some((_, handle)), Some(w)) = (self.armed.take(), window()) {
            w.clear_timeout_with_handle(handle);
        }
    }

    /// Arms a `setTimeout` for the earliest pending sleep, if it is not
    /// armed already.
    fn arm(&mut self) {
        while self
            .heap
            .peek()
            .is_some_and(|Reverse(e)| e.shared.dropped.get())
        {
            self.heap.pop();
        }
        let Some(due) = self.heap.peek().map(|Reverse(e)| e.due) else {
            self.disarm();
            return;
        };
        if self.armed.is_some_and(|(d, _)| d <= due) {
            return;
        }
        self.disarm();
        let on_fire = self
            .on_fire
            .get_or_insert_with(|| Closure::<dyn FnMut()>::new(fire));
        // Never early: a timer set for 3.2 ms from now waits 4 ms.
        let delay = (due - perf_now()).ceil().clamp(0.0, f64::from(i32::MAX)) as i32;
        if let Some(Ok(handle)) = window().map(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                on_fire.as_ref().unchecked_ref(),
                delay,
            )
        }) {
            self.armed = Some((due, handle));
        }
    }
}

/// The armed timer fired: wake every sleep due by now, in order, and arm
/// the next.
fn fire() {
    let due: Vec<Rc<Shared>> = QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        q.armed = None;
        let now = perf_now();
        let mut due = Vec::new();
        while q.heap.peek().is_some_and(|Reverse(e)| e.due <= now) {
            if let Some(Reverse(e)) = q.heap.pop() {
                if !e.shared.dropped.get() {
                    e.shared.fired.set(true);
                    q.live = q.live.saturating_sub(1);
                    due.push(e.shared);
                }
            }
        }
        q.arm();
        due
    });
    for s in due {
        let waker = s.waker.borrow_mut().take();
        if let Some(w) = waker {
            w.wake();
        }
    }
}

/// A pending sleep of the browser clock; dropping it cancels it.
pub(crate) struct Sleep {
    shared: Rc<Shared>,
}

/// A sleep of `real_ms` real milliseconds.
pub(crate) fn sleep(real_ms: f64) -> Sleep {
    let real_ms = if real_ms.is_finite() {
        real_ms.max(0.0)
    } else {
        0.0
    };
    let shared = Rc::new(Shared::default());
    QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        q.seq += 1;
        let seq = q.seq;
        q.heap.push(Reverse(Entry {
            due: perf_now() + real_ms,
            seq,
            shared: shared.clone(),
        }));
        q.live += 1;
        q.arm();
    });
    Sleep { shared }
}

impl Future for Sleep {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.shared.fired.get() {
            return Poll::Ready(());
        }
        let mut w = self.shared.waker.borrow_mut();
        if !w.as_ref().is_some_and(|w| w.will_wake(cx.waker())) {
            *w = Some(cx.waker().clone());
        }
        Poll::Pending
    }
}

impl Drop for Sleep {
    fn drop(&mut self) {
        if self.shared.fired.get() || self.shared.dropped.replace(true) {
            return;
        }
        QUEUE.with(|q| {
            let mut q = q.borrow_mut();
            q.live = q.live.saturating_sub(1);
            if q.live == 0 {
                // Nothing pending: leave nothing armed either.
                q.heap.clear();
                q.disarm();
            }
        });
    }
}
