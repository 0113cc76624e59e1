//! The format-spec mini-language: `format()`, f-strings and
//! `str.format` for ints, floats and strs (a port of CPython's
//! `Python/formatter_unicode.c`).

use super::*;

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

pub(super) fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

pub(super) fn spec_char(c: char) -> String {
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

pub(super) fn unknown_code<T>(ty: char, type_name: &str) -> Res<T> {
    value_error(format!(
        "Unknown format code '{}' for object of type '{type_name}'",
        spec_char(ty)
    ))
}

/// The spec with the type's defaults applied.
pub(super) struct Resolved {
    pub(super) fill: char,
    pub(super) align: char,
    pub(super) width: i64,
}

pub(super) fn resolve(spec: &Spec, default_align: char) -> Res<Resolved> {
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
pub(super) fn group_digits(
    digits: &[char],
    min_width: i64,
    grouping: Option<(usize, char)>,
) -> Vec<char> {
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
pub(super) fn fill_number(
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
pub(super) fn magnitude_digits(x: i64, base: u32) -> String {
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
pub fn format_bigint(x: &crate::python::bigint::BigInt, spec: &Spec) -> Res<String> {
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
pub(super) fn format_int_with(
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
