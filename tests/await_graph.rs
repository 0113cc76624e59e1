#![cfg(not(target_arch = "wasm32"))]
//! The await graph at the playhead (`core::await_graph`): who awaits whom,
//! folded from recorded runs of the interpreter and of the Rust lessons.

mod common;

use async_playground::core::model::await_graph::{await_graph, Node, NodeKind};
use async_playground::core::model::pstree::pstree_text;
use async_playground::core::trace::AwaitKind;
use async_playground::runtime::python_host::simulate;

fn lesson(id: &str) -> String {
    std::fs::read_to_string(format!("src/lessons/{}/lesson.py", id.replace('-', "_")))
        .expect("the lesson's code")
}

fn all<'a>(n: &'a Node, out: &mut Vec<&'a Node>) {
    out.push(n);
    for c in &n.children {
        all(c, out);
    }
}

fn nodes(g: &async_playground::core::model::await_graph::AwaitGraph) -> Vec<&Node> {
    let mut out = Vec::new();
    for r in &g.roots {
        all(r, &mut out);
    }
    out
}

const GATHER: &str = "import asyncio

async def fetch(i):
    await asyncio.sleep(1 + i)
    return i

async def main():
    results = await asyncio.gather(fetch(0), fetch(1), fetch(2))
    print(results)

asyncio.run(main())
";

#[test]
fn gather_tree_in_pstrees_layout() {
    let trace = simulate(GATHER).expect("compiles");
    let g = await_graph(&trace, Some(500.0));
    assert_eq!(g.roots.len(), 1, "{g:#?}");
    let text = pstree_text(&g);
    let expected = "\
└── (T) main()
    └──  main main.py:8
        └── (gather) gather(3 tasks)
            ├── (T) fetch(0)
            │   └──  fetch main.py:4
            │       └── (sleep) sleep until 1.0 s
            ├── (T) fetch(1)
            │   └──  fetch main.py:4
            │       └── (sleep) sleep until 2.0 s
            └── (T) fetch(2)
                └──  fetch main.py:4
                    └── (sleep) sleep until 3.0 s";
    assert_eq!(text, expected, "\n{text}");
    // After fetch(0) returned, two children are left.
    let g = await_graph(&trace, Some(1500.0));
    let gather = nodes(&g)
        .into_iter()
        .find(|n| n.kind == NodeKind::Awaited(AwaitKind::Gather))
        .expect("a gather node");
    assert_eq!(gather.children.len(), 2, "{}", pstree_text(&g));
    // At the end nothing is pending.
    let g = await_graph(&trace, None);
    assert!(g.roots.is_empty());
    assert_eq!(pstree_text(&g), "(no task is pending)");
}

#[test]
fn semaphore_waiters_name_the_holders() {
    // Defaults: 9 tasks, limit 3, 0.8 s each.
    let trace = simulate(&lesson("semaphore")).expect("compiles");
    let g = await_graph(&trace, Some(400.0));
    let ns = nodes(&g);
    let sems: Vec<&&Node> = ns
        .iter()
        .filter(|n| n.kind == NodeKind::Awaited(AwaitKind::Semaphore))
        .collect();
    assert_eq!(sems.len(), 6, "six wait for a permit:\n{}", pstree_text(&g));
    for s in &sems {
        assert!(s.label.contains("held by"), "{}", s.label);
        assert_eq!(s.children.len(), 3, "the three holders below {}", s.label);
    }
    let sleeping_tasks = ns.iter().filter(|n| n.kind == NodeKind::Sleep).count();
    assert!(sleeping_tasks >= 3);
    assert!(g.cycle.is_none());
}

#[test]
fn the_deadlock_lessons_lock_cycle() {
    let trace = simulate(&lesson("deadlock")).expect("compiles");
    let g = await_graph(&trace, None);
    let text = pstree_text(&g);
    let cycle = g.cycle.clone().expect("a cycle");
    assert_eq!(cycle.len(), 3, "{cycle:?}");
    assert_eq!(cycle.first(), cycle.last());
    assert!(text.contains("cycle: "), "{text}");
    let ns = nodes(&g);
    let locks: Vec<&&Node> = ns
        .iter()
        .filter(|n| n.kind == NodeKind::Awaited(AwaitKind::Lock))
        .collect();
    assert!(locks.len() >= 2, "{text}");
    assert!(locks.iter().all(|l| l.cycle), "{text}");
    assert!(ns.iter().any(|n| n.back_edge), "the cycle closes:\n{text}");
    // The same order takes no cycle.
    let same = lesson("deadlock").replace("ORDER = \"opposite\"", "ORDER = \"same\"");
    if same != lesson("deadlock") {
        let trace = simulate(&same).expect("compiles");
        assert!(await_graph(&trace, None).cycle.is_none());
    }
}

#[test]
fn queue_lock_and_task_targets_from_the_interpreter() {
    let src = "import asyncio

async def consumer(q):
    item = await q.get()
    print(item)

async def holder(lock):
    async with lock:
        await asyncio.sleep(1)

async def waiter(lock):
    async with lock:
        pass

async def main():
    q = asyncio.Queue()
    lock = asyncio.Lock()
    c = asyncio.create_task(consumer(q))
    h = asyncio.create_task(holder(lock))
    w = asyncio.create_task(waiter(lock))
    await asyncio.sleep(0.5)
    await q.put(1)
    await w
    await c

asyncio.run(main())
";
    let trace = simulate(src).expect("compiles");
    let g = await_graph(&trace, Some(200.0));
    let ns = nodes(&g);
    let text = pstree_text(&g);
    assert!(
        ns.iter()
            .any(|n| n.kind == NodeKind::Awaited(AwaitKind::Queue)),
        "{text}"
    );
    let lock = ns
        .iter()
        .find(|n| n.kind == NodeKind::Awaited(AwaitKind::Lock))
        .expect(&text);
    assert_eq!(lock.label, "lock (held by holder())", "{text}");
    // main() awaits w at 0.6 s: the task below main's frame.
    let g = await_graph(&trace, Some(600.0));
    let text = pstree_text(&g);
    assert!(
        text.starts_with("└── (T) main()\n    └──  main main.py:23\n        └── (T) waiter()"),
        "{text}"
    );
}

#[test]
fn rust_lessons_give_the_tree_too() {
    let trace = common::simulate("example=sequential-vs-gather");
    let g = await_graph(&trace, Some(100.0));
    let ns = nodes(&g);
    let gather = ns
        .iter()
        .find(|n| n.kind == NodeKind::Awaited(AwaitKind::Gather))
        .expect("gather node");
    assert_eq!(gather.children.len(), 3, "{}", pstree_text(&g));
}
