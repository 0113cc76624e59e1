//! The parser: tokens to [`ast`](super::ast), following CPython 3.11's
//! grammar (`Grammar/python.gram`) by recursive descent, with the messages,
//! lines and columns CPython gives for the mistakes learners make, and the
//! checks CPython's symbol table and compiler make before a program runs
//! (see [`check`]).
//!
//! CPython's parser fails at the furthest token it had to look at and then
//! reruns with extra rules for better messages; this parser tracks the
//! furthest token it peeked at ([`P::furthest`]) for the generic
//! `invalid syntax` and raises the specific messages where it meets them.

mod check;
mod expr;
mod pattern;
mod stmt;
mod strings;
mod targets;

use std::collections::HashMap;

use super::ast::{Module, Pos};
use super::lexer::{self, LexErrorKind, Tok, Token};
use super::syntax_error::{SyntaxError, SyntaxKind};

/// How deeply expressions may nest (brackets are capped at 200 by the
/// tokenizer, as in CPython); beyond it parsing stops with a `SyntaxError`
/// instead of exhausting the stack.
pub const MAX_DEPTH: u32 = 300;

/// How much stack (bytes) the parser lets itself use, measured from where
/// [`parse`] was entered: deep nesting stops with a `SyntaxError` before
/// the stack runs out. [`MAX_DEPTH`] bounds the nesting first in practice:
/// CPython's 200 nested brackets took more than 512 KiB in a native release
/// build (the budget was that, and `deep_nesting_is_refused_cleanly` failed
/// in `--release`); the wasm build's stack is 8 MiB.
const STACK_BUDGET: usize = 2048 * 1024;

/// An address on the current stack.
#[inline(never)]
fn stack_mark() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

type PResult<T> = Result<T, SyntaxError>;

/// Errors the parser finds but CPython raises later (in its symbol table or
/// compiler), kept until the tree is complete.
#[derive(Debug, Default)]
pub(crate) struct Side {
    /// `duplicate argument` errors, by the position of the function.
    pub dup_params: HashMap<Pos, SyntaxError>,
    /// `keyword argument repeated` errors, by the position of the repeated
    /// keyword's value.
    pub dup_kwargs: HashMap<Pos, SyntaxError>,
}

pub(crate) struct P<'a> {
    toks: &'a [Token],
    pos: usize,
    /// The furthest token index looked at.
    furthest: usize,
    /// Stands for the tokens past the tokenizer's error.
    dummy: &'a Token,
    /// Whether the parser looked past the tokenizer's last token.
    hit_end: bool,
    /// The last line any token looked at was on (lookaheads included).
    seen_line: u32,
    /// [`stack_mark`] when parsing began.
    stack_base: usize,
    /// An `unexpected indent` CPython raises without looking further.
    final_err: Option<SyntaxError>,
    depth: u32,
    /// Whether this parser reads an f-string expression.
    in_fstring: bool,
    /// Inside a lookahead that must not raise CPython's specific messages.
    no_invalid: bool,
    pub(crate) side: Side,
}

/// Parses a whole program, or says why CPython would not compile it.
pub fn parse(source: &str) -> Result<Module, SyntaxError> {
    let lexed = lexer::tokenize(source);
    let dummy = dummy_after(&lexed.tokens);
    let mut p = P::new(&lexed.tokens, &dummy);
    let result = p.file();
    match (result, lexed.error) {
        (Ok(body), None) => {
            let module = Module { body };
            check::check(&module, &p.side)?;
            Ok(module)
        }
        (Ok(_), Some(e)) => Err(e.err),
        (Err(perr), None) => Err(perr),
        (Err(perr), Some(_)) if p.final_err.as_ref() == Some(&perr) => Err(perr),
        (Err(perr), Some(lerr)) => Err(pick(perr, lerr, p.hit_end, p.seen_line)),
    }
}

/// CPython's choice between a parser error and a tokenizer error met later.
fn pick(perr: SyntaxError, lerr: lexer::LexError, reached: bool, seen_line: u32) -> SyntaxError {
    if reached {
        return lerr.err;
    }
    match lerr.kind {
        LexErrorKind::Raising => lerr.err,
        LexErrorKind::Quiet => perr,
        LexErrorKind::Unclosed { line } => {
            if perr.line.max(seen_line) > line {
                lerr.err
            } else {
                perr
            }
        }
    }
}

fn dummy_after(tokens: &[Token]) -> Token {
    let (line, col) = tokens.last().map_or((1, 0), |t| (t.end_line, t.end_col));
    Token {
        tok: Tok::Op("\u{0}"),
        line,
        col,
        end_line: line,
        end_col: col,
        level: 0,
    }
}

/// Whether a token can start an expression (`expression`, not `*x`).
fn starts_expr(t: &Tok) -> bool {
    match t {
        Tok::Name(n) => {
            !lexer::is_keyword(n)
                || matches!(&**n, "not" | "lambda" | "await" | "None" | "True" | "False")
        }
        Tok::Int(_) | Tok::BigInt(_) | Tok::Float(_) | Tok::Imag(_) | Tok::Str(_) => true,
        Tok::Op(o) => matches!(*o, "(" | "[" | "{" | "-" | "+" | "~" | "..."),
        _ => false,
    }
}

impl<'a> P<'a> {
    fn new(toks: &'a [Token], dummy: &'a Token) -> Self {
        P {
            toks,
            pos: 0,
            furthest: 0,
            dummy,
            hit_end: false,
            seen_line: 0,
            stack_base: stack_mark(),
            final_err: None,
            depth: 0,
            in_fstring: false,
            no_invalid: false,
            side: Side::default(),
        }
    }

