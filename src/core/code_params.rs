//! A lesson's parameters as literals in its Python code: writing the
//! current values into the code, and reading back what the code sets.
//!
//! # The convention
//!
//! Each lesson parameter is a module-level assignment near the top of the
//! lesson's `.py`, `NAME = literal`, where `NAME` is the URL key upper-cased
//! (`tasks` → `TASKS`, `interval_a` → `INTERVAL_A`), optionally followed by
//! a comment:
//!
//! ```python
//! TASKS = 9        # how many downloads to start
//! DELAY = 0.8      # seconds each download takes
//! MODE = "gather"
//! LOCK = False
//! ```
//!
//! - Millisecond parameters (whole numbers with the unit `ms`, such as every
//!   [`ParamSpec::ms`]) are written in **seconds**, as Python floats
//!   (`DELAY = 0.8` for 800 ms, `DELAY = 1.0` for 1000 ms, formatted like
//!   [`secs`]).
//! - Other whole numbers are Python ints (`TASKS = 9`), decimals are floats.
//! - Flags are `True` / `False`.
//! - Choices and text are double-quoted strings (`MODE = "gather"`), with
//!   `\\`, `"` and control characters escaped as Python reads them.
//!
//! Only an assignment that starts a line (no indentation: module level) is a
//! parameter's; a `TASKS = ...` inside a function is the program's own
//! business and is never touched. If a name is assigned at module level more
//! than once, the first assignment is the parameter's. A line whose value is
//! not a single literal (`TASKS = 3 + 1`, `TASKS = int(x)`) does not set the
//! parameter: [`read`] reports it as missing and [`apply`] leaves it alone.
//!
//! [`apply`] rewrites only the literal token, keeping the rest of the line
//! (spacing, comment); [`read`] validates what it finds through
//! [`ParamSpec::validate`], so an out-of-range value is clamped with the
//! same notice a URL would get.

use super::params::{Kind, ParamSpec, Value, Values};

/// The Python name of a parameter: its URL key upper-cased.
pub fn py_name(key: &str) -> String {
    key.to_ascii_uppercase()
}

/// Whether `spec` is a duration in milliseconds (written in seconds).
pub fn is_ms(spec: &ParamSpec) -> bool {
    matches!(spec.kind, Kind::Int { unit: "ms", .. })
}

/// Seconds for Python code: `0.8` for 800 ms, `1.0` for 1000 ms.
pub fn secs(ms: f64) -> String {
    let s = format!("{:.3}", ms / 1000.0);
    let s = s.trim_end_matches('0');
    if s.ends_with('.') {
        format!("{s}0")
    } else {
        s.to_string()
    }
}

/// A Python double-quoted string literal for `text`.
pub fn py_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The Python literal for `value` of `spec`, as [`apply`] writes it.
pub fn literal(spec: &ParamSpec, value: &Value) -> String {
    match value {
        Value::Int(v) if is_ms(spec) => secs(*v as f64),
        Value::Int(v) => v.to_string(),
        Value::Float(v) => {
            if v.is_finite() && v.fract() == 0.0 {
                format!("{v:.1}")
            } else {
                format!("{v}")
            }
        }
        Value::Flag(true) => "True".to_string(),
        Value::Flag(false) => "False".to_string(),
        Value::Choice(v) => py_string(v),
        Value::Text(v) => py_string(v),
    }
}

/// Where a parameter's literal is in the source: byte range of the token.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Site {
    start: usize,
    end: usize,
}

/// The length of the string literal at the start of `s` (quote included),
/// if `s` starts with a complete one-line `"..."` or `'...'`.
fn string_len(s: &str) -> Option<usize> {
    let quote = s.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let mut escaped = false;
    for (i, c) in s.char_indices().skip(1) {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == quote {
            return Some(i + 1);
        } else if c == '\n' {
            return None;
        }
    }
    None
}

