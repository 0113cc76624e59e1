//! Operations on values: truth, repr and str, attributes, items, arithmetic,
//! comparison, hashing, iteration. User classes' dunder methods are called
//! where Python calls them.

use std::cell::RefCell;
use std::rc::Rc;

use super::ast::{BinOp, CmpOp, UnaryOp};
use super::bigint::BigInt;
use super::builtins::{self, Builtin};
use super::coro::{CoroKind, Resumed};
use super::exc::{class as tclass, is_sub, Exc, PyResult, T};
use super::future::FutState;
use super::interp::Interp;
use super::iter::{DictPart, Iter};
use super::value::{Class, Dict, HashKey, Value};

type I = Rc<Interp>;

/// The class of a value.
pub fn class_of(v: &Value) -> Rc<Class> {
    let t = match v {
        Value::None => T::NoneType,
        Value::Bool(_) => T::Bool,
        Value::Int(_) | Value::BigInt(_) => T::Int,
        Value::Float(_) => T::Float,
        Value::Complex(..) => T::Complex,
        Value::Str(_) => T::Str,
        Value::Bytes(_) => T::Bytes,
        Value::List(_) => T::List,
        Value::Tuple(_) => T::Tuple,
        Value::Dict(_) => T::Dict,
        Value::Set(_) => T::Set,
        Value::FrozenSet(_) => T::FrozenSet,
        Value::Range(_) => T::Range,
        Value::Slice(_) => T::Slice,
        Value::Func(_) => T::Function,
        Value::Builtin(b) => match b {
            Builtin::Type(_) => T::Type,
            _ => T::BuiltinFunction,
        },
        Value::Method(_) => T::Method,
        Value::Class(_) => T::Type,
        Value::Instance(i) => return i.class.clone(),
        Value::Module(_) => T::Module,
        Value::Coro(c) => match c.kind {
            CoroKind::Coroutine => T::Coroutine,
            CoroKind::Generator => T::Generator,
            CoroKind::AsyncGenerator => T::AsyncGenerator,
        },
        Value::Fut(f) => {
            if f.is_task() {
                T::Task
            } else {
                T::Future
            }
        }
        Value::Iter(_) => T::Iterator,
        Value::Handle(_) => T::Handle,
        Value::Property(_) => T::Property,
        Value::StaticMethod(_) => T::StaticMethod,
        Value::ClassMethod(_) => T::ClassMethod,
        Value::Super(_) => T::Super,
        Value::Native(_) => T::Object,
    };
    tclass(t)
}

/// The type's name, as error messages give it.
pub fn type_name(v: &Value) -> String {
    match v {
        Value::Native(n) => n.type_name.to_string(),
        Value::Iter(i) => match &*i.borrow() {
            Iter::List(..) => "list_iterator",
            Iter::Seq(..) => "tuple_iterator",
            Iter::Str(..) => "str_ascii_iterator",
            Iter::Range(..) => "range_iterator",
            Iter::Dict(_, _, DictPart::Keys, _) => "dict_keyiterator",
            Iter::Dict(_, _, DictPart::Values, _) => "dict_valueiterator",
            Iter::Dict(_, _, DictPart::Items, _) => "dict_itemiterator",
            Iter::Enumerate(..) => "enumerate",
            Iter::Zip(..) => "zip",
            Iter::Map(..) => "map",
            Iter::Filter(..) => "filter",
            Iter::Count(..) => "itertools.count",
            Iter::Done => "iterator",
        }
        .to_string(),
        _ => class_of(v).name.to_string(),
    }
}

/// `isinstance(v, c)`.
pub fn isinstance(v: &Value, c: &Rc<Class>) -> bool {
    if let (Value::Bool(_), Some(Builtin::Type(T::Int))) = (v, c.builtin) {
        return true;
    }
    class_of(v).is_subclass(c)
}

/// A set's items in CPython's iteration order: its table order for ints
/// (see [`super::setorder`]), insertion order otherwise.
pub fn set_keys_ordered(d: &Dict) -> Vec<Value> {
    let keys: Vec<Value> = d.keys().cloned().collect();
    let ints: Option<Vec<i64>> = d
        .hash_keys()
        .map(|k| match k {
            HashKey::Int(i) => Some(*i),
            _ => None,
        })
        .collect();
    match ints.and_then(|v| super::setorder::int_set_order(&v)) {
        Some(order) => order.into_iter().map(|i| keys[i].clone()).collect(),
        None => keys,
    }
}

/// `bool(v)`.
pub fn truthy(it: &I, v: &Value) -> PyResult<bool> {
    Ok(match v {
        Value::None => false,
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::BigInt(_) => true,
        Value::Float(x) => *x != 0.0,
        Value::Complex(re, im) => *re != 0.0 || *im != 0.0,
        Value::Str(s) => !s.is_empty(),
        Value::Bytes(b) => !b.is_empty(),
        Value::List(l) => !l.borrow().is_empty(),
        Value::Tuple(t) => !t.is_empty(),
        Value::Dict(d) | Value::Set(d) => !d.borrow().is_empty(),
        Value::FrozenSet(d) => !d.is_empty(),
        Value::Range(r) => range_len(r.0, r.1, r.2) > 0,
        Value::Instance(i) => {
            if let Some(m) = i.class.lookup("__bool__") {
                let r = it.call_sync(m, vec![v.clone()], Vec::new())?;
                return match r {
                    Value::Bool(b) => Ok(b),
                    other => Err(Exc::new(
                        T::TypeError,
                        format!(
                            "__bool__ should return bool, returned {}",
                            type_name(&other)
                        ),
                    )),
                };
            }
            if let Some(m) = i.class.lookup("__len__") {
                let r = it.call_sync(m, vec![v.clone()], Vec::new())?;
                return Ok(!matches!(r, Value::Int(0)));
            }
            true
        }
        _ => true,
    })
}

/// The length of `range(a, b, s)`.
pub fn range_len(a: i64, b: i64, s: i64) -> i64 {
    if s > 0 && a < b {
        (b - a - 1) / s + 1
    } else if s < 0 && a > b {
        (a - b - 1) / (-s) + 1
    } else {
        0
    }
}

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

