//! The Python parser against CPython 3.11's `compile()`: a corpus of valid
//! and invalid programs (`tests/python_parser/{valid,invalid}/*.py`) judged
//! by `scripts/compile_check.py`, AST shape checks, a fuzzing proptest and
//! a speed figure.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use async_playground::python::ast::*;
use async_playground::python::parser::parse;

// ---------------------------------------------------------------------------
// A small JSON reader for compile_check.py's output.

#[derive(Debug, Clone, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(BTreeMap<String, Json>),
}

struct JsonReader<'a> {
    s: &'a [u8],
    i: usize,
}

impl JsonReader<'_> {
    fn ws(&mut self) {
        while self.s.get(self.i).is_some_and(|c| c.is_ascii_whitespace()) {
            self.i += 1;
        }
    }

    fn value(&mut self) -> Json {
        self.ws();
        match self.s.get(self.i).copied() {
            Some(b'{') => {
                self.i += 1;
                let mut m = BTreeMap::new();
                loop {
                    self.ws();
                    if self.s.get(self.i) == Some(&b'}') {
                        self.i += 1;
                        break;
                    }
                    let Json::Str(k) = self.value() else {
                        panic!("bad key")
                    };
                    self.ws();
                    assert_eq!(self.s.get(self.i), Some(&b':'));
                    self.i += 1;
                    let v = self.value();
                    m.insert(k, v);
                    self.ws();
                    if self.s.get(self.i) == Some(&b',') {
                        self.i += 1;
                    }
                }
                Json::Obj(m)
            }
            Some(b'[') => {
                self.i += 1;
                let mut v = Vec::new();
                loop {
                    self.ws();
                    if self.s.get(self.i) == Some(&b']') {
                        self.i += 1;
                        break;
                    }
                    v.push(self.value());
                    self.ws();
                    if self.s.get(self.i) == Some(&b',') {
                        self.i += 1;
                    }
                }
                Json::Arr(v)
            }
            Some(b'"') => {
                self.i += 1;
                let mut out: Vec<u16> = Vec::new();
                let mut bytes = Vec::new();
                loop {
                    let c = self.s[self.i];
                    self.i += 1;
                    match c {
                        b'"' => break,
                        b'\\' => {
                            let e = self.s[self.i];
                            self.i += 1;
                            let ch = match e {
                                b'n' => '\n',
                                b't' => '\t',
                                b'r' => '\r',
                                b'b' => '\u{8}',
                                b'f' => '\u{c}',
                                b'/' => '/',
                                b'\\' => '\\',
                                b'"' => '"',
                                b'u' => {
                                    let h =
                                        std::str::from_utf8(&self.s[self.i..self.i + 4]).unwrap();
                                    self.i += 4;
                                    let unit = u16::from_str_radix(h, 16).unwrap();
                                    out.extend(
                                        String::from_utf8(std::mem::take(&mut bytes))
                                            .unwrap()
                                            .encode_utf16(),
                                    );
                                    out.push(unit);
                                    continue;
                                }
                                _ => panic!("bad escape"),
                            };
                            let mut b = [0u8; 4];
                            bytes.extend_from_slice(ch.encode_utf8(&mut b).as_bytes());
                        }
                        _ => bytes.push(c),
                    }
                }
                out.extend(String::from_utf8(bytes).unwrap().encode_utf16());
                Json::Str(String::from_utf16_lossy(&out))
            }
            Some(b't') => {
                self.i += 4;
                Json::Bool(true)
            }
            Some(b'f') => {
                self.i += 5;
                Json::Bool(false)
            }
            Some(b'n') => {
                self.i += 4;
                Json::Null
            }
            _ => {
                let start = self.i;
                while self
                    .s
                    .get(self.i)
                    .is_some_and(|c| c.is_ascii_digit() || b"-+.eE".contains(c))
                {
                    self.i += 1;
                }
                Json::Num(
                    std::str::from_utf8(&self.s[start..self.i])
                        .unwrap()
                        .parse()
                        .unwrap(),
                )
            }
        }
    }
}

fn parse_json(s: &str) -> Json {
    JsonReader {
        s: s.as_bytes(),
        i: 0,
    }
    .value()
}

// ---------------------------------------------------------------------------
// The corpus.

