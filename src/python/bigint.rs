//! Arbitrary-precision integers for Python's `int` beyond 64 bits.
//!
//! Sign and magnitude, the magnitude in base 2^32 limbs, least significant
//! first, without trailing zero limbs (zero is an empty magnitude, never
//! negative). Values that fit an `i64` live as `Value::Int`; this type holds
//! the rest, and the helpers here take and give `BigInt`s that the caller
//! normalises back with [`BigInt::to_i64`].
//!
//! Sizes are capped at [`MAX_BITS`] (about 100,000 decimal digits): an
//! operation whose result would be larger is refused with [`TooBig`] before
//! the work is done, so a learner's `10**10**10` is an error at once.

use std::cmp::Ordering;

/// The largest magnitude kept, in bits (about 100,000 decimal digits).
pub const MAX_BITS: u64 = 340_000;

/// CPython's `sys.get_int_max_str_digits()` default (int <-> decimal str).
pub const MAX_STR_DIGITS: usize = 4300;

/// A result over [`MAX_BITS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooBig;

/// A signed arbitrary-precision integer.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct BigInt {
    neg: bool,
    mag: Vec<u32>,
}

fn trim(v: &mut Vec<u32>) {
    while v.last() == Some(&0) {
        v.pop();
    }
}

fn cmp_mag(a: &[u32], b: &[u32]) -> Ordering {
    if a.len() != b.len() {
        return a.len().cmp(&b.len());
    }
    for (x, y) in a.iter().rev().zip(b.iter().rev()) {
        if x != y {
            return x.cmp(y);
        }
    }
    Ordering::Equal
}

fn add_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let mut out = Vec::with_capacity(a.len() + 1);
    let mut carry = 0u64;
    for (i, &x) in a.iter().enumerate() {
        let s = u64::from(x) + u64::from(b.get(i).copied().unwrap_or(0)) + carry;
        out.push(s as u32);
        carry = s >> 32;
    }
    if carry != 0 {
        out.push(carry as u32);
    }
    out
}

/// `a - b` for `a >= b`.
fn sub_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len());
    let mut borrow = 0i64;
    for (i, &x) in a.iter().enumerate() {
        let mut d = i64::from(x) - i64::from(b.get(i).copied().unwrap_or(0)) - borrow;
        borrow = 0;
        if d < 0 {
            d += 1 << 32;
            borrow = 1;
        }
        out.push(d as u32);
    }
    trim(&mut out);
    out
}

fn mul_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    let mut out = vec![0u32; a.len() + b.len()];
    for (i, &x) in a.iter().enumerate() {
        if x == 0 {
            continue;
        }
        let mut carry = 0u64;
        for (j, &y) in b.iter().enumerate() {
            let t = u64::from(x) * u64::from(y) + u64::from(out[i + j]) + carry;
            out[i + j] = t as u32;
            carry = t >> 32;
        }
        let mut k = i + b.len();
        while carry != 0 {
            let t = u64::from(out[k]) + carry;
            out[k] = t as u32;
            carry = t >> 32;
            k += 1;
        }
    }
    trim(&mut out);
    out
}

/// `a / d`, `a % d` for a one-limb divisor.
fn divmod_small(a: &[u32], d: u32) -> (Vec<u32>, u32) {
    let mut q = vec![0u32; a.len()];
    let mut r = 0u64;
    for i in (0..a.len()).rev() {
        let cur = (r << 32) | u64::from(a[i]);
        q[i] = (cur / u64::from(d)) as u32;
        r = cur % u64::from(d);
    }
    trim(&mut q);
    (q, r as u32)
}

fn shl_mag(a: &[u32], n: u64) -> Vec<u32> {
    if a.is_empty() {
        return Vec::new();
    }
    let limbs = (n / 32) as usize;
    let bits = (n % 32) as u32;
    let mut out = vec![0u32; limbs];
    if bits == 0 {
        out.extend_from_slice(a);
    } else {
        let mut carry = 0u32;
        for &x in a {
            out.push((x << bits) | carry);
            carry = x >> (32 - bits);
        }
        if carry != 0 {
            out.push(carry);
        }
    }
    out
}

