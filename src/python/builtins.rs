//! Functions, types and methods implemented in Rust: the builtins, the
//! methods of built-in types, and the natives of the emulated modules.

use std::cell::RefCell;
use std::rc::Rc;

use futures::future::LocalBoxFuture;

use super::ast::Name;
use super::bigint::BigInt;
use super::coro::{CoroKind, Resumed};
use super::exc::{class as tclass, is_sub, Exc, PyResult, T};
use super::format::{self as fmt, BuiltinError, ErrorKind, FmtArg};
use super::future::{Callback, Fut, FutState, Label};
use super::interp::Interp;
use super::iter::{DictPart, Iter};
use super::ops::{self, class_of, repr, str_of, truthy, type_name};
use super::value::{Class, Dict, HashKey, Scope, Value};

macro_rules! builtins {
    ($($v:ident = $name:literal),* $(,)?) => {
        /// Everything implemented in Rust that a program can call.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum Builtin {
            /// A built-in class (calling it constructs).
            Type(T),
            $($v),*
        }

        impl Builtin {
            /// The name as Python shows it.
            pub fn short_name(self) -> &'static str {
                match self {
                    Builtin::Type(_) => "type",
                    $(Builtin::$v => $name),*
                }
            }
        }
    };
}

builtins! {
    Print = "print", Len = "len", Repr = "repr", Abs = "abs", Min = "min", Max = "max",
    Sum = "sum", Sorted = "sorted", Reversed = "reversed", Enumerate = "enumerate", Zip = "zip",
    Map = "map", Filter = "filter", Any = "any", All = "all", IterB = "iter", Next = "next",
    Round = "round", Divmod = "divmod", Pow = "pow", Hash = "hash", Id = "id",
    Callable = "callable", Getattr = "getattr", Setattr = "setattr", Hasattr = "hasattr",
    Delattr = "delattr", Chr = "chr", Ord = "ord", Hex = "hex", Oct = "oct", Bin = "bin",
    Format = "format", Isinstance = "isinstance", Issubclass = "issubclass", Input = "input",
    Open = "open", Globals = "globals", Locals = "locals", Vars = "vars", Dir = "dir",
    Ascii = "ascii", Aiter = "aiter", Anext = "anext", Exit = "exit",
    NotImplemented = "NotImplemented", Ellipsis = "Ellipsis",
    LoopStop = "_run_until_complete_cb", ObjectInit = "__init__", ObjectRepr = "__repr__",
    ObjectStr = "__str__", ExcInit = "__init__", ExcWithTraceback = "with_traceback",
    ExcAddNote = "add_note",
    // str
    StrJoin = "join", StrSplit = "split", StrRsplit = "rsplit", StrStrip = "strip",
    StrLstrip = "lstrip", StrRstrip = "rstrip", StrReplace = "replace", StrUpper = "upper",
    StrLower = "lower", StrTitle = "title", StrCapitalize = "capitalize",
    StrStartswith = "startswith", StrEndswith = "endswith", StrFind = "find", StrRfind = "rfind",
    StrIndex = "index", StrCount = "count", StrFormat = "format", StrCenter = "center",
    StrLjust = "ljust", StrRjust = "rjust", StrZfill = "zfill", StrIsdigit = "isdigit",
    StrIsalpha = "isalpha", StrIsalnum = "isalnum", StrIsspace = "isspace", StrIsupper = "isupper",
    StrIslower = "islower", StrSplitlines = "splitlines", StrPartition = "partition",
    StrRpartition = "rpartition", StrEncode = "encode", StrRemoveprefix = "removeprefix",
    StrRemovesuffix = "removesuffix", StrSwapcase = "swapcase", StrIsnumeric = "isnumeric",
    StrIsidentifier = "isidentifier", StrCasefold = "casefold", StrIsdecimal = "isdecimal",
    StrIstitle = "istitle", StrExpandtabs = "expandtabs",
    BytesDecode = "decode",
    // list
    ListAppend = "append", ListExtend = "extend", ListInsert = "insert", ListPop = "pop",
    ListRemove = "remove", ListIndex = "index", ListCount = "count", ListSort = "sort",
    ListReverse = "reverse", ListCopy = "copy", ListClear = "clear",
    TupleIndex = "index", TupleCount = "count",
    // dict
    DictGet = "get", DictKeys = "keys", DictValues = "values", DictItems = "items",
    DictPop = "pop", DictPopitem = "popitem", DictSetdefault = "setdefault",
    DictUpdate = "update", DictCopy = "copy", DictClear = "clear", DictFromkeys = "fromkeys",
    // set
    SetAdd = "add", SetRemove = "remove", SetDiscard = "discard", SetPop = "pop",
    SetUpdate = "update", SetUnion = "union", SetIntersection = "intersection",
    SetDifference = "difference", SetSymmetricDifference = "symmetric_difference",
    SetIssubset = "issubset", SetIssuperset = "issuperset", SetIsdisjoint = "isdisjoint",
    SetCopy = "copy", SetClear = "clear",
    IntBitLength = "bit_length", FloatIsInteger = "is_integer", Conjugate = "conjugate",
    AsIntegerRatio = "as_integer_ratio",
    // generators and coroutines
    GenSend = "send", GenThrow = "throw", GenClose = "close", GenNext = "__next__",
    GenIter = "__iter__", AgenAnext = "__anext__", AgenAiter = "__aiter__", AgenAsend = "asend",
    AgenAthrow = "athrow", AgenAclose = "aclose", CoroAwait = "__await__",
    // futures and tasks
    FutResult = "result", FutException = "exception", FutDone = "done",
    FutCancelled = "cancelled", FutCancel = "cancel", FutAddDoneCallback = "add_done_callback",
    FutRemoveDoneCallback = "remove_done_callback", FutSetResult = "set_result",
    FutSetException = "set_exception", FutGetLoop = "get_loop", FutMakeCancelledError = "_make_cancelled_error",
    TaskGetName = "get_name", TaskSetName = "set_name", TaskGetCoro = "get_coro",
    TaskCancelling = "cancelling", TaskUncancel = "uncancel",
    HandleCancel = "cancel", HandleCancelled = "cancelled", HandleWhen = "when",
    // the loop
    LoopTime = "time", LoopCallSoon = "call_soon", LoopCallLater = "call_later",
    LoopCallAt = "call_at", LoopCreateTask = "create_task", LoopCreateFuture = "create_future",
    LoopRunInExecutor = "run_in_executor", LoopIsRunning = "is_running", LoopGetDebug = "get_debug",
    LoopSetDebug = "set_debug", LoopIsClosed = "is_closed", LoopRunUntilComplete = "run_until_complete",
    LoopRunForever = "run_forever", LoopStopB = "stop", LoopClose = "close",
    // asyncio
    AioRun = "run", AioSleep = "sleep", AioCreateTask = "create_task",
    AioEnsureFuture = "ensure_future", AioCurrentTask = "current_task", AioAllTasks = "all_tasks",
    AioGetRunningLoop = "get_running_loop", AioGetEventLoop = "get_event_loop",
    AioIscoroutine = "iscoroutine", AioIscoroutinefunction = "iscoroutinefunction",
    AioIsfuture = "isfuture", AioLoop = "_loop", AioLabel = "_label", AioNote = "_note",
    AioGatheringFuture = "_gathering_future", AioNameOf = "_name_of", AioWrapFuture = "wrap_future",
    // time
    TimeTime = "time", TimeMonotonic = "monotonic", TimePerfCounter = "perf_counter",
    TimeSleep = "sleep", TimeTimeNs = "time_ns", TimeMonotonicNs = "monotonic_ns",
    TimePerfCounterNs = "perf_counter_ns",
    // random
    RandRandom = "random", RandRandint = "randint", RandUniform = "uniform",
    RandChoice = "choice", RandShuffle = "shuffle", RandSample = "sample", RandSeed = "seed",
    RandRandrange = "randrange", RandGauss = "gauss", RandChoices = "choices",
    RandExpovariate = "expovariate", RandGetrandbits = "getrandbits", RandTriangular = "triangular",
    RandNormalvariate = "normalvariate",
    // math
    MathSqrt = "sqrt", MathFloor = "floor", MathCeil = "ceil", MathLog = "log", MathExp = "exp",
    MathIsclose = "isclose", MathFabs = "fabs", MathPow = "pow", MathGcd = "gcd",
    MathIsnan = "isnan", MathIsinf = "isinf", MathSin = "sin", MathCos = "cos", MathLog2 = "log2",
    MathLog10 = "log10", MathTrunc = "trunc", MathProd = "prod", MathFactorial = "factorial",
    MathHypot = "hypot", MathFsum = "fsum",
    // itertools and others
    ItCount = "count", ItIslice = "islice", ItChain = "chain", ItCycle = "cycle",
    ItRepeat = "repeat", ItProduct = "product", ItPermutations = "permutations",
    ItCombinations = "combinations", ItAccumulate = "accumulate", ItGroupby = "groupby",
    ItZipLongest = "zip_longest", ItPairwise = "pairwise", ItStarmap = "starmap",
    JsonDumps = "dumps", JsonLoads = "loads", SysExit = "exit", StreamWrite = "write",
    StreamFlush = "flush", NativeCall = "__call__", ObjectSetattr = "__setattr__", AioHttp = "_http", MakeClass = "_make_class",
}

impl Builtin {
    /// Whether it is a method that binds the object it is looked up on.
    pub fn is_method(self) -> bool {
        use Builtin::*;
        !matches!(
            self,
            Type(_)
                | Print
                | Len
                | Repr
                | Abs
                | Min
                | Max
                | Sum
                | Sorted
                | Reversed
                | Enumerate
                | Zip
                | Map
                | Filter
                | Any
                | All
                | IterB
                | Next
                | Round
                | Divmod
                | Pow
                | Hash
                | Id
                | Callable
                | Getattr
                | Setattr
                | Hasattr
                | Delattr
                | Chr
                | Ord
                | Hex
                | Oct
                | Bin
                | Format
                | Isinstance
                | Issubclass
                | Input
                | Open
                | Globals
                | Locals
                | Vars
                | Dir
                | Ascii
                | Aiter
                | Anext
                | Exit
                | NotImplemented
                | Ellipsis
                | LoopStop
        ) && !self.is_module_function()
    }

    fn is_module_function(self) -> bool {
        let n = self as Builtin;
        let name = format!("{n:?}");
        ["Aio", "Time", "Rand", "Math", "It", "Json", "Sys"]
            .iter()
            .any(|p| name.starts_with(p))
    }
}

/// A builtin as a value.
fn b(x: Builtin) -> Value {
    Value::Builtin(x)
}

/// The builtins module's names.
pub fn make_builtins() -> Rc<Scope> {
    use Builtin::*;
    let s = Scope::new(None);
    let funcs = [
        Print, Len, Repr, Abs, Min, Max, Sum, Sorted, Reversed, Enumerate, Zip, Map, Filter, Any,
        All, IterB, Next, Round, Divmod, Pow, Hash, Id, Callable, Getattr, Setattr, Hasattr,
        Delattr, Chr, Ord, Hex, Oct, Bin, Format, Isinstance, Issubclass, Input, Open, Globals,
        Locals, Vars, Dir, Ascii, Aiter, Anext,
    ];
    for f in funcs {
        s.set(Rc::from(f.short_name()), b(f));
    }
    s.set("exit".into(), b(Exit));
    s.set("quit".into(), b(Exit));
    s.set("NotImplemented".into(), b(NotImplemented));
    s.set("Ellipsis".into(), b(Ellipsis));
    for t in [
        T::Object,
        T::Type,
        T::Int,
        T::Bool,
        T::Float,
        T::Complex,
        T::Str,
        T::Bytes,
        T::List,
        T::Tuple,
        T::Dict,
        T::Set,
        T::FrozenSet,
        T::Range,
        T::Slice,
        T::Property,
        T::StaticMethod,
        T::ClassMethod,
        T::Super,
        T::BaseException,
        T::Exception,
        T::ArithmeticError,
        T::ZeroDivisionError,
        T::OverflowError,
        T::AssertionError,
        T::AttributeError,
        T::LookupError,
        T::IndexError,
        T::KeyError,
        T::NameError,
        T::UnboundLocalError,
        T::RuntimeError,
        T::NotImplementedError,
        T::RecursionError,
        T::StopIteration,
        T::StopAsyncIteration,
        T::TypeError,
        T::ValueError,
        T::UnicodeError,
        T::OSError,
        T::ConnectionError,
        T::ConnectionRefusedError,
        T::ConnectionResetError,
        T::TimeoutError,
        T::FileNotFoundError,
        T::MemoryError,
        T::ImportError,
        T::ModuleNotFoundError,
        T::KeyboardInterrupt,
        T::SystemExit,
        T::GeneratorExit,
        T::BaseExceptionGroup,
        T::ExceptionGroup,
        T::Warning,
        T::UserWarning,
        T::RuntimeWarning,
        T::DeprecationWarning,
    ] {
        let c = tclass(t);
        s.set(c.name.clone(), Value::Class(c));
    }
    s.set("IOError".into(), Value::Class(tclass(T::OSError)));
    s.set("EnvironmentError".into(), Value::Class(tclass(T::OSError)));
    s
}

/// A format/random helper's error as a Python exception.
pub fn berr(e: BuiltinError) -> Exc {
    let t = match e.kind {
        ErrorKind::ValueError => T::ValueError,
        ErrorKind::TypeError => T::TypeError,
        ErrorKind::OverflowError => T::OverflowError,
        ErrorKind::MemoryError => T::MemoryError,
        ErrorKind::IndexError => T::IndexError,
        ErrorKind::ZeroDivisionError => T::ZeroDivisionError,
    };
    Exc::new(t, e.message)
}

/// `float.as_integer_ratio()`: the exact fraction, in lowest terms.
fn float_ratio(x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(Exc::new(
            T::ValueError,
            "cannot convert NaN to integer ratio",
        ));
    }
    if x.is_infinite() {
        return Err(Exc::new(
            T::OverflowError,
            "cannot convert Infinity to integer ratio",
        ));
    }
    let bits = x.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (mut m, mut e) = if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp_bits - 1075)
    };
    while m != 0 && m % 2 == 0 && e < 0 {
        m /= 2;
        e += 1;
    }
    let one = BigInt::from_i64(1);
    let mut num = BigInt::from_i64(m as i64);
    if x < 0.0 {
        num = num.neg();
    }
    let (num, den) = if e >= 0 {
        (num.shl(e as u64), Ok(one))
    } else {
        (Ok(num), one.shl((-e) as u64))
    };
    let (num, den) = (
        num.map_err(|_| ops::too_big())?,
        den.map_err(|_| ops::too_big())?,
    );
    Ok(Value::tuple(vec![
        Value::from_big(num),
        Value::from_big(den),
    ]))
}

