//! CPython 3.11, the oracle of the interpreter's tests, and the
//! interpreter run the same way, for tests that compare the two.

use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use async_playground::python::run_virtual;

/// A `python3` command, once checked to be CPython 3.11 (the interpreter's
/// target): a missing or other `python3` fails the test that asks, saying
/// so; nothing is skipped.
pub fn python3() -> Command {
    static VERSION: OnceLock<String> = OnceLock::new();
    let v = VERSION.get_or_init(|| {
        Command::new("python3")
            .args(["-c", "import sys; print('%d.%d' % sys.version_info[:2])"])
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_else(|e| format!("not runnable ({e})"))
    });
    assert_eq!(
        v, "3.11",
        "these tests need CPython 3.11 as python3 (the oracle); python3 is {v}"
    );
    Command::new("python3")
}

/// CPython's stdout lines and the last stderr line for the program `src`.
pub fn cpython(src: &str) -> (Vec<String>, Option<String>) {
    let mut child = python3()
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("python3 could not be started: {e}"));
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(src.as_bytes())
        .expect("write the program to python3");
    let out = child.wait_with_output().expect("python3 runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    (
        stdout.lines().map(str::to_string).collect(),
        stderr.lines().last().map(str::to_string),
    )
}

/// The same for the playground's interpreter (on the virtual clock).
pub fn playground(src: &str) -> (Vec<String>, Option<String>) {
    let o = run_virtual(src);
    let lines = |s: &str| {
        o.lines
            .iter()
            .filter(|l| l.stream == s)
            .map(|l| l.text.clone())
            .collect::<Vec<_>>()
    };
    (lines("stdout"), lines("stderr").last().cloned())
}
