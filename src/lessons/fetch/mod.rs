//! `fetch`: real HTTP requests, made concurrently.

use futures::FutureExt;

use super::Lesson;
use crate::core::code_params;
use crate::core::mock_api;
use crate::core::model::tasks::fmt_ms;
use crate::core::params::{Int, Ms, ParamSpec, Text, Values};
use crate::core::predict::{Ask, Question};
use crate::runtime::{Cx, TaskError};

const TASKS: Int = Int::new(
    "tasks",
    "Requests",
    "How many requests to make at once.",
    1,
    20,
    5,
);

const DELAY: Ms = Ms::new(
    "delay",
    "Server latency",
    "How long the bundled mock API takes to answer.",
    10_000,
    800,
);

const URL: Text = Text::new(
    "url",
    "URL",
    "Leave empty for the bundled mock API, or give any URL (it must allow cross-origin requests).",
    "",
    2000,
);

const PARAMS: &[ParamSpec] = &[TASKS.spec(), DELAY.spec(), URL.spec()];

/// The prediction asked before the first Run (see `core::predict`).
const PREDICT: &[Question] = &[
    Question {
        key: "max-in-flight",
        text: "At most how many requests are in flight at once?",
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
    id: "fetch",
    title: "Concurrent HTTP requests",
    group: "Real I/O and executors",
    order: 170,
    summary: "Real fetches through the browser, overlapping while they wait.",
    explanation: &[
        "These are real HTTP requests made by your browser's fetch, answered by a mock API that ships with the playground (a service worker), so the lesson works offline. Each request waits on the network, not on the CPU: while one waits, the loop starts and finishes the others.",
        "With gather(..., return_exceptions=True) every request ends on its own: a refused request (offline, unknown host, a server that does not allow cross-origin requests), a non-2xx status or a body that is not JSON becomes that lane's error, in words, and the others carry on. Give any URL to try a real server.",
    ],
    params: PARAMS,
    claim,
    expected_ms: Some(expected_ms),
    python,
    main: |cx, p| main(cx, p).boxed_local(),
    predict: PREDICT,
};

fn expected_ms(p: &Values) -> f64 {
    if p.of(URL).is_empty() {
        p.of(DELAY)
    } else {
        0.0
    }
}

fn claim(p: &Values) -> String {
    let n = p.of(TASKS);
    if p.of(URL).is_empty() {
        format!(
            "{n} requests that each take {} end together at about {}, not {}: all {n} are fetching at once.",
            fmt_ms(p.of(DELAY)),
            fmt_ms(p.of(DELAY)),
            fmt_ms(p.of(DELAY) * n as f64)
        )
    } else {
        format!("{n} requests to your URL run at once; each lane ends done or failed with the reason in words.")
    }
}

fn python(p: &Values) -> String {
    code_params::apply(include_str!("lesson.py"), PARAMS, p)
}

// --- The code that runs: the code panel shows this file from here on. ---

fn target(p: &Values, i: i64) -> String {
    let url = p.of(URL);
    if url.is_empty() {
        mock_api::url("get", p.of(DELAY), &[("id", i.to_string())])
    } else {
        url.to_string()
    }
}

fn looks_like_json(body: &str) -> bool {
    matches!(body.trim_start().chars().next(), Some('{' | '['))
}

async fn fetch_user(cx: Cx, url: String) -> Result<String, TaskError> {
    let resp = cx.fetch(&url, None).await?.error_for_status()?;
    if !looks_like_json(&resp.body) {
        return Err(TaskError::Raised(
            "ContentTypeError: the body is not JSON".to_string(),
        ));
    }
    let body: String = resp.body.chars().take(60).collect();
    cx.print(format!("{} {body}", resp.status));
    Ok(body)
}

async fn main(cx: Cx, p: Values) -> Result<(), TaskError> {
    let handles = (0..p.of(TASKS))
        .map(|i| {
            let url = target(&p, i);
            cx.spawn(format!("fetch_user({i})"), move |cx| fetch_user(cx, url))
        })
        .collect();
    let results = cx.gather_settled(handles).await;
    let ok = results.iter().filter(|r| r.is_ok()).count();
    for (i, r) in results.iter().enumerate() {
        match r {
            Ok(body) => cx.print(format!("{i} {body}")),
            Err(e) => cx.print(format!("{i} {e}")),
        }
    }
    cx.print(format!("{ok} of {} requests succeeded", results.len()));
    Ok(())
}