fn shr_mag(a: &[u32], n: u64) -> Vec<u32> {
    let limbs = usize::try_from(n / 32).unwrap_or(usize::MAX);
    if limbs >= a.len() {
        return Vec::new();
    }
    let bits = (n % 32) as u32;
    let src = &a[limbs..];
    let mut out = Vec::with_capacity(src.len());
    if bits == 0 {
        out.extend_from_slice(src);
    } else {
        for i in 0..src.len() {
            let hi = src.get(i + 1).copied().unwrap_or(0);
            out.push((src[i] >> bits) | (hi << (32 - bits)));
        }
    }
    trim(&mut out);
    out
}

/// Knuth's algorithm D: `(a / b, a % b)` for magnitudes, `b` non-zero.
fn divmod_mag(a: &[u32], b: &[u32]) -> (Vec<u32>, Vec<u32>) {
    if cmp_mag(a, b) == Ordering::Less {
        return (Vec::new(), a.to_vec());
    }
    if b.len() == 1 {
        let (q, r) = divmod_small(a, b[0]);
        let mut r = vec![r];
        trim(&mut r);
        return (q, r);
    }
    let s = b[b.len() - 1].leading_zeros();
    let v = shl_mag(b, u64::from(s));
    let mut u = shl_mag(a, u64::from(s));
    if u.len() == a.len() {
        u.push(0);
    }
    let n = v.len();
    let m = u.len() - n;
    let mut q = vec![0u32; m];
    let b32 = 1u64 << 32;
    let (vtop, vnext) = (u64::from(v[n - 1]), u64::from(v[n - 2]));
    for j in (0..m).rev() {
        let num = (u64::from(u[j + n]) << 32) | u64::from(u[j + n - 1]);
        let mut qhat = num / vtop;
        let mut rhat = num % vtop;
        while qhat >= b32 || qhat * vnext > ((rhat << 32) | u64::from(u[j + n - 2])) {
            qhat -= 1;
            rhat += vtop;
            if rhat >= b32 {
                break;
            }
        }
        // u[j..j+n+1] -= qhat * v
        let mut borrow = 0i64;
        let mut carry = 0u64;
        for i in 0..n {
            let p = qhat * u64::from(v[i]) + carry;
            carry = p >> 32;
            let t = i64::from(u[i + j]) - borrow - (p & 0xffff_ffff) as i64;
            u[i + j] = t as u32;
            borrow = i64::from(t < 0);
        }
        let t = i64::from(u[j + n]) - borrow - carry as i64;
        u[j + n] = t as u32;
        if t < 0 {
            qhat -= 1;
            let mut c = 0u64;
            for i in 0..n {
                let s2 = u64::from(u[i + j]) + u64::from(v[i]) + c;
                u[i + j] = s2 as u32;
                c = s2 >> 32;
            }
            u[j + n] = u[j + n].wrapping_add(c as u32);
        }
        q[j] = qhat as u32;
    }
    trim(&mut q);
    u.truncate(n);
    trim(&mut u);
    let r = shr_mag(&u, u64::from(s));
    (q, r)
}

fn bits_of(mag: &[u32]) -> u64 {
    match mag.last() {
        None => 0,
        Some(&top) => (mag.len() as u64 - 1) * 32 + u64::from(32 - top.leading_zeros()),
    }
}

fn check(mag: Vec<u32>, neg: bool) -> Result<BigInt, TooBig> {
    if bits_of(&mag) > MAX_BITS {
        return Err(TooBig);
    }
    Ok(BigInt::from_parts(neg, mag))
}

/// `2^e * x`, without overflowing or underflowing on the way.
fn ldexp(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e as i32)
}

impl BigInt {
    fn from_parts(neg: bool, mut mag: Vec<u32>) -> BigInt {
        trim(&mut mag);
        let neg = neg && !mag.is_empty();
        BigInt { neg, mag }
    }

    /// Zero.
    pub fn zero() -> BigInt {
        BigInt::default()
    }

