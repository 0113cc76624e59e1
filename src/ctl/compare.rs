//! Compare two runs: "Keep this run" holds a finished run (its log, its
//! parameters and its program) while the learner changes parameters or
//! code and runs again. The kept parameters are in the URL (`compare=`,
//! with `code=` inside it when the kept program differs), so a comparison
//! is a link: opening it runs the kept run first, for real, then the
//! current.

use leptos::prelude::*;

use crate::core::model::{Stats, TaskView};
use crate::core::params::{PageState, Values};
use crate::ctl::code::CodeCtl;
use crate::ctl::run::{RunCtl, RunState};
use crate::your_code;

/// A run kept for comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Kept {
    /// Its parameters.
    pub values: Values,
    /// Its program, if not the lesson's own code.
    pub code: Option<String>,
    /// Its lanes.
    pub tasks: Vec<TaskView>,
    /// Its figures.
    pub stats: Stats,
}

/// The comparison controller (cheap to copy; lives in context).
#[derive(Clone, Copy)]
pub struct CompareCtl {
    /// The kept run, once there is one.
    pub kept: RwSignal<Option<Kept>>,
    /// Parameters and program of the run in progress (to keep it with them).
    running_values: StoredValue<Option<(Values, Option<String>)>>,
    /// After the kept run ends, run these.
    then_run: StoredValue<Option<(Values, Option<String>)>>,
}

/// A short label of the parameters that differ between two runs, e.g.
/// `mode=sequential` (or `same parameters`).
pub fn label(this: &Values, other: &Values) -> String {
    let diff: Vec<String> = this
        .iter()
        .filter(|(k, v)| other.get(k) != Some(*v))
        .map(|(k, v)| format!("{k}={}", v.to_url()))
        .collect();
    if diff.is_empty() {
        "same parameters".into()
    } else {
        diff.join(", ")
    }
}

impl CompareCtl {
    /// A controller; when a kept run's parameters wait in the URL and a run
    /// of them ends, it is kept and the current parameters run next.
    pub fn new(ctl: RunCtl, page: RwSignal<PageState>, code: CodeCtl) -> Self {
        let c = CompareCtl {
            kept: RwSignal::new(None),
            running_values: StoredValue::new(None),
            then_run: StoredValue::new(None),
        };
        let state = Memo::new(move |_| {
            (
                ctl.snapshot.with(|s| s.generation),
                ctl.live_state.with(|s| s.0),
            )
        });
        Effect::new(move |_| {
            let (_, st) = state.get();
            if matches!(
                st,
                RunState::Finished | RunState::Deadlock | RunState::Error
            ) {
                if let Some(next) = c.then_run.try_update_value(Option::take).flatten() {
                    c.keep(ctl);
                    let p = page.get_untracked();
                    if let Some(lesson) = p.example.and_then(your_code::find) {
                        c.running_values.set_value(Some(next.clone()));
                        code.start(ctl, lesson, &p, next.0, next.1.as_deref());
                    }
                }
            }
        });
        c
    }

    /// Called when a run starts with `values` and `code` (and the page's
    /// `compare` and its program): returns the values and program to run
    /// now. With a comparison in the URL and no kept run yet, the kept run
    /// goes first.
    pub fn on_run(
        &self,
        values: Values,
        compare: Option<Values>,
        code: Option<String>,
        compare_code: Option<String>,
    ) -> (Values, Option<String>) {
        let first = match (compare, self.kept.get_untracked()) {
            (Some(other), None) => {
                let other_code = compare_code.or_else(|| code.clone());
                self.then_run.set_value(Some((values, code)));
                (other, other_code)
            }
            _ => {
                self.then_run.set_value(None);
                (values, code)
            }
        };
        self.running_values.set_value(Some(first.clone()));
        first
    }

    /// Keeps the current run (if it ended) for comparison.
    pub fn keep(&self, ctl: RunCtl) -> bool {
        let Some((values, code)) = self.running_values.get_value() else {
            return false;
        };
        // The run's model (not the moment a replay shows), once it ended.
        let Some((tasks, stats)) = ctl
            .with_run_model(|m| {
                m.stats
                    .outcome
                    .is_some()
                    .then(|| (m.tasks.clone(), m.stats.clone()))
            })
            .flatten()
        else {
            return false;
        };
        self.kept.set(Some(Kept {
            values,
            code,
            tasks,
            stats,
        }));
        true
    }

    /// Forgets the kept run.
    pub fn clear(&self) {
        self.kept.set(None);
        self.then_run.set_value(None);
    }
}
