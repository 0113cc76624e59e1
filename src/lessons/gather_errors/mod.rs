//! `gather-errors`: one failure in `gather`, with and without
//! `return_exceptions`.

use futures::FutureExt;

use super::Lesson;
use crate::core::code_params;
use crate::core::model::tasks::fmt_ms;
use crate::core::params::{Flag, Int, ParamSpec, Values};
use crate::core::predict::{Ask, Question};
use crate::runtime::{Cx, TaskError};

const TASKS: Int = Int::new(
    "tasks",
    "Tasks",
    "How many jobs to gather; job i takes (i + 1) × 0.3 s.",
    1,
    10,
    4,
);

const FAIL: Int = Int::new(
    "fail",
    "Failing job",
    "The index of the job that raises (none fails if it is not below tasks).",
    0,
    9,
    1,
);

const RETURN_EXCEPTIONS: Flag = Flag::new(
    "return_exceptions",
    "Collect errors",
    "1: gather returns the exception among the results instead of raising it.",
    false,
);

const PARAMS: &[ParamSpec] = &[TASKS.spec(), FAIL.spec(), RETURN_EXCEPTIONS.spec()];

/// The prediction asked before the first Run (see `core::predict`).
const PREDICT: &[Question] = &[
    Question {
        key: "ending",
        text: "Does this program finish, hang, or fail?",
        ask: Ask::Ending,
    },
    Question {
        key: "last-job-end",
        text: "How does job(3) end?",
        ask: Ask::TaskEnd { task: "job(3)" },
    },
    Question {
        key: "end-time",
        text: "When does main() end?",
        ask: Ask::EndTime,
    },
];

/// The lesson.
pub static LESSON: Lesson = Lesson {
    id: "gather-errors",
    title: "When one task in gather fails",
    group: "Errors, timeouts and retries",
    order: 90,
    summary: "The first exception propagates at once; the others are not cancelled.",
    explanation: &[
        "Without return_exceptions, asyncio.gather() raises the first exception in the awaiting code as soon as that task fails; it does not wait for the others. And it does not cancel them either: the other jobs keep running. Here main() catches the error, goes on with its own work for 0.45 s, and meanwhile the jobs that end in that window finish normally.",
        "Then main() returns, and asyncio.run() cancels every task still running: that, not gather, is what cancels the slow jobs here (this playground does the same when main() ends). If you need the others stopped at once, cancel them yourself, or use asyncio.TaskGroup, which does cancel its remaining tasks when one fails.",
        "With return_exceptions=True, gather waits for every job and returns their outcomes in the order given, the exception object in the failed job's place; nothing is raised and nothing is cancelled.",
        "Explore timings (below) shows which orders are possible: with ±20 % on the jobs' sleeps, whether job(3) is done before gather raises, and where main returns among the jobs' lines, changes (about 5 outcomes at the defaults).",
    ],
    params: PARAMS,
    claim,
    expected_ms: Some(expected_ms),
    python,
    main: |cx, p| main(cx, p).boxed_local(),
    predict: PREDICT,
};

/// The failing job's index, if it is one of the jobs.
fn failing(p: &Values) -> Option<i64> {
    let f = p.of(FAIL);
    (f < p.of(TASKS)).then_some(f)
}

fn expected_ms(p: &Values) -> f64 {
    match failing(p) {
        Some(f) if !p.of(RETURN_EXCEPTIONS) => job_ms(f) + AFTER_MS,
        _ => job_ms(p.of(TASKS) - 1),
    }
}

fn claim(p: &Values) -> String {
    let n = p.of(TASKS);
    let Some(f) = failing(p) else {
        return format!(
            "No job fails (fail {} is not below tasks {n}): gather returns all {n} results at {}.",
            p.of(FAIL),
            fmt_ms(job_ms(n - 1))
        );
    };
    if p.of(RETURN_EXCEPTIONS) {
        format!(
            "job({f}) fails at {}, yet gather waits for all {n} jobs and returns their results in order at {}, with ValueError('job {f} failed') in place {f}. No lane is cancelled.",
            fmt_ms(job_ms(f)),
            fmt_ms(job_ms(n - 1))
        )
    } else {
        let end = job_ms(f) + AFTER_MS;
        let finished_after = (f + 1..n).filter(|&i| job_ms(i) < end).count();
        let cancelled = (f + 1..n).filter(|&i| job_ms(i) >= end).count();
        format!(
            "job({f}) fails at {} and gather raises in main() at that instant. gather cancels nothing: {finished_after} later job(s) still end done; main() returns at {} and asyncio.run() cancels the {cancelled} still running.",
            fmt_ms(job_ms(f)),
            fmt_ms(end)
        )
    }
}

fn python(p: &Values) -> String {
    code_params::apply(include_str!("lesson.py"), PARAMS, p)
}

// --- The code that runs: the code panel shows this file from here on. ---

/// Job `i` takes `(i + 1) × STEP_MS`.
pub const STEP_MS: f64 = 300.0;

/// Without `return_exceptions`, main() goes on this long after it caught
/// the error, then returns. Half a step, so it never ties with a job.
pub const AFTER_MS: f64 = 450.0;

fn job_ms(i: i64) -> f64 {
    (i + 1) as f64 * STEP_MS
}

async fn job(cx: Cx, i: i64, fail: i64) -> Result<i64, TaskError> {
    cx.sleep(job_ms(i)).await;
    if i == fail {
        return Err(TaskError::Raised(format!("ValueError: job {i} failed")));
    }
    cx.print(format!("job({i}) done"));
    Ok(i)
}

/// Python's repr of an outcome: `2` or `ValueError('job 1 failed')`.
fn repr(outcome: &Result<i64, TaskError>) -> String {
    match outcome {
        Ok(v) => v.to_string(),
        Err(TaskError::Raised(msg)) => match msg.split_once(": ") {
            Some((kind, text)) => format!("{kind}('{text}')"),
            None => format!("Exception('{msg}')"),
        },
        Err(TaskError::Cancelled) => "CancelledError()".to_string(),
        Err(e @ TaskError::Timeout(_)) => format!("TimeoutError('{e}')"),
    }
}

async fn main(cx: Cx, p: Values) -> Result<(), TaskError> {
    let n = p.of(TASKS);
    let fail = p.of(FAIL);
    let handles: Vec<_> = (0..n)
        .map(|i| cx.spawn(format!("job({i})"), move |cx| job(cx, i, fail)))
        .collect();
    if p.of(RETURN_EXCEPTIONS) {
        let results = cx.gather_settled(handles).await;
        let shown: Vec<String> = results.iter().map(repr).collect();
        cx.print(format!("[{}]", shown.join(", ")));
        return Ok(());
    }
    match cx.gather(handles).await {
        Ok(results) => {
            let shown: Vec<String> = results.iter().map(i64::to_string).collect();
            cx.print(format!("[{}]", shown.join(", ")));
        }
        Err(e @ TaskError::Raised(_)) => {
            cx.print(format!("gather raised {}", repr(&Err(e))));
            cx.sleep(AFTER_MS).await;
        }
        Err(e) => return Err(e),
    }
    cx.print("main returns");
    Ok(())
}
