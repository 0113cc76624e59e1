//! "Download .py": the program the learner sees, as a file that CPython
//! 3.11 runs as it is and that prints the same lines as the page.
//!
//! The page's program is already Python (a lesson's code with its current
//! parameters written in as literals, or the learner's own code), so the
//! file is that text with three additions, each explained by a comment in
//! the file:
//!
//! - **A header**: where it came from (the link that reproduces the run),
//!   how to run it, and a note for lessons that behave differently on
//!   purpose (the deadlock waits forever; the executor's figures depend on
//!   the machine).
//! - **`random.seed(0)`** after the imports, when the program imports
//!   `random`: the playground seeds `random` with 0 so a link repeats its
//!   run, and CPython then draws the same numbers.
//! - **The mock API on a public server**, when the program requests the
//!   playground's bundled mock API (`mock-api/...`, served by the page
//!   itself, or `http://127.0.0.1:8765/mock-api/...` as the lessons write
//!   it): a short block patches real aiohttp's `ClientSession` so each
//!   such request goes to [`PUBLIC_API`] (httpbin.org) with the same
//!   latency and status, mapped as [`MAPPING_PY`] documents. Other URLs
//!   are left alone.
//!
//! What cannot be the same: the response bodies (httpbin echoes the
//! request; the mock answers `{"id":3,"name":"user3",...}`), and the
//! network's own round trip, which comes on top of the mock's latency.

use super::mock_api;

/// The public service the downloaded file sends mock API requests to.
///
/// httpbin.org: `/delay/{seconds}` answers 200 with JSON after that many
/// seconds (fractions allowed, at most 10), `/status/{code}` answers that
/// status at once, `/html` answers an HTML page.
pub const PUBLIC_API: &str = "https://httpbin.org";

/// Standard-library module names a page id could take. A file named like
/// one (`queue.py`) shadows that module for every program run from the same
/// folder: `concurrent.futures` imports `queue`, so the executor lesson,
/// saved beside `queue.py`, would run the queue lesson instead.
#[rustfmt::skip]
const STDLIB_NAMES: &[&str] = &[
    "abc", "array", "ast", "asyncio", "base64", "bisect", "calendar", "code", "codecs",
    "collections", "contextlib", "copy", "csv", "dataclasses", "datetime", "decimal",
    "difflib", "dis", "email", "enum", "functools", "gc", "glob", "heapq", "hashlib", "html",
    "http", "inspect", "io", "itertools", "json", "keyword", "logging", "math", "numbers",
    "operator", "os", "pathlib", "pickle", "platform", "queue", "random", "re", "sched",
    "secrets", "select", "selectors", "shutil", "signal", "socket", "ssl", "stat",
    "statistics", "string", "struct", "subprocess", "sys", "tempfile", "test", "threading",
    "time", "timeit", "token", "tokenize", "trace", "traceback", "types", "typing", "unittest",
    "urllib", "uuid", "warnings", "weakref",
];

/// The file name of the download for page `id`: `semaphore.py`. A name
/// that would shadow a standard-library module gets a suffix
/// (`queue_lesson.py`; the "Your code" page, id `code`, is `my_code.py`).
pub fn file_name(id: &str) -> String {
    let safe: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    if safe.is_empty() {
        return "program.py".to_string();
    }
    if safe == super::query::YOUR_CODE {
        return "my_code.py".to_string();
    }
    if STDLIB_NAMES.contains(&safe.replace('-', "_").as_str()) {
        return format!("{safe}_lesson.py");
    }
    format!("{safe}.py")
}

/// The Python function that maps a mock API URL to the public service:
/// `(seconds to wait in the client first, public URL)`, or `None` for a URL
/// that is not the mock's. Its answers follow [`mock_api::answer`] (status
/// and latency; the `flaky` endpoint's failures by the same FNV-1a hash).
/// Pure Python without imports of its own beyond the standard library, so
/// a test can run it alone.
pub const MAPPING_PY: &str = r#"PUBLIC_API = "https://httpbin.org"

