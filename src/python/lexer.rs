//! The tokenizer: source text to tokens, following CPython 3.11's
//! `Parser/tokenizer.c` (NEWLINE / INDENT / DEDENT, implicit line joining
//! inside brackets, backslash continuation, its error messages and where
//! it puts them).
//!
//! The whole source is tokenized up front. The first error stops the
//! tokenizer; [`Lexed::error`] says which kind it is, because CPython's
//! parser treats them differently when it fails earlier for its own reason
//! (see [`LexErrorKind`]).

use std::rc::Rc;

use super::syntax_error::{SyntaxError, SyntaxKind};

/// CPython's `MAXLEVEL`: brackets nested deeper are "too many nested parentheses".
pub const MAX_BRACKETS: usize = 200;
/// CPython's `MAXINDENT`.
const MAX_INDENT: usize = 100;

/// What a token is.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// An identifier or keyword.
    Name(Rc<str>),
    /// An int literal that fits in 64 bits.
    Int(i64),
    /// An int literal beyond 64 bits (its decimal value, if decimal, for `-2**63`).
    BigInt(Rc<str>),
    /// A float literal.
    Float(f64),
    /// An imaginary literal (`1j`): its imaginary part.
    Imag(f64),
    /// A string literal, undecoded.
    Str(Rc<StrTok>),
    /// An operator or delimiter (`(`, `+=`, `->`, `...`); unknown ASCII
    /// characters (`$`, `?`) are operators no rule accepts, as in CPython.
    Op(&'static str),
    /// The end of a logical line.
    Newline,
    /// One more indentation level.
    Indent,
    /// One less indentation level.
    Dedent,
    /// The end of the source.
    End,
}

/// A string literal as written.
#[derive(Clone, Debug, PartialEq)]
pub struct StrTok {
    /// `r` prefix.
    pub raw: bool,
    /// `b` prefix.
    pub bytes: bool,
    /// `f` prefix.
    pub fstring: bool,
    /// The text between the quotes, as written.
    pub body: Vec<char>,
    /// Line of the first character of `body`.
    pub body_line: u32,
    /// Column (from 0) of the first character of `body`.
    pub body_col: u32,
    /// How many characters the prefix and opening quotes take.
    pub head_len: u32,
}

/// A token and where it is (line from 1, columns from 0 in characters).
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// What it is.
    pub tok: Tok,
    /// Start line.
    pub line: u32,
    /// Start column.
    pub col: u32,
    /// End line.
    pub end_line: u32,
    /// End column (exclusive).
    pub end_col: u32,
    /// Bracket depth before the token.
    pub level: u32,
}

/// How CPython reacts to a tokenizer error met after the parser has
/// already failed earlier in the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LexErrorKind {
    /// Raised by the tokenizer itself (`syntaxerror()` in tokenizer.c):
    /// CPython tokenizes the rest of the source after a parser error, so
    /// these win over any parser error.
    Raising,
    /// Reported only when the parser asks for the token (indentation
    /// errors, a bad line continuation).
    Quiet,
    /// End of file inside brackets: `'(' was never closed`, which wins over
    /// a parser error on a later line than the bracket.
    Unclosed {
        /// Line of the unclosed bracket.
        line: u32,
    },
}

/// The tokenizer's first error.
#[derive(Clone, Debug, PartialEq)]
pub struct LexError {
    /// The error.
    pub err: SyntaxError,
    /// How it interacts with parser errors.
    pub kind: LexErrorKind,
}

/// The tokens of a source, up to its first error.
#[derive(Clone, Debug)]
pub struct Lexed {
    /// The tokens (ending with [`Tok::End`] when there is no error).
    pub tokens: Vec<Token>,
    /// The error that stopped the tokenizer.
    pub error: Option<LexError>,
}

/// Python's keywords (hard ones).
pub const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Whether `s` is a keyword.
pub fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s)
}

const OPS3: &[&str] = &["**=", "...", "//=", "<<=", ">>="];
const OPS2: &[&str] = &[
    "!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=", ":=", "<<", "<=", "==", ">=", ">>",
    "@=", "^=", "|=",
];
const OPS1: &[&str] = &[
    "!", "%", "&", "(", ")", "*", "+", ",", "-", ".", "/", ":", ";", "<", "=", ">", "@", "[", "]",
    "^", "{", "|", "}", "~", "$", "?", "`",
];

