//! `batch-llm`: batch API calls with a limit, a timeout per call, errors
//! collected and results in the original order.

use futures::FutureExt;

use super::Lesson;
use crate::core::code_params;
use crate::core::mock_api;
use crate::core::model::tasks::fmt_ms;
use crate::core::params::{Int, Ms, ParamSpec, Values};
use crate::core::predict::{Ask, Question};
use crate::runtime::{Cx, Semaphore, TaskError};

const PROMPTS: Int = Int::new(
    "prompts",
    "Prompts",
    "How many API calls to make.",
    1,
    200,
    12,
);

const LIMIT: Int = Int::new(
    "limit",
    "Limit",
    "Calls in flight at once (rate limit).",
    1,
    50,
    4,
);

const LATENCY_MIN: Ms = Ms::range(
    "latency_min",
    "Fastest answer",
    "Shortest model latency.",
    0,
    10_000,
    300,
);

const LATENCY_MAX: Ms = Ms::range(
    "latency_max",
    "Slowest answer",
    "Longest model latency (if below the fastest, the two swap).",
    0,
    10_000,
    1200,
);

const TIMEOUT: Ms = Ms::range(
    "timeout",
    "Timeout",
    "Each call gives up after this long.",
    1,
    30_000,
    1000,
);

const FAIL_RATE: Int = Int::new(
    "fail_rate",
    "Failure rate",
    "Share of calls the API answers with an error.",
    0,
    100,
    15,
)
.unit("%");

const SEED: Int = Int::new(
    "seed",
    "Seed",
    "Picks the latencies and failures; a shared link replays the same draw.",
    0,
    999_999,
    1,
);

const PARAMS: &[ParamSpec] = &[
    PROMPTS.spec(),
    LIMIT.spec(),
    LATENCY_MIN.spec(),
    LATENCY_MAX.spec(),
    TIMEOUT.spec(),
    FAIL_RATE.spec(),
    SEED.spec(),
];

/// The prediction asked before the first Run (see `core::predict`).
const PREDICT: &[Question] = &[
    Question {
        key: "max-in-flight",
        text: "At most how many calls are in flight at once?",
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
    id: "batch-llm",
    title: "Batch API calls: limit, timeout, errors, order",
    group: "Real I/O and executors",
    order: 180,
    summary: "Many model calls at once, within a rate limit, none allowed to hang.",
    explanation: &[
        "Calling a model API for many prompts is the everyday async batch: a Semaphore keeps at most `limit` calls in flight (the provider's rate limit), wait_for gives each call a deadline, and gather(..., return_exceptions=True) collects failures instead of losing the whole batch to the first one.",
        "The calls are real HTTP requests to the bundled mock API with latencies drawn between the fastest and slowest answer (seeded, so a shared link replays the same draw). Results come back in the order of the prompts, whatever order they finish in.",
        "Explore timings (below) jitters each call's latency by ±x %: near the timeout a call sometimes answers and sometimes times out, so the counts of ok, failed and timed out and the order of the lines vary from run to run (dozens of outcomes at ±20 %).",
    ],
    params: PARAMS,
    claim,
    expected_ms: None,
    python,
    main: |cx, p| main(cx, p).boxed_local(),
    predict: PREDICT,
};

fn claim(p: &Values) -> String {
    let d = draws(p);
    let sequential: f64 = d.iter().map(|d| d.latency_ms.min(p.of(TIMEOUT))).sum();
    let timed_out = d.iter().filter(|d| d.latency_ms > p.of(TIMEOUT)).count();
    let failed = d
        .iter()
        .filter(|d| d.fails && d.latency_ms <= p.of(TIMEOUT))
        .count();
    format!(
        "{} calls, at most {} at once, end at {} instead of {} one by one; {} time out and {} fail, and every result is printed in prompt order.",
        d.len(),
        p.of(LIMIT),
        fmt_ms(LESSON.ideal_ms(p)),
        fmt_ms(sequential),
        timed_out,
        failed
    )
}

fn python(p: &Values) -> String {
    code_params::apply(include_str!("lesson.py"), PARAMS, p)
}

// --- The code that runs: the code panel shows this file from here on. ---

/// One prompt's draw: latency and whether the API fails it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Draw {
    /// Model latency in ms.
    pub latency_ms: f64,
    /// Whether the API answers with an error.
    pub fails: bool,
}

fn mix(mut x: u64) -> u64 {
    // splitmix64: a small, well-known, deterministic mixer.
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The seeded draws for every prompt.
pub fn draws(p: &Values) -> Vec<Draw> {
    let (a, b) = (p.of(LATENCY_MIN), p.of(LATENCY_MAX));
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    let seed = p.of(SEED) as u64;
    (0..p.of(PROMPTS).max(0) as u64)
        .map(|i| {
            let r = mix(seed.wrapping_mul(1_000_003).wrapping_add(i));
            let unit = (r >> 11) as f64 / (1u64 << 53) as f64;
            Draw {
                latency_ms: (lo + unit * (hi - lo)).round(),
                fails: (mix(r) % 100) < p.of(FAIL_RATE) as u64,
            }
        })
        .collect()
}

async fn main(cx: Cx, p: Values) -> Result<(), TaskError> {
    let limit = usize::try_from(p.of(LIMIT)).unwrap_or(1).max(1);
    let timeout = p.of(TIMEOUT);
    let sem = Semaphore::new(&cx, limit);
    let handles = draws(&p)
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            let sem = sem.clone();
            let url = mock_api::url(
                "llm",
                d.latency_ms,
                &[
                    ("id", i.to_string()),
                    ("fail", u8::from(d.fails).to_string()),
                ],
            );
            cx.spawn(format!("complete({i})"), move |cx| async move {
                let _permit = sem.acquire(&cx).await;
                let resp = cx.fetch(&url, Some(timeout)).await?.error_for_status()?;
                Ok(resp.body)
            })
        })
        .collect();
    let results = cx.gather_settled(handles).await;
    let (mut ok, mut failed, mut timed_out) = (0, 0, 0);
    for (i, r) in results.iter().enumerate() {
        match r {
            Ok(body) => {
                ok += 1;
                cx.print(format!("{i} ok: {body}"));
            }
            Err(e @ TaskError::Timeout(_)) => {
                timed_out += 1;
                cx.print(format!("{i} error: {e}"));
            }
            Err(e) => {
                failed += 1;
                cx.print(format!("{i} error: {e}"));
            }
        }
    }
    cx.print(format!(
        "{ok} ok, {failed} failed, {timed_out} timed out in {}",
        fmt_ms(cx.now())
    ));
    Ok(())
}
