//! Complex numbers as CPython 3.11 has them (`Objects/complexobject.c`):
//! arithmetic on (real, imag) pairs of f64 with ints, floats and bigints
//! converted first, `repr`, `hash`, `format`, the `complex()` constructor
//! and its string parser.

use std::rc::Rc;

use super::ast::{BinOp, Name};
use super::exc::{Exc, PyResult, T};
use super::format as fmt;
use super::interp::Interp;
use super::ops;
use super::value::{HashKey, Value};

/// A complex value: (real, imag).
pub type C = (f64, f64);

const ONE: C = (1.0, 0.0);

/// Whether `v` is an int, bool, bigint or float (what mixes with complex).
fn is_real(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_)
    )
}

/// `v` as a complex, for the numbers; `None` for anything else.
fn to_c(v: &Value) -> Option<PyResult<C>> {
    Some(match v {
        Value::Complex(re, im) => Ok((*re, *im)),
        Value::Float(x) => Ok((*x, 0.0)),
        Value::Int(i) => Ok((*i as f64, 0.0)),
        Value::Bool(b) => Ok((f64::from(u8::from(*b)), 0.0)),
        Value::BigInt(_) => ops::int_to_float(v).map(|x| (x, 0.0)),
        _ => return None,
    })
}

fn val(c: C) -> Value {
    Value::Complex(c.0, c.1)
}

fn prod(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `_Py_c_quot`: `None` on division by zero.
fn quot(a: C, b: C) -> Option<C> {
    let abs_br = b.0.abs();
    let abs_bi = b.1.abs();
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// `_Py_c_pow`: `Err(())` for zero to a negative or complex power.
fn c_pow(a: C, b: C) -> Result<C, ()> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Ok(ONE);
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(());
        }
        return Ok((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Ok((len * phase.cos(), len * phase.sin()))
}

fn c_powu(x: C, n: i64) -> C {
    let mut r = ONE;
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask = mask.wrapping_shl(1);
        p = prod(p, p);
    }
    r
}

/// `complex_pow`, with its errors.
fn pow(a: C, b: C) -> PyResult<C> {
    let r = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n > 0 {
            Ok(c_powu(a, n))
        } else {
            quot(ONE, c_powu(a, -n)).ok_or(())
        }
    } else {
        c_pow(a, b)
    };
    match r {
        Err(()) => Err(Exc::new(
            T::ZeroDivisionError,
            "0.0 to a negative or complex power",
        )),
        Ok(p) if p.0.is_infinite() || p.1.is_infinite() => {
            Err(Exc::new(T::OverflowError, "complex exponentiation"))
        }
        Ok(p) => Ok(p),
    }
}

/// `a op b` when one side is complex and the other a number, and the
/// complex result of a negative float to a fractional power; `None` when
/// the operation is not one of these (the caller goes on to its other
/// cases and its TypeError).
pub fn binop(op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    match (a, b) {
        (Value::Complex(..), _) | (_, Value::Complex(..)) => {}
        (Value::Float(_), _) | (_, Value::Float(_)) if op == BinOp::Pow => {
            return real_pow(a, b);
        }
        _ => return None,
    }
    if !matches!(
        op,
        BinOp::Add | BinOp::Sub | BinOp::Mult | BinOp::Div | BinOp::Pow
    ) {
        return None;
    }
    let (x, y) = match (to_c(a)?, to_c(b)?) {
        (Ok(x), Ok(y)) => (x, y),
        (Err(e), _) | (_, Err(e)) => return Some(Err(e)),
    };
    Some(Ok(val(match op {
        BinOp::Add => (x.0 + y.0, x.1 + y.1),
        BinOp::Sub => (x.0 - y.0, x.1 - y.1),
        BinOp::Mult => prod(x, y),
        BinOp::Div => match quot(x, y) {
            Some(q) => q,
            None => {
                return Some(Err(Exc::new(
                    T::ZeroDivisionError,
                    "complex division by zero",
                )))
            }
        },
        _ => match pow(x, y) {
            Ok(p) => p,
            Err(e) => return Some(Err(e)),
        },
    })))
}

/// `float ** x` for a negative finite base and a finite fractional
/// exponent: CPython hands it to complex power.
fn real_pow(a: &Value, b: &Value) -> Option<PyResult<Value>> {
    if !is_real(a) || !is_real(b) {
        return None;
    }
    let x = match to_c(a)? {
        Ok(c) => c.0,
        Err(_) => return None,
    };
    let y = match to_c(b)? {
        Ok(c) => c.0,
        Err(_) => return None,
    };
    if x < 0.0 && x.is_finite() && y.is_finite() && y != y.floor() {
        return Some(pow((x, 0.0), (y, 0.0)).map(val));
    }
    None
}

