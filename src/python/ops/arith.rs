//! Arithmetic: binary and unary operators on ints (small and big),
//! floats, complex numbers, sequences and sets, and the dunder fallbacks.

use super::*;

pub(super) fn check_size(n: usize) -> PyResult<()> {
    if n > crate::python::interp::MAX_ITEMS {
        return Err(Exc::bare(T::MemoryError));
    }
    Ok(())
}

pub(super) fn repeat<Tt: Clone>(items: &[Tt], n: i64) -> PyResult<Vec<Tt>> {
    let n = n.max(0) as usize;
    let total = items
        .len()
        .checked_mul(n)
        .ok_or_else(|| Exc::bare(T::MemoryError))?;
    check_size(total)?;
    let mut out = Vec::with_capacity(total);
    for _ in 0..n {
        out.extend_from_slice(items);
    }
    Ok(out)
}

pub(super) fn int_pow(a: i64, b: i64) -> Option<Value> {
    if b < 0 {
        return None;
    }
    let e = u32::try_from(b).ok()?;
    a.checked_pow(e).map(Value::Int)
}

/// `x op y` on ints of any size (the result normalised).
pub(super) fn big_binop(op: BinOp, x: &BigInt, y: &BigInt) -> Option<PyResult<Value>> {
    let big = |r: Result<BigInt, crate::python::bigint::TooBig>| {
        r.map(Value::from_big).map_err(|_| too_big())
    };
    let shift = |y: &BigInt| -> PyResult<Option<u64>> {
        if y.is_negative() {
            return Err(Exc::new(T::ValueError, "negative shift count"));
        }
        Ok(y.to_i64().map(|n| n as u64))
    };
    Some(match op {
        BinOp::Add => big(x.add(y)),
        BinOp::Sub => big(x.sub(y)),
        BinOp::Mult => big(x.mul(y)),
        BinOp::Div => match x.true_div(y) {
            Ok(f) => Ok(Value::Float(f)),
            Err(true) => Err(Exc::new(T::ZeroDivisionError, "division by zero")),
            Err(false) => Err(Exc::new(
                T::OverflowError,
                "integer division result too large for a float",
            )),
        },
        BinOp::FloorDiv => match x.divmod(y) {
            Some((q, _)) => Ok(Value::from_big(q)),
            None => Err(Exc::new(
                T::ZeroDivisionError,
                "integer division or modulo by zero",
            )),
        },
        BinOp::Mod => match x.divmod(y) {
            Some((_, r)) => Ok(Value::from_big(r)),
            None => Err(Exc::new(T::ZeroDivisionError, "integer modulo by zero")),
        },
        BinOp::Pow => {
            if y.is_negative() {
                let fx = match x.to_f64() {
                    Some(f) => f,
                    None => {
                        return Some(Err(Exc::new(
                            T::OverflowError,
                            "int too large to convert to float",
                        )))
                    }
                };
                if fx == 0.0 {
                    return Some(Err(Exc::new(
                        T::ZeroDivisionError,
                        "0.0 cannot be raised to a negative power",
                    )));
                }
                let fy = y.to_f64().unwrap_or(f64::NEG_INFINITY);
                return Some(Ok(Value::Float(fx.powf(fy))));
            }
            let e = match y.to_i64() {
                Some(e) => e as u64,
                None if x.bit_length() <= 1 => {
                    // 0, 1 or -1 to a huge power: only the parity matters.
                    2 + u64::from(y.bitop(&BigInt::from_i64(1), '&') == BigInt::from_i64(1))
                }
                None => return Some(Err(too_big())),
            };
            big(x.pow(e))
        }
        BinOp::LShift => match shift(y) {
            Err(e) => Err(e),
            Ok(_) if x.is_zero() => Ok(Value::Int(0)),
            Ok(Some(n)) => big(x.shl(n)),
            Ok(None) => Err(too_big()),
        },
        BinOp::RShift => match shift(y) {
            Err(e) => Err(e),
            Ok(n) => Ok(Value::from_big(x.shr(n.unwrap_or(u64::MAX)))),
        },
        BinOp::BitAnd => Ok(Value::from_big(x.bitop(y, '&'))),
        BinOp::BitOr => Ok(Value::from_big(x.bitop(y, '|'))),
        BinOp::BitXor => Ok(Value::from_big(x.bitop(y, '^'))),
        BinOp::MatMult => return None,
    })
}

