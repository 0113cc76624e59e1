//! `timeout`: `asyncio.wait_for` cancels what runs too long.

use futures::FutureExt;

use super::{secs, Lesson};
use crate::core::code_params;
use crate::core::model::tasks::fmt_ms;
use crate::core::params::{Ms, ParamSpec, Values};
use crate::core::predict::{Ask, Question};
use crate::runtime::{Cx, TaskError};

const DELAY: Ms = Ms::new(
    "delay",
    "Operation",
    "How long the slow operation takes.",
    10_000,
    2000,
);

const TIMEOUT: Ms = Ms::new(
    "timeout",
    "Timeout",
    "How long wait_for lets it run.",
    10_000,
    1000,
);

const PARAMS: &[ParamSpec] = &[DELAY.spec(), TIMEOUT.spec()];

/// The prediction asked before the first Run (see `core::predict`).
const PREDICT: &[Question] = &[
    Question {
        key: "slow-end",
        text: "How does slow_operation() end?",
        ask: Ask::TaskEnd {
            task: "slow_operation()",
        },
    },
    Question {
        key: "end-time",
        text: "When does main() end?",
        ask: Ask::EndTime,
    },
    Question {
        key: "last-print",
        text: "Which print prints last?",
        ask: Ask::LastPrint,
    },
];

/// The lesson.
pub static LESSON: Lesson = Lesson {
    id: "timeout",
    title: "wait_for cancels what runs too long",
    group: "Errors, timeouts and retries",
    order: 100,
    summary: "A timeout cancels the awaited task and raises TimeoutError.",
    explanation: &[
        "asyncio.wait_for(aw, timeout) awaits aw, but at most timeout seconds. If aw finishes in time, you get its result. If not, wait_for cancels it (a CancelledError is thrown into it at its current await, so it stops right there) and raises TimeoutError in the caller (asyncio.TimeoutError before Python 3.11).",
        "The cancellation is real: the slow operation's lane ends cancelled at exactly the timeout, and the line it would print after its sleep never appears. When the operation would end at the very instant of the timeout, the timeout wins. Since Python 3.11, async with asyncio.timeout(s): does the same for a whole block.",
        "Explore timings (below) jitters the sleep but not the deadline: with DELAY = 2.0 s and TIMEOUT = 1.0 s every run times out, but with DELAY = 1.1 s and ±20 % about one run in four finishes in time, so a timeout close to the usual latency makes both outcomes possible.",
    ],
    params: PARAMS,
    claim,
    expected_ms: Some(expected_ms),
    python,
    main: |cx, p| main(cx, p).boxed_local(),
    predict: PREDICT,
};

fn times_out(p: &Values) -> bool {
    p.of(DELAY) >= p.of(TIMEOUT)
}

fn expected_ms(p: &Values) -> f64 {
    p.of(DELAY).min(p.of(TIMEOUT))
}

fn claim(p: &Values) -> String {
    let (d, t) = (p.of(DELAY), p.of(TIMEOUT));
    if times_out(p) {
        format!(
            "slow_operation() needs {} but gets {}: its lane ends cancelled at exactly {}, and main() catches TimeoutError at that instant.",
            fmt_ms(d),
            fmt_ms(t),
            fmt_ms(t)
        )
    } else {
        format!(
            "slow_operation() needs {}, within the {} timeout: it ends done at {} and main() prints its result. Set delay at or above timeout to see it cancelled.",
            fmt_ms(d),
            fmt_ms(t),
            fmt_ms(d)
        )
    }
}

fn python(p: &Values) -> String {
    code_params::apply(include_str!("lesson.py"), PARAMS, p)
}

// --- The code that runs: the code panel shows this file from here on. ---

async fn slow_operation(cx: Cx, delay: f64) -> Result<&'static str, TaskError> {
    cx.print("slow_operation() start");
    cx.sleep(delay).await;
    cx.print("slow_operation() done");
    Ok("result")
}

async fn main(cx: Cx, p: Values) -> Result<(), TaskError> {
    let delay = p.of(DELAY);
    let timeout = p.of(TIMEOUT);
    let op = cx.spawn("slow_operation()", move |cx| slow_operation(cx, delay));
    match cx.wait_for(op, timeout).await {
        Ok(result) => cx.print(format!("got '{result}'")),
        Err(TaskError::Timeout(_)) => cx.print(format!(
            "TimeoutError: slow_operation() was cancelled after {} s",
            secs(timeout)
        )),
        Err(e) => return Err(e),
    }
    Ok(())
}
