#![cfg(not(target_arch = "wasm32"))]
//! The differential test: every program of `tests/python_corpus/` runs on
//! CPython 3.11 (through `scripts/oracle.py`, on its virtual clock) and on
//! our interpreter (`python::run_virtual`); the two must agree.
//!
//! Two tests:
//! - `cpython_matches_expected_json`: the live CPython run equals the
//!   committed `tests/python_corpus/expected.json` (so a change of CPython's
//!   behaviour, or an edited program whose results were not regenerated,
//!   shows up). Regenerate with `bash scripts/corpus.sh`.
//! - `interpreter_agrees_with_cpython`: our interpreter gives what CPython
//!   gave, program by program; it prints a diff for each program that
//!   disagrees and `N of M programs agree with CPython`, and fails unless
//!   all agree.
//!
//! CPython is run live, once for both tests, in one `python3` process for
//! the whole corpus. A missing `python3`, or one that is not 3.11, fails
//! the tests: they are never skipped.
//!
//! What is compared is decided in one place, [`normalise`].

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;
use std::sync::mpsc;
use std::sync::OnceLock;
use std::time::Duration;

use async_playground::python::{run_virtual, Outcome};

/// Stdout times may differ by this much: the oracle's clock drifts one
/// nanosecond per read and its selector wakes a microsecond late.
const TIME_TOLERANCE_MS: f64 = 0.5;

/// How long one program may run on our interpreter before it counts as hung.
const PROGRAM_TIMEOUT: Duration = Duration::from_secs(20);

// ---------------------------------------------------------------------------
// What is compared.

/// One run, reduced to what must agree.
#[derive(Clone, Debug, PartialEq)]
struct Normalised {
    /// Every stdout line with its scenario time (ms), in order.
    stdout: Vec<(f64, String)>,
    /// The significant stderr lines, in order (see [`normalise`]).
    stderr: Vec<String>,
    /// `ok`, `error: <Type>: <message>`, `deadlock` or `limit`.
    ending: String,
}

/// Reduces a run (its `(ms, stream, text)` lines and its ending) to what the
/// interpreter must reproduce exactly:
///
/// - **stdout**: every line, its text exact, in order; its time is compared
///   within [`TIME_TOLERANCE_MS`] (in [`diff`]).
/// - **stderr**: only the significant lines, in order, times ignored (the
///   moment CPython's garbage collector reports a lost task is not ours to
///   copy). A line is first stripped of
///   - an exception-group box prefix (`  | `, `    | `: the frames of an
///     `ExceptionGroup` traceback), then
///   - a warning's `file:line: ` prefix (`main.py:9: RuntimeWarning: ...`
///     becomes `RuntimeWarning: ...`).
///
///   It is kept if it then starts with `Task exception was never retrieved`
///   or `Task was destroyed but it is pending!`, or is an exception or
///   warning line: `Name` or `Name: message` at column 0, `Name` a dotted
///   identifier whose last part starts with a capital (`ValueError: x`,
///   `asyncio.exceptions.CancelledError`, `RuntimeWarning: coroutine 'f'
///   was never awaited`, `ExceptionGroup: unhandled errors in a TaskGroup
///   (1 sub-exception)`): the last line of every traceback (and of each
///   chained or grouped exception in it), and each warning. Everything else
///   (`Traceback (most recent call last):`, `  File ...` frames, source
///   lines, carets, `future: <Task ...>` reprs, `[Previous line repeated N
///   more times]`, library paths) is dropped.
/// - **ending**: exact.
fn normalise(lines: &[(f64, String, String)], ending: &str) -> Normalised {
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    for (ms, stream, text) in lines {
        if stream == "stdout" {
            stdout.push((*ms, text.clone()));
        } else if let Some(kept) = significant_stderr(text) {
            stderr.push(kept);
        }
    }
    Normalised {
        stdout,
        stderr,
        ending: ending.to_string(),
    }
}

