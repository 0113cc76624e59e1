//! Async generators: the finalizer hook (an unreferenced one is closed
//! with `create_task(agen.aclose())`) and `loop.shutdown_asyncgens()`.

use std::rc::Rc;

use super::Job;
use crate::python::interp::Interp;
use crate::python::value::Value;

impl Interp {
    /// `loop.shutdown_asyncgens()`: closes the async generators still open.
    pub(super) async fn shutdown_asyncgens(self: &Rc<Self>) {
        let gens: Vec<Rc<crate::python::coro::Coro>> =
            std::mem::take(&mut *self.agens.borrow_mut());
        let open: Vec<_> = gens
            .into_iter()
            .filter(|g| g.started.get() && !g.finished.get())
            .collect();
        if open.is_empty() {
            return;
        }
        let mut tasks = Vec::new();
        for g in open {
            let close = crate::python::builtins::agen_aclose(self, &g);
            if let Value::Coro(c) = close {
                if let Ok(t) = self.create_task(c, None) {
                    tasks.push(t);
                }
            }
        }
        if let Ok(g) = crate::python::modules::gather_futures(self, tasks, true) {
            let _ = self.run_until_complete(&g).await;
        }
    }

    /// Async generators that nothing refers to any more are closed, as
    /// CPython's asyncgen finalizer hook does (`create_task(agen.aclose())`
    /// scheduled with `call_soon`).
    pub fn finalize_asyncgens(self: &Rc<Self>) {
        if self.agens.borrow().is_empty() {
            return;
        }
        let dead: Vec<Rc<crate::python::coro::Coro>> = {
            let mut gens = self.agens.borrow_mut();
            let (dead, live): (Vec<_>, Vec<_>) =
                gens.drain(..).partition(|g| Rc::strong_count(g) == 1);
            *gens = live;
            dead
        };
        for g in dead {
            if g.started.get() && !g.finished.get() {
                self.call_soon(Job::CloseAsyncGen(g));
            }
        }
    }
}
