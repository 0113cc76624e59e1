//! The program controller: which code a Run runs, and its errors.
//!
//! In Python mode (`lang=python`, the default) a Run compiles the code in
//! the editor (or the URL's `code=`, or the lesson's own code with the
//! current parameters) and runs it in the interpreter; with `lang=rust` it
//! runs the lesson's Rust version. A program that does not compile does
//! not start: the run state goes back to `idle` (the previous run is
//! cleared) and `[data-testid=code-error]` shows CPython's message and
//! line. A program whose main coroutine raised ends with
//! `data-run-state="error"`, and the code error shows the last line of its
//! traceback and the line it names.
//!
//! Edits reach the URL's `code=` a moment after typing stops (one
//! `history.replaceState`), only while the code differs from the lesson's.
//!
//! Parameters and edited code stay coherent through
//! [`code_params`](crate::core::code_params): each lesson parameter is a
//! literal in its code (`DELAY = 0.8`). When the editor's text reaches the
//! page, the controls take the values the code sets ([`read`]); when a
//! control changes, its literal in the edited code is rewritten
//! ([`apply`]); a control whose literal is gone says so. Editing only a
//! parameter's literal is therefore the same as turning its control: the
//! code is the lesson's again and `code=` leaves the URL.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

use crate::core::code_error::{from_traceback, CodeError};
use crate::core::code_params::{apply, read};
use crate::core::params::{PageState, Values};
use crate::core::query::YOUR_CODE;
use crate::core::trace::{EventKind, RunOutcome};
use crate::ctl::run::{Mains, RunCtl, RunState};
use crate::lessons::Lesson;
use crate::python::syntax_error::SyntaxError;
use crate::python::{compile, Program, RunOptions};
use crate::runtime::python_host;

/// How long typing must pause before the URL follows the editor.
const SYNC_MS: u64 = 400;

/// A program that runs when the interpreter works (see
/// [`interpreter_ready`]).
const PROBE: &str = "import asyncio\n\nasync def main():\n    await asyncio.sleep(0)\n    print('ok')\n\nasyncio.run(main())\n";

thread_local! {
    static READY: Cell<Option<bool>> = const { Cell::new(None) };
}

/// Whether this build's interpreter runs programs (asked once, by running
/// a tiny one on the virtual clock). While it does not, a lesson's own
/// code runs as its Rust version, and the code panel says so; edited code
/// and programs of one's own always go to the interpreter.
pub fn interpreter_ready() -> bool {
    READY.with(|r| match r.get() {
        Some(v) => v,
        None => {
            let v = crate::python::run_virtual(PROBE).ending == "ok";
            r.set(Some(v));
            v
        }
    })
}

/// The lesson's own code with `values` (each parameter a literal in it).
pub fn lesson_code(lesson: &'static Lesson, values: &Values) -> String {
    (lesson.python)(values)
}

/// A syntax error as the code panel shows it.
pub fn syntax_code_error(e: &SyntaxError, source: &str) -> CodeError {
    CodeError {
        message: e.to_string(),
        line: Some(e.line),
        col: Some(e.col),
        syntax: true,
        detail: e.render(source),
    }
}

/// What a Run will do.
pub enum Plan {
    /// Run the lesson's Rust version.
    Rust,
    /// Run this program in the interpreter.
    Program(Rc<Program>),
    /// The program cannot start.
    CannotStart(CodeError),
}

/// The program controller (cheap to copy; lives in context).
#[derive(Clone, Copy)]
pub struct CodeCtl {
    /// Whether the code panel shows the editor.
    pub editing: RwSignal<bool>,
    /// The editor's text not yet written into the page's `code` (typing
    /// has not paused yet); `None` once it is.
    pub buffer: RwSignal<Option<String>>,
    /// The Python code shown and run: the editor's, the URL's, or the
    /// lesson's own with the current parameters.
    pub text: Memo<String>,
    /// Why the last Run could not start.
    pub syntax_error: RwSignal<Option<CodeError>>,
    /// The generation of the run started from a program (interpreted).
    pub interpreted: RwSignal<u32>,
    /// The last Run of a lesson's own code ran its Rust version because the
    /// interpreter is not in this build yet.
    pub bridged: RwSignal<bool>,
    /// The error of the program: it could not start, or the run's main
    /// coroutine raised (from the whole log, whatever the playhead shows).
    pub error: Memo<Option<CodeError>>,
    page: RwSignal<PageState>,
    sync: StoredValue<Option<TimeoutHandle>>,
}

