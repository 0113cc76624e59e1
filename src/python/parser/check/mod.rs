//! CPython's compile-time checks after parsing: first its symbol table
//! (`Python/symtable.c`: `global`/`nonlocal` rules, duplicate arguments,
//! `yield` in comprehensions, walrus rules), then its compiler
//! (`Python/compile.c`: `return`/`yield`/`await` placement, loops,
//! `async` statements, starred expressions, repeated keywords).

use crate::python::ast::*;
use crate::python::parser::Side;
use crate::python::syntax_error::SyntaxError;

mod compiler;
mod symtable;
use compiler::*;
use symtable::*;

type CResult = Result<(), SyntaxError>;

fn err(pos: Pos, msg: impl Into<String>) -> SyntaxError {
    SyntaxError::new(msg, pos.line, pos.col + 1)
}

/// Runs both passes.
pub(crate) fn check(m: &Module, side: &Side) -> CResult {
    let mut st = Symtable {
        scopes: vec![Scope::new(Block::Module)],
        stack: vec![0],
        side,
    };
    for s in &m.body {
        st.stmt(s)?;
    }
    st.analyze(0, None)?;
    let mut c = Compiler {
        side,
        units: vec![Unit {
            kind: UnitKind::Module,
            loops: 0,
            blocks: Vec::new(),
        }],
        scope_ix: 0,
        st: &st,
        next_scope: 1,
    };
    for s in &m.body {
        c.stmt(s)?;
    }
    Ok(())
}
