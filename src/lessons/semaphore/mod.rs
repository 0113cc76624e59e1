//! `semaphore`: a concurrency limit with `asyncio.Semaphore`.

use futures::FutureExt;

use super::Lesson;
use crate::core::code_params;
use crate::core::model::tasks::fmt_ms;
use crate::core::params::{Int, Ms, ParamSpec, Values};
use crate::core::predict::{Ask, Question};
use crate::runtime::{Cx, Semaphore, TaskError};

/// How long each download takes (shared with `semaphore-inside`, which
/// shows the same downloads with a useless semaphore).
pub(super) const DELAY: Ms = Ms::new(
    "delay",
    "Delay",
    "How long each download takes.",
    10_000,
    800,
);

const TASKS: Int = Int::new(
    "tasks",
    "Tasks",
    "How many downloads to start.",
    1,
    10_000,
    9,
);

const LIMIT: Int = Int::new(
    "limit",
    "Limit",
    "How many may run at once (the semaphore's permits).",
    1,
    100,
    3,
);

const PARAMS: &[ParamSpec] = &[TASKS.spec(), LIMIT.spec(), DELAY.spec()];

/// The prediction asked before the first Run (see `core::predict`).
const PREDICT: &[Question] = &[
    Question {
        key: "max-in-flight",
        text: "At most how many downloads run at once?",
        ask: Ask::MaxInFlight,
    },
    Question {
        key: "end-time",
        text: "When does main() end?",
        ask: Ask::EndTime,
    },
];

/// The lesson.
pub static LESSON: Lesson = Lesson {
    id: "semaphore",
    title: "A concurrency limit with Semaphore",
    group: "Concurrency limits",
    order: 70,
    summary: "Start many tasks, let only a few work at once.",
    explanation: &[
        "gather() starts every task at once. When each one calls a server or an API with rate limits, that is too many: an asyncio.Semaphore(n) lets at most n tasks inside its async with block at the same time.",
        "The other tasks wait at async with sem: (their lanes show waiting) and enter, in arrival order, as soon as a permit is released. The batch runs in waves of at most n.",
    ],
    params: PARAMS,
    claim,
    expected_ms: Some(expected_ms),
    python,
    main: |cx, p| main(cx, p).boxed_local(),
    predict: PREDICT,
};

fn waves(p: &Values) -> i64 {
    let n = p.of(TASKS);
    let limit = p.of(LIMIT).max(1);
    (n + limit - 1) / limit
}

fn expected_ms(p: &Values) -> f64 {
    waves(p) as f64 * p.of(DELAY)
}

fn claim(p: &Values) -> String {
    let limit = p.of(LIMIT).min(p.of(TASKS));
    format!(
        "{} tasks of {} with Semaphore({}) end at {} ({} waves of {}), with never more than {limit} in flight.",
        p.of(TASKS),
        fmt_ms(p.of(DELAY)),
        p.of(LIMIT),
        fmt_ms(expected_ms(p)),
        waves(p),
        fmt_ms(p.of(DELAY)),
    )
}

fn python(p: &Values) -> String {
    code_params::apply(include_str!("lesson.py"), PARAMS, p)
}

// --- The code that runs: the code panel shows this file from here on. ---

async fn main(cx: Cx, p: Values) -> Result<(), TaskError> {
    let n = p.of(TASKS);
    let delay = p.of(DELAY);
    let limit = usize::try_from(p.of(LIMIT)).unwrap_or(1).max(1);
    let sem = Semaphore::new(&cx, limit);
    let handles = (0..n)
        .map(|i| {
            let sem = sem.clone();
            cx.spawn(format!("download({i})"), move |cx| async move {
                let _permit = sem.acquire(&cx).await;
                cx.print(format!("download({i}) start"));
                cx.sleep(delay).await;
                cx.print(format!("download({i}) done"));
                Ok(i)
            })
        })
        .collect();
    let results = cx.gather(handles).await?;
    cx.print(format!("{} downloads done", results.len()));
    Ok(())
}
