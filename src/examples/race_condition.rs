//! `race-condition`: read, await, write loses updates; a lock fixes it.

use std::cell::Cell;
use std::rc::Rc;

use futures::FutureExt;

use super::Lesson;
use crate::core::code_params;
use crate::core::params::{ParamSpec, Values};
use crate::core::predict::{Ask, Question};
use crate::core::task::fmt_ms;
use crate::runtime::{Cx, Lock, TaskError};

/// The await between the read and the write (a database round trip, say).
pub const STEP_MS: f64 = 100.0;

const PARAMS: &[ParamSpec] = &[
    ParamSpec::int(
        "tasks",
        "Tasks",
        "How many tasks increment the shared counter.",
        1,
        20,
        3,
        "",
    ),
    ParamSpec::int(
        "increments",
        "Increments",
        "How many times each task increments it.",
        1,
        20,
        3,
        "",
    ),
    ParamSpec::flag(
        "lock",
        "Lock",
        "1: each read-await-write runs inside async with lock.",
        false,
    ),
];

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
    summary: "Read, await, write: another task's write is overwritten.",
    explanation: &[
        "asyncio runs one task at a time, so counter += 1 on its own is safe. But read the value, await something, then write value + 1, and every other task may run during that await: they all read the same old value, and each write overwrites the others'. Updates are lost, with no error anywhere.",
        "An asyncio.Lock around the read-await-write makes it a critical section: one task at a time inside, the others wait at async with lock: (their lanes show waiting) and enter in arrival order. No update is lost, but the increments now run one after another: the run takes tasks × increments × 0.1 s instead of increments × 0.1 s.",
        "Explore timings (below) runs it 200 times with every sleep off by up to ±20 %: as written, every run loses the same updates, because each task reads right after its own write. Add a pause after the write (await asyncio.sleep(0.3) at the end of the loop body) and explore again: now the final count changes from run to run (3 most often, sometimes 4, 5 or 6 at ±20 %). A count that is usually the same is still not right; with LOCK = True it is 9 in every run.",
    ],
    params: PARAMS,
    claim,
    expected_ms,
    python,
    main: |cx, p| main(cx, p).boxed_local(),
    predict: PREDICT,
};

/// The counter's final value: without the lock every round of reads sees
/// the same value, so each round adds one.
pub fn final_count(p: &Values) -> i64 {
    if p.flag("lock") {
        p.int("tasks") * p.int("increments")
    } else {
        p.int("increments")
    }
}

fn expected_ms(p: &Values) -> f64 {
    let rounds = if p.flag("lock") {
        p.int("tasks") * p.int("increments")
    } else {
        p.int("increments")
    };
    rounds as f64 * STEP_MS
}

fn claim(p: &Values) -> String {
    let expected = p.int("tasks") * p.int("increments");
    let got = final_count(p);
    if p.flag("lock") {
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
    code_params::apply(include_str!("py/race-condition.py"), PARAMS, p)
}

async fn worker(
    cx: Cx,
    counter: Rc<Cell<i64>>,
    lock: Option<Lock>,
    increments: i64,
) -> Result<(), TaskError> {
    for _ in 0..increments {
        let _guard = match &lock {
            Some(l) => Some(l.acquire(&cx).await),
            None => None,
        };
        let value = counter.get();
        cx.sleep(STEP_MS).await;
        counter.set(value + 1);
    }
    Ok(())
}

async fn main(cx: Cx, p: Values) -> Result<(), TaskError> {
    let (n, k) = (p.int("tasks"), p.int("increments"));
    let counter = Rc::new(Cell::new(0));
    let lock = p.flag("lock").then(|| Lock::new(&cx, "counter"));
    let handles = (0..n)
        .map(|i| {
            let (counter, lock) = (counter.clone(), lock.clone());
            cx.spawn(format!("worker({i})"), move |cx| {
                worker(cx, counter, lock, k)
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
