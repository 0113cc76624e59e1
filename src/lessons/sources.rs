//! The Rust side of the code panel: each lesson's code that really runs,
//! with the live parameter values written beside where it reads them.

use crate::core::params::Values;

include!(concat!(env!("OUT_DIR"), "/rust_sources.rs"));

/// The lesson's Rust code with each typed read, `p.of(TASKS)`, annotated
/// `/* = 12 */`, under a header that lists every value. A parameter's
/// constant is its key in capitals (build.rs refuses a lesson that names
/// one otherwise), so the key finds the reads.
pub fn rust_code(id: &str, values: &Values) -> String {
    let Some(src) = rust_source(id) else {
        return String::new();
    };
    let mut out = String::new();
    let pairs: Vec<String> = values
        .iter()
        .map(|(k, v)| format!("{k} = {}", v.to_url()))
        .collect();
    out.push_str(&format!(
        "// The Rust that runs on your browser's event loop.\n// Parameters: {}\n\n",
        if pairs.is_empty() {
            "none".to_string()
        } else {
            pairs.join(", ")
        }
    ));
    let mut code = src.to_string();
    for (k, v) in values.iter() {
        let call = format!(".of({})", k.to_uppercase());
        let shown = match v.to_url() {
            s if s.chars().count() > 30 => {
                format!("{}…", s.chars().take(30).collect::<String>())
            }
            s => s,
        };
        code = code.replace(&call, &format!("{call} /* = {shown} */"));
    }
    out.push_str(&code);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::params::parse_query;
    use crate::lessons::{lookup, LESSONS};

    #[test]
    fn every_lesson_has_its_rust_code_with_live_values() {
        for l in LESSONS {
            let p = parse_query(&format!("example={}", l.id), &lookup);
            let code = rust_code(l.id, &p.values);
            assert!(
                code.contains("async fn main"),
                "{} has no main in:\n{code}",
                l.id
            );
        }
        let p = parse_query("example=semaphore&tasks=12&limit=3&delay=800", &lookup);
        let code = rust_code("semaphore", &p.values);
        assert!(code.contains("p.of(TASKS) /* = 12 */"), "{code}");
        assert!(
            code.contains("Parameters: tasks = 12, limit = 3, delay = 800"),
            "{code}"
        );
    }

    #[test]
    fn every_typed_read_is_annotated_and_helpers_are_shown() {
        // Every `.of(X)` in the code shown reads a parameter of the lesson,
        // so the annotation reaches every read.
        for l in LESSONS {
            let p = parse_query(&format!("example={}", l.id), &lookup);
            let code = rust_code(l.id, &p.values);
            for (i, _) in code.match_indices(".of(") {
                let rest = &code[i + 4..];
                let name = rest.split(')').next().unwrap_or_default();
                assert!(
                    l.params.iter().any(|s| s.key.to_uppercase() == name),
                    "{}: .of({name}) is not a parameter of the lesson",
                    l.id
                );
                assert!(
                    rest[name.len()..].starts_with(") /* = "),
                    "{}: .of({name}) is not annotated",
                    l.id
                );
            }
        }
        // The helpers outside the first async fn are shown too (`fetch`).
        let p = parse_query("example=fetch", &lookup);
        let code = rust_code("fetch", &p.values);
        for helper in ["fn target(", "fn looks_like_json(", "async fn fetch_user("] {
            assert!(code.contains(helper), "fetch: {helper} missing in:\n{code}");
        }
        assert!(
            !code.contains("fn claim("),
            "fetch: the declaration is not shown"
        );
        assert!(!code.contains("#[cfg(test)]"), "fetch: tests are not shown");
    }
}
