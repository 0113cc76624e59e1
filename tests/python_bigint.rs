//! Arbitrary-precision ints against the machine's CPython 3.11.
//!
//! Thousands of random expressions over big and small ints (arithmetic,
//! shifts, bitwise ops on negatives, comparisons with ints and floats,
//! hashes, `str`/`hex`/`format`, `float()`/`int()`, `round`, `pow` with a
//! modulus, `math`) are printed by programs run through
//! `python::run_virtual` and through one `python3` process per batch, and the
//! lines compared. python3 missing is a failure, never a skip.

use async_playground::python::run_virtual;
use std::process::Command;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[self.below(v.len())]
    }
}

/// A random int literal or expression: small, near the i64 edges, or big.
fn operand(r: &mut Rng) -> String {
    let sign = if r.below(3) == 0 { "-" } else { "" };
    match r.below(9) {
        0 => format!("{sign}{}", r.below(20)),
        1 => format!("{sign}{}", r.next() >> r.below(64)),
        2 => r
            .pick(&[
                "9223372036854775807",
                "-9223372036854775808",
                "9223372036854775808",
                "-9223372036854775809",
                "18446744073709551615",
                "18446744073709551616",
                "2**63",
                "-2**63",
                "2**64 - 1",
                "(1 << 62)",
                "2**61 - 1",
                "2**61",
                "-(2**61 - 1)",
                "2**53 + 1",
                "4294967296",
                "4294967295",
            ])
            .to_string(),
        3 => {
            let n = 19 + r.below(60);
            let mut s = String::from(sign);
            s.push(char::from(b'1' + (r.below(9) as u8)));
            for _ in 1..n {
                s.push(char::from(b'0' + (r.below(10) as u8)));
            }
            s
        }
        4 => format!("{sign}2**{}", 60 + r.below(200)),
        5 => format!("{sign}(2**{} - {})", 60 + r.below(200), r.below(1000)),
        6 => format!("{sign}0x{:x}{:016x}", r.next(), r.next()),
        7 => format!("{sign}{}**{}", 2 + r.below(30), 10 + r.below(30)),
        _ => format!("{sign}(3**{} + 7**{})", 30 + r.below(80), 10 + r.below(40)),
    }
}

fn float_operand(r: &mut Rng) -> String {
    r.pick(&[
        "0.5",
        "-2.5",
        "1e20",
        "-1e30",
        "1.5e300",
        "9.223372036854776e18",
        "1.8446744073709552e19",
        "float(2**64)",
        "float('inf')",
        "-float('inf')",
        "float('nan')",
        "3.0",
        "1e-5",
        "2.0**70",
    ])
    .to_string()
}

fn expr(r: &mut Rng) -> String {
    let a = operand(r);
    let b = operand(r);
    match r.below(30) {
        0..=9 => {
            let op = r.pick(&[
                "+", "-", "*", "//", "%", "&", "|", "^", "==", "!=", "<", "<=", ">", ">=", "/",
            ]);
            format!("({a}) {op} ({b})")
        }
        10 => format!("({a}) << {}", r.below(200)),
        11 => format!("({a}) >> {}", r.below(200)),
        12 => format!("divmod({a}, {b})"),
        13 => format!("({a}) ** {}", r.below(12)),
        14 => format!("pow({a}, {}, {b})", r.below(300)),
        15 => {
            let f = float_operand(r);
            let op = r.pick(&["+", "-", "*", "/", "==", "<", ">", "//", "%"]);
            if r.below(2) == 0 {
                format!("({a}) {op} {f}")
            } else {
                format!("{f} {op} ({a})")
            }
        }
        16 => format!("hash({a})"),
        17 => format!("(~({a}), -({a}), abs({a}), +({a}))"),
        18 => {
            let spec = r.pick(&[
                ",", "_", "x", "X", "#x", "o", "#o", "b", "_b", ">40", "<40,", "^45", "+", " ",
                "=+40", "040", "e", ".3e", "g", ".2f", "%", "n", "c", "d", "#_X", "050,",
            ]);
            format!("format({a}, {spec:?})")
        }
        19 => format!("(hex({a}), oct({a}), bin({a}))"),
        20 => format!("(float({a}), int(float({a})))"),
        21 => format!("round({a}, -{})", r.below(40)),
        22 => format!("(({a}).bit_length(), str({a}), repr({a}), int(str({a})))"),
        23 => format!("{{({a}): 1, ({b}): 2}}"),
        24 => format!("sorted([{a}, {b}, {}, 2.5])", operand(r)),
        25 => format!("(max({a}, {b}), min({a}, {b}), sum([{a}, {b}]))"),
        26 => format!("math.gcd({a}, {b})"),
        27 => format!(
            "(int({:?}, 16), int({:?}, 0))",
            format!("{:x}{:x}", r.next(), r.next()),
            format!("0b{:b}", r.next())
        ),
        28 => format!("[{a}] == [{b}], ({a}) in {{{b}}}, hash(float({a})) == hash({a})"),
        _ => format!("f'{{{a}:>60,}}|{{{b}!r}}|{{{a}:#_x}}'"),
    }
}

