//! How values print: `repr`, `str`, `ascii`, `format()` of a value, an
//! exception's last line.

use super::*;

/// Python's repr of a str.
pub fn str_repr(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

/// `ascii()` of a repr: non-ASCII characters escaped.
pub fn ascii(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

pub(super) fn addr(v: &Value) -> String {
    format!(
        "0x{:012x}",
        (v.ptr().unwrap_or(0) as u64) & 0xffff_ffff_ffff
    )
}

/// `repr(v)`.
pub fn repr(it: &I, v: &Value) -> PyResult<String> {
    let depth = REPR_DEPTH.with(|d| d.get());
    if depth > 200 {
        return Err(Exc::new(
            T::RecursionError,
            "maximum recursion depth exceeded while getting the repr of an object",
        ));
    }
    REPR_DEPTH.with(|d| d.set(depth + 1));
    let r = repr_inner(it, v);
    REPR_DEPTH.with(|d| d.set(depth));
    r
}

pub(super) fn join_reprs(it: &I, items: &[Value]) -> PyResult<String> {
    let mut parts = Vec::with_capacity(items.len());
    for x in items {
        parts.push(repr(it, x)?);
    }
    Ok(parts.join(", "))
}

pub(super) fn repr_inner(it: &I, v: &Value) -> PyResult<String> {
    Ok(match v {
        Value::None => "None".into(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::BigInt(b) => b.to_decimal().ok_or_else(str_limit)?,
        Value::Float(x) => crate::python::format::float_repr(*x),
        Value::Complex(re, im) => crate::python::complex::repr(*re, *im),
        Value::Str(s) => str_repr(s),
        Value::Bytes(b) => {
            // CPython quotes with " when there is a ' and no ".
            let q = if b.contains(&b'\'') && !b.contains(&b'"') {
                '"'
            } else {
                '\''
            };
            let mut out = format!("b{q}");
            for &c in b.iter() {
                match c {
                    b'\\' => out.push_str("\\\\"),
                    b'\'' if q == '\'' => out.push_str("\\'"),
                    b'\n' => out.push_str("\\n"),
                    b'\r' => out.push_str("\\r"),
                    b'\t' => out.push_str("\\t"),
                    0x20..=0x7e => out.push(c as char),
                    _ => out.push_str(&format!("\\x{c:02x}")),
                }
            }
            out.push(q);
            out
        }
        Value::List(l) => {
            let items = l.borrow().clone();
            format!("[{}]", join_reprs(it, &items)?)
        }
        Value::Tuple(t) => {
            if t.len() == 1 {
                format!("({},)", repr(it, &t[0])?)
            } else {
                format!("({})", join_reprs(it, t)?)
            }
        }
        Value::Dict(d) => {
            let items: Vec<(Value, Value)> = d
                .borrow()
                .items()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            let mut parts = Vec::new();
            for (k, v) in items {
                parts.push(format!("{}: {}", repr(it, &k)?, repr(it, &v)?));
            }
            format!("{{{}}}", parts.join(", "))
        }
        Value::Set(d) => {
            let keys: Vec<Value> = set_keys_ordered(&d.borrow());
            if keys.is_empty() {
                "set()".into()
            } else {
                format!("{{{}}}", join_reprs(it, &keys)?)
            }
        }
        Value::FrozenSet(d) => {
            let keys: Vec<Value> = set_keys_ordered(d);
            if keys.is_empty() {
                "frozenset()".into()
            } else {
                format!("frozenset({{{}}})", join_reprs(it, &keys)?)
            }
        }
        Value::Range(r) => {
            if r.2 == 1 {
                format!("range({}, {})", r.0, r.1)
            } else {
                format!("range({}, {}, {})", r.0, r.1, r.2)
            }
        }
        Value::Slice(s) => format!(
            "slice({}, {}, {})",
            repr(it, &s.0)?,
            repr(it, &s.1)?,
            repr(it, &s.2)?
        ),
        Value::Func(f) => format!("<function {} at {}>", f.qualname, addr(v)),
        Value::Builtin(b) => match b {
            Builtin::Type(t) => format!("<class '{}'>", tclass(*t).name),
            Builtin::Ellipsis => "Ellipsis".into(),
            _ => format!("<built-in function {}>", b.short_name()),
        },
        Value::Method(m) => format!(
            "<bound method {} of {}>",
            match &m.1 {
                Value::Func(f) => f.qualname.to_string(),
                other => repr(it, other)?,
            },
            repr(it, &m.0)?
        ),
        Value::Class(c) => {
            if let Some(r) = class_hook(it, v, "__class_repr__", Vec::new()) {
                return str_of(it, &r?);
            }
            if &*c.module == "builtins" {
                format!("<class '{}'>", c.qualname)
            } else {
                format!("<class '{}.{}'>", c.module, c.qualname)
            }
        }
        Value::Instance(i) => {
            if let Some(m) = i.class.lookup("__repr__") {
                if !matches!(m, Value::Builtin(Builtin::ObjectRepr)) {
                    let r = it.call_sync(m, vec![v.clone()], Vec::new())?;
                    return match r {
                        Value::Str(s) => Ok(s.to_string()),
                        other => Err(Exc::new(
                            T::TypeError,
                            format!("__repr__ returned non-string (type {})", type_name(&other)),
                        )),
                    };
                }
            }
            if let Some(d) = &i.exc {
                let args = d.borrow().args.clone();
                let inner = if args.len() == 1 {
                    repr(it, &args[0])?
                } else {
                    join_reprs(it, &args)?
                };
                return Ok(format!("{}({inner})", i.class.name));
            }
            let module = if &*i.class.module == "builtins" {
                String::new()
            } else {
                format!("{}.", i.class.module)
            };
            format!("<{module}{} object at {}>", i.class.qualname, addr(v))
        }
        Value::Module(m) => format!("<module '{}'>", m.name),
        Value::Coro(c) => {
            let what = match c.kind {
                CoroKind::Coroutine => "coroutine",
                CoroKind::Generator => "generator",
                CoroKind::AsyncGenerator => "async_generator",
            };
            format!("<{what} object {} at {}>", c.qualname, addr(v))
        }
        Value::Fut(f) => {
            let state = match &*f.state.borrow() {
                FutState::Pending => "pending".to_string(),
                FutState::Cancelled(_) => "cancelled".to_string(),
                FutState::Result(r) => {
                    if f.is_task() {
                        "finished".to_string()
                    } else {
                        format!("finished result={}", repr(it, r)?)
                    }
                }
                FutState::Exception(e) => {
                    if f.is_task() {
                        "finished".to_string()
                    } else {
                        format!("finished exception={}", repr(it, &e.0)?)
                    }
                }
            };
            match f.tp() {
                Some(tp) => {
                    let coro = &tp.coro;
                    let mut s = format!(
                        "<Task {state} name='{}' coro=<{}() ",
                        tp.name.borrow(),
                        coro.qualname
                    );
                    if f.done() {
                        s.push_str(&format!("done, defined at main.py:{}>", coro.def_line));
                    } else {
                        s.push_str(&format!("running at main.py:{}>", coro.def_line));
                    }
                    if let FutState::Exception(e) = &*f.state.borrow() {
                        s.push_str(&format!(" exception={}", repr(it, &e.0)?));
                    }
                    if let FutState::Result(r) = &*f.state.borrow() {
                        s.push_str(&format!(" result={}", repr(it, r)?));
                    }
                    s.push('>');
                    s
                }
                None => format!("<Future {state}>"),
            }
        }
        Value::Iter(_) => format!("<{} object at {}>", type_name(v), addr(v)),
        Value::Handle(h) => {
            if h.cancelled.get() {
                "<TimerHandle cancelled>".into()
            } else {
                "<TimerHandle>".into()
            }
        }
        Value::Property(_) => format!("<property object at {}>", addr(v)),
        Value::StaticMethod(_) => format!("<staticmethod object at {}>", addr(v)),
        Value::ClassMethod(_) => format!("<classmethod object at {}>", addr(v)),
        Value::Super(s) => format!(
            "<super: <class '{}'>, <{} object>>",
            s.0.name,
            type_name(&s.1)
        ),
        Value::Native(n) => {
            if let Some(Value::Str(s)) = n.attrs.borrow().get("__repr__") {
                return Ok(s.to_string());
            }
            format!("<{} object at {}>", n.type_name, addr(v))
        }
    })
}

/// `str(v)`.
pub fn str_of(it: &I, v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        Value::Instance(i) => {
            if let Some(m) = i.class.lookup("__str__") {
                if !matches!(m, Value::Builtin(Builtin::ObjectStr)) {
                    let r = it.call_sync(m, vec![v.clone()], Vec::new())?;
                    return match r {
                        Value::Str(s) => Ok(s.to_string()),
                        other => Err(Exc::new(
                            T::TypeError,
                            format!("__str__ returned non-string (type {})", type_name(&other)),
                        )),
                    };
                }
            }
            if let Some(d) = &i.exc {
                if i.class
                    .lookup("__repr__")
                    .is_some_and(|m| !matches!(m, Value::Builtin(_)))
                    && i.class.lookup("__str__").is_none()
                {
                    return repr(it, v);
                }
                let args = d.borrow().args.clone();
                if is_sub(&i.class, T::BaseExceptionGroup) && args.len() == 2 {
                    let n = match &args[1] {
                        Value::Tuple(t) => t.len(),
                        Value::List(l) => l.borrow().len(),
                        _ => 0,
                    };
                    let msg = str_of(it, &args[0])?;
                    return Ok(format!(
                        "{msg} ({n} sub-exception{})",
                        if n == 1 { "" } else { "s" }
                    ));
                }
                return match args.len() {
                    0 => Ok(String::new()),
                    1 => {
                        if is_sub(&i.class, T::KeyError) {
                            repr(it, &args[0])
                        } else {
                            str_of(it, &args[0])
                        }
                    }
                    _ => repr(it, &Value::tuple(args)),
                };
            }
            repr(it, v)
        }
        _ => repr(it, v),
    }
}

/// `Type: message` (or `Type`), the last line of a traceback.
pub fn exc_line(it: &I, e: &Exc) -> String {
    let c = e.class();
    let name = if &*c.module == "builtins" || &*c.module == "__main__" {
        c.qualname.to_string()
    } else {
        format!("{}.{}", c.module, c.qualname)
    };
    let msg = str_of(it, &e.0).unwrap_or_default();
    if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}")
    }
}

