//! `race-condition`: read, await, write loses updates; a lock fixes it.

use std::cell::Cell;
use std::rc::Rc;

use futures::FutureExt;

use super::Lesson;
use crate::core::code_params;
use crate::core::model::tasks::fmt_ms;
use crate::core::params::{Flag, Int, Ms, ParamSpec, Values};
use crate::core::predict::{Ask, Question};
use crate::runtime::{Cx, Lock, TaskError};

const TASKS: Int = Int::new(
    "tasks",
    "Tasks",
    "How many tasks increment the shared counter.",
    1,
    20,
    3,
);

const INCREMENTS: Int = Int::new(
    "increments",
    "Increments",
    "How many times each task increments it.",
    1,
    20,
    3,
);

const LOCK: Flag = Flag::new(
    "lock",
    "Lock",
    "1: each read-await-write runs inside async with lock.",
    false,
);

const PAUSE: Ms = Ms::new(
        "pause",
        "Pause",
        "Other work after each write, outside the lock (asyncio.sleep). With a pause, jitter changes which writes are lost: Explore timings shows several final counts.",
        1_000,
        300,
    );

const PARAMS: &[ParamSpec] = &[TASKS.spec(), INCREMENTS.spec(), LOCK.spec(), PAUSE.spec()];

/// The prediction asked before the first Run (see `core::predict`).
const PREDICT: &[Question] = &[
    Question {
        key: "counter",
        text: "What is counter at the end?",
        ask: Ask::PrintedNumber {
            prefix: "counter = ",
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
    id: "race-condition",
    title: "Race condition: lost updates",
    group: "Coordination",
    order: 130,
    summary: "Read, await, write: another task's write is overwritten.",
    explanation: &[
        "asyncio runs one task at a time, so counter += 1 on its own is safe. But read the value, await something, then write value + 1, and every other task may run during that await: they all read the same old value, and each write overwrites the others'. Updates are lost, with no error anywhere.",
        "An asyncio.Lock around the read-await-write makes it a critical section: one task at a time inside, the others wait at async with lock: (their lanes show waiting) and enter in arrival order. No update is lost, but the increments now wait for each other: the run takes longer.",
        "Run it once and the counter is 3. Run it again: 3. Now press Explore timings (below): it runs the program 200 times with every sleep off by up to ±20 %, as a real network would be. The final count changes from run to run (3 most often; 4, 5, even 6 in about one run in three at ±20 %): which writes are lost depends on timing. A result that is usually the same is not a result you can rely on; with LOCK = True it is 9 in every run.",
        "Set PAUSE to 0 and explore again: one outcome, 3 every time, because each task reads right after its own write with nothing awaited between. The pause is what lets a task read another task's write.",
    ],
    params: PARAMS,
    claim,
    expected_ms: Some(expected_ms),
    python,
    main: |cx, p| main(cx, p).boxed_local(),
    predict: PREDICT,
};

/// The counter's final value in the ideal run: without the lock every
/// round of reads sees the same value, so each round adds one.
pub fn final_count(p: &Values) -> i64 {
    if p.of(LOCK) {
        p.of(TASKS) * p.of(INCREMENTS)
    } else {
        p.of(INCREMENTS)
    }
}

/// The ideal run's end. Without the lock, every round is one step and one
/// pause. With it, a round is the longer of the lock's turn through all
/// tasks and one task's step and pause; the last round ends with the last
/// task's step and its pause.
pub fn expected_ms(p: &Values) -> f64 {
    let (n, k) = (p.of(TASKS) as f64, p.of(INCREMENTS) as f64);
    let pause = p.of(PAUSE);
    if p.of(LOCK) {
        let round = (n * STEP_MS).max(STEP_MS + pause);
        (k - 1.0) * round + n * STEP_MS + pause
    } else {
        k * (STEP_MS + pause)
    }
}

fn claim(p: &Values) -> String {
    let expected = p.of(TASKS) * p.of(INCREMENTS);
    let got = final_count(p);
    if p.of(LOCK) {
        format!(
            "With the lock, the counter ends at {got} of {expected}: 0 lost. The increments run one at a time, so the run takes {}.",
            fmt_ms(expected_ms(p))
        )
    } else {
        format!(
            "Without a lock, the counter ends at {got} instead of {expected}: {} updates lost (printed at the end), in {}. Set lock=1 to lose none.",
            expected - got,
            fmt_ms(expected_ms(p))
        )
    }
}

fn python(p: &Values) -> String {
    code_params::apply(include_str!("lesson.py"), PARAMS, p)
}

// --- The code that runs: the code panel shows this file from here on. ---

/// The await between the read and the write (a database round trip, say).
pub const STEP_MS: f64 = 100.0;

async fn worker(
    cx: Cx,
    counter: Rc<Cell<i64>>,
    lock: Option<Lock>,
    increments: i64,
    pause: f64,
) -> Result<(), TaskError> {
    for _ in 0..increments {
        {
            let _guard = match &lock {
                Some(l) => Some(l.acquire(&cx).await),
                None => None,
            };
            let value = counter.get();
            cx.sleep(STEP_MS).await;
            counter.set(value + 1);
        }
        cx.sleep(pause).await;
    }
    Ok(())
}

async fn main(cx: Cx, p: Values) -> Result<(), TaskError> {
    let (n, k, pause) = (p.of(TASKS), p.of(INCREMENTS), p.of(PAUSE));
    let counter = Rc::new(Cell::new(0));
    let lock = p.of(LOCK).then(|| Lock::new(&cx, "counter"));
    let handles = (0..n)
        .map(|i| {
            let (counter, lock) = (counter.clone(), lock.clone());
            cx.spawn(format!("worker({i})"), move |cx| {
                worker(cx, counter, lock, k, pause)
            })
        })
        .collect();
    cx.gather(handles).await?;
    let got = counter.get();
    cx.print(format!(
        "counter = {got}, expected {}, lost {}",
        n * k,
        n * k - got
    ));
    Ok(())
}
