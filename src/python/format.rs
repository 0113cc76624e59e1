//! Number formatting exactly as CPython 3.11 does it: pure helpers the
//! interpreter's builtins call.
//!
//! - [`float_repr`]: `repr(float)` / `str(float)` (shortest round-trip digits).
//! - [`parse_spec`], [`format_float`], [`format_int`], [`format_str`]: the
//!   format-spec mini-language of `format()`, f-strings and `str.format`
//!   (ports of CPython's `Python/formatter_unicode.c` and
//!   `Python/pystrtod.c`).
//! - [`percent_format`]: `'%s %d' % (...)` (port of `PyUnicode_Format`).
//! - [`round_float`], [`round_int`]: `round()`.
//! - [`int_to_str`], [`int_from_str`], [`float_from_str`], [`str_repr`]:
//!   `str(int)`, `int(s, base)`, `float(s)`, `repr(str)`.
//!
//! Every digit comes from the *exact* decimal expansion of the double (a
//! small big-integer routine below), rounded half-to-even, as David Gay's
//! `dtoa` does for CPython; shortest digits come from Rust's `{:e}`, which is
//! the same shortest-and-closest string `repr` produces. Nothing here panics
//! on any input: outputs longer than [`MAX_OUTPUT`] characters are refused
//! with a `MemoryError` instead of being allocated.
//!
//! Errors are [`BuiltinError`]s: the Python exception class CPython raises
//! ([`ErrorKind`]) and its exact message.
//!
//! The C locale is assumed (CPython never calls `setlocale(LC_NUMERIC)`), so
//! the `n` presentation type groups nothing and uses `.`. Only ASCII digits
//! are accepted in widths, precisions and `int()`/`float()` strings (CPython
//! also accepts other Unicode decimal digits).

use std::fmt;

/// The longest string any helper here will build (characters). Longer
/// requests (a width of `10**9`, `'%.999999999f'`) fail with a `MemoryError`.
pub const MAX_OUTPUT: usize = 10_000_000;

/// The Python exception class of a [`BuiltinError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// `ValueError`
    ValueError,
    /// `TypeError`
    TypeError,
    /// `OverflowError`
    OverflowError,
    /// `MemoryError` (the playground's cap on output size, see [`MAX_OUTPUT`])
    MemoryError,
    /// `IndexError` (used by [`crate::python::random`])
    IndexError,
    /// `ZeroDivisionError` (used by [`crate::python::random`])
    ZeroDivisionError,
}

impl ErrorKind {
    /// The Python class name, e.g. `"ValueError"`.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::ValueError => "ValueError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::OverflowError => "OverflowError",
            ErrorKind::MemoryError => "MemoryError",
            ErrorKind::IndexError => "IndexError",
            ErrorKind::ZeroDivisionError => "ZeroDivisionError",
        }
    }
}

/// A Python exception raised by a builtin: its class and CPython's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuiltinError {
    /// The exception class.
    pub kind: ErrorKind,
    /// The message, exactly as CPython words it (`str(exc)`).
    pub message: String,
}

impl BuiltinError {
    /// A new error of `kind` with `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        BuiltinError {
            kind,
            message: message.into(),
        }
    }
}

impl fmt::Display for BuiltinError {
    /// `ValueError: message`, as a traceback's last line shows it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.message.is_empty() {
            write!(f, "{}", self.kind.name())
        } else {
            write!(f, "{}: {}", self.kind.name(), self.message)
        }
    }
}

impl std::error::Error for BuiltinError {}

impl From<BuiltinError> for String {
    fn from(e: BuiltinError) -> String {
        e.message
    }
}

type Res<T> = Result<T, BuiltinError>;

fn value_error<T>(msg: impl Into<String>) -> Res<T> {
    Err(BuiltinError::new(ErrorKind::ValueError, msg))
}

fn type_error<T>(msg: impl Into<String>) -> Res<T> {
    Err(BuiltinError::new(ErrorKind::TypeError, msg))
}

fn overflow_error<T>(msg: impl Into<String>) -> Res<T> {
    Err(BuiltinError::new(ErrorKind::OverflowError, msg))
}

fn too_long<T>(n: u128) -> Res<T> {
    Err(BuiltinError::new(
        ErrorKind::MemoryError,
        format!("a {n}-character string is more than the playground allows ({MAX_OUTPUT})"),
    ))
}