def mock_to_public(url):
    """(seconds to wait here first, public URL) for a mock API URL, else None."""
    import re
    from urllib.parse import parse_qsl
    m = re.match(r"(?:https?://(?:127\.0\.0\.1|localhost)(?::\d*)?/|\./)?mock-api/([^?#]*)\??([^#]*)", url)
    if not m:
        return None
    path, query = m.group(1), m.group(2)
    pairs = parse_qsl(query, keep_blank_values=True)
    def text(key, default):
        return next((v for k, v in pairs if k == key), default)
    def number(key, default, lo, hi):
        v = text(key, "").strip()
        if not re.fullmatch(r"[+-]?[0-9]+", v):
            return default
        return min(max(int(v), lo), hi)
    delay = number("delay", 0, 0, 60_000) / 1000      # seconds
    status = number("status", 200, 200, 599)
    if path == "flaky":                  # fails for the same ids as the page
        h = 0x811C9DC5
        data = f"{text('seed', '0')}:{number('id', 0, 0, 1_000_000)}".encode("utf-16-le")
        for i in range(0, len(data), 2):
            h = ((h ^ (data[i] | data[i + 1] << 8)) * 0x01000193) & 0xFFFFFFFF
        if h % 100 < number("fail_rate", 30, 0, 100):
            status = 503
    elif path == "llm" and text("fail", "") == "1":
        status = 500
    elif path not in ("get", "flaky", "llm", "html"):
        status = 404
    if path == "html" and status == 200:
        return delay, f"{PUBLIC_API}/html"
    if status != 200:                    # httpbin answers a status at once:
        return delay, f"{PUBLIC_API}/status/{status}"   # the wait is here
    server = min(delay, 10.0)            # httpbin waits at most 10 s
    return delay - server, f"{PUBLIC_API}/delay/{server:g}"
"#;

/// The patch of real aiohttp that sends mock API requests through
/// `mock_to_public` (every `ClientSession` request goes through its
/// `_request`, in every aiohttp 3.x).
const PATCH_PY: &str = r#"
_aiohttp_request = aiohttp.ClientSession._request

async def _request_via_public_api(self, method, url, *args, **kwargs):
    mapped = mock_to_public(str(url))
    if mapped is not None:
        wait, url = mapped
        await asyncio.sleep(wait)
    return await _aiohttp_request(self, method, url, *args, **kwargs)

aiohttp.ClientSession._request = _request_via_public_api
"#;

/// Whether `source` requests the bundled mock API through aiohttp.
pub fn uses_mock_api(source: &str) -> bool {
    source.contains("aiohttp")
        && (source.contains(mock_api::PREFIX) || source.contains("127.0.0.1:8765"))
}

/// Whether `source` imports `random` (then the file seeds it as the page does).
fn uses_random(source: &str) -> bool {
    source.lines().any(|l| {
        let l = l.trim_start();
        let words: Vec<&str> = l
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        matches!(words.first(), Some(&"import")) && words.contains(&"random")
            || l.starts_with("from random ")
    })
}

/// A lesson's own note for the file's header, where it behaves differently
/// from a plain run on purpose.
fn lesson_note(id: &str) -> &'static [&'static str] {
    match id {
        "deadlock" => &[
            "With ORDER = \"opposite\" the two tasks wait for each other forever:",
            "CPython prints the same lines as the page, then hangs (Ctrl+C stops it).",
        ],
        "executor" => &[
            "The primes found and the number of ticks depend on this machine's",
            "speed (the page's virtual clock computes no primes); the order is the same.",
        ],
        "blocking-call" => &["time.sleep() really blocks here too: the pause is real."],
        _ => &[],
    }
}

