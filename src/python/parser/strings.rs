//! String literals: escapes, adjacent literals joined, f-strings (CPython
//! 3.11's `Parser/string_parser.c`: an f-string is one token whose fields
//! are parsed afterwards, each expression as `(expr)`).

use std::rc::Rc;

use super::super::ast::*;
use super::super::lexer::{self, StrTok, Tok, Token};
use super::super::syntax_error::SyntaxError;
use super::{pick, PResult, P};

/// An error in a string, placed by the caller.
enum SErr {
    /// At the token after the strings (CPython's `RAISE_SYNTAX_ERROR`).
    Last(String),
    /// Already placed.
    At(SyntaxError),
}

type SResult<T> = Result<T, SErr>;

/// A few `\N{...}` names (CPython knows them all; the playground knows these).
const NAMES: &[(&str, char)] = &[
    ("BULLET", '•'),
    ("EM DASH", '—'),
    ("EN DASH", '–'),
    ("HORIZONTAL ELLIPSIS", '…'),
    ("CHECK MARK", '✓'),
    ("HEAVY CHECK MARK", '✔'),
    ("BALLOT X", '✗'),
    ("BLACK STAR", '★'),
    ("WHITE STAR", '☆'),
    ("DEGREE SIGN", '°'),
    ("COPYRIGHT SIGN", '©'),
    ("RIGHTWARDS ARROW", '→'),
    ("LEFTWARDS ARROW", '←'),
    ("HOURGLASS", '⌛'),
    ("SNOWMAN", '☃'),
    ("NO-BREAK SPACE", '\u{a0}'),
    ("SPACE", ' '),
    ("GREEK SMALL LETTER ALPHA", 'α'),
    ("GREEK SMALL LETTER BETA", 'β'),
    ("GREEK SMALL LETTER PI", 'π'),
    ("MULTIPLICATION SIGN", '×'),
    ("BOX DRAWINGS LIGHT HORIZONTAL", '─'),
    ("FULL BLOCK", '█'),
    ("LIGHT SHADE", '░'),
];

fn utf8_len(c: char) -> usize {
    c.len_utf8()
}