fn check_len(n: u128) -> Res<()> {
    if n > MAX_OUTPUT as u128 {
        too_long(n)
    } else {
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Exact decimal expansion of a double.
// ---------------------------------------------------------------------------

/// Decimal digits of a big natural number held as little-endian u32 limbs.
fn big_to_decimal(mut limbs: Vec<u32>) -> Vec<u8> {
    let mut chunks: Vec<u32> = Vec::new();
    while limbs.last() == Some(&0) {
        limbs.pop();
    }
    while !limbs.is_empty() {
        let mut rem: u64 = 0;
        for limb in limbs.iter_mut().rev() {
            let cur = (rem << 32) | u64::from(*limb);
            *limb = (cur / 1_000_000_000) as u32;
            rem = cur % 1_000_000_000;
        }
        chunks.push(rem as u32);
        while limbs.last() == Some(&0) {
            limbs.pop();
        }
    }
    let mut out = Vec::new();
    for (i, c) in chunks.iter().rev().enumerate() {
        let s = if i == 0 {
            c.to_string()
        } else {
            format!("{c:09}")
        };
        out.extend(s.bytes().map(|b| b - b'0'));
    }
    if out.is_empty() {
        out.push(0);
    }
    out
}

fn big_mul_small(limbs: &mut Vec<u32>, m: u32) {
    let mut carry: u64 = 0;
    for limb in limbs.iter_mut() {
        let cur = u64::from(*limb) * u64::from(m) + carry;
        *limb = cur as u32;
        carry = cur >> 32;
    }
    if carry > 0 {
        limbs.push(carry as u32);
    }
}

/// A finite nonzero `|x|` as digits `d1 d2 ... dn` (no leading or trailing
/// zeros) and `decpt` such that `|x| = 0.d1d2...dn * 10**decpt`, exactly.
fn exact_digits(x: f64) -> (Vec<u8>, i32) {
    let bits = x.abs().to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (mant, e2) = if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp_bits - 1075)
    };
    let mut limbs = vec![mant as u32, (mant >> 32) as u32];
    let mut digits;
    let decpt;
    if e2 >= 0 {
        // mant * 2**e2
        let words = (e2 / 32) as usize;
        let rest = (e2 % 32) as u32;
        if rest > 0 {
            big_mul_small(&mut limbs, 1u32 << rest);
        }
        let mut shifted = vec![0u32; words];
        shifted.extend(limbs);
        digits = big_to_decimal(shifted);
        decpt = digits.len() as i32;
    } else {
        // mant * 5**(-e2) / 10**(-e2)
        let mut k = -e2;
        while k >= 13 {
            big_mul_small(&mut limbs, 1_220_703_125); // 5**13
            k -= 13;
        }
        if k > 0 {
            big_mul_small(&mut limbs, 5u32.pow(k as u32));
        }
        digits = big_to_decimal(limbs);
        decpt = digits.len() as i32 + e2;
    }
    while digits.last() == Some(&0) {
        digits.pop();
    }
    (digits, decpt)
}