thread_local! {
    static REPR_DEPTH: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

fn addr(v: &Value) -> String {
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

fn join_reprs(it: &I, items: &[Value]) -> PyResult<String> {
    let mut parts = Vec::with_capacity(items.len());
    for x in items {
        parts.push(repr(it, x)?);
    }
    Ok(parts.join(", "))
}

fn repr_inner(it: &I, v: &Value) -> PyResult<String> {
    Ok(match v {
        Value::None => "None".into(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::BigInt(b) => b.to_decimal().ok_or_else(str_limit)?,
        Value::Float(x) => super::format::float_repr(*x),
        Value::Complex(re, im) => super::complex::repr(*re, *im),
        Value::Str(s) => str_repr(s),
        Value::Bytes(b) => {
            let mut out = String::from("b'");
            for &c in b.iter() {
                match c {
                    b'\\' => out.push_str("\\\\"),
                    b'\'' => out.push_str("\\'"),
                    b'\n' => out.push_str("\\n"),
                    b'\r' => out.push_str("\\r"),
                    b'\t' => out.push_str("\\t"),
                    0x20..=0x7e => out.push(c as char),
                    _ => out.push_str(&format!("\\x{c:02x}")),
                }
            }
            out.push('\'');
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
    use super::builtins::berr;
    use super::format as fmt;
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
        Value::Complex(re, im) => super::complex::format(*re, *im, spec),
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

// ----- attributes -----

fn bind_attr(owner: &Value, attr: Value) -> Value {
    match attr {
        Value::Func(_) => Value::Method(Rc::new((owner.clone(), attr))),
        Value::Builtin(b) if b.is_method() => Value::Method(Rc::new((owner.clone(), attr))),
        Value::StaticMethod(f) => (*f).clone(),
        other => other,
    }
}

/// `getattr(v, name)`.
pub fn getattr(it: &I, v: &Value, name: &str) -> PyResult<Value> {
    match v {
        Value::Instance(i) => {
            let cls_attr = i.class.lookup(name);
            if let Some(Value::Property(p)) = &cls_attr {
                return it.call_sync(p.0.clone(), vec![v.clone()], Vec::new());
            }
            if let Some(x) = i.dict.borrow().get(name) {
                return Ok(x.clone());
            }
            if let Some(a) = cls_attr {
                return Ok(match a {
                    Value::ClassMethod(f) => {
                        Value::Method(Rc::new((Value::Class(i.class.clone()), (*f).clone())))
                    }
                    other => bind_attr(v, other),
                });
            }
            match name {
                "__class__" => return Ok(Value::Class(i.class.clone())),
                "__dict__" => {
                    let mut d = Dict::new();
                    for (k, x) in i.dict.borrow().iter() {
                        d.insert(HashKey::Str(k.clone()), Value::Str(k.clone()), x.clone());
                    }
                    return Ok(Value::dict(d));
                }
                _ => {}
            }
            if let Some(d) = &i.exc {
                match name {
                    "args" => return Ok(Value::tuple(d.borrow().args.clone())),
                    "__cause__" => return Ok(d.borrow().cause.clone().unwrap_or(Value::None)),
                    "__context__" => return Ok(d.borrow().context.clone().unwrap_or(Value::None)),
                    "__suppress_context__" => return Ok(Value::Bool(d.borrow().suppress_context)),
                    "__traceback__" => return Ok(Value::None),
                    "with_traceback" => {
                        return Ok(Value::Method(Rc::new((
                            v.clone(),
                            Value::Builtin(Builtin::ExcWithTraceback),
                        ))))
                    }
                    "add_note" => {
                        return Ok(Value::Method(Rc::new((
                            v.clone(),
                            Value::Builtin(Builtin::ExcAddNote),
                        ))))
                    }
                    _ => {}
                }
                if let Some(b) = builtins::exc_attr(&i.class, name) {
                    return b(it, v);
                }
            }
            if let Some(ga) = i.class.lookup("__getattr__") {
                return it.call_sync(ga, vec![v.clone(), Value::str(name)], Vec::new());
            }
            Err(Exc::new(
                T::AttributeError,
                format!("'{}' object has no attribute '{name}'", i.class.name),
            ))
        }
        Value::Class(c) => {
            if let Some(a) = c.lookup(name) {
                return Ok(match a {
                    Value::ClassMethod(f) => Value::Method(Rc::new((v.clone(), (*f).clone()))),
                    Value::StaticMethod(f) => (*f).clone(),
                    other => other,
                });
            }
            match name {
                "__dict__" => {
                    let mut d = Dict::new();
                    for (k, x) in c.dict.borrow().iter() {
                        d.insert(HashKey::Str(k.clone()), Value::Str(k.clone()), x.clone());
                    }
                    return Ok(Value::dict(d));
                }
                "__name__" => return Ok(Value::Str(c.name.clone())),
                "__qualname__" => return Ok(Value::Str(c.qualname.clone())),
                "__module__" => return Ok(Value::Str(c.module.clone())),
                "__mro__" => {
                    return Ok(Value::tuple(
                        c.mro
                            .borrow()
                            .iter()
                            .map(|k| Value::Class(k.clone()))
                            .collect(),
                    ))
                }
                "__bases__" => {
                    return Ok(Value::tuple(
                        c.bases.iter().map(|k| Value::Class(k.clone())).collect(),
                    ))
                }
                "__doc__" => return Ok(Value::None),
                _ => {}
            }
            for k in c.mro.borrow().iter() {
                if let Some(Builtin::Type(t)) = k.builtin {
                    if let Some(b) = builtins::type_attr(t, name) {
                        return Ok(Value::Builtin(b));
                    }
                }
            }
            Err(Exc::new(
                T::AttributeError,
                format!("type object '{}' has no attribute '{name}'", c.name),
            ))
        }
        Value::Module(m) => match m.dict.borrow().get(name) {
            Some(x) => Ok(x.clone()),
            None => match name {
                "__name__" => Ok(Value::Str(m.name.clone())),
                _ => Err(Exc::new(
                    T::AttributeError,
                    format!("module '{}' has no attribute '{name}'", m.name),
                )),
            },
        },
        Value::Func(f) if f.attrs.borrow().contains_key(name) => {
            Ok(f.attrs.borrow().get(name).cloned().unwrap_or(Value::None))
        }
        Value::Func(f) => match name {
            "__name__" => Ok(Value::Str(f.def.name.clone())),
            "__qualname__" => Ok(Value::Str(f.qualname.clone())),
            "__doc__" => Ok(Value::None),
            "__module__" => Ok(Value::str("__main__")),
            _ if f.attrs.borrow().contains_key(name) => {
                Ok(f.attrs.borrow().get(name).cloned().unwrap_or(Value::None))
            }
            _ => Err(Exc::new(
                T::AttributeError,
                format!("'function' object has no attribute '{name}'"),
            )),
        },
        Value::Super(s) => {
            let (start, obj) = (&s.0, &s.1);
            let owner_cls = match obj {
                Value::Class(c) => c.clone(),
                other => class_of(other),
            };
            let mro = owner_cls.mro.borrow().clone();
            let pos = mro
                .iter()
                .position(|k| Rc::ptr_eq(k, start))
                .map_or(mro.len(), |p| p + 1);
            for k in &mro[pos.min(mro.len())..] {
                let found = k.dict.borrow().get(name).cloned();
                if let Some(a) = found {
                    return Ok(match a {
                        Value::ClassMethod(f) => {
                            Value::Method(Rc::new((Value::Class(owner_cls.clone()), (*f).clone())))
                        }
                        Value::StaticMethod(f) => (*f).clone(),
                        Value::Property(p) => {
                            return it.call_sync(p.0.clone(), vec![obj.clone()], Vec::new())
                        }
                        other => bind_attr(obj, other),
                    });
                }
                if let Some(Builtin::Type(t)) = k.builtin {
                    if let Some(b) = builtins::type_attr(t, name) {
                        return Ok(bind_attr(obj, Value::Builtin(b)));
                    }
                }
            }
            Err(Exc::new(
                T::AttributeError,
                format!("'super' object has no attribute '{name}'"),
            ))
        }
        Value::Native(n) => {
            if let Some(x) = n.attrs.borrow().get(name) {
                if let Value::Builtin(bi) = x {
                    if bi.is_method() && !matches!(bi, Builtin::StreamFlush) {
                        return Ok(Value::Method(Rc::new((v.clone(), x.clone()))));
                    }
                }
                return Ok(x.clone());
            }
            Err(Exc::new(
                T::AttributeError,
                format!("'{}' object has no attribute '{name}'", n.type_name),
            ))
        }
        _ => match builtins::method_of(v, name) {
            Some(b) => Ok(Value::Method(Rc::new((v.clone(), Value::Builtin(b))))),
            None => builtins::value_attr(it, v, name).unwrap_or_else(|| {
                Err(Exc::new(
                    T::AttributeError,
                    format!("'{}' object has no attribute '{name}'", type_name(v)),
                ))
            }),
        },
    }
}

/// `setattr(v, name, x)`.
pub fn setattr(it: &I, v: &Value, name: &str, x: Value) -> PyResult<()> {
    match v {
        Value::Instance(i) => {
            if let Some(Value::Property(p)) = i.class.lookup(name) {
                if p.1.is_none() {
                    return Err(Exc::new(
                        T::AttributeError,
                        format!(
                            "property '{name}' of '{}' object has no setter",
                            i.class.name
                        ),
                    ));
                }
                it.call_sync(p.1.clone(), vec![v.clone(), x], Vec::new())?;
                return Ok(());
            }
            if let Some(sa) = i.class.lookup("__setattr__") {
                if !matches!(sa, Value::Builtin(_)) {
                    it.call_sync(sa, vec![v.clone(), Value::str(name), x], Vec::new())?;
                    return Ok(());
                }
            }
            if let (Some(d), "__cause__") = (&i.exc, name) {
                let mut d = d.borrow_mut();
                d.cause = if x.is_none() { None } else { Some(x) };
                d.suppress_context = true;
                return Ok(());
            }
            i.dict.borrow_mut().insert(Rc::from(name), x);
            Ok(())
        }
        Value::Class(c) if c.def.is_some() => {
            c.dict.borrow_mut().insert(Rc::from(name), x);
            Ok(())
        }
        Value::Func(f) => {
            f.attrs.borrow_mut().insert(Rc::from(name), x);
            Ok(())
        }
        Value::Module(m) => {
            m.dict.borrow_mut().insert(Rc::from(name), x);
            Ok(())
        }
        Value::Native(n) => {
            n.attrs.borrow_mut().insert(Rc::from(name), x);
            Ok(())
        }
        Value::Class(c) => Err(Exc::new(
            T::TypeError,
            format!(
                "cannot set '{name}' attribute of immutable type '{}'",
                c.name
            ),
        )),
        _ => Err(Exc::new(
            T::AttributeError,
            format!("'{}' object has no attribute '{name}'", type_name(v)),
        )),
    }
}

/// `delattr(v, name)`.
pub fn delattr(_it: &I, v: &Value, name: &str) -> PyResult<()> {
    if let Value::Instance(i) = v {
        if i.dict.borrow_mut().remove(name).is_some() {
            return Ok(());
        }
    }
    Err(Exc::new(
        T::AttributeError,
        format!("'{}' object has no attribute '{name}'", type_name(v)),
    ))
}

// ----- items -----

fn index_of(it: &I, i: &Value, len: usize, what: &str) -> PyResult<usize> {
    let n = match i {
        Value::Int(n) => *n,
        Value::BigInt(_) if what == "range object" => {
            return Err(Exc::new(T::IndexError, "range object index out of range"))
        }
        Value::BigInt(_) => {
            return Err(Exc::new(
                T::IndexError,
                "cannot fit 'int' into an index-sized integer",
            ))
        }
        Value::Bool(b) => i64::from(*b),
        Value::Instance(_) => match it.call_method_sync(i, "__index__", Vec::new()) {
            Ok(Value::Int(n)) => n,
            _ => {
                return Err(Exc::new(
                    T::TypeError,
                    format!(
                        "{what} indices must be integers or slices, not {}",
                        type_name(i)
                    ),
                ))
            }
        },
        _ => {
            return Err(Exc::new(
                T::TypeError,
                format!(
                    "{what} indices must be integers or slices, not {}",
                    type_name(i)
                ),
            ))
        }
    };
    let len = len as i64;
    let k = if n < 0 { n + len } else { n };
    if k < 0 || k >= len {
        let msg = match what {
            "list" => "list index out of range",
            "tuple" => "tuple index out of range",
            "str" => "string index out of range",
            "range object" => "range object index out of range",
            _ => "index out of range",
        };
        return Err(Exc::new(T::IndexError, msg));
    }
    Ok(k as usize)
}

fn opt_int(it: &I, v: &Value) -> PyResult<Option<i64>> {
    match v {
        Value::None => Ok(None),
        Value::Int(i) => Ok(Some(*i)),
        Value::Bool(b) => Ok(Some(i64::from(*b))),
        Value::Instance(_) => match it.call_method_sync(v, "__index__", Vec::new()) {
            Ok(Value::Int(i)) => Ok(Some(i)),
            _ => Err(Exc::new(
                T::TypeError,
                "slice indices must be integers or None or have an __index__ method",
            )),
        },
        _ => Err(Exc::new(
            T::TypeError,
            "slice indices must be integers or None or have an __index__ method",
        )),
    }
}

/// `slice.indices(len)`: start, stop and step, adjusted as CPython's
/// `PySlice_AdjustIndices` does.
pub fn slice_adjust(it: &I, s: &(Value, Value, Value), len: i64) -> PyResult<(i64, i64, i64)> {
    let step = opt_int(it, &s.2)?.unwrap_or(1);
    if step == 0 {
        return Err(Exc::new(T::ValueError, "slice step cannot be zero"));
    }
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let fix = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(x) if x < 0 => (x + len).max(lower),
            Some(x) => x.min(upper),
        }
    };
    let start = fix(opt_int(it, &s.0)?, if step < 0 { upper } else { lower });
    let stop = fix(opt_int(it, &s.1)?, if step < 0 { lower } else { upper });
    Ok((start, stop, step))
}

/// The indices a slice selects of a sequence of `len`.
pub fn slice_indices(it: &I, s: &(Value, Value, Value), len: usize) -> PyResult<Vec<usize>> {
    let len = len as i64;
    let step = opt_int(it, &s.2)?.unwrap_or(1);
    if step == 0 {
        return Err(Exc::new(T::ValueError, "slice step cannot be zero"));
    }
    let clamp = |v: Option<i64>, default: i64, lo: i64, hi: i64| -> i64 {
        match v {
            None => default,
            Some(x) => {
                let x = if x < 0 { x + len } else { x };
                x.clamp(lo, hi)
            }
        }
    };
    let mut out = Vec::new();
    if step > 0 {
        let a = clamp(opt_int(it, &s.0)?, 0, 0, len);
        let b = clamp(opt_int(it, &s.1)?, len, 0, len);
        let mut i = a;
        while i < b {
            out.push(i as usize);
            i += step;
        }
    } else {
        let a = clamp(opt_int(it, &s.0)?, len - 1, -1, len - 1);
        let b = clamp(opt_int(it, &s.1)?, -1, -1, len - 1);
        let mut i = a;
        while i > b {
            out.push(i as usize);
            i += step;
        }
    }
    Ok(out)
}

/// `v[i]`.
pub fn getitem(it: &I, v: &Value, i: &Value) -> PyResult<Value> {
    match (v, i) {
        (Value::List(l), Value::Slice(s)) => {
            let l = l.borrow();
            let idx = slice_indices(it, s, l.len())?;
            Ok(Value::list(idx.into_iter().map(|k| l[k].clone()).collect()))
        }
        (Value::List(l), _) => {
            let l = l.borrow();
            let k = index_of(it, i, l.len(), "list")?;
            Ok(l[k].clone())
        }
        (Value::Tuple(t), Value::Slice(s)) => {
            let idx = slice_indices(it, s, t.len())?;
            Ok(Value::tuple(
                idx.into_iter().map(|k| t[k].clone()).collect(),
            ))
        }
        (Value::Tuple(t), _) => Ok(t[index_of(it, i, t.len(), "tuple")?].clone()),
        (Value::Str(s), _) => {
            let chars: Vec<char> = s.chars().collect();
            match i {
                Value::Slice(sl) => {
                    let idx = slice_indices(it, sl, chars.len())?;
                    Ok(Value::Str(Rc::from(
                        idx.into_iter().map(|k| chars[k]).collect::<String>(),
                    )))
                }
                _ => {
                    let k = index_of(it, i, chars.len(), "str")?;
                    Ok(Value::Str(Rc::from(chars[k].to_string())))
                }
            }
        }
        (Value::Bytes(b), Value::Slice(sl)) => {
            let idx = slice_indices(it, sl, b.len())?;
            Ok(Value::Bytes(Rc::from(
                idx.into_iter().map(|k| b[k]).collect::<Vec<u8>>(),
            )))
        }
        (Value::Bytes(b), _) => Ok(Value::Int(i64::from(b[index_of(it, i, b.len(), "index")?]))),
        (Value::Range(r), Value::Slice(sl)) => {
            let n = range_len(r.0, r.1, r.2);
            let (start, stop, step) = slice_adjust(it, sl, n)?;
            Ok(Value::Range(Rc::new((
                r.0 + start * r.2,
                r.0 + stop * r.2,
                r.2 * step,
            ))))
        }
        (Value::Range(r), _) => {
            let n = range_len(r.0, r.1, r.2);
            let k = index_of(it, i, n as usize, "range object")?;
            Ok(Value::Int(r.0 + r.2 * k as i64))
        }
        (Value::Dict(d), _) => {
            let key = hash_key(it, i)?;
            let found = d.borrow().get(&key).cloned();
            match found {
                Some(x) => Ok(x),
                None => Err(Exc::with_args(T::KeyError, vec![i.clone()])),
            }
        }
        (Value::Instance(inst), _) => match inst.class.lookup("__getitem__") {
            Some(m) => it.call_sync(m, vec![v.clone(), i.clone()], Vec::new()),
            None => Err(Exc::new(
                T::TypeError,
                format!("'{}' object is not subscriptable", inst.class.name),
            )),
        },
        (Value::Class(_), _) | (Value::Builtin(Builtin::Type(_)), _) => Ok(v.clone()),
        _ => Err(Exc::new(
            T::TypeError,
            format!("'{}' object is not subscriptable", type_name(v)),
        )),
    }
}

/// `v[i] = x`.
pub fn setitem(it: &I, v: &Value, i: Value, x: Value) -> PyResult<()> {
    match v {
        Value::List(l) => {
            if let Value::Slice(s) = &i {
                let new = to_vec(it, &x)?;
                let mut l = l.borrow_mut();
                let idx = slice_indices(it, s, l.len())?;
                let step = opt_int(it, &s.2)?.unwrap_or(1);
                if step == 1 {
                    let a = idx.first().copied().unwrap_or_else(|| {
                        let start = match &s.0 {
                            Value::Int(n) => *n,
                            _ => 0,
                        };
                        let len = l.len() as i64;
                        (if start < 0 { start + len } else { start }).clamp(0, len) as usize
                    });
                    let b = idx.last().map_or(a, |k| k + 1);
                    l.splice(a..b, new);
                    return Ok(());
                }
                if idx.len() != new.len() {
                    return Err(Exc::new(
                        T::ValueError,
                        format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            new.len(),
                            idx.len()
                        ),
                    ));
                }
                for (k, val) in idx.into_iter().zip(new) {
                    l[k] = val;
                }
                return Ok(());
            }
            let mut l = l.borrow_mut();
            let len = l.len();
            let k = index_of(it, &i, len, "list").map_err(|e| {
                if e.is(T::IndexError) {
                    Exc::new(T::IndexError, "list assignment index out of range")
                } else {
                    e
                }
            })?;
            l[k] = x;
            Ok(())
        }
        Value::Dict(d) => {
            let key = hash_key(it, &i)?;
            d.borrow_mut().insert(key, i, x);
            Ok(())
        }
        Value::Instance(inst) => match inst.class.lookup("__setitem__") {
            Some(m) => {
                it.call_sync(m, vec![v.clone(), i, x], Vec::new())?;
                Ok(())
            }
            None => Err(Exc::new(
                T::TypeError,
                format!(
                    "'{}' object does not support item assignment",
                    inst.class.name
                ),
            )),
        },
        _ => Err(Exc::new(
            T::TypeError,
            format!("'{}' object does not support item assignment", type_name(v)),
        )),
    }
}

/// `del v[i]`.
pub fn delitem(it: &I, v: &Value, i: &Value) -> PyResult<()> {
    match v {
        Value::List(l) => {
            if let Value::Slice(s) = i {
                let mut l = l.borrow_mut();
                let mut idx = slice_indices(it, s, l.len())?;
                idx.sort_unstable();
                for k in idx.into_iter().rev() {
                    l.remove(k);
                }
                return Ok(());
            }
            let mut l = l.borrow_mut();
            let len = l.len();
            let k = index_of(it, i, len, "list").map_err(|e| {
                if e.is(T::IndexError) {
                    Exc::new(T::IndexError, "list assignment index out of range")
                } else {
                    e
                }
            })?;
            l.remove(k);
            Ok(())
        }
        Value::Dict(d) => {
            let key = hash_key(it, i)?;
            match d.borrow_mut().remove(&key) {
                Some(_) => Ok(()),
                None => Err(Exc::with_args(T::KeyError, vec![i.clone()])),
            }
        }
        Value::Instance(inst) => match inst.class.lookup("__delitem__") {
            Some(m) => {
                it.call_sync(m, vec![v.clone(), i.clone()], Vec::new())?;
                Ok(())
            }
            None => Err(Exc::new(
                T::TypeError,
                format!("'{}' object doesn't support item deletion", inst.class.name),
            )),
        },
        _ => Err(Exc::new(
            T::TypeError,
            format!("'{}' object doesn't support item deletion", type_name(v)),
        )),
    }
}

// ----- hashing and equality -----

/// The dict key of `v`, or `TypeError: unhashable type`.
pub fn hash_key(it: &I, v: &Value) -> PyResult<HashKey> {
    Ok(match v {
        Value::None => HashKey::None,
        Value::Bool(b) => HashKey::Int(i64::from(*b)),
        Value::Int(i) => HashKey::Int(*i),
        Value::BigInt(b) => HashKey::BigInt(b.clone()),
        Value::Float(x) => {
            if x.fract() == 0.0 && x.abs() < 9.2e18 {
                HashKey::Int(*x as i64)
            } else if x.fract() == 0.0 && x.is_finite() {
                let b = BigInt::from_f64(*x);
                match b.to_i64() {
                    Some(i) => HashKey::Int(i),
                    None => HashKey::BigInt(Rc::new(b)),
                }
            } else {
                HashKey::Float(x.to_bits())
            }
        }
        Value::Complex(re, im) => return super::complex::hash_key(it, *re, *im),
        Value::Str(s) => HashKey::Str(s.clone()),
        Value::Bytes(b) => HashKey::Bytes(b.clone()),
        Value::Tuple(t) => {
            let mut keys = Vec::with_capacity(t.len());
            for x in t.iter() {
                keys.push(hash_key(it, x)?);
            }
            HashKey::Tuple(Rc::from(keys))
        }
        Value::FrozenSet(d) => {
            let mut keys: Vec<String> = d.hash_keys().map(|k| format!("{k:?}")).collect();
            keys.sort();
            HashKey::Str(Rc::from(keys.join(",")))
        }
        Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => {
            return Err(Exc::new(
                T::TypeError,
                format!("unhashable type: '{}'", type_name(v)),
            ))
        }
        Value::Builtin(b) => HashKey::Str(Rc::from(format!("<builtin {}>", b.short_name()))),
        Value::Range(r) => HashKey::Str(Rc::from(format!("range{:?}", r))),
        Value::Instance(i) => {
            if let Some(h) = i.class.lookup("__hash__") {
                if h.is_none() {
                    return Err(Exc::new(
                        T::TypeError,
                        format!("unhashable type: '{}'", i.class.name),
                    ));
                }
                if !matches!(h, Value::Builtin(_)) {
                    return match it.call_sync(h, vec![v.clone()], Vec::new())? {
                        Value::Int(n) => Ok(HashKey::Tuple(Rc::from(vec![
                            HashKey::Str(i.class.name.clone()),
                            HashKey::Int(n),
                        ]))),
                        _ => Err(Exc::new(
                            T::TypeError,
                            "__hash__ method should return an integer",
                        )),
                    };
                }
            } else if i
                .class
                .lookup("__eq__")
                .is_some_and(|e| !matches!(e, Value::Builtin(_)))
            {
                return Err(Exc::new(
                    T::TypeError,
                    format!("unhashable type: '{}'", i.class.name),
                ));
            }
            HashKey::Id(v.ptr().unwrap_or(0))
        }
        other => HashKey::Id(other.ptr().unwrap_or(0)),
    })
}

/// `a == b`.
pub fn eq(it: &I, a: &Value, b: &Value) -> PyResult<bool> {
    if let Some(r) = super::complex::eq(it, a, b) {
        return r;
    }
    Ok(match (a, b) {
        (Value::None, Value::None) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(_) | Value::Bool(_), Value::Int(_) | Value::Bool(_)) => as_int(a) == as_int(b),
        (Value::BigInt(x), Value::BigInt(y)) => x == y,
        (Value::BigInt(_), Value::Int(_) | Value::Bool(_))
        | (Value::Int(_) | Value::Bool(_), Value::BigInt(_)) => false,
        (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), Value::Float(y)) => {
            int_cmp_float(a, *y) == Some(std::cmp::Ordering::Equal)
        }
        (Value::Float(x), Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => {
            int_cmp_float(b, *x) == Some(std::cmp::Ordering::Equal)
        }
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Bytes(x), Value::Bytes(y)) => x == y,
        (Value::List(x), Value::List(y)) => {
            if Rc::ptr_eq(x, y) {
                return Ok(true);
            }
            let (x, y) = (x.borrow().clone(), y.borrow().clone());
            seq_eq(it, &x, &y)?
        }
        (Value::Tuple(x), Value::Tuple(y)) => seq_eq(it, x, y)?,
        (Value::Dict(x), Value::Dict(y)) => {
            let (x, y) = (x.borrow().clone(), y.borrow().clone());
            if x.len() != y.len() {
                return Ok(false);
            }
            for (k, v) in x.items() {
                let key = hash_key(it, k)?;
                match y.get(&key) {
                    Some(w) => {
                        if !eq(it, v, w)? {
                            return Ok(false);
                        }
                    }
                    None => return Ok(false),
                }
            }
            true
        }
        (Value::Set(x), Value::Set(y)) => set_eq(&x.borrow(), &y.borrow()),
        (Value::FrozenSet(x), Value::FrozenSet(y)) => set_eq(x, y),
        (Value::Set(x), Value::FrozenSet(y)) => set_eq(&x.borrow(), y),
        (Value::FrozenSet(x), Value::Set(y)) => set_eq(x, &y.borrow()),
        (Value::Range(x), Value::Range(y)) => x == y,
        (Value::Instance(i), _) | (_, Value::Instance(i)) => {
            let (first, second) = if matches!(a, Value::Instance(_)) {
                (a, b)
            } else {
                (b, a)
            };
            if let Some(m) = i.class.lookup("__eq__") {
                if !matches!(m, Value::Builtin(_)) {
                    let r = it.call_sync(m, vec![first.clone(), second.clone()], Vec::new())?;
                    if !matches!(r, Value::Builtin(Builtin::NotImplemented)) {
                        return truthy(it, &r);
                    }
                }
            }
            if let Value::Instance(j) = second {
                if !Rc::ptr_eq(&i.class, &j.class) {
                    if let Some(m) = j.class.lookup("__eq__") {
                        if !matches!(m, Value::Builtin(_)) {
                            let r =
                                it.call_sync(m, vec![second.clone(), first.clone()], Vec::new())?;
                            if !matches!(r, Value::Builtin(Builtin::NotImplemented)) {
                                return truthy(it, &r);
                            }
                        }
                    }
                }
            }
            a.is(b)
        }
        (Value::Builtin(x), Value::Builtin(y)) => x == y,
        _ => a.is(b),
    })
}

fn set_eq(x: &Dict, y: &Dict) -> bool {
    x.len() == y.len() && x.hash_keys().all(|k| y.contains(k))
}

fn seq_eq(it: &I, x: &[Value], y: &[Value]) -> PyResult<bool> {
    if x.len() != y.len() {
        return Ok(false);
    }
    for (a, b) in x.iter().zip(y) {
        if !a.is(b) && !eq(it, a, b)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn as_int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(i64::from(*b)),
        _ => None,
    }
}

/// An int (bool, int, big int) as a [`BigInt`].
pub fn as_big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from_i64(*i)),
        Value::Bool(b) => Some(BigInt::from_i64(i64::from(*b))),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

/// An int compared exactly with a float (`None` for NaN).
fn int_cmp_float(a: &Value, y: f64) -> Option<std::cmp::Ordering> {
    match a {
        Value::Int(i) if i.unsigned_abs() <= 1 << 53 => (*i as f64).partial_cmp(&y),
        Value::Bool(b) => f64::from(u8::from(*b)).partial_cmp(&y),
        _ => as_big(a)?.cmp_f64(y),
    }
}

/// CPython's error for `str()` of an int over 4300 digits.
pub fn str_limit() -> Exc {
    Exc::new(
        T::ValueError,
        "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
    )
}

/// An int too large for the playground (over about 100,000 digits).
pub fn too_big() -> Exc {
    Exc::new(
        T::MemoryError,
        "int too large: the playground's ints stop at about 100,000 digits",
    )
}

/// `float(n)` for an int: `OverflowError` when it is too large.
pub fn int_to_float(v: &Value) -> PyResult<f64> {
    match v {
        Value::BigInt(b) => b
            .to_f64()
            .ok_or_else(|| Exc::new(T::OverflowError, "int too large to convert to float")),
        other => Ok(as_float(other).unwrap_or(0.0)),
    }
}

fn as_float(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        Value::Float(x) => Some(*x),
        _ => None,
    }
}

