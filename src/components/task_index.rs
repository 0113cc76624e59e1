//! The contract's `[data-task]` elements for a large run drawn on a canvas:
//! one light, hidden element per task with `data-task-name`, `data-state`,
//! `data-start-ms` and `data-end-ms` (plus `data-late-ms`), so tests and
//! tools read a 10,000-task run exactly as a small one.
//!
//! The rows are kept by hand rather than through a reactive list: only the
//! rows whose task changed since the last frame are touched (by
//! `RunModel::task_revs`), and new rows are created in the browser's idle
//! time (`requestIdleCallback`), as many as fit in what is left of the
//! frame (at most [`NEW_ROWS_BUDGET_MS`]), so making 10,000 rows never
//! makes a frame late: while the page is busy they wait (at most
//! [`IDLE_TIMEOUT_MS`]), and then come a batch at a time.
//!
//! What makes a row cheap: new rows are written as one HTML string per
//! batch (one call into the page, parsed natively, instead of six
//! `setAttribute` calls each passing two strings), and the attributes that
//! change later are set with names and state words kept as JS strings
//! (no text is copied out of wasm per call) and times passed as numbers.

use leptos::html::Ol;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::components::timeline::ms_attr;
use crate::core::lateness::{end_lateness, ideal_for};
use crate::core::model::tasks::{TaskState, TaskView};
use crate::ctl::run::RunCtl;
use crate::runtime::browser::perf_now;

/// Most real ms spent creating new rows at a time (at least one batch is
/// made each time).
const NEW_ROWS_BUDGET_MS: f64 = 4.0;

/// Longest wait for idle time before a batch of rows is made anyway.
const IDLE_TIMEOUT_MS: u32 = 100;

/// Rows written per HTML string.
const BATCH: usize = 100;

#[wasm_bindgen]
extern "C" {
    /// A row's element, seen through the two calls a row needs, with the
    /// name and value passed as JS values.
    type RowEl;
    #[wasm_bindgen(method, catch, js_name = setAttribute)]
    fn set_attr(this: &RowEl, name: &JsValue, value: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = removeAttribute)]
    fn remove_attr(this: &RowEl, name: &JsValue) -> Result<(), JsValue>;

    /// What `requestIdleCallback` passes its callback.
    type IdleDeadline;
    #[wasm_bindgen(method, js_name = timeRemaining)]
    fn time_remaining(this: &IdleDeadline) -> f64;
    #[wasm_bindgen(catch, js_name = requestIdleCallback)]
    fn request_idle_callback(f: &JsValue, options: &JsValue) -> Result<u32, JsValue>;
}

/// Calls `f` with the ms of idle time it may use, when the browser is idle
/// (or after [`IDLE_TIMEOUT_MS`], with none). Where there is no
/// `requestIdleCallback` (Safari), on a zero timeout with
/// [`NEW_ROWS_BUDGET_MS`]: one slice per turn of the loop, never all at once.
fn when_idle(f: impl FnOnce(f64) + 'static) {
    let slot = std::rc::Rc::new(std::cell::Cell::new(Some(f)));
    if crate::web::features().idle_callback {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &options,
            &JsValue::from_str("timeout"),
            &JsValue::from(IDLE_TIMEOUT_MS),
        );
        let again = slot.clone();
        let cb = Closure::once_into_js(move |d: IdleDeadline| {
            if let Some(f) = again.take() {
                f(d.time_remaining());
            }
        });
        if request_idle_callback(&cb, &options).is_ok() {
            return;
        }
    }
    let again = slot.clone();
    let cb = Closure::once_into_js(move || {
        if let Some(f) = again.take() {
            f(NEW_ROWS_BUDGET_MS);
        }
    });
    let set = web_sys::window().and_then(|w| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 0)
            .ok()
    });
    if set.is_none() {
        if let Some(f) = slot.take() {
            f(NEW_ROWS_BUDGET_MS);
        }
    }
}