    fn tok_at(&mut self, i: usize) -> &'a Token {
        if i > self.furthest {
            self.furthest = i;
        }
        match self.toks.get(i) {
            Some(t) => {
                self.seen_line = self.seen_line.max(t.line);
                t
            }
            None => {
                self.hit_end = true;
                self.dummy
            }
        }
    }

    fn peek(&mut self) -> &'a Token {
        self.tok_at(self.pos)
    }

    fn peek_tok(&mut self) -> &'a Tok {
        &self.peek().tok
    }

    fn nth(&mut self, n: usize) -> &'a Token {
        self.tok_at(self.pos + n)
    }

    fn bump(&mut self) -> &'a Token {
        let t = self.peek();
        if self.pos < self.toks.len() {
            self.pos += 1;
        }
        t
    }

    fn prev(&self) -> Option<&'a Token> {
        self.pos.checked_sub(1).and_then(|i| self.toks.get(i))
    }

    fn at_op(&mut self, op: &str) -> bool {
        matches!(self.peek_tok(), Tok::Op(o) if *o == op)
    }

    fn nth_is_op(&mut self, n: usize, op: &str) -> bool {
        matches!(&self.nth(n).tok, Tok::Op(o) if *o == op)
    }

    fn at_kw(&mut self, kw: &str) -> bool {
        matches!(self.peek_tok(), Tok::Name(n) if &**n == kw)
    }

    fn nth_is_kw(&mut self, n: usize, kw: &str) -> bool {
        matches!(&self.nth(n).tok, Tok::Name(n) if &**n == kw)
    }

    fn eat_op(&mut self, op: &str) -> bool {
        if self.at_op(op) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn eat_kw(&mut self, kw: &str) -> bool {
        if self.at_kw(kw) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn at_newline(&mut self) -> bool {
        matches!(self.peek_tok(), Tok::Newline)
    }

    /// A plain (non-keyword) name at the cursor.
    fn at_name(&mut self) -> bool {
        matches!(self.peek_tok(), Tok::Name(n) if !lexer::is_keyword(n))
    }

    fn pos_of(t: &Token) -> Pos {
        Pos::new(t.line, t.col)
    }

    fn here(&mut self) -> Pos {
        Self::pos_of(self.peek())
    }

    /// An error at token `t` (CPython's `RAISE_SYNTAX_ERROR_KNOWN_LOCATION`).
    #[inline(never)]
    fn err_tok(&self, t: &Token, msg: impl Into<String>) -> SyntaxError {
        let mut e = SyntaxError::new(msg, t.line, t.col + 1);
        if t.end_line == t.line {
            e.end_col = t.end_col + 1;
        }
        e
    }

    /// An error at a node's start.
    #[inline(never)]
    fn err_pos(&self, pos: Pos, msg: impl Into<String>) -> SyntaxError {
        SyntaxError::new(msg, pos.line, pos.col + 1)
    }

    /// An error at the last token looked at (CPython's `RAISE_SYNTAX_ERROR`).
    #[inline(never)]
    fn err_last(&mut self, msg: impl Into<String>) -> SyntaxError {
        let t = self.tok_at(self.furthest);
        self.err_tok(t, msg)
    }

    /// CPython's generic error at the furthest token.
    #[inline(never)]
    fn invalid(&mut self) -> SyntaxError {
        let t = self.tok_at(self.furthest);
        let e = match t.tok {
            Tok::Indent => self
                .err_tok(t, "unexpected indent")
                .with_kind(SyntaxKind::Indentation),
            Tok::Dedent => self
                .err_tok(t, "unexpected unindent")
                .with_kind(SyntaxKind::Indentation),
            _ => return self.err_tok(t, "invalid syntax"),
        };
        // CPython reports these without tokenizing the rest of the source.
        self.final_err = Some(e.clone());
        e
    }

    fn expect_op(&mut self, op: &str) -> PResult<&'a Token> {
        if self.at_op(op) {
            Ok(self.bump())
        } else {
            Err(self.invalid())
        }
    }

    /// `&&'x'`: a forced token, "expected 'x'" at whatever is there.
    fn expect_forced(&mut self, op: &str) -> PResult<&'a Token> {
        if self.at_op(op) {
            Ok(self.bump())
        } else {
            let t = self.peek();
            Err(self.err_tok(t, format!("expected '{op}'")))
        }
    }

    fn name(&mut self) -> PResult<super::ast::Name> {
        match self.peek_tok() {
            Tok::Name(n) if !lexer::is_keyword(n) => {
                let n = n.clone();
                self.bump();
                Ok(n)
            }
            _ => Err(self.invalid()),
        }
    }

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH || self.stack_base.abs_diff(stack_mark()) > STACK_BUDGET {
            let t = self.peek();
            return Err(self.err_tok(
                t,
                format!("too many nested expressions (the playground's parser allows {MAX_DEPTH} levels)"),
            ));
        }
        Ok(())
    }

    /// Whether the stack budget is spent.
    fn enter_probe(&self) -> bool {
        self.stack_base.abs_diff(stack_mark()) > STACK_BUDGET
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// Runs `f` and puts the cursor back (a lookahead that parses).
    #[inline(never)]
    fn speculate<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> Option<T> {
        let save = self.pos;
        let furthest = self.furthest;
        let hit = self.hit_end;
        let depth = self.depth;
        let r = f(self).ok();
        self.pos = save;
        self.furthest = furthest;
        self.hit_end = hit;
        self.depth = depth;
        r
    }
}
