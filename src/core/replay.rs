//! Time travel over a recorded run: the moments worth stepping to, the
//! figures as of any time, and every event or span explained in words.
//! Nothing is re-run: all of it is read off the log.

use super::model::stats::{stats, Stats};
use super::model::tasks::{fmt_ms, Span, TaskState, TaskView};
use super::trace::{Event, EventKind, Ms, TaskId, Trace};

/// The log cut at `t`: every event at or before it. The run's outcome is
/// kept only if it had ended by then.
pub fn trace_until(trace: &Trace, t: Ms) -> Trace {
    let mut cut = Trace::new(trace.run);
    for e in trace.events().iter().take_while(|e| e.at_ms <= t) {
        cut.push(e.clone());
    }
    cut
}

/// The figures as of `t` (elapsed is `t` itself until the run ended).
pub fn stats_at(trace: &Trace, t: Ms) -> Stats {
    let cut = trace_until(trace, t);
    let mut s = stats(&cut);
    if s.outcome.is_none() {
        s.elapsed_ms = t.min(trace.last_ms()).max(0.0);
    }
    s
}

/// The distinct times at which something changed a task or printed a
/// line (the page's own measurements left out), in order: the stops of "step".
pub fn moments(trace: &Trace) -> Vec<Ms> {
    let mut out: Vec<Ms> = Vec::new();
    for e in trace.events() {
        if e.kind.is_measurement() {
            continue;
        }
        if out.last().is_none_or(|last| e.at_ms > *last) {
            out.push(e.at_ms);
        }
    }
    out
}

/// The moment after `t`, if any.
pub fn next_moment(trace: &Trace, t: Ms) -> Option<Ms> {
    moments(trace).into_iter().find(|m| *m > t + 1e-9)
}

/// The moment before `t`, if any.
pub fn prev_moment(trace: &Trace, t: Ms) -> Option<Ms> {
    moments(trace).into_iter().rev().find(|m| *m < t - 1e-9)
}

fn name_of(trace: &Trace, task: TaskId) -> String {
    trace
        .events()
        .iter()
        .rev()
        .filter(|e| e.task == task)
        .find_map(|e| match &e.kind {
            EventKind::Spawned { name }
            | EventKind::Created { name }
            | EventKind::Renamed { name } => Some(name.clone()),
            _ => None,
        })
        .unwrap_or_else(|| task.to_string())
}

