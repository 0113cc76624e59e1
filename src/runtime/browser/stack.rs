//! How much of the browser's own stack is left. Python calls nest Rust
//! futures, and in the browser those frames live on the engine's native
//! stack, which is far smaller than CPython's recursion limit needs (about
//! 600 plain Python calls fill Chromium's) and which wasm cannot read: when
//! it runs out the engine throws `RangeError` through the wasm, and the page
//! is left broken. So the interpreter asks here, every few levels of a deep
//! recursion, whether a reserve is still free, and raises `RecursionError`
//! (a Python error the learner sees) before it is not.
//!
//! The measure is relative, so it holds in every engine: once, near the
//! bottom of the stack, a JS function recurses until the engine stops it
//! (caught in JS, no wasm frame in between), which counts how many of its
//! frames the whole stack holds; later a probe recurses a fraction of that
//! count, and it succeeds only if that fraction of the stack is still free.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
// One function both counts the stack and probes it, so both use frames of
// the same size.
let reached = 0;
function dive(n) { reached += 1; return n <= 0 ? 0 : 1 + dive(n - 1); }
let frames = 0;
export function stack_calibrate() {
  // Three counts, the most kept: later ones are of the engine's optimised
  // frames, the ones later probes run on.
  for (let i = 0; i < 3; i++) {
    reached = 0;
    try { dive(1e9); } catch (e) { /* the engine's limit: counted */ }
    frames = Math.max(frames, reached);
  }
  return frames;
}
export function stack_has_room(fraction) {
  if (frames === 0) return true;
  try { dive(Math.floor(frames * fraction)); return true; } catch (e) { return false; }
}
"#)]
extern "C" {
    fn stack_calibrate() -> u32;
    fn stack_has_room(fraction: f64) -> bool;
}

/// The share of the whole stack kept free for what runs after a
/// `RecursionError` is raised (unwinding, `except` and `finally` blocks).
const RESERVE: f64 = 0.12;

/// Whether the reserve is still free (see the module's note).
fn has_room() -> bool {
    stack_has_room(RESERVE)
}

/// Measures the stack (once a page, from near its bottom: a run's start)
/// and gives the interpreter the probe. Returns the frames counted.
pub fn install() -> u32 {
    thread_local! {
        static FRAMES: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    }
    let frames = FRAMES.with(|f| {
        if f.get() == 0 {
            f.set(stack_calibrate());
        }
        f.get()
    });
    crate::python::set_stack_probe(Some(has_room));
    frames
}
