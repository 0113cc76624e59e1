//! Scoring an answer against a run: the facts folded once from the trace
//! (tasks, main's lane, the outcome, the printed lines with their code
//! lines), one scorer per kind of question, each filling in the evidence
//! and the sentence of why, and the summary for the narration.

use super::{fmt_s, input, parse_number, tolerance_s};
use super::{Ask, Evidence, Input, LineRef, Question, Scored};
use crate::core::model::stats::stats;
use crate::core::model::tasks::{fmt_ms, tasks_at, TaskState, TaskView};
use crate::core::trace::{EventKind, Ms, RunOutcome, TaskId, Trace};

/// Facts of a run that several questions use.
struct Facts {
    tasks: Vec<TaskView>,
    main: Option<usize>,
    outcome: Option<RunOutcome>,
    end_ms: Ms,
    /// stdout lines: time, task, text, the code line the task was at.
    prints: Vec<(Ms, TaskId, String, Option<u32>)>,
}

fn facts(trace: &Trace) -> Facts {
    let tasks = tasks_at(trace, None);
    let main = trace
        .events()
        .iter()
        .find(|e| matches!(e.kind, EventKind::Spawned { .. }))
        .and_then(|e| tasks.iter().position(|t| t.id == e.task));
    let mut at_line: Vec<(TaskId, u32)> = Vec::new();
    let mut prints = Vec::new();
    for e in trace.events() {
        match &e.kind {
            EventKind::AtLine { line } => match at_line.iter_mut().find(|(t, _)| *t == e.task) {
                Some(slot) => slot.1 = *line,
                None => at_line.push((e.task, *line)),
            },
            EventKind::Printed { line } => {
                let code = at_line.iter().find(|(t, _)| *t == e.task).map(|(_, l)| *l);
                prints.push((e.at_ms, e.task, line.clone(), code));
            }
            _ => {}
        }
    }
    Facts {
        tasks,
        main,
        outcome: trace.outcome(),
        end_ms: trace.last_ms(),
        prints,
    }
}

impl Facts {
    fn name(&self, id: TaskId) -> Option<String> {
        self.tasks
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.name.clone())
    }

    fn main_task(&self) -> Option<&TaskView> {
        self.main.and_then(|i| self.tasks.get(i))
    }

    fn main_name(&self) -> String {
        self.main_task()
            .map_or_else(|| "main()".to_string(), |t| t.name.clone())
    }
}

fn ending_word(o: RunOutcome) -> Option<&'static str> {
    match o {
        RunOutcome::Finished => Some("finish"),
        RunOutcome::Deadlock => Some("hang"),
        RunOutcome::Error => Some("fail"),
        RunOutcome::Stopped => None,
    }
}

fn choice_label(input: &Input, value: &str) -> String {
    match input {
        Input::Choice(cs) => cs
            .iter()
            .find(|c| c.value == value)
            .map_or_else(|| value.to_string(), |c| c.label.clone()),
        _ => value.to_string(),
    }
}

/// Scores `answer` (the form's raw value; empty: not answered) to `q`
/// against the finished run `trace` of the program `source`.
pub fn score(q: &'static Question, answer: &str, trace: &Trace, source: &str) -> Scored {
    let f = facts(trace);
    let input = input(q, source).unwrap_or(Input::Whole);
    let answer = answer.trim();
    let shown_answer = match &input {
        Input::Choice(_) if !answer.is_empty() => choice_label(&input, answer),
        Input::Seconds => {
            parse_number(answer).map_or_else(|| answer.to_string(), |v| format!("{v} s"))
        }
        _ => answer.to_string(),
    };
    let mut s = Scored {
        id: q.key,
        question: q.text,
        answer: shown_answer,
        expected: String::new(),
        correct: None,
        why: String::new(),
        evidence: Evidence::default(),
    };
    match f.outcome {
        None | Some(RunOutcome::Stopped) => {
            s.why = "The run was stopped before it ended, so its log cannot tell; run it to the end to score this.".to_string();
            return s;
        }
        Some(_) => {}
    }
    let decided: Option<(String, bool)> = match q.ask {
        Ask::EndTime => end_time(&f, answer, &mut s),
        Ask::Ending => ending(&f, answer, &mut s),
        Ask::FirstPrint => print_at(&f, answer, &input, &mut s, true),
        Ask::LastPrint => print_at(&f, answer, &input, &mut s, false),
        Ask::MaxInFlight => max_in_flight(trace, &f, answer, &mut s),
        Ask::CountLines { prefix } => count_lines(&f, prefix, answer, &mut s),
        Ask::PrintedNumber { prefix } => printed_number(&f, prefix, answer, &mut s),
        Ask::TaskEnd { task } => task_end(&f, task, answer, &input, &mut s),
    };
    if let Some((expected, correct)) = decided {
        s.expected = expected;
        s.correct = (!answer.is_empty()).then_some(correct);
    }
    s
}