/// Decodes the escapes of a `str` body (CPython's `unicode_escape`).
fn decode_str(body: &[char]) -> SResult<String> {
    let mut out = String::with_capacity(body.len());
    let mut i = 0;
    // Byte offsets for CPython's "position a-b" in messages.
    let mut byte = 0usize;
    while let Some(&c) = body.get(i) {
        if c != '\\' {
            out.push(c);
            byte += utf8_len(c);
            i += 1;
            continue;
        }
        let start = byte;
        let Some(&e) = body.get(i + 1) else {
            out.push('\\');
            break;
        };
        i += 2;
        byte += 1 + utf8_len(e);
        match e {
            '\n' => {}
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut v = e as u32 - '0' as u32;
                for _ in 0..2 {
                    match body.get(i) {
                        Some(&d @ '0'..='7') => {
                            v = v * 8 + (d as u32 - '0' as u32);
                            i += 1;
                            byte += 1;
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let (n, what) = match e {
                    'x' => (2, "truncated \\xXX escape"),
                    'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut v: u32 = 0;
                let mut got = 0;
                while got < n {
                    match body.get(i).and_then(|d| d.to_digit(16)) {
                        Some(d) => {
                            v = v.wrapping_mul(16).wrapping_add(d);
                            i += 1;
                            byte += 1;
                            got += 1;
                        }
                        None => break,
                    }
                }
                if got < n {
                    return Err(SErr::Last(format!(
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {what}",
                        start,
                        byte.saturating_sub(1)
                    )));
                }
                match char::from_u32(v) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(SErr::Last(format!(
                            "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: illegal Unicode character",
                            start,
                            byte.saturating_sub(1)
                        )))
                    }
                }
            }
            'N' => {
                let mut name = String::new();
                let mut ok = false;
                if body.get(i) == Some(&'{') {
                    let mut j = i + 1;
                    while let Some(&d) = body.get(j) {
                        if d == '}' {
                            ok = true;
                            break;
                        }
                        name.push(d);
                        j += 1;
                    }
                    if ok {
                        byte += 2 + name.len();
                        i = j + 1;
                    }
                }
                let upper = name.to_ascii_uppercase();
                match NAMES.iter().find(|(n, _)| *n == upper) {
                    Some(&(_, ch)) if ok => out.push(ch),
                    _ if !ok => {
                        return Err(SErr::Last(format!(
                            "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: malformed \\N character escape",
                            start,
                            byte.saturating_sub(1)
                        )))
                    }
                    _ => {
                        return Err(SErr::Last(format!(
                            "\\N{{{name}}} is not a character name the playground knows; write the character itself"
                        )))
                    }
                }
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

/// Decodes a `bytes` body.
fn decode_bytes(body: &[char], raw: bool) -> SResult<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while let Some(&c) = body.get(i) {
        if raw || c != '\\' {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let start = i;
        let Some(&e) = body.get(i + 1) else {
            out.push(b'\\');
            break;
        };
        i += 2;
        match e {
            '\n' => {}
            '\\' => out.push(b'\\'),
            '\'' => out.push(b'\''),
            '"' => out.push(b'"'),
            'a' => out.push(7),
            'b' => out.push(8),
            'f' => out.push(12),
            'n' => out.push(b'\n'),
            'r' => out.push(b'\r'),
            't' => out.push(b'\t'),
            'v' => out.push(11),
            '0'..='7' => {
                let mut v = e as u32 - '0' as u32;
                for _ in 0..2 {
                    match body.get(i) {
                        Some(&d @ '0'..='7') => {
                            v = v * 8 + (d as u32 - '0' as u32);
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push((v & 0xff) as u8);
            }
            'x' => {
                let h = body.get(i).and_then(|d| d.to_digit(16));
                let l = body.get(i + 1).and_then(|d| d.to_digit(16));
                match (h, l) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => {
                        return Err(SErr::Last(format!(
                            "(value error) invalid \\x escape at position {start}"
                        )))
                    }
                }
            }
            other => {
                out.push(b'\\');
                out.push(other as u32 as u8);
            }
        }
    }
    Ok(out)
}

fn push_lit(parts: &mut Vec<FPart>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(FPart::Lit(prev)) = parts.last_mut() {
        let mut joined = String::with_capacity(prev.len() + s.len());
        joined.push_str(prev);
        joined.push_str(s);
        *prev = joined.into();
        return;
    }
    parts.push(FPart::Lit(s.into()));
}

impl<'a> P<'a> {
    /// One or more adjacent string literals.
    #[inline(never)]
    pub(crate) fn strings(&mut self) -> PResult<Expr> {
        let first = self.peek();
        let pos = Self::pos_of(first);
        let mut toks: Vec<(&'a Token, Rc<StrTok>)> = Vec::new();
        while let Tok::Str(s) = self.peek_tok() {
            let t = self.bump();
            toks.push((t, s.clone()));
        }
        // CPython places most string errors at the token after the strings.
        let after = self.peek();
        let place = |p: &Self, e: SErr| match e {
            SErr::Last(m) => p.err_tok(after, m),
            SErr::At(e) => e,
        };
        let bytes = toks.first().is_some_and(|(_, s)| s.bytes);
        if toks.iter().any(|(_, s)| s.bytes != bytes) {
            return Err(self.err_tok(after, "cannot mix bytes and nonbytes literals"));
        }
        if bytes {
            let mut out = Vec::new();
            for (t, s) in &toks {
                if s.body.iter().any(|&c| c as u32 >= 128) {
                    return Err(self.err_tok(t, "bytes can only contain ASCII literal characters"));
                }
                out.extend(decode_bytes(&s.body, s.raw).map_err(|e| place(self, e))?);
            }
            return Ok(Expr::new(pos, ExprKind::Bytes(out.into())));
        }
        if !toks.iter().any(|(_, s)| s.fstring) {
            let mut out = String::new();
            for (_, s) in &toks {
                if s.raw {
                    out.extend(s.body.iter());
                } else {
                    out.push_str(&decode_str(&s.body).map_err(|e| place(self, e))?);
                }
            }
            return Ok(Expr::new(pos, ExprKind::Str(out.into())));
        }
        let mut parts = Vec::new();
        for (_, s) in &toks {
            if s.fstring {
                let mut i = 0;
                let got = self
                    .fstring_parts(s, &mut i, 0)
                    .map_err(|e| place(self, e))?;
                for p in got {
                    match p {
                        FPart::Lit(l) => push_lit(&mut parts, &l),
                        f => parts.push(f),
                    }
                }
            } else if s.raw {
                let text: String = s.body.iter().collect();
                push_lit(&mut parts, &text);
            } else {
                push_lit(
                    &mut parts,
                    &decode_str(&s.body).map_err(|e| place(self, e))?,
                );
            }
        }
        Ok(Expr::new(pos, ExprKind::FString(parts)))
    }

    /// Literal text and fields from `*i` until the end of the body or, in a
    /// format spec (`level > 0`), an unmatched `}`.
    fn fstring_parts(&mut self, s: &StrTok, i: &mut usize, level: u32) -> SResult<Vec<FPart>> {
        let body = &s.body;
        let mut parts = Vec::new();
        let mut lit: Vec<char> = Vec::new();
        let flush = |lit: &mut Vec<char>, parts: &mut Vec<FPart>| -> SResult<()> {
            if lit.is_empty() {
                return Ok(());
            }
            let text = if s.raw {
                lit.iter().collect()
            } else {
                decode_str(lit)?
            };
            lit.clear();
            push_lit(parts, &text);
            Ok(())
        };
        while let Some(&c) = body.get(*i) {
            if !s.raw && c == '\\' {
                lit.push(c);
                *i += 1;
                if let Some(&e) = body.get(*i) {
                    lit.push(e);
                    *i += 1;
                    if e == 'N' && body.get(*i) == Some(&'{') {
                        while let Some(&d) = body.get(*i) {
                            lit.push(d);
                            *i += 1;
                            if d == '}' {
                                break;
                            }
                        }
                    }
                }
                continue;
            }
            if c == '{' || c == '}' {
                if level == 0 {
                    if body.get(*i + 1) == Some(&c) {
                        lit.push(c);
                        *i += 2;
                        continue;
                    }
                    if c == '}' {
                        return Err(SErr::Last("f-string: single '}' is not allowed".into()));
                    }
                }
                if c == '}' {
                    break;
                }
                flush(&mut lit, &mut parts)?;
                let field = self.fstring_field(s, i, level)?;
                parts.push(field);
                continue;
            }
            lit.push(c);
            *i += 1;
        }
        flush(&mut lit, &mut parts)?;
        Ok(parts)
    }

    /// Where body index `idx` is in the source.
    fn body_pos(s: &StrTok, idx: usize) -> (u32, u32) {
        let (mut line, mut col) = (s.body_line, s.body_col);
        for &c in s.body.iter().take(idx) {
            if c == '\n' {
                line += 1;
                col = 0;
            } else {
                col += 1;
            }
        }
        (line, col)
    }

    /// A `{...}` field; `*i` is at the `{`.
    fn fstring_field(&mut self, s: &StrTok, i: &mut usize, level: u32) -> SResult<FPart> {
        if level >= 2 {
            return Err(SErr::Last("f-string: expressions nested too deeply".into()));
        }
        let body = &s.body;
        let brace = *i;
        *i += 1;
        let expr_start = *i;
        let mut quote: Option<char> = None;
        let mut triple = false;
        let mut stack: Vec<char> = Vec::new();
        while let Some(&ch) = body.get(*i) {
            if ch == '\\' {
                return Err(SErr::Last(
                    "f-string expression part cannot include a backslash".into(),
                ));
            }
            if let Some(q) = quote {
                if ch == q {
                    if triple {
                        if body.get(*i + 1) == Some(&q) && body.get(*i + 2) == Some(&q) {
                            *i += 3;
                            quote = None;
                            continue;
                        }
                    } else {
                        quote = None;
                    }
                }
                *i += 1;
                continue;
            }
            match ch {
                '\'' | '"' => {
                    if body.get(*i + 1) == Some(&ch) && body.get(*i + 2) == Some(&ch) {
                        triple = true;
                        *i += 2;
                    } else {
                        triple = false;
                    }
                    quote = Some(ch);
                }
                '[' | '{' | '(' => {
                    if stack.len() >= lexer::MAX_BRACKETS {
                        return Err(SErr::Last("f-string: too many nested parenthesis".into()));
                    }
                    stack.push(ch);
                }
                '#' => {
                    return Err(SErr::Last(
                        "f-string expression part cannot include '#'".into(),
                    ))
                }
                '!' | ':' | '}' | '=' | '>' | '<' if stack.is_empty() => {
                    let next = body.get(*i + 1).copied();
                    if next == Some('=') && matches!(ch, '!' | '=' | '<' | '>') {
                        *i += 2;
                        continue;
                    }
                    if ch == '>' || ch == '<' {
                        *i += 1;
                        continue;
                    }
                    break;
                }
                ']' | '}' | ')' => {
                    let Some(open) = stack.pop() else {
                        return Err(SErr::Last(format!("f-string: unmatched '{ch}'")));
                    };
                    let ok = matches!((open, ch), ('(', ')') | ('[', ']') | ('{', '}'));
                    if !ok {
                        return Err(SErr::Last(format!(
                            "f-string: closing parenthesis '{ch}' does not match opening parenthesis '{open}'"
                        )));
                    }
                }
                _ => {}
            }
            *i += 1;
        }
        let expr_end = *i;
        if quote.is_some() {
            return Err(SErr::Last("f-string: unterminated string".into()));
        }
        if let Some(&open) = stack.last() {
            return Err(SErr::Last(format!("f-string: unmatched '{open}'")));
        }
        let Some(&stop) = body.get(*i) else {
            return Err(SErr::Last("f-string: expecting '}'".into()));
        };
        let text = body.get(expr_start..expr_end).unwrap_or(&[]);
        if text.iter().all(|c| matches!(c, ' ' | '\t' | '\n' | '\x0c')) {
            if matches!(stop, '!' | ':' | '=') {
                return Err(SErr::Last(format!(
                    "f-string: expression required before '{stop}'"
                )));
            }
            return Err(SErr::Last("f-string: empty expression not allowed".into()));
        }
        let expr = self.fstring_expr(s, brace, text)?;
        let mut debug = None;
        if body.get(*i) == Some(&'=') {
            *i += 1;
            while body.get(*i).is_some_and(|c| c.is_whitespace()) {
                *i += 1;
            }
            if *i >= body.len() {
                return Err(SErr::Last("f-string: expecting '}'".into()));
            }
            let t: String = body.get(expr_start..*i).unwrap_or(&[]).iter().collect();
            debug = Some(Name::from(t));
        }
        let mut conversion = None;
        if body.get(*i) == Some(&'!') {
            *i += 1;
            let Some(&c) = body.get(*i) else {
                return Err(SErr::Last("f-string: expecting '}'".into()));
            };
            *i += 1;
            if !matches!(c, 's' | 'r' | 'a') {
                return Err(SErr::Last(
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'".into(),
                ));
            }
            conversion = Some(c);
        }
        let mut spec = None;
        if body.get(*i) == Some(&':') {
            *i += 1;
            if *i >= body.len() {
                return Err(SErr::Last("f-string: expecting '}'".into()));
            }
            spec = Some(self.fstring_parts(s, i, level + 1)?);
        }
        if body.get(*i) != Some(&'}') {
            return Err(SErr::Last("f-string: expecting '}'".into()));
        }
        *i += 1;
        if debug.is_some() && spec.is_none() && conversion.is_none() {
            conversion = Some('r');
        }
        Ok(FPart::Field {
            expr: Box::new(expr),
            conversion,
            spec,
            debug,
        })
    }

    /// Parses a field's expression as CPython does: `(expr)`, errors
    /// prefixed `f-string: ` and placed relative to that text.
    fn fstring_expr(&mut self, s: &StrTok, brace: usize, text: &[char]) -> SResult<Expr> {
        let (line, col) = Self::body_pos(s, brace);
        let mut src: Vec<char> = Vec::with_capacity(text.len() + 2);
        src.push('(');
        src.extend_from_slice(text);
        src.push(')');
        let lexed = lexer::tokenize_chars(&src, line, col, false);
        let dummy = super::dummy_after(&lexed.tokens);
        let mut sub = P::new(&lexed.tokens, &dummy);
        sub.in_fstring = true;
        sub.depth = self.depth + 1;
        sub.stack_base = self.stack_base;
        let r = sub.star_expressions().and_then(|(e, _)| {
            if matches!(sub.peek_tok(), Tok::End) {
                Ok(e)
            } else {
                Err(sub.invalid())
            }
        });
        let fix = |mut e: SyntaxError, prefix: bool| {
            if prefix && !e.msg.starts_with("f-string") {
                e.msg = format!("f-string: {}", e.msg);
            }
            if e.line == line {
                e.col = e.col.saturating_sub(col);
                if e.end_col > 0 {
                    e.end_col = e.end_col.saturating_sub(col);
                }
            }
            e
        };
        let hit = sub.hit_end;
        let seen = sub.seen_line;
        let side = std::mem::take(&mut sub.side);
        self.side.dup_params.extend(side.dup_params);
        self.side.dup_kwargs.extend(side.dup_kwargs);
        match (r, lexed.error) {
            (Ok(e), None) => Ok(e),
            // Tokenizer errors keep their plain message, as in CPython.
            (Ok(_), Some(le)) => Err(SErr::At(fix(le.err, false))),
            (Err(pe), None) => Err(SErr::At(fix(pe, true))),
            (Err(pe), Some(le)) => {
                let from_lexer = pick(pe.clone(), le.clone(), hit, seen) == le.err;
                let e = if from_lexer { le.err } else { pe };
                Err(SErr::At(fix(e, !from_lexer)))
            }
        }
    }
}
