//! printf-style formatting: `'%s %d' % (...)` (a port of
//! `PyUnicode_Format`).

use super::*;

/// One right-hand operand of `fmt % args`.
///
/// The interpreter passes numbers as they are and anything else already
/// converted: `%s` uses `str(v)`, `%r` uses `repr(v)`, `%a` uses `ascii(v)`
/// (computed here from `repr`). Numbers convert themselves (`%s` of a float
/// is its repr, of a bool `True`); a `Str` is a Python str (its repr and
/// `%c` of a one-character string are handled here).
#[derive(Debug, Clone, PartialEq)]
pub enum FmtArg {
    /// A Python int.
    Int(i64),
    /// A Python int beyond i64.
    Big(crate::python::bigint::BigInt),
    /// A Python bool (an int for `%d`, `True`/`False` for `%s`).
    Bool(bool),
    /// A Python float.
    Float(f64),
    /// A Python str.
    Str(String),
    /// Any other value: its type name (for TypeErrors), `str()` and `repr()`.
    Other {
        /// `type(v).__name__`, e.g. `"list"`.
        type_name: String,
        /// `str(v)`.
        str: String,
        /// `repr(v)`.
        repr: String,
    },
}

impl FmtArg {
    fn type_name(&self) -> &str {
        match self {
            FmtArg::Int(_) | FmtArg::Big(_) => "int",
            FmtArg::Bool(_) => "bool",
            FmtArg::Float(_) => "float",
            FmtArg::Str(_) => "str",
            FmtArg::Other { type_name, .. } => type_name,
        }
    }
    fn to_str(&self) -> String {
        match self {
            FmtArg::Int(i) => i.to_string(),
            FmtArg::Big(b) => b.to_decimal().unwrap_or_default(),
            FmtArg::Bool(b) => if *b { "True" } else { "False" }.to_string(),
            FmtArg::Float(f) => float_repr(*f),
            FmtArg::Str(s) => s.clone(),
            FmtArg::Other { str, .. } => str.clone(),
        }
    }
    fn to_repr(&self) -> String {
        match self {
            FmtArg::Str(s) => str_repr(s),
            FmtArg::Other { repr, .. } => repr.clone(),
            other => other.to_str(),
        }
    }
}

/// Decimal digits of trunc(x) for a finite float (`int(x)` for `%d`).
pub(super) fn float_trunc_digits(x: f64) -> String {
    if x.abs() < 1.0 {
        return "0".to_string();
    }
    let (digits, decpt) = exact_digits(x);
    let mut s: String = digits
        .iter()
        .take(decpt as usize)
        .map(|d| (b'0' + d) as char)
        .collect();
    while s.len() < decpt as usize {
        s.push('0');
    }
    s
}

/// `fmt % args` (printf-style `str` formatting, `PyUnicode_Format`):
/// flags `-+ #0`, width and precision (or `*`), length modifiers `hlL`
/// (ignored), conversions `s r a c d i u o x X e E f F g G %`.
/// A non-tuple right operand is a one-element `args`. Errors as CPython:
/// `not enough arguments for format string`, `not all arguments converted
/// during string formatting`, `%d format: a real number is required, not
/// str`, `unsupported format character 'y' (0x79) at index 1`,
/// `incomplete format`, `format requires a mapping` (`%(name)s` with
/// positional arguments).
pub fn percent_format(fmt: &str, args: &[FmtArg]) -> Res<String> {
    percent_format_with(fmt, args, None)
}

/// A key's value for `%(key)s`, when the right operand is a mapping.
pub type Lookup<'a> = &'a mut dyn FnMut(&str) -> Res<FmtArg>;

