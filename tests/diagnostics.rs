#![cfg(not(target_arch = "wasm32"))]
//! asyncio's own diagnostics, word for word: each program runs on CPython
//! 3.11 (`python3`, with `asyncio.run(main(), debug=True)` for the
//! slow-callback warning) and on the interpreter (virtual clock); the
//! interpreter's `Diagnostic` events must carry CPython's line, on the lane
//! of the task it is about, and the stderr lines CPython prints must be
//! there too. A missing `python3` fails the test: it is never skipped.

use std::process::Command;

use async_playground::core::trace::{DiagKind, EventKind, Trace};
use async_playground::runtime::python_host::simulate;

/// CPython's stderr for `source` (written to a file named `main.py`).
fn cpython_stderr(source: &str) -> String {
    let dir = std::env::temp_dir().join(format!("diag-oracle-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let name = format!("main_{:x}.py", fxhash(source));
    let sub = dir.join(&name);
    let _ = std::fs::create_dir_all(&sub);
    let path = sub.join("main.py");
    std::fs::write(&path, source).expect("write the program");
    let out = Command::new("python3")
        .arg(&path)
        .current_dir(&sub)
        .output()
        .expect("python3 runs (the oracle is required)");
    let text = String::from_utf8_lossy(&out.stderr).to_string();
    // Paths as the playground names its one file.
    let full = path.to_string_lossy().to_string();
    text.replace(&full, "main.py")
}

fn fxhash(s: &str) -> u64 {
    s.bytes().fold(0xcbf29ce484222325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100000001b3)
    })
}

/// Removes what only debug mode adds to a repr (` created at FILE:LINE`).
fn strip_created_at(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(pos) = rest.find(" created at ") {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + " created at ".len()..];
        // FILE:LINE ends at the next '>' or ']'.
        let end = after.find(['>', ']']).unwrap_or(after.len());
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

fn diagnostics(trace: &Trace) -> Vec<(String, DiagKind, String, f64)> {
    let name = |id: async_playground::core::trace::TaskId| {
        trace
            .events()
            .iter()
            .find_map(|e| match &e.kind {
                EventKind::Created { name } | EventKind::Spawned { name } if e.task == id => {
                    Some(name.clone())
                }
                _ => None,
            })
            .unwrap_or_default()
    };
    trace
        .events()
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Diagnostic(d) => Some((name(e.task), d.kind, d.text.clone(), e.at_ms)),
            _ => None,
        })
        .collect()
}

fn stderr_lines(trace: &Trace) -> Vec<String> {
    trace
        .events()
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Stderr { line } => Some(line.clone()),
            _ => None,
        })
        .collect()
}

const NEVER_AWAITED: &str = "import asyncio

async def save(name):
    await asyncio.sleep(0.5)
    print('saved', name)

async def main():
    save('report')
    await save('backup')
    print('main done')

asyncio.run(main())
";

#[test]
fn never_awaited_is_cpythons_line_on_the_coroutines_lane() {
    let cp = cpython_stderr(NEVER_AWAITED);
    // CPython: `main.py:8: RuntimeWarning: coroutine 'save' was never awaited`.
    let line = cp
        .lines()
        .find(|l| l.contains("was never awaited"))
        .expect("CPython warns");
    let headline = line.split_once(": ").map_or(line, |(_, w)| w);
    assert_eq!(
        headline,
        "RuntimeWarning: coroutine 'save' was never awaited"
    );
    let trace = simulate(NEVER_AWAITED).expect("compiles");
    let d = diagnostics(&trace);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].0, "save('report')");
    assert_eq!(d[0].1, DiagKind::NeverAwaited);
    assert_eq!(d[0].2, headline);
    assert!(stderr_lines(&trace).iter().any(|l| l == headline));
}

const NEVER_RETRIEVED: &str = "import asyncio

async def boom():
    raise ValueError('no')

async def main():
    t = asyncio.create_task(boom())
    await asyncio.sleep(0.1)
    print('main done')

asyncio.run(main())
";