fn op3(a: char, b: char, c: char) -> Option<&'static str> {
    OPS3.iter().copied().find(|o| {
        let mut it = o.chars();
        it.next() == Some(a) && it.next() == Some(b) && it.next() == Some(c)
    })
}

fn op2(a: char, b: char) -> Option<&'static str> {
    OPS2.iter().copied().find(|o| {
        let mut it = o.chars();
        it.next() == Some(a) && it.next() == Some(b)
    })
}

fn op1(a: char) -> &'static str {
    OPS1.iter()
        .copied()
        .find(|o| o.starts_with(a))
        .unwrap_or("?")
}

fn is_id_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || c as u32 >= 128
}

fn is_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c as u32 >= 128
}

/// Python's `str.isprintable` for one character, approximately.
pub fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    !(c.is_control()
        || c.is_whitespace()
        || matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{E000}'..='\u{F8FF}' | '\u{FFF9}'..='\u{FFFB}'))
}

fn valid_id_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn valid_id_continue(c: char) -> bool {
    c == '_'
        || c.is_alphanumeric()
        || matches!(
            c,
            '\u{0300}'..='\u{036F}' | '\u{00B7}' | '\u{200C}' | '\u{200D}'
        )
}

/// Source prepared as CPython's tokenizer sees it: `\r\n` and `\r` become
/// `\n`, and a final newline is added when missing.
pub fn normalize(source: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(source.len() + 1);
    let mut it = source.chars().peekable();
    while let Some(c) = it.next() {
        if c == '\r' {
            if it.peek() == Some(&'\n') {
                it.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    if !out.is_empty() && out.last() != Some(&'\n') {
        out.push('\n');
    }
    out
}

struct Lexer<'a> {
    src: &'a [char],
    pos: usize,
    line: u32,
    line_start: usize,
    tokens: Vec<Token>,
    indents: Vec<(u32, u32)>,
    parens: Vec<(char, u32, u32)>,
    atbol: bool,
    /// Line and column offset of the text (for f-string expressions).
    base_line: u32,
    base_col: u32,
    /// Whether indentation is tracked (not for f-string expressions).
    indentation: bool,
}

type LexResult<T> = Result<T, LexError>;

fn raising(msg: impl Into<String>, line: u32, col: u32) -> LexError {
    LexError {
        err: SyntaxError::new(msg, line, col),
        kind: LexErrorKind::Raising,
    }
}

impl<'a> Lexer<'a> {
    fn peek(&self) -> Option<char> {
        self.src.get(self.pos).copied()
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.src.get(self.pos + n).copied()
    }

    /// The column (from 0, characters) of `pos` on the current line.
    fn col_of(&self, pos: usize) -> u32 {
        let c = pos.saturating_sub(self.line_start) as u32;
        if self.line == 1 {
            c + self.base_col
        } else {
            c
        }
    }

    fn abs_line(&self) -> u32 {
        self.line + self.base_line - 1
    }

    /// Column from 1 of the current position as CPython's `syntaxerror()`
    /// reports it (characters before the cursor on its line).
    fn cur_offset(&self) -> u32 {
        self.col_of(self.pos)
    }

    fn err_here(&self, msg: impl Into<String>) -> LexError {
        raising(msg, self.abs_line(), self.cur_offset())
    }

    fn newline_at(&mut self, pos: usize) {
        self.line += 1;
        self.line_start = pos + 1;
    }

    fn push(&mut self, tok: Tok, start: usize, start_line: u32, start_col: u32) {
        let level = self.parens.len() as u32;
        let end_col = self.col_of(self.pos);
        let _ = start;
        self.tokens.push(Token {
            tok,
            line: start_line,
            col: start_col,
            end_line: self.abs_line(),
            end_col,
            level,
        });
    }

    /// Length (characters, without the newline) of the line starting at `start`.
    fn line_len_from(&self, start: usize) -> u32 {
        let mut n = 0u32;
        while let Some(&c) = self.src.get(start + n as usize) {
            if c == '\n' {
                break;
            }
            n += 1;
        }
        n
    }

    fn run(&mut self) -> LexResult<()> {
        loop {
            if self.atbol {
                self.atbol = false;
                if self.indentation {
                    if let Some(done) = self.indentation_step()? {
                        if done {
                            return Ok(());
                        }
                    }
                }
            }
            // Skip spaces.
            while matches!(self.peek(), Some(' ' | '\t' | '\x0c')) {
                self.pos += 1;
            }
            let start = self.pos;
            let sline = self.abs_line();
            let scol = self.col_of(start);
            let Some(c) = self.peek() else {
                return self.at_eof();
            };
            if c == '#' {
                while let Some(c) = self.peek() {
                    if c == '\n' {
                        break;
                    }
                    self.pos += 1;
                }
                continue;
            }
            if c == '\n' {
                self.pos += 1;
                let blank = self
                    .tokens
                    .last()
                    .is_none_or(|t| matches!(t.tok, Tok::Newline | Tok::Indent | Tok::Dedent));
                if !self.parens.is_empty() || blank || !self.indentation {
                    self.newline_at(start);
                    if self.parens.is_empty() {
                        self.atbol = true;
                    }
                    continue;
                }
                self.tokens.push(Token {
                    tok: Tok::Newline,
                    line: sline,
                    col: scol,
                    end_line: sline,
                    end_col: scol + 1,
                    level: 0,
                });
                self.newline_at(start);
                self.atbol = true;
                continue;
            }
            if is_id_start(c) {
                self.identifier(start, sline, scol)?;
                continue;
            }
            if c.is_ascii_digit()
                || (c == '.' && self.peek_at(1).is_some_and(|d| d.is_ascii_digit()))
            {
                self.number(start, sline, scol)?;
                continue;
            }
            if c == '"' || c == '\'' {
                self.string(start, sline, scol, false, false, false)?;
                continue;
            }
            if c == '\\' {
                self.pos += 1;
                match self.peek() {
                    Some('\n') => {
                        if self.pos + 1 >= self.src.len() {
                            // Backslash then the end of the source.
                            self.pos += 1;
                            let offset = self.col_of(self.pos);
                            let err = SyntaxError::new(
                                "unexpected EOF while parsing",
                                self.abs_line(),
                                offset,
                            );
                            return Err(match self.parens.last() {
                                Some(&(ch, line, col)) => unclosed(ch, line, col),
                                None => LexError {
                                    err,
                                    kind: LexErrorKind::Quiet,
                                },
                            });
                        }
                        let nl = self.pos;
                        self.pos += 1;
                        self.newline_at(nl);
                        continue;
                    }
                    _ => {
                        // CPython: col from the buffer start, i.e. the
                        // character after the backslash.
                        self.pos += 1;
                        let offset = self.col_of(self.pos);
                        return Err(LexError {
                            err: SyntaxError::new(
                                "unexpected character after line continuation character",
                                self.abs_line(),
                                offset,
                            ),
                            kind: LexErrorKind::Quiet,
                        });
                    }
                }
            }
            // Operators.
            let c2 = self.peek_at(1).unwrap_or('\0');
            let c3 = self.peek_at(2).unwrap_or('\0');
            let op = if let Some(o) = op3(c, c2, c3) {
                self.pos += 3;
                o
            } else if let Some(o) = op2(c, c2) {
                self.pos += 2;
                o
            } else {
                self.pos += 1;
                if c as u32 >= 128 {
                    return Err(
                        self.err_here(format!("invalid character '{c}' (U+{:04X})", c as u32))
                    );
                }
                op1(c)
            };
            match op {
                "(" | "[" | "{" => {
                    if self.parens.len() >= MAX_BRACKETS {
                        return Err(self.err_here("too many nested parentheses"));
                    }
                    self.push(Tok::Op(op), start, sline, scol);
                    self.parens.push((c, sline, scol));
                    continue;
                }
                ")" | "]" | "}" => {
                    let Some(&(open, oline, _)) = self.parens.last() else {
                        return Err(self.err_here(format!("unmatched '{c}'")));
                    };
                    let expected = match open {
                        '(' => ')',
                        '[' => ']',
                        _ => '}',
                    };
                    if expected != c {
                        let msg = if oline != sline {
                            format!(
                                "closing parenthesis '{c}' does not match opening parenthesis '{open}' on line {oline}"
                            )
                        } else {
                            format!("closing parenthesis '{c}' does not match opening parenthesis '{open}'")
                        };
                        return Err(self.err_here(msg));
                    }
                    self.parens.pop();
                    self.push(Tok::Op(op), start, sline, scol);
                    continue;
                }
                _ => {}
            }
            self.push(Tok::Op(op), start, sline, scol);
        }
    }

    fn at_eof(&mut self) -> LexResult<()> {
        if let Some(&(ch, line, col)) = self.parens.last() {
            return Err(unclosed(ch, line, col));
        }
        if self.indentation {
            let (line, col) = self.end_pos();
            while self.indents.len() > 1 {
                self.indents.pop();
                self.tokens.push(Token {
                    tok: Tok::Dedent,
                    line,
                    col,
                    end_line: line,
                    end_col: col,
                    level: 0,
                });
            }
            self.tokens.push(Token {
                tok: Tok::End,
                line,
                col,
                end_line: line,
                end_col: col,
                level: 0,
            });
        } else {
            let line = self.abs_line();
            let col = self.col_of(self.pos);
            self.tokens.push(Token {
                tok: Tok::End,
                line,
                col,
                end_line: line,
                end_col: col,
                level: 0,
            });
        }
        Ok(())
    }

    /// Where CPython puts its ENDMARKER: the last line, after its text.
    fn end_pos(&self) -> (u32, u32) {
        let n = self.src.len();
        if n == 0 {
            return (1, 0);
        }
        let lines = self.src.iter().filter(|&&c| c == '\n').count() as u32;
        // Start of the last line.
        let mut i = n.saturating_sub(1);
        while i > 0 && self.src.get(i - 1) != Some(&'\n') {
            i -= 1;
        }
        (lines.max(1), self.line_len_from(i))
    }

    /// Handles the indentation at the start of a line. `Some(true)` when the
    /// end of the source was reached.
    fn indentation_step(&mut self) -> LexResult<Option<bool>> {
        let mut col = 0u32;
        let mut altcol = 0u32;
        let mut p = self.pos;
        loop {
            match self.src.get(p) {
                Some(' ') => {
                    col += 1;
                    altcol += 1;
                }
                Some('\t') => {
                    col = (col / 8 + 1) * 8;
                    altcol += 1;
                }
                Some('\x0c') => {
                    col = 0;
                    altcol = 0;
                }
                _ => break,
            }
            p += 1;
        }
        let c = self.src.get(p).copied();
        let blank = matches!(c, Some('#' | '\n'));
        if c.is_none() || blank || !self.parens.is_empty() {
            return Ok(None);
        }
        let line = self.abs_line();
        let line_len = self.line_len_from(self.line_start);
        let &(top, alttop) = self.indents.last().unwrap_or(&(0, 0));
        let width = (p - self.line_start) as u32;
        if col == top {
            if altcol != alttop {
                return Err(tab_error(line));
            }
        } else if col > top {
            if self.indents.len() >= MAX_INDENT {
                return Err(LexError {
                    err: SyntaxError::new("too many levels of indentation", line, 1)
                        .with_kind(SyntaxKind::Indentation),
                    kind: LexErrorKind::Quiet,
                });
            }
            if altcol <= alttop {
                return Err(tab_error(line));
            }
            self.indents.push((col, altcol));
            self.tokens.push(Token {
                tok: Tok::Indent,
                line,
                col: width.saturating_sub(1),
                end_line: line,
                end_col: width,
                level: 0,
            });
        } else {
            let mut dedents = 0;
            while self.indents.len() > 1 && col < self.indents.last().map_or(0, |t| t.0) {
                self.indents.pop();
                dedents += 1;
            }
            let &(top, alttop) = self.indents.last().unwrap_or(&(0, 0));
            if col != top {
                return Err(LexError {
                    err: SyntaxError::new(
                        "unindent does not match any outer indentation level",
                        line,
                        line_len + 1,
                    )
                    .with_kind(SyntaxKind::Indentation),
                    kind: LexErrorKind::Quiet,
                });
            }
            if altcol != alttop {
                return Err(tab_error(line));
            }
            for _ in 0..dedents {
                self.tokens.push(Token {
                    tok: Tok::Dedent,
                    line,
                    col: width,
                    end_line: line,
                    end_col: width,
                    level: 0,
                });
            }
        }
        Ok(None)
    }

    fn identifier(&mut self, start: usize, sline: u32, scol: u32) -> LexResult<()> {
        // String prefixes.
        let (mut b, mut r, mut u, mut f) = (false, false, false, false);
        let mut p = self.pos;
        while let Some(c) = self.src.get(p).copied() {
            let lc = c.to_ascii_lowercase();
            if !(b || u || f) && lc == 'b' {
                b = true;
            } else if !(b || u || r || f) && lc == 'u' {
                u = true;
            } else if !(r || u) && lc == 'r' {
                r = true;
            } else if !(f || b || u) && lc == 'f' {
                f = true;
            } else {
                break;
            }
            p += 1;
            if matches!(self.src.get(p), Some('"' | '\'')) {
                self.pos = p;
                return self.string(start, sline, scol, r, b, f);
            }
        }
        let mut nonascii = false;
        while let Some(c) = self.peek() {
            if !is_id_char(c) {
                break;
            }
            if c as u32 >= 128 {
                nonascii = true;
            }
            self.pos += 1;
        }
        let text: String = self
            .src
            .get(start..self.pos)
            .unwrap_or(&[])
            .iter()
            .collect();
        if nonascii {
            for (i, ch) in text.chars().enumerate() {
                let ok = if i == 0 {
                    valid_id_start(ch)
                } else {
                    valid_id_continue(ch)
                };
                if !ok {
                    let offset = scol + i as u32 + 1;
                    let msg = if is_printable(ch) {
                        format!("invalid character '{ch}' (U+{:04X})", ch as u32)
                    } else {
                        format!("invalid non-printable character U+{:04X}", ch as u32)
                    };
                    return Err(raising(msg, sline, offset));
                }
            }
        }
        self.push(Tok::Name(text.into()), start, sline, scol);
        Ok(())
    }

    fn digit_run(&mut self, pred: impl Fn(char) -> bool) {
        while self.peek().is_some_and(&pred) {
            self.pos += 1;
        }
    }

    /// `tok_decimal_tail`: digits with single underscores between them.
    fn decimal_tail(&mut self) -> LexResult<()> {
        loop {
            self.digit_run(|c| c.is_ascii_digit());
            if self.peek() != Some('_') {
                return Ok(());
            }
            self.pos += 1;
            if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                return Err(self.err_here("invalid decimal literal"));
            }
        }
    }

    /// `verify_end_of_number`: a number directly followed by a name.
    fn verify_end(&mut self, kind: &str) -> LexResult<()> {
        let Some(c) = self.peek() else { return Ok(()) };
        let next = |n: usize| self.peek_at(n);
        let kw = match c {
            'a' => next(1) == Some('n') && next(2) == Some('d'),
            'e' => next(1) == Some('l') && next(2) == Some('s') && next(3) == Some('e'),
            'f' => next(1) == Some('o') && next(2) == Some('r'),
            'i' => matches!(next(1), Some('f' | 'n' | 's')),
            'o' => next(1) == Some('r'),
            'n' => next(1) == Some('o') && next(2) == Some('t'),
            _ => false,
        };
        if kw {
            return Ok(());
        }
        if (c as u32) < 128 && is_id_char(c) {
            return Err(self.err_here(format!("invalid {kind} literal")));
        }
        Ok(())
    }

    fn radix(&mut self, radix: u32, name: &str) -> LexResult<()> {
        let is_digit = |c: char| c.is_digit(radix);
        loop {
            if self.peek() == Some('_') {
                self.pos += 1;
            }
            match self.peek() {
                Some(c) if is_digit(c) => {}
                Some(c) if radix < 10 && c.is_ascii_digit() => {
                    self.pos += 1;
                    return Err(self.err_here(format!("invalid digit '{c}' in {name} literal")));
                }
                _ => return Err(self.err_here(format!("invalid {name} literal"))),
            }
            self.digit_run(is_digit);
            if self.peek() != Some('_') {
                break;
            }
        }
        if radix < 10 {
            if let Some(c) = self.peek().filter(|c| c.is_ascii_digit()) {
                self.pos += 1;
                return Err(self.err_here(format!("invalid digit '{c}' in {name} literal")));
            }
        }
        self.verify_end(name)
    }

    fn number(&mut self, start: usize, sline: u32, scol: u32) -> LexResult<()> {
        let first = self.peek().unwrap_or('0');
        let mut is_float = false;
        if first == '.' {
            self.pos += 1;
            self.decimal_tail()?;
            is_float = true;
            self.exponent_and_end(&mut is_float)?;
        } else if first == '0' {
            self.pos += 1;
            match self.peek() {
                Some('x' | 'X') => {
                    self.pos += 1;
                    self.radix(16, "hexadecimal")?;
                    return self.finish_int(start, sline, scol, 16, 2);
                }
                Some('o' | 'O') => {
                    self.pos += 1;
                    self.radix(8, "octal")?;
                    return self.finish_int(start, sline, scol, 8, 2);
                }
                Some('b' | 'B') => {
                    self.pos += 1;
                    self.radix(2, "binary")?;
                    return self.finish_int(start, sline, scol, 2, 2);
                }
                _ => {
                    let mut nonzero = false;
                    loop {
                        if self.peek() == Some('_') {
                            self.pos += 1;
                            if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                                return Err(self.err_here("invalid decimal literal"));
                            }
                        }
                        if self.peek() != Some('0') {
                            break;
                        }
                        self.pos += 1;
                    }
                    if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                        nonzero = true;
                        self.decimal_tail()?;
                    }
                    match self.peek() {
                        Some('.') => {
                            self.pos += 1;
                            is_float = true;
                            if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                                self.decimal_tail()?;
                            }
                            self.exponent_and_end(&mut is_float)?;
                        }
                        Some('e' | 'E' | 'j' | 'J') => {
                            self.exponent_and_end(&mut is_float)?;
                        }
                        _ => {
                            if nonzero {
                                return Err(raising(
                                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                                    sline,
                                    scol + 1,
                                ));
                            }
                            self.verify_end("decimal")?;
                        }
                    }
                }
            }
        } else {
            self.decimal_tail()?;
            if self.peek() == Some('.') {
                self.pos += 1;
                is_float = true;
                if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    self.decimal_tail()?;
                }
            }
            self.exponent_and_end(&mut is_float)?;
        }
        let text: String = self
            .src
            .get(start..self.pos)
            .unwrap_or(&[])
            .iter()
            .filter(|&&c| c != '_')
            .collect();
        if let Some(digits) = text.strip_suffix(['j', 'J']) {
            let v = digits.parse::<f64>().unwrap_or(f64::INFINITY);
            self.push(Tok::Imag(v), start, sline, scol);
            return Ok(());
        }
        if is_float {
            let v = text.parse::<f64>().unwrap_or(f64::INFINITY);
            self.push(Tok::Float(v), start, sline, scol);
        } else {
            let tok = match text.parse::<i64>() {
                Ok(v) => Tok::Int(v),
                Err(_) => Tok::BigInt(text.into()),
            };
            self.push(tok, start, sline, scol);
        }
        Ok(())
    }

    /// After the digits and fraction: an exponent, `j`, and the end check.
    fn exponent_and_end(&mut self, is_float: &mut bool) -> LexResult<()> {
        if let Some(e @ ('e' | 'E')) = self.peek() {
            let _ = e;
            let epos = self.pos;
            self.pos += 1;
            match self.peek() {
                Some('+' | '-') => {
                    self.pos += 1;
                    if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                        return Err(self.err_here("invalid decimal literal"));
                    }
                }
                Some(c) if c.is_ascii_digit() => {}
                _ => {
                    // `1else`: the number ends before the `e`.
                    self.pos = epos;
                    self.verify_end("decimal")?;
                    return Ok(());
                }
            }
            *is_float = true;
            self.decimal_tail()?;
        }
        if matches!(self.peek(), Some('j' | 'J')) {
            self.pos += 1;
            return self.verify_end("imaginary");
        }
        self.verify_end("decimal")
    }

    fn finish_int(
        &mut self,
        start: usize,
        sline: u32,
        scol: u32,
        radix: u32,
        skip: usize,
    ) -> LexResult<()> {
        let digits: String = self
            .src
            .get(start + skip..self.pos)
            .unwrap_or(&[])
            .iter()
            .filter(|&&c| c != '_')
            .collect();
        let tok = match i64::from_str_radix(&digits, radix) {
            Ok(v) => Tok::Int(v),
            Err(_) => {
                let prefix = match radix {
                    16 => "0x",
                    8 => "0o",
                    _ => "0b",
                };
                Tok::BigInt(Rc::from(format!("{prefix}{digits}")))
            }
        };
        self.push(tok, start, sline, scol);
        Ok(())
    }

    fn string(
        &mut self,
        start: usize,
        sline: u32,
        scol: u32,
        raw: bool,
        bytes: bool,
        fstring: bool,
    ) -> LexResult<()> {
        let quote = self.peek().unwrap_or('"');
        let first_line = self.line;
        let first_line_start = self.line_start;
        self.pos += 1;
        let mut quote_size = 1;
        let mut end_quote_size = 0;
        if self.peek() == Some(quote) {
            self.pos += 1;
            if self.peek() == Some(quote) {
                self.pos += 1;
                quote_size = 3;
            } else {
                end_quote_size = 1;
            }
        }
        let body_start = self.pos;
        let body_line = self.abs_line();
        let body_col = self.col_of(body_start);
        while end_quote_size != quote_size {
            let c = self.peek();
            match c {
                None => return Err(self.unterminated(quote_size, sline, scol)),
                Some('\n') if quote_size == 1 => {
                    return Err(self.unterminated(quote_size, sline, scol));
                }
                Some(c) => {
                    self.pos += 1;
                    if c == '\n' {
                        self.newline_at(self.pos - 1);
                    }
                    if c == quote {
                        end_quote_size += 1;
                    } else {
                        end_quote_size = 0;
                        if c == '\\' {
                            match self.peek() {
                                Some('\n') => {
                                    self.pos += 1;
                                    self.newline_at(self.pos - 1);
                                }
                                Some(_) => self.pos += 1,
                                None => {}
                            }
                        }
                    }
                }
            }
        }
        let _ = (first_line, first_line_start);
        let body_end = self.pos - quote_size;
        let body: Vec<char> = self
            .src
            .get(body_start..body_end.max(body_start))
            .unwrap_or(&[])
            .to_vec();
        let head_len = (body_start - start) as u32;
        let st = StrTok {
            raw,
            bytes,
            fstring,
            body,
            body_line,
            body_col,
            head_len,
        };
        self.push(Tok::Str(Rc::new(st)), start, sline, scol);
        Ok(())
    }

    fn unterminated(&self, quote_size: usize, sline: u32, scol: u32) -> LexError {
        let detected = self.abs_line();
        let msg = if quote_size == 3 {
            // CPython counts the line the end of the source is on.
            let lines = self.src.iter().filter(|&&c| c == '\n').count() as u32 + self.base_line - 1;
            let _ = detected;
            format!(
                "unterminated triple-quoted string literal (detected at line {})",
                lines.max(1)
            )
        } else {
            format!("unterminated string literal (detected at line {detected})")
        };
        raising(msg, sline, scol + 1)
    }
}

