//! The await graph as text, in pstree's layout: what "Copy as text" copies.

use super::await_graph::{AwaitGraph, Node, NodeKind};

/// A node's line of text, as pstree writes it: `(T) name` for a task,
/// ` func file:line` for a frame, `(lock) name` for the playground's others.
pub fn node_text(n: &Node) -> String {
    let mut s = match n.kind {
        NodeKind::Task => format!("(T) {}", n.label),
        NodeKind::Frame => format!(" {}", n.label),
        other => format!("({}) {}", other.as_str(), n.label),
    };
    if n.back_edge {
        s.push_str(" ↺ (cycle)");
    }
    s
}

/// The graph as text, in pstree's layout (`└── `, `├── `, `│   `); a cycle
/// is named below the trees, as pstree names one
/// (`cycle: task_1() → task_2() → task_1()`).
pub fn pstree_text(g: &AwaitGraph) -> String {
    fn walk(n: &Node, prefix: &str, last: bool, out: &mut Vec<String>) {
        let connector = if last { "└── " } else { "├── " };
        out.push(format!("{prefix}{connector}{}", node_text(n)));
        let next = format!("{prefix}{}", if last { "    " } else { "│   " });
        for (i, c) in n.children.iter().enumerate() {
            walk(c, &next, i + 1 == n.children.len(), out);
        }
    }
    let mut out: Vec<String> = Vec::new();
    for (i, r) in g.roots.iter().enumerate() {
        if i > 0 {
            out.push(String::new());
        }
        walk(r, "", true, &mut out);
    }
    if g.roots.is_empty() {
        out.push("(no task is pending)".to_string());
    }
    if g.omitted > 0 {
        out.push(format!("… {} more not shown", g.omitted));
    }
    if let Some(c) = &g.cycle {
        out.push(String::new());
        out.push("ERROR: await-graph contains cycles".to_string());
        out.push(format!("cycle: {}", c.join(" → ")));
    }
    out.join("\n")
}