impl CodeCtl {
    /// A controller for the page's program.
    pub fn new(page: RwSignal<PageState>, ctl: RunCtl) -> Self {
        let syntax_error = RwSignal::new(None);
        let interpreted = RwSignal::new(0u32);
        let raised = Memo::new(move |_| {
            let (state, _) = ctl.live_state.get();
            let g = interpreted.get();
            if g == 0 || state == RunState::Running || state == RunState::Idle {
                return None;
            }
            // main()'s lane from the run's model (the log is folded there,
            // once), read before the log itself: both live in the run.
            let main = ctl.with_run_model(|m| m.tasks.first().cloned()).flatten();
            ctl.with_trace(|t| {
                if t.run != g {
                    return None;
                }
                let stderr = t.events().iter().filter_map(|e| match &e.kind {
                    EventKind::Stderr { line } => Some(line.as_str()),
                    _ => None,
                });
                if let Some(e) = from_traceback(stderr) {
                    return Some(e);
                }
                // No traceback: main()'s own failure, at its last line.
                let main = main?;
                let failed = main.error.clone().filter(|_| {
                    main.state == crate::core::model::tasks::TaskState::Failed
                        || t.outcome() == Some(RunOutcome::Error)
                })?;
                Some(CodeError {
                    message: failed.clone(),
                    line: main.line,
                    col: None,
                    syntax: false,
                    detail: failed,
                })
            })
            .flatten()
        });
        let error = Memo::new(move |_| syntax_error.get().or_else(|| raised.get()));
        let buffer = RwSignal::new(None::<String>);
        let text = Memo::new(move |_| {
            buffer.get().unwrap_or_else(|| {
                page.with(|p| match &p.code {
                    Some(c) => c.clone(),
                    None => p
                        .example
                        .and_then(crate::your_code::find)
                        .map(|l| lesson_code(l, &p.values))
                        .unwrap_or_default(),
                })
            })
        });
        let c = CodeCtl {
            editing: RwSignal::new(false),
            buffer,
            text,
            syntax_error,
            interpreted,
            bridged: RwSignal::new(false),
            error,
            page,
            sync: StoredValue::new(None),
        };
        on_cleanup(move || c.cancel_sync());
        c
    }

    /// Opens the editor on the code shown.
    pub fn start_editing(&self) {
        self.editing.set(true);
    }

    /// The editor's text changed: the URL follows once typing pauses.
    pub fn edit(&self, lesson: &'static Lesson, text: String) {
        self.buffer.set(Some(text));
        if self.syntax_error.with_untracked(Option::is_some) {
            self.syntax_error.set(None);
        }
        self.cancel_sync();
        let c = *self;
        if let Ok(h) = set_timeout_with_handle(
            move || {
                c.sync.try_set_value(None);
                c.flush(lesson);
            },
            Duration::from_millis(SYNC_MS),
        ) {
            self.sync.set_value(Some(h));
        }
    }

    fn cancel_sync(&self) {
        if let Some(Some(h)) = self.sync.try_update_value(Option::take) {
            h.clear();
        }
    }

    /// Writes the editor's text into the page now: the controls take the
    /// values its literals set, and `code` is `None` while the text is the
    /// lesson's own code with those values.
    pub fn flush(&self, lesson: &'static Lesson) {
        self.cancel_sync();
        let Some(text) = self.buffer.try_get_untracked().flatten() else {
            return;
        };
        let Some(next) = self.page.try_with_untracked(|p| {
            let values = read(&text, lesson.params).values(lesson.params, &p.values);
            let own = lesson_code(lesson, &values);
            let code = (text != own).then_some(text);
            (p.code != code || p.values != values).then_some((values, code))
        }) else {
            return;
        };
        if let Some((values, code)) = next {
            self.page.update(|p| {
                p.values = values;
                p.code = code;
            });
        }
        self.buffer.set(None);
    }