#[derive(Debug, Clone, PartialEq)]
struct Verdict {
    ok: bool,
    typ: String,
    msg: String,
    line: u32,
    col: u32,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python_parser")
}

fn corpus_files(sub: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(corpus_dir().join(sub))
        .unwrap_or_else(|e| panic!("reading the {sub} corpus: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    v.sort();
    v
}

fn cpython(files: &[PathBuf]) -> BTreeMap<String, Verdict> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/compile_check.py");
    let out = Command::new("python3")
        .arg(&script)
        .args(files)
        .output()
        .expect("python3 is needed to run CPython's compile() on the corpus; install Python 3.11");
    assert!(
        out.status.success(),
        "compile_check.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let version = Command::new("python3")
        .args(["-c", "import sys; print(sys.version_info[:2])"])
        .output()
        .expect("python3");
    let version = String::from_utf8_lossy(&version.stdout).trim().to_string();
    assert_eq!(
        version, "(3, 11)",
        "the corpus is judged by CPython 3.11, found {version}"
    );
    let Json::Obj(m) = parse_json(&String::from_utf8_lossy(&out.stdout)) else {
        panic!("compile_check.py printed no object")
    };
    m.into_iter()
        .map(|(k, v)| {
            let Json::Obj(o) = v else { panic!("bad entry") };
            let get_s = |k: &str| match o.get(k) {
                Some(Json::Str(s)) => s.clone(),
                _ => String::new(),
            };
            let get_n = |k: &str| match o.get(k) {
                Some(Json::Num(n)) => *n as u32,
                _ => 0,
            };
            let verdict = Verdict {
                ok: o.get("ok") == Some(&Json::Bool(true)),
                typ: get_s("type"),
                msg: get_s("msg"),
                line: get_n("line"),
                col: get_n("col"),
            };
            (k, verdict)
        })
        .collect()
}

fn ours(src: &str) -> Verdict {
    match parse(src) {
        Ok(_) => Verdict {
            ok: true,
            typ: String::new(),
            msg: String::new(),
            line: 0,
            col: 0,
        },
        Err(e) => Verdict {
            ok: false,
            typ: e.kind.name().to_string(),
            msg: e.msg,
            line: e.line,
            col: e.col,
        },
    }
}

#[test]
fn corpus_agrees_with_cpython() {
    let valid = corpus_files("valid");
    let invalid = corpus_files("invalid");
    assert!(valid.len() >= 150, "only {} valid programs", valid.len());
    assert!(
        invalid.len() >= 120,
        "only {} invalid programs",
        invalid.len()
    );
    let all: Vec<PathBuf> = valid.iter().chain(&invalid).cloned().collect();
    let judged = cpython(&all);
    let mut agree = 0;
    let mut errors = 0;
    let mut col_agree = 0;
    let mut failures = Vec::new();
    let mut col_diffs = Vec::new();
    for path in &all {
        let key = path.to_string_lossy().to_string();
        let theirs = judged
            .get(&key)
            .unwrap_or_else(|| panic!("no verdict for {key}"));
        let is_valid_dir = valid.contains(path);
        assert_eq!(
            theirs.ok, is_valid_dir,
            "{key}: CPython says ok={} but the file is in the wrong folder",
            theirs.ok
        );
        let src = std::fs::read_to_string(path).unwrap();
        let mine = ours(&src);
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let same = mine.ok == theirs.ok
            && (mine.ok
                || (mine.typ == theirs.typ && mine.msg == theirs.msg && mine.line == theirs.line));
        if same {
            agree += 1;
        } else {
            failures.push(format!(
                "{name}:\n    CPython: {theirs:?}\n    ours:    {mine:?}"
            ));
        }
        if !theirs.ok {
            errors += 1;
            if same && mine.col == theirs.col {
                col_agree += 1;
            } else if same {
                col_diffs.push(format!(
                    "{name}: col CPython {} ours {}",
                    theirs.col, mine.col
                ));
            }
        }
    }
    println!(
        "parser: {agree} of {} programs agree with CPython's compile()",
        all.len()
    );
    println!("parser: {col_agree} of {errors} errors agree on the column too");
    for d in &col_diffs {
        println!("  column differs: {d}");
    }
    assert!(
        failures.is_empty(),
        "{} disagreements:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Programs CPython accepts but the playground refuses on purpose.
#[test]
fn playground_limits() {
    // Ints are arbitrary precision: big literals parse (a decimal one over
    // 4300 digits is CPython 3.11's own error).
    for src in [
        "x = 9223372036854775808\n",
        "x = 99999999999999999999999\n",
        "x = 0xFFFFFFFFFFFFFFFFF\n",
        "x = 0b1_0000000000000000000000000000000000000000000000000000000000000000\n",
    ] {
        let m = parse(src).unwrap_or_else(|e| panic!("{src:?}: {e:?}"));
        let StmtKind::Assign { value, .. } = &m.body[0].kind else {
            panic!()
        };
        assert!(matches!(value.kind, ExprKind::BigInt(_)), "{src:?}");
    }
    let e = parse(&format!("x = {}\n", "7".repeat(4301))).expect_err("4301 digits");
    assert!(
        e.msg.starts_with(
            "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits"
        ),
        "{}",
        e.msg
    );
    // `except*` parses (exception groups are supported).
    let m = parse("try:\n    pass\nexcept* ValueError:\n    pass\n").expect("except*");
    let StmtKind::Try { handlers, .. } = &m.body[0].kind else {
        panic!()
    };
    assert!(handlers[0].star);
    // Imaginary literals parse (complex numbers are supported).
    for (src, want) in [
        ("x = 1j\n", 1.0),
        ("x = 1.5J\n", 1.5),
        ("x = 1e3j\n", 1000.0),
    ] {
        let m = parse(src).unwrap_or_else(|e| panic!("{src:?}: {e:?}"));
        let StmtKind::Assign { value, .. } = &m.body[0].kind else {
            panic!()
        };
        assert!(
            matches!(value.kind, ExprKind::Imag(v) if v == want),
            "{src:?}"
        );
        assert!(value.simple, "{src:?}");
    }
    assert!(parse("match x:\n    case 1 + 2j:\n        pass\n").is_ok());
    // The smallest int still fits.
    let m = parse("x = -9223372036854775808\n").unwrap();
    let StmtKind::Assign { value, .. } = &m.body[0].kind else {
        panic!()
    };
    assert_eq!(value.kind, ExprKind::Int(i64::MIN));
}

// ---------------------------------------------------------------------------
// AST shapes (positions checked against python3 -c "import ast; ...").

fn expr_of(src: &str) -> Expr {
    let m = parse(src).unwrap_or_else(|e| panic!("{src:?}: {e:?}"));
    match m.body.into_iter().next().map(|s| s.kind) {
        Some(StmtKind::Expr(e)) => e,
        Some(StmtKind::Assign { value, .. }) => value,
        other => panic!("{src:?}: {other:?}"),
    }
}

fn int(v: i64) -> ExprKind {
    ExprKind::Int(v)
}

#[test]
fn precedence_shapes() {
    // -x**2 is -(x**2)
    let e = expr_of("-2 ** 2\n");
    let ExprKind::UnaryOp(UnaryOp::Neg, inner) = &e.kind else {
        panic!("{e:?}")
    };
    let ExprKind::BinOp(a, BinOp::Pow, b) = &inner.kind else {
        panic!()
    };
    assert_eq!((a.kind.clone(), b.kind.clone()), (int(2), int(2)));
    // ** is right-associative; 2 ** -1 takes a unary operand
    let e = expr_of("2 ** 3 ** 2\n");
    let ExprKind::BinOp(a, BinOp::Pow, rest) = &e.kind else {
        panic!()
    };
    assert_eq!(a.kind, int(2));
    assert!(matches!(&rest.kind, ExprKind::BinOp(_, BinOp::Pow, _)));
    let e = expr_of("2 ** -1\n");
    let ExprKind::BinOp(_, BinOp::Pow, r) = &e.kind else {
        panic!()
    };
    assert!(matches!(r.kind, ExprKind::UnaryOp(UnaryOp::Neg, _)));
    // 1 + 2 * 3 - 4: (1 + (2*3)) - 4
    let e = expr_of("1 + 2 * 3 - 4\n");
    let ExprKind::BinOp(l, BinOp::Sub, r) = &e.kind else {
        panic!()
    };
    assert_eq!(r.kind, int(4));
    let ExprKind::BinOp(_, BinOp::Add, m) = &l.kind else {
        panic!()
    };
    assert!(matches!(m.kind, ExprKind::BinOp(_, BinOp::Mult, _)));
    // | < ^ < & < shifts < + < *
    let e = expr_of("a | b ^ c & d << e + f * g\n");
    let ExprKind::BinOp(_, BinOp::BitOr, r) = &e.kind else {
        panic!()
    };
    let ExprKind::BinOp(_, BinOp::BitXor, r) = &r.kind else {
        panic!()
    };
    let ExprKind::BinOp(_, BinOp::BitAnd, r) = &r.kind else {
        panic!()
    };
    let ExprKind::BinOp(_, BinOp::LShift, r) = &r.kind else {
        panic!()
    };
    let ExprKind::BinOp(_, BinOp::Add, r) = &r.kind else {
        panic!()
    };
    assert!(matches!(r.kind, ExprKind::BinOp(_, BinOp::Mult, _)));
    // not binds looser than comparisons, and/or
    let e = expr_of("not a == b or c and d\n");
    let ExprKind::BoolOp(BoolOp::Or, v) = &e.kind else {
        panic!()
    };
    assert!(matches!(v[0].kind, ExprKind::UnaryOp(UnaryOp::Not, _)));
    assert!(matches!(v[1].kind, ExprKind::BoolOp(BoolOp::And, _)));
    // chained comparison with is not / not in
    let e = expr_of("a < b is not c not in d\n");
    let ExprKind::Compare(_, ops) = &e.kind else {
        panic!()
    };
    let ops: Vec<CmpOp> = ops.iter().map(|(o, _)| *o).collect();
    assert_eq!(ops, vec![CmpOp::Lt, CmpOp::IsNot, CmpOp::NotIn]);
    // conditional is right-nested
    let e = expr_of("a if b else c if d else e\n");
    let ExprKind::IfExp { orelse, .. } = &e.kind else {
        panic!()
    };
    assert!(matches!(orelse.kind, ExprKind::IfExp { .. }));
    // await binds tighter than **
    let src = "async def f():\n    return await x ** 2\n";
    let m = parse(src).unwrap();
    let StmtKind::FunctionDef(f) = &m.body[0].kind else {
        panic!()
    };
    let StmtKind::Return(Some(r)) = &f.body[0].kind else {
        panic!()
    };
    let ExprKind::BinOp(a, BinOp::Pow, _) = &r.kind else {
        panic!()
    };
    assert!(matches!(a.kind, ExprKind::Await(_)));
    // slices and tuples of slices
    let e = expr_of("a[1:2, ::3, x]\n");
    let ExprKind::Subscript(_, idx) = &e.kind else {
        panic!()
    };
    let ExprKind::Tuple(v) = &idx.kind else {
        panic!()
    };
    assert!(matches!(v[0].kind, ExprKind::Slice(Some(_), Some(_), None)));
    assert!(matches!(v[1].kind, ExprKind::Slice(None, None, Some(_))));
    assert!(matches!(v[2].kind, ExprKind::Name(_)));
    // call argument kinds and a generator argument
    let e = expr_of("f(a, *b, c=1, **d)\n");
    let ExprKind::Call(_, args) = &e.kind else {
        panic!()
    };
    assert!(matches!(
        args.as_slice(),
        [Arg::Pos(_), Arg::Star(_), Arg::Kw(_, _), Arg::StarStar(_)]
    ));
    let e = expr_of("f(x for x in y)\n");
    let ExprKind::Call(_, args) = &e.kind else {
        panic!()
    };
    assert!(matches!(
        args.as_slice(),
        [Arg::Pos(Expr {
            kind: ExprKind::GeneratorExp(..),
            ..
        })]
    ));
    assert!(!e.simple);
    assert!(expr_of("a.b[1] + -c\n").simple);
}

#[test]
fn literal_shapes() {
    assert_eq!(expr_of("0x1F\n").kind, int(31));
    assert_eq!(expr_of("0o17\n").kind, int(15));
    assert_eq!(expr_of("0b1010\n").kind, int(10));
    assert_eq!(expr_of("1_000\n").kind, int(1000));
    assert_eq!(expr_of("1e3\n").kind, ExprKind::Float(1000.0));
    assert_eq!(expr_of("2.\n").kind, ExprKind::Float(2.0));
    assert_eq!(expr_of(".5\n").kind, ExprKind::Float(0.5));
    assert_eq!(
        expr_of("'a\\tb\\x41\\u00e9\\n' 'c'\n").kind,
        ExprKind::Str("a\tbAé\nc".into())
    );
    assert_eq!(expr_of("r'\\n'\n").kind, ExprKind::Str("\\n".into()));
    assert_eq!(expr_of("'ab\\\ncd'\n").kind, ExprKind::Str("abcd".into()));
    assert_eq!(
        expr_of("b'a\\x00' b'c'\n").kind,
        ExprKind::Bytes(b"a\0c".to_vec().into())
    );
    assert_eq!(expr_of("...\n").kind, ExprKind::Ellipsis);
    assert_eq!(expr_of("None\n").kind, ExprKind::NoneLit);
}

#[test]
fn fstring_shapes() {
    // str + f-string + str: one FString
    let e = expr_of("'a' f'{x!r:>{w}}' 'b{{'\n");
    let ExprKind::FString(parts) = &e.kind else {
        panic!("{e:?}")
    };
    assert_eq!(parts.len(), 3);
    assert_eq!(parts[0], FPart::Lit("a".into()));
    let FPart::Field {
        expr,
        conversion,
        spec,
        debug,
    } = &parts[1]
    else {
        panic!()
    };
    assert_eq!(expr.kind, ExprKind::Name("x".into()));
    assert_eq!(*conversion, Some('r'));
    assert_eq!(debug, &None);
    let spec = spec.as_ref().unwrap();
    assert_eq!(spec[0], FPart::Lit(">".into()));
    assert!(
        matches!(&spec[1], FPart::Field { expr, .. } if expr.kind == ExprKind::Name("w".into()))
    );
    assert_eq!(parts[2], FPart::Lit("b{{".into()));
    // debug form keeps its text; conversion r unless spec/conversion
    let e = expr_of("f'{x = }{y=:>3}{z=!s}{{}}'\n");
    let ExprKind::FString(parts) = &e.kind else {
        panic!()
    };
    let fields: Vec<(Option<char>, Option<Name>)> = parts
        .iter()
        .filter_map(|p| match p {
            FPart::Field {
                conversion, debug, ..
            } => Some((*conversion, debug.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(
        fields,
        vec![
            (Some('r'), Some("x = ".into())),
            (None, Some("y=".into())),
            (Some('s'), Some("z=".into()))
        ]
    );
    assert_eq!(parts.last(), Some(&FPart::Lit("{}".into())));
    // positions inside an f-string are real: x = f"ab{y}" has y at col 9
    let m = parse("x = f\"ab{y}\"\n").unwrap();
    let StmtKind::Assign { value, .. } = &m.body[0].kind else {
        panic!()
    };
    let ExprKind::FString(parts) = &value.kind else {
        panic!()
    };
    let FPart::Field { expr, .. } = &parts[1] else {
        panic!()
    };
    assert_eq!(expr.pos, Pos::new(1, 9));
    assert_eq!(value.pos, Pos::new(1, 4));
    // and on later lines of a triple-quoted f-string
    let m = parse("x=f\"\"\"\nab{y}\n  {z}\"\"\"\n").unwrap();
    let StmtKind::Assign { value, .. } = &m.body[0].kind else {
        panic!()
    };
    let ExprKind::FString(parts) = &value.kind else {
        panic!()
    };
    let poss: Vec<Pos> = parts
        .iter()
        .filter_map(|p| match p {
            FPart::Field { expr, .. } => Some(expr.pos),
            _ => None,
        })
        .collect();
    assert_eq!(poss, vec![Pos::new(2, 3), Pos::new(3, 3)]);
}

#[test]
fn positions_and_flags() {
    // Checked with python3 -c "import ast; print(ast.dump(ast.parse(src), include_attributes=True))"
    let src = "import asyncio\n\n@deco\nasync def main(a, b=1):\n    x = await f(a)[0].y\n    return x\n\nclass C(Base, metaclass=M):\n    def g(self):\n        yield 1\n        def h():\n            return 2\n";
    let m = parse(src).unwrap();
    let StmtKind::FunctionDef(f) = &m.body[1].kind else {
        panic!()
    };
    assert_eq!(f.pos, Pos::new(4, 0));
    assert_eq!(m.body[1].pos, Pos::new(4, 0));
    assert!(f.is_async && !f.is_generator);
    assert_eq!(f.decorators[0].pos, Pos::new(3, 1));
    assert_eq!(f.params.args.len(), 2);
    let StmtKind::Assign { targets, value } = &f.body[0].kind else {
        panic!()
    };
    assert_eq!(targets[0].pos, Pos::new(5, 4));
    assert_eq!(value.pos, Pos::new(5, 8));
    let ExprKind::Await(inner) = &value.kind else {
        panic!()
    };
    assert_eq!(inner.pos, Pos::new(5, 14));
    let StmtKind::ClassDef(c) = &m.body[2].kind else {
        panic!()
    };
    assert_eq!(c.pos, Pos::new(8, 0));
    assert_eq!(c.bases.len(), 1);
    assert_eq!(&*c.keywords[0].0, "metaclass");
    let StmtKind::FunctionDef(g) = &c.body[0].kind else {
        panic!()
    };
    assert!(g.is_generator, "yield in g's own body");
    let StmtKind::FunctionDef(h) = &g.body[1].kind else {
        panic!()
    };
    assert!(!h.is_generator);
    // yield inside a nested lambda does not make the outer a generator
    let m = parse("def f():\n    return lambda: (yield)\n").unwrap();
    let StmtKind::FunctionDef(f) = &m.body[0].kind else {
        panic!()
    };
    assert!(!f.is_generator);
    let StmtKind::Return(Some(l)) = &f.body[0].kind else {
        panic!()
    };
    let ExprKind::Lambda(lf) = &l.kind else {
        panic!()
    };
    assert!(lf.is_generator);
    // async generator
    let m = parse("async def f():\n    yield 1\n").unwrap();
    let StmtKind::FunctionDef(f) = &m.body[0].kind else {
        panic!()
    };
    assert!(f.is_async && f.is_generator);
    // elif is an If alone in orelse
    let m = parse("if a:\n    pass\nelif b:\n    pass\nelse:\n    x = 1\n").unwrap();
    let StmtKind::If { orelse, .. } = &m.body[0].kind else {
        panic!()
    };
    assert_eq!(orelse.len(), 1);
    assert_eq!(orelse[0].pos, Pos::new(3, 0));
    // params of every kind
    let m =
        parse("def f(a, /, b: int = 1, *args: str, c, d=2, **kw) -> dict[str, int]:\n    pass\n")
            .unwrap();
    let StmtKind::FunctionDef(f) = &m.body[0].kind else {
        panic!()
    };
    let p = &f.params;
    assert_eq!(p.posonly.len(), 1);
    assert_eq!(p.args.len(), 1);
    assert!(p.args[0].annotation.is_some() && p.args[0].default.is_some());
    assert_eq!(p.vararg.as_ref().map(|a| &*a.name), Some("args"));
    assert_eq!(p.kwonly.len(), 2);
    assert_eq!(p.kwarg.as_ref().map(|a| &*a.name), Some("kw"));
    assert!(f.returns.is_some());
    // import forms
    let m = parse("from ..a.b import (c as d, e,)\nimport x.y as z\n").unwrap();
    let StmtKind::ImportFrom {
        module,
        names,
        level,
    } = &m.body[0].kind
    else {
        panic!()
    };
    assert_eq!((&**module, *level, names.len()), ("a.b", 2, 2));
    let StmtKind::Import(al) = &m.body[1].kind else {
        panic!()
    };
    assert_eq!(&*al[0].name, "x.y");
    // tuple positions: a bare tuple starts at its first element; (a, b) at '('
    let m = parse("x = 1, 2\ny = (3, 4)\n").unwrap();
    let StmtKind::Assign { value, .. } = &m.body[0].kind else {
        panic!()
    };
    assert_eq!(value.pos, Pos::new(1, 4));
    let StmtKind::Assign { value, .. } = &m.body[1].kind else {
        panic!()
    };
    assert_eq!(value.pos, Pos::new(2, 4));
    // a call's position is its function's; columns count characters
    let e = expr_of("é = naïve.f(1)\n");
    assert_eq!(e.pos, Pos::new(1, 4));
}

#[test]
fn error_rendering() {
    let src = "async def main():\n    print((1, 2)\n";
    let e = parse(src).unwrap_err();
    assert_eq!(
        e.render(src),
        "  File \"main.py\", line 2\n    print((1, 2)\n         ^\nSyntaxError: '(' was never closed"
    );
}

// ---------------------------------------------------------------------------
// Fuzzing: mutated corpus programs never panic, never overflow the stack,
// and finish quickly.

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    fn seeds() -> Vec<String> {
        corpus_files("valid")
            .into_iter()
            .chain(corpus_files("invalid"))
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect()
    }

    const TOKENS: &[&str] = &[
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        ":",
        ",",
        "=",
        "\n",
        "    ",
        "\t",
        "\\",
        "'",
        "\"",
        "\"\"\"",
        "f'{",
        "}",
        "async ",
        "await ",
        "yield ",
        "lambda ",
        "def ",
        "class ",
        "if ",
        "else ",
        "for ",
        "in ",
        "*",
        "**",
        ":=",
        "#",
        "0x",
        "1e",
        "…",
        "\u{a0}",
        "\r",
        "@",
        ".",
        ";",
        "not ",
        "-",
        "9999999999999999999999",
    ];

    #[derive(Debug, Clone)]
    enum Edit {
        Delete(usize, usize),
        Insert(usize, String),
        Duplicate(usize, usize),
        Swap(usize, usize),
        Byte(usize, char),
        Nest(usize, usize, bool),
    }

    fn edit() -> impl Strategy<Value = Edit> {
        prop_oneof![
            (any::<usize>(), 1usize..8).prop_map(|(a, n)| Edit::Delete(a, n)),
            (any::<usize>(), proptest::sample::select(TOKENS))
                .prop_map(|(a, t)| Edit::Insert(a, t.to_string())),
            (any::<usize>(), 1usize..30).prop_map(|(a, n)| Edit::Duplicate(a, n)),
            (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Swap(a, b)),
            (any::<usize>(), any::<char>()).prop_map(|(a, c)| Edit::Byte(a, c)),
            (any::<usize>(), 1usize..400, any::<bool>())
                .prop_map(|(a, n, close)| Edit::Nest(a, n, close)),
        ]
    }

    fn apply(src: &str, edits: &[Edit]) -> String {
        let mut v: Vec<char> = src.chars().collect();
        for e in edits {
            let n = v.len().max(1);
            match e {
                Edit::Delete(a, k) => {
                    let a = a % n;
                    let b = (a + k).min(v.len());
                    if a < b {
                        v.drain(a..b);
                    }
                }
                Edit::Insert(a, t) => {
                    let a = (a % (v.len() + 1)).min(v.len());
                    for (i, c) in t.chars().enumerate() {
                        v.insert(a + i, c);
                    }
                }
                Edit::Duplicate(a, k) => {
                    let a = a % n;
                    let b = (a + k).min(v.len());
                    if a < b {
                        let piece: Vec<char> = v[a..b].to_vec();
                        for (i, c) in piece.into_iter().enumerate() {
                            v.insert(b + i, c);
                        }
                    }
                }
                Edit::Swap(a, b) => {
                    if !v.is_empty() {
                        let (a, b) = (a % v.len(), b % v.len());
                        v.swap(a, b);
                    }
                }
                Edit::Byte(a, c) => {
                    if !v.is_empty() {
                        let a = a % v.len();
                        v[a] = *c;
                    }
                }
                Edit::Nest(a, k, close) => {
                    let a = (a % (v.len() + 1)).min(v.len());
                    let opens: String =
                        ["(", "[", "{", "-", "not ", "lambda:", "f'{"][k % 7].repeat(*k);
                    let mut s: String = opens;
                    s.push('x');
                    if *close {
                        s.push_str(&")".repeat(*k));
                    }
                    for (i, c) in s.chars().enumerate() {
                        v.insert(a + i, c);
                    }
                }
            }
        }
        v.into_iter().collect()
    }

    /// The stack the fuzzing runs on: the parser's budget (2 MiB in test
    /// builds, 512 KiB in optimized ones) plus room for the test itself;
    /// an overflow aborts the test run.
    const STACK: usize = 3 << 20;

    /// Runs the fuzzing on a thread with a bounded stack.
    #[test]
    fn mutated_programs_never_panic() {
        let handle = std::thread::Builder::new()
            .stack_size(STACK)
            .spawn(|| {
                let seeds = seeds();
                let cases = 10_000;
                let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
                    cases,
                    failure_persistence: None,
                    ..ProptestConfig::default()
                });
                let strategy = (0..seeds.len(), proptest::collection::vec(edit(), 1..6));
                let worst = std::cell::Cell::new(Duration::ZERO);
                runner
                    .run(&strategy, |(i, edits)| {
                        let src = apply(&seeds[i], &edits);
                        let t = Instant::now();
                        let r = parse(&src);
                        let took = t.elapsed();
                        if took > worst.get() {
                            worst.set(took);
                        }
                        prop_assert!(took < Duration::from_millis(500), "took {took:?}");
                        if let Err(e) = r {
                            prop_assert!(e.line >= 1 || src.is_empty());
                            let _ = e.render(&src);
                        }
                        Ok(())
                    })
                    .unwrap();
                println!(
                    "fuzz: {cases} mutated programs, slowest parse {:?}",
                    worst.get()
                );
            })
            .unwrap();
        handle
            .join()
            .expect("the fuzzing thread panicked or overflowed");
    }

    #[test]
    fn deep_nesting_is_refused_cleanly() {
        let handle = std::thread::Builder::new()
            .stack_size(STACK)
            .spawn(|| {
                // 200 brackets are fine in CPython; 201 are not.
                for (open, close) in [("(", ")"), ("[", "]"), ("{", "}")] {
                    let ok = format!("x = {}1{}\n", open.repeat(200), close.repeat(200));
                    assert!(parse(&ok).is_ok(), "{open} x200");
                    let bad = format!("x = {}1{}\n", open.repeat(201), close.repeat(201));
                    let e = parse(&bad).unwrap_err();
                    assert_eq!(e.msg, "too many nested parentheses");
                    assert_eq!((e.line, e.col), (1, 205));
                }
                for src in [
                    format!("x = {}1\n", "-".repeat(100_000)),
                    format!("x = {}1\n", "not ".repeat(100_000)),
                    format!("x = {}1\n", "lambda: ".repeat(10_000)),
                    format!("x = 1{}\n", " if 1 else 1".repeat(10_000)),
                    format!("x = 2{}\n", " ** 2".repeat(10_000)),
                    format!("x = {}1{}\n", "(-".repeat(199), ")".repeat(199)),
                    format!("x = {}1{}\n", "[lambda: ".repeat(150), "]".repeat(150)),
                    format!("x = a{}\n", ".b".repeat(100_000)),
                    format!("x = a{}\n", "()".repeat(50_000)),
                    format!("x = 1{}\n", " + 1".repeat(100_000)),
                ] {
                    let t = Instant::now();
                    let _ = parse(&src);
                    assert!(t.elapsed() < Duration::from_secs(2));
                }
            })
            .unwrap();
        handle.join().expect("deep nesting overflowed the stack");
    }
}

// ---------------------------------------------------------------------------
// Speed.

#[test]
fn parsing_200_lines_is_fast() {
    let files = corpus_files("valid");
    let mut src = String::new();
    for f in &files {
        let s = std::fs::read_to_string(f).unwrap();
        if s.contains("asyncio.run") && !s.contains("\r") {
            src.push_str(&s);
            src.push('\n');
        }
        if src.lines().count() >= 200 {
            break;
        }
    }
    let lines = src.lines().count();
    assert!(lines >= 200);
    parse(&src).expect("the joined program parses");
    // The fastest of 50 parses, not their mean: on a busy machine most
    // parses are interrupted by other processes, the fastest one is not, so
    // the bound holds under load and still catches a slower parser.
    let per = (0..50)
        .map(|_| {
            let t = Instant::now();
            parse(&src).unwrap();
            t.elapsed()
        })
        .min()
        .unwrap_or_default();
    println!("parser: {lines} lines in {per:?} (fastest of 50 parses, native)");
    assert!(per < Duration::from_millis(5), "{per:?}");
}
