//! Number formatting exactly as CPython 3.11 does it: pure helpers the
//! interpreter's builtins call.
//!
//! - [`float_repr`]: `repr(float)` / `str(float)` (shortest round-trip digits).
//! - [`parse_spec`], [`format_float`], [`format_int`], [`format_str`]: the
//!   format-spec mini-language of `format()`, f-strings and `str.format`
//!   (ports of CPython's `Python/formatter_unicode.c` and
//!   `Python/pystrtod.c`).
//! - [`percent_format`]: `'%s %d' % (...)` (port of `PyUnicode_Format`).
//! - [`round_float`], [`round_int`]: `round()`.
//! - [`int_to_str`], [`int_from_str`], [`float_from_str`], [`str_repr`]:
//!   `str(int)`, `int(s, base)`, `float(s)`, `repr(str)`.
//!
//! Every digit comes from the *exact* decimal expansion of the double (a
//! small big-integer routine below), rounded half-to-even, as David Gay's
//! `dtoa` does for CPython; shortest digits come from Rust's `{:e}`, which is
//! the same shortest-and-closest string `repr` produces. Nothing here panics
//! on any input: outputs longer than [`MAX_OUTPUT`] characters are refused
//! with a `MemoryError` instead of being allocated.
//!
//! Errors are [`BuiltinError`]s: the Python exception class CPython raises
//! ([`ErrorKind`]) and its exact message.
//!
//! The C locale is assumed (CPython never calls `setlocale(LC_NUMERIC)`), so
//! the `n` presentation type groups nothing and uses `.`. Only ASCII digits
//! are accepted in widths, precisions and `int()`/`float()` strings (CPython
//! also accepts other Unicode decimal digits).

use std::fmt;

mod digits;
mod percent;
mod round;
mod spec;
mod text;
pub use digits::*;
pub use percent::*;
pub use round::*;
pub use spec::*;
pub use text::*;

/// The longest string any helper here will build (characters). Longer
/// requests (a width of `10**9`, `'%.999999999f'`) fail with a `MemoryError`.
pub const MAX_OUTPUT: usize = 10_000_000;

/// The Python exception class of a [`BuiltinError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// `ValueError`
    ValueError,
    /// `TypeError`
    TypeError,
    /// `OverflowError`
    OverflowError,
    /// `MemoryError` (the playground's cap on output size, see [`MAX_OUTPUT`])
    MemoryError,
    /// `IndexError` (used by [`crate::python::random`])
    IndexError,
    /// `ZeroDivisionError` (used by [`crate::python::random`])
    ZeroDivisionError,
}

impl ErrorKind {
    /// The Python class name, e.g. `"ValueError"`.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::ValueError => "ValueError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::OverflowError => "OverflowError",
            ErrorKind::MemoryError => "MemoryError",
            ErrorKind::IndexError => "IndexError",
            ErrorKind::ZeroDivisionError => "ZeroDivisionError",
        }
    }
}

/// A Python exception raised by a builtin: its class and CPython's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuiltinError {
    /// The exception class.
    pub kind: ErrorKind,
    /// The message, exactly as CPython words it (`str(exc)`).
    pub message: String,
}

impl BuiltinError {
    /// A new error of `kind` with `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        BuiltinError {
            kind,
            message: message.into(),
        }
    }
}

impl fmt::Display for BuiltinError {
    /// `ValueError: message`, as a traceback's last line shows it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.message.is_empty() {
            write!(f, "{}", self.kind.name())
        } else {
            write!(f, "{}: {}", self.kind.name(), self.message)
        }
    }
}

impl std::error::Error for BuiltinError {}

impl From<BuiltinError> for String {
    fn from(e: BuiltinError) -> String {
        e.message
    }
}

type Res<T> = Result<T, BuiltinError>;

fn value_error<T>(msg: impl Into<String>) -> Res<T> {
    Err(BuiltinError::new(ErrorKind::ValueError, msg))
}

fn type_error<T>(msg: impl Into<String>) -> Res<T> {
    Err(BuiltinError::new(ErrorKind::TypeError, msg))
}

fn overflow_error<T>(msg: impl Into<String>) -> Res<T> {
    Err(BuiltinError::new(ErrorKind::OverflowError, msg))
}

fn too_long<T>(n: u128) -> Res<T> {
    Err(BuiltinError::new(
        ErrorKind::MemoryError,
        format!("a {n}-character string is more than the playground allows ({MAX_OUTPUT})"),
    ))
}

fn check_len(n: u128) -> Res<()> {
    if n > MAX_OUTPUT as u128 {
        too_long(n)
    } else {
        Ok(())
    }
}