/// `format(v, spec)`.
pub fn format_value(it: &I, v: &Value, spec: &str) -> PyResult<String> {
    use crate::python::builtins::berr;
    use crate::python::format as fmt;
    match v {
        Value::Bool(b) if spec.is_empty() => Ok(if *b { "True" } else { "False" }.into()),
        Value::Int(i) => {
            if spec.is_empty() {
                return Ok(i.to_string());
            }
            let s = fmt::parse_spec(spec, "int").map_err(berr)?;
            fmt::format_int(*i, &s).map_err(berr)
        }
        Value::BigInt(b) => {
            if spec.is_empty() {
                return b.to_decimal().ok_or_else(str_limit);
            }
            let s = fmt::parse_spec(spec, "int").map_err(berr)?;
            fmt::format_bigint(b, &s).map_err(berr)
        }
        Value::Bool(b) => {
            let s = fmt::parse_spec(spec, "bool").map_err(berr)?;
            fmt::format_int_named(i64::from(*b), &s, "bool").map_err(berr)
        }
        Value::Float(x) => {
            if spec.is_empty() {
                return Ok(fmt::float_repr(*x));
            }
            let s = fmt::parse_spec(spec, "float").map_err(berr)?;
            fmt::format_float(*x, &s).map_err(berr)
        }
        Value::Complex(re, im) => crate::python::complex::format(*re, *im, spec),
        Value::Str(st) => {
            if spec.is_empty() {
                return Ok(st.to_string());
            }
            let s = fmt::parse_spec(spec, "str").map_err(berr)?;
            fmt::format_str(st, &s).map_err(berr)
        }
        Value::Instance(i) => {
            if let Some(m) = i.class.lookup("__format__") {
                let r = it.call_sync(m, vec![v.clone(), Value::str(spec)], Vec::new())?;
                return str_of(it, &r);
            }
            if spec.is_empty() {
                str_of(it, v)
            } else {
                Err(Exc::new(
                    T::TypeError,
                    format!(
                        "unsupported format string passed to {}.__format__",
                        i.class.name
                    ),
                ))
            }
        }
        _ => {
            if spec.is_empty() {
                str_of(it, v)
            } else {
                Err(Exc::new(
                    T::TypeError,
                    format!(
                        "unsupported format string passed to {}.__format__",
                        type_name(v)
                    ),
                ))
            }
        }
    }
}
