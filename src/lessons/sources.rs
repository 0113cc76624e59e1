//! The Rust side of the code panel: each lesson's code that really runs,
//! with the live parameter values written beside where it reads them.

use crate::core::params::Values;

include!(concat!(env!("OUT_DIR"), "/rust_sources.rs"));

/// The lesson's Rust code with `p.int("tasks")` and its kin annotated
/// `/* = 12 */`, under a header that lists every value.
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
        for accessor in ["int", "ms", "flag", "choice", "text"] {
            let call = format!("p.{accessor}(\"{k}\")");
            let shown = match v.to_url() {
                s if s.chars().count() > 30 => {
                    format!("{}…", s.chars().take(30).collect::<String>())
                }
                s => s,
            };
            code = code.replace(&call, &format!("{call} /* = {shown} */"));
        }
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
        assert!(code.contains(r#"p.int("tasks") /* = 12 */"#), "{code}");
        assert!(
            code.contains("Parameters: tasks = 12, limit = 3, delay = 800"),
            "{code}"
        );
    }
}
