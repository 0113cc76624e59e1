//! The order CPython iterates a set of ints in.
//!
//! A set's iteration order is its hash table's slot order. For ints that
//! order is deterministic (an int hashes to itself), and programs print
//! sets of ints (`{3, 1, 2}` prints `{1, 2, 3}`), so the playground keeps
//! it: this replays CPython 3.11's `setobject.c` inserts (linear probes,
//! then perturbation, resizing at 3/5 full) over the set's items in the
//! order they were added. Sets of anything else keep insertion order:
//! CPython's order for strings changes from run to run anyway (hash
//! randomisation).

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const MODULUS: i64 = (1 << 61) - 1;

/// CPython's `hash(int)`.
pub fn int_hash(i: i64) -> i64 {
    let m = i.unsigned_abs() % (MODULUS as u64);
    let h = if i < 0 { -(m as i64) } else { m as i64 };
    if h == -1 {
        -2
    } else {
        h
    }
}

fn insert_clean(table: &mut [Option<usize>], hashes: &[i64], item: usize) {
    let mask = table.len() - 1;
    let hash = hashes[item];
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    loop {
        if table[i].is_none() {
            table[i] = Some(item);
            return;
        }
        if i + LINEAR_PROBES <= mask {
            for j in 1..=LINEAR_PROBES {
                if table[i + j].is_none() {
                    table[i + j] = Some(item);
                    return;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize))
            & mask;
    }
}

fn resize(table: &mut Vec<Option<usize>>, hashes: &[i64], used: usize) {
    let minused = if used > 50_000 { used * 2 } else { used * 4 };
    let mut size = MINSIZE;
    while size <= minused {
        size <<= 1;
    }
    let old = std::mem::replace(table, vec![None; size]);
    for item in old.into_iter().flatten() {
        insert_clean(table, hashes, item);
    }
}

/// The positions of `keys` (ints, in insertion order) in CPython's
/// iteration order; `None` for sets too big to bother.
pub fn int_set_order(keys: &[i64]) -> Option<Vec<usize>> {
    if keys.len() > 200_000 {
        return None;
    }
    let hashes: Vec<i64> = keys.iter().map(|&k| int_hash(k)).collect();
    let mut table: Vec<Option<usize>> = vec![None; MINSIZE];
    let mut fill = 0usize;
    for item in 0..keys.len() {
        let mask = table.len() - 1;
        insert_clean(&mut table, &hashes, item);
        fill += 1;
        if fill * 5 >= mask * 3 {
            resize(&mut table, &hashes, fill);
        }
    }
    Some(table.into_iter().flatten().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(keys: &[i64]) -> Vec<i64> {
        int_set_order(keys)
            .unwrap_or_default()
            .into_iter()
            .map(|i| keys[i])
            .collect()
    }

    #[test]
    fn small_ints_come_out_sorted() {
        // CPython: {3, 2, 1} == {1, 2, 3} and prints as {1, 2, 3}.
        assert_eq!(order(&[3, 2, 1]), [1, 2, 3]);
        // 8 collides with 0 in a table of 8 (and comes after 0 and 1),
        // then the table grows to 32 at the 5th item.
        assert_eq!(order(&[8, 0, 1]), [8, 0, 1]);
        assert_eq!(order(&[10, 20, 30, 40, 50]), [40, 10, 50, 20, 30]);
        assert_eq!(order(&[-1, -2, 5]), [5, -1, -2]);
        let down: Vec<i64> = (1..=100).rev().step_by(7).collect();
        assert_eq!(
            order(&down),
            [65, 2, 100, 37, 72, 9, 44, 79, 16, 51, 86, 23, 58, 93, 30]
        );
    }
}