/// The stderr rule of [`normalise`]: `Some(stripped line)` if it is kept.
fn significant_stderr(line: &str) -> Option<String> {
    let mut s = line;
    // An exception-group box: leading spaces, then `| `.
    let trimmed = s.trim_start_matches(' ');
    if let Some(rest) = trimmed.strip_prefix("| ") {
        s = rest;
    }
    // A warning's `file:line: ` prefix.
    if let Some((head, rest)) = s.split_once(": ") {
        if let Some((file, num)) = head.rsplit_once(':') {
            if !file.is_empty()
                && !file.contains(' ')
                && !num.is_empty()
                && num.bytes().all(|b| b.is_ascii_digit())
            {
                s = rest;
            }
        }
    }
    for fixed in [
        "Task exception was never retrieved",
        "Task was destroyed but it is pending!",
    ] {
        if s.starts_with(fixed) {
            return Some(s.to_string());
        }
    }
    let name = s.split_once(": ").map_or(s, |(n, _)| n);
    let parts: Vec<&str> = name.split('.').collect();
    let identifiers = parts.iter().all(|p| {
        let mut cs = p.chars();
        matches!(cs.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
            && cs.all(|c| c.is_ascii_alphanumeric() || c == '_')
    });
    let capital = parts
        .last()
        .and_then(|p| p.chars().next())
        .is_some_and(|c| c.is_ascii_uppercase());
    (identifiers && capital).then(|| s.to_string())
}

/// The first difference between CPython's run (`want`) and ours (`got`),
/// or `None` if they agree; the endings too when they differ.
fn diff(want: &Normalised, got: &Normalised) -> Option<String> {
    let first = first_diff(want, got)?;
    if want.ending != got.ending && !first.starts_with("ending") {
        return Some(format!(
            "{first}\n    and the ending: CPython {:?}, ours {:?}",
            want.ending, got.ending
        ));
    }
    Some(first)
}

fn first_diff(want: &Normalised, got: &Normalised) -> Option<String> {
    let n = want.stdout.len().max(got.stdout.len());
    for i in 0..n {
        match (want.stdout.get(i), got.stdout.get(i)) {
            (Some((wt, wl)), Some((gt, gl))) => {
                if wl != gl || (wt - gt).abs() > TIME_TOLERANCE_MS {
                    return Some(format!(
                        "stdout line {}:\n      CPython  {wt:>10.3} ms  {wl:?}\n      ours     {gt:>10.3} ms  {gl:?}",
                        i + 1
                    ));
                }
            }
            (Some((wt, wl)), None) => {
                return Some(format!(
                    "stdout line {}: ours ends early\n      CPython  {wt:>10.3} ms  {wl:?}",
                    i + 1
                ))
            }
            (None, Some((gt, gl))) => {
                return Some(format!(
                    "stdout line {}: ours prints more\n      ours     {gt:>10.3} ms  {gl:?}",
                    i + 1
                ))
            }
            (None, None) => unreachable!(),
        }
    }
    if want.stderr != got.stderr {
        let i = want
            .stderr
            .iter()
            .zip(&got.stderr)
            .take_while(|(a, b)| a == b)
            .count();
        return Some(format!(
            "stderr (significant lines) entry {}:\n      CPython  {:?}\n      ours     {:?}",
            i + 1,
            want.stderr.get(i),
            got.stderr.get(i)
        ));
    }
    if want.ending != got.ending {
        return Some(format!(
            "ending:\n      CPython  {:?}\n      ours     {:?}",
            want.ending, got.ending
        ));
    }
    None
}

// ---------------------------------------------------------------------------
// The corpus and CPython.

type Results = BTreeMap<String, Normalised>;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn corpus_dir() -> PathBuf {
    root().join("tests/python_corpus")
}

/// The programs' file names, sorted.
fn corpus_files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(corpus_dir())
        .expect("tests/python_corpus/ is readable")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".py"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 80,
        "the corpus should hold at least 80 programs, it holds {}",
        files.len()
    );
    files
}

/// CPython's results for the whole corpus, run live once per test binary.
fn live() -> &'static Results {
    static LIVE: OnceLock<Results> = OnceLock::new();
    LIVE.get_or_init(|| {
        let version = Command::new("python3")
            .args(["-c", "import sys; print('%d.%d' % sys.version_info[:2])"])
            .output()
            .unwrap_or_else(|e| {
                panic!("python3 is needed for the CPython oracle tests and could not be run: {e}")
            });
        let version = String::from_utf8_lossy(&version.stdout).trim().to_string();
        assert_eq!(
            version, "3.11",
            "the oracle must be CPython 3.11 (the interpreter's target); python3 is {version}"
        );
        let files = corpus_files();
        let results = parse_results(&oracle(&[], &files));
        assert_eq!(
            results.keys().cloned().collect::<Vec<_>>(),
            files,
            "the oracle answers for every program"
        );
        results
    })
}

