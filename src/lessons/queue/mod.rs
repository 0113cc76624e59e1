//! `queue`: producer and consumers around a bounded `asyncio.Queue`.

use futures::FutureExt;

use super::Lesson;
use crate::core::code_params;
use crate::core::model::tasks::fmt_ms;
use crate::core::params::{Int, Ms, ParamSpec, Values};
use crate::core::predict::{Ask, Question};
use crate::runtime::{Cx, Queue, TaskError};

const ITEMS: Int = Int::new(
    "items",
    "Items",
    "How many items the producer makes.",
    1,
    50,
    8,
);

const CONSUMERS: Int = Int::new(
    "consumers",
    "Consumers",
    "How many consumer tasks take items from the queue.",
    1,
    10,
    2,
);

const MAXSIZE: Int = Int::new(
    "maxsize",
    "Max size",
    "How many items the queue holds before put() waits (0: unbounded).",
    0,
    20,
    2,
);

const PRODUCE: Ms = Ms::new(
    "produce",
    "Produce",
    "How long the producer takes to make each item.",
    5_000,
    100,
);

const CONSUME: Ms = Ms::new(
    "consume",
    "Consume",
    "How long a consumer takes to process each item.",
    5_000,
    500,
);

const PARAMS: &[ParamSpec] = &[
    ITEMS.spec(),
    CONSUMERS.spec(),
    MAXSIZE.spec(),
    PRODUCE.spec(),
    CONSUME.spec(),
];

/// The prediction asked before the first Run (see `core::predict`).
const PREDICT: &[Question] = &[
    Question {
        key: "end-time",
        text: "When does main() end?",
        ask: Ask::EndTime,
    },
    Question {
        key: "max-in-flight",
        text: "At most how many tasks are busy (sleeping) at once?",
        ask: Ask::MaxInFlight,
    },
];

/// The lesson.
pub static LESSON: Lesson = Lesson {
    id: "queue",
    title: "Producer and consumers with a bounded Queue",
    group: "Coordination",
    order: 120,
    summary: "put() waits while the queue is full, get() while it is empty.",
    explanation: &[
        "An asyncio.Queue hands items from producers to consumers, first in, first out. With maxsize=n it holds at most n items: a producer that gets ahead waits at await q.put() until a consumer makes room (backpressure), and a consumer with nothing to do waits at await q.get() until an item arrives. Waiting consumers are served in the order they came.",
        "Each item is taken by exactly one consumer. After q.task_done() for every item, await q.join() returns; the consumers, stuck forever in get(), are then cancelled, the usual way to end them. Watch the producer's lane show waiting while the queue is full, and the consumers' lanes show waiting while it is empty.",
        "Explore timings (below) runs it 200 times with every sleep off by up to ±20 %: the same items are always processed, but which consumer takes which item, and the order of the lines, change from run to run (about 15 different orders at the defaults).",
    ],
    params: PARAMS,
    claim,
    expected_ms: None,
    python,
    main: |cx, p| main(cx, p).boxed_local(),
    predict: PREDICT,
};

/// The ideal schedule, computed by hand (not by the runtime): when each
/// item is put and got, in item order.
#[derive(Clone, Debug, PartialEq)]
pub struct QueuePlan {
    /// When item i enters the queue.
    pub put_ms: Vec<f64>,
    /// When item i is taken out.
    pub got_ms: Vec<f64>,
    /// When the last item is processed (the run's end).
    pub end_ms: f64,
}

impl QueuePlan {
    /// How many puts found the queue full (the producer waited).
    pub fn producer_waits(&self, produce: f64) -> usize {
        let mut prev = 0.0;
        let mut waits = 0;
        for &t in &self.put_ms {
            if t > prev + produce {
                waits += 1;
            }
            prev = t;
        }
        waits
    }
}

/// Items are put one `produce` after the previous put, but not before item
/// `i - maxsize` has been taken; each is got by the consumer free first, no
/// earlier than its put; each takes `consume`.
pub fn plan(p: &Values) -> QueuePlan {
    let n = usize::try_from(p.of(ITEMS)).unwrap_or(0);
    let c = usize::try_from(p.of(CONSUMERS)).unwrap_or(1).max(1);
    let m = usize::try_from(p.of(MAXSIZE)).unwrap_or(0);
    let (produce, consume) = (p.of(PRODUCE), p.of(CONSUME));
    let mut free = vec![0.0f64; c];
    let mut put_ms: Vec<f64> = Vec::with_capacity(n);
    let mut got_ms: Vec<f64> = Vec::with_capacity(n);
    let mut end_ms: f64 = 0.0;
    for i in 0..n {
        let mut put = put_ms.last().copied().unwrap_or(0.0) + produce;
        if m > 0 && i >= m {
            put = put.max(got_ms[i - m]);
        }
        let (k, ready) =
            free.iter()
                .copied()
                .enumerate()
                .fold(
                    (0, f64::INFINITY),
                    |best, (k, t)| {
                        if t < best.1 {
                            (k, t)
                        } else {
                            best
                        }
                    },
                );
        let got = put.max(ready);
        free[k] = got + consume;
        end_ms = end_ms.max(got + consume);
        put_ms.push(put);
        got_ms.push(got);
    }
    QueuePlan {
        put_ms,
        got_ms,
        end_ms,
    }
}

fn claim(p: &Values) -> String {
    let n = p.of(ITEMS);
    let plan = plan(p);
    let waits = plan.producer_waits(p.of(PRODUCE));
    let m = p.of(MAXSIZE);
    let bound = if m == 0 {
        "the unbounded queue".to_string()
    } else {
        format!("Queue(maxsize={m})")
    };
    format!(
        "All {n} items pass through {bound} and each is processed exactly once, in order of arrival, by {} consumer(s); the producer is held back by a full queue {waits} time(s); q.join() returns at {} and the consumers are cancelled.",
        p.of(CONSUMERS),
        fmt_ms(plan.end_ms)
    )
}

fn python(p: &Values) -> String {
    code_params::apply(include_str!("lesson.py"), PARAMS, p)
}

// --- The code that runs: the code panel shows this file from here on. ---

async fn producer(cx: Cx, q: Queue<i64>, n: i64, produce: f64) -> Result<(), TaskError> {
    for i in 0..n {
        cx.sleep(produce).await;
        q.put(&cx, i).await;
        cx.print(format!("put {i}"));
    }
    Ok(())
}

async fn consumer(cx: Cx, q: Queue<i64>, name: String, consume: f64) -> Result<(), TaskError> {
    loop {
        let item = q.get(&cx).await;
        cx.sleep(consume).await;
        cx.print(format!("{name} processed {item}"));
        q.task_done()?;
    }
}

async fn main(cx: Cx, p: Values) -> Result<(), TaskError> {
    let n = p.of(ITEMS);
    let maxsize = usize::try_from(p.of(MAXSIZE)).unwrap_or(0);
    let (produce, consume) = (p.of(PRODUCE), p.of(CONSUME));
    let q: Queue<i64> = Queue::new(&cx, maxsize);
    let consumers: Vec<_> = (0..p.of(CONSUMERS))
        .map(|i| {
            let q = q.clone();
            let name = format!("consumer({i})");
            cx.spawn(name.clone(), move |cx| consumer(cx, q, name, consume))
        })
        .collect();
    let pq = q.clone();
    cx.call("producer()", move |cx| producer(cx, pq, n, produce))
        .await?;
    q.join(&cx).await;
    for c in &consumers {
        c.cancel();
    }
    Ok(())
}
