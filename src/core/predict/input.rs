//! The form a question's answer takes for a given program: the `print(`
//! calls of its code (the choices of a print question), the form of each
//! kind of question, and which of a lesson's questions can be asked at all.

use super::{Ask, Choice, Input, PrintLine, Question};

/// The `print(` calls of a Python program, in the order written (the
/// lines where a call starts; comments and strings before it are skipped
/// roughly: a `#` before the call ends the search on that line).
pub fn print_lines(source: &str) -> Vec<PrintLine> {
    source
        .lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let code = l.split('#').next().unwrap_or("");
            let at = code.find("print(")?;
            // `print(` and not `myprint(` / `.print(`.
            let before = code[..at].chars().last();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                return None;
            }
            Some(PrintLine {
                line: u32::try_from(i + 1).unwrap_or(u32::MAX),
                text: l.trim().to_string(),
            })
        })
        .collect()
}

fn print_label(p: &PrintLine) -> String {
    format!("line {}: {}", p.line, p.text)
}

/// The form of `q`'s answer for a program with `source`; `None` when the
/// question cannot be asked of it (a print question needs two prints).
pub fn input(q: &Question, source: &str) -> Option<Input> {
    Some(match q.ask {
        Ask::EndTime => Input::Seconds,
        Ask::MaxInFlight | Ask::CountLines { .. } | Ask::PrintedNumber { .. } => Input::Whole,
        Ask::Ending => Input::Choice(
            [
                ("finish", "It finishes"),
                ("hang", "It hangs (a deadlock)"),
                ("fail", "It fails (main() raises)"),
            ]
            .iter()
            .map(|(v, l)| Choice {
                value: (*v).to_string(),
                label: (*l).to_string(),
            })
            .collect(),
        ),
        Ask::TaskEnd { .. } => Input::Choice(
            [
                ("done", "It returns (done)"),
                ("failed", "It raises (failed)"),
                ("cancelled", "It is cancelled"),
            ]
            .iter()
            .map(|(v, l)| Choice {
                value: (*v).to_string(),
                label: (*l).to_string(),
            })
            .collect(),
        ),
        Ask::FirstPrint | Ask::LastPrint => {
            let prints = print_lines(source);
            if prints.len() < 2 {
                return None;
            }
            Input::Choice(
                prints
                    .iter()
                    .map(|p| Choice {
                        value: p.line.to_string(),
                        label: print_label(p),
                    })
                    .collect(),
            )
        }
    })
}

/// The questions of `questions` that can be asked of `source`, each with
/// its form. `lines_recorded`: whether the run records code lines (the
/// interpreter does; a lesson's Rust version does not, so print questions
/// are left out for it).
pub fn askable(
    questions: &'static [Question],
    source: &str,
    lines_recorded: bool,
) -> Vec<(&'static Question, Input)> {
    questions
        .iter()
        .filter(|q| lines_recorded || !matches!(q.ask, Ask::FirstPrint | Ask::LastPrint))
        .filter_map(|q| input(q, source).map(|i| (q, i)))
        .collect()
}