/// Round digits (value `0.D * 10**decpt`) to keep `keep` leading digits,
/// half to even on the exact value. Returns stripped digits (empty if the
/// result is zero) and the new decpt.
fn round_digits(mut digits: Vec<u8>, mut decpt: i32, keep: i64) -> (Vec<u8>, i32) {
    if keep >= digits.len() as i64 {
        return (digits, decpt);
    }
    if keep < 0 {
        return (Vec::new(), decpt);
    }
    let k = keep as usize;
    let first = digits[k];
    let rest_nonzero = digits[k + 1..].iter().any(|&d| d != 0);
    let prev_odd = k > 0 && digits[k - 1] % 2 == 1;
    let up = first > 5 || (first == 5 && (rest_nonzero || prev_odd));
    digits.truncate(k);
    if up {
        let mut i = k;
        loop {
            if i == 0 {
                digits.insert(0, 1);
                decpt += 1;
                break;
            }
            i -= 1;
            if digits[i] == 9 {
                digits[i] = 0;
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    while digits.last() == Some(&0) {
        digits.pop();
    }
    (digits, decpt)
}

/// Shortest round-trip digits of finite nonzero |x| (dtoa mode 0).
fn shortest_digits(x: f64) -> (Vec<u8>, i32) {
    let s = format!("{:e}", x.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mant
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect();
    while digits.len() > 1 && digits.last() == Some(&0) {
        digits.pop();
    }
    (digits, exp + 1)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Shortest,
    Significant(i64),
    AfterPoint(i64),
}

/// `_Py_dg_dtoa` for finite x: (digits, decpt). Zero gives `[0]`, decpt 1;
/// a value rounding to zero gives no digits.
fn dtoa(x: f64, mode: Mode) -> (Vec<u8>, i32) {
    if x == 0.0 {
        return (vec![0], 1);
    }
    match mode {
        Mode::Shortest => {
            // Rust's shortest digits give the length; the digits themselves
            // are the exact value correctly rounded to it, so ties go to
            // even as in dtoa (2123044422347665.25 -> ...665.2).
            // Near a power of two the gap below is half the gap above, and
            // the rounded exact value may not read back as x (2**122 is
            // 5.316911983139664e+36, not ...663e+36): then Rust's digits.
            let short = shortest_digits(x);
            let n = short.0.len() as i64;
            let (d, p) = exact_digits(x);
            let (d, p) = round_digits(d, p, n);
            let text: String = d.iter().map(|&c| char::from(b'0' + c)).collect();
            if format!("0.{text}e{p}").parse::<f64>() == Ok(x.abs()) {
                (d, p)
            } else {
                short
            }
        }
        Mode::Significant(n) => {
            let (d, p) = exact_digits(x);
            round_digits(d, p, n.max(1))
        }
        Mode::AfterPoint(n) => {
            let (d, p) = exact_digits(x);
            let keep = i64::from(p).saturating_add(n);
            let (d, p) = round_digits(d, p, keep);
            if d.is_empty() {
                // dtoa's "no digits": the decimal point sits at -ndigits.
                (d, (-n).clamp(-100_000, 100_000) as i32)
            } else {
                (d, p)
            }
        }
    }
}

/// CPython's `format_float_short` + `PyOS_double_to_string`.
/// `code` is one of `e E f F g G r`.
struct DtsFlags {
    sign: bool,
    add_dot_0: bool,
    alt: bool,
    no_neg_0: bool,
}

fn double_to_string(val: f64, code: char, precision: i64, flags: &DtsFlags) -> Res<String> {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let (mode, precision) = match code {
        'e' => (Mode::Significant(precision + 1), precision + 1),
        'f' => (Mode::AfterPoint(precision), precision),
        'g' => {
            let p = if precision == 0 { 1 } else { precision };
            (Mode::Significant(p), p)
        }
        _ => (Mode::Shortest, 0),
    };
    let mut out = String::new();
    let negative = val.is_sign_negative() && !val.is_nan();
    if !val.is_finite() {
        if negative {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        let word = if val.is_nan() { "nan" } else { "inf" };
        if upper {
            out.push_str(&word.to_ascii_uppercase());
        } else {
            out.push_str(word);
        }
        return Ok(out);
    }
    // Refuse absurd sizes before dtoa does the work.
    let mag = if val == 0.0 {
        1
    } else {
        (val.abs().log10().floor() as i64).clamp(-400, 400)
    };
    let estimate: i128 = match code {
        'f' => i128::from(precision) + i128::from(mag.max(0)),
        'e' => i128::from(precision),
        'g' if flags.alt => i128::from(precision),
        _ => 0,
    };
    check_len(estimate.max(0) as u128 + 8)?;

    let (digits, decpt) = dtoa(val, mode);
    let mut sign = negative;
    if flags.no_neg_0 && sign && digits.iter().all(|&d| d == 0) {
        sign = false;
    }
    let digits_len = digits.len() as i64;
    let mut decpt = i64::from(decpt);
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && flags.add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }
    check_len((vdigits_end - vdigits_start).max(0) as u128 + 8)?;
    if sign {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    let push_digits = |out: &mut String, ds: &[u8]| {
        for &d in ds {
            out.push((b'0' + d) as char);
        }
    };
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        push_digits(&mut out, &digits[..decpt as usize]);
        out.push('.');
        push_digits(&mut out, &digits[decpt as usize..]);
    } else {
        push_digits(&mut out, &digits);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        if exp < 0 {
            out.push('-');
        } else {
            out.push('+');
        }
        out.push_str(&format!("{:02}", exp.abs()));
    }
    Ok(out)
}

/// `repr(x)` (and `str(x)`) for a float, as CPython 3.11 prints it:
/// shortest round-trip digits, exponent form when the decimal exponent is
/// below -4 or at least 16: `0.1`, `100.0`, `1e-05`, `1e+16`, `inf`, `nan`,
/// `-0.0`.
pub fn float_repr(x: f64) -> String {
    let flags = DtsFlags {
        sign: false,
        add_dot_0: true,
        alt: false,
        no_neg_0: false,
    };
    double_to_string(x, 'r', 0, &flags).unwrap_or_default()
}

// ---------------------------------------------------------------------------
// The format-spec mini-language.
// ---------------------------------------------------------------------------

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
///
/// Build it with [`parse_spec`]; the defaults that depend on the value's
/// type (alignment, the effect of `0`) are applied by the `format_*`
/// functions.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Spec {
    /// The fill character, if one was given before an alignment.
    pub fill: Option<char>,
    /// `<`, `>`, `=` or `^`, if given.
    pub align: Option<char>,
    /// `+`, `-` or ` `, if given.
    pub sign: Option<char>,
    /// `z`: negative zero (after rounding) prints as zero.
    pub no_neg_0: bool,
    /// `#`: the alternate form.
    pub alternate: bool,
    /// A `0` before the width (zero padding), when no fill was given.
    pub zero: bool,
    /// The minimum width.
    pub width: Option<u64>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    /// The precision after `.`.
    pub precision: Option<u64>,
    /// The presentation type, if given.
    pub ty: Option<char>,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

fn spec_char(c: char) -> String {
    if (c as u32) > 32 && (c as u32) < 128 {
        c.to_string()
    } else {
        format!("\\x{:x}", c as u32)
    }
}

/// Parses a format spec as CPython 3.11 does (`format(value, spec)`).
/// `type_name` is the value's type (`"int"`, `"float"`, `"str"`, ...), used
/// in the `Invalid format specifier '...' for object of type '...'`
/// message. Errors: `Too many decimal digits in format string`,
/// `Format specifier missing precision`, `Cannot specify both ',' and '_'.`,
/// `Cannot specify ',' with 'c'.`.
pub fn parse_spec(spec: &str, type_name: &str) -> Res<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut pos = 0;
    let mut out = Spec::default();
    if end >= 2 && is_align(chars[1]) {
        out.fill = Some(chars[0]);
        out.align = Some(chars[1]);
        pos = 2;
    } else if end >= 1 && is_align(chars[0]) {
        out.align = Some(chars[0]);
        pos = 1;
    }
    if pos < end && matches!(chars[pos], '+' | '-' | ' ') {
        out.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < end && chars[pos] == 'z' {
        out.no_neg_0 = true;
        pos += 1;
    }
    if pos < end && chars[pos] == '#' {
        out.alternate = true;
        pos += 1;
    }
    if out.fill.is_none() && pos < end && chars[pos] == '0' {
        out.zero = true;
        pos += 1;
    }
    let get_integer = |pos: &mut usize| -> Res<Option<u64>> {
        let mut acc: u64 = 0;
        let mut n = 0;
        while *pos < end {
            let Some(d) = chars[*pos].to_digit(10) else {
                break;
            };
            if acc > (i64::MAX as u64 - u64::from(d)) / 10 {
                return value_error("Too many decimal digits in format string");
            }
            acc = acc * 10 + u64::from(d);
            *pos += 1;
            n += 1;
        }
        Ok(if n == 0 { None } else { Some(acc) })
    };
    out.width = get_integer(&mut pos)?;
    let both = "Cannot specify both ',' and '_'.";
    if pos < end && chars[pos] == ',' {
        out.grouping = Some(',');
        pos += 1;
    }
    if pos < end && chars[pos] == '_' {
        if out.grouping.is_some() {
            return value_error(both);
        }
        out.grouping = Some('_');
        pos += 1;
    }
    if pos < end && chars[pos] == ',' && out.grouping == Some('_') {
        return value_error(both);
    }
    if pos < end && chars[pos] == '.' {
        pos += 1;
        out.precision = get_integer(&mut pos)?;
        if out.precision.is_none() {
            return value_error("Format specifier missing precision");
        }
    }
    if end - pos > 1 {
        return value_error(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        ));
    }
    if end - pos == 1 {
        out.ty = Some(chars[pos]);
    }
    if let Some(g) = out.grouping {
        // CPython checks against the type's default presentation type.
        let default_ty = match type_name {
            "str" => Some('s'),
            "float" | "complex" => None,
            _ => Some('d'),
        };
        let ok = match out.ty.or(default_ty) {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('x' | 'X' | 'b' | 'o') => g == '_',
            _ => false,
        };
        if !ok {
            let t = out.ty.or(default_ty).unwrap_or('\0');
            return value_error(format!("Cannot specify '{g}' with '{}'.", spec_char(t)));
        }
    }
    Ok(out)
}

fn unknown_code<T>(ty: char, type_name: &str) -> Res<T> {
    value_error(format!(
        "Unknown format code '{}' for object of type '{type_name}'",
        spec_char(ty)
    ))
}

/// The spec with the type's defaults applied.
struct Resolved {
    fill: char,
    align: char,
    width: i64,
}

fn resolve(spec: &Spec, default_align: char) -> Res<Resolved> {
    let width = match spec.width {
        Some(w) => {
            check_len(u128::from(w))?;
            w as i64
        }
        None => -1,
    };
    let fill = spec.fill.unwrap_or(if spec.zero { '0' } else { ' ' });
    let align = match spec.align {
        Some(a) => a,
        None if spec.zero && default_align == '>' => '=',
        None => default_align,
    };
    Ok(Resolved { fill, align, width })
}

/// CPython's `_PyUnicode_InsertThousandsGrouping`: group `digits` (all the
/// integer-part characters) by `group` with `sep`, zero-padding to
/// `min_width` characters.
fn group_digits(digits: &[char], min_width: i64, grouping: Option<(usize, char)>) -> Vec<char> {
    let mut min_width = min_width.max(0);
    let mut pieces: Vec<Vec<char>> = Vec::new();
    let mut remaining = digits.len() as i64;
    let mut end = digits.len();
    let mut broken = false;
    let take = |pieces: &mut Vec<Vec<char>>, end: &mut usize, n_chars: i64, n_zeros: i64| {
        let start = *end - n_chars as usize;
        let mut piece: Vec<char> = std::iter::repeat_n('0', n_zeros as usize).collect();
        piece.extend_from_slice(&digits[start..*end]);
        *end = start;
        pieces.push(piece);
    };
    if let Some((len0, sep)) = grouping {
        let _ = sep;
        loop {
            let len = (len0 as i64).min(remaining.max(min_width).max(1));
            let n_zeros = (len - remaining).max(0);
            let n_chars = remaining.min(len).max(0);
            take(&mut pieces, &mut end, n_chars, n_zeros);
            remaining -= n_chars;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                broken = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !broken {
        let len = remaining.max(min_width).max(1);
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        take(&mut pieces, &mut end, n_chars, n_zeros);
    }
    let sep = grouping.map(|g| g.1);
    let mut out = Vec::new();
    for (i, p) in pieces.iter().rev().enumerate() {
        if i > 0 {
            if let Some(s) = sep {
                out.push(s);
            }
        }
        out.extend_from_slice(p);
    }
    out
}

/// CPython's `calc_number_widths` + `fill_number`.
/// `body` is everything after the sign: `prefix` chars, then `n_int` integer
/// digits, then `rest` (decimal point, fraction, exponent, `%`, or `inf`).
#[allow(clippy::too_many_arguments)]
fn fill_number(
    negative: bool,
    sign_opt: Option<char>,
    prefix: &str,
    int_digits: &[char],
    rest: &str,
    r: &Resolved,
    grouping: Option<(usize, char)>,
) -> Res<String> {
    let sign = match sign_opt {
        Some('+') => Some(if negative { '-' } else { '+' }),
        Some(' ') => Some(if negative { '-' } else { ' ' }),
        _ => {
            if negative {
                Some('-')
            } else {
                None
            }
        }
    };
    let n_prefix = prefix.chars().count() as i64;
    let n_rest = rest.chars().count() as i64;
    let n_non_digit = i64::from(sign.is_some()) + n_prefix + n_rest;
    let min_width = if r.fill == '0' && r.align == '=' {
        r.width - n_non_digit
    } else {
        0
    };
    let grouped = if int_digits.is_empty() {
        Vec::new()
    } else {
        group_digits(int_digits, min_width, grouping)
    };
    let n_padding = r.width - (n_non_digit + grouped.len() as i64);
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    if n_padding > 0 {
        match r.align {
            '<' => rpad = n_padding,
            '^' => {
                lpad = n_padding / 2;
                rpad = n_padding - lpad;
            }
            '=' => spad = n_padding,
            _ => lpad = n_padding,
        }
    }
    let mut out = String::new();
    let pad = |out: &mut String, n: i64| {
        for _ in 0..n {
            out.push(r.fill);
        }
    };
    pad(&mut out, lpad);
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(prefix);
    pad(&mut out, spad);
    out.extend(grouped);
    out.push_str(rest);
    pad(&mut out, rpad);
    Ok(out)
}

/// The digits of `|x|` in `base` (2, 8, 10 or 16), lowercase.
fn magnitude_digits(x: i64, base: u32) -> String {
    let u = x.unsigned_abs();
    match base {
        2 => format!("{u:b}"),
        8 => format!("{u:o}"),
        16 => format!("{u:x}"),
        _ => u.to_string(),
    }
}

/// `format(x, spec)` for an int (`int.__format__`): types `b c d o x X n`
/// and `e E f F g G %` (converted to float), `None` meaning `d`.
/// Errors as CPython: `Precision not allowed in integer format specifier`,
/// `Sign not allowed with integer format specifier 'c'`,
/// `Unknown format code 's' for object of type 'int'`, ...
pub fn format_int(x: i64, spec: &Spec) -> Res<String> {
    format_int_named(x, spec, "int")
}

/// [`format_int`] naming another type (`"bool"`) in its error messages.
pub fn format_int_named(x: i64, spec: &Spec, type_name: &str) -> Res<String> {
    format_int_with(
        x < 0,
        Some(x),
        &|base| Some(magnitude_digits(x, base)),
        Some(x as f64),
        spec,
        type_name,
    )
}

/// `format(x, spec)` for an int beyond i64.
pub fn format_bigint(x: &super::bigint::BigInt, spec: &Spec) -> Res<String> {
    format_int_with(
        x.is_negative(),
        None,
        &|base| x.mag_digits(base),
        x.to_f64(),
        spec,
        "int",
    )
}

/// The int formatting shared by i64 and big ints: `small` is the value if
/// it fits in i64, `digits` gives the magnitude's digits in a base (`None`
/// past the decimal limit), `float` its value as a float (`None` when too
/// large).
fn format_int_with(
    negative: bool,
    small: Option<i64>,
    digits_of: &dyn Fn(u32) -> Option<String>,
    float: Option<f64>,
    spec: &Spec,
    type_name: &str,
) -> Res<String> {
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            return match float {
                Some(f) => format_float(f, spec),
                None => overflow_error("int too large to convert to float"),
            }
        }
        _ => return unknown_code(ty, type_name),
    }
    if spec.precision.is_some() {
        return value_error("Precision not allowed in integer format specifier");
    }
    if spec.no_neg_0 {
        return value_error("Negative zero coercion (z) not allowed in integer format specifier");
    }
    let r = resolve(spec, '>')?;
    if ty == 'c' {
        if spec.sign.is_some() {
            return value_error("Sign not allowed with integer format specifier 'c'");
        }
        if spec.alternate {
            return value_error("Alternate form (#) not allowed with integer format specifier 'c'");
        }
        let Some(x) = small else {
            return overflow_error("Python int too large to convert to C long");
        };
        let ch = u32::try_from(x)
            .ok()
            .filter(|&v| v <= 0x10ffff)
            .ok_or_else(|| {
                BuiltinError::new(ErrorKind::OverflowError, "%c arg not in range(0x110000)")
            })?;
        // Surrogates cannot live in a Rust string; CPython would hold one.
        let c = char::from_u32(ch).unwrap_or('\u{fffd}');
        return fill_number(false, None, "", &[], &c.to_string(), &r, None);
    }
    let base = match ty {
        'b' => 2,
        'o' => 8,
        'x' | 'X' => 16,
        _ => 10,
    };
    let Some(mut digits) = digits_of(base) else {
        return value_error("Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
    };
    let mut prefix = String::new();
    if spec.alternate && base != 10 {
        prefix = match ty {
            'b' => "0b",
            'o' => "0o",
            'x' => "0x",
            _ => "0X",
        }
        .to_string();
    }
    if ty == 'X' {
        digits = digits.to_ascii_uppercase();
    }
    let grouping = match (spec.grouping, ty) {
        (None, _) | (_, 'n') => None,
        (Some(g), 'x' | 'X' | 'b' | 'o') => Some((4, g)),
        (Some(g), _) => Some((3, g)),
    };
    let chars: Vec<char> = digits.chars().collect();
    fill_number(negative, spec.sign, &prefix, &chars, "", &r, grouping)
}

/// `format(x, spec)` for a float (`float.__format__`): types `e E f F g G n
/// %` and none (like `repr` without a precision; like `g` but keeping a
/// `.0` with one). Errors as CPython, e.g.
/// `Unknown format code 'd' for object of type 'float'`.
pub fn format_float(x: f64, spec: &Spec) -> Res<String> {
    let ty = spec.ty;
    match ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {}
        Some(t) => return unknown_code(t, "float"),
    }
    if spec.precision.is_some_and(|p| p > i32::MAX as u64) {
        return value_error("precision too big");
    }
    let r = resolve(spec, '>')?;
    let mut flags = DtsFlags {
        sign: false,
        add_dot_0: false,
        alt: spec.alternate,
        no_neg_0: spec.no_neg_0,
    };
    let mut code = ty.unwrap_or('r');
    let mut default_precision = 6;
    if ty.is_none() {
        flags.add_dot_0 = true;
        default_precision = 0;
    }
    if code == 'n' {
        code = 'g';
    }
    let mut val = x;
    let mut add_pct = false;
    if code == '%' {
        code = 'f';
        val *= 100.0;
        add_pct = true;
    }
    let precision = match spec.precision {
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p as i64
        }
        None => default_precision,
    };
    let mut buf = double_to_string(val, code, precision, &flags)?;
    if add_pct {
        buf.push('%');
    }
    let (negative, body) = match buf.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, buf.as_str()),
    };
    let n_int = body.bytes().take_while(u8::is_ascii_digit).count();
    let int_digits: Vec<char> = body[..n_int].chars().collect();
    let grouping = match (spec.grouping, ty) {
        (Some(g), t) if t != Some('n') => Some((3, g)),
        _ => None,
    };
    fill_number(
        negative,
        spec.sign,
        "",
        &int_digits,
        &body[n_int..],
        &r,
        grouping,
    )
}