    /// From an `i64`.
    pub fn from_i64(v: i64) -> BigInt {
        BigInt::from_i128(i128::from(v))
    }

    /// From an `i128`.
    pub fn from_i128(v: i128) -> BigInt {
        let mut u = v.unsigned_abs();
        let mut mag = Vec::new();
        while u != 0 {
            mag.push(u as u32);
            u >>= 32;
        }
        BigInt::from_parts(v < 0, mag)
    }

    /// The value as an `i64`, if it fits.
    pub fn to_i64(&self) -> Option<i64> {
        self.to_i128().and_then(|v| i64::try_from(v).ok())
    }

    /// The value as an `i128`, if it fits.
    pub fn to_i128(&self) -> Option<i128> {
        if self.mag.len() > 4 {
            return None;
        }
        let mut u: u128 = 0;
        for &l in self.mag.iter().rev() {
            u = (u << 32) | u128::from(l);
        }
        if self.neg {
            if u <= i128::MAX as u128 + 1 {
                Some((u as i128).wrapping_neg())
            } else {
                None
            }
        } else {
            i128::try_from(u).ok()
        }
    }

    /// Whether the value is below zero.
    pub fn is_negative(&self) -> bool {
        self.neg
    }

    /// Whether the value is zero.
    pub fn is_zero(&self) -> bool {
        self.mag.is_empty()
    }

    /// `int.bit_length()`.
    pub fn bit_length(&self) -> u64 {
        bits_of(&self.mag)
    }

    /// `abs(x)`.
    pub fn abs(&self) -> BigInt {
        BigInt {
            neg: false,
            mag: self.mag.clone(),
        }
    }

    /// `-x`.
    pub fn neg(&self) -> BigInt {
        BigInt::from_parts(!self.neg, self.mag.clone())
    }

    /// `x + y`.
    pub fn add(&self, o: &BigInt) -> Result<BigInt, TooBig> {
        if self.neg == o.neg {
            return check(add_mag(&self.mag, &o.mag), self.neg);
        }
        match cmp_mag(&self.mag, &o.mag) {
            Ordering::Equal => Ok(BigInt::zero()),
            Ordering::Greater => check(sub_mag(&self.mag, &o.mag), self.neg),
            Ordering::Less => check(sub_mag(&o.mag, &self.mag), o.neg),
        }
    }

    /// `x - y`.
    pub fn sub(&self, o: &BigInt) -> Result<BigInt, TooBig> {
        self.add(&o.neg())
    }

    /// `x * y`.
    pub fn mul(&self, o: &BigInt) -> Result<BigInt, TooBig> {
        if self.bit_length() + o.bit_length() > MAX_BITS + 1 {
            return Err(TooBig);
        }
        check(mul_mag(&self.mag, &o.mag), self.neg != o.neg)
    }

    /// Python's `divmod(x, y)` (floor division); `None` when `y` is zero.
    pub fn divmod(&self, o: &BigInt) -> Option<(BigInt, BigInt)> {
        if o.is_zero() {
            return None;
        }
        let (q, r) = divmod_mag(&self.mag, &o.mag);
        let mut q = BigInt::from_parts(self.neg != o.neg, q);
        let mut r = BigInt::from_parts(self.neg, r);
        if !r.is_zero() && r.neg != o.neg {
            q = q.sub(&BigInt::from_i64(1)).unwrap_or_default();
            r = r.add(o).unwrap_or_default();
        }
        Some((q, r))
    }

    /// `x ** e` for `e >= 0`.
    pub fn pow(&self, mut e: u64) -> Result<BigInt, TooBig> {
        let bits = self.bit_length();
        if bits > 1 && (bits - 1).saturating_mul(e) > MAX_BITS {
            return Err(TooBig);
        }
        if bits <= 1 {
            // 0, 1, -1.
            if self.is_zero() {
                return Ok(if e == 0 {
                    BigInt::from_i64(1)
                } else {
                    BigInt::zero()
                });
            }
            return Ok(if self.neg && e % 2 == 1 {
                self.clone()
            } else {
                BigInt::from_i64(1)
            });
        }
        let mut base = self.clone();
        let mut acc = BigInt::from_i64(1);
        loop {
            if e & 1 == 1 {
                acc = acc.mul(&base)?;
            }
            e >>= 1;
            if e == 0 {
                break;
            }
            base = base.mul(&base)?;
        }
        Ok(acc)
    }

