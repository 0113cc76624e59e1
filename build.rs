//! Finds the lessons: every folder `src/lessons/<module>/` with a `mod.rs`
//! is a lesson. Generates, into OUT_DIR:
//!
//! - `lessons.rs`: `pub mod <module>;` for each (by absolute `#[path]`) and
//!   `LESSONS`, sorted by each declaration's `order`, so adding a lesson
//!   takes its folder and no other file;
//! - `rust_sources.rs`: each lesson's Rust code that really runs, for the
//!   code panel: its `mod.rs` from the marker line on (helpers included),
//!   tests left out, without shipping whole source files in the bundle.
//!
//! A folder that breaks a convention (no `id:`, an id that is not the
//! folder's name with `_` as `-`, no `order:`, a shared `order`, no marker)
//! fails the build with the reason.

use std::fmt::Write as _;
use std::{env, fs, path::Path};

/// The line after which a lesson's `mod.rs` is the code that runs.
const MARKER: &str = "// --- The code that runs: the code panel shows this file from here on. ---";

struct Found {
    module: String,
    id: String,
    order: u32,
    path: String,
    code: String,
}

/// The value of the first `    <field>: <value>,` line of the declaration.
fn field<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let prefix = format!("{name}: ");
    text.lines().find_map(|l| {
        l.strip_prefix("    ")
            .and_then(|l| l.strip_prefix(prefix.as_str()))
            .and_then(|r| r.strip_suffix(','))
    })
}

/// A typed parameter's constant must be its key in capitals (`const
/// TASKS: Int = Int::new("tasks", ...)`): the code panel finds the reads,
/// `p.of(TASKS)`, by the key.
fn check_param_names(text: &str) -> Result<(), String> {
    for kind in ["Int", "Ms", "Flag", "Choice", "Text"] {
        let pattern = format!(": {kind} = {kind}::");
        for (at, _) in text.match_indices(&pattern) {
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let name = text[line_start..at]
                .rsplit(' ')
                .next()
                .unwrap_or_default()
                .to_string();
            let key = text[at..]
                .split('"')
                .nth(1)
                .ok_or_else(|| format!("{name}: no key"))?;
            if name != key.to_uppercase() {
                return Err(format!(
                    "parameter {key:?} is declared as {name}; name it {}",
                    key.to_uppercase()
                ));
            }
        }
    }
    Ok(())
}

/// The code panel shows the code below the marker: an item above it (a
/// helper, a constant) that this code uses would be missing from the panel.
/// Only the declaration's parts may stay above: the typed parameters,
/// `PARAMS`, `PREDICT` and `LESSON`.
fn check_helpers_shown(head: &str, shown: &str) -> Result<(), String> {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    for line in head.lines() {
        let mut rest = line;
        for vis in ["pub(super) ", "pub(crate) ", "pub "] {
            rest = rest.strip_prefix(vis).unwrap_or(rest);
        }
        let Some(rest) = ["fn ", "const ", "static ", "struct ", "enum ", "type "]
            .iter()
            .find_map(|kw| rest.strip_prefix(kw))
        else {
            continue;
        };
        let name: String = rest.chars().take_while(|c| is_ident(*c)).collect();
        let typed = ["Int", "Ms", "Flag", "Choice", "Text"]
            .iter()
            .any(|k| rest[name.len()..].starts_with(&format!(": {k} = ")));
        if typed || name.is_empty() || ["PARAMS", "PREDICT", "LESSON"].contains(&name.as_str()) {
            continue;
        }
        let used = shown.match_indices(name.as_str()).any(|(at, _)| {
            let before = shown[..at].chars().next_back();
            let after = shown[at + name.len()..].chars().next();
            !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
        });
        if used {
            return Err(format!(
                "`{name}` is used by the code that runs but sits above the marker: move it below, so the code panel shows it"
            ));
        }
    }
    Ok(())
}