/// `python3 scripts/oracle.py FLAGS FILES...` in the corpus folder: its JSON.
fn oracle(flags: &[&str], files: &[String]) -> String {
    let out = Command::new("python3")
        .arg(root().join("scripts/oracle.py"))
        .args(flags)
        .args(files)
        .current_dir(corpus_dir())
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .expect("python3 scripts/oracle.py runs");
    assert!(
        out.status.success(),
        "scripts/oracle.py failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn expected() -> Results {
    let path = corpus_dir().join("expected.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run bash scripts/corpus.sh", path.display()));
    parse_results(&text)
}

#[test]
fn cpython_matches_expected_json() {
    let live = live();
    let expected = expected();
    let mut problems = Vec::new();
    for (name, want) in &expected {
        match live.get(name) {
            None => problems.push(format!("{name}: in expected.json but not in the corpus")),
            Some(got) => {
                // Between two CPython runs the times are exact, not within a tolerance.
                if want.stdout != got.stdout {
                    problems.push(format!(
                        "{name}: stdout differs: {}",
                        diff(want, got).unwrap_or_else(|| "times differ".into())
                    ));
                } else if let Some(d) = diff(want, got) {
                    problems.push(format!("{name}: {d}"));
                }
            }
        }
    }
    for name in live.keys() {
        if !expected.contains_key(name) {
            problems.push(format!("{name}: not in expected.json"));
        }
    }
    assert!(
        problems.is_empty(),
        "CPython no longer gives the committed results (run bash scripts/corpus.sh if the \
         programs changed on purpose):\n{}",
        problems.join("\n")
    );
}

#[test]
fn interpreter_agrees_with_cpython() {
    let live = live();
    let mut agree = 0;
    let mut report = String::new();
    for (name, want) in live {
        let source = std::fs::read_to_string(corpus_dir().join(name)).unwrap();
        let got = match run_ours(source) {
            Ok(outcome) => {
                let lines: Vec<(f64, String, String)> = outcome
                    .lines
                    .iter()
                    .map(|l| (l.at_ms, l.stream.to_string(), l.text.clone()))
                    .collect();
                normalise(&lines, &outcome.ending)
            }
            Err(why) => {
                report.push_str(&format!("DIFF {name}: {why}\n"));
                continue;
            }
        };
        match diff(want, &got) {
            None => agree += 1,
            Some(d) => report.push_str(&format!("DIFF {name}: {d}\n")),
        }
    }
    let summary = format!("{agree} of {} programs agree with CPython", live.len());
    println!("{report}{summary}");
    assert_eq!(agree, live.len(), "{summary}");
}

/// The lane of a task, as both sides can name it: the function of a call
/// (`job(1, fail=True)` is `job`), or the name given (`w0`). The page names
/// a call by its arguments as written; the oracle can only list the bound
/// parameters (`job(1, True)`, defaults included), so arguments are not
/// compared here (the lessons' lanes are compared whole, in
/// tests/lessons_python.rs).
fn lane_key(name: &str) -> &str {
    name.split_once('(').map_or(name, |(f, _)| f)
}

/// Programs whose lanes differ from CPython's on purpose, and why.
const LANES_DIFFER: &[(&str, &str)] = &[];

