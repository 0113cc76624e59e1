//! Timings of the one run model on a 10,000-task run's log (`cargo run
//! --release --example fold_timings`): the model's folds against the
//! lanes-and-figures fold alone (what the frame loop applied before the
//! model took in the loop's state and the wait-for fold), whole and in
//! frame-sized chunks; and the deadlock check, the old whole-log derivation
//! against the incremental wait-for fold. Ratios in the same run; the
//! checks of the same folds are in `tests/perf_derivation.rs`.
use std::time::Instant;

use async_playground::core::model::stats::StatsFold;
use async_playground::core::model::tasks::{tasks_at, Lanes, TaskState};
use async_playground::core::model::wait_for::WaitFor;
use async_playground::core::model::RunModel;
use async_playground::core::params::parse_query;
use async_playground::core::trace::Trace;
use async_playground::lessons::{self, lookup};

fn trace_of(query: &str) -> Trace {
    let p = parse_query(query, &lookup);
    let lesson = p.example.and_then(lessons::find).expect("a lesson");
    lesson.ideal_run(p.values)
}

fn main() {
    let trace = trace_of("example=semaphore&tasks=10000&limit=100&delay=10");
    let n = trace.len();
    let best = |f: &mut dyn FnMut()| {
        (0..5)
            .map(|_| {
                let t0 = Instant::now();
                f();
                t0.elapsed().as_secs_f64() * 1e3
            })
            .fold(f64::INFINITY, f64::min)
    };
    let lanes_and_figures = best(&mut || {
        let (mut lanes, mut figures, mut tasks) =
            (Lanes::default(), StatsFold::default(), Vec::new());
        for e in trace.events() {
            figures.apply(e);
            lanes.apply(e, &mut tasks);
        }
        assert_eq!(tasks.len(), 10_001);
    });
    let model = best(&mut || {
        let mut m = RunModel::new(trace.run, "");
        m.catch_up(&trace);
        assert_eq!(m.tasks.len(), 10_001);
    });
    // Frames of 500 new events: each frame's catch-up, the best of 3 runs
    // per frame (the machine may be busy), then the worst frame.
    let frames = |model: bool| {
        let mut per_frame = vec![f64::INFINITY; n.div_ceil(500)];
        let mut last = RunModel::new(trace.run, "");
        for _ in 0..3 {
            let mut m = RunModel::new(trace.run, "");
            let (mut lanes, mut figures, mut tasks) =
                (Lanes::default(), StatsFold::default(), Vec::new());
            let mut partial = Trace::new(trace.run);
            for (i, chunk) in trace.events().chunks(500).enumerate() {
                for e in chunk {
                    partial.push(e.clone());
                }
                let t0 = Instant::now();
                if model {
                    m.catch_up(&partial);
                } else {
                    for e in chunk {
                        figures.apply(e);
                        lanes.apply(e, &mut tasks);
                    }
                }
                per_frame[i] = per_frame[i].min(t0.elapsed().as_secs_f64() * 1e3);
            }
            last = m;
        }
        let worst = per_frame.iter().copied().fold(0.0f64, f64::max);
        (worst, last)
    };
    let (worst_old, _) = frames(false);
    let (worst, m) = frames(true);
    let loop_state_built = best(&mut || {
        let _ = m.loop_state();
    });
    let old_check = best(&mut || {
        let tasks = tasks_at(&trace, None);
        let mut live = tasks
            .iter()
            .filter(|t| t.end_ms.is_none() && t.state != TaskState::Created)
            .peekable();
        let _ = live.peek().is_some() && live.all(|t| t.state == TaskState::Waiting);
    });
    let mut w = WaitFor::default();
    w.catch_up(&trace);
    let new_check = best(&mut || {
        w.catch_up(&trace);
        let _ = w.all_waiting();
    });
    println!("events: {n}");
    println!("lanes+figures fold, whole log: {lanes_and_figures:.2} ms");
    println!(
        "run model (all folds), whole log: {model:.2} ms ({:.2}x)",
        model / lanes_and_figures
    );
    println!("worst 500-event frame: lanes+figures {worst_old:.3} ms, run model {worst:.3} ms");
    println!("loop state built from the model's fold: {loop_state_built:.3} ms");
    println!("deadlock check, old (tasks_at over the log): {old_check:.3} ms");
    println!(
        "deadlock check, new (wait-for fold caught up): {:.6} ms",
        new_check
    );
}
