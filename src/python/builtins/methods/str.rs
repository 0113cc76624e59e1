//! The methods of `str` (and `bytes.decode`): `join`, `split`, `strip`,
//! `replace`, the case and `is...` tests, `find`, `format`, padding, ...

use super::*;

/// Calls method `f` of a `str` or `bytes` (the receiver is `pos[0]`).
pub(super) fn call(
    it: &Rc<Interp>,
    f: Builtin,
    pos: Vec<Value>,
    kw: Vec<(Name, Value)>,
) -> PyResult<Value> {
    use Builtin::*;
    let p1 = || need(&pos, 1, f.short_name());
    Ok(match f {
        StrJoin => {
            let sep = this_str_named(&pos, f.short_name())?;
            let items = ops::to_vec(it, p1()?)?;
            let mut parts = Vec::with_capacity(items.len());
            for (i, x) in items.iter().enumerate() {
                match x {
                    Value::Str(t) => parts.push(t.to_string()),
                    other => {
                        return Err(Exc::new(
                            T::TypeError,
                            format!(
                                "sequence item {i}: expected str instance, {} found",
                                type_name(other)
                            ),
                        ))
                    }
                }
            }
            s(parts.join(&sep))
        }
        StrSplit | StrRsplit => {
            let x = this_str_named(&pos, f.short_name())?;
            let sep = match pos.get(1).or(kwarg(&kw, "sep")) {
                None | Some(Value::None) => None,
                Some(Value::Str(t)) => Some(t.to_string()),
                Some(v) => {
                    return Err(Exc::new(
                        T::TypeError,
                        format!("must be str or None, not {}", type_name(v)),
                    ))
                }
            };
            let max = match pos.get(2).or(kwarg(&kw, "maxsplit")) {
                Some(v) => int_arg(v, "")?,
                None => -1,
            };
            match sep {
                None => {
                    if f == StrRsplit && max >= 0 {
                        let rev: String = x.chars().rev().collect();
                        let mut parts = split_ws(&rev, max);
                        parts.reverse();
                        Value::list(
                            parts
                                .into_iter()
                                .map(|p| match p {
                                    Value::Str(t) => s(t.chars().rev().collect::<String>()),
                                    o => o,
                                })
                                .collect(),
                        )
                    } else {
                        Value::list(split_ws(&x, max))
                    }
                }
                Some(sep) => {
                    if sep.is_empty() {
                        return Err(Exc::new(T::ValueError, "empty separator"));
                    }
                    let parts: Vec<Value> = if max < 0 {
                        x.split(sep.as_str()).map(s).collect()
                    } else if f == StrSplit {
                        x.splitn(max as usize + 1, sep.as_str()).map(s).collect()
                    } else {
                        let mut v: Vec<Value> =
                            x.rsplitn(max as usize + 1, sep.as_str()).map(s).collect();
                        v.reverse();
                        v
                    };
                    Value::list(parts)
                }
            }
        }
        StrStrip | StrLstrip | StrRstrip => {
            let x = this_str_named(&pos, f.short_name())?;
            let chars = opt_str(&pos, 1)?;
            let pred = |c: char| match &chars {
                Some(cs) => cs.contains(c),
                None => c.is_whitespace(),
            };
            s(match f {
                StrStrip => x.trim_matches(pred),
                StrLstrip => x.trim_start_matches(pred),
                _ => x.trim_end_matches(pred),
            })
        }
        StrReplace => {
            let x = this_str_named(&pos, f.short_name())?;
            let old = str_arg(p1()?, "replace() argument 1 must be str")?;
            let new = str_arg(
                need(&pos, 2, "replace")?,
                "replace() argument 2 must be str",
            )?;
            let count = match pos.get(3) {
                Some(v) => int_arg(v, "")?,
                None => -1,
            };
            if count < 0 {
                s(x.replace(&old, &new))
            } else {
                s(x.replacen(&old, &new, count as usize))
            }
        }
        StrUpper => s(this_str_named(&pos, f.short_name())?.to_uppercase()),
        StrLower | StrCasefold => s(this_str_named(&pos, f.short_name())?.to_lowercase()),
        StrSwapcase => s(this_str_named(&pos, f.short_name())?
            .chars()
            .map(|c| {
                if c.is_uppercase() {
                    c.to_lowercase().collect::<String>()
                } else {
                    c.to_uppercase().collect()
                }
            })
            .collect::<String>()),
        StrTitle => {
            let x = this_str_named(&pos, f.short_name())?;
            let mut out = String::new();
            let mut prev_alpha = false;
            for c in x.chars() {
                if c.is_alphabetic() {
                    if prev_alpha {
                        out.extend(c.to_lowercase());
                    } else {
                        out.extend(c.to_uppercase());
                    }
                    prev_alpha = true;
                } else {
                    out.push(c);
                    prev_alpha = false;
                }
            }
            s(out)
        }
        StrCapitalize => {
            let x = this_str_named(&pos, f.short_name())?;
            let mut cs = x.chars();
            s(match cs.next() {
                Some(c) => format!("{}{}", c.to_uppercase(), cs.as_str().to_lowercase()),
                None => String::new(),
            })
        }
        StrStartswith | StrEndswith => {
            let x = this_str_named(&pos, f.short_name())?;
            let pfx: Vec<String> = match p1()? {
                Value::Str(t) => vec![t.to_string()],
                Value::Tuple(t) => t
                    .iter()
                    .map(|v| str_arg(v, "tuple for startswith must only contain str"))
                    .collect::<PyResult<_>>()?,
                v => {
                    return Err(Exc::new(
                        T::TypeError,
                        format!(
                            "{} first arg must be str or a tuple of str, not {}",
                            f.short_name(),
                            type_name(v)
                        ),
                    ))
                }
            };
            let start = match pos.get(2) {
                Some(v) => int_arg(v, "")?.max(0) as usize,
                None => 0,
            };
            let hay: String = x.chars().skip(start).collect();
            Value::Bool(pfx.iter().any(|p| {
                if f == StrStartswith {
                    hay.starts_with(p.as_str())
                } else {
                    hay.ends_with(p.as_str())
                }
            }))
        }
        StrFind | StrRfind | StrIndex => {
            let x = this_str_named(&pos, f.short_name())?;
            let sub = str_arg(p1()?, "must be str")?;
            let found = if f == StrRfind {
                x.rfind(&sub)
            } else {
                x.find(&sub)
            };
            match found {
                Some(p) => Value::Int(x[..p].chars().count() as i64),
                None if f == StrIndex => {
                    return Err(Exc::new(T::ValueError, "substring not found"))
                }
                None => Value::Int(-1),
            }
        }
        StrCount => {
            let x = this_str_named(&pos, f.short_name())?;
            let sub = str_arg(p1()?, "must be str")?;
            if sub.is_empty() {
                Value::Int(x.chars().count() as i64 + 1)
            } else {
                Value::Int(x.matches(sub.as_str()).count() as i64)
            }
        }
        StrFormat => {
            let x = this_str_named(&pos, f.short_name())?;
            s(str_format(it, &x, &pos[1..], &kw)?)
        }
        StrCenter | StrLjust | StrRjust => {
            let x = this_str_named(&pos, f.short_name())?;
            let w = int_arg(p1()?, "")?;
            if w > 10_000_000 {
                return Err(Exc::bare(T::MemoryError));
            }
            let fill = fill_arg(&pos, 2)?;
            s(pad(
                &x,
                w,
                fill,
                match f {
                    StrCenter => '^',
                    StrLjust => '<',
                    _ => '>',
                },
            ))
        }
        StrZfill => {
            let x = this_str_named(&pos, f.short_name())?;
            let w = int_arg(p1()?, "")?.min(10_000_000);
            let n = x.chars().count() as i64;
            if w <= n {
                s(x.to_string())
            } else {
                let zeros = "0".repeat((w - n) as usize);
                match x.chars().next() {
                    Some(c @ ('+' | '-')) => s(format!("{c}{zeros}{}", &x[1..])),
                    _ => s(format!("{zeros}{x}")),
                }
            }
        }
        StrIsdigit | StrIsnumeric | StrIsdecimal => {
            let x = this_str_named(&pos, f.short_name())?;
            Value::Bool(
                !x.is_empty()
                    && x.chars()
                        .all(|c| c.is_ascii_digit() || (f == StrIsnumeric && c.is_numeric())),
            )
        }
        StrIsalpha => {
            let x = this_str_named(&pos, f.short_name())?;
            Value::Bool(!x.is_empty() && x.chars().all(char::is_alphabetic))
        }
        StrIsalnum => {
            let x = this_str_named(&pos, f.short_name())?;
            Value::Bool(!x.is_empty() && x.chars().all(char::is_alphanumeric))
        }
        StrIsspace => {
            let x = this_str_named(&pos, f.short_name())?;
            Value::Bool(!x.is_empty() && x.chars().all(char::is_whitespace))
        }
        StrIsupper | StrIslower => {
            let x = this_str_named(&pos, f.short_name())?;
            let cased: Vec<char> = x.chars().filter(|c| c.is_alphabetic()).collect();
            Value::Bool(
                !cased.is_empty()
                    && cased.iter().all(|c| {
                        if f == StrIsupper {
                            !c.is_lowercase()
                        } else {
                            !c.is_uppercase()
                        }
                    }),
            )
        }
        StrIstitle => {
            let x = this_str_named(&pos, f.short_name())?;
            let t = method_call(it, StrTitle, vec![Value::Str(x.clone())], Vec::new())?;
            Value::Bool(
                matches!(t, Value::Str(t) if *t == *x) && x.chars().any(char::is_alphabetic),
            )
        }
        StrIsidentifier => {
            let x = this_str_named(&pos, f.short_name())?;
            let mut cs = x.chars();
            Value::Bool(
                cs.next().is_some_and(|c| c == '_' || c.is_alphabetic())
                    && cs.all(|c| c == '_' || c.is_alphanumeric()),
            )
        }
        StrSplitlines => {
            let x = this_str_named(&pos, f.short_name())?;
            let keep = pos
                .get(1)
                .or(kwarg(&kw, "keepends"))
                .is_some_and(|v| matches!(v, Value::Bool(true)));
            let mut out = Vec::new();
            let mut cur = String::new();
            let mut cs = x.chars().peekable();
            while let Some(c) = cs.next() {
                if c == '\n' || c == '\r' {
                    if keep {
                        cur.push(c);
                    }
                    if c == '\r' && cs.peek() == Some(&'\n') {
                        cs.next();
                        if keep {
                            cur.push('\n');
                        }
                    }
                    out.push(s(std::mem::take(&mut cur)));
                } else {
                    cur.push(c);
                }
            }
            if !cur.is_empty() {
                out.push(s(cur));
            }
            Value::list(out)
        }
        StrPartition | StrRpartition => {
            let x = this_str_named(&pos, f.short_name())?;
            let sep = str_arg(p1()?, "must be str")?;
            let found = if f == StrPartition {
                x.find(&sep)
            } else {
                x.rfind(&sep)
            };
            match found {
                Some(p) => Value::tuple(vec![s(&x[..p]), s(sep.clone()), s(&x[p + sep.len()..])]),
                None if f == StrPartition => Value::tuple(vec![s(x.to_string()), s(""), s("")]),
                None => Value::tuple(vec![s(""), s(""), s(x.to_string())]),
            }
        }
        StrEncode => Value::Bytes(Rc::from(
            this_str_named(&pos, f.short_name())?.as_bytes().to_vec(),
        )),
        BytesDecode => match pos.first() {
            Some(Value::Bytes(bts)) => s(String::from_utf8_lossy(bts).to_string()),
            _ => Value::None,
        },
        StrRemoveprefix => {
            let x = this_str_named(&pos, f.short_name())?;
            let p = str_arg(p1()?, "must be str")?;
            s(x.strip_prefix(p.as_str()).unwrap_or(&x).to_string())
        }
        StrRemovesuffix => {
            let x = this_str_named(&pos, f.short_name())?;
            let p = str_arg(p1()?, "must be str")?;
            s(x.strip_suffix(p.as_str()).unwrap_or(&x).to_string())
        }
        StrExpandtabs => {
            let x = this_str_named(&pos, f.short_name())?;
            let size = match pos.get(1).or(kwarg(&kw, "tabsize")) {
                Some(v) => int_arg(v, "")?.max(0) as usize,
                None => 8,
            };
            let mut out = String::new();
            let mut col = 0usize;
            for c in x.chars() {
                match c {
                    '\t' => {
                        if size > 0 {
                            let n = size - col % size;
                            out.push_str(&" ".repeat(n));
                            col += n;
                        }
                    }
                    '\n' | '\r' => {
                        out.push(c);
                        col = 0;
                    }
                    c => {
                        out.push(c);
                        col += 1;
                    }
                }
            }
            s(out)
        }
        // Not one of these: as the dispatcher's own fallback.
        _ => return module_call(it, f, pos, kw),
    })
}
