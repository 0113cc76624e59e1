//! CPython's `random` module, bit for bit: the MT19937 core of
//! `Modules/_randommodule.c` and the Python-level methods of CPython 3.11's
//! `Lib/random.py` built on it.
//!
//! Seeds: ints ([`Random::seed_int`], any size via [`Random::seed_bytes_le`]),
//! strs and bytes with version 2's sha512 ([`Random::seed_str`],
//! [`Random::seed_bytes`]) and floats by their hash ([`Random::seed_float`]).
//! `seed(None)` (OS entropy) is the caller's business: pick any int.
//!
//! Methods that take a sequence take its length and return indices
//! ([`Random::choice`], [`Random::sample`], [`Random::choices`]), except
//! [`Random::shuffle`], which permutes a slice in place.
//!
//! The float methods call `ln`, `sqrt`, `cos`, `sin`: on native targets these
//! are the platform libm, as CPython's; on wasm they come from Rust's libm
//! port, which could differ from glibc in a last bit on rare inputs.
//! `random()`, `getrandbits`, `randrange` and friends are exact everywhere.

use crate::python::format::{BuiltinError, ErrorKind};

const N: usize = 624;
const M: usize = 397;

type Res<T> = Result<T, BuiltinError>;

fn value_error<T>(msg: impl Into<String>) -> Res<T> {
    Err(BuiltinError::new(ErrorKind::ValueError, msg))
}

/// A `random.Random` instance: the Mersenne Twister state plus
/// `gauss_next`.
#[derive(Clone)]
pub struct Random {
    mt: [u32; N],
    index: usize,
    gauss_next: Option<f64>,
}

impl std::fmt::Debug for Random {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Random")
            .field("index", &self.index)
            .finish_non_exhaustive()
    }
}

