//! The interpreter's size (scripts/bench.sh builds this twice, as a release
//! cdylib like the app's wasm): without the `py` feature it links the
//! runtime, every Rust lesson and the URL parameters, entered with a lesson
//! id and query only known at run time so nothing folds away; with `py` it
//! also links the interpreter, the way the app reaches it: a program run on
//! the virtual clock and one started on the browser's clock with the
//! interpreter's host. The difference of the two, after wasm-bindgen,
//! wasm-opt and brotli, is what the interpreter adds to the wasm.

use wasm_bindgen::prelude::*;

use async_playground::core::params::parse_query;
use async_playground::lessons::{find, lookup};
use async_playground::runtime::Run;

/// Runs lesson `id` with the values of `query` on the virtual clock; the
/// length of its log.
#[wasm_bindgen]
pub fn lesson(id: &str, query: &str) -> usize {
    let Some(lesson) = find(id) else { return 0 };
    let values = parse_query(query, &lookup).values;
    Run::simulate(lesson.main_fn(values)).len()
}

/// Runs `source` through the interpreter on the virtual clock (how it
/// ended), then starts it on the browser's clock.
#[cfg(feature = "py")]
#[wasm_bindgen]
pub fn python(source: &str) -> String {
    use async_playground::python::{self, RunOptions};
    use async_playground::runtime::python_host;
    use std::rc::Rc;
    let ending = python::run_virtual(source).ending;
    if let Ok(program) = python::compile(source) {
        let run = Run::new_browser(1, 1.0);
        run.start_named(
            program.entry_name(),
            python_host::main_fn(Rc::new(program), RunOptions::default()),
        );
        std::mem::forget(run);
    }
    ending
}
