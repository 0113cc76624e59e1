#![cfg(not(target_arch = "wasm32"))]
//! Every lesson's Python (`src/lessons/<id>/lesson.py`) against the Rust that
//! really runs: CPython 3.11 on the virtual clock (`scripts/oracle.py`)
//! prints the same lines, in the same order, at the same scenario times
//! (within 0.5 ms), and ends the same way, at the defaults and for 20
//! seeded random parameter sets per lesson, written into the code with
//! `code_params::apply`. The lanes (task names) must agree too.
//!
//! python3 must be installed: without it these tests fail, never skip.
//!
//! One difference is normalised, on purpose: the Rust `forgotten-await`
//! lesson prints the never-awaited warning as a console line
//! (`RuntimeWarning: coroutine 'save' was never awaited`), where CPython
//! writes it to stderr as `main.py:10: RuntimeWarning: ...`. A CPython
//! stderr line of the form `<file>:<line>: <Name>Warning: <text>` is compared
//! as `<Name>Warning: <text>`; other stderr lines (tracebacks, the
//! tracemalloc hint) are not compared, the ending carries the error.
//!
//! One difference is known and skipped: `timeout` with `timeout=0`.
//! CPython 3.11's `wait_for(coro, timeout=0)` cancels the new task before
//! it ever runs, so "slow_operation() start" is not printed; the Rust lesson
//! starts it and cancels it at its first await (as CPython 3.12's `wait_for`
//! does). Every other line, and the ending, must still agree.
//!
//! And one tie: `daemon` when `main` is a multiple of `interval`. A
//! heartbeat falls due at the very instant main() returns; the Rust run ends
//! as main() returns, while CPython handles both timers in the same loop
//! turn and prints that last heartbeat after "main returns", before
//! asyncio.run() cancels it. (A real CPython run can go either way: it
//! depends on how late the loop wakes.) That one trailing line is dropped.
//!
//! And a hand-off race: in `queue`, when a consumer finishes an item at the
//! very instant the producer puts the next one, CPython's `Queue.put` wakes
//! the longest-waiting consumer, but the consumer that just finished runs
//! first, finds the item still there and takes it ("barging"); the Rust
//! queue hands the item to the longest-waiting consumer. Runs whose ideal
//! schedule has such a tie are not compared.

mod common;

use common::cpython::python3;

use std::path::{Path, PathBuf};

use async_playground::core::code_params;
use async_playground::core::json::{self, Json};
use async_playground::core::params::{Kind, ParamSpec, Values};
use async_playground::core::trace::{EventKind, RunOutcome, Trace};
use async_playground::lessons::{Lesson, LESSONS};
use async_playground::runtime::Run;

/// Random parameter sets per lesson (`LESSONS_PYTHON_SETS` overrides, and
/// `LESSONS_PYTHON_SEED` picks another draw, for a longer hunt).
const RANDOM_SETS: usize = 20;
const TOLERANCE_MS: f64 = 0.5;

/// What a run printed and how it ended, in a form both sides give.
#[derive(Clone, Debug, PartialEq)]
struct Outcome {
    lines: Vec<(f64, String)>,
    ending: String,
    lanes: Vec<String>,
}

fn rust_outcome(lesson: &'static Lesson, values: &Values) -> Outcome {
    let trace: Trace = Run::simulate(lesson.main_fn(values.clone()));
    outcome_of(&trace)
}

/// Lines, ending and lanes of a recorded run.
fn outcome_of(trace: &Trace) -> Outcome {
    let lines = trace
        .console()
        .map(|(at, _, l)| (at, l.to_string()))
        .collect();
    let mut lanes = Vec::new();
    let mut main = None;
    let mut main_failed = None;
    for e in trace.events() {
        match &e.kind {
            EventKind::Spawned { name } => {
                if main.is_none() {
                    main = Some(e.task);
                }
                lanes.push(name.clone());
            }
            EventKind::Failed { message } if Some(e.task) == main => {
                main_failed = Some(message.clone());
            }
            _ => {}
        }
    }
    let ending = match trace.outcome() {
        Some(RunOutcome::Deadlock) => "deadlock".to_string(),
        Some(RunOutcome::Finished) | Some(RunOutcome::Error) => match main_failed {
            Some(m) => format!("error: {m}"),
            None => "ok".to_string(),
        },
        other => format!("{other:?}"),
    };
    Outcome {
        lines,
        ending,
        lanes,
    }
}

/// `main.py:10: RuntimeWarning: text` → `RuntimeWarning: text` (a line
/// that is already `RuntimeWarning: text` stays).
fn warning(line: &str) -> Option<String> {
    if let Some((kind, _)) = line.split_once(": ") {
        if kind.ends_with("Warning") && !kind.contains(' ') && !line.contains("tracemalloc") {
            return Some(line.to_string());
        }
    }
    let (head, rest) = line.split_once(": ")?;
    let (_, num) = head.rsplit_once(':')?;
    if num.is_empty() || !num.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (kind, _) = rest.split_once(": ")?;
    kind.ends_with("Warning").then(|| rest.to_string())
}

