//! `json.dumps` and `json.loads`.

use super::*;

/// `json.dumps`'s options.
pub(super) struct JsonOpts {
    /// The indent of one level, if any.
    indent: Option<String>,
    /// Between items, and between a key and its value.
    item_sep: String,
    key_sep: String,
    sort_keys: bool,
    ensure_ascii: bool,
    /// `default=`: called for objects JSON has no form for.
    default: Option<Value>,
}

/// `json.dumps(v, indent=, separators=, sort_keys=, ensure_ascii=, default=)`.
pub(super) fn json_dumps(it: &Rc<Interp>, v: &Value, kw: &[(Name, Value)]) -> PyResult<String> {
    let get = |k: &str| kw.iter().find(|(n, _)| &**n == k).map(|(_, v)| v.clone());
    let indent = match get("indent") {
        None | Some(Value::None) => None,
        Some(Value::Int(n)) => Some(" ".repeat(usize::try_from(n).unwrap_or(0))),
        Some(Value::Str(t)) => Some(t.to_string()),
        Some(other) => {
            return Err(Exc::new(
                T::TypeError,
                format!("indent must be an int or a str, not {}", type_name(&other)),
            ))
        }
    };
    let (mut item_sep, mut key_sep) = if indent.is_some() {
        (",".to_string(), ": ".to_string())
    } else {
        (", ".to_string(), ": ".to_string())
    };
    if let Some(seps) = get("separators").filter(|v| !v.is_none()) {
        let parts = ops::to_vec(it, &seps)?;
        match parts.as_slice() {
            [Value::Str(a), Value::Str(b)] => {
                item_sep = a.to_string();
                key_sep = b.to_string();
            }
            _ => {
                return Err(Exc::new(
                    T::ValueError,
                    "separators must be a pair of strings",
                ))
            }
        }
    }
    let opts = JsonOpts {
        indent,
        item_sep,
        key_sep,
        sort_keys: get("sort_keys").is_some_and(|v| ops::truthy(it, &v).unwrap_or(false)),
        ensure_ascii: get("ensure_ascii").is_none_or(|v| ops::truthy(it, &v).unwrap_or(true)),
        default: get("default").filter(|v| !v.is_none()),
    };
    let mut out = String::new();
    json_write(it, v, &opts, 0, &mut out)?;
    Ok(out)
}

pub(super) fn json_write(
    it: &Rc<Interp>,
    v: &Value,
    opts: &JsonOpts,
    depth: usize,
    out: &mut String,
) -> PyResult<()> {
    if depth > 500 {
        return Err(Exc::new(
            T::RecursionError,
            "maximum recursion depth exceeded while encoding a JSON object",
        ));
    }
    let ind = opts.indent.as_ref();
    let nl = |out: &mut String, d: usize| {
        if let Some(one) = ind {
            out.push('\n');
            out.push_str(&one.repeat(d));
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
                    c if (c as u32) < 0x20 || ((c as u32) > 0x7e && opts.ensure_ascii) => {
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
                    out.push_str(&opts.item_sep);
                }
                nl(out, depth + 1);
                json_write(it, x, opts, depth + 1, out)?;
            }
            if !items.is_empty() {
                nl(out, depth);
            }
            out.push(']');
        }
        Value::Dict(d) => {
            let mut items: Vec<(Value, Value)> = d
                .borrow()
                .items()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            if opts.sort_keys {
                let mut err = None;
                items.sort_by(|(a, _), (b, _)| {
                    match ops::compare(it, crate::python::ast::CmpOp::Lt, a, b) {
                        Ok(true) => std::cmp::Ordering::Less,
                        Ok(false) => match ops::compare(it, crate::python::ast::CmpOp::Lt, b, a) {
                            Ok(true) => std::cmp::Ordering::Greater,
                            Ok(false) => std::cmp::Ordering::Equal,
                            Err(e) => {
                                err.get_or_insert(e);
                                std::cmp::Ordering::Equal
                            }
                        },
                        Err(e) => {
                            err.get_or_insert(e);
                            std::cmp::Ordering::Equal
                        }
                    }
                });
                if let Some(e) = err {
                    return Err(e);
                }
            }
            out.push('{');
            for (i, (k, x)) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(&opts.item_sep);
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
                        json_write(it, k, opts, depth + 1, &mut t)?;
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
                json_write(it, &key, opts, depth + 1, out)?;
                out.push_str(&opts.key_sep);
                json_write(it, x, opts, depth + 1, out)?;
            }
            if !items.is_empty() {
                nl(out, depth);
            }
            out.push('}');
        }
        other if opts.default.is_some() => {
            let f = opts.default.clone().unwrap_or(Value::None);
            let r = it.call_sync(f, vec![other.clone()], Vec::new())?;
            json_write(it, &r, opts, depth + 1, out)?;
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
/// `json.loads(text)` (see [`super::json_decode`]).
pub fn json_loads(it: &Rc<Interp>, text: &str) -> PyResult<Value> {
    super::json_decode::loads(it, text)
}
