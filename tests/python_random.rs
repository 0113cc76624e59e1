//! `python::random` against the machine's CPython 3.11: for many seeds, a
//! sequence of calls is replayed by one `python3` process and every result
//! compared exactly (floats by repr, which round-trips their bits).
//! python3 missing is a failure, never a skip.

use async_playground::python::format::{float_repr, BuiltinError};
use async_playground::python::random::{sha512, Random};
use std::io::Write;
use std::process::{Command, Stdio};

const ORACLE: &str = r#"
import sys, random
def fmt(v):
    if isinstance(v, list): return '[' + ','.join(fmt(x) for x in v) + ']'
    return repr(v)
out = []
r = random.Random()
for line in sys.stdin:
    p = line.split()
    if p[0] == 'seq':
        if out: print(' | '.join(out))
        out = []
        kind, val = p[1], p[2]
        if kind == 'int': r.seed(int(val))
        elif kind == 'str': r.seed(bytes.fromhex('' if val == '-' else val).decode())
        elif kind == 'float': r.seed(float(val))
        continue
    op, a = p[0], p[1:]
    try:
        if op == 'random': v = r.random()
        elif op == 'bits': v = r.getrandbits(int(a[0]))
        elif op == 'rr1': v = r.randrange(int(a[0]))
        elif op == 'rr2': v = r.randrange(int(a[0]), int(a[1]))
        elif op == 'rr3': v = r.randrange(int(a[0]), int(a[1]), int(a[2]))
        elif op == 'randint': v = r.randint(int(a[0]), int(a[1]))
        elif op == 'choice': v = r.choice(range(int(a[0])))
        elif op == 'shuffle':
            x = list(range(int(a[0]))); r.shuffle(x); v = x
        elif op == 'sample': v = r.sample(range(int(a[0])), int(a[1]))
        elif op == 'uniform': v = r.uniform(float(a[0]), float(a[1]))
        elif op == 'gauss': v = r.gauss(float(a[0]), float(a[1]))
        elif op == 'normal': v = r.normalvariate(float(a[0]), float(a[1]))
        elif op == 'expo': v = r.expovariate(float(a[0]))
        elif op == 'tri': v = r.triangular(float(a[0]), float(a[1]))
        elif op == 'trim': v = r.triangular(float(a[0]), float(a[1]), float(a[2]))
        elif op == 'choices': v = r.choices(range(int(a[0])), k=int(a[1]))
        elif op == 'choicesw':
            w = [float(x) for x in a[2:]]
            v = r.choices(range(int(a[0])), weights=w, k=int(a[1]))
        else: raise Exception(op)
        out.append(fmt(v))
    except Exception as e:
        out.append(type(e).__name__ + ': ' + str(e))
print(' | '.join(out))
"#;

fn run_python(input: &str) -> Vec<String> {
    let mut child = Command::new("python3")
        .arg("-c")
        .arg(ORACLE)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("python3 (CPython 3.11) must be installed to run these tests");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()).unwrap());
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(out.status.success(), "python3 failed");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

fn list(v: &[usize]) -> String {
    let items: Vec<String> = v.iter().map(usize::to_string).collect();
    format!("[{}]", items.join(","))
}

fn res<T>(r: Result<T, BuiltinError>, f: impl Fn(T) -> String) -> String {
    match r {
        Ok(v) => f(v),
        Err(e) => format!("{}: {}", e.kind.name(), e.message),
    }
}