/// A number as a float for mixed arithmetic: `None` if not a number.
pub(super) fn num_as_float(v: &Value) -> Option<PyResult<f64>> {
    match v {
        Value::BigInt(_) => Some(int_to_float(v)),
        other => as_float(other).map(Ok),
    }
}

pub(super) fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 && ((m < 0.0) != (b < 0.0)) {
        m + b
    } else {
        m
    }
}

/// CPython's `float_floor_div` (via `_float_div_mod`).
pub(super) fn float_floor_div(vx: f64, wx: f64) -> f64 {
    let m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 && ((wx < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let fl = div.floor();
        if div - fl > 0.5 {
            fl + 1.0
        } else {
            fl
        }
    } else {
        0.0f64.copysign(vx / wx)
    }
}

/// `a op b` on numbers, if both are numbers.
pub(super) fn num_binop(op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    if matches!(a, Value::BigInt(_)) || matches!(b, Value::BigInt(_)) {
        if let (Some(x), Some(y)) = (as_big(a), as_big(b)) {
            return big_binop(op, &x, &y);
        }
    }
    if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
        let widen = || big_binop(op, &BigInt::from_i64(x), &BigInt::from_i64(y));
        return Some(match op {
            BinOp::Add => return x.checked_add(y).map(|v| Ok(Value::Int(v))).or_else(widen),
            BinOp::Sub => return x.checked_sub(y).map(|v| Ok(Value::Int(v))).or_else(widen),
            BinOp::Mult => return x.checked_mul(y).map(|v| Ok(Value::Int(v))).or_else(widen),
            BinOp::Div if x.unsigned_abs() > 1 << 53 || y.unsigned_abs() > 1 << 53 => {
                return widen()
            }
            BinOp::Div => {
                if y == 0 {
                    Err(Exc::new(T::ZeroDivisionError, "division by zero"))
                } else {
                    Ok(Value::Float(x as f64 / y as f64))
                }
            }
            BinOp::FloorDiv | BinOp::Mod if x == i64::MIN && y == -1 => return widen(),
            BinOp::FloorDiv => {
                if y == 0 {
                    Err(Exc::new(
                        T::ZeroDivisionError,
                        "integer division or modulo by zero",
                    ))
                } else {
                    Ok(Value::Int(
                        x.div_euclid(y) - if y < 0 && x.rem_euclid(y) != 0 { 1 } else { 0 },
                    ))
                }
            }
            BinOp::Mod => {
                if y == 0 {
                    Err(Exc::new(T::ZeroDivisionError, "integer modulo by zero"))
                } else {
                    let m = x % y;
                    Ok(Value::Int(if m != 0 && ((m < 0) != (y < 0)) {
                        m + y
                    } else {
                        m
                    }))
                }
            }
            BinOp::Pow => return int_pow(x, y).map(Ok).or_else(widen),
            BinOp::LShift => {
                if y < 0 {
                    Err(Exc::new(T::ValueError, "negative shift count"))
                } else if x == 0 {
                    Ok(Value::Int(0))
                } else if y >= 62 || x.unsigned_abs().leading_zeros() <= y as u32 + 1 {
                    return widen();
                } else {
                    Ok(Value::Int(x << y))
                }
            }
            BinOp::RShift => {
                if y < 0 {
                    Err(Exc::new(T::ValueError, "negative shift count"))
                } else {
                    Ok(Value::Int(x >> y.min(63)))
                }
            }
            BinOp::BitAnd => Ok(
                if matches!((a, b), (Value::Bool(p), Value::Bool(q)) if { let _ = (p, q); true }) {
                    Value::Bool(x & y != 0)
                } else {
                    Value::Int(x & y)
                },
            ),
            BinOp::BitOr => Ok(if matches!((a, b), (Value::Bool(_), Value::Bool(_))) {
                Value::Bool(x | y != 0)
            } else {
                Value::Int(x | y)
            }),
            BinOp::BitXor => Ok(if matches!((a, b), (Value::Bool(_), Value::Bool(_))) {
                Value::Bool(x ^ y != 0)
            } else {
                Value::Int(x ^ y)
            }),
            BinOp::MatMult => return None,
        });
    }
    let (x, y) = match (num_as_float(a)?, num_as_float(b)?) {
        (Ok(x), Ok(y)) => (x, y),
        (Err(e), _) | (_, Err(e)) => return Some(Err(e)),
    };
    Some(match op {
        BinOp::Add => Ok(Value::Float(x + y)),
        BinOp::Sub => Ok(Value::Float(x - y)),
        BinOp::Mult => Ok(Value::Float(x * y)),
        BinOp::Div => {
            if y == 0.0 {
                Err(Exc::new(T::ZeroDivisionError, "float division by zero"))
            } else {
                Ok(Value::Float(x / y))
            }
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                Err(Exc::new(
                    T::ZeroDivisionError,
                    "float floor division by zero",
                ))
            } else {
                Ok(Value::Float(float_floor_div(x, y)))
            }
        }
        BinOp::Mod => {
            if y == 0.0 {
                Err(Exc::new(T::ZeroDivisionError, "float modulo"))
            } else {
                Ok(Value::Float(float_mod(x, y)))
            }
        }
        BinOp::Pow => {
            if x == 0.0 && y < 0.0 {
                Err(Exc::new(
                    T::ZeroDivisionError,
                    "0.0 cannot be raised to a negative power",
                ))
            } else {
                let r = x.powf(y);
                if r.is_infinite() && x.is_finite() && y.is_finite() {
                    Err(Exc::new(
                        T::OverflowError,
                        "(34, 'Numerical result out of range')",
                    ))
                } else {
                    Ok(Value::Float(r))
                }
            }
        }
        _ => return None,
    })
}