#[test]
fn never_retrieved_is_cpythons_line_on_the_failed_tasks_lane() {
    let cp = cpython_stderr(NEVER_RETRIEVED);
    let lines: Vec<&str> = cp.lines().collect();
    assert!(
        lines.contains(&"Task exception was never retrieved"),
        "{cp}"
    );
    let trace = simulate(NEVER_RETRIEVED).expect("compiles");
    let d = diagnostics(&trace);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].0, "boom()");
    assert_eq!(d[0].1, DiagKind::NeverRetrieved);
    assert_eq!(d[0].2, "Task exception was never retrieved");
    // The `future:` line below it, as CPython writes it.
    let ours = stderr_lines(&trace);
    let future_cp = lines
        .iter()
        .find(|l| l.starts_with("future: "))
        .expect("future line");
    assert!(
        ours.iter().any(|l| l == future_cp),
        "{ours:?} vs {future_cp}"
    );
}

const DESTROYED: &str = "import asyncio

async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        pass
    await asyncio.sleep(10)

async def main():
    asyncio.get_running_loop().create_task(stubborn())
    await asyncio.sleep(0.1)

loop = asyncio.new_event_loop()
task = loop.create_task(main())
loop.run_until_complete(task)
loop.close()
";

#[test]
fn destroyed_pending_is_cpythons_line() {
    let cp = cpython_stderr(DESTROYED);
    assert!(
        cp.lines()
            .any(|l| l == "Task was destroyed but it is pending!"),
        "{cp}"
    );
    // The interpreter's wording is the same constant; check it where it
    // is emitted (asyncio.run's shutdown of a task that survives it).
    let src = "import asyncio

async def late():
    await asyncio.sleep(1)

async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        asyncio.get_running_loop().create_task(late())

async def main():
    asyncio.create_task(stubborn())
    await asyncio.sleep(0.1)

asyncio.run(main())
";
    let trace = simulate(src).expect("compiles");
    let d = diagnostics(&trace);
    let cp2 = cpython_stderr(src);
    let cp_has = cp2
        .lines()
        .any(|l| l == "Task was destroyed but it is pending!");
    let ours = d.iter().any(|x| x.1 == DiagKind::DestroyedPending);
    assert_eq!(ours, cp_has, "CPython: {cp2}\nours: {d:?}");
    for x in d.iter().filter(|x| x.1 == DiagKind::DestroyedPending) {
        assert_eq!(x.2, "Task was destroyed but it is pending!");
    }
}

const SLOW: &str = "import asyncio, time

async def work(i):
    await asyncio.sleep(0.1)
    time.sleep(0.512)
    return i

async def main():
    t = asyncio.create_task(work(1))
    await asyncio.sleep(0.05)
    time.sleep(0.2)
    await t
    print('done')

asyncio.run(main(), debug=True)
";

