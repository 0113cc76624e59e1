//! Ints to and from strings, `repr(str)` and `ascii()`, `float(s)`.

use super::*;

/// `str(x)`, or with `sep` (`,` or `_`) every three digits: `1,234,567`
/// (as `format(x, ',')`).
pub fn int_to_str(x: i64, sep: Option<char>) -> String {
    let digits = x.unsigned_abs().to_string();
    let mut out = String::new();
    if x < 0 {
        out.push('-');
    }
    let n = digits.len();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            if let Some(s) = sep {
                out.push(s);
            }
        }
        out.push(c);
    }
    out
}

pub(super) fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `repr(s)` for a str, as CPython writes it: single quotes unless the
/// string holds `'` and no `"`; `\\`, `\n`, `\r`, `\t` and `\xNN`/`\uNNNN`/
/// `\UNNNNNNNN` escapes for non-printable characters. (Printability of
/// non-ASCII characters follows Rust's Unicode tables, which may be newer
/// than CPython 3.11's Unicode 14.)
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if c.is_ascii() => out.push(c),
            c if is_printable(c) => out.push(c),
            c => out.push_str(&escape_non_ascii(c)),
        }
    }
    out.push(quote);
    out
}

pub(super) fn escape_non_ascii(c: char) -> String {
    let v = c as u32;
    if v <= 0xff {
        format!("\\x{v:02x}")
    } else if v <= 0xffff {
        format!("\\u{v:04x}")
    } else {
        format!("\\U{v:08x}")
    }
}

pub(super) fn is_printable(c: char) -> bool {
    if c == '\u{a0}' || c == '\u{ad}' {
        return false;
    }
    // Rust's escape_debug escapes exactly the non-printable characters
    // (categories C*, Z* but space), and grapheme extenders in first
    // position, which a leading 'a' avoids.
    let probe: String = ['a', c].iter().collect();
    probe.escape_debug().to_string() == probe
}

/// `ascii(s)` for a str: [`str_repr`] with every non-ASCII character escaped.
pub fn str_ascii(s: &str) -> String {
    ascii_escape(&str_repr(s))
}

pub(super) fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&escape_non_ascii(c));
        }
    }
    out
}

/// `%.200R`: the repr, cut to 200 characters.
pub(super) fn repr_200(s: &str) -> String {
    str_repr(s).chars().take(200).collect()
}

/// `int(s)` / `int(s, base)`: surrounding whitespace, a sign, `_` between
/// digits, base 0 (prefix decides; no leading zeros), prefixes `0x`/`0o`/
/// `0b` allowed in their own base. Errors: `invalid literal for int() with
/// base 10: 'x'` (ValueError), `int() base must be >= 2 and <= 36, or 0`;
/// an OverflowError for values outside i64 ([`int_from_str_big`] keeps them).
pub fn int_from_str(s: &str, base: u32) -> Res<i64> {
    int_from_str_big(s, base)?.to_i64().ok_or_else(|| {
        BuiltinError::new(
            ErrorKind::OverflowError,
            "Python int too large to convert to C long",
        )
    })
}

