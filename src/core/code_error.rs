//! What `[data-testid=code-error]` says: a program that cannot start (its
//! syntax error, as CPython's `compile()` words it) or one whose main
//! coroutine raised (the last line of its traceback and the line it names).

/// An error of the program, for the code panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeError {
    /// The error as Python names it: `SyntaxError: '(' was never closed`,
    /// `ValueError: boom`.
    pub message: String,
    /// The line it is at (from 1), when known.
    pub line: Option<u32>,
    /// The column (from 1) of a syntax error's caret.
    pub col: Option<u32>,
    /// Whether the program could not start (a syntax error), rather than
    /// raised while it ran.
    pub syntax: bool,
    /// The full text as CPython prints it (the `File "main.py", line N`
    /// block with its caret, or the traceback).
    pub detail: String,
}

impl CodeError {
    /// The short text shown: the message and where, e.g.
    /// `SyntaxError: '(' was never closed (line 4)`.
    pub fn summary(&self) -> String {
        match self.line {
            Some(l) => format!("{} (line {l})", self.message),
            None => self.message.clone(),
        }
    }
}

/// The line number of a traceback line `  File "main.py", line 7, in f`.
pub fn file_line(text: &str) -> Option<u32> {
    let rest = text.trim_start().strip_prefix("File \"main.py\", line ")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The error a traceback ends with (its last line that is not indented,
/// e.g. `ValueError: boom`) and the line of `main.py` it names last; from
/// the lines a run printed on stderr, in order. `None` if they hold no
/// traceback.
pub fn from_traceback<'a>(stderr: impl IntoIterator<Item = &'a str>) -> Option<CodeError> {
    let lines: Vec<&str> = stderr.into_iter().collect();
    let start = lines
        .iter()
        .rposition(|l| l.starts_with("Traceback (most recent call last):"))?;
    let tb = &lines[start..];
    let message = tb
        .iter()
        .rev()
        .find(|l| !l.trim().is_empty() && !l.starts_with(' '))
        .filter(|l| !l.starts_with("Traceback"))?;
    let line = tb.iter().rev().find_map(|l| file_line(l));
    Some(CodeError {
        message: (*message).to_string(),
        line,
        col: None,
        syntax: false,
        detail: tb.join("\n"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_traceback_gives_its_last_line_and_its_line() {
        let err = [
            "some warning",
            "Traceback (most recent call last):",
            "  File \"main.py\", line 12, in <module>",
            "    asyncio.run(main())",
            "  File \"main.py\", line 9, in main",
            "    raise ValueError(\"boom\")",
            "ValueError: boom",
        ];
        let e = from_traceback(err).expect("a traceback");
        assert_eq!(e.message, "ValueError: boom");
        assert_eq!(e.line, Some(9));
        assert_eq!(e.summary(), "ValueError: boom (line 9)");
        assert!(e.detail.starts_with("Traceback"));
        assert!(!e.syntax);
        assert_eq!(
            from_traceback(["RuntimeWarning: coroutine 'f' was never awaited"]),
            None
        );
        assert_eq!(file_line("  File \"main.py\", line 3"), Some(3));
        assert_eq!(file_line("  File \"other.py\", line 3"), None);
    }
}
