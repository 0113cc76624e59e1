//! Attributes of built-in values: exception attributes, type
//! attributes, bound methods of built-in types.

use super::*;

/// A computed attribute of an exception of class `c`.
pub fn exc_attr(c: &Class, name: &str) -> Option<ExcAttr> {
    fn first(_it: &Rc<Interp>, v: &Value) -> PyResult<Value> {
        Ok(v.exc_data()
            .and_then(|d| d.borrow().args.first().cloned())
            .unwrap_or(Value::None))
    }
    match name {
        "value" if is_sub(c, T::StopIteration) => Some(first),
        "message" if is_sub(c, T::BaseExceptionGroup) => Some(first),
        "exceptions" if is_sub(c, T::BaseExceptionGroup) => Some(|_, v| {
            Ok(Value::tuple(
                crate::python::interp::group_members(v).unwrap_or_default(),
            ))
        }),
        "code" if is_sub(c, T::SystemExit) => Some(first),
        "name" if is_sub(c, T::NameError) || is_sub(c, T::ImportError) => {
            Some(|_, _| Ok(Value::None))
        }
        "errno" | "strerror" if is_sub(c, T::OSError) => Some(|_, _| Ok(Value::None)),
        _ => None,
    }
}

/// Class-level attributes of built-in types (`dict.fromkeys`, `str.join`).
pub fn type_attr(t: T, name: &str) -> Option<Builtin> {
    use Builtin::*;
    Some(match (t, name) {
        (T::Dict, "fromkeys") => DictFromkeys,
        (T::Int, "from_bytes") => IntFromBytes,
        (T::Str, "maketrans") => StrMaketrans,
        (T::Float, "fromhex") => FloatFromhex,
        (T::Object, "__init__") => ObjectInit,
        (T::Object, "__init_subclass__") => ObjectInit,
        (T::Object, "__repr__") => ObjectRepr,
        (T::Object, "__str__") => ObjectStr,
        (T::Object, "__setattr__") => ObjectSetattr,
        (T::BaseException, "__init__") => ExcInit,
        (T::BaseException, "__str__") => ObjectStr,
        _ => {
            let probe = match t {
                T::Str => Value::str(""),
                T::List => Value::list(Vec::new()),
                T::Dict => Value::dict(Dict::new()),
                T::Int => Value::Int(0),
                _ => return None,
            };
            return method_of(&probe, name);
        }
    })
}

/// The built-in method `name` of value `v`, if it has one.
pub fn method_of(v: &Value, name: &str) -> Option<Builtin> {
    use Builtin::*;
    Some(match v {
        Value::Str(_) => match name {
            "join" => StrJoin,
            "split" => StrSplit,
            "rsplit" => StrRsplit,
            "strip" => StrStrip,
            "lstrip" => StrLstrip,
            "rstrip" => StrRstrip,
            "replace" => StrReplace,
            "upper" => StrUpper,
            "lower" => StrLower,
            "title" => StrTitle,
            "capitalize" => StrCapitalize,
            "startswith" => StrStartswith,
            "endswith" => StrEndswith,
            "find" => StrFind,
            "rfind" => StrRfind,
            "index" => StrIndex,
            "count" => StrCount,
            "format" => StrFormat,
            "center" => StrCenter,
            "ljust" => StrLjust,
            "rjust" => StrRjust,
            "zfill" => StrZfill,
            "isdigit" => StrIsdigit,
            "isalpha" => StrIsalpha,
            "isalnum" => StrIsalnum,
            "isspace" => StrIsspace,
            "isupper" => StrIsupper,
            "islower" => StrIslower,
            "isnumeric" => StrIsnumeric,
            "isdecimal" => StrIsdecimal,
            "isidentifier" => StrIsidentifier,
            "istitle" => StrIstitle,
            "splitlines" => StrSplitlines,
            "partition" => StrPartition,
            "rpartition" => StrRpartition,
            "encode" => StrEncode,
            "removeprefix" => StrRemoveprefix,
            "removesuffix" => StrRemovesuffix,
            "swapcase" => StrSwapcase,
            "casefold" => StrCasefold,
            "expandtabs" => StrExpandtabs,
            "translate" => StrTranslate,
            _ => return None,
        },
        Value::Bytes(_) => match name {
            "decode" => BytesDecode,
            "hex" => BytesHex,
            _ => return None,
        },
        Value::List(_) => match name {
            "append" => ListAppend,
            "extend" => ListExtend,
            "insert" => ListInsert,
            "pop" => ListPop,
            "remove" => ListRemove,
            "index" => ListIndex,
            "count" => ListCount,
            "sort" => ListSort,
            "reverse" => ListReverse,
            "copy" => ListCopy,
            "clear" => ListClear,
            _ => return None,
        },
        Value::Tuple(_) => match name {
            "index" => TupleIndex,
            "count" => TupleCount,
            _ => return None,
        },
        Value::Dict(_) => match name {
            "get" => DictGet,
            "keys" => DictKeys,
            "values" => DictValues,
            "items" => DictItems,
            "pop" => DictPop,
            "popitem" => DictPopitem,
            "setdefault" => DictSetdefault,
            "update" => DictUpdate,
            "copy" => DictCopy,
            "clear" => DictClear,
            _ => return None,
        },
        Value::Set(_) | Value::FrozenSet(_) => match name {
            "add" => SetAdd,
            "remove" => SetRemove,
            "discard" => SetDiscard,
            "pop" => SetPop,
            "update" => SetUpdate,
            "union" => SetUnion,
            "intersection" => SetIntersection,
            "difference" => SetDifference,
            "symmetric_difference" => SetSymmetricDifference,
            "issubset" => SetIssubset,
            "issuperset" => SetIssuperset,
            "isdisjoint" => SetIsdisjoint,
            "copy" => SetCopy,
            "clear" => SetClear,
            _ => return None,
        },
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => match name {
            "bit_length" => IntBitLength,
            "bit_count" => IntBitCount,
            "to_bytes" => IntToBytes,
            "as_integer_ratio" => AsIntegerRatio,
            "conjugate" => Conjugate,
            _ => return None,
        },
        Value::Float(_) => match name {
            "is_integer" => FloatIsInteger,
            "as_integer_ratio" => AsIntegerRatio,
            "conjugate" => Conjugate,
            _ => return None,
        },
        Value::Complex(..) => match name {
            "conjugate" => Conjugate,
            _ => return None,
        },
        Value::Coro(c) => match (c.kind, name) {
            (CoroKind::Generator, "send") => GenSend,
            (CoroKind::Generator, "throw") => GenThrow,
            (CoroKind::Generator, "close") => GenClose,
            (CoroKind::Generator, "__next__") => GenNext,
            (CoroKind::Generator, "__iter__") => GenIter,
            (CoroKind::AsyncGenerator, "__anext__") => AgenAnext,
            (CoroKind::AsyncGenerator, "__aiter__") => AgenAiter,
            (CoroKind::AsyncGenerator, "asend") => AgenAsend,
            (CoroKind::AsyncGenerator, "athrow") => AgenAthrow,
            (CoroKind::AsyncGenerator, "aclose") => AgenAclose,
            (CoroKind::Coroutine, "send") => GenSend,
            (CoroKind::Coroutine, "throw") => GenThrow,
            (CoroKind::Coroutine, "close") => GenClose,
            (CoroKind::Coroutine, "__await__") => CoroAwait,
            _ => return None,
        },
        Value::Fut(fu) => match name {
            "result" => FutResult,
            "exception" => FutException,
            "done" => FutDone,
            "cancelled" => FutCancelled,
            "cancel" => FutCancel,
            "add_done_callback" => FutAddDoneCallback,
            "remove_done_callback" => FutRemoveDoneCallback,
            "set_result" if !fu.is_task() => FutSetResult,
            "set_exception" if !fu.is_task() => FutSetException,
            "get_loop" => FutGetLoop,
            "_make_cancelled_error" => FutMakeCancelledError,
            "get_name" if fu.is_task() => TaskGetName,
            "set_name" if fu.is_task() => TaskSetName,
            "get_coro" if fu.is_task() => TaskGetCoro,
            "cancelling" if fu.is_task() => TaskCancelling,
            "uncancel" if fu.is_task() => TaskUncancel,
            _ => return None,
        },
        Value::Handle(_) => match name {
            "cancel" => HandleCancel,
            "cancelled" => HandleCancelled,
            "when" => HandleWhen,
            _ => return None,
        },
        _ => return None,
    })
}

