//! The rest of `math`'s float functions: trigonometry beyond sin/cos,
//! hyperbolic functions, angles, and the two-argument ones.

use super::*;

/// A one-argument function (`tan`, `asin`, `degrees`, `isfinite`, ...).
pub(super) fn one(f: Builtin, v: &Value) -> PyResult<Value> {
    use Builtin::*;
    let x = float_arg(v, "")?;
    let domain = || Exc::new(T::ValueError, "math domain error");
    let r = match f {
        MathIsfinite => return Ok(Value::Bool(x.is_finite())),
        MathTan => x.tan(),
        MathAtan => x.atan(),
        MathAsin | MathAcos if !(-1.0..=1.0).contains(&x) => return Err(domain()),
        MathAsin => x.asin(),
        MathAcos => x.acos(),
        MathSinh => x.sinh(),
        MathCosh => x.cosh(),
        MathTanh => x.tanh(),
        MathDegrees => x.to_degrees(),
        MathRadians => x.to_radians(),
        MathExpm1 => x.exp_m1(),
        MathLog1p if x <= -1.0 => return Err(domain()),
        MathLog1p => x.ln_1p(),
        _ => x.cbrt(),
    };
    Ok(Value::Float(r))
}

/// A two-argument function (`atan2`, `copysign`, `fmod`, `ldexp`).
pub(super) fn two(f: Builtin, a: &Value, b: &Value) -> PyResult<Value> {
    use Builtin::*;
    let x = float_arg(a, "")?;
    let r = match f {
        MathLdexp => {
            let Value::Int(e) = b else {
                return Err(Exc::new(
                    T::TypeError,
                    "Expected an int as second argument to ldexp.",
                ));
            };
            let e = i32::try_from((*e).clamp(-2000, 2000)).unwrap_or(0);
            x * 2f64.powi(e)
        }
        _ => {
            let y = float_arg(b, "")?;
            match f {
                MathAtan2 => x.atan2(y),
                MathCopysign => x.copysign(y),
                _ => {
                    if y == 0.0 || x.is_infinite() {
                        return Err(Exc::new(T::ValueError, "math domain error"));
                    }
                    x % y
                }
            }
        }
    };
    Ok(Value::Float(r))
}

/// `math.fsum`: the exactly rounded sum (Shewchuk's partials, as CPython's
/// `msum`).
pub(super) fn fsum(xs: &[f64]) -> f64 {
    let mut partials: Vec<f64> = Vec::new();
    for &x0 in xs {
        let mut x = x0;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    // Sum the partials from the top, rounding correctly (CPython's
    // half-even correction).
    let mut n = partials.len();
    if n == 0 {
        return 0.0;
    }
    n -= 1;
    let mut hi = partials[n];
    let mut lo = 0.0;
    while n > 0 {
        let x = hi;
        n -= 1;
        let y = partials[n];
        hi = x + y;
        let yr = hi - x;
        lo = y - yr;
        if lo != 0.0 {
            break;
        }
    }
    if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
        let y = lo * 2.0;
        let x = hi + y;
        let yr = x - hi;
        if y == yr {
            hi = x;
        }
    }
    hi
}
