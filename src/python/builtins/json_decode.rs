//! `json.loads` as CPython's `json.decoder` reads a document: ints stay
//! ints (of any size) and a number with a fraction or an exponent is a
//! float, `NaN`/`Infinity`/`-Infinity` are accepted, and a bad document is
//! a `JSONDecodeError` (a `ValueError`) with CPython's words and position:
//! `Expecting ',' delimiter: line 1 column 9 (char 8)`.

use std::rc::Rc;

use crate::python::exc::{Exc, PyResult, T};
use crate::python::interp::Interp;
use crate::python::ops;
use crate::python::value::{Dict, Value};

/// Containers nested deeper than this are refused (CPython's C scanner
/// recurses and stops with a RecursionError too).
const MAX_DEPTH: usize = 900;

struct Decoder<'a> {
    it: &'a Rc<Interp>,
    s: Vec<char>,
    i: usize,
    depth: usize,
}

/// `json.loads(text)`.
pub fn loads(it: &Rc<Interp>, text: &str) -> PyResult<Value> {
    let mut d = Decoder {
        it,
        s: text.chars().collect(),
        i: 0,
        depth: 0,
    };
    d.ws();
    let v = d.value()?;
    d.ws();
    if d.i < d.s.len() {
        return Err(d.error("Extra data", d.i));
    }
    Ok(v)
}

