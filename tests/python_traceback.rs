//! Tracebacks as CPython 3.11 prints them, line for line: every program of
//! `tests/python_tracebacks/` is run by `python3` and by the interpreter,
//! and their stderr must be the same once CPython's own library frames
//! (asyncio's files) and 3.11's caret lines (`^^^^`, `~~^~~`) are left
//! out and the file is called `main.py`. This holds the frames (the
//! catching frame included), chained causes and contexts, and exception
//! groups' boxes (`+-+---- 1 ----`, `| `) to CPython's layout.

use std::path::Path;
use std::process::Command;

/// CPython's stderr, without library frames and carets.
fn cpython(path: &Path) -> Vec<String> {
    let out = Command::new("python3")
        .arg(path)
        .env("PYTHONHASHSEED", "0")
        .output()
        .expect("python3 (CPython 3.11) runs");
    let text = String::from_utf8_lossy(&out.stderr).to_string();
    let file = path.to_string_lossy().to_string();
    let mut lines = Vec::new();
    let mut skip_source = false;
    for l in text.lines() {
        // The box prefix (`  | `, `    | `) is kept; what follows decides.
        let body = l.trim_start_matches([' ', '|', '+']);
        if skip_source {
            skip_source = false;
            if !body.starts_with("File ") && !body.is_empty() {
                continue;
            }
        }
        if body.starts_with("File \"") && !body.starts_with(&format!("File \"{file}\"")) {
            skip_source = true;
            continue;
        }
        if !body.is_empty() && body.chars().all(|c| matches!(c, '^' | '~')) {
            continue;
        }
        lines.push(l.replace(&file, "main.py"));
    }
    lines
}

fn ours(path: &Path) -> Vec<String> {
    let src = std::fs::read_to_string(path).expect("program");
    let path = path.to_path_buf();
    // A big stack, as the browser build links one.
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let _ = path;
            async_playground::python::run_virtual(&src)
                .lines
                .into_iter()
                .filter(|l| l.stream == "stderr")
                .map(|l| l.text)
                .collect::<Vec<_>>()
        })
        .expect("thread")
        .join()
        .expect("no panic")
}

#[test]
fn tracebacks_are_cpythons() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python_tracebacks");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "{} programs", files.len());
    let mut bad = Vec::new();
    for f in &files {
        let (want, got) = (cpython(f), ours(f));
        if want != got {
            bad.push(format!(
                "{}:\n--- CPython\n{}\n--- ours\n{}",
                f.display(),
                want.join("\n"),
                got.join("\n")
            ));
        }
    }
    println!(
        "{} of {} tracebacks are CPython's",
        files.len() - bad.len(),
        files.len()
    );
    assert!(bad.is_empty(), "{}", bad.join("\n\n"));
}
