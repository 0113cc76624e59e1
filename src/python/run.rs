//! The interpreter's front door: compile a program, run it on a run's
//! clock, or run it on the virtual clock and collect what it printed (the
//! form the CPython oracle gives, for differential tests).

use std::rc::Rc;

use super::ast::Module;
use super::parser::parse;
use super::syntax_error::SyntaxError;

/// Options of one run of a program.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RunOptions {
    /// The seed of `random` (0 unless the page says otherwise), so a link
    /// reproduces a run.
    pub seed: u64,
}

/// A program that parsed and passed CPython's compile-time checks.
#[derive(Clone, Debug)]
pub struct Program {
    /// Its source.
    pub source: Rc<str>,
    /// Its tree.
    pub module: Rc<Module>,
}

/// Parses `source` and checks it as CPython's `compile()` would.
pub fn compile(source: &str) -> Result<Program, SyntaxError> {
    let module = parse(source)?;
    Ok(Program {
        source: source.into(),
        module: Rc::new(module),
    })
}

/// One printed line.
#[derive(Clone, Debug, PartialEq)]
pub struct OutLine {
    /// Scenario time, ms.
    pub at_ms: f64,
    /// `stdout` or `stderr`.
    pub stream: &'static str,
    /// The text, without its newline.
    pub text: String,
}

/// What a program printed and how it ended, as `scripts/oracle.py` reports
/// CPython's run.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Every line, in order.
    pub lines: Vec<OutLine>,
    /// `ok`, `error: <Type>: <message>`, `deadlock` or `limit`.
    pub ending: String,
}

/// Runs `source` to its end on the virtual clock.
pub fn run_virtual(source: &str) -> Outcome {
    match compile(source) {
        Err(e) => Outcome {
            lines: Vec::new(),
            ending: format!("error: {e}"),
        },
        Ok(_) => Outcome {
            lines: Vec::new(),
            ending: "error: RuntimeError: the evaluator is not built yet".into(),
        },
    }
}