/// One call: the line python3 reads, and our answer.
fn step(g: &mut Random, r: &mut Random) -> (String, String) {
    let pick = g.randbelow(17);
    let small = |g: &mut Random| g.randbelow(40) as i64 - 10;
    match pick {
        0 => ("random".into(), float_repr(r.random())),
        1 => {
            let k = g.randbelow(129) as u32;
            (format!("bits {k}"), r.getrandbits(k).unwrap().to_string())
        }
        2 => {
            let a = small(g);
            (
                format!("rr1 {a}"),
                res(r.randrange(a, None, None), |v| v.to_string()),
            )
        }
        3 => {
            let (a, b) = if g.randbelow(4) == 0 {
                (i64::MIN + 5, i64::MAX - g.randbelow(1000) as i64)
            } else {
                (small(g), small(g) * 1000)
            };
            (
                format!("rr2 {a} {b}"),
                res(r.randrange(a, Some(b), None), |v| v.to_string()),
            )
        }
        4 => {
            let (a, b, c) = (small(g), small(g) * 7, small(g) / 3);
            (
                format!("rr3 {a} {b} {c}"),
                res(r.randrange(a, Some(b), Some(c)), |v| v.to_string()),
            )
        }
        5 => {
            let (a, b) = (small(g), small(g) * 100);
            (
                format!("randint {a} {b}"),
                res(r.randint(a, b), |v| v.to_string()),
            )
        }
        6 => {
            let n = g.randbelow(30) as usize;
            (format!("choice {n}"), res(r.choice(n), |v| v.to_string()))
        }
        7 => {
            let n = g.randbelow(30) as usize;
            let mut x: Vec<usize> = (0..n).collect();
            r.shuffle(&mut x);
            (format!("shuffle {n}"), list(&x))
        }
        8 => {
            let n = if g.randbelow(2) == 0 {
                g.randbelow(30)
            } else {
                g.randbelow(3000)
            } as usize;
            let k = g.randbelow(n as u128 + 3) as i64 - 1;
            let k = if n > 100 { k % 60 } else { k };
            (format!("sample {n} {k}"), res(r.sample(n, k), |v| list(&v)))
        }
        9 => {
            let (a, b) = (g.random() * 10.0 - 5.0, g.random() * 100.0);
            (
                format!("uniform {} {}", float_repr(a), float_repr(b)),
                float_repr(r.uniform(a, b)),
            )
        }
        10 | 11 => {
            let (m, s) = (g.random() * 10.0, g.random() * 3.0);
            (
                format!("gauss {} {}", float_repr(m), float_repr(s)),
                float_repr(r.gauss(m, s)),
            )
        }
        12 => {
            let (m, s) = (g.random() * 10.0, g.random() * 3.0);
            (
                format!("normal {} {}", float_repr(m), float_repr(s)),
                float_repr(r.normalvariate(m, s)),
            )
        }
        13 => {
            let l = [0.5, 1.0, 2.0, 0.0, -1.5][g.randbelow(5) as usize];
            (
                format!("expo {}", float_repr(l)),
                res(r.expovariate(l), float_repr),
            )
        }
        14 => {
            let (a, b) = (g.random() * 10.0, g.random() * 20.0);
            if g.randbelow(2) == 0 {
                (
                    format!("tri {} {}", float_repr(a), float_repr(b)),
                    float_repr(r.triangular(a, b, None)),
                )
            } else {
                let m = g.random() * 20.0;
                (
                    format!("trim {} {} {}", float_repr(a), float_repr(b), float_repr(m)),
                    float_repr(r.triangular(a, b, Some(m))),
                )
            }
        }
        15 => {
            let (n, k) = (1 + g.randbelow(20) as usize, g.randbelow(6) as usize);
            (
                format!("choices {n} {k}"),
                res(r.choices(n, None, None, k), |v| list(&v)),
            )
        }
        _ => {
            let (n, k) = (1 + g.randbelow(8) as usize, g.randbelow(6) as usize);
            let w: Vec<f64> = (0..n).map(|_| g.randbelow(5) as f64 * 0.5).collect();
            let ws: Vec<String> = w.iter().map(|x| float_repr(*x)).collect();
            (
                format!("choicesw {n} {k} {}", ws.join(" ")),
                res(r.choices(n, Some(&w), None, k), |v| list(&v)),
            )
        }
    }
}

