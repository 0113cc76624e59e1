//! I/O in flight: `start_io`, and an operation's completion resolving its
//! future (an executor job's result, a request's value or failure).

use std::rc::Rc;

use crate::core::trace::EventKind;
use crate::python::exc::{Exc, T};
use crate::python::future::Fut;
use crate::python::host::IoResult;
use crate::python::interp::Interp;
use crate::python::ops;
use crate::python::value::Value;

impl Interp {
    /// Starts an I/O operation whose result resolves `fut`.
    pub fn start_io(&self, req: crate::python::host::IoRequest, fut: Rc<Fut>) -> u64 {
        let id = self.lp.next_io.get() + 1;
        self.lp.next_io.set(id);
        self.lp.io.borrow_mut().push((id, fut));
        self.host.start_io(id, req);
        id
    }

    pub(super) fn complete_io(self: &Rc<Self>, id: u64, r: IoResult) {
        let fut = {
            let mut io = self.lp.io.borrow_mut();
            let pos = io.iter().position(|(i, _)| *i == id);
            pos.map(|p| io.remove(p).1)
        };
        if let Some(fut) = fut {
            if fut.done() {
                return;
            }
            let v = if let IoResult::Work(_) | IoResult::WorkFailed(_) = r {
                let failed = match &r {
                    IoResult::WorkFailed(m) => Some(m.clone()),
                    _ => None,
                };
                let key = Rc::as_ptr(&fut) as usize;
                let mut res = self.executor_results.borrow_mut();
                match res.iter().position(|(k, _, _)| *k == key) {
                    Some(p) => {
                        let (_, r, lane) = res.remove(p);
                        match failed {
                            Some(m) => {
                                let e = Exc::new(T::RuntimeError, m);
                                self.host.end_lane(
                                    lane,
                                    EventKind::Failed {
                                        message: ops::exc_line(self, &e),
                                    },
                                );
                                Err(e)
                            }
                            None => {
                                self.host.end_lane(lane, EventKind::Done);
                                r
                            }
                        }
                    }
                    None => Ok(Value::None),
                }
            } else {
                crate::python::modules::io_value(self, r)
            };
            match v {
                Ok(v) => {
                    let _ = self.set_result(&fut, v);
                }
                Err(e) => {
                    let _ = self.set_exception(&fut, e);
                }
            }
        }
    }
}
