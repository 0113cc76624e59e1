//! `sorted`, `list.sort`, `min` and `max`: a stable merge sort that
//! calls the program's key and comparison methods.

use super::*;

/// Sorts values with Python's `<`, stable, optionally by key.
pub fn sort_values(
    it: &Rc<Interp>,
    items: Vec<Value>,
    key: Option<Value>,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let keys: Vec<Value> = match &key {
        Some(k) => {
            let mut out = Vec::with_capacity(items.len());
            for x in &items {
                out.push(it.call_sync(k.clone(), vec![x.clone()], Vec::new())?);
            }
            out
        }
        None => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    let mut err: Option<Exc> = None;
    // A merge sort that calls `<` like CPython's (stable; `reverse` keeps
    // equal items in their order).
    let less = |a: usize, b: usize, err: &mut Option<Exc>| -> bool {
        if err.is_some() {
            return false;
        }
        let (x, y) = if reverse {
            (&keys[b], &keys[a])
        } else {
            (&keys[a], &keys[b])
        };
        match ops::compare(it, crate::python::ast::CmpOp::Lt, x, y) {
            Ok(r) => r,
            Err(e) => {
                *err = Some(e);
                false
            }
        }
    };
    merge_sort(&mut idx, &mut |a, b| less(a, b, &mut err));
    if let Some(e) = err {
        return Err(e);
    }
    Ok(idx.into_iter().map(|i| items[i].clone()).collect())
}

pub(super) fn merge_sort(v: &mut Vec<usize>, less: &mut dyn FnMut(usize, usize) -> bool) {
    if v.len() <= 1 {
        return;
    }
    // Insertion sort for short runs, merges above.
    if v.len() <= 16 {
        for i in 1..v.len() {
            let mut j = i;
            while j > 0 && less(v[j], v[j - 1]) {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        return;
    }
    let mid = v.len() / 2;
    let mut right = v.split_off(mid);
    merge_sort(v, less);
    merge_sort(&mut right, less);
    let left = std::mem::take(v);
    let (mut i, mut j) = (0, 0);
    while i < left.len() && j < right.len() {
        if less(right[j], left[i]) {
            v.push(right[j]);
            j += 1;
        } else {
            v.push(left[i]);
            i += 1;
        }
    }
    v.extend_from_slice(&left[i..]);
    v.extend_from_slice(&right[j..]);
}

pub(super) fn min_max(
    it: &Rc<Interp>,
    pos: Vec<Value>,
    kw: &[(Name, Value)],
    want_max: bool,
) -> PyResult<Value> {
    let name = if want_max { "max" } else { "min" };
    if pos.is_empty() {
        return Err(Exc::new(
            T::TypeError,
            format!("{name} expected at least 1 argument, got 0"),
        ));
    }
    if pos.len() > 1 && kwarg(kw, "default").is_some() {
        return Err(Exc::new(
            T::TypeError,
            format!("Cannot specify a default for {name}() with multiple positional arguments"),
        ));
    }
    let items = if pos.len() == 1 {
        ops::to_vec(it, &pos[0])?
    } else {
        pos
    };
    if items.is_empty() {
        if let Some(d) = kwarg(kw, "default") {
            return Ok(d.clone());
        }
        return Err(Exc::new(
            T::ValueError,
            format!("{name}() arg is an empty sequence"),
        ));
    }
    let key = key_fn(kw);
    let mut best = items[0].clone();
    let mut best_k = match &key {
        Some(k) => it.call_sync(k.clone(), vec![best.clone()], Vec::new())?,
        None => best.clone(),
    };
    for x in items.into_iter().skip(1) {
        let k = match &key {
            Some(kf) => it.call_sync(kf.clone(), vec![x.clone()], Vec::new())?,
            None => x.clone(),
        };
        let better = if want_max {
            ops::compare(it, crate::python::ast::CmpOp::Gt, &k, &best_k)?
        } else {
            ops::compare(it, crate::python::ast::CmpOp::Lt, &k, &best_k)?
        };
        if better {
            best = x;
            best_k = k;
        }
    }
    Ok(best)
}
