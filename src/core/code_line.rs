//! Which line of the shown code a task is at, from its state: the line of
//! its coroutine where it sleeps, waits, fetches or returns. A heuristic
//! over the lessons' code in both languages, tested on them.

use super::model::tasks::TaskState;

fn patterns(state: TaskState, detail: &str, rust: bool) -> &'static [&'static str] {
    match state {
        TaskState::Sleeping => &["sleep("],
        TaskState::Fetching => {
            if rust {
                &["fetch(", "run_in_worker(", "compute_inline("]
            } else {
                &[
                    "session.get(",
                    "client.complete(",
                    "run_in_executor(",
                    ".get(",
                ]
            }
        }
        TaskState::Waiting
            if detail.contains("Semaphore")
                || detail.contains("Lock")
                || detail.contains("Connection") =>
        {
            if rust {
                &["acquire(", "lock("]
            } else {
                &["async with", "acquire("]
            }
        }
        TaskState::Waiting if detail.contains("Queue") => &["put(", "get(", "join("],
        TaskState::Waiting if detail.contains("gather") => &["gather"],
        TaskState::Waiting => &["await", "join(", "wait_for("],
        TaskState::Running => &["block(", "time.sleep(", "count_primes(", "compute_inline("],
        TaskState::Done | TaskState::Failed => {
            if rust {
                &["Ok(", "Err("]
            } else {
                &["return", "raise"]
            }
        }
        TaskState::Ready | TaskState::Created | TaskState::Cancelled => &[],
    }
}

fn starts_def(line: &str, rust: bool) -> Option<&str> {
    let t = line.trim_start();
    let rest = if rust {
        t.strip_prefix("async fn ")
            .or_else(|| t.strip_prefix("fn "))?
    } else {
        t.strip_prefix("async def ")
            .or_else(|| t.strip_prefix("def "))?
    };
    rest.split(['(', '<']).next()
}

/// The 0-based line of `code` that task `name` (e.g. `download(3)`) is at
/// in `state` (with its wait detail), if one can be told.
pub fn line_for(
    code: &str,
    rust: bool,
    name: &str,
    state: TaskState,
    detail: &str,
) -> Option<usize> {
    let lines: Vec<&str> = code.lines().collect();
    let func = name
        .split('(')
        .next()
        .unwrap_or(name)
        .trim_end_matches("()");
    let pats = patterns(state, detail, rust);
    // The coroutine's own body: from its def to the next top-level def.
    let start = lines.iter().position(|l| starts_def(l, rust) == Some(func));
    let range = match start {
        Some(s) => {
            let end = lines[s + 1..]
                .iter()
                .position(|l| {
                    !l.starts_with(' ')
                        && !l.trim().is_empty()
                        && !l.starts_with('}')
                        && !l.starts_with(')')
                })
                .map_or(lines.len(), |e| s + 1 + e);
            s..end
        }
        None => 0..lines.len(),
    };
    let hit = range.clone().find(|&i| {
        pats.iter().any(|p| lines[i].contains(p))
            && !lines[i].trim_start().starts_with('#')
            && !lines[i].trim_start().starts_with("//")
    });
    hit.or_else(|| start.filter(|_| state == TaskState::Running))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::params::parse_query;
    use crate::lessons::{find, lookup, sources::rust_code};

    #[test]
    fn semaphore_lines_in_python_and_rust() {
        let p = parse_query("example=semaphore", &lookup);
        let lesson = find("semaphore").expect("lesson");
        let py = (lesson.python)(&p.values);
        let line = |s, d| {
            line_for(&py, false, "download(3)", s, d)
                .map(|i| py.lines().nth(i).unwrap_or_default().trim().to_string())
        };
        assert_eq!(
            line(TaskState::Waiting, "on Semaphore(3)").as_deref(),
            Some("async with sem:              # waits while LIMIT others are inside")
        );
        assert_eq!(
            line(TaskState::Sleeping, "").as_deref(),
            Some("await asyncio.sleep(DELAY)")
        );
        assert_eq!(line(TaskState::Done, "").as_deref(), Some("return i"));
        let main = line_for(
            &py,
            false,
            "main()",
            TaskState::Waiting,
            "on gather(9 tasks)",
        )
        .map(|i| py.lines().nth(i).unwrap_or_default().trim().to_string());
        assert!(main.is_some_and(|l| l.contains("gather")));
        let rs = rust_code("semaphore", &p.values);
        let r = line_for(&rs, true, "download(3)", TaskState::Sleeping, "")
            .map(|i| rs.lines().nth(i).unwrap_or_default().trim().to_string());
        assert!(r.is_some_and(|l| l.starts_with("cx.sleep(")), "{rs}");
    }
}
