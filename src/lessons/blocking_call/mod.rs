//! `blocking-call`: a blocking call inside a coroutine freezes the whole loop.

use futures::FutureExt;

use super::Lesson;
use crate::core::code_params;
use crate::core::model::tasks::fmt_ms;
use crate::core::params::{Int, Ms, ParamSpec, Values};
use crate::core::predict::{Ask, Question};
use crate::runtime::{Cx, TaskError};

const TASKS: Int = Int::new(
    "tasks",
    "Fetches",
    "How many well-behaved fetches run beside the blocking call.",
    1,
    20,
    3,
);

const DELAY: Ms = Ms::new(
    "delay",
    "Fetch delay",
    "How long each fetch awaits (asyncio.sleep).",
    10_000,
    300,
);

const BLOCK: Ms = Ms::new(
    "block",
    "Block",
    "How long the blocking call holds the thread (time.sleep). The page really freezes that long.",
    5_000,
    1000,
);

const PARAMS: &[ParamSpec] = &[TASKS.spec(), DELAY.spec(), BLOCK.spec()];

/// The prediction asked before the first Run (see `core::predict`).
const PREDICT: &[Question] = &[
    Question {
        key: "end-time",
        text: "When does main() end?",
        ask: Ask::EndTime,
    },
    Question {
        key: "first-print",
        text: "Which print prints first?",
        ask: Ask::FirstPrint,
    },
];

/// The lesson.
pub static LESSON: Lesson = Lesson {
    id: "blocking-call",
    title: "A blocking call freezes the loop",
    group: "Pitfalls",
    order: 150,
    summary: "time.sleep (or any CPU-bound or blocking call) stops every task.",
    explanation: &[
        "The event loop runs one thing at a time, on one thread. A coroutine gives the loop back only at an await. A blocking call such as time.sleep(), requests.get() or a long computation never awaits: until it returns, no other task runs, no timer fires, nothing is redrawn.",
        "The run has two phases with the same tasks. In phase 1, compute_blocking() calls time.sleep(): here it is a real busy-wait on your browser's main thread, so this page really freezes for that long (try to scroll), the fetches due earlier end only when it returns, and the loop's heartbeat comes late by about as much (the loop lag figure). In phase 2, compute_awaiting() awaits asyncio.sleep() for the same time instead: the fetches end on time.",
        "The fix for real blocking work is to await it elsewhere: asyncio.to_thread() or loop.run_in_executor() (the executor lesson), or an async library.",
        "asyncio's debug mode (asyncio.run(main(), debug=True), or python -X dev) catches this: any step of a task that holds the loop for 100 ms or more is logged as Executing <Task finished name='Task-5' coro=<compute_blocking() done, defined at main.py:11> result=None> took 1.000 seconds. The warnings panel shows that line, and a mark on compute_blocking()'s lane at the moment it returned.",
    ],
    params: PARAMS,
    claim,
    expected_ms: Some(expected_ms),
    python,
    main: |cx, p| main(cx, p).boxed_local(),
    predict: PREDICT,
};

fn phase_ms(p: &Values) -> f64 {
    p.of(DELAY).max(p.of(BLOCK))
}

fn expected_ms(p: &Values) -> f64 {
    2.0 * phase_ms(p)
}

fn claim(p: &Values) -> String {
    let (n, d, b) = (p.of(TASKS), p.of(DELAY), p.of(BLOCK));
    let phase = phase_ms(p);
    if b > d {
        format!(
            "Phase 1: the {n} fetches due at {} end only at {}, {} late, when time.sleep returns; the page freezes and the loop lag shows about {}. Phase 2: with await asyncio.sleep they end on time, {} after they start. The run ends at {}.",
            fmt_ms(d),
            fmt_ms(b),
            fmt_ms(b - d),
            fmt_ms(b),
            fmt_ms(d),
            fmt_ms(2.0 * phase)
        )
    } else {
        format!(
            "The block ({}) is not longer than the fetches ({}), so it hides inside their wait: both phases take {}, yet in phase 1 the page still freezes for {} and the loop lag shows it. Raise block above delay to see the fetches come late.",
            fmt_ms(b),
            fmt_ms(d),
            fmt_ms(phase),
            fmt_ms(b)
        )
    }
}

fn python(p: &Values) -> String {
    code_params::apply(include_str!("lesson.py"), PARAMS, p)
}

// --- The code that runs: the code panel shows this file from here on. ---

async fn fetch(cx: Cx, i: i64, delay: f64) -> Result<(), TaskError> {
    cx.sleep(delay).await;
    cx.print(format!("fetch({i}) done"));
    Ok(())
}

async fn main(cx: Cx, p: Values) -> Result<(), TaskError> {
    let n = p.of(TASKS);
    let delay = p.of(DELAY);
    let block = p.of(BLOCK);
    for phase in [1, 2] {
        if phase == 1 {
            cx.print("phase 1: time.sleep inside a coroutine");
        } else {
            cx.print("phase 2: await asyncio.sleep instead");
        }
        let mut handles: Vec<_> = (0..n)
            .map(|i| cx.spawn(format!("fetch({i})"), move |cx| fetch(cx, i, delay)))
            .collect();
        if phase == 1 {
            handles.push(cx.spawn("compute_blocking()", move |cx| async move {
                // A real busy-wait on the loop's thread: nothing else runs.
                cx.block(block);
                cx.print("time.sleep returned");
                // The task's repr after this step (it returns), as debug
                // mode's warning gives it for the lesson's Python code.
                cx.slow_step(
                    block,
                    &format!(
                        "<Task finished name='Task-{}' coro=<compute_blocking() done, defined at main.py:11> result=None>",
                        n + 2
                    ),
                );
                Ok(())
            }));
        } else {
            handles.push(cx.spawn("compute_awaiting()", move |cx| async move {
                cx.sleep(block).await;
                cx.print("asyncio.sleep returned");
                Ok(())
            }));
        }
        cx.gather(handles).await?;
    }
    Ok(())
}