impl Random {
    /// `random.Random(a)` for an int seed.
    pub fn new(seed: i64) -> Self {
        let mut r = Random {
            mt: [0; N],
            index: N + 1,
            gauss_next: None,
        };
        r.seed_int(seed);
        r
    }

    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let prev = self.mt[i - 1];
            self.mt[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mut i = 1;
        let mut j = 0;
        let len = key.len().max(1);
        let mut k = N.max(len);
        while k > 0 {
            let prev = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key.get(j).copied().unwrap_or(0))
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            if j >= len {
                j = 0;
            }
            k -= 1;
        }
        k = N - 1;
        while k > 0 {
            let prev = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            k -= 1;
        }
        self.mt[0] = 0x8000_0000;
        self.index = N;
    }

    /// `seed(a)` for an int (its absolute value, as CPython).
    pub fn seed_int(&mut self, a: i64) {
        let n = a.unsigned_abs();
        self.seed_bytes_le(&n.to_le_bytes());
    }

    /// `seed(n)` for the non-negative int whose little-endian bytes are
    /// `bytes` (any size; the caller takes `abs()` first).
    pub fn seed_bytes_le(&mut self, bytes: &[u8]) {
        let mut key: Vec<u32> = bytes
            .chunks(4)
            .map(|c| {
                let mut w = [0u8; 4];
                w[..c.len()].copy_from_slice(c);
                u32::from_le_bytes(w)
            })
            .collect();
        while key.len() > 1 && key.last() == Some(&0) {
            key.pop();
        }
        if key.is_empty() {
            key.push(0);
        }
        self.init_by_array(&key);
        self.gauss_next = None;
    }

    /// `seed(s)` for a str (version 2: `int.from_bytes(s + sha512(s))`).
    pub fn seed_str(&mut self, s: &str) {
        self.seed_bytes(s.as_bytes());
    }

    /// `seed(b)` for bytes (version 2: `int.from_bytes(b + sha512(b))`,
    /// big-endian).
    pub fn seed_bytes(&mut self, b: &[u8]) {
        let mut all = b.to_vec();
        all.extend_from_slice(&sha512(b));
        all.reverse(); // big-endian int -> little-endian bytes
        self.seed_bytes_le(&all);
    }

    /// `seed(x)` for a float: CPython seeds with `hash(x)` (as an unsigned
    /// 64-bit value). NaN hashes by identity in CPython, so any NaN seed
    /// here is just some fixed seed.
    pub fn seed_float(&mut self, x: f64) {
        let h = hash_float(x) as u64;
        self.seed_bytes_le(&h.to_le_bytes());
    }

    fn generate(&mut self) {
        const UPPER: u32 = 0x8000_0000;
        const LOWER: u32 = 0x7fff_ffff;
        let mag01 = |y: u32| if y & 1 == 1 { 0x9908_b0df } else { 0 };
        for kk in 0..N - M {
            let y = (self.mt[kk] & UPPER) | (self.mt[kk + 1] & LOWER);
            self.mt[kk] = self.mt[kk + M] ^ (y >> 1) ^ mag01(y);
        }
        for kk in N - M..N - 1 {
            let y = (self.mt[kk] & UPPER) | (self.mt[kk + 1] & LOWER);
            self.mt[kk] = self.mt[kk + M - N] ^ (y >> 1) ^ mag01(y);
        }
        let y = (self.mt[N - 1] & UPPER) | (self.mt[0] & LOWER);
        self.mt[N - 1] = self.mt[M - 1] ^ (y >> 1) ^ mag01(y);
        self.index = 0;
    }

    /// `getstate()`'s parts: the 624 words, the position in them (CPython's
    /// `mti`) and `gauss_next`.
    pub fn state(&self) -> (Vec<u32>, usize, Option<f64>) {
        (self.mt.to_vec(), self.index, self.gauss_next)
    }

    /// `setstate(...)` from [`Random::state`]'s parts; an error (CPython's
    /// words) if the words are not 624 or the position is past them.
    pub fn set_state(&mut self, words: &[u32], index: usize, gauss_next: Option<f64>) -> Res<()> {
        if words.len() != N {
            return Err(BuiltinError::new(
                ErrorKind::ValueError,
                "state vector is the wrong size",
            ));
        }
        if index > N {
            return Err(BuiltinError::new(ErrorKind::ValueError, "invalid state"));
        }
        self.mt.copy_from_slice(words);
        self.index = index;
        self.gauss_next = gauss_next;
        Ok(())
    }

    /// The next raw 32-bit output (`genrand_uint32`).
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.generate();
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    /// `random()`: a float in [0, 1) from 53 random bits.
    pub fn random(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for `k <= 128`. Larger `k`: [`Random::getrandbits_words`].
    /// Error for `k > 128`: a ValueError naming the playground's limit.
    pub fn getrandbits(&mut self, k: u32) -> Res<u128> {
        if k > 128 {
            return value_error("getrandbits() above 128 bits: use getrandbits_words");
        }
        let words = self.getrandbits_words(k);
        Ok(words
            .iter()
            .enumerate()
            .fold(0u128, |acc, (i, &w)| acc | (u128::from(w) << (32 * i))))
    }

    /// `getrandbits(k)` for any `k`: the result's 32-bit words, least
    /// significant first (`k == 0` gives no words, the int 0).
    pub fn getrandbits_words(&mut self, k: u32) -> Vec<u32> {
        if k == 0 {
            return Vec::new();
        }
        if k <= 32 {
            return vec![self.next_u32() >> (32 - k)];
        }
        let words = (k - 1) / 32 + 1;
        let mut out = Vec::with_capacity(words as usize);
        let mut left = k as i64;
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out.push(r);
            left -= 32;
        }
        out
    }

    /// `_randbelow(n)` (the getrandbits version) for `n > 0`: an int in
    /// `[0, n)`. Returns 0 for `n == 0` without drawing (CPython: undefined).
    pub fn randbelow(&mut self, n: u128) -> u128 {
        if n == 0 {
            return 0;
        }
        let k = 128 - n.leading_zeros();
        loop {
            let r = self.getrandbits(k).unwrap_or(0);
            if r < n {
                return r;
            }
        }
    }

    /// `randrange(start)`, `randrange(start, stop)`,
    /// `randrange(start, stop, step)`. Errors as CPython 3.11:
    /// `empty range for randrange()`, `empty range for randrange() (3, 3, 0)`,
    /// `zero step for randrange()`, and the TypeError
    /// `Missing a non-None stop argument` for a step without a stop.
    pub fn randrange(&mut self, start: i64, stop: Option<i64>, step: Option<i64>) -> Res<i64> {
        let Some(stop) = stop else {
            if step.is_some() {
                return Err(BuiltinError::new(
                    ErrorKind::TypeError,
                    "Missing a non-None stop argument",
                ));
            }
            if start > 0 {
                return Ok(self.randbelow(start as u128) as i64);
            }
            return value_error("empty range for randrange()");
        };
        let (istart, istop) = (i128::from(start), i128::from(stop));
        let width = istop - istart;
        let istep = i128::from(step.unwrap_or(1));
        if istep == 1 {
            if width > 0 {
                return Ok((istart + self.randbelow(width as u128) as i128) as i64);
            }
            return value_error(format!(
                "empty range for randrange() ({istart}, {istop}, {width})"
            ));
        }
        let n = if istep > 0 {
            floor_div(width + istep - 1, istep)
        } else if istep < 0 {
            floor_div(width + istep + 1, istep)
        } else {
            return value_error("zero step for randrange()");
        };
        if n <= 0 {
            return value_error("empty range for randrange()");
        }
        Ok((istart + istep * self.randbelow(n as u128) as i128) as i64)
    }

    /// `randint(a, b)`: `randrange(a, b + 1)`.
    pub fn randint(&mut self, a: i64, b: i64) -> Res<i64> {
        let (istart, istop) = (i128::from(a), i128::from(b) + 1);
        let width = istop - istart;
        if width > 0 {
            return Ok((istart + self.randbelow(width as u128) as i128) as i64);
        }
        value_error(format!(
            "empty range for randrange() ({istart}, {istop}, {width})"
        ))
    }

    /// `choice(seq)` for a sequence of `len` items: the chosen index.
    /// IndexError `Cannot choose from an empty sequence`.
    pub fn choice(&mut self, len: usize) -> Res<usize> {
        if len == 0 {
            return Err(BuiltinError::new(
                ErrorKind::IndexError,
                "Cannot choose from an empty sequence",
            ));
        }
        Ok(self.randbelow(len as u128) as usize)
    }

    /// `shuffle(x)`: Fisher-Yates from the end, as `random.py`.
    pub fn shuffle<T>(&mut self, x: &mut [T]) {
        for i in (1..x.len()).rev() {
            let j = self.randbelow(i as u128 + 1) as usize;
            x.swap(i, j);
        }
    }

    /// `sample(population, k)` for a population of `n` items: the indices
    /// chosen, in order (the pool branch or the set branch, picked as
    /// `random.py` picks). ValueError
    /// `Sample larger than population or is negative`.
    pub fn sample(&mut self, n: usize, k: i64) -> Res<Vec<usize>> {
        if k < 0 || k as u128 > n as u128 {
            return value_error("Sample larger than population or is negative");
        }
        let k = k as usize;
        let mut setsize: f64 = 21.0;
        if k > 5 {
            let c = ((k as f64 * 3.0).ln() / 4f64.ln()).ceil();
            setsize += 4f64.powf(c);
        }
        let mut result = Vec::with_capacity(k);
        if (n as f64) <= setsize {
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self.randbelow((n - i) as u128) as usize;
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = std::collections::HashSet::with_capacity(k);
            for _ in 0..k {
                let mut j = self.randbelow(n as u128) as usize;
                while selected.contains(&j) {
                    j = self.randbelow(n as u128) as usize;
                }
                selected.insert(j);
                result.push(j);
            }
        }
        Ok(result)
    }

    /// `choices(population, weights=None, *, cum_weights=None, k)` for `n`
    /// items: `k` indices. Give at most one of `weights` and `cum_weights`
    /// (the TypeError `Cannot specify both weights and cumulative weights`
    /// otherwise). Weights are floats (ints up to 2**53 are exact).
    pub fn choices(
        &mut self,
        n: usize,
        weights: Option<&[f64]>,
        cum_weights: Option<&[f64]>,
        k: usize,
    ) -> Res<Vec<usize>> {
        let cum: Vec<f64> = match (weights, cum_weights) {
            (Some(_), Some(_)) => {
                return Err(BuiltinError::new(
                    ErrorKind::TypeError,
                    "Cannot specify both weights and cumulative weights",
                ))
            }
            (None, None) => {
                if n == 0 && k > 0 {
                    return Err(BuiltinError::new(
                        ErrorKind::IndexError,
                        "list index out of range",
                    ));
                }
                let nf = n as f64;
                return Ok((0..k)
                    .map(|_| (self.random() * nf).floor() as usize)
                    .collect());
            }
            (Some(w), None) => w
                .iter()
                .scan(0.0, |acc, &x| {
                    *acc += x;
                    Some(*acc)
                })
                .collect(),
            (None, Some(c)) => c.to_vec(),
        };
        if cum.len() != n {
            return value_error("The number of weights does not match the population");
        }
        let total = cum.last().copied().unwrap_or(0.0) + 0.0;
        if total <= 0.0 || total.is_nan() {
            return value_error("Total of weights must be greater than zero");
        }
        if !total.is_finite() {
            return value_error("Total of weights must be finite");
        }
        let hi = n - 1;
        Ok((0..k)
            .map(|_| {
                let x = self.random() * total;
                // bisect_right(cum, x, 0, hi)
                let (mut lo, mut hi) = (0usize, hi);
                while lo < hi {
                    let mid = (lo + hi) / 2;
                    if x < cum[mid] {
                        hi = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
                lo
            })
            .collect())
    }

    /// `uniform(a, b)`: `a + (b - a) * random()`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `triangular(low, high, mode)` (`mode = None` is the midpoint).
    pub fn triangular(&mut self, low: f64, high: f64, mode: Option<f64>) -> f64 {
        let mut u = self.random();
        let mut c = match mode {
            None => 0.5,
            Some(m) => {
                let d = high - low;
                if d == 0.0 {
                    return low;
                }
                (m - low) / d
            }
        };
        let (mut low, mut high) = (low, high);
        if u > c {
            u = 1.0 - u;
            c = 1.0 - c;
            std::mem::swap(&mut low, &mut high);
        }
        low + (high - low) * (u * c).sqrt()
    }

    /// `gauss(mu, sigma)`, with its cached second value (`gauss_next`,
    /// cleared by every seed).
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = self.random() * std::f64::consts::TAU;
                let g2rad = (-2.0 * (1.0 - self.random()).ln()).sqrt();
                self.gauss_next = Some(x2pi.sin() * g2rad);
                x2pi.cos() * g2rad
            }
        };
        mu + z * sigma
    }

    /// `normalvariate(mu, sigma)` (Kinderman and Monahan).
    pub fn normalvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        let nv_magicconst = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = nv_magicconst * (u1 - 0.5) / u2;
            let zz = z * z / 4.0;
            if zz <= -u2.ln() {
                return mu + z * sigma;
            }
        }
    }

    /// `expovariate(lambd)`: `-log(1 - random()) / lambd`. A zero `lambd`
    /// is CPython's ZeroDivisionError `float division by zero`.
    pub fn expovariate(&mut self, lambd: f64) -> Res<f64> {
        let u = self.random();
        if lambd == 0.0 {
            return Err(BuiltinError::new(
                ErrorKind::ZeroDivisionError,
                "float division by zero",
            ));
        }
        Ok(-(1.0 - u).ln() / lambd)
    }

    /// Forget the cached `gauss` value (as `seed()` does).
    pub fn clear_gauss(&mut self) {
        self.gauss_next = None;
    }
}