fn end_time(f: &Facts, answer: &str, s: &mut Scored) -> Option<(String, bool)> {
    let main = f.main_task()?;
    s.evidence.lanes = vec![main.name.clone()];
    let Some(end) = main.end_ms else {
        s.evidence.at_ms = Some(f.end_ms);
        s.why = format!(
            "{} never ended: at {} the run stopped with it still {}.",
            main.name,
            fmt_ms(f.end_ms),
            main.state.as_str()
        );
        return Some(("never".to_string(), false));
    };
    s.evidence.at_ms = Some(end);
    let expected_s = end / 1000.0;
    let tol = tolerance_s(expected_s);
    let how = match main.state {
        TaskState::Failed => "raised",
        TaskState::Cancelled => "was cancelled",
        _ => "returned",
    };
    s.why = format!(
        "{} {how} at {} (its lane ends there); answers within {} s count.",
        main.name,
        fmt_ms(end),
        fmt_s(tol * 1000.0)
    );
    let correct = parse_number(answer).is_some_and(|v| (v - expected_s).abs() <= tol + 1e-9);
    Some((fmt_s(end), correct))
}

fn ending(f: &Facts, answer: &str, s: &mut Scored) -> Option<(String, bool)> {
    let word = ending_word(f.outcome?)?;
    s.evidence.at_ms = Some(f.end_ms);
    let main = f.main_name();
    match word {
        "finish" => {
            s.evidence.lanes = vec![main.clone()];
            s.why = format!(
                "{main} returned and the run ended at {}: it finishes.",
                fmt_ms(f.end_ms)
            );
        }
        "hang" => {
            let waiting: Vec<&TaskView> = f
                .tasks
                .iter()
                .filter(|t| t.state == TaskState::Waiting)
                .collect();
            s.evidence.lanes = waiting.iter().map(|t| t.name.clone()).collect();
            let on: Vec<String> = waiting
                .iter()
                .filter(|t| f.main_task().is_none_or(|m| m.id != t.id))
                .map(|t| match t.spans.last().and_then(|sp| sp.detail.clone()) {
                    Some(d) => format!("{} {d}", t.name),
                    None => t.name.clone(),
                })
                .collect();
            s.why = if on.is_empty() {
                format!(
                    "At {} every task waits on something no other task can release: it hangs.",
                    fmt_ms(f.end_ms)
                )
            } else {
                format!(
                    "At {} every task waits and none can go on ({}): it hangs.",
                    fmt_ms(f.end_ms),
                    on.join("; ")
                )
            };
        }
        _ => {
            s.evidence.lanes = vec![main.clone()];
            let err = f
                .main_task()
                .and_then(|m| m.error.clone())
                .unwrap_or_else(|| "an exception".to_string());
            s.why = format!("{main} raised {err} at {}: it fails.", fmt_ms(f.end_ms));
        }
    }
    Some((word.to_string(), answer == word))
}

fn print_at(
    f: &Facts,
    answer: &str,
    input: &Input,
    s: &mut Scored,
    first: bool,
) -> Option<(String, bool)> {
    let p = if first {
        f.prints.first()
    } else {
        f.prints.last()
    };
    let Some((at, task, text, code)) = p else {
        s.why = "The program printed nothing.".to_string();
        return Some(("nothing printed".to_string(), false));
    };
    s.evidence.at_ms = Some(*at);
    s.evidence.lanes = f.name(*task).into_iter().collect();
    s.evidence.line = Some(LineRef {
        at_ms: *at,
        text: text.clone(),
    });
    s.evidence.code_line = *code;
    let who = f.name(*task).unwrap_or_else(|| "a task".to_string());
    let Some(line) = code else {
        s.why = format!(
            "{who} printed \"{text}\" {} at {}, but this run records no code lines.",
            if first { "first" } else { "last" },
            fmt_ms(*at)
        );
        return None;
    };
    s.why = format!(
        "The {} line of output, \"{text}\", was printed by {who} at line {line}, at {}.",
        if first { "first" } else { "last" },
        fmt_ms(*at)
    );
    Some((
        choice_label(input, &line.to_string()),
        answer == line.to_string(),
    ))
}

fn max_in_flight(trace: &Trace, f: &Facts, answer: &str, s: &mut Scored) -> Option<(String, bool)> {
    let max = stats(trace).max_in_flight;
    // The first moment the most were in flight, and which they were.
    let mut states: Vec<(TaskId, TaskState)> = Vec::new();
    for e in trace.events() {
        let Some(st) = TaskState::after(&e.kind) else {
            continue;
        };
        match states.iter_mut().find(|(t, _)| *t == e.task) {
            Some(slot) => slot.1 = st,
            None => states.push((e.task, st)),
        }
        let flying: Vec<TaskId> = states
            .iter()
            .filter(|(_, st)| st.in_flight())
            .map(|(t, _)| *t)
            .collect();
        if max > 0 && flying.len() == max {
            s.evidence.at_ms = Some(e.at_ms);
            s.evidence.lanes = flying.iter().filter_map(|t| f.name(*t)).collect();
            break;
        }
    }
    s.why = match (s.evidence.at_ms, max) {
        (_, 0) => "No task ever slept or fetched: none was in flight.".to_string(),
        (Some(at), 1) => format!(
            "Never more than one task was in flight at once ({} at {}).",
            s.evidence.lanes.join(", "),
            fmt_ms(at)
        ),
        (Some(at), n) => format!(
            "At {} {n} tasks were in flight at once ({}), and never more.",
            fmt_ms(at),
            s.evidence.lanes.join(", ")
        ),
        (None, n) => format!("At most {n} tasks were in flight at once."),
    };
    let correct = parse_number(answer).is_some_and(|v| (v - max as f64).abs() < 1e-9);
    Some((max.to_string(), correct))
}