    /// `pow(x, e, m)` for `e >= 0`, `m` non-zero; the result takes `m`'s sign.
    pub fn pow_mod(&self, e: &BigInt, m: &BigInt) -> BigInt {
        let mabs = m.abs();
        let one = BigInt::from_i64(1);
        let modp = |x: &BigInt| x.divmod(&mabs).map(|p| p.1).unwrap_or_default();
        let mut base = modp(self);
        let mut acc = modp(&one);
        let nbits = e.bit_length();
        for i in 0..nbits {
            let limb = e.mag[(i / 32) as usize];
            if (limb >> (i % 32)) & 1 == 1 {
                acc = modp(&BigInt::from_parts(false, mul_mag(&acc.mag, &base.mag)));
            }
            if i + 1 < nbits {
                base = modp(&BigInt::from_parts(false, mul_mag(&base.mag, &base.mag)));
            }
        }
        if m.neg && !acc.is_zero() {
            acc = acc.sub(&mabs).unwrap_or_default();
        }
        acc
    }

    /// The inverse of `x` modulo `m` (`m > 0`), in `[0, m)`, if any.
    pub fn mod_inverse(&self, m: &BigInt) -> Option<BigInt> {
        let (mut r0, mut r1) = (m.clone(), self.divmod(m)?.1);
        let (mut t0, mut t1) = (BigInt::zero(), BigInt::from_i64(1));
        while !r1.is_zero() {
            let (q, r) = r0.divmod(&r1)?;
            let t2 = t0.sub(&q.mul(&t1).ok()?).ok()?;
            r0 = r1;
            r1 = r;
            t0 = t1;
            t1 = t2;
        }
        if r0 != BigInt::from_i64(1) {
            return None;
        }
        Some(t0.divmod(m)?.1)
    }

    /// `x << n`.
    pub fn shl(&self, n: u64) -> Result<BigInt, TooBig> {
        if self.is_zero() {
            return Ok(BigInt::zero());
        }
        if self.bit_length().saturating_add(n) > MAX_BITS {
            return Err(TooBig);
        }
        check(shl_mag(&self.mag, n), self.neg)
    }

    /// `x >> n` (floor: `-1 >> 5 == -1`).
    pub fn shr(&self, n: u64) -> BigInt {
        if !self.neg {
            return BigInt::from_parts(false, shr_mag(&self.mag, n));
        }
        // -((|x| - 1) >> n) - 1
        let m1 = sub_mag(&self.mag, &[1]);
        let s = shr_mag(&m1, n);
        BigInt::from_parts(true, add_mag(&s, &[1]))
    }

    /// Two's complement limbs, `len` of them (sign-extended).
    fn twos(&self, len: usize) -> Vec<u32> {
        let mut out: Vec<u32> = (0..len)
            .map(|i| self.mag.get(i).copied().unwrap_or(0))
            .collect();
        if self.neg {
            let mut carry = 1u64;
            for l in out.iter_mut() {
                let t = u64::from(!*l) + carry;
                *l = t as u32;
                carry = t >> 32;
            }
        }
        out
    }

    fn from_twos(mut v: Vec<u32>) -> BigInt {
        let neg = v.last().is_some_and(|&t| t >> 31 == 1);
        if neg {
            let mut carry = 1u64;
            for l in v.iter_mut() {
                let t = u64::from(!*l) + carry;
                *l = t as u32;
                carry = t >> 32;
            }
        }
        BigInt::from_parts(neg, v)
    }

