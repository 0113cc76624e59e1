//! `daemon`: background tasks are cancelled when the main coroutine ends.

use futures::FutureExt;

use super::create_task::{ticks_before, times};
use super::Lesson;
use crate::core::code_params;
use crate::core::model::tasks::fmt_ms;
use crate::core::params::{Ms, ParamSpec, Values};
use crate::core::predict::{Ask, Question};
use crate::runtime::{Cx, TaskError};

const MAIN: Ms = Ms::new(
    "main",
    "Main work",
    "How long main() works before it returns.",
    10_000,
    1000,
);

const INTERVAL: Ms = Ms::range(
    "interval",
    "Interval",
    "How often the background task ticks.",
    50,
    5_000,
    300,
);

const PARAMS: &[ParamSpec] = &[MAIN.spec(), INTERVAL.spec()];

/// The prediction asked before the first Run (see `core::predict`).
const PREDICT: &[Question] = &[
    Question {
        key: "count-heartbeats",
        text: "How many heartbeats are printed?",
        ask: Ask::CountLines {
            prefix: "heartbeat",
        },
    },
    Question {
        key: "heartbeat-end",
        text: "How does heartbeat() end?",
        ask: Ask::TaskEnd {
            task: "heartbeat()",
        },
    },
    Question {
        key: "ending",
        text: "Does this program finish, hang, or fail?",
        ask: Ask::Ending,
    },
];

/// The lesson.
pub static LESSON: Lesson = Lesson {
    id: "daemon",
    title: "Background tasks die with main()",
    group: "Tasks and cancellation",
    order: 60,
    summary: "Fire-and-forget tasks are cancelled when asyncio.run's main returns.",
    explanation: &[
        "A task started with create_task() and never awaited runs in the background, like a daemon thread. It keeps running only as long as the loop does: when main() returns, asyncio.run() cancels every task that is still running, waits for them to finish cancelling, and closes the loop.",
        "So background work does not outlive main(): the heartbeat below ticks while main() works, and its lane ends cancelled at the very instant main() returns. (Keep a reference to such tasks, too: the loop holds only a weak one, and an unreferenced task may be garbage-collected mid-run.) To let background work finish, await it, or gather it, before main() returns.",
        "What asyncio warns about here: nothing, because beat = asyncio.create_task(...) keeps its task and asyncio.run() cancels it cleanly. Write asyncio.create_task(heartbeat()) without keeping the result and the warnings panel adds the playground's note that the task is not kept (CPython says nothing, and may collect it). A task still pending when a loop is closed without asyncio.run()'s clean-up gets CPython's Task was destroyed but it is pending!, and a background task that raised and that nobody awaited gets Task exception was never retrieved.",
    ],
    params: PARAMS,
    claim,
    expected_ms: Some(expected_ms),
    python,
    main: |cx, p| main(cx, p).boxed_local(),
    predict: PREDICT,
};

fn expected_ms(p: &Values) -> f64 {
    p.of(MAIN)
}

fn claim(p: &Values) -> String {
    let (m, i) = (p.of(MAIN), p.of(INTERVAL));
    format!(
        "heartbeat() ticks {} (every {}) while main() works; main() returns at {} and the heartbeat's lane ends cancelled at that same instant, though nobody cancelled it in the code.",
        times(ticks_before(i, m)),
        fmt_ms(i),
        fmt_ms(m)
    )
}

fn python(p: &Values) -> String {
    code_params::apply(include_str!("lesson.py"), PARAMS, p)
}

// --- The code that runs: the code panel shows this file from here on. ---

async fn heartbeat(cx: Cx, interval: f64) -> Result<(), TaskError> {
    let mut n = 0;
    loop {
        cx.sleep(interval).await;
        n += 1;
        cx.print(format!("heartbeat {n}"));
    }
}

async fn main(cx: Cx, p: Values) -> Result<(), TaskError> {
    let interval = p.of(INTERVAL).max(1.0);
    // Never awaited: the run cancels it when main() ends.
    let _beat = cx.spawn("heartbeat()", move |cx| heartbeat(cx, interval));
    cx.sleep(p.of(MAIN)).await;
    cx.print("main returns");
    Ok(())
}