/// The length of a number or name token at the start of `s`.
fn bare_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
        i += 1;
    }
    while i < b.len() {
        let c = b[i];
        let exp_sign =
            (c == b'-' || c == b'+') && i > 0 && matches!(b[i - 1], b'e' | b'E') && b[0] != b'_';
        if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' || exp_sign {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// Whether `token` is a Python literal this convention writes.
fn is_literal(token: &str) -> bool {
    if token.starts_with('"') || token.starts_with('\'') {
        return true;
    }
    if matches!(token, "True" | "False") {
        return true;
    }
    let digits = token.trim_start_matches(['-', '+']).replace('_', "");
    !digits.is_empty()
        && digits.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && digits.parse::<f64>().is_ok()
}

/// What the first module-level assignment to `name` holds: the literal's
/// site, or `None` when there is no such line. `Some(None)` when the line
/// exists but its value is not a single literal.
fn find(source: &str, name: &str) -> Option<Option<Site>> {
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let here = offset;
        offset += line.len();
        let Some(rest) = line.strip_prefix(name) else {
            continue;
        };
        // `TASKS_MAX = 1` is not `TASKS`.
        if rest.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let after_name = rest.trim_start_matches([' ', '\t']);
        let Some(value) = after_name.strip_prefix('=') else {
            continue;
        };
        if value.starts_with('=') {
            continue; // `TASKS == 3` compares, it does not assign
        }
        let value_trim = value.trim_start_matches([' ', '\t']);
        let start = here + (line.len() - value_trim.len());
        let len = string_len(value_trim).unwrap_or_else(|| {
            if value_trim.starts_with(['"', '\'']) {
                0
            } else {
                bare_len(value_trim)
            }
        });
        let token = &value_trim[..len];
        let tail = value_trim[len..].trim_start_matches([' ', '\t']);
        let tail_ok = tail.is_empty()
            || tail.starts_with('#')
            || tail.starts_with('\n')
            || tail.starts_with("\r\n");
        if len == 0 || !tail_ok || !is_literal(token) {
            return Some(None);
        }
        return Some(Some(Site {
            start,
            end: start + len,
        }));
    }
    None
}

/// Writes each parameter's value into its literal: only that token changes;
/// the rest of the line (spacing, comment) and of the code stays. A
/// parameter whose literal is missing is skipped.
pub fn apply(source: &str, specs: &[ParamSpec], values: &Values) -> String {
    let mut edits: Vec<(Site, String)> = specs
        .iter()
        .filter_map(|spec| {
            let value = values.get(spec.key).cloned()?;
            let site = find(source, &py_name(spec.key))??;
            Some((site, literal(spec, &value)))
        })
        .collect();
    edits.sort_by_key(|(s, _)| s.start);
    let mut out = String::with_capacity(source.len() + 16);
    let mut at = 0;
    for (site, text) in edits {
        if site.start < at {
            continue;
        }
        out.push_str(&source[at..site.start]);
        out.push_str(&text);
        at = site.end;
    }
    out.push_str(&source[at..]);
    out
}

/// What the code sets one parameter to.
#[derive(Clone, Debug, PartialEq)]
pub enum Setting {
    /// The code sets it to a literal: the validated value, and the notice
    /// if it had to be corrected (clamped, rounded, defaulted).
    Set {
        /// The value to use.
        value: Value,
        /// The correction, in the words a URL would get.
        notice: Option<String>,
    },
    /// The code no longer sets it to a literal: the control has no effect.
    Missing {
        /// `the code no longer sets TASKS to a literal; the control has no effect`.
        notice: String,
    },
}

/// What the code sets each parameter to, in the order of the specs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Found(pub Vec<(&'static str, Setting)>);