fn py_outcome(result: &Json) -> Outcome {
    let mut lines = Vec::new();
    if let Some(Json::Arr(ls)) = result.get("lines") {
        for l in ls {
            let Json::Arr(parts) = l else { continue };
            let (Some(Json::Num(at)), Some(stream), Some(text)) = (
                parts.first(),
                parts.get(1).and_then(Json::as_str),
                parts.get(2).and_then(Json::as_str),
            ) else {
                continue;
            };
            match stream {
                "stdout" => lines.push((*at, text.to_string())),
                _ => {
                    if let Some(w) = warning(text) {
                        lines.push((*at, w));
                    }
                }
            }
        }
    }
    let lanes = match result.get("tasks") {
        Some(Json::Arr(ts)) => ts
            .iter()
            .filter_map(|t| t.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    Outcome {
        lines,
        ending: result
            .get("ending")
            .and_then(Json::as_str)
            .unwrap_or("?")
            .to_string(),
        lanes,
    }
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the oracle on `files` in two processes (two cores); results by path.
fn oracle(files: &[PathBuf]) -> Json {
    let script = repo().join("scripts/oracle.py");
    let half = files.len().div_ceil(2).max(1);
    let children: Vec<_> = files
        .chunks(half)
        .map(|chunk| {
            python3()
                .arg(&script)
                .arg("--lanes")
                .args(chunk)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("python3 runs")
        })
        .collect();
    let mut members = Vec::new();
    for child in children {
        let out = child.wait_with_output().expect("oracle ends");
        assert!(
            out.status.success(),
            "oracle failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).expect("utf-8");
        match json::parse(&text) {
            Some(Json::Obj(m)) => members.extend(m),
            _ => panic!("the oracle's output is not a JSON object:\n{text}"),
        }
    }
    Json::Obj(members)
}

use common::Rng;

/// Texts for `fetch`'s URL: the mock API (empty), its other endpoints, a
/// missing one, a bad status, and a server that is not there.
const URLS: &[&str] = &[
    "",
    "mock-api/html?delay=300",
    "mock-api/get?id=7&status=404&delay=100",
    "mock-api/nothing",
    "https://example.com/api/users",
    "./mock-api/get?id=2&delay=1500",
];

/// Counts (tasks, items, prompts…) are drawn up to this, durations over
/// their whole range (half the time on a whole 100 ms, where ties live).
const COUNT_CAP: i64 = 120;

fn random_values(specs: &[ParamSpec], rng: &mut Rng) -> Values {
    let mut v = Values::defaults(specs);
    for spec in specs {
        let raw = match spec.kind {
            Kind::Int {
                min,
                max,
                unit: "ms",
                ..
            } => {
                let x = rng.range(min, max);
                if rng.below(2) == 0 {
                    (x / 100 * 100).max(min).to_string()
                } else {
                    x.to_string()
                }
            }
            Kind::Int { min, max, .. } if spec.key == "seed" => rng.range(min, max).to_string(),
            Kind::Int { min, max, .. } => {
                let hi = max.min(min.max(0) + COUNT_CAP);
                if rng.below(3) == 0 {
                    rng.range(min, hi).to_string()
                } else {
                    rng.range(min, hi.min(min + 12)).to_string()
                }
            }
            Kind::Float { min, max, .. } => {
                format!("{:.2}", min + (max - min) * rng.below(1001) as f64 / 1000.0)
            }
            Kind::Choice { options, .. } => {
                options[rng.below(options.len() as u64) as usize].to_string()
            }
            Kind::Flag { .. } => rng.below(2).to_string(),
            Kind::Text { .. } => URLS[rng.below(URLS.len() as u64) as usize].to_string(),
        };
        assert_eq!(v.set(specs, spec.key, &raw), None, "{}={raw}", spec.key);
    }
    v
}

fn query(values: &Values) -> String {
    values
        .iter()
        .map(|(k, v)| format!("{k}={}", v.to_url()))
        .collect::<Vec<_>>()
        .join("&")
}

fn source(lesson: &Lesson) -> String {
    std::fs::read_to_string(repo().join(format!(
        "src/lessons/{}/lesson.py",
        lesson.id.replace('-', "_")
    )))
    .expect("the lesson's .py")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lessons_python_{name}_{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn first_difference(rust: &Outcome, py: &Outcome) -> Option<String> {
    let n = rust.lines.len().max(py.lines.len());
    for i in 0..n {
        match (rust.lines.get(i), py.lines.get(i)) {
            (Some(r), Some(p)) if r.1 == p.1 && (r.0 - p.0).abs() <= TOLERANCE_MS => {}
            (r, p) => {
                return Some(format!(
                    "line {i}: rust {r:?} / python {p:?}\n  rust:   {:?}\n  python: {:?}",
                    &rust.lines[i.saturating_sub(2)..rust.lines.len().min(i + 3)],
                    &py.lines[i.saturating_sub(2).min(py.lines.len())..py.lines.len().min(i + 3)],
                ))
            }
        }
    }
    if rust.ending != py.ending {
        return Some(format!(
            "ending: rust {:?} / python {:?}",
            rust.ending, py.ending
        ));
    }
    let mut r = rust.lanes.clone();
    let mut p = py.lanes.clone();
    r.sort();
    p.sort();
    if r != p {
        return Some(format!(
            "lanes: rust {:?} / python {:?}",
            rust.lanes, py.lanes
        ));
    }
    None
}

/// Whether a consumer of the `queue` lesson finishes an item at the very
/// instant the producer puts one (the hand-off race of the module doc).
fn queue_tie(values: &Values) -> bool {
    let plan = async_playground::lessons::queue::plan(values);
    let consume = values.ms("consume");
    plan.put_ms
        .iter()
        .any(|&put| plan.got_ms.iter().any(|&got| got + consume == put))
}

#[test]
fn every_lesson_agrees_with_cpython_at_defaults_and_random_values() {
    let dir = scratch("agree");
    let mut cases: Vec<(&'static Lesson, Values, PathBuf)> = Vec::new();
    let env = |key: &str| std::env::var(key).ok().and_then(|v| v.parse::<u64>().ok());
    let n_sets = env("LESSONS_PYTHON_SETS").map_or(RANDOM_SETS, |n| n as usize);
    let mut rng = Rng(env("LESSONS_PYTHON_SEED").unwrap_or(0x5eed_f1e5_50e5) | 1);
    for lesson in LESSONS {
        let code = source(lesson);
        let mut sets = vec![Values::defaults(lesson.params)];
        sets.extend((0..n_sets).map(|_| random_values(lesson.params, &mut rng)));
        for (k, values) in sets.into_iter().enumerate() {
            let path = dir.join(format!("{}-{k}.py", lesson.id));
            let program = code_params::apply(&code, lesson.params, &values);
            // What apply wrote reads back as the values.
            let found = code_params::read(&program, lesson.params);
            assert_eq!(found.notices(), Vec::<String>::new(), "{}", lesson.id);
            assert_eq!(
                found.values(lesson.params, &values),
                values,
                "{}",
                lesson.id
            );
            std::fs::write(&path, program).expect("write");
            cases.push((lesson, values, path));
        }
    }
    let paths: Vec<PathBuf> = cases.iter().map(|c| c.2.clone()).collect();
    let results = oracle(&paths);
    let mut failures = Vec::new();
    for (lesson, values, path) in &cases {
        let key = path.to_string_lossy();
        let Some(result) = results.get(&key) else {
            failures.push(format!("{}: no oracle result for {key}", lesson.id));
            continue;
        };
        let py = py_outcome(result);
        let mut rust = rust_outcome(lesson, values);
        if lesson.id == "timeout" && values.int("timeout") == 0 {
            // CPython 3.11's wait_for with timeout 0 cancels the task
            // before it starts; the Rust lesson (like CPython 3.12's
            // wait_for) runs it to its first await. See the module doc.
            rust.lines.retain(|(_, l)| l != "slow_operation() start");
        }
        let mut py = py;
        if lesson.id == "daemon" && values.int("main") % values.int("interval") == 0 {
            // A heartbeat due at the very instant main() returns: CPython
            // runs it in that same loop turn (see the module doc).
            let end = rust.lines.last().map_or(0.0, |l| l.0);
            if let [.., (_, last_rust)] = rust.lines.as_slice() {
                if py.lines.len() == rust.lines.len() + 1
                    && py.lines[py.lines.len() - 2].1 == *last_rust
                    && py.lines.last().is_some_and(|(at, l)| {
                        l.starts_with("heartbeat ") && (at - end).abs() <= TOLERANCE_MS
                    })
                {
                    py.lines.pop();
                }
            }
        }
        if let Some(diff) = first_difference(&rust, &py) {
            if lesson.id == "queue" && queue_tie(values) {
                continue; // see the module doc
            }
            failures.push(format!(
                "{} ({}; {}):\n  {diff}",
                lesson.id,
                query(values),
                path.display()
            ));
        }
    }
    if failures.is_empty() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    assert!(
        failures.is_empty(),
        "{} of {} runs disagree:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn the_shown_code_is_the_lesson_file_and_compiles_under_cpython() {
    let dir = scratch("compile");
    let mut paths = Vec::new();
    for lesson in LESSONS {
        let values = Values::defaults(lesson.params);
        let shown = (lesson.python)(&values);
        assert_eq!(
            shown,
            source(lesson),
            "{}: the .py's literals are not the defaults",
            lesson.id
        );
        let path = dir.join(format!("{}.py", lesson.id));
        std::fs::write(&path, &shown).expect("write");
        paths.push(path);
    }
    let check = "import sys\nbad = 0\nfor p in sys.argv[1:]:\n    try:\n        compile(open(p, encoding='utf-8').read(), p, 'exec')\n    except SyntaxError as e:\n        bad += 1\n        print(p, e)\nsys.exit(1 if bad else 0)\n";
    let out = python3()
        .arg("-c")
        .arg(check)
        .args(&paths)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "CPython does not compile:\n{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_lesson_has_its_py_file_with_every_parameter_as_a_literal() {
    for lesson in LESSONS {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src/lessons")
            .join(lesson.id.replace('-', "_"))
            .join("lesson.py");
        assert!(path.exists(), "{} has no .py", lesson.id);
        let found = code_params::read(&source(lesson), lesson.params);
        assert_eq!(found.notices(), Vec::<String>::new(), "{}", lesson.id);
        assert_eq!(
            found.values(lesson.params, &Values::defaults(lesson.params)),
            Values::defaults(lesson.params),
            "{}",
            lesson.id
        );
    }
}

/// What the interpreter gives for a program (virtual clock): the same
/// shape as [`rust_outcome`], with the interpreter's stderr warnings
/// normalised as CPython's are in [`py_outcome`].
fn interp_outcome(program: &str) -> Outcome {
    let src = program.to_string();
    let trace = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || async_playground::runtime::python_host::simulate(&src))
        .expect("thread")
        .join()
        .expect("the interpreter does not panic");
    let Some(trace) = trace else {
        return Outcome {
            lines: Vec::new(),
            ending: "error: SyntaxError".into(),
            lanes: Vec::new(),
        };
    };
    let mut out = outcome_of(&trace);
    out.lines = trace
        .events()
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Printed { line } => Some((e.at_ms, line.clone())),
            EventKind::Stderr { line } => warning(line).map(|w| (e.at_ms, w)),
            _ => None,
        })
        .collect();
    out
}

#[test]
fn every_lesson_py_runs_in_the_interpreter_as_in_cpython() {
    let dir = scratch("interp");
    let mut cases: Vec<(&'static Lesson, Values, PathBuf, String)> = Vec::new();
    let mut rng = Rng(0x1e55_0a5d_bead | 1);
    for lesson in LESSONS {
        let code = source(lesson);
        let mut sets = vec![Values::defaults(lesson.params)];
        sets.extend((0..RANDOM_SETS).map(|_| random_values(lesson.params, &mut rng)));
        for (k, values) in sets.into_iter().enumerate() {
            let path = dir.join(format!("{}-{k}.py", lesson.id));
            let program = code_params::apply(&code, lesson.params, &values);
            std::fs::write(&path, &program).expect("write");
            cases.push((lesson, values, path, program));
        }
    }
    let paths: Vec<PathBuf> = cases.iter().map(|c| c.2.clone()).collect();
    let results = oracle(&paths);
    let mut failures = Vec::new();
    for (lesson, values, path, program) in &cases {
        let key = path.to_string_lossy();
        let Some(result) = results.get(&key) else {
            failures.push(format!("{}: no oracle result for {key}", lesson.id));
            continue;
        };
        let mut py = py_outcome(result);
        let mut ours = interp_outcome(program);
        if lesson.id == "executor" {
            // CPU work off the loop has no CPython equivalent on a virtual
            // clock: the oracle fakes it (its timing loop never runs, it
            // finds 0 primes); the interpreter runs the function on a
            // private clock that a busy loop moves on, and it finds some.
            // The job's length agrees (within the tolerance); the count is
            // the machine's business.
            for o in [&mut py, &mut ours] {
                for (_, l) in o.lines.iter_mut() {
                    if l.starts_with("found ") && l.ends_with(" primes") {
                        *l = "found N primes".to_string();
                    }
                }
            }
        }
        if let Some(diff) = first_difference(&ours, &py) {
            failures.push(format!(
                "{} ({}; {}):\n  {diff}",
                lesson.id,
                query(values),
                path.display()
            ));
        }
    }
    if failures.is_empty() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    assert!(
        failures.is_empty(),
        "{} of {} runs disagree (interpreter vs CPython):\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    println!(
        "interpreter: {} of {} lesson runs agree with CPython",
        cases.len(),
        cases.len()
    );
}
