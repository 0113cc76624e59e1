//! The methods of built-in types: one dispatcher, [`method_call`], which
//! hands each method to the file of its receiver's type: `str.rs` (and
//! `bytes.decode`), `list.rs` (and `tuple.index`/`count`), `dict.rs`,
//! `set.rs`, `num.rs` (int, float, complex), `generators.rs` (generators,
//! async generators, coroutines) and `future.rs` (futures, tasks, timer
//! handles). Anything else is a module function ([`module_call`]).

mod dict;
mod future;
mod generators;
mod list;
mod num;
mod set;
mod str;
mod text_tables;

use super::*;

pub(super) fn with_list<R>(pos: &[Value], f: impl FnOnce(&mut Vec<Value>) -> R) -> PyResult<R> {
    match pos.first() {
        Some(Value::List(l)) => Ok(f(&mut l.borrow_mut())),
        _ => Err(Exc::new(
            T::TypeError,
            "descriptor requires a 'list' object",
        )),
    }
}

pub(super) fn the_dict(pos: &[Value]) -> PyResult<Rc<RefCell<Dict>>> {
    match pos.first() {
        Some(Value::Dict(d)) | Some(Value::Set(d)) => Ok(d.clone()),
        Some(Value::FrozenSet(d)) => Ok(Rc::new(RefCell::new((**d).clone()))),
        _ => Err(Exc::new(
            T::TypeError,
            "descriptor requires a 'dict' object",
        )),
    }
}

pub(super) fn method_call(
    it: &Rc<Interp>,
    f: Builtin,
    pos: Vec<Value>,
    kw: Vec<(Name, Value)>,
) -> PyResult<Value> {
    use Builtin::*;
    match f {
        StrJoin | StrSplit | StrRsplit | StrStrip | StrLstrip | StrRstrip | StrReplace
        | StrUpper | StrLower | StrCasefold | StrSwapcase | StrTitle | StrCapitalize
        | StrStartswith | StrEndswith | StrFind | StrRfind | StrIndex | StrCount | StrFormat
        | StrCenter | StrLjust | StrRjust | StrZfill | StrIsdigit | StrIsnumeric | StrIsdecimal
        | StrIsalpha | StrIsalnum | StrIsspace | StrIsupper | StrIslower | StrIstitle
        | StrIsidentifier | StrSplitlines | StrPartition | StrRpartition | StrEncode
        | BytesDecode | StrRemoveprefix | StrRemovesuffix | StrExpandtabs => {
            str::call(it, f, pos, kw)
        }
        StrMaketrans | StrTranslate | BytesHex | FloatFromhex | TypeMro => {
            text_tables::call(it, f, pos, kw)
        }
        ListAppend | ListExtend | ListInsert | ListPop | ListRemove | ListIndex | ListCount
        | TupleIndex | TupleCount | ListSort | ListReverse | ListCopy | ListClear => {
            list::call(it, f, pos, kw)
        }
        DictGet | DictKeys | DictValues | DictItems | DictPop | DictPopitem | DictSetdefault
        | DictUpdate | DictCopy | DictClear | SetClear | DictFromkeys => dict::call(it, f, pos, kw),
        SetAdd
        | SetRemove
        | SetDiscard
        | SetPop
        | SetUpdate
        | SetUnion
        | SetIntersection
        | SetDifference
        | SetSymmetricDifference
        | SetIssubset
        | SetIssuperset
        | SetIsdisjoint
        | SetCopy => set::call(it, f, pos, kw),
        IntBitLength | IntBitCount | IntToBytes | IntFromBytes | AsIntegerRatio
        | FloatIsInteger | Conjugate => num::call(it, f, pos, kw),
        GenSend | GenThrow | GenClose | AgenAnext | AgenAsend | AgenAthrow | AgenAclose
        | CoroAwait => generators::call(it, f, pos, kw),
        FutResult
        | FutException
        | FutDone
        | FutCancelled
        | FutCancel
        | FutAddDoneCallback
        | FutRemoveDoneCallback
        | FutSetResult
        | FutSetException
        | FutGetLoop
        | FutMakeCancelledError
        | TaskGetName
        | TaskSetName
        | TaskGetCoro
        | TaskCancelling
        | TaskUncancel
        | HandleCancel
        | HandleCancelled
        | HandleWhen => future::call(it, f, pos, kw),
        _ => module_call(it, f, pos, kw),
    }
}