pub(super) fn dunder(op: BinOp) -> (&'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__"),
        BinOp::Sub => ("__sub__", "__rsub__"),
        BinOp::Mult => ("__mul__", "__rmul__"),
        BinOp::MatMult => ("__matmul__", "__rmatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__"),
        BinOp::Mod => ("__mod__", "__rmod__"),
        BinOp::Pow => ("__pow__", "__rpow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__"),
        BinOp::BitOr => ("__or__", "__ror__"),
        BinOp::BitXor => ("__xor__", "__rxor__"),
        BinOp::BitAnd => ("__and__", "__rand__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__"),
    }
}

/// `a op b`.
pub fn binop(it: &I, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    if let Some(r) = crate::python::complex::binop(op, &a, &b) {
        return r;
    }
    if let Some(r) = num_binop(op, &a, &b) {
        return r;
    }
    if op == BinOp::Mult {
        let seq = |v: &Value| {
            matches!(
                v,
                Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)
            )
        };
        if (seq(&a) && matches!(b, Value::BigInt(_))) || (seq(&b) && matches!(a, Value::BigInt(_)))
        {
            return Err(Exc::new(
                T::OverflowError,
                "cannot fit 'int' into an index-sized integer",
            ));
        }
    }
    match (op, &a, &b) {
        (BinOp::Add, Value::Str(x), Value::Str(y)) => {
            check_size(x.len() + y.len())?;
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            return Ok(Value::Str(Rc::from(s)));
        }
        (BinOp::Add, Value::List(x), Value::List(y)) => {
            let mut v = x.borrow().clone();
            v.extend(y.borrow().iter().cloned());
            return Ok(Value::list(v));
        }
        (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
            let mut v = x.to_vec();
            v.extend(y.iter().cloned());
            return Ok(Value::tuple(v));
        }
        (BinOp::Add, Value::Bytes(x), Value::Bytes(y)) => {
            let mut v = x.to_vec();
            v.extend_from_slice(y);
            return Ok(Value::Bytes(Rc::from(v)));
        }
        (BinOp::Mult, Value::Str(s), Value::Int(n))
        | (BinOp::Mult, Value::Int(n), Value::Str(s)) => {
            let n = (*n).max(0) as usize;
            let total = s
                .len()
                .checked_mul(n)
                .ok_or_else(|| Exc::bare(T::MemoryError))?;
            check_size(total)?;
            return Ok(Value::Str(Rc::from(s.repeat(n))));
        }
        (BinOp::Mult, Value::List(l), Value::Int(n))
        | (BinOp::Mult, Value::Int(n), Value::List(l)) => {
            let items = l.borrow().clone();
            return Ok(Value::list(repeat(&items, *n)?));
        }
        (BinOp::Mult, Value::Tuple(t), Value::Int(n))
        | (BinOp::Mult, Value::Int(n), Value::Tuple(t)) => {
            return Ok(Value::tuple(repeat(t, *n)?));
        }
        (BinOp::Mod, Value::Str(s), _) => return builtins::percent_format(it, s, &b),
        (BinOp::BitOr, Value::Dict(x), Value::Dict(y)) => {
            let mut d = x.borrow().clone();
            for (k, v) in y.borrow().items() {
                dict_set(it, &mut d, k.clone(), v.clone())?;
            }
            return Ok(Value::dict(d));
        }
        (
            BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
            Value::Set(_) | Value::FrozenSet(_),
            Value::Set(_) | Value::FrozenSet(_),
        ) => {
            let frozen = matches!(a, Value::FrozenSet(_));
            let xa = set_items(&a);
            let xb = set_items(&b);
            let kb: Vec<HashKey> = xb.iter().map(|(k, _)| k.clone()).collect();
            let ka: Vec<HashKey> = xa.iter().map(|(k, _)| k.clone()).collect();
            let mut d = Dict::new();
            match op {
                BinOp::BitOr => {
                    for (k, v) in xa.into_iter().chain(xb) {
                        d.insert(k, v, Value::None);
                    }
                }
                BinOp::BitAnd => {
                    for (k, v) in xa {
                        if kb.contains(&k) {
                            d.insert(k, v, Value::None);
                        }
                    }
                }
                BinOp::Sub => {
                    for (k, v) in xa {
                        if !kb.contains(&k) {
                            d.insert(k, v, Value::None);
                        }
                    }
                }
                _ => {
                    for (k, v) in xa {
                        if !kb.contains(&k) {
                            d.insert(k, v, Value::None);
                        }
                    }
                    for (k, v) in xb {
                        if !ka.contains(&k) {
                            d.insert(k, v, Value::None);
                        }
                    }
                }
            }
            return Ok(if frozen {
                Value::FrozenSet(Rc::new(d))
            } else {
                Value::Set(Rc::new(RefCell::new(d)))
            });
        }
        _ => {}
    }
    let (name, rname) = dunder(op);
    if let Value::Instance(i) = &a {
        if let Some(m) = i.class.lookup(name) {
            let r = it.call_sync(m, vec![a.clone(), b.clone()], Vec::new())?;
            if !matches!(r, Value::Builtin(Builtin::NotImplemented)) {
                return Ok(r);
            }
        }
    }
    if let Value::Instance(i) = &b {
        if let Some(m) = i.class.lookup(rname) {
            let r = it.call_sync(m, vec![b.clone(), a.clone()], Vec::new())?;
            if !matches!(r, Value::Builtin(Builtin::NotImplemented)) {
                return Ok(r);
            }
        }
    }
    let sym = op.symbol();
    if let (BinOp::Add, Value::Str(_), _) | (BinOp::Add, _, Value::Str(_)) = (op, &a, &b) {
        if matches!(a, Value::Str(_)) {
            return Err(Exc::new(
                T::TypeError,
                format!(
                    "can only concatenate str (not \"{}\") to str",
                    type_name(&b)
                ),
            ));
        }
    }
    if op == BinOp::Mult
        && (matches!(a, Value::Str(_) | Value::List(_) | Value::Tuple(_))
            || matches!(b, Value::Str(_) | Value::List(_) | Value::Tuple(_)))
        && !matches!(a, Value::Instance(_))
        && !matches!(b, Value::Instance(_))
    {
        let other = if matches!(a, Value::Str(_) | Value::List(_) | Value::Tuple(_)) {
            &b
        } else {
            &a
        };
        return Err(Exc::new(
            T::TypeError,
            format!(
                "can't multiply sequence by non-int of type '{}'",
                type_name(other)
            ),
        ));
    }
    if let (BinOp::Add, Value::List(_)) = (op, &a) {
        return Err(Exc::new(
            T::TypeError,
            format!(
                "can only concatenate list (not \"{}\") to list",
                type_name(&b)
            ),
        ));
    }
    Err(Exc::new(
        T::TypeError,
        format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            if op == BinOp::Pow { "** or pow()" } else { sym },
            type_name(&a),
            type_name(&b)
        ),
    ))
}