/// `a < b` and friends: -1, 0, 1, or a TypeError.
fn order(it: &I, op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
    use std::cmp::Ordering as O;
    let ord: Option<O> = match (a, b) {
        (Value::Int(_) | Value::Bool(_), Value::Int(_) | Value::Bool(_)) => {
            as_int(a).zip(as_int(b)).map(|(x, y)| x.cmp(&y))
        }
        (
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_),
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_),
        ) => as_big(a).zip(as_big(b)).map(|(x, y)| x.cmp(&y)),
        (Value::Float(x), Value::Float(y)) => match x.partial_cmp(y) {
            Some(o) => Some(o),
            None => return Ok(false),
        },
        (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), Value::Float(y)) => {
            match int_cmp_float(a, *y) {
                Some(o) => Some(o),
                None => return Ok(false),
            }
        }
        (Value::Float(x), Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => {
            match int_cmp_float(b, *x) {
                Some(o) => Some(o.reverse()),
                None => return Ok(false),
            }
        }
        (Value::Str(x), Value::Str(y)) => Some(x.cmp(y)),
        (Value::Bytes(x), Value::Bytes(y)) => Some(x.cmp(y)),
        (Value::List(x), Value::List(y)) => {
            let (x, y) = (x.borrow().clone(), y.borrow().clone());
            return seq_order(it, op, &x, &y);
        }
        (Value::Tuple(x), Value::Tuple(y)) => return seq_order(it, op, x, y),
        (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
            let x = set_keys(a);
            let y = set_keys(b);
            let sub = x.iter().all(|k| y.contains(k));
            let sup = y.iter().all(|k| x.contains(k));
            return Ok(match op {
                CmpOp::LtE => sub,
                CmpOp::Lt => sub && x.len() < y.len(),
                CmpOp::GtE => sup,
                CmpOp::Gt => sup && x.len() > y.len(),
                _ => false,
            });
        }
        _ => None,
    };
    if let Some(o) = ord {
        return Ok(match op {
            CmpOp::Lt => o == O::Less,
            CmpOp::LtE => o != O::Greater,
            CmpOp::Gt => o == O::Greater,
            CmpOp::GtE => o != O::Less,
            _ => false,
        });
    }
    let (name, rname) = match op {
        CmpOp::Lt => ("__lt__", "__gt__"),
        CmpOp::LtE => ("__le__", "__ge__"),
        CmpOp::Gt => ("__gt__", "__lt__"),
        _ => ("__ge__", "__le__"),
    };
    if let Value::Instance(i) = a {
        if let Some(m) = i.class.lookup(name) {
            let r = it.call_sync(m, vec![a.clone(), b.clone()], Vec::new())?;
            if !matches!(r, Value::Builtin(Builtin::NotImplemented)) {
                return truthy(it, &r);
            }
        }
    }
    if let Value::Instance(i) = b {
        if let Some(m) = i.class.lookup(rname) {
            let r = it.call_sync(m, vec![b.clone(), a.clone()], Vec::new())?;
            if !matches!(r, Value::Builtin(Builtin::NotImplemented)) {
                return truthy(it, &r);
            }
        }
    }
    Err(Exc::new(
        T::TypeError,
        format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            type_name(a),
            type_name(b)
        ),
    ))
}

