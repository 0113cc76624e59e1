//! "Explore timings": the same program run many times on the virtual clock,
//! every sleep and every fetch latency stretched or shrunk by up to ±x %,
//! and the distinct outcomes grouped with their counts.
//!
//! Two pure parts live here: the jitter ([`Jitter`], a small seeded PRNG, so
//! a seed always gives the same run) and the grouping ([`Explorer`]: what
//! a run printed, the final values of its globals and how it ended, as one
//! [`OutcomeKey`]). The runs themselves are made by
//! `runtime::python_host::explore_run`; the panel drives them in chunks.
//!
//! ```
//! use async_playground::core::explore::{Ending, Explorer, OutcomeKey};
//! let mut ex = Explorer::default();
//! let key = |n: i32| OutcomeKey {
//!     ending: Ending::Finished,
//!     lines: vec![(false, format!("counter = {n}"))],
//!     finals: Vec::new(),
//! };
//! ex.add(key(3), 1, 300.0);
//! ex.add(key(4), 2, 310.0);
//! ex.add(key(3), 3, 290.0);
//! assert_eq!(ex.groups().len(), 2);
//! assert_eq!(ex.sorted()[0].count, 2);
//! ```

use super::trace::{EventKind, Ms, RunOutcome, Trace};

/// Default number of runs.
pub const DEFAULT_RUNS: u32 = 200;
/// Fewest runs.
pub const MIN_RUNS: u32 = 1;
/// Most runs.
pub const MAX_RUNS: u32 = 1000;
/// Default jitter, percent.
pub const DEFAULT_PERCENT: f64 = 20.0;
/// Largest jitter, percent.
pub const MAX_PERCENT: f64 = 50.0;
/// The seed of the first run when none is given.
pub const DEFAULT_SEED: u64 = 1;

/// What jitters a run: up to ±`percent` % on every duration, from `seed`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct JitterSpec {
    /// Largest change, percent of the duration (0 to [`MAX_PERCENT`]).
    pub percent: f64,
    /// The PRNG's seed: the same seed gives the same run.
    pub seed: u64,
}

/// The jitter of one run: a SplitMix64 stream turned into factors.
#[derive(Clone, Debug, PartialEq)]
pub struct Jitter {
    fraction: f64,
    state: u64,
}

fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Jitter {
    /// The jitter `spec` describes (its percent clamped to 0 to [`MAX_PERCENT`]).
    pub fn new(spec: JitterSpec) -> Self {
        let p = if spec.percent.is_finite() {
            spec.percent.clamp(0.0, MAX_PERCENT)
        } else {
            0.0
        };
        Jitter {
            fraction: p / 100.0,
            state: spec.seed,
        }
    }

    /// The next factor, uniform in [1 − x, 1 + x).
    pub fn factor(&mut self) -> f64 {
        let u = (splitmix(&mut self.state) >> 11) as f64 / (1u64 << 53) as f64;
        1.0 + self.fraction * (2.0 * u - 1.0)
    }

    /// `ms` jittered (durations that are not positive and finite stay as they are).
    pub fn apply(&mut self, ms: Ms) -> Ms {
        if !(ms.is_finite() && ms > 0.0) || self.fraction == 0.0 {
            return ms;
        }
        ms * self.factor()
    }
}

/// The seed of run `index` of an exploration started from `base`: well
/// apart from its neighbours' (consecutive seeds would give similar streams
/// in a weaker PRNG; here they are hashed anyway).
pub fn run_seed(base: u64, index: u32) -> u64 {
    let mut s = base ^ u64::from(index).wrapping_mul(0xD1B5_4A32_D192_ED03);
    splitmix(&mut s)
}

/// How a run ended.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Ending {
    /// `main()` returned.
    Finished,
    /// The program raised: the last line of its traceback.
    Error(String),
    /// Every task waits on another: nothing can ever happen again.
    Deadlock,
    /// It did not end within the limits (scenario hour, real time).
    Limit,
}

impl Ending {
    /// The word the page uses (as `data-run-state`, `limit` for a run
    /// stopped by the explorer's limits).
    pub fn as_str(&self) -> &'static str {
        match self {
            Ending::Finished => "finished",
            Ending::Error(_) => "error",
            Ending::Deadlock => "deadlock",
            Ending::Limit => "limit",
        }
    }
}

/// What makes two runs the same outcome: how they ended, what they printed
/// (text only: times differ from run to run) and the final values of the
/// program's globals.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OutcomeKey {
    /// How it ended.
    pub ending: Ending,
    /// Every printed line in order: (on stderr, text).
    pub lines: Vec<(bool, String)>,
    /// Final values of simple globals: (name, repr), by name.
    pub finals: Vec<(String, String)>,
}

