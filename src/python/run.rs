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
    /// The lanes (task names), in the order they started.
    pub lanes: Vec<String>,
}

/// Runs `source` to its end on the virtual clock (see
/// [`crate::runtime::python_host::run_virtual`]).
pub fn run_virtual(source: &str) -> Outcome {
    crate::runtime::python_host::run_virtual(source)
}

impl Program {
    /// The lane name of the program's run: the coroutine call given to the
    /// first `asyncio.run(...)` (or `loop.run_until_complete(...)`) the
    /// module's own statements make (`asyncio.run(main())`,
    /// `print(asyncio.run(crawl(8)))`, under `if __name__ == "__main__":` or
    /// a `try`), with its literal arguments: `crawl(8)`. A module that starts
    /// no loop itself is `<module>`, as its traceback frames name it.
    pub fn entry_name(&self) -> String {
        use super::ast::{Arg, Expr, ExprKind, Stmt, StmtKind};
        /// `name(1, 'a')` for a call of a plain name, literal arguments only.
        fn call_text(c: &Expr) -> Option<String> {
            let ExprKind::Call(g, cargs) = &c.kind else {
                return None;
            };
            let ExprKind::Name(n) = &g.kind else {
                return None;
            };
            let simple: Vec<String> = cargs
                .iter()
                .filter_map(|a| match a {
                    Arg::Pos(x) => match &x.kind {
                        ExprKind::Int(i) => Some(i.to_string()),
                        ExprKind::Str(s) => Some(format!("{s:?}").replace('"', "'")),
                        _ => None,
                    },
                    _ => None,
                })
                .collect();
            Some(format!("{n}({})", simple.join(", ")))
        }
        /// The entry call in an expression: `asyncio.run(X)` or
        /// `<anything>.run_until_complete(X)`, looked for in calls' callees
        /// and arguments (`print(asyncio.run(main()))`).
        fn in_expr(e: &Expr) -> Option<String> {
            let ExprKind::Call(f, args) = &e.kind else {
                return None;
            };
            if let ExprKind::Attribute(m, name) = &f.kind {
                let runs = (&**name == "run"
                    && matches!(&m.kind, ExprKind::Name(n) if &**n == "asyncio"))
                    || &**name == "run_until_complete";
                if runs {
                    if let Some(Arg::Pos(c)) = args.first() {
                        return call_text(c);
                    }
                }
            }
            args.iter().find_map(|a| match a {
                Arg::Pos(x) | Arg::Kw(_, x) => in_expr(x),
                _ => None,
            })
        }
        fn find(body: &[Stmt]) -> Option<String> {
            body.iter().find_map(|s| match &s.kind {
                StmtKind::Expr(e) | StmtKind::Assign { value: e, .. } => in_expr(e),
                StmtKind::AnnAssign { value: Some(e), .. } => in_expr(e),
                StmtKind::If { body, orelse, .. } => find(body).or_else(|| find(orelse)),
                StmtKind::Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                } => find(body)
                    .or_else(|| handlers.iter().find_map(|h| find(&h.body)))
                    .or_else(|| find(orelse))
                    .or_else(|| find(finalbody)),
                StmtKind::With { body, .. } => find(body),
                _ => None,
            })
        }
        find(&self.module.body).unwrap_or_else(|| "<module>".to_string())
    }
}
