//! How tasks and the run end: a task finishing (done, failed or cancelled),
//! cancelling a live task, the deadlock check (scheduled after a turn of the
//! browser loop; called by the virtual loop when it runs out of work), and
//! ending the run: cancel what still lives, count an overdue heartbeat, stop
//! the loop's helpers, close the log and tell who listens.

use futures::future::AbortHandle;

use super::{RunInner, TaskError};
use crate::core::trace::{EventKind, RunOutcome, TaskId};
#[cfg(target_arch = "wasm32")]
use crate::runtime::clock::Clock;

impl RunInner {
    /// After the current turn of the loop, checks whether every live task
    /// waits on something only another live task could release, with no
    /// timer or I/O in flight to change that: a deadlock. (The virtual loop
    /// finds it when it runs out of work; see [`Run::advance`](super::Run::advance).)
    pub(super) fn schedule_deadlock_check(&self) {
        #[cfg(target_arch = "wasm32")]
        if matches!(self.clock, Clock::Browser(_)) && !self.check_scheduled.replace(true) {
            let me = self.me.borrow().clone();
            wasm_bindgen_futures::spawn_local(async move {
                gloo_timers::future::TimeoutFuture::new(0).await;
                if let Some(run) = me.upgrade() {
                    run.check_scheduled.set(false);
                    run.check_deadlock();
                }
            });
        }
    }

    /// Ends the run as a deadlock if nothing can move any more.
    pub(crate) fn check_deadlock(&self) -> bool {
        if self.is_over() || self.pending_wakeups.get() > 0 {
            return false;
        }
        let stuck = {
            let trace = self.trace.borrow();
            let mut wait_for = self.wait_for.borrow_mut();
            wait_for.catch_up(&trace);
            wait_for.all_waiting()
        };
        if stuck {
            self.finish_run(RunOutcome::Deadlock);
        }
        stuck
    }

    pub(super) fn finish_task(&self, id: TaskId, failed: Option<&TaskError>) {
        {
            let mut slots = self.slots.borrow_mut();
            let Some(slot) = slots.get_mut(id.index()) else {
                return;
            };
            if slot.ended {
                return;
            }
            slot.on_cancel = None;
            slot.abort = None;
        }
        match failed {
            None => self.act(id, EventKind::Done),
            Some(TaskError::Cancelled) => self.act(id, EventKind::Cancelled),
            Some(e) => self.act(
                id,
                EventKind::Failed {
                    message: e.to_string(),
                },
            ),
        }
        if let Some(slot) = self.slots.borrow_mut().get_mut(id.index()) {
            slot.ended = true;
        }
        if self.main.get() == Some(id) {
            self.finish_run(RunOutcome::Finished);
        }
    }

    /// Cancels a live task: records it, drops its future, fails its joiners.
    pub(crate) fn cancel(&self, id: TaskId) -> bool {
        let (abort, on_cancel) = {
            let mut slots = self.slots.borrow_mut();
            let Some(slot) = slots.get_mut(id.index()) else {
                return false;
            };
            if slot.ended {
                return false;
            }
            slot.ended = true;
            slot.running = false;
            (slot.abort.take(), slot.on_cancel.take())
        };
        self.push(id, EventKind::Cancelled);
        if let Some(a) = abort {
            a.abort();
        }
        if let Some(f) = on_cancel {
            f();
        }
        true
    }

    /// Ends the run: cancels what still lives, stops the loop's helpers,
    /// then closes the log.
    pub(crate) fn finish_run(&self, outcome: RunOutcome) {
        if self.is_over() {
            return;
        }
        let live: Vec<TaskId> = if outcome == RunOutcome::Deadlock {
            Vec::new()
        } else {
            let slots = self.slots.borrow();
            (0..slots.len())
                .filter(|&i| !slots[i].ended)
                .map(|i| TaskId(i as u32))
                .collect()
        };
        for id in live {
            self.cancel(id);
        }
        // A heartbeat overdue right now (the loop was held until this very
        // moment, e.g. by a blocking call just before the end) still counts.
        #[cfg(target_arch = "wasm32")]
        if let Some((due, speed)) = self.heartbeat_due.take() {
            let late = crate::runtime::browser::perf_now() - due;
            if late > 0.0 {
                self.push(
                    TaskId::LOOP,
                    EventKind::Heartbeat {
                        lag_ms: late * speed,
                    },
                );
            }
        }
        for h in self.loop_tasks.borrow_mut().drain(..) {
            h.abort();
        }
        self.push(TaskId::LOOP, EventKind::RunEnded { outcome });
        if outcome == RunOutcome::Deadlock {
            // Drop the stuck futures too: nothing can wake them.
            let handles: Vec<AbortHandle> = self
                .slots
                .borrow_mut()
                .iter_mut()
                .filter_map(|s| s.abort.take())
                .collect();
            for h in handles {
                h.abort();
            }
        }
        // Last: the run has ended for whoever listens (a listener may read
        // the log, so nothing is borrowed here).
        let listeners = std::mem::take(&mut *self.on_end.borrow_mut());
        for f in listeners {
            f(outcome);
        }
    }
}
