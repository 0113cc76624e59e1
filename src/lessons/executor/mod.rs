//! `executor`: CPU work offloaded to a worker keeps the loop free.

use futures::FutureExt;

use super::{secs, Lesson};
use crate::core::code_params;
use crate::core::model::tasks::fmt_ms;
use crate::core::params::{Flag, Ms, ParamSpec, Values};
use crate::core::predict::{Ask, Question};
use crate::runtime::{Cx, TaskError};

const WORK: Ms = Ms::new(
    "work",
    "CPU work",
    "How long the CPU-bound function computes.",
    5000,
    600,
);

const OFFLOAD: Flag = Flag::new(
    "offload",
    "Offload",
    "1: run it in an executor (a real Web Worker); 0: call it inline on the loop.",
    true,
);

const PARAMS: &[ParamSpec] = &[WORK.spec(), OFFLOAD.spec()];

/// The prediction asked before the first Run (see `core::predict`).
const PREDICT: &[Question] = &[
    Question {
        key: "end-time",
        text: "When does main() end?",
        ask: Ask::EndTime,
    },
    Question {
        key: "ending",
        text: "Does this program finish, hang, or fail?",
        ask: Ask::Ending,
    },
];

/// The lesson.
pub static LESSON: Lesson = Lesson {
    id: "executor",
    title: "CPU work in an executor keeps the loop free",
    group: "Real I/O and executors",
    order: 190,
    summary: "run_in_executor moves blocking work off the event loop.",
    explanation: &[
        "A CPU-bound function has no await inside: while it computes, the event loop cannot run anything else. Called inline from a coroutine, it freezes every other task for as long as it runs.",
        "loop.run_in_executor() runs it on another thread and gives the loop a future to await. Here the executor is a real Web Worker: the work runs on another thread of your browser while the ticker task keeps ticking on time. Switch offload to 0 to see the loop freeze instead.",
    ],
    params: PARAMS,
    claim,
    expected_ms: Some(expected_ms),
    python,
    main: |cx, p| main(cx, p).boxed_local(),
    predict: PREDICT,
};

fn expected_ms(p: &Values) -> f64 {
    p.of(WORK)
}

fn claim(p: &Values) -> String {
    let w = fmt_ms(p.of(WORK));
    if p.of(OFFLOAD) {
        format!("The worker computes for {w} on its own thread; meanwhile ticker() ticks every 100 ms on time and loop lag stays small.")
    } else {
        format!("Inline, the computation holds the loop for {w}: ticker() misses its ticks and loop lag shows about {w}.")
    }
}

fn python(p: &Values) -> String {
    code_params::apply(include_str!("lesson.py"), PARAMS, p)
}

// --- The code that runs: the code panel shows this file from here on. ---

/// How often the ticker task wants to tick.
const TICK_MS: f64 = 100.0;

async fn ticker(cx: Cx) -> Result<(), TaskError> {
    let mut due = TICK_MS;
    loop {
        cx.sleep(TICK_MS).await;
        let late = (cx.now() - due).max(0.0);
        if late >= TICK_MS / 2.0 {
            cx.print(format!("tick ({} late)", fmt_ms(late)));
        } else {
            cx.print("tick");
        }
        due = cx.now() + TICK_MS;
    }
}

async fn main(cx: Cx, p: Values) -> Result<(), TaskError> {
    let work = p.of(WORK);
    let t = cx.spawn("ticker()", ticker);
    cx.sleep(0.0).await;
    let primes = if p.of(OFFLOAD) {
        let job = cx.spawn(
            format!("run_in_executor(count_primes, {})", secs(work)),
            move |cx| async move { cx.run_in_worker(work).await },
        );
        cx.join(job).await?
    } else {
        cx.compute_inline(work)
    };
    cx.print(format!("found {primes} primes"));
    t.cancel();
    if !p.of(OFFLOAD) {
        // main()'s last step held the loop for the whole work; debug mode
        // names the task as it is after the step (it has returned).
        cx.slow_step(
            work,
            "<Task finished name='Task-1' coro=<main() done, defined at main.py:22> result=None>",
        );
    }
    Ok(())
}