impl OutcomeKey {
    /// The outcome of a run's log. `limited`: the explorer stopped it.
    pub fn of(trace: &Trace, finals: Vec<(String, String)>, limited: bool) -> Self {
        let mut lines = Vec::new();
        for e in trace.events() {
            match &e.kind {
                EventKind::Printed { line } => lines.push((false, line.clone())),
                EventKind::Stderr { line } => lines.push((true, line.clone())),
                _ => {}
            }
        }
        let ending = if limited {
            Ending::Limit
        } else {
            match trace.outcome() {
                Some(RunOutcome::Finished) => Ending::Finished,
                Some(RunOutcome::Deadlock) => Ending::Deadlock,
                Some(RunOutcome::Error) => Ending::Error(
                    lines
                        .iter()
                        .rev()
                        .find(|(err, _)| *err)
                        .map(|(_, t)| t.clone())
                        .unwrap_or_default(),
                ),
                Some(RunOutcome::Stopped) | None => Ending::Limit,
            }
        };
        OutcomeKey {
            ending,
            lines,
            finals,
        }
    }

    /// The lines printed on stdout.
    pub fn stdout(&self) -> impl Iterator<Item = &str> {
        self.lines
            .iter()
            .filter(|(err, _)| !*err)
            .map(|(_, t)| t.as_str())
    }
}

/// One distinct outcome and how often it came.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// The outcome.
    pub key: OutcomeKey,
    /// How many runs had it.
    pub count: u32,
    /// The seed of the first run that had it (to open it again).
    pub seed: u64,
    /// Its place in order of first appearance.
    pub first: usize,
    /// Shortest and longest elapsed scenario time among its runs, ms.
    pub elapsed: (Ms, Ms),
}

impl Group {
    /// A short label: how it ended and the first line in which it differs
    /// from `other` (or its last printed line).
    pub fn summary(&self, other: Option<&Group>) -> String {
        let line = match other {
            Some(o) if o.key != self.key => {
                let last = self.key.lines.len().saturating_sub(1);
                let diff = self
                    .key
                    .lines
                    .iter()
                    .enumerate()
                    .find(|(i, l)| o.key.lines.get(*i) != Some(l))
                    .map(|(i, l)| {
                        if i == last {
                            l.1.clone()
                        } else {
                            format!("line {}: {}", i + 1, l.1)
                        }
                    });
                diff.or_else(|| {
                    self.key
                        .finals
                        .iter()
                        .find(|f| !o.key.finals.contains(f))
                        .map(|(n, v)| format!("{n} = {v}"))
                })
            }
            _ => None,
        };
        let line = line.or_else(|| self.key.lines.last().map(|l| l.1.clone()));
        match (&self.key.ending, line) {
            (Ending::Error(e), _) => format!("error · {e}"),
            (e, Some(l)) => format!("{} · {l}", e.as_str()),
            (e, None) => format!("{} · prints nothing", e.as_str()),
        }
    }
}

/// The outcomes of an exploration, grouped as runs come in.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Explorer {
    groups: Vec<Group>,
    runs: u32,
}

impl Explorer {
    /// Counts one run: its outcome, its seed and its elapsed time.
    pub fn add(&mut self, key: OutcomeKey, seed: u64, elapsed: Ms) {
        self.runs += 1;
        if let Some(g) = self.groups.iter_mut().find(|g| g.key == key) {
            g.count += 1;
            g.elapsed = (g.elapsed.0.min(elapsed), g.elapsed.1.max(elapsed));
            return;
        }
        let first = self.groups.len();
        self.groups.push(Group {
            key,
            count: 1,
            seed,
            first,
            elapsed: (elapsed, elapsed),
        });
    }

    /// Runs counted.
    pub fn runs(&self) -> u32 {
        self.runs
    }

    /// The groups in order of first appearance.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// The groups, most frequent first (ties: first seen first).
    pub fn sorted(&self) -> Vec<Group> {
        let mut g = self.groups.clone();
        g.sort_by(|a, b| b.count.cmp(&a.count).then(a.first.cmp(&b.first)));
        g
    }
}

/// Percent of `count` in `runs`, for the list ("37 of 200 runs, 18.5 %").
pub fn share(count: u32, runs: u32) -> f64 {
    if runs == 0 {
        0.0
    } else {
        f64::from(count) * 100.0 / f64::from(runs)
    }
}

/// Clamps a run count typed by the learner (`None`: not a number).
pub fn clamp_runs(n: Option<f64>) -> u32 {
    match n {
        Some(n) if n.is_finite() => {
            n.round().clamp(f64::from(MIN_RUNS), f64::from(MAX_RUNS)) as u32
        }
        _ => DEFAULT_RUNS,
    }
}

/// Clamps a jitter percent typed by the learner (`None`: not a number).
pub fn clamp_percent(p: Option<f64>) -> f64 {
    match p {
        Some(p) if p.is_finite() => p.clamp(0.0, MAX_PERCENT),
        _ => DEFAULT_PERCENT,
    }
}