/// [`int_from_str`] for ints of any size; a decimal over 4300 digits is
/// CPython 3.11's ValueError, one past the playground's size a MemoryError.
pub fn int_from_str_big(s: &str, base: u32) -> Res<crate::python::bigint::BigInt> {
    if base == 1 || base > 36 {
        return value_error("int() base must be >= 2 and <= 36, or 0");
    }
    let invalid = || {
        BuiltinError::new(
            ErrorKind::ValueError,
            format!(
                "invalid literal for int() with base {base}: {}",
                repr_200(s)
            ),
        )
    };
    let t = s.trim_matches(is_py_space);
    let (negative, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    let prefix_base = if lower.starts_with("0x") {
        Some(16)
    } else if lower.starts_with("0o") {
        Some(8)
    } else if lower.starts_with("0b") {
        Some(2)
    } else {
        None
    };
    let mut b = base;
    let mut body = t;
    let mut after_prefix = false;
    match (base, prefix_base) {
        (0, Some(p)) => {
            b = p;
            body = &t[2..];
            after_prefix = true;
        }
        (0, None) => b = 10,
        (x, Some(p)) if x == p => {
            body = &t[2..];
            after_prefix = true;
        }
        _ => {}
    }
    let body_chars: Vec<char> = body.chars().collect();
    let mut digits: Vec<u32> = Vec::new();
    for (i, &c) in body_chars.iter().enumerate() {
        if c == '_' {
            let prev_ok = if i == 0 {
                after_prefix
            } else {
                body_chars[i - 1] != '_'
            };
            let next_ok = body_chars.get(i + 1).is_some_and(|&n| n != '_');
            if !prev_ok || !next_ok {
                return Err(invalid());
            }
            continue;
        }
        let d = c.to_digit(36).filter(|&d| d < b).ok_or_else(invalid)?;
        digits.push(d);
    }
    if digits.is_empty() {
        return Err(invalid());
    }
    if base == 0 && prefix_base.is_none() && digits[0] == 0 && digits.iter().any(|&d| d != 0) {
        return Err(invalid());
    }
    crate::python::bigint::BigInt::from_digits(negative, &digits, b).map_err(|e| match e {
        Some(n) => BuiltinError::new(
            ErrorKind::ValueError,
            format!("Exceeds the limit (4300 digits) for integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit"),
        ),
        None => BuiltinError::new(
            ErrorKind::MemoryError,
            "int too large: the playground's ints stop at about 100,000 digits",
        ),
    })
}

/// `float(s)`: surrounding whitespace, a sign, decimal or exponent notation,
/// `_` between digits, `inf`/`infinity`/`nan` in any case. Error:
/// `could not convert string to float: 'x'` (ValueError).
pub fn float_from_str(s: &str) -> Res<f64> {
    let invalid = || {
        BuiltinError::new(
            ErrorKind::ValueError,
            format!("could not convert string to float: {}", repr_200(s)),
        )
    };
    let t = s.trim_matches(is_py_space);
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let special = match lower.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Ok(if neg { -v } else { v });
    }
    // Validate: digits[_digits]* [. [digits]] [e [sign] digits], at least one digit
    // in the mantissa; '_' only between two digits.
    let bytes = body.as_bytes();
    let mut clean = String::with_capacity(body.len() + 1);
    if neg {
        clean.push('-');
    }
    let mut i = 0;
    let digit_run = |i: &mut usize, clean: &mut String| -> Result<usize, ()> {
        let mut n = 0;
        while *i < bytes.len() {
            let c = bytes[*i];
            if c.is_ascii_digit() {
                clean.push(c as char);
                n += 1;
                *i += 1;
            } else if c == b'_' {
                if n == 0 || *i + 1 >= bytes.len() || !bytes[*i + 1].is_ascii_digit() {
                    return Err(());
                }
                *i += 1;
            } else {
                break;
            }
        }
        Ok(n)
    };
    let int_n = digit_run(&mut i, &mut clean).map_err(|_| invalid())?;
    let mut frac_n = 0;
    if i < bytes.len() && bytes[i] == b'.' {
        clean.push('.');
        i += 1;
        frac_n = digit_run(&mut i, &mut clean).map_err(|_| invalid())?;
    }
    if int_n + frac_n == 0 {
        return Err(invalid());
    }
    if i < bytes.len() && (bytes[i] == b'e' || bytes[i] == b'E') {
        clean.push('e');
        i += 1;
        if i < bytes.len() && (bytes[i] == b'+' || bytes[i] == b'-') {
            clean.push(bytes[i] as char);
            i += 1;
        }
        let n = digit_run(&mut i, &mut clean).map_err(|_| invalid())?;
        if n == 0 {
            return Err(invalid());
        }
    }
    if i != bytes.len() {
        return Err(invalid());
    }
    clean.parse::<f64>().map_err(|_| invalid())
}
