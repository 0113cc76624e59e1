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

mod arith;
mod attrs;
mod compare;
mod items;
mod iteration;
mod repr;
pub use arith::*;
pub use attrs::*;
pub use compare::*;
pub use items::*;
pub use iteration::*;
pub use repr::*;

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
    class_of(v).is_subclass(c) || matches!(v, Value::Instance(i) if stands_for(&i.class, c))
}

/// `issubclass(k, c)`.
pub fn issubclass(k: &Rc<Class>, c: &Rc<Class>) -> bool {
    k.is_subclass(c) || stands_for(k, c)
}

/// Whether `k`, a class of the prelude standing for a built-in type it
/// cannot subclass (an `IntEnum` for `int`, a `StrEnum` for `str`, a
/// namedtuple for `tuple`: its `_data_type_`), counts as a subclass of the
/// built-in type `c`.
fn stands_for(k: &Rc<Class>, c: &Rc<Class>) -> bool {
    c.builtin.is_some()
        && matches!(k.lookup("_data_type_"), Some(Value::Class(d)) if d.is_subclass(c))
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

thread_local! {
    static REPR_DEPTH: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

// ----- attributes -----

// ----- items -----

// ----- hashing and equality -----

// ----- arithmetic -----

// ----- iteration -----

/// A class-level hook: `__class_iter__`, `__class_len__`,
/// `__class_contains__`, `__class_repr__`, `__class_getitem__` of a class
/// (found along its MRO) called with the class first. The playground's
/// stand-in for a metaclass's dunder methods (the `enum` prelude uses them);
/// `None` if `v` is not a class or has no such hook.
pub fn class_hook(it: &I, v: &Value, name: &str, args: Vec<Value>) -> Option<PyResult<Value>> {
    let Value::Class(c) = v else {
        return None;
    };
    let f = c.lookup(name)?;
    let f = match f {
        Value::ClassMethod(inner) => (*inner).clone(),
        other => other,
    };
    let mut all = Vec::with_capacity(args.len() + 1);
    all.push(v.clone());
    all.extend(args);
    Some(it.call_sync(f, all, Vec::new()))
}