fn program(exprs: &[String]) -> String {
    let mut src = String::from(
        "import math, json\n\
def t(f):\n    try:\n        r = f()\n    except Exception as e:\n        r = type(e).__name__ + ': ' + str(e)\n    print(repr(r))\n",
    );
    for e in exprs {
        src.push_str(&format!("t(lambda: ({e}))\n"));
    }
    src
}

fn cpython(src: &str) -> Vec<String> {
    let out = Command::new("python3")
        .arg("-c")
        .arg(src)
        .output()
        .expect("python3 (CPython 3.11) must be installed to run these tests");
    assert!(
        out.status.success(),
        "python3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(str::to_string)
        .collect()
}

fn ours(src: &str) -> Vec<String> {
    let o = run_virtual(src);
    assert_eq!(o.ending, "ok", "the playground's run did not end ok");
    o.lines.into_iter().map(|l| l.text).collect()
}

fn compare(exprs: &[String]) -> usize {
    let src = program(exprs);
    let want = cpython(&src);
    let got = ours(&src);
    assert_eq!(want.len(), exprs.len(), "CPython printed a line per case");
    let mut bad = 0;
    for (i, e) in exprs.iter().enumerate() {
        let g = got.get(i).map_or("<missing>", String::as_str);
        if g != want[i] {
            bad += 1;
            if bad <= 40 {
                eprintln!("MISMATCH {e}\n  cpython: {}\n  ours:    {g}", want[i]);
            }
        }
    }
    bad
}

#[test]
fn random_expressions_agree_with_cpython() {
    let mut r = Rng(0x9e37_79b9_7f4a_7c15);
    let mut total = 0;
    let mut bad = 0;
    for _ in 0..8 {
        let exprs: Vec<String> = (0..500).map(|_| expr(&mut r)).collect();
        total += exprs.len();
        bad += compare(&exprs);
    }
    assert_eq!(bad, 0, "{bad} of {total} expressions disagree with CPython");
}

#[test]
fn edge_cases_agree_with_cpython() {
    let cases = [
        "2**100",
        "-2**64",
        "9223372036854775807 + 1",
        "-9223372036854775808 - 1",
        "-(-9223372036854775808)",
        "(-9223372036854775808) // -1",
        "(-9223372036854775808) % -1",
        "abs(-9223372036854775808)",
        "-9223372036854775808 * -1",
        "type(2**64 - 2**64)",
        "{2**64 - 2**63 - 2**63 + 5: 'five'}[5]",
        "{5: 'five'}[2**70 - 2**70 + 5]",
        "hash(2**61 - 1), hash(2**61), hash(-2**61), hash(2**64), hash(-1), hash(-(2**61 - 1) - 1)",
        "int(1e20), int(-1e300), int(1.5e19), int(2.0**63), int(-2.0**63)",
        "float(2**1023), float(2**1024 - 2**970), float(2**1024 - 2**969)",
        "float(2**1024)",
        "float(-2**1024)",
        "2**100 * 0.5",
        "2**1024 * 0.5",
        "2**1024 / 2**1000",
        "2**1024 / 3",
        "(10**400 + 1) / 10**399",
        "1 / 2**2000",
        "10**30 / 7",
        "(2**53 + 1) / 1, 9007199254740993 / 3",
        "2**2000 == float('inf'), 2**2000 < float('inf'), 2**2000 > 1e308",
        "2**53 + 1 == 2.0**53, 2**63 - 1 == 2.0**63, 2**63 == 2.0**63",
        "0 ** -1",
        "(2**70) ** -1",
        "2 ** -2",
        "pow(2**70, -1, 7), pow(3, -1, 2**70 + 1), pow(-5, 3, -7), pow(5, 0, -1)",
        "pow(4, -1, 8)",
        "pow(3, 5, 0)",
        "1 << -1",
        "-1 >> 1000, 1 >> 1000, -(2**100) >> 99, (2**100) >> 2**70",
        "(-2**100) & (2**80 - 1), (-2**100) | 12345, (-2**100) ^ (-2**90), ~(-2**100)",
        "str(10**4299)[-3:], len(str(10**4299))",
        "str(10**4300)",
        "repr(-10**4300)",
        "int('1' * 4300) % 1000",
        "int('1' * 4301)",
        "int('-' + '0' * 5000)",
        "int('f' * 5000, 16) % 1000",
        "int('1_000_000_000_000_000_000_000'), int('  -123456789012345678901234  ')",
        "hex(2**200), oct(-2**100), bin(2**70 + 1)",
        "f'{2**70:,}', f'{2**70:x}', f'{-2**70:>30}', f'{2**100:_}', f'{2**64:e}'",
        "f'{2**70:c}'",
        "f'{2**1030:f}'",
        "format(10**4300, 'x')[:10]",
        "format(10**4300, ',')",
        "round(2**70, -5), round(2**70), round(-(2**70) - 5, -1), round(25 * 10**20, -21)",
        "round(15 * 10**19, -20), round(2**100, -200), round(1e20), round(-1.5e25)",
        "(2**100).bit_length(), (-2**100).bit_length(), (2**64 - 1).bit_length()",
        "math.factorial(30), math.factorial(100) % 10**20",
        "math.factorial(25) // math.factorial(23)",
        "math.prod([2**40, 3**40, 5**30])",
        "math.gcd(2**100, 6**50), math.gcd(-2**100, 0), math.gcd(0, 0)",
        "sum([2**62] * 10), sum([10**20, -10**20, 1])",
        "sorted([2**70, -2**70, 5, 1.5, 2.0**70, -1e30]), max([2**64, 2**64 + 1]), min(-2**64, 1.0)",
        "math.floor(1e20), math.ceil(-1e25), math.trunc(2.5e19), math.floor(2**70)",
        "math.sqrt(2**100), math.sqrt(2**2000)",
        "json.dumps({'a': [2**70, -2**64]})",
        "2**70 in {2**70: 1}, 2.0**70 in {2**70: 1}, 2**70 in {2.0**70}",
        "bool(2**70), not 2**70, 2**70 and 1, int(2**70), int(-2**70)",
        "divmod(2**100, -7), divmod(-2**100, 7), divmod(-2**100, -7), divmod(2**100, 2**100 + 1)",
        "divmod(2**100, 0)",
        "2**100 % 0",
        "2**100 // 0",
        "2**100 / 0",
        "[1] * 2**70",
        "'ab' * 2**70",
        "range(10)[2**70]",
        "chr(2**70)",
        "int('12345678901234567890123', 0), int('0x' + 'ff' * 20, 0)",
        "12345678901234567890123456789 * 98765432109876543210987654321",
        "(12345678901234567890123456789 ** 5) // (98765432109876543210 ** 3)",
        "(2**200 + 12345) % (2**100 - 3), (-(2**200) - 1) // (2**64 + 7)",
        "10 ** 1000 // 10 ** 999, (10 ** 1000 - 1) // (10 ** 500 + 1)",
        "1_000_000_000_000_000_000_000, 0xffffffffffffffffffff, 0o7777777777777777777777777, 0b1111111111111111111111111111111111111111111111111111111111111111111111",
        "-9223372036854775808, type(-9223372036854775808)",
        "isinstance(2**70, int), type(2**70).__name__",
        "'%d|%x|%X|%#o|%30d|%-30d|%e|%i' % (2**70, 2**70, -2**70, 2**70, -2**70, 2**70, 2**70, -2**64)",
        "'%c' % 2**70",
        "'%s %r %5.2f' % (2**70, -2**70, 2**70)",
        "'%f' % 2**1024",
        "(0.5).as_integer_ratio(), (1e300).as_integer_ratio(), (-2.5e-300).as_integer_ratio()[0], (2**70).as_integer_ratio()",
        "float('inf').as_integer_ratio()",
        "5e-324 .as_integer_ratio()[1] == 2**1074",
    ];
    let exprs: Vec<String> = cases.iter().map(|s| s.to_string()).collect();
    let bad = compare(&exprs);
    assert_eq!(
        bad,
        0,
        "{bad} of {} edge cases disagree with CPython",
        exprs.len()
    );
}

#[test]
fn huge_results_are_refused_quickly() {
    let start = std::time::Instant::now();
    let src = "import math\nfor f in [lambda: 10**10**10, lambda: 2**(2**40), lambda: 1 << 10**12, lambda: 7**123456789, lambda: (10**50000)**3, lambda: math.factorial(10**8)]:\n    try:\n        f()\n        print('no error')\n    except MemoryError:\n        print('MemoryError')\n";
    let o = run_virtual(src);
    let lines: Vec<String> = o.lines.into_iter().map(|l| l.text).collect();
    assert_eq!(lines, vec!["MemoryError"; 6], "{}", o.ending);
    assert!(
        start.elapsed().as_secs_f64() < 5.0,
        "refusals took {:?}",
        start.elapsed()
    );
}