/// `format(s, spec)` for a str: type `s` or none. Errors as CPython:
/// `Sign not allowed in string format specifier`, `'=' alignment not allowed
/// in string format specifier`, ...
pub fn format_str(s: &str, spec: &Spec) -> Res<String> {
    match spec.ty {
        None | Some('s') => {}
        Some(t) => return unknown_code(t, "str"),
    }
    match spec.sign {
        Some(' ') => return value_error("Space not allowed in string format specifier"),
        Some(_) => return value_error("Sign not allowed in string format specifier"),
        None => {}
    }
    if spec.no_neg_0 {
        return value_error("Negative zero coercion (z) not allowed in string format specifier");
    }
    if spec.alternate {
        return value_error("Alternate form (#) not allowed in string format specifier");
    }
    let r = resolve(spec, '<')?;
    if r.align == '=' {
        return value_error("'=' alignment not allowed in string format specifier");
    }
    let mut len = s.chars().count() as i64;
    let mut text = s;
    if let Some(p) = spec.precision {
        if (p as i64) < len {
            len = p as i64;
            let cut = s.char_indices().nth(p as usize).map_or(s.len(), |(i, _)| i);
            text = &s[..cut];
        }
    }
    let total = r.width.max(len);
    let lpad = match r.align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let rpad = total - len - lpad;
    let mut out = String::with_capacity(text.len() + (lpad + rpad) as usize);
    out.extend(std::iter::repeat_n(r.fill, lpad as usize));
    out.push_str(text);
    out.extend(std::iter::repeat_n(r.fill, rpad as usize));
    Ok(out)
}