fn set_keys(v: &Value) -> Vec<HashKey> {
    match v {
        Value::Set(d) => d.borrow().hash_keys().cloned().collect(),
        Value::FrozenSet(d) => d.hash_keys().cloned().collect(),
        _ => Vec::new(),
    }
}

fn seq_order(it: &I, op: CmpOp, x: &[Value], y: &[Value]) -> PyResult<bool> {
    for (a, b) in x.iter().zip(y) {
        if !eq(it, a, b)? {
            return order(it, op, a, b);
        }
    }
    let (lx, ly) = (x.len(), y.len());
    Ok(match op {
        CmpOp::Lt => lx < ly,
        CmpOp::LtE => lx <= ly,
        CmpOp::Gt => lx > ly,
        _ => lx >= ly,
    })
}

/// `x in c`.
pub fn contains(it: &I, c: &Value, x: &Value) -> PyResult<bool> {
    match c {
        Value::Str(s) => match x {
            Value::Str(sub) => Ok(s.contains(&**sub)),
            _ => Err(Exc::new(
                T::TypeError,
                format!(
                    "'in <string>' requires string as left operand, not {}",
                    type_name(x)
                ),
            )),
        },
        Value::Dict(d) | Value::Set(d) => {
            let k = hash_key(it, x)?;
            Ok(d.borrow().contains(&k))
        }
        Value::FrozenSet(d) => Ok(d.contains(&hash_key(it, x)?)),
        Value::Range(r) => Ok(match x {
            Value::Int(n) => {
                let (a, b, s) = (r.0, r.1, r.2);
                if s > 0 {
                    *n >= a && *n < b && (n - a) % s == 0
                } else {
                    *n <= a && *n > b && (a - n) % (-s) == 0
                }
            }
            _ => false,
        }),
        Value::Instance(i) if i.class.lookup("__contains__").is_some() => {
            let m = i.class.lookup("__contains__").unwrap_or(Value::None);
            let r = it.call_sync(m, vec![c.clone(), x.clone()], Vec::new())?;
            truthy(it, &r)
        }
        _ => {
            let iter = iter(it, c)?;
            while let Some(v) = next(it, &iter)? {
                if v.is(x) || eq(it, &v, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// A comparison.
pub fn compare(it: &I, op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
    match op {
        CmpOp::Eq => eq(it, a, b),
        CmpOp::NotEq => {
            if let Value::Instance(i) = a {
                if let Some(m) = i.class.lookup("__ne__") {
                    let r = it.call_sync(m, vec![a.clone(), b.clone()], Vec::new())?;
                    return truthy(it, &r);
                }
            }
            Ok(!eq(it, a, b)?)
        }
        CmpOp::Is => Ok(a.is(b)),
        CmpOp::IsNot => Ok(!a.is(b)),
        CmpOp::In => contains(it, b, a),
        CmpOp::NotIn => Ok(!contains(it, b, a)?),
        _ => order(it, op, a, b),
    }
}

// ----- arithmetic -----

fn check_size(n: usize) -> PyResult<()> {
    if n > super::interp::MAX_ITEMS {
        return Err(Exc::bare(T::MemoryError));
    }
    Ok(())
}

fn repeat<Tt: Clone>(items: &[Tt], n: i64) -> PyResult<Vec<Tt>> {
    let n = n.max(0) as usize;
    let total = items
        .len()
        .checked_mul(n)
        .ok_or_else(|| Exc::bare(T::MemoryError))?;
    check_size(total)?;
    let mut out = Vec::with_capacity(total);
    for _ in 0..n {
        out.extend_from_slice(items);
    }
    Ok(out)
}

fn int_pow(a: i64, b: i64) -> Option<Value> {
    if b < 0 {
        return None;
    }
    let e = u32::try_from(b).ok()?;
    a.checked_pow(e).map(Value::Int)
}

/// `x op y` on ints of any size (the result normalised).
fn big_binop(op: BinOp, x: &BigInt, y: &BigInt) -> Option<PyResult<Value>> {
    let big =
        |r: Result<BigInt, super::bigint::TooBig>| r.map(Value::from_big).map_err(|_| too_big());
    let shift = |y: &BigInt| -> PyResult<Option<u64>> {
        if y.is_negative() {
            return Err(Exc::new(T::ValueError, "negative shift count"));
        }
        Ok(y.to_i64().map(|n| n as u64))
    };
    Some(match op {
        BinOp::Add => big(x.add(y)),
        BinOp::Sub => big(x.sub(y)),
        BinOp::Mult => big(x.mul(y)),
        BinOp::Div => match x.true_div(y) {
            Ok(f) => Ok(Value::Float(f)),
            Err(true) => Err(Exc::new(T::ZeroDivisionError, "division by zero")),
            Err(false) => Err(Exc::new(
                T::OverflowError,
                "integer division result too large for a float",
            )),
        },
        BinOp::FloorDiv => match x.divmod(y) {
            Some((q, _)) => Ok(Value::from_big(q)),
            None => Err(Exc::new(
                T::ZeroDivisionError,
                "integer division or modulo by zero",
            )),
        },
        BinOp::Mod => match x.divmod(y) {
            Some((_, r)) => Ok(Value::from_big(r)),
            None => Err(Exc::new(T::ZeroDivisionError, "integer modulo by zero")),
        },
        BinOp::Pow => {
            if y.is_negative() {
                let fx = match x.to_f64() {
                    Some(f) => f,
                    None => {
                        return Some(Err(Exc::new(
                            T::OverflowError,
                            "int too large to convert to float",
                        )))
                    }
                };
                if fx == 0.0 {
                    return Some(Err(Exc::new(
                        T::ZeroDivisionError,
                        "0.0 cannot be raised to a negative power",
                    )));
                }
                let fy = y.to_f64().unwrap_or(f64::NEG_INFINITY);
                return Some(Ok(Value::Float(fx.powf(fy))));
            }
            let e = match y.to_i64() {
                Some(e) => e as u64,
                None if x.bit_length() <= 1 => {
                    // 0, 1 or -1 to a huge power: only the parity matters.
                    2 + u64::from(y.bitop(&BigInt::from_i64(1), '&') == BigInt::from_i64(1))
                }
                None => return Some(Err(too_big())),
            };
            big(x.pow(e))
        }
        BinOp::LShift => match shift(y) {
            Err(e) => Err(e),
            Ok(_) if x.is_zero() => Ok(Value::Int(0)),
            Ok(Some(n)) => big(x.shl(n)),
            Ok(None) => Err(too_big()),
        },
        BinOp::RShift => match shift(y) {
            Err(e) => Err(e),
            Ok(n) => Ok(Value::from_big(x.shr(n.unwrap_or(u64::MAX)))),
        },
        BinOp::BitAnd => Ok(Value::from_big(x.bitop(y, '&'))),
        BinOp::BitOr => Ok(Value::from_big(x.bitop(y, '|'))),
        BinOp::BitXor => Ok(Value::from_big(x.bitop(y, '^'))),
        BinOp::MatMult => return None,
    })
}

/// A number as a float for mixed arithmetic: `None` if not a number.
fn num_as_float(v: &Value) -> Option<PyResult<f64>> {
    match v {
        Value::BigInt(_) => Some(int_to_float(v)),
        other => as_float(other).map(Ok),
    }
}

fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 && ((m < 0.0) != (b < 0.0)) {
        m + b
    } else {
        m
    }
}

/// CPython's `float_floor_div` (via `_float_div_mod`).
fn float_floor_div(vx: f64, wx: f64) -> f64 {
    let m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 && ((wx < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let fl = div.floor();
        if div - fl > 0.5 {
            fl + 1.0
        } else {
            fl
        }
    } else {
        0.0f64.copysign(vx / wx)
    }
}

/// `a op b` on numbers, if both are numbers.
fn num_binop(op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    if matches!(a, Value::BigInt(_)) || matches!(b, Value::BigInt(_)) {
        if let (Some(x), Some(y)) = (as_big(a), as_big(b)) {
            return big_binop(op, &x, &y);
        }
    }
    if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
        let widen = || big_binop(op, &BigInt::from_i64(x), &BigInt::from_i64(y));
        return Some(match op {
            BinOp::Add => return x.checked_add(y).map(|v| Ok(Value::Int(v))).or_else(widen),
            BinOp::Sub => return x.checked_sub(y).map(|v| Ok(Value::Int(v))).or_else(widen),
            BinOp::Mult => return x.checked_mul(y).map(|v| Ok(Value::Int(v))).or_else(widen),
            BinOp::Div if x.unsigned_abs() > 1 << 53 || y.unsigned_abs() > 1 << 53 => {
                return widen()
            }
            BinOp::Div => {
                if y == 0 {
                    Err(Exc::new(T::ZeroDivisionError, "division by zero"))
                } else {
                    Ok(Value::Float(x as f64 / y as f64))
                }
            }
            BinOp::FloorDiv | BinOp::Mod if x == i64::MIN && y == -1 => return widen(),
            BinOp::FloorDiv => {
                if y == 0 {
                    Err(Exc::new(
                        T::ZeroDivisionError,
                        "integer division or modulo by zero",
                    ))
                } else {
                    Ok(Value::Int(
                        x.div_euclid(y) - if y < 0 && x.rem_euclid(y) != 0 { 1 } else { 0 },
                    ))
                }
            }
            BinOp::Mod => {
                if y == 0 {
                    Err(Exc::new(T::ZeroDivisionError, "integer modulo by zero"))
                } else {
                    let m = x % y;
                    Ok(Value::Int(if m != 0 && ((m < 0) != (y < 0)) {
                        m + y
                    } else {
                        m
                    }))
                }
            }
            BinOp::Pow => return int_pow(x, y).map(Ok).or_else(widen),
            BinOp::LShift => {
                if y < 0 {
                    Err(Exc::new(T::ValueError, "negative shift count"))
                } else if x == 0 {
                    Ok(Value::Int(0))
                } else if y >= 62 || x.unsigned_abs().leading_zeros() <= y as u32 + 1 {
                    return widen();
                } else {
                    Ok(Value::Int(x << y))
                }
            }
            BinOp::RShift => {
                if y < 0 {
                    Err(Exc::new(T::ValueError, "negative shift count"))
                } else {
                    Ok(Value::Int(x >> y.min(63)))
                }
            }
            BinOp::BitAnd => Ok(
                if matches!((a, b), (Value::Bool(p), Value::Bool(q)) if { let _ = (p, q); true }) {
                    Value::Bool(x & y != 0)
                } else {
                    Value::Int(x & y)
                },
            ),
            BinOp::BitOr => Ok(if matches!((a, b), (Value::Bool(_), Value::Bool(_))) {
                Value::Bool(x | y != 0)
            } else {
                Value::Int(x | y)
            }),
            BinOp::BitXor => Ok(if matches!((a, b), (Value::Bool(_), Value::Bool(_))) {
                Value::Bool(x ^ y != 0)
            } else {
                Value::Int(x ^ y)
            }),
            BinOp::MatMult => return None,
        });
    }
    let (x, y) = match (num_as_float(a)?, num_as_float(b)?) {
        (Ok(x), Ok(y)) => (x, y),
        (Err(e), _) | (_, Err(e)) => return Some(Err(e)),
    };
    Some(match op {
        BinOp::Add => Ok(Value::Float(x + y)),
        BinOp::Sub => Ok(Value::Float(x - y)),
        BinOp::Mult => Ok(Value::Float(x * y)),
        BinOp::Div => {
            if y == 0.0 {
                Err(Exc::new(T::ZeroDivisionError, "float division by zero"))
            } else {
                Ok(Value::Float(x / y))
            }
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                Err(Exc::new(
                    T::ZeroDivisionError,
                    "float floor division by zero",
                ))
            } else {
                Ok(Value::Float(float_floor_div(x, y)))
            }
        }
        BinOp::Mod => {
            if y == 0.0 {
                Err(Exc::new(T::ZeroDivisionError, "float modulo"))
            } else {
                Ok(Value::Float(float_mod(x, y)))
            }
        }
        BinOp::Pow => {
            if x == 0.0 && y < 0.0 {
                Err(Exc::new(
                    T::ZeroDivisionError,
                    "0.0 cannot be raised to a negative power",
                ))
            } else {
                let r = x.powf(y);
                if r.is_infinite() && x.is_finite() && y.is_finite() {
                    Err(Exc::new(
                        T::OverflowError,
                        "(34, 'Numerical result out of range')",
                    ))
                } else {
                    Ok(Value::Float(r))
                }
            }
        }
        _ => return None,
    })
}

fn dunder(op: BinOp) -> (&'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__"),
        BinOp::Sub => ("__sub__", "__rsub__"),
        BinOp::Mult => ("__mul__", "__rmul__"),
        BinOp::MatMult => ("__matmul__", "__rmatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__"),
        BinOp::Mod => ("__mod__", "__rmod__"),
        BinOp::Pow => ("__pow__", "__rpow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__"),
        BinOp::BitOr => ("__or__", "__ror__"),
        BinOp::BitXor => ("__xor__", "__rxor__"),
        BinOp::BitAnd => ("__and__", "__rand__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__"),
    }
}

/// `a op b`.
pub fn binop(it: &I, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    if let Some(r) = super::complex::binop(op, &a, &b) {
        return r;
    }
    if let Some(r) = num_binop(op, &a, &b) {
        return r;
    }
    if op == BinOp::Mult {
        let seq = |v: &Value| {
            matches!(
                v,
                Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)
            )
        };
        if (seq(&a) && matches!(b, Value::BigInt(_))) || (seq(&b) && matches!(a, Value::BigInt(_)))
        {
            return Err(Exc::new(
                T::OverflowError,
                "cannot fit 'int' into an index-sized integer",
            ));
        }
    }
    match (op, &a, &b) {
        (BinOp::Add, Value::Str(x), Value::Str(y)) => {
            check_size(x.len() + y.len())?;
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            return Ok(Value::Str(Rc::from(s)));
        }
        (BinOp::Add, Value::List(x), Value::List(y)) => {
            let mut v = x.borrow().clone();
            v.extend(y.borrow().iter().cloned());
            return Ok(Value::list(v));
        }
        (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
            let mut v = x.to_vec();
            v.extend(y.iter().cloned());
            return Ok(Value::tuple(v));
        }
        (BinOp::Add, Value::Bytes(x), Value::Bytes(y)) => {
            let mut v = x.to_vec();
            v.extend_from_slice(y);
            return Ok(Value::Bytes(Rc::from(v)));
        }
        (BinOp::Mult, Value::Str(s), Value::Int(n))
        | (BinOp::Mult, Value::Int(n), Value::Str(s)) => {
            let n = (*n).max(0) as usize;
            let total = s
                .len()
                .checked_mul(n)
                .ok_or_else(|| Exc::bare(T::MemoryError))?;
            check_size(total)?;
            return Ok(Value::Str(Rc::from(s.repeat(n))));
        }
        (BinOp::Mult, Value::List(l), Value::Int(n))
        | (BinOp::Mult, Value::Int(n), Value::List(l)) => {
            let items = l.borrow().clone();
            return Ok(Value::list(repeat(&items, *n)?));
        }
        (BinOp::Mult, Value::Tuple(t), Value::Int(n))
        | (BinOp::Mult, Value::Int(n), Value::Tuple(t)) => {
            return Ok(Value::tuple(repeat(t, *n)?));
        }
        (BinOp::Mod, Value::Str(s), _) => return builtins::percent_format(it, s, &b),
        (BinOp::BitOr, Value::Dict(x), Value::Dict(y)) => {
            let mut d = x.borrow().clone();
            for (k, v) in y.borrow().items() {
                dict_set(it, &mut d, k.clone(), v.clone())?;
            }
            return Ok(Value::dict(d));
        }
        (
            BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
            Value::Set(_) | Value::FrozenSet(_),
            Value::Set(_) | Value::FrozenSet(_),
        ) => {
            let frozen = matches!(a, Value::FrozenSet(_));
            let xa = set_items(&a);
            let xb = set_items(&b);
            let kb: Vec<HashKey> = xb.iter().map(|(k, _)| k.clone()).collect();
            let ka: Vec<HashKey> = xa.iter().map(|(k, _)| k.clone()).collect();
            let mut d = Dict::new();
            match op {
                BinOp::BitOr => {
                    for (k, v) in xa.into_iter().chain(xb) {
                        d.insert(k, v, Value::None);
                    }
                }
                BinOp::BitAnd => {
                    for (k, v) in xa {
                        if kb.contains(&k) {
                            d.insert(k, v, Value::None);
                        }
                    }
                }
                BinOp::Sub => {
                    for (k, v) in xa {
                        if !kb.contains(&k) {
                            d.insert(k, v, Value::None);
                        }
                    }
                }
                _ => {
                    for (k, v) in xa {
                        if !kb.contains(&k) {
                            d.insert(k, v, Value::None);
                        }
                    }
                    for (k, v) in xb {
                        if !ka.contains(&k) {
                            d.insert(k, v, Value::None);
                        }
                    }
                }
            }
            return Ok(if frozen {
                Value::FrozenSet(Rc::new(d))
            } else {
                Value::Set(Rc::new(RefCell::new(d)))
            });
        }
        _ => {}
    }
    let (name, rname) = dunder(op);
    if let Value::Instance(i) = &a {
        if let Some(m) = i.class.lookup(name) {
            let r = it.call_sync(m, vec![a.clone(), b.clone()], Vec::new())?;
            if !matches!(r, Value::Builtin(Builtin::NotImplemented)) {
                return Ok(r);
            }
        }
    }
    if let Value::Instance(i) = &b {
        if let Some(m) = i.class.lookup(rname) {
            let r = it.call_sync(m, vec![b.clone(), a.clone()], Vec::new())?;
            if !matches!(r, Value::Builtin(Builtin::NotImplemented)) {
                return Ok(r);
            }
        }
    }
    let sym = op.symbol();
    if let (BinOp::Add, Value::Str(_), _) | (BinOp::Add, _, Value::Str(_)) = (op, &a, &b) {
        if matches!(a, Value::Str(_)) {
            return Err(Exc::new(
                T::TypeError,
                format!(
                    "can only concatenate str (not \"{}\") to str",
                    type_name(&b)
                ),
            ));
        }
    }
    if op == BinOp::Mult
        && (matches!(a, Value::Str(_) | Value::List(_) | Value::Tuple(_))
            || matches!(b, Value::Str(_) | Value::List(_) | Value::Tuple(_)))
        && !matches!(a, Value::Instance(_))
        && !matches!(b, Value::Instance(_))
    {
        let other = if matches!(a, Value::Str(_) | Value::List(_) | Value::Tuple(_)) {
            &b
        } else {
            &a
        };
        return Err(Exc::new(
            T::TypeError,
            format!(
                "can't multiply sequence by non-int of type '{}'",
                type_name(other)
            ),
        ));
    }
    if let (BinOp::Add, Value::List(_)) = (op, &a) {
        return Err(Exc::new(
            T::TypeError,
            format!(
                "can only concatenate list (not \"{}\") to list",
                type_name(&b)
            ),
        ));
    }
    Err(Exc::new(
        T::TypeError,
        format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            if op == BinOp::Pow { "** or pow()" } else { sym },
            type_name(&a),
            type_name(&b)
        ),
    ))
}