    /// `x & y`, `x | y`, `x ^ y` (`op` is `&`, `|` or `^`) as on infinite
    /// two's complement.
    pub fn bitop(&self, o: &BigInt, op: char) -> BigInt {
        let len = self.mag.len().max(o.mag.len()) + 1;
        let (a, b) = (self.twos(len), o.twos(len));
        let v = a
            .iter()
            .zip(&b)
            .map(|(x, y)| match op {
                '&' => x & y,
                '|' => x | y,
                _ => x ^ y,
            })
            .collect();
        BigInt::from_twos(v)
    }

    /// `~x`.
    pub fn invert(&self) -> BigInt {
        // -x - 1
        self.neg().sub(&BigInt::from_i64(1)).unwrap_or_default()
    }

    /// CPython's `hash(int)`: `|x| mod (2**61 - 1)` with the sign; -1 is -2.
    pub fn py_hash(&self) -> i64 {
        const P: u128 = (1 << 61) - 1;
        let mut h: u128 = 0;
        for &l in self.mag.iter().rev() {
            h = ((h << 32) | u128::from(l)) % P;
        }
        let h = h as i64;
        let h = if self.neg { -h } else { h };
        if h == -1 {
            -2
        } else {
            h
        }
    }

    /// The float nearest the value (ties to even), or `None` when it is too
    /// large for a float.
    pub fn to_f64(&self) -> Option<f64> {
        let n = self.bit_length();
        let x = if n <= 64 {
            let mut u = 0u64;
            for &l in self.mag.iter().rev() {
                u = (u << 32) | u64::from(l);
            }
            u as f64
        } else {
            let top = shr_mag(&self.mag, n - 64);
            let mut u = u64::from(top[0]) | (u64::from(top.get(1).copied().unwrap_or(0)) << 32);
            let rest_nonzero = {
                let cut = n - 64;
                let limbs = (cut / 32) as usize;
                self.mag[..limbs].iter().any(|&l| l != 0)
                    || (!cut.is_multiple_of(32)
                        && self.mag[limbs] & ((1u32 << (cut % 32)) - 1) != 0)
            };
            if rest_nonzero {
                u |= 1;
            }
            if n > 1100 {
                return None;
            }
            ldexp(u as f64, (n - 64) as i64)
        };
        if x.is_infinite() {
            return None;
        }
        Some(if self.neg { -x } else { x })
    }

    /// The integer part of a finite float.
    pub fn from_f64(x: f64) -> BigInt {
        let t = x.trunc();
        if t.abs() < 1.0 || !t.is_finite() {
            return BigInt::zero();
        }
        let bits = t.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
        let mant = (bits & ((1 << 52) - 1)) | (1 << 52);
        let m = BigInt::from_i128(i128::from(mant));
        let v = if exp >= 0 {
            BigInt::from_parts(false, shl_mag(&m.mag, exp as u64))
        } else {
            BigInt::from_parts(false, shr_mag(&m.mag, (-exp) as u64))
        };
        if t < 0.0 {
            v.neg()
        } else {
            v
        }
    }

    /// Exact comparison with a float (`None` for NaN).
    pub fn cmp_f64(&self, y: f64) -> Option<Ordering> {
        if y.is_nan() {
            return None;
        }
        if y.is_infinite() {
            return Some(if y > 0.0 {
                Ordering::Less
            } else {
                Ordering::Greater
            });
        }
        let fl = y.floor();
        match self.cmp(&BigInt::from_f64(fl)) {
            Ordering::Equal => Some(if y > fl {
                Ordering::Less
            } else {
                Ordering::Equal
            }),
            o => Some(o),
        }
    }

    /// `x / y` correctly rounded; `Err(true)` for a zero divisor,
    /// `Err(false)` when the result is too large for a float.
    pub fn true_div(&self, o: &BigInt) -> Result<f64, bool> {
        if o.is_zero() {
            return Err(true);
        }
        if self.is_zero() {
            return Ok(if self.neg != o.neg { -0.0 } else { 0.0 });
        }
        let (na, nb) = (self.bit_length() as i64, o.bit_length() as i64);
        // q = |a| * 2^s / |b| has 55 or 56 bits.
        let s = nb - na + 55;
        let (num, den) = if s >= 0 {
            (shl_mag(&self.mag, s as u64), o.mag.clone())
        } else {
            (self.mag.clone(), shl_mag(&o.mag, (-s) as u64))
        };
        let (q, r) = divmod_mag(&num, &den);
        let mut u = 0u64;
        for &l in q.iter().rev() {
            u = (u << 32) | u64::from(l);
        }
        if !r.is_empty() {
            u |= 1;
        }
        let x = ldexp(u as f64, -s);
        if x.is_infinite() {
            return Err(false);
        }
        Ok(if self.neg != o.neg { -x } else { x })
    }