pub(super) fn set_items(v: &Value) -> Vec<(HashKey, Value)> {
    match v {
        Value::Set(d) => {
            let d = d.borrow();
            d.hash_keys().cloned().zip(d.keys().cloned()).collect()
        }
        Value::FrozenSet(d) => d.hash_keys().cloned().zip(d.keys().cloned()).collect(),
        _ => Vec::new(),
    }
}

/// `a op= b`.
pub fn inplace(it: &I, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    match (&a, op) {
        (Value::List(l), BinOp::Add) => {
            let items = to_vec(it, &b)?;
            l.borrow_mut().extend(items);
            return Ok(a);
        }
        (Value::Set(s), BinOp::BitOr) => {
            for x in to_vec(it, &b)? {
                let k = hash_key(it, &x)?;
                s.borrow_mut().insert(k, x, Value::None);
            }
            return Ok(a);
        }
        (Value::Dict(d), BinOp::BitOr) => {
            let mut dd = d.borrow().clone();
            dict_update(it, &mut dd, &b)?;
            *d.borrow_mut() = dd;
            return Ok(a);
        }
        (Value::Instance(i), _) => {
            let name = format!("__i{}", &dunder(op).0[2..]);
            if let Some(m) = i.class.lookup(&name) {
                return it.call_sync(m, vec![a.clone(), b], Vec::new());
            }
        }
        _ => {}
    }
    binop(it, op, a, b)
}

