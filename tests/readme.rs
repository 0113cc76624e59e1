#![cfg(not(target_arch = "wasm32"))]
//! The README's lesson tables are the catalog itself, row by row: every
//! lesson with its parameters and their ranges (if this fails, paste the
//! printed table, or run the test with `README_UPDATE=1` to rewrite it), and every lesson's prediction questions with the ideal
//! end at its defaults. No lesson count is written anywhere: `LESSONS` is
//! the one list.

use async_playground::core::params::Values;
use async_playground::lessons::{GROUPS, LESSONS};

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README.md")
}

fn table() -> String {
    let mut out = String::from("| id | group | teaches | parameters |\n|---|---|---|---|\n");
    for g in GROUPS {
        for l in LESSONS.iter().filter(|l| l.group == *g) {
            let params: Vec<String> = l
                .params
                .iter()
                .map(|p| {
                    let d = p.default_value().to_url();
                    let d = if d.is_empty() { "empty".to_string() } else { d };
                    format!("`{}` {} (default {d})", p.key, p.range_text())
                })
                .collect();
            out.push_str(&format!(
                "| `{}` | {} | {} | {} |\n",
                l.id,
                g,
                l.title,
                params.join("; ")
            ));
        }
    }
    out
}

#[test]
fn readme_lists_every_lesson_with_its_parameters() {
    let mut readme = readme();
    let t = table();
    if std::env::var("README_UPDATE").is_ok_and(|v| v == "1") && !readme.contains(&t) {
        // Rewrites the table in place: from its header to the first line
        // that is not a row.
        let header = "| id | group | teaches | parameters |\n";
        let start = readme.find(header).expect("the lesson table's header");
        let len = readme[start..]
            .split_inclusive('\n')
            .take_while(|l| l.starts_with('|'))
            .map(str::len)
            .sum::<usize>();
        readme.replace_range(start..start + len, &t);
        // Written aside, then renamed: the other test reads it meanwhile.
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
        let aside = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md.new");
        std::fs::write(aside, &readme).expect("write README.md.new");
        std::fs::rename(aside, path).expect("rename to README.md");
    }
    assert!(
        readme.contains(&t),
        "README.md's lesson table is out of date (README_UPDATE=1 cargo test --test readme rewrites it); it should read:\n\n{t}"
    );
    for g in GROUPS {
        assert!(
            LESSONS.iter().any(|l| l.group == *g),
            "group {g} has no lesson"
        );
    }
}

/// `1.05 s` or `800 ms` as milliseconds.
fn ms(text: &str) -> Option<f64> {
    let text = text.trim();
    match text.strip_suffix(" ms") {
        Some(v) => v.parse().ok(),
        None => text
            .strip_suffix(" s")
            .and_then(|v| v.parse::<f64>().ok())
            .map(|v| v * 1000.0),
    }
}

/// The questions of a row, split at the `; ` outside parentheses.
fn questions(cell: &str) -> Vec<String> {
    let (mut out, mut cur, mut depth) = (Vec::new(), String::new(), 0i32);
    let mut chars = cell.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ';' if depth == 0 && chars.peek() == Some(&' ') => {
                chars.next();
                out.push(std::mem::take(&mut cur));
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    out.push(cur);
    out
}

#[test]
fn readme_lists_every_lessons_predictions_in_catalog_order() {
    let readme = readme();
    let Some((_, table)) = readme.split_once("| lesson | questions (answer at the defaults) |")
    else {
        panic!("README.md has no predictions table");
    };
    let rows: Vec<(&str, &str)> = table
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with("| `"))
        .filter_map(|l| {
            let l = l.strip_prefix("| `")?.strip_suffix(" |")?;
            l.split_once("` | ")
        })
        .collect();
    let ids: Vec<&str> = rows.iter().map(|(id, _)| *id).collect();
    let want: Vec<&str> = LESSONS.iter().map(|l| l.id).collect();
    assert_eq!(ids, want, "the predictions table's rows, in catalog order");
    for (lesson, (id, cell)) in LESSONS.iter().zip(&rows) {
        let qs = questions(cell);
        assert_eq!(
            qs.len(),
            lesson.predict.len(),
            "{id}: the README lists {qs:?}, the lesson asks {} questions",
            lesson.predict.len()
        );
        // "when main() ends (2.4 s; ...)" is the ideal end at the defaults.
        if let Some(q) = qs.iter().find(|q| q.starts_with("when main() ends (")) {
            let answer = q["when main() ends (".len()..]
                .split([';', ')'])
                .next()
                .unwrap_or_default();
            let ideal = lesson.ideal_ms(&Values::defaults(lesson.params));
            assert_eq!(
                ms(answer),
                Some(ideal),
                "{id}: {q} vs the ideal end {ideal} ms"
            );
        }
    }
}