    /// The digits of `|x|` in `base` (2, 8, 16 or 10), lowercase; `None`
    /// for a decimal of more than [`MAX_STR_DIGITS`] digits.
    pub fn mag_digits(&self, base: u32) -> Option<String> {
        if self.is_zero() {
            return Some("0".into());
        }
        if base == 10 {
            // A quick refusal before the quadratic conversion.
            if self.bit_length() > (MAX_STR_DIGITS as u64 + 1) * 3322 / 1000 + 64 {
                return None;
            }
            let mut chunks = Vec::new();
            let mut cur = self.mag.clone();
            while !cur.is_empty() {
                let (q, r) = divmod_small(&cur, 1_000_000_000);
                chunks.push(r);
                cur = q;
            }
            let mut s = chunks.last().map(|c| c.to_string()).unwrap_or_default();
            for c in chunks.iter().rev().skip(1) {
                s.push_str(&format!("{c:09}"));
            }
            if s.len() > MAX_STR_DIGITS {
                return None;
            }
            return Some(s);
        }
        let shift = match base {
            2 => 1,
            8 => 3,
            _ => 4,
        };
        let n = self.bit_length();
        let count = n.div_ceil(shift);
        let mut s = String::with_capacity(count as usize);
        for i in (0..count).rev() {
            let mut d = 0u32;
            for k in 0..shift {
                let bit = i * shift + k;
                if bit < n {
                    let l = self.mag[(bit / 32) as usize];
                    d |= ((l >> (bit % 32)) & 1) << k;
                }
            }
            s.push(char::from_digit(d, base).unwrap_or('0'));
        }
        Some(s)
    }

    /// From digit values (most significant first) in `base`.
    /// `Err(None)`: too big; `Err(Some(n))`: a decimal of `n > 4300` digits.
    pub fn from_digits(neg: bool, digits: &[u32], base: u32) -> Result<BigInt, Option<usize>> {
        let first = digits.iter().position(|&d| d != 0).unwrap_or(digits.len());
        let digits = &digits[first..];
        if base.is_power_of_two() {
            let shift = u64::from(base.trailing_zeros());
            if digits.len() as u64 * shift > MAX_BITS + 8 {
                return Err(None);
            }
            let mut mag = vec![0u32; (digits.len() as u64 * shift).div_ceil(32) as usize + 1];
            for (i, &d) in digits.iter().rev().enumerate() {
                let bit = i as u64 * shift;
                let (li, bo) = ((bit / 32) as usize, (bit % 32) as u32);
                mag[li] |= d << bo;
                if bo + shift as u32 > 32 {
                    mag[li + 1] |= d >> (32 - bo);
                }
            }
            return check(mag, neg).map_err(|_| None);
        }
        if digits.len() + first > MAX_STR_DIGITS {
            return Err(Some(digits.len() + first));
        }
        if digits.len() as f64 * f64::from(base).log2() > (MAX_BITS + 64) as f64 {
            return Err(None);
        }
        // Groups of digits that fit in a limb.
        let mut per = 1usize;
        let mut big = u64::from(base);
        while big * u64::from(base) <= u64::from(u32::MAX) {
            big *= u64::from(base);
            per += 1;
        }
        let mut mag: Vec<u32> = Vec::new();
        for chunk in digits.chunks(per) {
            let mut m = 1u64;
            let mut v = 0u64;
            for &d in chunk {
                v = v * u64::from(base) + u64::from(d);
                m *= u64::from(base);
            }
            let mut carry = v;
            for l in mag.iter_mut() {
                let t = u64::from(*l) * m + carry;
                *l = t as u32;
                carry = t >> 32;
            }
            if carry != 0 {
                mag.push(carry as u32);
            }
        }
        check(mag, neg).map_err(|_| None)
    }

