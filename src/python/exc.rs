//! Exceptions and the built-in classes.
//!
//! The built-in classes (types and exception classes) are made once per
//! thread and shared by every interpreter on it: a program cannot change
//! them. An exception is an instance of an exception class carrying
//! [`ExcData`]: its args, its traceback, its cause and context.

use std::cell::RefCell;
use std::rc::Rc;

use super::builtins::Builtin;
use super::value::{Class, FastMap, Instance, Value};

/// What an exception carries besides its attributes.
#[derive(Clone, Debug, Default)]
pub struct ExcData {
    /// `e.args`.
    pub args: Vec<Value>,
    /// Frames it passed through, innermost last: (function name, line).
    pub traceback: Vec<(Rc<str>, u32)>,
    /// `raise ... from cause`.
    pub cause: Option<Value>,
    /// The exception being handled when this one was raised.
    pub context: Option<Value>,
    /// `raise ... from ...` suppresses the context in tracebacks.
    pub suppress_context: bool,
    /// Whether someone retrieved it (for "Task exception was never retrieved").
    pub retrieved: bool,
    /// The frame (its address) whose entry is the last of `traceback`
    /// because an `except` there caught it: leaving that frame again (a
    /// re-raise) adds no second entry, as in CPython.
    pub caught_in: usize,
}

/// An exception in flight: an exception instance.
#[derive(Clone, Debug)]
pub struct Exc(pub Value);

/// A result whose error is a Python exception.
pub type PyResult<T> = Result<T, Exc>;

macro_rules! classes {
    ($( $var:ident = $name:literal : $base:ident $(, $exc:ident)? ;)*) => {
        /// The built-in classes.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum T { $($var),* }

        const ALL: &[(T, &str, T, bool)] = &[ $( (T::$var, $name, T::$base, classes!(@exc $($exc)?)) ),* ];
    };
    (@exc) => { false };
    (@exc exc) => { true };
}

classes! {
    Object = "object": Object;
    Type = "type": Object;
    Int = "int": Object;
    Bool = "bool": Int;
    Float = "float": Object;
    Complex = "complex": Object;
    Str = "str": Object;
    Bytes = "bytes": Object;
    List = "list": Object;
    Tuple = "tuple": Object;
    Dict = "dict": Object;
    Set = "set": Object;
    FrozenSet = "frozenset": Object;
    Range = "range": Object;
    Slice = "slice": Object;
    NoneType = "NoneType": Object;
    Function = "function": Object;
    BuiltinFunction = "builtin_function_or_method": Object;
    Method = "method": Object;
    Module = "module": Object;
    Coroutine = "coroutine": Object;
    Generator = "generator": Object;
    AsyncGenerator = "async_generator": Object;
    Property = "property": Object;
    StaticMethod = "staticmethod": Object;
    ClassMethod = "classmethod": Object;
    Super = "super": Object;
    Iterator = "iterator": Object;
    Future = "Future": Object;
    Task = "Task": Future;
    Handle = "TimerHandle": Object;
    BaseException = "BaseException": Object, exc;
    Exception = "Exception": BaseException, exc;
    ArithmeticError = "ArithmeticError": Exception, exc;
    ZeroDivisionError = "ZeroDivisionError": ArithmeticError, exc;
    OverflowError = "OverflowError": ArithmeticError, exc;
    AssertionError = "AssertionError": Exception, exc;
    AttributeError = "AttributeError": Exception, exc;
    LookupError = "LookupError": Exception, exc;
    IndexError = "IndexError": LookupError, exc;
    KeyError = "KeyError": LookupError, exc;
    NameError = "NameError": Exception, exc;
    UnboundLocalError = "UnboundLocalError": NameError, exc;
    RuntimeError = "RuntimeError": Exception, exc;
    NotImplementedError = "NotImplementedError": RuntimeError, exc;
    RecursionError = "RecursionError": RuntimeError, exc;
    StopIteration = "StopIteration": Exception, exc;
    StopAsyncIteration = "StopAsyncIteration": Exception, exc;
    TypeError = "TypeError": Exception, exc;
    ValueError = "ValueError": Exception, exc;
    UnicodeError = "UnicodeError": ValueError, exc;
    OSError = "OSError": Exception, exc;
    ConnectionError = "ConnectionError": OSError, exc;
    ConnectionRefusedError = "ConnectionRefusedError": ConnectionError, exc;
    ConnectionResetError = "ConnectionResetError": ConnectionError, exc;
    TimeoutError = "TimeoutError": OSError, exc;
    FileNotFoundError = "FileNotFoundError": OSError, exc;
    MemoryError = "MemoryError": Exception, exc;
    ImportError = "ImportError": Exception, exc;
    ModuleNotFoundError = "ModuleNotFoundError": ImportError, exc;
    KeyboardInterrupt = "KeyboardInterrupt": BaseException, exc;
    SystemExit = "SystemExit": BaseException, exc;
    GeneratorExit = "GeneratorExit": BaseException, exc;
    BaseExceptionGroup = "BaseExceptionGroup": BaseException, exc;
    ExceptionGroup = "ExceptionGroup": BaseExceptionGroup, exc;
    Warning = "Warning": Exception, exc;
    UserWarning = "UserWarning": Warning, exc;
    RuntimeWarning = "RuntimeWarning": Warning, exc;
    DeprecationWarning = "DeprecationWarning": Warning, exc;
    CancelledError = "CancelledError": BaseException, exc;
    InvalidStateError = "InvalidStateError": Exception, exc;
}

