//! The methods of numbers: `int.bit_length`, `as_integer_ratio`,
//! `float.is_integer`, `conjugate`.

use super::*;

/// Calls method `f` of an `int`, `float` or `complex` (the receiver is `pos[0]`).
pub(super) fn call(
    it: &Rc<Interp>,
    f: Builtin,
    pos: Vec<Value>,
    kw: Vec<(Name, Value)>,
) -> PyResult<Value> {
    use Builtin::*;
    Ok(match f {
        IntBitLength => match &pos[0] {
            Value::BigInt(b) => Value::Int(b.bit_length() as i64),
            v => Value::Int(64 - i64::from(int_arg(v, "")?.unsigned_abs().leading_zeros())),
        },
        AsIntegerRatio => match pos[0] {
            Value::Float(x) => float_ratio(x)?,
            ref v => Value::tuple(vec![
                Value::from_big(ops::as_big(v).unwrap_or_default()),
                Value::Int(1),
            ]),
        },
        FloatIsInteger => {
            Value::Bool(matches!(pos[0], Value::Float(x) if x.fract() == 0.0 && x.is_finite()))
        }
        Conjugate => match pos[0] {
            Value::Complex(re, im) => Value::Complex(re, -im),
            Value::Bool(x) => Value::Int(i64::from(x)),
            ref v => v.clone(),
        },
        // Not one of these: as the dispatcher's own fallback.
        _ => return module_call(it, f, pos, kw),
    })
}
