//! Number helpers of the builtins: exact float ratios, rounding and
//! modular powers of big ints.

use super::*;

/// `float.as_integer_ratio()`: the exact fraction, in lowest terms.
pub(super) fn float_ratio(x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(Exc::new(
            T::ValueError,
            "cannot convert NaN to integer ratio",
        ));
    }
    if x.is_infinite() {
        return Err(Exc::new(
            T::OverflowError,
            "cannot convert Infinity to integer ratio",
        ));
    }
    let bits = x.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (mut m, mut e) = if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp_bits - 1075)
    };
    while m != 0 && m % 2 == 0 && e < 0 {
        m /= 2;
        e += 1;
    }
    let one = BigInt::from_i64(1);
    let mut num = BigInt::from_i64(m as i64);
    if x < 0.0 {
        num = num.neg();
    }
    let (num, den) = if e >= 0 {
        (num.shl(e as u64), Ok(one))
    } else {
        (Ok(num), one.shl((-e) as u64))
    };
    let (num, den) = (
        num.map_err(|_| ops::too_big())?,
        den.map_err(|_| ops::too_big())?,
    );
    Ok(Value::tuple(vec![
        Value::from_big(num),
        Value::from_big(den),
    ]))
}

/// `round(x, n)` for a big int and `n < 0`: ties to even.
pub(super) fn round_big(x: &BigInt, n: i64) -> PyResult<Value> {
    let ten = BigInt::from_i64(10);
    let p = match u64::try_from(-n)
        .ok()
        .filter(|&k| k as f64 * 3.33 < x.bit_length() as f64 + 8.0)
    {
        Some(k) => ten.pow(k).map_err(|_| ops::too_big())?,
        None => return Ok(Value::Int(0)),
    };
    let (q, r) = x.divmod(&p).unwrap_or_default();
    let twice = r.add(&r).map_err(|_| ops::too_big())?;
    let one = BigInt::from_i64(1);
    let odd = q.bitop(&one, '&') == one;
    let q = match twice.cmp(&p) {
        std::cmp::Ordering::Greater => q.add(&one).map_err(|_| ops::too_big())?,
        std::cmp::Ordering::Equal if odd => q.add(&one).map_err(|_| ops::too_big())?,
        _ => q,
    };
    Ok(Value::from_big(q.mul(&p).map_err(|_| ops::too_big())?))
}

/// `pow(a, e, m)` with ints of any size (a negative `e` inverts `a`).
pub(super) fn pow_mod_big(a: &Value, e: &Value, m: &Value) -> PyResult<Value> {
    let get = |v: &Value| {
        ops::as_big(v).ok_or_else(|| {
            Exc::new(
                T::TypeError,
                "pow() 3rd argument not allowed unless all arguments are integers",
            )
        })
    };
    let (a, e, m) = (get(a)?, get(e)?, get(m)?);
    if m.is_zero() {
        return Err(Exc::new(T::ValueError, "pow() 3rd argument cannot be 0"));
    }
    let (a, e) = if e.is_negative() {
        let inv = a.mod_inverse(&m.abs()).ok_or_else(|| {
            Exc::new(
                T::ValueError,
                "base is not invertible for the given modulus",
            )
        })?;
        (inv, e.neg())
    } else {
        (a, e)
    };
    Ok(Value::from_big(a.pow_mod(&e, &m)))
}
