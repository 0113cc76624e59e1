//! Browser tests of the code editor: typing into it, its keys, and a run of
//! what was typed (real DOM, real timers). Run with `make test-browser`.
//!
//! `a_typed_program_runs` needs the interpreter (parser and evaluator);
//! the others do not.
#![cfg(target_arch = "wasm32")]

use async_playground::app::Playground;
use async_playground::core::params::parse_query;
use async_playground::lessons::lookup;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn doc() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

fn attr(sel: &str, name: &str) -> Option<String> {
    doc()
        .query_selector(sel)
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute(name))
}

fn editor() -> web_sys::HtmlTextAreaElement {
    doc()
        .query_selector("[data-testid=editor]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
        .expect("the editor")
}

thread_local! {
    static BUSY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// One test at a time: async tests interleave, and each mounts a page that
/// owns the window's URL.
struct Exclusive;

impl Drop for Exclusive {
    fn drop(&mut self) {
        BUSY.with(|b| b.set(false));
    }
}

async fn exclusive() -> Exclusive {
    // A test that failed may never let go: after 20 s, go on anyway.
    let mut waited = 0;
    while BUSY.with(|b| b.replace(true)) && waited < 20_000 {
        TimeoutFuture::new(20).await;
        waited += 20;
    }
    Exclusive
}

/// Mounts the page of `q` in a fresh element; keep the handle alive.
async fn mount(q: &str) -> impl Drop {
    if let Some(old) = doc().query_selector("#code-test-root").ok().flatten() {
        old.remove();
    }
    let root = doc().create_element("div").expect("div");
    root.set_id("code-test-root");
    doc()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let p = parse_query(q, &lookup);
    let handle = leptos::mount::mount_to(root.unchecked_into(), move || {
        leptos::prelude::view! { <Playground initial=p.clone()/> }
    });
    TimeoutFuture::new(50).await;
    handle
}

/// Types `text` as a user would: the value changes, then `input` fires.
fn type_text(area: &web_sys::HtmlTextAreaElement, text: &str) {
    let value = area.value();
    let at = area.selection_start().ok().flatten().unwrap_or(0) as usize;
    let units: Vec<u16> = value.encode_utf16().collect();
    let (a, b) = units.split_at(at.min(units.len()));
    let next = format!(
        "{}{text}{}",
        String::from_utf16_lossy(a),
        String::from_utf16_lossy(b)
    );
    area.set_value(&next);
    let caret = (at + text.encode_utf16().count()) as u32;
    let _ = area.set_selection_range(caret, caret);
    let ev = web_sys::Event::new("input").expect("event");
    let _ = area.dispatch_event(&ev);
}

fn key(area: &web_sys::HtmlTextAreaElement, key: &str, ctrl: bool, shift: bool) {
    // `new KeyboardEvent("keydown", {...})`, built through js-sys.
    let init = js_sys::Object::new();
    let set = |k: &str, v: wasm_bindgen::JsValue| {
        let _ = js_sys::Reflect::set(&init, &k.into(), &v);
    };
    set("key", key.into());
    set("ctrlKey", ctrl.into());
    set("shiftKey", shift.into());
    set("bubbles", true.into());
    set("cancelable", true.into());
    let window = web_sys::window().expect("window");
    let ctor: js_sys::Function = js_sys::Reflect::get(&window, &"KeyboardEvent".into())
        .expect("KeyboardEvent")
        .unchecked_into();
    let ev = js_sys::Reflect::construct(&ctor, &js_sys::Array::of2(&"keydown".into(), &init))
        .expect("keydown");
    let _ = area.dispatch_event(ev.unchecked_ref());
}

#[wasm_bindgen_test]
async fn the_editor_indents_undoes_and_follows_the_url() {
    let _x = exclusive().await;
    let _h = mount("example=code").await;
    assert_eq!(
        attr("[data-testid=playground]", "data-example").as_deref(),
        Some("code")
    );
    let area = editor();
    area.set_value("");
    let _ = area.dispatch_event(&web_sys::Event::new("input").expect("event"));
    type_text(&area, "async def main():");
    key(&area, "Enter", false, false);
    assert_eq!(
        area.value(),
        "async def main():\n    ",
        "indented after ':'"
    );
    type_text(&area, "pass");
    key(&area, "Enter", false, false);
    assert_eq!(
        area.value(),
        "async def main():\n    pass\n",
        "dedented after pass"
    );
    key(&area, "Tab", false, false);
    assert_eq!(area.value(), "async def main():\n    pass\n    ");
    key(&area, "Tab", false, true);
    assert_eq!(area.value(), "async def main():\n    pass\n");
    key(&area, "z", true, false);
    assert_eq!(area.value(), "async def main():\n    pass\n    ", "undo");
    key(&area, "z", true, true);
    assert_eq!(area.value(), "async def main():\n    pass\n", "redo");
    // The highlighted layer and the line numbers follow (drawn by effects,
    // which run once the handler has returned).
    TimeoutFuture::new(30).await;
    let layer = doc()
        .query_selector(".editor-layer")
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    assert_eq!(layer, "async def main():    pass");
    let numbers = doc()
        .query_selector_all(".editor-gutter span")
        .expect("gutter")
        .length();
    assert_eq!(numbers, 3);
    // The URL's code follows once typing pauses.
    TimeoutFuture::new(700).await;
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    assert!(search.contains("code=async+def+main"), "{search}");
    // Ctrl+Enter runs: a run starts, or the program's error shows.
    key(&area, "Enter", true, false);
    TimeoutFuture::new(100).await;
    let state = attr("[data-testid=playground]", "data-run-state").unwrap_or_default();
    let error = doc()
        .query_selector("[data-testid=code-error]")
        .ok()
        .flatten();
    assert!(
        state != "idle" || error.is_some(),
        "Ctrl+Enter neither ran nor said why not"
    );
}

#[wasm_bindgen_test]
async fn a_typed_program_runs() {
    let _x = exclusive().await;
    let _h = mount("example=code").await;
    let area = editor();
    area.set_value("");
    type_text(
        &area,
        "import asyncio\n\nasync def job(n):\n    await asyncio.sleep(0.2)\n    print('done', n)\n\nasync def main():\n    await asyncio.gather(job(1), job(2))\n\nasyncio.run(main())\n",
    );
    key(&area, "Enter", true, false);
    let mut waited = 0;
    while attr("[data-testid=playground]", "data-run-state").as_deref() != Some("finished")
        && waited < 5000
    {
        TimeoutFuture::new(20).await;
        waited += 20;
    }
    assert_eq!(
        attr("[data-testid=playground]", "data-run-state").as_deref(),
        Some("finished"),
        "code error: {:?}",
        doc()
            .query_selector("[data-testid=code-error]")
            .ok()
            .flatten()
            .and_then(|e| e.text_content())
    );
    let lines = doc()
        .query_selector_all("[data-testid=console] > li[data-stream=stdout]")
        .expect("lines");
    assert_eq!(lines.length(), 2);
    let at: f64 = attr("[data-testid=console] > li", "data-at-ms")
        .and_then(|v| v.parse().ok())
        .expect("data-at-ms");
    // Real timers fire late, never early: the print is due at 200 ms, late
    // by no more than the page's own heartbeat measured in this run (as
    // tests/browser.rs allows), not by a fixed bound an idle machine meets.
    let ms = |sel: &str, name: &str| {
        attr(sel, name)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(f64::NAN)
    };
    let total_lag = ms("[data-testid=loop-lane]", "data-total-lag-ms");
    let worst = ms("[data-testid=stat-loop-lag]", "data-value");
    let late = 100.0 + total_lag + 2.0 * worst;
    assert!(late.is_finite(), "the page measured its lateness");
    assert!(
        (200.0..200.0 + late).contains(&at),
        "printed at {at}, allowed {late} ms late"
    );
    assert_eq!(
        attr("[data-testid=playground]", "data-ideal-ms").as_deref(),
        Some("200")
    );
    let tasks = doc()
        .query_selector_all("[data-task]")
        .expect("tasks")
        .length();
    assert_eq!(tasks, 3, "main() and two jobs");
}
