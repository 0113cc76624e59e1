//! Predict, then run: a lesson's questions (plain data, declared beside
//! each lesson), the form each answer takes, and the scoring of an answer
//! against the run's own log, with the evidence that decides it (the lane,
//! the printed line, the moment) and one sentence of why.
//!
//! Pure: no Leptos, no web-sys. The page asks the questions before a Run
//! and scores them on the log of that run; tests score recorded logs of
//! real lessons on the virtual clock.
//!
//! Times are asked in **seconds** (as the Python code writes them) and an
//! end time counts as right within [`tolerance_s`]: 0.1 s or 10 % of the
//! real end, whichever is larger (a real run ends a few ms after its ideal
//! time, more on a busy machine). Counts are exact.
//!
//! Here: the types (a question, what it asks, the form of its answer, a
//! scored answer and its evidence) and the small number helpers. In
//! `input.rs`: the form each question offers for a program (its prints, which
//! questions can be asked). In `score.rs`: the facts folded from a trace and
//! the scoring of each kind of question, with its evidence and the summary.

mod input;
mod score;

pub use input::{askable, input, print_lines};
pub use score::{score, summary};

use super::trace::Ms;

/// One question of a lesson's prediction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Question {
    /// A stable key (`data-question`, and the `prediction` message's `id`).
    pub key: &'static str,
    /// The question as asked.
    pub text: &'static str,
    /// What is asked, and so how it is answered and scored.
    pub ask: Ask,
}

/// What a question asks; each is answered from the log.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Ask {
    /// When the main coroutine ends, in seconds.
    EndTime,
    /// Whether the program finishes, hangs (deadlock) or fails (main raises).
    Ending,
    /// Which `print` of the code prints first (choices: the code's prints).
    FirstPrint,
    /// Which `print` of the code prints last.
    LastPrint,
    /// The most tasks in flight (sleeping or fetching) at once.
    MaxInFlight,
    /// How many printed lines start with `prefix`.
    CountLines {
        /// The start of the lines counted, e.g. `heartbeat`.
        prefix: &'static str,
    },
    /// The whole number printed right after `prefix` (first such line).
    PrintedNumber {
        /// The text before the number, e.g. `counter = `.
        prefix: &'static str,
    },
    /// How the task named `task` ends: done, failed or cancelled.
    TaskEnd {
        /// The lane's name, as the code names it, e.g. `slow_operation()`.
        task: &'static str,
    },
}

/// The generic questions, for a program of one's own (the "Your code"
/// page, or an edited lesson): end time, first and last print, and how it
/// ends.
pub const GENERIC: &[Question] = &[
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
    Question {
        key: "last-print",
        text: "Which print prints last?",
        ask: Ask::LastPrint,
    },
    Question {
        key: "ending",
        text: "Does this program finish, hang, or fail?",
        ask: Ask::Ending,
    },
];

/// One option of a choice question.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// The value the form sends.
    pub value: String,
    /// What the learner reads.
    pub label: String,
}

/// How a question is answered.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    /// A number of seconds (decimals allowed).
    Seconds,
    /// A whole number, 0 or more.
    Whole,
    /// One of these.
    Choice(Vec<Choice>),
}

/// A `print(` call in the code: its line (from 1) and the line's text.
#[derive(Clone, Debug, PartialEq)]
pub struct PrintLine {
    /// Line number, from 1.
    pub line: u32,
    /// The line, trimmed (`print(f"download({i}) start")`).
    pub text: String,
}

/// The tolerance of an end-time answer, seconds: 0.1 s or 10 % of the
/// real end, whichever is larger.
pub fn tolerance_s(expected_s: f64) -> f64 {
    (expected_s.abs() * 0.1).max(0.1)
}

/// A printed line, as the console shows it (`data-at-ms` rounded,
/// `data-text`).
#[derive(Clone, Debug, PartialEq)]
pub struct LineRef {
    /// Scenario ms.
    pub at_ms: Ms,
    /// The exact text.
    pub text: String,
}

/// What decides an answer, to point at on screen.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Evidence {
    /// The moment (scenario ms) to move the replay playhead to.
    pub at_ms: Option<Ms>,
    /// The lanes (task names) that decide it.
    pub lanes: Vec<String>,
    /// The printed line that decides it.
    pub line: Option<LineRef>,
    /// The line of the code that decides it.
    pub code_line: Option<u32>,
}

/// An answer scored against a run.
#[derive(Clone, Debug, PartialEq)]
pub struct Scored {
    /// The question's id.
    pub id: &'static str,
    /// The question as asked.
    pub question: &'static str,
    /// The learner's answer, in words (empty: not answered).
    pub answer: String,
    /// What the run did, in the answer's terms.
    pub expected: String,
    /// Right or wrong; `None` when it cannot be scored (not answered, the
    /// run was stopped, or the log does not tell).
    pub correct: Option<bool>,
    /// One sentence of why.
    pub why: String,
    /// What to point at.
    pub evidence: Evidence,
}

/// Seconds as an answer writes them: `2.4`, `0.05`, `3`.
pub fn fmt_s(ms: Ms) -> String {
    let s = format!("{:.3}", ms / 1000.0);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s.is_empty() || s == "-" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// Reads a number answer: `2.4`, `2,4`, ` 2.4 s`. `None` if it is not one.
pub fn parse_number(raw: &str) -> Option<f64> {
    let t = raw.trim().trim_end_matches('s').trim().replace(',', ".");
    let v: f64 = t.parse().ok()?;
    v.is_finite().then_some(v)
}