fn count_lines(f: &Facts, prefix: &str, answer: &str, s: &mut Scored) -> Option<(String, bool)> {
    let matching: Vec<&(Ms, TaskId, String, Option<u32>)> = f
        .prints
        .iter()
        .filter(|p| p.2.starts_with(prefix))
        .collect();
    let n = matching.len();
    if let Some((at, task, text, code)) = matching.last() {
        s.evidence.at_ms = Some(*at);
        s.evidence.lanes = f.name(*task).into_iter().collect();
        s.evidence.line = Some(LineRef {
            at_ms: *at,
            text: text.clone(),
        });
        s.evidence.code_line = *code;
        s.why = format!(
            "{n} printed line{} start{} with \"{prefix}\"; the last, \"{text}\", at {}.",
            if n == 1 { "" } else { "s" },
            if n == 1 { "s" } else { "" },
            fmt_ms(*at)
        );
    } else {
        s.evidence.at_ms = Some(f.end_ms);
        s.why = format!("No printed line starts with \"{prefix}\".");
    }
    let correct = parse_number(answer).is_some_and(|v| (v - n as f64).abs() < 1e-9);
    Some((n.to_string(), correct))
}

fn printed_number(f: &Facts, prefix: &str, answer: &str, s: &mut Scored) -> Option<(String, bool)> {
    let Some((at, task, text, code)) = f.prints.iter().find(|p| p.2.starts_with(prefix)) else {
        s.evidence.at_ms = Some(f.end_ms);
        s.why = format!("No printed line starts with \"{prefix}\", so the log does not tell.");
        return None;
    };
    let digits: String = text[prefix.len()..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '-')
        .collect();
    let n: i64 = digits.parse().ok()?;
    s.evidence.at_ms = Some(*at);
    s.evidence.lanes = f.name(*task).into_iter().collect();
    s.evidence.line = Some(LineRef {
        at_ms: *at,
        text: text.clone(),
    });
    s.evidence.code_line = *code;
    s.why = format!("The program printed \"{text}\" at {}.", fmt_ms(*at));
    let correct = parse_number(answer).is_some_and(|v| (v - n as f64).abs() < 1e-9);
    Some((n.to_string(), correct))
}

fn task_end(
    f: &Facts,
    task: &str,
    answer: &str,
    input: &Input,
    s: &mut Scored,
) -> Option<(String, bool)> {
    let Some(t) = f.tasks.iter().find(|t| t.name == task) else {
        s.why = format!("This run has no task named {task}, so the log does not tell.");
        return None;
    };
    s.evidence.lanes = vec![t.name.clone()];
    s.evidence.at_ms = Some(t.end_ms.unwrap_or(f.end_ms));
    let word = match t.state {
        TaskState::Done | TaskState::Failed | TaskState::Cancelled => t.state.as_str(),
        other => {
            s.why = format!(
                "{task} never ended: it was still {} when the run ended at {}.",
                other.as_str(),
                fmt_ms(f.end_ms)
            );
            return Some(("never ended".to_string(), false));
        }
    };
    let at = fmt_ms(t.end_ms.unwrap_or(f.end_ms));
    s.why = match t.state {
        TaskState::Failed => format!(
            "{task} raised {} at {at}.",
            t.error
                .clone()
                .unwrap_or_else(|| "an exception".to_string())
        ),
        TaskState::Cancelled => format!("{task} was cancelled at {at}, before it could return."),
        _ => format!("{task} returned at {at}."),
    };
    Some((choice_label(input, word), answer == word))
}

/// A short summary of scored answers, for the narration:
/// "Prediction: 2 of 3 right. When does main() end? …".
pub fn summary(results: &[Scored]) -> String {
    let scored: Vec<&Scored> = results.iter().filter(|r| r.correct.is_some()).collect();
    let right = scored.iter().filter(|r| r.correct == Some(true)).count();
    let mut out = format!("Prediction: {right} of {} right.", scored.len());
    for r in results {
        let verdict = match r.correct {
            Some(true) => "right",
            Some(false) => "wrong",
            None => "not scored",
        };
        out.push_str(&format!(" {} {verdict}: {}", r.question, r.why));
    }
    out
}
