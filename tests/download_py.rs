#![cfg(not(target_arch = "wasm32"))]
//! "Download .py" gives a file that CPython 3.11 runs as it is, in real
//! time, and that prints the lines the page prints.
//!
//! For every lesson that needs no network (all but `fetch` and `batch-llm`,
//! whose files go to a public server this machine cannot reach), at its
//! defaults and at one seeded random parameter set (small counts and short
//! durations, so the whole test takes a few seconds of real time), the
//! download of the lesson's code (`src/core/download.rs`) is run under
//! `python3 FILE` — several at once, each its own process — and its
//! stdout must be the interpreter's printed lines (`python::run_virtual` on
//! the same source), each as many times; the same files run by CPython on
//! the oracle's virtual clock (`scripts/oracle.py`) must print them in the
//! same order (real time on a loaded machine may swap lines due close
//! together; virtual time never does). Warnings the interpreter prints on
//! stderr must be on CPython's stderr too (as `file:line: Warning: text`),
//! and a program whose main raised must end CPython with the same last
//! traceback line.
//!
//! Real time is not virtual time, so two things are set apart:
//! - `deadlock` (order `opposite`) never ends, in CPython as on the page:
//!   it is stopped after its lines are due, and the lines so far compared.
//! - `executor`: how many primes a CPU finds, and how many ticks the loop
//!   prints meanwhile, depend on the machine; the lines must have the same
//!   shape (ticks, then `found N primes`, with ticks while the work runs
//!   exactly when it is offloaded).
//!
//! Random sets avoid instants where real time decides the order: two lines
//! due less than 40 ms apart but not together, a heartbeat due as `daemon`'s
//! main returns, and `queue`'s hand-off ties (see tests/lessons_python.rs).
//!
//! The mock API's mapping to the public service (`download::MAPPING_PY`) is
//! checked here too, by running it in CPython against `mock_api::answer`.
//!
//! python3 must be installed: without it these tests fail, never skip.

mod common;

use std::io::Read;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use async_playground::core::download::{self, PUBLIC_API};
use async_playground::core::mock_api;
use async_playground::core::params::{Kind, ParamSpec, Values};
use async_playground::lessons::{Lesson, LESSONS};
use async_playground::python::run_virtual;

/// Lines due closer than this (but not at one instant) may swap in real time.
const NEAR_MS: f64 = 100.0;
/// Longest ideal run of a random set (real time, each file runs it).
const MAX_RUN_MS: f64 = 2_500.0;
/// Files run at once.
const PARALLEL: usize = 6;

fn python3() -> Command {
    let mut c = common::cpython::python3();
    // The file runs as it is; unbuffered output only so that a program
    // stopped on purpose (the deadlock) keeps the lines it printed.
    c.env("PYTHONUNBUFFERED", "1")
        .env("PYTHONDONTWRITEBYTECODE", "1");
    c
}

use common::Rng;

/// Small counts, durations of 100 to 600 ms on a 50 ms grid.
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
                let lo = min.max(100);
                let hi = max.min(600).max(lo);
                (rng.range(lo / 50, hi / 50) * 50)
                    .clamp(min, max)
                    .to_string()
            }
            Kind::Int { min, max, .. } => rng.range(min, max.min(min.max(0) + 5)).to_string(),
            Kind::Float { min, max, .. } => format!("{:.2}", min + (max - min) * 0.3),
            Kind::Choice { options, .. } => {
                options[rng.range(0, options.len() as i64 - 1) as usize].to_string()
            }
            Kind::Flag { .. } => rng.range(0, 1).to_string(),
            Kind::Text { default, .. } => default.to_string(),
        };
        assert_eq!(v.set(specs, spec.key, &raw), None, "{}={raw}", spec.key);
    }
    v
}

/// What the page prints for `source`: stdout lines with their scenario
/// times, stderr warnings, and the ending.
struct Page {
    stdout: Vec<(f64, String)>,
    warnings: Vec<String>,
    ending: String,
}

