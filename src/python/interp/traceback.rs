//! Tracebacks printed as CPython 3.11's `traceback` module prints them:
//! chained causes and contexts, and exception groups in their box
//! (`  + Exception Group Traceback ...`, `  +-+---- 1 ----`, `    | ...`),
//! with CPython's limits (15 sub-exceptions shown, 10 levels deep).

use std::rc::Rc;

use super::Interp;
use crate::python::exc::{is_sub, Exc, T};
use crate::python::ops::exc_line;
use crate::python::value::Value;

/// Sub-exceptions shown per group (`traceback`'s `max_group_width`).
const MAX_GROUP_WIDTH: usize = 15;
/// Nesting shown (`max_group_depth`).
const MAX_GROUP_DEPTH: usize = 10;

const CAUSE: &str = "The above exception was the direct cause of the following exception:";
const CONTEXT: &str = "During handling of the above exception, another exception occurred:";

/// The members of an exception group (`None` if `e` is not one).
pub fn group_members(e: &Value) -> Option<Vec<Value>> {
    let Value::Instance(i) = e else { return None };
    if !is_sub(&i.class, T::BaseExceptionGroup) {
        return None;
    }
    let d = e.exc_data()?;
    let d = d.borrow();
    match d.args.get(1) {
        Some(Value::Tuple(items)) => Some(items.to_vec()),
        Some(Value::List(items)) => Some(items.borrow().clone()),
        _ => Some(Vec::new()),
    }
}

/// `_ExceptionPrintContext`: how deep in groups, and whether a box is open.
#[derive(Default)]
struct Ctx {
    depth: usize,
    need_close: bool,
    seen: Vec<Value>,
}

impl Ctx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    fn emit(&self, out: &mut Vec<String>, text: &str, margin: char) {
        let mut line = self.indent();
        if self.depth > 0 {
            line.push(margin);
            line.push(' ');
        }
        line.push_str(text);
        out.push(line);
    }
}

/// Frames repeated in a row beyond this many are counted, not shown
/// (CPython's `traceback._RECURSIVE_CUTOFF`).
const RECURSIVE_CUTOFF: usize = 3;

impl Interp {
    /// Prints an exception's traceback on stderr, as CPython does (frames
    /// of the playground's own asyncio left out), with its causes.
    pub fn print_traceback(self: &Rc<Self>, e: &Exc) {
        let mut out = Vec::new();
        self.format_exception(&e.0, &mut Ctx::default(), &mut out);
        for line in out {
            self.stderr(&line);
        }
    }

    fn format_frames(&self, e: &Value, ctx: &Ctx, out: &mut Vec<String>) {
        let tb = e
            .exc_data()
            .map(|d| d.borrow().traceback.clone())
            .unwrap_or_default();
        // As CPython's `StackSummary.format`: a frame repeated more than
        // three times in a row (a recursion) is shown three times, then
        // `[Previous line repeated N more times]`.
        let repeated = |out: &mut Vec<String>, count: usize| {
            if count > RECURSIVE_CUTOFF {
                let n = count - RECURSIVE_CUTOFF;
                let s = if n > 1 { "s" } else { "" };
                ctx.emit(
                    out,
                    &format!("  [Previous line repeated {n} more time{s}]"),
                    '|',
                );
            }
        };
        let mut last = None;
        let mut count = 0;
        for frame in tb.iter().rev() {
            if last != Some(frame) {
                repeated(out, count);
                last = Some(frame);
                count = 0;
            }
            count += 1;
            if count > RECURSIVE_CUTOFF {
                continue;
            }
            let (name, line) = frame;
            ctx.emit(
                out,
                &format!("  File \"main.py\", line {line}, in {name}"),
                '|',
            );
            if let Some(src) = self.lines.get(line.saturating_sub(1) as usize) {
                let t = src.trim();
                if !t.is_empty() {
                    ctx.emit(out, &format!("    {t}"), '|');
                }
            }
        }
        repeated(out, count);
    }