fn unclosed(ch: char, line: u32, col: u32) -> LexError {
    LexError {
        err: SyntaxError::new(format!("'{ch}' was never closed"), line, col + 1),
        kind: LexErrorKind::Unclosed { line },
    }
}

fn tab_error(line: u32) -> LexError {
    LexError {
        err: SyntaxError::new(
            "inconsistent use of tabs and spaces in indentation",
            line,
            1,
        )
        .with_kind(SyntaxKind::Tab),
        kind: LexErrorKind::Quiet,
    }
}

/// Tokenizes a whole program.
pub fn tokenize(source: &str) -> Lexed {
    let src = normalize(source);
    tokenize_chars(&src, 1, 0, true)
}

/// Tokenizes `src` (already normalized) whose first character is at
/// `line`, `col`; `indentation` is false for f-string expressions.
pub fn tokenize_chars(src: &[char], line: u32, col: u32, indentation: bool) -> Lexed {
    let mut lx = Lexer {
        src,
        pos: 0,
        line: 1,
        line_start: 0,
        tokens: Vec::with_capacity(src.len() / 3 + 4),
        indents: vec![(0, 0)],
        parens: Vec::new(),
        atbol: indentation,
        base_line: line,
        base_col: col,
        indentation,
    };
    let error = lx.run().err();
    Lexed {
        tokens: lx.tokens,
        error,
    }
}