thread_local! {
    static CLASSES: Vec<Rc<Class>> = make_classes();
}

fn make_classes() -> Vec<Rc<Class>> {
    let mut out: Vec<Rc<Class>> = Vec::with_capacity(ALL.len());
    for &(t, name, base, is_exc) in ALL {
        let bases = if t == T::Object {
            Vec::new()
        } else {
            vec![out[base as usize].clone()]
        };
        let module: Rc<str> = match t {
            T::CancelledError | T::InvalidStateError => "asyncio.exceptions".into(),
            T::Future => "_asyncio".into(),
            T::Task => "_asyncio".into(),
            _ => "builtins".into(),
        };
        let c = Rc::new(Class {
            name: name.into(),
            qualname: name.into(),
            bases: bases.clone(),
            mro: RefCell::new(Vec::new()),
            dict: RefCell::new(FastMap::default()),
            builtin: Some(Builtin::Type(t)),
            is_exception: is_exc,
            def: None,
            module,
        });
        let mut mro = vec![c.clone()];
        if let Some(b) = bases.first() {
            mro.extend(b.mro.borrow().iter().cloned());
        }
        if t == T::ExceptionGroup {
            // class ExceptionGroup(BaseExceptionGroup, Exception)
            let exception = out[T::Exception as usize].clone();
            mro.insert(2, exception);
        }
        *c.mro.borrow_mut() = mro;
        out.push(c);
    }
    out
}

/// The built-in class `t`.
pub fn class(t: T) -> Rc<Class> {
    CLASSES.with(|c| c[t as usize].clone())
}

/// Which built-in class this is, if it is one.
pub fn builtin_of(c: &Class) -> Option<T> {
    match c.builtin {
        Some(Builtin::Type(t)) => Some(t),
        _ => None,
    }
}

/// Whether class `c` is, or derives from, the built-in class `t`.
pub fn is_sub(c: &Class, t: T) -> bool {
    CLASSES.with(|all| {
        let target = &all[t as usize];
        c.mro.borrow().iter().any(|k| Rc::ptr_eq(k, target))
    })
}

/// A new exception instance of class `c` with `args`.
pub fn new_exc(c: Rc<Class>, args: Vec<Value>) -> Value {
    Value::Instance(Rc::new(Instance {
        class: c,
        dict: RefCell::new(Default::default()),
        exc: Some(RefCell::new(ExcData {
            args,
            ..ExcData::default()
        })),
    }))
}

impl Exc {
    /// An exception of built-in class `t` with one message argument.
    pub fn new(t: T, msg: impl Into<String>) -> Exc {
        let msg: String = msg.into();
        Exc(new_exc(class(t), vec![Value::Str(Rc::from(msg.as_str()))]))
    }

    /// An exception of built-in class `t` without arguments.
    pub fn bare(t: T) -> Exc {
        Exc(new_exc(class(t), Vec::new()))
    }

    /// An exception of class `t` with `args`.
    pub fn with_args(t: T, args: Vec<Value>) -> Exc {
        Exc(new_exc(class(t), args))
    }

    /// The exception's class.
    pub fn class(&self) -> Rc<Class> {
        match &self.0 {
            Value::Instance(i) => i.class.clone(),
            _ => class(T::BaseException),
        }
    }

    /// Whether it is an instance of built-in class `t` (or a subclass).
    pub fn is(&self, t: T) -> bool {
        is_sub(&self.class(), t)
    }

    /// Its args.
    pub fn args(&self) -> Vec<Value> {
        self.0
            .exc_data()
            .map(|d| d.borrow().args.clone())
            .unwrap_or_default()
    }

    /// Adds a traceback entry (as the exception leaves a frame).
    pub fn add_frame(&self, name: &Rc<str>, line: u32) {
        if let Some(d) = self.0.exc_data() {
            d.borrow_mut().traceback.push((name.clone(), line));
        }
    }

    /// Adds the entry of frame `at` (an address) as the exception leaves
    /// it, unless an `except` in that frame added it already.
    pub fn leave_frame(&self, at: usize, name: &Rc<str>, line: u32) {
        if let Some(d) = self.0.exc_data() {
            let mut d = d.borrow_mut();
            if d.caught_in != at {
                d.traceback.push((name.clone(), line));
            }
            d.caught_in = 0;
        }
    }

    /// An `except` in frame `at` caught it: the traceback reaches that
    /// frame's line (CPython's traceback includes the catching frame).
    pub fn caught_in(&self, at: usize, name: &Rc<str>, line: u32) {
        if let Some(d) = self.0.exc_data() {
            let mut d = d.borrow_mut();
            if d.caught_in != at {
                d.traceback.push((name.clone(), line));
                d.caught_in = at;
            }
        }
    }

    /// Whether it is the same exception object as `other`.
    pub fn same(&self, other: &Exc) -> bool {
        self.0.is(&other.0)
    }
}

/// Shorthand: `Err(Exc::new(t, msg))`.
pub fn err<V>(t: T, msg: impl Into<String>) -> PyResult<V> {
    Err(Exc::new(t, msg))
}
