//! The methods of futures, tasks and timer handles (`result`, `cancel`,
//! `add_done_callback`, `get_name`, `when`, ...).

use super::*;

/// Calls method `f` of a future, task or timer handle (the receiver is `pos[0]`).
pub(super) fn call(
    it: &Rc<Interp>,
    f: Builtin,
    pos: Vec<Value>,
    kw: Vec<(Name, Value)>,
) -> PyResult<Value> {
    use Builtin::*;
    let p1 = || need(&pos, 1, f.short_name());
    Ok(match f {
        FutResult => fut_of(&pos[0])?.result()?,
        FutException => fut_of(&pos[0])?.exception()?,
        FutDone => Value::Bool(fut_of(&pos[0])?.done()),
        FutCancelled => Value::Bool(fut_of(&pos[0])?.cancelled()),
        FutCancel => {
            let fu = fut_of(&pos[0])?.clone();
            let msg = pos
                .get(1)
                .or(kwarg(&kw, "msg"))
                .cloned()
                .filter(|v| !v.is_none());
            Value::Bool(it.cancel(&fu, msg))
        }
        FutAddDoneCallback => {
            let fu = fut_of(&pos[0])?.clone();
            it.add_done_callback(&fu, Callback::Py(p1()?.clone()));
            Value::None
        }
        FutRemoveDoneCallback => {
            let fu = fut_of(&pos[0])?;
            let cb = p1()?;
            let mut n = 0;
            fu.callbacks.borrow_mut().retain(|c| match c {
                Callback::Py(f) if f.is(cb) || matches!((f, cb), (Value::Method(a), Value::Method(bb)) if a.0.is(&bb.0) && a.1.is(&bb.1)) => {
                    n += 1;
                    false
                }
                _ => true,
            });
            Value::Int(n)
        }
        FutSetResult => {
            let fu = fut_of(&pos[0])?.clone();
            it.set_result(&fu, p1()?.clone())?;
            Value::None
        }
        FutSetException => {
            let fu = fut_of(&pos[0])?.clone();
            let e = it.call_sync_make_exc(p1()?.clone())?;
            it.set_exception(&fu, e)?;
            Value::None
        }
        FutGetLoop => the_loop(it),
        FutMakeCancelledError => fut_of(&pos[0])?.cancelled_error().0,
        TaskGetName => match fut_of(&pos[0])?.tp() {
            Some(tp) => Value::Str(tp.name.borrow().clone()),
            None => Value::None,
        },
        TaskSetName => {
            if let Some(tp) = fut_of(&pos[0])?.tp() {
                let name = str_of(it, p1()?)?;
                // The lane follows the task's new name.
                it.record_on(
                    tp.lane,
                    crate::core::trace::EventKind::Renamed { name: name.clone() },
                );
                *tp.name.borrow_mut() = Rc::from(name);
            }
            Value::None
        }
        TaskGetCoro => match fut_of(&pos[0])?.tp() {
            Some(tp) => Value::Coro(tp.coro.clone()),
            None => Value::None,
        },
        TaskCancelling => match fut_of(&pos[0])?.tp() {
            Some(tp) => Value::Int(i64::from(tp.num_cancels.get())),
            None => Value::Int(0),
        },
        TaskUncancel => match fut_of(&pos[0])?.tp() {
            Some(tp) => {
                let n = tp.num_cancels.get().saturating_sub(1);
                tp.num_cancels.set(n);
                Value::Int(i64::from(n))
            }
            None => Value::Int(0),
        },
        HandleCancel => {
            if let Value::Handle(h) = &pos[0] {
                h.cancelled.set(true);
            }
            Value::None
        }
        HandleCancelled => Value::Bool(matches!(&pos[0], Value::Handle(h) if h.cancelled.get())),
        HandleWhen => match &pos[0] {
            Value::Handle(h) => Value::Float(h.when.get() / 1000.0),
            _ => Value::None,
        },
        // Not one of these: as the dispatcher's own fallback.
        _ => return module_call(it, f, pos, kw),
    })
}
