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

mod args;
mod asyncio;
mod attrs;
mod construct;
mod functions;
mod json;
mod json_decode;
mod math_more;
mod methods;
mod modules;
mod numbers;
mod sorting;
mod strings;
use args::*;
pub use asyncio::*;
pub use attrs::*;
pub use construct::*;
/// Calls a built-in that does not suspend (see [`suspends`]).
pub use functions::call_sync as call_now;
use functions::*;
pub use json::*;
use methods::*;
use modules::*;
use numbers::*;
pub use sorting::*;
pub use strings::*;

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
    ExcAddNote = "add_note", ExcSplit = "split", ExcSubgroup = "subgroup", ExcDerive = "derive",
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
    BytesDecode = "decode", StrMaketrans = "maketrans", StrTranslate = "translate",
    BytesHex = "hex", FloatFromhex = "fromhex", TypeMro = "mro",
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
    IntBitLength = "bit_length", IntBitCount = "bit_count", IntToBytes = "to_bytes", IntFromBytes = "from_bytes", FloatIsInteger = "is_integer", Conjugate = "conjugate",
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
    AioWakeFirst = "_wake_first",
    // time
    TimeTime = "time", TimeMonotonic = "monotonic", TimePerfCounter = "perf_counter",
    TimeSleep = "sleep", TimeTimeNs = "time_ns", TimeMonotonicNs = "monotonic_ns",
    TimePerfCounterNs = "perf_counter_ns",
    // random
    RandRandom = "random", RandRandint = "randint", RandUniform = "uniform",
    RandChoice = "choice", RandShuffle = "shuffle", RandSample = "sample", RandSeed = "seed",
    RandRandrange = "randrange", RandGauss = "gauss", RandChoices = "choices",
    RandExpovariate = "expovariate", RandGetrandbits = "getrandbits", RandTriangular = "triangular",
    RandGetstate = "getstate", RandSetstate = "setstate",
    RandNormalvariate = "normalvariate",
    // math
    MathSqrt = "sqrt", MathFloor = "floor", MathCeil = "ceil", MathLog = "log", MathExp = "exp",
    MathIsclose = "isclose", MathFabs = "fabs", MathPow = "pow", MathGcd = "gcd",
    MathIsnan = "isnan", MathIsinf = "isinf", MathSin = "sin", MathCos = "cos", MathLog2 = "log2",
    MathLog10 = "log10", MathTrunc = "trunc", MathProd = "prod", MathFactorial = "factorial",
    MathHypot = "hypot", MathFsum = "fsum", MathIsfinite = "isfinite", MathTan = "tan",
    MathAtan = "atan", MathAsin = "asin", MathAcos = "acos", MathSinh = "sinh", MathCosh = "cosh",
    MathTanh = "tanh", MathDegrees = "degrees", MathRadians = "radians", MathExpm1 = "expm1",
    MathLog1p = "log1p", MathCbrt = "cbrt", MathAtan2 = "atan2", MathCopysign = "copysign",
    MathFmod = "fmod", MathLdexp = "ldexp",
    // itertools and others
    ItCount = "count", ItIslice = "islice", ItChain = "chain", ItCycle = "cycle",
    ItRepeat = "repeat", ItProduct = "product", ItPermutations = "permutations",
    ItCombinations = "combinations", ItAccumulate = "accumulate", ItGroupby = "groupby",
    ItZipLongest = "zip_longest", ItPairwise = "pairwise", ItStarmap = "starmap",
    JsonDumps = "dumps", JsonLoads = "loads", SysExit = "exit", StreamWrite = "write",
    StreamFlush = "flush", NativeCall = "__call__", ObjectSetattr = "__setattr__", AioHttp = "_http", MakeClass = "_make_class",
    NewInstance = "_new_instance", BodyNames = "_body_names",
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

// ----- argument helpers -----

/// Writes printed text: complete lines become events.
pub fn write_out(it: &Rc<Interp>, text: &str, err: bool) -> PyResult<()> {
    let buf = if err { &it.err_buf } else { &it.out_buf };
    // The usual `print(x)`: one whole line and nothing pending.
    if let Some(line) = text.strip_suffix('\n') {
        if !line.contains('\n') && buf.borrow().is_empty() {
            return out_line(it, line.to_string(), err);
        }
    }
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
        out_line(it, line, err)?;
    }
    Ok(())
}

/// Records one printed line (stdout or stderr), within the output limit.
fn out_line(it: &Rc<Interp>, line: String, err: bool) -> PyResult<()> {
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
    Ok(())
}

/// Whether calling the built-in `f` may suspend (only these go through
/// [`call`]'s boxed future).
pub fn suspends(f: Builtin) -> bool {
    matches!(
        f,
        Builtin::AioRun | Builtin::LoopRunUntilComplete | Builtin::Anext
    )
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
