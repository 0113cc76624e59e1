//! A tiny Python highlighter for the code panel: splits source into
//! classified pieces. It only needs to be right for the lessons' code.

/// What a piece of code is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token {
    /// A keyword (`async`, `await`, `def`, ...).
    Keyword,
    /// A string literal (f-strings included).
    Str,
    /// A comment to the end of the line.
    Comment,
    /// A number.
    Number,
    /// A name followed by `(`.
    Call,
    /// Anything else.
    Plain,
}

impl Token {
    /// The CSS class of the piece.
    pub fn class(self) -> &'static str {
        match self {
            Token::Keyword => "tok-kw",
            Token::Str => "tok-str",
            Token::Comment => "tok-com",
            Token::Number => "tok-num",
            Token::Call => "tok-call",
            Token::Plain => "tok",
        }
    }
}

const KEYWORDS: &[&str] = &[
    "async", "await", "def", "return", "for", "in", "with", "import", "from", "if", "else", "elif",
    "while", "try", "except", "finally", "raise", "as", "not", "and", "or", "None", "True",
    "False", "lambda", "yield", "break", "continue", "pass", "class", "is",
];

const RUST_KEYWORDS: &[&str] = &[
    "async", "await", "fn", "let", "mut", "move", "match", "impl", "pub", "use", "loop", "if",
    "else", "for", "in", "return", "struct", "enum", "as", "ref", "self", "Self", "while", "const",
    "static", "true", "false", "Ok", "Err", "Some", "None", "break", "continue", "where",
];

/// Splits Python `src` into pieces; concatenated they give `src` back exactly.
pub fn highlight(src: &str) -> Vec<(Token, String)> {
    highlight_lang(src, false)
}

/// Splits Rust `src` into pieces; concatenated they give `src` back exactly.
pub fn highlight_rust(src: &str) -> Vec<(Token, String)> {
    highlight_lang(src, true)
}

fn highlight_lang(src: &str, rust: bool) -> Vec<(Token, String)> {
    let keywords = if rust { RUST_KEYWORDS } else { KEYWORDS };
    let chars: Vec<char> = src.chars().collect();
    let mut out: Vec<(Token, String)> = Vec::new();
    let mut push = |t: Token, s: String| match out.last_mut() {
        Some((last, text)) if *last == t && t == Token::Plain => text.push_str(&s),
        _ => out.push((t, s)),
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let comment = if rust {
            c == '/' && matches!(chars.get(i + 1), Some('/' | '*'))
        } else {
            c == '#'
        };
        if comment && rust && chars.get(i + 1) == Some(&'*') {
            let start = i;
            i += 2;
            while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                i += 1;
            }
            i = (i + 2).min(chars.len());
            push(Token::Comment, chars[start..i].iter().collect());
        } else if comment {
            let start = i;
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            push(Token::Comment, chars[start..i].iter().collect());
        } else if c == '"'
            || c == '\''
            || ((c == 'f' || c == 'r') && matches!(chars.get(i + 1), Some('"' | '\'')))
        {
            let start = i;
            if c == 'f' || c == 'r' {
                i += 1;
            }
            let quote = chars[i];
            i += 1;
            while i < chars.len() && chars[i] != quote && chars[i] != '\n' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i = (i + 1).min(chars.len());
            push(Token::Str, chars[start..i].iter().collect());
        } else if c.is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_alphanumeric() || chars[i] == '.' || chars[i] == '_')
            {
                i += 1;
            }
            push(Token::Number, chars[start..i].iter().collect());
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let t = if keywords.contains(&word.as_str()) {
                Token::Keyword
            } else if chars.get(i) == Some(&'(') {
                Token::Call
            } else {
                Token::Plain
            };
            push(t, word);
        } else {
            push(Token::Plain, c.to_string());
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_give_the_source_back() {
        let src =
            "async def f(i):\n    await asyncio.sleep(0.5)  # wait\n    print(f\"done {i}\")\n";
        let pieces = highlight(src);
        let joined: String = pieces.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(joined, src);
        assert!(pieces.contains(&(Token::Keyword, "await".to_string())));
        assert!(pieces.contains(&(Token::Number, "0.5".to_string())));
        assert!(pieces.contains(&(Token::Comment, "# wait".to_string())));
        assert!(pieces.contains(&(Token::Str, "f\"done {i}\"".to_string())));
        assert!(pieces.contains(&(Token::Call, "sleep".to_string())));
    }

    #[test]
    fn rust_pieces_give_the_source_back() {
        let src = "async fn main(cx: Cx) { let n = p.int(\"tasks\") /* = 3 */; // go\n cx.sleep(2.0).await; 'a' }";
        let pieces = highlight_rust(src);
        let joined: String = pieces.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(joined, src);
        assert!(pieces.contains(&(Token::Keyword, "fn".to_string())));
        assert!(pieces.contains(&(Token::Comment, "/* = 3 */".to_string())));
        assert!(pieces.contains(&(Token::Comment, "// go".to_string())));
        assert!(pieces.contains(&(Token::Str, "\"tasks\"".to_string())));
    }
}
