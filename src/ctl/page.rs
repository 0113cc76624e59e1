//! The page controller: what the URL says (validated), the corrections made,
//! and the page's verbs — open a lesson, run, stop — over the run, code,
//! compare and embed controllers it holds as plain fields (no context
//! look-ups, so it works from any callback without an owner).

use leptos::prelude::*;

use crate::core::params::{PageState, Values};
use crate::ctl::code::CodeCtl;
use crate::ctl::compare::CompareCtl;
use crate::ctl::embed::RunWatch;
use crate::ctl::replay::ReplayCtl;
use crate::ctl::run::RunCtl;
use crate::lessons;
use crate::web;
use crate::your_code;

/// Page-wide state and verbs (cheap to copy; provided by context).
#[derive(Clone, Copy)]
pub struct PageCtl {
    /// Everything the URL says, validated.
    pub page: RwSignal<PageState>,
    /// Corrections made (from the URL and from the controls).
    pub notices: RwSignal<Vec<String>>,
    /// The run controller.
    pub run: RunCtl,
    /// The code panel's controller.
    pub code: CodeCtl,
    /// The kept-run comparison.
    pub compare: CompareCtl,
    /// The embed protocol's watch on the run (start and end messages).
    pub watch: RunWatch,
    /// Time travel over the run: the one owner of the playhead.
    pub replay: ReplayCtl,
    /// The narration's live region text (the narrator and the prediction's
    /// results speak through the same region).
    pub narration: RwSignal<String>,
    /// Whether the run shows as a table (`true`) or the timeline (`V`).
    pub table_view: RwSignal<bool>,
}

thread_local! {
    /// A run asked for before the page settled is waiting for it.
    static RUN_WAITING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

impl PageCtl {
    /// The page's controllers for a page starting at `initial`.
    pub fn new(initial: PageState) -> Self {
        let notices = RwSignal::new(initial.notices.clone());
        let page = RwSignal::new(initial);
        let run = RunCtl::new();
        let watch = RunWatch::new(page, run);
        let code = CodeCtl::new(page, run);
        let compare = CompareCtl::new(run, page, code);
        let replay = ReplayCtl::new(run, page.with_untracked(|p| p.t));
        PageCtl {
            page,
            notices,
            run,
            code,
            compare,
            watch,
            replay,
            narration: RwSignal::new(String::new()),
            table_view: RwSignal::new(false),
        }
    }

    /// Opens a lesson (or the catalog with `None`) with its default
    /// parameters, adding a history entry.
    pub fn open(&self, example: Option<&'static str>) {
        self.stop();
        self.run.reset();
        self.code.close();
        self.notices.set(Vec::new());
        self.page.update(|p| {
            p.code = None;
            p.compare_code = None;
            p.example = example;
            p.values = example
                .and_then(lessons::find)
                .map(|l| Values::defaults(l.params))
                .unwrap_or_default();
            p.autorun = false;
        });
        web::push_url(&self.page.with_untracked(PageState::to_query));
    }

    /// Runs the open lesson with the current parameters. A live run is
    /// stopped first, and its end reported to an embedding page before the
    /// new run replaces it.
    pub fn run(&self) {
        // A run started during start-up work would have its first timers
        // late: until the page has settled (see `web::settle`, well under a
        // second) the run waits for it; presses meanwhile make one run.
        if !web::settle::is_settled() {
            if RUN_WAITING.with(|w| w.replace(true)) {
                return;
            }
            let ctl = *self;
            leptos::task::spawn_local(async move {
                web::settle::settled().await;
                RUN_WAITING.with(|w| w.set(false));
                ctl.run();
            });
            return;
        }
        self.stop();
        let Some(lesson) = self
            .page
            .with_untracked(|p| p.example.and_then(your_code::find))
        else {
            return;
        };
        // Run runs what is in the editor: the URL catches up first.
        self.code.flush(lesson);
        let p = self.page.get_untracked();
        // With a comparison in the URL and nothing kept yet, the kept
        // parameters (and program) run first; see CompareCtl.
        let (values, program) = self.compare.on_run(
            p.values.clone(),
            p.compare.clone(),
            p.code.clone(),
            p.compare_code.clone(),
        );
        self.code
            .start(self.run, lesson, &p, values, program.as_deref());
    }

    /// Stops the live run, if any, and reports its end to an embedding page.
    pub fn stop(&self) {
        self.run.stop();
        self.watch.check();
    }
}
