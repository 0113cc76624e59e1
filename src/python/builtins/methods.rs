//! The methods of built-in types (str, list, dict, set, tuple, bytes,
//! futures, tasks, locks, queues, ...): one dispatcher.

use super::*;

pub(super) fn with_list<R>(pos: &[Value], f: impl FnOnce(&mut Vec<Value>) -> R) -> PyResult<R> {
    match pos.first() {
        Some(Value::List(l)) => Ok(f(&mut l.borrow_mut())),
        _ => Err(Exc::new(
            T::TypeError,
            "descriptor requires a 'list' object",
        )),
    }
}

pub(super) fn the_dict(pos: &[Value]) -> PyResult<Rc<RefCell<Dict>>> {
    match pos.first() {
        Some(Value::Dict(d)) | Some(Value::Set(d)) => Ok(d.clone()),
        Some(Value::FrozenSet(d)) => Ok(Rc::new(RefCell::new((**d).clone()))),
        _ => Err(Exc::new(
            T::TypeError,
            "descriptor requires a 'dict' object",
        )),
    }
}

pub(super) fn method_call(
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
        ListAppend => {
            let x = p1()?.clone();
            with_list(&pos, |l| {
                if l.len() >= crate::python::interp::MAX_ITEMS {
                    return Err(Exc::bare(T::MemoryError));
                }
                l.push(x);
                Ok(())
            })??;
            Value::None
        }
        ListExtend => {
            let items = ops::to_vec(it, p1()?)?;
            with_list(&pos, |l| l.extend(items))?;
            Value::None
        }
        ListInsert => {
            let i = int_arg(p1()?, "")?;
            let x = need(&pos, 2, "insert")?.clone();
            with_list(&pos, |l| {
                let n = l.len() as i64;
                let k = if i < 0 { (i + n).max(0) } else { i.min(n) };
                l.insert(k as usize, x);
            })?;
            Value::None
        }
        ListPop => {
            let i = match pos.get(1) {
                Some(v) => Some(int_arg(v, "")?),
                None => None,
            };
            with_list(&pos, |l| {
                if l.is_empty() {
                    return Err(Exc::new(T::IndexError, "pop from empty list"));
                }
                let n = l.len() as i64;
                let k = match i {
                    None => n - 1,
                    Some(i) if i < 0 => i + n,
                    Some(i) => i,
                };
                if k < 0 || k >= n {
                    return Err(Exc::new(T::IndexError, "pop index out of range"));
                }
                Ok(l.remove(k as usize))
            })??
        }
        ListRemove | ListIndex | ListCount | TupleIndex | TupleCount => {
            // Read item by item (no copy of the list): `==` may run Python.
            let item = |i: usize| -> Option<Value> {
                match pos.first() {
                    Some(Value::List(l)) => l.borrow().get(i).cloned(),
                    Some(Value::Tuple(t)) => t.get(i).cloned(),
                    _ => None,
                }
            };
            let x = p1()?;
            let mut found = None;
            let mut count = 0;
            let mut i = 0;
            while let Some(y) = item(i) {
                i += 1;
                let i = i - 1;
                if y.is(x) || ops::eq(it, &y, x)? {
                    count += 1;
                    if found.is_none() {
                        found = Some(i);
                        if f != ListCount && f != TupleCount {
                            break;
                        }
                    }
                }
            }
            match f {
                ListCount | TupleCount => Value::Int(count),
                ListRemove => match found {
                    Some(i) => {
                        with_list(&pos, |l| {
                            if i < l.len() {
                                l.remove(i);
                            }
                        })?;
                        Value::None
                    }
                    None => return Err(Exc::new(T::ValueError, "list.remove(x): x not in list")),
                },
                _ => match found {
                    Some(i) => Value::Int(i as i64),
                    None => {
                        let what = if f == ListIndex {
                            format!("{} is not in list", repr(it, x)?)
                        } else {
                            "tuple.index(x): x not in tuple".into()
                        };
                        return Err(Exc::new(T::ValueError, what));
                    }
                },
            }
        }
        ListSort => {
            let items = with_list(&pos, std::mem::take)?;
            let rev = match kwarg(&kw, "reverse") {
                Some(v) => truthy(it, v)?,
                None => false,
            };
            let sorted = sort_values(it, items.clone(), key_fn(&kw), rev);
            match sorted {
                Ok(v) => with_list(&pos, |l| *l = v)?,
                Err(e) => {
                    with_list(&pos, |l| *l = items)?;
                    return Err(e);
                }
            }
            Value::None
        }
        ListReverse => {
            with_list(&pos, |l| l.reverse())?;
            Value::None
        }
        ListCopy => Value::list(with_list(&pos, |l| l.clone())?),
        ListClear => {
            with_list(&pos, |l| l.clear())?;
            Value::None
        }
        DictGet => {
            let d = the_dict(&pos)?;
            let k = ops::hash_key(it, p1()?)?;
            let found = d.borrow().get(&k).cloned();
            found.unwrap_or_else(|| pos.get(2).cloned().unwrap_or(Value::None))
        }
        DictKeys | DictValues | DictItems => {
            let d = the_dict(&pos)?;
            let part = match f {
                DictKeys => DictPart::Keys,
                DictValues => DictPart::Values,
                _ => DictPart::Items,
            };
            let n = d.borrow().len();
            // A view: iterable again and again, sized, printable.
            let items: Vec<Value> = {
                let dd = d.borrow();
                match part {
                    DictPart::Keys => dd.keys().cloned().collect(),
                    DictPart::Values => dd.items().map(|(_, v)| v.clone()).collect(),
                    DictPart::Items => dd
                        .items()
                        .map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()]))
                        .collect(),
                }
            };
            let _ = n;
            let name = match part {
                DictPart::Keys => "dict_keys",
                DictPart::Values => "dict_values",
                DictPart::Items => "dict_items",
            };
            let r = format!("{name}({})", repr(it, &Value::list(items.clone()))?);
            let nv = crate::python::value::Native {
                type_name: name,
                attrs: RefCell::new(Default::default()),
            };
            nv.attrs
                .borrow_mut()
                .insert("__items__".into(), Value::list(items));
            nv.attrs.borrow_mut().insert("__repr__".into(), s(r));
            Value::Native(Rc::new(nv))
        }
        DictPop => {
            let d = the_dict(&pos)?;
            let k = ops::hash_key(it, p1()?)?;
            let r = d.borrow_mut().remove(&k);
            match r {
                Some((_, v)) => v,
                None => match pos.get(2) {
                    Some(dflt) => dflt.clone(),
                    None => return Err(Exc::with_args(T::KeyError, vec![p1()?.clone()])),
                },
            }
        }
        DictPopitem => {
            let d = the_dict(&pos)?;
            let r = d.borrow_mut().pop_last();
            match r {
                Some((k, v)) => Value::tuple(vec![k, v]),
                None => return Err(Exc::new(T::KeyError, "popitem(): dictionary is empty")),
            }
        }
        DictSetdefault => {
            let d = the_dict(&pos)?;
            let kv = p1()?.clone();
            let k = ops::hash_key(it, &kv)?;
            let existing = d.borrow().get(&k).cloned();
            match existing {
                Some(v) => v,
                None => {
                    let dflt = pos.get(2).cloned().unwrap_or(Value::None);
                    d.borrow_mut().insert(k, kv, dflt.clone());
                    dflt
                }
            }
        }
        DictUpdate => {
            let d = the_dict(&pos)?;
            let mut dd = d.borrow().clone();
            if let Some(o) = pos.get(1) {
                ops::dict_update(it, &mut dd, o)?;
            }
            for (k, v) in kw {
                dd.insert(HashKey::Str(k.clone()), Value::Str(k), v);
            }
            *d.borrow_mut() = dd;
            Value::None
        }
        DictCopy => Value::dict(the_dict(&pos)?.borrow().clone()),
        DictClear | SetClear => {
            the_dict(&pos)?.borrow_mut().clear();
            Value::None
        }
        DictFromkeys => {
            let keys = ops::to_vec(it, need(&pos, 0, "fromkeys")?)?;
            let v = pos.get(1).cloned().unwrap_or(Value::None);
            let mut d = Dict::new();
            for k in keys {
                ops::dict_set(it, &mut d, k, v.clone())?;
            }
            Value::dict(d)
        }
        SetAdd => {
            let d = the_dict(&pos)?;
            let x = p1()?.clone();
            let k = ops::hash_key(it, &x)?;
            if !d.borrow().contains(&k) {
                d.borrow_mut().insert(k, x, Value::None);
            }
            Value::None
        }
        SetRemove | SetDiscard => {
            let d = the_dict(&pos)?;
            let k = ops::hash_key(it, p1()?)?;
            let r = d.borrow_mut().remove(&k);
            if r.is_none() && f == SetRemove {
                return Err(Exc::with_args(T::KeyError, vec![p1()?.clone()]));
            }
            Value::None
        }
        SetPop => {
            let d = the_dict(&pos)?;
            let first = ops::set_keys_ordered(&d.borrow()).into_iter().next();
            match first {
                Some(x) => {
                    let k = ops::hash_key(it, &x)?;
                    d.borrow_mut().remove(&k);
                    x
                }
                None => return Err(Exc::new(T::KeyError, "pop from an empty set")),
            }
        }
        SetUpdate => {
            let d = the_dict(&pos)?;
            for o in &pos[1..] {
                for x in ops::to_vec(it, o)? {
                    let k = ops::hash_key(it, &x)?;
                    if !d.borrow().contains(&k) {
                        d.borrow_mut().insert(k, x, Value::None);
                    }
                }
            }
            Value::None
        }
        SetUnion | SetIntersection | SetDifference | SetSymmetricDifference => {
            let op = match f {
                SetUnion => crate::python::ast::BinOp::BitOr,
                SetIntersection => crate::python::ast::BinOp::BitAnd,
                SetDifference => crate::python::ast::BinOp::Sub,
                _ => crate::python::ast::BinOp::BitXor,
            };
            let mut acc = pos[0].clone();
            if matches!(acc, Value::FrozenSet(_)) {
                acc = Value::Set(Rc::new(RefCell::new(the_dict(&pos)?.borrow().clone())));
            }
            for o in &pos[1..] {
                let other = match o {
                    Value::Set(_) | Value::FrozenSet(_) => o.clone(),
                    other => ops::make_set(it, ops::to_vec(it, other)?)?,
                };
                acc = ops::binop(it, op, acc, other)?;
            }
            acc
        }
        SetIssubset | SetIssuperset | SetIsdisjoint => {
            let other = ops::make_set(it, ops::to_vec(it, p1()?)?)?;
            let me = Value::Set(the_dict(&pos)?);
            match f {
                SetIssubset => Value::Bool(ops::compare(
                    it,
                    crate::python::ast::CmpOp::LtE,
                    &me,
                    &other,
                )?),
                SetIssuperset => Value::Bool(ops::compare(
                    it,
                    crate::python::ast::CmpOp::GtE,
                    &me,
                    &other,
                )?),
                _ => {
                    let inter = ops::binop(it, crate::python::ast::BinOp::BitAnd, me, other)?;
                    Value::Bool(!truthy(it, &inter)?)
                }
            }
        }
        SetCopy => match &pos[0] {
            Value::FrozenSet(d) => Value::FrozenSet(d.clone()),
            _ => Value::Set(Rc::new(RefCell::new(the_dict(&pos)?.borrow().clone()))),
        },
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
        GenSend | GenThrow | GenClose => {
            let Some(Value::Coro(c)) = pos.first() else {
                return Ok(Value::None);
            };
            if c.kind == CoroKind::Coroutine {
                return Err(Exc::new(
                    T::RuntimeError,
                    "driving a coroutine by hand is not supported in the playground; await it",
                ));
            }
            let (sent, thrown) = match f {
                GenSend => {
                    let v = p1()?.clone();
                    if !c.started.get() && !v.is_none() {
                        return Err(Exc::new(
                            T::TypeError,
                            "can't send non-None value to a just-started generator",
                        ));
                    }
                    (v, None)
                }
                GenThrow => {
                    let e = p1()?.clone();
                    let exc = match &e {
                        Value::Class(k) if k.is_exception => {
                            Exc::with_args(T::BaseException, Vec::new()).0
                        }
                        _ => e.clone(),
                    };
                    let exc = if let Value::Class(k) = &e {
                        crate::python::exc::new_exc(k.clone(), Vec::new())
                    } else {
                        exc
                    };
                    (Value::None, Some(Exc(exc)))
                }
                _ => {
                    if !c.started.get() || c.finished.get() {
                        c.finished.set(true);
                        *c.body.borrow_mut() = None;
                        return Ok(Value::None);
                    }
                    (Value::None, Some(Exc::bare(T::GeneratorExit)))
                }
            };
            match c.resume(sent, thrown) {
                Ok(Resumed::Yielded(v)) => {
                    if f == GenClose {
                        return Err(Exc::new(T::RuntimeError, "generator ignored GeneratorExit"));
                    }
                    v
                }
                Ok(Resumed::Returned(v)) => {
                    if f == GenClose {
                        return Ok(Value::None);
                    }
                    return Err(Exc::with_args(
                        T::StopIteration,
                        if v.is_none() { Vec::new() } else { vec![v] },
                    ));
                }
                Ok(Resumed::Suspended) => {
                    return Err(Exc::new(T::RuntimeError, "generator suspended"))
                }
                Err(e) if f == GenClose && (e.is(T::GeneratorExit) || e.is(T::StopIteration)) => {
                    Value::None
                }
                Err(e) => return Err(e),
            }
        }
        AgenAnext | AgenAsend | AgenAthrow | AgenAclose => {
            let Some(Value::Coro(c)) = pos.first() else {
                return Ok(Value::None);
            };
            let c = c.clone();
            {
                let mut gens = it.agens.borrow_mut();
                if !gens.iter().any(|g| Rc::ptr_eq(g, &c)) {
                    gens.push(c.clone());
                }
            }
            let me = it.clone();
            let sent = if f == AgenAsend {
                p1()?.clone()
            } else {
                Value::None
            };
            let thrown = match f {
                AgenAthrow => {
                    let e = p1()?.clone();
                    Some(Exc(match &e {
                        Value::Class(k) => crate::python::exc::new_exc(k.clone(), Vec::new()),
                        _ => e,
                    }))
                }
                AgenAclose => Some(Exc::bare(T::GeneratorExit)),
                _ => None,
            };
            let closing = f == AgenAclose;
            let body: LocalBoxFuture<'static, PyResult<Value>> = Box::pin(async move {
                if closing && (!c.started.get() || c.finished.get()) {
                    c.finished.set(true);
                    *c.body.borrow_mut() = None;
                    return Ok(Value::None);
                }
                let mut sent = sent;
                let mut thrown = thrown;
                loop {
                    match c.resume(std::mem::replace(&mut sent, Value::None), thrown.take()) {
                        Ok(Resumed::Yielded(v)) => {
                            if closing {
                                return Err(Exc::new(
                                    T::RuntimeError,
                                    "async generator ignored GeneratorExit",
                                ));
                            }
                            return Ok(v);
                        }
                        Ok(Resumed::Returned(_)) => {
                            if closing {
                                return Ok(Value::None);
                            }
                            return Err(Exc::bare(T::StopAsyncIteration));
                        }
                        Ok(Resumed::Suspended) => {
                            // The generator awaits something: suspend the task
                            // with it, then resume the generator.
                            crate::python::coro::Suspend::default().await;
                            if let Some(e) = me.thrown.borrow_mut().take() {
                                *c.thrown.borrow_mut() = Some(e);
                            }
                            // Re-poll: the generator's await point reads the
                            // interpreter's slot, so put it back there.
                            let t = c.thrown.borrow_mut().take();
                            *me.thrown.borrow_mut() = t;
                        }
                        Err(e)
                            if closing
                                && (e.is(T::GeneratorExit) || e.is(T::StopAsyncIteration)) =>
                        {
                            return Ok(Value::None)
                        }
                        Err(e) => return Err(e),
                    }
                }
            });
            native_coro(it, "__anext__", body)
        }
        CoroAwait => pos[0].clone(),
        FutResult => fut_of(&pos[0])?.result()?,
        FutException => fut_of(&pos[0])?.exception()?,
        FutDone => Value::Bool(fut_of(&pos[0])?.done()),
        FutCancelled => Value::Bool(fut_of(&pos[0])?.cancelled()),
        FutCancel => {
            let fu = fut_of(&pos[0])?.clone();
            let msg = pos
                .get(1)
                .or(kwarg(&kw, "msg"))
                .cloned()
                .filter(|v| !v.is_none());
            Value::Bool(it.cancel(&fu, msg))
        }
        FutAddDoneCallback => {
            let fu = fut_of(&pos[0])?.clone();
            it.add_done_callback(&fu, Callback::Py(p1()?.clone()));
            Value::None
        }
        FutRemoveDoneCallback => {
            let fu = fut_of(&pos[0])?;
            let cb = p1()?;
            let mut n = 0;
            fu.callbacks.borrow_mut().retain(|c| match c {
                Callback::Py(f) if f.is(cb) || matches!((f, cb), (Value::Method(a), Value::Method(bb)) if a.0.is(&bb.0) && a.1.is(&bb.1)) => {
                    n += 1;
                    false
                }
                _ => true,
            });
            Value::Int(n)
        }
        FutSetResult => {
            let fu = fut_of(&pos[0])?.clone();
            it.set_result(&fu, p1()?.clone())?;
            Value::None
        }
        FutSetException => {
            let fu = fut_of(&pos[0])?.clone();
            let e = it.call_sync_make_exc(p1()?.clone())?;
            it.set_exception(&fu, e)?;
            Value::None
        }
        FutGetLoop => the_loop(it),
        FutMakeCancelledError => fut_of(&pos[0])?.cancelled_error().0,
        TaskGetName => match fut_of(&pos[0])?.tp() {
            Some(tp) => Value::Str(tp.name.borrow().clone()),
            None => Value::None,
        },
        TaskSetName => {
            if let Some(tp) = fut_of(&pos[0])?.tp() {
                *tp.name.borrow_mut() = Rc::from(str_of(it, p1()?)?);
            }
            Value::None
        }
        TaskGetCoro => match fut_of(&pos[0])?.tp() {
            Some(tp) => Value::Coro(tp.coro.clone()),
            None => Value::None,
        },
        TaskCancelling => match fut_of(&pos[0])?.tp() {
            Some(tp) => Value::Int(i64::from(tp.num_cancels.get())),
            None => Value::Int(0),
        },
        TaskUncancel => match fut_of(&pos[0])?.tp() {
            Some(tp) => {
                let n = tp.num_cancels.get().saturating_sub(1);
                tp.num_cancels.set(n);
                Value::Int(i64::from(n))
            }
            None => Value::Int(0),
        },
        HandleCancel => {
            if let Value::Handle(h) = &pos[0] {
                h.cancelled.set(true);
            }
            Value::None
        }
        HandleCancelled => Value::Bool(matches!(&pos[0], Value::Handle(h) if h.cancelled.get())),
        HandleWhen => match &pos[0] {
            Value::Handle(h) => Value::Float(h.when.get() / 1000.0),
            _ => Value::None,
        },
        _ => return module_call(it, f, pos, kw),
    })
}
