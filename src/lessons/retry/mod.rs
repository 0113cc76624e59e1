//! `retry`: retries with exponential backoff.

use futures::FutureExt;

use super::{secs, Lesson};
use crate::core::code_params;
use crate::core::model::tasks::fmt_ms;
use crate::core::params::{Int, Ms, ParamSpec, Values};
use crate::core::predict::{Ask, Question};
use crate::runtime::{Cx, TaskError};

const RETRIES: Int = Int::new(
    "retries",
    "Retries",
    "How many times to try again after the first attempt.",
    0,
    8,
    3,
);

const BASE: Ms = Ms::new(
    "base",
    "Base backoff",
    "The first wait; each next wait doubles it.",
    2_000,
    200,
);

const FAILURES: Int = Int::new(
    "failures",
    "Failures",
    "How many attempts fail before one succeeds.",
    0,
    10,
    2,
);

const PARAMS: &[ParamSpec] = &[RETRIES.spec(), BASE.spec(), FAILURES.spec()];

/// The prediction asked before the first Run (see `core::predict`).
const PREDICT: &[Question] = &[
    Question {
        key: "ending",
        text: "Does this program finish, hang, or fail?",
        ask: Ask::Ending,
    },
    Question {
        key: "count-failed",
        text: "How many attempts fail?",
        ask: Ask::CountLines { prefix: "attempt " },
    },
    Question {
        key: "end-time",
        text: "When does main() end?",
        ask: Ask::EndTime,
    },
];

/// The lesson.
pub static LESSON: Lesson = Lesson {
    id: "retry",
    title: "Retries with exponential backoff",
    group: "Errors, timeouts and retries",
    order: 110,
    summary: "Try again after base, 2·base, 4·base… then give up.",
    explanation: &[
        "Remote calls fail for passing reasons: a dropped connection, an overloaded server, a rate limit. The usual cure is to try again, but not at once and not forever: wait base seconds before the first retry, twice that before the second, and so on (exponential backoff), and give up after a fixed number of retries by re-raising the last error.",
        "Each attempt is its own lane, call_api(1), call_api(2)…; main() sleeps between them, and the sleeps double. While main() backs off, the loop is free for other work. Real clients also add random jitter to each wait so that many clients do not retry in lockstep; it is left out here so the times are exact.",
    ],
    params: PARAMS,
    claim,
    expected_ms: Some(expected_ms),
    python,
    main: |cx, p| main(cx, p).boxed_local(),
    predict: PREDICT,
};

/// Attempts made and whether the last one succeeded.
fn outcome(p: &Values) -> (i64, bool) {
    let (retries, failures) = (p.of(RETRIES), p.of(FAILURES));
    if failures <= retries {
        (failures + 1, true)
    } else {
        (retries + 1, false)
    }
}

fn expected_ms(p: &Values) -> f64 {
    let (attempts, _) = outcome(p);
    let waits: f64 = (0..attempts - 1).map(|k| backoff_ms(p.of(BASE), k)).sum();
    attempts as f64 * ATTEMPT_MS + waits
}

fn waits_text(p: &Values, n: i64) -> String {
    if n <= 0 {
        return "no wait".to_string();
    }
    let waits: Vec<String> = (0..n).map(|k| fmt_ms(backoff_ms(p.of(BASE), k))).collect();
    format!("waits of {}", waits.join(", "))
}

fn claim(p: &Values) -> String {
    let (attempts, ok) = outcome(p);
    if ok {
        format!(
            "{} failed attempt(s), {} between them, then call_api({attempts}) succeeds: main() prints 'ok' at {}.",
            attempts - 1,
            waits_text(p, attempts - 1),
            fmt_ms(expected_ms(p))
        )
    } else {
        format!(
            "All {attempts} attempts fail ({} between them): main() gives up and re-raises at {}, its lane failed.",
            waits_text(p, attempts - 1),
            fmt_ms(expected_ms(p))
        )
    }
}

fn python(p: &Values) -> String {
    code_params::apply(include_str!("lesson.py"), PARAMS, p)
}

// --- The code that runs: the code panel shows this file from here on. ---

/// How long each attempt (the request) takes.
pub const ATTEMPT_MS: f64 = 100.0;

/// The backoff before retry `k` (0-based): `base · 2^k`.
pub fn backoff_ms(base: f64, k: i64) -> f64 {
    base * 2f64.powi(i32::try_from(k).unwrap_or(0))
}

async fn call_api(cx: Cx, attempt: i64, failures: i64) -> Result<&'static str, TaskError> {
    cx.sleep(ATTEMPT_MS).await;
    if attempt <= failures {
        return Err(TaskError::Raised(format!(
            "ConnectionError: attempt {attempt} failed"
        )));
    }
    Ok("ok")
}

async fn main(cx: Cx, p: Values) -> Result<(), TaskError> {
    let retries = p.of(RETRIES);
    let failures = p.of(FAILURES);
    let base = p.of(BASE);
    for attempt in 1..=retries + 1 {
        let result = cx
            .call(format!("call_api({attempt})"), move |cx| {
                call_api(cx, attempt, failures)
            })
            .await;
        match result {
            Ok(answer) => {
                cx.print(answer);
                return Ok(());
            }
            Err(e) => {
                if attempt == retries + 1 {
                    cx.print(format!("giving up after {attempt} attempts"));
                    return Err(e);
                }
                let wait = backoff_ms(base, attempt - 1);
                let text = e.to_string();
                let text = text.strip_prefix("ConnectionError: ").unwrap_or(&text);
                cx.print(format!("{text}; retrying in {} s", secs(wait)));
                cx.sleep(wait).await;
            }
        }
    }
    Ok(())
}
