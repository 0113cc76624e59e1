//! `forgotten-await`: a coroutine called without `await` never runs.

use futures::FutureExt;

use super::Lesson;
use crate::core::code_params;
use crate::core::model::tasks::fmt_ms;
use crate::core::params::{Ms, ParamSpec, Values};
use crate::core::predict::{Ask, Question};
use crate::runtime::{Cx, TaskError};

const DELAY: Ms = Ms::new(
    "delay",
    "Delay",
    "How long save() takes when it does run.",
    10_000,
    500,
);

const PARAMS: &[ParamSpec] = &[DELAY.spec()];

/// The prediction asked before the first Run (see `core::predict`).
const PREDICT: &[Question] = &[
    Question {
        key: "count-saved",
        text: "How many \"saved …\" lines are printed?",
        ask: Ask::CountLines { prefix: "saved" },
    },
    Question {
        key: "end-time",
        text: "When does main() end?",
        ask: Ask::EndTime,
    },
];

/// The lesson.
pub static LESSON: Lesson = Lesson {
    id: "forgotten-await",
    title: "The forgotten await",
    group: "Pitfalls",
    order: 160,
    summary: "Calling a coroutine function without await runs nothing.",
    explanation: &[
        "Calling an async def function does not run its body: it only creates a coroutine object. Nothing happens until that object is awaited or wrapped in a task with create_task(). Forget the await and the call silently does nothing: no error, no save.",
        "Python notices only when the unused coroutine object is thrown away, and prints a RuntimeWarning: coroutine '...' was never awaited (to stderr, easy to miss). Below, save('report') is created and never scheduled: its lane stays created for the whole run, while the awaited save('backup') really runs.",
        "The warnings panel shows CPython's line word for word, with a mark on save('report')'s lane at the moment Python drops the object (here, when main() moves on). The fix is in the message: await the call, or schedule it with asyncio.create_task() and keep the task.",
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
        "save('report') stays created and never prints; the console shows \"{}\". Only the awaited save('backup') runs, and main() ends at {}.",
        never_awaited_warning("save"),
        fmt_ms(p.of(DELAY))
    )
}

fn python(p: &Values) -> String {
    code_params::apply(include_str!("lesson.py"), PARAMS, p)
}

// --- The code that runs: the code panel shows this file from here on. ---

/// The warning Python prints for a coroutine object that is never awaited.
pub fn never_awaited_warning(function: &str) -> String {
    format!("RuntimeWarning: coroutine '{function}' was never awaited")
}

async fn save(cx: Cx, name: &'static str, delay: f64) -> Result<(), TaskError> {
    cx.sleep(delay).await;
    cx.print(format!("saved {name}"));
    Ok(())
}

async fn main(cx: Cx, p: Values) -> Result<(), TaskError> {
    let delay = p.of(DELAY);
    // `save("report")` without await: the coroutine object exists, unscheduled.
    let report = cx.create("save('report')");
    cx.diagnose(
        report,
        crate::core::trace::DiagKind::NeverAwaited,
        never_awaited_warning("save"),
    );
    cx.print(never_awaited_warning("save"));
    cx.call("save('backup')", move |cx| save(cx, "backup", delay))
        .await?;
    cx.print("main done");
    Ok(())
}
