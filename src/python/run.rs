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
    /// Jitter on every `asyncio.sleep` and mock-API latency ("Explore
    /// timings"); `None`: durations as written.
    pub jitter: Option<crate::core::explore::JitterSpec>,
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

/// Runs `source` to its end on the virtual clock (see
/// [`crate::runtime::python_host::run_virtual`]).
pub fn run_virtual(source: &str) -> Outcome {
    crate::runtime::python_host::run_virtual(source)
}

impl Program {
    /// The lane name of the program's entry coroutine: the call given to
    /// `asyncio.run(...)` at module level (or under `if __name__ ==
    /// "__main__":`), `main()` if none is found.
    pub fn entry_name(&self) -> String {
        use super::ast::{Arg, ExprKind, StmtKind};
        fn find(body: &[super::ast::Stmt]) -> Option<String> {
            for s in body {
                match &s.kind {
                    StmtKind::Expr(e) => {
                        if let ExprKind::Call(f, args) = &e.kind {
                            if let ExprKind::Attribute(m, name) = &f.kind {
                                if &**name == "run"
                                    && matches!(&m.kind, ExprKind::Name(n) if &**n == "asyncio")
                                {
                                    if let Some(Arg::Pos(c)) = args.first() {
                                        if let ExprKind::Call(g, cargs) = &c.kind {
                                            if let ExprKind::Name(n) = &g.kind {
                                                let simple: Vec<String> = cargs
                                                    .iter()
                                                    .filter_map(|a| match a {
                                                        Arg::Pos(x) => match &x.kind {
                                                            ExprKind::Int(i) => Some(i.to_string()),
                                                            ExprKind::Str(s) => Some(
                                                                format!("{s:?}").replace('"', "'"),
                                                            ),
                                                            _ => None,
                                                        },
                                                        _ => None,
                                                    })
                                                    .collect();
                                                return Some(format!("{n}({})", simple.join(", ")));
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    StmtKind::If { body, orelse, .. } => {
                        if let Some(n) = find(body).or_else(|| find(orelse)) {
                            return Some(n);
                        }
                    }
                    _ => {}
                }
            }
            None
        }
        find(&self.module.body).unwrap_or_else(|| "main()".to_string())
    }
}