/// The attribute names and state words that rows change, as JS strings.
struct Words {
    state: JsValue,
    end: JsValue,
    late: JsValue,
    line: JsValue,
    states: Vec<JsValue>,
}

impl Words {
    fn new() -> Self {
        Words {
            state: JsValue::from_str("data-state"),
            end: JsValue::from_str("data-end-ms"),
            late: JsValue::from_str("data-late-ms"),
            line: JsValue::from_str("data-line"),
            states: TaskState::ALL
                .iter()
                .map(|s| JsValue::from_str(s.as_str()))
                .collect(),
        }
    }

    fn state_word(&self, s: TaskState) -> JsValue {
        TaskState::ALL
            .iter()
            .position(|x| *x == s)
            .and_then(|i| self.states.get(i))
            .cloned()
            .unwrap_or_else(|| JsValue::from_str(s.as_str()))
    }
}

/// What a row shows: state, end and lateness in whole ms, and the code
/// line the task is at.
type Shown = (TaskState, Option<i64>, Option<i64>, Option<i64>);

/// A row and what it shows (attributes are written only when they change).
struct Row {
    el: RowEl,
    shown: Shown,
}

#[derive(Default)]
struct Rows {
    generation: u32,
    seen_rev: u64,
    rows: Vec<Row>,
}

fn shown_of(t: &TaskView, late: Option<f64>) -> Shown {
    (
        t.state,
        t.end_ms.map(|e| e.round() as i64),
        late.map(|l| l.round() as i64),
        t.line.map(i64::from),
    )
}

/// Writes `ms` (whole) as attribute `name` of `el`, or removes it.
fn set_ms(el: &RowEl, name: &JsValue, ms: Option<i64>) {
    let _ = match ms {
        // A number: the page writes it as the same digits as `ms_attr`.
        Some(v) => el.set_attr(name, &JsValue::from_f64(v as f64)),
        None => el.remove_attr(name),
    };
}

/// Writes the attributes of `row` that differ from `want`.
fn fill(words: &Words, row: &mut Row, want: Shown) {
    if row.shown.0 != want.0 {
        let _ = row.el.set_attr(&words.state, &words.state_word(want.0));
    }
    if row.shown.1 != want.1 {
        set_ms(&row.el, &words.end, want.1);
    }
    if row.shown.3 != want.3 {
        set_ms(&row.el, &words.line, want.3);
    }
    if row.shown.2 != want.2 {
        set_ms(&row.el, &words.late, want.2);
    }
    row.shown = want;
}

/// `s` with the characters that end or break an HTML attribute value escaped.
fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

/// The HTML of one row, as it would be written attribute by attribute.
fn row_html(out: &mut String, t: &TaskView, shown: Shown) {
    out.push_str("<li data-task=\"\" data-task-id=\"");
    out.push_str(&t.id.0.to_string());
    out.push_str("\" data-task-name=\"");
    escape_into(out, &t.name);
    out.push_str("\" data-start-ms=\"");
    out.push_str(&ms_attr(t.start_ms));
    out.push_str("\" data-state=\"");
    out.push_str(shown.0.as_str());
    out.push('"');
    if let Some(e) = shown.1 {
        out.push_str(&format!(" data-end-ms=\"{e}\""));
    }
    if let Some(l) = shown.3 {
        out.push_str(&format!(" data-line=\"{l}\""));
    }
    if let Some(l) = shown.2 {
        out.push_str(&format!(" data-late-ms=\"{l}\""));
    }
    out.push_str("></li>");
}

