//! `coroutine`: a coroutine pauses at `await` and resumes.

use futures::FutureExt;

use super::{secs, Lesson};
use crate::core::code_params;
use crate::core::model::tasks::fmt_ms;
use crate::core::params::{Ms, ParamSpec, Values};
use crate::core::predict::{Ask, Question};
use crate::runtime::{Cx, TaskError};

const DELAY: Ms = Ms::new(
    "delay",
    "Delay",
    "How long the coroutine sleeps at its await.",
    10_000,
    1000,
);

const PARAMS: &[ParamSpec] = &[DELAY.spec()];

/// The prediction asked before the first Run (see `core::predict`).
const PREDICT: &[Question] = &[
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
    id: "coroutine",
    title: "A coroutine pauses at await",
    group: "Basics",
    order: 10,
    summary: "async def, await, and what the loop does meanwhile.",
    explanation: &[
        "An async def function returns a coroutine. asyncio.run() drives it: the code runs until it reaches an await on something that is not ready yet, such as asyncio.sleep().",
        "At that await the coroutine is suspended and control goes back to the event loop, which is free to run other work. When the timer fires, the loop resumes the coroutine right after the await, with all its local variables intact.",
    ],
    params: PARAMS,
    claim,
    expected_ms: Some(expected_ms),
    python,
    main: |cx, p| main(cx, p).boxed_local(),
    predict: PREDICT,
};

fn expected_ms(p: &Values) -> f64 {
    p.of(DELAY)
}

fn claim(p: &Values) -> String {
    format!(
        "main() prints \"start\", sleeps at its await for {}, and finishes at {}: the lane shows it sleeping, not running.",
        fmt_ms(p.of(DELAY)),
        fmt_ms(p.of(DELAY))
    )
}

fn python(p: &Values) -> String {
    code_params::apply(include_str!("lesson.py"), PARAMS, p)
}

// --- The code that runs: the code panel shows this file from here on. ---

async fn main(cx: Cx, p: Values) -> Result<(), TaskError> {
    let delay = p.of(DELAY);
    cx.print("start");
    cx.sleep(delay).await;
    cx.print(format!("resumed after {} s", secs(delay)));
    Ok(())
}
