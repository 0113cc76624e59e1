//! `asyncio.wait_for`: await a task, but no longer than a timeout.

use futures::future::{select, Either};

use super::spawn::{Cx, JoinHandle, TaskError};
use crate::core::trace::Ms;

impl Cx {
    /// `await asyncio.wait_for(task, timeout)`: waits for the task (recorded
    /// as waiting on it) at most `timeout_ms` of scenario time. If it has not
    /// ended by then, the task is cancelled at that instant (its lane ends
    /// `cancelled`) and the caller gets [`TaskError::Timeout`], Python's
    /// `TimeoutError`. A task that ends first returns its own result or
    /// error. If both happen at the same instant, the timeout wins (its timer
    /// was set first).
    ///
    /// The timer counts as a pending wakeup, so a task waiting here is never
    /// taken for deadlocked.
    pub async fn wait_for<T>(&self, handle: JoinHandle<T>, timeout_ms: Ms) -> Result<T, TaskError> {
        let ms = if timeout_ms.is_finite() {
            timeout_ms.max(0.0)
        } else {
            0.0
        };
        let inner = handle.id();
        let _pending = self.run.wakeup_guard();
        let timer = self.run.clock.sleep(ms);
        let join = std::pin::pin!(self.join(handle));
        match select(join, timer).await {
            Either::Left((result, _timer)) => result,
            Either::Right(((), _join)) => {
                self.run.mark_running(self.task);
                self.run.cancel(inner);
                Err(TaskError::Timeout(ms))
            }
        }
    }
}
