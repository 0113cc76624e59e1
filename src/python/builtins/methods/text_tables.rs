//! `str.maketrans` and `str.translate`, `bytes.hex`, `float.fromhex` and
//! `cls.mro()`, with CPython's results and messages.

use super::*;

/// Calls one of this file's methods: the receiver is `pos[0]` (the class
/// for `mro`), except for the class attributes `str.maketrans` and
/// `float.fromhex`, called unbound.
pub(super) fn call(
    it: &Rc<Interp>,
    f: Builtin,
    pos: Vec<Value>,
    kw: Vec<(Name, Value)>,
) -> PyResult<Value> {
    use Builtin::*;
    let _ = &kw;
    Ok(match f {
        // Class attributes, unbound: `pos` is the arguments alone.
        StrMaketrans => maketrans(it, &pos)?,
        StrTranslate => {
            let x = this_str_named(&pos, f.short_name())?;
            translate(it, &x, need(&pos, 1, f.short_name())?)?
        }
        BytesHex => match pos.first() {
            Some(Value::Bytes(b)) => {
                let sep = match pos.get(1) {
                    None => None,
                    Some(Value::Str(s)) if s.chars().count() == 1 => Some(s.to_string()),
                    Some(Value::Bytes(s)) if s.len() == 1 => Some((s[0] as char).to_string()),
                    Some(_) => {
                        return Err(Exc::new(T::ValueError, "sep must be length 1."));
                    }
                };
                let parts: Vec<String> = b.iter().map(|x| format!("{x:02x}")).collect();
                s(parts.join(sep.as_deref().unwrap_or("")))
            }
            _ => {
                return Err(Exc::new(
                    T::TypeError,
                    "descriptor 'hex' requires a 'bytes' object",
                ))
            }
        },
        FloatFromhex => match pos.first() {
            Some(Value::Str(t)) => Value::Float(fromhex(t)?),
            Some(v) => {
                return Err(Exc::new(
                    T::TypeError,
                    format!("must be str, not {}", type_name(v)),
                ))
            }
            None => {
                return Err(Exc::new(
                    T::TypeError,
                    "fromhex() takes exactly one argument (0 given)",
                ))
            }
        },
        TypeMro => match pos.first() {
            Some(Value::Class(c)) => Value::list(
                c.mro
                    .borrow()
                    .iter()
                    .map(|k| Value::Class(k.clone()))
                    .collect(),
            ),
            _ => {
                return Err(Exc::new(
                    T::TypeError,
                    "descriptor 'mro' of 'type' object needs an argument",
                ))
            }
        },
        _ => return module_call(it, f, pos, kw),
    })
}

/// `str.maketrans(x[, y[, z]])`: a dict from code points to code points,
/// strings or None.
fn maketrans(it: &Rc<Interp>, args: &[Value]) -> PyResult<Value> {
    let mut d = Dict::new();
    match args {
        [Value::Dict(m)] => {
            let items: Vec<(Value, Value)> = m
                .borrow()
                .items()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            for (k, v) in items {
                let key = match &k {
                    Value::Str(s) => {
                        let mut cs = s.chars();
                        match (cs.next(), cs.next()) {
                            (Some(c), None) => Value::Int(i64::from(u32::from(c))),
                            _ => {
                                return Err(Exc::new(
                                    T::ValueError,
                                    "string keys in translate table must be of length 1",
                                ))
                            }
                        }
                    }
                    Value::Int(_) => k.clone(),
                    _ => {
                        return Err(Exc::new(
                            T::TypeError,
                            "keys in translate table must be strings or integers",
                        ))
                    }
                };
                ops::dict_set(it, &mut d, key, v)?;
            }
        }
        [_] => {
            return Err(Exc::new(
                T::TypeError,
                "if you give only one argument to maketrans it must be a dict",
            ))
        }
        [Value::Str(x), Value::Str(y), rest @ ..] if rest.len() <= 1 => {
            if x.chars().count() != y.chars().count() {
                return Err(Exc::new(
                    T::ValueError,
                    "the first two maketrans arguments must have equal length",
                ));
            }
            for (a, b) in x.chars().zip(y.chars()) {
                ops::dict_set(
                    it,
                    &mut d,
                    Value::Int(i64::from(u32::from(a))),
                    Value::Int(i64::from(u32::from(b))),
                )?;
            }
            match rest.first() {
                None => {}
                Some(Value::Str(z)) => {
                    for c in z.chars() {
                        ops::dict_set(
                            it,
                            &mut d,
                            Value::Int(i64::from(u32::from(c))),
                            Value::None,
                        )?;
                    }
                }
                Some(_) => {
                    return Err(Exc::new(T::TypeError, "maketrans() argument 3 must be str"))
                }
            }
        }
        [_, _, ..] if args.len() <= 3 => {
            return Err(Exc::new(T::TypeError, "maketrans() argument 2 must be str"))
        }
        _ => {
            return Err(Exc::new(
                T::TypeError,
                format!(
                    "maketrans() takes at most 3 arguments ({} given)",
                    args.len()
                ),
            ))
        }
    }
    Ok(Value::dict(d))
}

/// `x.translate(table)`: each character looked up by its code point
/// (`table[ord(c)]`); a LookupError keeps it, None deletes it.
fn translate(it: &Rc<Interp>, x: &str, table: &Value) -> PyResult<Value> {
    let mut out = String::with_capacity(x.len());
    for c in x.chars() {
        let key = Value::Int(i64::from(u32::from(c)));
        match ops::getitem(it, table, &key) {
            Ok(Value::None) => {}
            Ok(Value::Str(t)) => out.push_str(&t),
            Ok(Value::Int(n)) => match u32::try_from(n).ok().and_then(char::from_u32) {
                Some(ch) => out.push(ch),
                None => {
                    return Err(Exc::new(
                        T::ValueError,
                        "character mapping must be in range(0x110000)",
                    ))
                }
            },
            Ok(_) => {
                return Err(Exc::new(
                    T::TypeError,
                    "character mapping must return integer, None or str",
                ))
            }
            Err(e) if e.is(T::LookupError) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(s(out))
}

/// `float.fromhex(text)`: `[sign] ['0x'] digits ['.' digits] ['p' exponent]`,
/// or `inf`/`infinity`/`nan`.
fn fromhex(text: &str) -> PyResult<f64> {
    let bad = || Exc::new(T::ValueError, "invalid hexadecimal floating-point string");
    let t = text.trim();
    let (neg, body) = match t.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = body.to_ascii_lowercase();
    let v = match lower.as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => {
            let b = lower.strip_prefix("0x").unwrap_or(&lower);
            let (mant, exp) = match b.split_once('p') {
                Some((m, e)) => (m, e.parse::<i32>().map_err(|_| bad())?),
                None => (b, 0),
            };
            let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
            if int_part.is_empty() && frac_part.is_empty() {
                return Err(bad());
            }
            let mut m = 0.0f64;
            for ch in int_part.chars().chain(frac_part.chars()) {
                let d = ch.to_digit(16).ok_or_else(bad)?;
                m = m * 16.0 + f64::from(d);
            }
            let shift = exp - 4 * i32::try_from(frac_part.len()).map_err(|_| bad())?;
            let v = m * 2f64.powi(shift);
            if v.is_infinite() {
                return Err(Exc::new(
                    T::OverflowError,
                    "hexadecimal value too large to represent as a float",
                ));
            }
            v
        }
    };
    Ok(if neg { -v } else { v })
}