fn page(source: &str) -> Page {
    let out = run_virtual(source);
    Page {
        stdout: out
            .lines
            .iter()
            .filter(|l| l.stream == "stdout")
            .map(|l| (l.at_ms, l.text.clone()))
            .collect(),
        warnings: out
            .lines
            .iter()
            .filter(|l| l.stream == "stderr")
            .filter(|l| {
                l.text
                    .split_once(": ")
                    .is_some_and(|(k, _)| k.ends_with("Warning") && !k.contains(' '))
            })
            .map(|l| l.text.clone())
            .collect(),
        ending: out.ending,
    }
}

/// Whether real time may order this run's lines differently.
fn has_near_tie(p: &Page) -> bool {
    let mut times: Vec<f64> = p.stdout.iter().map(|l| l.0).collect();
    times.sort_by(f64::total_cmp);
    times
        .windows(2)
        .any(|w| w[1] - w[0] > 0.001 && w[1] - w[0] < NEAR_MS)
}

fn queue_tie(values: &Values) -> bool {
    let plan = async_playground::lessons::queue::plan(values);
    let consume = values.ms("consume");
    plan.put_ms
        .iter()
        .any(|&put| plan.got_ms.iter().any(|&got| got + consume == put))
}

fn needs_network(lesson: &Lesson) -> bool {
    download::uses_mock_api(&(lesson.python)(&Values::defaults(lesson.params)))
}

struct Case {
    lesson: &'static Lesson,
    label: String,
    page: Page,
    path: PathBuf,
    /// Real time after which the run is stopped (a deadlock) or failed.
    limit: Duration,
}

/// How one file ran: its exit status (`None`: stopped at its limit).
struct Ran {
    status: Option<std::process::ExitStatus>,
    stdout: String,
    stderr: String,
}

/// Runs `python3 path` from its folder, stopping it after `limit`.
fn run_file(path: &std::path::Path, limit: Duration) -> Ran {
    let mut child: Child = python3()
        .arg(path)
        .current_dir(path.parent().expect("a folder"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 starts");
    // Read both pipes meanwhile, so a chatty program never blocks on them.
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let out_t = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = out.read_to_string(&mut s);
        s
    });
    let err_t = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    let t0 = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break Some(s);
        }
        if t0.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Ran {
        status,
        stdout: out_t.join().unwrap_or_default(),
        stderr: err_t.join().unwrap_or_default(),
    }
}

/// Each file's stdout lines from `scripts/oracle.py` (CPython on a virtual
/// clock), by path.
fn oracle_stdout(paths: &[PathBuf]) -> std::collections::HashMap<PathBuf, Vec<String>> {
    use async_playground::core::json::Json;
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/oracle.py");
    let out = python3()
        .arg(&script)
        .args(paths)
        .env("PYTHONHASHSEED", "0")
        .output()
        .expect("python3 runs the oracle");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let mut found = std::collections::HashMap::new();
    let Some(Json::Obj(results)) = async_playground::core::json::parse(&text) else {
        return found;
    };
    for (path, r) in results {
        let Some(Json::Arr(lines)) = r.get("lines") else {
            continue;
        };
        let stdout = lines
            .iter()
            .filter_map(|l| match l {
                Json::Arr(parts) if parts.get(1).and_then(Json::as_str) == Some("stdout") => {
                    parts.get(2).and_then(Json::as_str).map(str::to_string)
                }
                _ => None,
            })
            .collect();
        found.insert(PathBuf::from(path), stdout);
    }
    found
}

fn query(values: &Values) -> String {
    values
        .iter()
        .map(|(k, v)| format!("{k}={}", v.to_url()))
        .collect::<Vec<_>>()
        .join("&")
}

