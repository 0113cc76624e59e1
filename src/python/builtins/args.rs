//! Argument helpers of the builtins: positional and keyword
//! arguments, ints, floats, strs, key functions.

use super::*;

pub(super) fn arg(pos: &[Value], i: usize) -> Option<&Value> {
    pos.get(i)
}

pub(super) fn kwarg<'a>(kw: &'a [(Name, Value)], name: &str) -> Option<&'a Value> {
    kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v)
}

pub(super) fn need<'a>(pos: &'a [Value], i: usize, f: &str) -> PyResult<&'a Value> {
    pos.get(i).ok_or_else(|| {
        Exc::new(
            T::TypeError,
            format!("{f}() missing required argument (pos {})", i + 1),
        )
    })
}

pub(super) fn int_arg(v: &Value, what: &str) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(i64::from(*b)),
        Value::BigInt(_) => Err(Exc::new(
            T::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
        _ => Err(Exc::new(
            T::TypeError,
            format!(
                "'{}' object cannot be interpreted as an integer{what}",
                type_name(v)
            ),
        )),
    }
}

pub(super) fn float_arg(v: &Value, f: &str) -> PyResult<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::BigInt(_) => ops::int_to_float(v),
        Value::Bool(b) => Ok(f64::from(u8::from(*b))),
        Value::Float(x) => Ok(*x),
        _ => Err(Exc::new(
            T::TypeError,
            format!("{f}must be real number, not {}", type_name(v)),
        )),
    }
}

pub(super) fn s(x: impl Into<String>) -> Value {
    let x: String = x.into();
    Value::Str(Rc::from(x))
}

pub(super) fn key_fn(kw: &[(Name, Value)]) -> Option<Value> {
    kwarg(kw, "key").filter(|k| !k.is_none()).cloned()
}

pub(super) fn str_arg(v: &Value, msg: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        _ => Err(Exc::new(T::TypeError, msg.to_string())),
    }
}

pub(super) fn this_str_named(pos: &[Value], name: &str) -> PyResult<Rc<str>> {
    match pos.first() {
        Some(Value::Str(x)) => Ok(x.clone()),
        Some(v) => Err(Exc::new(
            T::TypeError,
            format!(
                "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
                type_name(v)
            ),
        )),
        None => Err(Exc::new(T::TypeError, "descriptor needs an argument")),
    }
}

pub(super) fn opt_str(pos: &[Value], i: usize) -> PyResult<Option<String>> {
    match pos.get(i) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(x)) => Ok(Some(x.to_string())),
        Some(v) => Err(Exc::new(
            T::TypeError,
            format!("must be str or None, not {}", type_name(v)),
        )),
    }
}

pub(super) fn fill_arg(pos: &[Value], i: usize) -> PyResult<char> {
    match pos.get(i) {
        None => Ok(' '),
        Some(Value::Str(x)) if x.chars().count() == 1 => Ok(x.chars().next().unwrap_or(' ')),
        _ => Err(Exc::new(
            T::TypeError,
            "The fill character must be exactly one character long",
        )),
    }
}