#[test]
fn random_agrees_with_cpython() {
    let mut g = Random::new(7);
    let mut input = String::new();
    let mut ours: Vec<String> = Vec::new();
    let mut seeds = Vec::new();
    let mut op_lines: Vec<Vec<String>> = Vec::new();
    for s in [
        0i64,
        1,
        -1,
        42,
        12345,
        i64::MAX,
        i64::MIN,
        1 << 32,
        (1 << 32) - 1,
        -(1 << 40),
    ] {
        seeds.push(("int", s.to_string()));
    }
    for _ in 0..1000 {
        seeds.push((
            "int",
            (g.getrandbits(64).unwrap() as u64 as i64 >> g.randbelow(64)).to_string(),
        ));
    }
    for s in [
        "",
        "a",
        "hello",
        "日本語",
        "a longer seed string, with spaces and punctuation!",
    ] {
        seeds.push(("str", s.to_string()));
    }
    for x in [
        "0.5",
        "1.0",
        "-2.5",
        "3.141592653589793",
        "1e+300",
        "5e-324",
        "inf",
        "-inf",
        "123456.789",
    ] {
        seeds.push(("float", x.to_string()));
    }
    for (kind, val) in &seeds {
        let mut r = Random::new(0);
        let enc = match *kind {
            "int" => {
                r.seed_int(val.parse().unwrap());
                val.clone()
            }
            "str" => {
                r.seed_str(val);
                val.bytes().map(|b| format!("{b:02x}")).collect::<String>()
            }
            _ => {
                r.seed_float(val.parse().unwrap());
                val.clone()
            }
        };
        // The empty string's hex is empty: give python3 a placeholder.
        let enc = if enc.is_empty() { "-".to_string() } else { enc };
        input.push_str(&format!("seq {kind} {enc}\n"));
        let mut results = Vec::new();
        let mut lines = Vec::new();
        let n = 5 + g.randbelow(40);
        for _ in 0..n {
            let (line, mine) = step(&mut g, &mut r);
            input.push_str(&line);
            input.push('\n');
            lines.push(line);
            results.push(mine);
        }
        ours.push(results.join(" | "));
        op_lines.push(lines);
    }
    let theirs = run_python(&input);
    assert_eq!(theirs.len(), ours.len(), "python3 answered every sequence");
    let mut agree = 0;
    let mut failures = Vec::new();
    for (i, (mine, cp)) in ours.iter().zip(&theirs).enumerate() {
        if mine == cp {
            agree += 1;
        } else if failures.len() < 10 {
            let a: Vec<&str> = mine.split(" | ").collect();
            let b: Vec<&str> = cp.split(" | ").collect();
            let at = (0..a.len()).find(|&j| b.get(j) != Some(&a[j])).unwrap_or(0);
            failures.push(format!(
                "seed {:?}, call {at}: {}\n   ours:    {}\n   CPython: {}",
                seeds[i],
                op_lines[i][at],
                a[at],
                b.get(at).unwrap_or(&"")
            ));
        }
    }
    println!(
        "random: {agree} of {} sequences agree with CPython",
        ours.len()
    );
    assert!(
        failures.is_empty(),
        "disagreements:\n{}",
        failures.join("\n")
    );
}

#[test]
fn sha512_known_answer() {
    let hex: String = sha512(b"abc").iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(
        hex,
        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a\
         2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
    );
}

#[test]
fn errors_and_edges() {
    let mut r = Random::new(1);
    assert_eq!(
        r.randrange(3, Some(3), None).unwrap_err().message,
        "empty range for randrange() (3, 3, 0)"
    );
    assert_eq!(
        r.randrange(0, None, None).unwrap_err().message,
        "empty range for randrange()"
    );
    assert_eq!(
        r.randrange(1, Some(5), Some(0)).unwrap_err().message,
        "zero step for randrange()"
    );
    assert_eq!(
        r.choice(0).unwrap_err().message,
        "Cannot choose from an empty sequence"
    );
    assert_eq!(
        r.sample(3, 4).unwrap_err().message,
        "Sample larger than population or is negative"
    );
    assert_eq!(r.getrandbits_words(0), Vec::<u32>::new());
    assert_eq!(r.getrandbits_words(200).len(), 7);
    assert!(r.getrandbits(129).is_err());
}