/// `file:line: RuntimeWarning: text` → `RuntimeWarning: text`.
fn warning(line: &str) -> Option<String> {
    if let Some((kind, _)) = line.split_once(": ") {
        if kind.ends_with("Warning") && !kind.contains(' ') {
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

/// The executor's lines as a shape: `tick` runs collapsed, primes unnamed.
fn executor_shape(lines: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in lines {
        let l = if l.starts_with("found ") && l.ends_with(" primes") {
            "found N primes".to_string()
        } else {
            l.clone()
        };
        if l == "tick" && out.last().is_some_and(|p| p == "tick…") {
            continue;
        }
        out.push(if l == "tick" {
            "tick…".to_string()
        } else {
            l
        });
    }
    out
}

#[test]
fn every_offline_lesson_download_runs_in_cpython_with_the_pages_lines() {
    let dir = std::env::temp_dir().join(format!("download_py_{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut rng = Rng(0xd0_3a_11_0a_d5 | 1);
    let mut cases = Vec::new();
    let mut offline = 0;
    for lesson in LESSONS {
        if needs_network(lesson) {
            continue;
        }
        offline += 1;
        let mut sets = vec![("defaults".to_string(), Values::defaults(lesson.params))];
        let mut drawn = None;
        for _ in 0..200 {
            let v = random_values(lesson.params, &mut rng);
            let p = page(&(lesson.python)(&v));
            let too_long = p.stdout.last().map_or(0.0, |l| l.0) > MAX_RUN_MS
                || lesson.ideal_ms(&v) > MAX_RUN_MS;
            let daemon_tie = lesson.id == "daemon" && v.int("main") % v.int("interval") == 0;
            let queue = lesson.id == "queue" && queue_tie(&v);
            if !too_long && !daemon_tie && !queue && !has_near_tie(&p) {
                drawn = Some(v);
                break;
            }
        }
        let Some(v) = drawn else {
            panic!("{}: no random set without a real-time tie", lesson.id);
        };
        sets.push((query(&v), v));
        for (k, (label, values)) in sets.into_iter().enumerate() {
            let source = (lesson.python)(&values);
            let file = download::python_file(lesson.id, &source, None);
            let path = dir
                .join(format!("set{k}"))
                .join(download::file_name(lesson.id));
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("dir");
            std::fs::write(&path, file).expect("write");
            let page = page(&source);
            let end = page.stdout.last().map_or(0.0, |l| l.0);
            let ideal = end.max(lesson.ideal_ms(&values));
            // A deadlock is stopped once its lines are due (and then some).
            let limit = Duration::from_millis(if page.ending == "deadlock" {
                ideal as u64 + 4_000
            } else {
                ideal as u64 * 2 + 15_000
            });
            cases.push(Case {
                lesson,
                label: if label == "defaults" {
                    label
                } else {
                    format!("random: {label}")
                },
                page,
                path,
                limit,
            });
        }
    }
    assert_eq!(
        offline,
        LESSONS.len() - 2,
        "all but fetch and batch-llm run offline"
    );
    // Every file goes in one folder, as in a learner's Downloads: none may
    // shadow a module another one imports (queue.py would, for executor).
    let names = python3()
        .args([
            "-c",
            "import sys; print(' '.join(sorted(sys.stdlib_module_names)))",
        ])
        .output()
        .expect("python3 runs");
    let stdlib = String::from_utf8_lossy(&names.stdout).to_string();
    for lesson in LESSONS.iter().map(|l| l.id).chain(["code"]) {
        let name = download::file_name(lesson);
        let module = name.trim_end_matches(".py").replace('-', "_");
        assert!(
            !stdlib.split_whitespace().any(|m| m == module),
            "{name} shadows the standard library's {module}"
        );
    }
    // Several at once (each mostly sleeps), not all: on a loaded 2-core
    // machine 34 interpreters starting together starve each other of CPU,
    // and real time is what these runs are about.
    let started = Instant::now();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let runs: Vec<std::sync::Mutex<Option<Ran>>> =
        cases.iter().map(|_| std::sync::Mutex::new(None)).collect();
    std::thread::scope(|s| {
        for _ in 0..PARALLEL {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let Some(c) = cases.get(i) else { break };
                let ran = run_file(&c.path, c.limit);
                if let Ok(mut slot) = runs[i].lock() {
                    *slot = Some(ran);
                }
            });
        }
    });
    // The same files in CPython on a virtual clock (scripts/oracle.py: the
    // real asyncio, its clock moved from timer to timer): the order of the
    // lines, whatever the machine's load.
    // (Not executor's: its lines are compared by shape, and its CPU work is
    // real work the oracle cannot fake at every parameter.)
    let oracle = oracle_stdout(
        &cases
            .iter()
            .filter(|c| c.lesson.id != "executor")
            .map(|c| c.path.clone())
            .collect::<Vec<_>>(),
    );
    let mut failures = Vec::new();
    let mut matched = 0;
    for (c, ran) in cases.iter().zip(runs) {
        let Some(Ran {
            mut status,
            mut stdout,
            mut stderr,
        }) = ran.into_inner().ok().flatten()
        else {
            failures.push(format!("{}: not run", c.lesson.id));
            continue;
        };
        let deadlock = c.page.ending == "deadlock";
        let want: Vec<String> = c.page.stdout.iter().map(|l| l.1.clone()).collect();
        let id = c.lesson.id;
        let same_lines = |got: &[String]| {
            if id == "executor" {
                executor_shape(got) == executor_shape(&want)
            } else {
                let (mut a, mut b) = (got.to_vec(), want.clone());
                a.sort();
                b.sort();
                a == b
            }
        };
        // A real run can print other lines when two timers race (a
        // heartbeat 100 ms before main's end, drifting late on a loaded
        // machine): such a file runs again, alone, up to twice; what the
        // lines must be in order is checked on the virtual clock below.
        for _ in 0..2 {
            let got: Vec<String> = stdout.lines().map(str::to_string).collect();
            if same_lines(&got) {
                break;
            }
            let again = run_file(&c.path, c.limit);
            (status, stdout, stderr) = (again.status, again.stdout, again.stderr);
        }
        let got: Vec<String> = stdout.lines().map(str::to_string).collect();
        let mut problems = Vec::new();
        match (deadlock, status) {
            (true, Some(s)) => problems.push(format!("a deadlock that ended ({s})")),
            (true, None) if got.len() < want.len() => {
                problems.push("stopped before its lines were all printed".to_string())
            }
            (false, None) => problems.push(format!("still running after {:?}", c.limit)),
            _ => {}
        }
        // The order of the lines is checked in CPython on the oracle's
        // virtual clock (below); in real time, lines may swap by however
        // late a loaded machine makes a timer, so here the same lines are
        // enough, each as many times.
        if !same_lines(&got) {
            problems.push(format!(
                "stdout differs:\n    page:    {want:?}\n    cpython: {got:?}"
            ));
        }
        if id != "executor" {
            if let Some(ordered) = oracle.get(&c.path) {
                if *ordered != want {
                    problems.push(format!(
                        "stdout differs in order on CPython's virtual clock:\n    page:    {want:?}\n    cpython: {ordered:?}"
                    ));
                }
            } else {
                problems.push("no result from scripts/oracle.py".to_string());
            }
        }
        let py_warnings: Vec<String> = stderr.lines().filter_map(warning).collect();
        for w in &c.page.warnings {
            if !py_warnings.contains(w) {
                problems.push(format!("warning {w:?} not on CPython's stderr: {stderr}"));
            }
        }
        if let Some(err) = c.page.ending.strip_prefix("error: ") {
            let last = stderr.lines().last().unwrap_or_default();
            if last != err || status.is_some_and(|s| s.success()) {
                problems.push(format!(
                    "page ended {err:?}, CPython's last stderr line {last:?}"
                ));
            }
        } else if c.page.ending == "ok" && !status.is_some_and(|s| s.success()) {
            problems.push(format!("CPython failed: {stderr}"));
        }
        if problems.is_empty() {
            matched += 1;
        } else {
            failures.push(format!(
                "{id} ({}; {}):\n  {}",
                c.label,
                c.path.display(),
                problems.join("\n  ")
            ));
        }
    }
    eprintln!(
        "{matched} of {} downloads ({offline} lessons, defaults and a random set) printed the page's lines in CPython, in {:.1} s",
        cases.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_network_lessons_downloads_send_the_mock_api_to_the_public_service() {
    for id in ["fetch", "batch-llm"] {
        let lesson = LESSONS.iter().find(|l| l.id == id).expect("the lesson");
        let source = (lesson.python)(&Values::defaults(lesson.params));
        let file = download::python_file(id, &source, Some("https://example.org/?example=x"));
        let top: String = file.lines().take(20).collect::<Vec<_>>().join("\n");
        assert!(
            top.contains("# NETWORK:") && top.contains(PUBLIC_API),
            "{top}"
        );
        assert!(file.contains("import aiohttp"), "{file}");
        // CPython compiles it (it cannot run it here: no network).
        let out = python3()
            .args([
                "-c",
                "import sys; compile(sys.stdin.read(), 'f.py', 'exec')",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .and_then(|mut c| {
                use std::io::Write;
                c.stdin.take().expect("stdin").write_all(file.as_bytes())?;
                c.wait_with_output()
            })
            .expect("python3 runs");
        assert!(
            out.status.success(),
            "{id}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn the_mapping_gives_the_mock_apis_status_and_latency() {
    let mut urls: Vec<String> = vec![
        "mock-api/get?id=3&delay=800".into(),
        "http://127.0.0.1:8765/mock-api/get?id=0&delay=0".into(),
        "http://localhost:9/mock-api/get?id=7&status=404&delay=100".into(),
        "./mock-api/html?delay=300".into(),
        "mock-api/nothing".into(),
        "mock-api/llm?id=2&fail=1&delay=450".into(),
        "mock-api/llm?id=2&fail=0&delay=12500".into(),
        "mock-api/get?delay=abc&status=+503".into(),
    ];
    for id in 0..40 {
        urls.push(format!(
            "mock-api/flaky?id={id}&fail_rate=30&seed=7&delay=200"
        ));
        urls.push(format!("mock-api/flaky?id={id}&fail_rate=55&seed=x{id}"));
    }
    urls.push("https://example.org/get".into());
    let script = format!(
        "{}\nimport sys\nfor u in sys.stdin.read().splitlines():\n    print(repr(mock_to_public(u)))\n",
        download::MAPPING_PY
    );
    let out = python3()
        .args(["-c", &script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin
                .take()
                .expect("stdin")
                .write_all(urls.join("\n").as_bytes())?;
            c.wait_with_output()
        })
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let got: Vec<&str> = text.lines().collect();
    assert_eq!(got.len(), urls.len());
    for (url, line) in urls.iter().zip(&got) {
        if !mock_api::is_mock(&async_playground::python::modules::bundled_url(url)) {
            assert_eq!(*line, "None", "{url}");
            continue;
        }
        let a = mock_api::answer(&async_playground::python::modules::bundled_url(url));
        let secs = a.delay_ms / 1000.0;
        let want = if a.body.starts_with("<!doctype") && a.status == 200 {
            format!("({secs:?}, '{PUBLIC_API}/html')")
        } else if a.status != 200 {
            format!("({secs:?}, '{PUBLIC_API}/status/{}')", a.status)
        } else {
            let server = secs.min(10.0);
            let shown = format!("{server}");
            format!("({:?}, '{PUBLIC_API}/delay/{shown}')", secs - server)
        };
        assert_eq!(*line, want, "{url}");
    }
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The venv's python with real aiohttp (scripts/setup-docs.sh makes it).
fn aiohttp_python() -> PathBuf {
    let py = repo().join("target/docs-venv/bin/python");
    let ok = Command::new(&py)
        .args(["-c", "import aiohttp"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(
        ok,
        "{} with aiohttp is needed (bash scripts/setup-docs.sh installs it)",
        py.display()
    );
    py
}

/// A stand-in for the public server on a loopback port (its own process).
struct FakeHttpbin {
    child: Child,
    base: String,
}

impl FakeHttpbin {
    fn start() -> Self {
        let mut child = python3()
            .arg(repo().join("scripts/httpbin_fake.py"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the stand-in server starts");
        let mut port = String::new();
        if let Some(out) = child.stdout.as_mut() {
            let mut byte = [0u8; 1];
            while out.read(&mut byte).map(|n| n == 1).unwrap_or(false) && byte[0] != b'\n' {
                port.push(byte[0] as char);
            }
        }
        assert!(
            port.trim().parse::<u16>().is_ok(),
            "the stand-in's port: {port:?}"
        );
        FakeHttpbin {
            child,
            base: format!("http://127.0.0.1:{}", port.trim()),
        }
    }
}

impl Drop for FakeHttpbin {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn the_network_lessons_downloads_run_through_real_aiohttp_against_a_stand_in_server() {
    // The public server is out of reach here: the one line naming it is
    // pointed at scripts/httpbin_fake.py, which answers its three paths as
    // httpbin does. Everything else in the file runs as downloaded.
    let py = aiohttp_python();
    let server = FakeHttpbin::start();
    let lesson = |id: &str| LESSONS.iter().find(|l| l.id == id).expect("the lesson");
    let fetch = lesson("fetch");
    let mut fv = Values::defaults(fetch.params);
    assert_eq!(fv.set(fetch.params, "tasks", "3"), None);
    assert_eq!(fv.set(fetch.params, "delay", "300"), None);
    let batch = lesson("batch-llm");
    // A seed whose draws are all far from the timeout (real time decides
    // those within a few ms of it), with failures and timeouts among them.
    let mut bv = Values::defaults(batch.params);
    for (k, v) in [
        ("prompts", "8"),
        ("limit", "4"),
        ("latency_min", "100"),
        ("latency_max", "700"),
        ("timeout", "400"),
        ("fail_rate", "30"),
    ] {
        assert_eq!(bv.set(batch.params, k, v), None, "{k}");
    }
    let seed = (1..200)
        .find(|s| {
            let mut v = bv.clone();
            let _ = v.set(batch.params, "seed", &s.to_string());
            let d = async_playground::lessons::batch_llm::draws(&v);
            d.iter().all(|d| (d.latency_ms - 400.0).abs() >= 80.0)
                && d.iter().any(|d| d.fails && d.latency_ms < 400.0)
                && d.iter().any(|d| d.latency_ms > 400.0)
                && d.iter().any(|d| !d.fails && d.latency_ms < 400.0)
        })
        .expect("a seed");
    assert_eq!(bv.set(batch.params, "seed", &seed.to_string()), None);
    for (lesson, values) in [(fetch, fv), (batch, bv)] {
        let source = (lesson.python)(&values);
        let want: Vec<String> = page(&source).stdout.into_iter().map(|l| l.1).collect();
        let file = download::python_file(lesson.id, &source, None);
        let public = format!("PUBLIC_API = \"{PUBLIC_API}\"");
        assert_eq!(file.matches(&public).count(), 1, "{}", lesson.id);
        let file = file.replace(&public, &format!("PUBLIC_API = \"{}\"", server.base));
        let dir = std::env::temp_dir().join(format!("download_py_net_{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join(download::file_name(lesson.id));
        std::fs::write(&path, file).expect("write");
        let mut cmd = Command::new(&py);
        cmd.arg(&path);
        let out = cmd.output().expect("the venv's python runs");
        let _ = std::fs::remove_dir_all(&dir);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{}: {stderr}", lesson.id);
        let got: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_string)
            .collect();
        if lesson.id == "fetch" {
            // Bodies are the server's own (httpbin pretty-prints its JSON,
            // so a body's first 60 characters take several lines); the
            // statuses, which request is which, and the count are the page's.
            let starts = |ls: &[String], p: &str| ls.iter().filter(|l| l.starts_with(p)).count();
            assert_eq!(starts(&got, "200 {"), starts(&want, "200 {"), "{got:?}");
            for i in 0..3 {
                assert_eq!(starts(&got, &format!("{i} {{")), 1, "{got:?}");
            }
            assert_eq!(got.last(), want.last(), "{got:?}");
        } else {
            // Which prompt failed, timed out or answered: exactly the page's;
            // an answer's body is the server's, the elapsed time real.
            // A body may take several lines: one record per prompt.
            let mut records: Vec<String> = Vec::new();
            for l in &got {
                let starts_record = l.split_once(' ').is_some_and(|(n, rest)| {
                    n.parse::<u32>().is_ok()
                        && (rest.starts_with("ok: ")
                            || rest.starts_with("error: ")
                            || rest.starts_with("ok, "))
                });
                match records.last_mut() {
                    Some(last) if !starts_record => last.push_str(l),
                    _ => records.push(l.clone()),
                }
            }
            assert_eq!(
                records.len(),
                want.len(),
                "{}:\n{want:?}\n{got:?}",
                lesson.id
            );
            for (g, w) in records.iter().zip(&want) {
                if let Some(at) = w.find(" ok: ") {
                    assert!(g.starts_with(&w[..at + 5]), "{g} / {w}");
                } else if w.contains(" timed out in ") {
                    let head = |l: &str| l.split(" in ").next().unwrap_or_default().to_string();
                    assert_eq!(head(g), head(w), "{g} / {w}");
                } else if w.contains("HTTPError: ") {
                    // The reason phrase is the server's (the page's mock
                    // sends none; a real server says "Internal Server Error").
                    assert!(g.starts_with(w.as_str()), "{g} / {w}");
                } else {
                    assert_eq!(g, w);
                }
            }
        }
    }
}