#[test]
fn interpreter_lanes_agree_with_cpython() {
    let files = corpus_files();
    let text = oracle(&["--lanes"], &files);
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
    };
    let Json::Obj(programs) = p.value() else {
        panic!("the oracle's JSON is an object")
    };
    let mut agree = 0;
    let mut report = String::new();
    for (name, run) in &programs {
        let Json::Obj(fields) = run else {
            panic!("{name}: not an object")
        };
        let Some((_, Json::Arr(tasks))) = fields.iter().find(|(k, _)| k == "tasks") else {
            panic!("{name}: no tasks")
        };
        let mut want: Vec<&str> = tasks
            .iter()
            .map(|t| match t {
                Json::Str(s) => lane_key(s),
                other => panic!("{name}: a task is {other:?}"),
            })
            .collect();
        let source = std::fs::read_to_string(corpus_dir().join(name)).unwrap();
        let lanes = match run_ours(source) {
            Ok(o) => o.lanes,
            Err(why) => {
                report.push_str(&format!("DIFF {name}: {why}\n"));
                continue;
            }
        };
        let mut got: Vec<&str> = lanes.iter().map(|l| lane_key(l)).collect();
        want.sort_unstable();
        got.sort_unstable();
        let excused = LANES_DIFFER.iter().any(|(f, _)| f == name);
        if want == got {
            agree += 1;
            assert!(!excused, "{name} agrees now: take it out of LANES_DIFFER");
        } else if excused {
            agree += 1;
        } else {
            report.push_str(&format!(
                "DIFF {name}: lanes\n      CPython  {want:?}\n      ours     {got:?}\n"
            ));
        }
    }
    let excused: Vec<String> = LANES_DIFFER
        .iter()
        .map(|(f, why)| format!("{f}: {why}"))
        .collect();
    let summary = if excused.is_empty() {
        format!(
            "{agree} of {} programs have CPython's lanes",
            programs.len()
        )
    } else {
        format!(
            "{agree} of {} programs have CPython's lanes ({} excused: {})",
            programs.len(),
            excused.len(),
            excused.join("; ")
        )
    };
    println!("{report}{summary}");
    assert_eq!(agree, programs.len(), "{summary}");
}

/// Runs one program on our interpreter in its own thread, so that a panic
/// or a hang is reported for that program and the others still run.
fn run_ours(source: String) -> Result<Outcome, String> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let r = std::panic::catch_unwind(|| run_virtual(&source));
            let _ = tx.send(r);
        })
        .expect("thread spawns");
    match rx.recv_timeout(PROGRAM_TIMEOUT) {
        Ok(Ok(outcome)) => Ok(outcome),
        Ok(Err(p)) => Err(format!(
            "the interpreter panicked: {}",
            p.downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| p.downcast_ref::<&str>().copied())
                .unwrap_or("?")
        )),
        Err(_) => Err(format!("no answer within {PROGRAM_TIMEOUT:?}")),
    }
}

// ---------------------------------------------------------------------------
// The oracle's JSON: `{ "file.py": { "lines": [[ms, "stream", "text"], ...],
// "ending": "..." }, ... }`. A small reader, so the test needs no crate.

#[derive(Clone, Debug, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