#[test]
fn slow_callback_is_debug_modes_line() {
    let cp = cpython_stderr(SLOW);
    let cp: Vec<String> = cp
        .lines()
        .filter(|l| l.starts_with("Executing "))
        .map(strip_created_at)
        .collect();
    assert_eq!(cp.len(), 2, "{cp:?}");
    let trace = simulate(SLOW).expect("compiles");
    let d: Vec<_> = diagnostics(&trace)
        .into_iter()
        .filter(|x| x.1 == DiagKind::SlowCallback)
        .collect();
    assert_eq!(d.len(), 2, "{d:?}");
    // main()'s step: CPython's repr up to its coroutine's line, then the
    // duration as `%.3f seconds`.
    assert_eq!(d[0].0, "main()");
    let head = "Executing <Task pending name='Task-1' coro=<main() running at main.py:12>";
    assert!(cp[0].starts_with(head), "{}", cp[0]);
    assert!(d[0].2.starts_with(head), "{}", d[0].2);
    // CPython's real clock: a little over the 0.2 s of its time.sleep.
    assert!(
        cp[0].contains("> took 0.2") && cp[0].ends_with(" seconds"),
        "{}",
        cp[0]
    );
    assert!(d[0].2.ends_with("> took 0.200 seconds"), "{}", d[0].2);
    // work(1)'s step ends the task: CPython's whole line, word for word.
    assert_eq!(d[1].0, "work(1)");
    let whole = "Executing <Task finished name='Task-2' coro=<work() done, defined at main.py:3> result=1> took 0.512 seconds";
    assert_eq!(d[1].2, whole);
    let cp_head = cp[1]
        .rsplit_once(" took ")
        .map(|(h, _)| h)
        .unwrap_or_default();
    assert_eq!(
        whole
            .rsplit_once(" took ")
            .map(|(h, _)| h)
            .unwrap_or_default(),
        cp_head
    );
    // Debug mode's threshold: 100 ms. A 99 ms step says nothing here (CPython,
    // on a real clock, is checked at 50 ms: its own overhead adds to a step).
    let quick = SLOW.replace("0.512", "0.099").replace("0.2)", "0.099)");
    let trace = simulate(&quick).expect("compiles");
    assert!(!diagnostics(&trace)
        .iter()
        .any(|x| x.1 == DiagKind::SlowCallback));
    let cpq = cpython_stderr(&SLOW.replace("0.512", "0.05").replace("0.2)", "0.05)"));
    assert!(!cpq.contains("Executing "), "{cpq}");
    // Not printed on stderr: CPython prints it only in debug mode.
    assert!(!stderr_lines(&trace)
        .iter()
        .any(|l| l.starts_with("Executing ")));
}

const NOT_KEPT: &str = "import asyncio

async def job(n):
    await asyncio.sleep(0.1)
    print('job', n)

async def main():
    asyncio.create_task(job(1))
    kept = asyncio.create_task(job(2))
    async with asyncio.TaskGroup() as tg:
        tg.create_task(job(3))
    await kept

asyncio.run(main())
";

#[test]
fn not_kept_is_the_playgrounds_and_only_for_dropped_tasks() {
    let trace = simulate(NOT_KEPT).expect("compiles");
    let d = diagnostics(&trace);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].0, "job(1)");
    assert_eq!(d[0].1, DiagKind::NotKept);
    assert!(d[0].2.starts_with("playground: "), "{}", d[0].2);
    assert!(!DiagKind::NotKept.from_cpython());
    // CPython itself says nothing here.
    let cp = cpython_stderr(NOT_KEPT);
    assert!(cp.trim().is_empty(), "{cp}");
}

#[test]
fn lessons_show_their_diagnostics() {
    let lesson = |id: &str| {
        std::fs::read_to_string(format!("src/lessons/{}/lesson.py", id.replace('-', "_")))
            .expect("the lesson's code")
    };
    let kinds = |id: &str| -> Vec<(String, DiagKind)> {
        diagnostics(&simulate(&lesson(id)).expect("compiles"))
            .into_iter()
            .map(|d| (d.0, d.1))
            .collect()
    };
    assert_eq!(
        kinds("blocking-call"),
        vec![("compute_blocking()".to_string(), DiagKind::SlowCallback)]
    );
    assert_eq!(
        kinds("forgotten-await"),
        vec![("save('report')".to_string(), DiagKind::NeverAwaited)]
    );
    // The blocking call's line is debug mode's, word for word.
    let src =
        lesson("blocking-call").replace("asyncio.run(main())", "asyncio.run(main(), debug=True)");
    let cp = cpython_stderr(&src);
    let cp: Vec<String> = cp
        .lines()
        .filter(|l| l.starts_with("Executing "))
        .map(strip_created_at)
        .collect();
    let ours: Vec<String> = diagnostics(&simulate(&src).expect("compiles"))
        .into_iter()
        .map(|d| d.2)
        .collect();
    assert_eq!(ours.len(), 1, "{ours:?}");
    assert_eq!(cp.len(), 1, "{cp:?}");
    let head = |s: &str| {
        s.rsplit_once(" took ")
            .map(|(h, _)| h.to_string())
            .unwrap_or_default()
    };
    assert_eq!(head(&ours[0]), head(&cp[0]));
    assert!(ours[0].ends_with(" took 1.000 seconds"), "{}", ours[0]);
}