/// `round(x, n)` for a big int and `n < 0`: ties to even.
fn round_big(x: &BigInt, n: i64) -> PyResult<Value> {
    let ten = BigInt::from_i64(10);
    let p = match u64::try_from(-n)
        .ok()
        .filter(|&k| k as f64 * 3.33 < x.bit_length() as f64 + 8.0)
    {
        Some(k) => ten.pow(k).map_err(|_| ops::too_big())?,
        None => return Ok(Value::Int(0)),
    };
    let (q, r) = x.divmod(&p).unwrap_or_default();
    let twice = r.add(&r).map_err(|_| ops::too_big())?;
    let one = BigInt::from_i64(1);
    let odd = q.bitop(&one, '&') == one;
    let q = match twice.cmp(&p) {
        std::cmp::Ordering::Greater => q.add(&one).map_err(|_| ops::too_big())?,
        std::cmp::Ordering::Equal if odd => q.add(&one).map_err(|_| ops::too_big())?,
        _ => q,
    };
    Ok(Value::from_big(q.mul(&p).map_err(|_| ops::too_big())?))
}

/// `pow(a, e, m)` with ints of any size (a negative `e` inverts `a`).
fn pow_mod_big(a: &Value, e: &Value, m: &Value) -> PyResult<Value> {
    let get = |v: &Value| {
        ops::as_big(v).ok_or_else(|| {
            Exc::new(
                T::TypeError,
                "pow() 3rd argument not allowed unless all arguments are integers",
            )
        })
    };
    let (a, e, m) = (get(a)?, get(e)?, get(m)?);
    if m.is_zero() {
        return Err(Exc::new(T::ValueError, "pow() 3rd argument cannot be 0"));
    }
    let (a, e) = if e.is_negative() {
        let inv = a.mod_inverse(&m.abs()).ok_or_else(|| {
            Exc::new(
                T::ValueError,
                "base is not invertible for the given modulus",
            )
        })?;
        (inv, e.neg())
    } else {
        (a, e)
    };
    Ok(Value::from_big(a.pow_mod(&e, &m)))
}

/// `%`-formatting of a str.
pub fn percent_format(it: &Rc<Interp>, s: &str, args: &Value) -> PyResult<Value> {
    let vals = match args {
        Value::Tuple(t) => t.to_vec(),
        other => vec![other.clone()],
    };
    let fmt_arg = |v: &Value| -> PyResult<FmtArg> {
        Ok(match v {
            Value::Int(i) => FmtArg::Int(*i),
            Value::BigInt(b) => FmtArg::Big((**b).clone()),
            Value::Bool(x) => FmtArg::Bool(*x),
            Value::Float(x) => FmtArg::Float(*x),
            Value::Str(x) => FmtArg::Str(x.to_string()),
            other => FmtArg::Other {
                type_name: type_name(other),
                str: str_of(it, other)?,
                repr: repr(it, other)?,
            },
        })
    };
    let mut fa = Vec::with_capacity(vals.len());
    for v in &vals {
        fa.push(fmt_arg(v)?);
    }
    // A mapping on the right (a dict, or anything with __getitem__ that is
    // not a tuple or str) serves `%(key)s`.
    let mapping = !matches!(args, Value::Tuple(_) | Value::Str(_))
        && (matches!(args, Value::Dict(_)) || ops::getattr(it, args, "__getitem__").is_ok());
    let mut failed: Option<Exc> = None;
    let mut look = |key: &str| -> Result<FmtArg, BuiltinError> {
        let got = ops::getitem(it, args, &Value::str(key)).and_then(|v| fmt_arg(&v));
        got.map_err(|e| {
            failed = Some(e);
            BuiltinError::new(ErrorKind::TypeError, "")
        })
    };
    let r = fmt::percent_format_with(s, &fa, if mapping { Some(&mut look) } else { None });
    if let Some(e) = failed {
        return Err(e);
    }
    r.map(|s| Value::Str(Rc::from(s))).map_err(berr)
}

// ----- argument helpers -----

fn arg(pos: &[Value], i: usize) -> Option<&Value> {
    pos.get(i)
}

fn kwarg<'a>(kw: &'a [(Name, Value)], name: &str) -> Option<&'a Value> {
    kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v)
}

fn need<'a>(pos: &'a [Value], i: usize, f: &str) -> PyResult<&'a Value> {
    pos.get(i).ok_or_else(|| {
        Exc::new(
            T::TypeError,
            format!("{f}() missing required argument (pos {})", i + 1),
        )
    })
}