/// Where the additions go: after a shebang / coding line, and after the
/// imports at the top of the program (0-based line index).
fn split_points(lines: &[&str]) -> (usize, usize) {
    let mut head = 0;
    while head < lines.len().min(2) {
        let l = lines[head];
        if l.starts_with("#!") || (l.starts_with('#') && l.contains("coding")) {
            head += 1;
        } else {
            break;
        }
    }
    let mut after_imports = head;
    let mut i = head;
    while i < lines.len() {
        let t = lines[i].trim();
        if t.is_empty() || t.starts_with('#') {
            i += 1;
            continue;
        }
        let is_import = lines[i].starts_with("import ") || lines[i].starts_with("from ");
        if !is_import {
            break;
        }
        // A parenthesised import may span lines; a backslash continues one.
        let mut end = i;
        if t.contains('(') && !t.contains(')') {
            while end + 1 < lines.len() && !lines[end].contains(')') {
                end += 1;
            }
        }
        while end + 1 < lines.len() && lines[end].trim_end().ends_with('\\') {
            end += 1;
        }
        i = end + 1;
        after_imports = i;
    }
    (head, after_imports)
}

/// The downloaded file for page `id` whose program is `source`; `link` is
/// the address that reproduces the run on the page, if known.
pub fn python_file(id: &str, source: &str, link: Option<&str>) -> String {
    let lines: Vec<&str> = source.lines().collect();
    let (head, after_imports) = split_points(&lines);
    let mock = uses_mock_api(source);
    let mut out = String::with_capacity(source.len() + 4096);
    for l in &lines[..head] {
        out.push_str(l);
        out.push('\n');
    }
    out.push_str(&format!(
        "# {}: downloaded from the async playground.\n",
        file_name(id)
    ));
    if let Some(link) = link.filter(|l| !l.is_empty()) {
        out.push_str(&format!("# The same run on the page: {link}\n"));
    }
    out.push_str(&format!(
        "# Run it with CPython 3.11 or newer: python3 {}\n",
        file_name(id)
    ));
    out.push_str(
        "# It prints the lines the page's console shows, in the same order, in\n\
         # real time (the page also shows each line's scenario time).\n",
    );
    for n in lesson_note(id) {
        out.push_str(&format!("# {n}\n"));
    }
    if mock {
        out.push_str(&format!(
            "#\n\
             # NETWORK: in the browser this program's requests to the playground's\n\
             # bundled mock API (mock-api/...) are answered by the page itself.\n\
             # Here they go to the public service {PUBLIC_API} instead, with the same\n\
             # latency and status (see mock_to_public below), through real aiohttp:\n\
             #   pip install aiohttp\n\
             # The response bodies are httpbin's, not the mock's (pretty-printed\n\
             # JSON: a printed body may take several lines), and the network's\n\
             # own round trip comes on top of each latency.\n"
        ));
    }
    out.push('\n');
    for l in &lines[head..after_imports] {
        out.push_str(l);
        out.push('\n');
    }
    let mut added = String::new();
    if uses_random(source) {
        if !uses_random(&lines[head..after_imports].join("\n")) {
            added.push_str("import random\n");
        }
        added.push_str(
            "random.seed(0)   # the playground seeds random with 0: the same draws as the page\n",
        );
    }
    if mock {
        added.push_str(
            "\n# --- The playground's mock API, on a public server ----------------------\n\
             # mock-api/get?id=3&delay=800       -> https://httpbin.org/delay/0.8 (200, JSON)\n\
             # mock-api/...?status=503&delay=800 -> wait 0.8 s here, then\n\
             #                                      https://httpbin.org/status/503\n\
             # mock-api/flaky?...                -> 503 for the same ids as the page\n\
             # mock-api/llm?fail=1&delay=...     -> wait, then 500; else as get\n\
             # mock-api/html?delay=...           -> wait, then https://httpbin.org/html\n\
             # Any other URL is requested as written.\n\
             import asyncio\n\
             import aiohttp\n\n",
        );
        added.push_str(MAPPING_PY);
        added.push_str(PATCH_PY);
        added.push_str(
            "# --- The program, as in the playground -----------------------------------\n",
        );
    }
    if !added.is_empty() {
        if after_imports > head && !out.ends_with("\n\n") {
            // Keep the program's own blank line after its imports.
            let trailing_blank = lines[..after_imports]
                .last()
                .is_some_and(|l| l.trim().is_empty());
            if !trailing_blank {
                out.push('\n');
            }
        }
        out.push_str(&added);
        out.push('\n');
    }
    for l in &lines[after_imports..] {
        out.push_str(l);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const FETCHES: &str = "import asyncio\nimport aiohttp\n\nAPI = \"http://127.0.0.1:8765/mock-api/\"\n\nasync def main():\n    async with aiohttp.ClientSession() as s:\n        async with s.get(f\"{API}get?delay=800\") as r:\n            print(r.status)\n\nasyncio.run(main())\n";

    #[test]
    fn names_are_safe_file_names() {
        assert_eq!(file_name("semaphore"), "semaphore.py");
        assert_eq!(file_name("code"), "my_code.py");
        assert_eq!(file_name("queue"), "queue_lesson.py");
        assert_eq!(file_name("../x y"), "xy.py");
        assert_eq!(file_name("/"), "program.py");
    }

    #[test]
    fn a_plain_program_is_kept_line_for_line_under_a_header() {
        let src = "import asyncio\n\nasync def main():\n    print('hi')\n\nasyncio.run(main())\n";
        let f = python_file("coroutine", src, Some("https://x/?example=coroutine"));
        assert!(f.starts_with("# coroutine.py: downloaded from the async playground.\n"));
        assert!(f.contains("# The same run on the page: https://x/?example=coroutine\n"));
        assert!(f.ends_with(src), "{f}");
        assert!(!f.contains("random.seed"));
        assert!(!f.contains("httpbin"));
    }

    #[test]
    fn a_shebang_stays_first_and_random_is_seeded_after_the_imports() {
        let src = "#!/usr/bin/env python3\nimport asyncio, random\n\nprint(random.random())\n";
        let f = python_file("code", src, None);
        assert!(f.starts_with("#!/usr/bin/env python3\n# my_code.py"), "{f}");
        let seed = f.find("random.seed(0)").unwrap_or(usize::MAX);
        let import = f.find("import asyncio, random").unwrap_or(usize::MAX);
        let first_use = f.find("print(random.random())").unwrap_or(0);
        assert!(import < seed && seed < first_use, "{f}");
    }

    #[test]
    fn mock_requests_go_to_the_public_service_with_a_note_at_the_top() {
        let f = python_file("fetch", FETCHES, None);
        let note = f.find("# NETWORK:").unwrap_or(usize::MAX);
        let code = f.find("async def main").unwrap_or(0);
        assert!(note < code, "{f}");
        assert!(f.contains("https://httpbin.org"));
        assert!(f.contains("aiohttp.ClientSession._request = _request_via_public_api"));
        // The program's own imports come first, the patch before its code.
        let patch = f.find("def mock_to_public").unwrap_or(usize::MAX);
        let api = f.find("API = \"http://127.0.0.1:8765").unwrap_or(0);
        assert!(f.find("import aiohttp").unwrap_or(usize::MAX) < patch && patch < api);
        // The lesson's own text is all there, in order.
        let rest = &f[f.find("# --- The program").unwrap_or(0)..];
        assert!(rest.contains(&FETCHES["import asyncio\nimport aiohttp\n".len()..]));
    }

    #[test]
    fn parenthesised_imports_are_kept_whole() {
        let src =
            "from asyncio import (\n    sleep,\n    run,\n)\nimport random\nx = random.random()\n";
        let (head, after) = split_points(&src.lines().collect::<Vec<_>>());
        assert_eq!((head, after), (0, 5));
        let f = python_file("code", src, None);
        assert!(f.contains(")\nimport random\n\nrandom.seed(0)"), "{f}");
        let g = python_file(
            "code",
            "import asyncio\n\ndef f():\n    from random import random\n",
            None,
        );
        assert!(
            g.contains("import asyncio\n\nimport random\nrandom.seed(0)"),
            "{g}"
        );
    }

    #[test]
    fn only_mock_urls_count_as_the_mock_api() {
        assert!(uses_mock_api(FETCHES));
        assert!(uses_mock_api(
            "import aiohttp\nurl = 'mock-api/get?delay=5'\n"
        ));
        assert!(!uses_mock_api(
            "import aiohttp\nurl = 'https://example.org/'\n"
        ));
        assert!(!uses_mock_api("url = 'mock-api/get'\n"));
    }
}