    fn format_exception(self: &Rc<Self>, e: &Value, ctx: &mut Ctx, out: &mut Vec<String>) {
        // The chain, outermost first: (how it links to the next, exception).
        let mut chain: Vec<(Option<&str>, Value)> = Vec::new();
        let mut cur = Some((None, e.clone()));
        while let Some((msg, x)) = cur {
            if ctx.seen.iter().any(|s| s.is(&x)) {
                break;
            }
            ctx.seen.push(x.clone());
            let (cause, context, suppress) = match x.exc_data() {
                Some(d) => {
                    let d = d.borrow();
                    (d.cause.clone(), d.context.clone(), d.suppress_context)
                }
                None => (None, None, false),
            };
            chain.push((msg, x));
            cur = match (cause, context) {
                (Some(c), _) => Some((Some(CAUSE), c)),
                (None, Some(c)) if !suppress => Some((Some(CONTEXT), c)),
                _ => None,
            };
        }
        // Printed innermost first; each link's message goes before the
        // exception it leads to, i.e. after the one it came from.
        let n = chain.len();
        for i in (0..n).rev() {
            let x = chain[i].1.clone();
            let has_tb = x
                .exc_data()
                .is_some_and(|d| !d.borrow().traceback.is_empty());
            match group_members(&x) {
                None => {
                    if has_tb {
                        ctx.emit(out, "Traceback (most recent call last):", '|');
                        self.format_frames(&x, ctx, out);
                    }
                    ctx.emit(out, &exc_line(self, &Exc(x.clone())), '|');
                    for note in super::group_methods::note_lines(self, &x) {
                        ctx.emit(out, &note, '|');
                    }
                }
                Some(_) if ctx.depth > MAX_GROUP_DEPTH => {
                    ctx.emit(
                        out,
                        &format!("... (max_group_depth is {MAX_GROUP_DEPTH})"),
                        '|',
                    );
                }
                Some(members) => self.format_group(&x, &members, has_tb, ctx, out),
            }
            // How this exception led to the next one printed (its
            // `__cause__` or `__context__` of that one).
            if i > 0 {
                if let Some(msg) = chain[i].0 {
                    ctx.emit(out, "", '|');
                    ctx.emit(out, msg, '|');
                    ctx.emit(out, "", '|');
                }
            }
        }
    }

    fn format_group(
        self: &Rc<Self>,
        x: &Value,
        members: &[Value],
        has_tb: bool,
        ctx: &mut Ctx,
        out: &mut Vec<String>,
    ) {
        let top = ctx.depth == 0;
        if top {
            ctx.depth += 1;
        }
        if has_tb {
            ctx.emit(
                out,
                "Exception Group Traceback (most recent call last):",
                if top { '+' } else { '|' },
            );
            self.format_frames(x, ctx, out);
        }
        ctx.emit(out, &exc_line(self, &Exc(x.clone())), '|');
        for note in super::group_methods::note_lines(self, x) {
            ctx.emit(out, &note, '|');
        }
        let count = members.len();
        let shown = if count <= MAX_GROUP_WIDTH {
            count
        } else {
            MAX_GROUP_WIDTH + 1
        };
        ctx.need_close = false;
        for (i, m) in members.iter().take(shown).enumerate() {
            let last = i + 1 == shown;
            if last {
                ctx.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated {
                "...".to_string()
            } else {
                (i + 1).to_string()
            };
            out.push(format!(
                "{}{}+---------------- {title} ----------------",
                ctx.indent(),
                if i == 0 { "+-" } else { "  " }
            ));
            ctx.depth += 1;
            if truncated {
                let rest = count - MAX_GROUP_WIDTH;
                let s = if rest > 1 { "s" } else { "" };
                ctx.emit(out, &format!("and {rest} more exception{s}"), '|');
            } else {
                self.format_exception(m, ctx, out);
            }
            if last && ctx.need_close {
                out.push(format!(
                    "{}+------------------------------------",
                    ctx.indent()
                ));
                ctx.need_close = false;
            }
            ctx.depth -= 1;
        }
        if top {
            ctx.depth = 0;
        }
    }
}