/// Unary minus and plus.
pub fn neg(re: f64, im: f64) -> Value {
    Value::Complex(-re, -im)
}

/// `a == b` when one side is complex: `None` when the other side is not a
/// number (then they are unequal unless the caller knows better).
pub fn eq(it: &Rc<Interp>, a: &Value, b: &Value) -> Option<PyResult<bool>> {
    let ((re, im), other) = match (a, b) {
        (Value::Complex(re, im), o) => ((*re, *im), o),
        (o, Value::Complex(re, im)) => ((*re, *im), o),
        _ => return None,
    };
    Some(match other {
        Value::Complex(r2, i2) => Ok(re == *r2 && im == *i2),
        Value::Float(x) => Ok(im == 0.0 && re == *x),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            if im != 0.0 {
                Ok(false)
            } else {
                ops::eq(it, &Value::Float(re), other)
            }
        }
        _ => return None,
    })
}

/// `abs(z)`.
pub fn abs(re: f64, im: f64) -> PyResult<f64> {
    if !re.is_finite() || !im.is_finite() {
        if re.is_infinite() {
            return Ok(re.abs());
        }
        if im.is_infinite() {
            return Ok(im.abs());
        }
        return Ok(f64::NAN);
    }
    let r = re.hypot(im);
    if r.is_finite() {
        Ok(r)
    } else {
        Err(Exc::new(T::OverflowError, "absolute value too large"))
    }
}

fn hash_part(x: f64) -> i64 {
    if x.is_nan() {
        0
    } else {
        super::bigint::hash_f64(x)
    }
}

/// `hash(z)`: `hash(re) + 1000003 * hash(im)`, -1 made -2.
pub fn hash(re: f64, im: f64) -> i64 {
    let h =
        (hash_part(re) as u64).wrapping_add((hash_part(im) as u64).wrapping_mul(1_000_003)) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// The dict key: a zero imaginary part keys as the real part (so
/// `{1: a, 1+0j: b}` has one key, as in CPython).
pub fn hash_key(it: &Rc<Interp>, re: f64, im: f64) -> PyResult<HashKey> {
    if im == 0.0 {
        return ops::hash_key(it, &Value::Float(re));
    }
    let bits = |x: f64| if x == 0.0 { 0 } else { x.to_bits() };
    Ok(HashKey::Complex(bits(re), bits(im)))
}

/// `repr(x)` for one part with no `.0` added (`1`, `1.5`, `1e+16`, `inf`).
fn part_repr(x: f64) -> String {
    let s = fmt::float_repr(x);
    match s.strip_suffix(".0") {
        Some(t) => t.to_string(),
        None => s,
    }
}

/// `repr(z)`: `3j`, `(1+2j)`, `(-0-1j)`, `(nan+infj)`.
pub fn repr(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", part_repr(im));
    }
    let i = part_repr(im);
    let sign = if i.starts_with('-') { "" } else { "+" };
    format!("({}{sign}{i}j)", part_repr(re))
}

fn value_error(msg: impl Into<String>) -> Exc {
    Exc::new(T::ValueError, msg)
}

