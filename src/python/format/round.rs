//! `round()` of floats and ints.

use super::*;

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
