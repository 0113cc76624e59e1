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
        IntBitCount => match &pos[0] {
            Value::BigInt(_) => {
                use crate::python::ast::BinOp;
                let mut n = ops::unary(it, crate::python::ast::UnaryOp::Neg, pos[0].clone())?;
                if ops::compare(it, crate::python::ast::CmpOp::Lt, &n, &Value::Int(0))? {
                    n = ops::unary(it, crate::python::ast::UnaryOp::Neg, n)?;
                }
                let mut count = 0i64;
                while ops::truthy(it, &n)? {
                    let low = ops::binop(it, BinOp::BitAnd, n.clone(), Value::Int(0xffff_ffff))?;
                    count += i64::from(u32::try_from(int_arg(&low, "")?).unwrap_or(0).count_ones());
                    n = ops::binop(it, BinOp::RShift, n, Value::Int(32))?;
                }
                Value::Int(count)
            }
            v => Value::Int(i64::from(int_arg(v, "")?.unsigned_abs().count_ones())),
        },
        IntToBytes => to_bytes(&pos, &kw)?,
        IntFromBytes => from_bytes(it, &pos, &kw)?,
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

fn kw_or<'a>(pos: &'a [Value], i: usize, kw: &'a [(Name, Value)], name: &str) -> Option<&'a Value> {
    pos.get(i)
        .or_else(|| kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v))
}

fn byteorder(v: Option<&Value>) -> PyResult<bool> {
    match v {
        None => Ok(true),
        Some(Value::Str(s)) if &**s == "big" => Ok(true),
        Some(Value::Str(s)) if &**s == "little" => Ok(false),
        Some(Value::Str(_)) => Err(Exc::new(
            T::ValueError,
            "byteorder must be either 'little' or 'big'",
        )),
        Some(o) => Err(Exc::new(
            T::TypeError,
            format!(
                "to_bytes() argument 'byteorder' must be str, not {}",
                type_name(o)
            ),
        )),
    }
}

/// `n.to_bytes(length=1, byteorder='big', *, signed=False)` (ints that fit
/// in 64 bits).
fn to_bytes(pos: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let n = int_arg(&pos[0], "")?;
    let len = match kw_or(pos, 1, kw, "length") {
        None => 1,
        Some(v) => int_arg(v, "")?,
    };
    if len < 0 {
        return Err(Exc::new(
            T::ValueError,
            "length argument must be non-negative",
        ));
    }
    let big = byteorder(kw_or(pos, 2, kw, "byteorder"))?;
    let signed = matches!(
        kw.iter().find(|(k, _)| &**k == "signed"),
        Some((_, Value::Bool(true)))
    );
    if n < 0 && !signed {
        return Err(Exc::new(
            T::OverflowError,
            "can't convert negative int to unsigned",
        ));
    }
    let len = usize::try_from(len).unwrap_or(0).min(1 << 16);
    let v = i128::from(n);
    let fits = if signed {
        len >= 16
            || (-(1i128 << (8 * len).saturating_sub(1)) <= v
                && v < (1i128 << (8 * len).saturating_sub(1)))
    } else {
        len >= 16 || v < (1i128 << (8 * len))
    };
    if !fits || (len == 0 && n != 0) {
        return Err(Exc::new(T::OverflowError, "int too big to convert"));
    }
    let mut out: Vec<u8> = (0..len)
        .map(|i| {
            if i < 16 {
                (v >> (8 * i)) as u8
            } else if n < 0 {
                0xff
            } else {
                0
            }
        })
        .collect();
    if big {
        out.reverse();
    }
    Ok(Value::Bytes(Rc::from(out)))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`.
fn from_bytes(it: &Rc<Interp>, pos: &[Value], kw: &[(Name, Value)]) -> PyResult<Value> {
    let data = kw_or(pos, 0, kw, "bytes").ok_or_else(|| {
        Exc::new(
            T::TypeError,
            "from_bytes() missing required argument 'bytes' (pos 1)",
        )
    })?;
    let mut bytes: Vec<u8> = Vec::new();
    for v in ops::to_vec(it, data)? {
        let b = int_arg(&v, "")?;
        bytes.push(
            u8::try_from(b)
                .map_err(|_| Exc::new(T::ValueError, "bytes must be in range(0, 256)"))?,
        );
    }
    let big = byteorder(kw_or(pos, 1, kw, "byteorder"))?;
    let signed = matches!(
        kw.iter().find(|(k, _)| &**k == "signed"),
        Some((_, Value::Bool(true)))
    );
    if !big {
        bytes.reverse();
    }
    let mut acc = Value::Int(0);
    for b in &bytes {
        acc = ops::binop(it, crate::python::ast::BinOp::Mult, acc, Value::Int(256))?;
        acc = ops::binop(
            it,
            crate::python::ast::BinOp::Add,
            acc,
            Value::Int(i64::from(*b)),
        )?;
    }
    if signed && bytes.first().is_some_and(|b| b & 0x80 != 0) {
        let mut full = Value::Int(1);
        for _ in 0..bytes.len() {
            full = ops::binop(it, crate::python::ast::BinOp::Mult, full, Value::Int(256))?;
        }
        acc = ops::binop(it, crate::python::ast::BinOp::Sub, acc, full)?;
    }
    Ok(acc)
}