    /// From a decimal string of ASCII digits (no sign, no `_`).
    pub fn parse_decimal(s: &str) -> Option<BigInt> {
        let digits: Vec<u32> = s.chars().map(|c| c.to_digit(10)).collect::<Option<_>>()?;
        BigInt::from_digits(false, &digits, 10).ok()
    }

    /// `str(x)`; `None` beyond [`MAX_STR_DIGITS`] digits.
    pub fn to_decimal(&self) -> Option<String> {
        let d = self.mag_digits(10)?;
        Some(if self.neg { format!("-{d}") } else { d })
    }

    /// The greatest common divisor of `|x|` and `|y|`.
    pub fn gcd(&self, o: &BigInt) -> BigInt {
        let (mut a, mut b) = (self.abs(), o.abs());
        while !b.is_zero() {
            let r = a.divmod(&b).map(|p| p.1).unwrap_or_default();
            a = b;
            b = r;
        }
        a
    }

    /// `x * m` for a small `m` (factorials).
    pub fn mul_small(&self, m: u32) -> Result<BigInt, TooBig> {
        let mut out = Vec::with_capacity(self.mag.len() + 1);
        let mut carry = 0u64;
        for &l in &self.mag {
            let t = u64::from(l) * u64::from(m) + carry;
            out.push(t as u32);
            carry = t >> 32;
        }
        if carry != 0 {
            out.push(carry as u32);
        }
        check(out, self.neg)
    }
}

/// C's `frexp`: `x = m * 2^e` with `0.5 <= |m| < 1` (finite `x`).
fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (x, 0);
    }
    let (x, adj) = if x.abs() < f64::MIN_POSITIVE {
        (x * 2f64.powi(64), -64)
    } else {
        (x, 0)
    };
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022 + adj)
}

/// CPython's `hash(float)` (`_Py_HashDouble`) for a non-NaN float.
pub fn hash_f64(v: f64) -> i64 {
    const P: u64 = (1 << 61) - 1;
    if v.is_infinite() {
        return if v > 0.0 { 314_159 } else { -314_159 };
    }
    let (mut m, mut e) = frexp(v);
    let sign: i64 = if m < 0.0 { -1 } else { 1 };
    m = m.abs();
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & P) | x >> (61 - 28);
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= P {
            x -= P;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    } as u32;
    x = ((x << e) & P) | x.checked_shr(61 - e).unwrap_or(0);
    let h = x as i64 * sign;
    if h == -1 {
        -2
    } else {
        h
    }
}

impl PartialOrd for BigInt {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for BigInt {
    fn cmp(&self, o: &Self) -> Ordering {
        match (self.neg, o.neg) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => cmp_mag(&self.mag, &o.mag),
            (true, true) => cmp_mag(&o.mag, &self.mag),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(s: &str) -> BigInt {
        let (neg, d) = match s.strip_prefix('-') {
            Some(d) => (true, d),
            None => (false, s),
        };
        let v = BigInt::parse_decimal(d).unwrap();
        if neg {
            v.neg()
        } else {
            v
        }
    }

    #[test]
    fn basics() {
        let x = b("123456789012345678901234567890");
        let y = b("-987654321098765432109876543");
        assert_eq!(
            x.mul(&y).unwrap().to_decimal().unwrap(),
            "-121932631137021795226185032707696997639644871231852004270"
        );
        let (q, r) = x.divmod(&y).unwrap();
        assert_eq!(q.to_decimal().unwrap(), "-125");
        assert_eq!(r.to_decimal().unwrap(), "-1125000000112499999985");
        assert_eq!(b("-1").shr(100).to_decimal().unwrap(), "-1");
        assert_eq!(BigInt::from_i64(i64::MIN).to_i64(), Some(i64::MIN));
        assert_eq!(
            b("18446744073709551616").to_f64(),
            Some(18446744073709551616.0)
        );
    }
}
