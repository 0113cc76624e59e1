//! str helpers: padding, whitespace splitting, `str.format`, `%`
//! formatting.

use super::*;

pub(super) fn pad(text: &str, width: i64, fill: char, how: char) -> String {
    let n = text.chars().count() as i64;
    if width <= n {
        return text.to_string();
    }
    let total = (width - n) as usize;
    let (l, r) = match how {
        '<' => (0, total),
        '>' => (total, 0),
        _ => {
            let l = total / 2 + (total & width as usize & 1);
            (l, total - l)
        }
    };
    let f: String = std::iter::repeat_n(fill, l).collect();
    let g: String = std::iter::repeat_n(fill, r).collect();
    format!("{f}{text}{g}")
}

pub(super) fn split_ws(x: &str, max: i64) -> Vec<Value> {
    let mut out = Vec::new();
    let mut rest = x.trim_start();
    while !rest.is_empty() {
        if max >= 0 && out.len() as i64 == max {
            out.push(s(rest));
            return out;
        }
        match rest.find(char::is_whitespace) {
            Some(p) => {
                out.push(s(&rest[..p]));
                rest = rest[p..].trim_start();
            }
            None => {
                out.push(s(rest));
                break;
            }
        }
    }
    out
}

pub(super) fn str_format(
    it: &Rc<Interp>,
    fmtstr: &str,
    args: &[Value],
    kw: &[(Name, Value)],
) -> PyResult<String> {
    let mut out = String::new();
    let chars: Vec<char> = fmtstr.chars().collect();
    let mut i = 0;
    let mut auto = 0usize;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            let mut j = i + 1;
            let mut depth = 1;
            while j < chars.len() {
                if chars[j] == '{' {
                    depth += 1;
                } else if chars[j] == '}' {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                j += 1;
            }
            if j >= chars.len() {
                return Err(Exc::new(
                    T::ValueError,
                    "Single '{' encountered in format string",
                ));
            }
            let field: String = chars[i + 1..j].iter().collect();
            let (head, spec) = match field.find(':') {
                Some(p) => (field[..p].to_string(), field[p + 1..].to_string()),
                None => (field.clone(), String::new()),
            };
            let (name, conv) = match head.find('!') {
                Some(p) => (head[..p].to_string(), head[p + 1..].chars().next()),
                None => (head, None),
            };
            let (base, rest) = match name.find(['.', '[']) {
                Some(p) => (name[..p].to_string(), name[p..].to_string()),
                None => (name.clone(), String::new()),
            };
            let mut v = if base.is_empty() {
                let v = args.get(auto).cloned().ok_or_else(|| {
                    Exc::new(
                        T::IndexError,
                        format!("Replacement index {auto} out of range for positional args tuple"),
                    )
                })?;
                auto += 1;
                v
            } else if let Ok(n) = base.parse::<usize>() {
                args.get(n).cloned().ok_or_else(|| {
                    Exc::new(
                        T::IndexError,
                        format!("Replacement index {n} out of range for positional args tuple"),
                    )
                })?
            } else {
                kw.iter()
                    .find(|(k, _)| **k == *base)
                    .map(|(_, v)| v.clone())
                    .ok_or_else(|| Exc::with_args(T::KeyError, vec![s(base.clone())]))?
            };
            let mut r = rest.as_str();
            while !r.is_empty() {
                if let Some(x) = r.strip_prefix('.') {
                    let end = x.find(['.', '[']).unwrap_or(x.len());
                    v = ops::getattr(it, &v, &x[..end])?;
                    r = &x[end..];
                } else if let Some(x) = r.strip_prefix('[') {
                    let end = x.find(']').unwrap_or(x.len());
                    let key = &x[..end];
                    let k = match key.parse::<i64>() {
                        Ok(n) => Value::Int(n),
                        Err(_) => s(key),
                    };
                    v = ops::getitem(it, &v, &k)?;
                    r = x.get(end + 1..).unwrap_or("");
                } else {
                    break;
                }
            }
            let spec = if spec.contains('{') {
                str_format(it, &spec, args, kw)?
            } else {
                spec
            };
            out.push_str(&it.convert(v, conv, &spec)?);
            i = j + 1;
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(Exc::new(
                T::ValueError,
                "Single '}' encountered in format string",
            ));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

/// `%`-formatting of a str.
pub fn percent_format(it: &Rc<Interp>, s: &str, args: &Value) -> PyResult<Value> {
    let vals = match args {
        Value::Tuple(t) => t.to_vec(),
        other => vec![other.clone()],
    };
    let fmt_arg = |v: &Value| -> PyResult<FmtArg> {
        Ok(match v {
            Value::Int(i) => FmtArg::Int(*i),
            Value::BigInt(b) => FmtArg::Big((**b).clone()),
            Value::Bool(x) => FmtArg::Bool(*x),
            Value::Float(x) => FmtArg::Float(*x),
            Value::Str(x) => FmtArg::Str(x.to_string()),
            other => FmtArg::Other {
                type_name: type_name(other),
                str: str_of(it, other)?,
                repr: repr(it, other)?,
            },
        })
    };
    let mut fa = Vec::with_capacity(vals.len());
    for v in &vals {
        fa.push(fmt_arg(v)?);
    }
    // A mapping on the right (a dict, or anything with __getitem__ that is
    // not a tuple or str) serves `%(key)s`.
    let mapping = !matches!(args, Value::Tuple(_) | Value::Str(_))
        && (matches!(args, Value::Dict(_)) || ops::getattr(it, args, "__getitem__").is_ok());
    let mut failed: Option<Exc> = None;
    let mut look = |key: &str| -> Result<FmtArg, BuiltinError> {
        let got = ops::getitem(it, args, &Value::str(key)).and_then(|v| fmt_arg(&v));
        got.map_err(|e| {
            failed = Some(e);
            BuiltinError::new(ErrorKind::TypeError, "")
        })
    };
    let r = fmt::percent_format_with(s, &fa, if mapping { Some(&mut look) } else { None });
    if let Some(e) = failed {
        return Err(e);
    }
    r.map(|s| Value::Str(Rc::from(s))).map_err(berr)
}