fn set_items(v: &Value) -> Vec<(HashKey, Value)> {
    match v {
        Value::Set(d) => {
            let d = d.borrow();
            d.hash_keys().cloned().zip(d.keys().cloned()).collect()
        }
        Value::FrozenSet(d) => d.hash_keys().cloned().zip(d.keys().cloned()).collect(),
        _ => Vec::new(),
    }
}

/// `a op= b`.
pub fn inplace(it: &I, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    match (&a, op) {
        (Value::List(l), BinOp::Add) => {
            let items = to_vec(it, &b)?;
            l.borrow_mut().extend(items);
            return Ok(a);
        }
        (Value::Set(s), BinOp::BitOr) => {
            for x in to_vec(it, &b)? {
                let k = hash_key(it, &x)?;
                s.borrow_mut().insert(k, x, Value::None);
            }
            return Ok(a);
        }
        (Value::Dict(d), BinOp::BitOr) => {
            let mut dd = d.borrow().clone();
            dict_update(it, &mut dd, &b)?;
            *d.borrow_mut() = dd;
            return Ok(a);
        }
        (Value::Instance(i), _) => {
            let name = format!("__i{}", &dunder(op).0[2..]);
            if let Some(m) = i.class.lookup(&name) {
                return it.call_sync(m, vec![a.clone(), b], Vec::new());
            }
        }
        _ => {}
    }
    binop(it, op, a, b)
}

