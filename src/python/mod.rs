//! The asyncio interpreter: pure Rust, no web-sys.
//!
//! - [`ast`]: the syntax tree, a position on every node.
//! - [`lexer`], [`parser`]: source to tree, CPython 3.11's errors and
//!   compile-time checks.
//! - [`interp`]: the evaluator (an async tree-walker) and CPython's event
//!   loop; [`coro`], [`future`]: coroutines, generators, futures, tasks.
//! - [`value`], [`exc`], [`ops`], [`iter`], [`builtins`], [`modules`]: the
//!   object model, exceptions, operations, builtins and modules (the
//!   Python parts of asyncio and the stdlib are in `prelude/`).
//! - [`host`]: what the interpreter needs from the run it lives in.
//! - [`parser`] (with its lexer): source to tree, CPython's errors.
//! - [`bigint`]: arbitrary-precision ints (beyond i64).
//! - [`format`]: number formatting, `format()` specs, `%`, `round()`, `int()`/`float()` parsing.
//! - [`random`]: CPython's `random` module (MT19937), bit for bit.
//! - [`syntax_error`]: a program that cannot start, rendered as CPython does.

pub mod ast;
pub mod bigint;
pub mod builtins;
pub mod complex;
pub mod coro;
pub mod exc;
pub mod format;
pub mod future;
pub mod host;
pub mod interp;
pub mod iter;
pub mod lexer;
pub mod modules;
pub mod ops;
pub mod parser;
pub mod random;
pub mod run;
pub mod setorder;
pub mod syntax_error;
pub mod value;

pub use interp::set_stack_probe;
pub use run::{compile, run_virtual, OutLine, Outcome, Program, RunOptions};
