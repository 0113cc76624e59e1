//! Spawning in chunks on the browser's loop: at most [`PER_TURN`] new tasks
//! start (get their first poll) in one turn of the loop; the rest wait, in
//! order, for the next turns (a `setTimeout(0)` each), so the browser can
//! paint between them. A `main()` that creates 10,000 tasks at once then
//! starts them over a few frames instead of freezing the page for all of
//! them, which is also what a learner sees: their lanes go from ready to
//! running a little later, and the lateness against the ideal run says so.
//!
//! Fewer than [`PER_TURN`] tasks per turn (every lesson at its usual
//! sizes) start exactly as before.

use std::cell::RefCell;
use std::collections::VecDeque;

use futures::future::LocalBoxFuture;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Most tasks started in one turn of the loop.
pub const PER_TURN: usize = 1000;

#[derive(Default)]
struct Chunker {
    /// Tasks started in this turn.
    started: usize,
    /// Tasks waiting for a later turn, in spawn order.
    waiting: VecDeque<LocalBoxFuture<'static, ()>>,
    /// Whether the next turn is already scheduled.
    scheduled: bool,
    /// The callback of every turn's `setTimeout`, made once (a closure per
    /// turn would have to be leaked or kept).
    on_turn: Option<Closure<dyn FnMut()>>,
}

thread_local! {
    static CHUNKER: RefCell<Chunker> = RefCell::new(Chunker::default());
}

/// Tasks spawned but not started yet.
pub fn waiting() -> usize {
    CHUNKER.with(|c| c.borrow().waiting.len())
}

/// Starts `fut` now, or in a later turn if this one has started enough.
pub(crate) fn spawn(fut: LocalBoxFuture<'static, ()>) {
    let (now, schedule) = CHUNKER.with(|c| {
        let mut c = c.borrow_mut();
        let now = c.waiting.is_empty() && c.started < PER_TURN;
        if now {
            c.started += 1;
        }
        let schedule = !c.scheduled;
        c.scheduled = true;
        (now, schedule)
    });
    if now {
        wasm_bindgen_futures::spawn_local(fut);
    } else {
        CHUNKER.with(|c| c.borrow_mut().waiting.push_back(fut));
    }
    if schedule {
        next_turn();
    }
}

/// Schedules the next turn: the count starts again and waiting tasks go.
fn next_turn() {
    CHUNKER.with(|c| {
        let mut c = c.borrow_mut();
        let f = c
            .on_turn
            .get_or_insert_with(|| Closure::<dyn FnMut()>::new(turn));
        let set = web_sys::window().map(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(f.as_ref().unchecked_ref(), 0)
        });
        if !matches!(set, Some(Ok(_))) {
            // No timer (no window): nothing can wait for a turn.
            c.scheduled = false;
        }
    });
}

fn turn() {
    let batch: Vec<_> = CHUNKER.with(|c| {
        let mut c = c.borrow_mut();
        let n = c.waiting.len().min(PER_TURN);
        // A new turn: these count towards it; with none, nothing is due.
        c.started = n;
        c.scheduled = n > 0;
        c.waiting.drain(..n).collect()
    });
    let more = !batch.is_empty();
    for fut in batch {
        wasm_bindgen_futures::spawn_local(fut);
    }
    if more {
        next_turn();
    }
}
