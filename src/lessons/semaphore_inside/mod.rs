//! `semaphore-inside`: a semaphore made inside the function limits nothing.

use futures::FutureExt;

use super::semaphore::DELAY;
use super::Lesson;
use crate::core::code_params;
use crate::core::model::tasks::fmt_ms;
use crate::core::params::{Int, ParamSpec, Values};
use crate::core::predict::{Ask, Question};
use crate::runtime::{Cx, Semaphore, TaskError};

const TASKS: Int = Int::new("tasks", "Tasks", "How many downloads to start.", 1, 100, 6);

const LIMIT: Int = Int::new(
    "limit",
    "Limit",
    "The permits of each (useless) semaphore.",
    1,
    100,
    2,
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
    id: "semaphore-inside",
    title: "A semaphore inside the function limits nothing",
    group: "Concurrency limits",
    order: 80,
    summary: "Each call makes its own semaphore, so every task gets in.",
    explanation: &[
        "A semaphore limits the tasks that share it. Create it inside the function that every task calls, and each call gets a brand-new Semaphore(n) with all n permits free: every task acquires its own, nobody ever waits, and the limit does nothing.",
        "Make the semaphore once, outside (in main(), or at module level), and pass it to every task, as in the semaphore lesson. Compare the lanes: here all downloads are in flight together, and the run takes one delay instead of one per wave.",
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
    let n = p.of(TASKS);
    let limit = p.of(LIMIT);
    let waves = (n + limit - 1) / limit.max(1);
    format!(
        "Despite Semaphore({limit}), all {n} downloads are in flight at once (max in flight {n}, not {}), nobody waits, and the run ends at {}, not {}.",
        limit.min(n),
        fmt_ms(p.of(DELAY)),
        fmt_ms(p.of(DELAY) * waves as f64)
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
    let handles = (0..n)
        .map(|i| {
            cx.spawn(format!("download({i})"), move |cx| async move {
                // The pitfall: one semaphore per call, shared with nobody.
                let sem =
                    Semaphore::named(&cx, limit, format!("Semaphore({limit}) of download({i})"));
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