/// Python's `//` on ints (rounds toward negative infinity).
fn floor_div(a: i128, b: i128) -> i128 {
    let q = a / b;
    if a % b != 0 && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

/// CPython's `hash(x)` for a float (`_Py_HashDouble`; NaN hashes as 0 here,
/// by identity in CPython).
pub fn hash_float(v: f64) -> i64 {
    const BITS: u32 = 61;
    const MODULUS: u64 = (1u64 << BITS) - 1;
    if v.is_infinite() {
        return if v > 0.0 { 314_159 } else { -314_159 };
    }
    if v.is_nan() {
        return 0;
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (BITS - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        (e as u32) % BITS
    } else {
        BITS - 1 - (((-1 - e) as u32) % BITS)
    };
    x = ((x << e) & MODULUS) | (x >> (BITS - e));
    let mut r = (x as i64).wrapping_mul(sign);
    if r == -1 {
        r = -2;
    }
    r
}

/// C's `frexp` for finite v: `v = m * 2**e`, `0.5 <= |m| < 1` (or 0).
fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // subnormal: scale up first
        let (m, e) = frexp(v * f64::from_bits(0x4350_0000_0000_0000)); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// SHA-512 of `data` (FIPS 180-4), for version-2 str/bytes seeds.
pub fn sha512(data: &[u8]) -> [u8; 64] {
    const K: [u64; 80] = [
        0x428a2f98d728ae22,
        0x7137449123ef65cd,
        0xb5c0fbcfec4d3b2f,
        0xe9b5dba58189dbbc,
        0x3956c25bf348b538,
        0x59f111f1b605d019,
        0x923f82a4af194f9b,
        0xab1c5ed5da6d8118,
        0xd807aa98a3030242,
        0x12835b0145706fbe,
        0x243185be4ee4b28c,
        0x550c7dc3d5ffb4e2,
        0x72be5d74f27b896f,
        0x80deb1fe3b1696b1,
        0x9bdc06a725c71235,
        0xc19bf174cf692694,
        0xe49b69c19ef14ad2,
        0xefbe4786384f25e3,
        0x0fc19dc68b8cd5b5,
        0x240ca1cc77ac9c65,
        0x2de92c6f592b0275,
        0x4a7484aa6ea6e483,
        0x5cb0a9dcbd41fbd4,
        0x76f988da831153b5,
        0x983e5152ee66dfab,
        0xa831c66d2db43210,
        0xb00327c898fb213f,
        0xbf597fc7beef0ee4,
        0xc6e00bf33da88fc2,
        0xd5a79147930aa725,
        0x06ca6351e003826f,
        0x142929670a0e6e70,
        0x27b70a8546d22ffc,
        0x2e1b21385c26c926,
        0x4d2c6dfc5ac42aed,
        0x53380d139d95b3df,
        0x650a73548baf63de,
        0x766a0abb3c77b2a8,
        0x81c2c92e47edaee6,
        0x92722c851482353b,
        0xa2bfe8a14cf10364,
        0xa81a664bbc423001,
        0xc24b8b70d0f89791,
        0xc76c51a30654be30,
        0xd192e819d6ef5218,
        0xd69906245565a910,
        0xf40e35855771202a,
        0x106aa07032bbd1b8,
        0x19a4c116b8d2d0c8,
        0x1e376c085141ab53,
        0x2748774cdf8eeb99,
        0x34b0bcb5e19b48a8,
        0x391c0cb3c5c95a63,
        0x4ed8aa4ae3418acb,
        0x5b9cca4f7763e373,
        0x682e6ff3d6b2b8a3,
        0x748f82ee5defb2fc,
        0x78a5636f43172f60,
        0x84c87814a1f0ab72,
        0x8cc702081a6439ec,
        0x90befffa23631e28,
        0xa4506cebde82bde9,
        0xbef9a3f7b2c67915,
        0xc67178f2e372532b,
        0xca273eceea26619c,
        0xd186b8c721c0c207,
        0xeada7dd6cde0eb1e,
        0xf57d4f7fee6ed178,
        0x06f067aa72176fba,
        0x0a637dc5a2c898a6,
        0x113f9804bef90dae,
        0x1b710b35131c471b,
        0x28db77f523047d84,
        0x32caab7b40c72493,
        0x3c9ebe0a15c9bebc,
        0x431d67c49c100d4c,
        0x4cc5d4becb3e42b6,
        0x597f299cfc657e2a,
        0x5fcb6fab3ad6faec,
        0x6c44198c4a475817,
    ];
    let mut h: [u64; 8] = [
        0x6a09e667f3bcc908,
        0xbb67ae8584caa73b,
        0x3c6ef372fe94f82b,
        0xa54ff53a5f1d36f1,
        0x510e527fade682d1,
        0x9b05688c2b3e6c1f,
        0x1f83d9abfb41bd6b,
        0x5be0cd19137e2179,
    ];
    let mut msg = data.to_vec();
    msg.push(0x80);
    while msg.len() % 128 != 112 {
        msg.push(0);
    }
    msg.extend_from_slice(&((data.len() as u128) * 8).to_be_bytes());
    for block in msg.chunks(128) {
        let mut w = [0u64; 80];
        for (t, c) in block.chunks(8).enumerate() {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            w[t] = u64::from_be_bytes(b);
        }
        for t in 16..80 {
            let s0 = w[t - 15].rotate_right(1) ^ w[t - 15].rotate_right(8) ^ (w[t - 15] >> 7);
            let s1 = w[t - 2].rotate_right(19) ^ w[t - 2].rotate_right(61) ^ (w[t - 2] >> 6);
            w[t] = w[t - 16]
                .wrapping_add(s0)
                .wrapping_add(w[t - 7])
                .wrapping_add(s1);
        }
        let mut v = h;
        for t in 0..80 {
            let s1 = v[4].rotate_right(14) ^ v[4].rotate_right(18) ^ v[4].rotate_right(41);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7]
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[t])
                .wrapping_add(w[t]);
            let s0 = v[0].rotate_right(28) ^ v[0].rotate_right(34) ^ v[0].rotate_right(39);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            let t2 = s0.wrapping_add(maj);
            v[7] = v[6];
            v[6] = v[5];
            v[5] = v[4];
            v[4] = v[3].wrapping_add(t1);
            v[3] = v[2];
            v[2] = v[1];
            v[1] = v[0];
            v[0] = t1.wrapping_add(t2);
        }
        for (hi, vi) in h.iter_mut().zip(v) {
            *hi = hi.wrapping_add(vi);
        }
    }
    let mut out = [0u8; 64];
    for (i, x) in h.iter().enumerate() {
        out[i * 8..i * 8 + 8].copy_from_slice(&x.to_be_bytes());
    }
    out
}