fn lesson(module: &str, path: &Path) -> Result<Found, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("cannot read it: {e}"))?;
    let id = field(&text, "id")
        .and_then(|v| v.strip_prefix('"'))
        .and_then(|v| v.strip_suffix('"'))
        .ok_or("no `id: \"...\",` line in its LESSON")?;
    if id.replace('-', "_") != module {
        return Err(format!(
            "its id {id:?} does not match the folder (the id with `_` for `-`)"
        ));
    }
    let order = field(&text, "order")
        .and_then(|v| v.replace('_', "").parse::<u32>().ok())
        .ok_or("no `order: <number>,` line in its LESSON")?;
    check_param_names(&text)?;
    // A lesson reads its parameters typed (`p.of(TASKS)`): a string key
    // that could be misspelt is refused.
    for read in [
        ".int(\"",
        ".ms(\"",
        ".flag(\"",
        ".choice(\"",
        ".text(\"",
        ".get(\"",
    ] {
        if let Some(line) = text.lines().find(|l| l.contains(read)) {
            return Err(format!(
                "reads a parameter by string key (`{}`); declare it typed and read it with `.of(KEY)`",
                line.trim()
            ));
        }
    }
    let body = text.split("\n#[cfg(test)]").next().unwrap_or_default();
    let Some((head, code)) = body.split_once(MARKER) else {
        return Err(format!("no marker line `{MARKER}`"));
    };
    check_helpers_shown(head, code)?;
    let code = code.trim_start_matches('\n').trim_end().to_string() + "\n";
    let path = fs::canonicalize(path).map_err(|e| format!("no path: {e}"))?;
    Ok(Found {
        module: module.to_string(),
        id: id.to_string(),
        order,
        path: path.display().to_string(),
        code,
    })
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/lessons");
    let mut found: Vec<Found> = Vec::new();
    let mut problems: Vec<String> = Vec::new();
    let mut dirs: Vec<_> = fs::read_dir("src/lessons")
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    dirs.sort();
    for dir in dirs {
        let path = dir.join("mod.rs");
        if !path.is_file() {
            continue;
        }
        // Cargo reruns the script when a lesson's files change.
        println!("cargo:rerun-if-changed={}", dir.display());
        println!("cargo:rerun-if-changed={}", path.display());
        let module = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let ident = !module.is_empty()
            && module
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            && module.starts_with(|c: char| c.is_ascii_lowercase());
        if !ident {
            problems.push(format!("src/lessons/{module}: not a module name"));
            continue;
        }
        match lesson(&module, &path) {
            Ok(l) => found.push(l),
            Err(e) => problems.push(format!("src/lessons/{module}/mod.rs: {e}")),
        }
    }
    found.sort_by_key(|l| l.order);
    for pair in found.windows(2) {
        if pair[0].order == pair[1].order {
            problems.push(format!(
                "lessons {} and {} share order {}",
                pair[0].id, pair[1].id, pair[0].order
            ));
        }
    }
    if !problems.is_empty() {
        panic!("the lessons' folders:\n  {}", problems.join("\n  "));
    }

    let root = env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let mut lessons = format!(
        "// Generated by build.rs from the folders of src/lessons/.\n\
         /// The checkout these paths are in (see `src/lessons/mod.rs`).\n\
         const GENERATED_IN: &str = {root:?};\n"
    );
    for l in &found {
        let _ = writeln!(lessons, "#[path = {:?}]\npub mod {};", l.path, l.module);
    }
    lessons.push_str(
        "\n/// Every lesson, in catalog order (each declaration's `order`;\n\
         /// generated by build.rs from the folders of `src/lessons/`).\n\
         pub static LESSONS: &[&Lesson] = &[\n",
    );
    for l in &found {
        let _ = writeln!(lessons, "    &{}::LESSON,", l.module);
    }
    lessons.push_str("];\n");

    let mut table = String::from(
        "/// The Rust code that runs for lesson `id` (generated by build.rs).\n\
         pub fn rust_source(id: &str) -> Option<&'static str> {\n    match id {\n",
    );
    let mut by_id: Vec<&Found> = found.iter().collect();
    by_id.sort_by(|a, b| a.id.cmp(&b.id));
    for l in by_id {
        let _ = writeln!(table, "        {:?} => Some({:?}),", l.id, l.code);
    }
    table.push_str("        _ => None,\n    }\n}\n");

    let out = env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let out = Path::new(&out);
    for (name, text) in [("lessons.rs", lessons), ("rust_sources.rs", table)] {
        if let Err(e) = fs::write(out.join(name), text) {
            panic!("cannot write {name}: {e}");
        }
    }
}