impl Found {
    /// The setting of `key`, if the lesson has it.
    pub fn get(&self, key: &str) -> Option<&Setting> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, s)| s)
    }

    /// Every notice (corrections and missing literals), in spec order.
    pub fn notices(&self) -> Vec<String> {
        self.0
            .iter()
            .filter_map(|(_, s)| match s {
                Setting::Set { notice, .. } => notice.clone(),
                Setting::Missing { notice } => Some(notice.clone()),
            })
            .collect()
    }

    /// The values the code sets; a missing one keeps its value in `fallback`.
    pub fn values(&self, specs: &[ParamSpec], fallback: &Values) -> Values {
        let mut out = Values::defaults(specs);
        for spec in specs {
            let value = match self.get(spec.key) {
                Some(Setting::Set { value, .. }) => Some(value.clone()),
                _ => fallback.get(spec.key).cloned(),
            };
            if let Some(v) = value {
                out.set(specs, spec.key, &v.to_url());
            }
        }
        out
    }
}

/// The text of a Python string literal (quotes included), unescaped.
fn unquote(token: &str) -> String {
    let inner = &token[1..token.len() - 1];
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('x') => {
                let hex: String = chars.by_ref().take(2).collect();
                match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    Some(c) => out.push(c),
                    None => {
                        out.push_str("\\x");
                        out.push_str(&hex);
                    }
                }
            }
            Some(c @ ('\\' | '"' | '\'')) => out.push(c),
            Some(c) => {
                out.push('\\');
                out.push(c);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// The raw value (as a URL would carry it) that a literal stands for.
fn raw_value(spec: &ParamSpec, token: &str) -> String {
    if token.starts_with('"') || token.starts_with('\'') {
        return unquote(token);
    }
    match token {
        "True" => return "1".to_string(),
        "False" => return "0".to_string(),
        _ => {}
    }
    let number = token.replace('_', "");
    if is_ms(spec) {
        if let Ok(s) = number.parse::<f64>() {
            // Seconds to ms, without float noise (0.1 * 1000 is not exact).
            let ms = (s * 1000.0 * 1e6).round() / 1e6;
            return if ms.fract() == 0.0 && ms.abs() < 1e15 {
                format!("{}", ms as i64)
            } else {
                format!("{ms}")
            };
        }
    }
    number
}

/// For each spec, what `source` sets it to: the value validated through
/// [`ParamSpec::validate`] (so an out-of-range value is clamped with its
/// notice), or that its literal is missing.
pub fn read(source: &str, specs: &[ParamSpec]) -> Found {
    Found(
        specs
            .iter()
            .map(|spec| {
                let name = py_name(spec.key);
                let setting = match find(source, &name) {
                    Some(Some(site)) => {
                        let token = &source[site.start..site.end];
                        let (value, notice) = spec.validate(&raw_value(spec, token));
                        let notice = notice.map(|n| format!("{n} (in the code: {name} = {token})"));
                        Setting::Set { value, notice }
                    }
                    _ => Setting::Missing {
                        notice: format!(
                            "the code no longer sets {name} to a literal; the control has no effect"
                        ),
                    },
                };
                (spec.key, setting)
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPECS: &[ParamSpec] = &[
        ParamSpec::int("tasks", "Tasks", "", 1, 50, 3, ""),
        ParamSpec::ms("delay", "Delay", "", 10_000, 800),
        ParamSpec::int("interval_a", "A", "", 50, 5_000, 300, "ms"),
        ParamSpec::flag("lock", "Lock", "", false),
        ParamSpec::choice("mode", "Mode", "", &["sequential", "gather"], "gather"),
        ParamSpec::text("url", "URL", "", "", 100),
    ];

    const SOURCE: &str = r#"import asyncio

TASKS = 3        # how many
DELAY = 0.8      # seconds
INTERVAL_A = 0.3
LOCK = False
MODE = "gather"  # or "sequential"
URL = ""

async def main():
    TASKS = 99   # a local: never a parameter
    print(TASKS, DELAY)
"#;

    fn values(pairs: &[(&str, &str)]) -> Values {
        let mut v = Values::defaults(SPECS);
        for (k, raw) in pairs {
            assert_eq!(v.set(SPECS, k, raw), None, "{k}={raw}");
        }
        v
    }

    fn set(found: &Found, key: &str) -> Value {
        match found.get(key) {
            Some(Setting::Set {
                value,
                notice: None,
            }) => value.clone(),
            other => panic!("{key}: {other:?}"),
        }
    }

    #[test]
    fn apply_rewrites_only_the_literals() {
        let v = values(&[
            ("tasks", "12"),
            ("delay", "1000"),
            ("interval_a", "50"),
            ("lock", "1"),
            ("mode", "sequential"),
            ("url", r#"say "hi" \ there"#),
        ]);
        let out = apply(SOURCE, SPECS, &v);
        assert!(out.contains("TASKS = 12        # how many\n"), "{out}");
        assert!(out.contains("DELAY = 1.0      # seconds\n"), "{out}");
        assert!(out.contains("INTERVAL_A = 0.05\n"), "{out}");
        assert!(out.contains("LOCK = True\n"), "{out}");
        assert!(
            out.contains("MODE = \"sequential\"  # or \"sequential\""),
            "{out}"
        );
        assert!(out.contains(r#"URL = "say \"hi\" \\ there""#), "{out}");
        assert!(out.contains("    TASKS = 99   # a local"), "{out}");
        // Nothing else moved.
        assert_eq!(out.lines().count(), SOURCE.lines().count());
        // And it reads back as written.
        let found = read(&out, SPECS);
        assert_eq!(found.notices(), Vec::<String>::new());
        assert_eq!(found.values(SPECS, &Values::defaults(SPECS)), v);
        assert_eq!(
            set(&found, "url"),
            Value::Text(r#"say "hi" \ there"#.into())
        );
    }

    #[test]
    fn apply_at_defaults_is_the_identity_on_canonical_code() {
        let v = Values::defaults(SPECS);
        assert_eq!(apply(SOURCE, SPECS, &v), SOURCE);
    }

    #[test]
    fn read_finds_each_literal() {
        let found = read(SOURCE, SPECS);
        assert_eq!(set(&found, "tasks"), Value::Int(3));
        assert_eq!(set(&found, "delay"), Value::Int(800));
        assert_eq!(set(&found, "interval_a"), Value::Int(300));
        assert_eq!(set(&found, "lock"), Value::Flag(false));
        assert_eq!(set(&found, "mode"), Value::Choice("gather"));
        assert_eq!(set(&found, "url"), Value::Text(String::new()));
    }

    #[test]
    fn read_survives_edits() {
        // Lines moved, spacing changed, comments after the literal, a local
        // TASKS inside a function above the module-level one, single quotes.
        let edited = r#"import asyncio

def helper():
    TASKS = 40

MODE='sequential'#changed my mind
URL = 'it\'s "quoted"'   # a comment with = and "quotes"
DELAY=2   # an int is fine
LOCK = True
TASKS = 7
INTERVAL_A = 0.1 # fast
"#;
        let found = read(edited, SPECS);
        assert_eq!(set(&found, "tasks"), Value::Int(7));
        assert_eq!(set(&found, "delay"), Value::Int(2000));
        assert_eq!(set(&found, "interval_a"), Value::Int(100));
        assert_eq!(set(&found, "lock"), Value::Flag(true));
        assert_eq!(set(&found, "mode"), Value::Choice("sequential"));
        assert_eq!(set(&found, "url"), Value::Text(r#"it's "quoted""#.into()));
        // Writing into the edited code keeps the edits.
        let v = values(&[("tasks", "9"), ("mode", "gather"), ("delay", "250")]);
        let out = apply(edited, SPECS, &v);
        assert!(out.contains("def helper():\n    TASKS = 40\n"), "{out}");
        assert!(out.contains("MODE=\"gather\"#changed my mind\n"), "{out}");
        assert!(out.contains("DELAY=0.25   # an int is fine\n"), "{out}");
        assert!(out.contains("\nTASKS = 9\n"), "{out}");
        assert!(out.contains("INTERVAL_A = 0.3 # fast\n"), "{out}");
    }

    #[test]
    fn out_of_range_values_are_clamped_with_the_notice() {
        let src = "TASKS = 500\nDELAY = -1.5\nMODE = \"fast\"\nLOCK = 1\n";
        let found = read(src, SPECS);
        match found.get("tasks") {
            Some(Setting::Set {
                value,
                notice: Some(n),
            }) => {
                assert_eq!(value, &Value::Int(50));
                assert!(n.starts_with("tasks 500 is above 50; using 50"), "{n}");
            }
            other => panic!("{other:?}"),
        }
        match found.get("delay") {
            Some(Setting::Set {
                value,
                notice: Some(n),
            }) => {
                assert_eq!(value, &Value::Int(0));
                assert!(n.starts_with("delay -1500 is below 0; using 0"), "{n}");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            found.get("mode"),
            Some(Setting::Set {
                value: Value::Choice("gather"),
                notice: Some(_)
            })
        ));
        assert_eq!(set(&found, "lock"), Value::Flag(true));
        let delay_ms = read("DELAY = 0.0125\n", SPECS);
        assert!(matches!(
            delay_ms.get("delay"),
            Some(Setting::Set { value: Value::Int(13) | Value::Int(12), notice: Some(n) })
                if n.contains("not a whole number")
        ));
    }

    #[test]
    fn a_literal_that_is_gone_is_reported() {
        let src =
            "TASKS = 3 + 1\nDELAY = float(x)\nLOCK = False\nMODE = \"gather\"\n    URL = \"\"\n";
        let found = read(src, SPECS);
        for key in ["tasks", "delay", "interval_a", "url"] {
            let name = py_name(key);
            assert_eq!(
                found.get(key),
                Some(&Setting::Missing {
                    notice: format!(
                        "the code no longer sets {name} to a literal; the control has no effect"
                    )
                }),
                "{key}"
            );
        }
        assert_eq!(set(&found, "lock"), Value::Flag(false));
        // apply leaves what is not a literal alone.
        let v = values(&[("tasks", "9"), ("lock", "1")]);
        let out = apply(src, SPECS, &v);
        assert!(
            out.starts_with("TASKS = 3 + 1\nDELAY = float(x)\nLOCK = True\n"),
            "{out}"
        );
        // A missing value keeps the fallback.
        let fallback = values(&[("tasks", "5")]);
        assert_eq!(found.values(SPECS, &fallback).int("tasks"), 5);
    }

    #[test]
    fn names_that_only_start_alike_and_comparisons_are_not_assignments() {
        let src = "TASKS_MAX = 10\nTASKS == 4\nTASKS = 2\n";
        let found = read(src, SPECS);
        assert_eq!(set(&found, "tasks"), Value::Int(2));
        let out = apply(src, SPECS, &values(&[("tasks", "6")]));
        assert_eq!(out, "TASKS_MAX = 10\nTASKS == 4\nTASKS = 6\n");
    }

    #[test]
    fn literals_are_written_as_python_reads_them() {
        let ms = ParamSpec::ms("d", "", "", 10_000, 0);
        assert_eq!(literal(&ms, &Value::Int(800)), "0.8");
        assert_eq!(literal(&ms, &Value::Int(1000)), "1.0");
        assert_eq!(literal(&ms, &Value::Int(0)), "0.0");
        assert_eq!(literal(&ms, &Value::Int(1234)), "1.234");
        let f = ParamSpec::float("f", "", "", 0.0, 10.0, 1.0);
        assert_eq!(literal(&f, &Value::Float(2.0)), "2.0");
        assert_eq!(literal(&f, &Value::Float(0.25)), "0.25");
        let t = ParamSpec::text("t", "", "", "", 10);
        assert_eq!(
            literal(&t, &Value::Text("a\nb\u{1}".into())),
            r#""a\nb\x01""#
        );
        assert_eq!(unquote(r#""a\nb\x01""#), "a\nb\u{1}");
    }
}