/// A unary operator.
pub fn unary(it: &I, op: UnaryOp, v: Value) -> PyResult<Value> {
    match (op, &v) {
        (UnaryOp::Not, _) => Ok(Value::Bool(!truthy(it, &v)?)),
        (UnaryOp::Neg, Value::Int(i)) => Ok(match i.checked_neg() {
            Some(n) => Value::Int(n),
            None => Value::from_big(BigInt::from_i64(*i).neg()),
        }),
        (UnaryOp::Neg, Value::BigInt(b)) => Ok(Value::from_big(b.neg())),
        (UnaryOp::Invert, Value::BigInt(b)) => Ok(Value::from_big(b.invert())),
        (UnaryOp::Pos, Value::BigInt(_)) => Ok(v),
        (UnaryOp::Neg, Value::Bool(b)) => Ok(Value::Int(-i64::from(*b))),
        (UnaryOp::Neg, Value::Float(x)) => Ok(Value::Float(-x)),
        (UnaryOp::Neg, Value::Complex(re, im)) => Ok(super::complex::neg(*re, *im)),
        (UnaryOp::Pos, Value::Complex(..)) => Ok(v),
        (UnaryOp::Pos, Value::Int(_) | Value::Float(_)) => Ok(v),
        (UnaryOp::Pos, Value::Bool(b)) => Ok(Value::Int(i64::from(*b))),
        (UnaryOp::Invert, Value::Int(i)) => Ok(Value::Int(!i)),
        (UnaryOp::Invert, Value::Bool(b)) => Ok(Value::Int(!i64::from(*b))),
        (_, Value::Instance(i)) => {
            let name = match op {
                UnaryOp::Neg => "__neg__",
                UnaryOp::Pos => "__pos__",
                _ => "__invert__",
            };
            match i.class.lookup(name) {
                Some(m) => it.call_sync(m, vec![v.clone()], Vec::new()),
                None => Err(Exc::new(
                    T::TypeError,
                    format!(
                        "bad operand type for unary {}: '{}'",
                        unary_sym(op),
                        i.class.name
                    ),
                )),
            }
        }
        _ => Err(Exc::new(
            T::TypeError,
            format!(
                "bad operand type for unary {}: '{}'",
                unary_sym(op),
                type_name(&v)
            ),
        )),
    }
}

