//! `sequential-vs-gather`: awaiting one by one vs `asyncio.gather`.

use futures::FutureExt;

use super::Lesson;
use crate::core::code_params;
use crate::core::model::tasks::fmt_ms;
use crate::core::params::{Choice, Int, Ms, ParamSpec, Values};
use crate::core::predict::{Ask, Question};
use crate::runtime::{Cx, TaskError};

const TASKS: Int = Int::new("tasks", "Tasks", "How many fetches to make.", 1, 50, 3);

const DELAY: Ms = Ms::new("delay", "Delay", "How long each fetch takes.", 10_000, 1000);

const MODE: Choice = Choice::new(
    "mode",
    "Mode",
    "Await each fetch in turn, or start them all and gather.",
    &["sequential", "gather"],
    "gather",
);

const PARAMS: &[ParamSpec] = &[TASKS.spec(), DELAY.spec(), MODE.spec()];

/// The prediction asked before the first Run (see `core::predict`).
const PREDICT: &[Question] = &[
    Question {
        key: "end-time",
        text: "When does main() end?",
        ask: Ask::EndTime,
    },
    Question {
        key: "max-in-flight",
        text: "At most how many fetches run at once?",
        ask: Ask::MaxInFlight,
    },
];

/// The lesson.
pub static LESSON: Lesson = Lesson {
    id: "sequential-vs-gather",
    title: "Sequential awaits vs gather",
    group: "Basics",
    order: 20,
    summary: "Awaiting one by one adds the waits up; gather overlaps them.",
    explanation: &[
        "Awaiting coroutines one after another runs them one after another: each await waits for its fetch to finish before the next one even starts, so the waits add up.",
        "asyncio.gather() wraps each coroutine in a task and schedules them all at once. While one fetch sleeps, the loop runs the others, so their waits overlap and the whole batch takes about as long as the slowest fetch. The results come back in the order given, whatever order the fetches finish in.",
    ],
    params: PARAMS,
    claim,
    expected_ms: Some(expected_ms),
    python,
    main: |cx, p| main(cx, p).boxed_local(),
    predict: PREDICT,
};

fn expected_ms(p: &Values) -> f64 {
    if p.of(MODE) == "sequential" {
        p.of(DELAY) * p.of(TASKS) as f64
    } else {
        p.of(DELAY)
    }
}

fn claim(p: &Values) -> String {
    let n = p.of(TASKS);
    let d = p.of(DELAY);
    if p.of(MODE) == "sequential" {
        format!(
            "{n} fetches of {} awaited one by one end at {} ({n} × {}), never more than 1 in flight. Switch mode to gather to compare.",
            fmt_ms(d),
            fmt_ms(d * n as f64),
            fmt_ms(d)
        )
    } else {
        format!(
            "{n} fetches of {} with gather end at {}, not {}: all {n} are in flight at once.",
            fmt_ms(d),
            fmt_ms(d),
            fmt_ms(d * n as f64)
        )
    }
}

fn python(p: &Values) -> String {
    code_params::apply(include_str!("lesson.py"), PARAMS, p)
}

// --- The code that runs: the code panel shows this file from here on. ---

async fn fetch_user(cx: Cx, i: i64, delay: f64) -> Result<String, TaskError> {
    cx.print(format!("fetch_user({i}) start"));
    cx.sleep(delay).await;
    cx.print(format!("fetch_user({i}) done"));
    Ok(format!("user{i}"))
}

fn show(results: &[String]) -> String {
    let items: Vec<String> = results.iter().map(|r| format!("'{r}'")).collect();
    format!("[{}]", items.join(", "))
}

async fn main(cx: Cx, p: Values) -> Result<(), TaskError> {
    let n = p.of(TASKS);
    let delay = p.of(DELAY);
    let results = if p.of(MODE) == "sequential" {
        let mut results = Vec::new();
        for i in 0..n {
            results.push(
                cx.call(format!("fetch_user({i})"), move |cx| {
                    fetch_user(cx, i, delay)
                })
                .await?,
            );
        }
        results
    } else {
        let handles = (0..n)
            .map(|i| {
                cx.spawn(format!("fetch_user({i})"), move |cx| {
                    fetch_user(cx, i, delay)
                })
            })
            .collect();
        cx.gather(handles).await?
    };
    cx.print(show(&results));
    Ok(())
}