/// [`percent_format`] with a mapping (`'%(name)s' % {'name': 1}`): each
/// `%(key)` takes `lookup(key)`; a spec without a key takes the mapping
/// itself (`args[0]`), and leftover arguments are no error.
pub fn percent_format_with(fmt: &str, args: &[FmtArg], mut lookup: Option<Lookup>) -> Res<String> {
    let mapping = lookup.is_some();
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut argi = 0;
    let incomplete = || BuiltinError::new(ErrorKind::ValueError, "incomplete format");
    let next_arg = |argi: &mut usize| -> Res<&FmtArg> {
        let a = args.get(*argi).ok_or_else(|| {
            BuiltinError::new(
                ErrorKind::TypeError,
                "not enough arguments for format string",
            )
        })?;
        *argi += 1;
        Ok(a)
    };
    while i < chars.len() {
        if chars[i] != '%' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        if i < chars.len() && chars[i] == '%' {
            out.push('%');
            i += 1;
            continue;
        }
        let mut keyed = None;
        if i < chars.len() && chars[i] == '(' {
            let Some(look) = lookup.as_mut() else {
                return type_error("format requires a mapping");
            };
            let mut depth = 1;
            let start = i + 1;
            i += 1;
            while i < chars.len() && depth > 0 {
                match chars[i] {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err(BuiltinError::new(
                    ErrorKind::ValueError,
                    "incomplete format key",
                ));
            }
            let key: String = chars[start..i - 1].iter().collect();
            keyed = Some(look(&key)?);
        }
        let (mut ljust, mut plus, mut blank, mut alt, mut zero) =
            (false, false, false, false, false);
        while i < chars.len() {
            match chars[i] {
                '-' => ljust = true,
                '+' => plus = true,
                ' ' => blank = true,
                '#' => alt = true,
                '0' => zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut width: i64 = -1;
        if i < chars.len() && chars[i] == '*' {
            let w = match next_arg(&mut argi)? {
                FmtArg::Int(v) => *v,
                FmtArg::Bool(b) => i64::from(*b),
                _ => return type_error("* wants int"),
            };
            if w < 0 {
                ljust = true;
                width = w.checked_neg().unwrap_or(i64::MAX);
            } else {
                width = w;
            }
            i += 1;
        } else {
            let mut n = 0;
            while i < chars.len() {
                let Some(d) = chars[i].to_digit(10) else {
                    break;
                };
                if n == 0 {
                    width = 0;
                }
                width = width
                    .checked_mul(10)
                    .and_then(|w| w.checked_add(i64::from(d)))
                    .ok_or_else(|| BuiltinError::new(ErrorKind::ValueError, "width too big"))?;
                n += 1;
                i += 1;
            }
        }
        let mut prec: i64 = -1;
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            prec = 0;
            if i < chars.len() && chars[i] == '*' {
                let p = match next_arg(&mut argi)? {
                    FmtArg::Int(v) => c_int(*v)?,
                    FmtArg::Bool(b) => i64::from(*b),
                    _ => return type_error("* wants int"),
                };
                prec = p.max(-1);
                if p < 0 {
                    prec = 0;
                }
                i += 1;
            } else {
                while i < chars.len() {
                    let Some(d) = chars[i].to_digit(10) else {
                        break;
                    };
                    prec = prec
                        .checked_mul(10)
                        .and_then(|w| w.checked_add(i64::from(d)))
                        .ok_or_else(|| {
                            BuiltinError::new(ErrorKind::ValueError, "precision too big")
                        })?;
                    i += 1;
                }
            }
        }
        while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= chars.len() {
            return Err(incomplete());
        }
        let ch = chars[i];
        let index = i;
        i += 1;
        let arg = match &keyed {
            Some(a) => a,
            None if mapping => args.first().ok_or_else(|| {
                BuiltinError::new(
                    ErrorKind::TypeError,
                    "not enough arguments for format string",
                )
            })?,
            None => next_arg(&mut argi)?,
        };
        let mut numeric = true;
        let text: String = match ch {
            's' | 'r' | 'a' => {
                numeric = false;
                let mut s = match ch {
                    's' => arg.to_str(),
                    'r' => arg.to_repr(),
                    _ => ascii_escape(&arg.to_repr()),
                };
                if prec >= 0 {
                    if let Some((cut, _)) = s.char_indices().nth(prec as usize) {
                        s.truncate(cut);
                    }
                }
                s
            }
            'c' => {
                numeric = false;
                match arg {
                    FmtArg::Str(s) if s.chars().count() == 1 => s.clone(),
                    FmtArg::Int(_) | FmtArg::Bool(_) => {
                        let v = match arg {
                            FmtArg::Int(v) => *v,
                            FmtArg::Bool(b) => i64::from(*b),
                            _ => 0,
                        };
                        let c = u32::try_from(v)
                            .ok()
                            .filter(|&c| c <= 0x10ffff)
                            .ok_or_else(|| {
                                BuiltinError::new(
                                    ErrorKind::OverflowError,
                                    "%c arg not in range(0x110000)",
                                )
                            })?;
                        char::from_u32(c).unwrap_or('\u{fffd}').to_string()
                    }
                    FmtArg::Big(_) => return overflow_error("%c arg not in range(0x110000)"),
                    _ => return type_error("%c requires int or char"),
                }
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let (negative, digits) = match arg {
                    FmtArg::Int(v) => (*v < 0, i128::from(*v)),
                    FmtArg::Big(b) => (b.is_negative(), 0),
                    FmtArg::Bool(b) => (false, i128::from(*b)),
                    FmtArg::Float(f) if matches!(ch, 'd' | 'i' | 'u') => {
                        if f.is_nan() {
                            return value_error("cannot convert float NaN to integer");
                        }
                        if f.is_infinite() {
                            return overflow_error("cannot convert float infinity to integer");
                        }
                        let d = float_trunc_digits(*f);
                        let neg = *f < 0.0 && d != "0";
                        // Out of i128 range only as a decimal string.
                        let s = pad_precision(d, prec)?;
                        let body = if neg { format!("-{s}") } else { s };
                        if width > MAX_OUTPUT as i64 {
                            return too_long(width as u128);
                        }
                        pad_numeric(&body, width, ljust, plus, blank, zero, alt, ch, &mut out);
                        continue;
                    }
                    other => {
                        let kind = if matches!(ch, 'd' | 'i' | 'u') {
                            "a real number"
                        } else {
                            "an integer"
                        };
                        return type_error(format!(
                            "%{ch} format: {kind} is required, not {}",
                            other.type_name()
                        ));
                    }
                };
                let mag = digits.unsigned_abs();
                let ds = match (arg, ch) {
                    (FmtArg::Big(b), _) => {
                        let base = match ch {
                            'o' => 8,
                            'x' | 'X' => 16,
                            _ => 10,
                        };
                        let Some(d) = b.mag_digits(base) else {
                            return value_error("Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
                        };
                        if ch == 'X' {
                            d.to_ascii_uppercase()
                        } else {
                            d
                        }
                    }
                    (_, 'o') => format!("{mag:o}"),
                    (_, 'x') => format!("{mag:x}"),
                    (_, 'X') => format!("{mag:X}"),
                    _ => mag.to_string(),
                };
                let ds = pad_precision(ds, prec)?;
                let mut s = String::new();
                if negative {
                    s.push('-');
                }
                if alt {
                    match ch {
                        'o' => s.push_str("0o"),
                        'x' => s.push_str("0x"),
                        'X' => s.push_str("0X"),
                        _ => {}
                    }
                }
                s.push_str(&ds);
                s
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let v = match arg {
                    FmtArg::Int(v) => *v as f64,
                    FmtArg::Big(b) => match b.to_f64() {
                        Some(f) => f,
                        None => return overflow_error("int too large to convert to float"),
                    },
                    FmtArg::Bool(b) => f64::from(u8::from(*b)),
                    FmtArg::Float(f) => *f,
                    other => {
                        return type_error(format!(
                            "must be real number, not {}",
                            other.type_name()
                        ))
                    }
                };
                if prec > i64::from(i32::MAX) {
                    return too_long(prec as u128);
                }
                let p = if prec < 0 { 6 } else { prec };
                let flags = DtsFlags {
                    sign: false,
                    add_dot_0: false,
                    alt,
                    no_neg_0: false,
                };
                double_to_string(v, ch, p, &flags)?
            }
            _ => {
                let code = ch as u32;
                let shown = if (32..127).contains(&code) {
                    ch.to_string()
                } else {
                    "?".to_string()
                };
                return value_error(format!(
                    "unsupported format character '{shown}' (0x{code:x}) at index {index}"
                ));
            }
        };
        if width > MAX_OUTPUT as i64 {
            return too_long(width as u128);
        }
        if numeric {
            pad_numeric(&text, width, ljust, plus, blank, zero, alt, ch, &mut out);
        } else {
            let len = text.chars().count() as i64;
            let padn = (width - len).max(0) as usize;
            if ljust {
                out.push_str(&text);
                out.extend(std::iter::repeat_n(' ', padn));
            } else {
                out.extend(std::iter::repeat_n(' ', padn));
                out.push_str(&text);
            }
        }
        check_len(out.len() as u128)?;
    }
    if argi < args.len() && !mapping {
        return type_error("not all arguments converted during string formatting");
    }
    Ok(out)
}

/// A `*` precision must fit a C int (a `*` width is a Py_ssize_t).
pub(super) fn c_int(v: i64) -> Res<i64> {
    if i32::try_from(v).is_err() {
        return overflow_error("Python int too large to convert to C int");
    }
    Ok(v)
}

pub(super) fn pad_precision(ds: String, prec: i64) -> Res<String> {
    if prec > ds.len() as i64 {
        check_len(prec as u128)?;
        let mut s = "0".repeat(prec as usize - ds.len());
        s.push_str(&ds);
        Ok(s)
    } else {
        Ok(ds)
    }
}

/// The numeric half of CPython's `unicode_format_arg_output`.
#[allow(clippy::too_many_arguments)]
pub(super) fn pad_numeric(
    text: &str,
    width: i64,
    ljust: bool,
    plus: bool,
    blank: bool,
    zero: bool,
    alt: bool,
    ch: char,
    out: &mut String,
) {
    let fill = if zero { '0' } else { ' ' };
    let mut body = text;
    let mut signchar = None;
    if let Some(c) = body.chars().next().filter(|c| *c == '-' || *c == '+') {
        signchar = Some(c);
        body = &body[1..];
    } else if plus {
        signchar = Some('+');
    } else if blank {
        signchar = Some(' ');
    }
    let mut len = body.chars().count() as i64;
    let mut width = width.max(len);
    if let Some(s) = signchar {
        if fill != ' ' {
            out.push(s);
        }
        if width > len {
            width -= 1;
        }
    }
    let has_prefix = alt && matches!(ch, 'x' | 'X' | 'o');
    if has_prefix {
        if fill != ' ' {
            out.push_str(&body[..2]);
            body = &body[2..];
        }
        width = (width - 2).max(0);
        len -= 2;
    }
    if width > len && !ljust {
        out.extend(std::iter::repeat_n(fill, (width - len) as usize));
        width = len;
    }
    if fill == ' ' {
        if let Some(s) = signchar {
            out.push(s);
        }
    }
    out.push_str(body);
    if width > len {
        out.extend(std::iter::repeat_n(' ', (width - len) as usize));
    }
}