/// `agen.aclose()`: the awaitable that closes an async generator.
pub fn agen_aclose(it: &Rc<Interp>, g: &Rc<crate::python::coro::Coro>) -> Value {
    method_call(
        it,
        Builtin::AgenAclose,
        vec![Value::Coro(g.clone())],
        Vec::new(),
    )
    .unwrap_or(Value::None)
}

/// Data attributes of built-in values (`slice.start`, `range.stop`,
/// `fut._cancel_message`, `coro.__name__`).
pub fn value_attr(it: &Rc<Interp>, v: &Value, name: &str) -> Option<PyResult<Value>> {
    let _ = it;
    Some(Ok(match (v, name) {
        (Value::Slice(sl), "start") => sl.0.clone(),
        (Value::Slice(sl), "stop") => sl.1.clone(),
        (Value::Slice(sl), "step") => sl.2.clone(),
        (Value::Range(r), "start") => Value::Int(r.0),
        (Value::Range(r), "stop") => Value::Int(r.1),
        (Value::Range(r), "step") => Value::Int(r.2),
        (Value::Fut(f), "_cancel_message") => match &*f.state.borrow() {
            FutState::Cancelled(m) => m.clone().unwrap_or(Value::None),
            _ => Value::None,
        },
        (Value::Fut(f), "_cancel_requested") => Value::Bool(f.cancel_requested.get()),
        (Value::Fut(f), "_state") => s(match &*f.state.borrow() {
            FutState::Pending => "PENDING",
            FutState::Cancelled(_) => "CANCELLED",
            _ => "FINISHED",
        }),
        (Value::Coro(c), "__name__") => Value::Str(c.name.clone()),
        (Value::Coro(c), "__qualname__") => Value::Str(c.qualname.clone()),
        (Value::Coro(c), "cr_running" | "gi_running" | "ag_running") => {
            Value::Bool(c.running.get())
        }
        (Value::Float(x), "real") => Value::Float(*x),
        (Value::Float(_), "imag") => Value::Float(0.0),
        (Value::Complex(re, im), _) => return crate::python::complex::attr(*re, *im, name).map(Ok),
        (Value::Int(i), "real" | "numerator") => Value::Int(*i),
        (Value::Int(_), "imag") => Value::Int(0),
        (Value::Int(_), "denominator") => Value::Int(1),
        (Value::Builtin(Builtin::Type(t)), "__name__") => Value::Str(tclass(*t).name.clone()),
        (Value::Builtin(bb), "__name__") => s(bb.short_name()),
        (Value::Method(m), "__self__") => m.0.clone(),
        (Value::Method(m), "__func__") => m.1.clone(),
        (Value::Method(m), "__name__") => return Some(ops::getattr(it, &m.1, "__name__")),
        (Value::Property(p), "fget") => p.0.clone(),
        (Value::Property(_), "setter") => {
            Value::Method(Rc::new((v.clone(), b(Builtin::NativeCall))))
        }
        _ => return None,
    }))
}
