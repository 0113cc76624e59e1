//! The asyncio interpreter: pure Rust, no web-sys.
//!
//! - [`ast`]: the syntax tree, a position on every node.
//! - [`parser`] (with its lexer): source to tree, CPython's errors.
//! - [`syntax_error`]: a program that cannot start, rendered as CPython does.

pub mod ast;
pub mod lexer;
pub mod parser;
pub mod run;
pub mod syntax_error;

pub use run::{compile, run_virtual, OutLine, Outcome, Program, RunOptions};
