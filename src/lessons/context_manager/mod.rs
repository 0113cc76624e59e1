//! `context-manager`: `async with` opens, and always closes.

use futures::FutureExt;

use super::Lesson;
use crate::core::code_params;
use crate::core::model::tasks::fmt_ms;
use crate::core::params::{Flag, Ms, ParamSpec, Values};
use crate::core::predict::{Ask, Question};
use crate::core::trace::EventKind;
use crate::runtime::{Cx, TaskError};

const CONNECT: Ms = Ms::new(
    "connect",
    "Connect",
    "How long __aenter__ takes to open the connection.",
    5_000,
    300,
);

const QUERY: Ms = Ms::new(
    "query",
    "Query",
    "How long the query inside the block takes.",
    10_000,
    500,
);

const FAIL: Flag = Flag::new(
    "fail",
    "Query fails",
    "1: the query raises inside the block (the connection is closed anyway).",
    false,
);

const PARAMS: &[ParamSpec] = &[CONNECT.spec(), QUERY.spec(), FAIL.spec()];

/// The prediction asked before the first Run (see `core::predict`).
const PREDICT: &[Question] = &[
    Question {
        key: "last-print",
        text: "Which print prints last?",
        ask: Ask::LastPrint,
    },
    Question {
        key: "end-time",
        text: "When does main() end?",
        ask: Ask::EndTime,
    },
];

/// The lesson.
pub static LESSON: Lesson = Lesson {
    id: "context-manager",
    title: "async with opens and always closes",
    group: "Basics",
    order: 40,
    summary: "__aenter__ and __aexit__ can await; exit runs on every way out.",
    explanation: &[
        "async with calls the object's __aenter__() and awaits it (opening a connection takes time, so it must be awaitable), runs the block, then calls __aexit__() — on every way out of the block: at its normal end, when it raises, and when the task is cancelled. That is what makes it safe for connections, locks and files.",
        "__aexit__ receives the exception, if any; returning False lets it propagate after the cleanup. Set fail=1: the query raises, the connection is still closed first, and only then does main() see the RuntimeError. (In the Rust that really runs, closing is a Drop guard, which runs on every way out too, cancellation included.)",
    ],
    params: PARAMS,
    claim,
    expected_ms: Some(expected_ms),
    python,
    main: |cx, p| main(cx, p).boxed_local(),
    predict: PREDICT,
};

fn expected_ms(p: &Values) -> f64 {
    p.of(CONNECT) + p.of(QUERY)
}

fn claim(p: &Values) -> String {
    let (c, q) = (p.of(CONNECT), p.of(QUERY));
    if p.of(FAIL) {
        format!(
            "Connected at {}; the query raises at {}; the connection is closed at that instant, before main() catches the RuntimeError.",
            fmt_ms(c),
            fmt_ms(c + q)
        )
    } else {
        format!(
            "Connected at {}; the query returns at {} and the connection is closed at that instant, when the block ends. Set fail=1: it is closed all the same.",
            fmt_ms(c),
            fmt_ms(c + q)
        )
    }
}

fn python(p: &Values) -> String {
    code_params::apply(include_str!("lesson.py"), PARAMS, p)
}

// --- The code that runs: the code panel shows this file from here on. ---

/// The resource the connection stands for, as the loop panel names it.
pub const RESOURCE: &str = "Connection(db)";

async fn query(cx: Cx, delay: f64, fail: bool) -> Result<String, TaskError> {
    cx.sleep(delay).await;
    if fail {
        return Err(TaskError::Raised("RuntimeError: query failed".to_string()));
    }
    Ok("[(1,)]".to_string())
}

/// An open connection. Dropping it closes it: `__aexit__` on every way out
/// of the block, including an error and a cancellation.
struct Connection {
    cx: Cx,
    /// What `__aexit__` receives as `exc_type`; a cancellation unless the
    /// block says otherwise on its way out.
    exc_type: &'static str,
}

impl Connection {
    /// `__aenter__`: opens the connection (takes `connect`).
    async fn open(cx: &Cx, connect: f64) -> Connection {
        cx.print("connecting");
        cx.sleep(connect).await;
        cx.print("connected");
        cx.run.act(
            cx.id(),
            EventKind::Acquired {
                on: RESOURCE.to_string(),
            },
        );
        Connection {
            cx: cx.clone(),
            exc_type: "CancelledError",
        }
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        let exc_type = self.exc_type;
        self.cx
            .print(format!("connection closed (exc_type={exc_type})"));
        self.cx.run.note(
            self.cx.id(),
            EventKind::Released {
                on: RESOURCE.to_string(),
            },
        );
    }
}

async fn main(cx: Cx, p: Values) -> Result<(), TaskError> {
    let (connect, delay, fail) = (p.of(CONNECT), p.of(QUERY), p.of(FAIL));
    let body = async {
        // `async with Connection() as conn:`
        let mut conn = Connection::open(&cx, connect).await;
        let rows = cx
            .call("conn.query('SELECT 1')", move |cx| query(cx, delay, fail))
            .await;
        match rows {
            Ok(rows) => {
                cx.print(rows);
                conn.exc_type = "None";
                Ok(())
            }
            Err(e) => {
                conn.exc_type = "RuntimeError";
                Err(e)
            }
        }
        // `conn` drops here: the connection closes before the error leaves.
    };
    match body.await {
        Err(TaskError::Raised(msg)) => {
            let text = msg.strip_prefix("RuntimeError: ").unwrap_or(&msg);
            cx.print(format!("main caught RuntimeError('{text}')"));
            Ok(())
        }
        other => other,
    }
}