fn int_arg(v: &Value, what: &str) -> PyResult<i64> {
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

fn float_arg(v: &Value, f: &str) -> PyResult<f64> {
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

fn s(x: impl Into<String>) -> Value {
    let x: String = x.into();
    Value::Str(Rc::from(x))
}

fn key_fn(kw: &[(Name, Value)]) -> Option<Value> {
    kwarg(kw, "key").filter(|k| !k.is_none()).cloned()
}

/// Sorts values with Python's `<`, stable, optionally by key.
pub fn sort_values(
    it: &Rc<Interp>,
    items: Vec<Value>,
    key: Option<Value>,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let keys: Vec<Value> = match &key {
        Some(k) => {
            let mut out = Vec::with_capacity(items.len());
            for x in &items {
                out.push(it.call_sync(k.clone(), vec![x.clone()], Vec::new())?);
            }
            out
        }
        None => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    let mut err: Option<Exc> = None;
    // A merge sort that calls `<` like CPython's (stable; `reverse` keeps
    // equal items in their order).
    let less = |a: usize, b: usize, err: &mut Option<Exc>| -> bool {
        if err.is_some() {
            return false;
        }
        let (x, y) = if reverse {
            (&keys[b], &keys[a])
        } else {
            (&keys[a], &keys[b])
        };
        match ops::compare(it, super::ast::CmpOp::Lt, x, y) {
            Ok(r) => r,
            Err(e) => {
                *err = Some(e);
                false
            }
        }
    };
    merge_sort(&mut idx, &mut |a, b| less(a, b, &mut err));
    if let Some(e) = err {
        return Err(e);
    }
    Ok(idx.into_iter().map(|i| items[i].clone()).collect())
}

fn merge_sort(v: &mut Vec<usize>, less: &mut dyn FnMut(usize, usize) -> bool) {
    if v.len() <= 1 {
        return;
    }
    // Insertion sort for short runs, merges above.
    if v.len() <= 16 {
        for i in 1..v.len() {
            let mut j = i;
            while j > 0 && less(v[j], v[j - 1]) {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        return;
    }
    let mid = v.len() / 2;
    let mut right = v.split_off(mid);
    merge_sort(v, less);
    merge_sort(&mut right, less);
    let left = std::mem::take(v);
    let (mut i, mut j) = (0, 0);
    while i < left.len() && j < right.len() {
        if less(right[j], left[i]) {
            v.push(right[j]);
            j += 1;
        } else {
            v.push(left[i]);
            i += 1;
        }
    }
    v.extend_from_slice(&left[i..]);
    v.extend_from_slice(&right[j..]);
}

fn min_max(
    it: &Rc<Interp>,
    pos: Vec<Value>,
    kw: &[(Name, Value)],
    want_max: bool,
) -> PyResult<Value> {
    let name = if want_max { "max" } else { "min" };
    let items = if pos.len() == 1 {
        ops::to_vec(it, &pos[0])?
    } else {
        pos
    };
    if items.is_empty() {
        if let Some(d) = kwarg(kw, "default") {
            return Ok(d.clone());
        }
        return Err(Exc::new(
            T::ValueError,
            format!("{name}() arg is an empty sequence"),
        ));
    }
    let key = key_fn(kw);
    let mut best = items[0].clone();
    let mut best_k = match &key {
        Some(k) => it.call_sync(k.clone(), vec![best.clone()], Vec::new())?,
        None => best.clone(),
    };
    for x in items.into_iter().skip(1) {
        let k = match &key {
            Some(kf) => it.call_sync(kf.clone(), vec![x.clone()], Vec::new())?,
            None => x.clone(),
        };
        let better = if want_max {
            ops::compare(it, super::ast::CmpOp::Gt, &k, &best_k)?
        } else {
            ops::compare(it, super::ast::CmpOp::Lt, &k, &best_k)?
        };
        if better {
            best = x;
            best_k = k;
        }
    }
    Ok(best)
}

/// Writes printed text: complete lines become events.
pub fn write_out(it: &Rc<Interp>, text: &str, err: bool) -> PyResult<()> {
    let buf = if err { &it.err_buf } else { &it.out_buf };
    buf.borrow_mut().push_str(text);
    loop {
        let line = {
            let mut b = buf.borrow_mut();
            match b.find('\n') {
                Some(p) => {
                    let line: String = b[..p].to_string();
                    b.drain(..=p);
                    Some(line)
                }
                None => None,
            }
        };
        let Some(line) = line else { break };
        let n = it.output_lines.get() + 1;
        it.output_lines.set(n);
        if n > super::interp::MAX_OUTPUT_LINES {
            return Err(it.fail_fatal(Exc::new(
                T::RuntimeError,
                format!(
                    "more than {} lines printed: the playground's limit",
                    super::interp::MAX_OUTPUT_LINES
                ),
            )));
        }
        if err {
            it.stderr(&line);
        } else {
            it.record(crate::core::trace::EventKind::Printed { line });
        }
    }
    Ok(())
}

/// Calls a builtin.
pub fn call(
    it: &Rc<Interp>,
    f: Builtin,
    pos: Vec<Value>,
    kw: Vec<(Name, Value)>,
) -> LocalBoxFuture<'_, PyResult<Value>> {
    Box::pin(async move {
        use Builtin::*;
        match f {
            AioRun => {
                let c = need(&pos, 0, "run")?.clone();
                // A new loop says which selector it uses, at DEBUG on the
                // `asyncio` logger (seen when a program logs at DEBUG).
                let logging = it.modules.borrow().get("logging").cloned();
                if let Some(logging) = logging {
                    let get = ops::getattr(it, &logging, "getLogger")?;
                    let logger = it
                        .call(get, vec![Value::str("asyncio")], Vec::new())
                        .await?;
                    let debug = ops::getattr(it, &logger, "debug")?;
                    let args = vec![
                        Value::str("Using selector: %s"),
                        Value::str("EpollSelector"),
                    ];
                    it.call(debug, args, Vec::new()).await?;
                }
                it.asyncio_run(c).await
            }
            LoopRunUntilComplete => {
                // pos[0] is the loop object.
                let aw = need(&pos, 1, "run_until_complete")?.clone();
                it.loop_run_until_complete(aw).await
            }
            Anext => {
                let a = need(&pos, 0, "anext")?.clone();
                let aw = it.call_method(&a, "__anext__", Vec::new()).await?;
                match pos.get(1).cloned() {
                    None => Ok(aw),
                    Some(default) => {
                        let me = it.clone();
                        let body: LocalBoxFuture<'static, PyResult<Value>> = Box::pin(async move {
                            match me.await_value(aw).await {
                                Err(e) if e.is(T::StopAsyncIteration) => Ok(default),
                                other => other,
                            }
                        });
                        Ok(native_coro(it, "anext_awaitable", body))
                    }
                }
            }
            _ => call_sync(it, f, pos, kw),
        }
    })
}

/// The clock as the program reads it (`time.monotonic()`...), in ms: one
/// read of the loop's clock. Inside an executor job it is the job's
/// private clock, on which a busy loop that keeps reading the clock makes
/// time pass (a little more with each read after the first few), so the
/// job's length is what its code says.
fn clock_ms(it: &Rc<Interp>) -> f64 {
    if let Some(t) = it.worker_clock.get() {
        let n = it.busy_reads.get().saturating_add(1);
        it.busy_reads.set(n);
        let step = if n <= 8 {
            0.000001
        } else {
            (0.001 * f64::from(1u32 << (n - 8).min(10))).min(1.0)
        };
        let t = t + step;
        it.worker_clock.set(Some(t));
        return t;
    }
    if it.host.is_virtual() {
        // A loop that keeps reading the clock without awaiting is busy:
        // after a few reads, each one takes a little virtual time (the loop
        // is blocked meanwhile), so `while time.monotonic() < end:` ends.
        let n = it.busy_reads.get().saturating_add(1);
        it.busy_reads.set(n);
        if n > 8 {
            let step_ms = (0.001 * f64::from(1u32 << (n - 8).min(10))).min(1.0);
            it.advance_ns((step_ms * 1e6) as i64);
            it.host.block(step_ms);
        }
    }
    it.now_ns() as f64 / 1e6
}

fn time_s(it: &Rc<Interp>) -> f64 {
    clock_ms(it) / 1000.0
}

/// A coroutine object run by Rust code (`asyncio.sleep`, an awaitable
/// from `anext`...).
pub fn native_coro(
    it: &Rc<Interp>,
    name: &str,
    body: LocalBoxFuture<'static, PyResult<Value>>,
) -> Value {
    let c = it.new_coro(
        CoroKind::Coroutine,
        Rc::from(name),
        Rc::from(name),
        Rc::from(format!("{name}()")),
        0,
        false,
    );
    *c.body.borrow_mut() = Some(body);
    Value::Coro(Rc::new(c))
}

fn sleep(it: &Rc<Interp>, delay_s: f64, result: Value) -> Value {
    let me = it.clone();
    let v = native_coro(
        it,
        "sleep",
        Box::pin(async move {
            if delay_s <= 0.0 || delay_s.is_nan() {
                me.yield_bare().await?;
                return Ok(result);
            }
            let fut = Fut::new();
            let ms = me.jittered(delay_s * 1000.0);
            *fut.label.borrow_mut() = Label::Sleep(me.host.now() + ms.min(1e15));
            let h = me.call_later(ms, super::interp::Job::SetResult(fut.clone(), result));
            let r = me.await_fut(fut).await;
            h.cancelled.set(true);
            r
        }),
    );
    // A real coroutine of asyncio: dropped unawaited, CPython warns.
    if let Value::Coro(c) = &v {
        c.owned.set(false);
    }
    v
}

fn coro_arg(it: &Rc<Interp>, v: &Value, what: &str) -> PyResult<Rc<super::coro::Coro>> {
    match v {
        Value::Coro(c) if c.kind == CoroKind::Coroutine => Ok(c.clone()),
        other => Err(Exc::new(
            T::TypeError,
            format!("a coroutine was expected, got {}{what}", repr(it, other)?),
        )),
    }
}

/// `ensure_future(x)`: a task for a coroutine, the future itself otherwise.
pub fn ensure_future(it: &Rc<Interp>, v: &Value) -> PyResult<Rc<Fut>> {
    match v {
        Value::Fut(f) => Ok(f.clone()),
        Value::Coro(c) if c.kind == CoroKind::Coroutine => it.create_task(c.clone(), None),
        Value::Instance(i) if i.class.lookup("__await__").is_some() => {
            let me = it.clone();
            let v2 = v.clone();
            let body: LocalBoxFuture<'static, PyResult<Value>> =
                Box::pin(async move { me.await_value(v2).await });
            let Value::Coro(c) = native_coro(it, "_wrap_awaitable", body) else {
                return Err(Exc::new(T::RuntimeError, "internal"));
            };
            it.create_task(c, None)
        }
        _ => Err(Exc::new(
            T::TypeError,
            "An asyncio.Future, a coroutine or an awaitable is required",
        )),
    }
}

fn fut_of(v: &Value) -> PyResult<&Rc<Fut>> {
    match v {
        Value::Fut(f) => Ok(f),
        other => Err(Exc::new(
            T::TypeError,
            format!("expected a Future, got {}", type_name(other)),
        )),
    }
}

fn loop_obj() -> Value {
    let n = super::value::Native {
        type_name: "_UnixSelectorEventLoop",
        attrs: RefCell::new(Default::default()),
    };
    for (k, v) in [
        ("time", Builtin::LoopTime),
        ("call_soon", Builtin::LoopCallSoon),
        ("call_later", Builtin::LoopCallLater),
        ("call_at", Builtin::LoopCallAt),
        ("create_task", Builtin::LoopCreateTask),
        ("create_future", Builtin::LoopCreateFuture),
        ("run_in_executor", Builtin::LoopRunInExecutor),
        ("is_running", Builtin::LoopIsRunning),
        ("get_debug", Builtin::LoopGetDebug),
        ("set_debug", Builtin::LoopSetDebug),
        ("is_closed", Builtin::LoopIsClosed),
        ("run_until_complete", Builtin::LoopRunUntilComplete),
        ("run_forever", Builtin::LoopRunForever),
        ("stop", Builtin::LoopStopB),
        ("close", Builtin::LoopClose),
    ] {
        n.attrs.borrow_mut().insert(Rc::from(k), b(v));
    }
    n.attrs.borrow_mut().insert(
        "__repr__".into(),
        Value::str("<_UnixSelectorEventLoop running=True closed=False debug=False>"),
    );
    Value::Native(Rc::new(n))
}

fn the_loop(it: &Rc<Interp>) -> Value {
    if let Some(l) = it.modules.borrow().get("<loop>") {
        return l.clone();
    }
    let l = loop_obj();
    it.modules.borrow_mut().insert("<loop>".into(), l.clone());
    l
}

fn label_name(it: &Rc<Interp>, v: &Value) -> String {
    match v {
        Value::Str(s) => s.to_string(),
        Value::Fut(f) => match f.tp() {
            Some(tp) => tp.coro.call.to_string(),
            None => "Future".into(),
        },
        Value::Instance(i) => it.name_of(v).map(|n| n.to_string()).unwrap_or_else(|| {
            match i.class.lookup("_pg_resource") {
                Some(Value::Str(s)) => s.to_string(),
                _ => i.class.name.to_string(),
            }
        }),
        other => type_name(other),
    }
}

/// What awaiting a future labelled with `v` is (the await graph): the
/// prelude's resource class, or an aggregate named by its text.
fn await_kind_of(v: &Value) -> Option<crate::core::trace::AwaitKind> {
    use crate::core::trace::AwaitKind as K;
    match v {
        Value::Instance(i) => match i.class.lookup("_pg_resource") {
            Some(Value::Str(s)) => Some(match &*s {
                "Lock" => K::Lock,
                "Semaphore" => K::Semaphore,
                "Queue" => K::Queue,
                _ => K::Event,
            }),
            _ => None,
        },
        Value::Str(s)
            if s.starts_with("gather(")
                || s.starts_with("wait(")
                || s.starts_with("TaskGroup(")
                || s.starts_with("shield(") =>
        {
            Some(K::Gather)
        }
        _ => None,
    }
}

fn check_loop_running(it: &Rc<Interp>) -> PyResult<()> {
    if !it.lp.running.get() {
        return Err(Exc::new(T::RuntimeError, "no running event loop"));
    }
    Ok(())
}

fn call_sync(
    it: &Rc<Interp>,
    f: Builtin,
    pos: Vec<Value>,
    kw: Vec<(Name, Value)>,
) -> PyResult<Value> {
    use Builtin::*;
    let a0 = || need(&pos, 0, f.short_name());
    Ok(match f {
        Print => {
            let sep = match kwarg(&kw, "sep") {
                Some(Value::None) | None => " ".to_string(),
                Some(v) => str_of(it, v)?,
            };
            let end = match kwarg(&kw, "end") {
                Some(Value::None) | None => "\n".to_string(),
                Some(v) => str_of(it, v)?,
            };
            let to_err =
                matches!(kwarg(&kw, "file"), Some(Value::Native(n)) if n.type_name == "stderr");
            let mut text = String::new();
            for (i, v) in pos.iter().enumerate() {
                if i > 0 {
                    text.push_str(&sep);
                }
                text.push_str(&str_of(it, v)?);
            }
            text.push_str(&end);
            write_out(it, &text, to_err)?;
            Value::None
        }
        StreamWrite => {
            let stream = a0()?;
            let text = str_of(it, need(&pos, 1, "write")?)?;
            let to_err = matches!(stream, Value::Native(n) if n.type_name == "stderr");
            write_out(it, &text, to_err)?;
            Value::Int(text.chars().count() as i64)
        }
        StreamFlush => Value::None,
        Len => {
            let v = a0()?;
            Value::Int(len(it, v)?)
        }
        Repr => s(repr(it, a0()?)?),
        Ascii => s(ops::ascii(&repr(it, a0()?)?)),
        Abs => match a0()? {
            Value::Int(i) => match i.checked_abs() {
                Some(a) => Value::Int(a),
                None => Value::from_big(BigInt::from_i64(*i).abs()),
            },
            Value::BigInt(b) => Value::from_big(b.abs()),
            Value::Bool(b) => Value::Int(i64::from(*b)),
            Value::Float(x) => Value::Float(x.abs()),
            Value::Complex(re, im) => Value::Float(super::complex::abs(*re, *im)?),
            v @ Value::Instance(_) => return it.call_method_sync(v, "__abs__", Vec::new()),
            v => {
                return Err(Exc::new(
                    T::TypeError,
                    format!("bad operand type for abs(): '{}'", type_name(v)),
                ))
            }
        },
        Min => min_max(it, pos, &kw, false)?,
        Max => min_max(it, pos, &kw, true)?,
        Sum => {
            let items = ops::to_vec(it, a0()?)?;
            let mut acc = match arg(&pos, 1).or(kwarg(&kw, "start")) {
                Some(v) => v.clone(),
                None => Value::Int(0),
            };
            if matches!(acc, Value::Str(_)) {
                return Err(Exc::new(
                    T::TypeError,
                    "sum() can't sum strings [use ''.join(seq) instead]",
                ));
            }
            for x in items {
                acc = ops::binop(it, super::ast::BinOp::Add, acc, x)?;
            }
            acc
        }
        Sorted => {
            let items = ops::to_vec(it, a0()?)?;
            let rev = match kwarg(&kw, "reverse") {
                Some(v) => truthy(it, v)?,
                None => false,
            };
            Value::list(sort_values(it, items, key_fn(&kw), rev)?)
        }
        Reversed => {
            let v = a0()?;
            if let Value::Instance(i) = v {
                if let Some(m) = i.class.lookup("__reversed__") {
                    return it.call_sync(m, vec![v.clone()], Vec::new());
                }
            }
            let mut items = match v {
                Value::Dict(_)
                | Value::List(_)
                | Value::Tuple(_)
                | Value::Str(_)
                | Value::Range(_) => ops::to_vec(it, v)?,
                Value::Instance(_) => ops::to_vec(it, v)?,
                other => {
                    return Err(Exc::new(
                        T::TypeError,
                        format!("'{}' object is not reversible", type_name(other)),
                    ))
                }
            };
            items.reverse();
            Value::Iter(Rc::new(RefCell::new(Iter::Seq(Rc::from(items), 0))))
        }
        Enumerate => {
            let inner = ops::iter(it, a0()?)?;
            let start = match arg(&pos, 1).or(kwarg(&kw, "start")) {
                Some(v) => int_arg(v, "")?,
                None => 0,
            };
            Value::Iter(Rc::new(RefCell::new(Iter::Enumerate(inner, start))))
        }
        Zip => {
            let mut its = Vec::new();
            for p in &pos {
                its.push(ops::iter(it, p)?);
            }
            if kwarg(&kw, "strict").is_some_and(|v| matches!(v, Value::Bool(true))) {
                let lists: Vec<Vec<Value>> = pos
                    .iter()
                    .map(|p| ops::to_vec(it, p))
                    .collect::<PyResult<_>>()?;
                let n = lists.first().map_or(0, Vec::len);
                if let Some((i, l)) = lists.iter().enumerate().find(|(_, l)| l.len() != n) {
                    let which = if l.len() < n { "shorter" } else { "longer" };
                    return Err(Exc::new(
                        T::ValueError,
                        format!("zip() argument {} is {which} than argument 1", i + 1),
                    ));
                }
            }
            Value::Iter(Rc::new(RefCell::new(Iter::Zip(its))))
        }
        Map => {
            let func = a0()?.clone();
            let mut its = Vec::new();
            for p in &pos[1..] {
                its.push(ops::iter(it, p)?);
            }
            Value::Iter(Rc::new(RefCell::new(Iter::Map(func, its))))
        }
        Filter => {
            let func = a0()?.clone();
            let inner = ops::iter(it, need(&pos, 1, "filter")?)?;
            Value::Iter(Rc::new(RefCell::new(Iter::Filter(func, inner))))
        }
        Any => {
            let i = ops::iter(it, a0()?)?;
            while let Some(x) = ops::next(it, &i)? {
                if truthy(it, &x)? {
                    return Ok(Value::Bool(true));
                }
            }
            Value::Bool(false)
        }
        All => {
            let i = ops::iter(it, a0()?)?;
            while let Some(x) = ops::next(it, &i)? {
                if !truthy(it, &x)? {
                    return Ok(Value::Bool(false));
                }
            }
            Value::Bool(true)
        }
        IterB => ops::iter(it, a0()?)?,
        Next | GenNext => {
            let i = a0()?;
            if let Value::Coro(c) = i {
                if c.kind == CoroKind::Generator {
                    return match c.resume(Value::None, None)? {
                        Resumed::Yielded(x) => Ok(x),
                        Resumed::Returned(v) => match arg(&pos, 1) {
                            Some(d) if f == Next => Ok(d.clone()),
                            _ => Err(Exc::with_args(
                                T::StopIteration,
                                if v.is_none() { Vec::new() } else { vec![v] },
                            )),
                        },
                        Resumed::Suspended => Err(Exc::new(T::RuntimeError, "generator suspended")),
                    };
                }
            }
            match ops::next(it, i)? {
                Some(x) => x,
                None => match arg(&pos, 1) {
                    Some(d) if f == Next => d.clone(),
                    _ => {
                        if let Value::Coro(c) = i {
                            let _ = c;
                        }
                        return Err(Exc::bare(T::StopIteration));
                    }
                },
            }
        }
        GenIter | AgenAiter => a0()?.clone(),
        Round => {
            let v = a0()?;
            let nd = match arg(&pos, 1).or(kwarg(&kw, "ndigits")) {
                Some(Value::None) | None => None,
                Some(x) => Some(int_arg(x, "")?),
            };
            match v {
                Value::Int(i) => match nd {
                    None => Value::Int(*i),
                    Some(n) => Value::from_big(BigInt::from_i128(fmt::round_int(*i, n))),
                },
                Value::BigInt(b) => match nd {
                    Some(n) if n < 0 => round_big(b, n)?,
                    _ => v.clone(),
                },
                Value::Bool(x) => Value::Int(i64::from(*x)),
                Value::Float(x) => {
                    let r = fmt::round_float(*x, nd).map_err(berr)?;
                    if nd.is_none() {
                        if r.abs() >= 9.2e18 {
                            return Ok(Value::from_big(BigInt::from_f64(r)));
                        }
                        Value::Int(r as i64)
                    } else {
                        Value::Float(r)
                    }
                }
                v @ Value::Instance(_) => {
                    return it.call_method_sync(v, "__round__", pos[1..].to_vec())
                }
                v => {
                    return Err(Exc::new(
                        T::TypeError,
                        format!("type {} doesn't define __round__ method", type_name(v)),
                    ))
                }
            }
        }
        Divmod => {
            let (a, bb) = (a0()?.clone(), need(&pos, 1, "divmod")?.clone());
            if matches!(a, Value::Complex(..)) || matches!(bb, Value::Complex(..)) {
                return Err(Exc::new(
                    T::TypeError,
                    format!(
                        "unsupported operand type(s) for divmod(): '{}' and '{}'",
                        type_name(&a),
                        type_name(&bb)
                    ),
                ));
            }
            let q = ops::binop(it, super::ast::BinOp::FloorDiv, a.clone(), bb.clone())?;
            let r = ops::binop(it, super::ast::BinOp::Mod, a, bb)?;
            Value::tuple(vec![q, r])
        }
        Pow | MathPow => {
            let (a, bb) = (a0()?.clone(), need(&pos, 1, "pow")?.clone());
            if f == MathPow {
                let x = float_arg(&a, "")?.powf(float_arg(&bb, "")?);
                Value::Float(x)
            } else if let Some(m) = arg(&pos, 2).filter(|m| !m.is_none()) {
                if [&a, &bb, m].iter().any(|v| matches!(v, Value::Complex(..))) {
                    return Err(Exc::new(T::ValueError, "complex modulo"));
                }
                pow_mod_big(&a, &bb, m)?
            } else {
                ops::binop(it, super::ast::BinOp::Pow, a, bb)?
            }
        }
        Hash => {
            let k = ops::hash_key(it, a0()?)?;
            use std::hash::{Hash as _, Hasher};
            let mut h = super::value::FastHasher::default();
            k.hash(&mut h);
            match a0()? {
                Value::Int(i) => Value::Int(BigInt::from_i64(*i).py_hash()),
                Value::BigInt(b) => Value::Int(b.py_hash()),
                Value::Float(x) if !x.is_nan() => Value::Int(super::bigint::hash_f64(*x)),
                Value::Complex(re, im) => Value::Int(super::complex::hash(*re, *im)),
                Value::Bool(x) => Value::Int(i64::from(*x)),
                _ => Value::Int((h.finish() >> 2) as i64),
            }
        }
        Id => Value::Int(a0()?.ptr().unwrap_or(0) as i64),
        Callable => Value::Bool(
            matches!(
                a0()?,
                Value::Func(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_)
            ) || matches!(a0()?, Value::Instance(i) if i.class.lookup("__call__").is_some()),
        ),
        Getattr => {
            let name = str_arg(
                need(&pos, 1, "getattr")?,
                "getattr(): attribute name must be string",
            )?;
            match ops::getattr(it, a0()?, &name) {
                Ok(v) => v,
                Err(e) if e.is(T::AttributeError) && pos.len() > 2 => pos[2].clone(),
                Err(e) => return Err(e),
            }
        }
        Setattr => {
            let name = str_arg(need(&pos, 1, "setattr")?, "attribute name must be string")?;
            ops::setattr(it, a0()?, &name, need(&pos, 2, "setattr")?.clone())?;
            Value::None
        }
        Hasattr => {
            let name = str_arg(
                need(&pos, 1, "hasattr")?,
                "hasattr(): attribute name must be string",
            )?;
            match ops::getattr(it, a0()?, &name) {
                Ok(_) => Value::Bool(true),
                Err(e) if e.is(T::AttributeError) => Value::Bool(false),
                Err(e) => return Err(e),
            }
        }
        Delattr => {
            let name = str_arg(need(&pos, 1, "delattr")?, "attribute name must be string")?;
            ops::delattr(it, a0()?, &name)?;
            Value::None
        }
        Chr => {
            if let Value::BigInt(_) = a0()? {
                return Err(Exc::new(
                    T::OverflowError,
                    "Python int too large to convert to C int",
                ));
            }
            let n = int_arg(a0()?, "")?;
            match u32::try_from(n).ok().and_then(char::from_u32) {
                Some(c) => s(c.to_string()),
                None => return Err(Exc::new(T::ValueError, "chr() arg not in range(0x110000)")),
            }
        }
        Ord => match a0()? {
            Value::Str(x) if x.chars().count() == 1 => {
                Value::Int(x.chars().next().map_or(0, |c| c as i64))
            }
            Value::Str(x) => {
                return Err(Exc::new(
                    T::TypeError,
                    format!(
                        "ord() expected a character, but string of length {} found",
                        x.chars().count()
                    ),
                ))
            }
            v => {
                return Err(Exc::new(
                    T::TypeError,
                    format!(
                        "ord() expected string of length 1, but {} found",
                        type_name(v)
                    ),
                ))
            }
        },
        Hex | Oct | Bin if matches!(a0()?, Value::BigInt(_)) => {
            let Value::BigInt(b) = a0()? else {
                return Ok(Value::None);
            };
            let (p, base) = match f {
                Hex => ("0x", 16),
                Oct => ("0o", 8),
                _ => ("0b", 2),
            };
            let body = b.mag_digits(base).unwrap_or_default();
            s(format!(
                "{}{p}{body}",
                if b.is_negative() { "-" } else { "" }
            ))
        }
        Hex | Oct | Bin => {
            let n = int_arg(a0()?, "")?;
            let (p, body) = match f {
                Hex => ("0x", format!("{:x}", n.unsigned_abs())),
                Oct => ("0o", format!("{:o}", n.unsigned_abs())),
                _ => ("0b", format!("{:b}", n.unsigned_abs())),
            };
            s(format!("{}{p}{body}", if n < 0 { "-" } else { "" }))
        }
        Format => {
            let spec = match arg(&pos, 1) {
                Some(v) => str_arg(v, "format() argument 2 must be str")?,
                None => String::new(),
            };
            s(ops::format_value(it, a0()?, &spec)?)
        }
        Isinstance => {
            let v = a0()?;
            Value::Bool(class_matches(need(&pos, 1, "isinstance")?, &|c| {
                ops::isinstance(v, c)
            })?)
        }
        Issubclass => {
            let Value::Class(c) = a0()? else {
                return Err(Exc::new(T::TypeError, "issubclass() arg 1 must be a class"));
            };
            Value::Bool(class_matches(need(&pos, 1, "issubclass")?, &|k| {
                c.is_subclass(k)
            })?)
        }
        Input => {
            return Err(Exc::new(
                T::RuntimeError,
                "input() is not available in the playground: there is no keyboard input",
            ))
        }
        Open => {
            return Err(Exc::new(
                T::OSError,
                "open() is not available in the playground: there are no files",
            ))
        }
        Globals => {
            let mut d = Dict::new();
            for (k, v) in it.globals.vars.borrow().iter() {
                d.insert(HashKey::Str(k.clone()), Value::Str(k.clone()), v.clone());
            }
            Value::dict(d)
        }
        Locals | Vars => {
            if let Some(v) = arg(&pos, 0) {
                return ops::getattr(it, v, "__dict__");
            }
            Value::dict(Dict::new())
        }
        Dir => {
            let mut names: Vec<String> = match arg(&pos, 0) {
                Some(Value::Instance(i)) => {
                    let mut n: Vec<String> =
                        i.dict.borrow().keys().map(|k| k.to_string()).collect();
                    for c in i.class.mro.borrow().iter() {
                        n.extend(c.dict.borrow().keys().map(|k| k.to_string()));
                    }
                    n
                }
                Some(Value::Module(m)) => m.dict.borrow().keys().map(|k| k.to_string()).collect(),
                Some(Value::Class(c)) => c.dict.borrow().keys().map(|k| k.to_string()).collect(),
                _ => it
                    .globals
                    .vars
                    .borrow()
                    .keys()
                    .map(|k| k.to_string())
                    .collect(),
            };
            names.sort();
            names.dedup();
            Value::list(names.into_iter().map(s).collect())
        }
        Aiter => it.call_method_sync(a0()?, "__aiter__", Vec::new())?,
        Exit | SysExit => return Err(Exc::with_args(T::SystemExit, pos)),
        NotImplemented | Ellipsis | LoopStop => {
            if f == LoopStop {
                it.stop_loop();
            }
            Value::None
        }
        ObjectInit => Value::None,
        ObjectSetattr => {
            let name = str_arg(
                need(&pos, 1, "__setattr__")?,
                "attribute name must be string",
            )?;
            let v = need(&pos, 2, "__setattr__")?.clone();
            match a0()? {
                Value::Instance(i) => {
                    i.dict.borrow_mut().insert(Rc::from(name.as_str()), v);
                }
                other => ops::setattr(it, other, &name, v)?,
            }
            Value::None
        }
        ObjectRepr => {
            let v = a0()?;
            s(format!("<{} object>", type_name(v)))
        }
        ObjectStr => s(repr(it, a0()?)?),
        ExcInit => {
            if let Some(d) = a0()?.exc_data() {
                d.borrow_mut().args = pos[1..].to_vec();
            }
            Value::None
        }
        ExcWithTraceback => a0()?.clone(),
        ExcAddNote => Value::None,
        Type(t) => return construct(it, t, pos, kw),
        _ => return method_call(it, f, pos, kw),
    })
}

fn str_arg(v: &Value, msg: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        _ => Err(Exc::new(T::TypeError, msg.to_string())),
    }
}

fn class_matches(spec: &Value, test: &dyn Fn(&Rc<Class>) -> bool) -> PyResult<bool> {
    match spec {
        Value::Class(c) => Ok(test(c)),
        Value::Tuple(t) => {
            for x in t.iter() {
                if class_matches(x, test)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(Exc::new(
            T::TypeError,
            "isinstance() arg 2 must be a type, a tuple of types, or a union",
        )),
    }
}

/// `len(v)`.
pub fn len(it: &Rc<Interp>, v: &Value) -> PyResult<i64> {
    Ok(match v {
        Value::Str(x) => x.chars().count() as i64,
        Value::Bytes(x) => x.len() as i64,
        Value::List(l) => l.borrow().len() as i64,
        Value::Tuple(t) => t.len() as i64,
        Value::Dict(d) | Value::Set(d) => d.borrow().len() as i64,
        Value::FrozenSet(d) => d.len() as i64,
        Value::Range(r) => ops::range_len(r.0, r.1, r.2),
        Value::Instance(i) => match i.class.lookup("__len__") {
            Some(m) => match it.call_sync(m, vec![v.clone()], Vec::new())? {
                Value::Int(n) if n >= 0 => n,
                Value::Int(_) => {
                    return Err(Exc::new(T::ValueError, "__len__() should return >= 0"))
                }
                other => {
                    return Err(Exc::new(
                        T::TypeError,
                        format!(
                            "'{}' object cannot be interpreted as an integer",
                            type_name(&other)
                        ),
                    ))
                }
            },
            None => {
                return Err(Exc::new(
                    T::TypeError,
                    format!("object of type '{}' has no len()", i.class.name),
                ))
            }
        },
        _ => {
            return Err(Exc::new(
                T::TypeError,
                format!("object of type '{}' has no len()", type_name(v)),
            ))
        }
    })
}

fn construct(it: &Rc<Interp>, t: T, pos: Vec<Value>, kw: Vec<(Name, Value)>) -> PyResult<Value> {
    let a0 = pos.first();
    Ok(match t {
        T::Int => match a0 {
            None => Value::Int(0),
            Some(Value::Int(i)) => Value::Int(*i),
            Some(v @ Value::BigInt(_)) => v.clone(),
            Some(Value::Bool(x)) => Value::Int(i64::from(*x)),
            Some(Value::Float(x)) => {
                if x.is_nan() {
                    return Err(Exc::new(T::ValueError, "cannot convert float NaN to integer"));
                }
                if x.is_infinite() {
                    return Err(Exc::new(T::OverflowError, "cannot convert float infinity to integer"));
                }
                if x.abs() >= 9.2e18 {
                    return Ok(Value::from_big(BigInt::from_f64(*x)));
                }
                Value::Int(x.trunc() as i64)
            }
            Some(Value::Str(x)) => {
                let base = match pos.get(1).or(kwarg(&kw, "base")) {
                    Some(b) => int_arg(b, "")? as u32,
                    None => 10,
                };
                Value::from_big(fmt::int_from_str_big(x, base).map_err(berr)?)
            }
            Some(v @ Value::Instance(_)) => return it.call_method_sync(v, "__int__", Vec::new()),
            Some(v) => return Err(Exc::new(T::TypeError, format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", type_name(v)))),
        },
        T::Float => match a0 {
            None => Value::Float(0.0),
            Some(Value::Int(i)) => Value::Float(*i as f64),
            Some(v @ Value::BigInt(_)) => Value::Float(ops::int_to_float(v)?),
            Some(Value::Bool(x)) => Value::Float(f64::from(u8::from(*x))),
            Some(Value::Float(x)) => Value::Float(*x),
            Some(Value::Str(x)) => Value::Float(fmt::float_from_str(x).map_err(berr)?),
            Some(v @ Value::Instance(_)) => return it.call_method_sync(v, "__float__", Vec::new()),
            Some(v) => return Err(Exc::new(T::TypeError, format!("float() argument must be a string or a real number, not '{}'", type_name(v)))),
        },
        T::Complex => return super::complex::construct(it, &pos, &kw),
        T::Str => match a0 {
            None => Value::str(""),
            Some(Value::Bytes(bts)) if pos.len() > 1 || kwarg(&kw, "encoding").is_some() => s(String::from_utf8_lossy(bts).to_string()),
            Some(v) => s(str_of(it, v)?),
        },
        T::Bool => Value::Bool(match a0 {
            None => false,
            Some(v) => truthy(it, v)?,
        }),
        T::Bytes => match a0 {
            None => Value::Bytes(Rc::from(Vec::new())),
            Some(Value::Str(x)) => Value::Bytes(Rc::from(x.as_bytes().to_vec())),
            Some(Value::Int(n)) => Value::Bytes(Rc::from(vec![0u8; (*n).clamp(0, 1 << 24) as usize])),
            Some(v) => {
                let items = ops::to_vec(it, v)?;
                let mut out = Vec::new();
                for x in items {
                    let n = int_arg(&x, "")?;
                    out.push(u8::try_from(n).map_err(|_| Exc::new(T::ValueError, "bytes must be in range(0, 256)"))?);
                }
                Value::Bytes(Rc::from(out))
            }
        },
        T::List => Value::list(match a0 {
            None => Vec::new(),
            Some(v) => ops::to_vec(it, v)?,
        }),
        T::Tuple => match a0 {
            None => Value::tuple(Vec::new()),
            Some(v @ Value::Tuple(_)) => v.clone(),
            Some(v) => Value::tuple(ops::to_vec(it, v)?),
        },
        T::Set => ops::make_set(it, match a0 {
            None => Vec::new(),
            Some(v) => ops::to_vec(it, v)?,
        })?,
        T::FrozenSet => {
            let Value::Set(d) = ops::make_set(it, match a0 {
                None => Vec::new(),
                Some(v) => ops::to_vec(it, v)?,
            })?
            else {
                return Ok(Value::None);
            };
            let d = d.borrow().clone();
            Value::FrozenSet(Rc::new(d))
        }
        T::Dict => {
            let mut d = Dict::new();
            if let Some(v) = a0 {
                ops::dict_update(it, &mut d, v)?;
            }
            for (k, v) in kw {
                d.insert(HashKey::Str(k.clone()), Value::Str(k), v);
            }
            Value::dict(d)
        }
        T::Range => {
            let ints: Vec<i64> = pos.iter().map(|v| int_arg(v, "")).collect::<PyResult<_>>()?;
            let (a, bb, st) = match ints.as_slice() {
                [e] => (0, *e, 1),
                [a, e] => (*a, *e, 1),
                [a, e, st] => (*a, *e, *st),
                _ => return Err(Exc::new(T::TypeError, format!("range expected at most 3 arguments, got {}", ints.len()))),
            };
            if st == 0 {
                return Err(Exc::new(T::ValueError, "range() arg 3 must not be zero"));
            }
            Value::Range(Rc::new((a, bb, st)))
        }
        T::Slice => {
            let g = |i: usize| pos.get(i).cloned().unwrap_or(Value::None);
            match pos.len() {
                1 => Value::Slice(Rc::new((Value::None, g(0), Value::None))),
                _ => Value::Slice(Rc::new((g(0), g(1), g(2)))),
            }
        }
        T::Type => match pos.len() {
            1 => Value::Class(class_of(&pos[0])),
            _ => return Err(Exc::new(T::TypeError, "type() takes 1 argument in the playground")),
        },
        T::Object => Value::Instance(Rc::new(super::value::Instance {
            class: tclass(T::Object),
            dict: RefCell::new(Default::default()),
            exc: None,
        })),
        T::Property => Value::Property(Rc::new((
            a0.cloned().unwrap_or(Value::None),
            pos.get(1).cloned().unwrap_or(Value::None),
        ))),
        T::StaticMethod => Value::StaticMethod(Rc::new(a0.cloned().unwrap_or(Value::None))),
        T::ClassMethod => Value::ClassMethod(Rc::new(a0.cloned().unwrap_or(Value::None))),
        T::Future => Value::Fut(Fut::new()),
        T::Super => match (pos.first(), pos.get(1)) {
            (Some(Value::Class(c)), Some(obj)) => Value::Super(Rc::new((c.clone(), obj.clone()))),
            _ => return Err(Exc::new(T::RuntimeError, "super(): no arguments")),
        },
        T::BaseExceptionGroup | T::ExceptionGroup => {
            let msg = a0.cloned().unwrap_or(Value::str(""));
            let excs = match pos.get(1) {
                Some(v) => ops::to_vec(it, v)?,
                None => return Err(Exc::new(T::TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (1 given)")),
            };
            if excs.is_empty() {
                return Err(Exc::new(T::ValueError, "second argument (exceptions) must be a non-empty sequence"));
            }
            let all_exc = excs.iter().all(|e| matches!(e, Value::Instance(i) if is_sub(&i.class, T::Exception)));
            let cls = if t == T::ExceptionGroup || all_exc { T::ExceptionGroup } else { T::BaseExceptionGroup };
            // `args` keeps the sequence as given (its repr shows a list as a
            // list); `exceptions` is a tuple.
            let given = match pos.get(1) {
                Some(v @ (Value::List(_) | Value::Tuple(_))) => v.clone(),
                _ => Value::tuple(excs),
            };
            Exc::with_args(cls, vec![msg, given]).0
        }
        t if tclass(t).is_exception => Exc::with_args(t, pos).0,
        other => {
            return Err(Exc::new(
                T::TypeError,
                format!("cannot create '{}' instances", tclass(other).name),
            ))
        }
    })
}

/// Attributes of exception classes that are computed (`StopIteration.value`,
/// `ExceptionGroup.exceptions`...).
pub type ExcAttr = fn(&Rc<Interp>, &Value) -> PyResult<Value>;

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
                super::interp::group_members(v).unwrap_or_default(),
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
        (T::Object, "__init__") => ObjectInit,
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
            _ => return None,
        },
        Value::Bytes(_) => match name {
            "decode" => BytesDecode,
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
pub fn agen_aclose(it: &Rc<Interp>, g: &Rc<super::coro::Coro>) -> Value {
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
        (Value::Complex(re, im), _) => return super::complex::attr(*re, *im, name).map(Ok),
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

fn this_str_named(pos: &[Value], name: &str) -> PyResult<Rc<str>> {
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

fn opt_str(pos: &[Value], i: usize) -> PyResult<Option<String>> {
    match pos.get(i) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(x)) => Ok(Some(x.to_string())),
        Some(v) => Err(Exc::new(
            T::TypeError,
            format!("must be str or None, not {}", type_name(v)),
        )),
    }
}

fn pad(text: &str, width: i64, fill: char, how: char) -> String {
    let n = text.chars().count() as i64;
    if width <= n {
        return text.to_string();
    }
    let total = (width - n) as usize;
    let (l, r) = match how {
        '<' => (0, total),
        '>' => (total, 0),
        _ => {
            let l = total / 2 + (total & width as usize & 1);
            (l, total - l)
        }
    };
    let f: String = std::iter::repeat_n(fill, l).collect();
    let g: String = std::iter::repeat_n(fill, r).collect();
    format!("{f}{text}{g}")
}

fn fill_arg(pos: &[Value], i: usize) -> PyResult<char> {
    match pos.get(i) {
        None => Ok(' '),
        Some(Value::Str(x)) if x.chars().count() == 1 => Ok(x.chars().next().unwrap_or(' ')),
        _ => Err(Exc::new(
            T::TypeError,
            "The fill character must be exactly one character long",
        )),
    }
}

fn split_ws(x: &str, max: i64) -> Vec<Value> {
    let mut out = Vec::new();
    let mut rest = x.trim_start();
    while !rest.is_empty() {
        if max >= 0 && out.len() as i64 == max {
            out.push(s(rest));
            return out;
        }
        match rest.find(char::is_whitespace) {
            Some(p) => {
                out.push(s(&rest[..p]));
                rest = rest[p..].trim_start();
            }
            None => {
                out.push(s(rest));
                break;
            }
        }
    }
    out
}

fn str_format(
    it: &Rc<Interp>,
    fmtstr: &str,
    args: &[Value],
    kw: &[(Name, Value)],
) -> PyResult<String> {
    let mut out = String::new();
    let chars: Vec<char> = fmtstr.chars().collect();
    let mut i = 0;
    let mut auto = 0usize;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            let mut j = i + 1;
            let mut depth = 1;
            while j < chars.len() {
                if chars[j] == '{' {
                    depth += 1;
                } else if chars[j] == '}' {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                j += 1;
            }
            if j >= chars.len() {
                return Err(Exc::new(
                    T::ValueError,
                    "Single '{' encountered in format string",
                ));
            }
            let field: String = chars[i + 1..j].iter().collect();
            let (head, spec) = match field.find(':') {
                Some(p) => (field[..p].to_string(), field[p + 1..].to_string()),
                None => (field.clone(), String::new()),
            };
            let (name, conv) = match head.find('!') {
                Some(p) => (head[..p].to_string(), head[p + 1..].chars().next()),
                None => (head, None),
            };
            let (base, rest) = match name.find(['.', '[']) {
                Some(p) => (name[..p].to_string(), name[p..].to_string()),
                None => (name.clone(), String::new()),
            };
            let mut v = if base.is_empty() {
                let v = args.get(auto).cloned().ok_or_else(|| {
                    Exc::new(
                        T::IndexError,
                        format!("Replacement index {auto} out of range for positional args tuple"),
                    )
                })?;
                auto += 1;
                v
            } else if let Ok(n) = base.parse::<usize>() {
                args.get(n).cloned().ok_or_else(|| {
                    Exc::new(
                        T::IndexError,
                        format!("Replacement index {n} out of range for positional args tuple"),
                    )
                })?
            } else {
                kw.iter()
                    .find(|(k, _)| **k == *base)
                    .map(|(_, v)| v.clone())
                    .ok_or_else(|| Exc::with_args(T::KeyError, vec![s(base.clone())]))?
            };
            let mut r = rest.as_str();
            while !r.is_empty() {
                if let Some(x) = r.strip_prefix('.') {
                    let end = x.find(['.', '[']).unwrap_or(x.len());
                    v = ops::getattr(it, &v, &x[..end])?;
                    r = &x[end..];
                } else if let Some(x) = r.strip_prefix('[') {
                    let end = x.find(']').unwrap_or(x.len());
                    let key = &x[..end];
                    let k = match key.parse::<i64>() {
                        Ok(n) => Value::Int(n),
                        Err(_) => s(key),
                    };
                    v = ops::getitem(it, &v, &k)?;
                    r = x.get(end + 1..).unwrap_or("");
                } else {
                    break;
                }
            }
            let spec = if spec.contains('{') {
                str_format(it, &spec, args, kw)?
            } else {
                spec
            };
            out.push_str(&it.convert(v, conv, &spec)?);
            i = j + 1;
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(Exc::new(
                T::ValueError,
                "Single '}' encountered in format string",
            ));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

fn with_list<R>(pos: &[Value], f: impl FnOnce(&mut Vec<Value>) -> R) -> PyResult<R> {
    match pos.first() {
        Some(Value::List(l)) => Ok(f(&mut l.borrow_mut())),
        _ => Err(Exc::new(
            T::TypeError,
            "descriptor requires a 'list' object",
        )),
    }
}

fn the_dict(pos: &[Value]) -> PyResult<Rc<RefCell<Dict>>> {
    match pos.first() {
        Some(Value::Dict(d)) | Some(Value::Set(d)) => Ok(d.clone()),
        Some(Value::FrozenSet(d)) => Ok(Rc::new(RefCell::new((**d).clone()))),
        _ => Err(Exc::new(
            T::TypeError,
            "descriptor requires a 'dict' object",
        )),
    }
}

fn method_call(
    it: &Rc<Interp>,
    f: Builtin,
    pos: Vec<Value>,
    kw: Vec<(Name, Value)>,
) -> PyResult<Value> {
    use Builtin::*;
    let p1 = || need(&pos, 1, f.short_name());
    Ok(match f {
        StrJoin => {
            let sep = this_str_named(&pos, f.short_name())?;
            let items = ops::to_vec(it, p1()?)?;
            let mut parts = Vec::with_capacity(items.len());
            for (i, x) in items.iter().enumerate() {
                match x {
                    Value::Str(t) => parts.push(t.to_string()),
                    other => {
                        return Err(Exc::new(
                            T::TypeError,
                            format!(
                                "sequence item {i}: expected str instance, {} found",
                                type_name(other)
                            ),
                        ))
                    }
                }
            }
            s(parts.join(&sep))
        }
        StrSplit | StrRsplit => {
            let x = this_str_named(&pos, f.short_name())?;
            let sep = match pos.get(1).or(kwarg(&kw, "sep")) {
                None | Some(Value::None) => None,
                Some(Value::Str(t)) => Some(t.to_string()),
                Some(v) => {
                    return Err(Exc::new(
                        T::TypeError,
                        format!("must be str or None, not {}", type_name(v)),
                    ))
                }
            };
            let max = match pos.get(2).or(kwarg(&kw, "maxsplit")) {
                Some(v) => int_arg(v, "")?,
                None => -1,
            };
            match sep {
                None => {
                    if f == StrRsplit && max >= 0 {
                        let rev: String = x.chars().rev().collect();
                        let mut parts = split_ws(&rev, max);
                        parts.reverse();
                        Value::list(
                            parts
                                .into_iter()
                                .map(|p| match p {
                                    Value::Str(t) => s(t.chars().rev().collect::<String>()),
                                    o => o,
                                })
                                .collect(),
                        )
                    } else {
                        Value::list(split_ws(&x, max))
                    }
                }
                Some(sep) => {
                    if sep.is_empty() {
                        return Err(Exc::new(T::ValueError, "empty separator"));
                    }
                    let parts: Vec<Value> = if max < 0 {
                        x.split(sep.as_str()).map(s).collect()
                    } else if f == StrSplit {
                        x.splitn(max as usize + 1, sep.as_str()).map(s).collect()
                    } else {
                        let mut v: Vec<Value> =
                            x.rsplitn(max as usize + 1, sep.as_str()).map(s).collect();
                        v.reverse();
                        v
                    };
                    Value::list(parts)
                }
            }
        }
        StrStrip | StrLstrip | StrRstrip => {
            let x = this_str_named(&pos, f.short_name())?;
            let chars = opt_str(&pos, 1)?;
            let pred = |c: char| match &chars {
                Some(cs) => cs.contains(c),
                None => c.is_whitespace(),
            };
            s(match f {
                StrStrip => x.trim_matches(pred),
                StrLstrip => x.trim_start_matches(pred),
                _ => x.trim_end_matches(pred),
            })
        }
        StrReplace => {
            let x = this_str_named(&pos, f.short_name())?;
            let old = str_arg(p1()?, "replace() argument 1 must be str")?;
            let new = str_arg(
                need(&pos, 2, "replace")?,
                "replace() argument 2 must be str",
            )?;
            let count = match pos.get(3) {
                Some(v) => int_arg(v, "")?,
                None => -1,
            };
            if count < 0 {
                s(x.replace(&old, &new))
            } else {
                s(x.replacen(&old, &new, count as usize))
            }
        }
        StrUpper => s(this_str_named(&pos, f.short_name())?.to_uppercase()),
        StrLower | StrCasefold => s(this_str_named(&pos, f.short_name())?.to_lowercase()),
        StrSwapcase => s(this_str_named(&pos, f.short_name())?
            .chars()
            .map(|c| {
                if c.is_uppercase() {
                    c.to_lowercase().collect::<String>()
                } else {
                    c.to_uppercase().collect()
                }
            })
            .collect::<String>()),
        StrTitle => {
            let x = this_str_named(&pos, f.short_name())?;
            let mut out = String::new();
            let mut prev_alpha = false;
            for c in x.chars() {
                if c.is_alphabetic() {
                    if prev_alpha {
                        out.extend(c.to_lowercase());
                    } else {
                        out.extend(c.to_uppercase());
                    }
                    prev_alpha = true;
                } else {
                    out.push(c);
                    prev_alpha = false;
                }
            }
            s(out)
        }
        StrCapitalize => {
            let x = this_str_named(&pos, f.short_name())?;
            let mut cs = x.chars();
            s(match cs.next() {
                Some(c) => format!("{}{}", c.to_uppercase(), cs.as_str().to_lowercase()),
                None => String::new(),
            })
        }
        StrStartswith | StrEndswith => {
            let x = this_str_named(&pos, f.short_name())?;
            let pfx: Vec<String> = match p1()? {
                Value::Str(t) => vec![t.to_string()],
                Value::Tuple(t) => t
                    .iter()
                    .map(|v| str_arg(v, "tuple for startswith must only contain str"))
                    .collect::<PyResult<_>>()?,
                v => {
                    return Err(Exc::new(
                        T::TypeError,
                        format!(
                            "{} first arg must be str or a tuple of str, not {}",
                            f.short_name(),
                            type_name(v)
                        ),
                    ))
                }
            };
            let start = match pos.get(2) {
                Some(v) => int_arg(v, "")?.max(0) as usize,
                None => 0,
            };
            let hay: String = x.chars().skip(start).collect();
            Value::Bool(pfx.iter().any(|p| {
                if f == StrStartswith {
                    hay.starts_with(p.as_str())
                } else {
                    hay.ends_with(p.as_str())
                }
            }))
        }
        StrFind | StrRfind | StrIndex => {
            let x = this_str_named(&pos, f.short_name())?;
            let sub = str_arg(p1()?, "must be str")?;
            let found = if f == StrRfind {
                x.rfind(&sub)
            } else {
                x.find(&sub)
            };
            match found {
                Some(p) => Value::Int(x[..p].chars().count() as i64),
                None if f == StrIndex => {
                    return Err(Exc::new(T::ValueError, "substring not found"))
                }
                None => Value::Int(-1),
            }
        }
        StrCount => {
            let x = this_str_named(&pos, f.short_name())?;
            let sub = str_arg(p1()?, "must be str")?;
            if sub.is_empty() {
                Value::Int(x.chars().count() as i64 + 1)
            } else {
                Value::Int(x.matches(sub.as_str()).count() as i64)
            }
        }
        StrFormat => {
            let x = this_str_named(&pos, f.short_name())?;
            s(str_format(it, &x, &pos[1..], &kw)?)
        }
        StrCenter | StrLjust | StrRjust => {
            let x = this_str_named(&pos, f.short_name())?;
            let w = int_arg(p1()?, "")?;
            if w > 10_000_000 {
                return Err(Exc::bare(T::MemoryError));
            }
            let fill = fill_arg(&pos, 2)?;
            s(pad(
                &x,
                w,
                fill,
                match f {
                    StrCenter => '^',
                    StrLjust => '<',
                    _ => '>',
                },
            ))
        }
        StrZfill => {
            let x = this_str_named(&pos, f.short_name())?;
            let w = int_arg(p1()?, "")?.min(10_000_000);
            let n = x.chars().count() as i64;
            if w <= n {
                s(x.to_string())
            } else {
                let zeros = "0".repeat((w - n) as usize);
                match x.chars().next() {
                    Some(c @ ('+' | '-')) => s(format!("{c}{zeros}{}", &x[1..])),
                    _ => s(format!("{zeros}{x}")),
                }
            }
        }
        StrIsdigit | StrIsnumeric | StrIsdecimal => {
            let x = this_str_named(&pos, f.short_name())?;
            Value::Bool(
                !x.is_empty()
                    && x.chars()
                        .all(|c| c.is_ascii_digit() || (f == StrIsnumeric && c.is_numeric())),
            )
        }
        StrIsalpha => {
            let x = this_str_named(&pos, f.short_name())?;
            Value::Bool(!x.is_empty() && x.chars().all(char::is_alphabetic))
        }
        StrIsalnum => {
            let x = this_str_named(&pos, f.short_name())?;
            Value::Bool(!x.is_empty() && x.chars().all(char::is_alphanumeric))
        }
        StrIsspace => {
            let x = this_str_named(&pos, f.short_name())?;
            Value::Bool(!x.is_empty() && x.chars().all(char::is_whitespace))
        }
        StrIsupper | StrIslower => {
            let x = this_str_named(&pos, f.short_name())?;
            let cased: Vec<char> = x.chars().filter(|c| c.is_alphabetic()).collect();
            Value::Bool(
                !cased.is_empty()
                    && cased.iter().all(|c| {
                        if f == StrIsupper {
                            !c.is_lowercase()
                        } else {
                            !c.is_uppercase()
                        }
                    }),
            )
        }
        StrIstitle => {
            let x = this_str_named(&pos, f.short_name())?;
            let t = method_call(it, StrTitle, vec![Value::Str(x.clone())], Vec::new())?;
            Value::Bool(
                matches!(t, Value::Str(t) if *t == *x) && x.chars().any(char::is_alphabetic),
            )
        }
        StrIsidentifier => {
            let x = this_str_named(&pos, f.short_name())?;
            let mut cs = x.chars();
            Value::Bool(
                cs.next().is_some_and(|c| c == '_' || c.is_alphabetic())
                    && cs.all(|c| c == '_' || c.is_alphanumeric()),
            )
        }
        StrSplitlines => {
            let x = this_str_named(&pos, f.short_name())?;
            let keep = pos
                .get(1)
                .or(kwarg(&kw, "keepends"))
                .is_some_and(|v| matches!(v, Value::Bool(true)));
            let mut out = Vec::new();
            let mut cur = String::new();
            let mut cs = x.chars().peekable();
            while let Some(c) = cs.next() {
                if c == '\n' || c == '\r' {
                    if keep {
                        cur.push(c);
                    }
                    if c == '\r' && cs.peek() == Some(&'\n') {
                        cs.next();
                        if keep {
                            cur.push('\n');
                        }
                    }
                    out.push(s(std::mem::take(&mut cur)));
                } else {
                    cur.push(c);
                }
            }
            if !cur.is_empty() {
                out.push(s(cur));
            }
            Value::list(out)
        }
        StrPartition | StrRpartition => {
            let x = this_str_named(&pos, f.short_name())?;
            let sep = str_arg(p1()?, "must be str")?;
            let found = if f == StrPartition {
                x.find(&sep)
            } else {
                x.rfind(&sep)
            };
            match found {
                Some(p) => Value::tuple(vec![s(&x[..p]), s(sep.clone()), s(&x[p + sep.len()..])]),
                None if f == StrPartition => Value::tuple(vec![s(x.to_string()), s(""), s("")]),
                None => Value::tuple(vec![s(""), s(""), s(x.to_string())]),
            }
        }
        StrEncode => Value::Bytes(Rc::from(
            this_str_named(&pos, f.short_name())?.as_bytes().to_vec(),
        )),
        BytesDecode => match pos.first() {
            Some(Value::Bytes(bts)) => s(String::from_utf8_lossy(bts).to_string()),
            _ => Value::None,
        },
        StrRemoveprefix => {
            let x = this_str_named(&pos, f.short_name())?;
            let p = str_arg(p1()?, "must be str")?;
            s(x.strip_prefix(p.as_str()).unwrap_or(&x).to_string())
        }
        StrRemovesuffix => {
            let x = this_str_named(&pos, f.short_name())?;
            let p = str_arg(p1()?, "must be str")?;
            s(x.strip_suffix(p.as_str()).unwrap_or(&x).to_string())
        }
        StrExpandtabs => {
            let x = this_str_named(&pos, f.short_name())?;
            let size = match pos.get(1).or(kwarg(&kw, "tabsize")) {
                Some(v) => int_arg(v, "")?.max(0) as usize,
                None => 8,
            };
            let mut out = String::new();
            let mut col = 0usize;
            for c in x.chars() {
                match c {
                    '\t' => {
                        if size > 0 {
                            let n = size - col % size;
                            out.push_str(&" ".repeat(n));
                            col += n;
                        }
                    }
                    '\n' | '\r' => {
                        out.push(c);
                        col = 0;
                    }
                    c => {
                        out.push(c);
                        col += 1;
                    }
                }
            }
            s(out)
        }
        ListAppend => {
            let x = p1()?.clone();
            with_list(&pos, |l| {
                if l.len() >= super::interp::MAX_ITEMS {
                    return Err(Exc::bare(T::MemoryError));
                }
                l.push(x);
                Ok(())
            })??;
            Value::None
        }
        ListExtend => {
            let items = ops::to_vec(it, p1()?)?;
            with_list(&pos, |l| l.extend(items))?;
            Value::None
        }
        ListInsert => {
            let i = int_arg(p1()?, "")?;
            let x = need(&pos, 2, "insert")?.clone();
            with_list(&pos, |l| {
                let n = l.len() as i64;
                let k = if i < 0 { (i + n).max(0) } else { i.min(n) };
                l.insert(k as usize, x);
            })?;
            Value::None
        }
        ListPop => {
            let i = match pos.get(1) {
                Some(v) => Some(int_arg(v, "")?),
                None => None,
            };
            with_list(&pos, |l| {
                if l.is_empty() {
                    return Err(Exc::new(T::IndexError, "pop from empty list"));
                }
                let n = l.len() as i64;
                let k = match i {
                    None => n - 1,
                    Some(i) if i < 0 => i + n,
                    Some(i) => i,
                };
                if k < 0 || k >= n {
                    return Err(Exc::new(T::IndexError, "pop index out of range"));
                }
                Ok(l.remove(k as usize))
            })??
        }
        ListRemove | ListIndex | ListCount | TupleIndex | TupleCount => {
            // Read item by item (no copy of the list): `==` may run Python.
            let item = |i: usize| -> Option<Value> {
                match pos.first() {
                    Some(Value::List(l)) => l.borrow().get(i).cloned(),
                    Some(Value::Tuple(t)) => t.get(i).cloned(),
                    _ => None,
                }
            };
            let x = p1()?;
            let mut found = None;
            let mut count = 0;
            let mut i = 0;
            while let Some(y) = item(i) {
                i += 1;
                let i = i - 1;
                if y.is(x) || ops::eq(it, &y, x)? {
                    count += 1;
                    if found.is_none() {
                        found = Some(i);
                        if f != ListCount && f != TupleCount {
                            break;
                        }
                    }
                }
            }
            match f {
                ListCount | TupleCount => Value::Int(count),
                ListRemove => match found {
                    Some(i) => {
                        with_list(&pos, |l| {
                            if i < l.len() {
                                l.remove(i);
                            }
                        })?;
                        Value::None
                    }
                    None => return Err(Exc::new(T::ValueError, "list.remove(x): x not in list")),
                },
                _ => match found {
                    Some(i) => Value::Int(i as i64),
                    None => {
                        let what = if f == ListIndex {
                            format!("{} is not in list", repr(it, x)?)
                        } else {
                            "tuple.index(x): x not in tuple".into()
                        };
                        return Err(Exc::new(T::ValueError, what));
                    }
                },
            }
        }
        ListSort => {
            let items = with_list(&pos, std::mem::take)?;
            let rev = match kwarg(&kw, "reverse") {
                Some(v) => truthy(it, v)?,
                None => false,
            };
            let sorted = sort_values(it, items.clone(), key_fn(&kw), rev);
            match sorted {
                Ok(v) => with_list(&pos, |l| *l = v)?,
                Err(e) => {
                    with_list(&pos, |l| *l = items)?;
                    return Err(e);
                }
            }
            Value::None
        }
        ListReverse => {
            with_list(&pos, |l| l.reverse())?;
            Value::None
        }
        ListCopy => Value::list(with_list(&pos, |l| l.clone())?),
        ListClear => {
            with_list(&pos, |l| l.clear())?;
            Value::None
        }
        DictGet => {
            let d = the_dict(&pos)?;
            let k = ops::hash_key(it, p1()?)?;
            let found = d.borrow().get(&k).cloned();
            found.unwrap_or_else(|| pos.get(2).cloned().unwrap_or(Value::None))
        }
        DictKeys | DictValues | DictItems => {
            let d = the_dict(&pos)?;
            let part = match f {
                DictKeys => DictPart::Keys,
                DictValues => DictPart::Values,
                _ => DictPart::Items,
            };
            let n = d.borrow().len();
            // A view: iterable again and again, sized, printable.
            let items: Vec<Value> = {
                let dd = d.borrow();
                match part {
                    DictPart::Keys => dd.keys().cloned().collect(),
                    DictPart::Values => dd.items().map(|(_, v)| v.clone()).collect(),
                    DictPart::Items => dd
                        .items()
                        .map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()]))
                        .collect(),
                }
            };
            let _ = n;
            let name = match part {
                DictPart::Keys => "dict_keys",
                DictPart::Values => "dict_values",
                DictPart::Items => "dict_items",
            };
            let r = format!("{name}({})", repr(it, &Value::list(items.clone()))?);
            let nv = super::value::Native {
                type_name: name,
                attrs: RefCell::new(Default::default()),
            };
            nv.attrs
                .borrow_mut()
                .insert("__items__".into(), Value::list(items));
            nv.attrs.borrow_mut().insert("__repr__".into(), s(r));
            Value::Native(Rc::new(nv))
        }
        DictPop => {
            let d = the_dict(&pos)?;
            let k = ops::hash_key(it, p1()?)?;
            let r = d.borrow_mut().remove(&k);
            match r {
                Some((_, v)) => v,
                None => match pos.get(2) {
                    Some(dflt) => dflt.clone(),
                    None => return Err(Exc::with_args(T::KeyError, vec![p1()?.clone()])),
                },
            }
        }
        DictPopitem => {
            let d = the_dict(&pos)?;
            let r = d.borrow_mut().pop_last();
            match r {
                Some((k, v)) => Value::tuple(vec![k, v]),
                None => return Err(Exc::new(T::KeyError, "popitem(): dictionary is empty")),
            }
        }
        DictSetdefault => {
            let d = the_dict(&pos)?;
            let kv = p1()?.clone();
            let k = ops::hash_key(it, &kv)?;
            let existing = d.borrow().get(&k).cloned();
            match existing {
                Some(v) => v,
                None => {
                    let dflt = pos.get(2).cloned().unwrap_or(Value::None);
                    d.borrow_mut().insert(k, kv, dflt.clone());
                    dflt
                }
            }
        }
        DictUpdate => {
            let d = the_dict(&pos)?;
            let mut dd = d.borrow().clone();
            if let Some(o) = pos.get(1) {
                ops::dict_update(it, &mut dd, o)?;
            }
            for (k, v) in kw {
                dd.insert(HashKey::Str(k.clone()), Value::Str(k), v);
            }
            *d.borrow_mut() = dd;
            Value::None
        }
        DictCopy => Value::dict(the_dict(&pos)?.borrow().clone()),
        DictClear | SetClear => {
            the_dict(&pos)?.borrow_mut().clear();
            Value::None
        }
        DictFromkeys => {
            let keys = ops::to_vec(it, need(&pos, 0, "fromkeys")?)?;
            let v = pos.get(1).cloned().unwrap_or(Value::None);
            let mut d = Dict::new();
            for k in keys {
                ops::dict_set(it, &mut d, k, v.clone())?;
            }
            Value::dict(d)
        }
        SetAdd => {
            let d = the_dict(&pos)?;
            let x = p1()?.clone();
            let k = ops::hash_key(it, &x)?;
            if !d.borrow().contains(&k) {
                d.borrow_mut().insert(k, x, Value::None);
            }
            Value::None
        }
        SetRemove | SetDiscard => {
            let d = the_dict(&pos)?;
            let k = ops::hash_key(it, p1()?)?;
            let r = d.borrow_mut().remove(&k);
            if r.is_none() && f == SetRemove {
                return Err(Exc::with_args(T::KeyError, vec![p1()?.clone()]));
            }
            Value::None
        }
        SetPop => {
            let d = the_dict(&pos)?;
            let first = ops::set_keys_ordered(&d.borrow()).into_iter().next();
            match first {
                Some(x) => {
                    let k = ops::hash_key(it, &x)?;
                    d.borrow_mut().remove(&k);
                    x
                }
                None => return Err(Exc::new(T::KeyError, "pop from an empty set")),
            }
        }
        SetUpdate => {
            let d = the_dict(&pos)?;
            for o in &pos[1..] {
                for x in ops::to_vec(it, o)? {
                    let k = ops::hash_key(it, &x)?;
                    if !d.borrow().contains(&k) {
                        d.borrow_mut().insert(k, x, Value::None);
                    }
                }
            }
            Value::None
        }
        SetUnion | SetIntersection | SetDifference | SetSymmetricDifference => {
            let op = match f {
                SetUnion => super::ast::BinOp::BitOr,
                SetIntersection => super::ast::BinOp::BitAnd,
                SetDifference => super::ast::BinOp::Sub,
                _ => super::ast::BinOp::BitXor,
            };
            let mut acc = pos[0].clone();
            if matches!(acc, Value::FrozenSet(_)) {
                acc = Value::Set(Rc::new(RefCell::new(the_dict(&pos)?.borrow().clone())));
            }
            for o in &pos[1..] {
                let other = match o {
                    Value::Set(_) | Value::FrozenSet(_) => o.clone(),
                    other => ops::make_set(it, ops::to_vec(it, other)?)?,
                };
                acc = ops::binop(it, op, acc, other)?;
            }
            acc
        }
        SetIssubset | SetIssuperset | SetIsdisjoint => {
            let other = ops::make_set(it, ops::to_vec(it, p1()?)?)?;
            let me = Value::Set(the_dict(&pos)?);
            match f {
                SetIssubset => Value::Bool(ops::compare(it, super::ast::CmpOp::LtE, &me, &other)?),
                SetIssuperset => {
                    Value::Bool(ops::compare(it, super::ast::CmpOp::GtE, &me, &other)?)
                }
                _ => {
                    let inter = ops::binop(it, super::ast::BinOp::BitAnd, me, other)?;
                    Value::Bool(!truthy(it, &inter)?)
                }
            }
        }
        SetCopy => match &pos[0] {
            Value::FrozenSet(d) => Value::FrozenSet(d.clone()),
            _ => Value::Set(Rc::new(RefCell::new(the_dict(&pos)?.borrow().clone()))),
        },
        IntBitLength => match &pos[0] {
            Value::BigInt(b) => Value::Int(b.bit_length() as i64),
            v => Value::Int(64 - i64::from(int_arg(v, "")?.unsigned_abs().leading_zeros())),
        },
        AsIntegerRatio => match pos[0] {
            Value::Float(x) => float_ratio(x)?,
            ref v => Value::tuple(vec![
                Value::from_big(ops::as_big(v).unwrap_or_default()),
                Value::Int(1),
            ]),
        },
        FloatIsInteger => {
            Value::Bool(matches!(pos[0], Value::Float(x) if x.fract() == 0.0 && x.is_finite()))
        }
        Conjugate => match pos[0] {
            Value::Complex(re, im) => Value::Complex(re, -im),
            Value::Bool(x) => Value::Int(i64::from(x)),
            ref v => v.clone(),
        },
        GenSend | GenThrow | GenClose => {
            let Some(Value::Coro(c)) = pos.first() else {
                return Ok(Value::None);
            };
            if c.kind == CoroKind::Coroutine {
                return Err(Exc::new(
                    T::RuntimeError,
                    "driving a coroutine by hand is not supported in the playground; await it",
                ));
            }
            let (sent, thrown) = match f {
                GenSend => {
                    let v = p1()?.clone();
                    if !c.started.get() && !v.is_none() {
                        return Err(Exc::new(
                            T::TypeError,
                            "can't send non-None value to a just-started generator",
                        ));
                    }
                    (v, None)
                }
                GenThrow => {
                    let e = p1()?.clone();
                    let exc = match &e {
                        Value::Class(k) if k.is_exception => {
                            Exc::with_args(T::BaseException, Vec::new()).0
                        }
                        _ => e.clone(),
                    };
                    let exc = if let Value::Class(k) = &e {
                        super::exc::new_exc(k.clone(), Vec::new())
                    } else {
                        exc
                    };
                    (Value::None, Some(Exc(exc)))
                }
                _ => {
                    if !c.started.get() || c.finished.get() {
                        c.finished.set(true);
                        *c.body.borrow_mut() = None;
                        return Ok(Value::None);
                    }
                    (Value::None, Some(Exc::bare(T::GeneratorExit)))
                }
            };
            match c.resume(sent, thrown) {
                Ok(Resumed::Yielded(v)) => {
                    if f == GenClose {
                        return Err(Exc::new(T::RuntimeError, "generator ignored GeneratorExit"));
                    }
                    v
                }
                Ok(Resumed::Returned(v)) => {
                    if f == GenClose {
                        return Ok(Value::None);
                    }
                    return Err(Exc::with_args(
                        T::StopIteration,
                        if v.is_none() { Vec::new() } else { vec![v] },
                    ));
                }
                Ok(Resumed::Suspended) => {
                    return Err(Exc::new(T::RuntimeError, "generator suspended"))
                }
                Err(e) if f == GenClose && (e.is(T::GeneratorExit) || e.is(T::StopIteration)) => {
                    Value::None
                }
                Err(e) => return Err(e),
            }
        }
        AgenAnext | AgenAsend | AgenAthrow | AgenAclose => {
            let Some(Value::Coro(c)) = pos.first() else {
                return Ok(Value::None);
            };
            let c = c.clone();
            {
                let mut gens = it.agens.borrow_mut();
                if !gens.iter().any(|g| Rc::ptr_eq(g, &c)) {
                    gens.push(c.clone());
                }
            }
            let me = it.clone();
            let sent = if f == AgenAsend {
                p1()?.clone()
            } else {
                Value::None
            };
            let thrown = match f {
                AgenAthrow => {
                    let e = p1()?.clone();
                    Some(Exc(match &e {
                        Value::Class(k) => super::exc::new_exc(k.clone(), Vec::new()),
                        _ => e,
                    }))
                }
                AgenAclose => Some(Exc::bare(T::GeneratorExit)),
                _ => None,
            };
            let closing = f == AgenAclose;
            let body: LocalBoxFuture<'static, PyResult<Value>> = Box::pin(async move {
                if closing && (!c.started.get() || c.finished.get()) {
                    c.finished.set(true);
                    *c.body.borrow_mut() = None;
                    return Ok(Value::None);
                }
                let mut sent = sent;
                let mut thrown = thrown;
                loop {
                    match c.resume(std::mem::replace(&mut sent, Value::None), thrown.take()) {
                        Ok(Resumed::Yielded(v)) => {
                            if closing {
                                return Err(Exc::new(
                                    T::RuntimeError,
                                    "async generator ignored GeneratorExit",
                                ));
                            }
                            return Ok(v);
                        }
                        Ok(Resumed::Returned(_)) => {
                            if closing {
                                return Ok(Value::None);
                            }
                            return Err(Exc::bare(T::StopAsyncIteration));
                        }
                        Ok(Resumed::Suspended) => {
                            // The generator awaits something: suspend the task
                            // with it, then resume the generator.
                            super::coro::Suspend::default().await;
                            if let Some(e) = me.thrown.borrow_mut().take() {
                                *c.thrown.borrow_mut() = Some(e);
                            }
                            // Re-poll: the generator's await point reads the
                            // interpreter's slot, so put it back there.
                            let t = c.thrown.borrow_mut().take();
                            *me.thrown.borrow_mut() = t;
                        }
                        Err(e)
                            if closing
                                && (e.is(T::GeneratorExit) || e.is(T::StopAsyncIteration)) =>
                        {
                            return Ok(Value::None)
                        }
                        Err(e) => return Err(e),
                    }
                }
            });
            native_coro(it, "__anext__", body)
        }
        CoroAwait => pos[0].clone(),
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
                *tp.name.borrow_mut() = Rc::from(str_of(it, p1()?)?);
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
        _ => return module_call(it, f, pos, kw),
    })
}

fn module_call(
    it: &Rc<Interp>,
    f: Builtin,
    pos: Vec<Value>,
    kw: Vec<(Name, Value)>,
) -> PyResult<Value> {
    use Builtin::*;
    let a0 = || need(&pos, 0, f.short_name());
    Ok(match f {
        // The loop: module functions take the loop object first when
        // called as methods of it.
        LoopTime | LoopCallSoon | LoopCallLater | LoopCallAt | LoopCreateTask
        | LoopCreateFuture | LoopRunInExecutor | LoopIsRunning | LoopGetDebug | LoopSetDebug
        | LoopIsClosed | LoopRunUntilComplete | LoopRunForever | LoopStopB | LoopClose => {
            return loop_call(it, f, pos, kw);
        }
        AioSleep => {
            let d = float_arg(a0()?, "")?;
            let result = pos
                .get(1)
                .or(kwarg(&kw, "result"))
                .cloned()
                .unwrap_or(Value::None);
            sleep(it, d, result)
        }
        AioCreateTask => {
            check_loop_running(it)?;
            let c = coro_arg(it, a0()?, "")?;
            let name = kwarg(&kw, "name")
                .filter(|v| !v.is_none())
                .map(|v| str_of(it, v))
                .transpose()?;
            Value::Fut(it.create_task(c, name.map(Rc::from))?)
        }
        AioEnsureFuture => Value::Fut(ensure_future(it, a0()?)?),
        AioWrapFuture => a0()?.clone(),
        AioCurrentTask => match it.current.borrow().as_ref() {
            Some(t) => Value::Fut(t.clone()),
            None => {
                check_loop_running(it)?;
                Value::None
            }
        },
        AioAllTasks => {
            check_loop_running(it)?;
            let tasks: Vec<Value> = it.live_tasks().into_iter().map(Value::Fut).collect();
            ops::make_set(it, tasks)?
        }
        AioGetRunningLoop => {
            check_loop_running(it)?;
            the_loop(it)
        }
        AioGetEventLoop | AioLoop => the_loop(it),
        AioIscoroutine => {
            Value::Bool(matches!(a0()?, Value::Coro(c) if c.kind == CoroKind::Coroutine))
        }
        AioIscoroutinefunction => {
            Value::Bool(matches!(a0()?, Value::Func(fu) if fu.def.is_async && !fu.def.is_generator))
        }
        AioIsfuture => Value::Bool(matches!(a0()?, Value::Fut(_))),
        AioLabel => {
            let fu = fut_of(a0()?)?.clone();
            let what = need(&pos, 1, "_label")?;
            let mut name = label_name(it, what);
            fu.await_kind.set(await_kind_of(what));
            if let Some(Value::Str(op)) = pos.get(2) {
                name = format!("{name}.{op}()");
            }
            *fu.label.borrow_mut() = Label::Named(Rc::from(name));
            Value::None
        }
        AioNameOf => s(label_name(it, a0()?)),
        AioNote => {
            let kind = str_arg(a0()?, "")?;
            let obj = need(&pos, 1, "_note")?;
            let name = label_name(it, obj);
            use crate::core::trace::EventKind as E;
            let ev = match kind.as_str() {
                "acquired" => E::Acquired { on: name },
                "released" => E::Released { on: name },
                "put" => E::queue_put(name, repr(it, need(&pos, 2, "_note")?)?),
                _ => E::queue_got(name, repr(it, need(&pos, 2, "_note")?)?),
            };
            it.record(ev);
            Value::None
        }
        AioGatheringFuture => {
            let children: Vec<Rc<Fut>> = ops::to_vec(it, a0()?)?
                .iter()
                .map(|v| fut_of(v).cloned())
                .collect::<PyResult<_>>()?;
            let g = Fut::new();
            *g.children.borrow_mut() = children;
            Value::Fut(g)
        }
        TimeTime => Value::Float(1_700_000_000.0 + time_s(it)),
        TimeMonotonic | TimePerfCounter => Value::Float(time_s(it)),
        TimeTimeNs => Value::Int(1_700_000_000_000_000_000 + (clock_ms(it) * 1e6) as i64),
        TimeMonotonicNs | TimePerfCounterNs => Value::Int((clock_ms(it) * 1e6) as i64),
        AioHttp => {
            let method = str_of(it, a0()?)?;
            let url = str_of(it, need(&pos, 1, "_http")?)?;
            let body = match pos.get(2) {
                Some(Value::None) | None => None,
                Some(v) => Some(str_of(it, v)?),
            };
            let timeout = match pos.get(3) {
                Some(Value::None) | None => None,
                Some(v) => Some(float_arg(v, "")?),
            };
            super::modules::http(it, method, url, body, timeout)
        }
        MakeClass => {
            super::modules::make_class(&str_of(it, a0()?)?, need(&pos, 1, "_make_class")?)?
        }
        TimeSleep => {
            let d = float_arg(a0()?, "")?;
            if d < 0.0 {
                return Err(Exc::new(T::ValueError, "sleep length must be non-negative"));
            }
            if d > 60.0 {
                return Err(Exc::new(T::ValueError, "time.sleep() longer than 60 s is not allowed in the playground: it freezes the page"));
            }
            match it.worker_clock.get() {
                Some(t) => it.worker_clock.set(Some(t + d * 1000.0)),
                None => {
                    it.advance_ns((d * 1e9).round() as i64);
                    it.host.block(d * 1000.0);
                }
            }
            Value::None
        }
        RandRandom => Value::Float(it.rng.borrow_mut().random()),
        RandSeed => {
            let mut r = it.rng.borrow_mut();
            match pos.first() {
                None | Some(Value::None) => r.seed_int(0),
                Some(Value::Int(i)) => r.seed_int(*i),
                Some(Value::Bool(x)) => r.seed_int(i64::from(*x)),
                Some(Value::Float(x)) => r.seed_float(*x),
                Some(Value::Str(x)) => r.seed_str(x),
                Some(Value::Bytes(x)) => r.seed_bytes(x),
                Some(v) => return Err(Exc::new(T::TypeError, format!("The only supported seed types are: None, int, float, str, bytes, and bytearray. Got {}", type_name(v)))),
            }
            Value::None
        }
        RandRandint => {
            let (a, bb) = (int_arg(a0()?, "")?, int_arg(need(&pos, 1, "randint")?, "")?);
            Value::Int(it.rng.borrow_mut().randint(a, bb).map_err(berr)?)
        }
        RandRandrange => {
            let a = int_arg(a0()?, "")?;
            let stop = pos.get(1).map(|v| int_arg(v, "")).transpose()?;
            let step = pos.get(2).map(|v| int_arg(v, "")).transpose()?;
            Value::Int(it.rng.borrow_mut().randrange(a, stop, step).map_err(berr)?)
        }
        RandGetrandbits => {
            let k = int_arg(a0()?, "")?;
            let v = it
                .rng
                .borrow_mut()
                .getrandbits(u32::try_from(k).unwrap_or(0))
                .map_err(berr)?;
            Value::Int(i64::try_from(v).map_err(|_| Exc::new(T::OverflowError, "int too large"))?)
        }
        RandUniform => {
            let (a, bb) = (
                float_arg(a0()?, "")?,
                float_arg(need(&pos, 1, "uniform")?, "")?,
            );
            Value::Float(it.rng.borrow_mut().uniform(a, bb))
        }
        RandTriangular => {
            let lo = pos
                .first()
                .map(|v| float_arg(v, ""))
                .transpose()?
                .unwrap_or(0.0);
            let hi = pos
                .get(1)
                .map(|v| float_arg(v, ""))
                .transpose()?
                .unwrap_or(1.0);
            let mode = pos.get(2).map(|v| float_arg(v, "")).transpose()?;
            Value::Float(it.rng.borrow_mut().triangular(lo, hi, mode))
        }
        RandGauss | RandNormalvariate => {
            let mu = pos
                .first()
                .map(|v| float_arg(v, ""))
                .transpose()?
                .unwrap_or(0.0);
            let sigma = pos
                .get(1)
                .map(|v| float_arg(v, ""))
                .transpose()?
                .unwrap_or(1.0);
            let mut r = it.rng.borrow_mut();
            Value::Float(if f == RandGauss {
                r.gauss(mu, sigma)
            } else {
                r.normalvariate(mu, sigma)
            })
        }
        RandExpovariate => {
            let l = pos
                .first()
                .map(|v| float_arg(v, ""))
                .transpose()?
                .unwrap_or(1.0);
            Value::Float(it.rng.borrow_mut().expovariate(l).map_err(berr)?)
        }
        RandChoice => {
            let items = ops::to_vec(it, a0()?)?;
            let i = it.rng.borrow_mut().choice(items.len()).map_err(berr)?;
            items[i].clone()
        }
        RandShuffle => {
            let Value::List(l) = a0()? else {
                return Err(Exc::new(
                    T::TypeError,
                    "shuffle() needs a list in the playground",
                ));
            };
            let mut v = l.borrow().clone();
            it.rng.borrow_mut().shuffle(&mut v);
            *l.borrow_mut() = v;
            Value::None
        }
        RandSample => {
            let items = ops::to_vec(it, a0()?)?;
            let k = int_arg(
                need(&pos, 1, "sample").or_else(|_| {
                    kwarg(&kw, "k").ok_or_else(|| Exc::new(T::TypeError, "sample() missing k"))
                })?,
                "",
            )?;
            let idx = it.rng.borrow_mut().sample(items.len(), k).map_err(berr)?;
            Value::list(idx.into_iter().map(|i| items[i].clone()).collect())
        }
        RandChoices => {
            let items = ops::to_vec(it, a0()?)?;
            let k = match kwarg(&kw, "k") {
                Some(v) => int_arg(v, "")?,
                None => 1,
            };
            let floats = |v: Option<&Value>| -> PyResult<Option<Vec<f64>>> {
                match v {
                    None | Some(Value::None) => Ok(None),
                    Some(v) => Ok(Some(
                        ops::to_vec(it, v)?
                            .iter()
                            .map(|x| float_arg(x, ""))
                            .collect::<PyResult<_>>()?,
                    )),
                }
            };
            let w = floats(pos.get(1).or(kwarg(&kw, "weights")))?;
            let cw = floats(kwarg(&kw, "cum_weights"))?;
            let idx = it
                .rng
                .borrow_mut()
                .choices(items.len(), w.as_deref(), cw.as_deref(), k.max(0) as usize)
                .map_err(berr)?;
            Value::list(idx.into_iter().map(|i| items[i].clone()).collect())
        }
        MathSqrt | MathExp | MathLog | MathLog2 | MathLog10 | MathSin | MathCos | MathFabs => {
            let x = float_arg(a0()?, "")?;
            let r = match f {
                MathSqrt => {
                    if x < 0.0 {
                        return Err(Exc::new(T::ValueError, "math domain error"));
                    }
                    x.sqrt()
                }
                MathExp => x.exp(),
                MathLog => {
                    if x <= 0.0 {
                        return Err(Exc::new(T::ValueError, "math domain error"));
                    }
                    match pos.get(1) {
                        Some(bv) => x.ln() / float_arg(bv, "")?.ln(),
                        None => x.ln(),
                    }
                }
                MathLog2 => x.log2(),
                MathLog10 => x.log10(),
                MathSin => x.sin(),
                MathCos => x.cos(),
                _ => x.abs(),
            };
            Value::Float(r)
        }
        MathFloor | MathCeil | MathTrunc => match a0()? {
            Value::Int(i) => Value::Int(*i),
            v @ Value::BigInt(_) => v.clone(),
            v => {
                let x = float_arg(v, "")?;
                let r = match f {
                    MathFloor => x.floor(),
                    MathCeil => x.ceil(),
                    _ => x.trunc(),
                };
                if r.is_nan() {
                    return Err(Exc::new(
                        T::ValueError,
                        "cannot convert float NaN to integer",
                    ));
                }
                if !r.is_finite() {
                    return Err(Exc::new(
                        T::OverflowError,
                        "cannot convert float infinity to integer",
                    ));
                }
                Value::from_big(BigInt::from_f64(r))
            }
        },
        MathIsclose => {
            let (a, bb) = (
                float_arg(a0()?, "")?,
                float_arg(need(&pos, 1, "isclose")?, "")?,
            );
            let rel = kwarg(&kw, "rel_tol")
                .map(|v| float_arg(v, ""))
                .transpose()?
                .unwrap_or(1e-9);
            let abs = kwarg(&kw, "abs_tol")
                .map(|v| float_arg(v, ""))
                .transpose()?
                .unwrap_or(0.0);
            Value::Bool(a == bb || (a - bb).abs() <= (rel * a.abs().max(bb.abs())).max(abs))
        }
        MathGcd
            if pos
                .iter()
                .any(|v| matches!(v, Value::BigInt(_) | Value::Int(i64::MIN))) =>
        {
            let mut g = BigInt::zero();
            for v in &pos {
                let x = ops::as_big(v).ok_or_else(|| {
                    Exc::new(
                        T::TypeError,
                        format!(
                            "'{}' object cannot be interpreted as an integer",
                            type_name(v)
                        ),
                    )
                })?;
                g = g.gcd(&x);
            }
            Value::from_big(g)
        }
        MathGcd => {
            let mut g: i64 = 0;
            for v in &pos {
                let mut x = int_arg(v, "")?.abs();
                let mut y = g;
                while y != 0 {
                    let t = x % y;
                    x = y;
                    y = t;
                }
                g = x;
            }
            Value::Int(g)
        }
        MathIsnan => Value::Bool(float_arg(a0()?, "")?.is_nan()),
        MathIsinf => Value::Bool(float_arg(a0()?, "")?.is_infinite()),
        MathHypot => Value::Float(
            pos.iter()
                .map(|v| float_arg(v, ""))
                .collect::<PyResult<Vec<_>>>()?
                .iter()
                .map(|x| x * x)
                .sum::<f64>()
                .sqrt(),
        ),
        MathFsum => Value::Float(
            ops::to_vec(it, a0()?)?
                .iter()
                .map(|v| float_arg(v, ""))
                .collect::<PyResult<Vec<_>>>()?
                .iter()
                .sum(),
        ),
        MathProd => {
            let mut acc = Value::Int(1);
            for x in ops::to_vec(it, a0()?)? {
                acc = ops::binop(it, super::ast::BinOp::Mult, acc, x)?;
            }
            acc
        }
        MathFactorial => {
            let n = int_arg(a0()?, "")?;
            if n < 0 {
                return Err(Exc::new(
                    T::ValueError,
                    "factorial() not defined for negative values",
                ));
            }
            // log2(n!) by Stirling: refuse a result past the size cap at once.
            let nf = n as f64;
            if n > 20 && nf * (nf / std::f64::consts::E).log2() > super::bigint::MAX_BITS as f64 {
                return Err(ops::too_big());
            }
            let mut acc = BigInt::from_i64(1);
            for k in 2..=n {
                acc = acc.mul_small(k as u32).map_err(|_| ops::too_big())?;
            }
            Value::from_big(acc)
        }
        ItCount => {
            let start = pos
                .first()
                .map(|v| int_arg(v, ""))
                .transpose()?
                .unwrap_or(0);
            let step = pos.get(1).map(|v| int_arg(v, "")).transpose()?.unwrap_or(1);
            Value::Iter(Rc::new(RefCell::new(Iter::Count(start, step))))
        }
        ItIslice => {
            let src = ops::iter(it, a0()?)?;
            let (start, stop, step) = match pos.len() {
                2 => (0, pos[1].clone(), 1),
                _ => (
                    pos.get(1)
                        .map(|v| if v.is_none() { Ok(0) } else { int_arg(v, "") })
                        .transpose()?
                        .unwrap_or(0),
                    pos.get(2).cloned().unwrap_or(Value::None),
                    pos.get(3)
                        .map(|v| if v.is_none() { Ok(1) } else { int_arg(v, "") })
                        .transpose()?
                        .unwrap_or(1),
                ),
            };
            let stop = if stop.is_none() {
                i64::MAX
            } else {
                int_arg(&stop, "")?
            };
            let mut out = Vec::new();
            let mut i = 0i64;
            while i < stop {
                let Some(x) = ops::next(it, &src)? else { break };
                if i >= start && (i - start) % step.max(1) == 0 {
                    out.push(x);
                }
                i += 1;
                if out.len() > super::interp::MAX_ITEMS {
                    return Err(Exc::bare(T::MemoryError));
                }
            }
            Value::Iter(Rc::new(RefCell::new(Iter::Seq(Rc::from(out), 0))))
        }
        ItChain => {
            let mut out = Vec::new();
            for p in &pos {
                out.extend(ops::to_vec(it, p)?);
            }
            Value::Iter(Rc::new(RefCell::new(Iter::Seq(Rc::from(out), 0))))
        }
        ItRepeat => {
            let n = pos
                .get(1)
                .map(|v| int_arg(v, ""))
                .transpose()?
                .unwrap_or(1)
                .clamp(0, 10_000_000);
            Value::Iter(Rc::new(RefCell::new(Iter::Seq(
                Rc::from(vec![a0()?.clone(); n as usize]),
                0,
            ))))
        }
        ItProduct | ItPermutations | ItCombinations | ItPairwise | ItAccumulate | ItZipLongest
        | ItStarmap | ItGroupby | ItCycle => {
            let out = itertools(it, f, &pos, &kw)?;
            Value::Iter(Rc::new(RefCell::new(Iter::Seq(Rc::from(out), 0))))
        }
        JsonDumps => s(json_dumps(it, a0()?, kwarg(&kw, "indent"))?),
        JsonLoads => {
            let text = str_arg(a0()?, "the JSON object must be str")?;
            json_loads(it, &text)?
        }
        NativeCall => {
            // property.setter(f)
            match (&pos[0], pos.get(1)) {
                (Value::Property(p), Some(fset)) => {
                    Value::Property(Rc::new((p.0.clone(), fset.clone())))
                }
                _ => Value::None,
            }
        }
        other => {
            return Err(Exc::new(
                T::NotImplementedError,
                format!(
                    "{}() is not available in the playground",
                    other.short_name()
                ),
            ))
        }
    })
}

fn itertools(
    it: &Rc<Interp>,
    f: Builtin,
    pos: &[Value],
    kw: &[(Name, Value)],
) -> PyResult<Vec<Value>> {
    use Builtin::*;
    let cap = |n: usize| -> PyResult<()> {
        if n > 1_000_000 {
            Err(Exc::bare(T::MemoryError))
        } else {
            Ok(())
        }
    };
    Ok(match f {
        ItProduct => {
            let pools: Vec<Vec<Value>> = pos
                .iter()
                .map(|p| ops::to_vec(it, p))
                .collect::<PyResult<_>>()?;
            let mut out: Vec<Vec<Value>> = vec![Vec::new()];
            for pool in pools {
                let mut next = Vec::new();
                for prefix in &out {
                    for x in &pool {
                        let mut t = prefix.clone();
                        t.push(x.clone());
                        next.push(t);
                    }
                }
                cap(next.len())?;
                out = next;
            }
            out.into_iter().map(Value::tuple).collect()
        }
        ItPermutations | ItCombinations => {
            let pool = ops::to_vec(it, &pos[0])?;
            let n = pool.len();
            let r = match pos.get(1).or(kwarg(kw, "r")) {
                Some(Value::None) | None => n,
                Some(v) => int_arg(v, "")?.max(0) as usize,
            };
            let mut out = Vec::new();
            let mut stack: Vec<Vec<usize>> = vec![Vec::new()];
            while let Some(cur) = stack.pop() {
                if cur.len() == r {
                    out.push(Value::tuple(cur.iter().map(|&i| pool[i].clone()).collect()));
                    cap(out.len())?;
                    continue;
                }
                let start = if f == ItCombinations {
                    cur.last().map_or(0, |l| l + 1)
                } else {
                    0
                };
                for i in (start..n).rev() {
                    if f == ItPermutations && cur.contains(&i) {
                        continue;
                    }
                    let mut nx = cur.clone();
                    nx.push(i);
                    stack.push(nx);
                }
            }
            out
        }
        ItPairwise => {
            let v = ops::to_vec(it, &pos[0])?;
            v.windows(2).map(|w| Value::tuple(w.to_vec())).collect()
        }
        ItAccumulate => {
            let v = ops::to_vec(it, &pos[0])?;
            let func = pos.get(1).cloned().filter(|x| !x.is_none());
            let mut out = Vec::new();
            let mut acc: Option<Value> = kwarg(kw, "initial").cloned();
            if let Some(a) = &acc {
                out.push(a.clone());
            }
            for x in v {
                acc = Some(match acc {
                    None => x,
                    Some(a) => match &func {
                        Some(fu) => it.call_sync(fu.clone(), vec![a, x], Vec::new())?,
                        None => ops::binop(it, super::ast::BinOp::Add, a, x)?,
                    },
                });
                out.push(acc.clone().unwrap_or(Value::None));
            }
            out
        }
        ItZipLongest => {
            let lists: Vec<Vec<Value>> = pos
                .iter()
                .map(|p| ops::to_vec(it, p))
                .collect::<PyResult<_>>()?;
            let fill = kwarg(kw, "fillvalue").cloned().unwrap_or(Value::None);
            let n = lists.iter().map(Vec::len).max().unwrap_or(0);
            (0..n)
                .map(|i| {
                    Value::tuple(
                        lists
                            .iter()
                            .map(|l| l.get(i).cloned().unwrap_or_else(|| fill.clone()))
                            .collect(),
                    )
                })
                .collect()
        }
        ItStarmap => {
            let func = pos[0].clone();
            let mut out = Vec::new();
            for args in ops::to_vec(it, &pos[1])? {
                out.push(it.call_sync(func.clone(), ops::to_vec(it, &args)?, Vec::new())?);
            }
            out
        }
        ItGroupby => {
            let v = ops::to_vec(it, &pos[0])?;
            let key = pos
                .get(1)
                .or(kwarg(kw, "key"))
                .cloned()
                .filter(|x| !x.is_none());
            let mut out: Vec<Value> = Vec::new();
            let mut cur: Option<(Value, Vec<Value>)> = None;
            for x in v {
                let k = match &key {
                    Some(kf) => it.call_sync(kf.clone(), vec![x.clone()], Vec::new())?,
                    None => x.clone(),
                };
                match &mut cur {
                    Some((ck, items)) if ops::eq(it, ck, &k)? => items.push(x),
                    _ => {
                        if let Some((ck, items)) = cur.take() {
                            out.push(Value::tuple(vec![
                                ck,
                                Value::Iter(Rc::new(RefCell::new(Iter::Seq(Rc::from(items), 0)))),
                            ]));
                        }
                        cur = Some((k, vec![x]));
                    }
                }
            }
            if let Some((ck, items)) = cur {
                out.push(Value::tuple(vec![
                    ck,
                    Value::Iter(Rc::new(RefCell::new(Iter::Seq(Rc::from(items), 0)))),
                ]));
            }
            out
        }
        _ => {
            return Err(Exc::new(
                T::NotImplementedError,
                "itertools.cycle is not available in the playground",
            ));
        }
    })
}

fn loop_call(
    it: &Rc<Interp>,
    f: Builtin,
    pos: Vec<Value>,
    kw: Vec<(Name, Value)>,
) -> PyResult<Value> {
    use Builtin::*;
    // pos[0] is the loop object.
    let args = &pos[1.min(pos.len())..];
    Ok(match f {
        LoopTime => Value::Float(it.now_ns() as f64 / 1e9),
        LoopCallSoon => {
            let func = need(args, 0, "call_soon")?.clone();
            let h = Rc::new(super::value::Handle::default());
            it.call_soon(super::interp::Job::Call(
                func,
                args[1..].to_vec(),
                Some(h.clone()),
            ));
            Value::Handle(h)
        }
        LoopCallLater | LoopCallAt => {
            let t = float_arg(need(args, 0, "call_later")?, "")?;
            let func = need(args, 1, "call_later")?.clone();
            let job = super::interp::Job::Call(func, args[2..].to_vec(), None);
            let h = if f == LoopCallLater {
                it.call_later(t * 1000.0, job)
            } else {
                it.call_at(t * 1000.0, job)
            };
            Value::Handle(h)
        }
        LoopCreateTask => {
            let c = coro_arg(it, need(args, 0, "create_task")?, "")?;
            let name = kwarg(&kw, "name")
                .filter(|v| !v.is_none())
                .map(|v| str_of(it, v))
                .transpose()?;
            Value::Fut(it.create_task(c, name.map(Rc::from))?)
        }
        LoopCreateFuture => Value::Fut(Fut::new()),
        LoopRunInExecutor => {
            let func = need(args, 1, "run_in_executor")?.clone();
            return super::modules::run_in_executor(it, func, args[2..].to_vec());
        }
        LoopIsRunning => Value::Bool(it.lp.running.get()),
        LoopGetDebug => Value::Bool(false),
        LoopSetDebug => Value::None,
        LoopIsClosed => Value::Bool(false),
        LoopRunUntilComplete | LoopRunForever => {
            if it.lp.running.get() {
                return Err(Exc::new(
                    T::RuntimeError,
                    "This event loop is already running",
                ));
            }
            return Err(Exc::new(
                T::RuntimeError,
                "loop.run_forever() is not available in the playground: use asyncio.run(main())",
            ));
        }
        LoopStopB => {
            it.stop_loop();
            Value::None
        }
        LoopClose => {
            if it.lp.running.get() {
                return Err(Exc::new(
                    T::RuntimeError,
                    "Cannot close a running event loop",
                ));
            }
            Value::None
        }
        _ => Value::None,
    })
}

fn json_dumps(it: &Rc<Interp>, v: &Value, indent: Option<&Value>) -> PyResult<String> {
    let ind = match indent {
        Some(Value::Int(n)) => Some(*n as usize),
        _ => None,
    };
    let mut out = String::new();
    json_write(it, v, ind, 0, &mut out)?;
    Ok(out)
}

fn json_write(
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

fn json_value(_it: &Rc<Interp>, j: &crate::core::json::Json) -> PyResult<Value> {
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

impl Interp {
    /// An exception from a value given to `set_exception` / `throw`.
    pub fn call_sync_make_exc(self: &Rc<Self>, v: Value) -> PyResult<Exc> {
        match &v {
            Value::Instance(i) if i.exc.is_some() => Ok(Exc(v)),
            Value::Class(c) if c.is_exception => {
                Ok(Exc(self.call_sync(v.clone(), Vec::new(), Vec::new())?))
            }
            _ => Err(Exc::new(
                T::TypeError,
                "exceptions must derive from BaseException",
            )),
        }
    }
}