impl Decoder<'_> {
    /// `msg: line L column C (char P)`, as `json.JSONDecodeError` words it.
    fn error(&self, msg: &str, pos: usize) -> Exc {
        let before = &self.s[..pos.min(self.s.len())];
        let line = before.iter().filter(|&&c| c == '\n').count() + 1;
        let col = match before.iter().rposition(|&c| c == '\n') {
            Some(nl) => pos - nl,
            None => pos + 1,
        };
        Exc::new(
            T::ValueError,
            format!("{msg}: line {line} column {col} (char {pos})"),
        )
    }

    fn peek(&self) -> Option<char> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t' | '\n' | '\r')) {
            self.i += 1;
        }
    }

    fn literal(&mut self, word: &str) -> bool {
        let w: Vec<char> = word.chars().collect();
        if self.s.get(self.i..self.i + w.len()) == Some(&w[..]) {
            self.i += w.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self) -> PyResult<Value> {
        let at = self.i;
        match self.peek() {
            Some('"') => {
                self.i += 1;
                Ok(Value::Str(Rc::from(self.string(at)?)))
            }
            Some('{') => self.nested(Self::object),
            Some('[') => self.nested(Self::array),
            Some('n') if self.literal("null") => Ok(Value::None),
            Some('t') if self.literal("true") => Ok(Value::Bool(true)),
            Some('f') if self.literal("false") => Ok(Value::Bool(false)),
            Some('N') if self.literal("NaN") => Ok(Value::Float(f64::NAN)),
            Some('I') if self.literal("Infinity") => Ok(Value::Float(f64::INFINITY)),
            Some('-') if self.literal("-Infinity") => Ok(Value::Float(f64::NEG_INFINITY)),
            Some('-' | '0'..='9') => self.number(),
            _ => Err(self.error("Expecting value", at)),
        }
    }

    fn nested(&mut self, f: fn(&mut Self) -> PyResult<Value>) -> PyResult<Value> {
        if self.depth >= MAX_DEPTH {
            return Err(Exc::new(
                T::RecursionError,
                "maximum recursion depth exceeded while decoding a JSON document",
            ));
        }
        self.depth += 1;
        self.i += 1;
        let r = f(self);
        self.depth -= 1;
        r
    }

    /// After `{`.
    fn object(&mut self) -> PyResult<Value> {
        let mut d = Dict::new();
        self.ws();
        if self.peek() == Some('}') {
            self.i += 1;
            return Ok(Value::dict(d));
        }
        loop {
            if self.peek() != Some('"') {
                return Err(self.error("Expecting property name enclosed in double quotes", self.i));
            }
            let at = self.i;
            self.i += 1;
            let key = self.string(at)?;
            self.ws();
            if self.peek() != Some(':') {
                return Err(self.error("Expecting ':' delimiter", self.i));
            }
            self.i += 1;
            self.ws();
            let v = self.value()?;
            ops::dict_set(self.it, &mut d, Value::Str(Rc::from(key)), v)?;
            self.ws();
            match self.peek() {
                Some('}') => {
                    self.i += 1;
                    return Ok(Value::dict(d));
                }
                Some(',') => {
                    self.i += 1;
                    self.ws();
                }
                _ => return Err(self.error("Expecting ',' delimiter", self.i)),
            }
        }
    }

    /// After `[`.
    fn array(&mut self) -> PyResult<Value> {
        let mut out = Vec::new();
        self.ws();
        if self.peek() == Some(']') {
            self.i += 1;
            return Ok(Value::list(out));
        }
        loop {
            out.push(self.value()?);
            self.ws();
            match self.peek() {
                Some(']') => {
                    self.i += 1;
                    return Ok(Value::list(out));
                }
                Some(',') => {
                    self.i += 1;
                    self.ws();
                }
                _ => return Err(self.error("Expecting ',' delimiter", self.i)),
            }
        }
    }

    /// After the opening quote at `start`.
    fn string(&mut self, start: usize) -> PyResult<String> {
        let mut out = String::new();
        loop {
            let Some(c) = self.peek() else {
                return Err(self.error("Unterminated string starting at", start));
            };
            match c {
                '"' => {
                    self.i += 1;
                    return Ok(out);
                }
                '\\' => {
                    let esc = self.i;
                    let Some(e) = self.s.get(self.i + 1).copied() else {
                        return Err(self.error("Unterminated string starting at", start));
                    };
                    self.i += 2;
                    match e {
                        '"' => out.push('"'),
                        '\\' => out.push('\\'),
                        '/' => out.push('/'),
                        'b' => out.push('\u{8}'),
                        'f' => out.push('\u{c}'),
                        'n' => out.push('\n'),
                        'r' => out.push('\r'),
                        't' => out.push('\t'),
                        'u' => {
                            let hi = self.hex4(esc)?;
                            let code = if (0xd800..0xdc00).contains(&hi)
                                && self.s.get(self.i) == Some(&'\\')
                                && self.s.get(self.i + 1) == Some(&'u')
                            {
                                let save = self.i;
                                self.i += 2;
                                let lo = self.hex4(save)?;
                                if (0xdc00..0xe000).contains(&lo) {
                                    0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00)
                                } else {
                                    self.i = save;
                                    hi
                                }
                            } else {
                                hi
                            };
                            // A lone surrogate cannot be a Rust char: U+FFFD.
                            out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                        }
                        _ => return Err(self.error("Invalid \\escape", esc)),
                    }
                }
                c if (c as u32) < 0x20 => {
                    return Err(self.error("Invalid control character at", self.i));
                }
                c => {
                    out.push(c);
                    self.i += 1;
                }
            }
        }
    }

    /// The four hex digits after `\u` (the escape at `esc`).
    fn hex4(&mut self, esc: usize) -> PyResult<u32> {
        let digits: String = self
            .s
            .get(self.i..self.i + 4)
            .unwrap_or(&[])
            .iter()
            .collect();
        match (digits.len() == 4)
            .then(|| u32::from_str_radix(&digits, 16).ok())
            .flatten()
        {
            Some(v) if digits.chars().all(|c| c.is_ascii_hexdigit()) => {
                self.i += 4;
                Ok(v)
            }
            _ => Err(self.error("Invalid \\uXXXX escape", esc + 1)),
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`: an int without a
    /// fraction or exponent, else a float.
    fn number(&mut self) -> PyResult<Value> {
        let start = self.i;
        let digits = |d: &Self, mut j: usize| {
            while d.s.get(j).is_some_and(char::is_ascii_digit) {
                j += 1;
            }
            j
        };
        let mut j = start;
        if self.s.get(j) == Some(&'-') {
            j += 1;
        }
        match self.s.get(j) {
            Some('0') => j += 1,
            Some('1'..='9') => j = digits(self, j),
            _ => return Err(self.error("Expecting value", start)),
        }
        let int_end = j;
        let mut float = false;
        if self.s.get(j) == Some(&'.') && self.s.get(j + 1).is_some_and(char::is_ascii_digit) {
            j = digits(self, j + 1);
            float = true;
        }
        if matches!(self.s.get(j), Some('e' | 'E')) {
            let mut k = j + 1;
            if matches!(self.s.get(k), Some('+' | '-')) {
                k += 1;
            }
            if self.s.get(k).is_some_and(char::is_ascii_digit) {
                j = digits(self, k);
                float = true;
            }
        }
        let text: String = self.s[start..j].iter().collect();
        self.i = j;
        if float {
            return Ok(Value::Float(text.parse().unwrap_or(f64::NAN)));
        }
        debug_assert_eq!(int_end, j);
        match text.parse::<i64>() {
            Ok(v) => Ok(Value::Int(v)),
            Err(_) => {
                let (neg, body) = match text.strip_prefix('-') {
                    Some(b) => (true, b),
                    None => (false, text.as_str()),
                };
                let big = crate::python::bigint::BigInt::parse_decimal(body)
                    .ok_or_else(|| self.error("Expecting value", start))?;
                let v = Value::from_big(big);
                if neg {
                    ops::unary(self.it, crate::python::ast::UnaryOp::Neg, v)
                } else {
                    Ok(v)
                }
            }
        }
    }
}
