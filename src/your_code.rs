//! The "Your code" page (`data-example="code"`): a program of one's own,
//! from the URL's `code=` or the starter program below, run by the
//! interpreter with every view a lesson has. It is a [`Lesson`] without
//! parameters or a Rust version, so the page reuses the lesson layout.

use futures::FutureExt;

use crate::core::params::Values;
use crate::core::query::YOUR_CODE;
use crate::lessons::{self, Lesson};
use crate::runtime::{Cx, TaskError};

/// The program the page opens with: two coroutines gathered, a sleep in
/// each, prints that show which runs when.
pub const STARTER: &str = r#"import asyncio


async def brew(drink, seconds):
    print(f"{drink}: started")
    await asyncio.sleep(seconds)  # the loop runs the other one meanwhile
    print(f"{drink}: ready after {seconds} s")
    return drink


async def main():
    # Both start at once; gather waits for the slower one.
    results = await asyncio.gather(
        brew("tea", 0.8),
        brew("coffee", 1.2),
    )
    print("served:", results)


asyncio.run(main())
"#;

/// The page, as a lesson.
pub static LESSON: Lesson = Lesson {
    id: YOUR_CODE,
    title: "Your code",
    group: "Your code",
    order: 0,
    summary: "Write asyncio of your own, run it, and watch every task.",
    explanation: &[
        "Write a Python asyncio program, or change this one, and press Run (Ctrl+Enter in the editor). It runs on the browser's real event loop, and every task gets a lane: when it ran, slept, waited and ended, with the line of code it is at.",
        "The program is in the page's address, so Share, the embed code and \"Keep this run to compare\" carry it.",
    ],
    params: &[],
    claim,
    expected_ms: Some(expected_ms),
    python,
    main: |cx, p| no_rust_version(cx, p).boxed_local(),
    predict: crate::core::predict::GENERIC,
};

fn claim(_: &Values) -> String {
    "Every task your program makes appears as a lane; what it prints shows in Output with the moment it was printed.".to_string()
}

fn expected_ms(_: &Values) -> f64 {
    0.0
}

fn python(_: &Values) -> String {
    STARTER.to_string()
}

async fn no_rust_version(_cx: Cx, _p: Values) -> Result<(), TaskError> {
    Err(TaskError::Raised(
        "RuntimeError: a program of your own has no Rust version; it runs in the interpreter"
            .into(),
    ))
}

/// The page of `id`: a lesson, or "Your code".
pub fn find(id: &str) -> Option<&'static Lesson> {
    if id == YOUR_CODE {
        Some(&LESSON)
    } else {
        lessons::find(id)
    }
}