fn unary_sym(op: UnaryOp) -> &'static str {
    match op {
        UnaryOp::Neg => "-",
        UnaryOp::Pos => "+",
        UnaryOp::Invert => "~",
        UnaryOp::Not => "not",
    }
}

// ----- iteration -----

/// `iter(v)`.
pub fn iter(it: &I, v: &Value) -> PyResult<Value> {
    let st = match v {
        Value::List(l) => Iter::List(l.clone(), 0),
        Value::Tuple(t) => Iter::Seq(t.clone(), 0),
        Value::Str(s) => Iter::Str(s.clone(), 0),
        Value::Bytes(b) => Iter::Seq(b.iter().map(|x| Value::Int(i64::from(*x))).collect(), 0),
        Value::Range(r) => Iter::Range(r.0, r.1, r.2),
        Value::Dict(d) => Iter::Dict(d.clone(), 0, DictPart::Keys, d.borrow().len()),
        Value::Set(d) => {
            let dd = d.borrow();
            if dd.hash_keys().all(|k| matches!(k, HashKey::Int(_))) {
                Iter::Seq(Rc::from(set_keys_ordered(&dd)), 0)
            } else {
                Iter::Dict(d.clone(), 0, DictPart::Keys, dd.len())
            }
        }
        Value::FrozenSet(d) => Iter::Seq(Rc::from(set_keys_ordered(d)), 0),
        Value::Iter(_) => return Ok(v.clone()),
        Value::Coro(c) if c.kind == CoroKind::Generator => return Ok(v.clone()),
        Value::Instance(i) => {
            if let Some(m) = i.class.lookup("__iter__") {
                return it.call_sync(m, vec![v.clone()], Vec::new());
            }
            if i.class.lookup("__getitem__").is_some() {
                let mut items = Vec::new();
                let mut k = 0;
                loop {
                    match getitem(it, v, &Value::Int(k)) {
                        Ok(x) => items.push(x),
                        Err(e) if e.is(T::IndexError) || e.is(T::StopIteration) => break,
                        Err(e) => return Err(e),
                    }
                    k += 1;
                }
                Iter::Seq(Rc::from(items), 0)
            } else {
                return Err(Exc::new(
                    T::TypeError,
                    format!("'{}' object is not iterable", i.class.name),
                ));
            }
        }
        Value::Native(n) => {
            if let Some(items) = n.attrs.borrow().get("__items__") {
                return iter(it, items);
            }
            return Err(Exc::new(
                T::TypeError,
                format!("'{}' object is not iterable", n.type_name),
            ));
        }
        _ => {
            return Err(Exc::new(
                T::TypeError,
                format!("'{}' object is not iterable", type_name(v)),
            ))
        }
    };
    Ok(Value::Iter(Rc::new(RefCell::new(st))))
}

