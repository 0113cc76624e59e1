//! A program that cannot start: CPython's `SyntaxError` (and its subclasses
//! `IndentationError` and `TabError`), with the line and column CPython 3.11
//! reports and its exact message.

use std::fmt;

/// Which exception class CPython raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxKind {
    /// `SyntaxError`.
    Syntax,
    /// `IndentationError`.
    Indentation,
    /// `TabError`.
    Tab,
}

impl SyntaxKind {
    /// The class name.
    pub fn name(self) -> &'static str {
        match self {
            SyntaxKind::Syntax => "SyntaxError",
            SyntaxKind::Indentation => "IndentationError",
            SyntaxKind::Tab => "TabError",
        }
    }
}

/// A syntax error, as `compile()` would raise it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// The class.
    pub kind: SyntaxKind,
    /// CPython's message, e.g. `'(' was never closed`.
    pub msg: String,
    /// Line, from 1 (CPython's `lineno`).
    pub line: u32,
    /// Column, from 1 (CPython's `offset`: where the caret goes).
    pub col: u32,
    /// Last column of the marked range, from 1, exclusive (CPython's
    /// `end_offset`), when CPython gives one; `0` otherwise.
    pub end_col: u32,
}

impl SyntaxError {
    /// A `SyntaxError` at `line`, `col` (both from 1).
    pub fn new(msg: impl Into<String>, line: u32, col: u32) -> Self {
        SyntaxError {
            kind: SyntaxKind::Syntax,
            msg: msg.into(),
            line,
            col,
            end_col: 0,
        }
    }

    /// The same error as another class.
    pub fn with_kind(mut self, kind: SyntaxKind) -> Self {
        self.kind = kind;
        self
    }

    /// The error as CPython prints it for `python3 main.py`:
    ///
    /// ```text
    ///   File "main.py", line 4
    ///     print((1, 2)
    ///          ^
    /// SyntaxError: '(' was never closed
    /// ```
    pub fn render(&self, source: &str) -> String {
        let mut out = format!("  File \"main.py\", line {}\n", self.line);
        if let Some(text) = source.lines().nth(self.line.saturating_sub(1) as usize) {
            let trimmed = text.trim_start();
            let indent = text.chars().count() - trimmed.chars().count();
            let trimmed = trimmed.trim_end();
            if !trimmed.is_empty() {
                out.push_str("    ");
                out.push_str(trimmed);
                out.push('\n');
                let start = (self.col as usize).saturating_sub(1).saturating_sub(indent);
                let width = if self.end_col > self.col {
                    (self.end_col - self.col) as usize
                } else {
                    1
                };
                let width = width.min(trimmed.chars().count().saturating_sub(start).max(1));
                out.push_str("    ");
                out.push_str(&" ".repeat(start.min(trimmed.chars().count())));
                out.push_str(&"^".repeat(width));
                out.push('\n');
            }
        }
        out.push_str(&self.to_string());
        out
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.msg)
    }
}

impl std::error::Error for SyntaxError {}
