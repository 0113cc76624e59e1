//! `create-task`: background tasks with `asyncio.create_task`, then `cancel()`.

use futures::FutureExt;

use super::Lesson;
use crate::core::code_params;
use crate::core::model::tasks::fmt_ms;
use crate::core::params::{Ms, ParamSpec, Values};
use crate::core::predict::{Ask, Question};
use crate::runtime::{Cx, TaskError};

const INTERVAL_A: Ms = Ms::range(
    "interval_a",
    "Interval a",
    "How often worker a ticks.",
    50,
    5_000,
    300,
);

const INTERVAL_B: Ms = Ms::range(
    "interval_b",
    "Interval b",
    "How often worker b ticks.",
    50,
    5_000,
    700,
);

const CANCEL_AFTER: Ms = Ms::new(
    "cancel_after",
    "Cancel after",
    "When main() cancels both workers.",
    10_000,
    1000,
);

const PARAMS: &[ParamSpec] = &[INTERVAL_A.spec(), INTERVAL_B.spec(), CANCEL_AFTER.spec()];

/// The prediction asked before the first Run (see `core::predict`).
const PREDICT: &[Question] = &[
    Question {
        key: "count-a",
        text: "How many times does worker a tick?",
        ask: Ask::CountLines { prefix: "a tick" },
    },
    Question {
        key: "worker-a-end",
        text: "How does worker('a') end?",
        ask: Ask::TaskEnd {
            task: "worker('a')",
        },
    },
    Question {
        key: "end-time",
        text: "When does main() end?",
        ask: Ask::EndTime,
    },
];

/// The lesson.
pub static LESSON: Lesson = Lesson {
    id: "create-task",
    title: "Background tasks and cancel()",
    group: "Tasks and cancellation",
    order: 50,
    summary: "create_task starts work that runs on its own until cancelled.",
    explanation: &[
        "asyncio.create_task() wraps a coroutine in a task and schedules it right away: it starts running at the next turn of the loop, while the code that created it carries on. Here main() starts two workers that tick forever, then goes on with its own work (a sleep).",
        "task.cancel() asks a task to stop: at its current await it receives a CancelledError, which ends it unless it catches the error. Awaiting a cancelled task raises CancelledError in the awaiting code, which is how main() knows each worker is gone. A worker ticks only at the instants strictly before the cancel: when a tick and the cancel fall on the same instant, main()'s timer was set first and wins.",
    ],
    params: PARAMS,
    claim,
    expected_ms: Some(expected_ms),
    python,
    main: |cx, p| main(cx, p).boxed_local(),
    predict: PREDICT,
};

/// Ticks of a worker of period `interval` before `cancel_after`.
pub fn ticks_before(interval: f64, cancel_after: f64) -> i64 {
    if interval <= 0.0 || cancel_after <= 0.0 {
        return 0;
    }
    ((cancel_after / interval).ceil() as i64 - 1).max(0)
}

/// `1 time`, `3 times`.
pub fn times(n: i64) -> String {
    if n == 1 {
        "1 time".to_string()
    } else {
        format!("{n} times")
    }
}

fn expected_ms(p: &Values) -> f64 {
    p.of(CANCEL_AFTER)
}

fn claim(p: &Values) -> String {
    let (a, b, c) = (p.of(INTERVAL_A), p.of(INTERVAL_B), p.of(CANCEL_AFTER));
    format!(
        "worker('a') ticks {} (every {}) and worker('b') {} (every {}); both lanes end cancelled at {}, when main() cancels them, and the console says so.",
        times(ticks_before(a, c)),
        fmt_ms(a),
        times(ticks_before(b, c)),
        fmt_ms(b),
        fmt_ms(c)
    )
}

fn python(p: &Values) -> String {
    code_params::apply(include_str!("lesson.py"), PARAMS, p)
}

// --- The code that runs: the code panel shows this file from here on. ---

async fn worker(cx: Cx, name: &'static str, interval: f64) -> Result<(), TaskError> {
    let mut n = 0;
    loop {
        cx.sleep(interval).await;
        n += 1;
        cx.print(format!("{name} tick {n}"));
    }
}

async fn main(cx: Cx, p: Values) -> Result<(), TaskError> {
    let a_every = p.of(INTERVAL_A).max(1.0);
    let b_every = p.of(INTERVAL_B).max(1.0);
    let a = cx.spawn("worker('a')", move |cx| worker(cx, "a", a_every));
    let b = cx.spawn("worker('b')", move |cx| worker(cx, "b", b_every));
    cx.sleep(p.of(CANCEL_AFTER)).await;
    a.cancel();
    b.cancel();
    for (name, task) in [("a", a), ("b", b)] {
        match cx.join(task).await {
            Err(TaskError::Cancelled) => cx.print(format!("worker('{name}') cancelled")),
            Err(e) => return Err(e),
            Ok(()) => cx.print(format!("worker('{name}') ended")),
        }
    }
    Ok(())
}
