//! `deadlock`: two locks taken in opposite order.

use futures::FutureExt;

use super::Lesson;
use crate::core::code_params;
use crate::core::model::tasks::fmt_ms;
use crate::core::params::{Choice, Ms, ParamSpec, Values};
use crate::core::predict::{Ask, Question};
use crate::runtime::{Cx, Lock, TaskError};

const HOLD: Ms = Ms::new(
    "hold",
    "Hold",
    "How long each task holds its first lock before it takes the second.",
    5_000,
    500,
);

const ORDER: Choice = Choice::new(
    "order",
    "Order",
    "opposite: task_2 takes b then a; same: both take a then b.",
    &["opposite", "same"],
    "opposite",
);

const PARAMS: &[ParamSpec] = &[HOLD.spec(), ORDER.spec()];

/// The prediction asked before the first Run (see `core::predict`).
const PREDICT: &[Question] = &[
    Question {
        key: "ending",
        text: "Does this program finish, hang, or fail?",
        ask: Ask::Ending,
    },
    Question {
        key: "last-print",
        text: "Which print prints last?",
        ask: Ask::LastPrint,
    },
];

/// The lesson.
pub static LESSON: Lesson = Lesson {
    id: "deadlock",
    title: "Deadlock: two locks, opposite order",
    group: "Coordination",
    order: 140,
    summary: "Each task holds the lock the other one waits for.",
    explanation: &[
        "task_1 takes lock a, then (after some work) lock b. task_2 takes lock b, then lock a. If each gets its first lock before the other asks for its second, task_1 waits for b, held by task_2, which waits for a, held by task_1: a cycle. Neither can go on, nothing else can release them, and no timer or I/O is pending: the program hangs forever, silently, with the loop idle.",
        "The playground notices that every live task waits on something only another stuck task can release, stops the run and marks it deadlock. The fix is a global order: if every task takes a before b (order=same), task_2 simply waits for a until task_1 is done with both, and the run finishes.",
    ],
    params: PARAMS,
    claim,
    expected_ms: Some(expected_ms),
    python,
    main: |cx, p| main(cx, p).boxed_local(),
    predict: PREDICT,
};

fn expected_ms(p: &Values) -> f64 {
    if opposite(p) {
        p.of(HOLD)
    } else {
        2.0 * p.of(HOLD)
    }
}

fn claim(p: &Values) -> String {
    let h = p.of(HOLD);
    if opposite(p) {
        format!(
            "At {}, task_1 holds Lock(a) and waits for Lock(b), task_2 holds Lock(b) and waits for Lock(a): the run ends as a deadlock at {}, with neither task done.",
            fmt_ms(h),
            fmt_ms(h)
        )
    } else {
        format!(
            "Both take Lock(a) first: task_2 waits for it until task_1 has finished with both locks at {}, then does the same; the run finishes at {}.",
            fmt_ms(h),
            fmt_ms(2.0 * h)
        )
    }
}

fn python(p: &Values) -> String {
    code_params::apply(include_str!("lesson.py"), PARAMS, p)
}

// --- The code that runs: the code panel shows this file from here on. ---

fn opposite(p: &Values) -> bool {
    p.of(ORDER) != "same"
}

async fn take_two(
    cx: Cx,
    name: &'static str,
    first: (Lock, &'static str),
    second: (Lock, &'static str),
    hold: f64,
) -> Result<(), TaskError> {
    let _one = first.0.acquire(&cx).await;
    cx.print(format!("{name} holds {}", first.1));
    cx.sleep(hold).await;
    cx.print(format!("{name} wants {}", second.1));
    let _two = second.0.acquire(&cx).await;
    cx.print(format!("{name} holds a and b"));
    Ok(())
}

async fn main(cx: Cx, p: Values) -> Result<(), TaskError> {
    let hold = p.of(HOLD);
    let a = Lock::new(&cx, "a");
    let b = Lock::new(&cx, "b");
    let (first, second) = if opposite(&p) {
        ((b.clone(), "b"), (a.clone(), "a"))
    } else {
        ((a.clone(), "a"), (b.clone(), "b"))
    };
    let t1 = {
        let (a, b) = (a.clone(), b.clone());
        cx.spawn("task_1()", move |cx| {
            take_two(cx, "task_1", (a, "a"), (b, "b"), hold)
        })
    };
    let t2 = cx.spawn("task_2()", move |cx| {
        take_two(cx, "task_2", first, second, hold)
    });
    cx.gather(vec![t1, t2]).await?;
    cx.print("both done");
    Ok(())
}