/// `next(it)`: `None` when exhausted.
pub fn next(it: &I, v: &Value) -> PyResult<Option<Value>> {
    match v {
        Value::Iter(st) => {
            // Lazy iterators call back into Python: take what they need
            // out of the cell first.
            let lazy = {
                let s = st.borrow();
                match &*s {
                    Iter::Enumerate(inner, n) => Some((0, inner.clone(), Vec::new(), *n)),
                    Iter::Zip(inners) => Some((1, Value::None, inners.clone(), 0)),
                    Iter::Map(f, inners) => Some((2, f.clone(), inners.clone(), 0)),
                    Iter::Filter(f, inner) => Some((3, f.clone(), vec![inner.clone()], 0)),
                    _ => None,
                }
            };
            if let Some((kind, a, list, n)) = lazy {
                return match kind {
                    0 => match next(it, &a)? {
                        Some(x) => {
                            if let Iter::Enumerate(_, k) = &mut *st.borrow_mut() {
                                *k = n + 1;
                            }
                            Ok(Some(Value::tuple(vec![Value::Int(n), x])))
                        }
                        None => Ok(None),
                    },
                    1 => {
                        if list.is_empty() {
                            return Ok(None);
                        }
                        let mut out = Vec::with_capacity(list.len());
                        for i in &list {
                            match next(it, i)? {
                                Some(x) => out.push(x),
                                None => {
                                    *st.borrow_mut() = Iter::Done;
                                    return Ok(None);
                                }
                            }
                        }
                        Ok(Some(Value::tuple(out)))
                    }
                    2 => {
                        let mut args = Vec::with_capacity(list.len());
                        for i in &list {
                            match next(it, i)? {
                                Some(x) => args.push(x),
                                None => return Ok(None),
                            }
                        }
                        Ok(Some(it.call_sync(a, args, Vec::new())?))
                    }
                    _ => loop {
                        let Some(x) = next(it, &list[0])? else {
                            return Ok(None);
                        };
                        let keep = if a.is_none() {
                            truthy(it, &x)?
                        } else {
                            let r = it.call_sync(a.clone(), vec![x.clone()], Vec::new())?;
                            truthy(it, &r)?
                        };
                        if keep {
                            return Ok(Some(x));
                        }
                    },
                };
            }
            let mut s = st.borrow_mut();
            Ok(match &mut *s {
                Iter::List(l, i) => {
                    let l = l.borrow();
                    let x = l.get(*i).cloned();
                    *i += 1;
                    x
                }
                Iter::Seq(t, i) => {
                    let x = t.get(*i).cloned();
                    *i += 1;
                    x
                }
                Iter::Str(s, i) => {
                    let c = s[*i..].chars().next();
                    match c {
                        Some(c) => {
                            *i += c.len_utf8();
                            Some(Value::Str(Rc::from(c.to_string())))
                        }
                        None => None,
                    }
                }
                Iter::Range(a, b, step) => {
                    if (*step > 0 && *a < *b) || (*step < 0 && *a > *b) {
                        let x = *a;
                        *a += *step;
                        Some(Value::Int(x))
                    } else {
                        None
                    }
                }
                Iter::Dict(d, slot, part, size) => {
                    let dd = d.borrow();
                    if dd.len() != *size {
                        return Err(Exc::new(
                            T::RuntimeError,
                            "dictionary changed size during iteration",
                        ));
                    }
                    match dd.nth_slot(*slot) {
                        Some((next_slot, k, v)) => {
                            *slot = next_slot;
                            Some(match part {
                                DictPart::Keys => k.clone(),
                                DictPart::Values => v.clone(),
                                DictPart::Items => Value::tuple(vec![k.clone(), v.clone()]),
                            })
                        }
                        None => None,
                    }
                }
                Iter::Count(n, step) => {
                    let x = *n;
                    *n += *step;
                    Some(Value::Int(x))
                }
                Iter::Done => None,
                _ => None,
            })
        }
        Value::Coro(c) if c.kind == CoroKind::Generator => match c.resume(Value::None, None)? {
            Resumed::Yielded(x) => Ok(Some(x)),
            Resumed::Returned(_) => Ok(None),
            Resumed::Suspended => Err(Exc::new(T::RuntimeError, "generator suspended")),
        },
        Value::Instance(i) => match i.class.lookup("__next__") {
            Some(m) => match it.call_sync(m, vec![v.clone()], Vec::new()) {
                Ok(x) => Ok(Some(x)),
                Err(e) if e.is(T::StopIteration) => Ok(None),
                Err(e) => Err(e),
            },
            None => Err(Exc::new(
                T::TypeError,
                format!("'{}' object is not an iterator", i.class.name),
            )),
        },
        _ => Err(Exc::new(
            T::TypeError,
            format!("'{}' object is not an iterator", type_name(v)),
        )),
    }
}

/// All items of an iterable.
pub fn to_vec(it: &I, v: &Value) -> PyResult<Vec<Value>> {
    match v {
        Value::List(l) => Ok(l.borrow().clone()),
        Value::Tuple(t) => Ok(t.to_vec()),
        _ => {
            let i = iter(it, v)?;
            let mut out = Vec::new();
            while let Some(x) = next(it, &i)? {
                out.push(x);
                if out.len() > super::interp::MAX_ITEMS {
                    return Err(Exc::bare(T::MemoryError));
                }
                if out.len() % 65536 == 0 {
                    it.tick()?;
                }
            }
            Ok(out)
        }
    }
}

/// A set of `items`.
pub fn make_set(it: &I, items: Vec<Value>) -> PyResult<Value> {
    let mut d = Dict::new();
    for x in items {
        let k = hash_key(it, &x)?;
        if !d.contains(&k) {
            d.insert(k, x, Value::None);
        }
    }
    Ok(Value::Set(Rc::new(RefCell::new(d))))
}

/// `d[k] = v`.
pub fn dict_set(it: &I, d: &mut Dict, k: Value, v: Value) -> PyResult<()> {
    let key = hash_key(it, &k)?;
    d.insert(key, k, v);
    Ok(())
}

/// `d.update(other)` / `{**other}`.
pub fn dict_update(it: &I, d: &mut Dict, other: &Value) -> PyResult<()> {
    match other {
        Value::Dict(o) => {
            let items: Vec<(Value, Value)> = o
                .borrow()
                .items()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            for (k, v) in items {
                dict_set(it, d, k, v)?;
            }
            Ok(())
        }
        Value::Instance(i) if i.class.lookup("keys").is_some() => {
            // The mapping protocol: keys() and [].
            let keys = it.call_method_sync(other, "keys", Vec::new())?;
            for k in to_vec(it, &keys)? {
                let v = getitem(it, other, &k)?;
                dict_set(it, d, k, v)?;
            }
            Ok(())
        }
        _ => {
            for pair in to_vec(it, other)? {
                let kv = to_vec(it, &pair)?;
                if kv.len() != 2 {
                    return Err(Exc::new(
                        T::ValueError,
                        format!(
                            "dictionary update sequence element #0 has length {}; 2 is required",
                            kv.len()
                        ),
                    ));
                }
                let mut kv = kv.into_iter();
                if let (Some(k), Some(v)) = (kv.next(), kv.next()) {
                    dict_set(it, d, k, v)?;
                }
            }
            Ok(())
        }
    }
}

/// The C3 linearisation of `bases` (without the new class itself).
pub fn c3_mro(bases: &[Rc<Class>]) -> PyResult<Vec<Rc<Class>>> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases.iter().map(|b| b.mro.borrow().clone()).collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Rc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut found = None;
        for s in &seqs {
            let cand = &s[0];
            if !seqs
                .iter()
                .any(|t| t[1..].iter().any(|c| Rc::ptr_eq(c, cand)))
            {
                found = Some(cand.clone());
                break;
            }
        }
        let Some(c) = found else {
            return Err(Exc::new(
                T::TypeError,
                "Cannot create a consistent method resolution order (MRO)",
            ));
        };
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}