/// `format(z, spec)` (`complex.__format__`).
pub fn format(re: f64, im: f64, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(repr(re, im));
    }
    let s = fmt::parse_spec(spec, "complex").map_err(super::builtins::berr)?;
    match s.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => {}
        Some(t) => {
            let shown = if (t as u32) > 32 && (t as u32) < 128 {
                t.to_string()
            } else {
                format!("\\x{:x}", t as u32)
            };
            return Err(value_error(format!(
                "Unknown format code '{shown}' for object of type 'complex'"
            )));
        }
    }
    if s.zero || s.fill == Some('0') {
        return Err(value_error(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if s.align == Some('=') {
        return Err(value_error(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let mut part = s.clone();
    part.fill = None;
    part.align = None;
    part.width = None;
    part.zero = false;
    let (mut skip_re, mut parens, mut repr_like) = (false, false, false);
    match s.ty {
        None if s.precision.is_none() => {
            repr_like = true;
            if re == 0.0 && re.is_sign_positive() {
                skip_re = true;
            } else {
                parens = true;
            }
        }
        None => {
            if re == 0.0 && re.is_sign_positive() {
                skip_re = true;
            } else {
                parens = true;
            }
            part.ty = Some('g');
        }
        Some('n') => part.ty = Some('g'),
        _ => {}
    }
    let one = |x: f64, sp: &fmt::Spec| -> PyResult<String> {
        if repr_like {
            let mut q = sp.clone();
            q.alternate = false;
            let out = fmt::format_float(x, &q).map_err(super::builtins::berr)?;
            let mut out = match out.strip_suffix(".0") {
                Some(t) => t.to_string(),
                None => out,
            };
            if sp.alternate && x.is_finite() && !out.contains('.') {
                match out.find('e') {
                    Some(p) => out.insert(p, '.'),
                    None => out.push('.'),
                }
            }
            Ok(out)
        } else {
            fmt::format_float(x, sp).map_err(super::builtins::berr)
        }
    };
    let re_s = if skip_re {
        String::new()
    } else {
        one(re, &part)?
    };
    let mut im_spec = part.clone();
    if !skip_re {
        im_spec.sign = Some('+');
    }
    let im_s = one(im, &im_spec)?;
    let body = if parens {
        format!("({re_s}{im_s}j)")
    } else {
        format!("{re_s}{im_s}j")
    };
    let width = s.width.unwrap_or(0) as usize;
    let n = body.chars().count();
    if n >= width {
        return Ok(body);
    }
    let fill = s.fill.unwrap_or(' ');
    let pad = width - n;
    let (l, r) = match s.align {
        Some('<') => (0, pad),
        Some('^') => (pad / 2, pad - pad / 2),
        _ => (pad, 0),
    };
    let mut out = String::with_capacity(body.len() + pad);
    out.extend(std::iter::repeat_n(fill, l));
    out.push_str(&body);
    out.extend(std::iter::repeat_n(fill, r));
    Ok(out)
}

/// A float at the start of `s` as `PyOS_string_to_double` reads one
/// (sign, digits, point, exponent, `inf`, `infinity`, `nan`): the value and
/// the bytes read, or `None` when no float starts there.
fn float_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    let neg = match s.first() {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let rest = &s[i..];
    let lower: Vec<u8> = rest.iter().take(8).map(u8::to_ascii_lowercase).collect();
    let special = if lower.starts_with(b"infinity") {
        Some((f64::INFINITY, 8))
    } else if lower.starts_with(b"inf") {
        Some((f64::INFINITY, 3))
    } else if lower.starts_with(b"nan") {
        Some((f64::NAN, 3))
    } else {
        None
    };
    if let Some((v, n)) = special {
        return Some((if neg { -v } else { v }, i + n));
    }
    let start = i;
    let digits = |i: &mut usize| {
        let b = *i;
        while s.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - b
    };
    let mut n = digits(&mut i);
    if s.get(i) == Some(&b'.') {
        i += 1;
        n += digits(&mut i);
    }
    if n == 0 {
        return None;
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(s.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        if digits(&mut j) > 0 {
            i = j;
        }
    }
    let text = std::str::from_utf8(&s[start..i]).ok()?;
    let v: f64 = text.parse().ok()?;
    Some((if neg { -v } else { v }, i))
}

/// `complex(s)`, or its ValueError's message.
pub fn from_str(src: &str) -> Result<C, String> {
    // Underscores only between digits, then dropped.
    let b = src.as_bytes();
    let mut clean = String::with_capacity(src.len());
    for (i, c) in src.char_indices() {
        if c == '_' {
            let before = i.checked_sub(1).and_then(|p| b.get(p));
            let after = b.get(i + 1);
            if !(before.is_some_and(u8::is_ascii_digit) && after.is_some_and(u8::is_ascii_digit)) {
                return Err(format!(
                    "could not convert string to complex: {}",
                    ops::str_repr(src)
                ));
            }
        } else {
            clean.push(c);
        }
    }
    parse_clean(&clean).ok_or_else(|| "complex() arg is a malformed string".to_string())
}

fn parse_clean(clean: &str) -> Option<C> {
    let mut t = clean.trim();
    if let Some(inner) = t.strip_prefix('(') {
        t = inner.strip_suffix(')')?.trim();
    }
    let s = t.as_bytes();
    let (mut x, mut y) = (0.0, 0.0);
    let mut i;
    match float_prefix(s) {
        Some((z, n)) => {
            i = n;
            match s.get(i) {
                Some(b'+' | b'-') => {
                    x = z;
                    match float_prefix(&s[i..]) {
                        Some((w, m)) => {
                            y = w;
                            i += m;
                        }
                        None => {
                            y = if s[i] == b'+' { 1.0 } else { -1.0 };
                            i += 1;
                        }
                    }
                    if !matches!(s.get(i), Some(b'j' | b'J')) {
                        return None;
                    }
                    i += 1;
                }
                Some(b'j' | b'J') => {
                    i += 1;
                    y = z;
                }
                _ => x = z,
            }
        }
        None => {
            i = 0;
            match s.first() {
                Some(b'+') => {
                    y = 1.0;
                    i = 1;
                }
                Some(b'-') => {
                    y = -1.0;
                    i = 1;
                }
                _ => y = 1.0,
            }
            if !matches!(s.get(i), Some(b'j' | b'J')) {
                return None;
            }
            i += 1;
        }
    }
    (i == s.len()).then_some((x, y))
}

/// The `(real, is_complex)` of one argument of `complex()`, or its
/// TypeError (`which` is "first" or "second").
fn arg(it: &Rc<Interp>, v: &Value, which: &str) -> PyResult<C> {
    if let Some(r) = to_c(v) {
        return r;
    }
    if let Value::Instance(i) = v {
        if which == "first" && i.class.lookup("__complex__").is_some() {
            let r = it.call_method_sync(v, "__complex__", Vec::new())?;
            return match r {
                Value::Complex(re, im) => Ok((re, im)),
                other => Err(Exc::new(
                    T::TypeError,
                    format!(
                        "__complex__ returned non-complex (type {})",
                        ops::type_name(&other)
                    ),
                )),
            };
        }
        for m in ["__float__", "__index__"] {
            if i.class.lookup(m).is_some() {
                let r = it.call_method_sync(v, m, Vec::new())?;
                if let Some(c) = to_c(&r) {
                    return c;
                }
            }
        }
    }
    let what = if which == "first" {
        "a string or a number"
    } else {
        "a number"
    };
    Err(Exc::new(
        T::TypeError,
        format!(
            "complex() {which} argument must be {what}, not '{}'",
            ops::type_name(v)
        ),
    ))
}

/// `complex(real=0, imag=0)` and `complex(s)`.
pub fn construct(it: &Rc<Interp>, pos: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let mut r = pos.first().cloned();
    let mut i = pos.get(1).cloned();
    if pos.len() > 2 {
        return Err(Exc::new(
            T::TypeError,
            format!("complex() takes at most 2 arguments ({} given)", pos.len()),
        ));
    }
    for (k, v) in kw {
        let slot = match &**k {
            "real" => &mut r,
            "imag" => &mut i,
            other => {
                return Err(Exc::new(
                    T::TypeError,
                    format!("'{other}' is an invalid keyword argument for complex()"),
                ))
            }
        };
        if slot.is_some() {
            let n = if &**k == "real" { 1 } else { 2 };
            return Err(Exc::new(
                T::TypeError,
                format!("argument for complex() given by name ('{k}') and position ({n})"),
            ));
        }
        *slot = Some(v.clone());
    }
    let r = match (r, &i) {
        (Some(r), _) => r,
        (None, None) => return Ok(Value::Complex(0.0, 0.0)),
        (None, Some(_)) => Value::Int(0),
    };
    if let Value::Str(s) = &r {
        if i.is_some() {
            return Err(Exc::new(
                T::TypeError,
                "complex() can't take second arg if first is a string",
            ));
        }
        return match from_str(s) {
            Ok((x, y)) => Ok(Value::Complex(x, y)),
            Err(msg) => Err(value_error(msg)),
        };
    }
    if let Some(Value::Str(_)) = &i {
        return Err(Exc::new(
            T::TypeError,
            "complex() second arg can't be a string",
        ));
    }
    let cr_is_complex = match &r {
        Value::Complex(..) => true,
        Value::Instance(inst) => inst.class.lookup("__complex__").is_some(),
        _ => false,
    };
    let cr = arg(it, &r, "first")?;
    let Some(i) = i else {
        return Ok(Value::Complex(cr.0, cr.1));
    };
    let ci_is_complex = matches!(i, Value::Complex(..));
    let ci = arg(it, &i, "second")?;
    let mut re = cr.0;
    let mut im = ci.0;
    if ci_is_complex {
        re -= ci.1;
    }
    if cr_is_complex {
        im += cr.1;
    }
    Ok(Value::Complex(re, im))
}

/// `z.real`, `z.imag`.
pub fn attr(re: f64, im: f64, name: &str) -> Option<Value> {
    match name {
        "real" => Some(Value::Float(re)),
        "imag" => Some(Value::Float(im)),
        _ => None,
    }
}