/// `format(x, spec)` for a float, parsing the spec first.
pub fn format_float_spec(x: f64, spec: &str) -> Res<String> {
    format_float(x, &parse_spec(spec, "float")?)
}

/// `format(x, spec)` for an int, parsing the spec first.
pub fn format_int_spec(x: i64, spec: &str) -> Res<String> {
    format_int(x, &parse_spec(spec, "int")?)
}

/// `format(s, spec)` for a str, parsing the spec first.
pub fn format_str_spec(s: &str, spec: &str) -> Res<String> {
    format_str(s, &parse_spec(spec, "str")?)
}

// ---------------------------------------------------------------------------
// Integers to and from strings.
// ---------------------------------------------------------------------------

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

fn is_py_space(c: char) -> bool {
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

fn escape_non_ascii(c: char) -> String {
    let v = c as u32;
    if v <= 0xff {
        format!("\\x{v:02x}")
    } else if v <= 0xffff {
        format!("\\u{v:04x}")
    } else {
        format!("\\U{v:08x}")
    }
}

fn is_printable(c: char) -> bool {
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

fn ascii_escape(s: &str) -> String {
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
fn repr_200(s: &str) -> String {
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
pub fn int_from_str_big(s: &str, base: u32) -> Res<super::bigint::BigInt> {
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
    super::bigint::BigInt::from_digits(negative, &digits, b).map_err(|e| match e {
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

// ---------------------------------------------------------------------------
// round()
// ---------------------------------------------------------------------------

/// `round(x)` and `round(x, ndigits)` for a float.
///
/// With `ndigits = None` the result is the integral value nearest `x`
/// (ties to even), returned as an f64 for the caller to make an int of;
/// `inf` is an OverflowError (`cannot convert float infinity to integer`)
/// and `nan` a ValueError (`cannot convert float NaN to integer`). With
/// `Some(n)` the result is a float: the exact value rounded half-even to
/// `n` decimal places (`round(2.675, 2) == 2.67`), or an OverflowError
/// `rounded value too large to represent`.
pub fn round_float(x: f64, ndigits: Option<i64>) -> Res<f64> {
    let Some(n) = ndigits else {
        if x.is_nan() {
            return value_error("cannot convert float NaN to integer");
        }
        if x.is_infinite() {
            return overflow_error("cannot convert float infinity to integer");
        }
        let mut r = x.round();
        if (x - r).abs() == 0.5 {
            r = 2.0 * (x / 2.0).round();
        }
        return Ok(r);
    };
    if !x.is_finite() {
        return Ok(x);
    }
    if n > 323 {
        return Ok(x);
    }
    if n < -308 {
        return Ok(0.0 * x);
    }
    let (digits, decpt) = dtoa(x, Mode::AfterPoint(n));
    let mut s = String::new();
    if x.is_sign_negative() {
        s.push('-');
    }
    s.push('0');
    for d in &digits {
        s.push((b'0' + d) as char);
    }
    s.push_str(&format!("e{}", i64::from(decpt) - digits.len() as i64));
    let r: f64 = s.parse().unwrap_or(f64::NAN);
    if r.is_infinite() {
        return overflow_error("rounded value too large to represent");
    }
    Ok(r)
}

/// `round(x, ndigits)` for an int: `x` itself for `ndigits >= 0`, else the
/// nearest multiple of `10**-ndigits`, ties to even. The result can leave
/// i64 (`round(9 * 10**18, -19) == 10**19`), hence i128.
pub fn round_int(x: i64, ndigits: i64) -> i128 {
    if ndigits >= 0 {
        return i128::from(x);
    }
    if ndigits < -20 {
        return 0;
    }
    let p = 10i128.pow((-ndigits) as u32);
    let x = i128::from(x);
    let q = x.div_euclid(p);
    let r = x.rem_euclid(p);
    let twice = 2 * r;
    let q = if twice > p || (twice == p && q % 2 != 0) {
        q + 1
    } else {
        q
    };
    q * p
}

// ---------------------------------------------------------------------------
// printf-style formatting.
// ---------------------------------------------------------------------------

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
    Big(super::bigint::BigInt),
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
fn float_trunc_digits(x: f64) -> String {
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
fn c_int(v: i64) -> Res<i64> {
    if i32::try_from(v).is_err() {
        return overflow_error("Python int too large to convert to C int");
    }
    Ok(v)
}

fn pad_precision(ds: String, prec: i64) -> Res<String> {
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
fn pad_numeric(
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