fn parse_results(text: &str) -> Results {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
    };
    let v = p.value();
    p.ws();
    assert_eq!(p.i, p.s.len(), "trailing text after the oracle's JSON");
    let Json::Obj(programs) = v else {
        panic!("the oracle's JSON is an object")
    };
    programs
        .into_iter()
        .map(|(name, run)| {
            let Json::Obj(fields) = run else {
                panic!("{name}: not an object")
            };
            let get = |k: &str| {
                fields
                    .iter()
                    .find(|(f, _)| f == k)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_else(|| panic!("{name}: no {k}"))
            };
            let Json::Str(ending) = get("ending") else {
                panic!("{name}: ending is a string")
            };
            let Json::Arr(raw) = get("lines") else {
                panic!("{name}: lines is an array")
            };
            let lines: Vec<(f64, String, String)> = raw
                .into_iter()
                .map(|l| match l {
                    Json::Arr(v) => match v.as_slice() {
                        [Json::Num(ms), Json::Str(st), Json::Str(t)] => {
                            (*ms, st.clone(), t.clone())
                        }
                        other => panic!("{name}: bad line {other:?}"),
                    },
                    other => panic!("{name}: bad line {other:?}"),
                })
                .collect();
            let n = normalise(&lines, &ending);
            (name, n)
        })
        .collect()
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && self.s[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) {
        self.ws();
        assert_eq!(
            self.s.get(self.i),
            Some(&c),
            "JSON: expected {:?} at byte {}",
            c as char,
            self.i
        );
        self.i += 1;
    }

    fn value(&mut self) -> Json {
        self.ws();
        match self.s[self.i] {
            b'{' => {
                self.i += 1;
                let mut fields = Vec::new();
                self.ws();
                if self.s[self.i] == b'}' {
                    self.i += 1;
                    return Json::Obj(fields);
                }
                loop {
                    self.ws();
                    let Json::Str(k) = self.value() else {
                        panic!("JSON: key at byte {}", self.i)
                    };
                    self.eat(b':');
                    fields.push((k, self.value()));
                    self.ws();
                    self.i += 1;
                    match self.s[self.i - 1] {
                        b',' => continue,
                        b'}' => return Json::Obj(fields),
                        c => panic!("JSON: {:?} in an object at byte {}", c as char, self.i),
                    }
                }
            }
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.s[self.i] == b']' {
                    self.i += 1;
                    return Json::Arr(items);
                }
                loop {
                    items.push(self.value());
                    self.ws();
                    self.i += 1;
                    match self.s[self.i - 1] {
                        b',' => continue,
                        b']' => return Json::Arr(items),
                        c => panic!("JSON: {:?} in an array at byte {}", c as char, self.i),
                    }
                }
            }
            b'"' => Json::Str(self.string()),
            b't' => self.word("true", Json::Bool(true)),
            b'f' => self.word("false", Json::Bool(false)),
            b'n' => self.word("null", Json::Null),
            _ => {
                let start = self.i;
                while self.i < self.s.len() && b"+-0123456789.eE".contains(&self.s[self.i]) {
                    self.i += 1;
                }
                let t = std::str::from_utf8(&self.s[start..self.i]).unwrap();
                Json::Num(
                    t.parse()
                        .unwrap_or_else(|_| panic!("JSON: number {t:?} at byte {start}")),
                )
            }
        }
    }

    fn word(&mut self, w: &str, v: Json) -> Json {
        assert!(self.s[self.i..].starts_with(w.as_bytes()), "JSON: {w}");
        self.i += w.len();
        v
    }

    fn hex4(&mut self) -> u32 {
        let t = std::str::from_utf8(&self.s[self.i..self.i + 4]).unwrap();
        self.i += 4;
        u32::from_str_radix(t, 16).expect("JSON: \\u escape")
    }

    fn string(&mut self) -> String {
        self.i += 1; // the opening quote
        let mut out = Vec::new();
        loop {
            let c = self.s[self.i];
            self.i += 1;
            match c {
                b'"' => return String::from_utf8(out).expect("JSON: UTF-8"),
                b'\\' => {
                    let e = self.s[self.i];
                    self.i += 1;
                    let ch = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4();
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                assert!(self.s[self.i..].starts_with(b"\\u"), "JSON: surrogate");
                                self.i += 2;
                                let lo = self.hex4();
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            char::from_u32(code).unwrap_or('\u{fffd}')
                        }
                        _ => panic!("JSON: escape \\{}", e as char),
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                _ => out.push(c),
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The harness's own rules, checked without CPython.

#[test]
fn normalisation_keeps_exception_and_warning_lines_only() {
    let keep = |l: &str| significant_stderr(l);
    assert_eq!(keep("ValueError: x").as_deref(), Some("ValueError: x"));
    assert_eq!(
        keep("main.py:9: RuntimeWarning: coroutine 'w' was never awaited").as_deref(),
        Some("RuntimeWarning: coroutine 'w' was never awaited")
    );
    assert_eq!(
        keep("  | ValueError: inner").as_deref(),
        Some("ValueError: inner")
    );
    assert_eq!(
        keep("asyncio.exceptions.CancelledError").as_deref(),
        Some("asyncio.exceptions.CancelledError")
    );
    assert_eq!(
        keep("Task exception was never retrieved").as_deref(),
        Some("Task exception was never retrieved")
    );
    assert_eq!(keep("StopIteration").as_deref(), Some("StopIteration"));
    for dropped in [
        "Traceback (most recent call last):",
        "  File \"main.py\", line 3, in boom",
        "    raise ValueError(\"x\")",
        "    ^^^^^^",
        "future: <Task finished name='Task-2' coro=<boom() done>>",
        "  [Previous line repeated 991 more times]",
        "The above exception was the direct cause of the following exception:",
        "",
        "  + Exception Group Traceback (most recent call last):",
        "  |   File \"main.py\", line 3, in main",
    ] {
        assert_eq!(keep(dropped), None, "{dropped:?}");
    }
}

#[test]
fn diff_tolerates_half_a_millisecond_on_stdout() {
    let run = |ms: f64, text: &str| Normalised {
        stdout: vec![(ms, text.to_string())],
        stderr: vec![],
        ending: "ok".into(),
    };
    assert_eq!(diff(&run(100.001, "a"), &run(100.0, "a")), None);
    assert!(diff(&run(100.0, "a"), &run(100.6, "a")).is_some());
    assert!(diff(&run(100.0, "a"), &run(100.0, "b")).is_some());
}
