//! `json.dumps` and `json.loads`.

use super::*;

pub(super) fn json_dumps(it: &Rc<Interp>, v: &Value, indent: Option<&Value>) -> PyResult<String> {
    let ind = match indent {
        Some(Value::Int(n)) => Some(*n as usize),
        _ => None,
    };
    let mut out = String::new();
    json_write(it, v, ind, 0, &mut out)?;
    Ok(out)
}

pub(super) fn json_write(
    it: &Rc<Interp>,
    v: &Value,
    ind: Option<usize>,
    depth: usize,
    out: &mut String,
) -> PyResult<()> {
    if depth > 500 {
        return Err(Exc::new(
            T::RecursionError,
            "maximum recursion depth exceeded while encoding a JSON object",
        ));
    }
    let nl = |out: &mut String, d: usize| {
        if let Some(n) = ind {
            out.push('\n');
            out.push_str(&" ".repeat(n * d));
        }
    };
    match v {
        Value::None => out.push_str("null"),
        Value::Bool(x) => out.push_str(if *x { "true" } else { "false" }),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::BigInt(b) => out.push_str(&b.to_decimal().ok_or_else(ops::str_limit)?),
        Value::Float(x) => out.push_str(&if x.is_nan() {
            "NaN".into()
        } else if x.is_infinite() {
            if *x > 0.0 {
                "Infinity".into()
            } else {
                "-Infinity".into()
            }
        } else {
            fmt::float_repr(*x)
        }),
        Value::Str(x) => {
            out.push('"');
            for c in x.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    c if (c as u32) < 0x20 || (c as u32) > 0x7e => {
                        let mut buf = [0u16; 2];
                        for u in c.encode_utf16(&mut buf) {
                            out.push_str(&format!("\\u{u:04x}"));
                        }
                    }
                    c => out.push(c),
                }
            }
            out.push('"');
        }
        Value::List(_) | Value::Tuple(_) => {
            let items = ops::to_vec(it, v)?;
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                    if ind.is_none() {
                        out.push(' ');
                    }
                }
                nl(out, depth + 1);
                json_write(it, x, ind, depth + 1, out)?;
            }
            if !items.is_empty() {
                nl(out, depth);
            }
            out.push(']');
        }
        Value::Dict(d) => {
            let items: Vec<(Value, Value)> = d
                .borrow()
                .items()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            out.push('{');
            for (i, (k, x)) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                    if ind.is_none() {
                        out.push(' ');
                    }
                }
                nl(out, depth + 1);
                let key = match k {
                    Value::Str(_) => k.clone(),
                    Value::Int(_)
                    | Value::BigInt(_)
                    | Value::Float(_)
                    | Value::Bool(_)
                    | Value::None => {
                        let mut t = String::new();
                        json_write(it, k, None, depth + 1, &mut t)?;
                        s(t)
                    }
                    _ => {
                        return Err(Exc::new(
                            T::TypeError,
                            format!(
                                "keys must be str, int, float, bool or None, not {}",
                                type_name(k)
                            ),
                        ))
                    }
                };
                json_write(it, &key, ind, depth + 1, out)?;
                out.push_str(": ");
                json_write(it, x, ind, depth + 1, out)?;
            }
            if !items.is_empty() {
                nl(out, depth);
            }
            out.push('}');
        }
        other => {
            return Err(Exc::new(
                T::TypeError,
                format!(
                    "Object of type {} is not JSON serializable",
                    type_name(other)
                ),
            ))
        }
    }
    Ok(())
}

/// `json.loads(text)` (also `response.json()`).
pub fn json_loads(it: &Rc<Interp>, text: &str) -> PyResult<Value> {
    let parsed = crate::core::json::parse(text)
        .ok_or_else(|| Exc::new(T::ValueError, "Expecting value: line 1 column 1 (char 0)"))?;
    json_value(it, &parsed)
}

pub(super) fn json_value(_it: &Rc<Interp>, j: &crate::core::json::Json) -> PyResult<Value> {
    use crate::core::json::Json;
    Ok(match j {
        Json::Null => Value::None,
        Json::Bool(x) => Value::Bool(*x),
        Json::Num(x) => {
            if x.fract() == 0.0 && x.abs() < 9e15 {
                Value::Int(*x as i64)
            } else {
                Value::Float(*x)
            }
        }
        Json::Str(x) => s(x.clone()),
        Json::Arr(items) => Value::list(
            items
                .iter()
                .map(|x| json_value(_it, x))
                .collect::<PyResult<_>>()?,
        ),
        Json::Obj(pairs) => {
            let mut d = Dict::new();
            for (k, v) in pairs {
                d.insert(
                    HashKey::Str(Rc::from(k.as_str())),
                    s(k.clone()),
                    json_value(_it, v)?,
                );
            }
            Value::dict(d)
        }
    })
}