/// A unary operator.
pub fn unary(it: &I, op: UnaryOp, v: Value) -> PyResult<Value> {
    match (op, &v) {
        (UnaryOp::Not, _) => Ok(Value::Bool(!truthy(it, &v)?)),
        (UnaryOp::Neg, Value::Int(i)) => Ok(match i.checked_neg() {
            Some(n) => Value::Int(n),
            None => Value::from_big(BigInt::from_i64(*i).neg()),
        }),
        (UnaryOp::Neg, Value::BigInt(b)) => Ok(Value::from_big(b.neg())),
        (UnaryOp::Invert, Value::BigInt(b)) => Ok(Value::from_big(b.invert())),
        (UnaryOp::Pos, Value::BigInt(_)) => Ok(v),
        (UnaryOp::Neg, Value::Bool(b)) => Ok(Value::Int(-i64::from(*b))),
        (UnaryOp::Neg, Value::Float(x)) => Ok(Value::Float(-x)),
        (UnaryOp::Neg, Value::Complex(re, im)) => Ok(crate::python::complex::neg(*re, *im)),
        (UnaryOp::Pos, Value::Complex(..)) => Ok(v),
        (UnaryOp::Pos, Value::Int(_) | Value::Float(_)) => Ok(v),
        (UnaryOp::Pos, Value::Bool(b)) => Ok(Value::Int(i64::from(*b))),
        (UnaryOp::Invert, Value::Int(i)) => Ok(Value::Int(!i)),
        (UnaryOp::Invert, Value::Bool(b)) => Ok(Value::Int(!i64::from(*b))),
        (_, Value::Instance(i)) => {
            let name = match op {
                UnaryOp::Neg => "__neg__",
                UnaryOp::Pos => "__pos__",
                _ => "__invert__",
            };
            match i.class.lookup(name) {
                Some(m) => it.call_sync(m, vec![v.clone()], Vec::new()),
                None => Err(Exc::new(
                    T::TypeError,
                    format!(
                        "bad operand type for unary {}: '{}'",
                        unary_sym(op),
                        i.class.name
                    ),
                )),
            }
        }
        _ => Err(Exc::new(
            T::TypeError,
            format!(
                "bad operand type for unary {}: '{}'",
                unary_sym(op),
                type_name(&v)
            ),
        )),
    }
}

pub(super) fn unary_sym(op: UnaryOp) -> &'static str {
    match op {
        UnaryOp::Neg => "-",
        UnaryOp::Pos => "+",
        UnaryOp::Invert => "~",
        UnaryOp::Not => "not",
    }
}