/// One event in words: `t = 1.20 s: fetch(2) resumed after sleeping 1.20 s`.
pub fn explain_event(trace: &Trace, index: usize) -> Option<String> {
    let events = trace.events();
    let e: &Event = events.get(index)?;
    let who = name_of(trace, e.task);
    let before = events[..index]
        .iter()
        .rev()
        .find(|p| p.task == e.task && TaskState::after(&p.kind).is_some());
    let what = match &e.kind {
        EventKind::Created { .. } => {
            format!("{who} was created as a coroutine object, but nothing schedules it")
        }
        EventKind::Spawned { .. } => format!("{who} was scheduled: it is ready to run"),
        EventKind::Renamed { name } => format!("the task is named {name} from now on"),
        EventKind::Running => match before.map(|p| (&p.kind, p.at_ms)) {
            Some((EventKind::Sleeping { .. }, since)) => {
                format!("{who} resumed after sleeping {}", fmt_ms(e.at_ms - since))
            }
            Some((EventKind::Waiting { on }, since)) => {
                format!(
                    "{who} resumed after waiting {} on {on}",
                    fmt_ms(e.at_ms - since)
                )
            }
            Some((EventKind::Fetching { .. }, since)) => {
                format!("{who} got its response after {}", fmt_ms(e.at_ms - since))
            }
            Some((EventKind::Woken, since)) if e.at_ms > since => {
                format!("{who} runs, {} after it was woken", fmt_ms(e.at_ms - since))
            }
            _ => format!("the loop runs {who}"),
        },
        EventKind::Sleeping { until_ms } => format!(
            "{who} awaits sleep({}): it sleeps until {} and the loop runs others",
            fmt_ms(until_ms - e.at_ms),
            fmt_ms(*until_ms)
        ),
        EventKind::Fetching { what } => format!("{who} awaits {what}"),
        EventKind::Waiting { on } => format!("{who} waits on {on}"),
        EventKind::Woken => format!("{who} was released and is ready to run"),
        EventKind::Acquired { on } => format!("{who} acquired {on}"),
        EventKind::Released { on } => format!("{who} released {on}"),
        EventKind::QueuePut(m) => format!("{who} put {} into {}", m.item, m.queue),
        EventKind::QueueGot(m) => format!("{who} got {} from {}", m.item, m.queue),
        EventKind::Printed { line } => format!("{who} printed \"{line}\""),
        EventKind::Stderr { line } => format!("{who} wrote \"{line}\" to stderr"),
        EventKind::AtLine { line } => format!("{who} is at line {line}"),
        EventKind::Done => format!("{who} returned"),
        EventKind::Failed { message } => format!("{who} raised {message}"),
        EventKind::Cancelled => format!("{who} was cancelled"),
        EventKind::Heartbeat { lag_ms } => {
            format!("the loop's heartbeat ticked {} late", fmt_ms(*lag_ms))
        }
        EventKind::NetworkLate { lag_ms } => {
            format!(
                "{who}'s answer came {} later than the mock API's latency",
                fmt_ms(*lag_ms)
            )
        }
        EventKind::Diagnostic(d) => format!("{who}: {} ({})", d.text, d.kind.source()),
        EventKind::Awaits(a) => format!("{who} awaits {} ({})", a.name, a.kind.as_str()),
        EventKind::RunEnded { outcome } => format!("the run ended: {}", outcome.as_str()),
    };
    Some(format!("t = {}: {what}", fmt_ms(e.at_ms)))
}

/// The last event at or before `t` that concerns `task`, if any.
pub fn event_at(trace: &Trace, task: TaskId, t: Ms) -> Option<usize> {
    trace
        .events()
        .iter()
        .enumerate()
        .take_while(|(_, e)| e.at_ms <= t)
        .filter(|(_, e)| e.task == task)
        .map(|(i, _)| i)
        .last()
}

/// A lane segment in words: `fetch(2) waited 400 ms on Semaphore(3)
/// (0.20 s → 0.60 s)`.
pub fn explain_span(task: &TaskView, span: &Span, now_ms: Ms) -> String {
    let to = span.to_ms.or(task.end_ms).unwrap_or(now_ms);
    let dur = fmt_ms(to - span.from_ms);
    let during = format!("({} → {})", fmt_ms(span.from_ms), fmt_ms(to));
    let detail = span.detail.clone().unwrap_or_default();
    let name = &task.name;
    match span.state {
        TaskState::Sleeping => format!("{name} slept {dur} {during}"),
        TaskState::Waiting => format!("{name} waited {dur} {} {during}", detail),
        TaskState::Fetching => format!("{name} fetched for {dur}: {detail} {during}"),
        TaskState::Running => {
            format!("{name} ran for {dur} {during}: nothing else could run meanwhile")
        }
        TaskState::Ready => {
            format!("{name} was ready for {dur} {during}, waiting for the loop to get to it")
        }
        TaskState::Created => format!("{name} was never scheduled {during}"),
        s => format!("{name} was {} {during}", s.as_str()),
    }
}

/// Two runs' figures side by side, in words: `gather: 1.00 s vs
/// sequential: 3.00 s, 3.0× faster`.
pub fn compare_text(label_a: &str, a: &Stats, label_b: &str, b: &Stats) -> String {
    let (ea, eb) = (a.elapsed_ms, b.elapsed_ms);
    let verdict = if ea <= 0.0 || eb <= 0.0 || (ea - eb).abs() < 0.5 {
        "the same time".to_string()
    } else if ea < eb {
        format!("{:.1}× faster", eb / ea)
    } else {
        format!("{:.1}× slower", ea / eb)
    };
    format!(
        "{label_a}: {} vs {label_b}: {}, {verdict}",
        fmt_ms(ea),
        fmt_ms(eb)
    )
}