    /// A control changed the page's values: its literal in the edited code
    /// follows (the code may be the lesson's own again). Call
    /// [`flush`](Self::flush) before changing the values, so that text
    /// still being typed does not take them back.
    pub fn params_changed(&self, lesson: &'static Lesson) {
        let Some(next) = self.page.try_with_untracked(|p| {
            let code = p.code.as_ref()?;
            let rewritten = apply(code, lesson.params, &p.values);
            let own = lesson_code(lesson, &p.values);
            Some((rewritten != own).then_some(rewritten))
        }) else {
            return;
        };
        if let Some(next) = next {
            if self.page.with_untracked(|p| p.code != next) {
                self.page.update(|p| p.code = next);
            }
        }
    }

    /// What a control should say about its literal in the edited code:
    /// gone (the control has no effect), or corrected (out of range).
    pub fn literal_note(&self, lesson: &'static Lesson, key: &str) -> Option<String> {
        use crate::core::code_params::Setting;
        self.page.with(|p| {
            let code = p.code.as_ref()?;
            match read(code, lesson.params).get(key)? {
                Setting::Missing { notice } => Some(notice.clone()),
                Setting::Set { notice, .. } => notice.clone(),
            }
        })
    }

    /// Back to the lesson's own code (the editor stays open if it was).
    pub fn reset(&self, lesson: &'static Lesson) {
        self.cancel_sync();
        self.syntax_error.set(None);
        let _ = lesson;
        if self.page.with_untracked(|p| p.code.is_some()) {
            self.page.update(|p| p.code = None);
        }
        self.buffer.set(None);
    }

    /// Forgets the editor (another page was opened).
    pub fn close(&self) {
        self.cancel_sync();
        self.editing.set(false);
        self.buffer.set(None);
        self.syntax_error.set(None);
        self.bridged.set(false);
    }

    /// What a Run of `lesson` with `code` (`None`: the lesson's own code
    /// with `values`) does on `page`.
    pub fn plan(
        &self,
        lesson: &'static Lesson,
        page: &PageState,
        values: &Values,
        code: Option<&str>,
    ) -> Plan {
        let own_page = lesson.id == YOUR_CODE;
        if page.lang == "rust" && !own_page {
            return Plan::Rust;
        }
        if code.is_none() && !own_page && !interpreter_ready() {
            return Plan::Rust;
        }
        let source = match code {
            Some(c) => c.to_string(),
            None => lesson_code(lesson, values),
        };
        match compile(&source) {
            Ok(p) => Plan::Program(Rc::new(p)),
            Err(e) => Plan::CannotStart(syntax_code_error(&e, &source)),
        }
    }

    /// Starts a run of `lesson` with `values` and `code` on `page`: the
    /// interpreted program, or the Rust version; or shows why it cannot
    /// start (and clears the previous run, so the state is `idle`).
    pub fn start(
        &self,
        ctl: RunCtl,
        lesson: &'static Lesson,
        page: &PageState,
        values: Values,
        code: Option<&str>,
    ) {
        self.syntax_error.set(None);
        let plan = self.plan(lesson, page, &values, code);
        self.bridged
            .set(matches!(plan, Plan::Rust) && page.lang != "rust" && lesson.id != YOUR_CODE);
        match plan {
            Plan::Rust => {
                self.interpreted.set(0);
                ctl.start(lesson, values, page.speed);
            }
            Plan::Program(program) => {
                let opts = RunOptions::default();
                let mains = Mains {
                    entry: program.entry_name(),
                    ideal: python_host::main_fn(program.clone(), opts.clone()),
                    real: python_host::main_fn(program, opts),
                    expected_ms: None,
                };
                ctl.start_mains(lesson.id, mains, page.speed);
                let g = ctl.snapshot.with_untracked(|s| s.generation);
                self.interpreted.set(g);
            }
            Plan::CannotStart(e) => {
                ctl.reset();
                self.interpreted.set(0);
                self.syntax_error.set(Some(e));
            }
        }
    }
}
