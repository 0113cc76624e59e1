//! `async-iterator`: `async for` over an async generator.

use futures::{stream, FutureExt, StreamExt};

use super::Lesson;
use crate::core::code_params;
use crate::core::model::tasks::fmt_ms;
use crate::core::params::{Int, Ms, ParamSpec, Values};
use crate::core::predict::{Ask, Question};
use crate::runtime::{Cx, TaskError};

const COUNT: Int = Int::new(
    "count",
    "Values",
    "How many values the generator yields.",
    0,
    50,
    5,
);

const DELAY: Ms = Ms::new(
    "delay",
    "Delay",
    "How long the generator awaits before each value.",
    10_000,
    300,
);

const PARAMS: &[ParamSpec] = &[COUNT.spec(), DELAY.spec()];

/// The prediction asked before the first Run (see `core::predict`).
const PREDICT: &[Question] = &[
    Question {
        key: "end-time",
        text: "When does main() end?",
        ask: Ask::EndTime,
    },
    Question {
        key: "count-got",
        text: "How many \"got …\" lines are printed?",
        ask: Ask::CountLines { prefix: "got " },
    },
];

/// The lesson.
pub static LESSON: Lesson = Lesson {
    id: "async-iterator",
    title: "async for over an async generator",
    group: "Basics",
    order: 30,
    summary: "Values that arrive over time, one await per value.",
    explanation: &[
        "An async def function that contains yield is an async generator. async for calls its __anext__() for each value: the generator runs up to its next yield, and may await on the way (a network read, a timer), suspending the loop body's task meanwhile. The loop ends when the generator returns.",
        "Nothing is computed ahead: the generator runs only when async for asks for the next value, and it runs inside the same task as the loop, so the timeline shows a single lane, main(), alternating between sleeping (inside the generator) and running (the loop body). Values arrive one delay apart.",
    ],
    params: PARAMS,
    claim,
    expected_ms: Some(expected_ms),
    python,
    main: |cx, p| main(cx, p).boxed_local(),
    predict: PREDICT,
};

fn expected_ms(p: &Values) -> f64 {
    p.of(COUNT) as f64 * p.of(DELAY)
}

fn claim(p: &Values) -> String {
    let (n, d) = (p.of(COUNT), p.of(DELAY));
    format!(
        "main() gets value i at (i + 1) × {}: {n} values, one per delay, the last at {}; then the loop ends and main() prints 'done'. One lane: the generator runs inside main()'s task.",
        fmt_ms(d),
        fmt_ms(expected_ms(p))
    )
}

fn python(p: &Values) -> String {
    code_params::apply(include_str!("lesson.py"), PARAMS, p)
}

// --- The code that runs: the code panel shows this file from here on. ---

async fn main(cx: Cx, p: Values) -> Result<(), TaskError> {
    let count = p.of(COUNT);
    let delay = p.of(DELAY);
    // The async generator: a stream that awaits before yielding each value.
    let gen_cx = cx.clone();
    let ticker = stream::unfold(0, move |i| {
        let cx = gen_cx.clone();
        async move {
            if i >= count {
                return None;
            }
            cx.sleep(delay).await;
            Some((i, i + 1))
        }
    });
    let mut ticker = std::pin::pin!(ticker);
    // `async for value in ticker(...)`
    while let Some(value) = ticker.next().await {
        cx.print(format!("got {value}"));
    }
    cx.print("done");
    Ok(())
}
