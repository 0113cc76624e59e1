//! Exact and shortest decimal digits of a double (`dtoa`), and
//! `repr(float)`.

use super::*;

/// Decimal digits of a big natural number held as little-endian u32 limbs.
pub(super) fn big_to_decimal(mut limbs: Vec<u32>) -> Vec<u8> {
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

pub(super) fn big_mul_small(limbs: &mut Vec<u32>, m: u32) {
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
pub(super) fn exact_digits(x: f64) -> (Vec<u8>, i32) {
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
pub(super) fn round_digits(mut digits: Vec<u8>, mut decpt: i32, keep: i64) -> (Vec<u8>, i32) {
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
pub(super) fn shortest_digits(x: f64) -> (Vec<u8>, i32) {
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
pub(super) enum Mode {
    Shortest,
    Significant(i64),
    AfterPoint(i64),
}

/// `_Py_dg_dtoa` for finite x: (digits, decpt). Zero gives `[0]`, decpt 1;
/// a value rounding to zero gives no digits.
pub(super) fn dtoa(x: f64, mode: Mode) -> (Vec<u8>, i32) {
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
pub(super) struct DtsFlags {
    pub(super) sign: bool,
    pub(super) add_dot_0: bool,
    pub(super) alt: bool,
    pub(super) no_neg_0: bool,
}

pub(super) fn double_to_string(
    val: f64,
    code: char,
    precision: i64,
    flags: &DtsFlags,
) -> Res<String> {
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
