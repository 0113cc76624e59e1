//! The trace export (CONTRACT.md section 4): a run's event log as Chrome
//! Trace Event Format JSON, which Perfetto and the browsers' performance
//! tools open as it is.
//!
//! - one track per task: a `thread_name` metadata event (`"ph":"M"`) per
//!   task, `tid` = spawn order + 1, all in `pid` 1;
//! - each state the task was in is a complete slice (`"ph":"X"`) named after
//!   the state, from the task's start to its end;
//! - prints, wake-ups, cancellations (and failures, acquisitions, releases,
//!   queue puts and gets) are instant events (`"ph":"i"`) on the task's track;
//! - timestamps are microseconds of scenario time since the run started;
//! - `otherData` names the format, its version, the lesson and its parameters.

use super::json::{write_key, write_num, write_str};
use super::model::tasks::tasks_at;
use super::trace::{EventKind, Ms, TaskId, Trace};

/// `otherData.format`.
pub const FORMAT: &str = "async-playground-trace";

/// `otherData.version`.
pub const VERSION: u32 = 1;

/// Scenario ms to whole trace microseconds.
fn us(ms: Ms) -> f64 {
    (ms * 1000.0).round()
}

fn tid(task: TaskId) -> u32 {
    task.0.saturating_add(1)
}

/// Writes the common head of an event: `{"name":…,"ph":…,"pid":1,"tid":…`.
fn event_head(out: &mut String, name: &str, ph: &str, tid: u32) {
    if !out.ends_with('[') {
        out.push(',');
    }
    out.push('{');
    write_key(out, "name");
    write_str(out, name);
    out.push(',');
    write_key(out, "ph");
    write_str(out, ph);
    out.push_str(",\"pid\":1,\"tid\":");
    write_num(out, f64::from(tid));
}

fn args_one(out: &mut String, key: &str, value: &str) {
    out.push(',');
    write_key(out, "args");
    out.push('{');
    write_key(out, key);
    write_str(out, value);
    out.push('}');
}

/// What an event shows as an instant, if it is one: its name, and one
/// argument.
fn instant(kind: &EventKind) -> Option<(&'static str, Option<(&'static str, &str)>)> {
    Some(match kind {
        EventKind::Printed { line } => ("print", Some(("line", line))),
        EventKind::Stderr { line } => ("stderr", Some(("line", line))),
        EventKind::Woken => ("wake-up", None),
        EventKind::Cancelled => ("cancelled", None),
        EventKind::Failed { message } => ("failed", Some(("error", message))),
        EventKind::Acquired { on } => ("acquired", Some(("on", on))),
        EventKind::Released { on } => ("released", Some(("on", on))),
        EventKind::QueuePut(m) => ("queue put", Some(("item", &m.item))),
        EventKind::QueueGot(m) => ("queue get", Some(("item", &m.item))),
        EventKind::Diagnostic(d) => (d.kind.as_str(), Some(("text", &d.text))),
        _ => return None,
    })
}

/// The run as Chrome Trace Event Format JSON.
///
/// `params` are the lesson's parameters as the URL writes them.
pub fn chrome_trace(trace: &Trace, example: &str, params: &[(String, String)]) -> String {
    let tasks = tasks_at(trace, None);
    let end_of_run = trace.last_ms();
    let mut out = String::with_capacity(256 + trace.len() * 96);
    out.push('{');
    write_key(&mut out, "traceEvents");
    out.push('[');
    for t in &tasks {
        event_head(&mut out, "thread_name", "M", tid(t.id));
        args_one(&mut out, "name", &t.name);
        out.push('}');
    }
    for t in &tasks {
        for (i, span) in t.spans.iter().enumerate() {
            let to = span
                .to_ms
                .or(t.end_ms)
                .or_else(|| t.spans.get(i + 1).map(|s| s.from_ms))
                .unwrap_or(end_of_run)
                .max(span.from_ms);
            event_head(&mut out, span.state.as_str(), "X", tid(t.id));
            out.push_str(",\"cat\":\"state\",\"ts\":");
            write_num(&mut out, us(span.from_ms));
            out.push_str(",\"dur\":");
            write_num(&mut out, us(to) - us(span.from_ms));
            out.push(',');
            write_key(&mut out, "args");
            out.push('{');
            write_key(&mut out, "task");
            write_str(&mut out, &t.name);
            if let Some(d) = &span.detail {
                out.push(',');
                write_key(&mut out, "detail");
                write_str(&mut out, d);
            }
            out.push_str("}}");
        }
    }
    let known = |id: TaskId| tasks.iter().any(|t| t.id == id);
    let main_tid = tasks.first().map_or(1, |t| tid(t.id));
    for e in trace.events() {
        if let EventKind::RunEnded { outcome } = e.kind {
            event_head(&mut out, "run ended", "i", main_tid);
            out.push_str(",\"cat\":\"run\",\"s\":\"g\",\"ts\":");
            write_num(&mut out, us(e.at_ms));
            args_one(&mut out, "outcome", outcome.as_str());
            out.push('}');
            continue;
        }
        let Some((name, arg)) = instant(&e.kind) else {
            continue;
        };
        if !known(e.task) {
            continue;
        }
        event_head(&mut out, name, "i", tid(e.task));
        out.push_str(",\"cat\":\"event\",\"s\":\"t\",\"ts\":");
        write_num(&mut out, us(e.at_ms));
        if let Some((k, v)) = arg {
            args_one(&mut out, k, v);
        }
        out.push('}');
    }
    out.push_str("],\"displayTimeUnit\":\"ms\",");
    write_key(&mut out, "otherData");
    out.push('{');
    write_key(&mut out, "format");
    write_str(&mut out, FORMAT);
    out.push(',');
    write_key(&mut out, "version");
    write_num(&mut out, f64::from(VERSION));
    out.push(',');
    write_key(&mut out, "example");
    write_str(&mut out, example);
    out.push(',');
    write_key(&mut out, "params");
    out.push('{');
    for (i, (k, v)) in params.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_key(&mut out, k);
        write_str(&mut out, v);
    }
    out.push_str("},");
    write_key(&mut out, "state");
    write_str(&mut out, trace.outcome().map_or("running", |o| o.as_str()));
    out.push(',');
    write_key(&mut out, "elapsed_ms");
    write_num(&mut out, end_of_run.round());
    out.push_str("}}");
    out
}