/// The hidden `[data-task]` index of a large run.
#[component]
pub fn TaskIndex() -> impl IntoView {
    let ctl = expect_context::<RunCtl>();
    let list = NodeRef::<Ol>::new();
    let state: StoredValue<Rows, LocalStorage> = StoredValue::new_local(Rows::default());
    let words: StoredValue<Words, LocalStorage> = StoredValue::new_local(Words::new());
    let pending = StoredValue::new(false);

    // Brings the rows up to date, creating new ones for `grow` ms (at least
    // one batch if it is positive); returns whether rows are still missing.
    let sync = move |grow: f64| -> bool {
        let t0 = perf_now();
        let Some(ol) = list.get_untracked() else {
            return false;
        };
        let ol: web_sys::HtmlOListElement = ol;
        let (generation, rev) = ctl.snapshot.with_untracked(|s| (s.generation, s.rev));
        words
            .try_with_value(|words| {
                state.try_update_value(|st| {
                    if st.generation != generation {
                        ol.set_text_content(None);
                        *st = Rows {
                            generation,
                            ..Rows::default()
                        };
                    }
                    ctl.snapshot.with_untracked(|s| {
                        ctl.ideal.with_untracked(|ideal| {
                            let ideal: &[TaskView] = if ideal.generation == generation {
                                &ideal.tasks
                            } else {
                                &[]
                            };
                            let want = |pos: usize, t: &TaskView| {
                                let late =
                                    ideal_for(ideal, pos, t).and_then(|i| end_lateness(t, i));
                                shown_of(t, late)
                            };
                            if st.seen_rev != rev {
                                for (pos, row) in st.rows.iter_mut().enumerate() {
                                    let changed =
                                        s.task_revs.get(pos).is_some_and(|r| *r > st.seen_rev);
                                    if let (true, Some(t)) = (changed, s.tasks.get(pos)) {
                                        fill(words, row, want(pos, t));
                                    }
                                }
                                st.seen_rev = rev;
                            }
                            let mut html = String::new();
                            let grow = grow.min(NEW_ROWS_BUDGET_MS);
                            while grow > 0.0 && st.rows.len() < s.tasks.len() {
                                let start = st.rows.len();
                                let end = s.tasks.len().min(start + BATCH);
                                html.clear();
                                let mut shown = Vec::with_capacity(end - start);
                                for (pos, t) in s.tasks.iter().enumerate().take(end).skip(start) {
                                    let w = want(pos, t);
                                    row_html(&mut html, t, w);
                                    shown.push(w);
                                }
                                if ol.insert_adjacent_html("beforeend", &html).is_err() {
                                    break;
                                }
                                // The new elements, last first.
                                let mut els = Vec::with_capacity(shown.len());
                                let mut el = ol.last_element_child();
                                while let (Some(e), true) = (el, els.len() < shown.len()) {
                                    el = e.previous_element_sibling();
                                    els.push(e);
                                }
                                if els.len() != shown.len() {
                                    // Someone else changed the list: start again.
                                    ol.set_text_content(None);
                                    st.rows.clear();
                                    break;
                                }
                                st.rows.extend(els.into_iter().rev().zip(shown).map(
                                    |(el, shown)| Row {
                                        el: el.unchecked_into(),
                                        shown,
                                    },
                                ));
                                if perf_now() - t0 > grow {
                                    break;
                                }
                            }
                            st.rows.len() < s.tasks.len()
                        })
                    })
                })
            })
            .flatten()
            .unwrap_or(false)
    };

    // New rows are made in idle time, a slice at a time while rows are
    // missing; every refresh updates the rows that changed.
    fn grow_loop(sync: impl Fn(f64) -> bool + Copy + 'static, pending: StoredValue<bool>) {
        if pending.get_value() {
            return;
        }
        pending.set_value(true);
        when_idle(move |idle| {
            pending.try_set_value(false);
            // With no idle time (the timeout passed), one batch.
            if sync(idle.max(0.01)) {
                grow_loop(sync, pending);
            }
        });
    }
    Effect::new(move || {
        list.track();
        ctl.snapshot.with(|s| s.rev);
        ctl.ideal.with(|i| i.generation);
        if sync(0.0) {
            grow_loop(sync, pending);
        }
    });

    view! { <ol class="task-index" node_ref=list hidden aria-hidden="true" data-testid="task-index"></ol> }
}
