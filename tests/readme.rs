#![cfg(not(target_arch = "wasm32"))]
//! The README's lesson table is the catalog itself: every lesson with its
//! parameters and their ranges. If this fails, paste the printed table.

use async_playground::lessons::{GROUPS, LESSONS};

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
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let t = table();
    assert!(
        readme.contains(&t),
        "README.md's lesson table is out of date; it should read:\n\n{t}"
    );
    for g in GROUPS {
        assert!(
            LESSONS.iter().any(|l| l.group == *g),
            "group {g} has no lesson"
        );
    }
    assert_eq!(LESSONS.len(), 19, "the contract lists nineteen lessons");
}
