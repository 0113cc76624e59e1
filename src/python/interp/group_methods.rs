//! `BaseExceptionGroup.split`, `.subgroup` and `.derive` as methods, and
//! exception notes (`add_note`, `__notes__`, and the lines a traceback
//! prints after the exception's own).

use std::rc::Rc;

use super::groups;
use super::try_stmt::exc_matches;
use super::Interp;
use crate::python::exc::{Exc, PyResult, T};
use crate::python::ops;
use crate::python::value::Value;

/// The condition of `split`/`subgroup`: an exception type, a tuple of
/// them, or a predicate.
fn test_of<'a>(it: &'a Rc<Interp>, cond: &'a Value) -> impl FnMut(&Value) -> PyResult<bool> + 'a {
    move |e: &Value| match cond {
        Value::Class(_) | Value::Tuple(_) => match e {
            Value::Instance(i) => exc_matches(&i.class, cond),
            _ => Ok(false),
        },
        f => {
            let r = it.call_sync(f.clone(), vec![e.clone()], Vec::new())?;
            ops::truthy(it, &r)
        }
    }
}

fn check_cond(cond: &Value) -> PyResult<()> {
    match cond {
        Value::Class(c) if c.is_exception => Ok(()),
        Value::Tuple(t)
            if t.iter()
                .all(|x| matches!(x, Value::Class(c) if c.is_exception)) =>
        {
            Ok(())
        }
        Value::Func(_) | Value::Builtin(_) | Value::Method(_) => Ok(()),
        _ => Err(Exc::new(
            T::TypeError,
            "expected a function, exception type or tuple of exception types",
        )),
    }
}

/// `eg.split(cond)`: `(match, rest)`, each a group or `None`.
pub fn split(it: &Rc<Interp>, eg: &Value, cond: &Value) -> PyResult<Value> {
    check_cond(cond)?;
    let mut test = test_of(it, cond);
    let (hit, miss) = groups::split(eg, &mut test)?;
    Ok(Value::tuple(vec![
        hit.unwrap_or(Value::None),
        miss.unwrap_or(Value::None),
    ]))
}

/// `eg.subgroup(cond)`: the matching part, or `None`.
pub fn subgroup(it: &Rc<Interp>, eg: &Value, cond: &Value) -> PyResult<Value> {
    check_cond(cond)?;
    let mut test = test_of(it, cond);
    Ok(groups::split(eg, &mut test)?.0.unwrap_or(Value::None))
}

/// `eg.derive(excs)`: a group of `excs` with `eg`'s message.
pub fn derive(it: &Rc<Interp>, eg: &Value, excs: &Value) -> PyResult<Value> {
    let members = ops::to_vec(it, excs)?;
    let msg = eg
        .exc_data()
        .and_then(|d| d.borrow().args.first().cloned())
        .unwrap_or_else(|| Value::str(""));
    Ok(groups::new_group(msg, members))
}

/// `e.add_note(note)`: appends to `e.__notes__` (made on first use).
pub fn add_note(e: &Value, note: &Value) -> PyResult<()> {
    if !matches!(note, Value::Str(_)) {
        return Err(Exc::new(
            T::TypeError,
            format!("note must be a str, not '{}'", ops::type_name(note)),
        ));
    }
    if let Value::Instance(i) = e {
        let existing = i.dict.borrow().get("__notes__").cloned();
        match existing {
            Some(Value::List(l)) => l.borrow_mut().push(note.clone()),
            _ => {
                i.dict
                    .borrow_mut()
                    .insert(Rc::from("__notes__"), Value::list(vec![note.clone()]));
            }
        }
    }
    Ok(())
}

/// The lines `e`'s notes print after its own line in a traceback.
pub fn note_lines(it: &Rc<Interp>, e: &Value) -> Vec<String> {
    let Value::Instance(i) = e else {
        return Vec::new();
    };
    let notes = i.dict.borrow().get("__notes__").cloned();
    let Some(notes) = notes else {
        return Vec::new();
    };
    let Ok(items) = ops::to_vec(it, &notes) else {
        return vec![ops::repr(it, &notes).unwrap_or_default()];
    };
    let mut out = Vec::new();
    for n in items {
        let text = match &n {
            Value::Str(s) => s.to_string(),
            other => ops::str_of(it, other).unwrap_or_default(),
        };
        out.extend(text.split('\n').map(str::to_string));
    }
    out
}

/// The last line of `e`'s traceback: its last note's, else its own.
pub fn last_line(it: &Rc<Interp>, e: &Exc) -> String {
    note_lines(it, &e.0)
        .pop()
        .unwrap_or_else(|| ops::exc_line(it, e))
}
